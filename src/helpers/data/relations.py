"""Relations between indicators that hold in one area's reports, declared in ``data/relations.csv``.

Whether one figure is counted inside another depends on how an area's reports count, not on the indicators: one
province's reports count workers sent abroad inside jobs created ("… trong đó, đưa … lao động đi làm việc ở nước
ngoài"), another's need not. So the analysis computes a share of a whole (workers abroad among jobs created) only
where the data declare the part as part of the whole, for the years the declaration covers.

Columns: ``relation`` (``part_of``: every unit ``indicator_id`` counts is also counted by ``of``, for the same
period), ``indicator_id``, ``of`` (catalogue ids of the same unit), ``from_year`` and ``to_year`` (the periods it
holds for; empty: no bound), ``note`` (where the reports say so). A file with its header alone declares none.
Bad input is refused once, in one sentence naming the file, the line and the column.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from helpers.data import contract
from helpers.data.contract import RowRule, one_of, pattern, text_column
from helpers.data.csvfile import read_table, shown_path
from helpers.data.loading import load_reference
from helpers.paths import data_dir as default_data_dir

RELATIONS_FILE = "relations.csv"
RELATIONS_COLUMNS = ["relation", "indicator_id", "of", "from_year", "to_year", "note"]
RELATIONS = ("part_of",)
OPTIONAL_YEAR = r"^$|^[0-9]{4}$"


def _span(row: pd.Series) -> tuple[int, int]:
    low = int(row["from_year"]) if row["from_year"] else -(10**6)
    high = int(row["to_year"]) if row["to_year"] else 10**6
    return low, high


def _no_overlap(frame: pd.DataFrame) -> pd.Series:
    """False for a row whose relation an earlier line already declares for an overlapping span of years."""
    ok, seen = [], {}
    for _, row in frame.iterrows():
        key, (low, high) = (row["relation"], row["indicator_id"], row["of"]), _span(row)
        ok.append(all(high < a or b < low for a, b in seen.get(key, [])))
        seen.setdefault(key, []).append((low, high))
    return pd.Series(ok, index=frame.index)


def relations_schema(units: dict[str, str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/relations.csv`` against the catalogue (``units``: each indicator's unit)."""
    schema = pa.DataFrameSchema(
        {
            "relation": text_column(one_of(RELATIONS, "relations")),
            "indicator_id": text_column(one_of(units, "data/indicators.csv")),
            "of": text_column(one_of(units, "data/indicators.csv")),
            "from_year": text_column(pattern(OPTIONAL_YEAR, "a four-digit year, or empty"), required=False),
            "to_year": text_column(pattern(OPTIONAL_YEAR, "a four-digit year, or empty"), required=False),
            "note": text_column(),
        },
        strict=True,
    )
    rules = [
        RowRule(
            "of",
            lambda df: df["indicator_id"] != df["of"],
            lambda row: f"'{row['of']}' is the indicator itself; a part is part of another indicator",
        ),
        RowRule(
            "of",
            lambda df: df["indicator_id"].map(units) == df["of"].map(units),
            lambda row: (
                f"'{row['of']}' counts {units.get(row['of'])} and '{row['indicator_id']}' counts "
                f"{units.get(row['indicator_id'])}; a part counts what its whole counts"
            ),
        ),
        RowRule(
            "to_year",
            lambda df: (df["from_year"] == "") | (df["to_year"] == "") | (df["from_year"] <= df["to_year"]),
            lambda row: f"'{row['to_year']}' is before from_year '{row['from_year']}'",
        ),
        RowRule(
            "from_year",
            _no_overlap,
            lambda row: (
                f"'{row['indicator_id']} {row['relation']} {row['of']}' is already declared on an earlier line for "
                "some of these years; each relation holds once for a year"
            ),
        ),
    ]
    return schema, rules


def _stamp(root: Path) -> tuple:
    paths = [root / RELATIONS_FILE, root / "indicators.csv"]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None) for p in paths)


@lru_cache(maxsize=8)
def _load(root: Path, stamp: tuple) -> pd.DataFrame:
    del stamp  # part of the cache key only: a changed file is read again
    indicators = load_reference(root).indicators
    units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
    path = root / RELATIONS_FILE
    frame = read_table(path, RELATIONS_COLUMNS, rows_required=False)  # an area may declare no relation
    if not frame.empty:  # the header alone (checked by read_table) has no cell to refuse
        contract.validate(frame, shown_path(path), *relations_schema(units))
    return frame.reset_index(drop=True)


def load_relations(data_dir: Path | None = None) -> pd.DataFrame:
    """The validated relations (text cells), in the file's order."""
    root = Path(data_dir or default_data_dir()).resolve()
    return _load(root, _stamp(root)).copy()
