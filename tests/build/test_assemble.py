"""Unit tests of the appendix's assembly: collecting outputs, findings, numbering, ids, contents, frame."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest

from helpers.build import assemble, documents
from helpers.build.assemble import Heading, Section, compose, render_items, section_of, toc_html
from helpers.build.execute import find_notebooks
from helpers.build.frontmatter import BreakNote, FrontMatter, SourceEntry, VintageFile, gather
from helpers.data.loading import ReportMeta
from helpers.errors import AppendixError
from helpers.paths import notebooks_dir
from helpers.present import record
from helpers.present.record import Findings, Paragraph, Record, RecordError, Table


def FIGURE(n: int) -> record.Figure:  # noqa: N802  (a fixture that reads as the constant it replaced)
    files = f"figures/01_p_{n}"
    return record.Figure(f"01_p_{n}", f"Biểu đồ {n} & chú thích", "a", f"{files}.svg", f"{files}.png", "iVBO")


def TABLE(n: int, rows: int = 1, columns: int = 1) -> Table:  # noqa: N802
    header = tuple("A" if k == 0 else f"h{k}" for k in range(columns))
    return Table(f"01_p_{n}", f"Bảng số {n}", "Nguồn: Sở & Báo", header, tuple(("1",) * columns for _ in range(rows)))


FINDINGS = Findings("Những phát hiện chính", ("Một <b>", "Hai"))


def H(level: int, anchor: str, text: str, part: str = "") -> record.Heading:  # noqa: N802
    return record.Heading(level, anchor, text, part)


def test_the_build_reads_each_notebook_from_its_record_beside_it(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "notebooks").mkdir()
    path = record.start_record(tmp_path, "01_p", 2023, "vi")
    for item in (H(1, "t", "T"), FINDINGS, Paragraph("Câu.")):
        record.append_item(path, item)
    section = assemble.read_section(tmp_path / "notebooks" / "01_p.ipynb")
    assert section == Section("01_p", [H(1, "t", "T"), Paragraph("Câu.")], ["Một <b>", "Hai"])
    with pytest.raises(RecordError, match=r"^The record record/02_q\.jsonl is missing: the notebook ran without"):
        assemble.read_section(tmp_path / "notebooks" / "02_q.ipynb")


def test_the_build_reads_every_record_of_the_run_in_name_order_whatever_the_notebooks_are_called(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "notebooks").mkdir()
    for name, text in (("01_p", "P"), ("00_overview", "O")):  # 00_tiny.ipynb made Report("00_overview", …)
        record.append_item(record.start_record(tmp_path, name, 2023, "vi"), H(1, name, text))
    executed = [tmp_path / "notebooks" / n for n in ("00_tiny.ipynb", "01_p.ipynb", "02_quiet.ipynb")]
    assert [p.name for p in documents.records_of(executed)] == ["00_overview.jsonl", "01_p.jsonl"]
    appendix = assemble.assemble(executed, front())
    assert [h.element_id for h in appendix.headings] == ["00_overview", "01_p"]


def test_the_findings_are_taken_out_of_the_flow() -> None:
    section = section_of(Record("01_p", 2023, "vi", (H(1, "t", "T"), FINDINGS, Paragraph("x"))))
    assert section.findings == ["Một <b>", "Hai"]
    assert section.items == [H(1, "t", "T"), Paragraph("x")]


@pytest.mark.parametrize(("lang", "figure", "table"), [("vi", "Hình", "Bảng"), ("en", "Figure", "Table")])
def test_figures_and_tables_are_numbered_in_document_order_across_runs(lang: str, figure: str, table: str) -> None:
    counts = {"figure": 0, "table": 0}
    first = render_items([FIGURE(1), TABLE(2), FIGURE(3)], lang, set(), counts)
    second = render_items([TABLE(4)], lang, set(), counts)
    labels = [c.label for c in first.captions + second.captions]
    assert labels == [f"{figure} 1.", f"{table} 1.", f"{figure} 2.", f"{table} 2."]
    assert f'<span class="caption-label">{figure} 2. </span>Biểu đồ 3 &amp; chú thích' in first.html
    captions = first.captions + second.captions
    assert [(c.kind, c.number, c.name) for c in captions] == [
        ("figure", 1, "01_p_1"),
        ("table", 1, "01_p_2"),
        ("figure", 2, "01_p_3"),
        ("table", 2, "01_p_4"),
    ]
    assert captions[0].caption == "Biểu đồ 1 & chú thích"
    assert captions[1].caption == "Bảng số 2" and captions[1].source == "Nguồn: Sở & Báo"


def test_a_repeated_id_is_renamed_and_headings_are_collected_with_their_escaped_text() -> None:
    seen = {"sources"}
    body = render_items(
        [H(1, "t", "Tiêu đề & x"), Paragraph("p"), H(3, "t", "S"), TABLE(9), H(2, "sources", "N")],
        "vi",
        seen,
        {"figure": 0, "table": 0},
    )
    assert body.headings == [Heading(1, "t", "Tiêu đề &amp; x"), Heading(3, "t-2", "S"), Heading(2, "sources-2", "N")]
    assert '<h3 id="t-2" class="appendix-heading">S</h3>' in body.html and 'id="01_p_9" data-name="01_p_9"' in body.html
    assert {"t", "t-2", "sources-2", "01_p_9"} <= seen


def test_figures_are_embedded_for_the_screen_and_by_their_files_for_print_and_word() -> None:
    sections = [Section("01_p", [H(1, "t", "T"), FIGURE(1)])]
    appendix = compose(sections, front())
    assert 'src="data:image/png;base64,iVBO"' in appendix.html
    assert appendix.with_figures("embed") == appendix.html
    svg, png = appendix.with_figures("svg"), appendix.with_figures("png")
    assert 'src="figures/01_p_1.svg"' in svg and "data:image/png" not in svg.split("</style>")[1]
    assert 'src="figures/01_p_1.png"' in png
    assert svg.replace("figures/01_p_1.svg", "") == png.replace("figures/01_p_1.png", "")
    with pytest.raises(ValueError, match="figures must be one of embed, svg, png"):
        compose(sections, front(), figures="jpeg")


def test_toc_nests_by_level_and_links_every_heading() -> None:
    headings = [
        Heading(1, "a", "A"),
        Heading(2, "a1", "A1"),
        Heading(3, "a1x", "A1x"),
        Heading(2, "a2", "A2"),
        Heading(1, "b", "B"),
    ]
    toc = toc_html(headings, "vi", has_figures=True, has_tables=False)
    hrefs = re.findall(r'href="#([^"]+)"', toc)
    assert hrefs == ["key-findings", "figures-list", "a", "a1", "a1x", "a2", "b", "sources", "methods"]
    assert toc.count("<ol>") == toc.count("</ol>") == 3
    assert toc.count("<li>") == toc.count("</li>") == 9
    assert re.search(r'<li><a href="#a">A</a><ol><li><a href="#a1">A1</a><ol><li><a href="#a1x">', toc)


def front(lang: str = "vi") -> FrontMatter:
    return FrontMatter(
        2023,
        lang,
        (VintageFile("data/figures/2023.csv", 2023, 3, "0123456789ab"),),
        (
            SourceEntry("s1", "Báo cáo <script>alert(1)</script>", "Sở & Ban", "2023-12", 'https://x.vn/a?b=1&c="2"'),
            SourceEntry("s2", "Không địa chỉ", "Báo", "", "javascript:alert(1)"),
        ),
        (BreakNote("Chuẩn nghèo mới", 2021, ("Tỷ lệ hộ nghèo",)),),
        ReportMeta(
            2023,
            "s1",
            "Sở <b>A</b> tỉnh Thừa Thiên Huế",
            "Department <b>A</b> of Thừa Thiên Huế Province",
            "Sở A",
            "TTH DA",
            "Tỉnh Thừa Thiên Huế",
            "Thừa Thiên Huế Province",
            "province",
            "Huế",
            "Huế",
            "2023-12",
        ),
    )


def sections() -> list[Section]:
    return [
        section_of(Record("01_p", 2023, "vi", (H(1, "01_p-poverty", "Giảm nghèo"), FINDINGS, FIGURE(1), TABLE(2)))),
        Section("02_q", [H(1, "01_p-poverty", "Trùng id"), FIGURE(3)]),
    ]


def test_compose_gives_one_document_with_frame_and_escaped_data() -> None:
    appendix = compose(sections(), front())
    doc = appendix.html
    assert doc.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert "Phụ lục phân tích kết quả công tác lao động, người có công và xã hội năm 2023" in doc
    assert "TỈNH THỪA THIÊN HUẾ NĂM 2023" in doc and "0123456789ab" not in doc  # the checksums are the annex's
    # The report attached to comes from data/reports.csv, escaped; no number in the data: no "số".
    assert (
        '<p class="cover-attached">(Kèm theo Báo cáo ngày … tháng 12 năm 2023 của Sở &lt;b&gt;A&lt;/b&gt; tỉnh Thừa '
        "Thiên Huế)</p>"
    ) in doc
    # Data from sources.csv is escaped, in text and in the href; only web addresses become links.
    assert "<script>" not in doc and "Báo cáo &lt;script&gt;" in doc and "Sở &amp; Ban" in doc
    assert 'href="https://x.vn/a?b=1&amp;c=&quot;2&quot;"' in doc
    assert 'href="javascript' not in doc
    # Findings moved to the front, linked to the notebook's title.
    assert doc.count("Một &lt;b&gt;") == 1 and '<a href="#01_p-poverty">Giảm nghèo</a>' in doc
    assert doc.index('id="key-findings"') < doc.index('id="section-01_p"') < doc.index('id="section-02_q"')
    # A repeated id is renamed and the contents link to the renamed one.
    assert 'id="01_p-poverty-2"' in doc and 'href="#01_p-poverty-2"' in doc
    assert [c.label for c in appendix.figures] == ["Hình 1.", "Hình 2."]
    assert [c.label for c in appendix.tables] == ["Bảng 1."]
    assert "Chuẩn nghèo mới" in doc and "Tỷ lệ hộ nghèo" in doc
    # Page numbers are bare numbers at the top (Nghị định 30); the contents' page column is headed "Trang".
    assert "@page" in doc and "@top-center { content: counter(page)" in doc and ">Trang</p>" in doc
    ids = re.findall(r'\sid="([^"]+)"', doc)
    assert len(ids) == len(set(ids))
    hrefs = [h for h in re.findall(r'href="#([^"]+)"', doc)]
    assert set(hrefs) <= set(ids)


def test_compose_in_english_has_english_fixed_texts() -> None:
    doc = compose(sections(), front("en")).html
    assert '<html lang="en">' in doc and "Contents" in doc and "Key findings" in doc and "Methods note" in doc
    assert "Figure 1. " in doc and "Table 1. " in doc and ">Page</p>" in doc
    assert (
        '<p class="cover-attached">(Attached to the report dated … December 2023 of the Department &lt;b&gt;A&lt;/b&gt;'
        " of Thừa Thiên Huế Province)</p>"
    ) in doc
    assert '<p class="cover-label">Appendix</p>' in doc and "THỪA THIÊN HUẾ PROVINCE, 2023</h1>" in doc
    for vietnamese in ("Mục lục", "Những phát hiện chính", "Ghi chú phương pháp", "Nguồn số liệu", "Hình 1"):
        assert vietnamese not in doc


def test_gather_reads_the_vintage_sources_and_breaks_of_the_real_data() -> None:
    fm = gather(2019, "en")
    assert [f.year for f in fm.vintage] == [y for y in (2015, 2016, 2018, 2019)]
    assert all(len(f.sha256) == 12 for f in fm.vintage)
    assert fm.sources and all(s.source_id for s in fm.sources)
    assert any(b.first_period == 2021 and "Poverty" in " ".join(b.names) for b in fm.breaks)
    later = gather(2023, "vi")
    assert [f.year for f in later.vintage][-1] == 2023 and len(later.sources) >= len(fm.sources)


def test_the_official_cover_is_a_phụ_lục_and_the_files_and_checksums_are_in_the_annex() -> None:
    """Issue 16: the cover of Nghị định 30/2020 for a phụ lục, nothing else; files and checksums are for analysts."""
    from helpers.build.backmatter import annex_methods_html, methods_html
    from helpers.build.frontmatter import cover_html

    fm = front()
    fm = replace(fm, report=replace(fm.report, issued="2023-12-31", number="7/BC-SA"))
    cover = cover_html(fm)
    assert cover == (
        '<header class="cover" id="cover"><p class="cover-label">Phụ lục</p>'
        '<h1 class="cover-title">PHÂN TÍCH SỐ LIỆU KẾT QUẢ CÔNG TÁC LAO ĐỘNG, NGƯỜI CÓ CÔNG VÀ XÃ HỘI TỈNH THỪA THIÊN '
        'HUẾ NĂM 2023</h1><p class="cover-attached">(Kèm theo Báo cáo số 7/BC-SA ngày 31 tháng 12 năm 2023 của '
        "Sở &lt;b&gt;A&lt;/b&gt; tỉnh Thừa Thiên Huế)</p></header>"
    )
    for gone in ("CỘNG HÒA", "Độc lập", "Năm 2023", "tệp số liệu", "SHA-256", "data/figures", "cover-province"):
        assert gone not in cover, gone
    note = methods_html(fm)
    assert "data/figures/2023.csv" not in note and "0123456789ab" not in note and "SHA-256" not in note
    method = annex_methods_html(fm)
    assert "data/figures/2023.csv" in method and "0123456789ab" in method and "SHA-256" in method
    en = front("en")
    english = cover_html(replace(en, report=replace(en.report, issued="2024-01-05", number="/BC-SA")))
    assert "(Attached to Report No. …/BC-SA dated 5 January 2024 of the Department &lt;b&gt;A&lt;/b&gt;" in english
    assert "SOCIALIST REPUBLIC" not in english


def test_the_annex_is_composed_by_the_same_assembly_with_its_own_frame() -> None:
    """The technical annex: its own cover (not attached to the report), the sources with their roles, the full method
    with files and checksums; the official appendix has the plain list and the short note."""
    fm = front()
    fm = replace(fm, sources=(replace(fm.sources[0], role="secondary"), *fm.sources[1:]))
    annex = compose(sections(), fm, documents.annex_frame(fm)).html
    official = compose(sections(), fm).html
    assert "<title>Tài liệu kỹ thuật của phụ lục phân tích số liệu năm 2023</title>" in annex
    assert '<h1 class="cover-title">TÀI LIỆU KỸ THUẬT</h1>' in annex and "Kèm theo" not in annex
    assert "0123456789ab" in annex and "0123456789ab" not in official
    assert 'class="source-role"' in annex and 'class="source-role"' not in official
    toc = annex[annex.index('id="contents"') : annex.index("</nav>")]
    assert ">Phương pháp chi tiết</a>" in toc and ">Ghi chú phương pháp</a>" not in toc
    assert ">Ghi chú phương pháp</a>" in official[official.index('id="contents"') : official.index("</nav>")]


def test_each_notebook_belongs_to_the_document_its_metadata_names(tmp_path: Path) -> None:
    def notebook(name: str, metadata: dict) -> Path:
        path = tmp_path / name
        nbformat.write(nbformat.v4.new_notebook(metadata=metadata), str(path))
        return path

    plain = notebook("01_a.ipynb", {})
    marked = notebook("05_q.ipynb", {"appendix": {"document": "annex"}})
    assert documents.split_documents([marked, plain]) == {"appendix": [plain], "annex": [marked]}
    wrong = notebook("06_w.ipynb", {"appendix": {"document": "anex"}})
    with pytest.raises(AppendixError, match=r"^06_w.ipynb: the notebook's metadata appendix.document is 'anex'"):
        documents.document_of(wrong)


def test_the_committed_notebooks_put_the_data_checks_in_the_annex_and_the_analysis_in_the_appendix() -> None:
    split = documents.split_documents(find_notebooks(notebooks_dir()))
    assert [p.stem for p in split["annex"]] == ["05_data_quality"]
    assert "00_overview" in [p.stem for p in split["appendix"]]


def test_a_source_whose_title_no_page_shows_is_said_to_be_untitled_and_copies_are_said_by_their_role() -> None:
    """Review items 37-39: source 16's title was made of its address ("amp newid=24394"); no page we hold shows its
    title, so it is empty in data/sources.csv and the list says so in the reader's language; "(bản sao)" is not
    part of a title (the role line says "copy" in each language)."""
    from helpers.build.backmatter import sources_html

    for lang, untitled in (("vi", "Bài không rõ tiêu đề"), ("en", "Article, title not known")):
        fm = gather(2023, lang)
        html = sources_html(fm)
        assert "newid=24394).</cite>" not in html and "amp newid" not in html.split('class="source-url"')[0]
        assert all("bản sao" not in s.title and "amp newid" not in s.title for s in fm.sources)
        five_year = [s for s in fm.sources if s.source_id == "baothuathienhue_2016_ke_hoach_5_nam"]
        assert [s.title for s in five_year] == [""] and f"<cite>{untitled}</cite>" in html
    assert "<cite>Bài không rõ tiêu đề</cite>" in sources_html(
        replace(front(), sources=(SourceEntry("s", "", "B", "", ""),))
    )


def test_the_cover_head_takes_place_and_date_from_the_data_and_never_the_clock() -> None:
    from helpers.build.frontmatter import Issuer, gather, issuer

    report = gather(2023, "vi").report  # data/reports.csv: issued 2023-12, the day left blank as printed
    assert issuer(report, "vi") == Issuer(
        "UBND TỈNH THỪA THIÊN HUẾ", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "Thừa Thiên Huế, ngày … tháng 12 năm 2023"
    )
    assert issuer(replace(report, issued=""), "vi").place_date == "Thừa Thiên Huế"
    assert issuer(report, "en").name == "DEPARTMENT OF LABOUR, INVALIDS AND SOCIAL AFFAIRS"


def test_short_tables_are_kept_whole_in_print_and_long_ones_may_break() -> None:
    body = render_items([TABLE(3, rows=3), TABLE(40, rows=40)], "vi", set(), {"figure": 0, "table": 0}).html
    assert '<div class="appendix-table-block" id="01_p_3" data-name="01_p_3" data-keep="whole">' in body
    assert '<div class="appendix-table-block" id="01_p_40" data-name="01_p_40">' in body
    assert body.count("<tr>") == 3 + 40
    css = assemble.stylesheet("vi")
    assert '.appendix-table-block[data-keep="whole"] { break-inside: avoid; }' in css
    assert "thead { display: table-header-group; }" in css and ".table-source { break-before: avoid;" in css


def test_a_front_part_goes_first_before_the_key_findings_and_is_numbered_first() -> None:
    marked = H(1, "00_o-headline", "Chỉ tiêu chính", part="front")
    title = H(1, "00_o-title", "Tổng quan")
    overview = section_of(Record("00_o", 2023, "vi", (marked, TABLE(9), FIGURE(8), title)))
    front_items, rest = assemble.split_front(overview)
    assert front_items == [marked, TABLE(9), FIGURE(8)]
    assert rest.items == [title]
    appendix = compose([overview, *sections()], front())
    doc = appendix.html
    assert doc.index('id="contents"') < doc.index('id="front-page"') < doc.index('id="key-findings"')
    assert doc.index('id="00_o-headline"') < doc.index('id="key-findings"') < doc.index('id="00_o-title"')
    assert appendix.tables[0].label == "Bảng 1." and appendix.tables[0].name.endswith("9")
    assert appendix.figures[0].label == "Hình 1." and appendix.figures[0].name.endswith("8")
    toc = doc[doc.index('id="contents"') : doc.index('id="front-page"')]
    assert toc.index('href="#00_o-headline"') < toc.index('href="#key-findings"')
    assert appendix.headings[0].element_id == "00_o-headline"


def test_without_a_front_part_the_document_has_no_front_page() -> None:
    assert 'id="front-page"' not in compose(sections(), front()).html


def test_a_table_of_many_columns_is_marked_wide_and_a_narrow_one_is_not() -> None:
    wide = assemble.WIDE_TABLE_COLUMNS + 1
    body = render_items([TABLE(3, columns=3), TABLE(wide, columns=wide)], "vi", set(), {"figure": 0, "table": 0}).html
    assert 'id="01_p_3" data-name="01_p_3" data-keep="whole">' in body
    assert f'id="01_p_{wide}" data-name="01_p_{wide}" data-keep="whole" data-wide="wide">' in body


# The widest table of the 2023 appendix (results against goals, in English): nine columns of long words.
WIDE_HEAD = (
    "Domain",
    "Indicator",
    "Goal",
    "Goal value",
    "Result",
    "Attainment index (100+: met)",
    "Margin (+ better, − short)",
    "Assessment",
    "Counted",
)
WIDE_ROW = (
    "Employment",
    "Jobs created (workers placed in jobs)",
    "Target (CT việc làm 2021-2025)",
    "16,500",
    "17,034",
    "103.24",
    "+0.52 percentage points",
    "Met",
    "No (another goal)",
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_table_box_lies_within_the_printed_page_width(lang: str) -> None:
    from weasyprint import CSS, HTML
    from weasyprint.formatting_structure import boxes
    from weasyprint.text.fonts import FontConfiguration

    from helpers.build.fonts import font_face_css

    table = Table("t", "c", "s", WIDE_HEAD, (WIDE_ROW,) * 3)
    block = render_items([table], lang, set(), {"figure": 0, "table": 0}).html
    document = f'<html lang="{lang}"><head><style>{assemble.stylesheet(lang)}</style></head><body>{block}</body></html>'

    fonts = FontConfiguration()
    rendered = HTML(string=document).render(
        stylesheets=[CSS(string=font_face_css(), font_config=fonts)], font_config=fonts
    )

    def walk(box):  # noqa: ANN001, ANN202
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    page = rendered.pages[0]._page_box
    right = page.margin_left + page.padding_left + page.border_left_width + page.width
    tables = [b for b in walk(page) if isinstance(b, (boxes.TableBox, boxes.TableCellBox))]
    assert len(tables) == 1 + len(WIDE_HEAD) * 4
    assert max(b.position_x + b.margin_width() for b in tables) <= right + 0.5


def test_a_source_stays_on_one_page_and_its_address_wraps_after_slashes_not_in_words() -> None:
    from helpers.build.backmatter import _link

    url = "https://etime.danviet.vn/tt-hue-dat-muc-tieu?id=1&x=2"
    shown = _link(url)
    assert f'href="{url.replace("&", "&amp;")}"' in shown
    assert ">https://\u200betime.\u200bdanviet.\u200bvn/\u200btt-\u200bhue-" in shown
    assert "tieu?\u200bid=\u200b1&amp;\u200bx=\u200b2</a>" in shown
    assert "\u200b" not in re.sub(r"[/.?&=_;-]\u200b", "", shown)  # only after a separator
    # A portal's address in percent escapes is shown in its letters (the link is unchanged); an escaped slash is not.
    portal = "https://hue.gov.vn/Trang-ch%e1%bb%a7/a%2Fb/x%ff"
    shown = _link(portal)
    assert f'href="{portal}"' in shown and ">https://\u200bhue.\u200bgov.\u200bvn/\u200bTrang-\u200bchủ/" in shown
    assert "a%2Fb/\u200bx%ff</a>" in shown
    css = assemble.stylesheet("vi")
    assert ".sources li { break-inside: avoid; }" in css and "word-break: break-all" not in css


def test_a_source_note_tells_the_reader_what_the_title_does_not() -> None:
    """Review VI35 and VI12: the Lao Động page is titled after Hà Giang while the passage quoted is about Thừa Thiên
    Huế (as ../shared/sources/other-years-2.csv records); vietnam.vn's page is in English. Each note is in the
    reader's language, from data/sources.csv's note_vi / note_en; a source without one gets none."""
    from helpers.build.backmatter import sources_html

    vi, en = gather(2023, "vi"), gather(2023, "en")
    notes = {s.source_id: s.note for s in vi.sources}
    assert "Thừa Thiên Huế" in notes["laodong_2018_viec_lam"] and "Hà Giang" in notes["laodong_2018_viec_lam"]
    assert "tiếng Anh" in notes["vietnam_vn_2023_a_luoi_xkld"]
    english = {s.source_id: s.note for s in en.sources}
    assert english["laodong_2018_viec_lam"].startswith("The article is titled after Hà Giang")
    assert english["vietnam_vn_2023_a_luoi_xkld"] == ""  # an English title needs no note for a reader of English
    assert "the passage quoted is about Thừa Thiên Huế Province." in sources_html(en)
    assert notes["sldtbxh_2023_report"] == ""
