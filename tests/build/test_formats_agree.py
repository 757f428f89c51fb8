"""Done when (issue 15): the 2023 appendix, in both languages, shows every table with the same values, decimals and
qualifiers in HTML, PDF, DOCX, XLSX and CSV — compared through the notebooks' records (helpers.present.record),
which every format is rendered from. Here the formats are read back as their readers read them (an HTML parser,
the DOCX's XML, pdftotext, openpyxl, the CSV), which the build itself never does."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from helpers.build import frontmatter
from helpers.build.assemble import compose, section_of
from helpers.present.record import Figure, Record, Table, read_record

BUILD = pytest.mark.xdist_group("build")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def records(folder: Path) -> list[Record]:
    return [read_record(p) for p in sorted((folder / "record").glob("*.jsonl"))]


def tables_in_order(folder: Path) -> list[Table]:
    """The record's tables in the order the appendix prints them (the first page's first)."""
    found = records(folder)
    lang = found[0].lang
    appendix = compose([section_of(r) for r in found], frontmatter.gather(found[0].year, lang))
    by_id = {i.id: i for r in found for i in r.items if isinstance(i, Table)}
    return [by_id[c.name] for c in appendix.tables]


def same_text(text: str) -> str:
    """A cell's text with its spaces as a reader sees them (a non-breaking space is a space)."""
    return " ".join(text.replace("\xa0", " ").split())


def shown(table: Table) -> list[list[str]]:
    return [[same_text(c) for c in row] for row in (table.header, *table.rows)]


# HTML -----------------------------------------------------------------------------------------------------------


class TableCells(HTMLParser):
    """The header and cells of each table block of an HTML document, by its data-name."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.name: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and "appendix-table-block" in (found.get("class") or ""):
            self.name = found.get("data-name")
            self.tables[self.name or ""] = []
        elif self.name is not None and tag == "tr":
            self.tables[self.name].append([])
        elif self.name is not None and tag in ("th", "td"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self.cell is not None and self.name is not None:
            self.tables[self.name][-1].append(same_text("".join(self.cell)))
            self.cell = None
        elif tag == "table":
            self.name = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def html_tables(document: str) -> dict[str, list[list[str]]]:
    parser = TableCells()
    parser.feed(document)
    return parser.tables


# DOCX -----------------------------------------------------------------------------------------------------------


def cell_text(cell: ET.Element) -> str:
    parts = []
    for paragraph in cell.iter(f"{W}p"):
        text = ""
        for node in paragraph.iter():
            if node.tag == f"{W}t":
                text += node.text or ""
            elif node.tag == f"{W}noBreakHyphen":
                text += "-"
            elif node.tag in (f"{W}br", f"{W}tab"):
                text += " "
        parts.append(text)
    return same_text(" ".join(parts))


def docx_tables(path: Path) -> list[list[list[str]]]:
    """The cells of each table of the Word file's body, in order (the cover's head, a layout table, left out)."""
    with zipfile.ZipFile(path) as archive:
        body = ET.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    assert body is not None
    tables = [[[cell_text(c) for c in row.findall(f"{W}tc")] for row in t.findall(f"{W}tr")] for t in body]
    return [t for t, node in zip(tables, body, strict=True) if node.tag == f"{W}tbl"][1:]


# PDF ------------------------------------------------------------------------------------------------------------


def pdf_words(path: Path) -> set[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return set(same_text(text.stdout).split())


def figure_words(table: Table, lang: str) -> Iterator[str]:
    """The words of a table's cells that are figures as the appendix prints them ("100,20%", "-4.195", "2023"),
    with their decimals and signs, bracket or comma after them left out."""
    for row in table.rows:
        for cell in row:
            for word in same_text(cell).split():
                if reader_number(word, lang) is not None:
                    yield word.strip("();:,")


# The checks ----------------------------------------------------------------------------------------------------


def check_html(folder: Path) -> None:
    found = html_tables((folder / "appendix.html").read_text(encoding="utf-8"))
    for table in tables_in_order(folder):
        assert found[table.id] == shown(table), table.id


def check_docx(folder: Path) -> None:
    ordered = tables_in_order(folder)
    found = docx_tables(folder / "appendix.docx")
    assert len(found) >= len(ordered)  # the methods note's list of data files comes after the sections
    for table, cells in zip(ordered, found[: len(ordered)], strict=True):
        assert cells == shown(table), table.id


def check_pdf(folder: Path) -> None:
    words = {w.strip("();:,") for w in pdf_words(folder / "appendix.pdf")}
    lang = records(folder)[0].lang
    for table in tables_in_order(folder):
        missing = sorted(set(figure_words(table, lang)) - words)
        assert missing == [], f"{table.id}: {missing[:5]}"


def check_csv(folder: Path) -> None:
    for table in tables_in_order(folder):
        with open(folder / table.csv, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [c.name for c in table.columns], table.id
        assert len(rows) - 1 == len(table.rows), table.id


def check_figures(folder: Path) -> None:
    html = (folder / "appendix.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(folder / "appendix.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    for item in (i for r in records(folder) for i in r.items if isinstance(i, Figure)):
        assert (folder / item.svg).is_file() and (folder / item.png).is_file(), item.id
        assert f'data-name="{item.id}"' in html and f'descr="{item.png}"' in document, item.id


@BUILD
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_format_shows_the_records_tables_and_figures(all_builds: Path, lang: str) -> None:
    folder = all_builds / ("2023" if lang == "vi" else "2023-en")
    check_html(folder)
    check_docx(folder)
    check_csv(folder)
    check_figures(folder)
    check_xlsx(folder)
    check_xlsx_tables(folder)
    if shutil.which("pdftotext"):
        check_pdf(folder)


# XLSX -----------------------------------------------------------------------------------------------------------

NUMBER = {
    "vi": re.compile(r"^[+\-−]?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?%?$"),
    "en": re.compile(r"^[+\-−]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?%?$"),
}


def reader_number(word: str, lang: str) -> tuple[float, int] | None:
    """A figure as the appendix prints it ("100,20", "-4.195", "70,25%") as its value and decimals; None for a word
    that is not one (a range, a year span)."""
    found = NUMBER[lang].match(word.strip("();:"))
    if not found:
        return None
    whole = found[1].replace("." if lang == "vi" else ",", "")
    value = float(f"{whole}.{found[2]}" if found[2] else whole)
    return (-value if word.lstrip("(")[:1] in "-−" else value), len(found[2] or "")


def figure_cells(table: Table, lang: str) -> Iterator[str]:
    """The figure of each cell that shows one (a figure with its unit or qualifier: "100,20%", "hơn 22.762",
    "-4.195 hộ"); the numbers inside a sentence or a formula ("17.034 / 17.000 × 100") are not figures of the table."""
    for row in table.rows:
        for cell in row:
            words = same_text(cell).split()
            if len(words) > 4:
                continue
            found = [w for w in words[:2] if reader_number(w, lang) is not None]
            if found:
                yield found[0]


def format_decimals(number_format: str) -> int:
    return len(number_format.split(".")[1].split('"')[0]) if "." in number_format else 0


def sheet_of_table(book: object, lang: str) -> dict[str, object]:
    """Each table's sheet by its caption, from the workbook's contents sheet."""
    contents = book.worksheets[0]  # type: ignore[attr-defined]
    return {
        same_text(str(row[1])): book[row[3]]  # type: ignore[index]
        for row in contents.iter_rows(min_row=4, values_only=True)
        if row[3]
    }


def xlsx_misses(folder: Path) -> dict[str, list[str]]:
    """For each table, the figures its record shows that its sheet shows neither as a number with the same decimals
    nor as the same text."""
    from openpyxl import load_workbook

    lang = records(folder)[0].lang
    book = load_workbook(folder / "appendix.xlsx")
    sheets = sheet_of_table(book, lang)
    misses: dict[str, list[str]] = {}
    for table in tables_in_order(folder):
        sheet = sheets[same_text(table.caption)]
        numbers, texts = [], set()
        for row in sheet.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    numbers.append((float(c.value), format_decimals(c.number_format)))
                elif isinstance(c.value, str):
                    texts.update(same_text(c.value).split())
        for word in figure_cells(table, lang):
            parsed = reader_number(word, lang)
            if parsed is None or word in texts:
                continue
            value, places = parsed
            scale = scale_after(table, word, lang)
            if scale > 1:  # an amount in words ("khoảng 347 nghìn"): the sheet holds it rounded, in units
                if not any(abs(v - value * scale) < 1e-6 for v, _ in numbers):
                    misses.setdefault(table.id, []).append(word)
            elif not any(d == places and abs(v - value) < 0.5 * 10**-places + 1e-9 for v, d in numbers):
                misses.setdefault(table.id, []).append(word)
    return misses


def scale_after(table: Table, word: str, lang: str) -> int:
    """The scale word after ``word`` in the table's cells ("nghìn": 1.000), 1 when none follows it."""
    scales = {"vi": {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}, "en": {"thousand": 10**3, "million": 10**6}}
    for row in table.rows:
        for cell in row:
            words = same_text(cell).split()
            for k, w in enumerate(words[:-1]):
                if w == word and words[k + 1] in scales[lang]:
                    return scales[lang][words[k + 1]]
    return 1


def check_xlsx_tables(folder: Path) -> None:
    """Each table's own sheet (the CSV's columns, named for readers) shows every figure the appendix prints in the
    table with the decimals printed, or rounded as printed when the appendix says it in words."""
    assert xlsx_misses(folder) == {}


def check_xlsx(folder: Path) -> None:
    """The workbook's sheet of the tables as printed holds each record table's header and cells: a figure as a
    number with the decimals (and per cent sign) printed, every other cell as the same text."""
    from openpyxl import load_workbook

    from helpers.build.workbook import T

    lang = records(folder)[0].lang
    rows = list(load_workbook(folder / "appendix.xlsx")[T("sheet.as_printed", lang)].iter_rows())
    starts = {same_text(str(row[0].value)): k for k, row in enumerate(rows) if row[0].value and row[0].font.b}
    appendix_tables = compose([section_of(r) for r in records(folder)], frontmatter.gather(2023, lang)).tables
    for caption, table in zip(appendix_tables, tables_in_order(folder), strict=True):
        at = starts[same_text(f"{caption.label} {caption.caption}")]
        assert [c.value for c in rows[at + 1][: len(table.header)]] == list(table.header), table.id
        for row, cells in zip(table.rows, rows[at + 2 :], strict=False):
            for text, cell in zip(row, cells, strict=False):
                parsed = reader_number(text, lang) if text.strip("();:") == text else None
                if parsed is None:
                    assert (cell.value or "") == text, (table.id, text, cell.value)
                    continue
                value, places = parsed
                assert isinstance(cell.value, (int, float)), (table.id, text, cell.value)
                assert abs(cell.value - value) < 1e-9 and format_decimals(cell.number_format.split(";")[0]) == places
                assert ('"%"' in cell.number_format) == text.endswith("%"), (table.id, text, cell.number_format)
