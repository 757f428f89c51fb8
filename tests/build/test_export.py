"""Unit tests of the exports: the Excel workbook (reproducible bytes) and the PDF."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpers.build.assemble import Caption
from helpers.build.export import FIXED_ZIP_TIME, normalise_zip, write_pdf
from helpers.build.workbook import sheet_names, write_xlsx


def pdf_objects(data: bytes) -> bytes:
    """The PDF's bytes with every Flate stream decompressed (page sizes sit in compressed object streams)."""
    parts = [data]
    for match in re.finditer(rb"/FlateDecode.*?stream\r?\n(.*?)endstream", data, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompressobj().decompress(match[1]))
    return b"\n".join(parts)


def caption(number: int, name: str) -> Caption:
    return Caption("table", number, f"Bảng {number}.", name, name, f"Chú thích {number}", "Nguồn: Sở")


def test_sheet_names_are_short_unique_and_valid() -> None:
    names = sheet_names(
        [
            caption(1, "01_poverty_households_by_district_and_year"),
            caption(2, "01_poverty_households_by_district_and_year"),
            caption(3, "05_q[a]:b*c?d/e\\f"),
        ],
        "vi",
    )
    assert all(len(n) <= 31 for n in names)
    assert len({n.lower() for n in names}) == 3
    assert names[:2] == ["Bảng 1 – Chú thích 1", "Bảng 2 – Chú thích 2"]
    long = Caption("table", 29, "Bảng 29.", "x", "04_x_monthly", "Trợ cấp hằng tháng tại cộng đồng, năm 2023")
    twice = Caption("table", 29, "Bảng 29.", "x", "04_x_monthly_2", "Trợ cấp hằng tháng tại cộng đồng, năm 2022")
    assert sheet_names([long, twice], "vi") == ["Bảng 29 – Trợ cấp hằng tháng", "Bảng 29 – Trợ cấp hằng (2)"]
    assert sheet_names([Caption("table", 3, "Table 3.", "x", "01_p_jobs", "")], "en") == ["Table 3 – jobs"]
    assert not any(re.search(r"[\[\]:*?/\\]", n) for n in names)


def write_tables(folder: Path) -> list[Caption]:
    """Two tables as notebooks write them (CSV and the columns' types), with columns titled for readers."""
    import pandas as pd

    from helpers.present.report import write_table

    write_table(
        pd.DataFrame({"Chỉ tiêu": ["Hộ nghèo", "Việc làm"], "Giá trị": [2.27, 17034.0], "Ghi chú": [None, "x"]}),
        folder,
        "01_p_a",
    )
    write_table(pd.DataFrame({"Năm": [2022], "Số": [1]}), folder, "02_q_b")
    return [caption(1, "01_p_a"), caption(2, "02_q_b")]


def test_workbook_has_contents_and_one_sheet_per_table(tmp_path: Path) -> None:
    tables = write_tables(tmp_path / "tables")
    target = write_xlsx(tables, tmp_path / "tables", tmp_path / "a.xlsx", "vi", "Phụ lục 2023")
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["Mục lục", "Bảng 1 – Chú thích 1", "Bảng 2 – Chú thích 2", "Giá trị đầy đủ", "Cột"]
    contents = workbook["Mục lục"]
    assert contents["A1"].value == "Phụ lục 2023"
    assert [c.value for c in contents[4]] == ["Bảng 1.", "Chú thích 1", "Nguồn: Sở", "Bảng 1 – Chú thích 1"]
    assert (
        contents["D4"].hyperlink.location == "'Bảng 1 a'!A1"
        or "Bảng 1 – Chú thích 1" in contents["D4"].hyperlink.target
    )
    sheet = workbook["Bảng 1 – Chú thích 1"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Chỉ tiêu", "Giá trị", "Ghi chú"],
        ["Hộ nghèo", 2.27, None],
        ["Việc làm", 17034, "x"],
    ]
    english = load_workbook(write_xlsx(tables, tmp_path / "tables", tmp_path / "en.xlsx", "en", "Appendix"))
    assert english.sheetnames == [
        "Contents",
        "Table 1 – Chú thích 1",
        "Table 2 – Chú thích 2",
        "Full values",
        "Columns",
    ]


def test_workbook_bytes_do_not_depend_on_the_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tables = write_tables(tmp_path / "tables")
    first = write_xlsx(
        tables, tmp_path / "tables", tmp_path / "1.xlsx", "vi", "T", stamp=datetime(2023, 12, 31)
    ).read_bytes()

    import openpyxl.writer.excel as excel

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def]
            return datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    monkeypatch.setattr(excel.datetime, "datetime", Later)
    second = write_xlsx(
        tables, tmp_path / "tables", tmp_path / "2.xlsx", "vi", "T", stamp=datetime(2023, 12, 31)
    ).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "2.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {FIXED_ZIP_TIME}
        core = z.read("docProps/core.xml").decode()
    assert "2023-12-31T00:00:00Z" in core and "2031" not in core


def test_normalise_zip_fixes_dates_and_keeps_content(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("b.txt", "bee")
        z.writestr(
            "docProps/core.xml", '<dcterms:created xsi:type="dcterms:W3CDTF">2024-02-03T04:05:06Z</dcterms:created>'
        )
        z.writestr("a.txt", "ay")
    normalise_zip(path, datetime(2020, 1, 2))
    with zipfile.ZipFile(path) as z:
        assert z.namelist() == ["b.txt", "docProps/core.xml", "a.txt"]
        assert z.read("a.txt") == b"ay"
        assert "2020-01-02T00:00:00Z" in z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {FIXED_ZIP_TIME}


MM = 72 / 25.4  # PDF points per millimetre
A4 = (210 * MM, 297 * MM)
# Nghị định 30/2020/NĐ-CP, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGINS = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_pages(pdf: Path, first: int = 1, last: int = 0) -> list[list[tuple[float, float, float, float, str]]]:
    """The words of each page with their boxes (x0, y0, x1, y1, text; points from the top left), by pdftotext."""
    args = ["pdftotext", "-bbox", "-f", str(first)] + (["-l", str(last)] if last else []) + [str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD_RE.findall(page)])
    return pages


def check_state_format(pdf: Path, first: int = 1, last: int = 0) -> list[list[tuple[float, float, float, float, str]]]:
    """Assert the page form of Nghị định 30: A4; text inside the margins; the page number alone, centred in the
    top margin, from the second page on, and none on the first. Returns the pages' words."""
    data = pdf.read_bytes()
    assert re.search(rb"/MediaBox \[\s*0 0 595\.\d+ 841\.\d+\s*\]", pdf_objects(data))
    pages = pdf_pages(pdf, first, last)
    left, right = MARGINS["left"][0] * MM, A4[0] - MARGINS["right"][0] * MM
    top, bottom = MARGINS["top"][0] * MM, A4[1] - MARGINS["bottom"][0] * MM
    centre = (left + right) / 2
    for number, words in enumerate(pages, start=first):
        assert words, f"page {number} is empty"
        in_top_margin = [w for w in words if w[3] <= top + 0.5]
        if number == 1:
            assert in_top_margin == [], f"page 1 has {in_top_margin} in its top margin"
        else:
            assert [w[4] for w in in_top_margin] == [str(number)], f"page {number}: {in_top_margin}"
            x0, _, x1, _, _ = in_top_margin[0]
            assert abs((x0 + x1) / 2 - centre) < 2, f"page {number}'s number is not centred"
        for x0, y0, x1, y1, word in words:
            if (x0, y0, x1, y1, word) in in_top_margin:
                continue
            assert x0 >= left - 0.5 and x1 <= right + 0.5, f"page {number}: '{word}' at x {x0:.1f}–{x1:.1f} pt"
            assert y0 >= top - 0.5 and y1 <= bottom + 0.5, f"page {number}: '{word}' at y {y0:.1f}–{y1:.1f} pt"
    return pages


def pdf_font_names(pdf: Path) -> set[str]:
    """The embedded fonts' names without the subset prefix, by pdffonts."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert all(row[-5] == "yes" for row in rows), out  # embedded
    return {row[0].split("+")[-1] for row in rows}


def test_pdf_is_a4_in_the_state_format_with_vietnamese_text_in_tinos(tmp_path: Path) -> None:
    from helpers.build.assemble import stylesheet

    body = "".join(
        f"<p>Đoạn {i}: Tỷ lệ hộ nghèo giảm, người có công được thăm hỏi, <strong>ự</strong> <em>ỹ</em>.</p>"
        for i in range(150)
    )
    doc = (
        '<!DOCTYPE html><html lang="vi"><head><meta '
        f'charset="utf-8"><style>{stylesheet("vi")}</style></head><body>{body}</body></html>'
    )
    pdf = write_pdf(doc, tmp_path / "a.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert write_pdf(doc, tmp_path / "b.pdf").read_bytes() == data  # same HTML, same bytes
    assert re.search(rb"/BaseFont /[A-Z]+\+Tinos", pdf_objects(data))
    if not (shutil.which("pdftotext") and shutil.which("pdffonts")):
        pytest.skip("poppler-utils (pdftotext, pdffonts) is not installed")
    assert pdf_font_names(pdf) == {"Tinos", "Tinos-Bold", "Tinos-Italic"}
    pages = check_state_format(pdf)
    assert len(pages) >= 3
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Tỷ lệ hộ nghèo giảm, người có công được thăm hỏi" in text
    # Body 13 pt: a line of text is about 13 pt high in the word boxes.
    heights = [w[3] - w[1] for w in pages[0]]
    assert 13 <= min(heights) <= 16


def test_pdf_prints_charts_from_their_svg_files_as_vectors(tmp_path: Path) -> None:
    import base64

    import pandas as pd

    from helpers.present import charts

    fig = charts.bar_chart(
        pd.DataFrame({"category": ["a", "b", "c"], "value": [1.0, 2.0, 3.0]}),
        title="T",
        x_label="x",
        source="S",
        lang="vi",
    )
    png, _svg = charts.save_figure(fig, tmp_path / "figures", "01_p_chart")
    uri = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode("ascii")

    def doc(src: str) -> str:
        return (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>'
            f'<figure class="appendix-figure" id="01_p_chart" data-name="01_p_chart"><img alt="a" src="{src}"/>'
            "<figcaption>Hình 1</figcaption></figure></body></html>"
        )

    # The document composed for print points at the SVG file (helpers.build.assemble.Appendix.with_figures).
    vector = pdf_objects(write_pdf(doc("figures/01_p_chart.svg"), tmp_path / "v.pdf", base_url=tmp_path).read_bytes())
    raster = pdf_objects(write_pdf(doc(uri), tmp_path / "r.pdf").read_bytes())
    assert b"/Subtype /Image" in raster and b"/Subtype /Image" not in vector


def test_the_pdf_prints_the_charts_copy_with_its_text_kept_as_text_in_the_charts_font(tmp_path: Path) -> None:
    """The PDF's copy of a chart (PRINT_SVG_DIR) holds its words as text, which the PDF sets in the charts' own
    font from matplotlib's files; figures/<name>.svg keeps the outlines (Word, SVG viewers)."""

    import pandas as pd

    from helpers.present import charts
    from helpers.present.handoff import PRINT_SVG_DIR

    fig = charts.bar_chart(
        pd.DataFrame({"category": ["Huyện A Lưới", "Thành phố Huế"], "value": [781965.0, 22762.0]}),
        title="Người được trợ giúp",
        x_label="người",
        source="Sở",
        lang="vi",
    )
    png, outlined, printed = charts.save_figure(
        fig, tmp_path / "figures", "01_p_chart", print_folder=tmp_path / PRINT_SVG_DIR
    )
    assert printed == tmp_path / PRINT_SVG_DIR / "01_p_chart.svg"
    assert "<text" not in outlined.read_text(encoding="utf-8")
    assert ">Huyện A Lưới</text>" in printed.read_text(encoding="utf-8")
    # The document composed for print names the copy (Appendix.with_figures("print")); its words stay text.
    doc = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>'
        '<figure class="appendix-figure" id="01_p_chart" data-name="01_p_chart">'
        f'<img alt="a" src="{PRINT_SVG_DIR}/01_p_chart.svg"/>'
        "<figcaption>Hình 1</figcaption></figure></body></html>"
    )
    data = write_pdf(doc, tmp_path / "a.pdf", base_url=tmp_path).read_bytes()
    assert write_pdf(doc, tmp_path / "b.pdf", base_url=tmp_path).read_bytes() == data  # same bytes
    objects = pdf_objects(data)
    assert b"/Subtype /Image" not in objects
    assert re.search(rb"/BaseFont /[A-Z]+\+DejaVu-?Sans", objects)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True).stdout
        assert "Huyện A Lưới" in text and "781.965" in text
