"""Charts in one house style: one palette, whole-number year axes, units on the axes,
labels in the reader's language, a source line on every chart, and reproducible files.

Every chart is a :class:`matplotlib.figure.Figure` made without pyplot: it is shown once, where a
notebook cell returns it, stays open until then, and needs no backend; whoever runs the kernel
chooses the backend (the build's kernels set ``MPLBACKEND``); importing this module never does.
"""

from __future__ import annotations

import functools
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import matplotlib
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from helpers.text import say
from helpers.text.formatting import fmt_number

# One palette for the whole appendix (colour-blind safe, from seaborn's "colorblind").
PALETTE: list[str] = sns.color_palette("colorblind", 8).as_hex()
ACTUAL_COLOUR, PLAN_COLOUR, TARGET_COLOUR = PALETTE[0], PALETTE[1], PALETTE[2]
BREAK_COLOUR = "#777777"
FIGSIZE = (7.5, 3.8)


@functools.cache
def _load_kernel_backend() -> None:
    """In a Jupyter kernel, load the backend its runner chose (pyplot loads it only for its first own figure),
    so that IPython shows a Figure a cell returns as an image; nothing is chosen here, and outside a kernel
    nothing happens."""
    if "ipykernel" not in sys.modules:
        return
    backend = str(matplotlib.rcParams["backend"])
    if backend.startswith("module://") and backend.removeprefix("module://") not in sys.modules:
        import matplotlib.pyplot as plt

        plt.switch_backend(backend)


def new_figure(figsize: tuple[float, float] = FIGSIZE) -> Figure:
    """A Figure outside pyplot's care: shown where a notebook cell returns it, open until then."""
    _load_kernel_backend()
    return Figure(figsize=figsize)


def apply_house_style() -> None:
    """Set seaborn and matplotlib so that every chart looks alike and saves the same bytes each run."""
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE)
    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",  # carries every Vietnamese diacritic
            "axes.titlesize": 11,
            "axes.titleweight": "bold",
            "axes.labelsize": 9,
            "xtick.labelsize": 9,
            "ytick.labelsize": 9,
            "legend.fontsize": 8,
            "legend.frameon": False,
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "svg.hashsalt": "phu-luc",  # fixed ids inside SVG files
            "svg.fonttype": "path",
        }
    )


apply_house_style()


def _number_axis(ax: Axes, lang: str, axis: str = "y") -> None:
    formatter = FuncFormatter(lambda v, _pos: fmt_number(v, lang, None if abs(v) < 100 else 0))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


def _year_axis(ax: Axes) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{int(round(v))}"))


SOURCE_WRAP = 130  # characters of the source line that fit the chart's width at 7 pt


def _finish(fig: Figure, ax: Axes, title: str, source: str, lang: str) -> Figure:
    ax.set_title(title, loc="left")
    # A long list of sources wraps onto more lines instead of running off the right edge.
    lines = textwrap.wrap(f"{say('common:source', lang)}: {source}", SOURCE_WRAP) or [""]
    fig.text(0.01, 0.01, "\n".join(lines), fontsize=7, color="#555555", ha="left", va="bottom")
    bottom = 0.05 + 0.11 / fig.get_figheight() * (len(lines) - 1)  # ~8 pt per extra line
    fig.tight_layout(rect=(0, bottom, 1, 1))
    return fig


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
) -> Figure:
    """Lines of ``value`` over ``period`` for each ``series_col``; dashed verticals mark breaks.

    ``breaks`` holds (first period under the new definition, short label).
    ``y_from_zero=False`` fits the value axis to the data (for rates that move
    within a few points, e.g. 66–75%); the caption should then say so.
    """
    fig = new_figure(FIGSIZE)
    ax = fig.subplots()
    order = {name: i for i, name in enumerate(data[series_col].drop_duplicates())}
    for i, (name, group) in enumerate(data.groupby(series_col, sort=False)):
        group = group.sort_values("period")
        colour = PALETTE[i % len(PALETTE)]
        # A line never joins two definitions: each stretch between breaks is drawn on its own.
        edges = sorted(b for b, _ in breaks)
        stretch = group["period"].map(lambda p, edges=edges: sum(p >= e for e in edges))
        for j, (_, piece) in enumerate(group.groupby(stretch, sort=True)):
            ax.plot(piece["period"], piece["value"], marker="o", color=colour, label=str(name) if j == 0 else None)
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
                place = {"xytext": (0, -8), "va": "top"} if under else {"xytext": (0, 6)}
                label = fmt_number(y, lang, None if d is None or pd.isna(d) else int(d))
                ax.annotate(label, (x, y), textcoords="offset points", ha="center", fontsize=7, **place)
    for first_period, label in breaks:
        ax.axvline(first_period - 0.5, color=BREAK_COLOUR, linestyle="--", linewidth=1)
        ax.text(
            first_period - 0.45,
            0.97,
            label,
            transform=ax.get_xaxis_transform(),
            fontsize=7,
            color=BREAK_COLOUR,
            va="top",
        )
    _year_axis(ax)
    _number_axis(ax, lang)
    ax.set_ylabel(y_label)
    ax.set_xlabel(say("common:axis.year", lang))
    top = float(data["value"].max())
    if y_from_zero:
        ax.set_ylim(bottom=0, top=max(top * 1.15, 1e-9))
    else:
        low = float(data["value"].min())
        span = max(top - low, abs(top) * 0.05, 1e-9)
        ax.set_ylim(bottom=low - 0.3 * span, top=top + 0.25 * span)
    if data[series_col].nunique() > 1:
        ax.legend(loc="best")
    return _finish(fig, ax, title, source, lang)


def bar_chart(
    data: pd.DataFrame,
    *,
    title: str,
    x_label: str,
    source: str,
    lang: str,
    category_col: str = "category",
    hue_col: str | None = None,
) -> Figure:
    """Horizontal bars of ``value`` by ``category_col`` (and ``hue_col``), values written at the bar ends."""
    keys = [category_col] + ([hue_col] if hue_col else [])
    if data.duplicated(subset=keys).any():
        # seaborn would draw the mean of the duplicates with an error bar: a value nobody printed.
        raise ValueError(f"bar_chart: more than one value for the same bar ({', '.join(keys)}); name each bar apart")
    height = max(2.4, 0.42 * len(data) + 1.2)
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
    for container in ax.containers:
        ax.bar_label(container, labels=[fmt_number(v, lang) for v in container.datavalues], padding=3, fontsize=7)
    _number_axis(ax, lang, axis="x")
    ax.set_xlabel(x_label)
    ax.set_ylabel("")
    ax.margins(x=0.15)
    return _finish(fig, ax, title, source, lang)


def actual_vs_target_chart(
    data: pd.DataFrame,
    *,
    title: str,
    y_label: str,
    source: str,
    lang: str,
    kind_labels: dict[str, str],
) -> Figure:
    """Bars per year for each ``kind`` (actual, plan, target) so results sit beside what was aimed for."""
    fig = new_figure(FIGSIZE)
    ax = fig.subplots()
    kinds = [k for k in ("actual", "plan", "target", "estimate") if k in set(data["kind"])]
    colours = {"actual": ACTUAL_COLOUR, "plan": PLAN_COLOUR, "target": TARGET_COLOUR, "estimate": PALETTE[3]}
    periods = sorted(data["period"].unique())
    width = 0.8 / max(1, len(kinds))
    # Many narrow bars: write their values upright so that neighbours' labels do not run together.
    upright = len(kinds) * len(periods) > 8
    for i, kind in enumerate(kinds):
        part = data[data["kind"] == kind].set_index("period")["value"]
        xs = [p - 0.4 + width * (i + 0.5) for p in periods if p in part.index]
        ys = [part[p] for p in periods if p in part.index]
        bars = ax.bar(xs, ys, width=width, color=colours[kind], label=kind_labels.get(kind, kind))
        ax.bar_label(
            bars, labels=[fmt_number(v, lang) for v in ys], padding=2, fontsize=7, rotation=90 if upright else 0
        )
    _year_axis(ax)
    _number_axis(ax, lang)
    ax.set_ylabel(y_label)
    ax.set_xlabel(say("common:axis.year", lang))
    # One row of legend over headroom kept free of bars and their labels.
    ax.legend(loc="upper left", ncol=len(kinds))
    ax.set_ylim(bottom=0, top=max(float(data["value"].max()), 1e-9) * (1.4 if upright else 1.3))
    return _finish(fig, ax, title, source, lang)


def captioned(fig: Figure | None, **values: object) -> Figure | None:
    """``fig`` carrying the values its caption is filled with when a notebook hands it to the appendix
    (``rep.figure(fig, name)`` reads ``<name>.caption`` from the section's text file)."""
    if fig is not None:
        fig.caption_values = values
    return fig


def save_figure(fig: Figure, folder: Path, name: str) -> list[Path]:
    """Save ``fig`` as ``name``.png and .svg without timestamps, so the same inputs give the same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    fig.savefig(png, format="png", metadata={"Software": None})
    fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return [png, svg]
