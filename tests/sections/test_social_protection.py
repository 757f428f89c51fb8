"""Notebook 04's section modules (social_protection, _gifts, _findings) and their analysis: social assistance,
facilities, children, injuries, gifts, next year's targets."""

from __future__ import annotations

import html

import nbformat
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.analysis import social_protection as an
from helpers.data.query import indicator_name
from helpers.findings import social_protection as spf
from helpers.paths import PROJECT_ROOT
from helpers.sections import blocks
from helpers.sections import social_protection as sp
from helpers.sections import social_protection_gifts as gifts
from tests.conftest import figures_frame

NOTEBOOK = PROJECT_ROOT / "notebooks" / "04_social_protection.ipynb"


def frame(rows: list[tuple]) -> pd.DataFrame:
    """Figures rows whose seventh cell, when there is one, is the note."""
    return figures_frame(rows, extra=("note",))


SMALL = frame(
    [
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
    ]
)
EMPTY = frame([("jobs_created", 2023, "actual", "", 17034, "17.034")])


def test_average_vnd() -> None:
    assert an.average_vnd(32, "billion_vnd", 60834) == pytest.approx(526021.63, abs=0.01)
    assert an.average_vnd(71571, "million_vnd", 206021) == pytest.approx(347396.6, abs=0.1)
    assert an.average_vnd(None, "million_vnd", 1) is None and an.average_vnd(1, "persons", 1) is None
    assert an.average_vnd(1, "million_vnd", 0) is None


def test_change_and_share() -> None:
    assert an.change(SMALL, "social_facility_residents", 2023) == {
        "prev": 100,
        "now": 110,
        "change": 10,
        "change_pct": pytest.approx(10),
    }
    assert an.change(SMALL, "social_facility_residents", 2022)["change"] is None
    assert an.share(1, 4) == 25 and an.share(1, 0) is None and an.share(None, 4) is None


def test_assistance_table_average_from_a_qualified_print_is_approximate() -> None:
    table = sp.assistance_table(SMALL, 2023, "vi")
    # "hơn 0,5 tỷ" (one significant figure, two at least) shared among 1.000 persons
    assert table.frame["Giá trị"].tolist() == ["1.000", "hơn 0,5", "khoảng 500 nghìn"]
    assert table.frame["Đơn vị"].tolist()[2] == "đồng/người/tháng"
    assert sp.assistance_table(EMPTY, 2023, "vi") is None


def test_change_lines_compute_the_change_when_none_is_printed() -> None:
    table = sp.residents_table(SMALL, 2023, "en")
    assert table.frame["Value"].tolist() == ["100", "110", "+10", "+10.00%"]
    assert table.frame["Indicator"].tolist()[0].endswith("(2022)")
    assert table.raw["computed"].tolist() == [False, False, True, True]


def test_special_share_against_the_ceiling() -> None:
    assert an.special_share(SMALL, 2023) == pytest.approx(1.6)
    assert sp.special_sentence(SMALL, 2023, "vi") == (
        "Năm 2023, trẻ em có hoàn cảnh đặc biệt chiếm 1,60% tổng số trẻ em (160/10.000); "
        "mức này chưa đạt chỉ tiêu năm 2024 (dưới 1,5%)."
    )
    below = SMALL.assign(value=SMALL["value"].where(SMALL["indicator_id"] != "children_special_circumstances", 140.0))
    assert "already meets the 2024 target (below 1.5%)" in sp.special_sentence(below, 2023, "en")
    chart_data = sp.special_vs_target_frame(SMALL, 2023, "vi")
    assert chart_data["value"].tolist() == [1.6, 1.5]
    assert chart_data["category"].tolist() == ["Kết quả 2023 (phụ lục tính)", "Chỉ tiêu 2024 (dưới 1,5%)"]
    assert sp.special_sentence(EMPTY, 2023, "vi") is None and sp.special_vs_target_frame(EMPTY, 2023, "vi") is None


def children_table(figures: pd.DataFrame, year: int, lang: str):  # noqa: ANN201
    """The children block's table, made from its frame as the notebook makes it."""
    data = blocks.frame(figures, "social_protection", "children", year, lang)
    return blocks.table(data, "social_protection", "children", year, lang)


def test_children_table_rates() -> None:
    table = children_table(SMALL, 2023, "vi")
    assert table.frame["Giá trị"].tolist() == ["10.000", "160", "1,60%", "150", "93,75%"]


def test_gift_rows_averages_and_total() -> None:
    merit = gifts.merit_gifts_table(SMALL, 2023, "vi")
    assert merit.frame.iloc[0, 1:4].tolist() == ["200", "hơn 100", "khoảng 500 nghìn"]
    vulnerable = gifts.vulnerable_gifts_table(SMALL, 2023, "en")
    assert vulnerable.frame.iloc[:, 0].tolist() == [
        "People turning 100",
        "Poor households",
        "Total (computed by the appendix)",
    ]
    assert vulnerable.frame.iloc[:, 1].tolist() == ["10", "40", "50"]
    assert vulnerable.frame.iloc[:, 2].tolist() == ["10", "over 20", "over 30"]
    assert vulnerable.frame.iloc[:, 3].tolist() == ["1,000,000", "about 500 thousand", "about 600 thousand"]
    assert vulnerable.raw["average_vnd_per_item"].tolist() == [1e6, 5e5, 6e5]
    # the total's average keeps the sum's precision ("over 30"), not that of one part
    total = gifts.gift_total(gifts.vulnerable_gift_rows(SMALL, 2023, "vi"), "vi")
    assert total.amount_printed == "hơn 30" and total.items_printed is None
    chart = gifts.gift_average_frame(SMALL, 2023, "vi")
    assert chart["value"].tolist() == [1000.0, 500.0]  # thousand đồng
    assert gifts.merit_gifts_table(EMPTY, 2023, "vi") is None and gifts.gift_average_frame(EMPTY, 2023, "vi") is None


def test_gift_row_average_by_the_precision_rule() -> None:
    row = gifts.GiftRow("x", "x", 62513, 18173, "million_vnd", items_printed="hơn 62.513", amount_printed="hơn 18.173")
    assert row.texts("vi") == ("hơn 62.513", "hơn 18.173", "khoảng 291 nghìn")  # 290.708 to 3 figures
    assert row.average_shown() == 291000
    assert gifts.GiftRow("y", "y", 10, 5, "million_vnd").texts("en")[2] == "500,000"  # exact prints: whole đồng
    only_amount = gifts.GiftRow("z", "z", 10, 5, "million_vnd", items_printed="10", amount_printed="hơn 5")
    assert only_amount.texts("en")[2] == "about 500 thousand"
    big = gifts.GiftRow("w", "w", 23, 29, "million_vnd", items_printed="23", amount_printed="hơn 29")
    assert big.texts("vi")[2] == "khoảng 1,3 triệu"  # 1.260.870 to 2 figures


def test_findings_follow_the_data() -> None:
    sentences = spf.findings(SMALL, 2023, "vi")
    assert sentences[0] == (
        "Năm 2023 có 1.000 đối tượng bảo trợ xã hội hưởng trợ cấp hàng tháng tại cộng đồng, "
        "kinh phí hơn 0,5 tỷ đồng mỗi tháng (bình quân khoảng 500 nghìn đồng/người/tháng)."
    )
    assert sentences[1] == (
        "Các cơ sở trợ giúp xã hội nuôi dưỡng 110 đối tượng (+10; +10,00% so với 100 người năm 2022)."
    )
    assert sentences[2].endswith("; 150 em (93,75%) được hưởng trợ cấp xã hội và chăm sóc.")
    assert spf.findings(EMPTY, 2023, "vi") == []


def test_real_2023_data(figures_2023: pd.DataFrame) -> None:
    sentences = spf.findings(figures_2023, 2023, "vi")
    assert len(sentences) == 6
    assert "60.834" in sentences[0] and "bình quân khoảng 530 nghìn đồng/người/tháng" in sentences[0]
    assert "24 cơ sở trợ giúp xã hội (3 công lập, 21 ngoài công lập)" in sentences[1] and "+67" in sentences[1]
    assert "1,44%" in sentences[2] and "đã đạt chỉ tiêu năm 2024 (dưới 1,5%)" in sentences[2]
    assert "96,29%" in sentences[2]
    assert sentences[3].startswith("Tính đến 15/11/2023, có 1.485 trường hợp")
    assert "đuối nước (11; 68,75%)" in sentences[3]
    assert "206.021 suất" in sentences[4] and "dịp 27/7 in không rõ ràng" in sentences[4]
    assert "85.891 suất, hơn 28.686 triệu đồng" in sentences[5]
    notes = gifts.ambiguity_sentences(figures_2023, 2023, "vi")
    assert len(notes) == 1 and "“hơn 18,173 triệu đồng”" in notes[0]
    assert "bình quân khoảng 291 nghìn đồng/suất" in notes[0] and "chỉ khoảng 291 đồng/suất" in notes[0]
    [english] = gifts.ambiguity_sentences(figures_2023, 2023, "en")  # review item 35: said for an English reader
    assert "“hơn 18,173” (million VND)" in english and "In Vietnamese the comma is the decimal mark" in english
    assert "reads 18,173 million VND (an average of about 291 thousand VND per gift)" in english
    targets = sp.goals_table(figures_2023, 2023, "vi").frame
    assert targets["Mục tiêu 2024"].tolist() == ["100%", "100%", "trên 90%", "trên 90%", "dưới 1,5%", "trên 60%"]
    assert targets["Kết quả 2023"].tolist()[4] == "1,44% (phụ lục tính: 4.206 / 292.208)"
    injuries = sp.injuries_table(figures_2023, 2023, "en").frame
    # The report compares the deaths "so với năm 2022", to no cut-off: its change is shown, no percent computed
    # against a figure of another period (issue 16).
    assert injuries["Value"].tolist() == ["1,497", "1,485", "-12", "-0.80%", "21", "16", "-5"]
    data = blocks.frame(figures_2023, "social_protection", "facilities", 2023, "vi")
    facilities = blocks.table(data, "social_protection", "facilities", 2023, "vi").frame
    assert facilities.iloc[:, 1].tolist() == ["3", "21", "24"]


def run_notebook(year: int, lang: str) -> dict:
    """The names the code cells of notebooks/04_social_protection.ipynb leave, run after its parameters."""
    cells = [c for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    assert "parameters" in cells[0].metadata["tags"]
    names = {"year": year, "lang": lang, "output_dir": "", "as_of": ""}
    for cell in cells[1:]:
        exec(cell.source, names)  # noqa: S102  (the notebook's own cells)
    return names


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_section_shows_for_2023_and_a_thin_year_is_short(lang: str) -> None:
    names = run_notebook(2023, lang)
    full = names["rep"]
    kinds = [s.kind for s in full.shown]
    # The special-circumstances share beside its goal is two bars: a sentence, not a figure (issue 9).
    assert kinds.count("figure") == 2 and kinds.count("table") == 14 and kinds[:2] == ["heading", "findings"]
    assert "special_circumstances_vs_target" not in {s.name for s in full.shown}
    [sentence] = sp.special_notes(full.figures, 2023, lang)
    assert any(html.escape(sentence) in s.html for s in full.shown)
    assert not any("appendix-nodata" in s.html for s in full.shown)
    frames = [v for v in names.values() if isinstance(v, pd.DataFrame)]
    assert len(frames) >= 3 and sum(isinstance(v, Figure) for v in names.values()) >= 1
    # 2016 holds no figure of the part: it shows nothing at all, not even its title (issue 14, item 3)
    assert run_notebook(2016, lang)["rep"].shown == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_rate_printed_and_recomputed_is_one_row_whose_note_gives_the_recomputed_value(lang: str) -> None:
    printed = figures_frame([("children_special_circumstances_supported_rate", 2023, "actual", "", 93.8, "93,8%")])
    table = children_table(pd.concat([SMALL, printed], ignore_index=True), 2023, lang)
    labels = table.frame.iloc[:, 0].tolist()
    assert len(labels) == len(set(labels)) == 5
    row = table.frame.iloc[labels.index(indicator_name("children_special_circumstances_supported_rate", lang))]
    assert row.iloc[1] == ("93,8%" if lang == "vi" else "93.8%")
    assert ("93,75%" if lang == "vi" else "93.75%") in row.iloc[-1] and "150 / 160" in row.iloc[-1]
    alone = children_table(SMALL, 2023, lang).frame
    assert ("93,75%" if lang == "vi" else "93.75%") in alone.iloc[:, 1].tolist()
