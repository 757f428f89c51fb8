"""Notebook 04's section module: social assistance, facilities, children, injuries, gifts, next year's targets."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.present.report import Report
from helpers.sections import social_protection as sp

from .conftest import figures_frame


def frame(rows: list[tuple]) -> pd.DataFrame:
    """Figures rows whose seventh cell, when there is one, is the note."""
    return figures_frame(rows, extra=("note",))


SMALL = frame([
    ("social_assistance_beneficiaries", 2023, "actual", "", 1000, "1.000"),
    ("social_assistance_monthly_amount", 2023, "actual", "", 0.5, "hơn 0,5"),
    ("social_facility_residents", 2022, "actual", "", 100, "100"),
    ("social_facility_residents", 2023, "actual", "", 110, "110"),
    ("children_population", 2023, "actual", "", 10000, "10.000"),
    ("children_special_circumstances", 2023, "actual", "", 160, "160"),
    ("children_special_circumstances_supported", 2023, "actual", "", 150, "150"),
    ("children_special_circumstances_rate", 2024, "target", "", 1.5, "<1,5"),
    ("child_deaths", 2023, "actual", "", 4, "4", "as of 15/11/2023"),
    ("child_deaths", 2023, "actual", "cause=drowning", 3, "03"),
    ("child_deaths", 2023, "actual", "cause=traffic_accident", 1, "01"),
    ("tet_gifts", 2023, "actual", "", 200, "200"),
    ("tet_gifts_amount", 2023, "actual", "", 100, "hơn 100"),
    ("holiday_gifts", 2023, "actual", "recipient_group=centenarian", 10, "10"),
    ("holiday_gifts_amount", 2023, "actual", "recipient_group=centenarian", 10, "10"),
    ("holiday_gifts", 2023, "actual", "recipient_group=poor_household", 40, "40"),
    ("holiday_gifts_amount", 2023, "actual", "recipient_group=poor_household", 20, "hơn 20"),
])
EMPTY = frame([("jobs_created", 2023, "actual", "", 17034, "17.034")])


def test_average_vnd() -> None:
    assert sp.average_vnd(32, "billion_vnd", 60834) == pytest.approx(526021.63, abs=0.01)
    assert sp.average_vnd(71571, "million_vnd", 206021) == pytest.approx(347396.6, abs=0.1)
    assert sp.average_vnd(None, "million_vnd", 1) is None and sp.average_vnd(1, "persons", 1) is None


def test_assistance_table_average_keeps_the_lower_bound() -> None:
    table = sp.assistance_table(SMALL, 2023, "vi")
    assert table.frame["Giá trị"].tolist() == ["1.000", "hơn 0,5", "hơn 500.000"]
    assert table.frame["Đơn vị"].tolist()[2] == "đồng/người/tháng"
    assert sp.assistance_table(EMPTY, 2023, "vi") is None


def test_change_lines_compute_the_change_when_none_is_printed() -> None:
    table = sp.residents_table(SMALL, 2023, "en")
    assert table.frame["Value"].tolist() == ["100", "110", "+10", "+10.00%"]
    assert table.frame["Indicator"].tolist()[0].endswith("(2022)")
    assert table.raw["computed"].tolist() == [False, False, True, True]


def test_special_share_against_the_ceiling() -> None:
    assert sp.special_share(SMALL, 2023) == pytest.approx(1.6)
    assert sp.special_sentence(SMALL, 2023, "vi") == (
        "Năm 2023, trẻ em có hoàn cảnh đặc biệt chiếm 1,6% tổng số trẻ em (160/10.000); "
        "mức này chưa đạt chỉ tiêu năm 2024 (dưới 1,5%).")
    below = SMALL.assign(value=SMALL["value"].where(SMALL["indicator_id"] != "children_special_circumstances", 140.0))
    assert "already meets the 2024 target (below 1.5%)" in sp.special_sentence(below, 2023, "en")
    chart_data = sp.special_vs_target_frame(SMALL, 2023, "vi")
    assert chart_data["value"].tolist() == [1.6, 1.5]
    assert chart_data["category"].tolist() == ["Kết quả 2023 (phụ lục tính)", "Chỉ tiêu 2024 (dưới 1,5%)"]
    assert sp.special_sentence(EMPTY, 2023, "vi") is None and sp.special_vs_target_frame(EMPTY, 2023, "vi") is None


def test_children_table_rates() -> None:
    table = sp.children_table(SMALL, 2023, "vi")
    assert table.frame["Giá trị"].tolist() == ["10.000", "160", "1,60%", "150", "93,75%"]


def test_gift_rows_averages_and_total() -> None:
    merit = sp.merit_gifts_table(SMALL, 2023, "vi")
    assert merit.frame.iloc[0, 1:4].tolist() == ["200", "hơn 100", "hơn 500.000"]
    vulnerable = sp.vulnerable_gifts_table(SMALL, 2023, "en")
    assert vulnerable.frame.iloc[:, 0].tolist() == ["People turning 100", "Poor households", "Total (computed by the appendix)"]
    assert vulnerable.frame.iloc[:, 1].tolist() == ["10", "40", "50"]
    assert vulnerable.frame.iloc[:, 2].tolist() == ["10", "over 20", "over 30"]
    assert vulnerable.frame.iloc[:, 3].tolist() == ["1,000,000", "over 500,000", "over 600,000"]
    assert vulnerable.raw["average_vnd_per_item"].tolist() == [1e6, 5e5, 6e5]
    chart = sp.gift_average_frame(SMALL, 2023, "vi")
    assert chart["value"].tolist() == [1000.0, 500.0]  # thousand đồng
    assert sp.merit_gifts_table(EMPTY, 2023, "vi") is None and sp.gift_average_frame(EMPTY, 2023, "vi") is None


def test_gift_row_average_qualifier() -> None:
    row = sp.GiftRow("x", "x", 62513, 18173, "million_vnd", items_q="hơn", amount_q="hơn")
    assert row.average_qualifier() == "khoảng"
    assert row.texts("vi") == ("hơn 62.513", "hơn 18.173", "khoảng 290.708")
    assert sp.GiftRow("y", "y", 10, 5, "million_vnd").texts("en")[2] == "500,000"


def test_findings_follow_the_data() -> None:
    sentences = sp.findings(SMALL, 2023, "vi")
    assert sentences[0] == ("Năm 2023 có 1.000 đối tượng bảo trợ xã hội hưởng trợ cấp hàng tháng tại cộng đồng, "
                            "kinh phí hơn 0,5 tỷ đồng mỗi tháng (bình quân hơn 500.000 đồng/người/tháng).")
    assert sentences[1] == "Các cơ sở trợ giúp xã hội nuôi dưỡng 110 đối tượng (+10; +10% so với 100 người năm 2022)."
    assert sentences[2].endswith("; 150 em (93,75%) được hưởng trợ cấp xã hội và chăm sóc.")
    assert sp.findings(EMPTY, 2023, "vi") == []


def test_real_2023_data(figures_2023: pd.DataFrame) -> None:
    sentences = sp.findings(figures_2023, 2023, "vi")
    assert len(sentences) == 6
    assert "60.834" in sentences[0] and "hơn 526.022 đồng/người/tháng" in sentences[0]
    assert "24 cơ sở trợ giúp xã hội (3 công lập, 21 ngoài công lập)" in sentences[1] and "+67" in sentences[1]
    assert "1,44%" in sentences[2] and "đã đạt chỉ tiêu năm 2024 (dưới 1,5%)" in sentences[2] and "96,29%" in sentences[2]
    assert sentences[3].startswith("Tính đến 15/11/2023, có 1.485 trường hợp") and "đuối nước (11; 68,75%)" in sentences[3]
    assert "206.021 suất" in sentences[4] and "dịp 27/7 in không rõ ràng" in sentences[4]
    assert "85.891 suất, hơn 28.686 triệu đồng" in sentences[5]
    notes = sp.ambiguity_sentences(figures_2023, 2023, "vi")
    assert len(notes) == 1 and "“hơn 18,173 triệu đồng”" in notes[0] and "290.708" in notes[0] and "khoảng 291 đồng" in notes[0]
    targets = sp.targets(figures_2023, 2023, "vi").frame
    assert targets["Mục tiêu 2024"].tolist() == ["100%", "100%", "trên 90%", "trên 90%", "dưới 1,5%", "trên 60%"]
    assert targets["Kết quả 2023"].tolist()[4] == "1,44% (phụ lục tính: 4.206 / 292.208)"
    injuries = sp.injuries_table(figures_2023, 2023, "en").frame
    assert injuries["Value"].tolist() == ["1,497", "1,485", "-12", "-0.80%", "21", "16", "-5", "-23.81%"]
    facilities = sp.facilities_table(figures_2023, 2023, "vi").frame
    assert facilities.iloc[:, 1].tolist() == ["3", "21", "24"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_section_shows_for_2023_and_says_no_data_for_2016(lang: str) -> None:
    shows = [sp.show_title, sp.show_findings, sp.show_assistance, sp.show_facilities, sp.show_children, sp.show_injuries,
             sp.show_merit_gifts, sp.show_vulnerable_gifts, sp.show_targets]
    full = Report("04_social_protection", 2023, lang)
    for show in shows:
        show(full)
    kinds = [s.kind for s in full.shown]
    assert kinds.count("figure") == 3 and kinds.count("table") == 9 and kinds[:2] == ["heading", "findings"]
    assert not any("appendix-nodata" in s.html for s in full.shown)
    empty = Report("04_social_protection", 2016, lang)
    for show in shows:
        show(empty)
    kinds = [s.kind for s in empty.shown]
    assert "figure" not in kinds and "table" not in kinds
    assert sum("appendix-nodata" in s.html for s in empty.shown) == 10
