"""The draft (issue 17): each step, each format, a report the catalogue cannot place, and acceptance."""
# ruff: noqa: E501  (the sample report keeps each paragraph on one line, as the report text does)

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import main
from helpers.data.loading import figures_files, load_reference, load_year
from helpers.draft.accept import accept_draft
from helpers.draft.formats import write_docx, write_pdf
from helpers.draft.propose import SHEET_COLUMNS, draft_report, draft_text, learned_figures, write_sheet
from helpers.draft.reading import read_report
from helpers.draft.segments import RULES, sentences
from helpers.errors import DataError, UsageError
from tests.conftest import read_rows, write_rows

# A small report in the 2023 report's shape, with figures for 2024 (a year the data does not hold yet).
REPORT = """BÁO CÁO TÓM TẮT

Kết quả công tác năm 2024, ngày 15/12/2024

PHẦN I

ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2024

1. Thực hiện các chỉ tiêu kinh tế - xã hội

Đã giải quyết việc làm cho 17.250 người (đạt 101,47% so với kế hoạch năm 2024); trong đó, đưa lao động đi làm việc ở nước ngoài 2.100 lao động. Tỷ lệ hộ nghèo 1,70%, giảm 0,57% so với năm 2023.

2. Chính sách tín dụng

Chính sách tín dụng ưu đãi: Đã giải quyết cho 15.000 lượt hộ vay vốn với kinh phí 800.000 triệu đồng, trong đó: Hộ nghèo: 1.500 lượt hộ vay/75.000 triệu đồng; Hộ cận nghèo: 6.000 lượt hộ vay/300.000 triệu đồng. Tính đến ngày 15/11/2024, toàn tỉnh có 1.400 trường hợp trẻ em bị tai nạn thương tích¹.

¹ Trong đó 10 trường hợp đuối nước theo Nghị quyết số 28/2021/NQ-HĐND.

PHẦN II

PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025

I. MỤC TIÊU, CHỈ TIÊU

a) Giải quyết việc làm cho 17.500 lao động.

b) Tỷ lệ hộ nghèo giảm còn dưới 1,5%.

| TT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu 2025 |
|----|--|--|--|
| 1 | Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội | % | 32,5 |
"""

# Numbers the catalogue has no indicator for: a new catalogue row is proposed for each, not a near indicator.
UNPLACEABLE = """1. Lĩnh vực khác

Trồng mới 350 cây xanh ven sông. Lắp đặt 12 trạm quan trắc chất lượng không khí.
"""


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report-2024.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def _row(draft, printed: str) -> dict:
    rows = draft.proposals[draft.proposals["printed"] == printed]
    assert len(rows) == 1, f"one proposal printed {printed!r}, got {len(rows)}"
    return rows.iloc[0].to_dict()


def test_sentences_are_located_by_their_headings() -> None:
    found: dict[str, str] = {}
    for s in sentences(REPORT):
        found.setdefault(s.text.split()[0], s.locator)
    assert found["Đã"] == "Phần I, mục 1"
    assert found["¹"] == "Phần I, mục 2, chú thích 1"
    assert found["a)"] == "Phần II, mục I.a"
    assert found["BÁO"] == "Mở đầu"
    footnote = next(s for s in sentences(REPORT) if s.text.startswith("¹"))
    assert "trẻ em bị tai nạn thương tích" in footnote.carried  # a footnote carries the words its mark ends


def test_every_number_is_proposed_or_passed_over_with_the_audits_reason(report: Path) -> None:
    draft = draft_report(report, 2024)
    assert list(draft.sheet.columns) == SHEET_COLUMNS
    passed = dict(zip(draft.passed_over["printed"], draft.passed_over["passed_over"], strict=False))
    assert passed["28"] == "a legal document number such as 28/2021/NQ-HĐND, 760/QĐ-UBND or 54-NQ/TW"
    assert "a date such as 27/7/1947" in passed.values()
    assert set(draft.proposals["printed"]) >= {"17.250", "101,47%", "2.100", "1,70%", "giảm 0,57%", "dưới 1,5%"}
    # Every proposal's value is the reading of its print.
    assert dict(zip(draft.proposals["printed"], draft.proposals["value"], strict=False))["giảm 0,57%"] == "-0.57"


def test_indicator_kind_period_breakdown_and_cut_off_come_from_the_rules(report: Path) -> None:
    draft = draft_report(report, 2024)
    jobs = _row(draft, "17.250")
    assert (jobs["indicator_id"], jobs["kind"], jobs["period"], jobs["as_of"]) == ("jobs_created", "actual", "2024", "")
    assert _row(draft, "101,47%")["indicator_id"] == "jobs_created_pct_of_plan"
    assert _row(draft, "1,70%")["indicator_id"] == "poverty_rate"
    poor = _row(draft, "1.500")
    assert (poor["indicator_id"], poor["breakdown"]) == ("credit_households", "household_group=poor")
    assert _row(draft, "800.000")["breakdown"] == ""
    injuries = _row(draft, "1.400")
    assert (injuries["indicator_id"], injuries["as_of"]) == ("child_injuries", "2024-11-15")
    plan = _row(draft, "17.500")  # a goal for a count that has a "% of plan" indicator is a plan
    assert (plan["kind"], plan["period"], plan["instrument"]) == ("plan", "2025", "KH năm 2025")
    insured = _row(draft, "32,5")  # a table row of the goals: its row number is passed over, its goal proposed
    assert (insured["indicator_id"], insured["kind"], insured["period"]) == (
        "social_insurance_coverage_rate",
        "target",
        "2025",
    )
    assert insured["locator"] == "Phần II, mục I.b, bảng, dòng 1"  # the table follows heading b)
    ceiling = _row(draft, "dưới 1,5%")
    assert (ceiling["indicator_id"], ceiling["kind"], ceiling["value"]) == ("poverty_rate", "target", "1.5")


def test_the_parts_of_a_list_take_the_lists_indicator(report: Path) -> None:
    """ "Hộ nghèo: 1.500 lượt hộ vay/75.000 triệu đồng; Hộ cận nghèo: 6.000 …": each part counts what its total
    counts, in the total's unit, even across a '; ' that starts a new sentence."""
    draft = draft_report(report, 2024)
    assert _row(draft, "75.000")["indicator_id"] == "credit_amount"
    assert (_row(draft, "6.000")["indicator_id"], _row(draft, "6.000")["breakdown"]) == (
        "credit_households",
        "household_group=near_poor",
    )
    assert _row(draft, "300.000")["indicator_id"] == "credit_amount"


def test_numbers_the_catalogue_cannot_place_become_new_catalogue_rows() -> None:
    draft = draft_text(UNPLACEABLE, 2024)
    trees = _row(draft, "350")
    assert trees["indicator_id"] == ""
    assert "Trồng mới" in trees["new_indicator_name_vi"]
    assert float(trees["confidence"]) < RULES["new_indicator_below"] / 100  # below the rule's "near enough"
    assert _row(draft, "12")["indicator_id"] == ""


@pytest.mark.parametrize("write", [write_docx, write_pdf], ids=["docx", "pdf"])
def test_word_and_pdf_reports_draft_as_the_text_does(tmp_path: Path, report: Path, write) -> None:
    made = write(REPORT, tmp_path / f"report{'.docx' if write is write_docx else '.pdf'}")
    read = read_report(made)
    assert "Tỷ lệ hộ nghèo 1,70%" in read
    assert "| 1 | Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội | % | 32,5 |" in read  # a table
    from_text = draft_report(report, 2024).proposals
    from_file = draft_report(made, 2024).proposals
    keys = ["indicator_id", "period", "as_of", "kind", "breakdown", "value", "printed"]
    assert from_file[keys].to_dict("records") == from_text[keys].to_dict("records")


def test_another_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"report\.odt: a report is read from a \.txt, \.docx or \.pdf file"):
        read_report(tmp_path / "report.odt")


def _accept_all(sheet: Path, keep: set[str]) -> None:
    rows = read_rows(sheet)
    head = rows[0]
    for r in rows[1:]:
        if r[head.index("printed")] in keep and not r[head.index("passed_over")]:
            r[head.index("decision")] = "accepted"
    write_rows(sheet, rows)


def test_draft_writes_nothing_to_data_and_accept_writes_a_file_the_loader_reads(
    data_copy: Path, report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    sheet = tmp_path / "2024-draft.csv"
    assert (
        main(
            ["draft", "--year", "2024", "--report", str(report), "--out", str(sheet), "--source", "sldtbxh_2023_report"]
        )
        == 0
    )
    assert {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()} == before
    _accept_all(sheet, {"17.250", "1,70%"})
    # reports.csv needs the year's row before a figures file of that year is accepted.
    reports = read_rows(data_copy / "reports.csv")
    year_row = next(r for r in reports if r[0] == "2023")
    write_rows(data_copy / "reports.csv", reports + [["2024", *year_row[1:]]])
    done = accept_draft(sheet, 2024, data_dir=data_copy, report=report)
    assert done.added == 2 and done.path == data_copy / "figures" / "2024.csv"
    assert 2024 in figures_files(data_copy)
    figures = load_year(2024, data_copy)
    added = figures[figures["vintage"] == 2024]
    assert sorted(added["indicator_id"]) == ["jobs_created", "poverty_rate"]
    assert done.audit is not None and not done.audit.ok  # the rest of the report is still missing
    assert any(u[0] == "2.100" for u in done.audit.uncaptured)
    # Accepting the same sheet again through the command line is refused, naming both rows; nothing changes.
    written = done.path.read_bytes()
    assert main(["draft", "--accept", str(sheet), "--year", "2024", "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert "collides with data/figures/2024.csv line 2, which already holds that figure" in err
    assert err.count("\n") == 1 and done.path.read_bytes() == written


def test_a_row_that_collides_with_an_existing_figure_is_refused_in_one_sentence(
    data_copy: Path, tmp_path: Path
) -> None:
    text = "1. Việc làm\n\nĐã giải quyết việc làm cho 17.034 người.\n"
    draft = draft_text(text, 2023, data_dir=data_copy, source_id="sldtbxh_2023_report")
    sheet = write_sheet(draft, tmp_path / "2023-draft.csv")
    _accept_all(sheet, {"17.034"})
    before = (data_copy / "figures" / "2023.csv").read_bytes()
    with pytest.raises(DataError) as err:
        accept_draft(sheet, 2023, data_dir=data_copy)
    message = str(err.value)
    assert message.startswith(
        f"{sheet}, line 3: the row of jobs_created for 2023 (kind actual, source_id sldtbxh_2023_report)"
    )
    assert "collides with data/figures/2023.csv line 36" in message  # jobs_created's row of the real file
    assert message.endswith("so reject this row or change the existing one by hand.")
    assert (data_copy / "figures" / "2023.csv").read_bytes() == before


def test_an_accepted_row_that_breaks_the_contract_names_the_sheets_line(data_copy: Path, tmp_path: Path) -> None:
    draft = draft_text(
        "1. Việc làm\n\nĐã giải quyết việc làm cho 17.250 người.\n",
        2024,
        data_dir=data_copy,
        source_id="sldtbxh_2023_report",
    )
    sheet = write_sheet(draft, tmp_path / "2024-draft.csv")
    _accept_all(sheet, {"17.250"})
    rows = read_rows(sheet)
    line = next(i for i, r in enumerate(rows, 1) if r[rows[0].index("printed")] == "17.250")
    rows[line - 1][rows[0].index("value")] = "17250.5"
    rows[line - 1][rows[0].index("decision")] = "corrected"
    write_rows(sheet, rows)
    with pytest.raises(DataError, match=rf"2024-draft\.csv, line {line}, column '(value|printed)': "):
        accept_draft(sheet, 2024, data_dir=data_copy)
    assert 2024 not in figures_files(data_copy)


def test_an_unknown_decision_is_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = write_sheet(draft_text(UNPLACEABLE, 2024, data_dir=data_copy), tmp_path / "d.csv")
    rows = read_rows(sheet)
    rows[1][0] = "ok"
    write_rows(sheet, rows)
    with pytest.raises(DataError, match=r"d\.csv, line 2, column 'decision': the decision must be empty, 'accepted'"):
        accept_draft(sheet, 2024, data_dir=data_copy)


def test_the_same_report_drafts_to_the_same_bytes(report: Path, tmp_path: Path) -> None:
    first = write_sheet(draft_report(report, 2024), tmp_path / "a.csv").read_bytes()
    assert write_sheet(draft_report(report, 2024), tmp_path / "b.csv").read_bytes() == first


def test_a_print_with_a_comma_where_the_thousands_dot_belongs_is_flagged_not_reread() -> None:
    draft = draft_text("1. Người có công\n\nTổng kinh phí hơn 18,173 triệu đồng.\n", 2024)
    row = _row(draft, "hơn 18,173")
    assert row["value"] == "18.173"  # the print's Vietnamese reading; the analyst decides
    assert row["note"].startswith("Ambiguous: ")


def test_a_bracketed_restatement_shares_its_figures_time_but_a_comparisons_bracket_is_a_level() -> None:
    restated = draft_text("1. Giảm nghèo\n\nTỷ lệ hộ nghèo giảm còn 3,56% vào cuối năm 2022 (11.735 hộ).\n", 2025)
    assert (_row(restated, "3,56%")["period"], _row(restated, "11.735")["period"]) == ("2022", "2022")
    assert _row(restated, "11.735")["indicator_id"] == "poor_households"
    level = draft_text(
        "1. Bảo trợ\n\nCác cơ sở trợ giúp xã hội hiện đang nuôi dưỡng 1.393 đối tượng; tăng 67 đối tượng so với năm "
        "2022 (1.326 đối tượng).\n",
        2023,
    )
    assert _row(level, "tăng 67")["period"] == "2023"
    assert (_row(level, "1.326")["period"], _row(level, "1.326")["indicator_id"]) == (
        "2022",
        "social_facility_residents",
    )


def test_a_multiplier_word_after_the_number_is_part_of_the_print_unless_the_unit_names_it() -> None:
    draft = draft_text(
        "1. Người có công\n\nĐã có trên 23 nghìn suất quà được trao tặng, với kinh phí 149 tỷ đồng.\n", 2018
    )
    assert _row(draft, "trên 23 nghìn")["value"] == "23000"
    assert _row(draft, "149")["value"] == "149"  # 'tỷ đồng' is the unit (billion_vnd), not a multiplier


def test_a_span_of_years_is_filed_under_its_last_year_but_a_programmes_name_is_not_a_period() -> None:
    span = draft_text(
        "1. Đào tạo\n\nTrong giai đoạn 2014 - 2018, toàn tỉnh có 102.989 lao động được đào tạo nghề.\n", 2019
    )
    assert _row(span, "102.989")["period"] == "2018"
    name = draft_text(
        "1. Thể chế\n\nBan hành Đề án giảm nghèo giai đoạn 2021-2025. 05 Nghị quyết được thông qua.\n", 2023
    )
    assert (_row(name, "05")["period"], _row(name, "05")["kind"]) == ("2023", "actual")


def test_a_level_to_reach_by_the_end_of_a_year_not_yet_over_is_a_goal_but_one_reached_is_a_result() -> None:
    goal = draft_text("1. Đào tạo\n\nTỷ lệ lao động qua đào tạo đến cuối năm 2023 đạt 70%.\n", 2023)
    assert (_row(goal, "70%")["kind"], _row(goal, "70%")["period"]) == ("target", "2023")
    done = draft_text("1. Giảm nghèo\n\nTỷ lệ hộ nghèo đến cuối năm 2019 đã giảm xuống 4,17%.\n", 2020)
    assert (_row(done, "4,17%")["kind"], _row(done, "4,17%")["period"]) == ("actual", "2019")


def test_a_text_published_early_in_a_year_reports_the_year_before_unless_a_period_is_named() -> None:
    text = "1. Giảm nghèo\n\nTổng số hộ nghèo ở tỉnh còn 7.540 hộ, tỷ lệ 2,27%. Phấn đấu năm 2024 giảm còn 1,5%.\n"
    early = draft_text(text, 2024, published="2024-01-06")
    assert (_row(early, "7.540")["period"], _row(early, "2,27%")["period"]) == ("2023", "2023")
    assert (_row(early, "1,5%")["kind"], _row(early, "1,5%")["period"]) == ("target", "2024")
    late = draft_text(text, 2024, published="2024-11-28")
    assert _row(late, "7.540")["period"] == "2024"


def test_a_number_inside_a_name_is_passed_over_and_ti_dong_names_billions() -> None:
    draft = draft_text(
        "1. Hỗ trợ\n\nHỗ trợ 182.180 lượt đối tượng ảnh hưởng dịch COVID-19, kinh phí 136 tỉ đồng.\n", 2022
    )
    covid = draft.passed_over[draft.passed_over["printed"] == "19"]
    assert "COVID-19" in covid["passed_over"].iloc[0]
    money = _row(draft, "136")
    units = load_reference().indicators.set_index("indicator_id")["unit"]
    assert (units[money["indicator_id"]] if money["indicator_id"] else money["new_indicator_unit"]) == "billion_vnd"


def test_a_bracketed_restatement_speaks_of_what_its_figures_indicator_names() -> None:
    # The fragment names no "hộ nghèo": the restated figure's indicator (poverty_rate) lends its name.
    draft = draft_text("giảm còn 3,56% vào cuối năm 2022 (11.735 hộ)", 2025)
    assert _row(draft, "3,56%")["indicator_id"] == "poverty_rate"
    assert _row(draft, "11.735")["indicator_id"] == "poor_households"


def test_a_clause_opening_on_a_verb_that_moves_a_rate_is_a_goal_but_not_the_level_it_starts_from() -> None:
    goal = draft_text("nâng tỷ lệ lao động qua đào tạo đạt trên 67%", 2021)
    assert (_row(goal, "trên 67%")["indicator_id"], _row(goal, "trên 67%")["kind"]) == ("trained_labour_rate", "target")
    start = draft_text("giảm tỷ lệ hộ nghèo từ 2,59% theo kết quả tổng điều tra cuối năm 2015 xuống còn 1,5%", 2016)
    assert (_row(start, "2,59%")["kind"], _row(start, "2,59%")["period"]) == ("actual", "2015")


def test_a_unit_in_brackets_before_a_rows_numbers_makes_them_percents() -> None:
    draft = draft_text("Tỷ lệ lao động qua đào tạo nghề (%) 66,8 68 68", 2022)
    assert set(draft.proposals["indicator_id"]) == {"trained_labour_rate"}


def test_a_yearly_average_goes_to_an_indicator_named_so_or_to_a_new_catalogue_row() -> None:
    jobs = draft_text("giải quyết việc làm mới cho 1.500 – 1.700 lao động/năm", 2016)
    row = _row(jobs, "1.500 – 1.700")
    assert (row["indicator_id"], row["value"]) == ("", "1700")  # the catalogue has no yearly average of jobs
    assert row["new_indicator_name_vi"]
    fall = draft_text("hộ nghèo giảm trong 3 năm trên 1.500 hộ, bình quân mỗi năm giảm 4,51%", 2019)
    row = _row(fall, "4,51%")  # the indicator's name says "giảm": the fall's size, printed without the word
    assert (row["indicator_id"], row["value"]) == ("poverty_rate_reduction_average", "4.51")


def test_a_goal_its_clause_calls_a_target_stays_a_target_though_the_catalogue_has_its_pct_of_plan() -> None:
    said = draft_text("Phấn đấu đưa từ 1.800 - 2.000 lao động đi làm việc ở nước ngoài theo hợp đồng", 2020)
    assert (_row(said, "1.800 - 2.000")["indicator_id"], _row(said, "1.800 - 2.000")["kind"]) == (
        "workers_abroad",
        "target",
    )


def test_a_count_in_thousands_at_a_lines_start_is_no_heading_number() -> None:
    draft = draft_text("2.000 lao động được đưa đi làm việc ở nước ngoài\n\n2.1. Việc làm\n", 2023)
    assert _row(draft, "2.000")["indicator_id"] == "workers_abroad"
    assert draft.passed_over["printed"].tolist() == ["2.1"]


def test_a_change_from_is_a_change_unless_a_level_it_goes_to_follows() -> None:
    change = draft_text("tỷ lệ hộ nghèo chung toàn tỉnh giảm từ 0,8-1%", 2022)
    assert (_row(change, "0,8-1%")["indicator_id"], _row(change, "0,8-1%")["value"]) == ("poverty_rate_reduction", "1")
    level = draft_text("tỷ lệ hộ nghèo giảm từ 4,5% (năm 2021) xuống còn 3,56%", 2022)
    assert _row(level, "4,5%")["indicator_id"] == "poverty_rate"


def test_a_tie_goes_to_the_indicator_whose_catalogue_name_is_nearest() -> None:
    # Both rates' wordings hold "hộ cận nghèo"; the near-poor rate's own name is the nearer.
    draft = draft_text("hộ cận nghèo là 15,65% (2.253 hộ)", 2023)
    assert _row(draft, "15,65%")["indicator_id"] == "near_poor_rate"


def test_a_province_wide_average_is_no_yearly_average() -> None:
    draft = draft_text("Phấn đấu đến cuối năm 2025, tỷ lệ hộ nghèo bình quân toàn tỉnh giảm còn 2,0 - 2,2%.", 2022)
    row = _row(draft, "2,0 - 2,2%")
    assert (row["indicator_id"], row["kind"], row["period"]) == ("poverty_rate", "target", "2025")


def test_a_part_in_brackets_takes_its_wholes_kind() -> None:
    text = (
        "Phấn đấu tỷ lệ nghèo đa chiều giảm từ 52,9% (trong đó: tỷ lệ hộ nghèo là 38,2%) xuống còn 36,91% "
        "(trong đó: tỷ lệ hộ nghèo là 24,91%)"
    )
    draft = draft_text(text, 2023)
    assert _row(draft, "24,91%")["kind"] == "target"


def test_a_baseline_at_a_periods_start_holds_for_the_clause_it_opens() -> None:
    draft = draft_text("đầu năm 2016, toàn huyện có 12.276 hộ, tương ứng 49.582 khẩu, hộ nghèo 4.337 hộ", 2019)
    assert _row(draft, "4.337")["period"] == "2015"  # the end-2015 survey (data/README.md)


def test_a_zero_in_words_is_proposed_once_for_each_place_its_clause_lists() -> None:
    text = (
        "1. Cai nghiện\n\nSố người quản lý sau cai nghiện: huyện Phong Điền 05, riêng huyện Nam Đông, Quảng Điền và "
        "thị xã Hương Trà chưa có người quản lý sau cai nghiện.\n"
    )
    zeros = draft_text(text, 2023).proposals.query("printed == 'chưa có'")
    assert set(zeros["value"]) == {"0"} and set(zeros["indicator_id"]) == {"post_rehab_management"}
    assert sorted(zeros["breakdown"]) == ["district=Hương Trà", "district=Nam Đông", "district=Quảng Điền"]
    # Words the catalogue cannot place draft nothing.
    assert draft_text("1. Khác\n\nCây xanh không còn chỗ trồng.\n", 2023).proposals.empty


def test_a_round_figure_set_against_the_plan_is_an_estimate_but_a_round_count_alone_is_not() -> None:
    estimate = draft_text("giải quyết việc làm cho khoảng 17.000 người (đạt 101,1% kế hoạch)", 2022)
    assert _row(estimate, "khoảng 17.000")["kind"] == "estimate"
    count = draft_text("tổ chức 5 lớp tập huấn cho khoảng 600 cán bộ cơ sở tham gia", 2023)
    assert _row(count, "khoảng 600")["kind"] == "actual"


def test_a_common_term_is_read_as_the_catalogue_words_it_and_the_years_first_months_set_a_cut_off() -> None:
    draft = draft_text("xuất khẩu lao động 10 tháng đi 833 người", 2018, learned=learned_figures(hide_years=(2018,)))
    row = _row(draft, "833")
    assert (row["indicator_id"], row["as_of"]) == ("workers_abroad", "2018-10-31")
    duration = draft_text("hỗ trợ 6 tháng tuổi cho 120 trẻ em", 2023)
    assert _row(duration, "120")["as_of"] == ""
