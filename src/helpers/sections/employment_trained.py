"""Notebook 02's trained-labour block (``trained`` in ``data/content_blocks.csv``): a rate's path to its goals and
the yearly pace each goal needs. The rate is the block's declared series (:func:`rate_of`), so another rate with
goals over several years can take its place by data alone."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.employment import goal_series_span
from helpers.data.query import indicator_name
from helpers.present import chart_titles as ct
from helpers.present import charts
from helpers.present import progress as pg
from helpers.present.report import Report, source_line
from helpers.present.tables import Table
from helpers.sections import blocks
from helpers.sections.employment import PART, T, series_of

BLOCK = "trained"


def rate_of() -> str:
    """The rate the block draws: its ``series`` row in ``data/content.csv``."""
    return series_of(BLOCK)


# The trained-labour rate and its path to the targets ----------------------------------------


def trained_path_data(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The trained-labour rate's results, estimates and goals (plans and targets as one series) up to its last goal.

    Columns: period, kind, value, printed, source_id, series. None when there is no figure.
    """
    rate = rate_of()
    data = pg.goal_series(figures, rate, goal_series_span(figures, rate, year))
    if data is None:
        return None
    data = data[(data["kind"].isin(pg.GOAL_KINDS)) | (data["period"] <= year)]
    series = [T("trained.goals_series", lang) if k in pg.GOAL_KINDS else pg.kind_label(k, lang) for k in data["kind"]]
    return data.assign(series=series).reset_index(drop=True)


def trained_path(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and the trained-labour rate's results with the path of its goals."""
    data = trained_path_data(rep.figures, rep.year, rep.lang)
    return blocks.heading(rep, BLOCK, data, **blocks.series_words(PART, BLOCK, rep.lang))


def trained_path_chart(data: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """The trained-labour rate's results as lines and its goals as points of their years, never joined: a plan
    and a target of different years are no path (value axis not from 0)."""
    if data is None:
        return None
    rate = rate_of()
    fig = charts.line_chart(
        pg.drawn(data)[["period", "value", "series", "low", "high"]],
        title=ct.trend_title(data, rate, lang, indicator_name(rate, lang), year),
        y_label=pg.axis_text(rate, lang),
        source=source_line(data["source_id"], lang, year),
        lang=lang,
        y_from_zero=False,
        unjoined=(T("trained.goals_series", lang),),
    )
    return charts.captioned(fig, name=indicator_name(rate, lang), note=pg.qualified_note(data, "percent", lang))


def trained_pace(figures: pd.DataFrame, year: int) -> pd.DataFrame | None:
    """Each trained-labour goal ahead: the distance to it, the yearly pace it needs and the pace achieved."""
    return pg.progress(figures, rate_of(), year)


def trained_pace_table(frame: pd.DataFrame | None, lang: str) -> Table | None:
    """The reader's table of :func:`trained_pace`."""
    return None if frame is None else pg.progress_table(frame, lang)


def trained_pace_chart(frame: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """The yearly rise each goal needs beside the rise achieved (caption ``trained_labour_pace.figure``, since
    the table of the same name has the caption); None when there is nothing to compare."""
    if frame is None:
        return None
    return pg.pace_chart(frame, rate_of(), lang, source_line(pg.progress_table(frame, lang).source_ids, lang, year))


def trained_pace_notes(frame: pd.DataFrame | None, lang: str) -> list[str]:
    """One sentence per goal ahead: met already, or the pace it needs against the pace achieved."""
    return [] if frame is None else pg.pace_sentences(frame, rate_of(), lang, limit=len(frame))
