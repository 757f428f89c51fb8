"""Chart titles that state the chart's message, computed from the figures it draws.

A title says where the latest result went (``tăng lên``/``giảm còn``/``không đổi``, from the last two results
drawn) and, where the same year has a goal, how it stands against it (``vượt``/``đạt``/``chưa đạt``, judged by
:func:`helpers.analysis.attainment.assess`, the one judge). What is plotted (indicator, unit, years) is the
caption's, so the two never repeat each other. The words are in ``text/chart_titles.yml``.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.attainment import assess, goal_bound, goal_ends
from helpers.analysis.precedence import counts
from helpers.analysis.series import GOAL_KINDS, drawn
from helpers.data.loading import load_catalogue
from helpers.present.lines import qualified, unit_name, unit_of
from helpers.text.formatting import fmt_number, fmt_points
from helpers.text.templates import texts_for
from helpers.text.vocabulary import KIND_LABELS, label

T = texts_for(__name__)
PERCENT_UNITS = ("percent", "percentage_points")


def with_unit(value: float, unit: str, lang: str, printed: str | None = None) -> str:
    """A figure with its unit's name, as a title says it: "2,27%", "17.034 người"."""
    text = qualified(value, unit, lang, printed)
    return text if unit in PERCENT_UNITS else f"{text} {unit_name(unit, lang, count=value)}"


def unsigned(value: float, unit: str, lang: str) -> str:
    """A pace or a change with its unit and without a sign (the words say the direction)."""
    if unit == "percentage_points":
        return fmt_points(value, lang)
    return f"{fmt_number(value, lang)} {unit_name(unit, lang, count=value)}"


def change_word(current: float, previous: float | None) -> str:
    """``up``, ``down`` or ``same`` from one result to the next; ``level`` when there is no earlier result."""
    if previous is None or pd.isna(previous):
        return "level"
    return "up" if current > previous else "down" if current < previous else "same"


def verdict_word(actual: float, goal: pd.Series, polarity: str) -> str | None:
    """How ``actual`` stands against ``goal`` (a row with value, printed, low, high), by the one judge:
    ``exceeded`` (beyond a plain goal or a floor, or past a band's demanding end), ``met`` (at a goal, under a
    ceiling, inside a band), ``missed``; None for a neutral indicator."""
    low, high = goal_ends(goal)
    judged = assess(actual, float(goal["value"]), polarity, goal_bound(str(goal["printed"])), low, high)
    if judged.met is None:
        return None
    if not judged.met:
        return "missed"
    beyond = judged.margin_far if judged.margin_far is not None else judged.margin
    # Under a ceiling is meeting it; past a floor, a plain goal or a band's demanding end is beating it.
    return "exceeded" if beyond > 0 and judged.bound != "ceiling" else "met"


def _counted(goals: pd.DataFrame, indicator_id: str) -> pd.Series:
    """The goal that counts among one period's goals (:func:`helpers.analysis.precedence.counts`, the one judge)."""
    keyed = goals.assign(indicator_id=indicator_id, breakdown="")
    if "instrument" not in keyed.columns:
        keyed = keyed.assign(instrument="")
    return goals[counts(keyed)].iloc[0]


def trend_title(data: pd.DataFrame, indicator_id: str, lang: str, name: str, year: int | None = None) -> str:
    """The message of a chart of one indicator's results and goals over the years (``goal_series`` rows):
    "Tỷ lệ hộ nghèo giảm còn 2,27% năm 2023, vượt chỉ tiêu". ``name`` when the chart has no result.

    The goal judged is the one that counts (:func:`helpers.analysis.precedence.counts`) for the latest result's
    year, among the goal rows or, for a chart of results only, the goal rows (records) in ``data.attrs["goals"]``.
    With ``year``, a chart whose latest result is of an earlier year says that ``year`` has none yet, rather than
    letting an earlier year's result pass for the year's."""
    title = _trend_title(data, indicator_id, lang, name)
    results = data[data["kind"] == "actual"]
    if year is not None and not results.empty and int(results["period"].max()) < year:
        title += T("no_result_yet", lang, year=year)
    return title


def _trend_title(data: pd.DataFrame, indicator_id: str, lang: str, name: str) -> str:
    rows = drawn(data)
    results = rows[rows["kind"] == "actual"].sort_values("period")
    if results.empty:
        return name
    last = results.iloc[-1]
    previous = results["value"].iloc[-2] if len(results) > 1 else None
    unit = unit_of(indicator_id)
    title = T(
        f"change.{change_word(last['value'], previous)}",
        lang,
        name=name,
        value=with_unit(last["value"], unit, lang, last["printed"]),
        year=int(last["period"]),
    )
    goals = data[(data["period"] == last["period"]) & data["kind"].isin(GOAL_KINDS)]
    undrawn = goals.empty and bool(data.attrs.get("goals"))  # a goal the chart does not show: its level is named
    if undrawn:
        extra = pd.DataFrame(data.attrs["goals"])
        goals = extra[(extra["period"] == last["period"]) & extra["kind"].isin(GOAL_KINDS)]
    if goals.empty:
        return title
    goal = _counted(goals, indicator_id)
    polarity = str(load_catalogue().set_index("indicator_id").at[indicator_id, "polarity"])
    verdict = verdict_word(float(last["value"]), goal, polarity)
    if verdict is None:
        return title
    word = label(KIND_LABELS, goal["kind"], lang).lower()
    if undrawn:
        level = with_unit(float(goal["value"]), unit, lang, goal.get("printed"))
        word = T("goal_level", lang, goal=word, level=level)
    return title + T(f"verdict.{verdict}", lang, goal=word)


def series_title(values: pd.Series, name: str, unit: str, lang: str) -> str:
    """The message of a line of one series by period (index: period): where its last value went."""
    values = values.dropna().sort_index()
    previous = values.iloc[-2] if len(values) > 1 else None
    return T(
        f"change.{change_word(values.iloc[-1], previous)}",
        lang,
        name=name,
        value=with_unit(values.iloc[-1], unit, lang),
        year=int(values.index[-1]),
    )


def ranking_title(data: pd.DataFrame, unit_text: str, lang: str) -> str:
    """The message of bars whose order means nothing (columns category, value): which one leads, and by how much."""
    top = data.sort_values("value", ascending=False, kind="stable").iloc[0]
    value = qualified(top["value"], "count", lang)
    category = " ".join(str(top["category"]).split())  # a label wrapped for the axis reads as one line here
    return T("ranking.top", lang, category=category, value=value, unit=unit_text)


def pace_title(bars: pd.DataFrame, change_unit: str, lang: str) -> str:
    """The message of the pace chart (``pace_values`` rows, in the good direction; ``change_unit`` the unit of
    a yearly change, "percentage_points" for rates): is the pace achieved enough for every goal ahead?"""
    achieved = float(bars.loc[bars["what"] == "achieved", "value"].iloc[0])
    needed = bars[bars["what"] == "needed"]
    short = needed[needed["value"] > achieved].sort_values("goal_period", kind="stable")
    values = {"achieved": unsigned(achieved, change_unit, lang)}
    if short.empty:
        return T("pace.enough", lang, **values)
    first = short.iloc[0]
    latest = int(bars.loc[bars["what"] == "achieved", "end"].iloc[0])
    one_year = int(first["goal_period"]) - latest == 1  # needed within that year, not "each year"
    return T(
        "pace.short.within" if one_year else "pace.short",
        lang,
        needed=unsigned(float(first["value"]), change_unit, lang),
        kind=label(KIND_LABELS, first["goal_kind"], lang).lower(),
        period=int(first["goal_period"]),
        **values,
    )
