"""Chart titles state the message the data carry: the verb follows the figures, the verdict is the one judge's;
and every chart the notebooks hand to the appendix keeps its title inside the figure and its labels level."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.analysis.attainment import assess, goal_bound
from helpers.data.loading import load_reference
from helpers.paths import PROJECT_ROOT
from helpers.present import chart_titles as ct
from helpers.present.report import Report
from tests.present.test_charts import title_of

NAN = float("nan")


def series(*rows: tuple) -> pd.DataFrame:
    """goal_series-shaped rows: (period, kind, value, printed[, low, high])."""
    records = [
        {
            "period": r[0],
            "kind": r[1],
            "value": float(r[2]),
            "low": r[4] if len(r) > 4 else NAN,
            "high": r[5] if len(r) > 5 else NAN,
            "printed": r[3],
            "source_id": "s",
            "instrument": "" if r[1] in ("actual", "estimate") else "KH",
        }
        for r in rows
    ]
    return pd.DataFrame(records)


RATE = series((2021, "actual", 4.93, "4,93%"), (2022, "actual", 3.56, "3,56%"), (2023, "actual", 2.27, "2,27%"))


def test_the_verb_follows_the_figures() -> None:
    assert ct.change_word(2.27, 3.56) == "down" and ct.change_word(70.25, 68) == "up"
    assert ct.change_word(5, 5) == "same" and ct.change_word(5, None) == "level"
    falling = ct.trend_title(RATE, "poverty_rate", "vi", "Tỷ lệ hộ nghèo")
    assert falling == "Tỷ lệ hộ nghèo giảm còn 2,27% năm 2023"
    rising = RATE.assign(value=RATE["value"][::-1].to_numpy(), printed=RATE["printed"][::-1].to_numpy())
    assert ct.trend_title(rising, "poverty_rate", "en", "Poverty rate") == "Poverty rate rose to 4.93% in 2023"
    flat = RATE.assign(value=3.0, printed="3%")
    assert ct.trend_title(flat, "poverty_rate", "en", "Poverty rate") == "Poverty rate held at 3% in 2023"


@pytest.mark.parametrize(
    ("indicator_id", "rows", "verdict_vi", "verdict_en"),
    [
        ("poverty_rate", [(2023, "target", 2.79, "2,79%")], ", vượt chỉ tiêu", ", beating the target"),
        ("poverty_rate", [(2023, "target", 2.27, "2,27%")], ", đạt chỉ tiêu", ", meeting the target"),
        ("poverty_rate", [(2023, "target", 2.0, "2%")], ", chưa đạt chỉ tiêu", ", short of the target"),
        ("poverty_rate", [(2023, "target", 2.3, "dưới 2,3%")], ", đạt chỉ tiêu", ", meeting the target"),
        ("poverty_rate", [(2023, "plan", 2.2, "2 - 2,5%", 2.0, 2.5)], ", đạt kế hoạch", ", meeting the plan"),
        ("poverty_rate", [(2023, "plan", 2.8, "2,5 - 2,8%", 2.5, 2.8)], ", vượt kế hoạch", ", beating the plan"),
        ("poverty_rate", [(2022, "target", 1.0, "1%")], "", ""),
    ],
)
def test_the_verdict_is_the_judges(indicator_id: str, rows: list, verdict_vi: str, verdict_en: str) -> None:
    data = pd.concat([RATE, series(*rows)], ignore_index=True)
    assert ct.trend_title(data, indicator_id, "vi", "X") == "X giảm còn 2,27% năm 2023" + verdict_vi
    assert ct.trend_title(data, indicator_id, "en", "X") == "X fell to 2.27% in 2023" + verdict_en


@pytest.mark.parametrize(
    ("actual", "goal", "printed", "polarity", "low", "high"),
    [
        (1.8, 2.1, "dưới 2,1%", "lower_is_better", NAN, NAN),
        (17034, 17000, "hơn 17.000", "higher_is_better", NAN, NAN),
        (16999, 17000, "hơn 17.000", "higher_is_better", NAN, NAN),
        (70.25, 75, "70 - 75%", "higher_is_better", 70, 75),
        (69, 75, "70 - 75%", "higher_is_better", 70, 75),
        (5, 5, "5", "neutral", NAN, NAN),
    ],
)
def test_met_or_missed_is_never_judged_twice(
    actual: float, goal: float, printed: str, polarity: str, low: float, high: float
) -> None:
    row = pd.Series({"value": goal, "printed": printed, "low": low, "high": high})
    judged = assess(actual, goal, polarity, goal_bound(printed), None if pd.isna(low) else low, high)
    word = ct.verdict_word(actual, row, polarity)
    assert (word is None) == (judged.met is None) and (word == "missed") == (judged.met is False)


def test_a_results_only_chart_is_judged_by_the_goals_riding_along() -> None:
    data = RATE.copy()
    data.attrs["goals"] = series((2023, "target", 2.79, "2,79%")).to_dict("records")
    # The goal is not drawn on such a chart, so the title names its level (review VI14: a verdict on no mark).
    assert ct.trend_title(data, "poverty_rate", "vi", "Tỷ lệ hộ nghèo").endswith("năm 2023, vượt chỉ tiêu (2,79%)")
    assert ct.trend_title(data, "poverty_rate", "en", "Poverty rate").endswith("in 2023, beating the target (2.79%)")


def test_ranking_and_pace_titles() -> None:
    parts = pd.DataFrame({"category": ["Bar", "Nhà nghỉ,\nnhà trọ", "Karaoke"], "value": [2, 389, 254]})
    assert ct.ranking_title(parts, "cơ sở", "vi") == "Nhà nghỉ, nhà trọ đứng đầu với 389 cơ sở"
    bars = pd.DataFrame(
        {
            "what": ["needed", "needed", "achieved"],
            "goal_kind": ["plan", "target", ""],
            "goal_period": [2024, 2025, None],
            "end": [None, None, 2023],
        }
    )
    enough = bars.assign(value=[0.51, 0.03, 1.33])
    assert ct.pace_title(enough, "percentage_points", "en").startswith(
        "The average pace achieved (1.33 percentage points a"
    )
    short = bars.assign(value=[2.25, -0.13, 1.78])
    # A goal one year after the latest result is needed within that year, not "mỗi năm" (issue 16).
    assert ct.pace_title(short, "percentage_points", "vi") == (
        "Tốc độ bình quân đã đạt (1,78 điểm phần trăm mỗi năm) thấp hơn mức 2,25 điểm phần trăm cần đạt "
        "trong năm 2024 theo kế hoạch"
    )
    later = bars.assign(value=[0.51, 2.25, 1.78])
    assert ct.pace_title(later, "percentage_points", "vi") == (
        "Tốc độ bình quân đã đạt (1,78 điểm phần trăm mỗi năm) thấp hơn mức 2,25 điểm phần trăm mỗi năm cần để đạt "
        "chỉ tiêu năm 2025"
    )


NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("0*.ipynb"))


def _figures_of(notebook: str, year: int, lang: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Figure]:
    """Every Figure the notebook hands to the appendix, by name (its code cells run here, no kernel)."""
    handed: dict[str, Figure] = {}
    monkeypatch.setattr(
        Report, "figure", lambda self, fig, name, *a, **k: fig is not None and handed.update({name: fig})
    )
    cells = json.loads((PROJECT_ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    namespace: dict = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            exec("".join(cell["source"]), namespace)  # noqa: S102
            namespace.update(year=year, lang=lang, output_dir="")  # the parameters cell, as papermill overrides it
    return handed


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("notebook", [n.name for n in NOTEBOOKS])
def test_every_chart_keeps_its_title_inside_and_its_labels_level(
    notebook: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = {str(r[f"name_{lang}"]) for _, r in load_reference().units.iterrows() if r["unit"] == "count"}
    for name, fig in _figures_of(notebook, 2023, lang, monkeypatch).items():
        FigureCanvasAgg(fig)
        fig.canvas.draw()
        renderer, edge = fig.canvas.get_renderer(), fig.bbox
        box = title_of(fig).get_window_extent(renderer)
        assert edge.x0 <= box.x0 and box.x1 <= edge.x1 and box.y1 <= edge.y1, name
        for ax in fig.axes:
            assert all(t.get_rotation() == 0 for t in ax.texts), name
            assert not any(unit in ax.get_xlabel() + ax.get_ylabel() for unit in counted), name
            # Two bars and nothing else are a sentence, not a chart (goals and other years count as marks).
            bars = [p for p in ax.patches if p.get_width() > 0 and p.get_height() > 0]
            marks = len(bars) + len([ln for ln in ax.get_lines() if len(ln.get_xdata())]) + len(ax.collections)
            assert not bars or marks > 2, name


# Issue 14: the title judges the goal that counts, and never lets an earlier year's result pass for the year's ----


def _series(rows: list[tuple]) -> pd.DataFrame:
    """Rows of goal_series: (period, kind, value, printed, instrument). Invented values, for the rule only."""
    frame = pd.DataFrame(rows, columns=["period", "kind", "value", "printed", "instrument"])
    return frame.assign(low=float("nan"), high=float("nan"), source_id="test")


def test_the_title_judges_the_years_own_goal_not_the_first_in_the_file() -> None:
    data = _series(
        [
            (2024, "actual", 1.4, "1,4%", ""),
            (2025, "actual", 1.25, "1,25%", ""),
            (2025, "target", 2.2, "2,2%", "13 chỉ tiêu KT-XH 2021-2025"),  # filed first, a multi-year programme
            (2025, "target", 1.2, "dưới 1,2%", "KH năm 2024"),  # the instrument data/instruments.csv spans 2024 only
        ]
    )
    # KH năm 2024 spans 2024, not 2025: the two are equals and the later issued (2023 vs 2020) counts.
    assert ct.trend_title(data, "poverty_rate", "vi", "Tỷ lệ hộ nghèo").endswith("chưa đạt chỉ tiêu")


def test_a_chart_without_the_years_result_says_so() -> None:
    data = _series([(2022, "actual", 3.56, "3,56%", ""), (2023, "actual", 2.27, "2,27%", "")])
    vi = ct.trend_title(data, "poverty_rate", "vi", "Tỷ lệ hộ nghèo", 2024)
    assert vi == "Tỷ lệ hộ nghèo giảm còn 2,27% năm 2023; chưa có kết quả cả năm 2024"
    en = ct.trend_title(data, "poverty_rate", "en", "Poverty rate", 2024)
    assert en.endswith("; no full-year result for 2024 yet")
    same_year = ct.trend_title(data, "poverty_rate", "vi", "Tỷ lệ hộ nghèo", 2023)
    assert same_year == "Tỷ lệ hộ nghèo giảm còn 2,27% năm 2023"
