"""The data API: the catalogue, sources and a year's figures as tidy DataFrames.

Each CSV is read as text, validated against the contract (:mod:`helpers.data.contract`)
and only then typed, so that bad input is refused with one sentence naming the
file, line and column, and nothing is silently coerced or dropped.

The vintage rule: the figures for year Y come from the files for years ≤ Y.
Where a later file gives a figure (same indicator_id, period, as_of, kind, instrument, breakdown)
that an earlier file also gives, the later file wins; the replaced rows are
kept for the revisions table (:func:`load_revisions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.data import contract, editions, figures_contract, reference_contract
from helpers.data.csvfile import read_table, shown_path
from helpers.data.editions import Edition
from helpers.data.languages import check_lang
from helpers.errors import DataError, MissingYearError
from helpers.paths import data_dir as default_data_dir

FIGURES_FILE_RE = re.compile(r"^((?:19|20)[0-9]{2})\.csv$")  # '0023.csv' is not the file of year 23
REFERENCE_FILES = (
    "units.csv",
    "sources.csv",
    "indicators.csv",
    "breakdown_labels.csv",
    "series_breaks.csv",
    "reports.csv",
    "domains.csv",
    "kinds.csv",
    "dimensions.csv",
)
NAMED_CODES = ("domain", "kind", "dimension")  # codes of the data whose names are in data/<code>s.csv


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
    reports: pd.DataFrame
    names: dict[str, pd.DataFrame]  # "domain", "kind", "dimension" → code, name_vi, name_en


def _names(root: Path, code: str, codes: tuple[str, ...] | None = None) -> pd.DataFrame:
    path = root / f"{code}s.csv"
    frame = _validated(path, [code, *contract.NAMES_COLUMNS], reference_contract.names_schema(code, codes))
    if codes is not None:
        reference_contract.check_all_named(frame, shown_path(path), code, codes)
    return frame


@lru_cache(maxsize=8)
def _reference_cached(root: Path, stamp: tuple) -> Reference:
    names = {
        "domain": _names(root, "domain", contract.DOMAINS),
        "kind": _names(root, "kind", contract.KINDS),
        "dimension": _names(root, "dimension"),
    }
    units = _validated(root / "units.csv", contract.UNITS_COLUMNS, reference_contract.units_schema())
    sources = _validated(root / "sources.csv", contract.SOURCES_COLUMNS, reference_contract.sources_schema())
    indicators = _validated(
        root / "indicators.csv",
        contract.INDICATORS_COLUMNS,
        reference_contract.indicators_schema(units["unit"], names["domain"]["domain"]),
    )
    labels = _validated(
        root / "breakdown_labels.csv",
        contract.LABELS_COLUMNS,
        reference_contract.labels_schema(names["dimension"]["dimension"]),
    )
    breaks = _validated(
        root / "series_breaks.csv",
        contract.BREAKS_COLUMNS,
        reference_contract.breaks_schema(indicators["indicator_id"]),
    )
    reports = _validated(
        root / "reports.csv", contract.REPORTS_COLUMNS, reference_contract.reports_schema(sources["source_id"])
    )
    return Reference(units, sources, indicators, labels, breaks, reports, names)


def _stamp(paths: list[Path]) -> tuple:
    # Cache key: a file edited in the analyst's spreadsheet is read again.
    return tuple(_file_stamp(p) for p in paths)


def _file_stamp(path: Path) -> tuple:
    try:
        found = path.stat()
    except OSError:  # missing or unreadable: the reading that follows says so in its one sentence
        return (str(path), None)
    return (str(path), found.st_mtime_ns, found.st_size)


def load_reference(data_dir: Path | None = None) -> Reference:
    """Load and validate units, sources, catalogue, breakdown labels, series breaks, reports, and the names of
    domains, kinds and dimensions."""
    root = Path(data_dir or default_data_dir())
    return _reference_cached(root, _stamp([root / n for n in REFERENCE_FILES]))


def load_catalogue(data_dir: Path | None = None) -> pd.DataFrame:
    """The indicator catalogue, with each unit's names and rules joined in."""
    ref = load_reference(data_dir)
    units = ref.units.rename(columns={"name_vi": "unit_vi", "name_en": "unit_en", "name_en_one": "unit_en_one"})
    units = units.assign(whole=units["whole"] == "true", additive=units["additive"] == "true")[
        ["unit", "unit_vi", "unit_en", "unit_en_one", "whole", "additive"]
    ]
    return ref.indicators.merge(units, on="unit", how="left").reset_index(drop=True)


def code_names(code: str, lang: str, data_dir: Path | None = None) -> dict[str, str]:
    """The names of a code of the data in ``lang`` (data/domains.csv, kinds.csv, dimensions.csv):
    ``code_names("domain", "en")`` → {"poverty": "Poverty reduction", …}."""
    frame = load_reference(data_dir).names[code]
    return dict(zip(frame[code], frame[f"name_{lang}"], strict=True))


def unit_name(unit: str, lang: str, data_dir: Path | None = None, count: float | None = None) -> str:
    """The name of a unit code in ``lang`` (data/units.csv): "điểm phần trăm" for ``percentage_points``.

    With ``count``, the name after that number: English takes ``name_en_one`` where the number's CLDR plural form
    is "one" ("1 person", "1 percentage point"), ``name_en`` otherwise ("2 people"); Vietnamese has one form."""
    units = load_reference(data_dir).units
    column = "name_en_one" if lang == "en" and count is not None and _is_one(count) else f"name_{lang}"
    return str(units.loc[units["unit"] == unit, column].iloc[0])


def _is_one(count: float) -> bool:
    """Whether English says ``count`` in the singular (CLDR: exactly 1, written without decimals)."""
    return abs(float(count)) == 1


def load_sources(data_dir: Path | None = None) -> pd.DataFrame:
    """The sources, with ``priority`` as an integer (1 = most trusted when sources disagree)."""
    sources = load_reference(data_dir).sources
    return sources.assign(priority=sources["priority"].astype(int)).reset_index(drop=True)


def load_instruments(data_dir: Path | None = None) -> pd.DataFrame:
    """The instruments that set goals (data/instruments.csv: ``instrument``, ``name_en``), validated, and refused
    when a figures file names an instrument it lacks."""
    root = Path(data_dir or default_data_dir())
    paths = [root / "instruments.csv", *figures_files(root).values()]
    return _instruments_cached(root, _stamp(paths))


@lru_cache(maxsize=8)
def _instruments_cached(root: Path, stamp: tuple) -> pd.DataFrame:
    path = root / "instruments.csv"
    frame = _validated(path, figures_contract.INSTRUMENTS_COLUMNS, figures_contract.instruments_schema())
    used = [
        i
        for figures in figures_files(root).values()
        for i in read_table(figures, contract.FIGURES_COLUMNS)["instrument"]
        if i
    ]
    reference_contract.check_all_named(frame, shown_path(path), "instrument", used)
    return frame.reset_index(drop=True)


def load_breakdown_labels(data_dir: Path | None = None) -> pd.DataFrame:
    """Names of breakdown categories (``dimension``, ``value``) in Vietnamese and English."""
    return load_reference(data_dir).labels.reset_index(drop=True)


def load_series_breaks(data_dir: Path | None = None) -> pd.DataFrame:
    """Changes of definition in a series: the first period under the new definition."""
    breaks = load_reference(data_dir).breaks
    return breaks.assign(first_period=breaks["first_period"].astype(int)).reset_index(drop=True)


def load_headline(data_dir: Path | None = None) -> pd.DataFrame:
    """The indicators of the first page (data/headline.csv), in their ``order`` (an integer)."""
    root = Path(data_dir or default_data_dir())
    indicators = load_reference(root).indicators["indicator_id"]
    frame = _validated(root / "headline.csv", contract.HEADLINE_COLUMNS, reference_contract.headline_schema(indicators))
    frame = frame.assign(order=frame["order"].astype(int))
    return frame.sort_values("order", kind="stable").reset_index(drop=True)


def load_watch(data_dir: Path | None = None) -> pd.DataFrame:
    """The figures that bear on a goal ahead (data/watch.csv), for the director's page; empty when there is none."""
    root = Path(data_dir or default_data_dir())
    if not (root / "watch.csv").exists():
        return pd.DataFrame(columns=contract.WATCH_COLUMNS)
    indicators = load_reference(root).indicators["indicator_id"]
    return _validated(root / "watch.csv", contract.WATCH_COLUMNS, reference_contract.watch_schema(indicators))


def figures_files(data_dir: Path | None = None) -> dict[int, Path]:
    """The figures files by year. Any other file in ``data/figures`` is refused, not skipped."""
    folder = Path(data_dir or default_data_dir()) / "figures"
    files: dict[int, Path] = {}
    try:
        paths = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError as exc:
        raise DataError(
            shown_path(folder), f"the folder cannot be read ({exc.strerror or exc}); check its permissions"
        ) from None
    for path in paths:
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
    """The latest year with a figures file; refused when there is none."""
    years = available_years(data_dir)
    if not years:
        folder = shown_path(Path(data_dir or default_data_dir()) / "figures")
        raise DataError(folder, "the folder holds no figures file; a year's figures go in a file named YYYY.csv there")
    return years[-1]


def read_figures_file(path: Path, ref: Reference) -> pd.DataFrame:
    """Read and validate one year's figures file; typed, with its ``vintage`` and ``line``."""
    labels = (ref.labels["dimension"] + "=" + ref.labels["value"]).tolist()
    vintage = int(FIGURES_FILE_RE.match(path.name)[1])
    schema = figures_contract.figures_schema(
        ref.indicators, ref.units, ref.sources["source_id"], labels, file_year=vintage
    )
    frame = _validated(path, contract.FIGURES_COLUMNS, schema)
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


def _all_rows(year: int, data_dir: Path | None, edition: Edition | None = None) -> pd.DataFrame:
    root = Path(data_dir or default_data_dir())
    files = figures_files(root)
    if year not in files:
        raise MissingYearError(year, sorted(files), shown_path(root / "figures"))
    ref = load_reference(root)  # the reference tables are checked before any figures file that refers to them
    ref_stamp = _stamp([root / n for n in REFERENCE_FILES])
    frames = [_file_cached(path, _stamp([path]), ref_stamp, root) for y, path in sorted(files.items()) if y <= year]
    rows = pd.concat(frames, ignore_index=True)
    if edition is None:
        return rows
    # The edition's cut-off comes before the vintage rule: a figure of a source published after it neither shows
    # nor replaces an earlier one.
    issued = load_report_meta(year, root).issued
    edition.check_against(year, issued, shown_path(root / "reports.csv"))
    undated = editions.load_undated(root, ref.sources)
    keep = editions.in_edition(rows, ref.sources, undated, edition, issued, shown_path(root / "sources.csv"))
    return rows[keep].reset_index(drop=True)


def load_year(year: int, data_dir: Path | None = None, edition: Edition | None = None) -> pd.DataFrame:
    """The figures as known in year ``year``'s reporting cycle, one row per figure.

    ``edition`` (:class:`helpers.data.editions.Edition`) keeps only the figures of that edition of the appendix:
    ``Edition()`` those whose source was published by the report's issue date, ``Edition("2026-06-30")`` those
    published by that date; None (the data checks) keeps every figure the files hold.

    Columns: the figures columns (``period`` int, ``value`` float), ``vintage``
    (the file's year), ``line``, ``preferred`` (True for the figure the analysis
    uses when sources disagree: a primary source before a secondary one before a mirror, then the most trusted by
    priority), and the
    catalogue's columns (domain, names, unit, polarity...).
    """
    rows = _all_rows(year, data_dir, edition)
    latest = rows.groupby(contract.FIGURE_KEY, dropna=False)["vintage"].transform("max")
    current = rows[rows["vintage"] == latest]
    sources = load_sources(data_dir).set_index("source_id")
    # A primary source before a secondary one before a mirror, then by priority: a figure that the data also hold
    # from its original is taken from the original, whatever the copy's priority.
    role = sources["role"].map({r: i for i, r in enumerate(contract.SOURCE_ROLES)})
    rank = current["source_id"].map(role * (int(sources["priority"].max()) + 1) + sources["priority"])
    best = rank.groupby([current[c] for c in contract.FIGURE_KEY]).transform("min")
    current = current.assign(preferred=rank == best)
    figures = current.merge(load_catalogue(data_dir), on="indicator_id", how="left", validate="many_to_one")
    return figures.sort_values(["vintage", "line"], kind="stable").reset_index(drop=True)


def load_revisions(year: int, data_dir: Path | None = None, edition: Edition | None = None) -> pd.DataFrame:
    """Figures that a later file (≤ ``year``) replaced: the old row beside the value that replaced it (within
    ``edition``, as :func:`load_year`)."""
    rows = _all_rows(year, data_dir, edition)
    latest = rows.groupby(contract.FIGURE_KEY, dropna=False)["vintage"].transform("max")
    old = rows[rows["vintage"] < latest]
    new = rows[rows["vintage"] == latest]
    new = new[contract.FIGURE_KEY + ["value", "printed", "source_id", "vintage"]].rename(
        columns={"value": "new_value", "printed": "new_printed", "source_id": "new_source_id", "vintage": "new_vintage"}
    )
    merged = old.merge(new, on=contract.FIGURE_KEY, how="left")
    return merged[
        contract.FIGURE_KEY
        + ["value", "printed", "source_id", "vintage", "new_value", "new_printed", "new_source_id", "new_vintage"]
    ].reset_index(drop=True)


@dataclass(frozen=True)
class ReportMeta:
    """The report a year's appendix accompanies (a row of ``data/reports.csv``).

    ``issuer_*`` is the issuing body's full name ("Sở Nội vụ thành phố <X>"),
    ``issuer_short_*`` the short form for source lines ("Sở LĐTBXH tỉnh <X>"),
    ``area_*`` the province or city as a cover names it ("Tỉnh <X>", "Thành phố <X>"), ``area_kind`` what it is
    (``province`` or ``city``: the appendix says "toàn tỉnh" or "toàn thành phố" by it), ``place_*`` the place of
    the dateline ("<X>, ngày … tháng … năm …", see :func:`helpers.build.frontmatter.dateline`), ``issued`` the
    report's date as printed (``YYYY-MM-DD``, ``YYYY-MM`` when the day is blank, or ``""``), and ``source_id`` the
    report in ``data/sources.csv`` (``""`` when the report itself is not one of the sources), ``number`` the
    report's number and symbol as printed after "Số:" (``"/BC-SLĐTBXH"`` when the number is left blank; ``""``).
    """

    year: int
    source_id: str
    issuer_vi: str
    issuer_en: str
    issuer_short_vi: str
    issuer_short_en: str
    area_vi: str
    area_en: str
    area_kind: str
    place_vi: str
    place_en: str
    issued: str
    number: str = ""

    def _pick(self, name: str, lang: str) -> str:
        return getattr(self, f"{name}_{check_lang(lang)}")

    def issuer(self, lang: str) -> str:
        """The issuer's full name in ``lang``."""
        return self._pick("issuer", lang)

    def issuer_short(self, lang: str) -> str:
        """The issuer's short name in ``lang``, for source lines."""
        return self._pick("issuer_short", lang)

    def area(self, lang: str) -> str:
        """The province or city in ``lang``."""
        return self._pick("area", lang)

    def place(self, lang: str) -> str:
        """The place of the report's dateline in ``lang``."""
        return self._pick("place", lang)


def load_report_meta(year: int, data_dir: Path | None = None) -> ReportMeta:
    """The report that year ``year``'s appendix accompanies, from ``data/reports.csv`` (validated).

    A year without a row is refused with a DataError naming the file.
    """
    root = Path(data_dir or default_data_dir())
    reports = load_reference(root).reports
    found = reports[reports["year"] == str(int(year))]
    if found.empty:
        years = ", ".join(sorted(reports["year"]))
        raise DataError(
            shown_path(root / "reports.csv"),
            f"no row for {int(year)}, so the {int(year)} appendix does not know whose report it accompanies; "
            f"add a row naming its issuer and area (years with a row: {years})",
        )
    row = found.iloc[0]
    return ReportMeta(int(year), *(str(row[c]) for c in contract.REPORTS_COLUMNS[1:]))
