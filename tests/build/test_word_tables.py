"""Word tables a clerk can use: full text width, columns from their content, rows whole, headers repeated.

The last test checks it as readers see it: LibreOffice renders the DOCX to PDF
and no number or word of a table cell is broken across lines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from helpers.build.fonts import FONT_DIR
from helpers.build.word import write_docx
from helpers.build.word_tables import (
    CELL_PADDING,
    TEXT_WIDTH,
    CellText,
    W,
    column_widths,
    join_ranges,
    lay_out_tables,
    pieces,
    text_twips,
)
from tests.build.test_assemble import front

HEADER = [
    "Lĩnh vực",
    "Chỉ tiêu",
    "Loại mục tiêu",
    "Mục tiêu",
    "Thực hiện",
    "Chỉ số đạt (từ 100: đạt)",
    "Chênh lệch (+ tốt hơn, − còn thiếu)",
    "Đánh giá",
    "Tính vào tổng",
]
NUMBER_RE = re.compile(r"^[-+−]?\d[\d.,]*%?$")
# A range of numbers in a cell, joined (helpers.build.word_tables.join_ranges) or not.
CELL_RANGE_RE = re.compile(r"\d[\d.,]*%?[ \xa0]?[–—-]\u2060?[ \xa0]?[-−]?\d[\d.,]*%?")


def cells(*rows: list[str]) -> list[list[CellText]]:
    return [[CellText(((text, False),)) for text in row] for row in rows]


def test_columns_fill_the_text_width_and_never_go_below_their_widest_token() -> None:
    rows = cells(
        HEADER, ["Poverty", "Tỷ lệ hộ nghèo – Huyện A Lưới", "Chỉ tiêu", "781.965", "116,25", "x", "y", "Đạt", "Có"]
    )
    widths = column_widths(rows)
    assert sum(widths) == TEXT_WIDTH == round(165 * 1440 / 25.4)
    for j, width in enumerate(widths):
        tokens = [t for row in rows for t in row[j].paragraphs[0][0].split()]
        assert width >= max(text_twips(p) for t in tokens for p in pieces(t)) + CELL_PADDING, HEADER[j]
    # The long label gets more room than the short verdict column.
    assert widths[1] > widths[7]


def test_a_narrow_table_is_stretched_in_proportion_to_its_content() -> None:
    widths = column_widths(cells(["Năm", "Số hộ nghèo của toàn tỉnh"], ["2023", "7.540"]))
    assert sum(widths) == TEXT_WIDTH and widths[1] > 2 * widths[0]


def table_xml(rows: list[list[str]], style: str = "Table") -> bytes:
    def tc(text: str) -> str:
        return f"<w:tc><w:tcPr/><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    body = "".join(
        "<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if i == 0 else "") + "".join(tc(c) for c in row) + "</w:tr>"
        for i, row in enumerate(rows)
    )
    grid = "".join('<w:gridCol w:w="880"/>' for _ in rows[0])
    return (
        f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:tbl><w:tblPr><w:tblStyle w:val="{style}"/>'
        '<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstRow="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl></w:body></w:document>"
    ).encode()


def test_pandocs_tables_get_a_fixed_measured_grid_and_rows_that_never_split() -> None:
    root = etree.fromstring(lay_out_tables(table_xml([["Chỉ tiêu", "Giá trị"], ["Số hộ nghèo", "7.540"]])))
    tbl = root.find(f".//{W}tbl")
    assert tbl.find(f"{W}tblPr/{W}tblW").attrib == {f"{W}w": str(TEXT_WIDTH), f"{W}type": "dxa"}
    assert tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    assert [c.tag for c in tbl.find(f"{W}tblPr")] == [f"{W}{t}" for t in ("tblStyle", "tblW", "tblLayout", "tblLook")]
    grid = [int(c.get(f"{W}w")) for c in tbl.iter(f"{W}gridCol")]
    assert sum(grid) == TEXT_WIDTH
    for tr in tbl.iter(f"{W}tr"):
        assert tr.find(f"{W}trPr/{W}cantSplit") is not None
        assert [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in tr.iter(f"{W}tc")] == grid
    # cantSplit comes before tblHeader (the schema's order), and the header row stays a header.
    assert [c.tag for c in tbl.find(f"{W}tr/{W}trPr")] == [f"{W}cantSplit", f"{W}tblHeader"]


def test_tables_that_are_not_pandocs_are_left_alone() -> None:
    xml = table_xml([["a", "b"]], style="Cover")
    root = etree.fromstring(lay_out_tables(xml))
    assert [c.get(f"{W}w") for c in root.iter(f"{W}gridCol")] == ["880", "880"]
    assert root.find(f".//{W}cantSplit") is None


def rendered_text(docx: Path, folder: Path) -> str:
    """The DOCX as LibreOffice prints it (headless, to PDF, with the project's Tinos for Times New Roman),
    as ``pdftotext -layout`` reads it back."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONT_DIR}</dir><cachedir>{folder / 'fontcache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        check=True,
        capture_output=True,
        env=env,
        timeout=240,
    )
    pdf = folder / docx.with_suffix(".pdf").name
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    return unicodedata.normalize("NFC", text.decode("utf-8")).replace(
        "\u2060", ""
    )  # a word joiner, if kept, is no text


def split_ranges(docx: Path, text: str) -> list[str]:
    """The ranges of numbers of the DOCX's table cells that are not whole on one line of the rendered text.

    Spaces, no-break spaces and word joiners count alike, so a range is whole when its numbers and dash are on
    one line; ``pdftotext -layout`` may put several cells on one line, which breaks nothing."""

    def plain(s: str) -> str:
        return re.sub(r"[ \xa0\u2060]+", " ", s.replace("\u2060", "")).strip()

    lines = [plain(line) for line in text.splitlines()]
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    ranges = {
        m for tc in root.iter(f"{W}tc") for m in CELL_RANGE_RE.findall("".join(t.text or "" for t in tc.iter(f"{W}t")))
    }
    return sorted(r for r in ranges if not any(plain(r) in line for line in lines))


def cell_tokens(docx: Path) -> list[list[str]]:
    """The words and numbers of every table cell of the DOCX, one list per cell (word joiners left out)."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    found = []
    for tc in root.iter(f"{W}tc"):
        text = " ".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.iter(f"{W}p"))
        found.append(unicodedata.normalize("NFC", text.replace("\u2060", "")).split())
    return found


def split_tokens(docx: Path, text: str, keep=lambda token: True) -> list[str]:  # noqa: ANN001
    """The cell tokens (those ``keep`` picks) that do not appear whole in the rendered text.

    A token split across two lines is two tokens there; a token counts as whole when it is part of one
    rendered token (pdftotext may run two adjacent cells together, "chọnLý", which breaks nothing).
    """
    rendered = set(text.split())
    joined = "\n".join(rendered)
    missing = []
    for token in {t for cell in cell_tokens(docx) for t in cell if keep(t)}:
        if token not in rendered and token not in joined:
            missing.append(token)
    return sorted(missing)


needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or pdftotext is not installed; .ci/run installs libreoffice-writer-nogui "
    "and poppler-utils",
)


@needs_soffice
def test_libreoffice_renders_a_wide_table_with_no_word_or_number_split(tmp_path: Path) -> None:
    # Issue 15's Table 2: nine columns, long labels and numbers; each token unique, so "whole" means unbroken.
    rows = [
        [
            f"Poverty{k}",
            f"Tỷ lệ hộ nghèo – Huyện A Lưới{k} (Domain{k})",
            f"Chỉ tiêu (KH {121 + k}/KH-UBND)",
            f"{781 + k},965",
            f"{22 + k}.762",
            f"{116 + k},25",
            f"-0,{27 + k}",
            f"Đạt{k} {16 + k}.500–{17 + k}.000",
            f"Không{k} (another{k}) 2,{k} - 2,{k + 2}%",
        ]
        for k in range(60)  # more than a page: the header row repeats
    ]
    html = (
        "<html><body><table><thead><tr>"
        + "".join(f"<th>{h}</th>" for h in HEADER)
        + "</tr></thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        + "</tbody></table></body></html>"
    )
    docx = write_docx(html, front(), [], tmp_path / "wide.docx")
    text = rendered_text(docx, tmp_path)
    # Words with a hyphen or slash may break after it, as in any text; every other token is whole.
    assert split_tokens(docx, text, keep=lambda t: not re.search(r"[-/]\D", t)) == []
    assert text.count("Tính vào") >= 2  # the header row on every page the table spans
    # Ranges of numbers ("16.500–17.000", "2,0 - 2,2%") are never broken either, en dash or spaced hyphen.
    assert len(ranges := split_ranges(docx, "")) == 120, ranges
    assert split_ranges(docx, text) == []


@needs_soffice
@pytest.mark.xdist_group("build")  # with the other tests of the built appendices (tests/build/test_build.py)
@pytest.mark.parametrize("folder", ["2023", "2023-en"])
def test_the_built_appendix_has_no_number_split_in_a_table(all_builds: Path, folder: str, tmp_path: Path) -> None:
    """The 2023 appendix's DOCX in both languages as LibreOffice renders it: every number of every table whole."""
    copy = tmp_path / "appendix.docx"
    copy.write_bytes((all_builds / folder / "appendix.docx").read_bytes())
    text = rendered_text(copy, tmp_path)
    assert split_tokens(copy, text, keep=lambda t: bool(NUMBER_RE.match(t.strip("()[];:")))) == []
    assert split_ranges(copy, text) == []


def test_a_table_too_wide_for_its_words_at_11_pt_is_set_smaller_rather_than_break_them() -> None:
    header = [
        "Socioeconomic",
        "Rehabilitation",
        "Unemployment",
        "Vocational",
        "Percentage",
        "Achievement",
        "Programmes",
    ]
    root = etree.fromstring(lay_out_tables(table_xml([header, ["1.234.567"] * len(header)])))
    sizes = {r.find(f"{W}rPr/{W}sz").get(f"{W}val") for r in root.iter(f"{W}r")}
    assert sizes in ({"20"}, {"18"})  # 10 or 9 pt, the same for the whole table
    points = int(sizes.pop()) / 2
    grid = [int(c.get(f"{W}w")) for c in root.iter(f"{W}gridCol")]
    for j, word in enumerate(header):
        assert grid[j] >= text_twips(word, points=points) + CELL_PADDING, word
    # A table that fits at 11 pt keeps the style's size: no run gets a size of its own.
    narrow = etree.fromstring(lay_out_tables(table_xml([["Chỉ tiêu", "Giá trị"], ["Số hộ nghèo", "7.540"]])))
    assert narrow.find(f".//{W}sz") is None


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("2–2,2%", "2–\u20602,2%"),
        ("16.500–17.000 người", "16.500–\u206017.000 người"),
        ("(2015–2023)", "(2015–\u20602023)"),
        ("2,0 - 2,2%. Cổng", "2,0\xa0-\u2060\xa02,2%. Cổng"),
        ("70 – 75%", "70\xa0–\u2060\xa075%"),
        ("2021-2025 (kết quả)", "2021-2025 (kết quả)"),  # no break there already: unchanged, still searchable
        ("KH 121/KH-UBND", "KH 121/KH-UBND"),
        ("a - b", "a - b"),
    ],
)
def test_a_range_of_numbers_is_joined_and_measured_as_one_number(text: str, joined: str) -> None:
    assert join_ranges(text) == joined
    assert join_ranges(joined) == joined
    assert text_twips("16.500–\u206017.000") == text_twips("16.500–17.000")  # a word joiner has no width
