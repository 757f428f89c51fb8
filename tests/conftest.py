"""Shared fixtures and helpers.

* ``figures_2023`` and ``catalogue``: the real 2023 figures and the indicator catalogue, loaded once per session;
* ``figures_frame(rows)``: a small hand-made figures frame shaped like ``load_year``'s;
* ``data_copy``, ``set_cell``: a private copy of the data folder that a test may break;
* ``all_builds``: every year's appendix in both languages, built once (tests that read it join the xdist
  group "build", so that ``pytest -n 2 --dist loadgroup`` builds it on one worker only);
* ``chromium``: the browser the appendix is opened in.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pandas as pd
import pytest

from helpers.data.loading import available_years, load_catalogue, load_year
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


def append_source(data: Path, source: dict[str, str]) -> None:
    """Add a test source to ``data/sources.csv`` with the lowest priority; a column ``source`` does not name is
    left empty, so the fixture keeps working when sources.csv gains a column."""
    sources = read_rows(data / "sources.csv")
    head = sources[0]
    priority = max(int(r[head.index("priority")]) for r in sources[1:]) + 1
    row = {"url": "", "role": "primary", **source, "priority": str(priority)}
    write_rows(data / "sources.csv", sources + [[row.get(c, "") for c in head]])


@pytest.fixture
def set_cell() -> Callable[[Path, int, str, str], None]:
    """``set_cell(path, line, column, text)``: change one cell (line numbers as in error messages)."""

    def _set(path: Path, line: int, column: str, text: str) -> None:
        rows = read_rows(path)
        rows[line - 1][rows[0].index(column)] = text
        write_rows(path, rows)

    return _set


# Figures -------------------------------------------------------------------------


def _pristine(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """Yield ``frame`` to the session; afterwards fail if a test changed it in place."""
    before = frame.copy(deep=True)
    yield frame
    pd.testing.assert_frame_equal(frame, before, obj="a session fixture changed by a test (copy it first)")


@pytest.fixture(scope="session")
def figures_2023() -> Iterator[pd.DataFrame]:
    """The 2023 figures as ``load_year(2023)`` gives them, loaded once for every test that reads them."""
    yield from _pristine(load_year(2023))


@pytest.fixture(scope="session")
def catalogue() -> Iterator[pd.DataFrame]:
    """The indicator catalogue (data/indicators.csv), loaded once."""
    yield from _pristine(load_catalogue())


FIGURE_DEFAULTS = {"source_id": "sldtbxh_2023_report", "preferred": True, "note": "", "locator": "", "vintage": 2023}


def figures_frame(rows: Sequence[tuple], extra: Sequence[str] = ("source_id", "preferred")) -> pd.DataFrame:
    """A small figures frame, the catalogue's columns joined as ``load_year`` joins them.

    Each row is ``(indicator_id, period, kind, breakdown, value, printed, *more)``, where ``more`` fills the
    columns named in ``extra`` in order; a column left out takes its value from ``FIGURE_DEFAULTS``.
    """
    keys = ["indicator_id", "period", "kind", "breakdown", "value", "printed", *extra]
    records = []
    for row in rows:
        assert 6 <= len(row) <= len(keys), f"a row of 6 to {len(keys)} cells, got {row}"
        record = {**FIGURE_DEFAULTS, **dict(zip(keys, row, strict=False))}
        records.append({**record, "value": float(record["value"])})
    frame = pd.DataFrame.from_records(records)
    return frame.merge(load_catalogue(), on="indicator_id", how="left", validate="many_to_one")


# Builds --------------------------------------------------------------------------

BUILD_LANGS = ("vi", "en")


@pytest.fixture(scope="session")
def all_builds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every year with data, in both languages, built once into a temporary outputs folder."""
    from helpers.build.publish import build_many

    root = tmp_path_factory.mktemp("outputs-all")
    build_many([(year, lang) for lang in BUILD_LANGS for year in available_years()], outputs_dir=root, progress=False)
    return root


# Browser -------------------------------------------------------------------------

SYSTEM_CHROMIUMS = ("chromium", "chromium-browser")


def find_chromium() -> str | None:
    """The system's Chromium if there is one (its path); else None, after installing Playwright's own.

    Playwright's own is installed the ordinary way, ``python -m playwright install chromium``, which does
    nothing when it is already there. On Linux it may also need system libraries, which
    ``python -m playwright install-deps chromium`` installs (as root).
    """
    for name in SYSTEM_CHROMIUMS:
        if found := shutil.which(name):
            return found
    installed = subprocess.run(
        [sys.executable, "-m", "playwright", "install", "chromium"], capture_output=True, text=True
    )
    if installed.returncode != 0:
        tail = (installed.stderr or installed.stdout).strip().splitlines()[-3:]
        pytest.fail(
            "No Chromium on this machine, and `python -m playwright install chromium` failed: "
            + " / ".join(tail)
            + ". Install one (e.g. apt-get install chromium) or allow the download."
        )
    return None


@pytest.fixture(scope="session")
def chromium() -> str | None:
    """The executable_path for Playwright's ``chromium.launch``: the system Chromium, or None for Playwright's own."""
    return find_chromium()
