"""The real data hold together: breakdowns add up, prints read as values, the second transcription agrees."""

from __future__ import annotations

import csv
from collections import Counter
from decimal import Decimal

import pandas as pd
import pytest

from helpers import reconciliation as rec
from helpers.loading import available_years, load_catalogue, load_year
from helpers.paths import data_dir
from helpers.printed import check_printed_value

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
    assert [check_printed_value(p, v, n) for p, v, n in zip(figures["printed"], values, notes)] == [None] * len(figures)


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
    assert needed <= set(rec.load_derivations()["indicator_id"])


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
