"""Make ``reference.docx``, the styles of the Word appendix: ``python -m helpers.build.templates.make_reference_docx``.

pandoc takes from a reference document its styles, page size and margins,
and headers; an office can swap in its own template with the same style
names. This script starts from the default reference document of the pinned
pandoc (pypandoc-binary) and changes only what the appendix needs, so the
result is reproducible and reviewable (the committed ``reference.docx`` is its
output; ``tests/test_word.py`` checks that the two agree):

* every style in Times New Roman (the office norm in Word; it has every
  Vietnamese letter), body 13 pt justified, headings black, 15/14/13 pt;
* Heading 1 starts a page, as the PDF's sections do;
* captions centred, tables ruled above, below and under the header row, table
  text 11 pt, and a "Table Source" style for the source line under a table;
* cover styles (Cover Head, Cover Place Date, Cover Title, Cover Note);
* A4 with the margins of Nghị định 30/2020/NĐ-CP (top and bottom 20 mm, left
  30 mm, right 15 mm) and the page number, 13 pt, centred in the header, not
  on the first page.

Hand-written XML is kept to those changes: pandoc and python-docx have no API
for editing a reference document's styles, header or section.
"""

from __future__ import annotations

import io
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ET.register_namespace("w", W)
ET.register_namespace("r", R)
TARGET = Path(__file__).with_name("reference.docx")
FONT = "Times New Roman"
MM = 1440 / 25.4  # twips per millimetre
PAGE = {"w": round(210 * MM), "h": round(297 * MM)}
MARGINS = {"top": 20, "right": 15, "bottom": 20, "left": 30, "header": 10, "footer": 10}  # mm


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _el(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, w(tag))
    for key, value in attrs.items():
        child.set(w(key), value)
    return child


def _child(parent: ET.Element, tag: str, before: tuple[str, ...] = ()) -> ET.Element:
    """The first ``tag`` child of ``parent``, made (ahead of any of ``before``) when missing."""
    found = parent.find(w(tag))
    if found is not None:
        return found
    new = ET.Element(w(tag))
    for i, existing in enumerate(list(parent)):
        if existing.tag in {w(b) for b in before}:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new


def _set(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    """Replace ``parent``'s ``tag`` child by one with ``attrs``."""
    for old in parent.findall(w(tag)):
        parent.remove(old)
    return _el(parent, tag, **attrs)


def _style(
    styles: ET.Element, style_id: str, name: str | None = None, based_on: str = "Normal", kind: str = "paragraph"
) -> ET.Element:
    for style in styles.findall(w("style")):
        if style.get(w("styleId")) == style_id:
            return style
    style = _el(styles, "style", type=kind, styleId=style_id, customStyle="1")
    _el(style, "name", val=name or style_id)
    _el(style, "basedOn", val=based_on)
    _el(style, "qFormat")
    return style


def _ppr(style: ET.Element) -> ET.Element:
    return _child(style, "pPr", before=("rPr", "tblPr", "trPr", "tcPr", "tblStylePr"))


def _rpr(style: ET.Element) -> ET.Element:
    return _child(style, "rPr", before=("tblPr", "trPr", "tcPr", "tblStylePr"))


def _size(style: ET.Element, points: float) -> None:
    rpr = _rpr(style)
    _set(rpr, "sz", val=str(round(points * 2)))
    _set(rpr, "szCs", val=str(round(points * 2)))


def _paragraph(
    style: ET.Element,
    *,
    jc: str | None = None,
    before: int | None = None,
    after: int | None = None,
    line: int | None = None,
    keep_next: bool = False,
    page_break: bool = False,
) -> None:
    ppr = _ppr(style)
    if keep_next and ppr.find(w("keepNext")) is None:
        ppr.insert(0, ET.Element(w("keepNext")))
    if page_break and ppr.find(w("pageBreakBefore")) is None:
        ppr.insert(0, ET.Element(w("pageBreakBefore")))
    if before is not None or after is not None or line is not None:
        spacing = _child(ppr, "spacing", before=("ind", "contextualSpacing", "jc", "outlineLvl"))
        for key, value in (("before", before), ("after", after), ("line", line)):
            if value is not None:
                spacing.set(w(key), str(value))
        if line is not None:
            spacing.set(w("lineRule"), "auto")
    if jc:
        _set(ppr, "jc", val=jc)
        # jc must come before outlineLvl in pPr's sequence
        outline = ppr.find(w("outlineLvl"))
        if outline is not None:
            ppr.remove(outline)
            ppr.append(outline)


def _bold(style: ET.Element, on: bool = True, italic: bool | None = None) -> None:
    rpr = _rpr(style)
    for tag in ("b", "bCs"):
        _set(rpr, tag, **({} if on else {"val": "0"}))
    if italic is not None:
        for tag in ("i", "iCs"):
            _set(rpr, tag, **({} if italic else {"val": "0"}))


# Word refuses a file whose elements are out of the schema's order, so edited elements are put back in it.
SCHEMA_ORDER = {
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
    "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
    "cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook",
}


def _reorder(root: ET.Element) -> None:
    ranks = {w(parent): {w(tag): i for i, tag in enumerate(order.split())} for parent, order in SCHEMA_ORDER.items()}
    for element in root.iter():
        rank = ranks.get(element.tag)
        if rank:
            children = sorted(element, key=lambda child: rank.get(child.tag, len(rank)))
            element[:] = children


def restyle(styles_xml: bytes) -> bytes:
    """pandoc's styles, changed as the module docstring says."""
    root = ET.fromstring(styles_xml)
    for fonts in root.iter(w("rFonts")):  # every font is Times New Roman, never a theme font
        fonts.attrib.clear()
        for key in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(w(key), FONT)
    for style in root.findall(w("style")):  # black text, links included, as on a printed administrative document
        for rpr in style.findall(w("rPr")):
            for color in rpr.findall(w("color")):
                rpr.remove(color)
    defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    _set(defaults, "sz", val="26")
    _set(defaults, "szCs", val="26")
    _set(defaults, "lang", val="vi-VN", eastAsia="en-US", bidi="ar-SA")
    if defaults.find(w("rFonts")) is None:
        _el(defaults, "rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)

    body = _style(root, "BodyText")
    _paragraph(body, jc="both", before=0, after=120, line=288)
    compact = _style(root, "Compact")
    _paragraph(compact, jc="left", before=20, after=20, line=240)
    _size(compact, 11)
    for level, points, page_break in ((1, 15, True), (2, 14, False), (3, 13, False), (4, 13, False)):
        heading = _style(root, f"Heading{level}")
        _paragraph(heading, before=240 if level > 1 else 0, after=120, page_break=page_break)
        _size(heading, points)
        _bold(heading, True, italic=level >= 4)
        char = _style(root, f"Heading{level}Char", kind="character")
        _size(char, points)
    toc_heading = _style(root, "TOCHeading")
    _bold(toc_heading, True)
    _size(toc_heading, 15)
    for level in (1, 2, 3):  # the contents: indented by level, page numbers right-aligned after dots
        toc = _style(root, f"TOC{level}", f"toc {level}")
        toc.find(w("name")).set(w("val"), f"toc {level}")
        _paragraph(toc, before=60 if level == 1 else 0, after=40)
        ppr = _ppr(toc)
        tabs = _set(ppr, "tabs")
        _el(tabs, "tab", val="right", leader="dot", pos=str(round(165 * MM)))
        _set(ppr, "ind", left=str(280 * (level - 1)))
    caption = _style(root, "Caption")
    _paragraph(caption, jc="center", before=60, after=120)
    _size(caption, 12)
    _bold(caption, False, italic=False)
    _paragraph(_style(root, "TableCaption"), keep_next=True, before=120, after=60)
    _paragraph(_style(root, "CaptionedFigure"), jc="center", keep_next=True)
    source = _style(root, "TableSource", "Table Source", based_on="Normal")
    _paragraph(source, jc="left", before=40, after=200)
    _size(source, 11)
    for style_id, name, jc, points, bold, italic in (
        ("CoverHead", "Cover Head", "center", 12, False, False),
        ("CoverPlaceDate", "Cover Place Date", "right", 13, False, True),
        ("CoverTitle", "Cover Title", "center", 16, True, False),
        ("CoverNote", "Cover Note", "left", 12, False, False),
    ):
        style = _style(root, style_id, name)
        _paragraph(style, jc=jc, before=0, after=60 if style_id != "CoverTitle" else 120)
        _size(style, points)
        _bold(style, bold, italic=italic)
    table = _style(root, "Table", kind="table")
    tblpr = table.find(w("tblPr"))
    borders = _set(tblpr, "tblBorders")
    for edge in ("top", "bottom", "insideH"):
        _el(borders, edge, val="single", sz="4", space="0", color="000000")
    _reorder(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


SECTION = (
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdAppendixHeader" />'
    '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
    '<w:pgSz w:w="{w}" w:h="{h}" />'
    '<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="{header}" '
    'w:footer="{footer}" w:gutter="0" />'
    "<w:titlePg /></w:sectPr>"
)
HEADER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:jc w:val="center" /></w:pPr>'
    '<w:r><w:rPr><w:sz w:val="26" /></w:rPr><w:fldChar w:fldCharType="begin" /></w:r>'
    '<w:r><w:rPr><w:sz w:val="26" /></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:rPr><w:sz w:val="26" /></w:rPr><w:fldChar w:fldCharType="separate" /></w:r>'
    '<w:r><w:rPr><w:sz w:val="26" /></w:rPr><w:t>2</w:t></w:r>'
    '<w:r><w:rPr><w:sz w:val="26" /></w:rPr><w:fldChar w:fldCharType="end" /></w:r></w:p></w:hdr>'
)


def pandoc_default() -> bytes:
    """The default reference.docx of the pinned pandoc."""
    import pypandoc

    return subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"], capture_output=True, check=True
    ).stdout


def make(target: Path = TARGET) -> Path:
    """Write the reference document (same pandoc, same bytes)."""
    from helpers.build.export import normalise_zip

    with zipfile.ZipFile(io.BytesIO(pandoc_default())) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts["word/styles.xml"] = restyle(parts["word/styles.xml"])
    twips = {key: round(value * MM) for key, value in MARGINS.items()}
    document = parts["word/document.xml"].decode("utf-8")
    document, found = re.subn(r"<w:sectPr>.*?</w:sectPr>", SECTION.format(**PAGE, **twips), document, flags=re.S)
    assert found == 1, "pandoc's reference document has no single sectPr"
    parts["word/document.xml"] = document.encode("utf-8")
    parts["word/header1.xml"] = HEADER.encode("utf-8")
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" '
        'Id="rIdAppendixHeader" Target="header1.xml" /></Relationships>',
    ).encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/word/header1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" /></Types>',
    ).encode("utf-8")
    settings = parts["word/settings.xml"].decode("utf-8")
    # Word fills in the contents (a TOC field) and the page numbers when it opens the file.
    parts["word/settings.xml"] = settings.replace(
        '<w:zoom w:percent="100" />', '<w:zoom w:percent="100" />\n  <w:updateFields w:val="true" />'
    ).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return normalise_zip(target, datetime(2000, 1, 1))


if __name__ == "__main__":
    print(make())
