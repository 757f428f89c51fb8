"""Results against plans and targets, with polarity honoured.

A ceiling printed "dưới 2,1%" is met by 1,8%; a floor "trên 90%" by 92%; a
plain goal by reaching it in the indicator's good direction. A range goal
("70 - 75%", stored with ``low`` and ``high``) is a band: it is met by a result
inside the band or beyond it on the good side, and the margin is given to both
ends. Neutral indicators get a ratio but no verdict. Only full-period results
are judged (a part-year count is never set against a year's goal); a year with
no result but an estimate is judged by its estimate, the same way everywhere, and
the frames say so (``actual_kind``), so that every reader-facing verdict says
"ước đạt" / "estimated to meet".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.precedence import counts
from helpers.analysis.series import GOAL_KINDS
from helpers.data.comparable import load_comparable_results, parts
from helpers.data.components import load_components
from helpers.data.printed import parse_printed
from helpers.data.query import cut_off, preferred, value

# A goal as the frames below describe it, and its result (the columns next_year_targets has no use for).
GOAL_COLUMNS = ("goal_kind", "instrument", "goal", "goal_low", "goal_high", "goal_printed")
RESULT_COLUMNS = (
    "actual",
    "actual_kind",
    "actual_printed",
    "actual_source_id",
    "actual_computed",
    "ratio",
    "index",
    "margin",
    "margin_far",
    "met",
    "goal_met",
)
# How a goal for next year stands against this year's result (the words are the sections'): a goal the result
# already meets asks for less than was achieved ("easier"), one it does not meet for more ("harder"); a neutral
# indicator's goal is only "higher", "lower" than the result or the "same".
DEMANDS = ("easier", "equal", "harder", "higher", "lower", "same")


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


def attainment_index(actual: float, goal: float, polarity: str, bound: str | None = None, low=None, high=None):
    """The result against the goal in the good direction, as a percent: ``actual / goal`` when up is good,
    ``goal / actual`` when down is good (a ceiling of 2,1% met by 1,8% is 116,67), measured from a band's near
    end; at or above 100 the result has reached the goal. None for a neutral indicator or a zero."""
    low, high = _number(low), _number(high)
    sign = direction(polarity, bound)
    near = goal if low is None or high is None else (low if sign >= 0 else high)
    if sign == 0 or not near or not actual:
        return None
    return actual / near * 100 if sign > 0 else near / actual * 100


def demand(actual: float, goal: float, polarity: str, bound: str | None = None, low=None, high=None) -> str:
    """How a goal compares with a result already achieved, by the goal's polarity (one of :data:`DEMANDS`)."""
    result = assess(actual, goal, polarity, bound, low, high)
    if result.met is None:
        return "higher" if goal > actual else "lower" if goal < actual else "same"
    if low is None and bound is None and actual == goal:
        return "equal"
    return "easier" if result.met else "harder"


def headline(card: pd.DataFrame, year: int) -> list[bool]:
    """One goal per indicator (and breakdown) of a scorecard for ``year`` to judge and tally, by :func:`counts`;
    an indicator's other goals (a programme's target beside the annual plan) are shown apart, never counted."""
    if card.empty:
        return []
    return counts(card.rename(columns={"goal_kind": "kind"}).assign(period=year))


def computed_results(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The results the appendix computes for goals the report gives no result for (``data/comparable_results.csv``):
    indicator_id, value (numerator / denominator × 100), numerator, denominator (the summed values), same_measure.
    Only rows whose parts the data hold for ``year``."""
    declared = load_comparable_results()
    records = []
    for row in declared.itertuples():
        sums = []
        for ref in (row.numerator, row.denominator):
            values = [value(figures, i, year) for i in parts(ref)]
            sums.append(None if any(v is None for v in values) else sum(values))
        top, bottom = sums
        if top is None or not bottom:
            continue
        records.append(
            {
                "indicator_id": row.indicator_id,
                "value": top / bottom * 100,
                "numerator": top,
                "denominator": bottom,
                "same_measure": bool(row.same_measure),
            }
        )
    return pd.DataFrame.from_records(
        records, columns=["indicator_id", "value", "numerator", "denominator", "same_measure"]
    )


def goal_ends(goal: object) -> tuple[float | None, float | None]:
    """A goal row's band (``low``, ``high``), or (None, None) when it is not a range."""
    get = goal.get if isinstance(goal, pd.Series) else (lambda k, d=None: getattr(goal, k, d))
    return _number(get("low", None)), _number(get("high", None))


def goal_bound(printed: str) -> str | None:
    """The bound a goal's print expresses ("dưới 2,1%" → "ceiling"), or None."""
    parsed = parse_printed(printed)
    return parsed.bound if parsed else None


def year_results(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The full-period result of each (indicator, breakdown) for ``year``, indexed by them: the actual figure, else
    the estimate (its ``kind`` says which). A part-year figure is never a year's result."""
    rows = preferred(figures)
    rows = rows[(cut_off(rows) == "") & (rows["period"] == year) & rows["kind"].isin(("actual", "estimate"))]
    rows = rows.assign(estimated=rows["kind"] != "actual").sort_values("estimated", kind="stable")
    return (
        rows.drop_duplicates(["indicator_id", "breakdown"])
        .drop(columns="estimated")
        .set_index(["indicator_id", "breakdown"])
    )


def _sum_of_parts(actuals: pd.DataFrame, named: tuple[str, ...], breakdown: str) -> pd.Series | None:
    """The result of a declared sum (``data/components.csv``) where no source prints it: the parts' results added,
    with no print (the appendix computed it) and the source of the first part (the parts' sources are the same
    in the data today; a table's source line names the goal's and the result's). None when a part has no result."""
    found = [actuals.loc[[(part, breakdown)]].iloc[0] for part in named if (part, breakdown) in actuals.index]
    if len(found) < len(named):
        return None
    # The sum carries the finest precision its parts were printed with (24,4 + 15,65 = 40,05), not a float's noise.
    places = max(len(d) for f in found for d in [*re.findall(r",(\d+)", str(f["printed"])), ""])
    total = round(sum(float(f["value"]) for f in found), places)
    # A sum with an estimated part is an estimate.
    kind = "estimate" if any(f["kind"] == "estimate" for f in found) else "actual"
    return pd.Series({"value": total, "kind": kind, "printed": None, "source_id": found[0]["source_id"]})


def _all_met(verdicts: list[object]) -> bool | None:
    """A goal judged on each of its components: missed when one is missed, met when every one is met, else not
    judged."""
    if any(v is False for v in verdicts):
        return False
    return True if verdicts and all(v is True for v in verdicts) else None


def component_goals(card: pd.DataFrame, components: dict[str, tuple[str, ...]]) -> tuple[list[str], list[object]]:
    """For each scorecard row: the declared sum whose goal it is a component of (the goal for the poverty rate that
    Kế hoạch 343/KH-UBND sets inside its 36,91% → ``multidimensional_poverty_rate``; empty for the sum's own row and
    for a goal alone), and the verdict of the whole goal (``goal_met``): the sum's goal and its parts' goals of the
    same breakdown, kind and instrument judged each, met only when all are met (:func:`_all_met`)."""
    goal_of = [""] * len(card)
    goal_met = list(card["met"])
    key = ("breakdown", "goal_kind", "instrument")
    for i, row in enumerate(card.itertuples()):
        named = components.get(row.indicator_id)
        if not named:
            continue
        same = (card[list(key)] == [getattr(row, k) for k in key]).all(axis=1)
        members = [j for j in range(len(card)) if same.iloc[j] and card["indicator_id"].iloc[j] in named]
        if not members:
            continue
        verdict = _all_met([card["met"].iloc[j] for j in [i, *members]])
        goal_met[i] = verdict
        for j in members:
            goal_of[j], goal_met[j] = row.indicator_id, verdict
    return goal_of, goal_met


def counted_goals(card: pd.DataFrame) -> pd.DataFrame:
    """The goals a tally counts, defined once for every count the appendix gives (the overview's sentence, its
    chart's title, the report's "cả 6 đều đạt" checked): one goal per indicator and breakdown (``headline``), a goal
    set with its components counted once, on its sum's row, with ``met`` the verdict on every component."""
    counted = card[card["headline"].astype(bool)]
    return counted.assign(met=counted["goal_met"].to_numpy())


def scorecard(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every indicator with a plan or target for ``year`` against its result for ``year``.

    One row per (indicator, breakdown, goal). The result is the actual figure, else the estimate
    (:func:`year_results`; ``actual_kind`` is ``actual`` or ``estimate``). Rows without either keep ``actual``
    empty and ``met`` None, so that a missing result shows.
    """
    rows = preferred(figures)
    rows = rows[cut_off(rows) == ""]
    goals = rows[(rows["period"] == year) & rows["kind"].isin(GOAL_KINDS)]
    actuals = year_results(figures, year)
    components = load_components()
    records = []
    for goal in goals.itertuples():
        key = (goal.indicator_id, goal.breakdown)
        actual = actuals.loc[[key]].iloc[0] if key in actuals.index else None
        computed = actual is None and goal.indicator_id in components
        if computed:
            actual = _sum_of_parts(actuals, components[goal.indicator_id], goal.breakdown)
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
                "actual_kind": None if actual is None else actual["kind"],
                "actual_printed": None if actual is None else actual["printed"],
                "actual_source_id": None if actual is None else actual["source_id"],
                "actual_computed": actual is not None and computed,
                "ratio": None if result is None else result.ratio,
                "index": None
                if result is None
                else attainment_index(result.actual, goal.value, goal.polarity, bound, low, high),
                "margin": None if result is None else result.margin,
                "margin_far": None if result is None else result.margin_far,
                "met": None if result is None else result.met,
            }
        )
    columns = ["indicator_id", "breakdown", "domain", "unit", "polarity", *GOAL_COLUMNS, "goal_source_id", "bound"]
    card = pd.DataFrame.from_records(records, columns=[*columns, *RESULT_COLUMNS[:-1]])
    goal_of, goal_met = component_goals(card, components)
    card = card.assign(goal_of=goal_of, goal_met=goal_met)
    # A component of a goal is judged and shown, never counted apart from the goal it belongs to.
    return card.assign(headline=[h and not g for h, g in zip(headline(card, year), goal_of, strict=True)])


def next_year_targets(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The goals for ``year + 1`` beside the results of ``year``.

    ``demand`` (:data:`DEMANDS`) says how each goal stands against what was achieved, by its polarity: 17.000
    jobs after 17.034 and an unemployment ceiling of 2,1% after 1,8% are "easier" (less demanding than the
    result), 72,5% trained after 70,25% "harder"; None where there is no result. ``below_achieved`` is True where
    the result already meets the goal. Where the report gives no result, a result the appendix computes stands in
    only when ``data/comparable_results.csv`` declares it the same measure (``achieved_computed``); a computed
    value of a different measure is never set against the goal. ``headline`` marks one goal per indicator.
    """
    card = scorecard(figures, year + 1).drop(columns=[*RESULT_COLUMNS, "headline"])
    rows = preferred(figures)
    rows = rows[cut_off(rows) == ""]
    current = rows[(rows["period"] == year) & (rows["kind"] == "actual")].set_index(["indicator_id", "breakdown"])
    computed = computed_results(figures, year).set_index("indicator_id")
    achieved, achieved_printed, below, demands, by_appendix = [], [], [], [], []
    for row in card.itertuples():
        key = (row.indicator_id, row.breakdown)
        if key in current.index:
            now = current.loc[[key]].iloc[0]
            result, printed, is_computed = float(now["value"]), now["printed"], False
        elif not row.breakdown and row.indicator_id in computed.index and computed.at[row.indicator_id, "same_measure"]:
            result, printed, is_computed = float(computed.at[row.indicator_id, "value"]), None, True
        else:
            achieved.append(None), achieved_printed.append(None), below.append(None)
            demands.append(None), by_appendix.append(False)
            continue
        verdict = assess(result, row.goal, row.polarity, row.bound, row.goal_low, row.goal_high)
        achieved.append(result)
        achieved_printed.append(printed)
        below.append(None if verdict.met is None else bool(verdict.met))
        demands.append(demand(result, row.goal, row.polarity, row.bound, row.goal_low, row.goal_high))
        by_appendix.append(is_computed)
    return card.assign(
        achieved=achieved,
        achieved_printed=achieved_printed,
        achieved_computed=by_appendix,
        below_achieved=below,
        demand=demands,
        headline=[h and not g for h, g in zip(headline(card, year + 1), card["goal_of"], strict=True)],
    )
