"""Notebook 02 (lao động – việc làm, giáo dục nghề nghiệp): what its blocks show is declared in
``data/content_blocks.csv`` and ``data/content.csv`` (part ``employment``) and shown by :mod:`blocks`; this module
holds the one table of its own, the scorecard of the year's main results against their goals (the results come
from :mod:`helpers.analysis.employment`, judged by the one scorecard). The trained-labour path and pace are in
:mod:`employment_trained`, the sentences in :mod:`helpers.findings.employment`. Every word comes from ``employment.yml``
beside this module (``T(key, lang)``) or from the catalogue in ``data/``.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.employment import results_against_goals
from helpers.data import content
from helpers.data.query import indicator_name
from helpers.present import progress as pg
from helpers.present.lines import qualified
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections import blocks
from helpers.text import say, texts_for
from helpers.text.formatting import fmt_ratio
from helpers.text.vocabulary import part_year_text, verdict_text

T = texts_for(__name__)
PART = "employment"  # the notebook part whose blocks data/content_blocks.csv declares
cap, low, short_name = pg.cap, pg.low, pg.short_name
DASH = "–"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


# The year's results against plans and targets -------------------------------------


def scorecard_frame(figures: pd.DataFrame, year: int) -> pd.DataFrame | None:
    """The main results of the year (the scorecard block's series, ``data/content.csv``) beside each plan or
    target, judged by the one scorecard (:func:`helpers.analysis.employment.results_against_goals`)."""
    return results_against_goals(figures, year, tuple(content.indicators(PART, "scorecard", role="series")))


def scorecard(rep: Report) -> pd.DataFrame | None:
    """Section: its heading and :func:`scorecard_frame` (nothing at all when the year has no result or goal)."""
    return blocks.heading(rep, "scorecard", scorecard_frame(rep.figures, rep.year))


def against_text(row: pd.Series | object, lang: str) -> str:
    """How a result stands against its goal: the percent of a count goal, for a rate goal the margin in points
    (+ = better than the goal, − = short of it, whatever the goal's polarity).

    The percent of plan the report printed is added when it differs from the computed one.
    """
    get = row.get if isinstance(row, pd.Series) else lambda k: getattr(row, k)
    if _missing(get("goal")) or _missing(get("result")):
        return DASH
    if get("result_as_of"):  # a part-year count is not judged; the report's own percent of the year's plan is shown
        pct = get("report_pct")
        if _missing(pct):
            return DASH
        return T("scorecard.part_year_pct", lang, pct=qualified(pct, "percent_of_plan", lang))
    if not _missing(get("ratio")):
        text = fmt_ratio(get("ratio"), lang)
        if not _missing(get("report_pct")) and abs(get("report_pct") - get("ratio")) >= 0.005:
            text += f" ({T('scorecard.report_says', lang, pct=qualified(get('report_pct'), 'percent_of_plan', lang))})"
        return text
    return pg.change_text(get("margin"), get("unit"), lang)  # + = better than the goal (methods: attainment)


def _result_cell(r: object, lang: str) -> str:
    if _missing(r.result):
        return DASH
    kind = "" if r.result_kind == "actual" else f" ({pg.kind_label(r.result_kind, lang).lower()})"
    value = qualified(r.result, r.unit, lang, r.result_printed) + kind
    if not r.result_as_of:
        return value
    return T("scorecard.part_year", lang, when=part_year_text(r.result_as_of, lang), value=value)


def _verdict_cell(r: object, lang: str) -> str:
    return DASH if _missing(r.met) else verdict_text(r.met, lang, r.result_kind)  # "Ước đạt" for an estimate


def scorecard_table(frame: pd.DataFrame | None, year: int, lang: str) -> Table | None:
    """The reader's table of :func:`scorecard`."""
    if frame is None:
        return None
    rows = list(frame.itertuples())
    shown = pd.DataFrame(
        {
            say("common:column.indicator", lang): [indicator_name(r.indicator_id, lang) for r in rows],
            T("scorecard.column.result", lang, year=year): [_result_cell(r, lang) for r in rows],
            T("scorecard.column.goal", lang): [
                DASH
                if _missing(r.goal)
                else f"{pg.kind_label(r.goal_kind, lang)}: {pg.goal_level_text(r.goal, r.unit, r.goal_printed, lang)}"
                for r in rows
            ],
            T("scorecard.column.against", lang): [against_text(r, lang) for r in rows],
            T("scorecard.column.verdict", lang): [_verdict_cell(r, lang) for r in rows],
        }
    )
    raw = frame.drop(columns=["polarity"])
    ids = list(frame["result_source_id"]) + list(frame["goal_source_id"]) + list(frame["report_pct_source_id"])
    return Table(shown, raw, sorted({s for s in ids if isinstance(s, str)}))


def series_of(name: str) -> str:
    """The indicator block ``name`` of this part draws (its ``series`` row in ``data/content.csv``)."""
    return content.indicators(PART, name, role="series")[0]
