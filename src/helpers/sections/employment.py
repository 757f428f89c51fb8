"""Notebook 02 (lao động – việc làm, giáo dục nghề nghiệp): jobs created and workers sent abroad against
plans and targets, the trained-labour rate and its path to the targets, urban unemployment against its
ceilings, job exchanges, job-creation credit, support for workers going abroad and vocational training.

For each section of the notebook: a function that computes its frame (the results against goals come from
:mod:`helpers.analysis.employment`, judged by the one scorecard), one that draws its chart (a Figure), one
that makes the reader's table (the trained-labour rate's are in :mod:`employment_trained`). The sentences are
in :mod:`employment_findings`. Every word comes from ``employment.yml`` beside this module (``T(key, lang)``)
or from the catalogue in ``data/``.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.employment import (  # noqa: F401  (the analysis frames, for notebooks and tests)
    ABROAD,
    CORE,
    JOBS,
    TRAINED,
    UNEMPLOYMENT,
    goal_series_span,
    result_row,
    results_against_goals,
)
from helpers.analysis.relations import part_of
from helpers.data.query import figure_row, indicator_name, unit_label
from helpers.present import charts
from helpers.present.report import Report, source_line
from helpers.present.tables import Table
from helpers.sections import chart_titles as ct
from helpers.sections import progress as pg
from helpers.sections.social_common import (
    Line,
    computed_line,
    figure_line,
    lines_table,
    qualified,
    unit_of,
)
from helpers.text import say, texts_for
from helpers.text.formatting import fmt_ratio
from helpers.text.vocabulary import part_year_text, verdict_text

T = texts_for(__name__)
cap, low, short_name = pg.cap, pg.low, pg.short_name
DASH = "–"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def _span(data: pd.DataFrame) -> str:
    first, last = int(data["period"].min()), int(data["period"].max())
    return f"{first}–{last}" if first < last else f"{last}"


# The year's results against plans and targets -------------------------------------


def scorecard(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and the four main results of the year beside each plan or target, judged by the
    one scorecard (:func:`helpers.analysis.employment.results_against_goals`)."""
    return rep.section("scorecard", results_against_goals(rep.figures, rep.year))


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


# Jobs created, workers abroad, urban unemployment: results beside goals over the years ------

SECTION_OF = {JOBS: "jobs", ABROAD: "abroad", UNEMPLOYMENT: "unemployment", TRAINED: "trained"}


def goals_chart_data(figures: pd.DataFrame, indicator_id: str, year: int) -> pd.DataFrame | None:
    """Results, estimates, plans and targets of one indicator up to the year after ``year``; None if none."""
    return pg.goal_series(figures, indicator_id, year + 1)


def _section(rep: Report, indicator_id: str, data: pd.DataFrame | None) -> pd.DataFrame | None:
    return rep.section(
        SECTION_OF[indicator_id],
        data,
        anchor_values={"indicator": indicator_name(indicator_id, "en")},
        indicator=indicator_name(indicator_id, rep.lang),
        what=low(short_name(indicator_id, rep.lang)),
    )


def goals(rep: Report, indicator_id: str) -> pd.DataFrame | None:
    """Section: its heading, and an indicator's results, plans and targets by year up to the next year."""
    return _section(rep, indicator_id, goals_chart_data(rep.figures, indicator_id, rep.year))


def goal_chart(data: pd.DataFrame | None, indicator_id: str, lang: str, year: int) -> Figure | None:
    """The bars of an indicator's results beside its plans and targets; None without data."""
    if data is None:
        return None
    title = ct.trend_title(data, indicator_id, lang, indicator_name(indicator_id, lang), year)
    fig = pg.goal_chart(data, indicator_id, lang, source_line(data["source_id"], lang, year), title=title)
    return charts.captioned(
        fig,
        name=indicator_name(indicator_id, lang),
        span=_span(data),
        note=pg.qualified_note(data, unit_of(indicator_id), lang),
    )


PERIOD_FIGURES = ("jobs_created_cumulative", "jobs_created_cumulative_pct_of_plan", "employed_persons")


def period_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Figures over a whole plan period or the whole labour force stated for ``year``; None when none."""
    return lines_table([figure_line(figures, i, year, lang) for i in PERIOD_FIGURES], lang)


def abroad_share_line(figures: pd.DataFrame, year: int, lang: str) -> Line | None:
    """The share of workers sent abroad among all jobs created in ``year``, where data/relations.csv declares that
    the area's reports count them inside jobs created ("trong đó"); None otherwise."""
    if not part_of(ABROAD, JOBS, year):
        return None
    return ratio_line(figures, ABROAD, JOBS, year, lang, T("abroad.share", lang), unit="percent", scale=100)


def abroad_share_notes(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The sentence on the share of workers sent abroad among all jobs created, when both are known."""
    share = abroad_share_line(figures, year, lang)
    return [] if share is None else [T("abroad.share_line", lang, label=share.label, value=share.text, note=share.note)]


# Job exchanges, credit, support for workers going abroad, vocational training -----------------


def ratio_line(
    figures: pd.DataFrame,
    numerator: str,
    denominator: str,
    year: int,
    lang: str,
    label: str,
    unit: str = "",
    unit_text: str | None = None,
    scale: float = 1.0,
    decimals: int = 2,
) -> Line | None:
    """``numerator * scale / denominator`` for ``year`` as a computed line; None when either is missing or zero.

    A qualified print ("hơn 1.475") makes the ratio approximate ("khoảng 2,9"), by the one precision rule
    (``social_common.computed_text``).
    """
    num, den = figure_line(figures, numerator, year, lang), figure_line(figures, denominator, year, lang)
    if num is None or den is None or not den.value:
        return None
    prints = (
        str(figure_row(figures, numerator, year)["printed"]),
        str(figure_row(figures, denominator, year)["printed"]),
    )
    return computed_line(
        label,
        num.value * scale / den.value,
        unit,
        lang,
        how=f"{num.text} / {den.text}",
        decimals=decimals,
        unit_text=unit_text,
        prints=prints,
    )


def per(amount_id: str, count_id: str, lang: str) -> str:
    """An amount per count from the catalogue's unit names ("triệu đồng/người", "million VND per person")."""
    return say("common:per_unit", lang, amount=unit_label(amount_id, lang), count=unit_label(count_id, lang, count=1))


def facts_table(
    figures: pd.DataFrame, year: int, lang: str, indicators: tuple[str, ...], ratios: tuple[Line | None, ...] = ()
) -> Table | None:
    """The year's figures of ``indicators`` followed by computed ratios; None when no figure exists."""
    return lines_table([figure_line(figures, i, year, lang) for i in indicators] + list(ratios), lang)


def vacancies_per_participant(figures: pd.DataFrame, year: int, lang: str, unit_text: str | None = None) -> Line | None:
    """Job-exchange vacancies per participant (computed)."""
    return ratio_line(
        figures,
        "job_exchange_vacancies",
        "job_exchange_participants",
        year,
        lang,
        T("job_exchange.per_participant", lang),
        unit_text=T("job_exchange.vacancy_unit", lang) if unit_text is None else unit_text,
    )


EXCHANGE_FIGURES = (
    "job_exchange_sessions",
    "job_exchange_participants",
    "job_exchange_vacancies",
    "job_fair_units",
    "job_fair_vacancies",
    "job_fair_career_guidance",
)


def job_exchange_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Job-exchange sessions, participants and vacancies, the job fair, and vacancies per participant (computed)."""
    ratios = (
        vacancies_per_participant(figures, year, lang),
        ratio_line(
            figures,
            "job_exchange_participants",
            "job_exchange_sessions",
            year,
            lang,
            T("job_exchange.per_session", lang),
            unit_text=T("job_exchange.participant_unit", lang),
            decimals=1,
        ),
    )
    return facts_table(figures, year, lang, EXCHANGE_FIGURES, ratios)


def job_credit_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Job-creation credit: disbursed amount, jobs, with the amount per job and the share of all jobs (computed)."""
    ratios = (
        ratio_line(
            figures,
            "job_credit_disbursed",
            "job_credit_jobs",
            year,
            lang,
            T("job_credit.per_job", lang),
            unit_text=per("job_credit_disbursed", "job_credit_jobs", lang),
        ),
        ratio_line(
            figures, "job_credit_jobs", JOBS, year, lang, T("job_credit.jobs_share", lang), unit="percent", scale=100
        ),
    )
    return facts_table(
        figures, year, lang, ("job_credit_disbursed", "job_credit_jobs", "job_credit_self_employed"), ratios
    )


OVERSEAS_FIGURES = (
    "overseas_loan_workers",
    "overseas_loan_amount",
    "overseas_support_workers",
    "overseas_support_amount",
)


def overseas_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Loans and policy support for workers going abroad, with amounts per worker and the share with loans."""
    ratios = (
        ratio_line(
            figures,
            "overseas_loan_amount",
            "overseas_loan_workers",
            year,
            lang,
            T("overseas_support.loan_per_worker", lang),
            unit_text=per("overseas_loan_amount", "overseas_loan_workers", lang),
        ),
        ratio_line(
            figures,
            "overseas_support_amount",
            "overseas_support_workers",
            year,
            lang,
            T("overseas_support.support_per_worker", lang),
            unit_text=per("overseas_support_amount", "overseas_support_workers", lang),
        ),
        ratio_line(
            figures,
            "overseas_loan_workers",
            ABROAD,
            year,
            lang,
            T("overseas_support.loan_share", lang),
            unit="percent",
            scale=100,
        ),
    )
    return facts_table(figures, year, lang, OVERSEAS_FIGURES, ratios)


VOCATIONAL_FIGURES = (
    "vocational_training_poor_workers",
    "demobilised_youth_supported",
    "demobilised_youth_support_amount",
    "prisoner_counselling_participants",
    "colleges_merged",
    "colleges_after_merger",
    "vocational_schools_repurposed",
    "vet_workshop_delegates",
)


def vocational_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Vocational-training support and the school network, with the spending per young person (computed)."""
    ratios = (
        ratio_line(
            figures,
            "demobilised_youth_support_amount",
            "demobilised_youth_supported",
            year,
            lang,
            T("vocational.per_young_person", lang),
            unit_text=per("demobilised_youth_support_amount", "demobilised_youth_supported", lang),
        ),
    )
    return facts_table(figures, year, lang, VOCATIONAL_FIGURES, ratios)


TABLES = {
    "job_exchange": job_exchange_table,
    "job_credit": job_credit_table,
    "overseas_support": overseas_table,
    "vocational": vocational_table,
}


def facts(rep: Report, name: str) -> Table | None:
    """Section: its heading, and the table of its figures and computed ratios (None, said as "no data")."""
    return rep.section(name, TABLES[name](rep.figures, rep.year, rep.lang))
