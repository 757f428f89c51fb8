"""The report's text, from the format the analyst was given: .txt (UTF-8), .docx or .pdf.

- .docx is read with python-docx: paragraphs in order, and each table row as one ``| a | b |`` line, the way the
  text version of the report writes its tables (so the audit's table-row rule sees the same thing).
- .pdf is read with pdfplumber (pure Python on pdfminer.six, pinned with pip like every other package; poppler's
  ``pdftotext`` would be a system package the project's environment files cannot pin), page by page, with a blank
  line between pages, as a page break reads in the text version.
"""

from __future__ import annotations

from pathlib import Path

from helpers.errors import UsageError

FORMATS = (".txt", ".docx", ".pdf")


def read_report(path: Path) -> str:
    """The text of the report at ``path``; a format other than .txt, .docx or .pdf is refused."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return path.read_text(encoding="utf-8")
    if suffix == ".docx":
        return _docx_text(path)
    if suffix == ".pdf":
        return _pdf_text(path)
    raise UsageError(f"{path}: a report is read from a .txt, .docx or .pdf file, not '{suffix or path.name}'.")


def _docx_text(path: Path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks: list[str] = []
    for item in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            rows = ["| " + " | ".join(cell.text.strip() for cell in row.cells) + " |" for row in item.rows]
            blocks.append("\n".join(rows))
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


def _pdf_text(path: Path) -> str:
    """The pages' lines, joined into paragraphs: a line starts a new paragraph when the gap above it is wider than
    the gap between two lines of one paragraph (half a line's height), as a blank line does in the text."""
    import pdfplumber

    paragraphs: list[str] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            previous = None
            for line in page.extract_text_lines():
                height = line["bottom"] - line["top"]
                if previous is None or line["top"] - previous["bottom"] > 0.5 * height or line["text"].startswith("|"):
                    paragraphs.append(line["text"])
                else:
                    paragraphs[-1] += " " + line["text"]
                previous = line
    return "\n\n".join(paragraphs) + "\n"
