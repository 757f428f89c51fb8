"""A report's text written as .docx or .pdf, for the tests and the benchmark to draft from the three formats.

The .docx has a paragraph per paragraph of the text and a Word table per block of ``| … |`` lines (python-docx);
the .pdf is the same paragraphs and tables (with ruled cells) set by WeasyPrint, already the appendix's PDF engine.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_BLOCKS = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for block in _BLOCKS.findall(text):
        lines = block.split("\n")
        if all(line.startswith("|") for line in lines):
            rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
            rows = [r for r in rows if not all(set(c) <= set("-: ") for c in r)]  # no markdown rule line
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = re.sub(r"</?i>", "", cell)
        else:
            for line in lines:
                document.add_paragraph(line)
    document.save(str(path))
    return path


def write_pdf(text: str, path: Path) -> Path:
    from weasyprint import HTML

    parts = []
    for block in _BLOCKS.findall(text):
        lines = block.split("\n")
        if all(line.startswith("|") for line in lines):
            rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
            rows = [r for r in rows if not all(set(c) <= set("-: ") for c in r)]  # no markdown rule line
            cells = "".join(
                "<tr>" + "".join(f"<td>{html.escape(re.sub(r'</?i>', '', c))}</td>" for c in r) + "</tr>" for r in rows
            )
            parts.append(f"<table>{cells}</table>")
        else:
            parts += [f"<p>{html.escape(line)}</p>" for line in lines]
    page = (
        "<html><head><meta charset='utf-8'><style>@page{size:A4;margin:2cm} body{font:11pt/1.3 sans-serif}"
        "p{margin:0 0 0.9em 0} table{border-collapse:collapse;margin:0 0 0.9em 0}"
        "td{border:1px solid black;padding:2px 4px}</style></head><body>" + "".join(parts) + "</body></html>"
    )
    HTML(string=page).write_pdf(str(path))
    return path
