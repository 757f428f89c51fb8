"""The social-protection section's numbers (notebook 04): money per item, the share of children in special
circumstances, a year's change, and the injury figures cut to the same date as the year before.
Frames in, frames out: no language, no formatting.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.data import content
from helpers.data.query import cut_off, value
from helpers.data.slots import slot

# Money units in VND, for averages in đồng.
VND_PER_UNIT = {"million_vnd": 1e6, "billion_vnd": 1e9}
PART = "social_protection"  # its "injuries" block (data/content.csv) and its slots (data/slots.csv)


def named(name: str) -> str:
    """The indicator that fills slot ``name`` of the part (data/slots.csv); an empty string, which no figure has,
    when the data declare none."""
    return slot(PART, name) or ""


def injury_ids() -> list[str]:
    """The injury figures cut to one date: the lines of the part's ``injuries`` block (data/content.csv)."""
    return content.indicators(PART, "injuries")


AS_OF_RE = re.compile(r"as of (\d{1,2}/\d{1,2}/\d{4})")


def share(part: float | None, whole: float | None) -> float | None:
    """``part / whole`` in percent, or None when either is missing or the whole is 0."""
    if part is None or whole is None or whole == 0:
        return None
    return part / whole * 100


def average_vnd(amount: float | None, amount_unit: str, count: float | None) -> float | None:
    """Money per item in đồng: ``amount`` (in ``amount_unit``, e.g. million VND) divided by ``count``."""
    if amount_unit not in VND_PER_UNIT or amount is None or count is None or count == 0:
        return None
    return amount * VND_PER_UNIT[amount_unit] / count


def special_share(figures: pd.DataFrame, year: int) -> float | None:
    """Children in special circumstances as a percent of all children (computed; None if either is missing)."""
    return share(value(figures, named("special"), year), value(figures, named("children"), year))


def change(figures: pd.DataFrame, indicator_id: str, year: int) -> dict:
    """An indicator's ``year - 1`` and ``year`` values, the change and the change in percent (None where missing)."""
    prev, now = value(figures, indicator_id, year - 1), value(figures, indicator_id, year)
    diff = None if prev is None or now is None else now - prev
    return {"prev": prev, "now": now, "change": diff, "change_pct": share(diff, prev)}


def injury_view(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The injury figures as the report compares them: all cut to the same date.

    The report counts child injuries and deaths up to a cut-off (15/11/2023)
    and compares them with the same period of the year before. The view keeps,
    for the injury indicators, only the figures of ``year``'s cut-off and of the
    same day a year earlier (full-period figures when ``year``'s are full-period),
    with the date carried into the note ("as of 15/11/2023") for the reader.
    Other indicators are untouched; a part-period figure is never set beside a
    full-period one.
    """
    dates = cut_off(figures)
    ids = injury_ids()
    injury = figures["indicator_id"].isin(ids)
    this_year = figures[
        injury
        & (figures["indicator_id"] == named("injuries"))
        & (figures["period"] == year)
        & figures["preferred"].astype(bool)
    ]
    if this_year.empty:
        return figures
    cut = str(dates.loc[this_year.index[0]])
    wanted = {year: cut, year - 1: f"{year - 1}{cut[4:]}" if cut else ""}
    keep = ~injury | figures.apply(lambda r: wanted.get(int(r["period"])) == dates.loc[r.name], axis=1).astype(bool)
    if cut:
        # A year-before figure the report gives with no cut-off ("so với năm 2022 (21 trường hợp)") is kept when
        # there is none to the same day, as printed; it carries no "as of", so no change is computed against it.
        before = injury & (figures["period"] == year - 1)
        matched = set(figures.loc[keep & before, "indicator_id"])
        keep |= before & (dates == "") & ~figures["indicator_id"].isin(matched)
    view = figures[keep].copy()
    dated = view["indicator_id"].isin(ids) & (cut_off(view) != "")
    if dated.any():
        shown = cut_off(view)[dated].map(lambda d: f"{int(d[8:10])}/{int(d[5:7])}/{d[:4]}")
        notes = view.loc[dated, "note"].fillna("")
        view.loc[dated, "note"] = [f"{n}; as of {d}" if n else f"as of {d}" for n, d in zip(notes, shown, strict=True)]
        view.loc[dated, "as_of"] = ""
    return view


def as_of(row: pd.Series | None) -> str | None:
    """The cut-off date a figure's note records ("as of 15/11/2023" → "15/11/2023"), if any."""
    match = AS_OF_RE.search(str(row["note"] or "")) if row is not None else None
    return match[1] if match else None
