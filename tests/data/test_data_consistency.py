"""The real data hold together: breakdowns add up, prints read as values, the second transcription agrees."""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal

import pandas as pd
import pytest

from helpers.analysis import reconciliation as rec
from helpers.data import derivations
from helpers.data.loading import (
    available_years,
    figures_files,
    load_catalogue,
    load_reference,
    load_revisions,
    load_series_breaks,
    load_year,
    read_figures_file,
)
from helpers.data.printed import check_printed_value
from helpers.data.query import select, value
from helpers.paths import data_dir

SECOND_ENTRY = data_dir() / "qa" / "2023_second_entry.csv"
SECOND_ENTRY_COLUMNS = ["printed", "value", "period", "kind", "unit", "meaning_en", "locator"]
REPORT_SOURCE = "sldtbxh_2023_report"
YEARS = available_years()


@pytest.mark.parametrize("year", YEARS)
def test_the_loader_loads_every_year(year: int) -> None:
    # The loader refuses a row whose value is not the reading of its print, so loading is the check.
    figures = load_year(year)
    assert len(rec.year_rows(figures, year)) > 0
    notes = figures["note"].fillna("")
    values = figures["value"].map(rec.plain_number)
    assert [check_printed_value(p, v, n) for p, v, n in zip(figures["printed"], values, notes, strict=False)] == [
        None
    ] * len(figures)


@pytest.mark.parametrize("year", YEARS)
def test_complete_breakdowns_add_up_to_their_printed_totals(year: int) -> None:
    checks = rec.breakdown_checks(load_year(year), year)
    complete = checks[checks["complete"].astype(bool) & (checks["status"] != rec.NO_TOTAL)]
    wrong = complete[complete["status"] != rec.SUM_AGREES]
    assert wrong.empty, wrong[["indicator_id", "period", "dimension", "total", "parts_sum"]].to_string()
    partial = checks[~checks["complete"].astype(bool)]
    assert set(partial["status"]) <= {rec.WITHIN_TOTAL}


def test_2023_has_the_breakdowns_the_report_prints(figures_2023: pd.DataFrame) -> None:
    checks = rec.breakdown_checks(figures_2023, 2023).set_index("indicator_id")
    assert checks.at["credit_households", "part_values"] == [1480, 6123, 7363]
    assert checks.at["credit_households", "total"] == 14966
    assert checks.at["social_evil_venues", "parts_sum"] == checks.at["social_evil_venues", "total"] == 976


def test_every_stated_derived_figure_has_a_derivation_rule() -> None:
    catalogue = load_catalogue()
    derived_units = {"percent_of_plan", "percentage_points"}
    derived = catalogue[catalogue["unit"].isin(derived_units) | catalogue["unit"].str.endswith("_change")]
    stated = set()
    for year in YEARS:
        figures = rec.year_rows(load_year(year), year)
        stated |= set(figures.loc[figures["kind"].isin(rec.RECONCILED_KINDS), "indicator_id"])
    needed = set(derived["indicator_id"]) & stated
    assert needed, "the data state derived figures"
    assert needed <= set(derivations.load_derivations()["indicator_id"])


def _multiset(rows: list[dict[str, str]]) -> Counter:
    return Counter((r["printed"], Decimal(r["value"]).normalize(), int(r["period"])) for r in rows)


def test_the_second_transcription_agrees_with_the_report_rows() -> None:
    with SECOND_ENTRY.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == SECOND_ENTRY_COLUMNS
        second = list(reader)
    with (data_dir() / "figures" / "2023.csv").open(encoding="utf-8", newline="") as handle:
        first = [r for r in csv.DictReader(handle) if r["source_id"] == REPORT_SOURCE]
    first_set, second_set = _multiset(first), _multiset(second)
    assert len(first) == len(second)
    assert first_set - second_set == Counter(), "in data/figures/2023.csv but not in the second entry"
    assert second_set - first_set == Counter(), "in the second entry but not in data/figures/2023.csv"


# --- the goal rule (data/README.md, "Plans, targets and their instruments") ---------------------------------------


def _all_rows() -> pd.DataFrame:
    latest = max(YEARS)
    return pd.concat([load_year(latest), load_revisions(latest).assign(preferred=False)], ignore_index=True)


def test_every_stated_percent_of_plan_finds_its_plan_row() -> None:
    rules = derivations.load_derivations().set_index("indicator_id")
    catalogue = load_catalogue().set_index("indicator_id")
    unlisted = set()
    checked = 0
    for year in YEARS:
        figures = load_year(year)
        stated = rec.year_rows(figures, year)
        stated = stated[stated["indicator_id"].map(catalogue["unit"]).eq("percent_of_plan")]
        for row in stated.itertuples():
            rule = rules.loc[row.indicator_id]
            ref = derivations.parse_reference(rule["denominator"]) if rule["denominator"] else None
            if ref is None:
                unlisted.add(row.indicator_id)
                continue
            assert ref.kind == "plan", f"{row.indicator_id}: a % of plan is measured against a plan, not {ref.kind}"
            period = row.period + int(rule["denominator_period_offset"])
            plans = select(
                figures, ref.indicator_id, kind="plan", breakdown=row.breakdown, period=period, as_of=row.as_of
            )
            assert len(plans) == 1, (
                f"{row.indicator_id} {row.period}: no single plan row of {ref.indicator_id} for {period}"
            )
            checked += 1
    assert checked >= 2  # jobs and workers abroad, 2023
    # Only the 2017-2020 cumulative plan is printed by no source; its rule says so.
    assert unlisted == {"jobs_created_cumulative_pct_of_plan"}


def test_a_plan_is_a_count_and_every_goal_names_its_instrument() -> None:
    rows = _all_rows()
    catalogue = load_catalogue().set_index("indicator_id")
    goals = rows[rows["kind"].isin(["plan", "target"])]
    assert (goals["instrument"] != "").all()
    assert (rows.loc[~rows["kind"].isin(["plan", "target"]), "instrument"] == "").all()
    plans = goals[goals["kind"] == "plan"]
    assert plans["indicator_id"].map(catalogue["whole"]).all(), "a plan is the count a '% of plan' is measured against"


def test_an_instrument_sets_one_kind_of_goal_for_an_indicator_and_year() -> None:
    goals = _all_rows().query("kind in ['plan', 'target']")
    kinds = goals.groupby(["indicator_id", "period", "breakdown", "instrument"])["kind"].nunique()
    assert (kinds == 1).all(), kinds[kinds > 1]


def test_no_key_collision_between_an_annual_plan_and_a_programme_target() -> None:
    # Every goal of every file is either in force or shown as revised by the same instrument: none is lost.
    for year in YEARS:
        figures, revisions = load_year(year), load_revisions(year)
        goals = figures[figures["kind"].isin(["plan", "target"])]
        assert not goals.duplicated(
            ["indicator_id", "period", "as_of", "kind", "instrument", "breakdown", "source_id"]
        ).any()
        counted = len(goals) + len(revisions[revisions["kind"].isin(["plan", "target"])])
        in_files = sum(
            (read_figures_file(path, load_reference())["kind"].isin(["plan", "target"])).sum()
            for y, path in figures_files().items()
            if y <= year
        )
        assert counted == in_files
    both = load_year(2023).query("indicator_id == 'jobs_created' and period == 2024")
    assert set(zip(both["kind"], both["instrument"], strict=False)) == {
        ("plan", "KH năm 2024"),
        ("target", "CT việc làm 2021-2025"),
    }


def test_part_year_figures_are_dated_and_ranges_keep_both_ends() -> None:
    rows = _all_rows()
    dated = rows[rows["as_of"] != ""]
    assert {"child_injuries", "child_deaths", "jobs_created", "workers_abroad"} <= set(dated["indicator_id"])
    assert (dated["as_of"].str[:4].astype(int) == dated["period"]).all()
    ranged = rows[rows["low"].notna()]
    assert len(ranged) >= 8
    assert (ranged["low"] < ranged["high"]).all() and (ranged["value"] == ranged["high"]).all()
    assert not rows.loc[rows["low"].isna(), "printed"].str.contains(r"\d ?[-–] ?\d").any()


def test_the_semantic_fixes_hold() -> None:
    catalogue = load_catalogue().set_index("indicator_id")
    assert catalogue.at["merit_persons_national", "scope"] == "national"
    assert set(catalogue.drop(index="merit_persons_national")["scope"]) == {"province"}
    assert "drug_rehab_compulsory" not in catalogue.index
    assert "tiếp nhận mới" in catalogue.at["drug_rehab_compulsory_admissions", "name_vi"]
    for support in (
        "credit_amount",
        "health_insurance_persons",
        "medical_cost_amount",
        "electricity_support_amount",
        "tet_gifts",
        "housing_support_houses",
    ):
        assert catalogue.at[support, "polarity"] == "neutral", support
    figures = load_year(2023)
    assert value(figures, "urban_unemployment_rate", 2020) is None  # "dưới 2,1%" is a bound over 2017-2020
    assert value(figures, "urban_unemployment_rate_period_ceiling", 2020) == 2.1
    assert value(figures, "poverty_rate", 2015) == 8.36 and value(figures, "poverty_rate", 2016) is None
    assert figures.query("indicator_id == 'next_year_main_targets'")["kind"].tolist() == ["actual"]
    assert "socioeconomic_targets_achieved" in set(figures["indicator_id"])
    assert figures.query("indicator_id == 'sector_targets_completed' and breakdown != ''").empty
    breaks = load_series_breaks()
    assert {"poverty_rate_change", "poverty_rate_reduction", "poor_households_change"} <= set(breaks["indicator_id"])
    assert (
        breaks["label_vi"].str.contains("59/2015/QĐ-TTg").all()
        and breaks["label_en"].str.contains("07/2021/NĐ-CP").all()
    )


# --- units a reader uses (review items 21-24) ------------------------------------------------------------------


def test_no_indicator_is_counted_in_the_bare_unit_count() -> None:
    """ "27 số lượng" / "27 number" says nothing: every indicator names what it counts (phiên, vị trí việc làm,
    trường…); ``count`` stays only as the whole-number unit the code formats computed counts in."""
    catalogue = load_catalogue()
    assert not catalogue.loc[catalogue["unit"] == "count", "indicator_id"].tolist()
    shown = set(catalogue["unit_vi"]) | set(catalogue["unit_en"]) | set(catalogue["unit_en_one"])
    assert not shown & {"số lượng", "number", "persons", "person(s)"}


def test_every_unit_has_an_english_singular_and_people_are_people() -> None:
    units = load_reference().units.set_index("unit")
    assert (units["name_en_one"] != "").all()
    assert units.at["persons", "name_en"] == "people" and units.at["persons", "name_en_one"] == "person"
    assert units.at["million_persons", "name_en"] == "million people"
    counted = units[(units["whole"] == "true") & ~units.index.str.endswith("_change")]
    # a count's singular is a different word from its plural ("household" / "households"), except the bare count
    differs = counted["name_en_one"] != counted["name_en"]
    assert differs.drop("count").all(), counted[~differs]


@pytest.mark.parametrize(
    ("indicator_id", "vi", "en"),
    [
        ("job_exchange_sessions", "phiên", "sessions"),
        ("job_exchange_vacancies", "vị trí việc làm", "vacancies"),
        ("colleges_merged", "trường", "colleges"),
        ("housing_support_houses", "căn nhà", "houses"),
        ("drug_prevention_classes", "lớp", "classes"),
        ("prostitution_inspections", "lượt kiểm tra", "inspections"),
        ("trafficking_leaflets", "tờ", "leaflets"),
        ("gbv_model_communes_inspected", "xã/phường", "communes/wards"),
        ("sector_targets_total", "chỉ tiêu", "targets"),
        ("martyr_remains_repatriated", "bộ hài cốt", "sets of remains"),
    ],
)
def test_a_count_is_named_by_the_word_the_report_counts_it_in(indicator_id: str, vi: str, en: str) -> None:
    catalogue = load_catalogue().set_index("indicator_id")
    assert (catalogue.at[indicator_id, "unit_vi"], catalogue.at[indicator_id, "unit_en"]) == (vi, en)


def test_a_count_of_household_times_is_in_luot_ho() -> None:
    """Review VI17: "72.219 lượt hộ" counted as "hộ" made the average "triệu đồng/hộ"; "Số lượt hộ …" is in lượt hộ."""
    catalogue = load_catalogue()
    times = catalogue[catalogue["name_vi"].str.startswith("Số lượt hộ")]
    assert len(times) >= 3 and (times["unit_vi"] == "lượt hộ").all(), times[["indicator_id", "unit_vi"]]
