"""Pace towards goals: each goal still ahead against the latest result, the pace it needs and the pace achieved.

Frames in, frames out; the words and the table a reader sees are in ``helpers.present.progress``.
A series that changes definition (data/series_breaks.csv, e.g. the poverty standard from 2021)
is never compared across the change: the pace achieved is measured from the first period under
the current definition, and a goal that lies beyond a change from the latest result gets no
required pace. Goals are judged by :func:`helpers.analysis.attainment.assess`, the one way to
judge a goal.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis.attainment import assess, direction, goal_bound, goal_ends
from helpers.analysis.series import GOAL_KINDS, current_result, same_definition
from helpers.analysis.trends import required_pace
from helpers.data.figures_contract import INSTRUMENT_SEPARATOR
from helpers.data.query import select

PROGRESS_COLUMNS = [
    "goal_kind",
    "instrument",
    "goal_period",
    "goal",
    "goal_low",
    "goal_high",
    "goal_printed",
    "bound",
    "goal_source_id",
    "current_period",
    "current",
    "current_kind",
    "current_printed",
    "current_source_id",
    "gap",
    "required",
    "gap_far",
    "required_far",
    "margin",
    "margin_far",
    "achieved_from",
    "achieved",
    "achieved_base",
    "achieved_base_printed",
    "achieved_base_source_id",
    "met_now",
    "comparable",
    "on_track",
    "unit",
    "polarity",
]


def progress(
    figures: pd.DataFrame, indicator_id: str, year: int, breaks: Sequence[int] = (), breakdown: str = ""
) -> pd.DataFrame | None:
    """Each goal after ``year`` against the latest result: gap, pace needed per year, pace achieved.

    The pace achieved runs from the first result under the current definition
    to the latest result (None when there is only one). ``comparable`` is
    False for a goal beyond a break from the latest result; such a goal gets
    no required pace. ``on_track`` is True when the goal is already met or the
    pace achieved is at least the pace needed (in the indicator's good
    direction), None when it cannot be judged. None when there is no result or
    no goal.
    """
    current = current_result(figures, indicator_id, year, breakdown)
    if current is None:
        return None
    rows = select(figures, indicator_id, kind=None, breakdown=breakdown)
    goals = rows[rows["kind"].isin(GOAL_KINDS) & (rows["period"] > year)].sort_values(["period", "kind"])
    if goals.empty:
        return None
    now_period, now = int(current["period"]), float(current["value"])
    actuals = rows[(rows["kind"] == "actual") & (rows["period"] <= now_period)].set_index("period")
    actuals = actuals.loc[[same_definition(int(p), now_period, breaks) for p in actuals.index]]  # rows, even none
    results = actuals["value"]
    start = int(results.index.min()) if len(results) else now_period
    achieved = (now - float(results[start])) / (now_period - start) if start < now_period else None
    # The pace achieved rests on its first result: named in sentences and in the table's sources.
    base = actuals.loc[start] if achieved is not None else None
    records = []
    for goal in goals.itertuples():
        bound = goal_bound(goal.printed)
        comparable = same_definition(now_period, int(goal.period), breaks)
        low, high = goal_ends(goal)
        verdict = assess(now, float(goal.value), goal.polarity, bound, low, high)
        sign = direction(goal.polarity, bound)
        # A band is reached at its near end (low when higher is better, high when lower is better);
        # the far end is reported beside it.
        near, far = (float(goal.value), None) if low is None else ((low, high) if sign >= 0 else (high, low))
        needed = required_pace(now, now_period, near, int(goal.period)) if comparable else None
        needed_far = required_pace(now, now_period, far, int(goal.period)) if comparable and far is not None else None
        if not comparable:
            on_track = None
        elif verdict.met:
            on_track = True
        elif achieved is None or needed is None or sign == 0:
            on_track = None
        else:
            on_track = bool(achieved * sign >= needed * sign)
        records.append(
            {
                "goal_kind": goal.kind,
                "instrument": getattr(goal, "instrument", ""),
                "goal_period": int(goal.period),
                "goal": float(goal.value),
                "goal_low": low,
                "goal_high": high,
                "goal_printed": goal.printed,
                "bound": bound,
                "goal_source_id": goal.source_id,
                "current_period": now_period,
                "current": now,
                "current_kind": current["kind"],
                "current_printed": current["printed"],
                "current_source_id": current["source_id"],
                "gap": near - now if comparable else None,
                "required": needed,
                "gap_far": far - now if comparable and far is not None else None,
                "required_far": needed_far,
                # + = better than the goal (the appendix's one sign convention for a result against a goal)
                "margin": verdict.margin if comparable else None,
                "margin_far": verdict.margin_far if comparable else None,
                "achieved_from": start if achieved is not None else None,
                "achieved": achieved,
                "achieved_base": float(base["value"]) if base is not None else None,
                "achieved_base_printed": base["printed"] if base is not None else None,
                "achieved_base_source_id": base["source_id"] if base is not None else None,
                "met_now": None if not comparable or verdict.met is None else bool(verdict.met),
                "comparable": comparable,
                "on_track": on_track,
                "unit": goal.unit,
                "polarity": goal.polarity,
            }
        )
    return pd.DataFrame.from_records(records, columns=PROGRESS_COLUMNS)


def assessment_key(row: pd.Series | object) -> str:
    """Which assessment applies to one row of :func:`progress`: met, on_track, off_track, no_pace, break, neutral."""
    get = row.get if isinstance(row, pd.Series) else lambda k: getattr(row, k)
    if not get("comparable"):
        return "break"
    if get("met_now") is None:
        return "neutral"
    if get("met_now"):
        return "met"
    if get("on_track") is None:
        return "no_pace"
    return "on_track" if get("on_track") else "off_track"


GOAL_KEY = ["goal_kind", "goal_period", "goal", "goal_low", "goal_high"]


def one_per_goal(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`progress` with one row per goal: the same goal set by two instruments (the five-year plan
    and Kế hoạch 121 both ask 2–2,2% for 2025) is one goal, its row naming both instruments ("; "), as printed
    first. The table, the chart and the sentences all count goals by this one rule."""
    keys = pd.Series(
        [repr(tuple(None if pd.isna(v) else v for v in row)) for row in frame[GOAL_KEY].itertuples(index=False)],
        index=frame.index,
        dtype=object,
    )
    names = frame.groupby(keys, sort=False)["instrument"].agg(
        lambda s: INSTRUMENT_SEPARATOR.join(dict.fromkeys(i for i in s if isinstance(i, str) and i))
    )
    first = ~keys.duplicated()
    return frame[first].assign(instrument=keys[first].map(names)).reset_index(drop=True)


def pace_values(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The pace each comparable goal needs and the pace achieved, in the good direction, one row per bar.

    Values are the yearly change times the indicator's direction, so a fall in
    the poverty rate is a positive "reduction per year". Columns: what ("needed"
    or "achieved"), goal_kind, goal_period, instrument (empty for the pace
    achieved), start, end (the pace achieved's periods), value, far. A band goal
    needs a range: ``value`` to its near end (0 when the latest result already
    reaches it, as the table's "đã đạt"), ``far`` to its far end; ``far`` is
    empty otherwise. One bar per goal (:func:`one_per_goal`). None when there
    is nothing to compare (no comparable goal or no pace achieved).
    """
    frame = one_per_goal(frame)
    usable = frame[frame["comparable"] & frame["required"].notna()]
    if usable.empty or frame["achieved"].isna().all():
        return None
    sign = direction(str(frame["polarity"].iloc[0])) or 1
    # Two instruments may set a goal for the same year: each is its own bar, named by its instrument.
    rows = [
        {
            "what": "needed",
            "goal_kind": r.goal_kind,
            "goal_period": r.goal_period,
            "instrument": r.instrument,
            "start": None,
            "end": None,
            "value": 0.0 if band and r.margin >= 0 else r.required * sign,
            "far": r.required_far * sign if band else None,
        }
        for r in usable.itertuples()
        for band in [not pd.isna(r.required_far)]
    ]
    first = frame.iloc[0]
    rows.append(
        {
            "what": "achieved",
            "goal_kind": "",
            "goal_period": None,
            "instrument": "",
            "start": int(first["achieved_from"]),
            "end": int(first["current_period"]),
            "value": float(first["achieved"]) * sign,
            "far": None,
        }
    )
    return pd.DataFrame(rows).astype({"goal_period": "Int64", "start": "Int64", "end": "Int64", "far": float})
