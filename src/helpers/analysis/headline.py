"""The first page: the year's headline indicators (data/headline.csv) at a glance.

For each indicator: the year's result as printed, the change on the previous result of the same definition
(result minus previous; in percentage points for rates; a bound when either print is one: from "dưới 1,2%" the
fall is "more than"), the year's goal judged by :func:`helpers.analysis.attainment.scorecard` (the one judge:
polarity, ceilings and floors, ranges as bands, the estimate of a year without a result), and the results of the
last :data:`TREND_YEARS` years for a trend line, a missing year kept as a gap. The year's value is its full-year
result, else its estimate (``value_kind``), else its latest part-year count (``value_as_of``, never judged, no
change); the previous value and the trend use full-year results only. Frames in, frames out: no language.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.analysis.attainment import scorecard
from helpers.analysis.series import breaks_of, change_bound, part_year_result
from helpers.data.loading import load_catalogue
from helpers.data.query import select

TREND_YEARS = 8  # the trend line covers the year and the seven before it (fewer after a change of definition)
RATE_UNITS = frozenset({"percent", "percent_of_plan"})  # a change of a rate is in percentage points
GOAL_FIELDS = (
    "goal_kind",
    "instrument",
    "goal",
    "goal_low",
    "goal_high",
    "goal_printed",
    "goal_source_id",
    "bound",
    "margin",
    "margin_far",
    "met",
)
COLUMNS = (
    "order",
    "indicator_id",
    "unit",
    "polarity",
    "value",
    "printed",
    "source_id",
    "previous",
    "previous_printed",
    "previous_year",
    "value_kind",
    "value_as_of",
    "change",
    "change_unit",
    "change_bound",
    *GOAL_FIELDS,
    "goals",
    "trend",
)


def change_unit(unit: str) -> str:
    """The unit of a difference of two figures: percentage points for a rate, else the figure's own unit."""
    return "percentage_points" if unit in RATE_UNITS else unit


def trend(figures: pd.DataFrame, indicator_id: str, year: int) -> tuple[tuple[int, float], ...]:
    """(year, result) for each of the last :data:`TREND_YEARS` years up to ``year`` under the definition in force
    in ``year``; a year without a full-year result holds NaN (a gap, never filled in)."""
    first = max([year - TREND_YEARS + 1, *(b for b in breaks_of(indicator_id) if b <= year)])
    results = select(figures, indicator_id).set_index("period")["value"]
    return tuple((y, float(results[y]) if y in results.index else math.nan) for y in range(first, year + 1))


def _previous(figures: pd.DataFrame, indicator_id: str, year: int) -> pd.Series | None:
    """The latest full-year result before ``year`` under the same definition, or None."""
    since = max([0, *(b for b in breaks_of(indicator_id) if b <= year)])
    rows = select(figures, indicator_id)
    rows = rows[(rows["period"] < year) & (rows["period"] >= since)].sort_values("period", kind="stable")
    return rows.iloc[-1] if len(rows) else None


def _result(figures: pd.DataFrame, indicator_id: str, year: int) -> pd.Series | None:
    """The year's result: the full-year actual, else the full-year estimate, else the latest part-year actual."""
    for kind in ("actual", "estimate"):
        rows = select(figures, indicator_id, kind=kind, period=year)
        if len(rows):
            return rows.iloc[0]
    return part_year_result(figures, indicator_id, year)


def _goal(card: pd.DataFrame, indicator_id: str) -> dict[str, object]:
    """The year's goal of an indicator as the scorecard judges it: the goal that counts
    (:func:`helpers.analysis.precedence.counts`, the one written precedence); empty fields when there is none."""
    goals = card[(card["indicator_id"] == indicator_id) & (card["breakdown"] == "")]
    if goals.empty:
        return {f: None for f in GOAL_FIELDS} | {"goals": 0}
    first = goals[goals["headline"].astype(bool)].iloc[0]
    return {f: first[f] for f in GOAL_FIELDS} | {"goals": len(goals)}


def headline(figures: pd.DataFrame, year: int, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator of ``indicators`` (columns ``indicator_id``, ``order``; data/headline.csv), in order.

    ``value``/``printed``: the year's result (empty when the data have none), ``value_kind`` ``actual`` or
    ``estimate``, ``value_as_of`` the cut-off of a part-year count (else empty); ``previous``,
    ``previous_printed``, ``previous_year``: the latest earlier result of the same definition; ``change``:
    ``value - previous`` in ``change_unit`` (none from a part-year count), ``change_bound`` "ceiling"/"floor" when
    the change is only a bound (:func:`change_bound`); the goal fields as :func:`helpers.analysis.attainment.scorecard`
    judges them (``goals``: how many goals the year has for it); ``trend``: :func:`trend`.
    """
    card = scorecard(figures, year)
    catalogue = load_catalogue().set_index("indicator_id")  # an indicator may have no figure in an early year
    records = []
    for row in indicators.sort_values("order", kind="stable").itertuples():
        now = _result(figures, row.indicator_id, year)
        as_of = "" if now is None else str(now.get("as_of", "") or "")
        before = _previous(figures, row.indicator_id, year)
        unit = catalogue.at[row.indicator_id, "unit"]
        value = None if now is None else float(now["value"])
        previous = None if before is None else float(before["value"])
        # A part-year count has no change on a full year; a change between two bounds that pull apart is unknown.
        bound = None if now is None or before is None else change_bound(now["printed"], before["printed"])
        comparable = value is not None and previous is not None and not as_of and bound != "invalid"
        records.append(
            {
                "order": row.order,
                "indicator_id": row.indicator_id,
                "unit": unit,
                "polarity": catalogue.at[row.indicator_id, "polarity"],
                "value": value,
                "printed": None if now is None else now["printed"],
                "source_id": None if now is None else now["source_id"],
                "previous": previous,
                "previous_printed": None if before is None else before["printed"],
                "previous_year": None if before is None else int(before["period"]),
                "value_kind": None if now is None else now["kind"],
                "value_as_of": as_of,
                "change": value - previous if comparable else None,
                "change_unit": change_unit(unit),
                "change_bound": bound if comparable else None,
                **_goal(card, row.indicator_id),
                "trend": trend(figures, row.indicator_id, year),
            }
        )
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))
