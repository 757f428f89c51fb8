"""The first page: every indicator of data/headline.csv, in both languages, with words that follow polarity."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.data.loading import load_headline
from helpers.present.report import Report
from helpers.sections import headline

REVISED = "2026-06-30"  # the page as the data know it today (helpers.data.editions)


@pytest.fixture(scope="module", params=["vi", "en"])
def page(request: pytest.FixtureRequest) -> tuple[str, pd.DataFrame, Report]:
    # The revised edition: the 2023 poor households (Báo Dân Việt, 2024) and the 2022 results (Báo Người Lao Động,
    # 2025) were published after the report, so the edition as issued has neither (test below).
    rep = Report("00_overview", 2023, request.param, as_of=REVISED)
    return request.param, headline.frame(rep), rep


def cells(page: tuple[str, pd.DataFrame, Report]) -> pd.DataFrame:
    lang, data, _ = page
    return headline.table(data, 2023, lang).frame


def test_the_page_lists_every_indicator_of_headline_csv_in_order(page: tuple[str, pd.DataFrame, Report]) -> None:
    lang, data, rep = page
    catalogue = rep.figures.drop_duplicates("indicator_id").set_index("indicator_id")[f"name_{lang}"]
    expected = [f"{r.order}. {catalogue[r.indicator_id]}" for r in load_headline().itertuples()]
    assert list(cells(page).iloc[:, 0]) == expected


def test_the_heading_is_marked_for_the_front(page: tuple[str, pd.DataFrame, Report]) -> None:
    _, _, rep = page
    heading = next(s for s in rep.shown if s.kind == "heading")
    assert 'data-part="front"' in heading.html and "<h1" in heading.html


WORDS = {
    "vi": {
        "unemployment": ("Đạt (dưới 2,1%)", "chỉ tiêu (KH năm 2023)"),
        "jobs": ("Đạt (hơn 17.000)", "vượt 34 người", "kế hoạch (KH năm 2023)", "thêm 1 mục tiêu khác"),
        "poverty": ("Đạt (2,79%)", "vượt 0,52 điểm phần trăm", "chỉ tiêu (KH 63/KH-UBND)"),
        "none": "Năm 2023 không giao chỉ tiêu",
        "values": ("2,27%", "7.540 hộ", "17.034 người", "2.325 người", "70,25%", "1,8%", "178 người", "976 cơ sở"),
        "change": ("-1,29 điểm phần trăm so với năm 2022 (3,56%)", "-4.195 hộ so với năm 2022 (11.735 hộ)"),
    },
    "en": {
        "unemployment": ("Met (below 2.1%)", "target set by Annual Plan 2023"),
        "jobs": ("Met (over 17,000)", "plan set by Annual Plan 2023", "1 more goal"),
        "poverty": ("Met (2.79%)", "0.52 percentage points better than the goal", "target set by Plan 63/KH-UBND"),
        "none": "No goal set for 2023",
        "values": (
            "2.27%",
            "7,540 households",
            "17,034 people",
            "2,325 people",
            "70.25%",
            "1.8%",
            "178 people",
            "976 venues",
        ),
        "change": ("-1.29 percentage points on 2022 (3.56%)", "-4,195 households on 2022 (11,735 households)"),
    },
}


def test_values_carry_their_unit_in_words(page: tuple[str, pd.DataFrame, Report]) -> None:
    lang = page[0]
    assert tuple(cells(page).iloc[:, 1]) == WORDS[lang]["values"]


def test_changes_are_signed_with_the_year_compared(page: tuple[str, pd.DataFrame, Report]) -> None:
    lang = page[0]
    assert tuple(cells(page).iloc[:2, 2]) == WORDS[lang]["change"]


def test_goal_words_follow_polarity_and_name_plan_or_target(page: tuple[str, pd.DataFrame, Report]) -> None:
    lang, data, _ = page
    status = dict(zip(data["indicator_id"], cells(page).iloc[:, 3], strict=True))
    words = WORDS[lang]
    for indicator_id, key in (
        ("urban_unemployment_rate", "unemployment"),
        ("jobs_created", "jobs"),
        ("poverty_rate", "poverty"),
    ):
        assert status[indicator_id].startswith(words[key][0])
        assert all(w in status[indicator_id] for w in words[key][1:])
    for indicator_id in ("drug_rehab_community", "social_evil_venues", "poor_households"):
        assert status[indicator_id] == words["none"]


def test_a_value_keeps_the_decimals_it_was_printed_with() -> None:
    assert headline.value_text(1.4, "percent", "poverty_rate", "vi", "1,40%") == "1,40%"
    assert headline.value_text(1.4, "percent", "poverty_rate", "en", "1,40%") == "1.40%"
    assert headline.value_text(1.8, "percent", "urban_unemployment_rate", "vi", "dưới 2,1%") == "1,8%"
    assert headline.value_text(7540, "households", "poor_households", "vi", "7.540") == "7.540 hộ"


def test_the_figure_has_one_panel_per_indicator_with_gaps(page: tuple[str, pd.DataFrame, Report]) -> None:
    _, data, rep = page
    fig = headline.trends(rep, data)
    assert isinstance(fig, Figure)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == len(load_headline())
    trained = panels[list(data["indicator_id"]).index("trained_labour_rate")]
    line = trained.lines[-1]
    points = dict(zip(line.get_xdata(), line.get_ydata(), strict=True))
    assert math.isnan(points[2022]) and points[2021] == 66.8 and points[2023] == 70.25


def test_the_raw_table_holds_the_trend_years_for_the_workbook(page: tuple[str, pd.DataFrame, Report]) -> None:
    lang, data, _ = page
    raw = headline.table(data, 2023, lang).raw
    assert [c for c in raw.columns if c.startswith("value_")] == [f"value_{y}" for y in range(2016, 2024)]
    assert raw.set_index("indicator_id").at["poverty_rate", "value_2021"] == 4.93
    assert math.isnan(raw.set_index("indicator_id").at["poverty_rate", "value_2019"])  # the old standard: left out


@pytest.mark.parametrize("year", [2015, 2021])
def test_an_early_year_lists_every_indicator_even_without_figures(year: int) -> None:
    rep = Report("00_overview", year, "en")
    data = headline.frame(rep)
    shown = headline.table(data, year, "en").frame
    assert len(shown) == len(load_headline())
    assert (shown.iloc[:, 1] == "–").any()  # an indicator without a result that year shows "–", not an error


# Issue 14: estimates marked and judged as everywhere, part-year counts with their cut-off, bounds kept ----------


def test_a_change_from_a_bound_stays_a_bound() -> None:
    row = pd.Series(
        {
            "indicator_id": "poverty_rate",
            "unit": "percent",
            "change": -0.2,
            "change_unit": "percentage_points",
            "change_bound": "ceiling",
            "previous": 1.4,
            "previous_printed": "1,4%",
            "previous_year": 2024,
        }
    )
    assert headline.change_text(row, "vi") == "giảm hơn 0,2 điểm phần trăm so với năm 2024 (1,4%)"
    assert headline.change_text(row, "en") == "down by more than 0.2 percentage points on 2024 (1.4%)"
    up = pd.Series({**row, "change": 0.2})  # "dưới 1,6%" after 1,4%: a rise of less than 0,2, or a fall
    assert headline.change_text(up, "vi").startswith("dưới +0,2 điểm phần trăm")
    assert headline.change_text(pd.Series({**row, "change_bound": None}), "vi").startswith("-0,2 điểm phần trăm")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_thin_year_shows_its_estimates_and_part_year_counts(data_copy, monkeypatch, lang: str) -> None:
    from tests.data.judged_2025 import add_judged_2025

    add_judged_2025(data_copy)  # invented figures, labelled as test data there
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    from helpers.data.loading import load_year

    data = headline.rows(load_year(2025, data_copy), 2025, lang)
    shown = headline.table(data, 2025, lang).frame.set_index(data["indicator_id"])
    value, status = shown.columns[1], shown.columns[3]
    expected = {
        "vi": {
            "jobs_created": ("tính đến 31/7/2025: 11.556 người", "Không đánh giá được (17.000)"),
            "trained_labour_rate": ("ước 74,5%", "Ước đạt (74%)"),
            "urban_unemployment_rate": ("ước 1,9%", "Ước đạt (dưới 2,1%)"),
            "poverty_rate": ("1,25%", "Chưa đạt (dưới 1,2%)"),
        },
        "en": {
            "jobs_created": ("as of 31/7/2025: 11,556 people", "Not judgeable (17,000)"),
            "trained_labour_rate": ("74.5% (estimate)", "Estimated to meet (74%)"),
            "urban_unemployment_rate": ("1.9% (estimate)", "Estimated to meet (below 2.1%)"),
            "poverty_rate": ("1.25%", "Not met (below 1.2%)"),
        },
    }[lang]
    for indicator_id, (result, verdict) in expected.items():
        assert shown.at[indicator_id, value] == result
        assert shown.at[indicator_id, status].startswith(verdict)


def test_the_trend_title_counts_results_not_estimates(data_copy, monkeypatch) -> None:
    from helpers.data.loading import load_year
    from tests.data.judged_2025 import add_judged_2025

    add_judged_2025(data_copy)  # invented figures: poverty judged on a result, two goals only on estimates
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    data = headline.rows(load_year(2025, data_copy), 2025, "vi")
    from tests.present.test_charts import title_of

    title = " ".join(title_of(headline.trend_chart(data, 2025, "vi", "Nguồn: thử")).get_text().split())
    assert title == "Năm 2025, 0 trong 1 chỉ tiêu chính có mục tiêu cùng thước đo đã đạt mục tiêu"


AS_ISSUED = {
    "vi": (["2,27%", "–", "17.034 người"], "Chưa có số liệu năm trước"),
    "en": (["2.27%", "–", "17,034 people"], "No figure for an earlier year"),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_page_as_issued_shows_only_what_was_published_by_the_report(lang: str) -> None:
    """The 2023 poor households and the 2022 poverty rate were published after the report (2024, 2025): the edition
    as issued shows no value and no change for them, where the revised edition shows 7.540 and 3,56%."""
    frame = headline.table(headline.frame(Report("00_overview", 2023, lang)), 2023, lang).frame
    values, no_change = AS_ISSUED[lang]
    assert frame.iloc[:3, 1].tolist() == values
    assert frame.iloc[:2, 2].tolist() == [no_change, no_change]
