"""The overview (tổng quan, notebook 00): the year's scorecard and next year's targets.

Computing parts are pure functions of the year's figures (``scorecard_table``,
``attainment_data``, ``next_year_table``, ``findings``); ``show_*`` functions
put them on a :class:`~helpers.present.report.Report`, or say there is no data.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.attainment import next_year_targets, scorecard
from helpers.data.printed import parse_printed
from helpers.present import charts
from helpers.present.report import Report
from helpers.text.formatting import fmt_number, fmt_percent, fmt_value
from helpers.text.vocabulary import (
    DOMAIN_LABELS,
    KIND_LABELS,
    NOT_JUDGED,
    ShownTable,
    indicator_text,
    label,
    pick,
    yes_no,
)

TITLE = ("Tổng quan: kết quả so với mục tiêu", "Overview: results against goals")
SCORECARD_HEADING = ("Kết quả năm {year} so với kế hoạch và chỉ tiêu", "Results of {year} against plans and targets")
NEXT_YEAR_HEADING = ("Chỉ tiêu năm {next} so với kết quả năm {year}", "Targets for {next} beside the results of {year}")

MET = {True: ("Đạt", "Met"), False: ("Không đạt", "Missed")}
BOUND_WORDS = {"ceiling": ("dưới", "below"), "floor": ("trên", "above")}
PERCENT_LIKE = frozenset({"percent", "percent_of_plan", "percentage_points"})

SCORECARD_HEADERS = {
    "domain": ("Lĩnh vực", "Domain"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "goal_kind": ("Loại mục tiêu", "Goal"),
    "goal": ("Mục tiêu", "Goal value"),
    "actual": ("Thực hiện", "Result"),
    "ratio": ("Tỷ lệ so với mục tiêu", "Percent of goal"),
    "margin": ("Chênh lệch (+: tốt hơn mục tiêu)", "Margin (+: better than goal)"),
    "met": ("Đánh giá", "Assessment"),
}
NEXT_HEADERS = {
    "indicator": ("Chỉ tiêu", "Indicator"),
    "goal_kind": ("Loại mục tiêu", "Goal"),
    "goal": ("Mục tiêu năm {next}", "Target for {next}"),
    "achieved": ("Kết quả năm {year}", "Result of {year}"),
    "below": ("Đặt thấp hơn mức đã đạt", "Set below what was achieved"),
}
SCORECARD_CAPTION = (
    "Kết quả năm {year} so với kế hoạch, chỉ tiêu đề ra; “–”: chưa có kết quả để đánh giá.",
    "Results of {year} against the plans and targets set; “–”: no result to judge.",
)
CHART_TITLE = ("Mức độ đạt mục tiêu năm {year}", "Attainment of the {year} goals")
CHART_AXIS = ("Kết quả so với mục tiêu (%)", "Result as % of goal")
CHART_CAPTION = (
    "Kết quả năm {year} tính theo phần trăm của mục tiêu; đường đứt nét là 100%. "
    "Với mục tiêu là mức trần (“dưới …”), dưới 100% là đạt.",
    "Results of {year} as a percentage of the goal; the dashed line marks 100%. "
    "For a ceiling (“below …”), under 100% means the goal was met.",
)
NEXT_CAPTION = (
    "Chỉ tiêu năm {next} đặt cạnh kết quả năm {year}; “–”: dữ liệu không có kết quả năm {year} hoặc không đánh giá được.",
    "Targets for {next} beside the results of {year}; “–”: no {year} result in the data, or not judgeable.",
)
NO_GOALS = ("kế hoạch, chỉ tiêu", "plans or targets")
NO_JUDGED = ("kết quả để so với kế hoạch, chỉ tiêu", "results to set against the plans or targets")
NO_NEXT = ("chỉ tiêu đặt cho năm sau", "targets set for the following year")

F_SCORE = ("Năm {year} đạt {met} trong {judged} mục tiêu (kế hoạch, chỉ tiêu) có kết quả để đánh giá{rest}.",
           "In {year}, {met} of the {judged} goals (plans, targets) that can be judged were met{rest}.")
F_SCORE_REST = ("; {n} mục tiêu khác chưa có kết quả trong dữ liệu", "; {n} more have no result in the data")
F_NONE_JUDGED = ("Dữ liệu có {n} mục tiêu (kế hoạch, chỉ tiêu) cho năm {year} nhưng chưa có kết quả để đánh giá.",
                 "The data hold {n} goals (plans, targets) for {year} but no results to judge them by.")
F_BEST = ("{name} đạt {ratio} {kind} ({actual} so với {goal}).",
          "{name} reached {ratio} of the {kind} ({actual} against {goal}).")
F_MISSED = ("Chưa đạt: {items}.", "Missed: {items}.")
F_MISSED_ITEM = ("{name} ({actual} so với mục tiêu {goal})", "{name} ({actual} against a goal of {goal})")
F_BELOW = ("{n} chỉ tiêu năm {next} được đặt thấp hơn mức đã đạt năm {year}: {items}.",
           "{n} of the targets for {next} are set below what was achieved in {year}: {items}.")
F_PROGRESS = ("{n} chỉ tiêu năm {next} đòi hỏi kết quả tốt hơn năm {year}: {items}.",
              "{n} of the targets for {next} ask for more than was achieved in {year}: {items}.")
F_NO_CURRENT = ("{n} trong {total} chỉ tiêu năm {next} chưa có kết quả năm {year} trong dữ liệu để so sánh.",
                "{n} of the {total} targets for {next} have no {year} result in the data to compare with.")
F_NO_CURRENT_ALL = ("Dữ liệu chưa có kết quả năm {year} để so sánh với {total} chỉ tiêu đặt cho năm {next}.",
                    "The data hold no {year} result to compare with the {total} target(s) set for {next}.")
AGAINST = ("so với", "against")
F_NO_GOALS = ("Dữ liệu năm {year} không có kế hoạch, chỉ tiêu nào của năm {year} để đánh giá kết quả.",
              "The {year} data hold no plan or target for {year} to judge results against.")
F_NO_NEXT = ("Dữ liệu năm {year} cũng không có chỉ tiêu nào đặt cho năm {next}.",
             "Nor do they hold any target set for {next}.")


# Computing -------------------------------------------------------------------


def goal_text(goal: float, unit: str, bound: str | None, lang: str, printed: str | None = None) -> str:
    """A goal as the reader should take it: "dưới 2,1%" for a ceiling, "trên 90%" for a floor, the printed
    range "0,8–1%" when ``printed`` is one (the goal value is one end of it), else the value."""
    parsed = parse_printed(printed) if isinstance(printed, str) else None
    if parsed is not None and parsed.is_range:
        low, high = sorted(float(r) for r in parsed.readings())
        return f"{fmt_number(low, lang)}–{fmt_value(high, unit, lang)}"
    text = fmt_value(goal, unit, lang)
    return f"{pick(BOUND_WORDS[bound], lang)} {text}" if bound in BOUND_WORDS else text


def kind_text(kind: str, instrument: object, lang: str) -> str:
    """A goal's kind with the instrument that set it: "Kế hoạch (KH năm 2024)", "Chỉ tiêu (CT việc làm 2021-2025)"."""
    text = label(KIND_LABELS, kind, lang)
    return f"{text} ({instrument})" if isinstance(instrument, str) and instrument else text


def band_margin_text(margin: float | None, far: float | None, unit: str, lang: str) -> str:
    """The margin; for a band (a range goal) to its near end, then to its far end."""
    near = margin_text(margin, unit, lang)
    if far is None or pd.isna(far) or near == NOT_JUDGED:
        return near
    return f"{near} / {margin_text(far, unit, lang)}"


def margin_text(margin: float | None, unit: str, lang: str) -> str:
    """A margin with its sign, in percentage points for rates, in the unit otherwise."""
    if margin is None or pd.isna(margin):
        return NOT_JUDGED
    return fmt_value(margin, "percentage_points" if unit in PERCENT_LIKE else unit, lang, signed=True)


def met_text(met: bool | None, lang: str) -> str:
    """"Đạt"/"Không đạt" ("Met"/"Missed"), "–" when not judgeable."""
    if met is None or pd.isna(met):
        return NOT_JUDGED
    return pick(MET[bool(met)], lang)


def _bound(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def scorecard_rows(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The year's scorecard (:func:`helpers.analysis.attainment.scorecard`) with names in ``lang``; None without goals."""
    card = scorecard(figures, year)
    if card.empty:
        return None
    names = figures.drop_duplicates("indicator_id").set_index("indicator_id")[f"name_{lang}"]
    return card.assign(
        name=[indicator_text(names[i], b, lang) for i, b in zip(card["indicator_id"], card["breakdown"])],
        bound=card["bound"].map(_bound),
        actual=card["actual"].map(_number),
        ratio=card["ratio"].map(_number),
        margin=card["margin"].map(_number),
        met=[None if m is None or pd.isna(m) else bool(m) for m in card["met"]],
    )


def scorecard_table(figures: pd.DataFrame, year: int, lang: str) -> ShownTable | None:
    """Every goal of ``year`` against its result, formatted for ``lang``; None when the year has no goals."""
    card = scorecard_rows(figures, year, lang)
    if card is None:
        return None
    h = {k: pick(v, lang) for k, v in SCORECARD_HEADERS.items()}
    frame = pd.DataFrame({
        h["domain"]: [label(DOMAIN_LABELS, d, lang) for d in card["domain"]],
        h["indicator"]: card["name"],
        h["goal_kind"]: [kind_text(k, i, lang) for k, i in zip(card["goal_kind"], card["instrument"])],
        h["goal"]: [goal_text(g, u, b, lang, p)
                    for g, u, b, p in zip(card["goal"], card["unit"], card["bound"], card["goal_printed"])],
        h["actual"]: [fmt_value(a, u, lang) for a, u in zip(card["actual"], card["unit"])],
        h["ratio"]: [fmt_percent(r, lang, 2) for r in card["ratio"]],
        h["margin"]: [band_margin_text(m, f, u, lang) for m, f, u in zip(card["margin"], card["margin_far"], card["unit"])],
        h["met"]: [met_text(m, lang) for m in card["met"]],
    })
    raw = card[["indicator_id", "breakdown", "domain", "unit", "goal_kind", "instrument", "goal", "goal_low", "goal_high",
                "goal_printed", "bound", "actual", "actual_printed", "ratio", "margin", "margin_far", "met"]].reset_index(drop=True)
    sources = sorted(set(card["goal_source_id"]) | set(card["actual_source_id"].dropna()))
    return ShownTable(frame, raw, sources)


def attainment_data(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The judged goals of ``year`` as chart rows: ``category`` (name, goal kind and goal) and ``value``
    (the result as a percent of the goal); None when no goal can be judged."""
    card = scorecard_rows(figures, year, lang)
    if card is None:
        return None
    card = card[card["ratio"].notna() & card["met"].notna()]
    if card.empty:
        return None
    categories = [
        "\n".join(textwrap.wrap(n, 44) + [f"({label(KIND_LABELS, k, lang).lower()}{' ' + i if isinstance(i, str) and i else ''}: {goal_text(g, u, b, lang, p)})"])
        for n, k, i, g, u, b, p in zip(card["name"], card["goal_kind"], card["instrument"], card["goal"], card["unit"],
                                       card["bound"], card["goal_printed"])
    ]
    return pd.DataFrame({
        "category": categories,
        "value": card["ratio"].astype(float).to_numpy(),
        "met": card["met"].to_numpy(),
        "source_ids": [sorted({g, a}) for g, a in zip(card["goal_source_id"], card["actual_source_id"])],
    })


def attainment_chart(data: pd.DataFrame, year: int, lang: str, source: str) -> Figure:
    """Bars of each judged goal's result as a percent of the goal, with the 100% line."""
    fig = charts.bar_chart(data[["category", "value"]], title=pick(CHART_TITLE, lang).format(year=year),
                           x_label=pick(CHART_AXIS, lang), source=source, lang=lang)
    fig.axes[0].axvline(100, color=charts.BREAK_COLOUR, linestyle="--", linewidth=1)
    return fig


def next_year_rows(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Next year's goals beside ``year``'s results (:func:`helpers.analysis.attainment.next_year_targets`) with
    names in ``lang``; None when the data hold no goal for ``year + 1``."""
    card = next_year_targets(figures, year)
    if card.empty:
        return None
    names = figures.drop_duplicates("indicator_id").set_index("indicator_id")[f"name_{lang}"]
    return card.assign(
        name=[indicator_text(names[i], b, lang) for i, b in zip(card["indicator_id"], card["breakdown"])],
        bound=card["bound"].map(_bound),
        achieved=card["achieved"].map(_number),
        below_achieved=[None if b is None or pd.isna(b) else bool(b) for b in card["below_achieved"]],
    )


def next_year_table(figures: pd.DataFrame, year: int, lang: str) -> ShownTable | None:
    """Next year's targets beside this year's results, flagging those set below what was achieved."""
    card = next_year_rows(figures, year, lang)
    if card is None:
        return None
    h = {k: pick(v, lang).format(year=year, next=year + 1) for k, v in NEXT_HEADERS.items()}
    frame = pd.DataFrame({
        h["indicator"]: card["name"],
        h["goal_kind"]: [kind_text(k, i, lang) for k, i in zip(card["goal_kind"], card["instrument"])],
        h["goal"]: [goal_text(g, u, b, lang, p)
                    for g, u, b, p in zip(card["goal"], card["unit"], card["bound"], card["goal_printed"])],
        h["achieved"]: [fmt_value(a, u, lang) for a, u in zip(card["achieved"], card["unit"])],
        h["below"]: [yes_no(b, lang) for b in card["below_achieved"]],
    })
    raw = card[["indicator_id", "breakdown", "unit", "goal_kind", "instrument", "goal", "goal_low", "goal_high", "goal_printed", "bound", "achieved",
                "achieved_printed", "below_achieved"]].reset_index(drop=True)
    actual_sources = figures[(figures["period"] == year) & (figures["kind"] == "actual") & figures["preferred"]
                             & figures["indicator_id"].isin(card.loc[card["achieved"].notna(), "indicator_id"])]
    sources = sorted(set(card["goal_source_id"]) | set(actual_sources["source_id"]))
    return ShownTable(frame, raw, sources)


def _pair_list(card: pd.DataFrame, lang: str, value_col: str) -> str:
    against = pick(AGAINST, lang)
    twice = set(card.loc[card["name"].duplicated(keep=False), "name"])

    def named(n: str, k: str, i: object) -> str:
        # An indicator with two goals (an annual plan and a programme's target) names which one.
        if n not in twice:
            return n
        kind = kind_text(k, i, lang)
        return f"{n} – {kind[:1].lower()}{kind[1:]}"

    return "; ".join(
        f"{named(n, k, i)} ({goal_text(g, u, b, lang, p)} {against} {fmt_value(v, u, lang)})"
        for n, k, i, g, u, b, p, v in zip(card["name"], card["goal_kind"], card["instrument"], card["goal"], card["unit"],
                                          card["bound"], card["goal_printed"], card[value_col])
    )


def scorecard_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Sentences on the year's goals: how many were met, the best result, the ones missed."""
    card = scorecard_rows(figures, year, lang)
    if card is None:
        return []
    judged = card[card["met"].notna()]
    if judged.empty:
        return [pick(F_NONE_JUDGED, lang).format(n=len(card), year=year)]
    unjudged = len(card) - len(judged)
    rest = pick(F_SCORE_REST, lang).format(n=unjudged) if unjudged else ""
    sentences = [pick(F_SCORE, lang).format(year=year, met=int(judged["met"].sum()), judged=len(judged), rest=rest)]
    upward = judged[judged["met"] & (judged["bound"] != "ceiling") & (judged["polarity"] == "higher_is_better")]
    if not upward.empty:
        best = upward.loc[upward["ratio"].idxmax()]
        sentences.append(pick(F_BEST, lang).format(
            name=best["name"], ratio=fmt_percent(best["ratio"], lang, 2),
            kind=kind_text(best["goal_kind"], best["instrument"], lang)[:1].lower() + kind_text(best["goal_kind"], best["instrument"], lang)[1:],
            actual=fmt_value(best["actual"], best["unit"], lang),
            goal=goal_text(best["goal"], best["unit"], best["bound"], lang, best["goal_printed"]),
        ))
    missed = judged[~judged["met"].astype(bool)]
    if not missed.empty:
        items = "; ".join(
            pick(F_MISSED_ITEM, lang).format(name=r["name"], actual=fmt_value(r["actual"], r["unit"], lang),
                                             goal=goal_text(r["goal"], r["unit"], r["bound"], lang, r["goal_printed"]))
            for _, r in missed.iterrows()
        )
        sentences.append(pick(F_MISSED, lang).format(items=items))
    return sentences


def next_year_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Sentences on next year's targets: set below what was achieved, asking for more, not comparable."""
    card = next_year_rows(figures, year, lang)
    if card is None:
        return []
    sentences = []
    fmt = {"year": year, "next": year + 1}
    for flag, template in ((True, F_BELOW), (False, F_PROGRESS)):
        rows = card[card["below_achieved"].map(lambda b, f=flag: b is not None and b == f)]
        if not rows.empty:
            sentences.append(pick(template, lang).format(n=len(rows), items=_pair_list(rows, lang, "achieved"), **fmt))
    no_current = int(card["achieved"].isna().sum())
    if no_current:
        template = F_NO_CURRENT_ALL if no_current == len(card) else F_NO_CURRENT
        sentences.append(pick(template, lang).format(n=no_current, total=len(card), **fmt))
    return sentences


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The overview's key findings for ``year`` in ``lang`` (empty when the year has no goals at all)."""
    return scorecard_findings(figures, year, lang) + next_year_findings(figures, year, lang)


# Showing ----------------------------------------------------------------------


def show_title(rep: Report) -> None:
    """The notebook's title heading."""
    rep.heading(*TITLE, level=1)


def show_findings(rep: Report) -> None:
    """The key findings; when the year has no goals at all, findings that say so."""
    sentences = findings(rep.figures, rep.year, rep.lang) or [
        rep.t(*F_NO_GOALS).format(year=rep.year), rep.t(*F_NO_NEXT).format(year=rep.year, next=rep.year + 1),
    ]
    rep.findings(sentences)


def show_scorecard(rep: Report) -> None:
    """The scorecard table: every goal of the year, its result, attainment and verdict."""
    rep.heading(*(s.format(year=rep.year) for s in SCORECARD_HEADING))
    table = scorecard_table(rep.figures, rep.year, rep.lang)
    if table is None:
        rep.no_data(*NO_GOALS)
        return
    rep.table(table.frame, "scorecard", rep.t(*SCORECARD_CAPTION).format(year=rep.year), table.source_ids, raw=table.raw)


def show_attainment_chart(rep: Report) -> None:
    """The chart of attainment (result as % of goal) of the goals that can be judged."""
    data = attainment_data(rep.figures, rep.year, rep.lang)
    if data is None:
        rep.no_data(*NO_JUDGED)
        return
    sources = sorted({s for ids in data["source_ids"] for s in ids})
    fig = attainment_chart(data, rep.year, rep.lang, rep.source_line(sources))
    rep.figure(fig, "attainment", rep.t(*CHART_CAPTION).format(year=rep.year))


def show_next_year(rep: Report) -> None:
    """Next year's targets beside this year's results."""
    rep.heading(*(s.format(year=rep.year, next=rep.year + 1) for s in NEXT_YEAR_HEADING))
    table = next_year_table(rep.figures, rep.year, rep.lang)
    if table is None:
        rep.no_data(*NO_NEXT)
        return
    caption = rep.t(*NEXT_CAPTION).format(year=rep.year, next=rep.year + 1)
    rep.table(table.frame, "next_year_targets", caption, table.source_ids, raw=table.raw)
