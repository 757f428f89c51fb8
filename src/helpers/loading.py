"""The data API: the catalogue, sources and a year's figures as tidy DataFrames.

Each CSV is read as text, validated against the contract (:mod:`helpers.contract`)
and only then typed, so that bad input is refused with one sentence naming the
file, line and column, and nothing is silently coerced or dropped.

The vintage rule: the figures for year Y come from the files for years ≤ Y.
Where a later file gives a figure (same indicator_id, period, as_of, kind, instrument, breakdown)
that an earlier file also gives, the later file wins; the replaced rows are
kept for the revisions table (:func:`load_revisions`).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import contract
from .errors import DataError, MissingYearError
from .paths import data_dir as default_data_dir
from .paths import display_path

FIGURES_FILE_RE = re.compile(r"^(\d{4})\.csv$")


def shown_path(path: Path) -> str:
    """How a data file is named in messages: from its data folder on (``data/figures/2023.csv``)."""
    path = Path(path)
    for parent in path.parents:
        if parent.name == "data":
            return str(path.relative_to(parent.parent))
    return display_path(path)


def read_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read a contract CSV as text cells, indexed by line number (header = line 1).

    Refuses a file that is missing, empty, not UTF-8, lacks or adds columns,
    or has a line with the wrong number of fields.
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
            shown, f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x} cannot be decoded); save it as 'CSV UTF-8'", row=line
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
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
    for fields in reader:
        start, line = line + 1, reader.line_num
        if not fields or fields == [""] * len(fields):
            raise DataError(shown, "blank line; remove it or fill it in", row=start)
        if len(fields) != len(header):
            raise DataError(shown, f"the line has {len(fields)} fields, expected {len(header)}", row=start)
        rows.append(fields)
        lines.append(start)
    if not rows:
        raise DataError(shown, "the file has a header but no rows")
    frame = pd.DataFrame(rows, columns=header, index=pd.Index(lines, name="line"), dtype=str)
    return frame[columns]


def _validated(path: Path, columns: list[str], schema_and_rules: tuple) -> pd.DataFrame:
    frame = read_table(path, columns)
    contract.validate(frame, shown_path(path), *schema_and_rules)
    return frame


@dataclass(frozen=True)
class Reference:
    """The reference tables every figures file is checked against (as validated text)."""

    units: pd.DataFrame
    sources: pd.DataFrame
    indicators: pd.DataFrame
    labels: pd.DataFrame
    breaks: pd.DataFrame


@lru_cache(maxsize=8)
def _reference_cached(root: Path, stamp: tuple) -> Reference:
    units = _validated(root / "units.csv", contract.UNITS_COLUMNS, contract.units_schema())
    sources = _validated(root / "sources.csv", contract.SOURCES_COLUMNS, contract.sources_schema())
    indicators = _validated(
        root / "indicators.csv", contract.INDICATORS_COLUMNS, contract.indicators_schema(units["unit"])
    )
    labels = _validated(root / "breakdown_labels.csv", contract.LABELS_COLUMNS, contract.labels_schema())
    breaks = _validated(
        root / "series_breaks.csv", contract.BREAKS_COLUMNS, contract.breaks_schema(indicators["indicator_id"])
    )
    return Reference(units, sources, indicators, labels, breaks)


def _stamp(paths: list[Path]) -> tuple:
    # Cache key: a file edited in the analyst's spreadsheet is read again.
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None) for p in paths)


def load_reference(data_dir: Path | None = None) -> Reference:
    """Load and validate units, sources, catalogue, breakdown labels and series breaks."""
    root = Path(data_dir or default_data_dir())
    names = ["units.csv", "sources.csv", "indicators.csv", "breakdown_labels.csv", "series_breaks.csv"]
    return _reference_cached(root, _stamp([root / n for n in names]))


def load_catalogue(data_dir: Path | None = None) -> pd.DataFrame:
    """The indicator catalogue, with each unit's names and rules joined in."""
    ref = load_reference(data_dir)
    units = ref.units.rename(columns={"name_vi": "unit_vi", "name_en": "unit_en"})
    units = units.assign(whole=units["whole"] == "true", additive=units["additive"] == "true")[
        ["unit", "unit_vi", "unit_en", "whole", "additive"]
    ]
    return ref.indicators.merge(units, on="unit", how="left").reset_index(drop=True)


def load_sources(data_dir: Path | None = None) -> pd.DataFrame:
    """The sources, with ``priority`` as an integer (1 = most trusted when sources disagree)."""
    sources = load_reference(data_dir).sources
    return sources.assign(priority=sources["priority"].astype(int)).reset_index(drop=True)


def load_breakdown_labels(data_dir: Path | None = None) -> pd.DataFrame:
    """Names of breakdown categories (``dimension``, ``value``) in Vietnamese and English."""
    return load_reference(data_dir).labels.reset_index(drop=True)


def load_series_breaks(data_dir: Path | None = None) -> pd.DataFrame:
    """Changes of definition in a series: the first period under the new definition."""
    breaks = load_reference(data_dir).breaks
    return breaks.assign(first_period=breaks["first_period"].astype(int)).reset_index(drop=True)


def figures_files(data_dir: Path | None = None) -> dict[int, Path]:
    """The figures files by year. Any other file in ``data/figures`` is refused, not skipped."""
    folder = Path(data_dir or default_data_dir()) / "figures"
    files: dict[int, Path] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or path.name == "README.md":
            continue
        match = FIGURES_FILE_RE.match(path.name)
        if not match:
            raise DataError(shown_path(path), "unexpected file in data/figures; a year's figures are named YYYY.csv")
        files[int(match[1])] = path
    return files


def available_years(data_dir: Path | None = None) -> list[int]:
    """The years that have a figures file, in order."""
    return sorted(figures_files(data_dir))


def latest_year(data_dir: Path | None = None) -> int:
    """The latest year with a figures file."""
    years = available_years(data_dir)
    if not years:
        raise MissingYearError(0, [], shown_path(Path(data_dir or default_data_dir()) / "figures"))
    return years[-1]


def read_figures_file(path: Path, ref: Reference) -> pd.DataFrame:
    """Read and validate one year's figures file; typed, with its ``vintage`` and ``line``."""
    labels = (ref.labels["dimension"] + "=" + ref.labels["value"]).tolist()
    schema = contract.figures_schema(ref.indicators, ref.units, ref.sources["source_id"], labels)
    frame = _validated(path, contract.FIGURES_COLUMNS, schema)
    vintage = int(FIGURES_FILE_RE.match(path.name)[1])
    typed = frame.reset_index().assign(
        period=lambda d: d["period"].astype(int),
        value=lambda d: d["value"].astype(float),
        low=lambda d: pd.to_numeric(d["low"].replace("", None)).astype(float),
        high=lambda d: pd.to_numeric(d["high"].replace("", None)).astype(float),
        vintage=vintage,
    )
    return typed


@lru_cache(maxsize=32)
def _file_cached(path: Path, stamp: tuple, ref_stamp: tuple, root: Path) -> pd.DataFrame:
    return read_figures_file(path, _reference_cached(root, ref_stamp))


def _all_rows(year: int, data_dir: Path | None) -> pd.DataFrame:
    root = Path(data_dir or default_data_dir())
    files = figures_files(root)
    if year not in files:
        raise MissingYearError(year, sorted(files), shown_path(root / "figures"))
    ref = load_reference(root)
    ref_stamp = _stamp([root / n for n in ("units.csv", "sources.csv", "indicators.csv", "breakdown_labels.csv", "series_breaks.csv")])
    frames = [
        _file_cached(path, _stamp([path]), ref_stamp, root) for y, path in sorted(files.items()) if y <= year
    ]
    return pd.concat(frames, ignore_index=True)


def load_year(year: int, data_dir: Path | None = None) -> pd.DataFrame:
    """The figures as known in year ``year``'s reporting cycle, one row per figure.

    Columns: the figures columns (``period`` int, ``value`` float), ``vintage``
    (the file's year), ``line``, ``preferred`` (True for the figure the analysis
    uses when sources disagree: the most trusted source by priority), and the
    catalogue's columns (domain, names, unit, polarity...).
    """
    rows = _all_rows(year, data_dir)
    latest = rows.groupby(contract.FIGURE_KEY, dropna=False)["vintage"].transform("max")
    current = rows[rows["vintage"] == latest]
    priority = current["source_id"].map(load_sources(data_dir).set_index("source_id")["priority"])
    best = priority.groupby([current[c] for c in contract.FIGURE_KEY]).transform("min")
    current = current.assign(preferred=priority == best)
    figures = current.merge(load_catalogue(data_dir), on="indicator_id", how="left", validate="many_to_one")
    return figures.sort_values(["vintage", "line"], kind="stable").reset_index(drop=True)


def load_revisions(year: int, data_dir: Path | None = None) -> pd.DataFrame:
    """Figures that a later file (≤ ``year``) replaced: the old row beside the value that replaced it."""
    rows = _all_rows(year, data_dir)
    latest = rows.groupby(contract.FIGURE_KEY, dropna=False)["vintage"].transform("max")
    old = rows[rows["vintage"] < latest]
    new = rows[rows["vintage"] == latest]
    new = new[contract.FIGURE_KEY + ["value", "printed", "source_id", "vintage"]].rename(
        columns={"value": "new_value", "printed": "new_printed", "source_id": "new_source_id", "vintage": "new_vintage"}
    )
    merged = old.merge(new, on=contract.FIGURE_KEY, how="left")
    return merged[
        contract.FIGURE_KEY + ["value", "printed", "source_id", "vintage", "new_value", "new_printed", "new_source_id", "new_vintage"]
    ].reset_index(drop=True)
