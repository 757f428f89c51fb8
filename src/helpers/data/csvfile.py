"""Reading one CSV file of the data as text, refusing what an editor or a spreadsheet can get wrong.

Every cell is read as text (nothing coerced) and normalised to Unicode NFC, so that "Lưới" typed with combining
marks (as a macOS keyboard does) is the same text as the composed "Lưới" the rest of the data and the code use.
A file is refused, in one sentence naming the file, the line and the column, when it cannot be read, is larger than
:data:`MAX_FILE_BYTES` or empty, when a spreadsheet saved it with another separator, when a missing closing quote
would swallow the lines after it, when a cell holds a control character, an invisible format or direction
character, the replacement character U+FFFD, UTF-8 read as Windows-1252 ("Æ°" for "ư"), a digit other than 0-9,
text a spreadsheet would run as a formula, or more characters than a spreadsheet cell holds. Validation against the
contract comes after (:mod:`helpers.data.contract`).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from helpers.errors import DataError
from helpers.paths import display_path

# Control characters a cell may not hold (tab, line feed and carriage return are dealt with on their own).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
# The largest data file read at all. The largest today (figures/2023.csv) is about 30 KB; a year with every district
# of every indicator would be under 1 MB. A 10 MB file takes about 10 s and 100 MB of memory to load and check
# (bench/bench_load_memory.py); a larger one is a mistake (a wrong export, a log saved over the data), refused by
# its size before it is parsed: a 262 MB file was once refused only after 286 s and 3.7 GB.
MAX_FILE_BYTES = 10 * 1024 * 1024
# The most characters a spreadsheet cell holds (Excel's limit): every cell may end up in the workbook.
MAX_CELL_CHARS = 32_767
# How much of a cell a message quotes.
QUOTE_CHARS = 60
# Text a spreadsheet would run as a formula when the cell is opened or pasted: '=', '+', '@' first, or '-' before
# anything but a digit ('-14966' stays a number).
FORMULA_RE = re.compile(r"^(?:[=+@]|-(?![0-9]))")
# Bytes 0x80-0xBF (UTF-8's continuation bytes) as Windows-1252 or Latin-1 show them: what UTF-8 text read in the
# wrong encoding turns each byte after a lead byte into.
_CONTINUATION = {bytes([b]).decode("latin-1"): b for b in range(0x80, 0xC0)} | {
    bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
# A lead byte of a 2-, 3- or 4-byte UTF-8 sequence (0xC2-0xF4, the same characters in both encodings) followed by
# continuation characters: a candidate for mojibake, confirmed only if its bytes decode as UTF-8 (see mojibake()).
_MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][" + re.escape("".join(_CONTINUATION)) + "]{1,3}")


def quote(text: str, keep: int = QUOTE_CHARS) -> str:
    """A cell as a message quotes it: at most ``keep`` characters, then '…' (one message once quoted 52 KB)."""
    return text if len(text) <= keep else text[:keep] + "…"


def invisible(text: str) -> list[tuple[int, str]]:
    """The invisible format and direction characters in ``text`` (Unicode category Cf: zero-width spaces and
    joiners, direction marks and embeddings U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, U+FEFF, the soft hyphen…),
    and the replacement character U+FFFD, as (position from 1, character)."""
    return [(i, ch) for i, ch in enumerate(text, start=1) if ch == "\ufffd" or unicodedata.category(ch) == "Cf"]


def character_name(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: a character as a message names it."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"


def mojibake(text: str) -> tuple[int, str, str] | None:
    """The first run of ``text`` that is UTF-8 read as Windows-1252 or Latin-1 ("Æ°", "á»›", "Ã©") as (position from
    1, the run, what it was written as: "ư"), or None.

    The rule: a character U+00C2-U+00F4 (a UTF-8 lead byte) followed by one to three characters that stand for the
    bytes 0x80-0xBF, whose bytes together decode as exactly one UTF-8 character. Vietnamese written right has no
    such run ("à…" is not one: its bytes are no UTF-8 sequence), so no real text is refused by it."""
    for match in _MOJIBAKE_RE.finditer(text):
        run = match[0]
        lead = ord(run[0])
        length = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        if len(run) < length:
            continue
        run = run[:length]
        raw = bytes([lead, *(_CONTINUATION[ch] for ch in run[1:])])
        try:
            decoded = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return match.start() + 1, run, decoded
    return None


def shown_path(path: Path) -> str:
    """How a data file is named in messages: from its data folder on (``data/figures/2023.csv``)."""
    path = Path(path)
    for parent in path.parents:
        if parent.name == "data":
            return str(path.relative_to(parent.parent))
    return display_path(path)


# A line with its end (\r\n, \r or \n, as a file opened with newline="" gives them to the csv module).
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, one at a time. Not io.StringIO(text), which holds a second copy of the whole file at
    four bytes a character: loading used about 14 times the file's size in memory."""
    return (match[0] for match in _LINE_RE.finditer(text))


class _CheckedReader:
    """``csv.reader`` whose errors (a field over the reader's 128 KiB limit…) become a DataError naming the line."""

    def __init__(self, shown: str, text: str) -> None:
        self._shown = shown
        self._reader = csv.reader(_lines(text))

    @property
    def line_num(self) -> int:
        return self._reader.line_num

    def __iter__(self) -> _CheckedReader:
        return self

    def __next__(self) -> list[str]:
        line = self._reader.line_num + 1
        try:
            return next(self._reader)
        except csv.Error as exc:
            limit = csv.field_size_limit()
            problem = (
                f"a field is longer than {limit:,} characters, the most a CSV field may hold here; "
                "shorten it (a note belongs in a few sentences)"
                if "field limit" in str(exc)
                else f"the line cannot be read as CSV ({exc})"
            )
            raise DataError(self._shown, problem, row=line) from None


def read_table(path: Path, columns: list[str], rows_required: bool = True) -> pd.DataFrame:
    """Read a contract CSV as text cells, indexed by line number (header = line 1).

    Refuses a file that is missing, empty, not UTF-8, lacks or adds columns,
    or has a line with the wrong number of fields; and, unless ``rows_required`` is False (a file whose rows
    may rightly be none, such as data/relations.csv), a header without rows.
    """
    shown = shown_path(path)
    raw = read_bytes(path)
    empty = f"the file is empty; expected a header line with the columns {', '.join(columns)}"
    if not raw.strip():
        raise DataError(shown, empty)
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a BOM; that is still UTF-8
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            shown,
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded); save it as 'CSV UTF-8'",
            row=line,
        ) from None
    del raw  # the text is all that is needed from here on
    if not text.strip():  # only a byte-order mark: what a "CSV UTF-8" export of an emptied sheet gives
        raise DataError(shown, empty + " (it holds only a byte-order mark or blank lines)")
    reader = _CheckedReader(shown, text)
    header = next(reader)
    _check_separator(shown, header, columns)
    header = _check_cells(shown, [], 1, header)
    missing = [c for c in columns if c not in header]
    extra = [c for c in header if c not in columns]
    if missing:
        raise DataError(shown, f"missing column '{missing[0]}'; expected the columns {', '.join(columns)}", row=1)
    if extra:
        raise DataError(shown, f"unexpected column '{extra[0]}'; expected the columns {', '.join(columns)}", row=1)
    if len(set(header)) != len(header):
        raise DataError(shown, "a column name appears twice in the header", row=1)
    rows, lines = [], []
    line = reader.line_num
    try:
        for fields in reader:
            start, line = line + 1, reader.line_num
            if not fields or fields == [""] * len(fields):
                raise DataError(shown, "blank line; remove it or fill it in", row=start)
            fields = _check_cells(shown, header, start, fields)
            if len(fields) != len(header):
                raise DataError(shown, f"the line has {len(fields)} fields, expected {len(header)}", row=start)
            rows.append(fields)
            lines.append(start)
    except csv.Error as exc:
        raise DataError(shown, f"the line cannot be read as CSV ({exc})", row=line + 1) from None
    if not rows and rows_required:
        raise DataError(shown, "the file has a header but no rows")
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype=str)
    return frame[columns]


def _check_separator(shown: str, header: list[str], columns: list[str]) -> None:
    """Refuse a header that is the expected columns joined by ';' or a tab, naming the separator."""
    if len(header) != 1:
        return
    for separator, name in ((";", "';'"), ("\t", "a tab")):
        if len(header[0].split(separator)) > 1 and set(header[0].split(separator)) & set(columns):
            raise DataError(
                shown,
                f"the cells are separated by {name}, not ',' (a spreadsheet set to a Vietnamese or other European "
                "locale saves CSV with ';' between cells and ',' as the decimal mark); save it as 'CSV UTF-8 "
                "(comma delimited)' with '.' as the decimal mark",
                row=1,
            )


def read_bytes(path: Path) -> bytes:
    """A data file's bytes; a file that is missing, a folder, too large or unreadable is refused in one sentence."""
    shown = shown_path(path)
    try:
        if not path.is_file():
            raise DataError(shown, "the file does not exist" if not path.exists() else "a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(
                shown,
                f"the file is {size / 2**20:,.0f} MB, more than the {MAX_FILE_BYTES // 2**20} MB a data file may be "
                "(the largest today is well under 1 MB), so it is probably not the data",
            )
        return path.read_bytes()
    except OSError as exc:
        raise DataError(shown, f"the file cannot be read ({exc.strerror or exc}); check its permissions") from None


def _check_cells(shown: str, header: list[str], start: int, fields: list[str]) -> list[str]:
    """Refuse a cell that runs over several lines, holds a control, invisible or mis-decoded character, a digit
    other than 0-9, a formula or too many characters; return the cells normalised to NFC."""
    for index, cell in enumerate(fields):
        column = header[index] if index < len(header) else None
        if "\n" in cell or "\r" in cell:
            lines = cell.count("\n") + 1
            raise DataError(
                shown,
                f"the cell runs on over {lines} lines, so a closing quote '\"' is probably missing and the lines "
                "after it were swallowed into this cell; a cell must stay on one line",
                row=start,
                column=column,
            )
        control = CONTROL_RE.search(cell)
        if control:
            raise DataError(
                shown,
                f"the cell holds the control character U+{ord(control[0]):04X} at position {control.start() + 1}; "
                "remove it (it is invisible in most editors)",
                row=start,
                column=column,
            )
        if not cell.isascii():  # most cells (codes, numbers, dates) are ASCII: nothing below can be in them
            _check_unicode(shown, start, column, cell)
        _check_spreadsheet(shown, start, column, cell)
    return [cell if cell.isascii() else unicodedata.normalize("NFC", cell) for cell in fields]


def _check_unicode(shown: str, start: int, column: str | None, cell: str) -> None:
    """Refuse digits other than 0-9, invisible characters, U+FFFD and mojibake."""
    for char in cell:
        if not char.isascii() and unicodedata.category(char) == "Nd":
            raise DataError(
                shown,
                f"the cell holds the digit '{char}' ({unicodedata.name(char, f'U+{ord(char):04X}').lower()}); "
                f"type the digits 0-9, got '{quote(cell)}'",
                row=start,
                column=column,
            )
    found = invisible(cell)
    if found:
        named = ", ".join(f"{character_name(ch)} at position {i}" for i, ch in found[:3])
        more = f" and {len(found) - 3} more" if len(found) > 3 else ""
        shown_cell = "".join(
            f"<U+{ord(ch):04X}>" if ch == "\ufffd" or unicodedata.category(ch) == "Cf" else ch for ch in quote(cell)
        )
        raise DataError(
            shown,
            f"the cell holds {named}{more}, invisible characters (or the mark of a character lost in a conversion) "
            f"that make two spellings of one name look the same; retype the text without them, got '{shown_cell}'",
            row=start,
            column=column,
        )
    bad = mojibake(cell)
    if bad:
        position, run, meant = bad
        raise DataError(
            shown,
            f"the cell holds '{run}' at position {position}, which is '{meant}' saved as UTF-8 and read back as "
            f"Windows-1252 or Latin-1; retype the text or open the file as UTF-8, got '{quote(cell)}'",
            row=start,
            column=column,
        )


def _check_spreadsheet(shown: str, start: int, column: str | None, cell: str) -> None:
    """Refuse a cell a spreadsheet would run as a formula, or one longer than a spreadsheet cell holds."""
    if FORMULA_RE.match(cell):
        raise DataError(
            shown,
            f"the cell begins with '{cell[0]}', which a spreadsheet runs as a formula when the appendix's tables "
            "are opened; reword it so that it does not begin with =, +, @ or a '-' before a non-digit, "
            f"got '{quote(cell)}'",
            row=start,
            column=column,
        )
    if len(cell) > MAX_CELL_CHARS:
        raise DataError(
            shown,
            f"the cell holds {len(cell):,} characters, more than the {MAX_CELL_CHARS:,} a spreadsheet cell can hold "
            "(the appendix's workbook would refuse it); shorten it",
            row=start,
            column=column,
        )
