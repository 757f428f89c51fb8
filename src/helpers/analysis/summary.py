"""A short plain-text summary of a year's figures, for the command line."""

from __future__ import annotations

from pathlib import Path

from helpers.data.loading import load_revisions, load_year


def summarise_year(year: int, data_dir: Path | None = None) -> str:
    """Figures, indicators, sources and revisions known for ``year``, by domain and kind."""
    figures = load_year(year, data_dir)
    revisions = load_revisions(year, data_dir)
    lines = [
        f"Year {year}: {len(figures)} figures on {figures['indicator_id'].nunique()} indicators "
        f"from {figures['source_id'].nunique()} sources (files "
        f"{', '.join(map(str, sorted(figures['vintage'].unique())))}); "
        f"{len(revisions)} figures replaced by a later file.",
    ]
    counts = figures.groupby(["domain", "kind"]).size().unstack(fill_value=0)
    lines.append(counts.to_string())
    return "\n".join(lines)
