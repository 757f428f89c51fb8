"""helpers.analysis.employment: the employment results against goals, judged by the one scorecard."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import employment as an
from helpers.analysis.attainment import scorecard
from tests.conftest import figures_frame

FIGURES = figures_frame(
    [
        ("jobs_created", 2023, "actual", "", 17034, "17.034"),
        ("jobs_created", 2023, "target", "", 16500, "16.500"),
        ("jobs_created", 2023, "plan", "", 17000, "hơn 17.000"),
        ("jobs_created_pct_of_plan", 2023, "actual", "", 100.2, "100,20%"),
        ("workers_abroad", 2023, "estimate", "", 1900, "khoảng 1.900"),
        ("workers_abroad", 2023, "plan", "", 2000, "2.000"),
        ("trained_labour_rate", 2023, "actual", "", 70.25, "70,25%"),
        ("urban_unemployment_rate", 2023, "actual", "", 1.8, "1,8%"),
        ("urban_unemployment_rate", 2023, "target", "", 2.1, "dưới 2,1%"),
    ]
)


def test_the_verdicts_are_the_scorecards() -> None:
    frame = an.results_against_goals(FIGURES, 2023)
    card = scorecard(FIGURES, 2023).set_index(["indicator_id", "goal_kind"])
    for row in frame[frame["result_kind"] == "actual"].dropna(subset=["goal_kind"]).itertuples():
        assert row.met == card.at[(row.indicator_id, row.goal_kind), "met"]
        bound = card.at[(row.indicator_id, row.goal_kind), "bound"]
        assert row.bound == bound or (pd.isna(row.bound) and pd.isna(bound))
    rows = frame.set_index(["indicator_id", "goal_kind"])
    assert rows.at[("urban_unemployment_rate", "target"), "bound"] == "ceiling"


def test_rows_in_indicator_order_plans_before_targets_and_a_row_without_a_goal() -> None:
    frame = an.results_against_goals(FIGURES, 2023)
    assert list(zip(frame["indicator_id"], frame["goal_kind"].fillna(""), strict=True)) == [
        ("jobs_created", "plan"),
        ("jobs_created", "target"),
        ("workers_abroad", "plan"),
        ("trained_labour_rate", ""),
        ("urban_unemployment_rate", "target"),
    ]
    trained = frame[frame["indicator_id"] == "trained_labour_rate"].iloc[0]
    assert trained["result"] == 70.25 and pd.isna(trained["met"]) and pd.isna(trained["goal"])


def test_an_estimate_is_judged_when_the_year_has_no_actual() -> None:
    frame = an.results_against_goals(FIGURES, 2023).set_index(["indicator_id", "goal_kind"])
    abroad = frame.loc[("workers_abroad", "plan")]
    assert abroad["result_kind"] == "estimate" and not abroad["met"] and abroad["ratio"] == pytest.approx(95.0)
    assert abroad["difference"] == pytest.approx(-100)
    # The one scorecard judges the estimate itself (issue 14: estimates judged the same everywhere), and only the
    # estimate of a year without an actual.
    card = scorecard(FIGURES, 2023).set_index(["indicator_id", "goal_kind"])
    assert card.at[("workers_abroad", "plan"), "actual_kind"] == "estimate"
    assert card.at[("workers_abroad", "plan"), "met"] == abroad["met"]
    assert set(card["actual_kind"].dropna()) == {"actual", "estimate"}
    assert card.loc[card["actual_kind"] == "estimate", "actual_printed"].tolist() == ["khoảng 1.900"]


def test_count_goals_get_a_ratio_and_the_printed_percent_of_plan_rates_a_difference() -> None:
    frame = an.results_against_goals(FIGURES, 2023).set_index(["indicator_id", "goal_kind"])
    assert frame.at[("jobs_created", "plan"), "report_pct"] == 100.2
    assert pd.isna(frame.at[("jobs_created", "target"), "report_pct"])
    unemployment = frame.loc[("urban_unemployment_rate", "target")]
    assert pd.isna(unemployment["ratio"]) and unemployment["difference"] == pytest.approx(-0.3)
    assert an.results_against_goals(FIGURES, 2019) is None


def test_a_part_year_result_is_shown_with_its_cut_off_and_never_judged() -> None:
    # Invented figures (test fixtures, not published ones): to 31/7 only, with the report's "% of plan" to that day.
    figures = figures_frame(
        [
            ("jobs_created", 2025, "plan", "", 17000, "17.000", "KH năm 2025 (dữ liệu thử)", ""),
            ("jobs_created", 2025, "actual", "", 11556, "11.556", "", "2025-07-31"),
            ("jobs_created", 2025, "actual", "", 5000, "5.000", "", "2025-03-31"),
            ("jobs_created_pct_of_plan", 2025, "actual", "", 67.98, "67,98%", "", "2025-07-31"),
            ("jobs_created_pct_of_plan", 2025, "actual", "", 29.41, "29,41%", "", "2025-03-31"),
        ],
        extra=("instrument", "as_of"),
    )
    row = an.results_against_goals(figures, 2025, ("jobs_created",)).iloc[0]
    assert row["result"] == 11556 and row["result_as_of"] == "2025-07-31" and row["result_kind"] == "actual"
    assert row["goal_kind"] == "plan" and row["goal"] == 17000
    assert pd.isna(row["met"]) and pd.isna(row["ratio"]) and pd.isna(row["difference"]) and pd.isna(row["margin"])
    assert row["report_pct"] == 67.98 and row["report_pct_printed"] == "67,98%"  # the same cut-off, not 31/3's
    full = an.results_against_goals(FIGURES, 2023).set_index(["indicator_id", "goal_kind"])
    assert (full["result_as_of"] == "").all()
