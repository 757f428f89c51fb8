"""Tables of "lines", shared by every notebook part (moved here from ``sections/social_common.py``, issue 14 item 7).

A section is shown as small tables of "lines": one line per figure the data
hold (its catalogue name, its value formatted as the report printed it, with
the printed qualifier such as "hơn"), plus lines the appendix computes (rates,
averages, changes), each saying how it was computed; a breakdown as a table of its parts and shares, or as bars.
Every builder returns ``None`` when the data hold nothing for the year, so that the section is left out. The
words are in ``text/lines.yml``.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.attainment import goal_bound
from helpers.analysis.social import (  # noqa: F401  (the numbers, for the sections that call them from here)
    APPROXIMATE,
    QUALIFIER_READINGS,
    breakdown_parts,
    derived_qualifier,
    is_lower_bound,
    qualifier,
    rate,
    ratio,
)
from helpers.data.loading import code_names, load_catalogue
from helpers.data.loading import unit_name as data_unit_name
from helpers.data.printed import FLOOR_QUALIFIERS, ZERO_WORDS, computed_significance, is_ambiguous
from helpers.data.query import category_label, figure_row, indicator_name, unit_label
from helpers.present import charts
from helpers.present.report import source_line
from helpers.present.tables import Table
from helpers.text import say, texts_for
from helpers.text.computed import computed_text, prefixed  # noqa: F401  (re-exported for the sections)
from helpers.text.formatting import (
    fmt_number,
    fmt_printed,
    fmt_ratio,
    fmt_value,
)

T = texts_for(__name__)
AS_OF_RE = re.compile(r"as of (\d{1,2}/\d{1,2}/\d{4})")
LOWER_BOUND_QUALIFIERS = FLOOR_QUALIFIERS  # qualifiers that say the true figure is at least the printed one


def unit_name(unit: str, lang: str, count: float | None = None) -> str:
    """The name of a unit code (``"persons"`` → "người", "people") from data/units.csv; with ``count``, the name
    after that number ("1 person", "2 people")."""
    return data_unit_name(unit, lang, count=count)


def unit_of(indicator_id: str) -> str:
    """The unit code of an indicator, from the catalogue (``"million_vnd"``, ``"persons"``…)."""
    return str(load_catalogue().set_index("indicator_id").at[indicator_id, "unit"])


def printed_of(figures: pd.DataFrame, indicator_id: str, period: int, breakdown: str = "") -> str | None:
    """The print of one actual figure ("hơn 2000"), or None when the data lack it."""
    row = figure_row(figures, indicator_id, period, "actual", breakdown)
    return None if row is None else str(row["printed"])


def axis_label(unit_text: str, lang: str) -> str:
    """An axis label naming the unit: "Đơn vị: người" / "Unit: persons"."""
    return T("axis.unit", lang, unit=unit_text)


def wrap(text: str, width: int = 40) -> str:
    """Break a long category label over lines so that bar charts keep their width."""
    return "\n".join(textwrap.wrap(text, width)) or text


def pct(value: float | None, lang: str) -> str:
    """A computed percentage for a sentence, with the two decimals of every computed ratio ("25,00%", "61,84%")."""
    return fmt_ratio(value, lang)


SIGNED_UNITS = frozenset({"persons_change", "cases_change", "households_change", "percentage_points"})


def qualified(
    value: float | None, unit: str, lang: str, printed: str | None = None, decimals: int | None = None
) -> str:
    """``value`` formatted for its unit with the print's decimals ("1,40%"), led by its qualifier: "hơn 71.571".

    Changes (units such as ``cases_change``) carry their sign: "giảm 12" shows as "-12", "tăng 67" as "+67".
    """
    text = fmt_printed(value, unit, lang, printed, decimals, signed=unit in SIGNED_UNITS)
    return prefixed(text, qualifier(printed), lang)


def figure_text(
    figures: pd.DataFrame, indicator_id: str, period: int, lang: str, breakdown: str = "", kind: str = "actual"
) -> str | None:
    """One figure formatted with its printed qualifier ("khoảng 600"), or None when the data lack it."""
    row = figure_row(figures, indicator_id, period, kind, breakdown)
    return None if row is None else qualified(float(row["value"]), str(row["unit"]), lang, str(row["printed"]))


def lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, for a category label inside a sentence."""
    return text[:1].lower() + text[1:]


def goal_text(value: float, unit: str, printed: str, lang: str) -> str:
    """A goal as a reader should take it: "dưới 1,5%" for "<1,5", "trên 90%" for "Trên 90", else the value."""
    bound = goal_bound(printed)
    text = fmt_printed(value, unit, lang, printed)
    if bound == "ceiling":
        return T("goal.below", lang, value=text)
    if bound == "floor":
        return T("goal.above", lang, value=text)
    return text


def row_note(row: pd.Series, lang: str) -> str:
    """What a reader must know about one figure, in ``lang``: a zero printed in words,
    an ambiguous print, or the cut-off date ("as of 15/11/2023") recorded in its note."""
    notes = []
    printed, note = str(row["printed"]), str(row.get("note", "") or "")
    if printed in ZERO_WORDS:
        notes.append(T("note.zero_in_words", lang))
    if is_ambiguous(printed, repr(float(row["value"])).removesuffix(".0"), note):
        notes.append(T("note.ambiguous", lang, printed=printed, value=fmt_value(row["value"], row["unit"], lang)))
    match = AS_OF_RE.search(note)
    if match:
        notes.append(T("note.as_of", lang, date=match[1]))
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


def figure_line(
    figures: pd.DataFrame,
    indicator_id: str,
    period: int,
    lang: str,
    kind: str = "actual",
    breakdown: str = "",
    label: str | None = None,
) -> Line | None:
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


def computed_line(
    label: str,
    value: float | None,
    unit: str,
    lang: str,
    how: str = "",
    decimals: int | None = 2,
    unit_text: str | None = None,
    qualifier_key: str | None = None,
    signed: bool = False,
    text: str | None = None,
    prints: Sequence[str | None] = (),
) -> Line | None:
    """A line the appendix computed (None when ``value`` is None); ``how`` says how, e.g. "1 / 66".

    ``prints`` (the prints of the figures it is computed from) make it approximate by the one precision rule
    once any of them is qualified ("khoảng 2,9", :func:`computed_text`); ``text``, when given, is the value as
    already written; ``qualifier_key`` (a print qualifier such as "hơn") leads a value computed otherwise.
    """
    if value is None:
        return None
    if text is None and computed_significance(*prints) is not None:
        text = computed_text(value, lang, *prints, unit=unit)  # the one precision rule: "khoảng 2,9"
    if text is None:
        text = fmt_value(value, unit, lang, decimals, signed) if unit else fmt_number(value, lang, decimals, signed)
        text = prefixed(text, qualifier_key, lang)
    note = T("computed.how", lang, how=how) if how else T("computed", lang)
    return Line(
        label=label,
        value=float(value),
        unit=unit,
        text=text,
        unit_text=unit_text if unit_text is not None else unit_name(unit, lang),
        note=note,
        computed=True,
    )


def lines_frame(lines: list[Line | None]) -> pd.DataFrame | None:
    """The lines that exist as a frame (one column per field of :class:`Line`); None when no line comes from the
    data. Computed lines alone (without any figure) make no frame: a rate with nothing to stand on is not shown."""
    kept = [line for line in lines if line is not None]
    if not any(not line.computed for line in kept):
        return None
    return pd.DataFrame([asdict(line) for line in kept], columns=[f.name for f in fields(Line)], dtype=object)


def lines_frame_table(frame: pd.DataFrame | None, lang: str) -> Table | None:
    """The reader's table of a :func:`lines_frame` (label, value as printed, unit, note) with its raw numbers."""
    if frame is None:
        return None
    kept = [Line(**record) for record in frame.to_dict("records")]
    shown = pd.DataFrame(
        {
            T("header.label", lang): [line.label for line in kept],
            T("header.value", lang): [line.text for line in kept],
            T("header.unit", lang): [line.unit_text for line in kept],
            T("header.note", lang): [line.note for line in kept],
        }
    )
    raw = pd.DataFrame(
        {
            "indicator_id": [line.indicator_id or "" for line in kept],
            "breakdown": [line.breakdown for line in kept],
            "period": pd.array([line.period for line in kept], dtype="Int64"),
            "label": [line.label for line in kept],
            "value": [line.value for line in kept],
            "unit": [line.unit or line.unit_text for line in kept],
            "computed": [line.computed for line in kept],
            "source_id": [line.source_id or "" for line in kept],
        }
    )
    sources = sorted({line.source_id for line in kept if line.source_id})
    return Table(shown, raw, sources)


def lines_table(lines: list[Line | None], lang: str) -> Table | None:
    """The table of the lines that exist; None when no line comes from the data (:func:`lines_frame`)."""
    return lines_frame_table(lines_frame(lines), lang)


def parts_frame(
    figures: pd.DataFrame, indicator_id: str, dimension: str, period: int, lang: str, kind: str = "actual"
) -> pd.DataFrame | None:
    """The parts of a breakdown with labels and shares; None when the data hold no part.

    Columns: ``code``, ``category`` (label in ``lang``), ``value``, ``printed``,
    ``share`` (percent of the total: the printed total when there is one,
    else the sum of the parts), ``zero_in_words``, ``source_id``.
    """
    frame = breakdown_parts(figures, indicator_id, dimension, period, kind)
    if frame is not None:
        frame.insert(1, "category", [category_label(dimension, code, lang) for code in frame["code"]])
    return frame


def parts_table(
    figures: pd.DataFrame,
    indicator_id: str,
    dimension: str,
    period: int,
    lang: str,
    category_header: str | None = None,
) -> Table | None:
    """A breakdown as a table (:func:`parts_frame_table` of :func:`parts_frame`); None without parts."""
    frame = parts_frame(figures, indicator_id, dimension, period, lang)
    return parts_frame_table(frame, indicator_id, dimension, lang, category_header)


def parts_frame_table(
    frame: pd.DataFrame | None, indicator_id: str, dimension: str, lang: str, category_header: str | None = None
) -> Table | None:
    """A breakdown's frame (:func:`parts_frame`) as a table: one row per part with its share, then the total.

    The total is the printed one when the data hold it; otherwise the sum of the parts, marked as computed.
    Shares are computed by code (two decimals). The first column's header is the dimension's name
    (``data/dimensions.csv``) unless ``category_header`` (a text key) is given.
    """
    if frame is None:
        return None
    unit = unit_of(indicator_id)
    total, printed, total_source = (frame.attrs[k] for k in ("total", "total_printed", "total_source_id"))
    total_text = qualified(total, unit, lang, printed)
    total_label = say("common:total", lang) if printed is not None else T("parts.total_computed", lang)
    notes = [T("note.zero_in_words", lang) if z else "" for z in frame["zero_in_words"]]
    header = T(category_header, lang) if category_header else code_names("dimension", lang)[dimension]
    shown = pd.DataFrame(
        {
            header: list(frame["category"]) + [total_label],
            T("parts.value", lang) + ("" if unit == "count" else f" ({unit_label(indicator_id, lang)})"): [
                qualified(v, unit, lang, p) for v, p in zip(frame["value"], frame["printed"], strict=True)
            ]
            + [total_text],
            T("parts.share", lang): [fmt_number(s, lang, 2) for s in frame["share"]] + [fmt_number(100, lang, 2)],
            T("header.note", lang): notes + [sum_note(frame.attrs["parts_sum"], total, unit, lang)],
        }
    )
    raw = pd.DataFrame(
        {
            "category_code": list(frame["code"]) + ["total"],
            "category": list(frame["category"]) + [total_label],
            "value": list(frame["value"]) + [total],
            "share_pct": list(frame["share"]) + [100.0],
        }
    )
    sources = sorted(set(frame["source_id"]) | ({total_source} if total_source is not None else set()))
    return Table(shown, raw, sources)


def sum_note(parts_sum: float, total: float, unit: str, lang: str) -> str:
    """A warning when the parts do not add up to the total; empty when they do."""
    if abs(parts_sum - total) < 1e-9:
        return ""
    return T("parts.sum_mismatch", lang, parts=fmt_value(parts_sum, unit, lang), total=fmt_value(total, unit, lang))


def parts_chart(
    frame: pd.DataFrame, *, title: str, unit_text: str, source: str, lang: str, sort: bool = True
) -> Figure:
    """Horizontal bars of a breakdown (from :func:`parts_frame`), largest first, zeros kept."""
    data = frame.assign(category=frame["category"].map(wrap))
    return charts.bar_chart(
        data[["category", "value"]],
        title=title,
        x_label=axis_label(unit_text, lang),
        source=source,
        lang=lang,
        sort=sort,
    )


def section_parts_chart(
    frame: pd.DataFrame | None, *, title: str, unit_text: str, lang: str, year: int, sort: bool = True
) -> Figure | None:
    """:func:`parts_chart` of a section's frame, with the frame's sources as its source line; None without data."""
    if frame is None:
        return None
    source = source_line(frame["source_id"], lang, year)
    return parts_chart(frame, title=title, unit_text=unit_text, source=source, lang=lang, sort=sort)


def with_recomputed(printed: Line | None, recomputed: Line | None, lang: str) -> Line | None:
    """One row for a figure the report prints and the appendix recomputes (never two rows of one label): the
    printed value, its note giving the recomputation ("As reported. Computed by the appendix: 4,050 / 4,206 =
    96.29%"); the recomputed row alone when nothing is printed."""
    if printed is None or recomputed is None:
        return printed if printed is not None else recomputed
    note = T("recomputed_beside", lang, note=recomputed.note, value=recomputed.text)
    return replace(printed, note="; ".join(n for n in (printed.note, note) if n))
