"""Notebook 02's sentences (lao động – việc làm): each main result against its goals, the trained-labour
pace, job exchanges and the jobs created over the plan period, and the key findings made of them.
Words from ``employment.yml``."""

from __future__ import annotations

import pandas as pd

from helpers.data.printed import parse_printed
from helpers.present.report import Report
from helpers.sections import progress as pg
from helpers.sections.chart_titles import verdict_word
from helpers.sections.employment import (
    ABROAD,
    JOBS,
    SECTION_OF,
    TRAINED,
    UNEMPLOYMENT,
    T,
    _missing,
    cap,
    low,
    results_against_goals,
    short_name,
    vacancies_per_participant,
)
from helpers.sections.employment_trained import trained_pace
from helpers.sections.social_common import figure_line, qualified, unit_name
from helpers.text.formatting import PERCENT_UNITS, fmt_ratio
from helpers.text.vocabulary import part_year_text


def _result_rows(
    frame: pd.DataFrame | None, indicator_id: str, lang: str
) -> tuple[pd.DataFrame, pd.Series, str, str] | None:
    """An indicator's rows of a results-against-goals frame, its first row, the "by the estimate" lead and its
    short name; None when the frame holds no result for it."""
    if frame is None:
        return None
    rows = frame[frame["indicator_id"] == indicator_id]
    if rows.empty or _missing(rows["result"].iloc[0]):
        return None
    first = rows.iloc[0]
    est = T("result.estimate_lead", lang) if first["result_kind"] == "estimate" else ""
    return rows, first, est, short_name(indicator_id, lang)


def part_year_sentence(first: pd.Series, name: str, year: int, lang: str) -> str:
    """A part-year result as part-year, never judged: "… tính đến 31/7/2025 là 11.556 người, đạt 67,98% kế hoạch
    năm; chưa có kết quả cả năm 2025." (the percent of plan only as the report printed it, at the same cut-off)."""
    value = qualified(first["result"], first["unit"], lang, first["result_printed"])
    if first["unit"] not in PERCENT_UNITS:
        value += f" {unit_name(first['unit'], lang, count=first['result'])}"
    pct = first["report_pct"]
    pct = "" if _missing(pct) else T("result.part_year_pct", lang, pct=qualified(pct, "percent_of_plan", lang))
    when = part_year_text(first["result_as_of"], lang)
    return cap(T("result.part_year_sentence", lang, name=name, when=when, v=value, pct=pct, y=year))


def count_sentence(frame: pd.DataFrame | None, indicator_id: str, year: int, lang: str) -> str | None:
    """A finding for a count result against its goals: "… là 17.034 người, bằng 100,2% kế hoạch (hơn 17.000) …"."""
    found = _result_rows(frame, indicator_id, lang)
    if found is None:
        return None
    rows, first, est, name = found
    if first["result_as_of"]:
        return part_year_sentence(first, name, year, lang)
    unit = unit_name(first["unit"], lang, count=first["result"])
    value = f"{qualified(first['result'], first['unit'], lang, first['result_printed'])} {unit}"
    items = []
    for r in rows[rows["ratio"].notna()].itertuples():
        level = pg.goal_level_text(r.goal, r.unit, r.goal_printed, lang)
        goal = T("count.goal", lang, kind=pg.kind_label(r.goal_kind, lang).lower(), level=level)
        items.append(T("count.ratio_item", lang, ratio=fmt_ratio(r.ratio, lang), goal=goal))
    goals = T("count.goals", lang, items=T("count.joiner", lang).join(items)) if items else ""
    return cap(T("result.sentence", lang, est=est, name=low(name) if est else name, y=year, v=value, goals=goals))


VERDICT_KEYS = {"exceeded": "rate.exceeded", "met": "rate.met", "missed": "rate.not_met"}


def _verdict(r: object) -> str:
    """The one rule of met and exceeded (:func:`helpers.sections.chart_titles.verdict_word`, also the chart
    titles'): past a floor or a plain goal is "vượt", on it or under a ceiling "đạt"."""
    parsed = parse_printed(r.goal_printed) if isinstance(r.goal_printed, str) else None
    low, high = sorted(float(v) for v in parsed.readings()) if parsed is not None and parsed.is_range else (None, None)
    goal = pd.Series({"value": r.goal, "printed": r.goal_printed, "low": low, "high": high})
    return verdict_word(float(r.result), goal, r.polarity) or "met"


SIDES = {1: "rate.above", -1: "rate.below", 0: "rate.on_goal"}


def rate_sentence(frame: pd.DataFrame | None, indicator_id: str, year: int, lang: str) -> str | None:
    """A finding for a rate against its goals: "… là 1,8%, đạt chỉ tiêu dưới 2,1% (thấp hơn 0,3 điểm phần trăm)"."""
    found = _result_rows(frame, indicator_id, lang)
    if found is None:
        return None
    rows, first, est, name = found
    if first["result_as_of"]:
        return part_year_sentence(first, name, year, lang)
    goals = ""
    for r in rows[rows["met"].notna()].itertuples():
        side = (r.difference > 0) - (r.difference < 0)
        diff = pg.change_text(abs(r.difference), r.unit, lang, signed=False) if side else ""
        goals += (
            T(
                "rate.goal",
                lang,
                verdict=T(VERDICT_KEYS[_verdict(r)], lang),
                kind=pg.kind_label(r.goal_kind, lang).lower(),
                level=pg.goal_level_text(r.goal, r.unit, r.goal_printed, lang),
                diff=diff,
                side=T(SIDES[side], lang),
            )
            .replace("( ", "(")
            .replace(" )", ")")
        )
    value = qualified(first["result"], first["unit"], lang, first["result_printed"])
    return cap(T("result.sentence", lang, est=est, name=low(name) if est else name, y=year, v=value, goals=goals))


SENTENCE = {JOBS: count_sentence, ABROAD: count_sentence, TRAINED: rate_sentence, UNEMPLOYMENT: rate_sentence}


def result_sentence(figures: pd.DataFrame, indicator_id: str, year: int, lang: str) -> str | None:
    """The sentence on one main result of ``year`` against its goals; None without a result."""
    return SENTENCE[indicator_id](results_against_goals(figures, year, (indicator_id,)), indicator_id, year, lang)


def result_notes(rep: Report, data: pd.DataFrame | None, indicator_id: str) -> None:
    """Below an indicator's chart: the sentence on its result, or (where the section says so) that the year
    has none. Nothing when the section had no figures at all."""
    sentence = result_sentence(rep.figures, indicator_id, rep.year, rep.lang)
    if sentence:
        rep.text(sentence)
    elif data is not None and T.has(f"{SECTION_OF[indicator_id]}.no_result"):
        rep.no_data(rep.say(f"{SECTION_OF[indicator_id]}.no_result", what=low(short_name(indicator_id, rep.lang))))


def exchange_sentence(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """The finding on job exchanges: sessions, participants, vacancies and vacancies per participant."""
    lines = [
        figure_line(figures, i, year, lang)
        for i in ("job_exchange_sessions", "job_exchange_participants", "job_exchange_vacancies")
    ]
    ratio = vacancies_per_participant(figures, year, lang, unit_text="")
    if any(line is None for line in lines) or ratio is None:
        return None
    return T(
        "exchange.sentence",
        lang,
        sessions=lines[0].text,
        participants=lines[1].text,
        vacancies=lines[2].text,
        ratio=ratio.text,  # as its table writes it: one computed figure, one rendering
    )


def cumulative_sentence(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """The finding on jobs created over the plan period up to ``year``, when the data hold it."""
    total = figure_line(figures, "jobs_created_cumulative", year, lang)
    if total is None:
        return None
    pct = figure_line(figures, "jobs_created_cumulative_pct_of_plan", year, lang)
    return T(
        "cumulative.sentence",
        lang,
        y=year,
        v=total.text,
        unit=total.unit_text,
        pct=T("cumulative.pct", lang, pct=pct.text) if pct else "",
    )


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Three to six key-finding sentences for ``year`` (fewer when the year has fewer figures)."""
    frame = results_against_goals(figures, year)
    sentences = [
        count_sentence(frame, JOBS, year, lang),
        cumulative_sentence(figures, year, lang),
        count_sentence(frame, ABROAD, year, lang),
        rate_sentence(frame, TRAINED, year, lang),
        *pg.pace_sentences(trained_pace(figures, year), TRAINED, lang, limit=1),
        rate_sentence(frame, UNEMPLOYMENT, year, lang),
        exchange_sentence(figures, year, lang),
    ]
    return [s for s in sentences if s][:6]
