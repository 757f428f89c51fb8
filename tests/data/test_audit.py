"""The transcription audit: every number of the 2023 report is held by a figure, and the rules are sound."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.cli import main
from helpers.data.audit import audit_report, format_result, number_occurrences
from tests.conftest import REPORT_2023, read_rows, write_rows

needs_report = pytest.mark.skipif(not REPORT_2023.exists(), reason="the shared 2023 report is not beside the project")


@needs_report
def test_the_2023_report_is_fully_captured() -> None:
    result = audit_report(2023, REPORT_2023)
    assert result.source_id == "sldtbxh_2023_report"
    assert result.ok, format_result(result, 2023)
    assert result.matched == result.numbers_in_text >= 190


@needs_report
def test_a_dropped_figure_is_reported(data_copy: Path) -> None:
    path = data_copy / "figures" / "2023.csv"
    rows = read_rows(path)
    dropped = next(r for r in rows if r[0] == "social_evil_venues")
    write_rows(path, [r for r in rows if r is not dropped])
    result = audit_report(2023, REPORT_2023, data_dir=data_copy)
    assert [u[0] for u in result.uncaptured] == ["976"]
    assert "UNCAPTURED '976': printed 1× in the text, held 0× in the figures" in format_result(result, 2023)


@needs_report
def test_a_printed_figure_missing_from_the_text_is_reported(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", 124, "printed", "977")
    set_cell(data_copy / "figures" / "2023.csv", 124, "value", "977")
    result = audit_report(2023, REPORT_2023, data_dir=data_copy)
    assert [u[0] for u in result.unfound] == ["977"]
    assert [u[0] for u in result.uncaptured] == ["976"]


def test_rules_pass_over_dates_documents_and_headings_but_not_counts() -> None:
    text = (
        "2.1. Chỉ tiêu\nNghị quyết số 28/2021/NQ-HĐND ngày 26/8/2021, 54-NQ/TW; Ngày người cao tuổi 6/6; "
        "giai đoạn 2021-2025; năm 2023; Đề án 06; Đội 178; 76 năm Ngày Thương binh; tròn 100 tuổi; "
        "17/17 chỉ tiêu; 1.480 lượt hộ vay/73.607 triệu đồng; đạt 70,25%; hơn 2000 lượt người"
    )
    kept, skipped = number_occurrences(text)
    assert [o.token for o in kept] == ["17", "17", "1.480", "73.607", "70,25", "2000"]
    assert {
        "heading_number",
        "legal_document",
        "full_date",
        "day_month",
        "year_range",
        "named_year",
        "named_programme",
        "proper_name",
        "anniversary",
        "age_category",
    } <= set(skipped)


@needs_report
def test_cli_audit_exit_status(capsys) -> None:
    assert main(["audit", "--year", "2023", "--report", str(REPORT_2023)]) == 0
    assert "OK: every number is accounted for." in capsys.readouterr().out


# --- the quotes of the data (issue 16) ----------------------------------------------------------------------------

QUOTE_RULES = (
    "months_counted",
    "month_year",
    "span_length",
    "age_bound",
    "policy_groups",
    "english_year",
    "english_months",
    "share_of_unprinted_plan",
    "rate_without_base",
    "unnamed_columns",
    "ethnic_minority_areas",
)


def test_every_number_of_every_quote_is_held_or_passed_over() -> None:
    from helpers.data.audit import audit_quotes, format_quote_result

    result = audit_quotes()
    assert result.ok, format_quote_result(result)
    assert result.quotes >= 70 and result.held >= 100  # the audit read the data's quotes, not nothing
    assert "OK: every number of every quote is accounted for." in format_quote_result(result)


def test_a_component_of_a_quoted_goal_left_out_is_reported(data_copy: Path) -> None:
    """KH 343/KH-UBND's quote holds 36,91%, 24,91% and 12,0%: dropping the near-poor part's row is caught."""
    from helpers.data.audit import audit_quotes, format_quote_result

    path = data_copy / "figures" / "2023.csv"
    rows = read_rows(path)
    write_rows(path, [r for r in rows if not (r[0] == "near_poor_rate" and r[4] == "KH 343/KH-UBND")])
    result = audit_quotes(data_copy)
    assert [(n.token, n.source_id) for n in result.unheld] == [("12,0", "sldtbxh_2023_a_luoi_ke_hoach")]
    report = format_quote_result(result)
    assert "NOT HELD '12,0' of source 'sldtbxh_2023_a_luoi_ke_hoach'" in report
    assert "2023.csv line" in report and report.endswith("FAILED: 1 numbers of the quotes are not held by a figure.")


def test_a_number_held_only_by_another_source_is_not_held(data_copy: Path, set_cell) -> None:
    """A figure counts for a quote only when it is of the quote's source: Dân Việt prints A Lưới's 24,4%; a
    Nông nghiệp Việt Nam quote of 24,4% is not held by it."""
    from helpers.data.audit import audit_quotes

    path = data_copy / "figures" / "2023.csv"
    line = next(i for i, r in enumerate(read_rows(path), 1) if r[10] == "nongnghiep_a_luoi_thoat_ngheo")
    set_cell(path, line, "locator", 'quote: "giảm xuống còn 24,4% vào cuối năm 2023"')
    unheld = audit_quotes(data_copy).unheld
    assert [(n.token, n.source_id) for n in unheld] == [("24,4", "nongnghiep_a_luoi_thoat_ngheo")]


def test_the_quote_rules_pass_over_periods_and_left_out_figures_but_not_figures() -> None:
    text = (
        "Trong 5 tháng đầu năm 2016, giải quyết việc làm cho 8.173 lao động; xuất khẩu lao động 10 tháng đi 833 "
        "người; tính tới hết tháng 11.2018; hộ nghèo giảm trong 3 năm trên 1.500 hộ; lao động từ 15 tuổi trở lên; "
        "149 tỷ đồng cho 4 nhóm đối tượng; In 2022, 16 workers; in the first 10 months of 2023, 57 workers; "
        "đạt 94% kế hoạch; (đạt tỷ lệ 84.52%); | 70,25 | 72,5 | 72,5 | Đạt; "
        "vùng đồng bào dân tộc thiểu số mỗi năm giảm trên 3%; 6 tháng tuổi"
    )
    kept, skipped = number_occurrences(text)
    assert [o.token for o in kept] == ["8.173", "833", "1.500", "149", "16", "57", "70,25", "6"]
    assert set(QUOTE_RULES) <= set(skipped)


@needs_report
def test_the_quote_rules_pass_over_nothing_of_the_2023_report() -> None:
    _, skipped = number_occurrences(REPORT_2023.read_text(encoding="utf-8"))
    assert not set(QUOTE_RULES) & set(skipped)


def test_cli_audit_quotes(capsys) -> None:
    assert main(["audit", "--quotes"]) == 0
    assert "OK: every number of every quote is accounted for." in capsys.readouterr().out
    with pytest.raises(SystemExit) as info:
        main(["audit", "--year", "2023"])
    assert "--year and --report go together" in str(info.value)
