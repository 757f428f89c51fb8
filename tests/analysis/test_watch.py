"""The director's page's frames: headline goals ahead by status, and the declared figures that bear on them."""

import pandas as pd

from helpers.analysis import watch


def test_goals_ahead_on_real_2023_data(figures_2023: pd.DataFrame) -> None:
    goals = watch.goals_ahead(figures_2023, 2023).set_index(["indicator_id", "goal_period"])
    # 72,5% in 2024 needs +2,25 points within the year against +1,78 a year achieved since 2015: at risk.
    assert goals.at[("trained_labour_rate", 2024), "status"] == "at_risk"
    assert goals.at[("trained_labour_rate", 2025), "status"] == "met"  # 70,25% is inside 70–75% already
    assert goals.at[("poverty_rate", 2024), "status"] == "on_track"  # −0,51 needed, −1,33 a year achieved
    # One goal set at the same level by two instruments is one line naming both.
    jobs = goals.loc[("jobs_created", 2024)]
    assert isinstance(jobs, pd.Series) and jobs["instrument"] == "KH năm 2024; CT việc làm 2021-2025"
    assert set(goals["status"]) <= {"met", "on_track", "at_risk", "unknown"}


def test_watched_figures_on_real_2023_data(figures_2023: pd.DataFrame) -> None:
    rows = watch.watched(figures_2023, 2023).set_index("indicator_id")
    share = rows.loc["poor_households_no_labour_capacity"]
    assert (share["value"], share["base"]) == (2869, 7540) and round(share["share"], 2) == 38.05
    flat = rows.loc["near_poor_rate"]
    assert flat["breakdown"] == "district=A Lưới"
    assert (flat["base_period"], flat["base"], flat["value"]) == (2021, 15.55, 15.65)


def test_a_year_without_the_figures_shows_none(figures_2023: pd.DataFrame) -> None:
    assert watch.watched(figures_2023, 2019).empty
