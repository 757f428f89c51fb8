"""Notebook 04's gender equality: a block of data/content.csv showing every figure of its domain."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.present.report import Report
from helpers.sections import blocks
from tests.conftest import figures_frame


def activities_table(figures: pd.DataFrame, year: int, lang: str):  # noqa: ANN201
    data = blocks.frame(figures, "social_protection", "gender_equality", year, lang)
    return blocks.table(data, "social_protection", "gender_equality", year, lang)


def test_2023_shows_every_gender_figure_of_the_report(figures_2023: pd.DataFrame) -> None:
    table = activities_table(figures_2023, 2023, "vi")
    assert table.raw["indicator_id"].tolist() == [
        "gender_quiz_participants",
        "gbv_model_communes_inspected",
        "gbv_model_districts_inspected",
    ]
    assert table.frame["Giá trị"].tolist() == ["hơn 3.000", "6", "5"]
    assert table.source_ids == ["sldtbxh_2023_report"]
    assert activities_table(figures_2023, 2023, "en").frame["Value"].tolist()[0] == "over 3,000"


def test_a_new_figure_of_the_domain_shows_without_a_code_change() -> None:
    figures = figures_frame(
        [
            ("gender_quiz_participants", 2024, "actual", "", 4000, "4.000"),
            ("gender_quiz_participants", 2023, "actual", "", 3000, "hơn 3.000"),
        ]
    )
    assert activities_table(figures, 2024, "vi").frame["Giá trị"].tolist() == ["4.000"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_without_the_figures_leaves_the_block_out(lang: str) -> None:
    rep = Report("04_social_protection", 2016, lang)
    assert blocks.show(rep, "gender_equality") is None and rep.shown == []
