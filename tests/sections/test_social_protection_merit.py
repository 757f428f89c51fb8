"""Notebook 04's people with merit beyond the gifts (helpers/sections/social_protection_merit.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.present.report import Report
from helpers.sections import social_protection_merit as merit
from tests.conftest import figures_frame


def test_2023_shows_the_conference_the_national_count_and_the_poor_households(figures_2023: pd.DataFrame) -> None:
    table = merit.merit_table(figures_2023, 2023, "vi")
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
    assert merit.merit_table(figures, 2023, "en").raw["indicator_id"].tolist() == ["merit_conference_delegates"]
    assert merit.merit_table(figures.iloc[:1], 2023, "en") is None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_without_the_figures_says_so(lang: str) -> None:
    rep = Report("04_social_protection", 2016, lang)
    assert merit.merit(rep) is None
    assert [s.kind for s in rep.shown] == ["heading", "text"] and "appendix-nodata" in rep.shown[1].html
