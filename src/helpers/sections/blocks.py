"""One section shape for every declared block (``data/content_blocks.csv``, ``data/content.csv``).

A block is shown in three steps with the same arguments, ``(figures, part, name, year, lang)``: :func:`frame`
computes what the block shows (the frame the notebook cell displays), :func:`table` and :func:`chart` make the
reader's table and chart from that frame (never from the figures again). :func:`show` puts the block's heading
before its frame, :func:`hand_off` hands the table and the chart to the appendix, and :func:`show_rest` shows every
block of a lines or parts kind the notebook has not shown itself, so that a block added to the data appears
without a code change. A block with nothing to show for a year is left out, heading and all.

The frame of a ``lines`` block has one row per line (:class:`~helpers.present.lines.Line`'s fields);
that of a ``parts`` block one row per category (:func:`~helpers.present.lines.parts_frame`); that of a
``goals`` block the results, plans and targets by year of its series (:func:`helpers.analysis.series.goal_series`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, replace

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import relations
from helpers.analysis.report_parts import domain_indicators
from helpers.data import content
from helpers.data.query import cut_off, figure_row, indicator_name, parts, preferred, unit_label
from helpers.present import chart_titles as ct
from helpers.present import charts
from helpers.present import progress as pg
from helpers.present.lines import (
    Line,
    computed_line,
    figure_line,
    lines_frame,
    lines_frame_table,
    parts_frame,
    parts_frame_table,
    qualified,
    section_parts_chart,
    unit_of,
    with_recomputed,
)
from helpers.present.report import Report, source_line
from helpers.present.tables import Table
from helpers.text import Texts, say
from helpers.text.formatting import fmt_value

GENERIC_TABLES = ("lines", "parts")  # the kinds :func:`show_rest` shows by itself
LINE_FIELDS = [f.name for f in fields(Line)]


def _span(data: pd.DataFrame) -> str:
    first, last = int(data["period"].min()), int(data["period"].max())
    return f"{first}–{last}" if first < last else f"{last}"


# What a reference names: one indicator, or several joined by "+" and added -----------------------------------


def _ids(reference: str) -> list[str]:
    return [p for p in reference.split("+") if p]


def _reference(figures: pd.DataFrame, reference: str, year: int, lang: str) -> tuple[float, str, list[str]] | None:
    """The value of a reference for ``year``, its text as a reader sees it, and the prints it comes from; None
    when any part is missing."""
    rows = [figure_row(figures, i, year) for i in _ids(reference)]
    if any(r is None for r in rows):
        return None
    prints = [str(r["printed"]) for r in rows]
    total = sum(float(r["value"]) for r in rows)
    if len(rows) == 1:
        text = qualified(total, str(rows[0]["unit"]), lang, prints[0])
    else:
        text = fmt_value(total, str(rows[0]["unit"]), lang)
    return total, text, prints


def computed(figures: pd.DataFrame, row: pd.Series, part: str, year: int, lang: str) -> Line | None:
    """The line of a ``computed`` row (a ratio, percent or sum of declared figures); None when an input is
    missing or a denominator is zero. A computed indicator's printed figure shows with the recomputation beside it.
    """
    texts = Texts(part)
    num = _reference(figures, row["numerator"], year, lang)
    den = _reference(figures, row["denominator"], year, lang) if row["denominator"] else None
    if num is None or (row["method"] != "sum" and (den is None or not den[0])):
        return None
    if row["method"] == "share" and not relations.part_of(row["numerator"], row["denominator"], year):
        return None  # a share of a whole the area's reports do not count it in (data/relations.csv)
    if row["method"] == "sum":
        found, how, prints = (
            num[0],
            " + ".join(_reference(figures, i, year, lang)[1] for i in _ids(row["numerator"])),
            num[2],
        )
    else:
        # as the sections always computed it
        found = num[0] * (100 if row["method"] in ("percent", "share") else 1) / den[0]
        how, prints = f"{num[1]} / {den[1]}", num[2] + den[2]
    unit = row["unit"] if row["unit"] not in ("", content.PER) else ""
    if row["unit_label"]:
        unit_text = texts(row["unit_label"], lang)
    elif row["unit"] == content.PER:
        first, second = _ids(row["numerator"])[0], _ids(row["denominator"])[0]
        count = unit_label(second, lang, count=1)
        unit_text = say("common:per_unit", lang, amount=unit_label(first, lang), count=count)
    else:
        unit_text = None
    label = texts(row["label"], lang) if row["label"] else indicator_name(row["indicator_id"], lang)
    decimals = int(row["decimals"]) if row["decimals"] else 2
    line = computed_line(label, found, unit, lang, how=how, decimals=decimals, unit_text=unit_text, prints=prints)
    if row["indicator_id"]:
        return with_recomputed(figure_line(figures, row["indicator_id"], year, lang), line, lang)
    return line


def shown_elsewhere(figures: pd.DataFrame, year: int) -> tuple[str, ...]:
    """The indicators some block of some part shows for ``year``, which a ``domain`` row leaves to it: those of
    a line, a series or a recomputation, and those of a breakdown whose parts the year holds. An indicator named
    only as the input of a computation, or a breakdown's total without its parts, is left to the domain's row,
    so that it shows."""
    rows = content.load_content()[1]
    shown = set(rows.loc[rows["role"].isin(["line", "series", "computed"]), "indicator_id"])  # a recomputed one too
    for row in rows[rows["role"] == "parts"].itertuples():
        if not parts(figures, row.indicator_id, row.breakdown.removesuffix("=*"), year).empty:
            shown.add(row.indicator_id)
    return tuple(sorted(shown - {""}))


def unshown_parts(figures: pd.DataFrame, row: pd.Series, year: int) -> list[tuple[str, str]]:
    """The year's breakdown figures of a ``domain`` row's domain that no block shows (a district or category no
    row declares, of a dimension no breakdown row declares), as (indicator, breakdown), in the data's order."""
    rows = content.load_content()[1]
    declared = {(r.indicator_id, r.breakdown) for r in rows.itertuples() if r.breakdown}
    whole = {(i, b.removesuffix("=*")) for i, b in declared if b.endswith("=*")}
    data = preferred(figures)
    data = data[
        (data["domain"] == row["domain"])
        & (data["period"] == year)
        & (data["kind"] == "actual")
        & (data["breakdown"] != "")
        & (cut_off(data) == "")
    ]
    found = []
    for indicator_id, breakdown in zip(data["indicator_id"], data["breakdown"], strict=True):
        dimension = breakdown.split("=", 1)[0]
        if (indicator_id, breakdown) not in declared and (indicator_id, dimension) not in whole:
            found.append((str(indicator_id), str(breakdown)))
    return list(dict.fromkeys(found))


def _lines(figures: pd.DataFrame, row: pd.Series, part: str, year: int, lang: str) -> list[Line | None]:
    role, breakdown = row["role"], row["breakdown"]
    if role == "computed":
        return [computed(figures, row, part, year, lang)]
    if role == "domain":
        ids = domain_indicators(figures, row["domain"], year, exclude=shown_elsewhere(figures, year))
        totals = [figure_line(figures, i, year, lang) for i in ids]
        return totals + [figure_line(figures, i, year, lang, breakdown=b) for i, b in unshown_parts(figures, row, year)]
    if role != "line":
        return []
    if breakdown.endswith("=*"):
        dimension = breakdown.removesuffix("=*")
        codes = parts(figures, row["indicator_id"], dimension, year)["category"]
        return [figure_line(figures, row["indicator_id"], year, lang, breakdown=f"{dimension}={c}") for c in codes]
    return [figure_line(figures, row["indicator_id"], year, lang, breakdown=breakdown)]


# The three steps ------------------------------------------------------------------------------------------


def frame(figures: pd.DataFrame, part: str, name: str, year: int, lang: str) -> pd.DataFrame | None:
    """What block ``name`` of ``part`` shows for ``year``; None when it has nothing to show."""
    block, rows = content.block(part, name), content.rows(part, name)
    if block["table_kind"] == "parts" or block["chart_kind"] == "parts":
        row = rows[rows["role"] == "parts"].iloc[0]
        return parts_frame(figures, row["indicator_id"], row["breakdown"].removesuffix("=*"), year, lang)
    if block["chart_kind"] == "goals":
        series = rows.loc[rows["role"] == "series", "indicator_id"].iloc[0]
        return pg.goal_series(figures, series, year + 1)
    lines = [line for _, row in rows.iterrows() for line in _lines(figures, row, part, year, lang)]
    return lines_frame(lines)


def table(data: pd.DataFrame | None, part: str, name: str, year: int, lang: str) -> Table | None:
    """The reader's table of block ``name`` from its :func:`frame`; None when it has no table or nothing."""
    block = content.block(part, name)
    if data is None or not block["table"]:
        return None
    if block["table_kind"] == "parts":
        row = content.rows(part, name).query("role == 'parts'").iloc[0]
        dimension = row["breakdown"].removesuffix("=*")
        table = parts_frame_table(data, row["indicator_id"], dimension, lang)
        # a parts table may share its chart's caption, whose {note} says what a zero means: the table says it
        # in its cells, so its caption's note is empty
        return None if table is None else replace(table, values={"note": ""})
    if block["table_kind"] == "lines":
        return lines_frame_table(data, lang)
    raise ValueError(f"block '{name}' of part '{part}' makes its {block['table_kind']} table in its own code")


def chart(data: pd.DataFrame | None, part: str, name: str, year: int, lang: str) -> Figure | None:
    """The chart of block ``name`` from its :func:`frame`; None when it has no chart or nothing to draw."""
    block = content.block(part, name)
    if data is None or not block["chart"]:
        return None
    rows = content.rows(part, name)
    if block["chart_kind"] == "parts":
        indicator_id = rows.loc[rows["role"] == "parts", "indicator_id"].iloc[0]
        unit = unit_label(indicator_id, lang)
        fig = section_parts_chart(data, title=ct.ranking_title(data, unit, lang), unit_text=unit, lang=lang, year=year)
        zeros = bool(data["zero_in_words"].any())  # a part printed in words ("chưa có"), drawn as 0
        return charts.captioned(fig, note=say("lines:parts.zero_note", lang) if zeros else "")
    if block["chart_kind"] == "goals":
        indicator_id = rows.loc[rows["role"] == "series", "indicator_id"].iloc[0]
        name_text = indicator_name(indicator_id, lang)
        title = ct.trend_title(data, indicator_id, lang, name_text, year)
        fig = pg.goal_chart(data, indicator_id, lang, source_line(data["source_id"], lang, year), title=title)
        note = pg.qualified_note(data, unit_of(indicator_id), lang)
        return charts.captioned(fig, name=name_text, span=_span(data), note=note)
    raise ValueError(f"block '{name}' of part '{part}' draws its {block['chart_kind']} chart in its own code")


# Showing ------------------------------------------------------------------------------------------------


def part_of(rep: Report) -> str:
    """The part a report shows: its notebook's name without the number (``02_employment`` → ``employment``)."""
    return rep.notebook.split("_", 1)[1]


def _shown(rep: Report) -> set[str]:
    return rep.__dict__.setdefault("blocks_shown", set())  # the blocks this run has shown (for show_rest)


def heading(rep: Report, name: str, data: object, **values: object) -> object:
    """Block ``name``'s heading (none when the block has no level of its own) before ``data``; nothing when
    ``data`` is None. Returns ``data``."""
    _shown(rep).add(name)
    level = content.block(part_of(rep), name)["level"]
    if pd.isna(level):
        return data
    return rep.section(name, data, level=int(level), **values)


def series_words(part: str, name: str, lang: str) -> dict[str, object]:
    """The words a heading of a block with a series may use: ``{indicator}`` (its name) and ``{what}``, and the
    English name for the anchor; none for a block without a series."""
    found = content.indicators(part, name, role="series")
    if not found:
        return {}
    indicator_id = found[0]
    return {
        "anchor_values": {"indicator": indicator_name(indicator_id, "en")},
        "indicator": indicator_name(indicator_id, lang),
        "what": pg.low(pg.short_name(indicator_id, lang)),
    }


def is_heading_only(part: str, block: pd.Series) -> bool:
    """A block with neither table nor chart nor rows: a heading above the blocks that follow it ("Ma túy")."""
    return not block["table"] and not block["chart"] and content.rows(part, block["block"]).empty


def show(rep: Report, name: str, **values: object) -> pd.DataFrame | None:
    """Block ``name``'s heading and its frame (None, and no heading, when the year has nothing for it). The
    heading of a heading-only block is shown once something follows it (:meth:`Report.section`)."""
    block = content.block(part_of(rep), name)
    if is_heading_only(part_of(rep), block):
        _shown(rep).add(name)
        rep.section(name, level=int(block["level"]), **values)
        return None
    data = frame(rep.figures, part_of(rep), name, rep.year, rep.lang)
    return heading(rep, name, data, **{**series_words(part_of(rep), name, rep.lang), **values})


def hand_off(rep: Report, name: str, data: pd.DataFrame | None, fig: Figure | None = None) -> None:
    """Hand block ``name``'s chart ``fig`` and its table (made from ``data``) to the appendix."""
    block = content.block(part_of(rep), name)
    if fig is not None:
        rep.figure(fig, block["chart"])
    if block["table_kind"] in GENERIC_TABLES:
        rep.table(table(data, part_of(rep), name, rep.year, rep.lang), block["table"])


def show_rest(rep: Report, until: str | None = None) -> list[str]:
    """Every block of a generic kind (a lines or parts table) the notebook has not shown, in the declared order
    (with ``until``, only those declared before block ``until``): heading, table and chart. Returns their names."""
    part, done = part_of(rep), _shown(rep)
    declared = content.blocks(part)
    if until is not None:
        declared = declared[declared["order"] < content.block(part, until)["order"]]
    names = []
    for block in declared.itertuples():
        generic = block.table_kind in GENERIC_TABLES or is_heading_only(part, pd.Series(block._asdict()))
        if block.block in done or not generic:
            continue
        data = show(rep, block.block)
        hand_off(rep, block.block, data, chart(data, part, block.block, rep.year, rep.lang))
        names.append(block.block)
    return names


MAX_FINDINGS = 6


def collect_findings(
    functions: Sequence[Callable[[pd.DataFrame, int, str], str | None]], figures: pd.DataFrame, year: int, lang: str
) -> list[str]:
    """The sentences of those ``functions`` that the year's data support, in order (at most six)."""
    sentences = [f(figures, year, lang) for f in functions]
    return [s for s in sentences if s][:MAX_FINDINGS]


def notes(figures: pd.DataFrame, part: str, name: str, year: int, lang: str) -> list[str]:
    """The computed rows of a block without a table of lines, each as a sentence ("label: value (how).")."""
    if content.block(part, name)["table_kind"] == "lines":
        return []
    rows = content.rows(part, name)
    found = [computed(figures, row, part, year, lang) for _, row in rows[rows["role"] == "computed"].iterrows()]
    return [say("lines:line_sentence", lang, label=f.label, value=f.text, note=f.note) for f in found if f]


def line_of(data: pd.DataFrame | None, indicator_id: str = "", label: str = "") -> Line | None:
    """One line of a lines frame, by its indicator (a figure) or its label (a computed value); None if absent."""
    if data is None:
        return None
    found = data[(data["indicator_id"] == indicator_id) & (data["breakdown"] == "")] if indicator_id else None
    if label:
        found = data[data["label"] == label]
    if found is None or found.empty:
        return None
    record = found.iloc[0].to_dict()
    return Line(**{k: record[k] for k in LINE_FIELDS})
