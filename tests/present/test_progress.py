"""Progress towards goals (sections.progress): goal series, pace needed against pace achieved, breaks."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.series import same_definition
from helpers.present import progress as pg
from tests.conftest import figures_frame

RATES = figures_frame(
    [
        ("poverty_rate", 2016, "actual", "", 8.36, "8,36%"),
        ("poverty_rate", 2019, "actual", "", 4.17, "4,17%"),
        ("poverty_rate", 2020, "estimate", "", 3.67, "3,67%"),
        ("poverty_rate", 2021, "actual", "", 4.93, "4,93%"),
        ("poverty_rate", 2023, "actual", "", 2.27, "2,27%"),
        ("poverty_rate", 2024, "target", "", 1.76, "dưới 1,76%"),
        ("poverty_rate", 2025, "target", "", 2.2, "2 - 2,2%"),
    ]
)


def test_breaks_and_definitions() -> None:
    assert pg.breaks_of("poverty_rate") == [2021]
    assert pg.breaks_of("jobs_created") == []
    assert same_definition(2021, 2023, [2021]) and not same_definition(2020, 2021, [2021])
    assert pg.breaks_within([2016, 2019, 2023], [2021]) == [2021]
    assert pg.breaks_within([2021, 2023], [2021]) == [] and pg.breaks_within([], [2021]) == []


def test_goal_texts() -> None:
    assert pg.range_text("2 - 2,2%", "percent", "vi") == "2–2,2%"
    assert pg.range_text("dưới 1,76%", "percent", "vi") is None
    assert pg.goal_level_text(2.2, "percent", "2 - 2,2%", "en") == "2–2.2%"  # a band: both ends are used
    assert pg.goal_level_text(2.2, "percent", "2 - 2,2%", "vi") == "2–2,2%"
    assert pg.goal_level_text(1.76, "percent", "dưới 1,76%", "vi") == "dưới 1,76%"
    assert pg.change_text(-0.51, "percent", "vi") == "-0,51 điểm phần trăm"
    assert pg.change_text(-4195, "households", "en") == "-4,195 households"


def test_goal_series_orders_by_period_then_kind() -> None:
    data = pg.goal_series(RATES, "poverty_rate", 2024)
    assert list(data["period"]) == [2016, 2019, 2020, 2021, 2023, 2024]
    assert pg.goal_series(RATES, "poverty_rate", 2015) is None
    assert "dưới 1,76%" in pg.qualified_note(data, "percent", "vi")


def test_progress_flags_a_goal_that_needs_a_faster_pace() -> None:
    rows = figures_frame(
        [
            ("trained_labour_rate", 2021, "actual", "", 66.8, "66,8"),
            ("trained_labour_rate", 2023, "actual", "", 70.25, "70,25%"),
            ("trained_labour_rate", 2024, "target", "", 72.5, "72,5%"),
        ]
    )
    frame = pg.progress(rows, "trained_labour_rate", 2023)
    assert frame.iloc[0]["required"] == pytest.approx(2.25)
    assert frame.iloc[0]["achieved"] == pytest.approx(1.725)
    assert frame["on_track"].tolist() == [False] and pg.assessment_key(frame.iloc[0]) == "off_track"
    chart = pg.pace_chart_data(frame, "vi")
    assert list(chart["value"]) == pytest.approx([2.25, 1.725])
    sentence = pg.pace_sentences(frame, "trained_labour_rate", "vi")[0]
    # A plain goal: exactly the gap, needed within 2024 since the goal is one year after the result (issue 16).
    assert "cần tăng 2,25 điểm phần trăm trong năm 2024, cao hơn" in sentence


def test_progress_table_on_real_2023_data(figures_2023: pd.DataFrame) -> None:
    frame = pg.progress(figures_2023, "poverty_rate", 2023, pg.breaks_of("poverty_rate"))
    table = pg.progress_table(frame, "vi")
    assert list(table.frame.iloc[0])[:4] == [
        "Chỉ tiêu 2024 (KH năm 2024)",
        "dưới 1,76%",
        "2,27% (2023)",
        "-0,51 điểm phần trăm",
    ]
    # One goal for 2025 set by two instruments (the five-year plan "2 - 2,2%", Kế hoạch 121 "2,0 - 2,2%"): one row
    # naming both (issue 9, review item 8), as the sentences say it once.
    ahead = table.frame[table.frame["Mục tiêu"].str.startswith("Chỉ tiêu 2025")]
    assert list(ahead["Mục tiêu"]) == ["Chỉ tiêu 2025 (13 chỉ tiêu KT-XH 2021-2025; KH 121/KH-UBND)"]
    assert list(ahead["Mức mục tiêu"]) == ["2–2,2%"]
    assert len(table.frame) == len(table.raw) == len(frame) - 1
    # Every source a row rests on, the first result of the pace achieved included (issue 16).
    bases = set(frame["achieved_base_source_id"].dropna())
    assert bases and {"sldtbxh_2023_report"} | set(frame["goal_source_id"]) | bases == set(table.source_ids)
    # One sign convention (issue 9): the margin is + when better than the goal, − when short, to both ends.
    assert set(ahead["Chênh lệch so với mục tiêu (+: tốt hơn, −: còn thiếu)"]) == {
        "-0,07 điểm phần trăm (so với mức 2,2%), -0,27 điểm phần trăm (so với mức 2%)"
    }
    # The change needed per year, signed as later minus earlier, to both ends of the band.
    assert set(ahead["Thay đổi cần đạt bình quân một năm đến năm mục tiêu (+: tăng, −: giảm)"]) == {
        "-0,04 điểm phần trăm (so với mức 2,2%), -0,14 điểm phần trăm (so với mức 2%)"
    }
    assert "sldtbxh_2023_report" in table.source_ids


def test_pace_words_in_both_languages() -> None:
    frame = pg.progress(RATES, "poverty_rate", 2023, [2021])
    assert list(pg.pace_chart_data(frame, "en")["category"]) == [
        "Needed for the 2024 target ()",
        "Needed for the 2025 target ()",
        "Achieved on average 2021–2023",
    ]
    assert pg.pace_chart_data(frame, "vi")["category"].iloc[-1] == "Đã đạt bình quân 2021–2023"
    sentence = pg.pace_sentences(frame, "poverty_rate", "en")[0]
    # Issue 9 (review item 17): "dưới 1,76%" is met only strictly below it, so the fall needed is more than the gap.
    assert (
        "needs the poverty rate to fall by more than 0.51 percentage points in 2024, slower than the 1.33" in sentence
    )
    assert "cần giảm hơn 0,51 điểm phần trăm trong năm 2024" in pg.pace_sentences(frame, "poverty_rate", "vi")[0]
    # A goal two years away keeps the yearly pace (the 2025 band below).
    assert "percentage points a year" in pg.pace_sentences(frame, "poverty_rate", "en")[1]
    table = pg.progress_table(frame, "en")
    assert list(table.frame.columns)[-1] == "Assessment"
    assert table.frame["Assessment"].iloc[0] == "Within reach at the pace achieved"


def test_a_band_goal_gives_the_pace_to_both_ends_in_words(figures_2023: pd.DataFrame) -> None:
    # Issue 9: "cần giảm 0,03 điểm phần trăm mỗi năm" judged the 2–2,2% band by its lenient end alone.
    frame = pg.progress(figures_2023, "poverty_rate", 2023, pg.breaks_of("poverty_rate"))
    band = frame[frame["goal_period"] == 2025].iloc[0]
    sentence = pg.pace_sentences(frame, "poverty_rate", "vi")[1]
    # (2,27 − 2,2) / 2 = 0,035 and (2,27 − 2) / 2 = 0,135, each rounded half up as by hand.
    assert abs(band["required"]) == pytest.approx(0.035) and abs(band["required_far"]) == pytest.approx(0.135)
    near, far = "0,04", "0,14"
    assert f"cần giảm {near}–{far} điểm phần trăm mỗi năm" in sentence
    # Review VI23: which end each pace reaches, in plain words.
    assert f"({near} nếu chỉ cần về mức 2,2%; {far} để về mức 2%)" in sentence
    english = pg.pace_sentences(frame, "poverty_rate", "en")[1]
    assert f"({near.replace(',', '.')} to reach just 2.2%; {far.replace(',', '.')} to reach 2%)" in english


def test_margins_share_one_sign_with_the_scorecard(figures_2023: pd.DataFrame) -> None:
    # + = better than the goal in every table: the progress margin is the scorecard's margin, never goal − result.
    frame = pg.progress(figures_2023, "trained_labour_rate", 2023)
    band = frame[frame["goal_period"] == 2025].iloc[0]
    assert band["margin"] == pytest.approx(band["current"] - band["goal_low"]) and band["margin"] > 0
    assert band["margin_far"] == pytest.approx(band["current"] - band["goal_high"]) and band["margin_far"] < 0
    ahead = frame[frame["goal_period"] == 2024].iloc[0]
    assert ahead["margin"] == pytest.approx(-ahead["gap"])


def test_one_goal_set_by_two_instruments_is_one_sentence(figures_2023: pd.DataFrame) -> None:
    frame = pg.progress(figures_2023, "poverty_rate", 2023, pg.breaks_of("poverty_rate"))
    assert (frame["goal_period"] == 2025).sum() == 2  # the five-year plan and Kế hoạch 121, both 2–2,2%
    sentences = pg.pace_sentences(frame, "poverty_rate", "vi", limit=len(frame))
    assert len(sentences) == len(set(sentences)) == 2


def test_the_pace_achieved_is_said_once_across_the_goals_ahead(figures_2023: pd.DataFrame) -> None:
    # Issue 9: "the same clause about 1,33 points twice on one page" — the second goal only compares with it.
    frame = pg.progress(figures_2023, "poverty_rate", 2023, pg.breaks_of("poverty_rate"))
    sentences = pg.pace_sentences(frame, "poverty_rate", "vi")
    assert len(sentences) == 2
    assert sum("1,33 điểm phần trăm" in s for s in sentences) == 1
    assert "cũng thấp hơn mức giảm đã đạt nêu trên" in sentences[1]


def test_a_band_goal_is_a_range_in_the_pace_chart(figures_2023: pd.DataFrame) -> None:
    # Issue 9 (review items 3/4): the chart drew the band's lenient end alone (0,03 for 2–2,2%).
    frame = pg.progress(figures_2023, "poverty_rate", 2023, pg.breaks_of("poverty_rate"))
    band = frame[frame["goal_period"] == 2025].iloc[0]
    data = pg.pace_chart_data(frame, "vi").set_index("category")
    row = data.loc[data.index.str.contains("2025")]
    assert len(row) == 1 and "13 chỉ tiêu KT-XH 2021-2025; KH 121/KH-UBND" in row.index[0]  # one goal, one bar
    assert row["range_start"].iloc[0] == pytest.approx(-band["required"])
    assert row["value"].iloc[0] == pytest.approx(-band["required_far"])
    assert data.loc[data.index.str.contains("2024"), "range_start"].isna().all()  # a plain goal: a plain bar
    fig = pg.pace_chart(frame, "poverty_rate", "vi", "Nguồn")
    ax = fig.axes[0]
    near, far = "0,04", "0,14"  # 0,035 and 0,135 rounded half up
    assert f"{near}–{far}" in [t.get_text() for t in ax.texts]
    patch = ax.containers[1].patches[0]
    assert patch.get_x() == pytest.approx(-band["required"]) and patch.get_width() == pytest.approx(
        band["required"] - band["required_far"]
    )
    # A band already reached at its near end (trained labour, 2025): 0 to its far end, as the table's "đã đạt".
    trained = pg.progress(figures_2023, "trained_labour_rate", 2023)
    reached = trained[trained["goal_low"].notna()].iloc[0]
    assert reached["margin"] >= 0
    bars = pg.pace_chart_data(trained, "vi")
    ranged = bars[bars["range_start"].notna()]
    assert list(ranged["range_start"]) == [0.0] and list(ranged["value"]) == pytest.approx([reached["required_far"]])
    assert "đã đạt" in pg.progress_table(trained, "vi").frame.iloc[-1, 4]


def test_a_band_already_reached_says_the_result_is_inside_it(figures_2023: pd.DataFrame) -> None:
    # Review VI24: "Mục tiêu là một khoảng; mức 75% ở đầu kia…" said the band, not where the result stands.
    frame = pg.progress(figures_2023, "trained_labour_rate", 2023)
    band = frame[frame["goal_low"].notna()].iloc[[0]]
    far = f"{band['goal_high'].iloc[0]:g}"
    gap = f"{band['gap_far'].iloc[0]:.2f}".replace(".", ",")
    sentence = pg.pace_sentences(band, "trained_labour_rate", "vi")[0]
    assert sentence.endswith(
        f"Kết quả đã nằm trong khoảng mục tiêu, còn cách mức {far}% của khoảng {gap} điểm phần trăm."
    )
    assert "The result is inside the band" in pg.pace_sentences(band, "trained_labour_rate", "en")[0]
