"""Word tables a clerk can use: full text width, column widths from their content, rows kept whole.

pandoc writes every table of the appendix with automatic width and equal
columns that sum to its own assumed text width (5,5 in = 139,7 mm), so on the
165 mm text block of the state's page form a nine-column table gets 15,5 mm
columns and Word or LibreOffice break "Povert/y" and "781,96/5" inside a cell.
pandoc has no option for either, so the DOCX it writes is post-processed here
with lxml (already a dependency; python-docx would add a layer over the same
XML and has no table-layout logic either):

* each table (style "Table", the ones pandoc made; not the cover's) gets the
  full text width, a fixed layout and column widths measured from its content
  (:func:`column_widths`), set on the grid and on every cell;
* every row gets ``cantSplit`` (a row is never broken across pages) and the
  header rows keep pandoc's ``tblHeader`` (repeated on each page).

Why measured by hand rather than left to Word's "autofit": LibreOffice ignores
autofit in DOCX and keeps the grid it is given, and a measured grid gives the
same bytes from build to build. The widths are measured with the project's
Tinos (metric-compatible with Times New Roman, the document's font) at the
table text's 11 pt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lxml import etree

from helpers.build.fonts import FONT_DIR

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MM = 1440 / 25.4  # twips per millimetre
TEXT_WIDTH = round(165 * MM)  # A4 (210 mm) less the 30 mm and 15 mm margins of Nghị định 30/2020
TABLE_POINTS = 11  # the "Compact" style of table text (templates/make_reference_docx.py)
CELL_PADDING = 2 * 108  # twips: Word's and LibreOffice's default left and right cell margins
SLACK = 1.06  # measured width × this: room for a renderer's rounding and a substituted font's metrics
TABLE_STYLE = "Table"  # pandoc's style of the tables it writes
# Lines break at spaces (not at a no-break space); inside a word LibreOffice and Word may also break after a hyphen or
# a slash that a letter follows ("121/KH-|UBND"); a number is never broken.
TOKEN_RE = re.compile(r"(?:[^\s]|\xa0)+")
# A range of numbers, "2–2,2%", "16.500–17.000", "2,0 - 2,2%": Unicode lets a line break after an en dash (and at
# the spaces), so LibreOffice broke "16.500–/17.000" inside a cell. In a table cell the range is joined: its spaces
# become no-break spaces and a WORD JOINER (U+2060, "no break on either side", UAX #14 rule LB11) follows the dash.
NO_BREAK_SPACE, WORD_JOINER = "\xa0", "\u2060"
# A hyphen between digits with no space ("2021-2025") is left as it is: no line breaks there (LB25).
RANGE_RE = re.compile(
    r"(?<=\d)(?P<unit>%?)(?:(?P<before>[ \xa0]?)(?P<dash>[–—])|(?P<spaced>[ \xa0])(?P<hyphen>-))"
    r"\u2060?(?P<after>[ \xa0]?)(?=[-−]?\d)"
)
BREAK_AFTER_RE = re.compile(r"(?<=[-/])(?=[^\W\d])")


@functools.lru_cache(maxsize=2)
def _font(bold: bool):  # noqa: ANN202 - a PIL FreeTypeFont
    from PIL import ImageFont

    name = "Tinos-Bold.ttf" if bold else "Tinos-Regular.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), 1000)  # 1000 px: lengths in thousandths of the size


def text_twips(text: str, bold: bool = False, points: float = TABLE_POINTS) -> float:
    """The width of ``text`` set in Tinos at ``points``, in twips (1/20 pt); a word joiner has none."""
    text = text.replace(WORD_JOINER, "")
    if not text:
        return 0.0
    return _font(bold).getlength(text) / 1000 * points * 20


def join_ranges(text: str) -> str:
    """``text`` with every range of numbers made unbreakable: "16.500 – 17.000" becomes "16.500\\xa0–\\u2060\\xa017.000"
    (its spaces, where it has any, no-break; a word joiner after the dash). Joining twice changes nothing more."""

    def joined(match: re.Match[str]) -> str:
        before = NO_BREAK_SPACE if match["before"] or match["spaced"] else ""
        after = NO_BREAK_SPACE if match["after"] else ""
        return f"{match['unit']}{before}{match['dash'] or match['hyphen']}{WORD_JOINER}{after}"

    return RANGE_RE.sub(joined, text)


def join_cell_ranges(tbl: etree._Element) -> None:
    """Make every range of numbers in ``tbl``'s cells unbreakable (:func:`join_ranges`), run by run.

    A range split over two runs (pandoc writes one run per formatting change) keeps a break opportunity; pandoc's
    cells of figures are one run each."""
    for t in tbl.iter(f"{W}t"):
        if t.text:
            t.text = join_ranges(t.text)


def is_number(token: str) -> bool:
    """Whether ``token`` is a number as printed ("781.965", "-0,27", "70,25%", "(2015–2023)"): digits, no letter."""
    return any(c.isdigit() for c in token) and not any(c.isalpha() for c in token)


def pieces(token: str) -> list[str]:
    """The parts of a word a line may break between: after a hyphen or slash before a letter ("121/KH-|UBND)").
    A number is one piece."""
    return [token] if is_number(token) else BREAK_AFTER_RE.split(token)


@dataclass(frozen=True)
class CellText:
    """The text of one cell: its paragraphs, each as (text, bold) runs joined, and how many grid columns it spans."""

    paragraphs: tuple[tuple[str, bool], ...]
    span: int = 1
    points: float = TABLE_POINTS

    def widest(self, numbers: bool) -> float:
        """The widest number (``numbers``) or the widest unbreakable piece of a word in the cell, in twips."""
        return max(
            (
                text_twips(piece, bold, self.points)
                for text, bold in self.paragraphs
                for token in TOKEN_RE.findall(text)
                if is_number(token) == numbers
                for piece in pieces(token)
            ),
            default=0.0,
        )

    def unbroken(self) -> float:
        return max((text_twips(text.strip(), bold, self.points) for text, bold in self.paragraphs), default=0.0)


def _fit(numbers: Sequence[float], words: Sequence[float], total: float) -> list[float]:
    """Minimum widths that fit ``total`` when the columns' own minimums do not: numbers keep their width,
    the words' share is scaled down (a long word then breaks; a number never does, unless numbers alone
    overflow, when everything is scaled)."""
    if sum(numbers) >= total:
        return [n * total / sum(numbers) for n in numbers]
    low, high = 0.0, 1.0
    for _ in range(50):  # bisection on the words' scale: sum(max(number, word × scale)) is monotonic in it
        mid = (low + high) / 2
        if sum(max(n, w * mid) for n, w in zip(numbers, words, strict=True)) <= total:
            low = mid
        else:
            high = mid
    return [max(n, w * low) for n, w in zip(numbers, words, strict=True)]


def column_widths(rows: Sequence[Sequence[CellText]], total: int = TEXT_WIDTH) -> list[int]:
    """Column widths in twips summing to ``total``, from the cells' text (the idea of CSS's automatic table layout).

    Each column needs at least its widest number and the widest unbreakable
    piece of its words, and would like its longest paragraph on one line.
    When every column can have what it would like, the spare width is shared
    in proportion to it; otherwise each column gets its minimum and the rest
    is shared in proportion to what each still lacks. When the minimums alone
    exceed ``total``, the words' part of them is scaled down so that the
    numbers keep theirs (:func:`_fit`). Cells spanning several columns are
    left out of the measure.
    """
    numbers, words, most = _needs(rows)
    if not numbers:
        return []
    least = [max(a, b) for a, b in zip(numbers, words, strict=True)]
    if sum(least) > total:
        least = _fit(numbers, words, total)
    most = [max(m, x) for m, x in zip(most, least, strict=True)]
    if sum(most) <= total:
        widths = [m * total / sum(most) for m in most]
    elif sum(least) < total:
        lack = [m - x for m, x in zip(most, least, strict=True)]
        spare = total - sum(least)
        widths = [x + spare * d / sum(lack) for x, d in zip(least, lack, strict=True)]
    else:
        widths = least
    rounded = [int(w) for w in widths]
    rounded[-1] += total - sum(rounded)  # the grid sums exactly to the text width
    return rounded


def least_width(rows: Sequence[Sequence[CellText]]) -> float:
    """The width a table needs so that no word piece and no number of it breaks, in twips."""
    numbers, words, _ = _needs(rows)
    return sum(max(a, b) for a, b in zip(numbers, words, strict=True))


def _needs(rows: Sequence[Sequence[CellText]]) -> tuple[list[float], list[float], list[float]]:
    """Per column: the widest number, the widest word piece and the longest paragraph, each with its padding."""
    n = max((sum(c.span for c in row) for row in rows), default=0)
    numbers, words, most = [0.0] * n, [0.0] * n, [0.0] * n
    for row in rows:
        j = 0
        for cell in row:
            if cell.span == 1 and j < n:
                numbers[j] = max(numbers[j], cell.widest(numbers=True) * SLACK + CELL_PADDING)
                words[j] = max(words[j], cell.widest(numbers=False) * SLACK + CELL_PADDING)
                most[j] = max(most[j], cell.unbroken() * SLACK + CELL_PADDING)
            j += cell.span
    numbers = [max(x, CELL_PADDING + 200) for x in numbers]  # an empty column still shows a dash
    return numbers, words, most


def _cell_text(tc: etree._Element) -> CellText:
    paragraphs = []
    for p in tc.iter(f"{W}p"):
        runs = list(p.iter(f"{W}r"))
        text = "".join(t.text or "" for r in runs for t in r.iter(f"{W}t"))
        bold = any(r.find(f"{W}rPr/{W}b") is not None for r in runs)
        paragraphs.append((text, bold))
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    return CellText(tuple(paragraphs), int(span.get(f"{W}val")) if span is not None else 1)


def _child(parent: etree._Element, tag: str, before: Sequence[str] = (), first: bool = False) -> etree._Element:
    """``parent``'s child ``w:tag``, made if missing: placed before the first of ``before`` present (schema order)."""
    found = parent.find(f"{W}{tag}")
    if found is not None:
        return found
    element = etree.Element(f"{W}{tag}")
    anchor = next((parent.find(f"{W}{b}") for b in before if parent.find(f"{W}{b}") is not None), None)
    if anchor is not None:
        anchor.addprevious(element)
    elif first:
        parent.insert(0, element)
    else:
        parent.append(element)
    return element


SMALLER_POINTS = (10, 9)  # the table text's sizes to try, in turn, when a table's words do not fit at 11 pt
RPR_AFTER_SIZE = ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang")
TBLPR_AFTER_LAYOUT = ("tblCellMar", "tblLook", "tblCaption", "tblDescription")
TRPR_AFTER_CANTSPLIT = ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden")


def lay_out_table(tbl: etree._Element, total: int = TEXT_WIDTH) -> list[int]:
    """Give one table the full width, a fixed layout, measured columns and rows that never split; its widths.
    Ranges of numbers in its cells are joined first (:func:`join_ranges`).

    A table too wide for its words at 11 pt is set at 10 or, if need be, 9 pt (:data:`SMALLER_POINTS`) rather
    than break a word inside a cell."""
    join_cell_ranges(tbl)
    rows = tbl.findall(f"{W}tr")
    cells = [[_cell_text(tc) for tc in tr.findall(f"{W}tc")] for tr in rows]
    for points in SMALLER_POINTS:
        if least_width(cells) <= total:
            break
        cells = [[replace(c, points=points) for c in row] for row in cells]
        for run in tbl.iter(f"{W}r"):
            rpr = _child(run, "rPr", first=True)
            for tag in ("sz", "szCs"):
                _child(rpr, tag, RPR_AFTER_SIZE).set(f"{W}val", str(round(points * 2)))
    widths = column_widths(cells, total)
    if not widths:
        return widths
    tblpr = tbl.find(f"{W}tblPr")
    width = _child(
        tblpr, "tblW", ("jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", *TBLPR_AFTER_LAYOUT)
    )
    width.set(f"{W}w", str(total))
    width.set(f"{W}type", "dxa")
    _child(tblpr, "tblLayout", TBLPR_AFTER_LAYOUT).set(f"{W}type", "fixed")
    grid = tbl.find(f"{W}tblGrid")
    for col in list(grid):
        grid.remove(col)
    for w in widths:
        etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", str(w))
    for tr, row in zip(rows, cells, strict=True):
        trpr = _child(tr, "trPr", first=True)
        _child(trpr, "cantSplit", TRPR_AFTER_CANTSPLIT)
        j = 0
        for tc, cell in zip(tr.findall(f"{W}tc"), row, strict=True):
            tcpr = _child(tc, "tcPr", first=True)
            tcw = _child(tcpr, "tcW", ("gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "vAlign"))
            tcw.set(f"{W}w", str(sum(widths[j : j + cell.span])))
            tcw.set(f"{W}type", "dxa")
            j += cell.span
    return widths


def lay_out_tables(document_xml: bytes, total: int = TEXT_WIDTH) -> bytes:
    """``word/document.xml`` with every pandoc table laid out by :func:`lay_out_table`."""
    root = etree.fromstring(document_xml)
    for tbl in root.iter(f"{W}tbl"):
        style = tbl.find(f"{W}tblPr/{W}tblStyle")
        if style is not None and style.get(f"{W}val") == TABLE_STYLE:
            lay_out_table(tbl, total)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
