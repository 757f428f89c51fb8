"""Notebook 01 (giảm nghèo): the poverty rate over the years, poor and near-poor
households, the distance to the targets and the pace they need; each district with figures beside the whole area
is in :mod:`helpers.sections.poverty_districts`, the support programmes (credit, health insurance, medical costs,
electricity, housing) in :mod:`helpers.sections.poverty_programmes`.

For each section of the notebook: a function that computes its frame (raw numbers,
from :mod:`helpers.analysis.poverty`), one that draws its chart (a Figure), one that
makes the reader's table, and the finding sentences. Every word comes from
``poverty.yml`` beside this module (``T(key, lang)``) or from the catalogue in ``data/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import poverty as an
from helpers.analysis.attainment import scorecard
from helpers.analysis.poverty import (  # noqa: F401  (the analysis frames, for notebooks and tests)
    GROUP,
    alternatives,
    district_frame,
    households_frame,
    rate_change,
    times_province,
)
from helpers.analysis.report_parts import domain_indicators
from helpers.analysis.series import RESULT_KINDS
from helpers.data import content
from helpers.data.loading import load_catalogue
from helpers.data.query import figure_row, indicator_name, unit_label
from helpers.present import chart_titles as ct
from helpers.present import charts
from helpers.present import progress as pg
from helpers.present.lines import (
    Line,
    axis_label,
    computed_line,
    figure_line,
    lines_table,
    qualified,
    with_recomputed,
)
from helpers.present.report import Report, source_line
from helpers.present.tables import Table
from helpers.sections import blocks
from helpers.text import say, texts_for
from helpers.text.formatting import fmt_value

T = texts_for(__name__)
_cap, _name = pg.cap, pg.short_name


def _breaks(breaks: Sequence[int] | None, indicator_id: str = "") -> list[int]:
    return list(pg.breaks_of(indicator_id or an.named("rate")) if breaks is None else breaks)


def _pct(value: float, lang: str) -> str:
    return fmt_value(value, "percent", lang)


def select_unit(indicator_id: str) -> str:
    """The unit code of an indicator from the catalogue."""
    return str(load_catalogue().set_index("indicator_id").at[indicator_id, "unit"])


# The poverty rate over the years ------------------------------------------------


def trend_data(figures: pd.DataFrame, year: int) -> pd.DataFrame | None:
    """The province's poverty rate (results and estimates) up to ``year``: period, kind, value, printed, source_id;
    the goals set for ``year`` ride along in ``attrs["goals"]`` (records), for the chart's title to judge by."""
    data = pg.goal_series(figures, an.named("rate"), year, kinds=RESULT_KINDS)
    if data is not None:
        goals = pg.goal_series(figures, an.named("rate"), year, kinds=pg.GOAL_KINDS)
        data.attrs["goals"] = [] if goals is None else goals[goals["period"] == year].to_dict("records")
    return data


def trend(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and the poverty rate over the years (None, said as "no data", when there is none)."""
    return rep.section(
        "trend", trend_data(rep.figures, rep.year), rate=indicator_name(an.named("rate"), rep.lang).lower()
    )


def _span(data: pd.DataFrame) -> str:
    first, last = int(data["period"].min()), int(data["period"].max())
    return f"{first}–{last}" if first < last else f"{last}"


def trend_table(data: pd.DataFrame | None, lang: str, breaks: Sequence[int] | None = None) -> Table | None:
    """The poverty rate by year with the change from the figure before (never across a break)."""
    if data is None:
        return None
    rows = data.sort_values("period", kind="stable").reset_index(drop=True)
    rate = an.named("rate")
    changes = an.rate_changes(rows, breaks)
    texts = ["–"] + [
        T("trend.across_break", lang)
        if c is None
        else say("common:change.since", lang, change=pg.change_text(c, "percent", lang), period=int(p0))
        for c, p0 in zip(changes[1:], rows["period"][:-1], strict=False)
    ]
    shown = pd.DataFrame(
        {
            say("common:column.year", lang): rows["period"].astype(str),
            say("common:column.kind", lang): [pg.kind_label(k, lang) for k in rows["kind"]],
            f"{indicator_name(rate, lang)} ({unit_label(rate, lang)})": [
                qualified(v, "percent", lang, p) for v, p in zip(rows["value"], rows["printed"], strict=False)
            ],
            T("trend.column.change", lang): texts,
        }
    )
    raw = pd.DataFrame(
        {
            "period": rows["period"],
            "kind": rows["kind"],
            "value": rows["value"],
            "printed": rows["printed"],
            "change_pp": changes,
            "source_id": rows["source_id"],
        }
    )
    return Table(
        shown,
        raw,
        sorted(set(rows["source_id"])),
        {"rate": indicator_name(an.named("rate"), lang), "span": _span(data)},
    )


def trend_chart(data: pd.DataFrame | None, lang: str, breaks: Sequence[int] | None = None) -> Figure | None:
    """Results and estimates of the poverty rate as separate lines; no line crosses a change of standard."""
    if data is None:
        return None
    inside = pg.breaks_within(list(data["period"]), _breaks(breaks))
    fig = pg.kind_line_chart(
        data,
        an.named("rate"),
        lang,
        source_line(data["source_id"], lang, int(data["period"].max())),
        breaks=[(b, T("new_standard", lang)) for b in inside],
        title=ct.trend_title(data, an.named("rate"), lang, indicator_name(an.named("rate"), lang)),
    )
    return charts.captioned(
        fig,
        rate=indicator_name(an.named("rate"), lang),
        span=_span(data),
        note=pg.qualified_note(data, "percent", lang),
    )


def trend_notes(data: pd.DataFrame | None, lang: str) -> list[str]:
    """The changes of standard inside the years shown, one sentence each (data/series_breaks.csv)."""
    if data is None:
        return []
    return [
        label + "."
        for first, label in pg.break_labels(an.named("rate"), lang)
        if first in pg.breaks_within(list(data["period"]), [first])
    ]


# Poor and near-poor households ---------------------------------------------------


def households(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and poor and near-poor households this year beside last year."""
    first = an.first_count_period(rep.figures, rep.year)  # the table shows every year its chart does
    return rep.section("households", households_frame(rep.figures, rep.year, first=first))


def households_table(frame: pd.DataFrame | None, lang: str) -> Table | None:
    """The reader's table of :func:`households_frame`."""
    if frame is None:
        return None
    periods = frame.attrs["periods"]
    shown = {
        say("common:column.indicator", lang): [indicator_name(i, lang) for i in frame["indicator_id"]],
        say("common:column.unit", lang): [unit_label(i, lang) for i in frame["indicator_id"]],
    }
    for p in periods:
        shown[str(p)] = [
            qualified(v, u, lang, pr) if v is not None and not pd.isna(v) else "–"
            for v, u, pr in zip(frame[f"value_{p}"], frame["unit"], frame[f"printed_{p}"], strict=False)
        ]
    stated = "change_printed" in frame and frame["change_printed"].notna().any()  # a change the reports print
    if periods[-2:] == [periods[-1] - 1, periods[-1]] or stated:  # the change from the year before, named
        shown[T("households.change", lang, prev=periods[-1] - 1)] = [
            "–" if c is None or pd.isna(c) else pg.change_text(c, u, lang)
            for c, u in zip(frame["change"], frame["unit"], strict=False)
        ]
    raw = frame[["indicator_id", "unit"] + [f"value_{p}" for p in periods] + ["change"]]
    years = _span(pd.DataFrame({"period": periods}))  # the caption names the table's years, not only the last
    return Table(pd.DataFrame(shown), raw, sorted({s for ids in frame["source_ids"] for s in ids}), {"years": years})


def households_chart(figures: pd.DataFrame, year: int, lang: str) -> Figure | None:
    """Poor and near-poor household counts over the years up to ``year``; None under two points."""
    data = an.household_counts(figures, year)
    if data is None:
        return None
    inside = pg.breaks_within(list(data["period"]), _breaks(None, an.named("poor")))
    poor = data[data["indicator_id"] == an.named("poor")].set_index("period")["value"]
    return charts.line_chart(
        data.assign(series=[indicator_name(i, lang) for i in data["indicator_id"]])[["period", "value", "series"]],
        title=ct.series_title(poor, indicator_name(an.named("poor"), lang), "households", lang),
        y_label=axis_label(unit_label(an.named("poor"), lang), lang),
        source=source_line(data["source_id"], lang, year),
        lang=lang,
        breaks=[(b, T("new_standard", lang)) for b in inside],
    )


# Targets and the pace they need ----------------------------------------------------


def target_progress(figures: pd.DataFrame, year: int, breaks: Sequence[int] | None = None) -> pd.DataFrame | None:
    """The poverty-rate goals after ``year`` against the latest rate (see :func:`progress.progress`)."""
    return pg.progress(figures, an.named("rate"), year, _breaks(breaks))


def target_sentences(frame: pd.DataFrame | None, lang: str, limit: int | None = 2) -> list[str]:
    """Findings on the poverty-rate goals ahead: met already, or the pace needed against the pace achieved."""
    return pg.pace_sentences(
        frame, an.named("rate"), lang, len(frame) if limit is None and frame is not None else (limit or 0)
    )


def statements_table(figures: pd.DataFrame, year: int, lang: str, breaks: Sequence[int] | None = None) -> Table | None:
    """What the sources say about the year's result against its goals (change, margin, reduction goal),
    with the reduction achieved computed beside a reduction goal; None when they say nothing."""
    lines = [
        figure_line(figures, an.named("rate_change"), year, lang),
        margin_line(figures, year, lang),
    ]
    for kind in ("plan", "target"):
        line = figure_line(figures, an.named("reduction_goal"), year, lang, kind=kind)
        if line is not None:
            row = figure_row(figures, an.named("reduction_goal"), year, kind)
            level = pg.goal_level_text(float(row["value"]), str(row["unit"]), str(row["printed"]), lang)
            label = T("reduction.goal_label", lang, label=line.label, kind=pg.kind_label(kind, lang), year=year)
            lines.append(replace(line, label=label, text=level))
            info = rate_change(figures, year, breaks)
            if info and info.get("change") is not None and info["period"] == year and info["prev_period"] == year - 1:
                lines.append(
                    computed_line(
                        T("reduction.achieved", lang),
                        -info["change"],
                        "percentage_points",
                        lang,
                        how=f"{_pct(info['prev_value'], lang)} − {_pct(info['value'], lang)}",
                    )
                )
    return lines_table(lines, lang)


def margin_line(figures: pd.DataFrame, year: int, lang: str) -> Line | None:
    """The margin on the poverty-rate target in one row: as the source states it, with the appendix's
    recomputation in its note (a second row of the same margin would say it twice); recomputed alone otherwise."""
    printed = figure_line(figures, an.named("margin"), year, lang)
    return with_recomputed(printed, margin_recomputed(figures, year, lang), lang)


def margin_recomputed(figures: pd.DataFrame, year: int, lang: str) -> Line | None:
    """The margin of the year's poverty rate on its target, recomputed by the one scorecard (+ = better than the
    goal: "vượt 0,52%" is 2,79 − 2,27); None when the year has no judged province-wide target."""
    card = scorecard(figures, year)
    card = card[
        (card["indicator_id"] == an.named("rate")) & (card["breakdown"] == "") & card["headline"] & card["met"].notna()
    ]
    if card.empty:
        return None
    row = card.iloc[0]
    how = f"{_pct(row['goal'], lang)} − {_pct(row['actual'], lang)}"
    return computed_line(T("margin.recomputed", lang), row["margin"], "percentage_points", lang, how=how, signed=True)


def targets(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, what the sources say of the year's result against its goals, and the goals ahead."""
    statements, frame = statements_table(rep.figures, rep.year, rep.lang), target_progress(rep.figures, rep.year)
    rep.section("targets", frame if frame is not None else statements)
    rep.table(statements, "poverty_result_vs_goal")
    return frame


def pace_table(frame: pd.DataFrame | None, lang: str) -> Table | None:
    """The reader's table of the goals ahead: gap, pace needed, pace achieved."""
    return None if frame is None else pg.progress_table(frame, lang)


def pace_chart(frame: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """The yearly fall needed for each goal ahead beside the fall achieved; None when there is nothing to compare."""
    if frame is None:
        return None
    return pg.pace_chart(frame, an.named("rate"), lang, source_line(pace_table(frame, lang).source_ids, lang, year))


# The year's other figures ----------------------------------------------------------


def other_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """One line per figure of ``year`` of the domains the part's ``domain`` row names (data/content.csv) that no
    block of any part declares, in the report's order; None when there is none. A new poverty indicator shows here
    as soon as its figures and its catalogue row arrive, without a code change. A printed change of a households line
    is in the households table's change column, not here."""
    declared = blocks.shown_elsewhere(figures, year)  # what a block of some part shows, as every part's "other"
    declared += tuple(an.printed_changes(figures, year))  # the households table's change column shows them
    rows = content.rows(an.PART, "other")
    ids = [
        i
        for d in rows.loc[rows["role"] == "domain", "domain"]
        for i in domain_indicators(figures, d, year, exclude=declared)
    ]
    return lines_table([figure_line(figures, i, year, lang) for i in ids], lang)


def other_figures(rep: Report) -> pd.DataFrame | None:
    """Section: the year's other poverty figures (:func:`other_table`) under their heading; nothing at all, not even
    the heading, when there are none. Returns the table's raw numbers, for the notebook to show."""
    table = other_table(rep.figures, rep.year, rep.lang)
    if table is None:
        return None
    rep.section("other")
    rep.table(table, "other_figures")
    return table.raw
