"""Results beside goals: goals as markers or bands, never bars; labels level; titles inside the figure."""

from __future__ import annotations

import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.patches import Rectangle

from helpers.present.goal_charts import actual_vs_target_chart
from tests.present.test_charts import _title_inside

NAN = float("nan")
KINDS = {"actual": "Result", "estimate": "Estimate", "plan": "Plan", "target": "Target"}
DATA = pd.DataFrame(
    {
        "period": [2018, 2020, 2021, 2022, 2023, 2023, 2023, 2024, 2024],
        "kind": ["estimate", "plan", "plan", "estimate", "actual", "plan", "target", "plan", "target"],
        "value": [17000, 17000, 16000, 17000, 17034, 17000, 16500, 17000, 17000],
        "low": [NAN, 16800, NAN, NAN, NAN, NAN, NAN, NAN, NAN],
        "high": [NAN, 17000, NAN, NAN, NAN, NAN, NAN, NAN, NAN],
    }
)


def _chart():
    return actual_vs_target_chart(DATA, title="Jobs rose", y_label="persons", source="S", lang="en", kind_labels=KINDS)


def test_only_results_are_bars() -> None:
    ax = _chart().axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0]
    results = DATA[DATA["kind"].isin(["actual", "estimate"])]
    assert sorted(round(b.get_height()) for b in bars) == sorted(results["value"].tolist())


def test_goals_are_level_markers_and_a_range_is_a_band() -> None:
    ax = _chart().axes[0]
    goals = DATA[DATA["kind"].isin(["plan", "target"]) & DATA["low"].isna()]
    marks = [line for line in ax.get_lines() if len(set(line.get_ydata())) == 1 and len(line.get_ydata()) == 2]
    assert sorted(line.get_ydata()[0] for line in marks) == sorted(goals["value"].tolist())
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bands) == 1
    ys = bands[0].get_paths()[0].vertices[:, 1]
    assert (min(ys), max(ys)) == (16800, 17000)


def test_every_value_label_is_level_and_goal_labels_do_not_overlap() -> None:
    fig = _chart()
    ax = fig.axes[0]
    assert all(t.get_rotation() == 0 for t in ax.texts)
    assert _title_inside(fig)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b) or a.width == 0 or b.width == 0


def test_a_value_is_written_once_a_year_even_where_two_goals_or_a_goal_and_its_result_share_it() -> None:
    extra = pd.DataFrame({"period": [2022], "kind": ["target"], "value": [17000], "low": [NAN], "high": [NAN]})
    data = pd.concat([DATA, extra], ignore_index=True)
    ax = actual_vs_target_chart(data, title="Jobs", y_label="persons", source="S", lang="en", kind_labels=KINDS).axes[0]
    written = [(round(t.xy[0]), t.get_text()) for t in ax.texts if hasattr(t, "xy") and t.get_text()]
    assert len(written) == len(set(written))
    # 2024: a plan and a target of 17,000 share one label; 2022: the target equals the result, whose label stands.
    assert written.count((2024, "17,000")) == 1 and written.count((2022, "17,000")) == 1
    assert (2023, "16,500") in written and (2023, "17,034") in written and (2023, "17,000") in written
