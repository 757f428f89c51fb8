"""The appendix's own parts around the notebooks: cover, list of sources, methods note.

:func:`gather` reads what these parts need from the data folder (which figures
files make the year's vintage, which sources the year's figures cite, which
series change definition); the ``*_html`` functions turn it into HTML in the
report's language. Every text that comes from the data is HTML-escaped here.
Nothing here depends on the clock, so the same data give the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.text.formatting import check_lang
from helpers.data.loading import (
    ReportMeta,
    figures_files,
    load_catalogue,
    load_report_meta,
    load_series_breaks,
    load_sources,
    load_year,
)
from helpers.paths import data_dir as default_data_dir

# Fixed texts of the appendix, as (Vietnamese, English).
TEXTS: dict[str, tuple[str, str]] = {
    "title": (
        "Phụ lục phân tích kết quả công tác lao động, người có công và xã hội năm {year}",
        "Analytical appendix to the results of labour, people with meritorious services and social affairs work in {year}",
    ),
    # The cover's head in the form of Nghị định 30/2020/NĐ-CP: issuing authority on the left (its parent body,
    # the People's Committee of the area, above it), the national name and motto on the right with the place and
    # date under them. Names of the issuer and the area come from data/reports.csv.
    "authority_parent": ("UBND {area}", "People's Committee of {area}"),
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    "motto": ("Độc lập – Tự do – Hạnh phúc", "Independence – Freedom – Happiness"),
    "year_line": ("Năm {year}", "Year {year}"),
    "issuer": ("Kèm theo báo cáo của {issuer}", "Accompanying the report of the {issuer}"),
    "vintage": ("Số liệu sử dụng", "Data used"),
    "vintage_files": ("{count} tệp số liệu: {names}", "{count} figures files: {names}"),
    "vintage_table": ("Các tệp số liệu của phụ lục này", "The figures files of this appendix"),
    "vintage_rule": (
        "Số liệu năm {year} lấy từ các tệp số liệu đến năm {year}; tệp năm sau thay thế tệp năm trước.",
        "Figures for {year} come from the figures files up to {year}; a later file replaces an earlier one.",
    ),
    "file": ("Tệp", "File"),
    "checksum": ("Mã kiểm tra (SHA-256, 12 ký tự đầu)", "Checksum (SHA-256, first 12 characters)"),
    "rows": ("Số dòng", "Rows"),
    "contents": ("Mục lục", "Contents"),
    "key_findings": ("Những phát hiện chính", "Key findings"),
    "figures_list": ("Danh mục hình", "List of figures"),
    "tables_list": ("Danh mục bảng", "List of tables"),
    "figure": ("Hình", "Figure"),
    "table": ("Bảng", "Table"),
    "sources": ("Nguồn số liệu", "Data sources"),
    "sources_intro": (
        "Các nguồn được trích dẫn bởi số liệu năm {year}, theo thứ tự ưu tiên khi các nguồn khác nhau.",
        "The sources cited by the figures for {year}, in order of priority when sources disagree.",
    ),
    "published": ("Công bố", "Published"),
    "methods": ("Ghi chú phương pháp", "Methods note"),
    "page": ("Trang", "Page"),
    "lang_name": ("Tiếng Việt", "English"),
}

METHODS: dict[str, tuple[str, str]] = {
    "vintage": (
        "Niên độ số liệu. Số liệu của năm Y lấy từ các tệp data/figures/ của các năm không muộn hơn Y. "
        "Khi cùng một số liệu (cùng chỉ tiêu, kỳ, loại và phân tổ) có trong nhiều tệp, số liệu của tệp năm sau được dùng; "
        "khi các nguồn trong cùng một tệp khác nhau, số liệu của nguồn có thứ tự ưu tiên cao nhất được dùng.",
        "Data vintage. The figures for year Y come from the files in data/figures/ for years up to Y. "
        "Where the same figure (same indicator, period, kind and breakdown) is in several files, the later file's figure is used; "
        "where sources in one file disagree, the figure of the source with the highest priority is used.",
    ),
    "breaks": (
        "Thay đổi định nghĩa. Các chuỗi số liệu sau đổi cách đo; biểu đồ không nối đường qua điểm thay đổi và so sánh qua điểm này cần thận trọng:",
        "Changes of definition. The following series change how they are measured; charts do not join lines across the change, and comparisons across it need care:",
    ),
    "break_item": ("{label} (kỳ đầu tiên theo cách đo mới: {first}; áp dụng cho: {names}).", "{label} (first period under the new definition: {first}; applies to: {names})."),
    "attainment": (
        "Đánh giá mức độ hoàn thành. Kết quả thực hiện được so với kế hoạch hoặc mục tiêu theo chiều tốt của từng chỉ tiêu "
        "(cao hơn là tốt, hoặc thấp hơn là tốt, như tỷ lệ hộ nghèo). Mục tiêu ghi “dưới …” là mức trần, chỉ đạt khi kết quả thấp hơn mức đó; "
        "mục tiêu ghi “trên …” là mức sàn, chỉ đạt khi kết quả cao hơn mức đó; mục tiêu thông thường đạt khi kết quả bằng hoặc vượt theo chiều tốt. "
        "Mục tiêu ghi dạng khoảng (“70 - 75%”) là một dải: đạt khi kết quả nằm trong dải hoặc vượt dải theo chiều tốt, và khoảng cách được tính tới cả hai đầu. "
        "Số liệu tính đến một ngày trong năm (“tính đến 15/11”) chỉ được so với số liệu cùng thời điểm, không đánh giá với mục tiêu cả năm. "
        "Chỉ tiêu trung tính có tỷ lệ so với kế hoạch nhưng không có đánh giá đạt hay không đạt.",
        "Attainment. Each result is compared with its plan or target in the indicator's good direction "
        "(higher is better, or lower is better, as for the poverty rate). A target printed “below …” is a ceiling, met only when the result is below it; "
        "a target printed “above …” is a floor, met only when the result is above it; a plain target is met when the result reaches or passes it in the good direction. "
        "A target printed as a range (“70 - 75%”) is a band: met when the result lies in it or beyond it in the good direction, with the gap given to both ends. "
        "A figure up to a date within the year (“as of 15/11”) is compared only with figures to the same date, never judged against a full-year goal. "
        "Neutral indicators get a ratio to the plan but no verdict.",
    ),
    "numbers": (
        "Cách viết số. Theo quy ước tiếng Việt: dấu chấm phân cách hàng nghìn, dấu phẩy thập phân (14.966; 70,25%). "
        "Các bảng dạng số (tệp CSV và Excel kèm theo) giữ số chưa định dạng.",
        "Numbers. They follow English conventions: comma for thousands, point for decimals (14,966; 70.25%). "
        "The tables as data (the accompanying CSV and Excel files) hold unformatted numbers.",
    ),
}


def text(key: str, lang: str, **values: object) -> str:
    """A fixed text of the appendix in ``lang``, with ``values`` filled in (not escaped)."""
    vi, en = TEXTS[key]
    return (vi if check_lang(lang) == "vi" else en).format(**values)


def _methods(key: str, lang: str, **values: object) -> str:
    vi, en = METHODS[key]
    return (vi if lang == "vi" else en).format(**values)


def _paragraph(key: str, lang: str) -> str:
    """A methods paragraph whose first sentence (its topic) is set in bold."""
    lead, _, rest = _methods(key, lang).partition(". ")
    return f"<p><strong>{_e(lead)}.</strong> {_e(rest)}</p>"


@dataclass(frozen=True)
class VintageFile:
    """One figures file the year's figures come from."""

    name: str  # as shown: data/figures/2023.csv
    year: int
    rows: int
    sha256: str


@dataclass(frozen=True)
class SourceEntry:
    """One source the year's figures cite (data/sources.csv)."""

    source_id: str
    title: str
    publisher: str
    published: str
    url: str


@dataclass(frozen=True)
class BreakNote:
    """A change of definition and the series it affects (data/series_breaks.csv)."""

    label: str
    first_period: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Issuer:
    """Who issues the appendix, where and when, as the cover shows it."""

    parent: str  # the body above the issuer, e.g. UBND TỈNH THỪA THIÊN HUẾ
    name: str  # the issuing authority, e.g. SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI
    place_date: str  # "Thừa Thiên Huế, ngày … tháng 12 năm 2023", or the place alone


@dataclass(frozen=True)
class FrontMatter:
    """What the cover, sources list and methods note say for one year and language."""

    year: int
    lang: str
    vintage: tuple[VintageFile, ...]
    sources: tuple[SourceEntry, ...]
    breaks: tuple[BreakNote, ...]
    report: ReportMeta  # the report the appendix accompanies: issuer, area, place, date (data/reports.csv)


def issuer(report: ReportMeta, lang: str) -> Issuer:
    """The cover's head, from data/reports.csv: the parent body (the People's Committee of the area), the
    issuing authority, and the place and date (the place alone when the data give no date; never the clock)."""
    return Issuer(
        text("authority_parent", lang, area=report.area(lang)).upper(),
        report.issuer_without_area(lang).upper(),
        report.dateline(lang) or report.place(lang),
    )


def gather(year: int, lang: str, data_dir: Path | None = None) -> FrontMatter:
    """Read the year's report (issuer, area), vintage files, cited sources and series breaks from the data folder."""
    check_lang(lang)
    root = Path(data_dir or default_data_dir())
    report = load_report_meta(year, root)
    figures = load_year(year, root)
    vintage = []
    for file_year, path in sorted(figures_files(root).items()):
        if file_year <= year:
            content = path.read_bytes()
            rows = max(sum(1 for _ in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))) - 1, 0)
            vintage.append(VintageFile(f"data/figures/{path.name}", file_year, rows, hashlib.sha256(content).hexdigest()[:12]))
    sources = load_sources(root)
    used = sources[sources["source_id"].isin(set(figures["source_id"]))].sort_values(["priority", "source_id"])
    entries = tuple(
        SourceEntry(r.source_id, r.title, r.publisher, r.published, r.url) for r in used.itertuples(index=False)
    )
    names = load_catalogue(root).set_index("indicator_id")[f"name_{lang}"]
    breaks = load_series_breaks(root)
    notes = []
    for (label, first), group in breaks.groupby([f"label_{lang}", "first_period"], sort=False):
        notes.append(BreakNote(str(label), int(first), tuple(str(names.get(i, i)) for i in group["indicator_id"])))
    return FrontMatter(year, lang, tuple(vintage), entries, tuple(notes), report)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def cover_html(fm: FrontMatter) -> str:
    """The cover in the form of Nghị định 30/2020: issuing authority, national name and motto, place and date,
    then the title, the year and the data vintage (the files by name; their checksums are in the methods note)."""
    lang = fm.lang
    who = issuer(fm.report, lang)
    names = ", ".join(f.name for f in fm.vintage)
    return (
        '<header class="cover" id="cover">'
        '<div class="cover-head">'
        f'<div class="cover-authority"><p class="cover-parent">{_e(who.parent)}</p>'
        f'<p class="cover-authority-name">{_e(who.name)}</p></div>'
        f'<div class="cover-nation"><p class="cover-nation-name">{_e(text("nation", lang))}</p>'
        f'<p class="cover-motto">{_e(text("motto", lang))}</p></div>'
        "</div>"
        f'<p class="cover-place-date">{_e(who.place_date)}</p>'
        f'<p class="cover-province">{_e(fm.report.area(lang))}</p>'
        f'<h1 class="cover-title">{_e(text("title", lang, year=fm.year))}</h1>'
        f'<p class="cover-year">{_e(text("year_line", lang, year=fm.year))}</p>'
        f'<p class="cover-issuer">{_e(text("issuer", lang, issuer=fm.report.issuer_without_area(lang)))}</p>'
        '<div class="cover-vintage">'
        f'<p><strong>{_e(text("vintage", lang))}.</strong> {_e(text("vintage_rule", lang, year=fm.year))} '
        f'{_e(text("vintage_files", lang, count=len(fm.vintage), names=names))}.</p>'
        "</div></header>"
    )


def vintage_table_html(fm: FrontMatter) -> str:
    """The figures files of the vintage with their rows and SHA-256 checksums (in the methods note)."""
    lang = fm.lang
    rows = "".join(
        f"<tr><td><code>{_e(f.name)}</code></td><td>{f.rows}</td><td><code>{_e(f.sha256)}</code></td></tr>"
        for f in fm.vintage
    )
    return (
        f'<p class="vintage-caption">{_e(text("vintage_table", lang))}</p>'
        f'<table class="vintage-table"><thead><tr><th>{_e(text("file", lang))}</th><th>{_e(text("rows", lang))}</th>'
        f'<th>{_e(text("checksum", lang))}</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _link(url: str) -> str:
    # Only web addresses become links; anything else is shown as text.
    if url.startswith(("https://", "http://")):
        return f'<a href="{_e(url)}">{_e(url)}</a>'
    return _e(url)


def sources_html(fm: FrontMatter) -> str:
    """The numbered list of sources the year's figures cite, with publisher, date and address."""
    lang = fm.lang
    items = []
    for s in fm.sources:
        parts = [f"<cite>{_e(s.title)}</cite>", _e(s.publisher)]
        if s.published:
            parts.append(f"{_e(text('published', lang))} {_e(s.published)}")
        line = ". ".join(parts) + "."
        if s.url:
            line += f' <span class="source-url">{_link(s.url)}</span>'
        items.append(f'<li id="source-{_e(s.source_id)}">{line}</li>')
    return (
        '<section class="sources" id="sources">'
        f'<h1>{_e(text("sources", lang))}</h1>'
        f'<p>{_e(text("sources_intro", lang, year=fm.year))}</p>'
        f'<ol>{"".join(items)}</ol></section>'
    )


def methods_html(fm: FrontMatter) -> str:
    """The methods note: the vintage rule and its files' checksums, the changes of definition, how attainment is
    judged, number style."""
    lang = fm.lang
    breaks = "".join(
        f"<li>{_e(_methods('break_item', lang, label=b.label, first=b.first_period, names=', '.join(b.names)))}</li>"
        for b in fm.breaks
    )
    parts = [_paragraph("vintage", lang), vintage_table_html(fm)]
    if breaks:
        parts.append(f"{_paragraph('breaks', lang)}<ul>{breaks}</ul>")
    parts.append(_paragraph("attainment", lang))
    parts.append(_paragraph("numbers", lang))
    return f'<section class="methods" id="methods"><h1>{_e(text("methods", lang))}</h1>{"".join(parts)}</section>'
