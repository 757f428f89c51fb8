"""The data API on the real data, and every bad-input case refused with its one sentence."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from helpers.build import frontmatter
from helpers.data.contract import FIGURE_KEY
from helpers.data.loading import (
    available_years,
    code_names,
    load_catalogue,
    load_headline,
    load_revisions,
    load_sources,
    load_year,
)
from helpers.data.query import select, series, value
from helpers.errors import DataError, MissingYearError
from tests.conftest import read_rows, write_rows

FIG = "data/figures/2023.csv"
LINE_HOUSEHOLDS = 8  # credit_households 2023 total, 14.966
LINE_TRAINED = 40  # trained_labour_rate 2023, 70,25%


# --- the real data -------------------------------------------------------------------------------------


def test_years_with_data_are_the_files_there() -> None:
    assert available_years() == [2015, 2016, 2018, 2019, 2020, 2021, 2022, 2023]


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
    assert value(figures, "drug_rehab_compulsory_admissions", 2023) == 54
    assert value(figures, "social_evil_venues", 2023) == 976
    assert value(figures, "poor_households", 2023) == 7540
    assert value(figures, "jobs_created", 2024, kind="plan") == 17000  # the 2024 annual plan
    assert value(figures, "jobs_created", 2024, kind="target") == 17000  # the 2021-2025 programme's target
    assert value(figures, "poverty_rate", 2024, kind="target") == 1.76


def test_the_report_is_there_in_full() -> None:
    figures = load_year(2023)
    report = figures[(figures["vintage"] == 2023) & (figures["source_id"] == "sldtbxh_2023_report")]
    assert len(report) >= 150
    assert set(report["kind"]) == {"actual", "plan", "target"}
    assert {2022, 2023, 2024} <= set(report["period"])


def test_earlier_years_are_loaded_with_their_sources() -> None:
    poverty = series(load_year(2023), "poverty_rate")
    # 8,36% is the baseline "at the start of 2016-2020", from the end-2015 survey: period 2015.
    assert poverty.loc[2015] == 8.36 and poverty.loc[2019] == 4.17 and poverty.loc[2021] == 4.93
    assert 2016 not in poverty.index
    early = load_year(2019)
    assert set(early["vintage"]) == {2015, 2016, 2018, 2019}
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
    a_luoi = figures[
        (figures["indicator_id"] == "poverty_rate")
        & (figures["breakdown"] == "district=A Lưới")
        & (figures["period"] == 2023)
        & (figures["kind"] == "actual")
    ]
    assert sorted(a_luoi["value"]) == [24.3, 24.4]
    assert a_luoi["preferred"].sum() == 1
    assert value(figures, "poverty_rate", 2023, breakdown="district=A Lưới") == 24.4


def test_an_annual_plan_and_a_programme_target_are_two_goals_not_a_revision() -> None:
    # The 2021 file gives the 2024 jobs target of the 2021-2025 programme; the 2023 report gives the 2024 annual plan.
    revisions = load_revisions(2023)
    assert revisions[(revisions["indicator_id"] == "jobs_created") & (revisions["period"] == 2024)].empty
    goals_2024 = load_year(2023).query("indicator_id == 'jobs_created' and period == 2024")
    assert sorted(zip(goals_2024["kind"], goals_2024["instrument"], goals_2024["vintage"], strict=False)) == [
        ("plan", "KH năm 2024", 2023),
        ("target", "CT việc làm 2021-2025", 2021),
    ]
    # Seen from 2022, only the programme's figure is known.
    assert value(load_year(2022), "jobs_created", 2024, kind="target") == 17000
    assert value(load_year(2022), "jobs_created", 2024, kind="plan") is None
    assert set(load_year(2022)["vintage"]) <= {2015, 2016, 2018, 2019, 2020, 2021, 2022}


def test_vintage_rule_later_file_wins_and_earlier_stays_for_revisions(data_copy: Path) -> None:
    # A 2024 file restating the 2024 annual plan (same instrument) revises the 2023 report's figure.
    header = read_rows(data_copy / "figures" / "2023.csv")[0]
    later = {c: "" for c in header} | {
        "indicator_id": "jobs_created",
        "period": "2024",
        "kind": "plan",
        "instrument": "KH năm 2024",
        "value": "17100",
        "printed": "17.100",
        "source_id": "sldtbxh_2023_report",
        "locator": "Phần I",
    }
    write_rows(data_copy / "figures" / "2024.csv", [header, [later[c] for c in header]])
    revisions = load_revisions(2024, data_copy)
    jobs = revisions[(revisions["indicator_id"] == "jobs_created") & (revisions["period"] == 2024)]
    assert list(zip(jobs["kind"], jobs["vintage"], jobs["value"], jobs["new_value"], strict=False)) == [
        ("plan", 2023, 17000.0, 17100.0)
    ]
    assert value(load_year(2024, data_copy), "jobs_created", 2024, kind="plan") == 17100
    assert value(load_year(2024, data_copy), "jobs_created", 2024, kind="target") == 17000  # the programme's, untouched


def test_a_part_year_figure_never_replaces_a_full_year_one(data_copy: Path) -> None:
    # A later file's count "to 15/11/2023" has its own key: the full-year 2023 figure stays in force.
    header = read_rows(data_copy / "figures" / "2023.csv")[0]
    later = {c: "" for c in header} | {
        "indicator_id": "jobs_created",
        "period": "2023",
        "as_of": "2023-11-15",
        "kind": "actual",
        "value": "15000",
        "printed": "15.000",
        "source_id": "sldtbxh_2023_report",
        "locator": "Phần I",
    }
    write_rows(data_copy / "figures" / "2024.csv", [header, [later[c] for c in header]])
    figures = load_year(2024, data_copy)
    assert value(figures, "jobs_created", 2023) == 17034
    assert list(select(figures, "jobs_created", period=2023, as_of="2023-11-15")["value"]) == [15000]
    assert load_revisions(2024, data_copy).query("indicator_id == 'jobs_created'").empty


def test_adding_a_later_year_changes_nothing_about_2023(data_copy: Path) -> None:
    before = load_year(2023, data_copy)
    header = read_rows(data_copy / "figures" / "2023.csv")[0]
    later = {c: "" for c in header} | {
        "indicator_id": "poverty_rate",
        "period": "2023",
        "kind": "actual",
        "value": "2.3",
        "printed": "2,3%",
        "source_id": "sldtbxh_2023_report",
        "locator": "Phần I",
    }
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
    err = expect_error(
        data_copy, r"^data/figures/2023\.csv, line 1: missing column 'note'; expected the columns indicator_id, "
    )
    assert err.row == 1


def test_extra_column(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    write_rows(path, [row + (["comment"] if i == 0 else ["x"]) for i, row in enumerate(read_rows(path))])
    expect_error(data_copy, r"2023\.csv, line 1: unexpected column 'comment'")


def test_unknown_indicator(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", 12, "indicator_id", "povrety_rate")
    expect_error(
        data_copy,
        r"2023\.csv, line 12, column 'indicator_id': expected one of the \d+ in data/indicators\.csv, got "
        r"'povrety_rate'",
    )


def test_unknown_source(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", 12, "source_id", "vnexpress")
    expect_error(
        data_copy, r"line 12, column 'source_id': expected one of the \d+ in data/sources\.csv, got 'vnexpress'"
    )


def test_non_numeric_value(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "value", "about 70")
    expect_error(
        data_copy, rf"line {LINE_TRAINED}, column 'value': expected a plain number with a dot decimal.*got 'about 70'"
    )


def test_vietnamese_decimal_in_value(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "value", "70,25")
    expect_error(
        data_copy,
        rf"line {LINE_TRAINED}, column 'value': expected a plain number with a dot decimal \(a Vietnamese print "
        rf"such as '2,27' belongs in 'printed'.*got '70,25'",
    )


def test_vietnamese_thousands_in_a_count(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "value", "14.966")
    expect_error(
        data_copy,
        rf"line {LINE_HOUSEHOLDS}, column 'value': a count of household_loans must be a whole number "
        r"without separators "
        rf"\(write 14966 .*got '14\.966'",
    )


def test_printed_does_not_match_value(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "value", "14996")
    expect_error(
        data_copy, rf"line {LINE_HOUSEHOLDS}, column 'printed': printed '14\.966' reads as 14966 but value is 14996"
    )


def test_printed_that_is_not_a_print(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "printed", "14966 hộ")
    expect_error(data_copy, rf"line {LINE_HOUSEHOLDS}, column 'printed': expected a figure as printed")


def test_negative_count(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_HOUSEHOLDS, "value", "-14966")
    set_cell(path, LINE_HOUSEHOLDS, "printed", "giảm 14.966")
    expect_error(
        data_copy,
        rf"line {LINE_HOUSEHOLDS}, column 'value': a figure in household_loans must be not negative, got -14966",
    )


def test_percent_outside_0_100(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_TRAINED, "value", "170.25")
    set_cell(path, LINE_TRAINED, "printed", "170,25%")
    expect_error(
        data_copy, rf"line {LINE_TRAINED}, column 'value': a figure in percent must be between 0 and 100, got 170\.25"
    )


def test_unknown_kind(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "kind", "forecast")
    expect_error(
        data_copy,
        rf"line {LINE_TRAINED}, column 'kind': expected one of: actual, estimate, plan, target, got 'forecast'",
    )


@pytest.mark.parametrize("breakdown", ["district", "district=", "District=Huế", "district=Huế=1", "district= A Lưới"])
def test_malformed_breakdown(data_copy: Path, set_cell, breakdown: str) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "breakdown", breakdown)
    expect_error(
        data_copy, rf"line {LINE_TRAINED}, column 'breakdown': expected empty for a total, else dimension=value"
    )


def test_breakdown_without_a_label(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "breakdown", "district=Huế")
    expect_error(
        data_copy,
        rf"line {LINE_TRAINED}, column 'breakdown': expected a dimension=value listed in "
        rf"data/breakdown_labels\.csv, got 'district=Huế'",
    )


def test_duplicate_key_in_one_file(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    rows = read_rows(path)
    rows.insert(20, rows[LINE_TRAINED - 1])
    write_rows(path, rows)
    expect_error(
        data_copy,
        rf"line {LINE_TRAINED + 1}, column 'source_id': duplicate key: an earlier line already has "
        rf"indicator_id='trained_labour_rate', period='2023'",
    )


def test_padded_cell(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "kind", "actual ")
    expect_error(
        data_copy,
        rf"line {LINE_TRAINED}, column 'kind': expected text without leading or trailing spaces, got 'actual '",
    )


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
    err = expect_error(
        data_copy,
        r"2023\.csv, line \d+: the file is not UTF-8 \(byte 0x[0-9a-f]{2} cannot be decoded\); save it as 'CSV UTF-8'",
    )
    assert err.row is not None and err.row > 1


def test_wrong_number_of_fields(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[LINE_TRAINED - 1] = lines[LINE_TRAINED - 1].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    expect_error(data_copy, rf"line {LINE_TRAINED}: the line has 14 fields, expected 13")


def test_year_with_no_file_lists_the_years() -> None:
    with pytest.raises(MissingYearError) as info:
        load_year(2025)
    assert str(info.value) == (
        "There is no figures file for 2025 (data/figures/2025.csv); years with data: 2015, 2016, 2018, 2019, "
        "2020, 2021, 2022, 2023."
    )


def test_stray_file_in_figures_is_refused(data_copy: Path) -> None:
    (data_copy / "figures" / "2023 (copy).csv").write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match=r"unexpected file in data/figures; a year's figures are named YYYY\.csv"):
        load_year(2023, data_copy)


def test_bad_catalogue_unit(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "indicators.csv", 2, "unit", "people")
    with pytest.raises(
        DataError,
        match=r"indicators\.csv, line 2, column 'unit': expected one of the \d+ in data/units\.csv, got 'people'",
    ):
        load_year(2023, data_copy)


def test_a_domain_without_a_name_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "indicators.csv", 2, "domain", "sport")
    with pytest.raises(
        DataError,
        match=r"indicators\.csv, line 2, column 'domain': expected one of: administration, "
        r"children, .*, vocational_training, got 'sport'",
    ):
        load_year(2023, data_copy)
    rows = read_rows(data_copy / "domains.csv")
    write_rows(data_copy / "domains.csv", [r for r in rows if r[0] != "children"])
    with pytest.raises(
        DataError,
        match=r"^data/domains\.csv, column 'domain': no line names the domain 'children', "
        r"which the data use; add a line with its names in Vietnamese and English\.$",
    ):
        load_year(2023, data_copy)


def test_the_names_of_kinds_and_dimensions_are_checked(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "kinds.csv", 3, "name_en", " Estimate")
    with pytest.raises(DataError, match=r"kinds\.csv, line 3, column 'name_en': expected text without leading"):
        load_year(2023, data_copy)
    set_cell(data_copy / "kinds.csv", 3, "name_en", "Estimate")
    set_cell(data_copy / "kinds.csv", 3, "kind", "forecast")
    with pytest.raises(
        DataError,
        match=r"kinds\.csv, line 3, column 'kind': expected one of: actual, estimate, plan, "
        r"target, got 'forecast'",
    ):
        load_year(2023, data_copy)
    set_cell(data_copy / "kinds.csv", 3, "kind", "estimate")
    set_cell(data_copy / "dimensions.csv", 2, "dimension", "household_type")
    with pytest.raises(
        DataError,
        match=r"breakdown_labels\.csv, line 2, column 'dimension': expected one of: .* "
        r"got 'household_group'",
    ):
        load_year(2023, data_copy)


def test_the_names_of_codes_come_from_the_data() -> None:
    assert code_names("domain", "vi")["social_evils"] == "Phòng, chống tệ nạn xã hội"
    assert code_names("kind", "en") == {"actual": "Actual", "estimate": "Estimate", "plan": "Plan", "target": "Target"}
    assert code_names("dimension", "en")["venue_type"] == "Type of venue"


def test_only_the_first_problem_is_named_and_the_rest_counted(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, 30, "kind", "forecast")
    set_cell(path, 31, "kind", "forecast")
    err = expect_error(data_copy, r"line 30, column 'kind'.* \(1 more problem in this file after this one\)\.$")
    assert err.more == 1


# --- holes the reliability probe found: each refused with its one sentence -----------------------------------


def test_a_missing_closing_quote_does_not_swallow_the_next_rows(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    rows = read_rows(path)
    assert rows[0][-1] == "note"
    before = io.StringIO()
    csv.writer(before, lineterminator="\n").writerows(rows[: LINE_TRAINED - 1] + [rows[LINE_TRAINED - 1][:-1]])
    after = io.StringIO()
    csv.writer(after, lineterminator="\n").writerows(rows[LINE_TRAINED:])
    # The note opens a quote it never closes; everything after it would be read into that one cell.
    path.write_text(before.getvalue()[:-1] + ',"the note has no closing quote\n' + after.getvalue(), encoding="utf-8")
    err = expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_TRAINED}, column 'note': the cell runs on over \d+ lines, so a closing "
        r"quote '\"' is probably missing and the lines after it were swallowed into this cell; a cell must stay "
        r"on one line\.$",
    )
    assert err.row == LINE_TRAINED and err.column == "note"


def test_a_line_break_inside_a_quoted_cell_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "locator", "Phần I,\nmục 3")
    expect_error(data_copy, rf"line {LINE_TRAINED}, column 'locator': the cell runs on over 2 lines")


def test_an_actual_later_than_its_file_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "period", "2024")
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_TRAINED}, column 'period': an actual result for 2024 cannot be in the "
        r"file of 2023, which was published before 2024 ended",
    )


def test_a_target_for_a_later_year_is_still_accepted(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_TRAINED, "period", "2026")
    set_cell(path, LINE_TRAINED, "kind", "target")
    set_cell(path, LINE_TRAINED, "instrument", "KH năm 2026")
    assert value(load_year(2023, data_copy), "trained_labour_rate", 2026, kind="target") == 70.25


@pytest.mark.parametrize(("char", "code"), [("\x00", "0000"), ("\x0b", "000B"), ("\x1b", "001B"), ("\x7f", "007F")])
def test_control_characters_are_refused(data_copy: Path, set_cell, char: str, code: str) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "note", f"ab{char}c")
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_TRAINED}, column 'note': the cell holds the control character "
        rf"U\+{code} at position 3; remove it",
    )


def test_a_control_character_in_a_reference_table_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "indicators.csv", 3, "name_en", "Poverty\x00rate")
    expect_error(
        data_copy, r"^data/indicators\.csv, line 3, column 'name_en': the cell holds the control character U\+0000"
    )


@pytest.mark.parametrize("digits", ["1" * 400, "12345678901234567890", "1234567890123456"])
def test_a_value_with_more_digits_than_a_number_holds_is_refused(data_copy: Path, set_cell, digits: str) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "value", digits)
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_HOUSEHOLDS}, column 'value': a value may have at most 15 significant "
        rf"digits \(more cannot be held exactly as a number\), got {len(digits)} digits: '{digits[:24]}",
    )


def test_fifteen_significant_digits_are_accepted(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_TRAINED, "value", "70.2500000000000")  # 4 significant digits, zeros after the point
    assert value(load_year(2023, data_copy), "trained_labour_rate", 2023) == 70.25


@pytest.mark.parametrize(
    ("column", "text", "digit"),
    [
        ("value", "１４９６６", "fullwidth digit one"),
        ("period", "２０２３", "fullwidth digit two"),
        ("value", "١٤٩٦٦", "arabic-indic digit one"),
        ("printed", "۱۴.۹۶۶", "extended arabic-indic digit one"),
    ],
)
def test_digits_other_than_0_to_9_are_refused_not_converted(
    data_copy: Path, set_cell, column: str, text: str, digit: str
) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, column, text)
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_HOUSEHOLDS}, column '{column}': the cell holds the digit '.' "
        rf"\({digit}\); "
        rf"type the digits 0-9, got '{text}'\.$",
    )


def test_a_file_saved_with_semicolons_names_the_separator(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    original = read_rows(path)
    at = original[0].index("value")
    rows = [
        [cell.replace(".", ",") if i and c == at else cell for c, cell in enumerate(row)]
        for i, row in enumerate(original)
    ]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    expect_error(
        data_copy,
        r"^data/figures/2023\.csv, line 1: the cells are separated by ';', not ',' \(a spreadsheet set to a Vietnamese "
        r"or other European locale saves CSV with ';' between cells and ',' as the decimal mark\); save it as "
        r"'CSV UTF-8 \(comma delimited\)' with '\.' as the decimal mark\.$",
    )


def test_a_whole_number_written_with_a_zero_decimal_is_told_to_drop_it(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_HOUSEHOLDS, "value", "14966.0")
    err = expect_error(
        data_copy,
        rf"line {LINE_HOUSEHOLDS}, column 'value': a count of household_loans must be a whole number "
        r"without separators "
        r"\(write 14966\), got '14966\.0'\.$",
    )
    assert "149660" not in str(err)


def test_a_decimal_count_gets_no_made_up_suggestion(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_HOUSEHOLDS, "value", "7.54")
    set_cell(path, LINE_HOUSEHOLDS, "printed", "7,54")
    err = expect_error(
        data_copy,
        rf"line {LINE_HOUSEHOLDS}, column 'value': a count of household_loans must be a whole number "
        r"without separators, "
        r"got '7\.54'\.$",
    )
    assert "754" not in str(err).replace("7.54", "")


def test_a_bad_units_file_is_blamed_on_units_not_on_a_figures_file(data_copy: Path) -> None:
    path = data_copy / "units.csv"
    rows = read_rows(path)
    line = next(i for i, r in enumerate(rows, start=1) if r[0] == "percent")
    rows[line - 1][rows[0].index("min")], rows[line - 1][rows[0].index("max")] = "100", "0"
    write_rows(path, rows)
    err = expect_error(
        data_copy,
        rf"^data/units\.csv, line {line}, column 'max': the largest allowed value must not be below the smallest "
        r"\(100\), got '0'\.$",
    )
    assert "figures" not in str(err)


def test_an_empty_figures_folder_says_so(data_copy: Path) -> None:
    from helpers.data.loading import latest_year

    for path in (data_copy / "figures").iterdir():
        path.unlink()
    with pytest.raises(DataError) as info:
        latest_year(data_copy)
    assert str(info.value) == (
        "data/figures: the folder holds no figures file; a year's figures go in a file named YYYY.csv there."
    )


# --- data/reports.csv: the issuer and the area of each year's report --------------------------------------------


def test_report_meta_of_2023_names_the_department_and_the_province() -> None:
    from helpers.data.loading import load_report_meta

    meta = load_report_meta(2023)
    assert meta.source_id == "sldtbxh_2023_report"
    assert meta.issuer("vi") == "Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế"
    assert frontmatter.issuer_name(meta, "vi") == "Sở Lao động – Thương binh và Xã hội"
    assert frontmatter.issuer_name(meta, "en") == "Department of Labour, Invalids and Social Affairs"
    assert meta.area("vi") == "Tỉnh Thừa Thiên Huế" and meta.area("en") == "Thừa Thiên Huế Province"
    assert meta.issuer_short("vi") == "Sở LĐTBXH tỉnh Thừa Thiên Huế"
    assert meta.place("vi") == "Thừa Thiên Huế" and meta.issued == "2023-12"


def test_every_year_with_figures_has_a_report_row() -> None:
    from helpers.data.loading import load_report_meta

    assert [load_report_meta(y).year for y in available_years()] == available_years()


def test_a_year_without_a_report_row_is_refused(data_copy: Path) -> None:
    from helpers.data.loading import load_report_meta

    path = data_copy / "reports.csv"
    write_rows(path, [r for r in read_rows(path) if r[0] != "2022"])
    with pytest.raises(DataError) as info:
        load_report_meta(2022, data_copy)
    assert str(info.value) == (
        "data/reports.csv: no row for 2022, so the 2022 appendix does not know whose report it accompanies; add a row "
        "naming its issuer and area (years with a row: 2015, 2016, 2018, 2019, 2020, 2021, 2023)."
    )


@pytest.mark.parametrize(
    ("column", "text", "pattern"),
    [
        (
            "source_id",
            "vnexpress",
            r"column 'source_id': expected a source_id listed in data/sources\.csv, or empty, got 'vnexpress'",
        ),
        (
            "issued",
            "2023-02-30",
            r"column 'issued': expected a date as YYYY-MM-DD \(YYYY-MM when the day is left blank\), or empty, "
            r"got '2023-02-30'",
        ),
        ("issued", "12/2023", r"column 'issued': expected a date as YYYY-MM-DD"),
        ("year", "0023", r"column 'year': expected a four-digit year, got '0023'"),
        ("issuer_vi", "", r"column 'issuer_vi': expected a non-empty cell"),
        ("area_en", " Huế", r"column 'area_en': expected text without leading or trailing spaces"),
    ],
)
def test_a_bad_reports_row_is_refused(data_copy: Path, set_cell, column: str, text: str, pattern: str) -> None:
    path = data_copy / "reports.csv"
    line = next(i for i, r in enumerate(read_rows(path), start=1) if r[0] == "2023")
    set_cell(path, line, column, text)
    expect_error(data_copy, rf"^data/reports\.csv, line {line}, {pattern}")


def test_a_repeated_report_year_is_refused(data_copy: Path) -> None:
    path = data_copy / "reports.csv"
    rows = read_rows(path)
    write_rows(path, rows + [rows[-1]])
    expect_error(
        data_copy,
        rf"^data/reports\.csv, line {len(rows) + 1}, column 'year': '2023' is already used on an earlier line",
    )


@pytest.mark.parametrize("name", ["0023.csv", "２０２３.csv", "3023.csv"])
def test_a_figures_file_not_named_after_a_year_is_refused(data_copy: Path, name: str) -> None:
    (data_copy / "figures" / name).write_text("x", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_year(2023, data_copy)
    assert str(info.value) == (
        f"data/figures/{name}: unexpected file in data/figures; a year's figures are named YYYY.csv."
    )


def test_a_header_cell_with_a_control_character_is_refused(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("indicator_id", "indicator\x00id", 1), encoding="utf-8")
    expect_error(
        data_copy,
        r"^data/figures/2023\.csv, line 1: the cell holds the control character U\+0000 at position 10; remove it",
    )


# --- goals, part-period figures and ranges: the columns instrument, as_of, low and high --------------------------

LINE_PLAN_2024 = 175  # jobs_created 2024 plan, KH năm 2024
LINE_INJURIES = 104  # child_injuries 2023, as of 2023-11-15
LINE_RANGE_2020 = 3  # data/figures/2020.csv: poverty_rate 2025 target, "2 - 2,2%"


def test_a_goal_without_its_instrument_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_PLAN_2024, "instrument", "")
    expect_error(
        data_copy,
        rf"line {LINE_PLAN_2024}, column 'instrument': a plan must name the instrument that set it \(e\.g\. 'KH "
        rf"63/KH-UBND'",
    )


def test_a_result_with_an_instrument_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "instrument", "KH năm 2023")
    expect_error(
        data_copy,
        rf"line {LINE_TRAINED}, column 'instrument': only a plan or target names an instrument; an actual leaves "
        rf"it empty, got 'KH năm 2023'",
    )


@pytest.mark.parametrize("as_of", ["15/11/2023", "2023-11", "2023-02-30"])
def test_a_cut_off_that_is_not_an_iso_date_is_refused(data_copy: Path, set_cell, as_of: str) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_INJURIES, "as_of", as_of)
    expect_error(
        data_copy,
        rf"line {LINE_INJURIES}, column 'as_of': expected (empty for a full-period figure, else the cut-off date "
        rf"as YYYY-MM-DD|a real calendar date as YYYY-MM-DD, or empty), got '{as_of}'",
    )


def test_a_cut_off_outside_the_period_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_INJURIES, "as_of", "2022-11-15")
    expect_error(
        data_copy,
        rf"line {LINE_INJURIES}, column 'as_of': a part-period figure's cut-off must fall in its period 2023, got "
        rf"'2022-11-15'",
    )


def test_a_range_must_keep_both_ends(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2020.csv"
    set_cell(path, LINE_RANGE_2020, "low", "")
    expect_error(
        data_copy,
        rf"2020\.csv, line {LINE_RANGE_2020}, column 'low': printed '2 - 2,2%' is a range: write both ends in "
        rf"'low' and 'high'",
        year=2020,
    )


def test_range_ends_must_be_the_printed_ones(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2020.csv"
    set_cell(path, LINE_RANGE_2020, "low", "2.1")
    expect_error(
        data_copy,
        rf"line {LINE_RANGE_2020}, column 'low': printed '2 - 2,2%' has the ends 2 and 2\.2 but low is 2\.1 and "
        rf"high is 2\.2",
        year=2020,
    )


def test_a_range_value_is_its_upper_end(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2020.csv"
    set_cell(path, LINE_RANGE_2020, "value", "2")
    expect_error(
        data_copy,
        rf"line {LINE_RANGE_2020}, column 'low': a range's value is its upper end: write 2\.2 in 'value' \(got 2\)",
        year=2020,
    )


def test_ends_for_a_single_number_are_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "low", "70")
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "high", "71")
    expect_error(
        data_copy,
        rf"line {LINE_TRAINED}, column 'low': 'low' and 'high' are only for a printed range \(e\.g\. '2 - 2,2%'\); "
        rf"'70,25%' is not one, so leave them empty",
    )


def test_a_bad_scope_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "indicators.csv", 2, "scope", "country")
    with pytest.raises(
        DataError, match=r"indicators\.csv, line 2, column 'scope': expected one of: national, province, got 'country'"
    ):
        load_year(2023, data_copy)


def test_the_headline_indicators_are_read_in_their_order(data_copy: Path) -> None:
    rows = read_rows(data_copy / "headline.csv")
    write_rows(data_copy / "headline.csv", [rows[0], *reversed(rows[1:])])
    chosen = load_headline(data_copy)
    assert list(chosen["order"]) == sorted(chosen["order"]) and chosen["order"].dtype.kind == "i"
    assert set(chosen["indicator_id"]) <= set(load_catalogue(data_copy)["indicator_id"])


@pytest.mark.parametrize(
    ("line", "column", "text", "pattern"),
    [
        (2, "indicator_id", "poverty_rat", r"headline\.csv, line 2, column 'indicator_id': expected one of the"),
        (3, "order", "1", r"headline\.csv, line 3, column 'order': '1' is already used on an earlier line"),
        (3, "order", "x", r"headline\.csv, line 3, column 'order': expected a whole number from 1"),
    ],
)
def test_a_bad_headline_row_is_refused(
    data_copy: Path, set_cell, line: int, column: str, text: str, pattern: str
) -> None:
    set_cell(data_copy / "headline.csv", line, column, text)
    with pytest.raises(DataError, match=pattern):
        load_headline(data_copy)


def test_a_unit_after_one_is_singular_in_english_only() -> None:
    from helpers.data.loading import unit_name

    assert unit_name("persons", "en", count=1) == "person" and unit_name("persons", "en", count=2) == "people"
    assert unit_name("persons", "en", count=-1) == "person" and unit_name("persons", "en") == "people"
    assert unit_name("households", "en", count=1) == "household"
    assert unit_name("percentage_points", "en", count=1) == "percentage point"
    assert unit_name("persons", "vi", count=1) == unit_name("persons", "vi", count=2) == "người"


# --- data/instruments.csv (review item 34): every goal's instrument has an English name --------------------------


def test_every_instrument_in_the_figures_has_an_english_name() -> None:
    from helpers.data.loading import load_instruments

    instruments = load_instruments()
    used = {i for y in available_years() for i in load_year(y)["instrument"] if i}
    used |= {i for i in load_revisions(max(available_years()))["instrument"] if i}
    assert used and used <= set(instruments["instrument"])
    assert (instruments["name_en"] != "").all()
    # an English name is English: no Vietnamese word for plan (KH), programme (CT) or master plan (QH) in it
    assert not instruments["name_en"].str.contains(r"\b(?:KH|CT|QH|năm|nhân lực|chỉ tiêu)\b(?!-UBND)").any()


def test_an_instrument_without_an_english_name_is_refused(data_copy: Path, set_cell) -> None:
    from helpers.data.loading import load_instruments

    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "kind", "target")
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "instrument", "KH năm 2026")
    with pytest.raises(DataError, match=r"^data/instruments\.csv.*'KH năm 2026'"):
        load_instruments(data_copy)


def test_an_instrument_named_twice_is_refused(data_copy: Path) -> None:
    from helpers.data.loading import load_instruments

    rows = read_rows(data_copy / "instruments.csv")
    write_rows(data_copy / "instruments.csv", rows + [rows[1]])
    with pytest.raises(DataError, match=r"^data/instruments\.csv, line \d+, column 'instrument'.*already used"):
        load_instruments(data_copy)


@pytest.mark.parametrize(
    ("column", "text", "says"),
    [
        ("span", "2025-2021", "first year is before its last"),
        ("span", "2021–2025", "one year \\(2024\\) or first-last"),
        ("span", "", "non-empty"),
        ("issued", "25/3/2022", "YYYY-MM-DD, YYYY-MM or YYYY"),
        ("issued", "2022-02-30", "real calendar date"),
    ],
)
def test_an_instruments_span_and_issue_date_are_checked(
    data_copy: Path, set_cell, column: str, text: str, says: str
) -> None:
    from helpers.data.loading import load_instruments

    set_cell(data_copy / "instruments.csv", 2, column, text)
    with pytest.raises(DataError, match=rf"^data/instruments\.csv, line 2, column '{column}'.*{says}"):
        load_instruments(data_copy)
