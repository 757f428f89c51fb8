"""Notebook 04's people with merit beyond the gifts (the people_with_merit block of data/content.csv)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.present.report import Report
from helpers.sections import blocks
from tests.conftest import figures_frame


def merit_table(figures: pd.DataFrame, year: int, lang: str):  # noqa: ANN201
    data = blocks.frame(figures, "social_protection", "people_with_merit", year, lang)
    return blocks.table(data, "social_protection", "people_with_merit", year, lang)


def test_2023_shows_the_conference_the_national_count_and_the_poor_households(figures_2023: pd.DataFrame) -> None:
    table = merit_table(figures_2023, 2023, "vi")
    assert table.raw["indicator_id"].tolist() == [
        "merit_conference_delegates",
        "merit_persons_national",
        "merit_conference_b_cadres",
        "poor_households_with_merit_member",
    ]
    assert table.frame["Giá trị"].tolist() == ["300", "hơn 9,2", "20", "288"]
    assert table.frame["Đơn vị"].tolist()[1] == "triệu người"
    assert table.source_ids == ["danviet_2024_giam_ngheo", "sldtbxh_2023_report"]


def test_the_gifts_stay_in_their_own_table() -> None:
    figures = figures_frame(
        [("tet_gifts", 2023, "actual", "", 10, "10"), ("merit_conference_delegates", 2023, "actual", "", 3, "3")]
    )
    assert merit_table(figures, 2023, "en").raw["indicator_id"].tolist() == ["merit_conference_delegates"]
    assert merit_table(figures.iloc[:1], 2023, "en") is None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_without_the_figures_leaves_the_block_out(lang: str) -> None:
    rep = Report("04_social_protection", 2016, lang)
    assert blocks.show(rep, "people_with_merit") is None and rep.shown == []
