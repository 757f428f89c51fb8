"""Small multiples: one small trend line per indicator, in a grid, for the appendix's first page.

Each panel draws the results it is given as points joined only between consecutive years: a year without a
result (NaN) is a gap, never a line drawn across it. The year's goal is a short bar at the year (a range: a band
between its ends). The panels share the year axis and keep each their own value scale from zero (the indicators
have different units); the first and last result are labelled with the value as the reader reads it; a dotted
line marks a change of definition, before which nothing is drawn.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.present import charts
from helpers.text import say

PANEL_WIDTH, PANEL_HEIGHT = 1.9, 1.3  # inches per panel
TITLE_WRAP = 24
SOURCE_WRAP = 150  # characters of a panel title per line


@dataclass(frozen=True)
class Spark:
    """One panel: its title, its (year, value) points (NaN for a year without a result), the labels of its
    first and last result, and the year's goal (a value, or a range's ends) if any."""

    title: str
    points: Sequence[tuple[int, float]]
    first_label: str = ""
    last_label: str = ""
    goal: float | None = None
    goal_low: float | None = None
    goal_high: float | None = None
    since: int | None = None  # the first year of the current definition, when the series changed definition


def _present(value: float | None) -> bool:
    return value is not None and not math.isnan(value)


def _panel(ax: Axes, spark: Spark, years: tuple[int, int]) -> None:
    xs = [y for y, _ in spark.points]
    ys = [v for _, v in spark.points]
    last_year = years[1]
    if spark.since is not None and spark.since > years[0]:  # a change of definition: nothing is drawn before it
        ax.axvline(spark.since - 0.5, color=charts.BREAK_COLOUR, linestyle=":", linewidth=0.8)
    if _present(spark.goal_low) and _present(spark.goal_high):
        ax.fill_between(
            [last_year - 0.4, last_year + 0.4],
            spark.goal_low,
            spark.goal_high,
            color=charts.PLAN_COLOUR,
            alpha=0.3,
            linewidth=0,
        )
    elif _present(spark.goal):
        ax.hlines(spark.goal, last_year - 0.4, last_year + 0.4, color=charts.PLAN_COLOUR, linewidth=2)
    ax.plot(xs, ys, color=charts.ACTUAL_COLOUR, linewidth=1.6, marker="o", markersize=3.5)  # NaN breaks the line
    shown = [(x, y) for x, y in zip(xs, ys, strict=True) if _present(y)]
    if shown:
        (x0, y0), (x1, y1) = shown[0], shown[-1]
        ax.annotate(spark.last_label, (x1, y1), xytext=(6, 0), textcoords="offset points", va="center", fontsize=8)
        if x0 != x1 and spark.first_label:
            ax.annotate(
                spark.first_label,
                (x0, y0),
                xytext=(-6, 0),
                textcoords="offset points",
                va="center",
                ha="right",
                fontsize=8,
            )
    ax.set_xlim(years[0] - 0.5, years[1] + 2.6)  # room on the right for the last value
    ax.set_xticks([years[0], years[1]])
    ax.set_xticklabels([str(years[0]), str(years[1])], fontsize=7)
    ax.tick_params(axis="x", length=2, pad=1)
    ax.set_yticks([])
    # From zero: a small difference (17.034 against a plan of 17.000) is not blown up by a panel of its own.
    top = max([y for _, y in shown] + [v for v in (spark.goal, spark.goal_high) if _present(v)] + [0.0])
    ax.set_ylim(0, top * 1.25 if top > 0 else 1)
    ax.grid(False)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title("\n".join(textwrap.wrap(spark.title, TITLE_WRAP)), fontsize=8, loc="left", fontweight="bold")


@charts.styled
def sparklines(
    sparks: Sequence[Spark], years: tuple[int, int], *, title: str, source: str, lang: str, columns: int = 4
) -> Figure:
    """A grid of small trend lines, ``columns`` to a row, over the years ``years`` (first, last)."""
    rows = max(1, math.ceil(len(sparks) / columns))
    fig = charts.new_figure((PANEL_WIDTH * columns, PANEL_HEIGHT * rows + 0.5))
    axes = fig.subplots(rows, columns, squeeze=False).ravel()
    for ax, spark in zip(axes, sparks, strict=False):
        _panel(ax, spark, years)
    for ax in axes[len(sparks) :]:
        ax.set_visible(False)
    room = 0.98 * fig.get_figwidth() * 72  # points from the figure's left margin to its right one
    heading = fig.suptitle(
        "\n".join(textwrap.wrap(title, int(room / charts.TITLE_CHAR_PT))) or title,
        x=0.01,
        ha="left",
        fontsize=10,
        fontweight="bold",
    )
    heading.set_gid(charts.TITLE_GID)  # the chart's title, as charts.finish marks it
    lines = textwrap.wrap(f"{say('common:source', lang)}: {source}", SOURCE_WRAP) or [""]
    fig.text(0.01, 0.01, "\n".join(lines), fontsize=6.5, color="#555555", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.03 + 0.1 / fig.get_figheight() * len(lines), 1, 0.98), h_pad=0.4, w_pad=0.6)
    return fig
