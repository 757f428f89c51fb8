"""The parts of the report the appendix shows as a list of figures (gender equality, administration,
international cooperation, people with merit beyond the gifts): which indicators a domain holds for a year, and
the money per person of an event. Frames in, frames out: no language, no formatting.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.social_protection import average_vnd
from helpers.data.query import cut_off, preferred, value


def domain_indicators(
    figures: pd.DataFrame, domain: str, period: int, kind: str = "actual", exclude: tuple[str, ...] = ()
) -> list[str]:
    """The indicators of ``domain`` (the catalogue's) with a full-period total of ``kind`` for ``period``,
    in the data's order (the order the report printed them), leaving out ``exclude`` (shown elsewhere)."""
    rows = preferred(figures)
    rows = rows[
        (rows["domain"] == domain)
        & (rows["period"] == period)
        & (rows["kind"] == kind)
        & (rows["breakdown"] == "")
        & (cut_off(rows) == "")
        & ~rows["indicator_id"].isin(exclude)
    ]
    return list(dict.fromkeys(rows["indicator_id"]))


def cost_per_person(figures: pd.DataFrame, cost_id: str, persons_id: str, year: int) -> float | None:
    """Money per person in đồng: ``cost_id`` (a money unit) over ``persons_id`` (None when either is missing)."""
    units = figures.loc[figures["indicator_id"] == cost_id, "unit"]
    if units.empty:
        return None
    return average_vnd(value(figures, cost_id, year), str(units.iloc[0]), value(figures, persons_id, year))
