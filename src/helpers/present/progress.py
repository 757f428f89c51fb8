"""Progress towards goals as the reader sees it, shared by the poverty (01) and employment (02) sections: the
results beside the plans and targets over the years (:func:`goal_chart`, :func:`kind_line_chart`), and the yearly
pace each goal ahead needs against the pace achieved (:func:`progress_table`, :func:`pace_chart`,
:func:`pace_sentences`). The analysis is in :mod:`helpers.analysis.progress` and :mod:`helpers.analysis.series`
(some names re-exported here as ``pg.<name>``); this module holds the tables, charts and sentences (words in
``text/progress.yml``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.attainment import direction
from helpers.analysis.progress import PROGRESS_COLUMNS, assessment_key, one_per_goal, pace_values, progress
from helpers.analysis.series import (  # noqa: F401  (the other sections still call them as pg.<name>)
    GOAL_KINDS,
    KIND_ORDER,
    breaks_of,
    breaks_within,
    drawn,
    goal_series,
)
from helpers.data.loading import load_series_breaks, load_sources
from helpers.data.printed import parse_printed, read_vi_number, shown_decimals
from helpers.data.query import indicator_name, unit_label
from helpers.present import chart_titles, charts, goal_charts
from helpers.present.lines import Table, qualified, qualifier, unit_name
from helpers.text import vocabulary
from helpers.text.formatting import fmt_number, fmt_points, fmt_printed, fmt_value
from helpers.text.templates import texts_for

T = texts_for(__name__)
__all__ = ["PROGRESS_COLUMNS", "assessment_key", "direction", "pace_values", "progress"]  # re-exported analysis


def kind_label(kind: str, lang: str) -> str:
    """The name of a figure kind ("Thực hiện", "Kế hoạch"…) in ``lang``."""
    return vocabulary.label(vocabulary.KIND_LABELS, kind, lang)


def kind_labels(lang: str) -> dict[str, str]:
    """All kind names in ``lang``, for ``goal_charts.actual_vs_target_chart``."""
    return {kind: kind_label(kind, lang) for kind in KIND_ORDER}


def break_labels(indicator_id: str, lang: str) -> list[tuple[int, str]]:
    """(first period, full label in ``lang``) of each break of ``indicator_id``."""
    breaks = load_series_breaks()
    rows = breaks[breaks["indicator_id"] == indicator_id].sort_values("first_period")
    return [(int(r["first_period"]), str(r[f"label_{lang}"])) for _, r in rows.iterrows()]


def range_text(printed: str | None, unit: str, lang: str) -> str | None:
    """A range goal as a reader should see it ("2–2,2%"), or None when the print is not a range."""
    parsed = parse_printed(printed) if printed else None
    if parsed is None or not parsed.is_range:
        return None
    low, high = (float(read_vi_number(n)) for n in parsed.numbers)
    return f"{fmt_printed(low, 'count', lang, printed)}–{fmt_printed(high, unit, lang, printed)}"


def goal_level_text(value: float, unit: str, printed: str, lang: str) -> str:
    """A goal with its bound or range, a range always with both ends: "dưới 1,76%", "2–2,2%", "hơn 17.000"."""
    ranged = range_text(printed, unit, lang)
    if ranged:
        return ranged  # a band: judged at its near end, with the gap to both ends (helpers.analysis.attainment)
    return qualified(value, unit, lang, printed)


def short_name(indicator_id: str, lang: str) -> str:
    """An indicator's catalogue name for use inside a sentence: without its parenthesised gloss."""
    return indicator_name(indicator_id, lang).split(" (")[0]


def cap(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def low(text: str) -> str:
    """``text`` with its first letter in lower case (for a name inside a sentence)."""
    return text[:1].lower() + text[1:]


def change_text(value: float | None, unit: str, lang: str, signed: bool = True) -> str:
    """A change in ``unit``: percentage points for rates, otherwise the number and the unit's name."""
    if value is None:
        return "–"
    if unit in ("percent", "percentage_points"):
        return fmt_points(value, lang, signed=signed)
    return f"{fmt_number(value, lang, signed=signed)} {unit_name(unit, lang, count=value)}"


def change_unit_text(unit: str, lang: str) -> str:
    """The unit a change of ``unit`` is counted in: "điểm phần trăm" for rates, else the unit's name."""
    return unit_name("percentage_points" if unit in ("percent", "percentage_points") else unit, lang)


# Results beside goals over the years ----------------------------------------


def _goal_item(kind: str, period: int, text: str, lang: str) -> str:
    return f"{kind_label(kind, lang).lower()} {period}: {text}"


def qualified_note(data: pd.DataFrame, unit: str, lang: str) -> str:
    """A sentence listing the figures printed with a qualifier or as a range, which a chart shows as bare numbers.

    Empty when every figure was printed plainly.
    """
    items = []
    for row in drawn(data).itertuples():
        ranged = range_text(row.printed, unit, lang)
        if ranged:
            items.append(_goal_item(row.kind, row.period, ranged, lang))
        elif qualifier(row.printed):
            items.append(_goal_item(row.kind, row.period, qualified(row.value, unit, lang, row.printed), lang))
    hidden = data[~data.index.isin(drawn(data).index)]
    others = (
        [
            _goal_item(
                r.kind, r.period, range_text(r.printed, unit, lang) or qualified(r.value, unit, lang, r.printed), lang
            )
            + vocabulary.instrument_after(r.instrument, lang)
            for r in hidden.itertuples()
        ]
        if "instrument" in data.columns
        else []
    )
    notes = []
    if items:
        notes.append(T("note.qualified", lang, items="; ".join(items)))
    if others:
        notes.append(T("note.other_goals", lang, items="; ".join(others)))
    return " ".join(notes)


def goal_chart(data: pd.DataFrame, indicator_id: str, lang: str, source: str, title: str | None = None) -> Figure:
    """Bars per year of results, with plans and targets as markers or bands (from :func:`goal_series`)."""
    return goal_charts.actual_vs_target_chart(
        drawn(data)[["period", "kind", "value", "low", "high"]],
        title=title or indicator_name(indicator_id, lang),
        y_label=axis_text(indicator_id, lang),
        source=source,
        lang=lang,
        kind_labels=kind_labels(lang),
    )


def kind_line_chart(
    data: pd.DataFrame,
    indicator_id: str,
    lang: str,
    source: str,
    breaks: Sequence[tuple[int, str]] = (),
    title: str | None = None,
) -> Figure:
    """Lines per kind (results, estimates, plans, targets) of one indicator over the years."""
    data = drawn(data)
    frame = data.assign(
        series=data["kind"].map(lambda k: kind_label(k, lang)),
        decimals=[shown_decimals(p, v) for p, v in zip(data["printed"], data["value"], strict=True)],
    )
    return charts.line_chart(
        frame[["period", "value", "series", "low", "high", "decimals"]],
        title=title or indicator_name(indicator_id, lang),
        y_label=axis_text(indicator_id, lang),
        source=source,
        lang=lang,
        breaks=breaks,
    )


def axis_text(indicator_id: str, lang: str) -> str:
    """The value axis label: the unit from the catalogue ("Đơn vị: %", "Unit: persons")."""
    return T("axis.unit", lang, unit=unit_label(indicator_id, lang))


# Pace towards goals (the numbers: helpers.analysis.progress) -------------------


def latest_text(value: float, unit: str, printed: str, period: int, kind: str, lang: str) -> str:
    """A result with its period, and "ước tính" when it is an estimate: "2,27% (2023)"."""
    when = f"{period}" if kind == "actual" else f"{period}, {kind_label(kind, lang).lower()}"
    return f"{qualified(value, unit, lang, printed)} ({when})"


def band_ends(r: object) -> tuple[float, float]:
    """A band goal's near end (reached first from the good side) and far end, by the indicator's direction."""
    return (r.goal_low, r.goal_high) if direction(r.polarity, r.bound) >= 0 else (r.goal_high, r.goal_low)


def _is_band(r: object) -> bool:
    far = getattr(r, "gap_far", None)
    return far is not None and not pd.isna(far)


def gap_text(r: object, lang: str) -> str:
    """The margin against the goal (+ = better than the goal, − = short of it); for a band, against both ends."""
    margin = None if pd.isna(r.margin) else r.margin
    if margin is None or not _is_band(r):
        return change_text(margin, r.unit, lang)
    near, far = band_ends(r)
    return T(
        "gap.band",
        lang,
        near=change_text(margin, r.unit, lang),
        far=change_text(r.margin_far, r.unit, lang),
        near_end=fmt_value(near, r.unit, lang),
        far_end=fmt_value(far, r.unit, lang),
    )


def needed_text(r: object, lang: str) -> str:
    """The change needed per year (signed: later minus earlier); for a band, to each of its ends."""
    if pd.isna(r.required):
        return change_text(None, r.unit, lang)
    if not _is_band(r) or pd.isna(r.required_far):
        return change_text(r.required, r.unit, lang)
    near, far = band_ends(r)
    reached = not pd.isna(r.margin) and r.margin >= 0  # the near end is already reached: no pace is needed to it
    return T(
        "gap.band",
        lang,
        near=T("needed.reached", lang) if reached else change_text(r.required, r.unit, lang),
        far=change_text(r.required_far, r.unit, lang),
        near_end=fmt_value(near, r.unit, lang),
        far_end=fmt_value(far, r.unit, lang),
    )


def _goal_text(r: object, lang: str) -> str:
    return f"{kind_label(r.goal_kind, lang)} {r.goal_period}{vocabulary.instrument_after(r.instrument, lang)}"


def _achieved_text(r: object, lang: str) -> str:
    if pd.isna(r.achieved):
        return "–"
    return f"{change_text(r.achieved, r.unit, lang)} ({int(r.achieved_from)}–{r.current_period})"


def progress_table(frame: pd.DataFrame, lang: str) -> Table:
    """The goals ahead as a reader's table (from :func:`progress`), one row per goal (:func:`one_per_goal`: a goal
    two instruments set names both), with the raw numbers beside it."""
    # Every source a row rests on, the first result of the pace achieved included.
    bases = set(frame["achieved_base_source_id"].dropna())
    sources = sorted(set(frame["goal_source_id"]) | set(frame["current_source_id"]) | bases)
    frame = one_per_goal(frame)
    rows = list(frame.itertuples())
    columns = {
        "goal": [_goal_text(r, lang) for r in rows],
        "level": [goal_level_text(r.goal, r.unit, r.goal_printed, lang) for r in rows],
        "latest": [
            latest_text(r.current, r.unit, r.current_printed, r.current_period, r.current_kind, lang) for r in rows
        ],
        "gap": [gap_text(r, lang) for r in rows],
        "needed": [needed_text(r, lang) for r in rows],
        "achieved": [_achieved_text(r, lang) for r in rows],
        "assessment": [T(f"assessment.{assessment_key(r)}", lang) for r in rows],
    }
    shown = pd.DataFrame({T(f"column.{name}", lang): cells for name, cells in columns.items()})
    return Table(shown, frame.drop(columns=["polarity"]), sources)


def _bar_name(bar: object, lang: str) -> str:
    if bar.what == "achieved":
        return T("pace.bar.achieved", lang, start=int(bar.start), end=int(bar.end))
    return T(
        "pace.bar.needed",
        lang,
        kind=kind_label(bar.goal_kind, lang).lower(),
        period=bar.goal_period,
        instrument=vocabulary.instrument_name(bar.instrument, lang),
    )


def pace_chart_data(frame: pd.DataFrame, lang: str) -> pd.DataFrame | None:
    """The bars of :func:`helpers.analysis.progress.pace_values`, named: columns category, value, what,
    range_start (a band goal's bar runs from the pace to its near end to the pace to its far end, ``value``).

    None when there is nothing to compare (no comparable goal or no pace achieved).
    """
    bars = pace_values(frame)
    if bars is None:
        return None
    band = bars["far"].notna()
    return pd.DataFrame(
        {
            "category": [_bar_name(b, lang) for b in bars.itertuples()],
            "value": bars["far"].where(band, bars["value"]).tolist(),
            "what": bars["what"].tolist(),
            "range_start": bars["value"].where(band).tolist(),
        }
    )


def pace_chart(frame: pd.DataFrame, indicator_id: str, lang: str, source: str) -> Figure | None:
    """The bar chart of :func:`pace_chart_data`, or None when there is nothing to compare."""
    data = pace_chart_data(frame, lang)
    if data is None:
        return None
    sign = direction(str(frame["polarity"].iloc[0])) or 1
    unit = change_unit_text(str(frame["unit"].iloc[0]), lang)
    rate = str(frame["unit"].iloc[0]) in ("percent", "percentage_points")
    return charts.bar_chart(
        data[["category", "value", "range_start"]],
        title=chart_titles.pace_title(
            pace_values(frame), "percentage_points" if rate else str(frame["unit"].iloc[0]), lang
        ),
        x_label=T("pace.axis.down" if sign < 0 else "pace.axis.up", lang, unit=unit),
        source=source,
        lang=lang,
    )


def _met_sentence(r: object, name: str, level: str, lang: str) -> str:
    sentence = cap(
        T(
            "pace.met",
            lang,
            name=name,
            b=qualified(r.current, r.unit, lang, r.current_printed),
            p=r.current_period,
            kind=kind_label(r.goal_kind, lang).lower(),
            gp=r.goal_period,
            level=level,
        )
    )
    far_gap = getattr(r, "gap_far", None)
    if far_gap is not None and not pd.isna(far_gap) and far_gap * (direction(r.polarity) or 1) > 0:
        far_end = r.goal_high if direction(r.polarity) >= 0 else r.goal_low
        sentence += T(
            "pace.far",
            lang,
            far=fmt_value(far_end, r.unit, lang),
            gap=change_text(abs(far_gap), r.unit, lang, signed=False),
        )
    return sentence


def _needed_sentence(r: object, name: str, level: str, lang: str, again: bool = False) -> str:
    """``again``: the pace achieved was said in an earlier sentence, so this one only compares with it."""
    down = r.required < 0
    ach = ""
    if not pd.isna(r.achieved):
        same_way = (r.achieved < 0) == down and r.achieved != 0
        faster = abs(r.required) > abs(r.achieved) if same_way else True
        ach = T(
            ("pace.achieved_again" if again else "pace.achieved") + (".down" if r.achieved < 0 else ".up"),
            lang,
            cmp=T("pace.faster" if faster else "pace.slower", lang),
            ach=change_text(abs(r.achieved), r.unit, lang, signed=False),
            a=int(r.achieved_from),
            b=r.current_period,
            base="" if again else _base_text(r, lang),
        )
    req, band = change_text(abs(r.required), r.unit, lang, signed=False), ""
    if _is_band(r) and not pd.isna(r.required_far):
        # A band: the pace to its near end and to its far end, never the lenient end alone.
        near, far = band_ends(r)
        req = f"{fmt_number(abs(r.required), lang)}–{change_text(abs(r.required_far), r.unit, lang, signed=False)}"
        band = T(
            "pace.band_req",
            lang,
            near=fmt_number(abs(r.required), lang),
            far=fmt_number(abs(r.required_far), lang),
            near_end=fmt_value(near, r.unit, lang),
            far_end=fmt_value(far, r.unit, lang),
        )
    if r.bound in ("ceiling", "floor"):
        req = T("pace.strict", lang, req=req)  # "dưới 1,76%" is met only strictly past it: more than the gap a year
    return T(
        "pace.needed.down" if down else "pace.needed.up",
        lang,
        kind=kind_label(r.goal_kind, lang).lower(),
        gp=r.goal_period,
        level=level,
        name=name,
        req=req,
        when=_when_text(r, lang),
        band=band,
        ach=ach,
    )


def _when_text(r: object, lang: str) -> str:
    """ "trong năm 2024" for a goal one year after the latest result, "mỗi năm" for one further away."""
    if int(r.goal_period) - int(r.current_period) == 1:
        return T("pace.when.within", lang, year=int(r.goal_period))
    return T("pace.when.yearly", lang)


def _base_text(r: object, lang: str) -> str:
    """The first result the pace achieved is measured from, and whether its source prints a date."""
    if pd.isna(r.achieved_base):
        return ""
    sources = load_sources().set_index("source_id")
    source = r.achieved_base_source_id
    published = sources.at[source, "published"] if source in sources.index else "known"
    undated = pd.isna(published) or not str(published).strip()
    return T(
        "pace.base.undated" if undated else "pace.base",
        lang,
        level=qualified(r.achieved_base, r.unit, lang, r.achieved_base_printed),
        a=int(r.achieved_from),
    )


def pace_sentences(frame: pd.DataFrame | None, indicator_id: str, lang: str, limit: int = 2) -> list[str]:
    """Sentences on the first ``limit`` comparable goals of :func:`progress`: met already, or the
    yearly change needed against the yearly change achieved ("cao hơn"/"faster than" when more is needed)."""
    if frame is None:
        return []
    name = low(short_name(indicator_id, lang))
    rows = one_per_goal(frame[frame["comparable"]])  # a goal two instruments set is one sentence, not two
    sentences, said = [], False  # the pace achieved is said once; later sentences only compare with it
    for r in rows.head(limit).itertuples():
        level = goal_level_text(r.goal, r.unit, r.goal_printed, lang)
        if r.met_now:
            sentences.append(_met_sentence(r, name, level, lang))
            continue
        sentences.append(_needed_sentence(r, name, level, lang, again=said))
        said = said or not pd.isna(r.achieved)
    return sentences
