"""One indicator's series: results and goals over the years, and where its definition changes.

A series that changes definition (data/series_breaks.csv, e.g. the poverty standard from 2021)
is never compared across the change; :func:`same_definition` says whether two periods may be.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis.precedence import counts
from helpers.data.loading import load_series_breaks
from helpers.data.printed import parse_printed
from helpers.data.query import cut_off, select

GOAL_KINDS = ("plan", "target")
RESULT_KINDS = ("actual", "estimate")
KIND_ORDER = ("actual", "estimate", "plan", "target")


def breaks_of(indicator_id: str) -> list[int]:
    """The first periods of each new definition of ``indicator_id`` (data/series_breaks.csv)."""
    breaks = load_series_breaks()
    return sorted(int(p) for p in breaks.loc[breaks["indicator_id"] == indicator_id, "first_period"])


def breaks_within(periods: Sequence[int], breaks: Sequence[int]) -> list[int]:
    """The breaks that fall inside the periods shown (after the first one, at or before the last one)."""
    if not len(periods):
        return []
    low, high = min(periods), max(periods)
    return [b for b in breaks if low < b <= high]


def same_definition(start: int, end: int, breaks: Sequence[int]) -> bool:
    """True when no break lies in (start, end]: both periods are measured the same way."""
    low, high = min(start, end), max(start, end)
    return not any(low < b <= high for b in breaks)


def goal_series(
    figures: pd.DataFrame, indicator_id: str, up_to: int, kinds: Sequence[str] = KIND_ORDER, breakdown: str = ""
) -> pd.DataFrame | None:
    """The preferred figures of one indicator of the given kinds up to period ``up_to``; None if there are none.

    Columns: period, kind, value, low, high (a range goal's band, else empty: a chart draws the band, never
    ``value`` alone), printed, source_id, instrument (ordered by period, then kind). Where two
    instruments set a goal of the same kind for the same period (the annual plan's 66% and the 2011-2020
    plan's 85% for 2020), both rows are kept, the one that counts first
    (:func:`helpers.analysis.precedence.counts`); a chart draws it and its caption names the other.
    """
    rows = select(figures, indicator_id, kind=None, breakdown=breakdown)
    rows = rows[rows["kind"].isin(kinds) & (rows["period"] <= up_to)]
    if rows.empty:
        return None
    if "instrument" not in rows.columns:
        rows = rows.assign(instrument="")

    # Within a period and kind, the goal that counts (the one judge) comes first: it is the one a chart draws.
    goal = rows["kind"].isin(GOAL_KINDS)
    counted = pd.Series(False, index=rows.index)
    if goal.any():
        counted[goal] = counts(rows[goal])
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    rows = rows.assign(_order=rows["kind"].map(order), _later=~counted).sort_values(
        ["period", "_order", "_later"], kind="stable"
    )
    for end in ("low", "high"):
        if end not in rows.columns:
            rows = rows.assign(**{end: float("nan")})
    return rows[["period", "kind", "value", "low", "high", "printed", "source_id", "instrument"]].reset_index(drop=True)


def drawn(data: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`goal_series` a chart draws: one per period and kind (the first instrument's goal where
    two set one)."""
    return data.drop_duplicates(["period", "kind"], keep="first")


def current_result(figures: pd.DataFrame, indicator_id: str, year: int, breakdown: str = "") -> pd.Series | None:
    """The latest result at or before ``year``: the actual figure, or the estimate for a period with no actual."""
    rows = select(figures, indicator_id, kind=None, breakdown=breakdown)
    rows = rows[rows["kind"].isin(RESULT_KINDS) & (rows["period"] <= year)]
    if rows.empty:
        return None
    rows = rows.assign(_actual=rows["kind"] == "actual").sort_values(["period", "_actual"], kind="stable")
    return rows.iloc[-1]


def part_year_result(figures: pd.DataFrame, indicator_id: str, year: int, breakdown: str = "") -> pd.Series | None:
    """The latest part-year result of ``year`` (an ``actual`` with a cut-off inside the year: "tính đến 31/7"), or
    None. It is shown as part-year, dated by its ``as_of``, and never judged against the year's goal."""
    rows = select(figures, indicator_id, kind="actual", breakdown=breakdown, period=year, as_of=None)
    rows = rows[cut_off(rows) != ""]
    return rows.sort_values("as_of", kind="stable").iloc[-1] if len(rows) else None


def _bound(printed: object) -> str | None:
    parsed = parse_printed(printed) if isinstance(printed, str) else None
    return parsed.bound if parsed is not None else None


def change_bound(printed: object, previous_printed: object) -> str | None:
    """Whether a change computed from two prints is itself a bound: "ceiling" when the true change is below the
    number (the result printed "dưới 1,2%", or the earlier one "trên …"), "floor" when above it; None when both
    are exact. "invalid" when the two bounds pull apart, so that no change can be stated."""
    now, before = _bound(printed), _bound(previous_printed)
    flipped = {"ceiling": "floor", "floor": "ceiling"}.get(before) if before else None
    bounds = {b for b in (now, flipped) if b}
    return None if not bounds else bounds.pop() if len(bounds) == 1 else "invalid"
