"""Small questions asked of a loaded year (:func:`helpers.data.loading.load_year`).

Every function reads only the preferred figure of each key (the most trusted
source where sources disagree) unless it says otherwise.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.loading import load_breakdown_labels, load_catalogue, unit_name


def preferred(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures the analysis uses: one per figure key (indicator, period, as_of, kind, instrument, breakdown)."""
    return figures[figures["preferred"]]


def with_key_columns(figures: pd.DataFrame) -> pd.DataFrame:
    """``figures`` with every figure-key column present (``as_of`` and ``instrument`` empty where a
    hand-made frame leaves them out), so that grouping by the key works on any figures frame."""
    missing = {c: "" for c in ("as_of", "instrument") if c not in figures.columns}
    return figures.assign(**missing) if missing else figures


def cut_off(figures: pd.DataFrame) -> pd.Series:
    """Each row's ``as_of`` (empty for a full-period figure); all empty for a frame without the column."""
    if "as_of" in figures.columns:
        return figures["as_of"].fillna("")
    return pd.Series("", index=figures.index)


def select(
    figures: pd.DataFrame,
    indicator_id: str,
    kind: str | None = "actual",
    breakdown: str | None = "",
    period: int | None = None,
    as_of: str | None = "",
) -> pd.DataFrame:
    """Preferred rows of one indicator; ``None`` for kind, breakdown or period means any.

    ``as_of`` picks full-period figures by default (``""``); a date picks the
    part-period figures of that cut-off, ``None`` any. Part-period figures never
    mix into a series of full-period ones unless asked for.
    """
    rows = preferred(figures)
    mask = rows["indicator_id"] == indicator_id
    if as_of is not None:
        mask &= cut_off(rows) == as_of
    if kind is not None:
        mask &= rows["kind"] == kind
    if breakdown is not None:
        mask &= rows["breakdown"] == breakdown
    if period is not None:
        mask &= rows["period"] == period
    return rows[mask]


def series(figures: pd.DataFrame, indicator_id: str, kind: str = "actual", breakdown: str = "") -> pd.Series:
    """Values of one indicator by period (ascending), named after the indicator."""
    rows = select(figures, indicator_id, kind, breakdown)
    return rows.set_index("period")["value"].sort_index().rename(indicator_id)


def value(
    figures: pd.DataFrame, indicator_id: str, period: int, kind: str = "actual", breakdown: str = ""
) -> float | None:
    """One figure's value, or None when the data do not hold it."""
    rows = select(figures, indicator_id, kind, breakdown, period)
    return float(rows["value"].iloc[0]) if len(rows) else None


def figure_row(
    figures: pd.DataFrame, indicator_id: str, period: int, kind: str = "actual", breakdown: str = ""
) -> pd.Series | None:
    """One figure's whole row (printed, source, locator, note…), or None."""
    rows = select(figures, indicator_id, kind, breakdown, period)
    return rows.iloc[0] if len(rows) else None


def parts(figures: pd.DataFrame, indicator_id: str, dimension: str, period: int, kind: str = "actual") -> pd.DataFrame:
    """The parts of a breakdown: columns ``category`` (the code) and ``value``, in data order."""
    rows = select(figures, indicator_id, kind, None, period)
    rows = rows[rows["breakdown"].str.startswith(f"{dimension}=")]
    return pd.DataFrame(
        {"category": rows["breakdown"].str.split("=", n=1).str[1].to_numpy(), "value": rows["value"].to_numpy()}
    )


def indicator_name(indicator_id: str, lang: str) -> str:
    """The catalogue's name of an indicator in ``lang``."""
    catalogue = load_catalogue().set_index("indicator_id")
    return str(catalogue.at[indicator_id, f"name_{lang}"])


def unit_label(indicator_id: str, lang: str, count: float | None = None) -> str:
    """The unit of an indicator in ``lang`` ("hộ", "%", "triệu đồng"…); with ``count``, its name after that number
    (English "1 household", "2 households": data/units.csv's ``name_en_one`` and ``name_en``)."""
    unit = str(load_catalogue().set_index("indicator_id").at[indicator_id, "unit"])
    return unit_name(unit, lang, count=count)


def category_label(dimension: str, code: str, lang: str) -> str:
    """The name of a breakdown category in ``lang``; the code itself when unlabelled."""
    labels = load_breakdown_labels()
    hit = labels[(labels["dimension"] == dimension) & (labels["value"] == code)]
    return str(hit[f"label_{lang}"].iloc[0]) if len(hit) else code
