"""Results against plans and targets, with polarity honoured.

A ceiling printed "dưới 2,1%" is met by 1,8%; a floor "trên 90%" by 92%; a
plain goal by reaching it in the indicator's good direction. Neutral
indicators get a ratio but no verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .printed import parse_printed
from .query import preferred

GOAL_KINDS = ("plan", "target")


@dataclass(frozen=True)
class Attainment:
    """How an actual figure stands against its goal."""

    actual: float
    goal: float
    polarity: str
    bound: str | None  # "ceiling", "floor" or None, from the goal's printed qualifier
    ratio: float | None  # actual as a percent of the goal
    margin: float  # how far the actual is on the good side of the goal (negative: short of it)
    met: bool | None  # None for a neutral indicator


def assess(actual: float, goal: float, polarity: str, bound: str | None = None) -> Attainment:
    """Judge ``actual`` against ``goal``.

    A ceiling is met strictly below it and a floor strictly above it; a plain
    goal is met at or beyond it in the good direction. The margin is in the
    indicator's unit (percentage points for rates).
    """
    ratio = actual / goal * 100 if goal else None
    direction = {"higher_is_better": 1, "lower_is_better": -1}.get(polarity, 0)
    if bound == "ceiling":
        direction = -1
    elif bound == "floor":
        direction = 1
    margin = (actual - goal) * direction if direction else actual - goal
    if direction == 0:
        met = None
    elif bound in ("ceiling", "floor"):
        met = margin > 0
    else:
        met = margin >= 0
    return Attainment(actual, goal, polarity, bound, ratio, margin, met)


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
    goals = rows[(rows["period"] == year) & rows["kind"].isin(GOAL_KINDS)]
    actuals = rows[(rows["period"] == year) & (rows["kind"] == "actual")].set_index(["indicator_id", "breakdown"])
    records = []
    for goal in goals.itertuples():
        key = (goal.indicator_id, goal.breakdown)
        actual = actuals.loc[[key]].iloc[0] if key in actuals.index else None
        bound = goal_bound(goal.printed)
        result = assess(float(actual["value"]), goal.value, goal.polarity, bound) if actual is not None else None
        records.append(
            {
                "indicator_id": goal.indicator_id,
                "breakdown": goal.breakdown,
                "domain": goal.domain,
                "unit": goal.unit,
                "polarity": goal.polarity,
                "goal_kind": goal.kind,
                "goal": goal.value,
                "goal_printed": goal.printed,
                "goal_source_id": goal.source_id,
                "bound": bound,
                "actual": None if actual is None else float(actual["value"]),
                "actual_printed": None if actual is None else actual["printed"],
                "actual_source_id": None if actual is None else actual["source_id"],
                "ratio": None if result is None else result.ratio,
                "margin": None if result is None else result.margin,
                "met": None if result is None else result.met,
            }
        )
    columns = ["indicator_id", "breakdown", "domain", "unit", "polarity", "goal_kind", "goal", "goal_printed",
               "goal_source_id", "bound", "actual", "actual_printed", "actual_source_id", "ratio", "margin", "met"]
    return pd.DataFrame.from_records(records, columns=columns)


def next_year_targets(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The goals for ``year + 1`` beside the results of ``year``.

    ``below_achieved`` is True where the goal asks for less than was already
    achieved (17.000 jobs after 17.034; an unemployment ceiling of 2,1% after
    1,8%), False where it asks for more, None where it cannot be judged.
    """
    card = scorecard(figures, year + 1).drop(columns=["actual", "actual_printed", "actual_source_id", "ratio", "margin", "met"])
    rows = preferred(figures)
    current = rows[(rows["period"] == year) & (rows["kind"] == "actual")].set_index(["indicator_id", "breakdown"])
    achieved, achieved_printed, below = [], [], []
    for row in card.itertuples():
        key = (row.indicator_id, row.breakdown)
        if key not in current.index:
            achieved.append(None), achieved_printed.append(None), below.append(None)
            continue
        now = current.loc[[key]].iloc[0]
        result = assess(float(now["value"]), row.goal, row.polarity, row.bound)
        achieved.append(float(now["value"]))
        achieved_printed.append(now["printed"])
        # Already meeting next year's goal means the goal asks for no progress.
        below.append(None if result.met is None else bool(result.met))
    return card.assign(achieved=achieved, achieved_printed=achieved_printed, below_achieved=below)
