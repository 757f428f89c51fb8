"""The social sections' numbers (helpers.analysis.social): shares, qualifiers, verdicts, rehabilitation."""

from __future__ import annotations

import pytest

from helpers.analysis import social
from tests.conftest import figures_frame

REHAB = figures_frame(
    [
        ("drug_rehab_community", 2023, "actual", "", 178, "178"),
        ("drug_rehab_compulsory_admissions", 2023, "actual", "", 54, "54"),
        ("drug_rehab_community", 2024, "target", "", 180, "180"),
    ]
)
ROLES = figures_frame(
    [
        ("prostitution_suspects", 2023, "actual", "", 80, "80"),
        ("prostitution_suspects", 2023, "actual", "role=broker", 10, "10"),
        ("prostitution_suspects", 2023, "actual", "role=brothel_owner", 47, "47"),
        ("prostitution_suspects", 2023, "actual", "role=sex_worker", 0, "chưa có"),
    ]
)


def test_breakdown_parts_share_the_printed_total_else_their_sum() -> None:
    parts = social.breakdown_parts(ROLES, "prostitution_suspects", "role", 2023)
    assert parts["code"].tolist() == ["broker", "brothel_owner", "sex_worker"]
    assert parts["share"].tolist() == pytest.approx([12.5, 58.75, 0.0])
    assert parts["zero_in_words"].tolist() == [False, False, True]
    assert parts.attrs == {
        "total": 80.0,
        "parts_sum": 57.0,
        "total_printed": "80",
        "total_source_id": "sldtbxh_2023_report",
    }
    no_total = ROLES[ROLES["breakdown"] != ""]
    summed = social.breakdown_parts(no_total, "prostitution_suspects", "role", 2023)
    assert summed["share"].tolist() == pytest.approx([10 / 57 * 100, 47 / 57 * 100, 0.0])
    assert summed.attrs["total"] == 57.0 and summed.attrs["total_printed"] is None
    assert social.largest_part(parts)["code"] == "brothel_owner"
    assert social.breakdown_parts(ROLES, "prostitution_suspects", "role", 2022) is None


def test_qualifiers_and_what_a_computed_value_inherits() -> None:
    assert social.qualifier("hơn 2000") == "hơn" and social.qualifier("giảm 12") is None
    assert social.is_lower_bound("Trên 90") and not social.is_lower_bound("khoảng 600")
    assert {social.QUALIFIER_READINGS[q] for q in ("hơn", "trên", "<", "gần", "khoảng")} == {
        "more",
        "above",
        "under",
        "almost",
        "about",
    }
    assert social.derived_qualifier("khoảng 600", "5") == "khoảng"
    assert social.derived_qualifier("600", "hơn 5") == "khoảng"


def test_against_goal_judges_by_polarity_and_bound_or_measures_the_distance() -> None:
    assert social.against_goal(1.5, "<1,5", 1.44, "lower_is_better") == ("met", 0.0)
    assert social.against_goal(180, "180", 178, "higher_is_better") == ("not_met", 2)
    assert social.against_goal(60, "60", 54, "neutral") == ("above", 6)
    assert social.against_goal(50, "50", 54, "neutral") == ("below", 4)
    assert social.against_goal(54, "54", 54, "neutral") == ("equal", 0)


def test_rehabilitation_results_beside_next_years_targets() -> None:
    frame = social.rehab_vs_target(REHAB, 2023)
    assert frame[["indicator_id", "kind", "period", "value"]].values.tolist() == [
        ["drug_rehab_community", "actual", 2023, 178.0],
        ["drug_rehab_community", "target", 2024, 180.0],
        ["drug_rehab_compulsory_admissions", "actual", 2023, 54.0],
    ]
    assert frame.attrs["source_ids"] == ["sldtbxh_2023_report"]
    assert social.rehab_vs_target(REHAB, 2020) is None
    targets = social.rehab_targets(REHAB, 2023)
    assert targets[["indicator_id", "goal", "now", "change"]].values.tolist() == [["drug_rehab_community", 180, 178, 2]]
    assert social.rehab_targets(REHAB, 2024).empty
