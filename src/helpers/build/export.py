"""The appendix as a PDF (WeasyPrint, from the same HTML), and the reproducible Office zip.

openpyxl and python-docx stamp the save time into ``docProps/core.xml`` and into every zip entry;
:func:`normalise_zip` rewrites the file with fixed dates, so that the same tables give the same bytes
(the workbook, :mod:`helpers.build.workbook`, and the Word file, :mod:`helpers.build.word`).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
CORE_TIME_RE = re.compile(r"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def write_pdf(document: str, target: Path, base_url: Path | None = None) -> Path:
    """Render the appendix HTML to an A4 PDF with WeasyPrint, set in the project's Tinos.

    Page size, margins and page numbers come from the document's print CSS;
    the ``@font-face`` rules for the font files kept in :mod:`helpers.build.fonts`
    are added here only, so that the HTML stays one self-contained file and
    the PDF never depends on the fonts a machine has installed. The document is the one composed for print
    (:meth:`helpers.build.assemble.Appendix.with_figures` ``("print")``): its charts are the SVG files (vector, sharp
    at any zoom and in print) found from ``base_url``, each the copy with its words kept as text
    (:data:`helpers.present.handoff.PRINT_SVG_DIR`), set in the charts' own font, which is declared here too.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from helpers.build.fonts import chart_font_face_css, font_face_css

    fonts = FontConfiguration()
    faces = CSS(string=f"{font_face_css()}\n{chart_font_face_css()}", font_config=fonts)
    HTML(string=document, base_url=str(base_url or target.parent)).write_pdf(
        str(target), stylesheets=[faces], font_config=fonts
    )
    return target


def normalise_zip(
    path: Path,
    stamp: datetime = datetime(2000, 1, 1),
    rewrite: Mapping[str, Callable[[bytes], bytes]] | None = None,
    add: Mapping[str, bytes] | None = None,
) -> Path:
    """Rewrite an Office zip so that it has no save time in it: fixed entry dates and core properties.

    The entries keep the order they were written in (openpyxl's own, which is
    stable); their dates become 1980-01-01 and the workbook's created/modified
    properties become ``stamp``. ``rewrite`` maps an entry's name to a function
    changing its bytes on the way (the Word tables' layout, :mod:`helpers.build.word_tables`); ``add``
    holds new entries, written after the others in the order given.
    """
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    entries += list((add or {}).items())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = CORE_TIME_RE.sub(lambda m: f"{m[1]}{iso}{m[3]}", data.decode("utf-8")).encode("utf-8")
            if rewrite and name in rewrite:
                data = rewrite[name](data)
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compresslevel=6)
    path.write_bytes(buffer.getvalue())
    return path
