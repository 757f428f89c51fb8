"""Indicators that are the sum of others: ``data/components.csv``.

The multidimensional poverty rate (tỷ lệ nghèo đa chiều) is the poverty rate plus the near-poor rate; a plan may set
it "trong đó" a poverty rate and a near-poor rate. The relation is declared here, not in code: a row
names the indicator (``indicator_id``) and the indicators it adds up (``parts``, joined by ``+``). The analysis uses
it twice: a goal set for the sum together with goals for its parts (same year, breakdown, kind and instrument) is one
goal judged on each of them (:func:`helpers.analysis.attainment.scorecard`), and the sum's result, where no source
prints it, is computed from the parts' results.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data.comparable import parts
from helpers.data.csvfile import quote, read_table, shown_path
from helpers.data.loading import load_catalogue
from helpers.errors import DataError
from helpers.paths import data_dir as default_data_dir

COMPONENTS_FILE = "components.csv"
COMPONENTS_COLUMNS = ["indicator_id", "parts", "note"]


def load_components(data_dir: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Each declared sum's indicator id → the ids of its parts, checked against the catalogue: every id known, at
    least two parts, none the sum itself or named twice, all in the sum's unit, no sum declared twice."""
    root = Path(data_dir or default_data_dir())
    path = root / COMPONENTS_FILE
    frame = read_table(path, COMPONENTS_COLUMNS)
    units = load_catalogue(root).set_index("indicator_id")["unit"]
    declared: dict[str, tuple[str, ...]] = {}
    for line, row in frame.iterrows():
        whole, named = row["indicator_id"], parts(row["parts"])
        for column, ids in (("indicator_id", [whole]), ("parts", named)):
            unknown = [i for i in ids if i not in units.index] or ([] if ids else ["(empty)"])
            if unknown:
                raise DataError(
                    shown_path(path), f"{column} names {quote(unknown[0])}, not in indicators.csv", row=line
                )
        if len(named) < 2 or whole in named or len(set(named)) < len(named):
            raise DataError(
                shown_path(path),
                f"parts must name at least two other indicators, each once, joined by '+', got {quote(row['parts'])}",
                row=line,
                column="parts",
            )
        other = [i for i in named if units[i] != units[whole]]
        if other:
            raise DataError(
                shown_path(path),
                f"the part {other[0]} is in {units[other[0]]}, not in {units[whole]} like {whole}; a sum adds "
                "figures of one unit",
                row=line,
                column="parts",
            )
        if whole in declared:
            raise DataError(shown_path(path), f"{whole} is declared twice", row=line, column="indicator_id")
        declared[whole] = tuple(named)
    return declared


def components_frame(data_dir: Path | None = None) -> pd.DataFrame:
    """The declared sums as rows (``indicator_id``, ``part``), for joins."""
    return pd.DataFrame(
        [(whole, part) for whole, named in load_components(data_dir).items() for part in named],
        columns=["indicator_id", "part"],
    )
