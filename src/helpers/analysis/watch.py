"""The goals ahead as a director reads them: each headline goal on track or at risk, and the declared figures that
bear on a goal (data/watch.csv). Frames only; the words are in helpers/sections/overview.yml (director.*)."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.progress import one_per_goal, progress
from helpers.data.figures_contract import INSTRUMENT_SEPARATOR
from helpers.data.loading import load_headline, load_series_breaks, load_watch
from helpers.data.query import figure_row, select

GOALS_AHEAD_COLUMNS = ["indicator_id", "goal_period", "goal", "goal_printed", "instrument", "unit", "status"]
WATCH_COLUMNS = [
    "indicator_id",
    "breakdown",
    "measure",
    "of",
    "bears_on",
    "period",
    "value",
    "printed",
    "unit",
    "base_period",
    "base",
    "base_printed",
    "share",
]


def status(row: object) -> str:
    """``met`` (the latest result already meets it), ``on_track`` (the pace achieved suffices), ``at_risk`` (it
    needs a faster pace than achieved), ``unknown`` (no pace to judge by, or an indicator with no good direction)."""
    if row.met_now is True:
        return "met"
    if row.on_track is True:
        return "on_track"
    if row.on_track is False:
        return "at_risk"
    return "unknown"


def goals_ahead(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every goal after ``year`` of the headline indicators (data/headline.csv), one row per goal, with its status
    (:func:`status`), in the headline's order then by goal year."""
    breaks = load_series_breaks()
    rows = []
    for indicator_id in load_headline()["indicator_id"]:
        first = breaks.loc[breaks["indicator_id"] == indicator_id, "first_period"].tolist()
        frame = progress(figures, indicator_id, year, first)
        if frame is None:
            continue
        for r in one_per_goal(frame[frame["comparable"]]).itertuples():
            rows.append([indicator_id, int(r.goal_period), r.goal, r.goal_printed, r.instrument, r.unit, status(r)])
    goals = pd.DataFrame(rows, columns=GOALS_AHEAD_COLUMNS)
    # One goal two instruments set at the same level for the same year is one line, naming both.
    keys = ["indicator_id", "goal_period", "goal", "goal_printed", "unit", "status"]
    joined = goals.groupby(keys, sort=False, dropna=False)["instrument"].agg(lambda s: INSTRUMENT_SEPARATOR.join(s))
    return joined.reset_index()[GOALS_AHEAD_COLUMNS]


def watched(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The declared figures of ``year`` that bear on a goal ahead (data/watch.csv): a ``share`` with the figure it
    is a share of, a ``change`` with its latest earlier result; a row the year's data cannot fill is left out."""
    rows = []
    for w in load_watch().itertuples():
        now = figure_row(figures, w.indicator_id, year, breakdown=w.breakdown)
        if now is None:
            continue
        base = None
        if w.measure == "share":
            base = figure_row(figures, w.of, year)
            base_period = year
        else:
            earlier = select(figures, w.indicator_id, "actual", w.breakdown)
            earlier = earlier[earlier["period"] < year].sort_values("period")
            base = earlier.iloc[-1] if len(earlier) else None
            base_period = int(base["period"]) if base is not None else None
        if base is None:
            continue
        value, base_value = float(now["value"]), float(base["value"])
        share = value / base_value * 100 if w.measure == "share" and base_value else None
        rows.append(
            [
                w.indicator_id,
                w.breakdown,
                w.measure,
                w.of,
                w.bears_on,
                year,
                value,
                now["printed"],
                now["unit"],
                base_period,
                base_value,
                base["printed"],
                share,
            ]
        )
    return pd.DataFrame(rows, columns=WATCH_COLUMNS)
