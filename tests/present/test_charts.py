"""The chart conventions, checked on the Figure objects the charts return."""

from __future__ import annotations

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Text

from helpers.present import charts, house


def _drawn(fig: Figure):
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def title_of(fig: Figure) -> Text:
    [title] = fig.findobj(lambda artist: isinstance(artist, Text) and artist.get_gid() == house.TITLE_GID)
    return title


def _title_inside(fig: Figure) -> bool:
    renderer = _drawn(fig)
    title = title_of(fig)
    box, edge = title.get_window_extent(renderer), fig.bbox
    return bool(title.get_text()) and box.x0 >= edge.x0 and box.x1 <= edge.x1 and box.y1 <= edge.y1


def test_the_title_starts_at_the_figures_left_margin_not_over_the_axes() -> None:
    data = pd.DataFrame({"category": ["A rather long category label of a bar", "b", "c"], "value": [1, 2, 3]})
    fig = charts.bar_chart(data, title="Short", x_label="x", source="S", lang="en")
    renderer = _drawn(fig)
    assert title_of(fig).get_window_extent(renderer).x0 < fig.axes[0].get_window_extent(renderer).x0 / 2


LONG_TITLE = (
    "Cơ sở bảo trợ xã hội công lập, tư thục đứng đầu với 1.261 nghìn đồng/suất, "
    "gấp bốn lần hộ cận nghèo và đối tượng bảo trợ xã hội"
)


def test_a_long_title_beside_long_category_labels_wraps_inside_the_figure() -> None:
    data = pd.DataFrame(
        {"category": ["Cơ sở bảo trợ xã hội công lập, tư thục", "Người cao tuổi tròn 100 tuổi"], "value": [1261, 1000]}
    )
    fig = charts.bar_chart(data, title=LONG_TITLE, x_label="Đơn vị", source="S", lang="vi")
    assert "\n" in fig.axes[0].get_title(loc="left")
    assert _title_inside(fig)


def test_a_long_title_over_a_line_chart_stays_inside_the_figure() -> None:
    data = pd.DataFrame({"period": [2021, 2022, 2023], "value": [3.0, 2.5, 2.0], "series": "a"})
    fig = charts.line_chart(data, title=LONG_TITLE + " " + LONG_TITLE, y_label="%", source="S", lang="vi")
    assert _title_inside(fig)


def test_a_short_title_stays_on_one_line() -> None:
    data = pd.DataFrame({"category": ["a", "b", "c"], "value": [1, 2, 3]})
    fig = charts.bar_chart(data, title="Short", x_label="x", source="S", lang="en")
    assert fig.axes[0].get_title(loc="left") == "Short"


def _line_xs(fig: Figure) -> list[list[float]]:
    return [list(line.get_xdata()) for line in fig.axes[0].get_lines() if len(line.get_xdata())]


def test_no_line_spans_a_year_without_a_figure() -> None:
    data = pd.DataFrame({"period": [2015, 2018, 2021, 2022, 2023], "value": [56, 62, 66.8, 68, 70.25], "series": "a"})
    fig = charts.line_chart(data, title="t", y_label="%", source="S", lang="en")
    pieces = _line_xs(fig)
    assert sorted(map(tuple, pieces)) == [(2015,), (2018,), (2021, 2022, 2023)]
    assert all(b - a == 1 for xs in pieces for a, b in zip(xs, xs[1:], strict=False))


def test_a_range_goal_is_a_band_not_a_point_on_the_line() -> None:
    data = pd.DataFrame(
        {
            "period": [2023, 2024, 2025],
            "value": [70.0, 72.5, 75.0],
            "series": "goal",
            "low": [float("nan"), float("nan"), 70.0],
            "high": [float("nan"), float("nan"), 75.0],
        }
    )
    fig = charts.line_chart(data, title="t", y_label="%", source="S", lang="en", y_from_zero=False)
    bands = [c for c in fig.axes[0].collections if isinstance(c, PolyCollection)]
    assert len(bands) == 1
    ys = bands[0].get_paths()[0].vertices[:, 1]
    assert min(ys) == 70.0 and max(ys) == 75.0
    assert 2025 not in {x for xs in _line_xs(fig) for x in xs}
    assert "70–75" in [t.get_text() for t in fig.axes[0].texts]


def test_bars_whose_order_means_nothing_are_sorted_largest_on_top() -> None:
    data = pd.DataFrame({"category": ["b", "a", "c", "d"], "value": [7, 27, 8, 0]})
    fig = charts.bar_chart(data, title="t", x_label="x", source="S", lang="en", sort=True)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "c", "b", "d"]
    widths = [p.get_width() for p in ax.patches]
    assert widths == sorted(widths, reverse=True)


def test_bars_keep_the_given_order_unless_told() -> None:
    data = pd.DataFrame({"category": ["2015", "2021", "2023"], "value": [8.36, 4.93, 2.27]})
    fig = charts.bar_chart(data, title="t", x_label="x", source="S", lang="en")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["2015", "2021", "2023"]


def test_value_labels_are_level() -> None:
    data = pd.DataFrame({"category": list("abcdefghij"), "value": range(10)})
    fig = charts.bar_chart(data, title="t", x_label="x", source="S", lang="en")
    assert fig.axes[0].texts and all(t.get_rotation() == 0 for t in fig.axes[0].texts)


def test_two_bars_are_too_few_for_a_chart() -> None:
    assert charts.too_few_bars(2) and charts.too_few_bars(1) and not charts.too_few_bars(3)


def test_every_drawn_line_is_a_line2d_with_its_own_run() -> None:
    data = pd.DataFrame({"period": [2019, 2020, 2022], "value": [1.0, 2.0, 3.0], "series": "a"})
    fig = charts.line_chart(data, title="t", y_label="%", source="S", lang="en")
    assert all(isinstance(line, Line2D) for line in fig.axes[0].get_lines())
    assert sorted(map(tuple, _line_xs(fig))) == [(2019, 2020), (2022,)]


def test_results_are_drawn_over_goals_where_they_meet() -> None:
    data = pd.DataFrame(
        {"period": [2022, 2023, 2022, 2023], "value": [68, 70.25, 68, 70], "series": ["Result"] * 2 + ["Goal"] * 2}
    )
    fig = charts.line_chart(data, title="t", y_label="%", source="S", lang="en")
    z = {line.get_label(): line.get_zorder() for line in fig.axes[0].get_lines()}
    assert z["Result"] > z["Goal"]


def test_a_bar_with_a_range_start_floats_between_both_ends_and_says_both() -> None:
    data = pd.DataFrame({"category": ["plain", "band"], "value": [0.5, 0.14], "range_start": [None, 0.03]})
    fig = charts.bar_chart(data, title="t", x_label="x", source="S", lang="vi", decimals=2)
    ax = fig.axes[0]
    plain, band = (c.patches[0] for c in ax.containers)
    assert (plain.get_x(), plain.get_width()) == (0, 0.5)
    assert abs(band.get_x() - 0.03) < 1e-9 and abs(band.get_width() - 0.11) < 1e-9
    assert [t.get_text() for t in ax.texts][:2] == ["0,50", "0,03–0,14"]


def test_unjoined_goals_are_hollow_points_and_a_shared_value_is_written_once() -> None:
    data = pd.DataFrame(
        {
            "period": [2022, 2023, 2021, 2022, 2024],
            "value": [68, 70.25, 67, 68, 72.5],
            "series": ["Result"] * 2 + ["Goal"] * 3,
        }
    )
    fig = charts.line_chart(data, title="t", y_label="%", source="S", lang="en", unjoined=("Goal",))
    goals = [line for line in fig.axes[0].get_lines() if line.get_label() == "Goal" or line.get_marker() == "D"]
    assert goals and all(line.get_linestyle() == "None" for line in goals)
    assert sorted(x for line in goals for x in line.get_xdata()) == [2021, 2022, 2024]
    written = [(t.xy[0], t.get_text()) for t in fig.axes[0].texts if hasattr(t, "xy")]
    assert written.count((2022, "68")) == 1 and len(written) == 4
