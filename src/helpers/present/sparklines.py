"""Small multiples: one small trend line per indicator, in a grid, for the appendix's first page.

Each panel draws the results it is given as points joined only between consecutive years: a year without a
result (NaN) is a gap, never a line drawn across it. The year's goal is a short bar at the year (a range: a band
between its ends). The panels share the year axis and keep each their own value scale from zero (the indicators
have different units); the first and last result are labelled with the value as the reader reads it; a dotted
line marks a change of definition, before which nothing is drawn. A panel with fewer than three results is a
comparison of those years (its axis names them only), not a trend line under an axis of the whole period.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers.present import charts, house
from helpers.text import say

PANEL_HEIGHT = 1.3  # inches per panel; four panels to a row fill the printed width (house.PRINT_WIDTH_IN)
TITLE_WRAP = 17  # characters of a panel title per line, at 9 pt bold (a quarter of the printed width)
SOURCE_WRAP = charts.SOURCE_WRAP
FEW_POINTS = 3  # a panel with fewer results is a comparison of those years, not a trend over the whole axis


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
    present = [x for x, y in zip(xs, ys, strict=True) if _present(y)]
    few = 0 < len(present) < FEW_POINTS  # one or two results: their own years only, not an axis 2016–2023
    if spark.since is not None and spark.since > years[0]:  # a change of definition: nothing is drawn before it
        ax.axvline(spark.since - 0.5, color=house.BREAK_COLOUR, linestyle=":", linewidth=0.8)
    half = 0.15 if few else 0.4  # the goal's bar at the year, narrower where a year is wide
    if _present(spark.goal_low) and _present(spark.goal_high):
        ax.fill_between(
            [last_year - half, last_year + half],
            spark.goal_low,
            spark.goal_high,
            color=house.PLAN_COLOUR,
            alpha=0.3,
            linewidth=0,
        )
    elif _present(spark.goal):
        ax.hlines(spark.goal, last_year - half, last_year + half, color=house.PLAN_COLOUR, linewidth=2)
    ax.plot(xs, ys, color=house.ACTUAL_COLOUR, linewidth=1.6, marker="o", markersize=3.5)  # NaN breaks the line
    shown = [(x, y) for x, y in zip(xs, ys, strict=True) if _present(y)]
    if shown:
        (x0, y0), (x1, y1) = shown[0], shown[-1]
        charts.value_text(
            ax.annotate(spark.last_label, (x1, y1), xytext=(6, 0), textcoords="offset points", va="center")
        )
        if x0 != x1 and spark.first_label:
            charts.value_text(
                ax.annotate(
                    spark.first_label, (x0, y0), xytext=(-6, 0), textcoords="offset points", va="center", ha="right"
                )
            )
    ticks = sorted(set(present) | {last_year}) if few else [years[0], years[1]]
    if few:  # the years shown side by side, each value beside its point
        ax.set_xlim(ticks[0] - 0.7, ticks[-1] + 1.1)
    else:
        ax.set_xlim(
            years[0] - 0.5, years[1] + 3.2 * max(years[1] - years[0], 1) / 7
        )  # room on the right for the last value
    ax.set_xticks(ticks)
    ax.set_xticklabels([str(t) for t in ticks], fontsize=house.TEXT_PT)
    ax.tick_params(axis="x", length=2, pad=1)
    ax.set_yticks([])
    # From zero: a small difference (17.034 against a plan of 17.000) is not blown up by a panel of its own.
    top = max([y for _, y in shown] + [v for v in (spark.goal, spark.goal_high) if _present(v)] + [0.0])
    ax.set_ylim(0, top * 1.25 if top > 0 else 1)
    ax.grid(False)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(
        "\n".join(textwrap.wrap(spark.title, TITLE_WRAP)), fontsize=house.TEXT_PT, loc="left", fontweight="bold"
    )


@house.styled
def sparklines(
    sparks: Sequence[Spark], years: tuple[int, int], *, title: str, source: str, lang: str, columns: int = 4
) -> Figure:
    """A grid of small trend lines, ``columns`` to a row, over the years ``years`` (first, last)."""
    rows = max(1, math.ceil(len(sparks) / columns))
    fig = house.new_figure((house.PRINT_WIDTH_IN, PANEL_HEIGHT * rows + 0.7))
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
        fontsize=11,
        fontweight="bold",
    )
    heading.set_gid(house.TITLE_GID)  # the chart's title, as charts.finish marks it
    lines = textwrap.wrap(f"{say('common:source', lang)}: {source}", SOURCE_WRAP) or [""]
    fig.text(0.01, 0.01, "\n".join(lines), fontsize=house.TEXT_PT, color="#555555", ha="left", va="bottom")
    fig.tight_layout(rect=(0, (0.06 + 0.155 * len(lines)) / fig.get_figheight(), 1, 0.98), h_pad=0.4, w_pad=0.6)
    return fig
