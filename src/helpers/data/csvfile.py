"""Reading one CSV file of the data as text, refusing what an editor or a spreadsheet can get wrong.

Every cell is read as text (nothing coerced). A file is refused, in one sentence naming the file, the line and
the column, when a spreadsheet saved it with another separator, when a missing closing quote would swallow the
lines after it, when a cell holds a control character or a digit other than 0-9, or when a field is larger than
the CSV reader can hold. Validation against the contract comes after (:mod:`helpers.data.contract`).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pandas as pd

from helpers.errors import DataError
from helpers.paths import display_path

# Control characters a cell may not hold (tab, line feed and carriage return are dealt with on their own).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def shown_path(path: Path) -> str:
    """How a data file is named in messages: from its data folder on (``data/figures/2023.csv``)."""
    path = Path(path)
    for parent in path.parents:
        if parent.name == "data":
            return str(path.relative_to(parent.parent))
    return display_path(path)


class _CheckedReader:
    """``csv.reader`` whose errors (a field over the reader's 128 KiB limit…) become a DataError naming the line."""

    def __init__(self, shown: str, text: str) -> None:
        self._shown = shown
        self._reader = csv.reader(io.StringIO(text, newline=""))

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
    if not path.is_file():
        raise DataError(shown, "the file does not exist")
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError(shown, f"the file is empty; expected a header line with the columns {', '.join(columns)}")
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a BOM; that is still UTF-8
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            shown,
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded); save it as 'CSV UTF-8'",
            row=line,
        ) from None
    reader = _CheckedReader(shown, text)
    header = next(reader)
    _check_separator(shown, header, columns)
    _check_cells(shown, [], 1, header)
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
            _check_cells(shown, header, start, fields)
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


def _check_cells(shown: str, header: list[str], start: int, fields: list[str]) -> None:
    """Refuse a cell that runs over several lines, holds a control character or a digit other than 0-9."""
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
        for char in cell:
            if unicodedata.category(char) == "Nd" and not char.isascii():
                raise DataError(
                    shown,
                    f"the cell holds the digit '{char}' ({unicodedata.name(char, f'U+{ord(char):04X}').lower()}); "
                    f"type the digits 0-9, got '{cell}'",
                    row=start,
                    column=column,
                )
