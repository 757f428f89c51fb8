"""Notebook 01's district parts (giảm nghèo): each district with a result of its own for the year beside the
whole area, one part each (heading, table, the sources that disagree, chart), none when no district has one.
Districts are a breakdown like any other (``district=…`` in data/figures, names from data/breakdown_labels.csv);
no district is named here. Words from ``poverty.yml``."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import poverty as an
from helpers.analysis.poverty import (
    alternatives,
    district_frame,
    times_province,
)
from helpers.data.loading import load_series_breaks
from helpers.data.query import category_label, indicator_name, unit_label
from helpers.present import chart_titles as ct
from helpers.present import charts
from helpers.present import progress as pg
from helpers.present.lines import axis_label, qualified
from helpers.present.report import Report, display, source_line
from helpers.present.tables import Table
from helpers.sections.poverty import T, _breaks, _name, select_unit
from helpers.text import say
from helpers.text.formatting import fmt_number
from helpers.text.vocabulary import area_words, publisher_names


def place(lang: str, district: str) -> str:
    """The district's name in ``lang``, from data/breakdown_labels.csv."""
    return category_label(an.district_dimension(), district, lang)


def district_id(district: str) -> str:
    """A district's code as an ASCII id for the names of its table and chart files: lower case, the marks dropped,
    "đ" read as "d", anything else between words an underscore. Hand-written on unicodedata (no transliteration
    library): Vietnamese needs nothing more."""
    text = unicodedata.normalize("NFKD", district.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def district_frames(figures: pd.DataFrame, year: int) -> dict[str, pd.DataFrame]:
    """:func:`district_frame` of every district with a result of its own for ``year`` (:func:`an.districts`)."""
    frames = {d: district_frame(figures, year, d) for d in an.districts(figures, year)}
    return {d: f for d, f in frames.items() if f is not None}


def district_part(rep: Report, frame: pd.DataFrame) -> None:
    """One district's part: its heading, its table, the sources that disagree on its figures, its chart."""
    district = frame.attrs["district"]
    name, values = district_id(district), {"place": place(rep.lang, district)}
    rep.section("district", anchor_values={"place": place("en", district)}, **values)
    rep.table(district_table(frame, rep.lang), name, caption=rep.say("district.caption", **values))
    rep.notes(district_break_notes(frame, rep.lang))
    rep.notes(disagreement_sentences(rep.figures, rep.year, rep.lang, district))
    fig = district_chart(frame, rep.lang)
    if fig is not None:
        display(fig)  # each district's chart shown once in the notebook, as a cell that returns a Figure shows it
        caption = rep.say("district_vs_area.caption", **fig.caption_values).strip()
        rep.figure(fig, f"{name}_vs_province", caption=caption)


def district_break_notes(frame: pd.DataFrame, lang: str) -> list[str]:
    """Under a district's table whose years span a change of standard (data/series_breaks.csv): which columns
    are under the old one, in the declared words, and that each year's ratio holds within that year only."""
    inside = pg.breaks_within(frame.attrs["periods"], _breaks(None))
    if not inside:
        return []
    breaks = load_series_breaks().set_index("indicator_id")
    return [
        T(
            "district.break_note",
            lang,
            first=min(inside),
            standard=breaks.at[an.named("rate"), f"label_{lang}"],
            place=place(lang, frame.attrs["district"]),
            **area_words(frame.attrs["year"], lang),
        )
    ]


def districts(rep: Report) -> pd.DataFrame | None:
    """Sections: one part for each district with a result of its own for the year (:func:`district_part`), none
    when no district has one. Returns the districts' frames one under the other (the district first in the index),
    for the notebook to show; None without any."""
    frames = district_frames(rep.figures, rep.year)
    for frame in frames.values():
        district_part(rep, frame)
    return pd.concat(frames, names=["district", None]) if frames else None


TIMES_DECIMALS = 1  # "gấp 10,7 lần": how many times the province's rate, one decimal in table and sentence


def district_table(frame: pd.DataFrame | None, lang: str) -> Table | None:
    """The reader's table of :func:`district_frame`: district rows, the province's rate, and how many times the
    province's rate the district's is (computed, when any period has both)."""
    if frame is None:
        return None
    periods, area, district = frame.attrs["periods"], area_words(frame.attrs["year"], lang), frame.attrs["district"]
    labels = [
        T(
            "district.row",
            lang,
            indicator=indicator_name(i, lang),
            place=place(lang, district) if s == "district" else area["whole_label"],
        )
        for i, s in zip(frame["indicator_id"], frame["scope"], strict=False)
    ]
    shown = {
        say("common:column.indicator", lang): labels,
        say("common:column.unit", lang): [unit_label(i, lang) for i in frame["indicator_id"]],
    }
    units = [select_unit(i) for i in frame["indicator_id"]]
    for p in periods:
        shown[str(p)] = [
            "–" if v is None or pd.isna(v) else qualified(v, u, lang, pr)
            for v, u, pr in zip(frame[f"value_{p}"], units, frame[f"printed_{p}"], strict=False)
        ]
    raw = frame[["indicator_id", "scope"] + [f"value_{p}" for p in periods]]
    times = {p: times_province(frame, p) for p in periods}
    if any(t is not None for t in times.values()):
        shown[say("common:column.indicator", lang)].append(
            T("district.times_row", lang, place=place(lang, district), **area)
        )
        shown[say("common:column.unit", lang)].append(T("district.times_unit", lang))
        for p in periods:
            shown[str(p)].append("–" if times[p] is None else fmt_number(times[p], lang, TIMES_DECIMALS))
        extra = {"indicator_id": "", "scope": "times_province"} | {f"value_{p}": times[p] for p in periods}
        raw = pd.concat([raw, pd.DataFrame([extra])], ignore_index=True)
    return Table(pd.DataFrame(shown), raw, frame.attrs["source_ids"], {"place": place(lang, district)})


def district_chart(frame: pd.DataFrame | None, lang: str) -> Figure | None:
    """The district's and the whole area's poverty rate for the periods that have both; None when none has."""
    if frame is None:
        return None
    district = frame.attrs["district"]
    rates = frame[frame["indicator_id"] == an.named("rate")].set_index("scope")
    if "district" not in rates.index:
        return None
    legend, records = say("common:area", lang), []  # the hue column's name is the legend's title
    area = area_words(frame.attrs["year"], lang)
    for p in frame.attrs["periods"]:
        local, whole = rates.at["district", f"value_{p}"], rates.at["province", f"value_{p}"]
        if local is None or whole is None or pd.isna(local) or pd.isna(whole):
            continue
        records.append(
            {
                "category": str(p),
                legend: place(lang, district),
                "value": float(local),
                "source_id": rates.at["district", f"source_{p}"],
            }
        )
        records.append(
            {
                "category": str(p),
                legend: area["whole_label"],
                "value": float(whole),
                "source_id": rates.at["province", f"source_{p}"],
            }
        )
    if not records:
        return None
    data, year = pd.DataFrame(records), max(frame.attrs["periods"])
    values = {"rate": _name(an.named("rate"), lang), "place": place(lang, district)}
    local = data[data[legend] == place(lang, district)]
    local = local.set_index(local["category"].astype(int))["value"]
    fig = charts.bar_chart(
        data[["category", legend, "value"]],
        title=ct.series_title(local, T("district_vs_area.name", lang, **values), "percent", lang),
        x_label=axis_label(unit_label(an.named("rate"), lang), lang),
        source=source_line(data["source_id"], lang, year),
        lang=lang,
        hue_col=legend,
    )
    shown = sorted({int(c) for c in data["category"]})  # a change of standard between the years shown is marked
    inside = pg.breaks_within(shown, _breaks(None))
    for b in inside:
        charts.mark_category_break(fig, str(min(p for p in shown if p >= b)), T("new_standard", lang))
    note = " ".join(T("district_vs_area.break", lang, first=b) for b in inside)
    return charts.captioned(fig, **values, note=note)


def disagreement_sentences(figures: pd.DataFrame, year: int, lang: str, district: str) -> list[str]:
    """One sentence for each figure of ``district`` up to ``year`` on which sources disagree."""
    publishers, breakdown, where = publisher_names(lang), an.district_breakdown(district), place(lang, district)
    sentences = []
    for indicator in an.district_indicators():
        rows = figures[
            (figures["indicator_id"] == indicator)
            & (figures["breakdown"] == breakdown)
            & (figures["kind"] == "actual")
            & (figures["period"] <= year)
        ]
        for period in sorted(rows["period"].unique()):
            found = alternatives(figures, indicator, int(period), breakdown)
            if found["value"].nunique() < 2:
                continue
            unit = select_unit(indicator)
            items = "; ".join(
                f"{qualified(r.value, unit, lang, r.printed)} ({publishers[r.source_id]})" for r in found.itertuples()
            )
            used = qualified(found.at[0, "value"], unit, lang, found.at[0, "printed"])
            sentences.append(
                T(
                    "district.disagree",
                    lang,
                    p=int(period),
                    name=_name(indicator, lang),
                    place=where,
                    items=items,
                    used=used,
                )
            )
    return sentences
