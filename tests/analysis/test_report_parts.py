"""The report's parts shown as lists of figures: which indicators a domain holds for a year, and cost per person."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import report_parts as an
from tests.conftest import figures_frame

SMALL = figures_frame(
    [
        ("gbv_model_districts_inspected", 2023, "actual", "", 5, "5"),
        ("gender_quiz_participants", 2023, "actual", "", 3000, "hơn 3.000"),
        ("gender_quiz_participants", 2022, "actual", "", 2000, "2.000"),
        ("gbv_model_communes_inspected", 2024, "target", "", 8, "8"),
        ("child_deaths", 2023, "actual", "cause=drowning", 3, "03"),
        ("midautumn_children", 2023, "actual", "", 1000, "1000"),
        ("midautumn_cost", 2023, "actual", "", 600, "khoảng 600"),
    ]
)


def test_domain_indicators_keep_the_data_order_and_only_the_years_totals() -> None:
    assert an.domain_indicators(SMALL, "gender_equality", 2023) == [
        "gbv_model_districts_inspected",
        "gender_quiz_participants",
    ]
    assert an.domain_indicators(SMALL, "gender_equality", 2024) == []  # a target is not a result
    assert an.domain_indicators(SMALL, "gender_equality", 2024, kind="target") == ["gbv_model_communes_inspected"]
    assert an.domain_indicators(SMALL, "gender_equality", 2023, exclude=("gender_quiz_participants",)) == [
        "gbv_model_districts_inspected"
    ]
    assert an.domain_indicators(SMALL, "children", 2023) == ["midautumn_children", "midautumn_cost"]  # no parts


def test_domain_indicators_leave_out_part_year_and_non_preferred_figures() -> None:
    rows = SMALL.assign(as_of="", preferred=True)
    rows.loc[rows["indicator_id"] == "gbv_model_districts_inspected", "as_of"] = "2023-06-30"
    rows.loc[rows["indicator_id"] == "gender_quiz_participants", "preferred"] = False
    assert an.domain_indicators(rows, "gender_equality", 2023) == []


def test_cost_per_person() -> None:
    assert an.cost_per_person(SMALL, "midautumn_cost", "midautumn_children", 2023) == pytest.approx(600_000)
    assert an.cost_per_person(SMALL, "midautumn_cost", "midautumn_children", 2022) is None
    assert an.cost_per_person(SMALL, "tet_gifts_amount", "midautumn_children", 2023) is None
    assert an.cost_per_person(pd.DataFrame(SMALL.iloc[:0]), "midautumn_cost", "midautumn_children", 2023) is None
