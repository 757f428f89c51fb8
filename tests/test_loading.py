"""The data API on the real data, and every bad-input case refused with its one sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.contract import FIGURE_KEY
from helpers.errors import DataError, MissingYearError
from helpers.loading import available_years, load_catalogue, load_revisions, load_sources, load_year
from helpers.query import series, value

from .conftest import read_rows, write_rows

FIG = "data/figures/2023.csv"
LINE_HOUSEHOLDS = 9  # credit_households 2023 total, 14.966
LINE_TRAINED = 41  # trained_labour_rate 2023, 70,25%


# --- the real data -------------------------------------------------------------------------------------


def test_years_with_data_are_the_files_there() -> None:
    assert available_years() == [2016, 2019, 2020, 2021, 2022, 2023]


def test_2023_holds_the_headline_figures() -> None:
    figures = load_year(2023)
    assert value(figures, "poverty_rate", 2023) == 2.27
    assert value(figures, "poverty_rate", 2022) == 3.56
    assert value(figures, "jobs_created", 2023) == 17034
    assert value(figures, "workers_abroad", 2023) == 2325
    assert value(figures, "trained_labour_rate", 2023) == 70.25
    assert value(figures, "urban_unemployment_rate", 2023) == 1.8
    assert value(figures, "drug_users_managed", 2023) == 484
    assert value(figures, "drug_rehab_community", 2023) == 178
    assert value(figures, "drug_rehab_compulsory", 2023) == 54
    assert value(figures, "social_evil_venues", 2023) == 976
    assert value(figures, "poor_households", 2023) == 7540
    assert value(figures, "jobs_created", 2024, kind="target") == 17000
    assert value(figures, "poverty_rate", 2024, kind="target") == 1.76


def test_the_report_is_there_in_full() -> None:
    figures = load_year(2023)
    report = figures[(figures["vintage"] == 2023) & (figures["source_id"] == "sldtbxh_2023_report")]
    assert len(report) >= 150
    assert set(report["kind"]) == {"actual", "target"}
    assert {2022, 2023, 2024} <= set(report["period"])


def test_earlier_years_are_loaded_with_their_sources() -> None:
    poverty = series(load_year(2023), "poverty_rate")
    assert poverty.loc[2016] == 8.36 and poverty.loc[2019] == 4.17 and poverty.loc[2021] == 4.93
    early = load_year(2019)
    assert set(early["vintage"]) == {2016, 2019}
    sources = set(load_sources()["source_id"])
    assert set(load_year(2023)["source_id"]) <= sources


def test_loaded_frame_is_tidy_and_typed() -> None:
    figures = load_year(2023)
    assert figures["value"].dtype == float
    assert figures["period"].dtype.kind == "i"
    assert not figures.duplicated(FIGURE_KEY + ["source_id"]).any()
    assert figures["name_vi"].notna().all() and figures["unit"].notna().all()


def test_two_sources_that_disagree_are_both_kept_and_one_is_preferred() -> None:
    figures = load_year(2023)
    a_luoi = figures[(figures["indicator_id"] == "poverty_rate") & (figures["breakdown"] == "district=A Lưới")
                     & (figures["period"] == 2023)]
    assert sorted(a_luoi["value"]) == [24.3, 24.4]
    assert a_luoi["preferred"].sum() == 1
    assert value(figures, "poverty_rate", 2023, breakdown="district=A Lưới") == 24.4


def test_vintage_rule_later_file_wins_and_earlier_stays_for_revisions(data_copy: Path) -> None:
    # The 2021 file gives the 2024 jobs target from the 2021-2025 programme; the 2023 report gives it again.
    revisions = load_revisions(2023)
    jobs = revisions[(revisions["indicator_id"] == "jobs_created") & (revisions["period"] == 2024)]
    assert list(jobs["vintage"]) == [2021] and list(jobs["new_vintage"]) == [2023]
    target_2024 = load_year(2023).query("indicator_id == 'jobs_created' and period == 2024 and kind == 'target'")
    assert list(target_2024["vintage"]) == [2023]
    # Seen from 2022, the 2021 programme's figure is the one in force.
    assert value(load_year(2022), "jobs_created", 2024, kind="target") == 17000
    assert set(load_year(2022)["vintage"]) <= {2016, 2019, 2020, 2021, 2022}


def test_adding_a_later_year_changes_nothing_about_2023(data_copy: Path) -> None:
    before = load_year(2023, data_copy)
    header = read_rows(data_copy / "figures" / "2023.csv")[0]
    later = dict(zip(header, ["poverty_rate", "2023", "actual", "", "2.3", "2,3%", "sldtbxh_2023_report", "Phần I", ""]))
    write_rows(data_copy / "figures" / "2024.csv", [header, [later[c] for c in header]])
    after = load_year(2023, data_copy)
    assert before.equals(after)
    assert value(load_year(2024, data_copy), "poverty_rate", 2023) == 2.3


def test_catalogue_names_are_vietnamese_with_diacritics() -> None:
    catalogue = load_catalogue()
    assert catalogue.set_index("indicator_id").at["poverty_rate", "name_vi"] == "Tỷ lệ hộ nghèo"
    assert catalogue["name_vi"].str.contains(r"[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]", case=False).mean() > 0.9


# --- bad input: one clear sentence naming file, line and column ---------------------------------------------


def expect_error(data_dir: Path, pattern: str, year: int = 2023) -> DataError:
    with pytest.raises(DataError) as info:
        load_year(year, data_dir)
    message = str(info.value)
    assert re.search(pattern, message), message
    assert message.count("\n") == 0 and message.endswith(".")
    return info.value


def test_missing_column(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    write_rows(path, [row[:-1] for row in read_rows(path)])
    err = expect_error(data_copy, r"^data/figures/2023\.csv, line 1: missing column 'note'; expected the columns indicator_id, ")
    assert err.row == 1


def test_extra_column(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    write_rows(path, [row + (["comment"] if i == 0 else ["x"]) for i, row in enumerate(read_rows(path))])
    expect_error(data_copy, r"2023\.csv, line 1: unexpected column 'comment'")


def test_unknown_indicator(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", 12, "indicator_id", "povrety_rate")
    expect_error(data_copy, r"2023\.csv, line 12, column 'indicator_id': expected one of the \d+ in data/indicators\.csv, got 'povrety_rate'")


def test_unknown_source(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", 12, "source_id", "vnexpress")
    expect_error(data_copy, r"line 12, column 'source_id': expected one of the \d+ in data/sources\.csv, got 'vnexpress'")


def test_non_numeric_value(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "value", "about 70")
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'value': expected a plain number with a dot decimal.*got 'about 70'")


def test_vietnamese_decimal_in_value(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "value", "70,25")
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'value': expected a plain number with a dot decimal \(a Vietnamese print such as '2,27' belongs in 'printed'.*got '70,25'")


def test_vietnamese_thousands_in_a_count(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "value", "14.966")
    expect_error(data_copy, rf"line {LINE_HOUSEHOLDS}, column 'value': a count of households must be a whole number without separators \(write 14966 .*got '14\.966'")


def test_printed_does_not_match_value(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "value", "14996")
    expect_error(data_copy, rf"line {LINE_HOUSEHOLDS}, column 'printed': printed '14\.966' reads as 14966 but value is 14996")


def test_printed_that_is_not_a_print(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "printed", "14966 hộ")
    expect_error(data_copy, rf"line {LINE_HOUSEHOLDS}, column 'printed': expected a figure as printed")


def test_negative_count(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_HOUSEHOLDS, "value", "-14966")
    set_cell(path, LINE_HOUSEHOLDS, "printed", "giảm 14.966")
    expect_error(data_copy, rf"line {LINE_HOUSEHOLDS}, column 'value': a figure in households must be not negative, got -14966")


def test_percent_outside_0_100(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_TRAINED, "value", "170.25")
    set_cell(path, LINE_TRAINED, "printed", "170,25%")
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'value': a figure in percent must be between 0 and 100, got 170\.25")


def test_unknown_kind(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "kind", "forecast")
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'kind': expected one of: actual, estimate, plan, target, got 'forecast'")


@pytest.mark.parametrize("breakdown", ["district", "district=", "District=Huế", "district=Huế=1", "district= A Lưới"])
def test_malformed_breakdown(data_copy: Path, set_cell, breakdown: str) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "breakdown", breakdown)
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'breakdown': expected empty for a total, else dimension=value")


def test_breakdown_without_a_label(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "breakdown", "district=Huế")
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'breakdown': expected a dimension=value listed in data/breakdown_labels\.csv, got 'district=Huế'")


def test_duplicate_key_in_one_file(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    rows = read_rows(path)
    rows.insert(20, rows[LINE_TRAINED - 1])
    write_rows(path, rows)
    expect_error(data_copy, rf"line {LINE_TRAINED + 1}, column 'source_id': duplicate key: an earlier line already has indicator_id='trained_labour_rate', period='2023'")


def test_padded_cell(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "kind", "actual ")
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'kind': expected text without leading or trailing spaces, got 'actual '")


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "figures" / "2023.csv").write_text("", encoding="utf-8")
    expect_error(data_copy, r"^data/figures/2023\.csv: the file is empty; expected a header line")


def test_header_only_file(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    write_rows(path, read_rows(path)[:1])
    expect_error(data_copy, r"2023\.csv: the file has a header but no rows")


def test_file_not_utf8(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    err = expect_error(data_copy, r"2023\.csv, line \d+: the file is not UTF-8 \(byte 0x[0-9a-f]{2} cannot be decoded\); save it as 'CSV UTF-8'")
    assert err.row is not None and err.row > 1


def test_wrong_number_of_fields(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[LINE_TRAINED - 1] = lines[LINE_TRAINED - 1].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    expect_error(data_copy, rf"line {LINE_TRAINED}: the line has 10 fields, expected 9")


def test_year_with_no_file_lists_the_years() -> None:
    with pytest.raises(MissingYearError) as info:
        load_year(2025)
    assert str(info.value) == (
        "There is no figures file for 2025 (data/figures/2025.csv); years with data: 2016, 2019, 2020, 2021, 2022, 2023."
    )


def test_stray_file_in_figures_is_refused(data_copy: Path) -> None:
    (data_copy / "figures" / "2023 (copy).csv").write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match=r"unexpected file in data/figures; a year's figures are named YYYY\.csv"):
        load_year(2023, data_copy)


def test_bad_catalogue_unit(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "indicators.csv", 2, "unit", "people")
    with pytest.raises(DataError, match=r"indicators\.csv, line 2, column 'unit': expected one of the \d+ in data/units\.csv, got 'people'"):
        load_year(2023, data_copy)


def test_only_the_first_problem_is_named_and_the_rest_counted(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, 30, "kind", "forecast")
    set_cell(path, 31, "kind", "forecast")
    err = expect_error(data_copy, r"line 30, column 'kind'.* \(1 more problem in this file after this one\)\.$")
    assert err.more == 1
