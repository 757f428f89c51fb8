"""Notebook 04's last parts: direction and administration, international cooperation (sections/other_areas.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.present.report import Report
from helpers.sections import other_areas


def test_2023_administration_holds_every_figure_in_the_reports_order(figures_2023: pd.DataFrame) -> None:
    table = other_areas.administration_table(figures_2023, 2023, "vi")
    assert table.frame["Giá trị"].tolist() == ["17", "17", "3", "5", "47", "2", "4", "4", "3", "42,86%", "3", "2"]
    assert table.raw["indicator_id"].tolist()[:2] == ["sector_targets_completed", "sector_targets_total"]
    assert table.raw["indicator_id"].tolist()[-1] == "next_year_main_targets"


def test_2023_cooperation(figures_2023: pd.DataFrame) -> None:
    table = other_areas.cooperation_table(figures_2023, 2023, "en")
    assert table.frame["Value"].tolist() == ["2", "16", "over 5,000"]
    assert table.raw["indicator_id"].tolist() == [
        "lao_delegation_provinces",
        "martyr_remains_repatriated",
        "disability_run_participants",
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_without_the_figures_says_so(lang: str) -> None:
    rep = Report("04_social_protection", 2016, lang)
    assert other_areas.administration(rep) is None and other_areas.cooperation(rep) is None
    assert [s.kind for s in rep.shown] == ["heading", "text", "heading", "text"]
    assert sum("appendix-nodata" in s.html for s in rep.shown) == 2
