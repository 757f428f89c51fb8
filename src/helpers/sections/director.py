"""The director's page of the overview (00): the goals ahead on track or at risk, and the declared figures that
bear on them (data/watch.csv), placed right after the key findings. The frames are
:mod:`helpers.analysis.watch`'s; the words, heading included, are in director.yml beside this module."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import watch
from helpers.data.query import figure_row, indicator_name
from helpers.present.lines import qualified
from helpers.present.progress import change_text, goal_level_text, low
from helpers.present.report import Report
from helpers.text.formatting import fmt_value
from helpers.text.templates import texts_for
from helpers.text.vocabulary import breakdown_text, instrument_name

T = texts_for(__name__)
# How the statuses of helpers.analysis.watch.status group on the page, in this order.
GROUPS = (("on_track", ("met", "on_track")), ("at_risk", ("at_risk",)), ("unknown", ("unknown",)))


def _goal_item(r: object, year: int, lang: str) -> str:
    level = goal_level_text(r.goal, r.unit, r.goal_printed, lang)
    item = T(
        "goal.item",
        lang,
        name=indicator_name(r.indicator_id, lang).split(" (")[0],
        gp=r.goal_period,
        level=level,
        instrument=instrument_name(r.instrument, lang),
    )
    return item + (T("goal.met", lang, year=year) if r.status == "met" else "")


def goal_sentences(goals: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence per group of goals: on track (already met, or within reach at the pace achieved), at risk
    (a faster pace than achieved is needed), not judgeable."""
    sentences = []
    for key, statuses in GROUPS:
        rows = goals[goals["status"].isin(statuses)]
        if not rows.empty:
            items = T("join", lang).join(_goal_item(r, year, lang) for r in rows.itertuples())
            sentences.append(T(f"goals.{key}", lang, items=items))
    return sentences


def _where(breakdown: str, lang: str) -> str:
    return T("where", lang, place=breakdown_text(breakdown, lang)) if breakdown else ""


def watch_sentence(figures: pd.DataFrame, r: object, lang: str) -> str:
    """A declared figure that bears on a goal: its share of a whole, or its change on its latest earlier result
    (with the year's own goal for it, when there is one)."""
    name = indicator_name(r.indicator_id, lang).split(" (")[0]
    values = {
        "name": name,
        "where": _where(r.breakdown, lang),
        "year": r.period,
        "now": qualified(r.value, r.unit, lang, r.printed),
        "goal": low(indicator_name(r.bears_on, lang).split(" (")[0]),
    }
    if r.measure == "share":
        of = figure_row(figures, r.of, r.period)
        return T(
            "watch.share",
            lang,
            share=fmt_value(r.share, "percent", lang, 2),
            whole=qualified(r.base, str(of["unit"]), lang, r.base_printed),
            whole_name=low(indicator_name(str(of["indicator_id"]), lang).split(" (")[0]),
            **values,
        )
    sentence = T(
        "watch.change",
        lang,
        base=qualified(r.base, r.unit, lang, r.base_printed),
        bp=r.base_period,
        change=change_text(r.value - r.base, r.unit, lang),
        **values,
    )
    goal = figure_row(figures, r.indicator_id, r.period, kind="target", breakdown=r.breakdown)
    if goal is not None:
        sentence = sentence[:-1] + T(
            "watch.own_goal",
            lang,
            level=goal_level_text(float(goal["value"]), r.unit, str(goal["printed"]), lang),
            year=r.period,
            instrument=instrument_name(str(goal["instrument"]), lang),
        )
    return sentence


def frame(rep: Report) -> pd.DataFrame | None:
    """Section ``director``: its heading (the years of the goals ahead, from the data), and the goals ahead."""
    goals = watch.goals_ahead(rep.figures, rep.year)
    if goals.empty:
        return rep.section("director:director", None)
    first, last = rep.year + 1, int(goals["goal_period"].max())
    span = str(first) if first == last else f"{first}–{last}"
    return rep.section("director:director", goals, span=span)


def hand_off(rep: Report, goals: pd.DataFrame | None) -> None:
    """The page's sentences: the goals by status, then what the declared figures say."""
    if goals is None:
        return
    rep.notes(goal_sentences(goals, rep.year, rep.lang))
    notes = [watch_sentence(rep.figures, r, rep.lang) for r in watch.watched(rep.figures, rep.year).itertuples()]
    if notes:
        rep.text(T("watch.intro", rep.lang))
        rep.notes(notes)
