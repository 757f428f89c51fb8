"""Notebook 04's gifts and events for children (the own block children_gifts_events, sections/social_protection.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.present.report import Report
from helpers.sections import social_protection as sp
from tests.conftest import figures_frame


def test_2023_shows_the_reports_prints_and_the_cost_per_child(figures_2023: pd.DataFrame) -> None:
    table = sp.gifts_events_table(figures_2023, 2023, "vi")
    assert table.frame["Giá trị"].tolist() == [
        "hơn 5.000",
        "trên 3.000",
        "trên 6",
        "1.000",
        "khoảng 600",
        "khoảng 600.000",
    ]
    assert table.frame["Đơn vị"].tolist() == ["suất", "người", "tỷ đồng", "người", "triệu đồng", "đồng/trẻ em"]
    assert table.raw["computed"].tolist() == [False] * 5 + [True]
    assert table.raw["value"].iloc[-1] == pytest.approx(600_000)
    assert table.frame["Ghi chú"].iloc[-1] == "Phụ lục tính: khoảng 600 triệu đồng / 1.000"
    assert table.source_ids == ["sldtbxh_2023_report"]
    english = sp.gifts_events_table(figures_2023, 2023, "en").frame
    assert english["Value"].tolist()[-2:] == ["about 600", "about 600,000"]


def test_the_cost_per_child_carries_no_qualifier_when_neither_print_has_one() -> None:
    figures = figures_frame(
        [("midautumn_children", 2023, "actual", "", 500, "500"), ("midautumn_cost", 2023, "actual", "", 100, "100")]
    )
    table = sp.gifts_events_table(figures, 2023, "vi")
    assert table.frame["Giá trị"].tolist() == ["500", "100", "200.000"]


def test_no_cost_per_child_without_the_children() -> None:
    figures = figures_frame([("midautumn_cost", 2023, "actual", "", 100, "100")])
    assert sp.gifts_events_table(figures, 2023, "vi").frame["Giá trị"].tolist() == ["100"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_year_without_the_figures_leaves_the_block_out(lang: str) -> None:
    rep = Report("04_social_protection", 2016, lang)
    assert sp.show(rep, "children_gifts_events", sp.gifts_events_table(rep.figures, 2016, lang)) is None
    assert rep.shown == []
