"""Every file of ``data/`` checked once, before anything is built: :func:`validate_all`.

The build calls it before the first notebook, whatever the year and language asked for, so that bad data is refused
in its one sentence at once, not 5–40 s into a build by the notebook that happens to read the file (or never, as
``instruments.csv`` was for a Vietnamese build). ``data/qa/`` is not here: it is the tests' second transcription,
which no build reads.
"""

from __future__ import annotations

from pathlib import Path

from helpers.data.comparable import load_comparable_results
from helpers.data.components import load_components
from helpers.data.derivations import load_derivations
from helpers.data.editions import AUTHORITIES_FILE, authority_on, load_undated
from helpers.data.loading import (
    available_years,
    latest_year,
    load_headline,
    load_instruments,
    load_reference,
    load_report_meta,
    load_year,
)
from helpers.data.slots import load_slots
from helpers.paths import data_dir as default_data_dir


def validate_all(data_dir: Path | None = None) -> None:
    """Read and check every file the appendix reads from ``data_dir``; raise the first problem's one-sentence
    :class:`~helpers.errors.DataError` (or return None when all is well).

    In order: the reference tables (units, sources, catalogue, breakdown labels, series breaks, reports, the names
    of domains, kinds and dimensions), every figures file (those of every year, through the latest year's load),
    a report row for each year with figures, ``instruments.csv`` (every instrument a figures file names),
    ``headline.csv``, ``derivations.csv``, ``comparable_results.csv``, ``components.csv``, ``slots.csv``, and the
    editions' ``undated_sources.csv`` and ``authorities.csv`` (:mod:`helpers.data.editions`)."""
    root = Path(data_dir or default_data_dir())
    load_reference(root)
    load_year(latest_year(root), root)  # every figures file, each checked against the reference tables
    for year in available_years(root):
        load_report_meta(year, root)
    load_instruments(root)
    load_headline(root)
    load_derivations(root)
    load_comparable_results(root)
    load_components(root)
    load_slots(root)
    load_undated(root, load_reference(root).sources)
    if (root / AUTHORITIES_FILE).exists():  # read only by a revised edition, checked for every build all the same
        authority_on("0000-01-01", root, check_only=True, source_ids=set(load_reference(root).sources["source_id"]))
