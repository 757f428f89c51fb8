"""Small multiples: one panel per indicator, gaps kept, the goal at the year."""

from __future__ import annotations

import math

from matplotlib.figure import Figure

from helpers.present.sparklines import Spark, sparklines


def test_one_panel_per_spark_and_missing_years_stay_gaps() -> None:
    sparks = [
        Spark("A", ((2019, 1.0), (2020, math.nan), (2021, 3.0)), "1", "3", goal=2.5),
        Spark("B", ((2019, math.nan), (2020, math.nan), (2021, 5.0)), "", "5", goal_low=4.0, goal_high=6.0),
        Spark("C", ((2020, 2.0), (2021, 1.0)), "2", "1", since=2020),
    ]
    fig = sparklines(sparks, (2019, 2021), title="T", source="S", lang="vi", columns=2)
    assert isinstance(fig, Figure)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 3 and len(fig.axes) == 4  # the fourth cell of the 2×2 grid is hidden
    line = visible[0].lines[-1]
    ys = list(line.get_ydata())
    assert ys[0] == 1.0 and math.isnan(ys[1]) and ys[2] == 3.0  # matplotlib breaks a line at NaN: no interpolation
    assert [t.get_text() for t in visible[0].texts] == ["3", "1"]  # last and first labelled
    assert visible[1].collections  # a range goal is a band
    assert any(line.get_linestyle() == ":" for line in visible[2].lines)  # the change of definition is marked
    assert [ax.get_title(loc="left") for ax in visible] == ["A", "B", "C"]
