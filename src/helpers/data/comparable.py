"""The results the appendix may compute for a goal the report gives no result for: ``data/comparable_results.csv``.

A result is set against a goal only when both measure the same thing. Where the report prints no result for a
goal's indicator but prints the parts of its definition, the file names the parts (``numerator`` and
``denominator``: indicator ids, several joined by ``+``) and says whether their ratio is the same measure as the
goal (``same_measure``: ``yes`` or ``no``, with the reason in ``note``). Only a ``yes`` row is ever judged.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data.csvfile import quote, read_table, shown_path
from helpers.data.loading import load_catalogue
from helpers.errors import DataError
from helpers.paths import data_dir as default_data_dir

COMPARABLE_FILE = "comparable_results.csv"
COMPARABLE_COLUMNS = ["indicator_id", "numerator", "denominator", "same_measure", "note"]


def parts(reference: str) -> list[str]:
    """The indicator ids a numerator or denominator adds up ("a+b" → ["a", "b"])."""
    return [p for p in reference.split("+") if p]


def load_comparable_results(data_dir: Path | None = None) -> pd.DataFrame:
    """The declared computed results, checked against the catalogue (every id known, ``same_measure`` yes/no)."""
    root = Path(data_dir or default_data_dir())
    path = root / COMPARABLE_FILE
    frame = read_table(path, COMPARABLE_COLUMNS)
    known = set(load_catalogue(root)["indicator_id"])
    for line, row in frame.iterrows():
        for column in ("indicator_id", "numerator", "denominator"):
            unknown = [p for p in parts(row[column]) if p not in known] or ([] if row[column] else ["(empty)"])
            if unknown:
                raise DataError(
                    shown_path(path), f"{column} names {quote(unknown[0])}, not in indicators.csv", row=line
                )
            if column != "indicator_id" and row["indicator_id"] in parts(row[column]):
                raise DataError(
                    shown_path(path),
                    f"{column} names {row['indicator_id']}, the indicator whose result it computes; a result is "
                    "computed from other indicators",
                    row=line,
                    column=column,
                )
        if row["same_measure"] not in ("yes", "no"):
            raise DataError(shown_path(path), "same_measure must be yes or no", row=line)
    if frame["indicator_id"].duplicated().any():
        raise DataError(shown_path(path), "an indicator is declared twice")
    return frame.reset_index(drop=True).assign(same_measure=frame["same_measure"].eq("yes").to_numpy())
