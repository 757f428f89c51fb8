"""What the declared relations between indicators (``data/relations.csv``) allow the analysis to compute."""

from __future__ import annotations

from pathlib import Path

from helpers.data.relations import load_relations


def part_of(indicator_id: str, whole: str, period: int, data_dir: Path | None = None) -> bool:
    """Whether the data declare that ``indicator_id`` is counted inside ``whole`` for ``period``: only then is the
    first a share of the second (workers sent abroad among jobs created). Nothing is assumed without a row."""
    rows = load_relations(data_dir)
    rows = rows[(rows["relation"] == "part_of") & (rows["indicator_id"] == indicator_id) & (rows["of"] == whole)]
    return any(
        (not row.from_year or int(row.from_year) <= period) and (not row.to_year or period <= int(row.to_year))
        for row in rows.itertuples(index=False)
    )
