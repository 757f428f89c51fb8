"""Results against plans and targets, with polarity honoured.

A ceiling printed "dưới 2,1%" is met by 1,8%; a floor "trên 90%" by 92%; a
plain goal by reaching it in the indicator's good direction. A range goal
("70 - 75%", stored with ``low`` and ``high``) is a band: it is met by a result
inside the band or beyond it on the good side, and the margin is given to both
ends. Neutral indicators get a ratio but no verdict. Only full-period results
are judged (a part-year count is never set against a year's goal).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.series import GOAL_KINDS
from helpers.data.printed import parse_printed
from helpers.data.query import cut_off, preferred

# A goal as the frames below describe it, and its result (the columns next_year_targets has no use for).
GOAL_COLUMNS = ("goal_kind", "instrument", "goal", "goal_low", "goal_high", "goal_printed")
RESULT_COLUMNS = ("actual", "actual_printed", "actual_source_id", "ratio", "margin", "margin_far", "met")


@dataclass(frozen=True)
class Attainment:
    """How an actual figure stands against its goal."""

    actual: float
    goal: float
    polarity: str
    bound: str | None  # "ceiling", "floor" or None, from the goal's printed qualifier
    ratio: float | None  # actual as a percent of the goal
    margin: (
        float  # how far the actual is on the good side of the goal (negative: short of it); for a band, of its near end
    )
    met: bool | None  # None for a neutral indicator
    low: float | None = None  # a band's ends (a printed range), else None
    high: float | None = None
    margin_far: float | None = None  # for a band: how far the actual is on the good side of its far (demanding) end


def direction(polarity: str, bound: str | None = None) -> int:
    """+1 when up is good, -1 when down is good, 0 for a neutral indicator; a goal's bound decides first."""
    if bound == "ceiling":
        return -1
    if bound == "floor":
        return 1
    return {"higher_is_better": 1, "lower_is_better": -1}.get(polarity, 0)


def _number(x: object) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def assess(
    actual: float,
    goal: float,
    polarity: str,
    bound: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> Attainment:
    """Judge ``actual`` against ``goal``.

    A ceiling is met strictly below it and a floor strictly above it; a plain
    goal is met at or beyond it in the good direction. A band (``low`` and
    ``high``, a printed range) is met at or beyond its near end: inside the
    band or past it on the good side (``low`` when higher is better, ``high``
    when lower is better); ``margin`` is measured from that end and
    ``margin_far`` from the other. The margin is in the indicator's unit
    (percentage points for rates).
    """
    low, high = _number(low), _number(high)
    ratio = actual / goal * 100 if goal else None
    sign = direction(polarity, bound)
    if low is not None and high is not None:
        near, far = (low, high) if sign >= 0 else (high, low)
        margin = (actual - near) * sign if sign else actual - goal
        margin_far = (actual - far) * sign if sign else None
        met = None if sign == 0 else margin >= 0
        return Attainment(actual, goal, polarity, bound, ratio, margin, met, low, high, margin_far)
    margin = (actual - goal) * sign if sign else actual - goal
    if sign == 0:
        met = None
    elif bound in ("ceiling", "floor"):
        met = margin > 0
    else:
        met = margin >= 0
    return Attainment(actual, goal, polarity, bound, ratio, margin, met)


def goal_ends(goal: object) -> tuple[float | None, float | None]:
    """A goal row's band (``low``, ``high``), or (None, None) when it is not a range."""
    get = goal.get if isinstance(goal, pd.Series) else (lambda k, d=None: getattr(goal, k, d))
    return _number(get("low", None)), _number(get("high", None))


def goal_bound(printed: str) -> str | None:
    """The bound a goal's print expresses ("dưới 2,1%" → "ceiling"), or None."""
    parsed = parse_printed(printed)
    return parsed.bound if parsed else None


def scorecard(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every indicator with a plan or target for ``year`` against its actual for ``year``.

    One row per (indicator, breakdown, goal kind). Rows without an actual
    keep ``actual`` empty and ``met`` None, so that a missing result shows.
    """
    rows = preferred(figures)
    rows = rows[cut_off(rows) == ""]
    goals = rows[(rows["period"] == year) & rows["kind"].isin(GOAL_KINDS)]
    actuals = rows[(rows["period"] == year) & (rows["kind"] == "actual")].set_index(["indicator_id", "breakdown"])
    records = []
    for goal in goals.itertuples():
        key = (goal.indicator_id, goal.breakdown)
        actual = actuals.loc[[key]].iloc[0] if key in actuals.index else None
        bound = goal_bound(goal.printed)
        low, high = goal_ends(goal)
        result = (
            assess(float(actual["value"]), goal.value, goal.polarity, bound, low, high) if actual is not None else None
        )
        records.append(
            {
                "indicator_id": goal.indicator_id,
                "breakdown": goal.breakdown,
                "domain": goal.domain,
                "unit": goal.unit,
                "polarity": goal.polarity,
                "goal_kind": goal.kind,
                "instrument": getattr(goal, "instrument", ""),
                "goal": goal.value,
                "goal_low": low,
                "goal_high": high,
                "goal_printed": goal.printed,
                "goal_source_id": goal.source_id,
                "bound": bound,
                "actual": None if actual is None else float(actual["value"]),
                "actual_printed": None if actual is None else actual["printed"],
                "actual_source_id": None if actual is None else actual["source_id"],
                "ratio": None if result is None else result.ratio,
                "margin": None if result is None else result.margin,
                "margin_far": None if result is None else result.margin_far,
                "met": None if result is None else result.met,
            }
        )
    columns = ["indicator_id", "breakdown", "domain", "unit", "polarity", *GOAL_COLUMNS, "goal_source_id", "bound"]
    return pd.DataFrame.from_records(records, columns=[*columns, *RESULT_COLUMNS])


def next_year_targets(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The goals for ``year + 1`` beside the results of ``year``.

    ``below_achieved`` is True where the goal asks for less than was already
    achieved (17.000 jobs after 17.034; an unemployment ceiling of 2,1% after
    1,8%), False where it asks for more, None where it cannot be judged.
    """
    card = scorecard(figures, year + 1).drop(columns=list(RESULT_COLUMNS))
    rows = preferred(figures)
    rows = rows[cut_off(rows) == ""]
    current = rows[(rows["period"] == year) & (rows["kind"] == "actual")].set_index(["indicator_id", "breakdown"])
    achieved, achieved_printed, below = [], [], []
    for row in card.itertuples():
        key = (row.indicator_id, row.breakdown)
        if key not in current.index:
            achieved.append(None), achieved_printed.append(None), below.append(None)
            continue
        now = current.loc[[key]].iloc[0]
        result = assess(float(now["value"]), row.goal, row.polarity, row.bound, row.goal_low, row.goal_high)
        achieved.append(float(now["value"]))
        achieved_printed.append(now["printed"])
        # Already meeting next year's goal means the goal asks for no progress.
        below.append(None if result.met is None else bool(result.met))
    return card.assign(achieved=achieved, achieved_printed=achieved_printed, below_achieved=below)
