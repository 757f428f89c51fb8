"""Notebook 01's section module (sections.poverty) on small hand-made frames and on the real data."""

from __future__ import annotations

import ast
import json

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.data.loading import load_year
from helpers.paths import PROJECT_ROOT
from helpers.present.report import Report
from helpers.sections import poverty, poverty_findings, poverty_programmes
from tests.conftest import figures_frame

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
    frame = poverty.district_frame(SMALL, 2023)
    assert frame.attrs["periods"] == [2021, 2023]
    rate = frame[(frame["indicator_id"] == "poverty_rate") & (frame["scope"] == "district")].iloc[0]
    assert rate["value_2023"] == 24.4
    sentences = poverty_findings.disagreement_sentences(SMALL, 2023, "vi")
    assert len(sentences) == 1 and "24,4% (Báo Dân Việt)" in sentences[0] and "24,3%" in sentences[0]
    assert poverty_findings.district_sentence(frame, 2023, "vi") == (
        "Huyện A Lưới: tỷ lệ hộ nghèo 24,4% (2023), gấp 10,7 lần mức chung toàn tỉnh (2,27%); giảm từ 49,98% năm 2021."
    )
    fig = poverty.district_chart(frame, "vi")
    assert isinstance(fig, Figure)
    assert fig.caption_values == {"rate": "Tỷ lệ hộ nghèo", "place": "Huyện A Lưới", "note": ""}  # no break inside
    assert sorted(v for c in fig.axes[0].containers for v in c.datavalues) == [2.27, 4.93, 24.4, 49.98]
    assert poverty.district_frame(SMALL, 2020) is None


def test_district_table_shows_the_multiple_its_finding_states() -> None:
    frame = poverty.district_frame(SMALL, 2023)
    assert poverty.times_province(frame, 2023) == pytest.approx(24.4 / 2.27)
    table = poverty.district_table(frame, "vi")
    last = table.frame.iloc[-1].tolist()
    assert last == ["Tỷ lệ hộ nghèo huyện A Lưới so với mức chung toàn tỉnh (phụ lục tính)", "lần", "10,1", "10,7"]
    assert table.raw.iloc[-1]["scope"] == "times_province"
    assert "gấp 10,7 lần" in poverty_findings.district_sentence(frame, 2023, "vi")  # the same rendering
    no_province = frame[frame["scope"] != "province"]
    assert poverty.times_province(no_province, 2023) is None
    assert poverty.district_table(no_province, "vi").frame.shape[0] == len(no_province)  # no row without both


def test_targets_and_reduction_goal() -> None:
    sentences = poverty.target_sentences(poverty.target_progress(SMALL, 2023, BREAKS), "vi")
    assert sentences == [
        "Để đạt chỉ tiêu năm 2024 (dưới 1,76%), tỷ lệ hộ nghèo cần giảm hơn 0,51 điểm phần trăm mỗi năm, "
        "thấp hơn mức giảm bình quân 1,33 điểm phần trăm mỗi năm đã đạt giai đoạn 2021–2023."
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


@pytest.mark.parametrize("year", [2016, 2019, 2020, 2021, 2022, 2023])
def test_every_section_runs_for_every_year(year: int) -> None:
    """The notebook's own cells, run here for each year (in English for odd years)."""
    space = {"year": year, "lang": "en" if year % 2 else "vi", "output_dir": "", "as_of": ""}
    for cell in notebook_cells():
        if cell["cell_type"] == "code" and "parameters" not in cell["metadata"].get("tags", []):
            exec("".join(cell["source"]), space)
    kinds = [s.kind for s in space["rep"].shown]
    assert kinds[:2] == ["heading", "findings"]
    assert kinds.count("heading") == 10
    if year < 2023:
        assert any("appendix-nodata" in s.html for s in space["rep"].shown)
    else:  # as issued: the households' counts, A Lưới's 2023 rates and the pace chart came later (Dân Việt, 2024)
        assert kinds.count("figure") == 3 and kinds.count("table") == 9
        assert sum("appendix-nodata" in s.html for s in space["rep"].shown) == 1


def test_the_revised_2023_edition_shows_every_section() -> None:
    """The notebook's own cells for the 2023 edition revised with what was published since (helpers.data.editions):
    the households and the pace of poverty reduction come back."""
    space = {"year": 2023, "lang": "vi", "output_dir": "", "as_of": "2026-06-30"}
    for cell in notebook_cells():
        if cell["cell_type"] == "code" and "parameters" not in cell["metadata"].get("tags", []):
            exec("".join(cell["source"]), space)
    kinds = [s.kind for s in space["rep"].shown]
    assert kinds.count("heading") == 10 and not any("appendix-nodata" in s.html for s in space["rep"].shown)
    assert kinds.count("figure") == 5 and kinds.count("table") == 9


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
    assert sum(line in {"trend", "households", "a_luoi", "targets", "credit"} for line in shown_last) >= 5
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
    frame = poverty.district_frame(figures, 2023)
    assert 2015 in frame.attrs["periods"]  # a year under the 2016–2020 standard is in the table
    sentence = poverty_findings.district_sentence(frame, 2023, lang)
    assert ("49,98% năm 2021" if lang == "vi" else "49.98% in 2021") in sentence
    assert "35" not in sentence and "2015" not in sentence
    fig = poverty.district_chart(frame, lang)
    ax = fig.axes[0]
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    ticks = {t.get_text(): y for t, y in zip(ax.yaxis.get_ticklabels(), ax.yaxis.get_ticklocs(), strict=True)}
    assert [line.get_ydata()[0] for line in dashed] == [(ticks["2015"] + ticks["2021"]) / 2]
    assert poverty.T("new_standard", lang) in [t.get_text() for t in ax.texts]
    assert fig.caption_values["note"] == poverty.T("a_luoi_vs_province.break", lang, first=2021)


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
    for key, ids in poverty_programmes.PROGRAMMES.items():
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
