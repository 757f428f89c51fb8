"""Editions by date: which figures an appendix may use, by when their sources were published.

Statistical offices keep real-time vintages: what was known on a date. An appendix has two kinds of edition:

- the *as-issued* edition of year Y (the default): only figures whose source was published on or before the issue
  date of the report it accompanies (``data/reports.csv`` ``issued``);
- a *revised* edition as of a date (``--as-of 2026-06-30``): what was published up to that date.

One rule compares a source's ``published`` with the cut-off, the one the source list uses to name "sources
published after the report" (:func:`published_after`): dates are compared at the precision both have, and a
source is left out only when it was surely published later ("2024-01-06" is after "2023-12"; "2023" is not, it
may be earlier). A source without a date cannot be placed: an edition that has a cut-off refuses it, naming it,
unless ``data/undated_sources.csv`` declares it (then an as-issued edition leaves it out, since nothing shows it
was published by the report, and a revised edition keeps it, the data having been gathered before any build).
A year whose report has no issue date has one edition, as its files hold it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.data.contract import REPORTS_COLUMNS
from helpers.data.csvfile import read_table, shown_path
from helpers.errors import DataError, UsageError

UNDATED_FILE = "undated_sources.csv"
UNDATED_COLUMNS = ["source_id", "reason"]
_AS_OF_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def published_after(published: str, issued: str) -> bool:
    """Whether a date as printed (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) is surely later than ``issued``.

    The two are compared at the precision both have: "2024-01-06" is after "2023-12"; "2023" is not after
    "2023-12" (it may be earlier); an empty date is never after anything.
    """
    if not published or not issued:
        return False
    common = min(len(published), len(issued))
    return published[:common] > issued[:common]


def check_as_of(text: str) -> str:
    """``text`` if it is a real calendar date written ``YYYY-MM-DD`` (a revised edition's date); else refused with
    one sentence."""
    text = str(text)
    problem = (
        f"The date of a revised edition must be a calendar date written YYYY-MM-DD, such as 2026-06-30; got '{text}'"
    )
    if not _AS_OF_RE.fullmatch(text):
        raise UsageError(problem + ".")
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(problem + ", which is not a day of the calendar.") from None
    return text


@dataclass(frozen=True)
class Edition:
    """Which edition of a year's appendix: ``as_of`` empty for the one issued with the report, else the date
    (``YYYY-MM-DD``) of a revised edition."""

    as_of: str = ""

    def __post_init__(self) -> None:
        if self.as_of:
            check_as_of(self.as_of)

    @property
    def revised(self) -> bool:
        """Whether this is a revised edition (an update with data to ``as_of``)."""
        return bool(self.as_of)

    def cutoff(self, issued: str) -> str:
        """The last publication date this edition takes, given the report's ``issued`` ("" when there is none)."""
        return self.as_of or issued

    def check_against(self, year: int, issued: str, reports_file: str) -> None:
        """Refuse a revised edition dated before the report it revises (there is nothing to revise yet)."""
        if self.as_of and published_after(issued, self.as_of):
            raise UsageError(
                f"A revised edition of {year} must be dated on or after the report's issue date {issued} "
                f"({reports_file}); got {self.as_of}."
            )


def load_undated(root: Path, sources: pd.DataFrame) -> dict[str, str]:
    """The sources declared undated (``data/undated_sources.csv``): source_id → why no date is known.

    A row naming an unknown source, or a source that has a date, is refused; a missing file declares none."""
    path = root / UNDATED_FILE
    if not path.exists():
        return {}
    frame = read_table(path, UNDATED_COLUMNS)
    dates = dict(zip(sources["source_id"], sources["published"], strict=True))
    seen: set[str] = set()
    for line, row in frame.iterrows():
        sid = row["source_id"]
        if sid not in dates:
            raise DataError(
                shown_path(path), f"'{sid[:60]}' is not a source_id of data/sources.csv", row=line, column="source_id"
            )
        if dates[sid]:
            raise DataError(
                shown_path(path),
                f"{sid} has a publication date ({dates[sid]}) in data/sources.csv; declare only undated sources here",
                row=line,
                column="source_id",
            )
        if sid in seen:
            raise DataError(shown_path(path), f"{sid} is declared twice", row=line, column="source_id")
        if not row["reason"].strip():
            raise DataError(shown_path(path), "say why the source's date is not known", row=line, column="reason")
        seen.add(sid)
    return dict(zip(frame["source_id"], frame["reason"], strict=True))


def in_edition(
    rows: pd.DataFrame,
    sources: pd.DataFrame,
    undated: dict[str, str],
    edition: Edition,
    issued: str,
    sources_file: str,
) -> pd.Series:
    """Which of ``rows`` (figures with a ``source_id``) the edition uses: a boolean mask.

    Refuses, naming it, the first source without a date that the rows use and ``undated`` does not declare."""
    cutoff = edition.cutoff(issued)
    if not cutoff:
        return pd.Series(True, index=rows.index)
    published = sources.set_index("source_id")["published"]
    used = list(dict.fromkeys(rows["source_id"]))
    for sid in used:
        if not published[sid] and sid not in undated:
            line = int(sources.index[sources["source_id"] == sid][0]) if "source_id" in sources else None
            which = f"the revised edition as of {edition.as_of}" if edition.revised else "the edition as issued"
            raise DataError(
                sources_file,
                f"{sid} has no publication date, so {which} (figures published up to {cutoff}) cannot tell whether "
                f"to use it; give its date, or declare it in data/{UNDATED_FILE} with the reason",
                row=line,
                column="published",
            )
    kept = {
        sid
        for sid in used
        if (published[sid] and not published_after(published[sid], cutoff)) or (not published[sid] and edition.revised)
    }
    return rows["source_id"].isin(kept)


AUTHORITIES_FILE = "authorities.csv"
# who issues, for which area, where: the columns of data/reports.csv between source_id and issued
ISSUER_COLUMNS = REPORTS_COLUMNS[REPORTS_COLUMNS.index("issuer_vi") : REPORTS_COLUMNS.index("issued")]
# then what establishes the period: a source of data/sources.csv when one is held, and a note saying what it is
AUTHORITY_COLUMNS = ["from", "to", *ISSUER_COLUMNS, "source_id", "basis"]
_DAY_RE = re.compile(r"^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def authority_on(date: str, root: Path, check_only: bool = False, source_ids: set[str] | None = None) -> dict[str, str]:
    """The body competent to issue the appendix on ``date`` (``YYYY-MM-DD``), from ``data/authorities.csv``: its
    row's ``issuer_*``, ``area_*``, ``place_*`` columns (the same as data/reports.csv's). ``from`` and ``to`` are
    the first and last day of its competence, empty for open; periods must not overlap. ``basis`` says what
    establishes the period (never empty); ``source_id``, when a source for it is held, names it in
    data/sources.csv (checked against ``source_ids`` when given). A date no row covers is refused with one
    sentence. ``check_only``: check the file and return ``{}``."""
    path = root / AUTHORITIES_FILE
    shown = shown_path(path)
    frame = read_table(path, AUTHORITY_COLUMNS)
    for line, row in frame.iterrows():
        for column in ("from", "to"):
            if not _DAY_RE.match(row[column]) or (row[column] and not _is_day(row[column])):
                raise DataError(shown, "expected a date as YYYY-MM-DD, or empty", row=line, column=column)
        if row["from"] and row["to"] and row["from"] > row["to"]:
            raise DataError(
                shown, f"the period ends ({row['to']}) before it begins ({row['from']})", row=line, column="to"
            )
        for column in [*ISSUER_COLUMNS, "basis"]:
            if not row[column].strip():
                raise DataError(shown, "the cell is empty", row=line, column=column)
        if source_ids is not None and row["source_id"] and row["source_id"] not in source_ids:
            raise DataError(
                shown, f"'{row['source_id'][:60]}' is not a source_id of data/sources.csv", row=line, column="source_id"
            )
    rows = list(frame.iterrows())
    for i, (first, a) in enumerate(rows):
        for second, b in rows[i + 1 :]:
            if (not a["to"] or not b["from"] or b["from"] <= a["to"]) and (
                not b["to"] or not a["from"] or a["from"] <= b["to"]
            ):
                raise DataError(shown, f"the periods of lines {first} and {second} overlap", row=second)
    if check_only:  # the file's own checks only (helpers.data.validation)
        return {}
    found = [
        (line, row)
        for line, row in frame.iterrows()
        if (not row["from"] or row["from"] <= date) and (not row["to"] or date <= row["to"])
    ]
    if not found:
        raise DataError(shown, f"no row covers {date}, so the appendix does not know who issues it on that date")
    return {c: found[0][1][c] for c in ISSUER_COLUMNS}


def _is_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
