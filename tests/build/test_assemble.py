"""Unit tests of the appendix's assembly: collecting outputs, findings, numbering, ids, contents, frame."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers.build import assemble
from helpers.build.assemble import (
    Heading,
    Section,
    compose,
    find_headings,
    number_captions,
    split_findings,
    toc_html,
    unique_ids,
)
from helpers.build.execute import find_notebooks
from helpers.build.frontmatter import BreakNote, FrontMatter, SourceEntry, VintageFile, gather
from helpers.data.loading import ReportMeta
from helpers.errors import AppendixError
from helpers.paths import notebooks_dir

FIGURE = (
    '<figure class="appendix-figure" id="01_p_{n}" data-name="01_p_{n}"><img alt="a" src="data:image/png;base64,iVBO"/>'
    '<figcaption><span class="caption-label"></span>Biểu đồ {n} &amp; chú thích</figcaption></figure>'
)
TABLE = (
    '<div class="appendix-table-block" id="01_p_{n}" data-name="01_p_{n}">'
    '<p class="table-caption"><span class="caption-label"></span>Bảng số {n}</p>'
    '<table class="appendix-table"><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
    '<p class="table-source">Nguồn: Sở &amp; Báo</p></div>'
)
FINDINGS = (
    '<div class="appendix-findings" data-notebook="01_p"><p><strong>Những phát hiện chính</strong></p>'
    "<ul><li>Một &lt;b&gt;</li><li>Hai</li></ul></div>"
)


def html_output(body: str) -> nbformat.NotebookNode:
    return new_output("display_data", data={"text/html": body, "text/plain": "<IPython.core.display.HTML object>"})


def test_notebook_outputs_keeps_only_the_appendix_html() -> None:
    cell = new_code_cell("x")
    cell.outputs = [
        html_output('<h1 id="a" class="appendix-heading">A</h1>'),
        new_output("stream", name="stdout", text="printed\n"),
        html_output("<div>a stray DataFrame</div>"),
        new_output("execute_result", data={"text/plain": "3"}, execution_count=1),
        html_output('<p class="appendix-text">Câu.</p>'),
    ]
    notebook = new_notebook(cells=[new_markdown_cell("# not shown"), cell])
    assert assemble.notebook_outputs(notebook) == [
        '<h1 id="a" class="appendix-heading">A</h1>',
        '<p class="appendix-text">Câu.</p>',
    ]


def test_split_findings_moves_the_items_out_of_the_flow() -> None:
    section = split_findings(
        "01_p", ['<h1 id="t" class="appendix-heading">T</h1>', FINDINGS, '<p class="appendix-text">x</p>']
    )
    assert section.findings == ["Một &lt;b&gt;", "Hai"]
    assert section.pieces == ['<h1 id="t" class="appendix-heading">T</h1>', '<p class="appendix-text">x</p>']


@pytest.mark.parametrize(("lang", "figure", "table"), [("vi", "Hình", "Bảng"), ("en", "Figure", "Table")])
def test_number_captions_in_document_order_across_fragments(lang: str, figure: str, table: str) -> None:
    counts = {"figure": 0, "table": 0}
    first, caps1 = number_captions(FIGURE.format(n=1) + TABLE.format(n=2) + FIGURE.format(n=3), lang, counts)
    second, caps2 = number_captions(TABLE.format(n=4), lang, counts)
    labels = re.findall(r'<span class="caption-label">([^<]*)</span>', first + second)
    assert labels == [f"{figure} 1. ", f"{table} 1. ", f"{figure} 2. ", f"{table} 2. "]
    captions = caps1 + caps2
    assert [(c.kind, c.number, c.name) for c in captions] == [
        ("figure", 1, "01_p_1"),
        ("table", 1, "01_p_2"),
        ("figure", 2, "01_p_3"),
        ("table", 2, "01_p_4"),
    ]
    assert captions[0].caption == "Biểu đồ 1 & chú thích"
    assert captions[1].caption == "Bảng số 2" and captions[1].source == "Nguồn: Sở & Báo"


def test_unique_ids_renames_repeats_only() -> None:
    seen = {"sources"}
    out = unique_ids('<h2 id="a" class="x">A</h2><p id="a">b</p><div id="sources"></div><p>id="a"</p>', seen)
    assert out == '<h2 id="a" class="x">A</h2><p id="a-2">b</p><div id="sources-2"></div><p>id="a"</p>'
    assert {"a", "a-2", "sources-2"} <= seen


def test_find_headings_reads_levels_ids_and_text() -> None:
    fragment = (
        '<h1 id="t" class="appendix-heading">Tiêu đề &amp; x</h1><h3 id="s" class="appendix-heading">S</h3><h2 '
        'id="n">not ours</h2>'
    )
    assert find_headings(fragment) == [Heading(1, "t", "Tiêu đề &amp; x"), Heading(3, "s", "S")]


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
        split_findings(
            "01_p",
            [
                '<h1 id="01_p-poverty" class="appendix-heading">Giảm nghèo</h1>',
                FINDINGS,
                FIGURE.format(n=1),
                TABLE.format(n=2),
            ],
        ),
        Section("02_q", ['<h1 id="01_p-poverty" class="appendix-heading">Trùng id</h1>', FIGURE.format(n=3)]),
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
        assert vietnamese not in doc.replace(FINDINGS, "")


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
    from helpers.build.frontmatter import annex_methods_html, cover_html, methods_html

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
    annex = compose(sections(), fm, assemble.annex_frame(fm)).html
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
    assert assemble.split_documents([marked, plain]) == {"appendix": [plain], "annex": [marked]}
    wrong = notebook("06_w.ipynb", {"appendix": {"document": "anex"}})
    with pytest.raises(AppendixError, match=r"^06_w.ipynb: the notebook's metadata appendix.document is 'anex'"):
        assemble.document_of(wrong)


def test_the_committed_notebooks_put_the_data_checks_in_the_annex_and_the_analysis_in_the_appendix() -> None:
    documents = assemble.split_documents(find_notebooks(notebooks_dir()))
    assert [p.stem for p in documents["annex"]] == ["05_data_quality"]
    assert "00_overview" in [p.stem for p in documents["appendix"]]


def test_a_source_whose_title_no_page_shows_is_said_to_be_untitled_and_copies_are_said_by_their_role() -> None:
    """Review items 37-39: source 16's title was made of its address ("amp newid=24394"); no page we hold shows its
    title, so it is empty in data/sources.csv and the list says so in the reader's language; "(bản sao)" is not
    part of a title (the role line says "copy" in each language)."""
    from helpers.build.frontmatter import sources_html

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
    def block(rows: int) -> str:
        body = "".join("<tr><td>1</td></tr>" for _ in range(rows))
        return (
            f'<div class="appendix-table-block" id="t{rows}" data-name="t{rows}"><p class="table-caption">c</p>'
            f"<table><thead><tr><th>x</th></tr></thead><tbody>{body}</tbody></table>"
            '<p class="table-source">s</p></div>'
        )

    marked = assemble.mark_short_tables(block(3) + block(40))
    assert '<div class="appendix-table-block" id="t3" data-name="t3" data-keep="whole">' in marked
    assert '<div class="appendix-table-block" id="t40" data-name="t40">' in marked
    assert assemble.mark_short_tables(marked) == marked
    css = assemble.stylesheet("vi")
    assert '.appendix-table-block[data-keep="whole"] { break-inside: avoid; }' in css
    assert "thead { display: table-header-group; }" in css and ".table-source { break-before: avoid;" in css


def test_a_front_part_goes_first_before_the_key_findings_and_is_numbered_first() -> None:
    marked = '<h1 id="00_o-headline" class="appendix-heading" data-part="front">Chỉ tiêu chính</h1>'
    overview = split_findings(
        "00_o",
        [marked, TABLE.format(n=9), FIGURE.format(n=8), '<h1 id="00_o-title" class="appendix-heading">Tổng quan</h1>'],
    )
    front_pieces, rest = assemble.split_front(overview)
    assert front_pieces == [marked, TABLE.format(n=9), FIGURE.format(n=8)]
    assert rest.pieces == ['<h1 id="00_o-title" class="appendix-heading">Tổng quan</h1>']
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
    def block(columns: int) -> str:
        cells = "".join(f"<th>h{k}</th>" for k in range(columns))
        return (
            f'<div class="appendix-table-block" id="c{columns}">'
            f"<table><thead><tr>{cells}</tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>"
        )

    marked = assemble.mark_short_tables(block(3) + block(assemble.WIDE_TABLE_COLUMNS + 1))
    assert '<div class="appendix-table-block" id="c3" data-keep="whole">' in marked
    assert f'id="c{assemble.WIDE_TABLE_COLUMNS + 1}" data-keep="whole" data-wide="wide">' in marked
    assert assemble.mark_short_tables(marked) == marked


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

    head = "".join(f"<th>{h}</th>" for h in WIDE_HEAD)
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in WIDE_ROW) + "</tr>" for _ in range(3))
    block = (
        f'<div class="appendix-table-block"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )
    document = (
        f'<html lang="{lang}"><head><style>{assemble.stylesheet(lang)}</style></head>'
        f"<body>{assemble.mark_short_tables(block)}</body></html>"
    )
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
    from helpers.build.frontmatter import _link

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
    from helpers.build.frontmatter import sources_html

    vi, en = gather(2023, "vi"), gather(2023, "en")
    notes = {s.source_id: s.note for s in vi.sources}
    assert "Thừa Thiên Huế" in notes["laodong_2018_viec_lam"] and "Hà Giang" in notes["laodong_2018_viec_lam"]
    assert "tiếng Anh" in notes["vietnam_vn_2023_a_luoi_xkld"]
    english = {s.source_id: s.note for s in en.sources}
    assert english["laodong_2018_viec_lam"].startswith("The article is titled after Hà Giang")
    assert english["vietnam_vn_2023_a_luoi_xkld"] == ""  # an English title needs no note for a reader of English
    assert "the passage quoted is about Thừa Thiên Huế Province." in sources_html(en)
    assert notes["sldtbxh_2023_report"] == ""
