"""The Word appendix: real Word tables, headings and captions, embedded images, the state's page form, same bytes."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from helpers.build.assemble import compose
from helpers.build.export import FIXED_ZIP_TIME
from helpers.build.templates import make_reference_docx
from helpers.build.word import REFERENCE_DOCX, list_items_as_paragraphs, write_docx
from tests.build.test_assemble import front, sections

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"


def paragraphs(body: ET.Element, style: str) -> list[str]:
    """The text of the body's paragraphs in ``style``, in order (table cells included)."""
    found = []
    for p in body.iter(f"{W}p"):
        pstyle = p.find(f"{W}pPr/{W}pStyle")
        if pstyle is not None and pstyle.get(f"{W}val") == style:
            found.append("".join(t.text or "" for t in p.iter(f"{W}t")))
    return found


def read_docx(path: Path) -> tuple[zipfile.ZipFile, ET.Element]:
    archive = zipfile.ZipFile(path)
    return archive, ET.fromstring(archive.read("word/document.xml"))


@pytest.fixture
def docx(tmp_path: Path) -> Path:
    """A small appendix (two sections, two figures with PNG files, one table) written as DOCX."""
    figures = tmp_path / "figures"
    figures.mkdir()
    for n in (1, 3):
        buffer = io.BytesIO()
        Image.new("RGB", (40 + n, 20), (11, 95, 165)).save(buffer, format="PNG")
        (figures / f"01_p_{n}.png").write_bytes(buffer.getvalue())
    fm = replace(front(), report=replace(front().report, issued="2023-12-31"))
    appendix = compose(sections(), fm)
    return write_docx(
        appendix.with_figures("png", word=True),
        fm,
        appendix.headings,
        tmp_path / "appendix.docx",
        figures_dir=figures,
        stamp=datetime(2023, 12, 31),
    )


def test_the_document_for_word_has_no_main_and_has_words_captions(tmp_path: Path) -> None:
    out = compose(sections(), front()).with_figures("png", word=True)
    assert "<main" not in out and "</main>" not in out and '<section class="notebook"' in out
    assert 'class="cover"' not in out and '<nav class="toc"' not in out and "<style>" not in out
    assert 'src="figures/01_p_1.png"' in out and 'src="figures/01_p_3.png"' in out and "base64" not in out
    assert re.search(r"<table[^>]*>\s*<caption><strong>Bảng 1\.</strong> Bảng số 2</caption>", out)
    assert '<div data-custom-style="Table Source"><p>Nguồn: Sở &amp; Báo</p></div>' in out
    # A list item of one line becomes a paragraph (body text, not the "Compact" text of table cells); one that
    # holds a nested list is left as it is.
    one, nested = [{"t": "Plain", "c": []}], [{"t": "Plain", "c": []}, {"t": "BulletList", "c": [[{"t": "Plain"}]]}]
    blocks = list_items_as_paragraphs([{"t": "Div", "c": [["", [], []], [{"t": "BulletList", "c": [one, nested]}]]}])
    assert [[b["t"] for b in item] for item in blocks[0]["c"][1][0]["c"]] == [["Para"], ["Plain", "BulletList"]]
    assert blocks[0]["c"][1][0]["c"][1][1]["c"] == [[{"t": "Para"}]]


def test_docx_has_cover_contents_headings_captions_tables_and_images(docx: Path) -> None:
    archive, body = read_docx(docx)
    # The cover of a phụ lục (Nghị định 30/2020), as the HTML's: label, title in capitals, the report's line.
    assert paragraphs(body, "CoverTitle") == [
        "Phụ lục",
        "PHÂN TÍCH SỐ LIỆU KẾT QUẢ CÔNG TÁC LAO ĐỘNG, NGƯỜI CÓ CÔNG VÀ XÃ HỘI TỈNH THỪA THIÊN HUẾ NĂM 2023",
    ]
    assert [t for t in paragraphs(body, "CoverHead") if t] == [
        "(Kèm theo Báo cáo ngày 31 tháng 12 năm 2023 của Sở <b>A</b> tỉnh Thừa Thiên Huế)"
    ]
    assert paragraphs(body, "CoverPlaceDate") == [] and paragraphs(body, "CoverNote") == []
    assert paragraphs(body, "TOCHeading") == ["Mục lục"]
    instructions = "".join(t.text or "" for t in body.iter(f"{W}instrText"))
    assert 'TOC \\o "1-3"' in instructions
    headings = paragraphs(body, "Heading1")
    for title in (
        "Những phát hiện chính",
        "Danh mục hình",
        "Danh mục bảng",
        "Giảm nghèo",
        "Nguồn số liệu",
        "Ghi chú phương pháp",
    ):
        assert title in headings, title
    assert [t.split(".")[0] for t in paragraphs(body, "ImageCaption")] == ["Hình 1", "Hình 2"]
    assert paragraphs(body, "ImageCaption")[0] == "Hình 1. Biểu đồ 1 & chú thích"
    assert paragraphs(body, "TableCaption") == ["Bảng 1. Bảng số 2"]
    assert paragraphs(body, "TableSource") == ["Nguồn: Sở & Báo"]
    # Real Word tables: the data table alone (header row repeated on each page); the files' table is the annex's.
    tables = body.findall(f".//{W}tbl")
    assert len(tables) == 1
    data = [t for t in tables if t.find(f".//{W}tblHeader") is not None]
    assert len(data) == 1 and "".join(x.text or "" for x in data[0].iter(f"{W}t")) == "A1"
    # Images are embedded: every picture points at a media part inside the file.
    rels = ET.fromstring(archive.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    embeds = [b.get(f"{R}embed") for b in body.iter(BLIP)]
    assert len(embeds) == 2
    for rid in embeds:
        assert targets[rid].startswith("media/") and archive.read(f"word/{targets[rid]}").startswith(b"\x89PNG")
    assert not any(r.get("TargetMode") == "External" and "figures/" in (r.get("Target") or "") for r in rels)


def test_docx_has_the_state_page_form_and_times_new_roman(docx: Path) -> None:
    archive, body = read_docx(docx)
    section = body.find(f"{W}body/{W}sectPr")
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    mm = 1440 / 25.4
    assert (int(size.get(f"{W}w")), int(size.get(f"{W}h"))) == (round(210 * mm), round(297 * mm))
    expected = {"top": 20, "bottom": 20, "left": 30, "right": 15}
    assert {k: round(int(margins.get(f"{W}{k}")) / mm) for k in expected} == expected
    assert section.find(f"{W}titlePg") is not None  # no page number on the first page
    header = archive.read("word/header1.xml").decode("utf-8")
    assert "PAGE" in header and '<w:jc w:val="center" />' in header and '<w:sz w:val="26" />' in header
    styles = archive.read("word/styles.xml").decode("utf-8")
    assert 'w:ascii="Times New Roman"' in styles and "Theme" not in re.sub(r"<w:latentStyles.*?/>", "", styles)
    assert re.search(r'<w:rPrDefault>\s*<w:rPr>.*?<w:sz w:val="26" />', styles, re.S)  # 13 pt body


def test_docx_bytes_are_the_same_build_to_build(docx: Path, tmp_path: Path) -> None:
    first = docx.read_bytes()
    fm = replace(front(), report=replace(front().report, issued="2023-12-31"))
    appendix = compose(sections(), fm)
    again = write_docx(
        appendix.with_figures("png", word=True),
        fm,
        appendix.headings,
        tmp_path / "again.docx",
        figures_dir=tmp_path / "figures",
        stamp=datetime(2023, 12, 31),
    )
    assert again.read_bytes() == first
    with zipfile.ZipFile(docx) as archive:
        assert {i.date_time for i in archive.infolist()} == {FIXED_ZIP_TIME}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2023-12-31T00:00:00Z" in core and str(datetime.now().year) not in core.replace("2023-12-31", "")


def test_docx_in_english_has_english_texts(tmp_path: Path) -> None:
    fm = front("en")
    appendix = compose(sections(), fm)
    _, body = read_docx(
        write_docx(appendix.with_figures("png", word=True), fm, appendix.headings, tmp_path / "en.docx")
    )
    assert paragraphs(body, "TOCHeading") == ["Contents"]
    assert paragraphs(body, "CoverTitle")[0] == "Appendix"
    assert any(t.startswith("(Attached to the report dated") for t in paragraphs(body, "CoverHead"))
    assert paragraphs(body, "TableCaption") == ["Table 1. Bảng số 2"]


def test_reference_docx_is_what_its_script_makes(tmp_path: Path) -> None:
    assert make_reference_docx.make(tmp_path / "reference.docx").read_bytes() == REFERENCE_DOCX.read_bytes()


def test_the_contents_list_the_first_page_before_the_key_findings() -> None:
    from helpers.build.assemble import Heading
    from helpers.build.word import toc_xml

    front = Heading(1, "00_o-headline", "Các chỉ tiêu chính năm 2023")
    rest = Heading(1, "01_p-poverty", "Giảm nghèo")
    xml = toc_xml([front, rest], "vi", False, False, [front])
    body = ET.fromstring(f'<w:body xmlns:w="{W[1:-1]}">{xml}</w:body>')
    lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    lines = [line for line in lines if line]
    assert lines[:4] == ["Mục lục", "Các chỉ tiêu chính năm 2023", "Những phát hiện chính", "Giảm nghèo"]
    assert lines.count("Các chỉ tiêu chính năm 2023") == 1


def test_a_figure_with_an_svg_file_is_embedded_as_a_vector_beside_its_png(tmp_path: Path) -> None:
    figures = tmp_path / "figures"
    figures.mkdir()
    for n in (1, 3):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 20), (11, 95, 165)).save(buffer, format="PNG")
        (figures / f"01_p_{n}.png").write_bytes(buffer.getvalue())
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40pt" height="20pt"><rect width="40" height="20"/></svg>'
    (figures / "01_p_1.svg").write_text(svg, encoding="utf-8")  # 01_p_3 has a PNG only
    fm = front()
    appendix = compose(sections(), fm)
    docx = write_docx(
        appendix.with_figures("png", word=True), fm, appendix.headings, tmp_path / "a.docx", figures_dir=figures
    )
    archive, body = read_docx(docx)
    svg_blips = list(body.iter("{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"))
    assert len(svg_blips) == 1 and len(list(body.iter(BLIP))) == 2  # every picture keeps its PNG
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(archive.read("word/_rels/document.xml.rels"))}
    target = rels[svg_blips[0].get(f"{R}embed")]
    assert archive.read(f"word/{target}").decode("utf-8") == svg
    assert 'Extension="svg" ContentType="image/svg+xml"' in archive.read("[Content_Types].xml").decode("utf-8")
