"""Shared fixtures: a private copy of the data folder that a test may break."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.paths import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
REPORT_2023 = PROJECT_ROOT.parent / "shared" / "sources" / "2023-bao-cao-tom-tat-sldtbxh-thua-thien-hue.txt"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the real data folder, for tests that corrupt it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def read_rows(path: Path) -> list[list[str]]:
    """A CSV as lists of cells, header first."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    """Write rows back as the project writes CSV (UTF-8, \\n line ends)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def set_cell() -> Callable[[Path, int, str, str], None]:
    """``set_cell(path, line, column, text)``: change one cell (line numbers as in error messages)."""

    def _set(path: Path, line: int, column: str, text: str) -> None:
        rows = read_rows(path)
        rows[line - 1][rows[0].index(column)] = text
        write_rows(path, rows)

    return _set
