"""The first page's frame: values, changes, the goal as the one scorecard judges it, trend lines with gaps."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis.attainment import scorecard
from helpers.analysis.headline import headline, trend
from helpers.data.loading import load_headline, load_year
from helpers.data.query import select, value

REPORT = Path(__file__).resolve().parents[3] / "shared" / "sources" / "2023-bao-cao-tom-tat-sldtbxh-thua-thien-hue.txt"


@pytest.fixture(scope="module")
def figures() -> pd.DataFrame:
    return load_year(2023)


@pytest.fixture(scope="module")
def frame(figures: pd.DataFrame) -> pd.DataFrame:
    return headline(figures, 2023, load_headline()).set_index("indicator_id")


def test_one_row_per_indicator_of_headline_csv_in_its_order(frame: pd.DataFrame) -> None:
    chosen = load_headline()
    assert list(frame.index) == list(chosen["indicator_id"])
    assert list(frame["order"]) == sorted(chosen["order"])


def test_the_2023_results_are_the_full_year_actuals_as_printed(figures: pd.DataFrame, frame: pd.DataFrame) -> None:
    for indicator_id, row in frame.iterrows():
        actual = select(figures, indicator_id, period=2023).iloc[0]
        assert row["value"] == actual["value"] and row["printed"] == actual["printed"]


@pytest.mark.skipif(not REPORT.exists(), reason="the 2023 report's text is not here")
def test_the_2023_results_printed_by_the_report_are_in_the_report(frame: pd.DataFrame) -> None:
    text = REPORT.read_text(encoding="utf-8")
    from_report = frame[frame["source_id"] == "sldtbxh_2023_report"]
    assert len(from_report) >= 6
    for printed in from_report["printed"]:
        assert printed in text


def test_the_changes_agree_with_the_changes_the_report_prints(figures: pd.DataFrame, frame: pd.DataFrame) -> None:
    # The report prints "giảm 1,29%" (points) and "giảm 4.195 hộ"; the frame computes them as result minus previous.
    assert frame.at["poverty_rate", "change"] == pytest.approx(value(figures, "poverty_rate_change", 2023))
    assert frame.at["poor_households", "change"] == pytest.approx(value(figures, "poor_households_change", 2023))
    assert frame.at["poverty_rate", "previous_year"] == 2022
    assert frame.at["poverty_rate", "change_unit"] == "percentage_points"
    assert frame.at["poor_households", "change_unit"] == "households"


def test_the_poverty_margin_agrees_with_the_report(figures: pd.DataFrame, frame: pd.DataFrame) -> None:
    # "vượt 0,52% so với chỉ tiêu kế hoạch năm 2023": the target of KH 63/KH-UBND, 2,79%.
    assert frame.at["poverty_rate", "instrument"] == "KH 63/KH-UBND"
    assert frame.at["poverty_rate", "margin"] == pytest.approx(value(figures, "poverty_rate_margin_vs_target", 2023))
    assert bool(frame.at["poverty_rate", "met"])


def test_the_change_skips_a_year_without_a_result_and_says_which_year(frame: pd.DataFrame) -> None:
    # Trained labour: 2022 has only an estimate, so the change is on 2021 (66,8%), not on the estimate.
    assert frame.at["trained_labour_rate", "previous_year"] == 2021
    assert frame.at["trained_labour_rate", "change"] == pytest.approx(70.25 - 66.8)
    # Jobs: 2022 has only "khoảng 17.000", an estimate: no change is computed.
    assert pd.isna(frame.at["jobs_created", "change"])


def test_the_goal_is_the_scorecards_verdict_with_the_annual_plan_first(
    figures: pd.DataFrame, frame: pd.DataFrame
) -> None:
    card = scorecard(figures, 2023)
    for indicator_id, row in frame[frame["goal"].notna()].iterrows():
        judged = card[
            (card["indicator_id"] == indicator_id)
            & (card["goal_kind"] == row["goal_kind"])
            & (card["instrument"] == row["instrument"])
        ].iloc[0]
        assert (judged["met"], judged["margin"], judged["bound"]) == (row["met"], row["margin"], row["bound"])
    # Jobs has the annual plan ("hơn 17.000") and the programme's 16.500: the plan is shown, the other counted.
    assert frame.at["jobs_created", "goal_kind"] == "plan" and frame.at["jobs_created", "goals"] == 2
    # A met ceiling is met.
    assert frame.at["urban_unemployment_rate", "bound"] == "ceiling" and frame.at["urban_unemployment_rate", "met"]


def test_an_indicator_without_a_goal_of_the_year_has_none(frame: pd.DataFrame) -> None:
    for indicator_id in ("drug_rehab_community", "social_evil_venues"):
        assert pd.isna(frame.at[indicator_id, "goal"]) and frame.at[indicator_id, "goals"] == 0


def test_the_trend_keeps_missing_years_as_gaps(figures: pd.DataFrame) -> None:
    points = dict(trend(figures, "trained_labour_rate", 2023))
    assert points[2021] == 66.8 and points[2023] == 70.25
    assert math.isnan(points[2022])  # an estimate only: a gap, not a point
    assert min(points) == 2016 and max(points) == 2023


def test_the_trend_starts_at_a_change_of_definition(figures: pd.DataFrame) -> None:
    points = trend(figures, "poverty_rate", 2023)
    assert [y for y, _ in points] == [2021, 2022, 2023]  # the 2016–2020 standard is not joined to the new one
    assert [v for _, v in points] == [4.93, 3.56, 2.27]


def test_a_year_without_a_result_keeps_the_row_empty(figures: pd.DataFrame) -> None:
    rows = headline(figures, 2022, load_headline()).set_index("indicator_id")
    assert pd.isna(rows.at["workers_abroad", "value"]) and pd.isna(rows.at["workers_abroad", "printed"])
    assert pd.isna(rows.at["workers_abroad", "value_kind"]) and rows.at["workers_abroad", "value_as_of"] == ""
    assert rows.at["poverty_rate", "value"] == 3.56 and rows.at["poverty_rate", "previous_year"] == 2021


def test_an_estimate_is_shown_as_an_estimate_and_judged_as_everywhere(figures: pd.DataFrame) -> None:
    # Issue 14: 2022 jobs are only "khoảng 17.000", an estimate: shown (marked) and judged by the one scorecard.
    rows = headline(figures, 2022, load_headline()).set_index("indicator_id")
    jobs = rows.loc["jobs_created"]
    assert jobs["value"] == 17000 and jobs["printed"] == "khoảng 17.000" and jobs["value_kind"] == "estimate"
    card = scorecard(figures, 2022)
    counted = card[(card["indicator_id"] == "jobs_created") & card["headline"]].iloc[0]
    assert counted["actual_kind"] == "estimate" and jobs["met"] == counted["met"] and jobs["goal"] == counted["goal"]
    assert rows.at["poverty_rate", "value_kind"] == "actual"


def test_a_part_year_count_is_shown_with_its_cut_off_and_never_judged() -> None:
    # 2020 jobs: only January–May (2.607 to 31/5/2020) against a year's plan of 16.800 - 17.000.
    from helpers.data.loading import load_year

    rows = headline(load_year(2020), 2020, load_headline()).set_index("indicator_id")
    jobs = rows.loc["jobs_created"]
    assert jobs["value"] == 2607 and jobs["value_as_of"] == "2020-05-31"
    assert jobs["met"] is None and pd.isna(jobs["change"]) and jobs["goal_printed"] == "16.800 - 17.000"
    assert math.isnan(dict(jobs["trend"])[2020])  # the trend line holds no part-year point


@pytest.mark.parametrize(
    ("printed", "previous", "bound"),
    [
        ("dưới 1,2%", "1,4%", "ceiling"),  # the fall is more than 0,2 points
        ("hơn 17.000", "16.000", "floor"),
        ("1,4%", "trên 1,6%", "ceiling"),  # from "above 1,6%" to 1,4%: the fall is more than 0,2
        ("1,4%", "dưới 1,6%", "floor"),
        ("dưới 1,2%", "trên 1,6%", "ceiling"),
        ("dưới 1,2%", "dưới 1,6%", "invalid"),  # two ceilings: the change is unknown
        ("1,4%", "1,6%", None),
        ("khoảng 17.000", "16.000", None),  # "about" is not a bound
    ],
)
def test_a_change_from_a_bound_is_a_bound(printed: str, previous: str, bound: str | None) -> None:
    from helpers.analysis.series import change_bound

    assert change_bound(printed, previous) == bound
