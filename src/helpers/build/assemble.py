"""Put the executed notebooks' outputs together into one self-contained HTML document.

The notebooks show everything through :class:`helpers.present.report.Report`, whose HTML carries known classes
(``appendix-heading``, ``appendix-findings``, ``appendix-figure``, ``appendix-table-block``, ``appendix-text``,
``appendix-nodata``). This module reads those outputs (text/html, and a figure's HTML under its own MIME type;
code, markdown, stdout and anything else stay out), moves the key findings to the front, numbers figures and
tables in document order ("Hình 1. " / "Bảng 1. "), builds the table of contents from the headings' ids, and wraps
it all with the cover, the sources and the methods note (:mod:`helpers.build.frontmatter`) and a small stylesheet
for screen and print. The markup is Report's own, so regular expressions on it are enough; nothing is fetched and
nothing depends on the clock."""

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
from helpers.present.handoff import FIGURE_MIME  # noqa: E402
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
WIDE_TABLE_COLUMNS = 7  # a table of more columns is marked data-wide: print sets it smaller to fit the page
# A heading Report marks with ``part="front"`` opens a part that goes before the key findings (the first page).
HEADING_PIECE_RE = re.compile(r'<h[1-6]\b[^<>]*\bclass="appendix-heading"')
FRONT_HEADING_RE = re.compile(r'<h[1-6]\b[^<>]*\bdata-part="front"')

# Ids of the appendix's own parts; a notebook's id that equals one of them is renamed.
STYLESHEET = Path(__file__).with_name("appendix.css")  # the page's look, in a file a designer can edit
FRAME_IDS = ("cover", "contents", "front-page", "key-findings", "figures-list", "tables-list", "sources", "methods")


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
    headings: tuple[Heading, ...]  # the front part's first, then the sections'
    front_headings: tuple[Heading, ...] = ()  # the headings of the part before the key findings (the first page)


def plain(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(TAGS_RE.sub("", fragment)).split())


def notebook_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """The appendix outputs of an executed notebook: text/html outputs with Report's classes, and the figures
    handed off under :data:`~helpers.present.handoff.FIGURE_MIME`, in order."""
    pieces = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") not in ("display_data", "execute_result"):
                continue
            data = output.get("data", {})
            body = data.get(FIGURE_MIME) or data.get("text/html")
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


def split_front(section: Section) -> tuple[list[str], Section]:
    """The pieces of a front part (a heading marked ``data-part="front"`` and what follows it up to the next
    heading), and the section without them."""
    front, kept, inside = [], [], False
    for piece in section.pieces:
        if HEADING_PIECE_RE.match(piece):
            inside = bool(FRONT_HEADING_RE.match(piece))
        (front if inside else kept).append(piece)
    return front, Section(section.notebook, kept, section.findings)


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
        after = match.string[match.end() :]
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
    """Mark table blocks of at most ``max_rows`` rows with ``data-keep="whole"`` (print keeps them on one page)
    and those of more than ``WIDE_TABLE_COLUMNS`` columns with ``data-wide`` (print sets them smaller)."""

    def mark(match: re.Match[str]) -> str:
        head = re.search(r"<tr\b.*?</tr>", match[2], re.S)
        wide = head is not None and len(re.findall(r"<t[hd]\b", head[0])) > WIDE_TABLE_COLUMNS
        keep = match[2].count("<tr") <= max_rows + 1  # + 1: the header row
        attrs = match[1] + (' data-keep="whole"' if keep and "data-keep=" not in match[1] else "")
        return attrs + (' data-wide="wide"' if wide and "data-wide=" not in attrs else "") + match[2]

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


def toc_html(
    headings: Iterable[Heading],
    lang: str,
    has_figures: bool,
    has_tables: bool,
    front_headings: Sequence[Heading] = (),
) -> str:
    """The table of contents: the front part's headings, the appendix's own parts and the notebooks' headings
    (h1–h3), nested by level."""
    shown = [h for h in headings if h.level <= TOC_DEPTH]
    top = min((h.level for h in shown), default=1)
    front_entries = [(top, _link(h.element_id, h.html)) for h in front_headings if h.level <= TOC_DEPTH]
    front = [("key-findings", "findings.title")]
    if has_figures:
        front.append(("figures-list", "frontmatter:figures_list"))
    if has_tables:
        front.append(("tables-list", "frontmatter:tables_list"))
    back = [("sources", "frontmatter:sources"), ("methods", "frontmatter:methods")]
    entries = front_entries + [(top, _link(target, _e(say(key, lang)))) for target, key in front]
    entries += [(max(h.level, top), _link(h.element_id, h.html)) for h in shown]
    entries += [(top, _link(target, _e(say(key, lang)))) for target, key in back]
    return (
        f'<nav class="toc" id="contents" aria-label="{_e(say("frontmatter:contents", lang))}">'
        f"<h1>{_e(say('frontmatter:contents', lang))}</h1>"
        f'<p class="toc-page-head" aria-hidden="true">{_e(say("frontmatter:page", lang))}</p>{_nested(entries)}</nav>'
    )


def captions_html(captions: Sequence[Caption], kind: str, lang: str) -> str:
    """The list of figures or of tables: label and caption, each a link to the item."""
    if not captions:
        return ""
    section_id, title = (
        ("figures-list", "frontmatter:figures_list") if kind == "figure" else ("tables-list", "frontmatter:tables_list")
    )
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
        f"{''.join(parts)}</section>"
    )


def compose(sections: Sequence[Section], fm: FrontMatter) -> Appendix:
    """The whole document: cover, contents, key findings, lists, the notebooks' sections, sources, methods."""
    lang = fm.lang
    seen: set[str] = set(FRAME_IDS) | {f"source-{s.source_id}" for s in fm.sources}
    counts = {"figure": 0, "table": 0}
    bodies, figures, tables, headings = [], [], [], []
    titles: dict[str, Heading] = {}
    # The front part comes first in the document, so it is numbered and its ids claimed first.
    split = [split_front(section) for section in sections]
    sections = [rest for _, rest in split]
    front_body = unique_ids("\n".join(piece for pieces, _ in split for piece in pieces), seen)
    front_body, front_captions = number_captions(front_body, lang, counts)
    front_body = mark_short_tables(front_body)
    figures += [c for c in front_captions if c.kind == "figure"]
    tables += [c for c in front_captions if c.kind == "table"]
    front_headings = find_headings(front_body)
    front_html = f'<section class="front-page" id="front-page">\n{front_body}\n</section>' if front_body else ""
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
            toc_html(headings, lang, bool(figures), bool(tables), front_headings),
            front_html,
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
    return Appendix(document, tuple(figures), tuple(tables), tuple(front_headings + headings), tuple(front_headings))


def stylesheet(lang: str) -> str:
    """The appendix's CSS (screen and print, from ``appendix.css`` beside this module); no external fonts or files
    (the PDF writer declares the serif)."""
    return STYLESHEET.read_text(encoding="utf-8")


def assemble(executed: Sequence[Path], fm: FrontMatter) -> Appendix:
    """Read the executed notebooks (in the given order) and compose the appendix."""
    return compose([read_section(path) for path in executed], fm)
