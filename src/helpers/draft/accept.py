"""Filing a reviewed draft: the rows marked ``accepted`` or ``corrected`` become rows of ``data/figures/<year>.csv``.

The rows are checked by the figures contract exactly as a typed-in file is (the same one-sentence messages, naming
the review sheet's line), after being added to a copy of the data folder, so that nothing reaches data/ before
every row passes. The year's file is only ever added to: a reviewed row whose key (indicator, period, cut-off, kind,
instrument, breakdown, source) an existing row already holds is refused, naming both, and no existing row is
changed or dropped. Afterwards the audit lists what of the report is still not held.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from helpers.data import contract
from helpers.data.audit import AuditResult, audit_report
from helpers.data.csvfile import read_table, shown_path
from helpers.data.loading import load_instruments, load_reference, read_figures_file
from helpers.draft.propose import DECISIONS, SHEET_COLUMNS
from helpers.draft.reading import read_report
from helpers.errors import DataError
from helpers.paths import data_dir as default_data_dir
from helpers.paths import display_path

TAKEN = ("accepted", "corrected")


@dataclass(frozen=True)
class Accepted:
    """What an acceptance did: the file written, the rows added, and the audit of the report afterwards."""

    path: Path
    added: int
    audit: AuditResult | None


def accept_draft(sheet: Path, year: int, data_dir: Path | None = None, report: Path | None = None) -> Accepted:
    """Add the sheet's accepted and corrected rows to ``<data>/figures/<year>.csv``; then audit ``report``."""
    root = Path(data_dir or default_data_dir())
    shown_sheet = display_path(sheet)
    rows = read_table(Path(sheet), SHEET_COLUMNS)
    for line, decision in rows["decision"].items():
        if decision not in DECISIONS:
            raise DataError(
                shown_sheet,
                f"the decision must be empty, 'accepted', 'corrected' or 'rejected', got '{decision}'",
                row=int(line),
                column="decision",
            )
    taken = rows[rows["decision"].isin(TAKEN)][contract.FIGURES_COLUMNS]
    target = root / "figures" / f"{year}.csv"
    existing = read_table(target, contract.FIGURES_COLUMNS) if target.exists() else taken.iloc[0:0]
    held = {tuple(r[c] for c in contract.FILE_KEY): int(line) for line, r in existing.iterrows()}
    for line, r in taken.iterrows():
        key = tuple(r[c] for c in contract.FILE_KEY)
        if key in held:
            raise DataError(
                shown_sheet,
                f"the row of {r['indicator_id']} for {r['period']} ({_key_words(r)}) collides with "
                f"{shown_path(target)} line {held[key]}, which already holds that figure; a draft never overwrites "
                "a figure, so reject this row or change the existing one by hand",
                row=int(line),
            )
    merged = _csv([*existing.itertuples(index=False), *taken.itertuples(index=False)])
    _check_in_copy(root, year, merged, len(existing), list(taken.index), shown_sheet)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(merged, encoding="utf-8")
    partial.replace(target)
    audit = None
    if report is not None:
        source = taken["source_id"].iloc[0] if len(taken) else None
        audit = audit_report(year, Path(report), data_dir=root, source_id=source, text=read_report(Path(report)))
    return Accepted(target, len(taken), audit)


def _key_words(r) -> str:
    parts = [f"{c} {r[c]}" for c in ("as_of", "kind", "instrument", "breakdown", "source_id") if r[c]]
    return ", ".join(parts)


def _csv(rows: list) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(contract.FIGURES_COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def _check_in_copy(root: Path, year: int, merged: str, n_existing: int, sheet_lines: list, shown_sheet: str) -> None:
    """Validate the merged file in a copy of the data folder; a problem in a reviewed row names the sheet's line."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(root, copy)
        path = copy / "figures" / f"{year}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(merged, encoding="utf-8")
        try:
            read_figures_file(path, load_reference(copy))
            load_instruments(copy)
        except DataError as exc:
            if exc.file == shown_path(path) and exc.row is not None and exc.row > n_existing + 1:
                line = int(sheet_lines[exc.row - n_existing - 2])
                raise DataError(shown_sheet, exc.problem, row=line, column=exc.column) from None
            raise
