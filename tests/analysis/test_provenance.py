"""Sources published after the report the appendix accompanies, and why they are cited (helpers.analysis.provenance)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis.provenance import later_sources, published_after
from helpers.data.editions import Edition
from helpers.data.loading import load_report_meta, load_sources, load_year
from tests.conftest import read_rows, write_rows


@pytest.mark.parametrize(
    ("published", "issued", "later"),
    [
        ("2024-01-06", "2023-12", True),
        ("2025-11-28", "2023-12", True),
        ("2023-12", "2023-12", False),
        ("2023-12-31", "2023-12", False),  # the same month as a report without a day: not surely later
        ("2023", "2023-12", False),
        ("2024", "2023-12", True),
        ("2023-03-06", "2023-12", False),
        ("", "2023-12", False),
        ("2024-01-06", "", False),
    ],
)
def test_a_source_is_later_only_when_its_date_surely_is(published: str, issued: str, later: bool) -> None:
    assert published_after(published, issued) is later


def test_the_2023_appendix_names_its_later_sources_and_why() -> None:
    meta = load_report_meta(2023)
    figures = load_year(2023, edition=Edition("2026-06-30"))  # the revised edition: the edition as issued has none
    found = later_sources(figures, load_sources(), meta.issued, meta.source_id, 2023).set_index("source_id")
    assert later_sources(load_year(2023, edition=Edition()), load_sources(), meta.issued, meta.source_id, 2023).empty
    sources = load_sources().set_index("source_id")
    # every cited source dated after December 2023, and no other
    assert set(found.index) == {"danviet_2024_giam_ngheo", "nld_2025_ho_ngheo", "hue_gov_2024_ktxh"}
    assert all(str(sources.at[s, "published"]) > "2023-12" for s in found.index)
    # Nguoi Lao Dong (2025) gives back years only; Dan Viet (2024) the 2023 figures the report does not print, and
    # the poverty rate it shares with the report; Báo cáo 571/BC-UBND (2024) confirms the trained-labour rate.
    assert found.loc["nld_2025_ho_ngheo", ["earlier_year", "not_in_report", "same_as_report"]].tolist() == [4, 0, 0]
    assert found.at["danviet_2024_giam_ngheo", "same_as_report"] == 1
    assert found.at["danviet_2024_giam_ngheo", "earlier_year"] == 0
    assert found.loc["hue_gov_2024_ktxh", ["earlier_year", "not_in_report", "same_as_report"]].tolist() == [0, 0, 1]
    figures = load_year(2023)
    for sid, row in found.iterrows():
        assert row["figures"] == (figures["source_id"] == sid).sum()
        assert row["earlier_year"] + row["not_in_report"] + row["same_as_report"] == row["figures"]


def test_without_a_report_date_no_source_is_later(data_copy: Path) -> None:
    rows = read_rows(data_copy / "reports.csv")
    at = rows[0].index("issued")
    write_rows(data_copy / "reports.csv", [rows[0]] + [r[:at] + [""] + r[at + 1 :] for r in rows[1:]])
    meta = load_report_meta(2023, data_copy)
    found = later_sources(load_year(2023, data_copy), load_sources(data_copy), meta.issued, meta.source_id, 2023)
    assert isinstance(found, pd.DataFrame) and found.empty
