"""Charts in one house style: whole-number year axes, units on the axes, labels in the reader's language,
a source line on every chart, and reproducible files.

Every chart is a :class:`matplotlib.figure.Figure` made without pyplot: it is shown once, where a
notebook cell returns it, stays open until then, and needs no backend; whoever runs the kernel
chooses the backend (the build's kernels set ``MPLBACKEND``); importing this module never does.

The house style (palette, print sizes, the style context the chart functions run in) is
:mod:`~helpers.present.house`: importing helpers leaves matplotlib's global settings, and so an
analyst's own charts, as they were.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from pathlib import Path

import matplotlib
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers.present.house import (
    ACTUAL_COLOUR,
    BREAK_COLOUR,
    FIGSIZE,
    PALETTE,
    PRINT_DPI,
    TEXT_PT,
    TITLE_GID,
    VALUE_GID,
    VALUE_PT,
    house_style,
    new_figure,
    styled,
)
from helpers.text import say
from helpers.text.formatting import fmt_number


def number_axis(ax: Axes, lang: str, axis: str = "y") -> None:
    formatter = FuncFormatter(lambda v, _pos: fmt_number(v, lang, None if abs(v) < 100 else 0))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)
    if axis == "x":  # numbers side by side at 9 pt: few enough that they never touch
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5))


def year_axis(ax: Axes) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{int(round(v))}"))


SOURCE_WRAP = 92  # characters of the source line that fit the chart's width at 9 pt
LABEL_CHAR_PT = 5.6  # the widest average width of a character of 9 pt text (DejaVu Sans)
LABEL_SHARE = 0.38  # the most of a chart's width the category labels of a bar chart take before they wrap
TITLE_CHAR_PT = 7.4  # the widest average width of a character of the bold 11 pt title (a test measures it)
TOO_FEW_BARS = 2  # a chart of this many bars or fewer says less than a sentence (see too_few_bars)


def value_text(text: object) -> None:
    """Mark a text written on a chart as a value: 10 pt, and a gid "value-label-<n>" (unique in its axes, so the SVG's
    ids stay unique and the same from run to run) by which the print test finds it."""
    ax = text.axes  # type: ignore[attr-defined]
    n = sum(1 for t in ax.texts if str(t.get_gid() or "").startswith(VALUE_GID)) if ax is not None else 0
    text.set_fontsize(VALUE_PT)  # type: ignore[attr-defined]
    where = f"{ax.figure.axes.index(ax)}-{n}" if ax is not None else "0"
    text.set_gid(f"{VALUE_GID}-{where}")  # type: ignore[attr-defined]


def wrap(text: str, points: float, size: float = TEXT_PT) -> str:
    """``text`` wrapped to lines about ``points`` wide at ``size`` pt; its own line breaks are kept."""
    chars = max(8, int(points / (LABEL_CHAR_PT * size / TEXT_PT)))
    return "\n".join(line for part in str(text).split("\n") for line in (textwrap.wrap(part, chars) or [""]))


def too_few_bars(count: int) -> bool:
    """True when a chart would hold so few bars that one sentence says it better: the section writes the
    sentence and makes no figure."""
    return count <= TOO_FEW_BARS


def finish(fig: Figure, ax: Axes, title: str, source: str, lang: str) -> Figure:
    """Title, source line and layout. The title states the chart's message; it starts at the figure's left
    margin (long category labels push the axes right) and wraps rather than run past the right edge."""
    # A long list of sources wraps onto more lines instead of running off the right edge.
    lines = textwrap.wrap(f"{say('common:source', lang)}: {source}", SOURCE_WRAP) or [""]
    fig.text(0.01, 0.01, "\n".join(lines), fontsize=TEXT_PT, color="#555555", ha="left", va="bottom")
    rect = (0, (0.06 + 0.155 * len(lines)) / fig.get_figheight(), 1, 1)  # ~11 pt a line
    # An axis title longer than its axis wraps instead of being cut at the figure's edge.
    width_pt, height_pt = 0.9 * fig.get_figwidth() * 72, 0.75 * fig.get_figheight() * 72
    ax.set_xlabel(wrap(ax.get_xlabel(), width_pt))
    ax.set_ylabel(wrap(ax.get_ylabel(), height_pt))
    room = 0.98 * fig.get_figwidth() * 72  # points from the figure's left margin to its right one
    text = ax.set_title("\n".join(textwrap.wrap(title, int(room / TITLE_CHAR_PT))) or title, loc="left")
    text.set_gid(TITLE_GID)
    fig.tight_layout(rect=rect)
    # The title starts at the figure's left margin, with the source line, not over the axes.
    box = ax.get_position()
    text.set_x((0.01 - box.x0) / box.width)
    return fig


def _runs(periods: pd.Series) -> pd.Series:
    """A run number per period: consecutive years share one, a missing year starts the next."""
    return (periods.diff().fillna(1) != 1).cumsum()


def _bands(ax: Axes, data: pd.DataFrame, colour: str, lang: str, half: float = 0.3, label: str | None = None) -> None:
    """A goal printed as a range, drawn as a shaded band from its low to its high end, labelled with both."""
    for k, row in enumerate(data.itertuples()):
        ax.fill_between(
            [row.period - half, row.period + half],
            row.low,
            row.high,
            color=colour,
            alpha=0.3,
            lw=0,
            label=label if k == 0 else None,
        )
        value_text(
            ax.annotate(
                f"{fmt_number(row.low, lang)}–{fmt_number(row.high, lang)}",
                (row.period, row.high),
                textcoords="offset points",
                xytext=(0, 3),
                ha="center",
                color=colour,
            )
        )


def ranged_rows(data: pd.DataFrame) -> pd.Series:
    """Rows holding a range goal (both ``low`` and ``high``); none when the frame has no such columns."""
    if "low" not in data.columns or "high" not in data.columns:
        return pd.Series(False, index=data.index)
    return data["low"].notna() & data["high"].notna()


@styled
def line_chart(
    data: pd.DataFrame,
    *,
    title: str,
    y_label: str,
    source: str,
    lang: str,
    series_col: str = "series",
    breaks: Sequence[tuple[int, str]] = (),
    annotate: bool = True,
    y_from_zero: bool = True,
    unjoined: Sequence[str] = (),
) -> Figure:
    """Lines of ``value`` over ``period`` for each ``series_col``; dashed verticals mark breaks.

    ``breaks`` holds (first period under the new definition, short label). Only consecutive years are joined:
    a year without a figure leaves a gap. Rows with ``low`` and ``high`` (a goal printed as a range) are drawn
    as shaded bands, not as points.
    ``y_from_zero=False`` fits the value axis to the data (for rates that move
    within a few points, e.g. 66–75%); the caption should then say so.
    Series named in ``unjoined`` (goals of different years) are hollow markers, never joined by a line. A value
    is written once at a point: a second series with the same value in the same year is not labelled again.
    """
    fig = new_figure(FIGSIZE)
    ax = fig.subplots()
    ranged = ranged_rows(data)
    bands, data = data[ranged], data[~ranged]
    order = {name: i for i, name in enumerate(data[series_col].drop_duplicates())}
    written: set[tuple[float, str]] = set()  # (period, label) of the values written so far
    for i, (name, group) in enumerate(data.groupby(series_col, sort=False)):
        group = group.sort_values("period")
        colour = PALETTE[i % len(PALETTE)]
        # A line never joins two definitions, nor two years with a year without a figure between them:
        # each stretch between breaks, and each run of consecutive years in it, is drawn on its own.
        edges = sorted(b for b, _ in breaks)
        stretch = group["period"].map(lambda p, edges=edges: sum(p >= e for e in edges))
        pieces = [
            piece for _, part in group.groupby(stretch, sort=True) for _, piece in part.groupby(_runs(part["period"]))
        ]
        for j, piece in enumerate(pieces):
            # The first series (results) is drawn on top, so a goal's marker never hides a result.
            z = 2 + len(order) - i
            style = {"marker": "D", "ls": "none", "mfc": "white", "mew": 1.5} if name in unjoined else {"marker": "o"}
            ax.plot(
                piece["period"], piece["value"], color=colour, label=str(name) if j == 0 else None, zorder=z, **style
            )
        _bands(ax, bands[bands[series_col] == name], colour, lang)
        if annotate:
            # An optional "decimals" column writes each value with the decimals its source printed ("1,40").
            places = group["decimals"] if "decimals" in group else [None] * len(group)
            for x, y, d in zip(group["period"], group["value"], places, strict=False):
                # A value with another series' point above it (or level with it, drawn earlier) is written below.
                others = data[(data["period"] == x) & (data[series_col] != name)]
                under = any(
                    o > y or (o == y and order[n] < i)
                    for o, n in zip(others["value"], others[series_col], strict=False)
                )
                place = {"xytext": (0, -9), "va": "top"} if under else {"xytext": (0, 6)}
                label = fmt_number(y, lang, None if d is None or pd.isna(d) else int(d))
                if (x, label) in written:
                    continue
                written.add((x, label))
                value_text(ax.annotate(label, (x, y), textcoords="offset points", ha="center", **place))
    for k, name in enumerate(bands[series_col].drop_duplicates()):
        if name not in order:  # a series of ranges only: its band in a colour of its own
            colour = PALETTE[(len(order) + k) % len(PALETTE)]
            _bands(ax, bands[bands[series_col] == name], colour, lang, label=str(name))
    for first_period, label in breaks:
        ax.axvline(first_period - 0.5, color=BREAK_COLOUR, linestyle="--", linewidth=1)
        ax.text(
            first_period - 0.45,
            0.97,
            label,
            transform=ax.get_xaxis_transform(),
            fontsize=TEXT_PT,
            color=BREAK_COLOUR,
            va="top",
        )
    year_axis(ax)
    number_axis(ax, lang)
    ax.set_ylabel(y_label)
    ax.set_xlabel(say("common:axis.year", lang))
    values = pd.concat([data["value"], bands["low"], bands["high"]]) if len(bands) else data["value"]
    top = float(values.max())
    if y_from_zero:
        ax.set_ylim(bottom=0, top=max(top * 1.15, 1e-9))
    else:
        low = float(values.min())
        span = max(top - low, abs(top) * 0.05, 1e-9)
        ax.set_ylim(bottom=low - 0.3 * span, top=top + 0.25 * span)
    if pd.concat([data[series_col], bands[series_col]]).nunique() > 1:
        ax.legend(loc="best")
    return finish(fig, ax, title, source, lang)


@styled
def mark_category_break(fig: Figure, first: str, label: str) -> None:
    """On a bar chart of categories (years), a dashed line before category ``first`` (the first under a new
    definition), labelled as a line chart labels its breaks; nothing when ``first`` is not a category."""
    ax = fig.axes[0]
    horizontal = any(t.get_text() == first for t in ax.get_yticklabels())
    axis = ax.yaxis if horizontal else ax.xaxis
    where = {t.get_text(): pos for t, pos in zip(axis.get_ticklabels(), axis.get_ticklocs(), strict=False)}
    if first not in where:
        return
    at = where[first] - 0.5  # categories sit at 0, 1, 2 …: halfway to the one before
    line = ax.axhline if horizontal else ax.axvline
    line(at, color=BREAK_COLOUR, linestyle="--", linewidth=1)
    place = {"x": 0.99, "y": at, "transform": ax.get_yaxis_transform(), "ha": "right", "va": "bottom"}
    if not horizontal:
        place = {"x": at + 0.05, "y": 0.97, "transform": ax.get_xaxis_transform(), "va": "top"}
    ax.text(s=label, fontsize=TEXT_PT, color=BREAK_COLOUR, **place)


@styled
def bar_chart(
    data: pd.DataFrame,
    *,
    title: str,
    x_label: str,
    source: str,
    lang: str,
    category_col: str = "category",
    hue_col: str | None = None,
    sort: bool = False,
    decimals: int | None = None,
) -> Figure:
    """Horizontal bars of ``value`` by ``category_col`` (and ``hue_col``), values written level at the bar ends
    (with ``decimals`` decimals when given, so that a bar reads as its table does). A ``range_start`` column
    (without ``hue_col``) makes a row's bar a range from it to ``value``; empty cells keep plain bars.

    ``sort=True`` puts the largest bar on top, for categories whose order means nothing (places, causes, types);
    years, steps and comparisons keep the order given.
    """
    if sort:
        data = data.sort_values("value", ascending=False, kind="stable")
    keys = [category_col] + ([hue_col] if hue_col else [])
    # Long category names wrap rather than squeeze the bars into a sliver.
    data = data.assign(**{category_col: [wrap(c, LABEL_SHARE * FIGSIZE[0] * 72) for c in data[category_col]]})
    if data.duplicated(subset=keys).any():
        # seaborn would draw the mean of the duplicates with an error bar: a value nobody printed.
        raise ValueError(f"bar_chart: more than one value for the same bar ({', '.join(keys)}); name each bar apart")
    lines = sum(max(str(c).count("\n") + 1, 1) for c in data[category_col].drop_duplicates())
    height = max(2.6, 0.3 * lines + 0.2 * len(data) + 1.4)
    fig = new_figure((FIGSIZE[0], min(height, 9)))
    ax = fig.subplots()
    sns.barplot(
        data=data,
        y=category_col,
        x="value",
        hue=hue_col or category_col,
        ax=ax,
        orient="h",
        palette=PALETTE[: max(1, data[hue_col or category_col].nunique())]
        if hue_col
        else [ACTUAL_COLOUR] * data[category_col].nunique(),
        legend=bool(hue_col),
        dodge=bool(hue_col),
    )
    starts = data["range_start"].tolist() if "range_start" in data.columns and not hue_col else []
    for container, start in zip(ax.containers, starts or [None] * len(ax.containers), strict=False):
        labels = [fmt_number(v, lang, decimals) for v in container.datavalues]
        if start is not None and not pd.isna(start):
            # A range (``range_start`` to ``value``, e.g. a band goal's pace to its near and far ends): the bar
            # floats between them and its label gives both ends, never one end alone.
            bar, end = container.patches[0], float(container.datavalues[0])
            bar.set_x(min(start, end))
            bar.set_width(abs(end - start))
            labels = [f"{fmt_number(start, lang, decimals)}–{labels[0]}"]
        for text in ax.bar_label(container, labels=labels, padding=3, rotation=0):
            value_text(text)
    number_axis(ax, lang, axis="x")
    ax.set_xlabel(x_label)
    ax.set_ylabel("")
    ax.margins(x=0.15)
    return finish(fig, ax, title, source, lang)


def captioned(fig: Figure | None, **values: object) -> Figure | None:
    """``fig`` carrying the values its caption is filled with when a notebook hands it to the appendix
    (``rep.figure(fig, name)`` reads ``<name>.caption`` from the section's text file)."""
    if fig is not None:
        fig.caption_values = values
    return fig


@styled
def save_figure(fig: Figure, folder: Path, name: str, print_folder: Path | None = None) -> list[Path]:
    """Save ``fig`` as ``name``.png (at print resolution) and .svg without timestamps, so the same inputs give the
    same bytes; with ``print_folder``, also the PDF's ``name``.svg there, its text kept as text
    (:data:`~helpers.present.handoff.PRINT_SVG_DIR`)."""
    folder.mkdir(parents=True, exist_ok=True)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    fig.savefig(png, format="png", metadata={"Software": None}, dpi=PRINT_DPI)
    fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    if print_folder is None:
        return [png, svg]
    print_folder.mkdir(parents=True, exist_ok=True)
    printed = print_folder / f"{name}.svg"
    with house_style(), matplotlib.rc_context({"svg.fonttype": "none"}):  # house_style: its fixed SVG ids
        fig.savefig(printed, format="svg", metadata={"Date": None, "Creator": None})
    return [png, svg, printed]
