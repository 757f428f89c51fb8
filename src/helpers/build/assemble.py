"""Put the notebooks' records together into one self-contained HTML document.

Each notebook's :class:`~helpers.present.report.Report` writes a record of what it shows
(``record/<notebook>.jsonl`` beside the executed notebooks: :mod:`helpers.present.record`): headings, key findings,
paragraphs, figures and tables, in order. This module reads those records (never the notebooks' HTML), moves the
key findings to the front, numbers figures and tables in document order ("Hình 1. " / "Bảng 1. "), keeps every
anchor unique, builds the table of contents from the headings, and wraps it all with the cover, the sources and the
methods note (:mod:`helpers.build.frontmatter`) and a small stylesheet for screen and print. The markup of each item
is the record's own (:func:`helpers.present.record.item_html`, the one the notebook showed); nothing is fetched and
nothing depends on the clock.

The document is made twice from the same record: for the screen (``appendix.html``: each chart's PNG embedded) and
for print (the PDF: each chart from its SVG file, :func:`compose` with ``figures="svg"``). The same assembly makes
the technical annex from the notebooks marked for it (:func:`split_documents`), with its own frame
(:func:`annex_frame`)."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from helpers.build import frontmatter
from helpers.build.frontmatter import FrontMatter
from helpers.present import record
from helpers.present.handoff import PRINT_SVG_DIR
from helpers.present.record import Findings, Item, Record, read_record
from helpers.present.record import Heading as HeadingItem
from helpers.text import say

TOC_DEPTH = 3  # headings h1–h3 go in the table of contents
# A table of at most this many rows fits on a page at the print size, so print keeps it whole; a longer one may
# break between rows (CSS cannot ask "keep whole if it fits": WeasyPrint would push it to the next page anyway).
WHOLE_TABLE_ROWS = 15
WIDE_TABLE_COLUMNS = 7  # a table of more columns is marked data-wide: print sets it smaller to fit the page
FRONT_PART = "front"  # a heading recorded with this part opens a part that goes before the key findings
# How a chart is shown: its screen PNG embedded (appendix.html, self-contained), or its SVG file (the PDF) or PNG
# file (the Word file, which adds the SVG itself), by their paths in the appendix's folder.
EMBED = "embed"
PRINT = "print"  # the SVG copy with its words kept as text (PRINT_SVG_DIR), which the PDF prints
FIGURE_FORMS = (EMBED, "svg", "png", PRINT)

# Ids of the appendix's own parts; a notebook's id that equals one of them is renamed.
STYLESHEET = Path(__file__).with_name("appendix.css")  # the page's look, in a file a designer can edit
FRAME_IDS = ("cover", "contents", "front-page", "key-findings", "figures-list", "tables-list", "sources", "methods")


@dataclass
class Section:
    """One notebook's record: what it shows in order (findings taken out) and its key findings (sentences)."""

    notebook: str
    items: list[Item]
    findings: list[str] = field(default_factory=list)


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
    sections: tuple[Section, ...] = ()  # what it was composed from
    front: FrontMatter | None = None
    frame: Frame | None = None  # the cover and back parts it was composed with (the official appendix's if None)

    def table_items(self) -> list[record.Table]:
        """The record of each numbered table, in the order of :attr:`tables` (the document's)."""
        found = {i.id: i for s in self.sections for i in s.items if isinstance(i, record.Table)}
        return [found[c.name] for c in self.tables]

    def with_figures(self, figures: str, word: bool = False) -> str:
        """The same document with each chart shown as ``figures`` says (:data:`FIGURE_FORMS`): ``"svg"`` for
        print; ``"png"`` and ``word`` for the Word file (:func:`compose`)."""
        if (figures == EMBED and not word) or self.front is None:
            return self.html
        return compose(self.sections, self.front, self.frame, figures=figures, word=word).html


def plain(fragment: str) -> str:
    """The text of a heading's HTML (escaped text, as :class:`Heading` holds it): entities decoded, spaces
    collapsed."""
    return " ".join(html.unescape(fragment).split())


def section_of(found: Record) -> Section:
    """A record as a :class:`Section`: its key findings taken out of the flow."""
    items = [i for i in found.items if not isinstance(i, Findings)]
    findings = [s for i in found.items if isinstance(i, Findings) for s in i.sentences]
    return Section(found.notebook, items, findings)


def record_of(executed: Path) -> Path:
    """The record of an executed notebook (``<work>/notebooks/NN_x.ipynb`` → ``<work>/record/NN_x.jsonl``)."""
    return executed.parent.parent / record.RECORD_DIR / f"{executed.stem}{record.RECORD_SUFFIX}"


def read_section(path: Path) -> Section:
    """The :class:`Section` of an executed notebook, from its record (:func:`record_of`)."""
    where = record_of(Path(path))
    return section_of(read_record(where, shown_as=f"{record.RECORD_DIR}/{where.name}"))


def split_front(section: Section) -> tuple[list[Item], Section]:
    """The items of a front part (a heading recorded with ``part="front"`` and what follows it up to the next
    heading), and the section without them."""
    front, kept, inside = [], [], False
    for item in section.items:
        if isinstance(item, HeadingItem):
            inside = item.part == FRONT_PART
        (front if inside else kept).append(item)
    return front, Section(section.notebook, kept, section.findings)


def claim_id(element_id: str, seen: set[str]) -> str:
    """``element_id``, or ``element_id-2``, ``-3``… if taken; the result is added to ``seen``."""
    new, k = element_id, 2
    while new in seen:
        new, k = f"{element_id}-{k}", k + 1
    seen.add(new)
    return new


def table_attributes(item: record.Table, max_rows: int = WHOLE_TABLE_ROWS) -> str:
    """``data-keep="whole"`` for a table of at most ``max_rows`` rows (print keeps it on one page) and
    ``data-wide="wide"`` for one of more than ``WIDE_TABLE_COLUMNS`` columns (print sets it smaller)."""
    keep = ' data-keep="whole"' if len(item.rows) <= max_rows else ""
    return keep + (' data-wide="wide"' if len(item.header) > WIDE_TABLE_COLUMNS else "")


@dataclass
class Body:
    """A run of items rendered as HTML, with what the document needs of them."""

    html: str
    captions: list[Caption]
    headings: list[Heading]


def render_items(
    items: Sequence[Item],
    lang: str,
    seen: set[str],
    counts: dict[str, int],
    figures: str = EMBED,
    word: bool = False,
) -> Body:
    """The HTML of ``items`` in order: each id made unique against ``seen``, each figure and table numbered from
    ``counts`` (carried from one run to the next); ``figures`` says how a chart is shown (:data:`FIGURE_FORMS`),
    ``word`` asks for the markup pandoc makes Word captions of (:func:`helpers.present.record.item_html`)."""
    pieces: list[str] = []
    captions: list[Caption] = []
    headings: list[Heading] = []
    for item in items:
        if isinstance(item, record.Paragraph):
            pieces.append(record.item_html(item))
            continue
        element_id = claim_id(item.id, seen)
        if isinstance(item, HeadingItem):
            headings.append(Heading(item.level, element_id, html.escape(item.text)))
            pieces.append(record.item_html(item, element_id=element_id))
            continue
        kind = "figure" if isinstance(item, record.Figure) else "table"
        counts[kind] += 1
        label = f"{say(f'frontmatter:{kind}', lang)} {counts[kind]}."
        source = item.source if isinstance(item, record.Table) else ""
        caption = " ".join(item.caption.split())
        captions.append(Caption(kind, counts[kind], label, element_id, item.id, caption, " ".join(source.split())))
        attributes = table_attributes(item) if isinstance(item, record.Table) else ""
        image = _image(item, figures) if isinstance(item, record.Figure) else None
        pieces.append(record.item_html(item, label, attributes, element_id, image=image, word=word))
    return Body("\n".join(pieces), captions, headings)


def _image(item: record.Figure, figures: str) -> str | None:
    """The file a chart is shown from (a path relative to output_dir), or None to embed its screen PNG."""
    if figures == EMBED:
        return None
    if figures == PRINT:  # Report writes the print copy beside figures/ whenever it writes the SVG
        return f"{PRINT_SVG_DIR}/{Path(item.svg).name}" if item.svg else None
    return str(getattr(item, figures))


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


OFFICIAL_BACK = (("sources", "frontmatter:sources"), ("methods", "frontmatter:methods"))
ANNEX_BACK = (("sources", "frontmatter:sources"), ("methods", "frontmatter:annex.methods"))


def toc_html(
    headings: Iterable[Heading],
    lang: str,
    has_figures: bool,
    has_tables: bool,
    front_headings: Sequence[Heading] = (),
    back: Sequence[tuple[str, str]] = OFFICIAL_BACK,
) -> str:
    """The table of contents: the front part's headings, the appendix's own parts and the notebooks' headings
    (h1–h3), nested by level; ``back`` the parts after the sections, as (id, text key)."""
    shown = [h for h in headings if h.level <= TOC_DEPTH]
    top = min((h.level for h in shown), default=1)
    front_entries = [(top, _link(h.element_id, h.html)) for h in front_headings if h.level <= TOC_DEPTH]
    front = [("key-findings", "findings.title")]
    if has_figures:
        front.append(("figures-list", "frontmatter:figures_list"))
    if has_tables:
        front.append(("tables-list", "frontmatter:tables_list"))
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
        items = "".join(f"<li>{_e(item)}</li>" for item in section.findings)
        parts.append(f'<h2 class="findings-notebook">{head}</h2><ul class="findings">{items}</ul>')
    return (
        f'<section class="key-findings" id="key-findings"><h1>{_e(say("findings.title", lang))}</h1>'
        f"{''.join(parts)}</section>"
    )


@dataclass(frozen=True)
class Frame:
    """What one document puts around its notebooks' sections: its title, its cover and the parts after the
    sections (their HTML, and their (id, text key) for the contents)."""

    title: str
    cover: str
    back: tuple[str, ...]
    back_toc: tuple[tuple[str, str], ...]


def official_frame(fm: FrontMatter) -> Frame:
    """The official appendix's frame: the cover of Nghị định 30/2020, the plain source list, the short methods note."""
    return Frame(
        say("frontmatter:title", fm.lang, year=fm.year),
        frontmatter.cover_html(fm),
        (frontmatter.sources_html(fm), frontmatter.methods_html(fm)),
        OFFICIAL_BACK,
    )


def annex_frame(fm: FrontMatter) -> Frame:
    """The technical annex's frame: its own cover, the source list with roles, the full method with files and
    checksums (:mod:`helpers.build.frontmatter`)."""
    return Frame(
        say("frontmatter:annex.title", fm.lang, year=fm.year),
        frontmatter.annex_cover_html(fm),
        (frontmatter.sources_html(fm, roles=True), frontmatter.annex_methods_html(fm)),
        ANNEX_BACK,
    )


def compose(
    sections: Sequence[Section],
    fm: FrontMatter,
    frame: Frame | None = None,
    *,
    figures: str = EMBED,
    word: bool = False,
) -> Appendix:
    """The whole document: cover, contents, key findings, lists, the notebooks' sections, sources, methods;
    ``frame`` the cover and back parts (the official appendix's by default, :func:`annex_frame` for the annex).
    ``figures`` says how each chart is shown (:data:`FIGURE_FORMS`): embedded by default. ``word`` makes the
    document pandoc reads for the Word file: no stylesheet, cover or contents (:mod:`helpers.build.word` writes
    its own) and no ``<main>`` (pandoc would read nothing else), Word's captions."""
    if figures not in FIGURE_FORMS:
        raise ValueError(f"figures must be one of {', '.join(FIGURE_FORMS)}, not {figures!r}")
    given = tuple(sections)
    lang = fm.lang
    frame = frame or official_frame(fm)
    seen: set[str] = set(FRAME_IDS) | {f"source-{s.source_id}" for s in fm.sources}
    counts = {"figure": 0, "table": 0}
    bodies, captions, headings = [], [], []
    titles: dict[str, Heading] = {}
    # The front part comes first in the document, so it is numbered and its ids claimed first.
    split = [split_front(section) for section in sections]
    sections = [rest for _, rest in split]
    front = render_items([item for items, _ in split for item in items], lang, seen, counts, figures, word)
    captions += front.captions
    front_html = f'<section class="front-page" id="front-page">\n{front.html}\n</section>' if front.html else ""
    for section in sections:
        section_id = claim_id(f"section-{section.notebook}", seen)
        body = render_items(section.items, lang, seen, counts, figures, word)
        captions += body.captions
        headings += body.headings
        if body.headings:
            titles[section.notebook] = body.headings[0]
        opening = f'<section class="notebook" id="{_e(section_id)}" data-notebook="{_e(section.notebook)}">'
        bodies.append(f"{opening}\n{body.html}\n</section>")
    figure_captions = [c for c in captions if c.kind == "figure"]
    table_captions = [c for c in captions if c.kind == "table"]
    title = frame.title
    document = "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_e(lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title>",
            '<link rel="icon" href="data:,">',
            *([] if word else [f"<style>{stylesheet(lang)}</style>"]),
            "</head>",
            "<body>",
            *([] if word else [frame.cover]),
            *(
                []
                if word
                else [
                    toc_html(
                        headings,
                        lang,
                        bool(figure_captions),
                        bool(table_captions),
                        front.headings,
                        frame.back_toc,
                    )
                ]
            ),
            front_html,
            findings_html(sections, titles, lang),
            captions_html(figure_captions, "figure", lang),
            captions_html(table_captions, "table", lang),
            *([] if word else ['<main class="sections">']),
            *bodies,
            *([] if word else ["</main>"]),
            *frame.back,
            "</body>",
            "</html>",
            "",
        ]
    )
    return Appendix(
        document,
        tuple(figure_captions),
        tuple(table_captions),
        tuple(front.headings + headings),
        tuple(front.headings),
        given,
        fm,
        frame,
    )


def stylesheet(lang: str) -> str:
    """The appendix's CSS (screen and print, from ``appendix.css`` beside this module); no external fonts or files
    (the PDF writer declares the serif)."""
    return STYLESHEET.read_text(encoding="utf-8")


def records_of(executed: Sequence[Path], others: Sequence[Path] = ()) -> list[Path]:
    """The records the executed notebooks wrote, in the notebooks' order: every Report of the build wrote one into the
    (fresh) record folder beside them, named after itself (``Report("01_poverty", …)`` → ``record/01_poverty.jsonl``),
    as the notebooks are named; a notebook that hands nothing to the appendix writes none, and a Report named
    otherwise than its notebook (a test's tiny notebook) still counts. The records of ``others`` (the notebooks of
    the other document, :func:`split_documents`) are left out. Sorted by name, as the notebooks run."""
    folders = dict.fromkeys(record_of(Path(path)).parent for path in executed)
    skip = {record_of(Path(path)).name for path in others}
    found = (p for folder in folders for p in folder.glob(f"*{record.RECORD_SUFFIX}") if p.name not in skip)
    return sorted(found, key=lambda p: p.name)


def assemble(
    executed: Sequence[Path], fm: FrontMatter, frame: Frame | None = None, others: Sequence[Path] = ()
) -> Appendix:
    """Read the records of the executed notebooks (:func:`records_of`, without those of ``others``) and compose the
    document (``frame``: see :func:`compose`)."""
    found = [read_record(p, shown_as=f"{record.RECORD_DIR}/{p.name}") for p in records_of(executed, others)]
    return compose([section_of(r) for r in found], fm, frame)


# The two documents a build makes of the notebooks: the official appendix the director signs, and the technical
# annex for analysts. A notebook says which it belongs to in its metadata ("appendix": {"document": "annex"}); a
# notebook that says nothing is part of the official appendix.
DOCUMENTS = ("appendix", "annex")


def document_of(path: Path) -> str:
    """The document the notebook at ``path`` belongs to (:data:`DOCUMENTS`), from its metadata; an unknown name
    is refused in one sentence naming the notebook."""
    from helpers.errors import AppendixError

    # The notebook's JSON is read directly: only its metadata is needed, and nbformat's validation costs time.
    metadata = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {}).get("appendix", {})
    document = metadata.get("document", DOCUMENTS[0]) if isinstance(metadata, dict) else None
    if document not in DOCUMENTS:
        raise AppendixError(
            f"{Path(path).name}: the notebook's metadata appendix.document is {document!r}; "
            f"it must be one of {', '.join(DOCUMENTS)}."
        )
    return str(document)


def split_documents(executed: Sequence[Path]) -> dict[str, list[Path]]:
    """The executed notebooks of each document, in the given order."""
    found: dict[str, list[Path]] = {name: [] for name in DOCUMENTS}
    for path in executed:
        found[document_of(path)].append(path)
    return found
