"""Notebook 04's last parts: direction and administration, international cooperation (blocks of data/content.csv,
each every figure of its domain)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.present.report import Report
from helpers.sections import blocks


def block_table(figures: pd.DataFrame, name: str, year: int, lang: str):  # noqa: ANN201
    data = blocks.frame(figures, "social_protection", name, year, lang)
    return blocks.table(data, "social_protection", name, year, lang)


def test_2023_administration_holds_every_figure_in_the_reports_order(figures_2023: pd.DataFrame) -> None:
    table = block_table(figures_2023, "administration", 2023, "vi")
    assert table.frame["Giá trị"].tolist() == ["17", "17", "3", "5", "47", "2", "4", "4", "3", "42,86%", "3", "2"]
    assert table.raw["indicator_id"].tolist()[:2] == ["sector_targets_completed", "sector_targets_total"]
    assert table.raw["indicator_id"].tolist()[-1] == "next_year_main_targets"


def test_2023_cooperation(figures_2023: pd.DataFrame) -> None:
    table = block_table(figures_2023, "international_cooperation", 2023, "en")
    assert table.frame["Value"].tolist() == ["2", "16", "over 5,000"]
    assert table.raw["indicator_id"].tolist() == [
        "lao_delegation_provinces",
        "martyr_remains_repatriated",
        "disability_run_participants",
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_without_the_figures_leaves_the_blocks_out(lang: str) -> None:
    rep = Report("04_social_protection", 2016, lang)
    assert blocks.show(rep, "administration") is None and blocks.show(rep, "international_cooperation") is None
    assert rep.shown == []
