"""Notebook 01's section module (sections.poverty) on small hand-made frames and on the real data."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.data.editions import Edition
from helpers.data.loading import load_year
from helpers.findings import poverty as poverty_findings
from helpers.paths import PROJECT_ROOT
from helpers.present.report import Report
from helpers.sections import poverty, poverty_districts, poverty_programmes
from tests.conftest import figures_frame, read_rows, write_rows

BREAKS = [2021]
SMALL = figures_frame(
    [
        ("poverty_rate", 2019, "actual", "", 4.17, "4,17%"),
        ("poverty_rate", 2020, "estimate", "", 3.67, "3,67%"),
        ("poverty_rate", 2021, "actual", "", 4.93, "4,93%"),
        ("poverty_rate", 2022, "actual", "", 3.56, "3,56%"),
        ("poverty_rate", 2023, "actual", "", 2.27, "2,27%"),
        ("poor_households", 2022, "actual", "", 11735, "11.735"),
        ("poor_households", 2023, "actual", "", 7540, "7.540"),
        ("near_poor_households", 2023, "actual", "", 9002, "9.002"),
        ("near_poor_rate", 2023, "actual", "", 2.71, "2,71%"),
        ("poverty_rate", 2021, "actual", "district=A Lưới", 49.98, "49,98%", "huengaynay_a_luoi_thoat_ngheo"),
        ("poverty_rate", 2023, "actual", "district=A Lưới", 24.4, "24,4%", "danviet_2024_giam_ngheo"),
        ("poverty_rate", 2023, "actual", "district=A Lưới", 24.3, "24,3%", "nongnghiep_a_luoi_thoat_ngheo", False),
        ("poverty_rate", 2024, "target", "", 1.76, "dưới 1,76%"),
        ("poverty_rate_reduction", 2022, "target", "", 1, "0,8-1%", "huengaynay_2022_giam_ngheo"),
        ("credit_households", 2023, "actual", "", 14966, "14.966"),
        ("credit_amount", 2023, "actual", "", 781965, "781.965"),
        ("credit_households", 2023, "actual", "household_group=poor", 1480, "1.480"),
        ("credit_amount", 2023, "actual", "household_group=poor", 73607, "73.607"),
        ("credit_households", 2023, "actual", "household_group=near_poor", 6123, "6.123"),
        ("credit_amount", 2023, "actual", "household_group=near_poor", 295899, "295.899"),
        ("credit_households", 2023, "actual", "household_group=newly_escaped_poverty", 7363, "7.363"),
        ("credit_amount", 2023, "actual", "household_group=newly_escaped_poverty", 412459, "412.459"),
        ("health_insurance_persons", 2023, "actual", "household_group=poor", 24767, "24.767"),
        ("health_insurance_persons", 2023, "actual", "household_group=near_poor", 17396, "17.396"),
        ("housing_support_houses", 2023, "actual", "", 1578, "1.578"),
        ("housing_support_amount", 2023, "actual", "", 72314, "72.314"),
        ("electricity_support_households", 2023, "actual", "", 10000, "hơn 10.000"),
    ]
)


def test_rate_change_and_sentence() -> None:
    info = poverty.rate_change(SMALL, 2023, BREAKS)
    assert (info["prev_period"], info["change"]) == (2022, pytest.approx(-1.29))
    assert poverty_findings.rate_sentence(info, "vi", BREAKS) == (
        "Tỷ lệ hộ nghèo giảm từ 3,56% (2022) xuống 2,27% (2023), giảm 1,29 điểm phần trăm."
    )


def test_a_fall_to_a_ceiling_is_a_fall_of_more_than() -> None:
    # Invented figures (test fixtures): an estimate printed "dưới 1,2%" after 1,4%.
    figures = figures_frame(
        [
            ("poverty_rate", 2024, "actual", "", 1.4, "1,4%"),
            ("poverty_rate", 2025, "estimate", "", 1.2, "dưới 1,2%"),
        ]
    )
    info = poverty.rate_change(figures, 2025, BREAKS)
    assert info["change"] == pytest.approx(-0.2) and info["change_bound"] == "ceiling"
    assert poverty_findings.rate_sentence(info, "vi", BREAKS) == (
        "Theo ước tính, tỷ lệ hộ nghèo giảm từ 1,4% (2024) xuống dưới 1,2% (2025), giảm hơn 0,2 điểm phần trăm."
    )
    assert "down more than 0.2 percentage points" in poverty_findings.rate_sentence(info, "en", BREAKS)
    exact = poverty.rate_change(SMALL, 2023, BREAKS)
    assert exact["change_bound"] is None
    two_ceilings = figures_frame(
        [
            ("poverty_rate", 2024, "actual", "", 1.6, "dưới 1,6%"),
            ("poverty_rate", 2025, "actual", "", 1.2, "dưới 1,2%"),
        ]
    )
    unknown = poverty.rate_change(two_ceilings, 2025, BREAKS)
    assert unknown["change"] is None and "giảm" not in poverty_findings.rate_sentence(unknown, "vi", BREAKS)


def test_rate_is_not_compared_across_the_change_of_standard() -> None:
    info = poverty.rate_change(SMALL, 2021, BREAKS)
    assert info["prev_period"] == 2020 and info["comparable"] is False and info["change"] is None
    sentence = poverty_findings.rate_sentence(info, "vi", BREAKS)
    assert "không so sánh trực tiếp" in sentence and "2021" in sentence


def test_estimate_year_and_missing_year() -> None:
    info = poverty.rate_change(SMALL, 2020, BREAKS)
    assert info["kind"] == "estimate" and info["change"] == pytest.approx(-0.5)
    assert poverty_findings.rate_sentence(info, "en", BREAKS).startswith(
        "By the estimate, poverty rate fell from 4.17% (2019)"
    )
    assert poverty.rate_change(SMALL, 2018, BREAKS) is None


def test_trend_table_leaves_the_break_uncompared() -> None:
    table = poverty.trend_table(poverty.trend_data(SMALL, 2023), "vi", BREAKS)
    changes = table.raw.set_index("period")["change_pp"]
    assert pd.isna(changes[2021]) and changes[2022] == pytest.approx(-1.37) and changes[2020] == pytest.approx(-0.5)
    assert table.frame.iloc[2, 3] == "không so sánh (đổi chuẩn nghèo)"


def test_households_frame_and_sentence() -> None:
    frame = poverty.households_frame(SMALL, 2023, BREAKS)
    by_id = frame.set_index("indicator_id")
    assert by_id.at["poor_households", "change"] == -4195
    assert pd.isna(by_id.at["near_poor_households", "change"])
    sentence = poverty_findings.households_sentence(frame, 2023, "vi")
    assert sentence == (
        "Số hộ nghèo năm 2023 là 7.540 hộ, giảm 4.195 hộ so với năm 2022; "
        "số hộ cận nghèo là 9.002 hộ (tỷ lệ hộ cận nghèo 2,71%)."
    )
    assert poverty.households_frame(SMALL, 2019, BREAKS) is None


def test_district_keeps_the_preferred_source_and_names_the_other() -> None:
    frame = poverty_districts.district_frame(SMALL, 2023, "A Lưới")
    assert frame.attrs["periods"] == [2021, 2023]
    rate = frame[(frame["indicator_id"] == "poverty_rate") & (frame["scope"] == "district")].iloc[0]
    assert rate["value_2023"] == 24.4
    sentences = poverty_districts.disagreement_sentences(SMALL, 2023, "vi", "A Lưới")
    assert len(sentences) == 1 and "24,4% (Báo Dân Việt)" in sentences[0] and "24,3%" in sentences[0]
    assert poverty_findings.district_sentence(frame, 2023, "vi") == (
        "Huyện A Lưới: tỷ lệ hộ nghèo 24,4% (2023), gấp 10,7 lần mức chung toàn tỉnh (2,27%); giảm từ 49,98% năm 2021."
    )
    fig = poverty_districts.district_chart(frame, "vi")
    assert isinstance(fig, Figure)
    assert fig.caption_values == {"rate": "Tỷ lệ hộ nghèo", "place": "Huyện A Lưới", "note": ""}  # no break inside
    assert sorted(v for c in fig.axes[0].containers for v in c.datavalues) == [2.27, 4.93, 24.4, 49.98]
    assert poverty_districts.district_frame(SMALL, 2020, "A Lưới") is None


def test_district_table_shows_the_multiple_its_finding_states() -> None:
    frame = poverty_districts.district_frame(SMALL, 2023, "A Lưới")
    assert poverty.times_province(frame, 2023) == pytest.approx(24.4 / 2.27)
    table = poverty_districts.district_table(frame, "vi")
    last = table.frame.iloc[-1].tolist()
    assert last == ["Tỷ lệ hộ nghèo huyện A Lưới so với mức chung toàn tỉnh (phụ lục tính)", "lần", "10,1", "10,7"]
    assert table.raw.iloc[-1]["scope"] == "times_province"
    assert "gấp 10,7 lần" in poverty_findings.district_sentence(frame, 2023, "vi")  # the same rendering
    no_province = frame[frame["scope"] != "province"]
    assert poverty.times_province(no_province, 2023) is None
    assert poverty_districts.district_table(no_province, "vi").frame.shape[0] == len(no_province)  # no row without both


def test_targets_and_reduction_goal() -> None:
    sentences = poverty.target_sentences(poverty.target_progress(SMALL, 2023, BREAKS), "vi")
    assert sentences == [
        "Để đạt chỉ tiêu năm 2024 (dưới 1,76%), tỷ lệ hộ nghèo cần giảm hơn 0,51 điểm phần trăm trong năm 2024, "
        "thấp hơn mức giảm bình quân 1,33 điểm phần trăm mỗi năm đã đạt giai đoạn 2021–2023"
        " (tính từ mức 4,93% năm 2021)."
    ]
    assert poverty_findings.reduction_goal_sentence(SMALL, 2022, "vi", BREAKS) == (
        "Mức giảm 1,37 điểm phần trăm của tỷ lệ hộ nghèo năm 2022 vượt chỉ tiêu giảm 0,8–1 điểm phần trăm."
    )
    table = poverty.statements_table(SMALL, 2022, "vi", BREAKS)
    assert table.raw["value"].tolist() == pytest.approx([1, 1.37])
    assert poverty.statements_table(SMALL, 2019, "vi", BREAKS) is None


def test_group_frame_computes_averages_and_shares() -> None:
    frame = poverty_programmes.group_frame(SMALL, "credit", 2023, "vi")
    assert list(frame["code"]) == ["poor", "near_poor", "newly_escaped_poverty", "total"]
    total = frame.set_index("code").loc["total"]
    assert total["average"] == pytest.approx(781965 / 14966) and total["share"] == pytest.approx(100)
    assert frame.set_index("code").at["newly_escaped_poverty", "share"] == pytest.approx(412459 / 781965 * 100)
    table = poverty_programmes.group_table(frame, "credit", "vi")
    assert table.frame.iloc[-1, 3] == "52,25"
    assert poverty_findings.credit_sentence(frame, 2023, "vi").endswith("hộ mới thoát nghèo nhận 52,75% tổng vốn vay.")


def test_group_frame_sums_a_complete_breakdown_without_a_printed_total() -> None:
    frame = poverty_programmes.group_frame(SMALL, "health_insurance", 2023, "en")
    total = frame.set_index("code").loc["total"]
    assert total["count"] == 24767 + 17396 and bool(total["total_computed"]) and pd.isna(total["amount"])
    assert poverty_programmes.group_frame(SMALL, "medical_costs", 2023, "vi") is None


def test_electricity_housing_table() -> None:
    table = poverty_programmes.electricity_housing_table(SMALL, 2023, "vi")
    values = dict(zip(table.raw["label"], table.raw["value"], strict=False))
    assert values["Kinh phí bình quân mỗi nhà"] == pytest.approx(72314 / 1578)
    assert table.frame.iloc[0, 1] == "hơn 10.000"
    assert poverty_programmes.electricity_housing_table(SMALL, 2022, "vi") is None


def test_findings_on_real_2023_data(figures_2023: pd.DataFrame) -> None:
    sentences = poverty_findings.findings(figures_2023, 2023, "vi")
    assert 3 <= len(sentences) <= 6
    assert sentences[0] == "Tỷ lệ hộ nghèo giảm từ 3,56% (2022) xuống 2,27% (2023), giảm 1,29 điểm phần trăm."
    assert any("A Lưới" in s and "24,4%" in s for s in sentences)


NOTEBOOK = PROJECT_ROOT / "notebooks" / "01_poverty.ipynb"


def notebook_cells() -> list[dict]:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


DISTRICTS_BY_YEAR = {2021: ["A Lưới"]}  # of the data, as the report's edition knew them
# As issued (helpers.data.editions): the 2023 household counts, A Lưới's 2023 rates, the 2021-2022 rates behind the
# pace chart came later (Dân Việt 2024, Người Lao Động 2025) or are undated, so the 2023 part is short.


def run_poverty_notebook(year: int, lang: str, as_of: str = "") -> dict:
    """The notebook's own cells, run here."""
    space = {"year": year, "lang": lang, "output_dir": "", "as_of": as_of}
    for cell in notebook_cells():
        if cell["cell_type"] == "code" and "parameters" not in cell["metadata"].get("tags", []):
            exec("".join(cell["source"]), space)
    return space


@pytest.mark.parametrize("year", [2016, 2019, 2020, 2021, 2022, 2023])
def test_every_section_runs_for_every_year(year: int) -> None:
    """The notebook's own cells, run here for each year (in English for odd years), as issued."""
    space = run_poverty_notebook(year, "en" if year % 2 else "vi")
    kinds = [s.kind for s in space["rep"].shown]
    assert kinds[:2] == ["heading", "findings"]
    # One part per district with a result of its own for the year (data/figures), none for a year without one.
    districts = poverty.an.districts(space["rep"].figures, year)
    assert districts == DISTRICTS_BY_YEAR.get(year, [])
    # The year's other poverty figures (none declared by a block) get a part of their own only when there are some.
    other = poverty.other_table(space["rep"].figures, year, space["lang"])
    assert other is None
    # A thin year is short: a section with nothing to show is left out, heading and all, and says no "no data".
    assert kinds.count("heading") <= 9 + len(districts)
    assert not any("appendix-nodata" in s.html for s in space["rep"].shown)
    if year == 2023:
        assert kinds.count("figure") == 2 and kinds.count("table") == 8


def test_the_revised_2023_edition_shows_every_section() -> None:
    """The notebook's own cells for the 2023 edition revised with what was published since (helpers.data.editions):
    the households, the district, the pace of poverty reduction and the other figures come back."""
    space = run_poverty_notebook(2023, "vi", "2026-06-30")
    kinds = [s.kind for s in space["rep"].shown]
    districts = poverty.an.districts(space["rep"].figures, 2023)
    assert districts == ["A Lưới"]
    assert poverty.other_table(space["rep"].figures, 2023, "vi") is not None
    assert kinds.count("heading") == 9 + len(districts) + 1
    assert not any("appendix-nodata" in s.html for s in space["rep"].shown)
    assert kinds.count("figure") == 5 and kinds.count("table") == 10


def test_the_notebook_shows_its_work_in_short_cells_without_prose_in_one_language() -> None:
    cells = notebook_cells()
    code = [("".join(c["source"]), c["metadata"].get("tags", [])) for c in cells if c["cell_type"] == "code"]
    for source, _tags in code:
        assert len(source.splitlines()) <= 6, source
        assert not [n for n in ast.walk(ast.parse(source)) if isinstance(n, (ast.For, ast.While, ast.If, ast.IfExp))]
    parameters = next(s for s, tags in code if "parameters" in tags)
    for name, kind in (("year", "int"), ("lang", "str"), ("output_dir", "str")):
        assert f"{name}: {kind} = " in parameters and "#" in parameters.split(f"{name}:")[1].splitlines()[0]
    shown_last = [s.splitlines()[-1] for s, _ in code]
    assert sum(line == "fig" for line in shown_last) >= 4  # the chart cells return their Figure
    assert sum(line in {"trend", "households", "districts", "targets", "credit"} for line in shown_last) >= 5
    # Markdown carries no prose in one language: one neutral first cell naming the notebook and the files behind
    # it; every heading is an output of rep.section, shown once, in the run's language.
    markdown = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    vietnamese = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    assert len(markdown) == 1 and markdown[0].startswith("# 01_poverty\n"), markdown
    assert not any(ch in markdown[0].lower() for ch in vietnamese)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_2023_margin_on_the_poverty_target_is_one_row_as_stated_with_its_recomputation(lang: str) -> None:
    figures = load_year(2023)
    table = poverty.statements_table(figures, 2023, lang)
    margin = poverty.margin_recomputed(figures, 2023, lang)
    values = table.frame.iloc[:, 1].tolist()
    assert values.count(margin.text) == 1  # the margin is said once
    row = table.frame.iloc[values.index(margin.text)]
    assert row.iloc[0] == poverty.indicator_name("poverty_rate_margin_vs_target", lang)
    assert margin.note in row.iloc[-1] and row.iloc[-1].endswith(f"= {margin.text}")
    assert len(set(table.frame.iloc[:, 0])) == len(table.frame)


def test_the_households_caption_names_every_year_its_table_shows() -> None:
    frame = poverty.households_frame(SMALL, 2023, BREAKS)
    table = poverty.households_table(frame, "en")
    years = [c for c in table.frame.columns if c.isdigit()]
    assert table.values == {"years": f"{years[0]}–{years[-1]}"} and len(years) == 2
    assert poverty.T("households.caption", "vi", **table.values) == "Hộ nghèo và hộ cận nghèo, 2022–2023"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_luoi_is_compared_within_one_poverty_standard_and_its_chart_marks_the_change(lang: str) -> None:
    figures = load_year(2023)
    frame = poverty_districts.district_frame(figures, 2023, "A Lưới")
    assert 2015 in frame.attrs["periods"]  # a year under the 2016–2020 standard is in the table
    sentence = poverty_findings.district_sentence(frame, 2023, lang)
    assert ("49,98% năm 2021" if lang == "vi" else "49.98% in 2021") in sentence
    assert "35" not in sentence and "2015" not in sentence
    fig = poverty_districts.district_chart(frame, lang)
    ax = fig.axes[0]
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    ticks = {t.get_text(): y for t, y in zip(ax.yaxis.get_ticklabels(), ax.yaxis.get_ticklocs(), strict=True)}
    assert [line.get_ydata()[0] for line in dashed] == [(ticks["2015"] + ticks["2021"]) / 2]
    assert poverty.T("new_standard", lang) in [t.get_text() for t in ax.texts]
    assert fig.caption_values["note"] == poverty.T("district_vs_area.break", lang, first=2021)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_household_count_the_2023_chart_draws_is_in_its_table(lang: str) -> None:
    figures = load_year(2023)
    frame = poverty.households_frame(figures, 2023, first=poverty.an.first_count_period(figures, 2023))
    table = poverty.households_table(frame, lang)
    fig = poverty.households_chart(figures, 2023, lang)
    raw = table.raw.set_index("indicator_id")
    drawn = [(int(x), y) for line in fig.axes[0].get_lines() for x, y in zip(*line.get_data(), strict=True)]
    assert len(drawn) >= 3
    in_table = {(p, raw.at[i, f"value_{p}"]) for p in frame.attrs["periods"] for i in raw.index}
    assert all(point in in_table for point in drawn)
    assert table.values == {"years": f"{frame.attrs['periods'][0]}–2023"}
    assert poverty.T("households.change", lang, prev=2022) in table.frame.columns
    assert raw.at["poor_households", "change"] == -4195  # still 2023 against 2022


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_programme_column_names_its_unit_once(lang: str) -> None:
    """Review item 24: "(household-times) (household loans)" — a name that already ends in what it counts gets no
    second parenthesis; every other column names its unit."""
    for key, ids in poverty_programmes.programmes().items():
        for indicator_id in ids:
            heading = poverty_programmes.column_heading(indicator_id, lang)
            assert ") (" not in heading, (key, heading)
            assert heading.endswith(")"), (key, heading)
    table = poverty_programmes.group_table(poverty_programmes.group_frame(SMALL, "credit", 2023, lang), "credit", lang)
    assert not [c for c in table.frame.columns if ") (" in c]


def test_an_average_is_per_one_unit_in_english() -> None:
    """The unit of an average says "per person", "per household loan": the singular is data (name_en_one), not an
    "s" stripped off ("people" would become "peopl")."""
    assert poverty_programmes.per_unit("health_insurance_amount", "health_insurance_persons", "en") == (
        "million VND per person"
    )
    assert poverty_programmes.per_unit("credit_amount", "credit_households", "en") == "million VND per household loan"
    assert poverty_programmes.per_unit("credit_amount", "credit_households", "vi") == "triệu đồng/lượt hộ"


TWO_DISTRICTS = figures_frame(  # invented figures of an invented area, for the rule alone
    [
        ("poverty_rate", 2023, "actual", "", 3.0, "3%"),
        ("poverty_rate", 2023, "actual", "district=Sơn Thủy", 12.5, "12,5%"),
        ("poor_households", 2023, "actual", "district=Đông Giang", 900, "900"),
        ("poverty_rate", 2023, "actual", "district=Đông Giang", 9.0, "9%"),
        ("poverty_rate", 2021, "actual", "district=Bắc Xuyên", 20.0, "20%"),  # no result for 2023: no part
        ("poverty_rate", 2023, "target", "district=Bắc Xuyên", 15.0, "15%"),
        ("poverty_rate", 2023, "actual", "household_group=poor", 1.0, "1%"),  # another dimension: no part
    ]
)


def test_every_district_with_a_result_of_the_year_gets_its_comparison_and_no_other() -> None:
    assert poverty.an.districts(TWO_DISTRICTS, 2023) == ["Sơn Thủy", "Đông Giang"]  # unlabelled: by code point
    assert poverty.an.districts(TWO_DISTRICTS, 2021) == ["Bắc Xuyên"]
    assert poverty.an.districts(TWO_DISTRICTS, 2022) == []
    frames = poverty_districts.district_frames(TWO_DISTRICTS, 2023)
    assert list(frames) == ["Sơn Thủy", "Đông Giang"]
    sentences = [poverty_findings.district_sentence(f, 2023, "vi", BREAKS) for f in frames.values()]
    assert sentences == [
        "Sơn Thủy: tỷ lệ hộ nghèo 12,5% (2023), gấp 4,2 lần mức chung toàn tỉnh (3%).",
        "Đông Giang: tỷ lệ hộ nghèo 9% (2023), gấp 3,0 lần mức chung toàn tỉnh (3%).",
    ]
    assert [poverty_districts.district_id(d) for d in frames] == ["son_thuy", "dong_giang"]
    assert poverty_districts.district_id("A Lưới") == "a_luoi"  # the 2023 appendix keeps its file names
    assert poverty_districts.district_id("Thành phố Huế (trước 2021)") == "thanh_pho_hue_truoc_2021"


def test_the_districts_are_listed_in_the_order_the_labels_declare() -> None:
    rows = figures_frame(
        [
            ("poverty_rate", 2023, "actual", "district=Phú Vang", 5.0, "5%"),
            ("poverty_rate", 2023, "actual", "district=Hương Thủy", 4.0, "4%"),
            ("poverty_rate", 2023, "actual", "district=Xã Mới", 4.0, "4%"),  # not in breakdown_labels.csv: last
        ]
    )
    assert poverty.an.districts(rows, 2023) == ["Hương Thủy", "Phú Vang", "Xã Mới"]


def test_a_new_poverty_indicator_shows_in_the_part_without_a_code_change(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its catalogue row and its figure arrive (an invented indicator and figure, for the test): the part's
    other figures show it, beside the year's poverty figures no block declares, and nothing a block shows."""
    rows = read_rows(data_copy / "indicators.csv")
    head = rows[0]
    new = dict.fromkeys(head, "") | {
        "indicator_id": "poverty_test_new_indicator",
        "domain": "poverty",
        "name_vi": "Chỉ tiêu mới (thử)",
        "name_en": "New indicator (test)",
        "unit": "households",
        "polarity": "neutral",
        "scope": "province",
    }
    write_rows(data_copy / "indicators.csv", rows + [[new[c] for c in head]])
    figures = read_rows(data_copy / "figures" / "2023.csv")
    cells = dict.fromkeys(figures[0], "") | {
        "indicator_id": "poverty_test_new_indicator",
        "period": "2023",
        "kind": "actual",
        "value": "123",
        "printed": "123",
        "source_id": "sldtbxh_2023_report",
        "locator": "test",
    }
    write_rows(data_copy / "figures" / "2023.csv", figures + [[cells[c] for c in figures[0]]])
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    table = poverty.other_table(load_year(2023), 2023, "vi")
    shown = list(table.frame.iloc[:, 0])
    assert shown[-1] == "Chỉ tiêu mới (thử)" and list(table.frame.iloc[-1, 1:2]) == ["123"]
    assert "Số hộ nghèo không có khả năng lao động" in shown
    shown_elsewhere = {"Tỷ lệ hộ nghèo", "Số hộ nghèo", "Mức thay đổi tỷ lệ hộ nghèo so với năm trước"}
    # the printed changes of a households line are in the households table's change column (issue 14, item 4)
    shown_elsewhere |= {"Thay đổi số hộ nghèo so với năm trước", "Mức thay đổi tỷ lệ hộ cận nghèo so với năm trước"}
    assert not shown_elsewhere & set(shown)  # what a block declares (or a rule states) is not said twice


def test_the_households_table_as_issued_shows_the_reports_own_rate_and_stated_change() -> None:
    """The 2022 rate and the 2023 household counts were published after the report: the edition as issued shows the
    report's 2,27% with the change it states ("giảm 1,29%", data/derivations.csv's poverty_rate_change), which the
    revised edition computes from the 2022 rate (3,56%) to the same value."""
    for as_of, years in (("", ["2023"]), ("2026-06-30", ["2021", "2022", "2023"])):
        table = poverty.households_table(poverty.households(Report("01_poverty", 2023, "vi", as_of=as_of)), "vi")
        rate = table.raw.set_index("indicator_id").loc["poverty_rate"]
        assert rate["value_2023"] == 2.27 and round(rate["change"], 2) == -1.29
        assert [c for c in table.frame.columns if c[:1].isdigit()] == years
        assert "Thay đổi so với 2022" in table.frame.columns


def test_each_change_of_a_household_line_is_shown_once_in_the_households_table() -> None:
    # The revised edition: Báo Dân Việt's 2023 counts ("giảm 4.195 hộ", 06/01/2024) came after the report.
    figures = load_year(2023, edition=Edition("2026-06-30"))
    frame = poverty.households_frame(figures, 2023, first=poverty.an.first_count_period(figures, 2023))
    table = poverty.households_table(frame, "vi")
    change = table.frame.set_index("Chỉ tiêu")["Thay đổi so với 2022"]
    assert change["Số hộ nghèo"] == "-4.195 hộ"  # computed, the same figure as the printed "giảm 4.195 hộ"
    assert change["Tỷ lệ hộ cận nghèo"] == "-0,59 điểm phần trăm"  # printed: no near-poor rate for 2022 to compute from
    assert change["Số hộ cận nghèo"] == "–"  # nothing printed as a difference of it, nothing computed
    other = list(poverty.other_table(figures, 2023, "vi").frame.iloc[:, 0])
    assert not {"Thay đổi số hộ nghèo so với năm trước", "Mức thay đổi tỷ lệ hộ cận nghèo so với năm trước"} & set(
        other
    )
    assert "danviet_2024_giam_ngheo" in table.source_ids


def test_a_district_table_across_a_change_of_standard_says_so(figures_2023: pd.DataFrame) -> None:
    # Issue 16: Table 6's 2015 column is under the 2016–2020 standard; the note says so in the declared words.
    frame = next(iter(poverty_districts.district_frames(figures_2023, 2023).values()))
    [note] = poverty_districts.district_break_notes(frame, "vi")
    assert note.startswith("Các cột trước năm 2021 đo theo chuẩn nghèo trước đó")
    assert "Quyết định 59/2015/QĐ-TTg" in note and "trong cùng một năm" in note
    assert "earlier poverty standard" in poverty_districts.district_break_notes(frame, "en")[0]
