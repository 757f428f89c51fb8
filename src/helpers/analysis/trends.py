"""Change over time: year-on-year change, the pace achieved, and the pace a target needs."""

from __future__ import annotations

import pandas as pd


def changes(series: pd.Series) -> pd.DataFrame:
    """Each period's value with the change from the previous period the series holds.

    Columns: period, value, previous_period, change, change_pct. Gaps in the
    series are kept visible through ``previous_period``.
    """
    s = series.dropna().sort_index()
    frame = pd.DataFrame({"period": s.index.astype(int), "value": s.to_numpy(dtype=float)})
    frame["previous_period"] = frame["period"].shift(1).astype("Int64")
    frame["change"] = frame["value"].diff()
    previous = frame["value"].shift(1)
    frame["change_pct"] = frame["change"] / previous * 100
    return frame


def change_between(series: pd.Series, start: int, end: int) -> float | None:
    """``series[end] - series[start]``, or None if either is missing."""
    if start not in series.index or end not in series.index:
        return None
    return float(series[end] - series[start])


def pace(series: pd.Series, start: int, end: int) -> float | None:
    """The average change per year between two periods the series holds."""
    total = change_between(series, start, end)
    return None if total is None or end == start else total / (end - start)


def required_pace(current: float, current_period: int, goal: float, goal_period: int) -> float | None:
    """The change per year needed to go from ``current`` to ``goal`` by ``goal_period``."""
    if goal_period <= current_period:
        return None
    return (goal - current) / (goal_period - current_period)


def latest(series: pd.Series, up_to: int) -> tuple[int, float] | None:
    """The latest (period, value) at or before ``up_to``."""
    s = series[series.index <= up_to].dropna()
    return (int(s.index[-1]), float(s.iloc[-1])) if len(s) else None
