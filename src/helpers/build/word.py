"""The appendix as a Word document (``appendix.docx``), made by pandoc from the same HTML.

Why pandoc (the ``pypandoc-binary`` wheel, which carries a pinned pandoc, so
nothing is installed on the system) rather than python-docx: pandoc already
turns the appendix's HTML (headings, lists, links, figures with captions,
tables) into real Word structures with the styles of a reference document
(``templates/reference.docx``, made by ``templates/make_reference_docx.py``),
in about a second; python-docx would mean writing that HTML-to-Word walk by
hand. What pandoc cannot make from HTML is written here as a little OpenXML:

* the cover, in the form of Nghị định 30/2020 for a phụ lục ("Phụ lục", the
  title in capitals, the italic line naming the report it is attached to),
  made from the :class:`~helpers.build.frontmatter.FrontMatter`, not parsed back;
* the contents as a Word TOC field (Word fills in the page numbers when it
  opens the file); until then it shows the headings without numbers;
* the tables' layout (full text width, columns measured from their content,
  rows never split across pages), by :mod:`helpers.build.word_tables`.

pandoc reads only ``<main>`` when a page has one, so pandoc is given the
document composed for Word from the notebooks' records
(:func:`helpers.build.assemble.compose` with ``word=True``): no ``<main>``, no
cover or HTML contents, each figure by its PNG file (quicker to read than a
data URI), each table caption in its ``<caption>`` and each source line in the
"Table Source" style; a list item of one line becomes a paragraph on pandoc's
document tree. The zip is then rewritten with fixed dates, so the same data
give the same bytes.
"""

from __future__ import annotations

import calendar
import json
import os
import re
import subprocess
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from helpers.build.assemble import TOC_DEPTH, Heading, plain
from helpers.build.export import normalise_zip
from helpers.build.frontmatter import FrontMatter, cover_line, cover_title, issuer
from helpers.build.word_tables import lay_out_tables
from helpers.text import say

REFERENCE_DOCX = Path(__file__).resolve().parent / "templates" / "reference.docx"
PANDOC_TIMEOUT = 120  # seconds; the 2023 appendix takes about one
DOCUMENT_LANG = {"vi": "vi-VN", "en": "en-GB"}  # the language tag Word's spelling and hyphenation follow


def pandoc_path() -> str:
    """The pandoc binary of the pinned ``pypandoc-binary`` wheel."""
    import pypandoc

    return pypandoc.get_pandoc_path()


def list_items_as_paragraphs(blocks: list) -> list:
    """A list item that is one line of text (pandoc's ``Plain``) becomes a paragraph (``Para``), so that Word sets
    it as body text, not as table text; items holding more (a nested list) are left as they are. On pandoc's
    document tree (its JSON), not on the HTML."""
    for block in blocks:
        if not isinstance(block, dict):
            continue
        if block.get("t") in ("BulletList", "OrderedList"):
            items = block["c"] if block["t"] == "BulletList" else block["c"][1]
            for item in items:
                if len(item) == 1 and item[0].get("t") == "Plain":
                    item[0]["t"] = "Para"
                list_items_as_paragraphs(item)
        elif block.get("t") == "Div":
            list_items_as_paragraphs(block["c"][1])
    return blocks


def _run(runs: str, style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{runs}</w:p>'


def _text(value: str, bold: bool = False, underline: bool = False, italic: bool = False) -> str:
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    props += '<w:u w:val="single"/>' if underline else ""
    props = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(value)}</w:t></w:r>'


def _cell(paragraphs: Sequence[str], width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{"".join(paragraphs)}</w:tc>'


def revised_head_xml(fm: FrontMatter) -> str:
    """A revised edition's head, as its HTML cover has it: a borderless two-column table (the authority competent on
    its date | nation and motto), then its place and date; "" for the edition as issued, whose cover is the phụ lục
    form alone."""
    if not fm.as_of:
        return ""
    lang = fm.lang
    who = issuer(fm.report, lang)
    left = [
        _run(_text(who.parent), "CoverHead"),
        _run(_text(who.name, bold=True), "CoverHead"),
        _run(_text("――――――"), "CoverHead"),
    ]
    right = [
        _run(_text(say("frontmatter:nation", lang), bold=True), "CoverHead"),
        _run(_text(say("frontmatter:motto", lang), bold=True, underline=True), "CoverHead"),
    ]
    widths = (3800, 5550)  # twips: the 165 mm text width; the national name must fit on one line
    none = "".join(f'<w:{edge} w:val="nil"/>' for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{none}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{widths[0]}"/><w:gridCol w:w="{widths[1]}"/></w:tblGrid>'
        f"<w:tr>{_cell(left, widths[0])}{_cell(right, widths[1])}</w:tr></w:tbl>"
        + _run(_text(who.place_date), "CoverPlaceDate")
    )


def cover_xml(fm: FrontMatter) -> str:
    """The cover as OpenXML, as the HTML cover (:func:`~helpers.build.frontmatter.cover_html`): "Phụ lục", the title
    in bold capitals and the italic line naming the report (a revised edition: its head, and its update note in
    that line's place), then a page break. Styles: Cover Title, Cover Head, Cover Place Date."""
    blank = _run("", "CoverHead")
    return "".join(
        [
            revised_head_xml(fm),
            blank * (6 if fm.as_of else 8),
            _run(_text(say("frontmatter:cover_label", fm.lang), bold=True), "CoverTitle"),
            _run(_text(cover_title(fm), bold=True), "CoverTitle"),
            _run(_text(cover_line(fm), italic=True), "CoverHead"),
        ]
    )


def toc_xml(
    headings: Sequence[Heading],
    lang: str,
    has_figures: bool,
    has_tables: bool,
    front_headings: Sequence[Heading] = (),
) -> str:
    """The contents as a Word TOC field over Heading 1–3, showing the appendix's headings until Word updates it;
    the headings of the first page (``front_headings``, also in ``headings``) come before the key findings."""
    front_ids = {h.element_id for h in front_headings}
    shown = [h for h in headings if h.level <= TOC_DEPTH and h.element_id not in front_ids]
    top = min((h.level for h in shown), default=1)
    front = (
        ["findings.title"]
        + (["frontmatter:figures_list"] if has_figures else [])
        + (["frontmatter:tables_list"] if has_tables else [])
    )
    entries = [(1, plain(h.html)) for h in front_headings if h.level <= TOC_DEPTH]
    entries += [(1, say(key, lang)) for key in front]
    entries += [(max(h.level, top) - top + 1, plain(h.html)) for h in shown]
    entries += [(1, say("frontmatter:sources", lang)), (1, say("frontmatter:methods", lang))]
    first, *rest = [_run(_text(title), f"TOC{level}") for level, title in entries] or [_run("", "TOC1")]
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )
    first = first.replace("</w:pPr>", f"</w:pPr>{begin}", 1)
    end = _run('<w:r><w:fldChar w:fldCharType="end"/></w:r>', "TOC1")
    return _run(_text(say("frontmatter:contents", lang)), "TOCHeading") + first + "".join(rest) + end


def write_docx(
    document: str,
    fm: FrontMatter,
    headings: Sequence[Heading],
    target: Path,
    *,
    has_figures: bool = True,
    has_tables: bool = True,
    front_headings: Sequence[Heading] = (),
    figures_dir: Path | None = None,
    stamp: datetime = datetime(2000, 1, 1),
    reference: Path = REFERENCE_DOCX,
) -> Path:
    """Write the appendix as DOCX: cover, contents, and the HTML's body by pandoc with ``reference``'s styles.

    ``document`` is the appendix composed for Word (:meth:`helpers.build.assemble.Appendix.with_figures`
    ``("png", word=True)``: each chart by its PNG file, ``figures/<name>.png``, Word's captions, no cover);
    ``figures_dir`` holds those files and their SVG
    (added beside each picture); ``stamp`` is the document's creation and modification date.
    """
    pandoc = pandoc_path()
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(calendar.timegm(stamp.timetuple()))}  # UTC, not local time
    cwd = str(figures_dir.parent) if figures_dir is not None else None
    ast = json.loads(
        subprocess.run(
            [pandoc, "--from", "html", "--to", "json"],
            input=document.encode("utf-8"),
            capture_output=True,
            check=True,
            env=env,
            cwd=cwd,
            timeout=PANDOC_TIMEOUT,
        ).stdout
    )
    front = [cover_xml(fm), toc_xml(headings, fm.lang, has_figures, has_tables, front_headings)]
    list_items_as_paragraphs(ast["blocks"])
    ast["blocks"] = [{"t": "RawBlock", "c": ["openxml", xml]} for xml in front] + ast["blocks"]
    ast.setdefault("meta", {}).pop("title", None)  # the HTML's <title>: the cover has it already
    ast["meta"]["lang"] = {"t": "MetaString", "c": DOCUMENT_LANG[fm.lang]}
    subprocess.run(
        [pandoc, "--from", "json", "--to", "docx", "--reference-doc", str(reference), "--output", str(target)],
        input=json.dumps(ast).encode("utf-8"),
        capture_output=True,
        check=True,
        env=env,
        cwd=cwd,
        timeout=PANDOC_TIMEOUT,
    )
    svgs = svg_figures(target, figures_dir)
    return normalise_zip(
        target,
        stamp,
        rewrite={
            "word/document.xml": lambda xml: lay_out_tables(svgs.document(xml)),
            "word/_rels/document.xml.rels": svgs.relationships,
            "[Content_Types].xml": svgs.content_types,
        },
        add=svgs.media,
    )


SVG_EXT_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"  # Office 2016's extension of a picture by an SVG
ASVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
PIC_RE = re.compile(r'(<pic:cNvPr descr="figures/([^"<>]+)\.png"[^<>]*/>.*?<a:blip r:embed="[^"]+")\s*(/>|>)', re.S)


@dataclass
class SvgFigures:
    """Each figure's SVG beside its PNG in the DOCX (Office's svgBlip): Word shows the vector, and a reader that
    does not know SVG pictures (LibreOffice 7.4 shows nothing for an SVG alone) shows the 300 dpi PNG.

    pandoc embeds an SVG only with a PNG made by rsvg-convert, a system tool; the PNG files the charts already
    have are used instead, and the SVG is added here."""

    names: list[str]
    media: dict[str, bytes]

    def rel_id(self, name: str) -> str:
        return f"rIdSvg{self.names.index(name) + 1}"

    def document(self, xml: bytes) -> bytes:
        def add(match: re.Match[str]) -> str:
            if match[2] not in self.names:
                return match[0]
            svg = (
                f'<a:extLst><a:ext uri="{SVG_EXT_URI}"><asvg:svgBlip xmlns:asvg="{ASVG_NS}" '
                f'r:embed="{self.rel_id(match[2])}"/></a:ext></a:extLst>'
            )
            return f"{match[1]}>{svg}</a:blip>" if match[3] == "/>" else f"{match[1]}>{svg}"

        if not self.names:
            return xml
        return PIC_RE.sub(add, xml.decode("utf-8")).encode("utf-8")

    def relationships(self, xml: bytes) -> bytes:
        rels = "".join(
            f'<Relationship Id="{self.rel_id(n)}" Type="{IMAGE_REL}" Target="media/{n}.svg" />' for n in self.names
        )
        return xml.replace(b"</Relationships>", rels.encode("utf-8") + b"</Relationships>")

    def content_types(self, xml: bytes) -> bytes:
        if not self.names or b'Extension="svg"' in xml:
            return xml
        return xml.replace(b"<Default ", b'<Default Extension="svg" ContentType="image/svg+xml" /><Default ', 1)


def svg_figures(docx: Path, figures_dir: Path | None) -> SvgFigures:
    """The figures of ``docx`` (pictures made from ``figures/<name>.png``) that have an SVG in ``figures_dir``."""
    if figures_dir is None:
        return SvgFigures([], {})
    with zipfile.ZipFile(docx) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    names = [n for n in dict.fromkeys(m[2] for m in PIC_RE.finditer(document)) if (figures_dir / f"{n}.svg").is_file()]
    return SvgFigures(names, {f"word/media/{n}.svg": (figures_dir / f"{n}.svg").read_bytes() for n in names})
