"""The structured record of what a notebook shows: the one thing every format of the appendix is rendered from.

Each :class:`~helpers.present.report.Report` with an ``output_dir`` writes ``record/<notebook>.jsonl`` there: a first
line naming the notebook, year and language (:class:`Record`), then one line per thing shown, in order: a
:class:`Heading` (level, id, text, part), the key :class:`Findings`, a :class:`Paragraph` (a note, or a "no data"
sentence), a :class:`Figure` (caption, alt text, source, the SVG and PNG files, the screen PNG) and a :class:`Table`
(caption, source line, the cells as shown and, per column, the CSV column behind it with its type). JSON Lines, so
that each hand-off appends one line and a notebook re-run from its first cell starts the file again.

:func:`read_record` loads a file back and refuses a bad one in one sentence naming the file, the line and the field.
The HTML of each item is made here too (:func:`item_html`), once: the notebook shows it and the build's HTML renderer
(:mod:`helpers.build.assemble`) writes the same markup. A light module (standard library only): the build imports it.
"""

from __future__ import annotations

import html
import json
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

from helpers.errors import AppendixError

RECORD_DIR = "record"  # in output_dir: record/<notebook>.jsonl
FIGURES_DIR, TABLES_DIR = "figures", "tables"  # in output_dir: figures/<id>.svg|png, tables/<id>.csv
RECORD_SUFFIX = ".jsonl"
SCHEMA = 1  # the record's version; read_record refuses another
NO_VALUE = "–"  # an empty cell as the tables show it


class RecordError(AppendixError):
    """A notebook's record that cannot be read: one sentence naming the file, the line and the field."""


@dataclass(frozen=True)
class Heading:
    """A heading: its level (1–6), its anchor, its text; ``part="front"`` puts its section on the first page."""

    kind: ClassVar[str] = "heading"
    level: int
    id: str
    text: str
    part: str = ""


@dataclass(frozen=True)
class Findings:
    """The notebook's key findings, one sentence each (the appendix gathers them at the front)."""

    kind: ClassVar[str] = "findings"
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Paragraph:
    """A sentence of narrative (``style="text"``, the one style since a part with nothing to show is left out)."""

    kind: ClassVar[str] = "text"
    text: str
    style: str = "text"


@dataclass(frozen=True)
class Figure:
    """A chart: its id (``<notebook>_<name>``, also its files' name), caption and alt text; the SVG and PNG files
    (paths relative to output_dir) and the PNG shown on screen, base64 (the self-contained HTML embeds it)."""

    kind: ClassVar[str] = "figure"
    id: str
    caption: str
    alt: str
    svg: str
    png: str
    screen_png: str
    source: str = ""


@dataclass(frozen=True)
class Column:
    """A column of a table's CSV (``tables/<id>.csv``): its name there and its CSVW datatype."""

    name: str
    datatype: str


@dataclass(frozen=True)
class Table:
    """A table: id (``<notebook>_<name>``), caption, source line, the header and cells exactly as shown (text,
    ``–`` for no value), and the CSV behind it (``csv``, relative to output_dir) with its typed columns."""

    kind: ClassVar[str] = "table"
    id: str
    caption: str
    source: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    csv: str = ""
    columns: tuple[Column, ...] = ()


Item = Heading | Findings | Paragraph | Figure | Table
ITEM_TYPES: dict[str, type] = {t.kind: t for t in (Heading, Findings, Paragraph, Figure, Table)}
DATATYPES = frozenset({"boolean", "integer", "number", "string"})
STYLES = frozenset({"text"})


@dataclass(frozen=True)
class Record:
    """One notebook's record: who made it (notebook, year, language) and what it showed, in order."""

    notebook: str
    year: int
    lang: str
    items: tuple[Item, ...] = ()


# Writing ------------------------------------------------------------------------------------------------------------


def _plain(value: object) -> object:
    """A record value as JSON holds it (tuples as lists, columns as objects)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Column):
        return {"name": value.name, "datatype": value.datatype}
    return value


def item_line(item: Item) -> str:
    """One item as a line of the record: ``{"kind": …, <its fields>}``."""
    body = {"kind": item.kind, **{f.name: _plain(getattr(item, f.name)) for f in fields(item)}}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"


def head_line(notebook: str, year: int, lang: str) -> str:
    """The record's first line."""
    head = {"schema": SCHEMA, "notebook": notebook, "year": int(year), "lang": lang}
    return json.dumps(head, ensure_ascii=False, separators=(",", ":")) + "\n"


def record_path(output_dir: str | Path, notebook: str) -> Path:
    return Path(output_dir) / RECORD_DIR / f"{notebook}{RECORD_SUFFIX}"


def start_record(output_dir: str | Path, notebook: str, year: int, lang: str) -> Path:
    """Begin (or begin again) a notebook's record with its first line."""
    path = record_path(output_dir, notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head_line(notebook, year, lang), encoding="utf-8")
    return path


def append_item(path: Path, item: Item) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(item_line(item))


# Reading ------------------------------------------------------------------------------------------------------------


class _Bad(Exception):
    """A problem in one line of a record (its field and what is wrong), made a RecordError by read_record."""


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise _Bad(f"field '{name}' must be text, not {type(value).__name__}")
    return value


def _texts(value: object, name: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _Bad(f"field '{name}' must be a list of texts")
    return tuple(_text(v, name) for v in value)


def _item(body: object) -> Item:
    if not isinstance(body, dict):
        raise _Bad("the line is not a JSON object")
    kind = body.get("kind")
    if kind not in ITEM_TYPES:
        raise _Bad(f"field 'kind' is {kind!r}, not one of {', '.join(sorted(ITEM_TYPES))}")
    cls = ITEM_TYPES[kind]
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(body) - names - {"kind"})
    if unknown:
        raise _Bad(f"field '{unknown[0]}' is not a field of a {kind}")
    needed = [f.name for f in fields(cls) if f.default is MISSING and f.name not in body]
    if needed:
        raise _Bad(f"field '{needed[0]}' is missing from a {kind}")
    values: dict[str, Any] = {}
    for name, value in body.items():
        if name == "kind":
            continue
        if name == "level":
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 6:
                raise _Bad(f"field 'level' must be a whole number from 1 to 6, not {value!r}")
            values[name] = value
        elif name in ("sentences", "header"):
            values[name] = _texts(value, name)
        elif name == "rows":
            if not isinstance(value, list):
                raise _Bad("field 'rows' must be a list of rows")
            values[name] = tuple(_texts(row, "rows") for row in value)
        elif name == "columns":
            if not isinstance(value, list) or not all(isinstance(c, dict) for c in value):
                raise _Bad("field 'columns' must be a list of objects with a name and a datatype")
            columns = tuple(Column(_text(c.get("name"), "columns"), _text(c.get("datatype"), "columns")) for c in value)
            odd = [c.datatype for c in columns if c.datatype not in DATATYPES]
            if odd:
                raise _Bad(f"field 'columns' has the datatype {odd[0]!r}, not one of {', '.join(sorted(DATATYPES))}")
            values[name] = columns
        else:
            values[name] = _text(value, name)
    item = cls(**values)
    if isinstance(item, Paragraph) and item.style not in STYLES:
        raise _Bad(f"field 'style' is {item.style!r}, not one of {', '.join(sorted(STYLES))}")
    if isinstance(item, Table) and any(len(row) != len(item.header) for row in item.rows):
        width = next(len(row) for row in item.rows if len(row) != len(item.header))
        raise _Bad(f"field 'rows' has a row of {width} cells under a header of {len(item.header)}")
    return item


def read_record(path: Path, shown_as: str | None = None) -> Record:
    """A notebook's record from its file; a RecordError in one sentence for a file that is not one (``shown_as``:
    how the file is named in that sentence, its path by default)."""
    name = shown_as or str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RecordError(f"The record {name} is missing: the notebook ran without output_dir or failed.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordError(f"The record {name} cannot be read ({exc}).") from None
    try:
        head = json.loads(lines[0]) if lines else None
    except json.JSONDecodeError as exc:
        raise RecordError(f"The record {name}, line 1, is not JSON ({exc.msg}).") from None
    if not isinstance(head, dict) or head.get("schema") != SCHEMA:
        raise RecordError(f"The record {name}, line 1, does not start a record of schema {SCHEMA}.")
    try:
        notebook, lang = _text(head.get("notebook"), "notebook"), _text(head.get("lang"), "lang")
        year = head.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            raise _Bad(f"field 'year' must be a whole number, not {year!r}")
    except _Bad as bad:
        raise RecordError(f"The record {name}, line 1: {bad}.") from None
    items = []
    for number, line in enumerate(lines[1:], 2):
        try:
            items.append(_item(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise RecordError(f"The record {name}, line {number}, is not JSON ({exc.msg}).") from None
        except _Bad as bad:
            raise RecordError(f"The record {name}, line {number}: {bad}.") from None
    return Record(notebook, year, lang, tuple(items))


# HTML ---------------------------------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """A table cell's text as pandas' ``to_html`` writes it (the notebooks showed tables that way before the record):
    ``&``, ``<``, ``>`` escaped, and a double space kept as two non-breaking spaces."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("  ", "&nbsp;&nbsp;")


def table_markup(table: Table, caption: str = "") -> str:
    """The ``<table>`` of a table item; ``caption`` (HTML) goes in its ``<caption>`` (the Word file's caption)."""
    out = ['<table class="dataframe appendix-table">', *([f"  <caption>{caption}</caption>"] if caption else [])]
    out += ["  <thead>", '    <tr style="text-align: right;">']
    out += [f"      <th>{_cell(h)}</th>" for h in table.header]
    out += ["    </tr>", "  </thead>", "  <tbody>"]
    for row in table.rows:
        out += ["    <tr>", *(f"      <td>{_cell(c)}</td>" for c in row), "    </tr>"]
    out += ["  </tbody>", "</table>"]
    return "\n".join(out)


def item_html(
    item: Item,
    label: str = "",
    attributes: str = "",
    element_id: str | None = None,
    image: str | None = None,
    word: bool = False,
) -> str:
    """The HTML of one item, as the notebook shows it and the appendix prints it. ``label`` fills a figure's or
    table's caption label ("Hình 1. "), ``attributes`` are added to a table block's tag (``data-keep``…),
    ``element_id`` replaces the item's id (the appendix keeps every anchor unique), ``image`` is the address of a
    figure's image instead of its embedded screen PNG (the print's SVG file). ``word`` writes the markup pandoc
    makes a Word caption of: the label in bold, a table's caption in its ``<caption>``, its source line in the
    "Table Source" style (:mod:`helpers.build.word`)."""
    e = html.escape
    if isinstance(item, Heading):
        marked = f' data-part="{e(item.part, quote=True)}"' if item.part else ""
        anchor = element_id or item.id
        return f'<h{item.level} id="{anchor}" class="appendix-heading"{marked}>{e(item.text)}</h{item.level}>'
    if isinstance(item, Findings):
        raise TypeError("the findings are shown by findings_html, with their notebook")
    if isinstance(item, Paragraph):
        return f'<p class="appendix-{item.style}">{e(item.text)}</p>'
    caption_label = f'<span class="caption-label">{e(label) + " " if label else ""}</span>'
    if word:
        caption_label = f"<strong>{e(label)}</strong> " if label else ""
    anchor = element_id or item.id
    if isinstance(item, Figure):
        source = e(image, quote=True) if image is not None else f"data:image/png;base64,{item.screen_png}"
        return (
            f'<figure class="appendix-figure" id="{anchor}" data-name="{item.id}">'
            f'<img alt="{e(item.alt, quote=True)}" src="{source}"/>'
            f"<figcaption>{caption_label}{e(item.caption)}</figcaption></figure>"
        )
    if word:
        return (
            f'<div class="appendix-table-block" id="{anchor}" data-name="{item.id}"{attributes}>'
            f"{table_markup(item, caption_label + e(item.caption))}"
            f'<div data-custom-style="Table Source"><p>{e(item.source)}</p></div></div>'
        )
    return (
        f'<div class="appendix-table-block" id="{anchor}" data-name="{item.id}"{attributes}>'
        f'<p class="table-caption">{caption_label}{e(item.caption)}</p>'
        f'{table_markup(item)}<p class="table-source">{e(item.source)}</p></div>'
    )


def findings_html(notebook: str, findings: Findings) -> str:
    """The key findings as the notebook shows them."""
    items = "".join(f"<li>{html.escape(s)}</li>" for s in findings.sentences)
    return (
        f'<div class="appendix-findings" data-notebook="{notebook}"><p><strong>{findings.title}</strong></p>'
        f"<ul>{items}</ul></div>"
    )
