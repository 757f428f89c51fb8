"""Notebook 02's section module (sections.employment) on small hand-made frames and on the real data."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.loading import load_year
from helpers.present.report import Report
from helpers.sections import employment

from .conftest import figures_frame

SMALL = figures_frame([
    ("jobs_created", 2023, "actual", "", 17034, "17.034"),
    ("jobs_created", 2023, "plan", "", 17000, "hơn 17.000"),
    ("jobs_created", 2023, "target", "", 16500, "16.500"),
    ("jobs_created", 2024, "target", "", 17000, "17.000"),
    ("jobs_created", 2022, "estimate", "", 17000, "khoảng 17.000"),
    ("jobs_created", 2022, "target", "", 16300, "16.300"),
    ("jobs_created_pct_of_plan", 2023, "actual", "", 100.2, "100,20%"),
    ("workers_abroad", 2023, "actual", "", 2325, "2.325"),
    ("workers_abroad", 2023, "plan", "", 2000, "2.000"),
    ("trained_labour_rate", 2021, "actual", "", 66.8, "66,8"),
    ("trained_labour_rate", 2021, "target", "", 67, "trên 67%"),
    ("trained_labour_rate", 2023, "actual", "", 70.25, "70,25%"),
    ("trained_labour_rate", 2023, "target", "", 70, "70%"),
    ("trained_labour_rate", 2024, "target", "", 72.5, "72,5%"),
    ("urban_unemployment_rate", 2023, "actual", "", 1.8, "1,8%"),
    ("urban_unemployment_rate", 2023, "target", "", 2.1, "dưới 2,1%"),
    ("job_exchange_sessions", 2023, "actual", "", 27, "27"),
    ("job_exchange_participants", 2023, "actual", "", 6137, "6.137"),
    ("job_exchange_vacancies", 2023, "actual", "", 62696, "62.696"),
    ("overseas_support_workers", 2023, "actual", "", 506, "506"),
    ("overseas_support_amount", 2023, "actual", "", 1475, "hơn 1.475"),
    ("job_credit_disbursed", 2023, "actual", "", 288598, "288.598"),
    ("job_credit_jobs", 2023, "actual", "", 5282, "5.282"),
    ("demobilised_youth_supported", 2023, "actual", "", 437, "437"),
    ("demobilised_youth_support_amount", 2023, "actual", "", 4992, "4.992"),
])


def test_scorecard_honours_bounds_and_polarity() -> None:
    frame = employment.scorecard_frame(SMALL, 2023)
    jobs = frame[frame["indicator_id"] == "jobs_created"].set_index("goal_kind")
    assert jobs.at["plan", "ratio"] == pytest.approx(100.2) and bool(jobs.at["plan", "met"])
    assert jobs.at["plan", "report_pct"] == 100.2 and jobs.at["target", "ratio"] == pytest.approx(17034 / 16500 * 100)
    unemployment = frame[frame["indicator_id"] == "urban_unemployment_rate"].iloc[0]
    assert unemployment["bound"] == "ceiling" and bool(unemployment["met"]) and pd.isna(unemployment["ratio"])
    assert unemployment["difference"] == pytest.approx(-0.3)
    assert employment.scorecard_frame(SMALL, 2019) is None


def test_scorecard_falls_back_on_the_estimate_and_flags_a_missed_floor() -> None:
    frame = employment.scorecard_frame(SMALL, 2022)
    row = frame[frame["indicator_id"] == "jobs_created"].iloc[0]
    assert row["result_kind"] == "estimate" and row["ratio"] == pytest.approx(17000 / 16300 * 100)
    trained = employment.scorecard_frame(SMALL, 2021)
    assert trained["met"].tolist() == [False] and trained["bound"].tolist() == ["floor"]
    table = employment.scorecard_table(frame, 2022, "vi")
    assert table.frame.iloc[0, 4] == "Đạt (theo ước tính)"


def test_scorecard_table_texts() -> None:
    table = employment.scorecard_table(employment.scorecard_frame(SMALL, 2023), 2023, "vi")
    rows = table.frame.set_index(table.frame.columns[2])
    assert rows.at["Kế hoạch: hơn 17.000", "So với mục tiêu (phụ lục tính)"] == "100,2%"
    assert rows.at["Chỉ tiêu: dưới 2,1%", "So với mục tiêu (phụ lục tính)"] == "-0,3 điểm phần trăm"


def test_count_and_rate_sentences() -> None:
    frame = employment.scorecard_frame(SMALL, 2023)
    assert employment.count_sentence(frame, "jobs_created", 2023, "vi") == (
        "Số lao động được giải quyết việc làm năm 2023 là 17.034 người, bằng 100,2% kế hoạch (hơn 17.000) "
        "và 103,24% chỉ tiêu (16.500).")
    assert employment.rate_sentence(frame, "urban_unemployment_rate", 2023, "vi") == (
        "Tỷ lệ thất nghiệp khu vực thành thị năm 2023 là 1,8%, đạt chỉ tiêu dưới 2,1% (thấp hơn 0,3 điểm phần trăm).")
    assert employment.rate_sentence(employment.scorecard_frame(SMALL, 2021), "trained_labour_rate", 2021, "en") == (
        "Share of trained workers in 2021: 66.8%, missing the target of over 67% (0.2 percentage points below).")
    assert employment.count_sentence(None, "jobs_created", 2023, "vi") is None


def test_goal_chart_data_runs_to_next_year() -> None:
    data = employment.goals_chart_data(SMALL, "jobs_created", 2023)
    assert sorted(data["period"].unique()) == [2022, 2023, 2024]
    assert employment.goals_chart_data(SMALL, "jobs_created", 2020) is None


def test_trained_path_keeps_goals_ahead_but_no_later_results() -> None:
    data = employment.trained_path_data(SMALL, 2021, "vi")
    assert set(data.loc[data["kind"] == "actual", "period"]) == {2021}
    assert data["period"].max() == 2024 and set(data["series"]) == {"Thực hiện", "Kế hoạch, chỉ tiêu"}


def test_ratio_lines_carry_qualifiers() -> None:
    line = employment.ratio_line(SMALL, "job_exchange_vacancies", "job_exchange_participants", 2023, "vi",
                                 employment.VACANCIES_PER_PARTICIPANT, unit_text="x")
    assert line.value == pytest.approx(62696 / 6137) and line.text == "10,22" and line.computed
    support = employment.ratio_line(SMALL, "overseas_support_amount", "overseas_support_workers", 2023, "vi",
                                    employment.SUPPORT_PER_WORKER, unit_text="x")
    assert support.text == "hơn 2,92"
    assert employment.ratio_line(SMALL, "overseas_loan_amount", "overseas_loan_workers", 2023, "vi",
                                 employment.LOAN_PER_WORKER) is None


def test_fact_tables() -> None:
    credit = employment.job_credit_table(SMALL, 2023, "vi")
    values = credit.raw.set_index("label")["value"]
    assert values[employment.CREDIT_PER_JOB[0]] == pytest.approx(288598 / 5282)
    assert values[employment.CREDIT_JOBS_SHARE[0]] == pytest.approx(5282 / 17034 * 100)
    youth = employment.vocational_table(SMALL, 2023, "en").raw.set_index("label")["value"]
    assert youth[employment.YOUTH_PER_PERSON[1]] == pytest.approx(4992 / 437)
    assert employment.job_exchange_table(SMALL, 2021, "vi") is None
    assert employment.exchange_sentence(SMALL, 2023, "vi") == (
        "27 phiên giao dịch việc làm thu hút 6.137 lượt lao động với 62.696 vị trí việc làm, "
        "bình quân 10,2 vị trí cho mỗi lượt lao động tham gia.")


def test_findings_on_real_data(figures_2023: pd.DataFrame) -> None:
    sentences = employment.findings(figures_2023, 2023, "vi")
    assert 3 <= len(sentences) <= 6
    assert sentences[0].startswith("Số lao động được giải quyết việc làm năm 2023 là 17.034 người, bằng 100,2% kế hoạch")
    assert any("72,5%" in s and "2,25 điểm phần trăm" in s for s in sentences)
    assert employment.findings(load_year(2019), 2019, "vi") == []
    assert employment.findings(load_year(2020), 2020, "en")[0].startswith("Jobs created over the plan period up to 2020: 66,060")


@pytest.mark.parametrize("year", [2016, 2019, 2020, 2021, 2022, 2023])
def test_every_section_runs_for_every_year(year: int) -> None:
    rep = Report("02_employment", year, "en" if year % 2 else "vi")
    for show in (employment.show_title, employment.show_findings, employment.show_scorecard, employment.show_jobs,
                 employment.show_workers_abroad, employment.show_trained_labour, employment.show_unemployment,
                 employment.show_job_exchange, employment.show_job_credit, employment.show_overseas_support,
                 employment.show_vocational):
        show(rep)
    assert [s.kind for s in rep.shown][:2] == ["heading", "findings"]
    if year < 2023:
        assert any("appendix-nodata" in s.html for s in rep.shown)
