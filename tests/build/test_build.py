"""End-to-end tests of the appendix build (``python -m helpers build``).

The expensive builds run once per session (session-scoped fixtures, outputs
under a temporary folder) and their tests share one xdist group, so that
``pytest -n 2 --dist loadgroup`` runs them on one worker with the fixtures
built once:

* every year with data in both languages (this is also the check that every
  notebook runs through papermill for every year and language);
* a second build of 2023 (vi), to show that two builds give the same bytes.

The failure, interruption and refusal tests use tiny notebooks written in
``tmp_path``.
"""

from __future__ import annotations

import csv
import html
import re
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from openpyxl import load_workbook

from helpers import cli
from helpers.build import export
from helpers.build import publish as build_module
from helpers.build.columns import column, is_code_name
from helpers.build.execute import find_notebooks
from helpers.build.failures import BuildFailed
from helpers.build.pdf_worker import PdfWorker
from helpers.build.publish import build
from helpers.data.loading import available_years
from helpers.paths import notebooks_dir

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
YEARS = available_years()
LANGS = ("vi", "en")
BUILD = pytest.mark.xdist_group("build")


def folder_name(year: int, lang: str) -> str:
    return str(year) if lang == "vi" else f"{year}-{lang}"


# Session builds -------------------------------------------------------------


# all_builds (every year with data, in both languages) is in conftest.py: the back-tests read it too.


@pytest.fixture(scope="session")
def second_2023(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2023 Vietnamese appendix built a second time, into another folder."""
    root = tmp_path_factory.mktemp("outputs-again")
    (folder,) = build([2023], "vi", outputs_dir=root, progress=False)
    return folder


# Tiny notebooks ---------------------------------------------------------------

PARAMETERS = 'year = 2023\nlang = "vi"\noutput_dir = ""\nas_of = ""'  # as the real notebooks declare them


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook like the real ones: a tagged parameters cell, then ``cells``."""
    notebook = new_notebook(
        cells=[new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}), new_markdown_cell("Ghi chú.")]
        + [new_code_cell(c) for c in cells],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(notebook, str(path))
    return path


def good_notebook(path: Path) -> Path:
    return write_notebook(
        path,
        [
            # The overview's texts (a report's words come only from the package's text files); the sentence and
            # the caption are given as already in the run's language, as a notebook may.
            "from helpers.present.report import Report\nimport pandas as pd\n"
            'rep = Report("00_overview", year, lang, output_dir)',
            'rep.section("title", level=1)',
            'rep.findings(["Câu phát hiện có dấu & ký tự <b>."])',
            'raw = pd.DataFrame({"Chỉ tiêu": ["Hộ nghèo"], "Giá trị": [2.27]})\n'
            'rep.table(raw.astype(str), "tiny", "Bảng nhỏ", ["sldtbxh_2023_report"], raw=raw)',
        ],
    )


@pytest.fixture
def tiny_notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "notebooks"
    folder.mkdir()
    good_notebook(folder / "00_tiny.ipynb")
    return folder


@pytest.fixture
def outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty outputs folder, also set as $APPENDIX_OUTPUTS_DIR for the command line."""
    root = tmp_path / "outputs"
    monkeypatch.setenv("APPENDIX_OUTPUTS_DIR", str(root))
    return root


# Browser ----------------------------------------------------------------------


def open_in_browser(html_file: Path, screenshot: Path, chromium: str | None) -> dict:
    """Open the appendix in headless Chromium (``chromium``: conftest's fixture); report errors, requests,
    broken anchors and images."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(html_file.as_uri(), wait_until="load")
            anchors = page.eval_on_selector_all("nav.toc a", "els => els.map(a => a.getAttribute('href'))")
            unresolved = page.evaluate(
                "hrefs => hrefs.filter(h => !h.startsWith('#') || !document.getElementById(h.slice(1)))", anchors
            )
            images = page.evaluate(
                "() => Array.from(document.querySelectorAll('figure.appendix-figure img'))"
                ".map(i => ({complete: i.complete, width: i.naturalWidth}))"
            )
            page.screenshot(path=str(screenshot), full_page=False)
        finally:
            browser.close()
    return {"errors": errors, "requests": requests, "anchors": anchors, "unresolved": unresolved, "images": images}


# Tests on the session builds ----------------------------------------------------


@BUILD
def test_every_notebook_runs_for_every_year_and_language(all_builds: Path) -> None:
    names = [nb.name for nb in find_notebooks(notebooks_dir())]
    for lang in LANGS:
        for year in YEARS:
            folder = all_builds / folder_name(year, lang)
            for part in ("appendix.html", "appendix.pdf", "appendix.docx", "appendix.xlsx", "annex.html", "annex.pdf"):
                assert (folder / part).stat().st_size > 0, f"{folder.name}/{part}"
            assert sorted(p.name for p in (folder / "notebooks").glob("*.ipynb")) == names
            executed = nbformat.read(str(folder / "notebooks" / names[0]), as_version=4)
            parameters = executed.metadata.papermill.parameters
            assert (parameters["year"], parameters["lang"]) == (year, lang)
    leftovers = [p.name for p in all_builds.iterdir() if p.name.startswith(".")]
    assert leftovers == []


@BUILD
@pytest.mark.parametrize("year", [2023, 2019])
def test_html_opens_in_a_browser(all_builds: Path, year: int, tmp_path: Path, chromium: str | None) -> None:
    html_file = all_builds / str(year) / "appendix.html"
    result = open_in_browser(html_file, tmp_path / f"appendix-{year}.png", chromium)
    assert result["errors"] == []
    assert all(u.startswith(("file:", "data:")) for u in result["requests"]), result["requests"]
    assert len(result["anchors"]) >= 4 and result["unresolved"] == []
    assert all(i["complete"] and i["width"] > 0 for i in result["images"]), result["images"]
    assert (tmp_path / f"appendix-{year}.png").stat().st_size > 10_000


@BUILD
@pytest.mark.parametrize("year", [2023, 2019])
def test_html_is_one_self_contained_file(all_builds: Path, year: int) -> None:
    text = (all_builds / str(year) / "appendix.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="vi">' in text
    assert f"Phụ lục phân tích kết quả công tác lao động, người có công và xã hội năm {year}" in text
    assert "TỈNH THỪA THIÊN HUẾ" in text and f"data/figures/{year}.csv" not in text  # the files are the annex's
    annex = (all_builds / str(year) / "annex.html").read_text(encoding="utf-8")
    assert f"data/figures/{year}.csv" in annex and 'id="methods"' in annex and 'id="sources"' in annex
    # The data checks are the annex's part, not the official appendix's (issue 16).
    assert 'data-notebook="05_data_quality"' in annex and 'data-notebook="05_data_quality"' not in text
    assert 'data-notebook="00_overview"' in text and 'data-notebook="00_overview"' not in annex
    # No external resource: no stylesheet or script files, images only as data URIs.
    assert not re.search(r"<(script|link)\b[^>]*\b(src|href)=\"(?!data:)", text)
    assert not re.search(r"<img\b[^>]*\bsrc=\"(?!data:image/png;base64,)", text)
    assert "@import" not in text and "url(http" not in text
    # Code never reaches the appendix; every caption label is filled.
    assert "from helpers" not in text and "rep = Report" not in text
    assert '<span class="caption-label"></span>' not in text
    for part in ('id="contents"', 'id="key-findings"', 'id="sources"', 'id="methods"'):
        assert part in text
    assert "Ghi chú phương pháp" in text and "chuẩn nghèo" in text


@BUILD
def test_figures_and_tables_are_numbered_in_order_with_their_files(all_builds: Path) -> None:
    folder = all_builds / "2023"
    text = (folder / "appendix.html").read_text(encoding="utf-8")
    figures = re.findall(r'<span class="caption-label">Hình (\d+)\. </span>', text)
    tables = re.findall(r'<span class="caption-label">Bảng (\d+)\. </span>', text)
    assert figures and figures == [str(i) for i in range(1, len(figures) + 1)]
    assert tables and tables == [str(i) for i in range(1, len(tables) + 1)]
    names = re.findall(r'<figure class="appendix-figure" id="[^"]*" data-name="([^"]+)"', text)
    for name in names:
        assert (folder / "figures" / f"{name}.png").stat().st_size > 0
        assert (folder / "figures" / f"{name}.svg").stat().st_size > 0
    table_names = re.findall(r'<div class="appendix-table-block" id="[^"]*" data-name="([^"]+)"', text)
    annex = (folder / "annex.html").read_text(encoding="utf-8")
    annex_tables = re.findall(r'<div class="appendix-table-block" id="[^"]*" data-name="([^"]+)"', annex)
    assert annex_tables and not set(annex_tables) & set(table_names)  # the data checks are the annex's alone
    assert sorted(p.stem for p in (folder / "tables").glob("*.csv")) == sorted(table_names + annex_tables)


@BUILD
def test_workbook_holds_every_table(all_builds: Path) -> None:
    from helpers.build.workbook import with_printed

    folder = all_builds / "2023"
    workbook = load_workbook(folder / "appendix.xlsx")
    shown = re.findall(r'data-name="([^"]+)"', (folder / "appendix.html").read_text(encoding="utf-8"))
    csvs = sorted(p for p in (folder / "tables").glob("*.csv") if p.stem in shown)  # the official appendix's
    assert workbook.sheetnames[0] == "Mục lục"
    assert workbook.sheetnames[-3:] == ["Như trong phụ lục", "Giá trị đầy đủ", "Cột"]
    assert len(workbook.sheetnames) == len(csvs) + 4
    assert len(set(n.lower() for n in workbook.sheetnames)) == len(workbook.sheetnames)
    assert all(len(n) <= 31 for n in workbook.sheetnames)
    # Each sheet has its CSV's columns under the readers' titles, never the code names.
    # (a table of reported values without their print gains the print beside each value: workbook.with_printed)
    heads = [with_printed([next(csv.reader(p.open(encoding="utf-8")))], {})[0] for p in csvs]
    headers = {tuple(column(h).heading("vi") for h in head) for head in heads}
    sheet_headers = {tuple(c.value for c in ws[1]) for ws in workbook.worksheets[1:-3]}
    assert sheet_headers == headers
    assert not [h for hs in sheet_headers for h in hs if is_code_name(h)]
    contents = [row for row in workbook["Mục lục"].iter_rows(min_row=4, values_only=True)]
    assert [r[0] for r in contents] == [f"Bảng {i}." for i in range(1, len(csvs) + 1)]


def table_of_sheet(folder: Path) -> dict[str, str]:
    """Each table sheet's CSV name: the workbook names a sheet after its table's number and caption ("Bảng 4 – …"),
    the tables numbered in the appendix's order."""
    text = (folder / "appendix.html").read_text(encoding="utf-8")
    names = re.findall(r'<div class="appendix-table-block" id="[^"]*" data-name="([^"]+)"', text)
    numbered = {}
    for title in load_workbook(folder / "appendix.xlsx", read_only=True).sheetnames:
        found = re.match(r"^\S+ (\d+)(?: – |$)", title)
        if found:
            numbered[title] = names[int(found[1]) - 1]
    return numbered


@BUILD
def test_workbook_keeps_printed_figures_as_text_and_has_no_formula(all_builds: Path) -> None:
    folder = all_builds / "2023"
    workbook = load_workbook(folder / "appendix.xlsx")
    printed = 0
    for sheet_name, table in table_of_sheet(folder).items():
        rows = list(csv.reader((folder / "tables" / f"{table}.csv").open(encoding="utf-8")))
        sheet = [[c.value for c in r] for r in workbook[sheet_name].iter_rows()]
        for j, header in enumerate(rows[0]):
            if column(header).kind == "printed":
                cells = [(r[j], s[j]) for r, s in zip(rows[1:], sheet[1:], strict=False) if r[j]]
                assert all(shown == raw for raw, shown in cells), (table, header, cells)
                printed += len(cells)
    assert printed >= 62  # the issue counted 62 printed figures Excel used to read as numbers
    assert [c.coordinate for ws in workbook.worksheets for r in ws.iter_rows() for c in r if c.data_type == "f"] == []


@BUILD
def test_tables_write_whole_numbers_whole(all_builds: Path) -> None:
    for path in (all_builds / "2023").glob("tables/*.csv"):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            assert not re.search(r"(^|,)-?\d+\.0(,|$)", line), (path.name, line)
    credit = (all_builds / "2023" / "tables" / "01_poverty_credit.csv").read_text(encoding="utf-8")
    assert "poor,Hộ nghèo,1480,73607," in credit


@BUILD
def test_pdf_is_in_the_state_format_with_page_numbers_and_diacritics(all_builds: Path) -> None:
    import shutil
    import subprocess

    pdf = all_builds / "2023" / "appendix.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    from tests.build.test_export import check_state_format, pdf_font_names, pdf_objects

    assert re.search(rb"/MediaBox \[\s*0 0 595\.\d+ 841\.\d+\s*\]", pdf_objects(data))
    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "3", str(pdf), "-"], capture_output=True, text=True).stdout
        text = " ".join(text.split())
        assert (
            "Phụ lục PHÂN TÍCH SỐ LIỆU KẾT QUẢ CÔNG TÁC LAO ĐỘNG, NGƯỜI CÓ CÔNG VÀ XÃ HỘI TỈNH THỪA THIÊN HUẾ" in text
        )
        assert (
            "(Kèm theo Báo cáo số …/BC-SLĐTBXH ngày … tháng 12 năm 2023 của Sở Lao động – Thương binh và Xã hội tỉnh "
            "Thừa Thiên Huế)"
        ) in text
        # The text in Tinos; the charts' words, kept as text (helpers.present.handoff.PRINT_SVG_DIR), in their own
        # DejaVu Sans, from matplotlib's files: no other font.
        fonts = pdf_font_names(pdf)
        assert {"DejaVu-Sans", "DejaVu-Sans-Bold"} <= fonts
        assert fonts <= {"Tinos", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"} | {
            "DejaVu-Sans",
            "DejaVu-Sans-Bold",
            "DejaVu-Sans-Oblique",
            "DejaVu-Sans-BoldOblique",
        }
        # Every page: A4, text inside the decree's margins, the page number alone at the top centre from page 2.
        pages = check_state_format(pdf)
        first = " ".join(w[4] for w in pages[0])
        # the cover of a phụ lục (Nghị định 30/2020): no file count, file name or checksum, no second "Năm 2023"
        assert "tệp số liệu" not in first and "figures/2023.csv" not in first and "Năm 2023" not in first
        assert not re.search(r"\b[0-9a-f]{12}\b", first) and "CỘNG HÒA" not in first
        for number, page in enumerate(pages[1:], start=2):
            body = [w[4] for w in page if w[4] != str(number) or w[1] > 60]
            assert body, f"page {number} holds only its number"
            # A source line stays with its table: no page begins with one.
            assert body[0] not in ("Nguồn:", "Source:"), f"page {number} begins with a source line"
        # The headline indicators are one page: their heading, table and trend lines (Bảng 1, Hình 1), then the
        # key findings begin the next page.
        texts = [" ".join(w[4] for w in page) for page in pages]
        front = next(i for i, t in enumerate(texts) if "Các chỉ tiêu chính năm 2023 Bảng 1." in t)
        assert "Hình 1." in texts[front] and "Bảng 2." not in texts[front]
        assert texts[front + 1].split()[1:4] == ["Những", "phát", "hiện"]  # after the page number
        # The methods note, last, begins a page of its own and takes at most two (issue 16).
        note = max(i for i, t in enumerate(texts) if t.split()[1:5] == ["Ghi", "chú", "phương", "pháp"])
        assert len(texts) - note <= 2
        check_state_format(all_builds / "2023" / "annex.pdf")  # the technical annex in the same page form


@BUILD
def test_docx_holds_the_whole_appendix(all_builds: Path) -> None:
    import xml.etree.ElementTree as ET

    from tests.build.test_word import BLIP, W, paragraphs

    folder = all_builds / "2023"
    html_text = (folder / "appendix.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(folder / "appendix.docx") as archive:
        body = ET.fromstring(archive.read("word/document.xml"))
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    figures = re.findall(r'<span class="caption-label">(Hình \d+\.) </span>', html_text)
    tables = re.findall(r'<span class="caption-label">(Bảng \d+\.) </span>', html_text)
    assert [c.split(" ", 2)[0] + " " + c.split(" ", 2)[1] for c in paragraphs(body, "ImageCaption")] == figures
    assert [c.split(" ", 2)[0] + " " + c.split(" ", 2)[1] for c in paragraphs(body, "TableCaption")] == tables
    assert len(paragraphs(body, "TableSource")) == len(tables)
    # each figure a PNG with its SVG beside it (Office's svgBlip), so that Word prints vectors
    pngs, svgs = [n for n in media if n.endswith(".png")], [n for n in media if n.endswith(".svg")]
    assert len(list(body.iter(BLIP))) == len(figures) == len(pngs) == len(svgs) and len(media) == 2 * len(figures)
    assert len(body.findall(f".//{W}tbl")) == len(tables)  # the cover has no head table, the note no file table
    heading_1 = paragraphs(body, "Heading1")
    # The first page (the headline indicators) comes before the key findings, as in the HTML and the PDF.
    assert heading_1[:2] == ["Các chỉ tiêu chính năm 2023", "Những phát hiện chính"]
    assert heading_1[-2:] == ["Nguồn số liệu", "Ghi chú phương pháp"]
    assert "Phụ lục phân tích" not in " ".join(paragraphs(body, "Title"))  # no second title from <title>


@BUILD
def test_english_build_is_in_english_beside_the_vietnamese_one(all_builds: Path) -> None:
    text = (all_builds / "2023-en" / "appendix.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in text
    assert "Analytical appendix" in text and "Contents" in text and "Methods note" in text
    annex = (all_builds / "2023-en" / "annex.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in annex and "TECHNICAL ANNEX" in annex and ">Full method</a>" in annex
    assert 'data-notebook="05_data_quality"' in annex and "SHA-256" in annex
    assert "Mục lục" not in text and "Ghi chú phương pháp" not in text
    assert re.search(r'<span class="caption-label">Figure 1\. </span>', text)
    assert re.search(r'<span class="caption-label">Table 1\. </span>', text)
    assert load_workbook(all_builds / "2023-en" / "appendix.xlsx").sheetnames[0] == "Contents"
    assert '<html lang="vi">' in (all_builds / "2023" / "appendix.html").read_text(encoding="utf-8")


# Common English words that are no Vietnamese word: one in the Vietnamese appendix's own text is an English sentence.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|where|which|whereas|of|is|are|was|were|for|from|this|that|since|would|each|has|have|not|"
    r"per|against|printed|read|about|above|below|under|over|goal|target|plan|figures?|sources?|million|persons|"
    r"households?|people|none|only|also|between|than|comma|decimal)\b",
    re.IGNORECASE,
)
# What a source gives in its own words: the titles and addresses of the sources, file names.
QUOTED = re.compile(
    r"<cite>.*?</cite>|<span class=\"source-url\">.*?</span>|<code>.*?</code>|<style.*?</style>|<script.*?</script>",
    re.DOTALL,
)


def english_in_vietnamese(html_text: str) -> list[str]:
    """The English words in the text a reader of a Vietnamese appendix sees, sources' titles and addresses apart."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", QUOTED.sub(" ", html_text)))
    text = re.sub(r"\S*/\S*", " ", text)  # file names and addresses (data/figures/2023.csv), not words
    return sorted({m.group(0) for m in ENGLISH_WORDS.finditer(text)})


def test_english_words_are_found_in_vietnamese_text_but_not_in_sources_titles() -> None:
    assert english_in_vietnamese("<p>Lý do: printed with a comma where the dot belongs</p>") == [
        "comma",
        "printed",
        "the",
        "where",
        "with",
    ]
    assert english_in_vietnamese("<li><cite>Sending workers abroad for the poor</cite>. vietnam.vn.</li>") == []
    assert english_in_vietnamese('<span class="source-url"><a href="x">https://a.vn/the-plan</a></span>') == []
    assert english_in_vietnamese("<p>8 tệp số liệu: data/figures/2023.csv.</p>") == []


@BUILD
@pytest.mark.parametrize("year", YEARS)
def test_the_vietnamese_appendix_holds_no_english_sentence(all_builds: Path, year: int) -> None:
    assert english_in_vietnamese((all_builds / str(year) / "appendix.html").read_text(encoding="utf-8")) == []


@BUILD
def test_two_builds_are_byte_identical(all_builds: Path, second_2023: Path) -> None:
    first = all_builds / "2023"
    parts = ["appendix.html", "appendix.xlsx", "appendix.docx", "appendix.pdf", "annex.html", "annex.pdf"]
    parts.append("tables/README.md")
    for part in [
        *parts,
        *(f"tables/{p.name}" for p in (first / "tables").glob("*.csv")),
        *(f"tables/{p.name}" for p in (first / "tables").glob("*.json")),
        *(f"notebooks/{p.name}" for p in (first / "notebooks").glob("*.ipynb")),
        *(f"record/{p.name}" for p in (first / "record").glob("*.jsonl")),
    ]:
        assert (first / part).read_bytes() == (second_2023 / part).read_bytes(), part
    for office in ("appendix.xlsx", "appendix.docx"):
        with zipfile.ZipFile(second_2023 / office) as z:
            assert {i.date_time for i in z.infolist()} == {export.FIXED_ZIP_TIME}


@BUILD
def test_no_clock_time_in_the_html(all_builds: Path) -> None:
    import datetime

    text = (all_builds / "2023" / "appendix.html").read_text(encoding="utf-8")
    today = datetime.date.today()
    for shown in (today.isoformat(), today.strftime("%d/%m/%Y"), "papermill", "start_time"):
        assert shown not in text


# Failures, interruptions, refusals ------------------------------------------------


@BUILD
def test_a_failing_notebook_leaves_the_previous_appendix_and_says_where(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 0
    before = (outputs / "2023" / "appendix.html").read_bytes()
    write_notebook(tiny_notebooks / "01_boom.ipynb", ["x = 1", "values = {}\nvalues['missing']"])
    capsys.readouterr()

    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks), "--jobs", "2"]) == 1
    message = capsys.readouterr().err.splitlines()
    message = [line for line in message if line.strip() and "Notebooks" not in line]
    assert message[0].startswith("error: The appendix for 2023, vi was not built") and "is unchanged" in message[0]
    assert "notebook 01_boom (2023, vi) failed" in message[1]
    assert "in cell 4, In [" in message[2] and "values = {}" in message[2]
    assert "KeyError: 'missing'" in message[3]
    kept = outputs / ".failed" / "2023" / "01_boom.ipynb"
    assert str(kept) in message[4] and kept.exists()
    assert (outputs / "2023" / "appendix.html").read_bytes() == before
    assert sorted(p.name for p in outputs.iterdir()) == [".failed", "2023"]

    (tiny_notebooks / "01_boom.ipynb").unlink()
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 0
    assert not (outputs / ".failed").exists()


@BUILD
def test_an_interrupted_build_leaves_the_previous_appendix(
    tiny_notebooks: Path, outputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    before = (outputs / "2023" / "appendix.html").read_bytes()

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    # Interrupted while the PDF worker renders (helpers.build.pdf_worker): the worker is stopped too.
    workers: list[PdfWorker] = []

    class Recorded(PdfWorker):
        def __init__(self) -> None:
            super().__init__()
            workers.append(self)

    monkeypatch.setattr(build_module, "PdfWorker", Recorded)
    monkeypatch.setattr(build_module.word, "write_docx", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([2023, 2019], "vi", notebooks_dir=tiny_notebooks, progress=False)
    assert (outputs / "2023" / "appendix.html").read_bytes() == before
    assert sorted(p.name for p in outputs.iterdir()) == ["2023"]
    assert len(workers) == 1 and workers[0]._process.poll() is not None


@BUILD
def test_refresh_notebooks_runs_them_in_place_with_their_defaults(tiny_notebooks: Path) -> None:
    assert cli.main(["refresh-notebooks", "--notebooks-dir", str(tiny_notebooks)]) == 0
    notebook = nbformat.read(str(tiny_notebooks / "00_tiny.ipynb"), as_version=4)
    tags = [c.metadata.get("tags", []) for c in notebook.cells]
    assert not any("injected-parameters" in t for t in tags)
    # Paths by name, not by the folder it ran in: the committed notebooks are the same from every clone.
    assert notebook.metadata.papermill.input_path == notebook.metadata.papermill.output_path == "00_tiny.ipynb"
    shown = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert any("appendix-table-block" in o.get("data", {}).get("text/html", "") for o in shown)


def test_a_year_without_data_is_refused(outputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["build", "--year", "2017"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: There is no figures file for 2017")
    assert "years with data: " + ", ".join(str(y) for y in YEARS) in err
    assert len(err.splitlines()) == 1
    assert not outputs.exists()


def test_an_unknown_language_is_refused(outputs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["build", "--lang", "fr"]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.replace("'", "") == "phu-luc build: error: argument --lang: invalid choice: fr (choose from vi, en)"
    assert not outputs.exists()


def test_the_library_refuses_before_running_anything(outputs: Path) -> None:
    from helpers.errors import MissingYearError, UsageError

    with pytest.raises(MissingYearError):
        build([1999], "vi")
    with pytest.raises(UsageError):
        build([2023], "de")
    with pytest.raises(UsageError, match="no notebooks"):
        build([2023], "vi", notebooks_dir=outputs.parent)
    assert not outputs.exists()


def test_build_failed_lists_every_failure() -> None:
    from helpers.build.execute import NotebookFailure, NotebookJob

    job = NotebookJob(Path("nb/02_x.ipynb"), Path("out/02_x.ipynb"), {}, "2019, en")
    exc = BuildFailed(
        [NotebookFailure(job, "ValueError", "bad\nmore", cell_number=3, exec_count=2, first_line="f()")], "Head."
    )
    assert str(exc).splitlines() == [
        "Head.",
        "notebook 02_x (2019, en) failed",
        "  in cell 3, In [2]: f()",
        "  ValueError: bad",
    ]


@BUILD
def test_a_kept_kernel_shows_the_next_notebook_a_clean_namespace(tiny_notebooks: Path, tmp_path: Path) -> None:
    write_notebook(tiny_notebooks / "01_leaves.ipynb", ["leaked = 1\nimport os\nos.chdir('/')"])
    write_notebook(
        tiny_notebooks / "02_checks.ipynb",
        [
            "import os, pathlib\nassert 'leaked' not in dir(), 'state leaked between notebooks'\n"
            "assert pathlib.Path.cwd().name == 'notebooks', pathlib.Path.cwd()"
        ],
    )
    kept = build([2023], "vi", outputs_dir=tmp_path / "kept", notebooks_dir=tiny_notebooks, jobs=1, progress=False)[0]
    fresh = build(
        [2023],
        "vi",
        outputs_dir=tmp_path / "fresh",
        notebooks_dir=tiny_notebooks,
        jobs=1,
        progress=False,
        reuse_kernels=False,
    )[0]
    assert (kept / "appendix.html").read_bytes() == (fresh / "appendix.html").read_bytes()
    assert (kept / "appendix.xlsx").read_bytes() == (fresh / "appendix.xlsx").read_bytes()
    for folder in (kept, fresh):  # execution counts start again at 1 in a kept kernel
        executed = nbformat.read(str(folder / "notebooks" / "02_checks.ipynb"), as_version=4)
        assert [c.execution_count for c in executed.cells if c.cell_type == "code"] == [1, 2, 3]


# Data refused once, and the issuer from data ------------------------------------


def test_bad_data_is_reported_once_before_any_notebook_runs(
    data_copy: Path, set_cell, outputs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_cell(data_copy / "figures" / "2023.csv", 41, "kind", "forecast")
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    assert cli.main(["build", "--year", "2023"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: data/figures/2023.csv, line 41, column 'kind': expected one of: actual, estimate, plan, target, "
        "got 'forecast'.\n"
    )
    assert not outputs.exists()  # no notebook ran, nothing was kept in outputs/.failed


def test_a_year_without_a_report_row_is_refused_before_any_notebook_runs(
    data_copy: Path, outputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.errors import DataError

    path = data_copy / "reports.csv"
    path.write_text(
        "".join(r for r in path.read_text(encoding="utf-8").splitlines(keepends=True) if not r.startswith("2023,")),
        encoding="utf-8",
    )
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    with pytest.raises(DataError, match=r"^data/reports\.csv: no row for 2023"):
        build([2023], "vi", progress=False)
    assert not outputs.exists()


@pytest.mark.parametrize("text", ["0023", "23", "２０２３", "20230", "1023"])
def test_a_year_that_is_not_four_ascii_digits_is_refused(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary", "--year", text]) == 2
    assert (
        f"argument --year: expected a four-digit year such as 2023, or 'latest', got '{text}'"
        in capsys.readouterr().err
    )


def test_an_empty_figures_folder_is_named_as_such(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in (data_copy / "figures").iterdir():
        path.unlink()
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    assert cli.main(["build"]) == 2
    err = capsys.readouterr().err
    assert (
        err == "error: data/figures: the folder holds no figures file; a year's figures go in a file named YYYY.csv "
        "there.\n"
    )
    assert " 0 " not in err and "0.csv" not in err


def test_the_2025_appendix_of_the_sở_nội_vụ_builds_from_data_alone(
    data_copy: Path, outputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.data.hue_2025 import add_hue_2025

    add_hue_2025(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    (folder,) = build([2025], "vi", outputs_dir=outputs, progress=False)
    doc = (folder / "appendix.html").read_text(encoding="utf-8")
    cover = doc[doc.index('<header class="cover"') : doc.index("</header>")]
    assert "THÀNH PHỐ HUẾ NĂM 2025</h1>" in cover
    assert "(Kèm theo Báo cáo số 215/BC-SNV ngày 15 tháng 12 năm 2025 của Sở Nội vụ thành phố Huế)" in cover
    assert "Thừa Thiên Huế" not in cover and "Lao động" not in cover
    assert "data/figures/" not in doc  # the list of files is the annex's
    annex = (folder / "annex.html").read_text(encoding="utf-8")
    assert "data/figures/2025.csv" in annex[annex.index('id="methods"') :]
    assert "Sở Nội vụ thành phố Huế" in doc[doc.index('id="sources"') :]  # the report is among the cited sources
    assert "Sở LĐTBXH" not in doc
    body = doc[: doc.index('id="sources"')]  # the sources' own titles may say "toàn tỉnh"
    assert "toàn thành phố" in body and "toàn tỉnh" not in body.lower()  # a city, by reports.csv's area_kind
    assert (folder / "appendix.pdf").is_file() and (folder / "appendix.xlsx").is_file()


def test_a_2024_appendix_shows_the_poverty_rate_with_the_decimals_it_was_printed_with(
    data_copy: Path, outputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.data.year_2024 import POVERTY_RATE_PRINTED, add_2024

    add_2024(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    (folder,) = build([2024], "vi", outputs_dir=outputs, progress=False)
    doc = (folder / "appendix.html").read_text(encoding="utf-8")
    assert POVERTY_RATE_PRINTED == "1,40%"
    findings = doc[doc.index('id="key-findings"') : doc.index("</section>", doc.index('id="key-findings"'))]
    assert "xuống 1,40% (2024)" in findings  # the key finding on the poverty rate
    body = doc[doc.index("</section>", doc.index('id="key-findings"')) :]
    assert "<td>1,40%</td>" in body  # the poverty rate's table
    before_methods = doc[: doc.index('id="methods"')]  # the methods note quotes "1,4%" as what is not done
    assert not re.search(r"(?<![0-9.,])1,4%", before_methods)  # nowhere with its zero dropped
    drawn = (folder / "figures" / "01_poverty_poverty_rate_trend.svg").read_text(encoding="utf-8")
    assert "<!-- 1,40 -->" in drawn  # the chart's label
    book = load_workbook(folder / "appendix.xlsx")
    (sheet,) = [book[name] for name, table in table_of_sheet(folder).items() if table.endswith("poverty_rate_by_year")]
    assert [c.number_format for row in sheet.iter_rows() for c in row if c.value == 1.4] == ["#,##0.00"]


@BUILD
def test_a_build_names_each_phase_and_lists_what_it_wrote_in_the_formats_asked(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks), "--formats", "pdf,xlsx"]) == 0
    captured = capsys.readouterr()
    phases = [line for line in captured.err.splitlines() if line.startswith("2023, vi: ")]
    assert phases == ["2023, vi: HTML…", "2023, vi: PDF…", "2023, vi: Excel…"]
    folder = outputs / "2023"
    assert sorted(p.name for p in folder.glob("appendix.*")) == ["appendix.pdf", "appendix.xlsx"]
    assert not (folder / "tables").exists()  # csv not asked for
    listed = dict(line.split("\t") for line in captured.out.splitlines())
    pdf = next(k for k in listed if k.endswith("appendix.pdf"))
    assert re.fullmatch(r"[0-9.]+ (B|KB|MB)", listed[pdf]) and any(k.endswith("notebooks/") for k in listed)


def test_an_invented_2025_year_with_estimates_and_part_year_figures_builds_and_says_what_they_are(
    data_copy: Path, outputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # tests/data/judged_2025.py: invented figures (test fixtures), for issue 14 items 3–5.
    from tests.data.judged_2025 import add_judged_2025

    add_judged_2025(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    (folder,) = build([2025], "vi", outputs_dir=outputs, progress=False)
    doc = (folder / "appendix.html").read_text(encoding="utf-8")
    front = doc[: doc.index('id="key-findings"')]
    assert "tính đến 31/7/2025: 11.556 người" in front  # a part-year count as part-year
    assert "ước 74,5%" in front and "Ước đạt (74%)" in front  # an estimate marked and judged as everywhere
    assert "Chưa đạt (dưới 1,2%)" in front  # the year's own goal counts, not the 2021–2025 band
    assert "đạt 67,98% kế hoạch năm" in doc  # the report's percent of the year's plan, at the same cut-off
    assert "+583" not in doc  # a first-half split is never set against a first-quarter total


@BUILD
def test_the_pdf_copies_of_the_charts_are_used_and_not_published(tiny_notebooks: Path, outputs: Path) -> None:
    """A chart's PDF copy (text as text, helpers.present.handoff.PRINT_SVG_DIR) is what the PDF prints; the
    published folder keeps figures/ only."""
    from helpers.present.handoff import PRINT_SVG_DIR
    from tests.build.test_export import pdf_objects

    write_notebook(
        tiny_notebooks / "01_chart.ipynb",
        [
            "from helpers.present.report import Report\nfrom helpers.present import charts\nimport pandas as pd\n"
            'rep = Report("01_poverty", year, lang, output_dir)',
            'fig = charts.bar_chart(pd.DataFrame({"category": ["Huyện A Lưới"], "value": [3.0]}), title="T", '
            'x_label="x", source="S", lang=lang)',
            'rep.figure(fig, "tiny_chart", "Hình nhỏ")',
        ],
    )
    (folder,) = build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    assert (folder / "figures" / "01_poverty_tiny_chart.svg").is_file()
    assert not (folder / PRINT_SVG_DIR).exists()
    assert re.search(rb"/BaseFont /[A-Z]+\+DejaVu-?Sans", pdf_objects((folder / "appendix.pdf").read_bytes()))
