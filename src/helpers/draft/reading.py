"""The report's text, from the format the analyst was given: .txt (UTF-8), .docx or .pdf.

- .docx is read with python-docx: paragraphs in order, and each table row as one ``| a | b |`` line, the way the
  text version of the report writes its tables (so the audit's table-row rule sees the same thing).
- .pdf is read with pdfplumber (pure Python on pdfminer.six, pinned with pip like every other package; poppler's
  ``pdftotext`` would be a system package the project's environment files cannot pin, and has no tables), page by
  page: lines joined into paragraphs by their spacing, ruled tables as ``| … |`` rows.
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
    """The pages' text: lines joined into paragraphs (a line starts a new paragraph when the gap above it is wider
    than half a line's height, as a blank line does in the text, or when the page before ended a sentence), and
    each ruled table found by pdfplumber as ``| a | b |`` lines at its place, its cells left out of the running
    text."""
    import pdfplumber

    paragraphs: list[str] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]
            blocks: list[tuple[float, str]] = [
                (
                    t.bbox[1],
                    "\n".join(
                        "| " + " | ".join((c or "").replace("\n", " ") for c in row) + " |" for row in t.extract()
                    ),
                )
                for t in tables
            ]
            outside = page.filter(lambda obj, boxes=boxes: not any(_inside(obj, box) for box in boxes))
            previous = None
            for line in outside.extract_text_lines():
                height = line["bottom"] - line["top"]
                if previous is None or line["top"] - previous["bottom"] > 0.5 * height:
                    blocks.append((line["top"], line["text"]))
                else:
                    top, said = blocks[-1]
                    blocks[-1] = (top, said + " " + line["text"])
                previous = line
            ordered = [said for _, said in sorted(blocks, key=lambda b: b[0])]
            # A paragraph the page ended without a sentence's end goes on at the top of the next page.
            if ordered and paragraphs and _runs_on(paragraphs[-1]) and not ordered[0].startswith("|"):
                paragraphs[-1] += " " + ordered.pop(0)
            paragraphs += ordered
    return "\n\n".join(paragraphs) + "\n"


def _runs_on(paragraph: str) -> bool:
    return not paragraph.startswith("|") and not paragraph.rstrip().endswith((".", "!", "?", ":", ";", "”", '"', ")"))


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return (
        obj.get("x0", -1) >= x0 - 1
        and obj.get("x1", 1e9) <= x1 + 1
        and obj.get("top", -1) >= top - 1
        and (obj.get("bottom", 1e9) <= bottom + 1)
    )
