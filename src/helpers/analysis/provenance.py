"""Where a year's figures come from, beside the report they accompany: which sources were published after it.

An appendix "kèm theo báo cáo" of December 2023 that cites an article of January 2024 must say so and why. The why
is read from the figures themselves: a later source gives figures of earlier years (a back series), figures of
the report's year that the report does not print, or the same figure as the report (a confirmation).
"""

from __future__ import annotations

import pandas as pd

from helpers.data import contract
from helpers.data.editions import published_after  # the one rule, also the editions' cut-off

REASONS = ("earlier_year", "not_in_report", "same_as_report")  # the order the appendix names them in


def later_sources(
    figures: pd.DataFrame, sources: pd.DataFrame, issued: str, report_source: str, year: int
) -> pd.DataFrame:
    """The sources of ``figures`` (a year's, :func:`helpers.data.loading.load_year`) published after the report
    (``issued``, from data/reports.csv), with how many of their figures are of an earlier year
    (``earlier_year``), of ``year`` but not printed in the report (``not_in_report``), or also given by the report
    ``report_source`` (``same_as_report``). Columns: source_id, published, the three counts, ``figures`` (their
    sum); in the sources' order of priority. Empty when none is later.
    """
    cited = sources[sources["source_id"].isin(set(figures["source_id"]))]
    later = cited[[published_after(str(p), issued) for p in cited["published"]]].sort_values("priority")
    key = [c for c in contract.FIGURE_KEY if c != "period"] + ["period"]
    in_report = set(map(tuple, figures.loc[figures["source_id"] == report_source, key].astype(str).to_numpy()))
    rows = []
    for sid, published in zip(later["source_id"], later["published"], strict=True):
        own = figures[figures["source_id"] == sid]
        keys = [tuple(k) for k in own[key].astype(str).to_numpy()]
        same = [k in in_report for k in keys]
        earlier = [(not s) and int(p) < int(year) for s, p in zip(same, own["period"], strict=True)]
        counts = {
            "earlier_year": sum(earlier),
            "same_as_report": sum(same),
            "not_in_report": len(keys) - sum(same) - sum(earlier),
        }
        rows.append({"source_id": sid, "published": str(published), **counts, "figures": len(keys)})
    return pd.DataFrame(rows, columns=["source_id", "published", *REASONS, "figures"])
