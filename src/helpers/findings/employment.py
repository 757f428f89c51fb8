"""Notebook 02's sentences (lao động – việc làm): each main result against its goals, the trained-labour
pace, job exchanges and the jobs created over the plan period, and the key findings made of them.
Words from ``employment.yml``."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from helpers.analysis.employment import results_against_goals
from helpers.data import content
from helpers.data.printed import parse_printed
from helpers.data.slots import slot
from helpers.present import progress as pg
from helpers.present.chart_titles import verdict_word
from helpers.present.lines import qualified, unit_name, unit_of
from helpers.present.report import Report
from helpers.sections import blocks
from helpers.sections.employment import PART, T, _missing, cap, low, series_of, short_name
from helpers.sections.employment_trained import BLOCK as TRAINED_BLOCK
from helpers.sections.employment_trained import rate_of, trained_pace
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
    """The one rule of met and exceeded (:func:`helpers.present.chart_titles.verdict_word`, also the chart
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


RATE_UNITS = ("percent",)  # a result in these units is judged as a rate (points from the goal), else a count


def result_sentence(figures: pd.DataFrame, indicator_id: str, year: int, lang: str) -> str | None:
    """The sentence on one main result of ``year`` against its goals; None without a result."""
    sentence = rate_sentence if unit_of(indicator_id) in RATE_UNITS else count_sentence
    return sentence(results_against_goals(figures, year, (indicator_id,)), indicator_id, year, lang)


def result_notes(rep: Report, name: str) -> None:
    """Below block ``name``'s chart: the sentence on its series' result against its goals, when there is one."""
    sentence = result_sentence(rep.figures, series_of(name), rep.year, rep.lang)
    if sentence:
        rep.text(sentence)


# The two sentences below speak of figures by their slots (data/slots.csv, part "employment"): each says what one
# figure means ("sessions", "participants", "vacancies"; a plan period's cumulative result), which no generic rule
# over a block's lines can word. A slot the data do not fill finds no line, and the sentence says nothing.


def exchange_sentence(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """The finding on job exchanges: sessions, participants, vacancies and vacancies per participant, as the
    ``job_exchange`` block's frame holds them."""
    data = blocks.frame(figures, PART, "job_exchange", year, lang)
    lines = [
        blocks.line_of(data, slot(PART, name) or "")
        for name in ("exchange_sessions", "exchange_participants", "exchange_vacancies")
    ]
    ratio = blocks.line_of(data, label=T("job_exchange.per_participant", lang))
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
    data = blocks.frame(figures, PART, "jobs_period", year, lang)
    total = blocks.line_of(data, slot(PART, "cumulative") or "")
    if total is None:
        return None
    pct = blocks.line_of(data, slot(PART, "cumulative_pct") or "")
    return T(
        "cumulative.sentence",
        lang,
        y=year,
        v=total.text,
        unit=total.unit_text,
        pct=T("cumulative.pct", lang, pct=pct.text) if pct else "",
    )


BLOCK_SENTENCES: dict[str, Callable[[pd.DataFrame, int, str], str | None]] = {
    "jobs_period": cumulative_sentence,
    "job_exchange": exchange_sentence,
}


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Three to six key-finding sentences for ``year`` (fewer when the year has fewer figures), in the order of
    the part's blocks: each drawn series' result against its goals, the pace of the trained-labour block's rate,
    and the sentences of the blocks that have one."""
    sentences: list[str | None] = []
    for name in content.blocks(PART)["block"]:
        if name != "scorecard":
            sentences += [result_sentence(figures, i, year, lang) for i in content.indicators(PART, name, "series")]
        if name == TRAINED_BLOCK:
            sentences += pg.pace_sentences(trained_pace(figures, year), rate_of(), lang, limit=1)
        if name in BLOCK_SENTENCES:
            sentences.append(BLOCK_SENTENCES[name](figures, year, lang))
    return [s for s in sentences if s][:6]
