"""The indicators a part's rules and sentences speak of by name, declared in ``data/slots.csv``.

Most of what a part shows is declared in ``data/content.csv`` and shown by generic rules. A few rules and key-finding
sentences need to know what one figure *means*: the poverty rate (never compared across a change of standard), the
drug users a registry holds ("quản lý"), the persons who relapsed ("tái nghiện"). Their words say so, which no rule
over a block's lines can word. Code names such a figure by a *slot* of its part (``social_evils``, ``managed``);
this file says which indicator fills it, so that the code names no indicator and another area's reports can fill
a slot with their own indicator, or leave it empty: a rule or sentence whose slot is not declared says nothing.

Columns: ``part`` (a notebook's name without its number: ``poverty``, ``overview``), ``slot`` (snake_case, once
in a part), ``indicator_id`` (a catalogue id), ``note`` (what the rule or sentence says of it). Bad input is
refused once, in one sentence naming the file, the line and the column.
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

SLOTS_FILE = "slots.csv"
SLOTS_COLUMNS = ["part", "slot", "indicator_id", "note"]


def slots_schema(indicators: set[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/slots.csv`` against the catalogue."""
    schema = pa.DataFrameSchema(
        {
            "part": text_column(pattern(contract.SNAKE, "a snake_case part (a notebook's name without its number)")),
            "slot": text_column(pattern(contract.SNAKE, "a snake_case name")),
            "indicator_id": text_column(one_of(indicators, "data/indicators.csv")),
            "note": text_column(),
        },
        strict=True,
    )
    rules = [
        RowRule(
            "slot",
            lambda df: ~df.duplicated(subset=["part", "slot"], keep="first"),
            lambda row: f"'{row['slot']}' is already declared for part '{row['part']}' on an earlier line",
        )
    ]
    return schema, rules


def _stamp(root: Path) -> tuple:
    paths = [root / SLOTS_FILE, root / "indicators.csv"]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None) for p in paths)


@lru_cache(maxsize=8)
def _load(root: Path, stamp: tuple) -> dict[tuple[str, str], str]:
    del stamp  # part of the cache key only: a changed file is read again
    path = root / SLOTS_FILE
    frame = read_table(path, SLOTS_COLUMNS, rows_required=False)  # an area may fill no slot
    if not frame.empty:
        indicators = set(load_reference(root).indicators["indicator_id"])
        contract.validate(frame, shown_path(path), *slots_schema(indicators))
    return {(p, s): i for p, s, i in zip(frame["part"], frame["slot"], frame["indicator_id"], strict=True)}


def load_slots(data_dir: Path | None = None) -> pd.DataFrame:
    """The validated slots: ``part, slot, indicator_id``, in the file's order."""
    root = Path(data_dir or default_data_dir()).resolve()
    found = _load(root, _stamp(root))
    return pd.DataFrame([(p, s, i) for (p, s), i in found.items()], columns=["part", "slot", "indicator_id"])


def slot(part: str, name: str, data_dir: Path | None = None) -> str | None:
    """The indicator that fills slot ``name`` of ``part``; None when the data declare none."""
    root = Path(data_dir or default_data_dir()).resolve()
    return _load(root, _stamp(root)).get((part, name))
