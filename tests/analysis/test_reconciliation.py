"""Reconciliation: derived figures recomputed, breakdowns against totals, disagreements, ambiguous prints, coverage."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import reconciliation as rec
from helpers.data import derivations
from helpers.errors import DataError
from tests.conftest import read_rows, write_rows

UNITS = {  # unit: (whole, additive)
    "persons": (True, True),
    "households": (True, True),
    "count": (True, True),
    "million_vnd": (False, True),
    "percent": (False, False),
    "percent_of_plan": (False, False),
    "percentage_points": (False, False),
    "persons_change": (True, False),
}


def figures(rows: list[tuple], complete: dict[str, str] | None = None) -> pd.DataFrame:
    """A small frame shaped like load_year's:
    (indicator_id, period, kind, breakdown, value, printed, unit[, source, vintage, note])."""
    complete = complete or {}
    records = []
    for row in rows:
        indicator_id, period, kind, breakdown, value, printed, unit, *rest = row
        source = rest[0] if len(rest) > 0 else "report"
        vintage = rest[1] if len(rest) > 1 else 2023
        note = rest[2] if len(rest) > 2 else ""
        whole, additive = UNITS[unit]
        records.append(
            {
                "indicator_id": indicator_id,
                "period": period,
                "kind": kind,
                "breakdown": breakdown,
                "value": float(value),
                "printed": printed,
                "source_id": source,
                "locator": "x",
                "note": note,
                "vintage": vintage,
                "unit": unit,
                "whole": whole,
                "additive": additive,
                "complete_breakdowns": complete.get(indicator_id, ""),
                "domain": "employment" if indicator_id.startswith("jobs") else "poverty",
                "polarity": "higher_is_better",
                "name_vi": indicator_id,
                "name_en": indicator_id,
            }
        )
    frame = pd.DataFrame.from_records(records)
    # The vintage rule's preferred flag: source "report" outranks "web".
    rank = frame["source_id"].map({"report": 1}).fillna(2)
    best = rank.groupby([frame[c] for c in ["indicator_id", "period", "kind", "breakdown"]]).transform("min")
    return frame.assign(preferred=rank == best)


def rules(rows: list[tuple]) -> pd.DataFrame:
    """A derivations frame: (indicator_id, method, numerator, num_offset, denominator, den_offset[, unlisted])."""
    records = []
    for indicator_id, method, num, num_off, den, den_off, *unlisted in rows:
        records.append(
            {
                "indicator_id": indicator_id,
                "method": method,
                "numerator": num,
                "numerator_period_offset": num_off,
                "denominator": den,
                "denominator_period_offset": den_off,
                "unlisted_input_vi": unlisted[0] if unlisted else "",
                "unlisted_input_en": unlisted[0] if unlisted else "",
                "note": "",
            }
        )
    frame = pd.DataFrame.from_records(records)
    for c in ("numerator_period_offset", "denominator_period_offset"):
        frame[c] = frame[c].astype("Int64")
    return frame


# --- derivations -------------------------------------------------------------------------------------


def test_reference_parsing() -> None:
    assert derivations.parse_reference("jobs_created") == derivations.Reference("jobs_created")
    assert derivations.parse_reference("jobs_created|plan") == derivations.Reference("jobs_created", "plan")
    assert derivations.parse_reference("poverty_rate||district=A Lưới") == derivations.Reference(
        "poverty_rate", None, "district=A Lưới"
    )
    assert derivations.parse_reference("poverty_rate|bogus") is None
    assert derivations.parse_reference("Jobs") is None and derivations.parse_reference("") is None
    ref = derivations.Reference("jobs_created", "plan")
    assert ref.resolve("actual", "") == ("jobs_created", "plan", "")
    assert derivations.Reference("x").resolve("estimate", "district=Huế") == ("x", "estimate", "district=Huế")


def test_comparison_at_the_printed_precision() -> None:
    assert rec.printed_decimals("96,3%") == 1 and rec.printed_decimals("100,20%") == 2
    assert rec.printed_decimals("tăng 67") == 0 and rec.printed_decimals("chưa có") == 0
    assert rec.agrees_at_print_precision(4050 / 4206 * 100, 96.3, "96,3%")  # 96,29… reads as 96,3
    assert not rec.agrees_at_print_precision(96.24, 96.3, "96,3%")
    assert rec.agrees_at_print_precision(17034 / 17000 * 100, 100.2, "100,20%")
    assert rec.agrees_at_print_precision(2.27 - 3.56, -1.29, "giảm 1,29%")
    assert rec.agrees_at_print_precision(0.125, 0.13, "0,13")  # half up, as the report rounds
    assert rec.agrees_at_print_precision(51.7, 51, "trên 51%") and not rec.agrees_at_print_precision(
        50.2, 51, "trên 51%"
    )
    assert rec.agrees_at_print_precision(1.8, 2.1, "dưới 2,1%") and not rec.agrees_at_print_precision(
        2.3, 2.1, "dưới 2,1%"
    )


def test_percent_of_plan_difference_and_share_are_recomputed() -> None:
    frame = figures(
        [
            ("jobs", 2023, "actual", "", 17034, "17.034", "persons"),
            ("jobs", 2023, "plan", "", 17000, "17.000", "persons", "web"),
            ("jobs_pct", 2023, "actual", "", 100.2, "100,20%", "percent_of_plan"),
            ("rate", 2023, "actual", "", 2.27, "2,27%", "percent"),
            ("rate", 2022, "actual", "", 3.56, "3,56%", "percent", "web", 2022),
            ("rate_change", 2023, "actual", "", -1.29, "giảm 1,29%", "percentage_points"),
            ("part", 2023, "actual", "", 4050, "4.050", "persons"),
            ("whole", 2023, "actual", "", 4206, "4.206", "persons"),
            ("share", 2023, "actual", "", 96.4, "96,4%", "percent"),
        ]
    )
    derivations = rules(
        [
            ("jobs_pct", "percent_of", "jobs", 0, "jobs|plan", 0),
            ("rate_change", "difference", "rate", 0, "rate", -1),
            ("share", "share", "part", 0, "whole", 0),
        ]
    )
    out = rec.reconcile_derivations(frame, derivations, 2023).set_index("indicator_id")
    assert out.at["jobs_pct", "status"] == rec.AGREES
    assert out.at["jobs_pct", "recomputed"] == pytest.approx(100.2)
    assert out.at["jobs_pct", "denominator_value"] == 17000
    assert set(out.at["jobs_pct", "source_ids"]) == {"report", "web"}
    assert out.at["rate_change", "status"] == rec.AGREES
    assert out.at["rate_change", "denominator_period"] == 2022
    assert out.at["share", "status"] == rec.DIFFERS  # 96,29% is not a printed 96,4%
    assert out.at["share", "difference"] == pytest.approx(4050 / 4206 * 100 - 96.4)


def test_missing_inputs_cannot_be_recomputed_and_are_named() -> None:
    frame = figures(
        [
            ("rate", 2023, "actual", "", 2.27, "2,27%", "percent"),
            ("margin", 2023, "actual", "", 0.52, "vượt 0,52%", "percentage_points"),
            ("children_share", 2023, "actual", "", 26, "26%", "percent"),
            ("children", 2023, "actual", "", 292208, "292.208", "persons"),
        ]
    )
    derivations = rules(
        [
            ("margin", "difference", "rate|target", 0, "rate", 0),
            ("children_share", "share", "children", 0, "", None, "population"),
        ]
    )
    out = rec.reconcile_derivations(frame, derivations, 2023).set_index("indicator_id")
    assert out.at["margin", "status"] == rec.CANNOT
    assert out.at["margin", "missing"] == "rate|target@2023"
    assert out.at["margin", "denominator_value"] == 2.27
    assert out.at["children_share", "status"] == rec.CANNOT
    assert out.at["children_share", "missing"] == "unlisted"
    assert out.at["children_share", "unlisted_input_en"] == "population"


def test_only_the_years_own_actuals_are_reconciled() -> None:
    frame = figures(
        [
            ("jobs", 2023, "actual", "", 17034, "17.034", "persons"),
            ("jobs", 2023, "plan", "", 17000, "17.000", "persons"),
            ("jobs_pct", 2023, "actual", "", 100.2, "100,20%", "percent_of_plan"),
            ("jobs_pct", 2024, "target", "", 101, "101%", "percent_of_plan"),  # a goal is not recomputed
            ("jobs_pct", 2021, "actual", "", 99, "99%", "percent_of_plan", "report", 2021),  # an earlier file's figure
        ]
    )
    out = rec.reconcile_derivations(frame, rules([("jobs_pct", "percent_of", "jobs", 0, "jobs|plan", 0)]), 2023)
    assert list(zip(out["period"], out["kind"], strict=False)) == [(2023, "actual")]
    assert rec.reconcile_derivations(
        frame.iloc[:0], rules([("jobs_pct", "percent_of", "jobs", 0, "jobs|plan", 0)]), 2023
    ).empty


def test_the_derivations_file_is_read_and_typed() -> None:
    rules = derivations.load_derivations()
    assert rules["indicator_id"].is_unique
    assert set(rules["method"]) <= set(derivations.METHODS)
    row = rules.set_index("indicator_id").loc["poverty_rate_change"]
    assert row["numerator_period_offset"] == 0 and row["denominator_period_offset"] == -1


def _break(path: Path, indicator_id: str, column: str, text: str) -> int:
    rows = read_rows(path)
    line = next(i for i, r in enumerate(rows, start=1) if r[0] == indicator_id)
    rows[line - 1][rows[0].index(column)] = text
    write_rows(path, rows)
    return line


@pytest.mark.parametrize(
    ("indicator_id", "column", "text", "expected"),
    [
        (
            "jobs_created_pct_of_plan",
            "indicator_id",
            "jobs_created_pct_of_plann",
            "indicator_ids in data/indicators.csv",
        ),
        ("jobs_created_pct_of_plan", "numerator", "jobs_creatd", "a reference indicator_id[|kind][|dimension=value]"),
        (
            "jobs_created_pct_of_plan",
            "denominator",
            "jobs_created|planned",
            "kind one of: actual, estimate, plan, target",
        ),
        ("jobs_created_pct_of_plan", "method", "ratio", "one of: percent_of, difference, share"),
        ("poverty_rate_change", "denominator_period_offset", "last year", "a whole number of years"),
        ("poverty_rate_change", "denominator_period_offset", "", "needs a period offset"),
        ("children_share_of_population", "unlisted_input_en", "", "name it in unlisted_input_en"),
    ],
)
def test_a_bad_derivations_file_is_refused_naming_file_line_and_column(
    data_copy: Path, indicator_id: str, column: str, text: str, expected: str
) -> None:
    path = data_copy / derivations.DERIVATIONS_FILE
    line = _break(path, indicator_id, column, text)
    with pytest.raises(DataError) as err:
        derivations.load_derivations(data_copy)
    message = str(err.value)
    assert message.startswith(f"{path}, line {line}, column '{column}': ")
    assert expected in message
    assert message.endswith(".") and message.count("\n") == 0


def test_a_rule_given_twice_is_refused(data_copy: Path) -> None:
    path = data_copy / derivations.DERIVATIONS_FILE
    rows = read_rows(path)
    write_rows(path, rows + [rows[1]])
    with pytest.raises(
        DataError, match=rf"line {len(rows) + 1}, column 'indicator_id': 'jobs_created_pct_of_plan' already has a rule"
    ):
        derivations.load_derivations(data_copy)


def test_a_derivations_file_with_a_missing_column_is_refused(data_copy: Path) -> None:
    path = data_copy / derivations.DERIVATIONS_FILE
    write_rows(path, [r[:-1] for r in read_rows(path)])
    with pytest.raises(DataError, match="line 1: missing column 'note'"):
        derivations.load_derivations(data_copy)


def test_real_2023_derivations(figures_2023: pd.DataFrame) -> None:
    out = rec.reconcile_derivations(figures_2023, derivations.load_derivations(), 2023).set_index("indicator_id")
    assert out.at["jobs_created_pct_of_plan", "status"] == rec.AGREES
    assert out.at["jobs_created_pct_of_plan", "recomputed"] == pytest.approx(17034 / 17000 * 100)
    assert out.at["workers_abroad_pct_of_plan", "status"] == rec.AGREES
    assert out.at["poverty_rate_change", "recomputed"] == pytest.approx(-1.29)
    # Kế hoạch 63/KH-UBND's 2023 target (2,79%) lets the report's "vượt 0,52%" be recomputed: 2,79 - 2,27.
    assert out.at["poverty_rate_margin_vs_target", "status"] == rec.AGREES
    assert out.at["poverty_rate_margin_vs_target", "recomputed"] == pytest.approx(0.52)
    assert out.at["poverty_rate_margin_vs_target", "missing"] == ""
    assert out.at["social_facility_residents_change", "recomputed"] == 67
    assert out.at["child_injuries_change", "recomputed"] == -12
    assert out.at["child_deaths_change", "recomputed"] == -5
    # The part-year changes are recomputed from figures to the same cut-off (15/11) of both years.
    assert out.at["child_injuries_change", "as_of"] == "2023-11-15"
    assert out.at["child_injuries_change", "denominator_value"] == 1497
    assert out.at["children_special_circumstances_supported_rate", "status"] == rec.AGREES
    assert out.at["children_share_of_population", "status"] == rec.CANNOT
    assert out.at["poor_households_change", "recomputed"] == -4195
    assert rec.DIFFERS not in set(out["status"])


# --- breakdowns -------------------------------------------------------------------------------------------


def test_complete_breakdowns_must_add_up_and_partial_ones_stay_within() -> None:
    frame = figures(
        [
            ("credit", 2023, "actual", "", 14966, "14.966", "households"),
            ("credit", 2023, "actual", "household_group=poor", 1480, "1.480", "households"),
            ("credit", 2023, "actual", "household_group=near_poor", 6123, "6.123", "households"),
            ("credit", 2023, "actual", "household_group=newly_escaped_poverty", 7363, "7.363", "households"),
            ("venues", 2023, "actual", "", 977, "977", "count"),
            ("venues", 2023, "actual", "venue_type=bar", 2, "2", "count"),
            ("venues", 2023, "actual", "venue_type=hotel", 974, "974", "count"),
            ("gifts", 2023, "actual", "recipient_group=poor_household", 10, "10", "count"),
            ("poor", 2023, "actual", "", 7540, "7.540", "households"),
            ("poor", 2023, "actual", "district=A Lưới", 3485, "3.485", "households"),
            ("near", 2023, "actual", "", 20, "20", "households"),
            ("near", 2023, "actual", "district=A Lưới", 21, "21", "households"),
            ("lonely", 2023, "actual", "district=A Lưới", 5, "5", "households"),  # partial, no total: nothing to check
            ("rate", 2023, "actual", "", 2.27, "2,27%", "percent"),
            ("rate", 2023, "actual", "district=A Lưới", 24.4, "24,4%", "percent"),  # a rate does not add up
            ("money", 2023, "actual", "", 100, "100", "million_vnd"),
            ("money", 2023, "actual", "household_group=poor", 60, "hơn 60", "million_vnd"),
            ("money", 2023, "actual", "household_group=near_poor", 41, "41", "million_vnd"),
        ],
        complete={
            "credit": "household_group",
            "venues": "venue_type",
            "gifts": "recipient_group",
            "money": "household_group",
        },
    )
    out = rec.breakdown_checks(frame, 2023).set_index("indicator_id")
    assert out.at["credit", "status"] == rec.SUM_AGREES and out.at["credit", "parts_sum"] == 14966
    assert out.at["credit", "part_values"] == [1480, 6123, 7363] and out.at["credit", "n_parts"] == 3
    assert out.at["venues", "status"] == rec.SUM_DIFFERS and out.at["venues", "difference"] == -1
    assert out.at["gifts", "status"] == rec.NO_TOTAL and pd.isna(out.at["gifts", "total"])
    assert out.at["poor", "status"] == rec.WITHIN_TOTAL and not out.at["poor", "complete"]
    assert out.at["near", "status"] == rec.EXCEEDS_TOTAL
    assert out.at["money", "status"] == rec.SUM_ROUNDING  # 60 + 41 against 100, each printed rounded
    assert "lonely" not in out.index and "rate" not in out.index


def test_real_2023_breakdowns_all_agree(figures_2023: pd.DataFrame) -> None:
    out = rec.breakdown_checks(figures_2023, 2023)
    checked = out[out["complete"].astype(bool) & (out["status"] != rec.NO_TOTAL)]
    assert len(checked) >= 10
    assert set(checked["status"]) == {rec.SUM_AGREES}
    credit = checked.set_index("indicator_id").loc["credit_households"]
    assert credit["part_values"] == [1480, 6123, 7363] and credit["total"] == 14966
    assert checked.set_index("indicator_id").at["social_evil_venues", "parts_sum"] == 976
    partial = out[~out["complete"].astype(bool)]
    assert set(partial["status"]) == {rec.WITHIN_TOTAL}


# --- disagreements, ambiguous prints, coverage ---------------------------------------------------------------


def test_disagreements_list_each_source_and_the_one_used() -> None:
    frame = figures(
        [
            ("rate", 2023, "actual", "district=A Lưới", 24.4, "24,4%", "percent", "report"),
            ("rate", 2023, "actual", "district=A Lưới", 24.3, "24,3%", "percent", "web"),
            ("rate", 2023, "actual", "", 2.27, "2,27%", "percent", "report"),
            ("rate", 2023, "actual", "", 2.27, "2,27%", "percent", "web"),  # agree: a confirmation, not a disagreement
            ("jobs", 2022, "actual", "", 1, "1", "persons", "report", 2022),
            ("jobs", 2022, "actual", "", 2, "2", "persons", "web", 2022),  # another year's file
        ]
    )
    out = rec.source_disagreements(frame, 2023)
    assert list(out["value"]) == [24.4, 24.3]
    assert list(out["preferred"]) == [True, False]
    assert list(out["source_id"]) == ["report", "web"]
    confirmed = rec.source_confirmations(frame, 2023)
    assert list(confirmed["breakdown"]) == [""] and confirmed["n_sources"].iloc[0] == 2


def test_ambiguous_prints_keep_the_chosen_and_the_literal_reading() -> None:
    frame = figures(
        [
            (
                "gifts_amount",
                2023,
                "actual",
                "",
                18173,
                "hơn 18,173",
                "million_vnd",
                "report",
                2023,
                "Ambiguous: comma for a dot",
            ),
            ("rate", 2023, "actual", "", 18.173, "18,173", "percent", "report", 2023, ""),
        ]
    )
    out = rec.ambiguous_prints(frame, 2023)
    assert list(out["indicator_id"]) == ["gifts_amount"]
    assert out.at[0, "value"] == 18173 and out.at[0, "literal_reading"] == pytest.approx(18.173)
    assert rec.plain_number(18173.0) == "18173" and rec.plain_number(2.27) == "2.27"
    assert rec.ambiguous_prints(frame.iloc[:0], 2023).empty


def test_real_2023_ambiguous_print_and_disagreement(figures_2023: pd.DataFrame) -> None:
    ambiguous = rec.ambiguous_prints(figures_2023, 2023)
    assert list(ambiguous["indicator_id"]) == ["july27_gifts_amount"] and ambiguous.at[0, "printed"] == "hơn 18,173"
    disagreements = rec.source_disagreements(figures_2023, 2023)
    assert list(disagreements["printed"]) == ["24,4%", "24,3%"]
    assert disagreements.loc[disagreements["preferred"], "source_id"].tolist() == ["danviet_2024_giam_ngheo"]


def test_coverage_counts_by_domain_and_kind() -> None:
    frame = figures(
        [
            ("jobs", 2023, "actual", "", 1, "1", "persons"),
            ("jobs", 2023, "plan", "", 1, "1", "persons"),
            ("rate", 2023, "actual", "", 1, "1%", "percent"),
            ("rate", 2024, "target", "", 1, "1%", "percent"),
            ("rate", 2022, "actual", "", 1, "1%", "percent", "report", 2022),
        ]
    )
    out = rec.coverage(frame, 2023).set_index("domain")
    assert list(out.index) == ["poverty", "employment"]  # the contract's order
    assert out.loc["employment", ["actual", "plan", "target", "total", "indicators"]].tolist() == [1, 1, 0, 2, 1]
    assert out.loc["poverty", ["actual", "target", "total"]].tolist() == [1, 1, 2]
    assert rec.coverage(frame, 2016).empty


def test_real_coverage_counts_every_row_of_the_2023_file(figures_2023: pd.DataFrame) -> None:
    out = rec.coverage(figures_2023, 2023)
    assert out["total"].sum() == 218  # 193 rows of the report, 25 from other sources (KH 343: 36,91% and 12,0%)
    assert len(out) == 10


def test_two_instruments_goals_are_one_input_only_when_they_agree() -> None:
    rule = rules([("margin", "difference", "rate|target", 0, "rate", 0)])
    frame = figures(
        [
            ("rate", 2023, "actual", "", 2.27, "2,27%", "percent"),
            ("rate", 2023, "target", "", 2.79, "2,79%", "percent"),
            ("rate", 2023, "target", "", 2.5, "2,5%", "percent"),
            ("margin", 2023, "actual", "", 0.52, "vượt 0,52%", "percentage_points"),
        ]
    ).assign(instrument=["", "KH 63/KH-UBND", "KH khác", ""], as_of="")
    out = rec.reconcile_derivations(frame, rule, 2023).set_index("indicator_id")
    assert out.at["margin", "status"] == rec.CANNOT and out.at["margin", "missing"] == "rate|target@2023"
    agreeing = frame.assign(value=[2.27, 2.79, 2.79, 0.52])
    out = rec.reconcile_derivations(agreeing, rule, 2023).set_index("indicator_id")
    assert out.at["margin", "status"] == rec.AGREES


# Issue 14, item 4: part-year figures are compared only with figures of the same cut-off ---------------------


@pytest.fixture
def judged_2025(data_copy, monkeypatch) -> pd.DataFrame:
    """The invented 2025 year of tests/data/judged_2025.py (test fixtures, not published figures), loaded."""
    from helpers.data.loading import load_year
    from tests.data.judged_2025 import add_judged_2025

    add_judged_2025(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    return load_year(2025, data_copy)


def test_a_first_half_split_is_never_set_against_a_first_quarter_total(judged_2025: pd.DataFrame) -> None:
    # Invented: 1.144 + 168 by district at 30/6, a total of 729 at 31/3. Not "+583, exceeds total".
    assert rec.breakdown_checks(judged_2025, 2025).empty
    # With a total at the same cut-off the split is checked against it, and only against it.
    quarter = (judged_2025["indicator_id"] == "workers_abroad") & (judged_2025["breakdown"] == "")
    same_day = judged_2025[quarter].assign(as_of="2025-06-30", value=1400.0, printed="1.400")
    checked = rec.breakdown_checks(pd.concat([judged_2025, same_day], ignore_index=True), 2025)
    assert len(checked) == 1
    row = checked.iloc[0]
    assert row["as_of"] == "2025-06-30" and row["total"] == 1400 and row["parts_sum"] == 1312
    assert row["status"] == rec.WITHIN_TOTAL


def test_a_part_year_percent_of_plan_is_recomputed_against_the_years_plan(judged_2025: pd.DataFrame) -> None:
    # Invented: "67,98%" at 31/7 = 11.556 jobs to 31/7 over the year's plan 17.000 (a plan has no cut-off).
    out = rec.reconcile_derivations(judged_2025, derivations.load_derivations(), 2025).set_index("indicator_id")
    row = out.loc["jobs_created_pct_of_plan"]
    assert row["as_of"] == "2025-07-31" and row["status"] == rec.AGREES
    assert row["numerator_value"] == 11556 and row["denominator_value"] == 17000
    assert row["recomputed"] == pytest.approx(11556 / 17000 * 100)
