"""Progress towards goals, shared by the poverty (01) and employment (02) sections.

Two questions: how did the results stand beside the plans and targets over
the years (:func:`goal_series`, shown with ``charts.actual_vs_target_chart``
or ``charts.line_chart``), and what yearly pace does each goal still ahead
need, against the pace achieved so far (:func:`progress`, shown by
:func:`progress_table` and :func:`pace_chart`).

A series that changes definition (data/series_breaks.csv, e.g. the poverty
standard from 2021) is never compared across the change: the pace achieved is
measured from the first period under the current definition, and a goal that
lies beyond a change from the latest result gets no required pace.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.attainment import assess, goal_bound, goal_ends
from helpers.analysis.series import (  # noqa: F401  (the other sections still call them as pg.<name>)
    GOAL_KINDS,
    KIND_ORDER,
    RESULT_KINDS,
    breaks_of,
    breaks_within,
    current_result,
    goal_series,
    same_definition,
)
from helpers.analysis.trends import required_pace
from helpers.data.loading import load_series_breaks
from helpers.data.printed import parse_printed, read_vi_number
from helpers.data.query import indicator_name, select, unit_label
from helpers.present import charts
from helpers.sections.social_common import Table, qualified, qualifier, t, unit_name
from helpers.text.formatting import fmt_number, fmt_points, fmt_value

KIND_LABELS: dict[str, tuple[str, str]] = {
    "actual": ("Thực hiện", "Actual"),
    "estimate": ("Ước tính", "Estimate"),
    "plan": ("Kế hoạch", "Plan"),
    "target": ("Chỉ tiêu", "Target"),
}


def kind_label(kind: str, lang: str) -> str:
    """The name of a figure kind ("Thực hiện", "Kế hoạch"…) in ``lang``."""
    return t(lang, KIND_LABELS[kind])


def kind_labels(lang: str) -> dict[str, str]:
    """All kind names in ``lang``, for ``charts.actual_vs_target_chart``."""
    return {kind: kind_label(kind, lang) for kind in KIND_LABELS}


def direction(polarity: str, bound: str | None = None) -> int:
    """+1 when up is good, -1 when down is good, 0 for a neutral indicator; a goal's bound decides first."""
    if bound == "ceiling":
        return -1
    if bound == "floor":
        return 1
    return {"higher_is_better": 1, "lower_is_better": -1}.get(polarity, 0)




def break_labels(indicator_id: str, lang: str) -> list[tuple[int, str]]:
    """(first period, full label in ``lang``) of each break of ``indicator_id``."""
    breaks = load_series_breaks()
    rows = breaks[breaks["indicator_id"] == indicator_id].sort_values("first_period")
    return [(int(r["first_period"]), str(r[f"label_{lang}"])) for _, r in rows.iterrows()]






def range_text(printed: str | None, unit: str, lang: str) -> str | None:
    """A range goal as a reader should see it ("2–2,2%"), or None when the print is not a range."""
    parsed = parse_printed(printed) if printed else None
    if parsed is None or not parsed.is_range:
        return None
    low, high = (float(read_vi_number(n)) for n in parsed.numbers)
    return f"{fmt_number(low, lang)}–{fmt_value(high, unit, lang)}"


def goal_level_text(value: float, unit: str, printed: str, lang: str, show_used: bool = True) -> str:
    """A goal with its bound or range: "dưới 1,76%", "2–2,2%", "hơn 17.000".

    ``show_used`` is kept for callers; a range is always shown with both ends, since both are used.
    """
    ranged = range_text(printed, unit, lang)
    if ranged:
        return ranged  # a band: judged at its near end, with the gap to both ends (helpers.analysis.attainment)
    return qualified(value, unit, lang, printed)


def short_name(indicator_id: str, lang: str) -> str:
    """An indicator's catalogue name for use inside a sentence: without its parenthesised gloss."""
    return indicator_name(indicator_id, lang).split(" (")[0]


def cap(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def low(text: str) -> str:
    """``text`` with its first letter in lower case (for a name inside a sentence)."""
    return text[:1].lower() + text[1:]


def change_text(value: float | None, unit: str, lang: str, signed: bool = True) -> str:
    """A change in ``unit``: percentage points for rates, otherwise the number and the unit's name."""
    if value is None:
        return "–"
    if unit in ("percent", "percentage_points"):
        return fmt_points(value, lang, signed=signed)
    return f"{fmt_number(value, lang, signed=signed)} {unit_name(unit, lang)}"


def change_unit_text(unit: str, lang: str) -> str:
    """The unit a change of ``unit`` is counted in: "điểm phần trăm" for rates, else the unit's name."""
    return unit_name("percentage_points" if unit in ("percent", "percentage_points") else unit, lang)


# Results beside goals over the years ----------------------------------------



def drawn(data: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart draws: one per period and kind (the first instrument's goal where two set one)."""
    return data.drop_duplicates(["period", "kind"], keep="first")


OTHER_GOALS = ("Mục tiêu khác cùng năm (không vẽ)", "Other goals for the same year (not drawn)")


def qualified_note(data: pd.DataFrame, unit: str, lang: str) -> str:
    """A sentence listing the figures printed with a qualifier or as a range, which a chart shows as bare numbers.

    Empty when every figure was printed plainly.
    """
    items = []
    for row in drawn(data).itertuples():
        ranged = range_text(row.printed, unit, lang)
        if ranged:
            items.append(f"{kind_label(row.kind, lang).lower()} {row.period}: {ranged}")
        elif qualifier(row.printed):
            items.append(f"{kind_label(row.kind, lang).lower()} {row.period}: {qualified(row.value, unit, lang, row.printed)}")
    hidden = data[~data.index.isin(drawn(data).index)]
    others = [
        f"{kind_label(r.kind, lang).lower()} {r.period}: {range_text(r.printed, unit, lang) or qualified(r.value, unit, lang, r.printed)}"
        + (f" ({r.instrument})" if isinstance(r.instrument, str) and r.instrument else "")
        for r in hidden.itertuples()
    ] if "instrument" in data.columns else []
    notes = []
    if items:
        head = t(lang, ("Số liệu in kèm từ hạn định hoặc dạng khoảng (biểu đồ vẽ giá trị ghi trong dữ liệu)",
                        "Figures printed with a qualifier or as a range (the chart draws the recorded value)"))
        notes.append(f"{head}: {'; '.join(items)}.")
    if others:
        notes.append(f"{t(lang, OTHER_GOALS)}: {'; '.join(others)}.")
    return " ".join(notes)


def goal_chart(data: pd.DataFrame, indicator_id: str, lang: str, source: str, title: str | None = None) -> Figure:
    """Bars per year of results, plans and targets of one indicator (from :func:`goal_series`)."""
    return charts.actual_vs_target_chart(
        drawn(data)[["period", "kind", "value"]],
        title=title or indicator_name(indicator_id, lang),
        y_label=axis_text(indicator_id, lang),
        source=source,
        lang=lang,
        kind_labels=kind_labels(lang),
    )


def kind_line_chart(data: pd.DataFrame, indicator_id: str, lang: str, source: str, breaks: Sequence[tuple[int, str]] = (),
                    title: str | None = None) -> Figure:
    """Lines per kind (results, estimates, plans, targets) of one indicator over the years."""
    data = drawn(data)
    frame = data.assign(series=data["kind"].map(lambda k: kind_label(k, lang)))
    return charts.line_chart(
        frame[["period", "value", "series"]],
        title=title or indicator_name(indicator_id, lang),
        y_label=axis_text(indicator_id, lang),
        source=source,
        lang=lang,
        breaks=breaks,
    )


def axis_text(indicator_id: str, lang: str) -> str:
    """The value axis label: the unit from the catalogue ("Đơn vị: %", "Unit: persons")."""
    return f"{'Đơn vị' if lang == 'vi' else 'Unit'}: {unit_label(indicator_id, lang)}"


# Pace towards goals ------------------------------------------------------------

PROGRESS_COLUMNS = [
    "goal_kind", "instrument", "goal_period", "goal", "goal_low", "goal_high", "goal_printed", "bound", "goal_source_id",
    "current_period", "current", "current_kind", "current_printed", "current_source_id",
    "gap", "required", "gap_far", "required_far", "achieved_from", "achieved", "met_now", "comparable", "on_track",
    "unit", "polarity",
]




def progress(figures: pd.DataFrame, indicator_id: str, year: int, breaks: Sequence[int] = (),
             breakdown: str = "") -> pd.DataFrame | None:
    """Each goal after ``year`` against the latest result: gap, pace needed per year, pace achieved.

    The pace achieved runs from the first result under the current definition
    to the latest result (None when there is only one). ``comparable`` is
    False for a goal beyond a break from the latest result; such a goal gets
    no required pace. ``on_track`` is True when the goal is already met or the
    pace achieved is at least the pace needed (in the indicator's good
    direction), None when it cannot be judged. None when there is no result or
    no goal.
    """
    current = current_result(figures, indicator_id, year, breakdown)
    if current is None:
        return None
    rows = select(figures, indicator_id, kind=None, breakdown=breakdown)
    goals = rows[rows["kind"].isin(GOAL_KINDS) & (rows["period"] > year)].sort_values(["period", "kind"])
    if goals.empty:
        return None
    now_period, now = int(current["period"]), float(current["value"])
    results = rows[(rows["kind"] == "actual") & (rows["period"] <= now_period)].set_index("period")["value"]
    results = results[[same_definition(int(p), now_period, breaks) for p in results.index]]
    start = int(results.index.min()) if len(results) else now_period
    achieved = (now - float(results[start])) / (now_period - start) if start < now_period else None
    records = []
    for goal in goals.itertuples():
        bound = goal_bound(goal.printed)
        comparable = same_definition(now_period, int(goal.period), breaks)
        low, high = goal_ends(goal)
        verdict = assess(now, float(goal.value), goal.polarity, bound, low, high)
        sign = direction(goal.polarity, bound)
        # A band is reached at its near end (low when higher is better, high when lower is better);
        # the far end is reported beside it.
        near, far = (float(goal.value), None) if low is None else ((low, high) if sign >= 0 else (high, low))
        needed = required_pace(now, now_period, near, int(goal.period)) if comparable else None
        needed_far = required_pace(now, now_period, far, int(goal.period)) if comparable and far is not None else None
        if not comparable:
            on_track = None
        elif verdict.met:
            on_track = True
        elif achieved is None or needed is None or sign == 0:
            on_track = None
        else:
            on_track = bool(achieved * sign >= needed * sign)
        records.append({
            "goal_kind": goal.kind, "instrument": getattr(goal, "instrument", ""), "goal_period": int(goal.period),
            "goal": float(goal.value), "goal_low": low, "goal_high": high,
            "goal_printed": goal.printed, "bound": bound, "goal_source_id": goal.source_id,
            "current_period": now_period, "current": now, "current_kind": current["kind"],
            "current_printed": current["printed"], "current_source_id": current["source_id"],
            "gap": near - now if comparable else None, "required": needed,
            "gap_far": far - now if comparable and far is not None else None, "required_far": needed_far,
            "achieved_from": start if achieved is not None else None, "achieved": achieved,
            "met_now": None if not comparable or verdict.met is None else bool(verdict.met),
            "comparable": comparable, "on_track": on_track,
            "unit": goal.unit, "polarity": goal.polarity,
        })
    return pd.DataFrame.from_records(records, columns=PROGRESS_COLUMNS)


PROGRESS_HEADERS = {
    "goal": ("Mục tiêu", "Goal"),
    "level": ("Mức mục tiêu", "Goal level"),
    "latest": ("Kết quả gần nhất", "Latest result"),
    "gap": ("Khoảng cách còn lại", "Remaining gap"),
    "needed": ("Tốc độ cần mỗi năm", "Pace needed per year"),
    "achieved": ("Tốc độ đã đạt mỗi năm", "Pace achieved per year"),
    "assessment": ("Đánh giá", "Assessment"),
}
ASSESSMENTS = {
    "met": ("Kết quả gần nhất đã đạt mức mục tiêu", "The latest result already meets the goal"),
    "on_track": ("Đạt được nếu giữ tốc độ đã đạt", "Within reach at the pace achieved"),
    "off_track": ("Cần nhanh hơn tốc độ đã đạt", "Needs a faster pace than achieved"),
    "no_pace": ("Chưa đủ số liệu để tính tốc độ đã đạt", "Too few results to measure the pace achieved"),
    "break": ("Không so sánh được: chuỗi số liệu đổi định nghĩa trước năm mục tiêu",
              "Not comparable: the series changes definition before the goal year"),
    "neutral": ("Chỉ tiêu trung tính, không đánh giá", "Neutral indicator, not assessed"),
}


def assessment_key(row: pd.Series | object) -> str:
    """Which assessment applies to one row of :func:`progress`."""
    get = row.get if isinstance(row, pd.Series) else lambda k: getattr(row, k)
    if not get("comparable"):
        return "break"
    if get("met_now") is None:
        return "neutral"
    if get("met_now"):
        return "met"
    if get("on_track") is None:
        return "no_pace"
    return "on_track" if get("on_track") else "off_track"


def latest_text(value: float, unit: str, printed: str, period: int, kind: str, lang: str) -> str:
    """A result with its period, and "ước tính" when it is an estimate: "2,27% (2023)"."""
    when = f"{period}" if kind == "actual" else f"{period}, {kind_label(kind, lang).lower()}"
    return f"{qualified(value, unit, lang, printed)} ({when})"


BAND_GAP = ("{near} (đến đầu khoảng gần), {far} (đến đầu khoảng xa)", "{near} (to the near end), {far} (to the far end)")


def gap_text(r: object, lang: str) -> str:
    """The remaining gap; for a band, to both its ends."""
    gap = None if pd.isna(r.gap) else r.gap
    far = getattr(r, "gap_far", None)
    if gap is None or far is None or pd.isna(far):
        return change_text(gap, r.unit, lang)
    return t(lang, BAND_GAP).format(near=change_text(gap, r.unit, lang), far=change_text(far, r.unit, lang))


def progress_table(frame: pd.DataFrame, lang: str) -> Table:
    """The goals ahead as a reader's table (from :func:`progress`), with the raw numbers beside it."""
    achieved_text = [
        "–" if pd.isna(r.achieved) else f"{change_text(r.achieved, r.unit, lang)} ({int(r.achieved_from)}–{r.current_period})"
        for r in frame.itertuples()
    ]
    shown = pd.DataFrame({
        t(lang, PROGRESS_HEADERS["goal"]): [
            f"{kind_label(r.goal_kind, lang)} {r.goal_period}" + (f" ({r.instrument})" if isinstance(r.instrument, str) and r.instrument else "")
            for r in frame.itertuples()
        ],
        t(lang, PROGRESS_HEADERS["level"]): [goal_level_text(r.goal, r.unit, r.goal_printed, lang) for r in frame.itertuples()],
        t(lang, PROGRESS_HEADERS["latest"]): [
            latest_text(r.current, r.unit, r.current_printed, r.current_period, r.current_kind, lang) for r in frame.itertuples()
        ],
        t(lang, PROGRESS_HEADERS["gap"]): [gap_text(r, lang) for r in frame.itertuples()],
        t(lang, PROGRESS_HEADERS["needed"]): [
            change_text(None if pd.isna(r.required) else r.required, r.unit, lang) for r in frame.itertuples()
        ],
        t(lang, PROGRESS_HEADERS["achieved"]): achieved_text,
        t(lang, PROGRESS_HEADERS["assessment"]): [t(lang, ASSESSMENTS[assessment_key(r)]) for r in frame.itertuples()],
    })
    raw = frame.drop(columns=["polarity"]).copy()
    sources = sorted(set(frame["goal_source_id"]) | set(frame["current_source_id"]))
    return Table(shown, raw, sources)


NEEDED_CATEGORY = ("Cần để đạt {kind} {period} ({instrument})", "Needed for the {period} {kind} ({instrument})")
ACHIEVED_CATEGORY = ("Đã đạt bình quân {start}–{end}", "Achieved on average {start}–{end}")
PACE_AXIS = {
    -1: ("Mức giảm mỗi năm ({unit})", "Reduction per year ({unit})"),
    1: ("Mức tăng mỗi năm ({unit})", "Increase per year ({unit})"),
}
PACE_TITLE = ("Tốc độ cần thiết và đã đạt: {name}", "Pace needed and achieved: {name}")


def pace_chart_data(frame: pd.DataFrame, lang: str) -> pd.DataFrame | None:
    """Bars of the pace each comparable goal needs and of the pace achieved, in the good direction.

    Values are the yearly change times the indicator's direction, so a fall in
    the poverty rate shows as a positive "reduction per year". None when there
    is nothing to compare (no comparable goal or no pace achieved).
    """
    usable = frame[frame["comparable"] & frame["required"].notna()]
    if usable.empty or frame["achieved"].isna().all():
        return None
    sign = direction(str(frame["polarity"].iloc[0])) or 1
    rows = [
        # Two instruments may set a goal for the same year: each is its own bar, named by its instrument.
        {"category": t(lang, NEEDED_CATEGORY).format(kind=kind_label(r.goal_kind, lang).lower(), period=r.goal_period,
                                                     instrument=r.instrument),
         "value": r.required * sign, "what": "needed"}
        for r in usable.itertuples()
    ]
    first = frame.iloc[0]
    rows.append({
        "category": t(lang, ACHIEVED_CATEGORY).format(start=int(first["achieved_from"]), end=int(first["current_period"])),
        "value": float(first["achieved"]) * sign, "what": "achieved",
    })
    return pd.DataFrame(rows)


def pace_chart(frame: pd.DataFrame, indicator_id: str, lang: str, source: str) -> Figure | None:
    """The bar chart of :func:`pace_chart_data`, or None when there is nothing to compare."""
    data = pace_chart_data(frame, lang)
    if data is None:
        return None
    sign = direction(str(frame["polarity"].iloc[0])) or 1
    unit = change_unit_text(str(frame["unit"].iloc[0]), lang)
    return charts.bar_chart(
        data[["category", "value"]],
        title=t(lang, PACE_TITLE).format(name=indicator_name(indicator_id, lang)),
        x_label=t(lang, PACE_AXIS[sign]).format(unit=unit),
        source=source,
        lang=lang,
    )



PACE_SENTENCE = {
    "met": ("{name} {b} ({p}) đã đạt mức {kind} năm {gp} ({level}).",
            "The {name} of {b} ({p}) already meets the {gp} {kind} ({level})."),
    "needed": ("Để đạt {kind} năm {gp} ({level}), {name} cần {verb} {req} mỗi năm{ach}.",
               "Reaching the {gp} {kind} ({level}) needs the {name} to {verb} by {req} a year{ach}."),
    "achieved": (", {cmp} mức {verb2} bình quân {ach} mỗi năm đã đạt giai đoạn {a}–{b}",
                 ", {cmp} the {ach} a year achieved in {a}–{b}"),
    "far": (" Mục tiêu là một khoảng; mức {far} ở đầu kia của khoảng còn cách {gap}.",
            " The goal is a band; its other end, {far}, is still {gap} away."),
}


def pace_sentences(frame: pd.DataFrame | None, indicator_id: str, lang: str, limit: int = 2) -> list[str]:
    """Sentences on the first ``limit`` comparable goals of :func:`progress`: met already, or the
    yearly change needed against the yearly change achieved ("cao hơn"/"faster than" when more is needed)."""
    if frame is None:
        return []
    sentences = []
    name = low(short_name(indicator_id, lang))
    for r in frame[frame["comparable"]].head(limit).itertuples():
        level = goal_level_text(r.goal, r.unit, r.goal_printed, lang, show_used=False)
        kind = kind_label(r.goal_kind, lang).lower()
        if r.met_now:
            sentence = cap(t(lang, PACE_SENTENCE["met"]).format(
                name=name, b=qualified(r.current, r.unit, lang, r.current_printed), p=r.current_period, kind=kind,
                gp=r.goal_period, level=level))
            far_gap = getattr(r, "gap_far", None)
            if far_gap is not None and not pd.isna(far_gap) and far_gap * (direction(r.polarity) or 1) > 0:
                far_end = r.goal_high if direction(r.polarity) >= 0 else r.goal_low
                sentence += t(lang, PACE_SENTENCE["far"]).format(
                    far=fmt_value(far_end, r.unit, lang), gap=change_text(abs(far_gap), r.unit, lang, signed=False))
            sentences.append(sentence)
            continue
        down = r.required < 0
        ach = ""
        if not pd.isna(r.achieved):
            same_way = (r.achieved < 0) == down and r.achieved != 0
            faster = abs(r.required) > abs(r.achieved) if same_way else True
            cmp = ("cao hơn" if faster else "thấp hơn") if lang == "vi" else ("faster than" if faster else "slower than")
            ach = t(lang, PACE_SENTENCE["achieved"]).format(
                cmp=cmp, verb2="giảm" if r.achieved < 0 else "tăng",
                ach=change_text(abs(r.achieved), r.unit, lang, signed=False), a=int(r.achieved_from), b=r.current_period)
        verb = ("giảm" if down else "tăng") if lang == "vi" else ("fall" if down else "rise")
        sentences.append(t(lang, PACE_SENTENCE["needed"]).format(
            kind=kind, gp=r.goal_period, level=level, name=name, verb=verb,
            req=change_text(abs(r.required), r.unit, lang, signed=False), ach=ach))
    return sentences
