"""The draft's review sheet: its columns (the figures file's, a decision first, then what the analyst reviews by:
confidence, alternatives, a new indicator's name and unit, the sentence, its line, why a number was passed over),
the decisions an analyst may write (:data:`DECISIONS`, read back by :mod:`helpers.draft.accept`), the :class:`Draft`
that holds a sheet, and where and how the sheet is written (:func:`default_sheet_path`, never inside data/;
:func:`write_sheet`, UTF-8 CSV). What fills its rows is :mod:`helpers.draft.propose`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.data import contract

EXTRA_COLUMNS = [
    "confidence",
    "alternatives",
    "new_indicator_name_vi",
    "new_indicator_unit",
    "sentence",
    "text_line",
    "passed_over",
]
SHEET_COLUMNS = ["decision", *contract.FIGURES_COLUMNS, *EXTRA_COLUMNS]
DECISIONS = ("", "accepted", "corrected", "rejected")


@dataclass(frozen=True)
class Draft:
    """A draft's review sheet (one row per number token, proposed or passed over) and how it was made."""

    sheet: pd.DataFrame
    year: int

    @property
    def proposals(self) -> pd.DataFrame:
        return self.sheet[self.sheet["passed_over"] == ""]

    @property
    def passed_over(self) -> pd.DataFrame:
        return self.sheet[self.sheet["passed_over"] != ""]


def write_sheet(draft: Draft, path: Path) -> Path:
    """Write the review sheet as CSV UTF-8 (no byte-order mark), every cell quoted where needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    draft.sheet.to_csv(out, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def default_sheet_path(year: int) -> Path:
    """Where a draft's review sheet goes by default: outputs/drafts/<year>-draft.csv, never inside data/."""
    from helpers.paths import outputs_dir

    return outputs_dir() / "drafts" / f"{year}-draft.csv"
