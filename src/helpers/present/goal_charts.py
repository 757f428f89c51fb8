"""Results beside their goals over the years: results as bars, plans and targets as level markers across them,
a goal printed as a range as a shaded band; in the house style of :mod:`helpers.present.charts`."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from helpers.present.charts import finish, number_axis, ranged_rows, value_text, year_axis
from helpers.present.house import ACTUAL_COLOUR, FIGSIZE, PALETTE, PLAN_COLOUR, TARGET_COLOUR, new_figure, styled
from helpers.text import say
from helpers.text.formatting import fmt_number

RESULT_STYLE = {"actual": {"color": ACTUAL_COLOUR}, "estimate": {"color": PALETTE[3], "hatch": "///", "alpha": 0.8}}
GOAL_STYLE = {"plan": {"color": PLAN_COLOUR, "ls": "-"}, "target": {"color": TARGET_COLOUR, "ls": (0, (1.5, 1))}}
INK = "#1f2933"  # a label shared by goals of two kinds
HALF_SLOT = 0.27  # half the width of a year's bar and of its goal markers, in years
LABEL_GAP_PT = 11  # the least vertical distance between two goal labels of one year


def _goal_labels(
    ax: Axes, fig: Figure, items: list[tuple[float, float, str, str]], printed: set[tuple[float, str]]
) -> list[Text]:
    """Write goal values right of their markers, level, moved apart vertically where two would overlap. A value
    is written once a year: a plan and a target of the same level share one label, in the ink colour, and a goal
    equal to the year's result (``printed``: its (period, text) pairs) is shown by its marker at the bar's top."""
    low, high = ax.get_ylim()
    points_per_unit = (fig.get_figheight() - 1.4) * 72 / max(high - low, 1e-9)
    by_period: dict[float, dict[str, tuple[float, str]]] = {}
    for x, y, text, colour in items:
        if (x, text) in printed:
            continue
        same = by_period.setdefault(x, {}).get(text)
        by_period[x][text] = (y, colour if same is None or same[1] == colour else INK)
    written: list[Text] = []
    for x, labels in by_period.items():
        last = None
        for text, (y, colour) in sorted(labels.items(), key=lambda item: item[1][0]):
            at = y * points_per_unit if last is None else max(y * points_per_unit, last + LABEL_GAP_PT)
            last = at
            label = ax.annotate(
                text,
                (x + HALF_SLOT, y),
                textcoords="offset points",
                xytext=(2, at - y * points_per_unit),
                va="center",
                color=colour,
            )
            value_text(label)
            written.append(label)
    return written


def _clear(label: Text, ax: Axes, fig: Figure) -> None:
    """Move a goal label up until it overlaps no text written before it (at print size a year's slot is narrower
    than two 10 pt values side by side, so a goal's label may meet the next year's result)."""
    renderer = fig._get_renderer()  # the Figure has no canvas of its own (house.new_figure): matplotlib's own helper
    others = [t.get_window_extent(renderer) for t in ax.texts if t is not label and t.get_text()]
    for _ in range(20):
        box = label.get_window_extent(renderer)
        hit = [o for o in others if box.overlaps(o)]
        if not hit:
            return
        rise = (max(o.y1 for o in hit) - box.y0) * 72 / fig.dpi + 1  # points
        dx, dy = label.xyann
        label.xyann = (dx, dy + rise)


@styled
def actual_vs_target_chart(
    data: pd.DataFrame,
    *,
    title: str,
    y_label: str,
    source: str,
    lang: str,
    kind_labels: dict[str, str],
) -> Figure:
    """Results (actual, estimate) as bars per year, plans and targets as level markers across them, and a goal
    printed as a range (``low`` and ``high``) as a shaded band: a goal is never a bar of its own. Values are
    written level: results inside their bars, goals beside their markers."""
    fig = new_figure(FIGSIZE)
    ax = fig.subplots()
    ranged = ranged_rows(data)
    results = data[data["kind"].isin(RESULT_STYLE)]
    goals = data[data["kind"].isin(GOAL_STYLE) & ~ranged]
    bands = data[data["kind"].isin(GOAL_STYLE) & ranged]
    printed: set[tuple[float, str]] = set()  # the results' labels, (period, text)
    for kind, style in RESULT_STYLE.items():
        part = results[results["kind"] == kind]
        if part.empty:
            continue
        # A year with both a result and an estimate shows them side by side in its slot.
        both = part["period"].isin(results.loc[results["kind"] != kind, "period"])
        shift = (-0.5 if kind == "actual" else 0.5) * HALF_SLOT
        xs = part["period"] + both * shift
        widths = [HALF_SLOT if b else 2 * HALF_SLOT for b in both]
        bars = ax.bar(xs, part["value"], width=widths, label=kind_labels.get(kind, kind), edgecolor="white", **style)
        printed |= {(p, fmt_number(v, lang)) for p, v in zip(part["period"], part["value"], strict=True)}
        for text in ax.bar_label(bars, labels=[fmt_number(v, lang) for v in part["value"]], padding=2, rotation=0):
            value_text(text)
    labels = []
    for kind, style in GOAL_STYLE.items():
        part = goals[goals["kind"] == kind]
        for k, row in enumerate(part.itertuples()):
            ax.plot(
                [row.period - HALF_SLOT, row.period + HALF_SLOT],
                [row.value, row.value],
                lw=2.5,
                label=kind_labels.get(kind, kind) if k == 0 else None,
                **style,
            )
            labels.append((row.period, row.value, fmt_number(row.value, lang), style["color"]))
        part = bands[bands["kind"] == kind]
        for k, row in enumerate(part.itertuples()):
            ax.fill_between(
                [row.period - HALF_SLOT, row.period + HALF_SLOT],
                row.low,
                row.high,
                color=style["color"],
                alpha=0.3,
                lw=0,
                label=kind_labels.get(kind, kind) if k == 0 and goals[goals["kind"] == kind].empty else None,
            )
            labels.append(
                (
                    row.period,
                    (row.low + row.high) / 2,
                    f"{fmt_number(row.low, lang)}–{fmt_number(row.high, lang)}",
                    style["color"],
                )
            )
    year_axis(ax)
    number_axis(ax, lang)
    ax.set_ylabel(y_label)
    ax.set_xlabel(say("common:axis.year", lang))
    periods = sorted(data["period"].unique())
    ax.set_xlim(periods[0] - 0.6, periods[-1] + 0.9)  # room right of the last year for its goals' labels
    ends = pd.concat([data["value"], bands["high"]]) if len(bands) else data["value"]
    handles, names = ax.get_legend_handles_labels()
    order = [kind_labels.get(k, k) for k in (*RESULT_STYLE, *GOAL_STYLE)]
    pairs = sorted(zip(handles, names, strict=True), key=lambda pair: order.index(pair[1]))
    # Under the axes, not in the headroom, where the goals' labels may need to rise.
    ax.legend([h for h, _ in pairs], [n for _, n in pairs], loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=4)
    ax.set_ylim(bottom=0, top=max(float(ends.max()), 1e-9) * 1.3)
    goal_labels = _goal_labels(ax, fig, labels, printed)
    finish(fig, ax, title, source, lang)
    for label in goal_labels:  # once the layout is final
        _clear(label, ax, fig)
    return fig
