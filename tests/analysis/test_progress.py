"""The pace towards goals (analysis.progress): gap, pace needed against pace achieved, breaks, the bars to compare."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.progress import PROGRESS_COLUMNS, assessment_key, one_per_goal, pace_values, progress
from tests.conftest import figures_frame
from tests.present.test_progress import RATES


def test_progress_measures_pace_within_the_current_standard() -> None:
    frame = progress(RATES, "poverty_rate", 2023, [2021])
    first, second = frame.iloc[0], frame.iloc[1]
    assert (first["goal_period"], first["current"], first["achieved_from"]) == (2024, 2.27, 2021)
    assert first["required"] == pytest.approx(-0.51)
    assert first["achieved"] == pytest.approx(-1.33)  # 2021 → 2023, never from 2019 across the break
    assert first["bound"] == "ceiling"
    assert frame["on_track"].tolist() == [True, True] and frame["met_now"].tolist() == [False, False]
    assert second["required"] == pytest.approx(-0.035)
    assert assessment_key(first) == "on_track"


def test_progress_refuses_a_goal_beyond_a_break() -> None:
    frame = progress(RATES, "poverty_rate", 2020, [2021])
    row = frame.iloc[0]
    assert row["current_kind"] == "estimate" and row["current"] == 3.67
    assert frame["comparable"].tolist() == [False, False] and pd.isna(row["required"])
    assert frame["on_track"].tolist() == [None, None]
    assert assessment_key(row) == "break"
    assert pace_values(frame) is None


def test_progress_without_goal_or_result() -> None:
    assert progress(RATES, "poverty_rate", 2025) is None  # no goal after 2025
    assert progress(RATES, "poverty_rate", 2015) is None  # no result yet


def test_pace_values_are_in_the_good_direction() -> None:
    frame = progress(RATES, "poverty_rate", 2023, [2021])
    assert list(frame.columns) == PROGRESS_COLUMNS
    bars = pace_values(frame)
    # A fall of the poverty rate is a positive reduction per year; one bar per goal, then the pace achieved.
    assert list(bars["what"]) == ["needed", "needed", "achieved"]
    assert list(bars["value"]) == pytest.approx([0.51, 0.035, 1.33])
    assert (bars.iloc[-1]["start"], bars.iloc[-1]["end"]) == (2021, 2023)
    assert list(bars["goal_period"][:2]) == [2024, 2025]


def test_pace_values_need_a_pace_achieved() -> None:
    rows = figures_frame(
        [
            ("trained_labour_rate", 2023, "actual", "", 70.25, "70,25%"),
            ("trained_labour_rate", 2024, "target", "", 72.5, "72,5%"),
        ]
    )
    frame = progress(rows, "trained_labour_rate", 2023)
    assert frame.iloc[0]["required"] == pytest.approx(2.25) and pd.isna(frame.iloc[0]["achieved"])
    assert assessment_key(frame.iloc[0]) == "no_pace"
    assert pace_values(frame) is None


def test_goal_series_exposes_a_bands_ends(figures_2023: pd.DataFrame) -> None:
    # Issue 9: charts draw a range goal as a band, so the frame they draw from carries both ends.
    from helpers.analysis.series import goal_series

    series = goal_series(figures_2023, "trained_labour_rate", 2025)
    band = series[(series["period"] == 2025) & (series["kind"] == "target")].iloc[0]
    assert (band["low"], band["high"]) == (70.0, 75.0) and band["value"] == band["high"]
    plain = series[(series["period"] == 2024) & (series["kind"] == "target")].iloc[0]
    assert pd.isna(plain["low"]) and pd.isna(plain["high"])


def test_one_goal_set_by_two_instruments_is_one_row() -> None:
    # Issue 9 (review item 8): the same band set by the five-year plan and Kế hoạch 121 is one goal.
    band = RATES["period"] == 2025
    rows = RATES.assign(
        instrument=["13 chỉ tiêu" if b else "" for b in band],
        low=[2.0 if b else None for b in band],
        high=[2.2 if b else None for b in band],
    )
    second = rows[band].assign(instrument="KH 121/KH-UBND", printed="2,0 - 2,2%")
    rows = pd.concat([rows, second], ignore_index=True)
    frame = progress(rows, "poverty_rate", 2023, [2021])
    assert len(frame) == 3
    merged = one_per_goal(frame)
    assert len(merged) == 2 and merged["instrument"].iloc[-1] == "13 chỉ tiêu; KH 121/KH-UBND"
    assert merged["goal_printed"].iloc[-1] == "2 - 2,2%"  # as printed first
    bars = pace_values(frame)
    assert list(bars["what"]) == ["needed", "needed", "achieved"]
    # The band's bar is a range: to its near end (value) and to its far end (far); a plain goal has no far end.
    band = frame.iloc[-1]
    assert bars["value"].iloc[1] == pytest.approx(-band["required"]) and bars["far"].iloc[1] == pytest.approx(
        -band["required_far"]
    )
    assert pd.isna(bars["far"].iloc[0]) and pd.isna(bars["far"].iloc[-1])
    # A different goal for the same year stays its own row.
    other = second.assign(value=1.9, low=1.8, high=1.9, printed="1,8 - 1,9%")
    assert len(one_per_goal(progress(pd.concat([rows, other]), "poverty_rate", 2023, [2021]))) == 3
