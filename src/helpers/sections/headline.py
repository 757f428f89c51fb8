"""The first page (notebook 00, first section): the headline indicators of data/headline.csv at a glance.

The numbers come from :func:`helpers.analysis.headline.headline` (the goal judged by the one scorecard); here they
get names and words in the reader's language (``headline.yml``), the table and the small multiples of
:mod:`helpers.present.sparklines`. The heading is marked ``part="front"``: the appendix puts the section first.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.headline import headline
from helpers.data.loading import load_catalogue, load_headline
from helpers.data.query import unit_label
from helpers.present.report import Report
from helpers.present.sparklines import Spark, sparklines
from helpers.present.tables import Table
from helpers.sections.overview import goal_text
from helpers.text import say, texts_for
from helpers.text.formatting import PERCENT_UNITS, fmt_printed, fmt_value
from helpers.text.vocabulary import KIND_LABELS, instrument_name, label, part_year_text

T = texts_for(__name__)
NO_VALUE = "–"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def value_text(value: object, unit: str, indicator_id: str, lang: str, printed: object = None) -> str:
    """A figure with its unit in words ("7.540 hộ", "2,27%"), with the precision it was printed with."""
    if _missing(value):
        return NO_VALUE
    number = fmt_printed(float(value), unit, lang, printed)  # the decimals of the print: "1,40%" stays 1,40%
    if unit in PERCENT_UNITS or unit == "percentage_points":
        return number
    return T("value.unit", lang, value=number, unit=unit_label(indicator_id, lang, count=float(value)))


def result_text(row: pd.Series, lang: str) -> str:
    """The year's result as the first page shows it: the full-year figure, an estimate marked as one ("ước 1,5%"),
    or a part-year count with its cut-off ("tính đến 31/7/2025: 11.556 người")."""
    text = value_text(row["value"], row["unit"], row["indicator_id"], lang, row["printed"])
    if _missing(row["value"]):
        return text
    if row.get("value_as_of"):
        return T("value.part_year", lang, when=part_year_text(row["value_as_of"], lang), value=text)
    return T("value.estimate", lang, value=text) if row.get("value_kind") == "estimate" else text


def _signed_change(row: pd.Series, lang: str) -> str:
    """The change with its unit; a bound stays a bound: from "dưới 1,2%" the fall is "giảm hơn 0,2 điểm"."""
    change, unit, bound = float(row["change"]), row["change_unit"], row.get("change_bound")
    words = unit not in PERCENT_UNITS and unit != "percentage_points"

    def with_unit(number: str, count: float) -> str:
        return (
            T("value.unit", lang, value=number, unit=unit_label(row["indicator_id"], lang, count=count))
            if words
            else number
        )

    if bound == "ceiling" and change < 0:
        return T("change.fell_more", lang, amount=with_unit(fmt_value(-change, unit, lang), -change))
    if bound == "floor" and change > 0:
        return T("change.rose_more", lang, amount=with_unit(fmt_value(change, unit, lang), change))
    text = with_unit(fmt_value(change, unit, lang, signed=True), change)
    if bound in ("ceiling", "floor"):
        return T("change.below" if bound == "ceiling" else "change.above", lang, change=text)
    return text


def change_text(row: pd.Series, lang: str) -> str:
    """The change on the earlier result, signed, with the earlier year and value; or that there is none."""
    if _missing(row["change"]):
        return T("change.none", lang)
    change = _signed_change(row, lang)
    previous = value_text(row["previous"], row["unit"], row["indicator_id"], lang, row["previous_printed"])
    return T("change.text", lang, change=change, previous_year=int(row["previous_year"]), previous=previous)


def margin_text(row: pd.Series, lang: str) -> str:
    """How far the result is on the good side of the goal (or short of it), in the unit of a change; a result
    inside a band says so instead (its margin to the near end is no news)."""
    inside = not _missing(row["goal_low"]) and float(row["goal_low"]) <= float(row["value"]) <= float(row["goal_high"])
    if inside:
        return T("status.inside", lang)
    margin = float(row["margin"])
    if margin == 0:
        return ""
    amount = fmt_value(abs(margin), row["change_unit"], lang)
    if row["change_unit"] not in PERCENT_UNITS and row["change_unit"] != "percentage_points":
        amount = T("value.unit", lang, value=amount, unit=unit_label(row["indicator_id"], lang, count=margin))
    return T("status.better" if margin > 0 else "status.worse", lang, amount=amount)


def status_text(row: pd.Series, year: int, lang: str) -> str:
    """The verdict on the year's goal in the indicator's good direction, the goal as the reader takes it ("dưới
    2,1%", "70–75%") and what set it (plan or target, and its instrument); or that there is no comparable goal."""
    if _missing(row["goal"]):
        return T("status.none", lang, year=year)
    bound = row["bound"] if isinstance(row["bound"], str) else None
    goal = goal_text(float(row["goal"]), row["unit"], bound, lang, row["goal_printed"])
    key = "status.not_judged" if _missing(row["met"]) else ("status.met" if row["met"] else "status.not_met")
    if not _missing(row["met"]) and row.get("value_kind") == "estimate":
        key += "_estimated"  # "Ước đạt", as every verdict on an estimate
    margin = "" if _missing(row["met"]) else margin_text(row, lang)
    kind = label(KIND_LABELS, row["goal_kind"], lang)
    instrument = row["instrument"] if isinstance(row["instrument"], str) and row["instrument"] else ""
    instrument = instrument_name(instrument, lang) if instrument else ""
    set_by = T("status.set_by", lang, kind=kind, instrument=instrument) if instrument else kind
    text = T(key, lang, goal=goal, margin=margin, set_by=set_by)
    more = int(row["goals"]) - 1
    return text + (T("status.more", lang, n=more) if more > 0 else "")


def names(frame: pd.DataFrame, lang: str) -> list[str]:
    """The catalogue's names of the frame's indicators in ``lang`` (also of one without a figure in the year)."""
    catalogue = load_catalogue().set_index("indicator_id")[f"name_{lang}"]
    return [str(catalogue[i]) for i in frame["indicator_id"]]


def rows(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The headline frame (:func:`helpers.analysis.headline.headline`) with each indicator's name; None when no
    headline indicator has a result for ``year``."""
    frame = headline(figures, year, load_headline())
    if frame["value"].isna().all():
        return None
    return frame.assign(name=names(frame, lang))


def table(frame: pd.DataFrame, year: int, lang: str) -> Table:
    """The first page's table: indicator, result, change, verdict on the goal; raw numbers and the trend years."""
    shown = pd.DataFrame(
        {
            say("common:column.indicator", lang): [f"{r.order}. {r.name}" for r in frame.itertuples()],
            T("column.value", lang, year=year): [result_text(r, lang) for _, r in frame.iterrows()],
            T("column.change", lang): [change_text(r, lang) for _, r in frame.iterrows()],
            T("column.goal", lang, year=year): [status_text(r, year, lang) for _, r in frame.iterrows()],
        }
    )
    # value_<year> columns are the trend's years: the result's kind and cut-off are named result_*.
    renamed = {
        "previous": "previous_value",
        "previous_year": "previous_period",
        "value_kind": "result_kind",
        "value_as_of": "result_as_of",
    }
    raw = frame.rename(columns=renamed)[
        [
            "indicator_id",
            "unit",
            "value",
            "printed",
            "result_kind",
            "result_as_of",
            "previous_value",
            "previous_printed",
            "previous_period",
            "change",
            "change_bound",
            "goal_kind",
            "instrument",
            "goal",
            "goal_low",
            "goal_high",
            "goal_printed",
            "bound",
            "margin",
            "met",
        ]
    ].reset_index(drop=True)
    first = min(y for t in frame["trend"] for y, _ in t)
    by_year = {f"value_{y}": [dict(t).get(y, math.nan) for t in frame["trend"]] for y in range(first, year + 1)}
    raw = raw.assign(**by_year)
    sources = sorted(
        {s for s in frame["source_id"].dropna()} | {s for s in frame["goal_source_id"].dropna() if isinstance(s, str)}
    )
    return Table(shown, raw, sources)


def trend_chart(frame: pd.DataFrame, year: int, lang: str, source: str) -> Figure:
    """Small multiples: each indicator's results over the trend years, its first and last labelled, the goal."""
    first = min(y for t in frame["trend"] for y, _ in t)
    sparks = []
    for _, r in frame.iterrows():
        shown = [(y, v) for y, v in r["trend"] if not math.isnan(v)]
        # The panels label bare numbers (the table beside them names the units).
        first_label = fmt_value(shown[0][1], r["unit"], lang) if shown else ""
        sparks.append(
            Spark(
                title=f"{r['order']}. {r['name']}",
                points=r["trend"],
                first_label=first_label,
                # Only a full-year result is a point of the line (an estimate or a part-year count is in the table).
                last_label=""
                if _missing(r["value"]) or r.get("value_kind") != "actual" or r.get("value_as_of")
                else fmt_printed(r["value"], r["unit"], lang, r["printed"]),
                goal=None if _missing(r["goal"]) else float(r["goal"]),
                goal_low=None if _missing(r["goal_low"]) else float(r["goal_low"]),
                goal_high=None if _missing(r["goal_high"]) else float(r["goal_high"]),
                since=r["trend"][0][0] if r["trend"][0][0] > first else None,
            )
        )
    # The title states the message (how many of the goals were met); the caption says what is plotted.
    # Only results count in the title: a verdict on an estimate reads "Ước đạt" in the table, never "met" here.
    judged = frame.loc[frame["value_kind"] == "actual", "met"].dropna().astype(bool)
    key = "trend.title_none" if judged.empty else "trend.title_all" if judged.all() else "trend.title"
    title = T(key, lang, count=len(judged), first=first, year=year, met=int(judged.sum()), judged=len(judged))
    fig = sparklines(sparks, (first, year), title=title, source=source, lang=lang)
    fig.caption_values = {"first": first}
    return fig


# The notebook's section ---------------------------------------------------------


def frame(rep: Report) -> pd.DataFrame | None:
    """Section: its heading (marked for the front of the appendix) and the headline frame (None: "no data")."""
    return rep.section(T.key("headline"), rows(rep.figures, rep.year, rep.lang), level=1, part="front")


def trends(rep: Report, data: pd.DataFrame | None) -> Figure | None:
    """The small multiples of the headline indicators (None without data)."""
    if data is None:
        return None
    return trend_chart(data, rep.year, rep.lang, rep.source_line(sorted(set(data["source_id"].dropna()))))


def hand_off(rep: Report, data: pd.DataFrame | None, fig: Figure | None) -> None:
    """Hand the table and the small multiples to the appendix."""
    if data is None:
        return
    # The captions are this module's texts (headline.yml), not the notebook's.
    rep.table(table(data, rep.year, rep.lang), "headline", caption=T("headline.caption", rep.lang, year=rep.year))
    if fig is not None:
        caption = T("headline_trends.caption", rep.lang, year=rep.year, **fig.caption_values)
        rep.figure(fig, "headline_trends", caption=caption)
