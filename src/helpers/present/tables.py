"""The table a section hands to the appendix: cells formatted for the reader, the same rows with raw
numbers (written as CSV), the sources of its rows, and the values its caption is filled with."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Table:
    """A table ready for ``rep.table``: formatted cells, raw numbers, the sources of its rows, caption values."""

    frame: pd.DataFrame
    raw: pd.DataFrame
    source_ids: list[str]
    values: dict[str, object] = field(default_factory=dict)

    def _repr_html_(self) -> str:  # in a notebook, the reader's table
        return self.frame.to_html(index=False)
