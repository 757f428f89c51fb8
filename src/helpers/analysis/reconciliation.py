"""Data-quality checks on a year's figures: do the numbers hold together?

- Derived figures the report states (percent of plan, change on last year,
  shares) against their recomputation from other figures, following the rules
  in ``data/derivations.csv``, compared at the precision the figure was printed.
- Breakdowns against their totals: parts that the catalogue says make the total
  must add up to it; parts of a partial breakdown must not exceed it.
- The same figure given by two sources with different values, and which one the
  analysis uses.
- Figures printed ambiguously, with the reading chosen.
- How many figures the year's data hold, by domain and kind.

Every function here is pure: DataFrames in (as :func:`helpers.data.loading.load_year`
gives them), DataFrame out. Presentation lives in :mod:`helpers.sections.data_quality`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from helpers.data import contract
from helpers.data.derivations import format_reference, load_derivations, parse_reference  # noqa: F401
from helpers.data.printed import is_ambiguous, parse_printed
from helpers.data.query import preferred, with_key_columns

RECONCILED_KINDS = ("actual", "estimate")  # a goal is not recomputed from results
GOAL_KINDS = ("plan", "target")  # a goal has no cut-off: it is set for its whole period

AGREES, DIFFERS, CANNOT = "agrees", "differs", "cannot recompute"
# Breakdown statuses: complete breakdowns (the parts make the total) and partial ones (parts within the total).
SUM_AGREES, SUM_ROUNDING, SUM_DIFFERS, NO_TOTAL = "agrees", "agrees within rounding", "differs", "no total printed"
WITHIN_TOTAL, EXCEEDS_TOTAL = "within total", "exceeds total"

# Comparing at the print's precision ---------------------------------------------


def printed_decimals(printed: str) -> int:
    """How many decimals a print shows: ``"96,3%"`` → 1, ``"100,20%"`` → 2, ``"tăng 67"`` → 0, ``"9,5 nghìn"`` → 0."""
    return max(0, printed_place(printed))


def printed_place(printed: str) -> int:
    """The decimal place of a print's last digit, as :func:`printed_decimals` but negative for a print with a
    multiplier word, known above the units (``"9,5 nghìn"`` → −2, to hundreds): the precision it is compared at."""
    parsed = parse_printed(printed)
    return 0 if parsed is None else parsed.decimals()


def round_half_up(value: float, decimals: int) -> Decimal:
    """``value`` rounded half up (as the report rounds) to ``decimals`` places."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def agrees_at_print_precision(recomputed: float, stated: float, printed: str) -> bool:
    """Whether a recomputed number agrees with a stated one as far as the print shows.

    A stated 96,3% agrees with 96,29…; a floor "trên 51%" with anything above
    51; a ceiling "dưới 2,1%" with anything below 2,1.
    """
    parsed = parse_printed(printed)
    bound = parsed.bound if parsed else None
    if bound == "floor":
        return recomputed >= stated
    if bound == "ceiling":
        return recomputed <= stated
    decimals = printed_place(printed)
    return round_half_up(recomputed, decimals) == round_half_up(stated, decimals)


def _compute(method: str, a: float, b: float) -> float | None:
    if method == "difference":
        return a - b
    return a / b * 100 if b else None


def reconcile_derivations(figures: pd.DataFrame, derivations: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each derived figure of ``year``'s data with a rule, beside its recomputation.

    The stated figures are the preferred actual or estimate rows of the year's
    own file (see :func:`year_rows`) whose indicator has a rule; inputs are
    looked up among all preferred figures known in the year (earlier years too).
    ``status`` is ``agrees``, ``differs`` or ``cannot recompute``; ``missing``
    lists the absent inputs as ``indicator_id|kind[|breakdown]@period`` (``unlisted``
    for an input the catalogue does not hold).
    """
    rules = derivations.set_index("indicator_id")
    stated = preferred(year_rows(figures, year))
    stated = stated[stated["indicator_id"].isin(rules.index) & stated["kind"].isin(RECONCILED_KINDS)]
    # Inputs are full-period figures for a full-period figure; for a part-period one ("as of 15/11/2023"),
    # results cut off on the same day of their own year: part-year is compared only with part-year. A goal is
    # always the period's own (a plan is set for the year), so a part-year "% of plan" ("đạt 67,98% kế hoạch năm"
    # at 31/7) is recomputed against the year's plan.
    figures = with_key_columns(figures)
    stated = with_key_columns(stated)
    lookup = preferred(figures)
    lookup = lookup[lookup["kind"].isin(contract.KINDS)].set_index(
        ["indicator_id", "kind", "breakdown", "period", "as_of"]
    )
    records = []
    for row in stated.itertuples(index=False):
        rule = rules.loc[row.indicator_id]
        record: dict = {
            "indicator_id": row.indicator_id,
            "period": row.period,
            "as_of": row.as_of,
            "kind": row.kind,
            "breakdown": row.breakdown,
            "unit": row.unit,
            "stated": row.value,
            "stated_printed": row.printed,
            "source_id": row.source_id,
            "method": rule["method"],
            "unlisted_input_vi": rule["unlisted_input_vi"],
            "unlisted_input_en": rule["unlisted_input_en"],
            "note": rule["note"],
        }
        inputs, missing, sources = [], [], [row.source_id]
        for part in ("numerator", "denominator"):
            ref = parse_reference(rule[part]) if rule[part] else None
            key = None
            if ref is not None:
                key = (*ref.resolve(row.kind, row.breakdown), int(row.period + rule[f"{part}_period_offset"]))
            cut = f"{key[3]}{row.as_of[4:]}" if key is not None and row.as_of and key[1] not in GOAL_KINDS else ""
            if cut and (*key, cut) not in lookup.index and (*key, "") in lookup.index:
                cut = ""  # the report compares with a figure it gives to no cut-off ("so với năm 2022 (21 …)")
            hits = lookup.loc[[(*key, cut)]] if key is not None and (*key, cut) in lookup.index else None
            # Two instruments' goals for the same key (an annual plan and a programme's target of one kind are
            # never that, but two targets can be) are one input only when they agree.
            hit = hits.iloc[0] if hits is not None and hits["value"].nunique() == 1 else None
            record[f"{part}_ref"] = "" if key is None else format_reference(*key)
            record[f"{part}_indicator_id"] = None if key is None else key[0]
            record[f"{part}_kind"] = None if key is None else key[1]
            record[f"{part}_breakdown"] = None if key is None else key[2]
            record[f"{part}_period"] = None if key is None else key[3]
            record[f"{part}_value"] = None if hit is None else float(hit["value"])
            record[f"{part}_printed"] = None if hit is None else hit["printed"]
            if hit is None:
                missing.append(record[f"{part}_ref"] or "unlisted")
            else:
                sources.append(hit["source_id"])
            inputs.append(None if hit is None else float(hit["value"]))
        recomputed = None if None in inputs else _compute(rule["method"], inputs[0], inputs[1])
        if recomputed is None:
            status = CANNOT
        else:
            status = AGREES if agrees_at_print_precision(recomputed, row.value, row.printed) else DIFFERS
        record.update(
            recomputed=recomputed,
            difference=None if recomputed is None else recomputed - row.value,
            status=status,
            missing="; ".join(missing),
            source_ids=sorted(set(sources)),
        )
        records.append(record)
    columns = [
        "indicator_id",
        "period",
        "as_of",
        "kind",
        "breakdown",
        "unit",
        "stated",
        "stated_printed",
        "source_id",
        "method",
        *[
            f"{p}_{c}"
            for p in ("numerator", "denominator")
            for c in ("ref", "indicator_id", "kind", "breakdown", "period", "value", "printed")
        ],
        "recomputed",
        "difference",
        "status",
        "missing",
        "unlisted_input_vi",
        "unlisted_input_en",
        "note",
        "source_ids",
    ]
    return pd.DataFrame.from_records(records, columns=columns)


# Scope -------------------------------------------------------------------------


def year_rows(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The rows of ``year``'s own figures file among the figures known in ``year`` (``vintage == year``)."""
    return figures[figures["vintage"] == year]


# Breakdowns against totals ------------------------------------------------------------


def _dimension(breakdown: str) -> str:
    return breakdown.partition("=")[0]


def breakdown_checks(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each breakdown of an additive indicator in ``year``'s data against its total.

    For a dimension in the catalogue's ``complete_breakdowns`` the parts must
    add up to the total: ``agrees``, ``agrees within rounding`` (money printed
    rounded), ``differs``, or ``no total printed``. For any other (partial)
    dimension the parts must not exceed it: ``within total`` or ``exceeds total``;
    partial breakdowns without a total are left out. Whole counts must add up
    exactly; other units within half a unit of the last printed digit per figure.
    """
    rows = with_key_columns(preferred(year_rows(figures, year)))
    rows = rows[rows["additive"].astype(bool)].assign(as_of=lambda d: d["as_of"].fillna(""))
    parts = rows[rows["breakdown"] != ""].assign(dimension=lambda d: d["breakdown"].map(_dimension))
    # Parts are set only against the total of the same cut-off: a first-half split is never checked against a
    # first-quarter total (issue 14).
    totals = rows[rows["breakdown"] == ""].set_index(["indicator_id", "period", "kind", "as_of"])
    records = []
    for (indicator_id, period, kind, as_of, dimension), group in parts.groupby(
        ["indicator_id", "period", "kind", "as_of", "dimension"], sort=False
    ):
        first = group.iloc[0]
        complete = dimension in str(first["complete_breakdowns"]).split(";")
        key = (indicator_id, period, kind, as_of)
        total = totals.loc[[key]].iloc[0] if key in totals.index else None
        if total is None and not complete:
            continue
        parts_sum = float(group["value"].sum())
        prints = list(group["printed"]) + ([] if total is None else [total["printed"]])
        decimals = max(printed_place(p) for p in prints)
        whole = bool(first["whole"])
        tolerance = 0.0 if whole else 0.5 * 10**-decimals * len(prints)
        difference = None if total is None else parts_sum - float(total["value"])
        if total is None:
            status = NO_TOTAL
        elif complete:
            status = (
                SUM_AGREES
                if abs(difference) < 1e-9
                else SUM_ROUNDING
                if abs(difference) <= tolerance + 1e-9
                else SUM_DIFFERS
            )
        else:
            status = WITHIN_TOTAL if difference <= tolerance + 1e-9 else EXCEEDS_TOTAL
        records.append(
            {
                "indicator_id": indicator_id,
                "period": int(period),
                "as_of": as_of,
                "kind": kind,
                "dimension": dimension,
                "unit": first["unit"],
                "complete": complete,
                "total": None if total is None else float(total["value"]),
                "total_printed": None if total is None else total["printed"],
                "parts_sum": parts_sum,
                "n_parts": len(group),
                "categories": [b.partition("=")[2] for b in group["breakdown"]],
                "part_values": [float(v) for v in group["value"]],
                "difference": difference,
                "status": status,
                "source_ids": sorted(set(group["source_id"]) | (set() if total is None else {total["source_id"]})),
            }
        )
    columns = [
        "indicator_id",
        "period",
        "as_of",
        "kind",
        "dimension",
        "unit",
        "complete",
        "total",
        "total_printed",
        "parts_sum",
        "n_parts",
        "categories",
        "part_values",
        "difference",
        "status",
        "source_ids",
    ]
    return pd.DataFrame.from_records(records, columns=columns)


# Sources that disagree -------------------------------------------------------------------


def source_disagreements(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Figures of ``year``'s data given by two or more sources with different values.

    One row per source of each such figure, with ``preferred`` True for the
    one the analysis uses (the most trusted source, by the sources' priority).
    Figures where the sources agree are left out.
    """
    rows = with_key_columns(year_rows(figures, year))
    key = contract.FIGURE_KEY
    counts = rows.groupby(key, dropna=False)["value"].transform("nunique")
    out = rows[counts > 1].sort_values(key + ["preferred"], ascending=[True] * len(key) + [False], kind="stable")
    return out[key + ["value", "printed", "unit", "source_id", "locator", "preferred"]].reset_index(drop=True)


def source_confirmations(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Figures of ``year``'s data that two or more sources give with the same value (one row per figure)."""
    rows = with_key_columns(year_rows(figures, year))
    key = contract.FIGURE_KEY
    grouped = rows.groupby(key, dropna=False).agg(n_sources=("source_id", "nunique"), n_values=("value", "nunique"))
    return grouped[(grouped["n_sources"] > 1) & (grouped["n_values"] == 1)].reset_index()


# Ambiguous prints -----------------------------------------------------------------------


def plain_number(value: float) -> str:
    """A float as the ``value`` column writes it: ``18173.0`` → ``"18173"``, ``2.27`` → ``"2.27"``."""
    return format(Decimal(repr(float(value))).normalize(), "f")


def ambiguous_prints(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Rows of ``year``'s data recorded under the other reading of an ambiguous print.

    Columns include ``value`` (the reading chosen), ``literal_reading`` (what the
    print says under the Vietnamese convention) and the row's ``note``.
    """
    rows = with_key_columns(year_rows(figures, year))
    mask = rows.apply(lambda r: is_ambiguous(r["printed"], plain_number(r["value"]), str(r["note"])), axis=1)
    hits = rows[mask.astype(bool)] if len(rows) else rows

    def literal(printed: str) -> float:
        parsed = parse_printed(printed)
        return float(min(parsed.readings())) if parsed else float("nan")

    out = hits.assign(literal_reading=hits["printed"].map(literal) if len(hits) else pd.Series(dtype=float))
    return out[
        contract.FIGURE_KEY + ["unit", "printed", "value", "literal_reading", "source_id", "locator", "note"]
    ].reset_index(drop=True)


# Coverage ---------------------------------------------------------------------------------


def coverage(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """How many figures ``year``'s data hold, by domain (rows) and kind (columns).

    Also ``indicators`` (distinct indicators) and ``total`` per domain; domains
    in the catalogue's order, kinds in the contract's order, zeros kept.
    """
    rows = year_rows(figures, year)
    kinds = list(contract.KINDS)
    if rows.empty:
        return pd.DataFrame(columns=["domain", *kinds, "total", "indicators"])
    counts = rows.groupby(["domain", "kind"]).size().unstack(fill_value=0).reindex(columns=kinds, fill_value=0)
    order = [d for d in contract.DOMAINS if d in counts.index]
    counts = counts.reindex(order)
    counts["total"] = counts[kinds].sum(axis=1)
    counts["indicators"] = rows.groupby("domain")["indicator_id"].nunique().reindex(order)
    return counts.reset_index().rename_axis(columns=None)
