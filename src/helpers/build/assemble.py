"""Put the executed notebooks' outputs together into one self-contained HTML document.

The notebooks show everything through :class:`helpers.present.report.Report`, whose
HTML carries known classes (``appendix-heading``, ``appendix-findings``,
``appendix-figure``, ``appendix-table-block``, ``appendix-text``,
``appendix-nodata``). This module reads those outputs (text/html only; code,
markdown, stdout and anything else stay out), moves the key findings to the
front, numbers figures and tables in document order ("Hình 1. " / "Bảng 1. "),
builds the table of contents from the headings' ids, and wraps it all with the
cover, the sources and the methods note (:mod:`helpers.build.frontmatter`) and a
small stylesheet for screen and print. The markup is Report's own, so regular
expressions on it are enough; nothing is fetched and nothing depends on the
clock.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# isort: off
from helpers.build import lean_imports  # noqa: F401  (before nbformat: skips a slow, unused import)

import nbformat  # noqa: E402
# isort: on

from helpers.build import frontmatter  # noqa: E402
from helpers.build.frontmatter import FrontMatter  # noqa: E402
from helpers.text import say  # noqa: E402

APPENDIX_CLASS_RE = re.compile(r'class="[^"]*\bappendix-(?:heading|findings|figure|table-block|text|nodata)\b')
TAG_ID_RE = re.compile(r'(<[A-Za-z][A-Za-z0-9]*\b[^<>]*?\sid=")([^"]*)(")')
BLOCK_OR_LABEL_RE = re.compile(
    r'<(?:figure|div)\b[^<>]*?\bclass="(appendix-figure|appendix-table-block)"[^<>]*>'
    r'|<span class="caption-label"></span>'
)
ATTR_RE = r'\b{}="([^"]*)"'
CAPTION_END_RE = re.compile(r"(.*?)</(?:figcaption|p)>", re.S)
TABLE_SOURCE_RE = re.compile(r'<p class="table-source">(.*?)</p>', re.S)
HEADING_RE = re.compile(r"<h([1-6])\b([^<>]*)>(.*?)</h\1>", re.S)
TOC_DEPTH = 3  # headings h1–h3 go in the table of contents
FINDINGS_RE = re.compile(r'<div\b[^<>]*\bclass="appendix-findings"[^<>]*>.*?<ul>(.*?)</ul>\s*</div>', re.S)
ITEM_RE = re.compile(r"<li>(.*?)</li>", re.S)
TAGS_RE = re.compile(r"<[^<>]+>")
TABLE_BLOCK_RE = re.compile(r'(<div\b[^<>]*?\bclass="appendix-table-block"[^<>]*)(>.*?</table>)', re.S)
# A table of at most this many rows fits on a page at the print size, so print keeps it whole; a longer one may
# break between rows (CSS cannot ask "keep whole if it fits": WeasyPrint would push it to the next page anyway).
WHOLE_TABLE_ROWS = 15

# Ids of the appendix's own parts; a notebook's id that equals one of them is renamed.
FRAME_IDS = ("cover", "contents", "key-findings", "figures-list", "tables-list", "sources", "methods")


@dataclass
class Section:
    """One notebook's displayed outputs (HTML pieces in order) and its key findings."""

    notebook: str
    pieces: list[str]
    findings: list[str] = field(default_factory=list)  # the <li> contents, already escaped HTML


@dataclass(frozen=True)
class Caption:
    """A numbered figure or table: what the lists, the workbook and the tests need of it."""

    kind: str  # "figure" | "table"
    number: int
    label: str  # "Hình 1." / "Table 1."
    element_id: str
    name: str  # Report's file name: <notebook>_<name> (figures/<name>.png, tables/<name>.csv)
    caption: str  # plain text
    source: str = ""  # plain text, tables only


@dataclass(frozen=True)
class Heading:
    """A heading of the notebooks' sections, for the table of contents."""

    level: int
    element_id: str
    html: str  # the heading's inner HTML (escaped text)


@dataclass(frozen=True)
class Appendix:
    """The assembled document and its numbered figures and tables."""

    html: str
    figures: tuple[Caption, ...]
    tables: tuple[Caption, ...]
    headings: tuple[Heading, ...]


def plain(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(TAGS_RE.sub("", fragment)).split())


def notebook_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """The appendix outputs of an executed notebook: text/html outputs with Report's classes, in order."""
    pieces = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            body = output.get("data", {}).get("text/html")
            if isinstance(body, list):
                body = "".join(body)
            if body and APPENDIX_CLASS_RE.search(body):
                pieces.append(body.strip())
    return pieces


def split_findings(notebook: str, pieces: Sequence[str]) -> Section:
    """A section whose findings blocks are taken out of the flow and kept as list items."""
    kept, findings = [], []
    for piece in pieces:
        found = FINDINGS_RE.findall(piece)
        if found:
            for items in found:
                findings.extend(i.strip() for i in ITEM_RE.findall(items))
            rest = FINDINGS_RE.sub("", piece).strip()
            if rest:
                kept.append(rest)
        else:
            kept.append(piece)
    return Section(notebook, kept, findings)


def read_section(path: Path) -> Section:
    """Read an executed notebook into a :class:`Section` named after its file."""
    notebook = nbformat.read(str(path), as_version=4)
    return split_findings(Path(path).stem, notebook_outputs(notebook))


def claim_id(element_id: str, seen: set[str]) -> str:
    """``element_id``, or ``element_id-2``, ``-3``… if taken; the result is added to ``seen``."""
    new, k = element_id, 2
    while new in seen:
        new, k = f"{element_id}-{k}", k + 1
    seen.add(new)
    return new


def unique_ids(fragment: str, seen: set[str]) -> str:
    """Rename ids already in ``seen`` (``x`` → ``x-2``) so every anchor in the document is unique."""
    return TAG_ID_RE.sub(lambda m: f"{m[1]}{claim_id(m[2], seen)}{m[3]}", fragment)


def number_captions(fragment: str, lang: str, counts: dict[str, int] | None = None) -> tuple[str, list[Caption]]:
    """Fill each empty caption label with "Hình n. " / "Bảng n. " (or Figure/Table) in document order.

    ``counts`` carries the running numbers from one fragment to the next.
    """
    counts = counts if counts is not None else {"figure": 0, "table": 0}
    captions: list[Caption] = []
    pending: dict[str, str] | None = None

    def fill(match: re.Match[str]) -> str:
        nonlocal pending
        if match[1]:  # a figure or table block starts
            tag = match[0]
            found_id = re.search(ATTR_RE.format("id"), tag)
            found_name = re.search(ATTR_RE.format("data-name"), tag)
            pending = {
                "kind": "figure" if match[1] == "appendix-figure" else "table",
                "id": found_id[1] if found_id else "",
                "name": found_name[1] if found_name else (found_id[1] if found_id else ""),
            }
            return match[0]
        if pending is None:  # a caption label outside any block: leave it alone
            return match[0]
        kind = pending["kind"]
        counts[kind] += 1
        label = f"{say(f'frontmatter:{kind}', lang)} {counts[kind]}."
        after = match.string[match.end():]
        caption = CAPTION_END_RE.match(after)
        source = TABLE_SOURCE_RE.search(after) if kind == "table" else None
        captions.append(
            Caption(
                kind,
                counts[kind],
                label,
                pending["id"],
                html.unescape(pending["name"]),
                plain(caption[1]) if caption else "",
                plain(source[1]) if source else "",
            )
        )
        pending = None
        return f'<span class="caption-label">{html.escape(label)} </span>'

    return BLOCK_OR_LABEL_RE.sub(fill, fragment), captions


def mark_short_tables(fragment: str, max_rows: int = WHOLE_TABLE_ROWS) -> str:
    """Mark table blocks of at most ``max_rows`` rows with ``data-keep="whole"`` (print keeps them on one page)."""

    def mark(match: re.Match[str]) -> str:
        if match[2].count("<tr") > max_rows + 1 or "data-keep=" in match[1]:  # + 1: the header row
            return match[0]
        return f'{match[1]} data-keep="whole"{match[2]}'

    return TABLE_BLOCK_RE.sub(mark, fragment)


def find_headings(fragment: str) -> list[Heading]:
    """The appendix headings (h1–h6 with an id and the class appendix-heading) of a fragment, in order."""
    headings = []
    for match in HEADING_RE.finditer(fragment):
        attrs = match[2]
        classes = re.search(ATTR_RE.format("class"), attrs)
        found_id = re.search(ATTR_RE.format("id"), attrs)
        if classes and "appendix-heading" in classes[1].split() and found_id:
            headings.append(Heading(int(match[1]), found_id[1], match[3].strip()))
    return headings


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _link(target: str, inner_html: str) -> str:
    return f'<a href="#{_e(target)}">{inner_html}</a>'


def _nested(entries: Sequence[tuple[int, str]]) -> str:
    """Nested ordered lists from (level, link) pairs; a deeper level nests under the entry before it."""
    out: list[str] = []
    depth: list[int] = []  # the levels of the lists now open
    for level, link in entries:
        if depth and level > depth[-1]:
            out[-1] = out[-1].removesuffix("</li>")  # open a sub-list inside the previous entry
            out.append("<ol>")
            depth.append(level)
        else:
            while len(depth) > 1 and level < depth[-1]:
                out.append("</ol></li>")
                depth.pop()
            if not depth:
                out.append("<ol>")
                depth.append(level)
        out.append(f"<li>{link}</li>")
    while depth:
        out.append("</ol>" + ("</li>" if len(depth) > 1 else ""))
        depth.pop()
    return "".join(out)


def toc_html(headings: Iterable[Heading], lang: str, has_figures: bool, has_tables: bool) -> str:
    """The table of contents: the appendix's own parts and the notebooks' headings (h1–h3), nested by level."""
    shown = [h for h in headings if h.level <= TOC_DEPTH]
    top = min((h.level for h in shown), default=1)
    front = [("key-findings", "findings.title")]
    if has_figures:
        front.append(("figures-list", "frontmatter:figures_list"))
    if has_tables:
        front.append(("tables-list", "frontmatter:tables_list"))
    back = [("sources", "frontmatter:sources"), ("methods", "frontmatter:methods")]
    entries = [(top, _link(target, _e(say(key, lang)))) for target, key in front]
    entries += [(max(h.level, top), _link(h.element_id, h.html)) for h in shown]
    entries += [(top, _link(target, _e(say(key, lang)))) for target, key in back]
    return (
        f'<nav class="toc" id="contents" aria-label="{_e(say("frontmatter:contents", lang))}">'
        f'<h1>{_e(say("frontmatter:contents", lang))}</h1>'
        f'<p class="toc-page-head" aria-hidden="true">{_e(say("frontmatter:page", lang))}</p>{_nested(entries)}</nav>'
    )


def captions_html(captions: Sequence[Caption], kind: str, lang: str) -> str:
    """The list of figures or of tables: label and caption, each a link to the item."""
    if not captions:
        return ""
    section_id, title = ("figures-list", "frontmatter:figures_list") if kind == "figure" else (
        "tables-list", "frontmatter:tables_list")
    items = "".join(f"<li>{_link(c.element_id, _e(f'{c.label} {c.caption}'))}</li>" for c in captions)
    return f'<section class="caption-list" id="{section_id}"><h1>{_e(say(title, lang))}</h1><ul>{items}</ul></section>'


def findings_html(sections: Sequence[Section], titles: dict[str, Heading], lang: str) -> str:
    """The key findings of every notebook, under the notebook's title (a link to its section)."""
    parts = []
    for section in sections:
        if not section.findings:
            continue
        title = titles.get(section.notebook)
        head = _link(title.element_id, title.html) if title else _e(section.notebook)
        items = "".join(f"<li>{item}</li>" for item in section.findings)
        parts.append(f'<h2 class="findings-notebook">{head}</h2><ul class="findings">{items}</ul>')
    return (
        f'<section class="key-findings" id="key-findings"><h1>{_e(say("findings.title", lang))}</h1>'
        f'{"".join(parts)}</section>'
    )


def compose(sections: Sequence[Section], fm: FrontMatter) -> Appendix:
    """The whole document: cover, contents, key findings, lists, the notebooks' sections, sources, methods."""
    lang = fm.lang
    seen: set[str] = set(FRAME_IDS) | {f"source-{s.source_id}" for s in fm.sources}
    counts = {"figure": 0, "table": 0}
    bodies, figures, tables, headings = [], [], [], []
    titles: dict[str, Heading] = {}
    for section in sections:
        section_id = claim_id(f"section-{section.notebook}", seen)
        body = unique_ids("\n".join(section.pieces), seen)
        body, captions = number_captions(body, lang, counts)
        body = mark_short_tables(body)
        figures += [c for c in captions if c.kind == "figure"]
        tables += [c for c in captions if c.kind == "table"]
        found = find_headings(body)
        headings += found
        if found:
            titles[section.notebook] = found[0]
        opening = f'<section class="notebook" id="{_e(section_id)}" data-notebook="{_e(section.notebook)}">'
        bodies.append(f"{opening}\n{body}\n</section>")
    title = say("frontmatter:title", lang, year=fm.year)
    document = "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_e(lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title>",
            '<link rel="icon" href="data:,">',
            f"<style>{stylesheet(lang)}</style>",
            "</head>",
            "<body>",
            frontmatter.cover_html(fm),
            toc_html(headings, lang, bool(figures), bool(tables)),
            findings_html(sections, titles, lang),
            captions_html(figures, "figure", lang),
            captions_html(tables, "table", lang),
            '<main class="sections">',
            *bodies,
            "</main>",
            frontmatter.sources_html(fm),
            frontmatter.methods_html(fm),
            "</body>",
            "</html>",
            "",
        ]
    )
    return Appendix(document, tuple(figures), tuple(tables), tuple(headings))


# Screen: a sans-serif page for reading. Print (WeasyPrint's PDF, or a browser's print): the form of Nghị định
# 30/2020/NĐ-CP, Phụ lục I: A4; a Times New Roman-style serif (Tinos, kept in helpers/build/fonts and declared by the
# PDF writer, then Times New Roman where a browser prints); body 13 pt; margins top and bottom 20 mm, left 30 mm,
# right 15 mm; the page number in Arabic numerals, 13 pt, centred in the top margin, not on the first page.
CSS = """
:root { --ink: #1f2933; --muted: #52606d; --rule: #cbd2d9; --accent: #0b5fa5; --paper: #ffffff; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: var(--paper); }
body { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; font-size: 15px; line-height: 1.5; }
h1, h2, h3 { line-height: 1.25; color: var(--ink); }
h1 { font-size: 1.6rem; margin: 2.6rem 0 0.9rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); }
h2 { font-size: 1.3rem; margin: 2rem 0 0.7rem; }
h3 { font-size: 1.08rem; margin: 1.5rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
.cover { padding: 1rem 0 1.5rem; border-bottom: 1px solid var(--rule); }
.cover-head { display: table; width: 100%; table-layout: fixed; margin-bottom: 0.4rem; }
.cover-authority, .cover-nation { display: table-cell; width: 50%; text-align: center; vertical-align: top; }
.cover-authority { width: 42%; }
.cover-nation { width: 58%; }
.cover-head p { margin: 0; font-size: 0.85rem; line-height: 1.35; }
.cover-authority-name, .cover-nation-name, .cover-motto { font-weight: bold; }
.cover-authority-name::after { content: ""; display: block; width: 35%; margin: 0.2rem auto 0; border-top: 1px solid var(--ink); }
.cover-motto { display: inline-block; border-bottom: 1px solid var(--ink); padding-bottom: 0.1rem; }
.cover-place-date { font-style: italic; text-align: right; margin: 0.6rem 0 2rem; }
.cover-province { text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0; text-align: center; }
.cover-title { font-size: 1.9rem; margin: 0.6rem 0 0.4rem; border: 0; padding: 0; text-align: center; }
.cover-year { text-align: center; font-weight: bold; margin: 0 0 0.8rem; }
.cover-issuer { color: var(--muted); margin: 0 0 1.5rem; text-align: center; }
.cover-vintage { font-size: 0.85rem; color: var(--muted); }
.toc-page-head { display: none; }
.toc ol { list-style: none; padding-left: 0; margin: 0; }
.toc ol ol { padding-left: 1.4rem; font-size: 0.94em; }
.toc > ol > li { margin-top: 0.45rem; }
.toc li { margin: 0.2rem 0; }
.findings li, .caption-list li { margin: 0.3rem 0; }
.findings-notebook { font-size: 1.1rem; }
.caption-list ul { list-style: none; padding-left: 0; }
figure.appendix-figure { margin: 1.2rem 0; }
figure.appendix-figure img { display: block; width: 100%; height: auto; }
figcaption, .table-caption { font-size: 0.9rem; margin: 0.4rem 0; }
.caption-label { font-weight: bold; }
.appendix-table-block { margin: 1.2rem 0; }
table { border-collapse: collapse; font-size: 0.82rem; width: 100%; }
thead { display: table-header-group; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); text-align: left; }
td { font-variant-numeric: tabular-nums; }
.table-source { font-size: 0.78rem; color: var(--muted); margin: 0.3rem 0 0; }
.appendix-nodata { font-style: italic; color: var(--muted); }
.sources li { margin: 0.4rem 0; }
.source-url { word-break: break-all; font-size: 0.85em; }
.methods p { margin: 0.6rem 0; }
.vintage-caption { font-weight: bold; }
.vintage-table { width: auto; }
@media screen { .appendix-table-block { overflow-x: auto; } }
@page {
  size: A4;
  margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font-family: "Tinos", "Times New Roman", serif; font-size: 13pt; color: #000; }
}
@page :first { @top-center { content: none; } }
@media print {
  :root { --ink: #000; --muted: #222; --accent: #000; }
  html { background: none; font-family: "Tinos", "Times New Roman", serif; }
  body { max-width: none; margin: 0; padding: 0; font-size: 13pt; line-height: 1.3; }
  /* Justified as the decree asks; without kerning, because WeasyPrint 70 draws a justified line of a font that
     kerns against the space (Tinos does) wider than it laid it out, past the right margin (its issue 2928). */
  p { text-align: justify; font-kerning: none; orphans: 2; widows: 2; }
  a { color: inherit; }
  code { font-family: "Tinos", "Times New Roman", serif; font-size: 1em; }
  .cover { break-after: page; border: 0; padding-top: 0; }
  .cover-head p { font-size: 12.5pt; text-align: center; }
  .cover-head .cover-motto { font-size: 13pt; }
  .cover-place-date { font-size: 13pt; margin: 6mm 0 45mm; text-align: right; }
  .cover-province { font-size: 13pt; }
  .cover-title { font-size: 16pt; text-transform: uppercase; margin: 4mm 0 3mm; }
  .cover-year, .cover-issuer { font-size: 14pt; }
  .cover-vintage { font-size: 12pt; margin-top: 40mm; }
  .cover-vintage p { text-align: left; }
  h1 { font-size: 15pt; border-bottom-width: 1pt; }
  h2 { font-size: 14pt; }
  h3 { font-size: 13pt; }
  h4, h5, h6 { font-size: 13pt; font-style: italic; }
  h1, h2, h3, h4 { break-after: avoid; }
  .toc, .key-findings, .caption-list, section.notebook, .sources, .methods { break-before: page; }
  .toc-page-head { display: block; text-align: right; font-weight: bold; margin: 0 0 2mm; }
  .toc li, .caption-list li { clear: both; }
  .toc a::after, .caption-list a::after { content: target-counter(attr(href url), page); float: right; padding-left: 1em; }
  figure.appendix-figure { break-inside: avoid; }
  figure.appendix-figure img { width: 100%; max-width: 165mm; }
  figcaption, .table-caption { font-size: 12pt; text-align: center; }
  /* A figure or table stays whole on a page where it fits; a longer table breaks between rows, repeats its
     header row, and keeps its last rows with its source line so that no page holds only that line. */
  .appendix-table-block[data-keep="whole"] { break-inside: avoid; }
  .table-caption { break-after: avoid; }
  .table-source { break-before: avoid; font-size: 11pt; text-align: left; }
  table { font-size: 11pt; }
  th, td { padding: 1mm 1.5mm; }
  tr { break-inside: avoid; }
  .vintage-table { font-size: 11pt; }
}
"""


def stylesheet(lang: str) -> str:
    """The appendix's CSS (screen and print); no external fonts or files (the PDF writer declares the serif)."""
    return CSS


def assemble(executed: Sequence[Path], fm: FrontMatter) -> Appendix:
    """Read the executed notebooks (in the given order) and compose the appendix."""
    return compose([read_section(path) for path in executed], fm)
