"""The appendix in other formats: PDF (WeasyPrint, from the same HTML) and an Excel workbook of its tables.

The workbook is made reproducible: openpyxl stamps the save time into
``docProps/core.xml`` and into every zip entry, and :func:`normalise_zip`
rewrites the file with fixed dates, so that the same tables give the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from .assemble import Caption
from .frontmatter import text

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
SHEET_NAME_MAX = 31
SHEET_FORBIDDEN_RE = re.compile(r"[\[\]:*?/\\]")
INT_RE = re.compile(r"^-?(0|[1-9]\d{0,14})$")
FLOAT_RE = re.compile(r"^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$")
CORE_TIME_RE = re.compile(r"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def write_pdf(document: str, target: Path, base_url: Path | None = None) -> Path:
    """Render the appendix HTML to an A4 PDF with WeasyPrint, set in the project's Tinos.

    Page size, margins and page numbers come from the document's print CSS;
    the ``@font-face`` rules for the font files kept in :mod:`helpers.fonts`
    are added here only, so that the HTML stays one self-contained file and
    the PDF never depends on the fonts a machine has installed.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from .fonts import font_face_css

    fonts = FontConfiguration()
    faces = CSS(string=font_face_css(), font_config=fonts)
    HTML(string=document, base_url=str(base_url or target.parent)).write_pdf(
        str(target), stylesheets=[faces], font_config=fonts)
    return target


def cell_value(raw: str) -> str | int | float | None:
    """A CSV cell as Excel should hold it: empty → blank, numbers as numbers, the rest as text."""
    if raw == "":
        return None
    if INT_RE.match(raw):
        return int(raw)
    if FLOAT_RE.match(raw) and any(mark in raw for mark in ".eE"):
        return float(raw)
    return raw  # codes with leading zeros, integers too long for Excel's 15 digits, text


def read_csv_rows(path: Path) -> list[list[str]]:
    """A CSV file as lists of cells, header first."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def sheet_names(captions: Sequence[Caption], lang: str) -> list[str]:
    """One sheet name per table: "Bảng 3 <short name>", at most 31 characters, unique, no forbidden characters."""
    names: list[str] = []
    taken = {text("contents", lang).lower()}
    for c in captions:
        short = c.name.split("_", 2)[-1] if re.match(r"^\d{2}_", c.name) else c.name
        base = SHEET_FORBIDDEN_RE.sub("_", f"{text('table', lang)} {c.number} {short}")[:SHEET_NAME_MAX].strip(" '")
        name, k = base, 2
        while name.lower() in taken:
            suffix = f" ({k})"
            name, k = base[: SHEET_NAME_MAX - len(suffix)] + suffix, k + 1
        taken.add(name.lower())
        names.append(name)
    return names


def write_xlsx(tables: Sequence[Caption], csv_dir: Path, target: Path, lang: str, title: str,
               stamp: datetime = datetime(2000, 1, 1)) -> Path:
    """Write every table (``csv_dir/<name>.csv``) to its own sheet, after a contents sheet.

    The contents sheet lists each table's label, caption, source and sheet (a
    link). ``stamp`` is the date written as the workbook's creation and
    modification time, so that nothing depends on the clock.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    contents = workbook.active
    contents.title = text("contents", lang)
    contents.append([title])
    contents["A1"].font = Font(bold=True, size=12)
    contents.append([])
    header = [text("table", lang), "Tiêu đề" if lang == "vi" else "Caption", "Nguồn" if lang == "vi" else "Source",
              "Trang tính" if lang == "vi" else "Sheet"]
    contents.append(header)
    for cell in contents[3]:
        cell.font = Font(bold=True)
    names = sheet_names(tables, lang)
    for caption, name in zip(tables, names):
        rows = read_csv_rows(csv_dir / f"{caption.name}.csv")
        sheet = workbook.create_sheet(name)
        for i, row in enumerate(rows):
            sheet.append(row if i == 0 else [cell_value(v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for j in range(max((len(r) for r in rows), default=0)):
            width = max((len(r[j]) for r in rows if j < len(r)), default=8)
            sheet.column_dimensions[get_column_letter(j + 1)].width = min(max(width + 2, 8), 60)
        contents.append([caption.label, caption.caption, caption.source, name])
        link = contents.cell(row=contents.max_row, column=4)
        link.hyperlink = f"#'{name}'!A1"
        link.style = "Hyperlink"
    for column, width in zip("ABCD", (10, 70, 45, 32)):
        contents.column_dimensions[column].width = width
    workbook.properties.creator = "helpers.build"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    workbook.save(str(target))
    normalise_zip(target, stamp)
    return target


def normalise_zip(path: Path, stamp: datetime = datetime(2000, 1, 1)) -> Path:
    """Rewrite an Office zip so that it has no save time in it: fixed entry dates and core properties.

    The entries keep the order they were written in (openpyxl's own, which is
    stable); their dates become 1980-01-01 and the workbook's created/modified
    properties become ``stamp``.
    """
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = CORE_TIME_RE.sub(lambda m: f"{m[1]}{iso}{m[3]}", data.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compresslevel=6)
    path.write_bytes(buffer.getvalue())
    return path
