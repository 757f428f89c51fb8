"""Progress towards goals (sections.progress): goal series, pace needed against pace achieved, breaks."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.sections import progress as pg

from .conftest import figures_frame

RATES = figures_frame([
    ("poverty_rate", 2016, "actual", "", 8.36, "8,36%"),
    ("poverty_rate", 2019, "actual", "", 4.17, "4,17%"),
    ("poverty_rate", 2020, "estimate", "", 3.67, "3,67%"),
    ("poverty_rate", 2021, "actual", "", 4.93, "4,93%"),
    ("poverty_rate", 2023, "actual", "", 2.27, "2,27%"),
    ("poverty_rate", 2024, "target", "", 1.76, "dưới 1,76%"),
    ("poverty_rate", 2025, "target", "", 2.2, "2 - 2,2%"),
])


def test_breaks_and_definitions() -> None:
    assert pg.breaks_of("poverty_rate") == [2021]
    assert pg.breaks_of("jobs_created") == []
    assert pg.same_definition(2021, 2023, [2021]) and not pg.same_definition(2020, 2021, [2021])
    assert pg.breaks_within([2016, 2019, 2023], [2021]) == [2021]
    assert pg.breaks_within([2021, 2023], [2021]) == [] and pg.breaks_within([], [2021]) == []


def test_goal_texts() -> None:
    assert pg.range_text("2 - 2,2%", "percent", "vi") == "2–2,2%"
    assert pg.range_text("dưới 1,76%", "percent", "vi") is None
    assert pg.goal_level_text(2.2, "percent", "2 - 2,2%", "en") == "2–2.2%"  # a band: both ends are used
    assert pg.goal_level_text(2.2, "percent", "2 - 2,2%", "vi", show_used=False) == "2–2,2%"
    assert pg.goal_level_text(1.76, "percent", "dưới 1,76%", "vi") == "dưới 1,76%"
    assert pg.change_text(-0.51, "percent", "vi") == "-0,51 điểm phần trăm"
    assert pg.change_text(-4195, "households", "en") == "-4,195 households"


def test_goal_series_orders_by_period_then_kind() -> None:
    data = pg.goal_series(RATES, "poverty_rate", 2024)
    assert list(data["period"]) == [2016, 2019, 2020, 2021, 2023, 2024]
    assert pg.goal_series(RATES, "poverty_rate", 2015) is None
    assert "dưới 1,76%" in pg.qualified_note(data, "percent", "vi")


def test_progress_measures_pace_within_the_current_standard() -> None:
    frame = pg.progress(RATES, "poverty_rate", 2023, [2021])
    first, second = frame.iloc[0], frame.iloc[1]
    assert (first["goal_period"], first["current"], first["achieved_from"]) == (2024, 2.27, 2021)
    assert first["required"] == pytest.approx(-0.51)
    assert first["achieved"] == pytest.approx(-1.33)  # 2021 → 2023, never from 2019 across the break
    assert first["bound"] == "ceiling"
    assert frame["on_track"].tolist() == [True, True] and frame["met_now"].tolist() == [False, False]
    assert second["required"] == pytest.approx(-0.035)
    assert pg.assessment_key(first) == "on_track"


def test_progress_refuses_a_goal_beyond_a_break() -> None:
    frame = pg.progress(RATES, "poverty_rate", 2020, [2021])
    row = frame.iloc[0]
    assert row["current_kind"] == "estimate" and row["current"] == 3.67
    assert frame["comparable"].tolist() == [False, False] and pd.isna(row["required"])
    assert frame["on_track"].tolist() == [None, None]
    assert pg.assessment_key(row) == "break"
    assert pg.pace_chart_data(frame, "vi") is None


def test_progress_flags_a_goal_that_needs_a_faster_pace() -> None:
    rows = figures_frame([
        ("trained_labour_rate", 2021, "actual", "", 66.8, "66,8"),
        ("trained_labour_rate", 2023, "actual", "", 70.25, "70,25%"),
        ("trained_labour_rate", 2024, "target", "", 72.5, "72,5%"),
    ])
    frame = pg.progress(rows, "trained_labour_rate", 2023)
    assert frame.iloc[0]["required"] == pytest.approx(2.25)
    assert frame.iloc[0]["achieved"] == pytest.approx(1.725)
    assert frame["on_track"].tolist() == [False] and pg.assessment_key(frame.iloc[0]) == "off_track"
    chart = pg.pace_chart_data(frame, "vi")
    assert list(chart["value"]) == pytest.approx([2.25, 1.725])
    sentence = pg.pace_sentences(frame, "trained_labour_rate", "vi")[0]
    assert "cần tăng 2,25 điểm phần trăm mỗi năm, cao hơn" in sentence


def test_progress_without_goal_or_result() -> None:
    assert pg.progress(RATES, "poverty_rate", 2025) is None  # no goal after 2025
    assert pg.progress(RATES, "poverty_rate", 2015) is None  # no result yet


def test_progress_table_on_real_2023_data(figures_2023: pd.DataFrame) -> None:
    frame = pg.progress(figures_2023, "poverty_rate", 2023, pg.breaks_of("poverty_rate"))
    table = pg.progress_table(frame, "vi")
    assert list(table.frame.iloc[0])[:4] == ["Chỉ tiêu 2024 (KH năm 2024)", "dưới 1,76%", "2,27% (2023)", "-0,51 điểm phần trăm"]
    # Two goals for 2025 (the five-year plan and Kế hoạch 121), both the band 2–2,2%, gap to both ends.
    ahead = table.frame[table.frame["Mục tiêu"].str.startswith("Chỉ tiêu 2025")]
    assert list(ahead["Mục tiêu"]) == ["Chỉ tiêu 2025 (13 chỉ tiêu KT-XH 2021-2025)", "Chỉ tiêu 2025 (KH 121/KH-UBND)"]
    assert set(ahead["Mức mục tiêu"]) == {"2–2,2%"}
    assert set(ahead["Khoảng cách còn lại"]) == {"-0,07 điểm phần trăm (đến đầu khoảng gần), -0,27 điểm phần trăm (đến đầu khoảng xa)"}
    assert "sldtbxh_2023_report" in table.source_ids
