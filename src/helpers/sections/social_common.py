"""Building blocks shared by the social-evils (03) and social-protection (04) sections.

A section is shown as small tables of "lines": one line per figure the data
hold (its catalogue name, its value formatted as the report printed it, with
the printed qualifier such as "hơn"), plus lines the appendix computes (rates,
averages, changes), each saying how it was computed. Every builder returns
``None`` when the data hold nothing for the year, so that the section shows
``rep.no_data`` instead of raising.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.attainment import assess, goal_bound, next_year_targets
from helpers.data.loading import load_catalogue, load_reference
from helpers.data.printed import ZERO_WORDS, is_ambiguous, parse_printed
from helpers.data.query import category_label, figure_row, indicator_name, parts, unit_label
from helpers.present import charts
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.text.formatting import fmt_number, fmt_value

# How a print's qualifier reads in each language ("hơn 32" → "more than 32").
QUALIFIER_WORDS: dict[str, tuple[str, str]] = {
    "hơn": ("hơn", "over"),
    "trên": ("trên", "over"),
    "Trên": ("trên", "over"),
    ">": ("trên", "over"),
    "gần": ("gần", "almost"),
    "khoảng": ("khoảng", "about"),
    "dưới": ("dưới", "under"),
    "Dưới": ("dưới", "under"),
    "dưới mức": ("dưới", "under"),
    "<": ("dưới", "under"),
}
# Qualifiers that say the true figure is at least the printed one.
LOWER_BOUND_QUALIFIERS = frozenset({"hơn", "trên", "Trên", ">"})

HEADERS = {
    "label": ("Chỉ tiêu", "Indicator"),
    "value": ("Giá trị", "Value"),
    "unit": ("Đơn vị", "Unit"),
    "note": ("Ghi chú", "Note"),
}
COMPUTED = ("Phụ lục tính", "Computed by the appendix")
ZERO_IN_WORDS_NOTE = ("báo cáo ghi “chưa có”, thể hiện là 0", "printed “chưa có” (none yet), shown as 0")
AS_OF_RE = re.compile(r"as of (\d{1,2}/\d{1,2}/\d{4})")
AS_OF = ("tính đến {date}", "as of {date}")
AMBIGUOUS_NOTE = ("số in không rõ ràng “{printed}”; đọc là {value}", "ambiguous print “{printed}”; read as {value}")


def t(lang: str, pair: tuple[str, str]) -> str:
    """The text of a (vi, en) pair in ``lang``."""
    return pair[0] if lang == "vi" else pair[1]


def unit_name(unit: str, lang: str) -> str:
    """The name of a unit code (``"persons"`` → "người") from data/units.csv."""
    units = load_reference().units.set_index("unit")
    return str(units.at[unit, f"name_{lang}"])


def unit_of(indicator_id: str) -> str:
    """The unit code of an indicator, from the catalogue (``"million_vnd"``, ``"persons"``…)."""
    return str(load_catalogue().set_index("indicator_id").at[indicator_id, "unit"])


def printed_of(figures: pd.DataFrame, indicator_id: str, period: int, breakdown: str = "") -> str | None:
    """The print of one actual figure ("hơn 2000"), or None when the data lack it."""
    row = figure_row(figures, indicator_id, period, "actual", breakdown)
    return None if row is None else str(row["printed"])


def axis_label(unit_text: str, lang: str) -> str:
    """An axis label naming the unit: "Đơn vị: người" / "Unit: persons"."""
    return f"{'Đơn vị' if lang == 'vi' else 'Unit'}: {unit_text}"


def wrap(text: str, width: int = 40) -> str:
    """Break a long category label over lines so that bar charts keep their width."""
    return "\n".join(textwrap.wrap(text, width)) or text


def rate(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator`` as a percentage, or None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator * 100


def pct(value: float | None, lang: str) -> str:
    """A computed percentage for a sentence: rounded to two decimals, trailing zeros dropped ("25%", "61,84%")."""
    return fmt_value(None if value is None else round(value, 2), "percent", lang)


def ratio(numerator: float | None, denominator: float | None, scale: float = 1.0) -> float | None:
    """``numerator * scale / denominator``, or None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator * scale / denominator


def qualifier(printed: str | None) -> str | None:
    """The qualifier a print carries before its number ("hơn 71.571" → "hơn"), if it is a reading word."""
    parsed = parse_printed(printed) if printed else None
    return parsed.qualifier if parsed and parsed.qualifier in QUALIFIER_WORDS else None


def is_lower_bound(printed: str | None) -> bool:
    """True when the print says the figure is at least its number ("hơn 32", "trên 3.000")."""
    return qualifier(printed) in LOWER_BOUND_QUALIFIERS


def prefixed(text: str, qualifier_key: str | None, lang: str) -> str:
    """``text`` led by the reading of a print qualifier ("hơn" → "hơn"/"over"); unchanged for None or "–"."""
    if qualifier_key not in QUALIFIER_WORDS or text == "–":
        return text
    return f"{t(lang, QUALIFIER_WORDS[qualifier_key])} {text}"


SIGNED_UNITS = frozenset({"persons_change", "cases_change", "households_change", "percentage_points"})


def qualified(value: float | None, unit: str, lang: str, printed: str | None = None, decimals: int | None = None) -> str:
    """``value`` formatted for its unit, led by the print's qualifier: "hơn 71.571" / "over 71,571".

    Changes (units such as ``cases_change``) carry their sign: "giảm 12" shows as "-12", "tăng 67" as "+67".
    """
    return prefixed(fmt_value(value, unit, lang, decimals, signed=unit in SIGNED_UNITS), qualifier(printed), lang)


def figure_text(figures: pd.DataFrame, indicator_id: str, period: int, lang: str, breakdown: str = "",
                kind: str = "actual") -> str | None:
    """One figure formatted with its printed qualifier ("khoảng 600"), or None when the data lack it."""
    row = figure_row(figures, indicator_id, period, kind, breakdown)
    return None if row is None else qualified(float(row["value"]), str(row["unit"]), lang, str(row["printed"]))


def lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, for a category label inside a sentence."""
    return text[:1].lower() + text[1:]


def goal_text(value: float, unit: str, printed: str, lang: str) -> str:
    """A goal as a reader should take it: "dưới 1,5%" for "<1,5", "trên 90%" for "Trên 90", else the value."""
    bound = goal_bound(printed)
    text = fmt_value(value, unit, lang)
    if bound == "ceiling":
        return f"{'dưới' if lang == 'vi' else 'below'} {text}"
    if bound == "floor":
        return f"{'trên' if lang == 'vi' else 'above'} {text}"
    return text


def row_note(row: pd.Series, lang: str) -> str:
    """What a reader must know about one figure, in ``lang``: a zero printed in words,
    an ambiguous print, or the cut-off date ("as of 15/11/2023") recorded in its note."""
    notes = []
    printed, note = str(row["printed"]), str(row.get("note", "") or "")
    if printed in ZERO_WORDS:
        notes.append(t(lang, ZERO_IN_WORDS_NOTE))
    if is_ambiguous(printed, repr(float(row["value"])).removesuffix(".0"), note):
        notes.append(t(lang, AMBIGUOUS_NOTE).format(printed=printed, value=fmt_value(row["value"], row["unit"], lang)))
    match = AS_OF_RE.search(note)
    if match:
        notes.append(t(lang, AS_OF).format(date=match[1]))
    return "; ".join(notes)


@dataclass(frozen=True)
class Line:
    """One row of a section table: a figure from the data or a value the appendix computed."""

    label: str
    value: float | None
    unit: str  # a unit code of data/units.csv, or "" with ``unit_text`` for a computed unit
    text: str  # the value as the reader sees it
    unit_text: str
    note: str = ""
    source_id: str | None = None
    indicator_id: str | None = None
    breakdown: str = ""
    period: int | None = None
    computed: bool = False


def figure_line(figures: pd.DataFrame, indicator_id: str, period: int, lang: str, kind: str = "actual",
                breakdown: str = "", label: str | None = None) -> Line | None:
    """The line of one figure, or None when the data do not hold it.

    The label is the catalogue's name (with the category's label for a breakdown)
    unless ``label`` is given.
    """
    row = figure_row(figures, indicator_id, period, kind, breakdown)
    if row is None:
        return None
    if label is None:
        label = indicator_name(indicator_id, lang)
        if breakdown:
            dimension, code = breakdown.split("=", 1)
            label = f"{label}: {category_label(dimension, code, lang)}"
    return Line(
        label=label,
        value=float(row["value"]),
        unit=str(row["unit"]),
        text=qualified(float(row["value"]), str(row["unit"]), lang, str(row["printed"])),
        unit_text=unit_label(indicator_id, lang),
        note=row_note(row, lang),
        source_id=str(row["source_id"]),
        indicator_id=indicator_id,
        breakdown=breakdown,
        period=period,
    )


def computed_line(label: str, value: float | None, unit: str, lang: str, how: str = "", decimals: int | None = 2,
                  unit_text: str | None = None, qualifier_key: str | None = None, signed: bool = False) -> Line | None:
    """A line the appendix computed (None when ``value`` is None); ``how`` says how, e.g. "1 / 66".

    ``qualifier_key`` (a print qualifier such as "hơn" or "khoảng", see
    :func:`qualifier` and :func:`derived_qualifier`) carries the uncertainty of
    the figures it is computed from: "hơn 32 tỷ" makes the average "hơn …".
    """
    if value is None:
        return None
    text = fmt_value(value, unit, lang, decimals, signed) if unit else fmt_number(value, lang, decimals, signed)
    text = prefixed(text, qualifier_key, lang)
    note = f"{t(lang, COMPUTED)}: {how}" if how else t(lang, COMPUTED)
    return Line(label=label, value=float(value), unit=unit, text=text,
                unit_text=unit_text if unit_text is not None else unit_name(unit, lang), note=note, computed=True)


def derived_qualifier(numerator_printed: str | None, denominator_printed: str | None) -> str | None:
    """The qualifier of ``numerator / denominator`` given their prints.

    "hơn 32" over a plain 60.834 is "hơn"; "khoảng 600" over 5 is "khoảng";
    when both carry a qualifier (or the denominator alone does) the result is
    only approximate: "khoảng".
    """
    top, bottom = qualifier(numerator_printed), qualifier(denominator_printed)
    if top is None and bottom is None:
        return None
    if bottom is None:
        return top
    return "khoảng"


def lines_table(lines: list[Line | None], lang: str) -> Table | None:
    """The table of the lines that exist; None when no line comes from the data.

    Computed lines alone (without any figure) make no table: a rate with nothing to stand on is not shown.
    """
    kept = [line for line in lines if line is not None]
    if not any(not line.computed for line in kept):
        return None
    frame = pd.DataFrame({
        t(lang, HEADERS["label"]): [line.label for line in kept],
        t(lang, HEADERS["value"]): [line.text for line in kept],
        t(lang, HEADERS["unit"]): [line.unit_text for line in kept],
        t(lang, HEADERS["note"]): [line.note for line in kept],
    })
    raw = pd.DataFrame({
        "indicator_id": [line.indicator_id or "" for line in kept],
        "breakdown": [line.breakdown for line in kept],
        "period": pd.array([line.period for line in kept], dtype="Int64"),
        "label": [line.label for line in kept],
        "value": [line.value for line in kept],
        "unit": [line.unit or line.unit_text for line in kept],
        "computed": [line.computed for line in kept],
        "source_id": [line.source_id or "" for line in kept],
    })
    sources = sorted({line.source_id for line in kept if line.source_id})
    return Table(frame, raw, sources)


def parts_frame(figures: pd.DataFrame, indicator_id: str, dimension: str, period: int, lang: str,
                kind: str = "actual") -> pd.DataFrame | None:
    """The parts of a breakdown with labels and shares; None when the data hold no part.

    Columns: ``code``, ``category`` (label in ``lang``), ``value``, ``printed``,
    ``share`` (percent of the total: the printed total when there is one,
    else the sum of the parts), ``zero_in_words``, ``source_id``.
    """
    found = parts(figures, indicator_id, dimension, period, kind)
    if found.empty:
        return None
    rows = [figure_row(figures, indicator_id, period, kind, f"{dimension}={code}") for code in found["category"]]
    total_row = figure_row(figures, indicator_id, period, kind)
    total = float(total_row["value"]) if total_row is not None else float(found["value"].sum())
    return pd.DataFrame({
        "code": found["category"].to_numpy(),
        "category": [category_label(dimension, code, lang) for code in found["category"]],
        "value": found["value"].astype(float).to_numpy(),
        "printed": [str(r["printed"]) for r in rows],
        "share": [rate(float(v), total) for v in found["value"]],
        "zero_in_words": [str(r["printed"]) in ZERO_WORDS for r in rows],
        "source_id": [str(r["source_id"]) for r in rows],
    })


PARTS_HEADERS = {
    "category": ("Nhóm", "Category"),
    "value": ("Số lượng", "Number"),
    "share": ("Tỷ trọng (%)", "Share (%)"),
}
TOTAL_LABEL = ("Tổng số", "Total")
SUM_MISMATCH = ("Tổng các thành phần ({parts}) khác tổng báo cáo ghi ({total}).",
                "The parts add up to {parts}, not to the printed total {total}.")


def parts_table(figures: pd.DataFrame, indicator_id: str, dimension: str, period: int, lang: str,
                category_header: tuple[str, str] | None = None) -> Table | None:
    """A breakdown as a table: one row per part with its share, then the total; None without parts.

    The total is the printed one when the data hold it; otherwise the sum of the
    parts, marked as computed. Shares are computed by code (two decimals).
    """
    frame = parts_frame(figures, indicator_id, dimension, period, lang)
    if frame is None:
        return None
    unit = str(figures.loc[figures["indicator_id"] == indicator_id, "unit"].iloc[0])
    total_row = figure_row(figures, indicator_id, period)
    total = float(total_row["value"]) if total_row is not None else float(frame["value"].sum())
    total_text = qualified(total, unit, lang, str(total_row["printed"]) if total_row is not None else None)
    total_label = t(lang, TOTAL_LABEL) + ("" if total_row is not None else f" ({t(lang, COMPUTED).lower()})")
    notes = [t(lang, ZERO_IN_WORDS_NOTE) if z else "" for z in frame["zero_in_words"]]
    header = category_header or PARTS_HEADERS["category"]
    shown = pd.DataFrame({
        t(lang, header): list(frame["category"]) + [total_label],
        t(lang, PARTS_HEADERS["value"]) + ("" if unit == "count" else f" ({unit_label(indicator_id, lang)})"):
            [qualified(v, unit, lang, p) for v, p in zip(frame["value"], frame["printed"])] + [total_text],
        t(lang, PARTS_HEADERS["share"]): [fmt_number(s, lang, 2) for s in frame["share"]] + [fmt_number(100, lang, 2)],
        t(lang, HEADERS["note"]): notes + [sum_note(float(frame["value"].sum()), total, unit, lang)],
    })
    raw = pd.DataFrame({
        "category_code": list(frame["code"]) + ["total"],
        "category": list(frame["category"]) + [total_label],
        "value": list(frame["value"]) + [total],
        "share_pct": list(frame["share"]) + [100.0],
    })
    sources = sorted(set(frame["source_id"]) | ({str(total_row["source_id"])} if total_row is not None else set()))
    return Table(shown, raw, sources)


def sum_note(parts_sum: float, total: float, unit: str, lang: str) -> str:
    """A warning when the parts do not add up to the total; empty when they do."""
    if abs(parts_sum - total) < 1e-9:
        return ""
    return t(lang, SUM_MISMATCH).format(parts=fmt_value(parts_sum, unit, lang), total=fmt_value(total, unit, lang))


def parts_chart(frame: pd.DataFrame, *, title: str, unit_text: str, source: str, lang: str,
                sort: bool = True) -> Figure:
    """Horizontal bars of a breakdown (from :func:`parts_frame`), largest first, zeros kept."""
    data = frame.sort_values("value", ascending=False, kind="stable") if sort else frame
    data = data.assign(category=data["category"].map(wrap))
    return charts.bar_chart(data[["category", "value"]], title=title, x_label=axis_label(unit_text, lang),
                            source=source, lang=lang)


# Next year's targets -------------------------------------------------------

TARGET_HEADERS = {
    "label": ("Chỉ tiêu", "Indicator"),
    "goal": ("Mục tiêu {year}", "Target {year}"),
    "achieved": ("Kết quả {year}", "Result {year}"),
    "note": ("Nhận xét", "Comment"),
}
NO_RESULT = ("báo cáo không nêu kết quả năm {year}", "the report gives no {year} result")
REFERENCE = ("{value} (phụ lục tính: {how})", "{value} (computed: {how})")
ALREADY_MET = ("kết quả {year} đã đạt mức mục tiêu", "the {year} result already meets the target")
NOT_YET = ("kết quả {year} còn cách mục tiêu {gap}", "the {year} result is {gap} short of the target")
NEUTRAL_GAP = ("mục tiêu {direction} kết quả {year} {gap}", "the target is {gap} {direction} the {year} result")
DIRECTIONS = {"above": ("cao hơn", "above"), "below": ("thấp hơn", "below"), "equal": ("bằng", "equal to")}


@dataclass(frozen=True)
class Reference:
    """A value the appendix computes to stand beside a target the report gives no result for."""

    value: float
    how: str  # the computation, e.g. "4.206 / 292.208"
    caveat: str = ""  # in the report's language


ReferenceMaker = Callable[[pd.DataFrame, int, str], Reference | None]


def gap_text(gap: float, unit: str, lang: str) -> str:
    """A distance between two figures in ``unit``: percentage points for rates, else the number and unit name."""
    if unit in ("percent", "percentage_points"):
        return fmt_value(gap, "percentage_points", lang)
    return f"{fmt_value(gap, unit, lang)} {unit_name(unit, lang)}"


def target_comment(goal: float, goal_printed: str, achieved: float, polarity: str, unit: str, year: int,
                   lang: str) -> str:
    """How ``year``'s result stands against next year's goal, in words (polarity and bounds honoured)."""
    result = assess(achieved, goal, polarity, goal_bound(goal_printed))
    if result.met is None:
        diff = goal - achieved
        direction = "above" if diff > 0 else ("below" if diff < 0 else "equal")
        gap = gap_text(abs(diff), unit, lang) if diff else ""
        return t(lang, NEUTRAL_GAP).format(direction=t(lang, DIRECTIONS[direction]), year=year, gap=gap).replace("  ", " ").strip()
    if result.met:
        return t(lang, ALREADY_MET).format(year=year)
    return t(lang, NOT_YET).format(gap=gap_text(abs(result.margin), unit, lang), year=year)


def targets_table(figures: pd.DataFrame, year: int, domains: tuple[str, ...], lang: str,
                  references: dict[str, ReferenceMaker] | None = None) -> Table | None:
    """The goals for ``year + 1`` in ``domains`` beside what ``year`` achieved; None when there are none.

    Where the report gives no result for ``year``, a reference value from
    ``references`` (computed by the appendix from the year's figures) stands in,
    marked as computed and with its caveat.
    """
    card = next_year_targets(figures, year)
    card = card[card["domain"].isin(domains) & (card["breakdown"] == "")]
    if card.empty:
        return None
    references = references or {}
    labels, goals, achieved, comments, raw_rows = [], [], [], [], []
    for row in card.itertuples():
        labels.append(indicator_name(row.indicator_id, lang))
        goals.append(goal_text(row.goal, row.unit, row.goal_printed, lang))
        ref = references[row.indicator_id](figures, year, lang) if row.indicator_id in references else None
        if row.achieved is not None and not pd.isna(row.achieved):
            achieved.append(qualified(row.achieved, row.unit, lang, row.achieved_printed))
            comments.append(target_comment(row.goal, row.goal_printed, row.achieved, row.polarity, row.unit, year, lang))
            value = row.achieved
        elif ref is not None:
            achieved.append(t(lang, REFERENCE).format(value=fmt_value(ref.value, row.unit, lang, 2), how=ref.how))
            comment = target_comment(row.goal, row.goal_printed, ref.value, row.polarity, row.unit, year, lang)
            comments.append("; ".join(c for c in (comment, ref.caveat) if c))
            value = ref.value
        else:
            achieved.append("–")
            comments.append(t(lang, NO_RESULT).format(year=year))
            value = None
        raw_rows.append({"indicator_id": row.indicator_id, "goal_period": year + 1, "goal": row.goal,
                         "goal_printed": row.goal_printed, "bound": row.bound or "", "result_period": year,
                         "result": value, "result_computed": ref is not None and value == ref.value,
                         "unit": row.unit})
    frame = pd.DataFrame({
        t(lang, TARGET_HEADERS["label"]): labels,
        t(lang, TARGET_HEADERS["goal"]).format(year=year + 1): goals,
        t(lang, TARGET_HEADERS["achieved"]).format(year=year): achieved,
        t(lang, TARGET_HEADERS["note"]): comments,
    })
    sources = sorted(set(card["goal_source_id"]))
    return Table(frame, pd.DataFrame(raw_rows), sources)


# Showing ------------------------------------------------------------------

MAX_FINDINGS = 6


def collect_findings(functions: Sequence[Callable[[pd.DataFrame, int, str], str | None]],
                     figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The sentences of those ``functions`` that the year's data support, in order (at most six)."""
    sentences = [f(figures, year, lang) for f in functions]
    return [s for s in sentences if s][:MAX_FINDINGS]


def fill_caption(rep: Report, pair: tuple[str, str]) -> tuple[str, str]:
    """A (vi, en) caption with {year}, {next} and {prev} filled in for the report's year."""
    fill = {"year": rep.year, "next": rep.year + 1, "prev": rep.year - 1}
    return pair[0].format(**fill), pair[1].format(**fill)


def show_heading(rep: Report, pair: tuple[str, str], level: int = 2) -> None:
    """A (vi, en) section heading with {next} (next year) filled in."""
    rep.heading(pair[0].format(next=rep.year + 1), pair[1].format(next=rep.year + 1), level=level)


def show_table(rep: Report, table: Table | None, name: str, caption: tuple[str, str],
               no_data: tuple[str, str]) -> bool:
    """Show ``table`` with its caption, or say there is no data; True when a table was shown."""
    if table is None:
        rep.no_data(*no_data)
        return False
    rep.table(table.frame, name, rep.t(*caption), table.source_ids, raw=table.raw)
    return True


def show_findings(rep: Report, sentences: list[str], what: tuple[str, str]) -> None:
    """The key findings; a single "no data" sentence when the year has none."""
    if not sentences:
        sentences = [rep.t(
            f"Không có số liệu về {what[0]} cho năm {rep.year} trong dữ liệu hiện có.",
            f"There are no figures on {what[1]} for {rep.year} in the data.",
        )]
    rep.findings(sentences)
