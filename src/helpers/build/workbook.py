"""The appendix's tables as an Excel workbook: a contents sheet, one sheet per table, the full values and the columns.

The workbook shows each table with the reader's headers and each column's cells as the column means them
(:mod:`helpers.build.columns`, :mod:`helpers.build.workbook_cells`); no cell is ever a formula.

The workbook is made reproducible: openpyxl stamps the save time into
``docProps/core.xml`` and into every zip entry, and :func:`helpers.build.export.normalise_zip`
rewrites the file with fixed dates, so that the same tables give the same bytes.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from helpers.build.assemble import Caption
from helpers.build.columns import column
from helpers.build.export import normalise_zip
from helpers.build.workbook_cells import (
    Labels,
    Precision,
    Shown,
    as_in_appendix,
    as_printed,
    printed_cell,
    printed_precision,
    shown_cell,
)
from helpers.data.csvfile import MAX_CELL_CHARS as EXCEL_CELL_MAX  # characters an Excel cell holds
from helpers.paths import display_path
from helpers.present.record import Table
from helpers.text import say
from helpers.text.templates import texts_for

T = texts_for(__name__)  # build/workbook.yml: the workbook's own sheets

SHEET_NAME_MAX = 31
SHEET_FORBIDDEN_RE = re.compile(r"[\[\]:*?/\\]")


def read_csv_rows(path: Path) -> list[list[str]]:
    """A CSV file as lists of cells, header first; a field over the reader's limit is a DataError naming the line."""
    from helpers.errors import DataError

    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        rows: list[list[str]] = []
        try:
            for row in reader:
                rows.append(row)
        except csv.Error as exc:
            raise DataError(
                display_path(path), f"the line cannot be read as CSV ({exc})", row=reader.line_num
            ) from None
    return rows


def read_datatypes(csv_path: Path, header: Sequence[str]) -> list[str]:
    """Each column's datatype from the table's ``.csv-metadata.json``; ``string`` for all when there is none."""
    meta = csv_path.with_name(csv_path.name + "-metadata.json")
    if not meta.is_file():
        return ["string"] * len(header)
    declared = {
        c["name"]: c.get("datatype", "string")
        for c in json.loads(meta.read_text(encoding="utf-8"))["tableSchema"]["columns"]
    }
    return [declared.get(name, "string") for name in header]


def _put(sheet: Any, row: int, col: int, value: object, number_format: str = "General") -> Any:
    """Write one cell; text is always text (type set explicitly), so ``=HYPERLINK(…)`` never becomes a formula."""
    cell = sheet.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    if number_format != "General":
        cell.number_format = number_format
    return cell


def _words_within(head: str, words: Sequence[str], limit: int) -> str:
    """``head – <as many of words as fit>`` within ``limit`` characters, cut between words; ``head`` alone if none."""
    for k in range(len(words), 0, -1):
        candidate = f"{head} – {' '.join(words[:k])}".rstrip(" ,;.–-'")
        if len(candidate) <= limit:
            return candidate
    return head


def sheet_names(captions: Sequence[Caption], lang: str) -> list[str]:
    """One sheet name per table: "Bảng 29 – Trợ cấp hằng tháng", the caption's first words cut at a word boundary
    within 31 characters; unique, no forbidden characters (a table without a caption is named by its file)."""
    names: list[str] = []
    taken, table = {say("frontmatter:contents", lang).lower()}, say("frontmatter:table", lang)
    for c in captions:
        head = f"{table} {c.number}"
        words = SHEET_FORBIDDEN_RE.sub(" ", c.caption or c.name.split("_", 2)[-1]).split()
        name, k = _words_within(head, words, SHEET_NAME_MAX), 2
        while name.lower() in taken:
            suffix = f" ({k})"
            name, k = _words_within(head, words, SHEET_NAME_MAX - len(suffix)) + suffix, k + 1
        taken.add(name.lower())
        names.append(name)
    return names


PrintedKey = tuple[str, str, int, str, float]  # indicator_id, breakdown, period, source_id, value


def printed_lookup(figures: Any) -> dict[PrintedKey, str]:
    """Each figure's print by what a table row says of it (indicator, breakdown, period, source, value), from the
    year's figures (:func:`helpers.data.loading.load_year`); a figure printed twice alike keeps one print."""
    found: dict[PrintedKey, str] = {}
    for r in figures.itertuples(index=False):
        if isinstance(r.printed, str) and r.printed:
            breakdown = r.breakdown if isinstance(r.breakdown, str) else ""
            found.setdefault((r.indicator_id, breakdown, int(r.period), r.source_id, float(r.value)), r.printed)
    return found


def with_printed(rows: list[list[str]], printed: Mapping[PrintedKey, str]) -> list[list[str]]:
    """A table of reported values without their print (``indicator_id``, ``period``, ``value``, ``source_id``
    columns, no ``printed``) with a ``printed`` column after ``value``: the figure as its source printed it,
    qualifier kept ("hơn 22.762"); empty for a value the appendix computed. Other tables as they are."""
    head = rows[0] if rows else []
    needed = ("indicator_id", "period", "value", "source_id")
    if "printed" in head or not all(c in head for c in needed):
        return rows
    at = {c: head.index(c) for c in (*needed, "breakdown") if c in head}
    out = [[*head[: at["value"] + 1], "printed", *head[at["value"] + 1 :]]]
    for row in rows[1:]:
        cell = ""
        try:
            key = (
                row[at["indicator_id"]],
                row[at["breakdown"]] if "breakdown" in at else "",
                int(row[at["period"]]),
                row[at["source_id"]],
                float(row[at["value"]]),
            )
            cell = printed.get(key, "")
        except (ValueError, IndexError):
            pass  # a row without a period or value: nothing printed to show
        out.append([*row[: at["value"] + 1], cell, *row[at["value"] + 1 :]])
    return out


def write_xlsx(
    tables: Sequence[Caption],
    csv_dir: Path,
    target: Path,
    lang: str,
    title: str,
    stamp: datetime = datetime(2000, 1, 1),
    printed: Mapping[PrintedKey, str] | None = None,
    as_shown: Sequence[Table] = (),
) -> Path:
    """Write every table (``csv_dir/<name>.csv``) to its own sheet, after a contents sheet.

    The contents sheet lists each table's label, caption, source and sheet (a
    link). Each table's sheet has the reader's headers (:mod:`helpers.build.columns`)
    and its cells shown as the column means them: printed figures and text as
    text, codes by their names, flags as Có/Không or Đạt/Chưa đạt, numbers
    rounded as in the appendix. The sheet "Giá trị đầy đủ" holds the full value
    of every rounded number, the sheet "Cột" maps each header to the CSV's
    column name. No cell is a formula. ``stamp`` is the date written as the
    workbook's creation and modification time, so that nothing depends on the clock. ``printed``
    (:func:`printed_lookup`) puts each reported value's print beside it in tables that do not carry it
    (:func:`with_printed`), so that "hơn 22.762" is never shown as a bare 22762. ``as_shown`` are the same tables as
    the appendix prints them (the notebooks' records, in the order of ``tables``): the sheet "Như trong phụ lục"
    holds each with the PDF's cells, a bare figure as a number with the decimals printed, every other cell (a
    figure with its qualifier, "khoảng 347 nghìn") as its text.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from helpers.errors import DataError

    labels = Labels(lang)
    full_values, columns = T("sheet.full_values", lang), T("sheet.columns", lang)
    workbook = Workbook()
    contents = workbook.active
    contents.title = say("frontmatter:contents", lang)
    _put(contents, 1, 1, title).font = Font(bold=True, size=12)
    note = T("note", lang, full_values=full_values, columns=columns)
    if as_shown:
        note += " " + T("note_as_printed", lang, as_printed=T("sheet.as_printed", lang))
    _put(contents, 2, 1, note)
    table, sheet_head = say("frontmatter:table", lang), T("head.sheet", lang)
    header = [table, T("head.caption", lang), say("source", lang), sheet_head]
    for j, value in enumerate(header, 1):
        _put(contents, 3, j, value).font = Font(bold=True)
    full_rows: list[list[object]] = []
    column_rows: list[list[object]] = []
    names = sheet_names(tables, lang)
    for k, (caption, name) in enumerate(zip(tables, names, strict=False), 4):
        path = csv_dir / f"{caption.name}.csv"
        rows = read_csv_rows(path)
        if as_shown and as_shown[k - 4].columns:  # the record says each column's type (as the CSVW file beside it)
            declared = {c.name: c.datatype for c in as_shown[k - 4].columns}
            datatypes = [declared.get(h, "string") for h in (rows[0] if rows else [])]
        else:
            datatypes = read_datatypes(path, rows[0] if rows else [])
        from_figures = None  # the column of prints taken from the figures, not in the CSV
        if printed is not None:
            added = with_printed(rows, printed)
            if added is not rows:
                from_figures = added[0].index("printed")
                datatypes.insert(from_figures, "string")
                rows = added
        head = rows[0] if rows else []
        meanings = [column(h, caption.name) for h in head]
        sheet = workbook.create_sheet(name)
        widths = [len(m.heading(lang)) for m in meanings]
        for j, (raw_name, meaning, datatype) in enumerate(zip(head, meanings, datatypes, strict=False), 1):
            _put(sheet, 1, j, meaning.heading(lang)).font = Font(bold=True)
            csv_name = raw_name if j - 1 != from_figures else T("not_in_csv", lang)
            column_rows.append([caption.label, name, meaning.heading(lang), csv_name, datatype])
        unit_at = head.index("unit") if "unit" in head else None
        # A value column and the column holding its print: "value" and "printed", or "actual" and "actual_printed".
        printed_of = {
            j: head.index(p) for j, h in enumerate(head) if (p := "printed" if h == "value" else f"{h}_printed") in head
        }
        # The table as the appendix printed it, row for row (the record's rows are the CSV's): a computed value is
        # rounded as its row printed it ("khoảng 347 nghìn": 347.000; "10,7": 10.7), not to the đồng.
        printed_rows: list[list[Precision | None]] = []
        if as_shown and len(as_shown[k - 4].rows) == len(rows) - 1:
            printed_rows = [[printed_precision(c, lang) for c in row] for row in as_shown[k - 4].rows]
        for r, row in enumerate(rows[1:], 2):
            printed_row = printed_rows[r - 2] if printed_rows else None
            decimals = labels.decimals(row[unit_at]) if unit_at is not None and unit_at < len(row) else None
            for j, raw in enumerate(row, 1):
                if len(raw) > EXCEL_CELL_MAX:
                    raise DataError(
                        display_path(path),
                        f"a cell holds {len(raw):,} characters, more than an Excel cell "
                        f"can hold ({EXCEL_CELL_MAX:,}); shorten it",
                        row=r,
                        column=head[j - 1],
                    )
                if j > len(meanings):
                    shown = Shown(raw or None)
                else:
                    meaning = meanings[j - 1]
                    shown = shown_cell(raw, meaning, datatypes[j - 1], labels, decimals if meaning.in_unit else None)
                    own = row[printed_of[j - 1]] if j - 1 in printed_of and printed_of[j - 1] < len(row) else ""
                    if own:  # a reported value: the decimals of its source's print
                        shown = as_printed(shown, raw, own)
                    elif printed_row is not None and datatypes[j - 1] == "number":
                        shown = as_in_appendix(shown, raw, printed_row)
                cell = _put(sheet, r, j, shown.value, shown.number_format)
                if shown.full is not None:
                    full_rows.append(
                        [caption.label, name, cell.coordinate, meanings[j - 1].heading(lang), shown.value, shown.full]
                    )
                if j <= len(widths):
                    widths[j - 1] = max(widths[j - 1], len(str(shown.value or "")))
        sheet.freeze_panes = "A2"
        for j, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(j)].width = min(max(width + 2, 8), 60)
        for j, value in enumerate([caption.label, caption.caption, caption.source, name], 1):
            link = _put(contents, k, j, value)
        link.hyperlink = f"#'{name}'!A1"
        link.style = "Hyperlink"
    for column_letter, width in zip("ABCD", (10, 70, 45, 32), strict=False):
        contents.column_dimensions[column_letter].width = width
    if as_shown:
        _as_printed_sheet(workbook, T("sheet.as_printed", lang), list(zip(tables, as_shown, strict=True)), lang)
    column_head = T("head.column", lang)
    full_head = (table, sheet_head, T("head.cell", lang), column_head, T("head.shown", lang), T("head.full", lang))
    _data_sheet(workbook, full_values, full_rows, full_head, (10, 32, 6, 40, 18, 24))
    columns_head = (table, sheet_head, column_head, T("head.csv_name", lang), T("head.csv_type", lang))
    _data_sheet(workbook, columns, column_rows, columns_head, (10, 32, 40, 36, 16))
    workbook.properties.creator = "helpers.build"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.save(str(target))
    normalise_zip(target, stamp)
    return target


TABLES_README = "README.md"


def write_tables_readme(csv_dir: Path, lang: str, year: int) -> Path:
    """``tables/README.md``: what the CSV files are and how to read them with pandas so that printed figures
    stay text (workbook.yml's ``tables_readme``, in the appendix's language)."""
    example = min((p.stem for p in csv_dir.glob("*.csv")), default="01_poverty_households")
    text = T("tables_readme", lang, year=year, example=example, language=T("language", lang))
    path = csv_dir / TABLES_README
    path.write_text(text, encoding="utf-8")
    return path


def _as_printed_sheet(workbook: Any, title: str, tables: Sequence[tuple[Caption, Table]], lang: str) -> None:
    """One sheet holding every table as the appendix prints it, one after another: its label and caption, its
    header, its rows (:func:`~helpers.build.workbook_cells.printed_cell`), its source line, a blank row."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    r, widths = 1, [12]
    for caption, table in tables:
        _put(sheet, r, 1, f"{caption.label} {caption.caption}").font = Font(bold=True)
        for j, head in enumerate(table.header, 1):
            _put(sheet, r + 1, j, head).font = Font(bold=True)
        for k, row in enumerate(table.rows, r + 2):
            for j, text in enumerate(row, 1):
                cell = printed_cell(text, lang)
                _put(sheet, k, j, cell.value, cell.number_format)
                widths += [12] * (j - len(widths))
                widths[j - 1] = max(widths[j - 1], min(len(text), 50))
        r += 2 + len(table.rows)
        _put(sheet, r, 1, table.source)
        r += 2
    for j, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(j)].width = width + 2


def _data_sheet(
    workbook: Any, title: str, rows: list[list[object]], header: Sequence[str], widths: Sequence[int]
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    for j, value in enumerate(header, 1):
        _put(sheet, 1, j, value).font = Font(bold=True)
    for r, row in enumerate(rows, 2):
        for j, value in enumerate(row, 1):
            _put(sheet, r, j, value)
    sheet.freeze_panes = "A2"
    for j, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(j)].width = width
