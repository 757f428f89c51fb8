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
