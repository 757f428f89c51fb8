"""The data-quality section: its tables and key findings, on small frames and on the real data."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import reconciliation as rec
from helpers.data.editions import Edition
from helpers.data.loading import load_revisions, load_year
from helpers.findings import data_quality as dqf
from helpers.present.report import Report
from helpers.sections import data_quality as dq
from tests.analysis.test_reconciliation import figures, rules

SMALL = figures(
    [
        ("jobs", 2023, "actual", "", 17034, "17.034", "persons"),
        ("jobs", 2023, "plan", "", 17000, "17.000", "persons"),
        ("jobs_pct", 2023, "actual", "", 100.2, "100,20%", "percent_of_plan"),
        ("part", 2023, "actual", "", 4050, "4.050", "persons"),
        ("whole", 2023, "actual", "", 4206, "4.206", "persons"),
        ("share", 2023, "actual", "", 96.3, "96,3%", "percent"),
        ("children_share", 2023, "actual", "", 26, "26%", "percent"),
        ("margin", 2023, "actual", "", 0.52, "vượt 0,52%", "percentage_points"),
        ("rate", 2023, "actual", "", 2.27, "2,27%", "percent"),
        ("credit", 2023, "actual", "", 14966, "14.966", "households"),
        ("credit", 2023, "actual", "household_group=poor", 1480, "1.480", "households"),
        ("credit", 2023, "actual", "household_group=near_poor", 6123, "6.123", "households"),
        ("credit", 2023, "actual", "household_group=newly_escaped_poverty", 7363, "7.363", "households"),
        ("rate", 2023, "actual", "district=A Lưới", 24.4, "24,4%", "percent", "report"),
        ("rate", 2023, "actual", "district=A Lưới", 24.3, "24,3%", "percent", "web"),
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
            "Ambiguous: a comma for the dot",
        ),
    ],
    complete={"credit": "household_group"},
).assign(unit_vi="đơn vị", unit_en="unit")
RULES = rules(
    [
        ("jobs_pct", "percent_of", "jobs", 0, "jobs|plan", 0),
        ("share", "share", "part", 0, "whole", 0),
        ("children_share", "share", "part", 0, "", None, "tổng dân số"),
        ("margin", "difference", "rate|target", 0, "rate", 0),
    ]
)
NO_REVISIONS = pd.DataFrame(
    columns=[
        "indicator_id",
        "period",
        "kind",
        "breakdown",
        "value",
        "printed",
        "source_id",
        "vintage",
        "new_value",
        "new_printed",
        "new_source_id",
        "new_vintage",
    ]
)


def test_stated_text_keeps_the_print_qualifier_and_precision() -> None:
    assert dq.stated_text(51, "percent", "trên 51%", "vi") == "trên 51%"
    assert dq.stated_text(600, "persons", "khoảng 600", "en") == "about 600"
    assert dq.stated_text(100.2, "percent_of_plan", "100,20%", "vi") == "100,20%"
    assert dq.stated_text(-1.29, "percentage_points", "giảm 1,29%", "en") == "-1.29 percentage points"


def test_derivations_table_on_a_small_frame() -> None:
    table = dq.derivations_table(SMALL, RULES, 2023, "vi")
    shown = table.frame.set_index("Chỉ tiêu")
    assert shown.at["jobs_pct", "Cách tính lại"] == "17.034 / 17.000 × 100"
    assert shown.at["jobs_pct", "Số nêu"] == "100,20%"
    assert shown.at["jobs_pct", "Đối chiếu"] == "Khớp"
    assert shown.at["share", "Kết quả tính lại"] == "96,29%"
    assert shown.at["share", "Ghi chú"] == "khớp khi làm tròn đến 1 chữ số thập phân như bản in"
    assert shown.at["children_share", "Đối chiếu"] == "Không tính lại được"
    assert shown.at["children_share", "Ghi chú"] == "Thiếu: tổng dân số (không có trong dữ liệu)"
    assert shown.at["margin", "Cách tính lại"] == "? − 2,27"
    assert shown.at["margin", "Ghi chú"] == "Thiếu: rate (chỉ tiêu), 2023"
    assert set(table.raw["status"]) == {rec.AGREES, rec.CANNOT}
    assert dq.derivations_table(SMALL, RULES, 2022, "vi") is None


def test_breakdowns_table_on_a_small_frame() -> None:
    table = dq.breakdowns_table(SMALL, 2023, "en")
    row = table.frame.iloc[0]
    assert row["Parts"] == "1,480 + 6,123 + 7,363"
    assert row["Sum of parts"] == "14,966" and row["Stated total"] == "14,966"
    assert row["Difference"] == "0" and row["Check"] == "Agrees" and row["Breakdown"] == "Complete"
    assert row["Broken down by"] == "Household group"
    assert table.raw.at[0, "part_values"] == "1480;6123;7363"


def test_disagreements_and_ambiguous_tables_on_a_small_frame() -> None:
    table = dq.disagreements_table(SMALL, 2023, "vi")
    assert table.frame["Số liệu"].tolist() == ["24,4%", "24,3%"]
    assert table.frame["Phụ lục dùng"].tolist() == ["Có", "Không"]
    assert table.frame["Chỉ tiêu"].iloc[0] == "rate – Huyện A Lưới"
    ambiguous = dq.ambiguous_table(SMALL, 2023, "vi").frame.iloc[0]
    assert ambiguous["Bản in"] == "hơn 18,173"
    assert ambiguous["Đọc theo quy ước tiếng Việt"] == "18,173" and ambiguous["Cách đọc được chọn"] == "18.173"
    # The transcriber's note is English: the Vietnamese table says the rule in Vietnamese, the English one quotes it.
    assert ambiguous["Lý do"] == (
        "Dấu phẩy đứng ở chỗ của dấu phân cách hàng nghìn; đọc theo quy ước là 18,173, không hợp lý so với các số "
        "liệu liên quan, nên phụ lục đọc là 18.173."
    )
    assert "comma" not in ambiguous["Lý do"]
    english = dq.ambiguous_table(SMALL, 2023, "en").frame.iloc[0]
    assert english["Why (with the transcriber's note)"].endswith("Transcriber's note: a comma for the dot")
    # Review item 35: an English reader is told that the comma is the Vietnamese decimal mark, and every value the
    # appendix gives is in English style (18.173 as written, 18,173 as read).
    assert english["Why (with the transcriber's note)"].startswith(
        "In Vietnamese the comma is the decimal mark and the dot separates thousands, so read as written the print "
        "means 18.173; beside the related figures that is implausible, so the appendix takes the comma for a "
        "misplaced thousands separator and reads 18,173."
    )
    assert english["Read by the Vietnamese convention"] == "18.173" and english["Reading chosen"] == "18,173"


def test_coverage_table_has_a_total_row() -> None:
    table = dq.coverage_table(SMALL, 2023, "en")
    assert table.frame.iloc[-1]["Domain"] == "All domains"
    assert table.frame.iloc[-1]["All figures"] == str(len(SMALL))
    assert table.raw["domain"].tolist()[-1] == "all"
    assert dq.coverage_table(SMALL, 2016, "en") is None


def test_findings_on_a_small_frame() -> None:
    sentences = dqf.findings(SMALL, RULES, NO_REVISIONS, 2023, "vi", report_source="report")
    assert (
        sentences[0]
        == "2 trong 4 số liệu tính toán mà báo cáo nêu khớp khi tính lại; 2 không tính lại được do thiếu số liệu "
        "đầu vào."
    )
    assert sentences[1] == "1 trong 1 phân tổ đầy đủ có tổng được in cộng đúng bằng tổng."
    assert sentences[2].startswith(
        "1 số liệu được các nguồn nêu khác nhau: rate – Huyện A Lưới năm 2023 (24,4% và 24,3%)"
    )
    assert "phụ lục dùng 24,4%" in sentences[2]
    assert sentences[3] == "1 số liệu in không rõ ràng: gifts_amount in “hơn 18,173”, được đọc là 18.173 đơn vị."
    assert sentences[4] == "Không có số liệu nào của các năm trước bị dữ liệu năm 2023 điều chỉnh."
    assert sentences[5].startswith(f"Dữ liệu năm 2023 gồm {len(SMALL)} số liệu")
    assert dqf.findings(SMALL, RULES, NO_REVISIONS, 2016, "vi") == []


def test_a_differing_derivation_is_named_in_the_findings() -> None:
    is_share = SMALL["indicator_id"] == "share"
    wrong = SMALL.assign(value=SMALL["value"].where(~is_share, 97.0), printed=SMALL["printed"].where(~is_share, "97%"))
    sentence = dqf.derivation_findings(wrong, RULES, 2023, "en", report_source="report")[0]
    assert sentence == (
        "1 of the 4 derived figures the report states agrees when recomputed; "
        "1 differ (share: stated 97%, recomputed 96.29%); 2 cannot be recomputed for want of an input."
    )
    assert dq.derivations_table(wrong, RULES, 2023, "vi").frame.set_index("Chỉ tiêu").at["share", "Đối chiếu"] == "Lệch"


def test_real_2023_data_quality_as_issued() -> None:
    """The edition as issued has none of Báo Dân Việt's figures (06/01/2024): the report's own derived figures only,
    one fewer recomputable (its input came later), and no source disagreeing on A Lưới's 2023 rate."""
    rep = Report("05_data_quality", 2023, "vi")
    derivations = rec.load_derivations()
    sentences = dqf.title_findings(rep)
    assert sentences[0] == (
        "7 trong 11 số liệu tính toán mà báo cáo nêu khớp khi tính lại; 4 không tính lại được do thiếu số liệu đầu vào."
    )
    assert not any("Dân Việt" in s or "24,3%" in s for s in sentences)
    derived = dq.derivations_table(rep.figures, derivations, 2023, "vi").frame
    assert set(derived["Nguồn"]) == {"Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế"}


def test_real_2023_data_quality() -> None:
    # The revised edition (helpers.data.editions): Báo Dân Việt's figures (06/01/2024) came after the report.
    edition = Edition("2026-06-30")
    figures, revisions = load_year(2023, edition=edition), load_revisions(2023, edition=edition)
    derivations = rec.load_derivations()
    sentences = dqf.findings(figures, derivations, revisions, 2023, "vi")
    assert 3 <= len(sentences) <= 6
    assert sentences[0].endswith("không tính lại được do thiếu số liệu đầu vào.")
    # Counted by source (issue 16): the two derived figures of Báo Dân Việt are not the report's.
    assert sentences[0].startswith("8 trong 11 số liệu tính toán mà báo cáo nêu khớp khi tính lại; 3 không ")
    assert "1 trong 2 số liệu tính toán mà Báo Dân Việt nêu khớp khi tính lại" in sentences[0]
    assert "Tỷ lệ hộ nghèo – Huyện A Lưới năm 2023 (24,4% và 24,3%); phụ lục dùng 24,4%" in sentences[2]
    derived = dq.derivations_table(figures, derivations, 2023, "vi").frame.set_index("Chỉ tiêu")
    assert set(derived["Nguồn"]) == {"Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế", "Báo Dân Việt"}
    jobs = derived.loc["Tỷ lệ giải quyết việc làm so với kế hoạch"]
    assert jobs["Cách tính lại"] == "17.034 / 17.000 × 100" and jobs["Đối chiếu"] == "Khớp"
    margin = derived.loc["Mức vượt chỉ tiêu kế hoạch về tỷ lệ hộ nghèo"]
    # Kế hoạch 63/KH-UBND's 2023 target (2,79%) is in the data: the report's "vượt 0,52%" is recomputed.
    assert margin["Cách tính lại"] == "2,79 − 2,27" and margin["Đối chiếu"] == "Khớp"
    breakdowns = dq.breakdowns_table(figures, 2023, "vi").frame
    assert "Lệch" not in set(breakdowns["Đối chiếu"])
    # The 2024 annual plan (2023 report) and the 2021-2025 programme's 2024 target are two goals, not a revision.
    assert revisions.empty and dq.revisions_table(revisions, figures, "vi") is None
    assert "Không có số liệu nào của các năm trước bị dữ liệu năm 2023 điều chỉnh." in sentences


@pytest.mark.parametrize("year", [2015, 2016, 2018, 2019, 2020, 2021, 2022, 2023])
def test_every_year_gives_tables_or_none_without_raising(year: int) -> None:
    figures, revisions, derivations = load_year(year), load_revisions(year), rec.load_derivations()
    for lang in ("vi", "en"):
        dq.derivations_table(figures, derivations, year, lang)
        dq.breakdowns_table(figures, year, lang)
        dq.revisions_table(revisions, figures, lang)
        dq.disagreements_table(figures, year, lang)
        dq.ambiguous_table(figures, year, lang)
        assert dq.coverage_table(figures, year, lang) is not None
        assert 3 <= len(dqf.findings(figures, derivations, revisions, year, lang)) <= 6


@pytest.mark.parametrize(("year", "lang", "as_of"), [(2019, "en", ""), (2023, "vi", "2026-06-30"), (2023, "vi", "")])
def test_the_notebook_cells_show_title_findings_then_sections(year: int, lang: str, as_of: str) -> None:
    rep = Report("05_data_quality", year, lang, as_of=as_of)
    rep.section("title", level=1)
    rep.findings(dqf.title_findings(rep))
    for name in ("derivations", "breakdowns", "revisions", "disagreements", "ambiguous", "coverage"):
        rows = dq.section(rep, name)
        shown = dq.table(rep, name)
        assert (rows is None) == (shown is None) and (rows is None or rows.equals(shown.raw))
        rep.table(shown, name)
    assert [s.kind for s in rep.shown][:2] == ["heading", "findings"]
    tables = [s.name for s in rep.shown if s.kind == "table"]
    if year == 2023 and as_of:
        assert tables == [
            f"05_data_quality_{k}" for k in ("derivations", "breakdowns", "disagreements", "ambiguous", "coverage")
        ]
    elif year == 2023:  # as issued: the sources that disagree (A Lưới 2023: Dân Việt, Nông nghiệp) came later
        assert tables == [f"05_data_quality_{k}" for k in ("derivations", "breakdowns", "ambiguous", "coverage")]
    else:
        assert tables == ["05_data_quality_coverage"]


def test_english_plural_forms() -> None:
    assert dq.T("findings.ambiguous", "en", n=1, items="x") == "1 figure printed ambiguously: x."
    assert dq.T("findings.ambiguous", "en", n=2, items="x") == "2 figures printed ambiguously: x."
    assert dq.T("rounded", "en", count=1, d=1) == "agrees when rounded to 1 decimal as printed"
    assert dq.T("findings.coverage", "en", count=1, year=2023, n=5, k=2, d=1, s=1).endswith("from 1 source.")


def test_a_part_year_row_shows_its_cut_off_and_is_checked_only_against_its_own(figures_2023: pd.DataFrame) -> None:
    # Issue 14: the A Lưới workers abroad to 31/10/2023 (57) are no part of the full-year 2.325 check, and a
    # part-year row of the checks reads as part-year.
    from helpers.analysis import reconciliation as rec
    from helpers.sections import data_quality as dq

    checked = rec.breakdown_checks(figures_2023, 2023)
    assert "workers_abroad" not in set(checked["indicator_id"])
    table = dq.breakdowns_table(figures_2023, 2023, "vi")
    part_year = [p for p in table.frame.iloc[:, 1] if "tính đến" in p]
    assert part_year == ["2023 (tính đến 15/11/2023)"] and list(checked["as_of"]).count("2023-11-15") == 1
    assert "2023 (as of 15/11/2023)" in list(dq.breakdowns_table(figures_2023, 2023, "en").frame.iloc[:, 1])
