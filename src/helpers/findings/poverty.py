"""Notebook 01's key findings (giảm nghèo): the sentences on the poverty rate, the year's reduction goal,
households, each district beside the whole area, the goals ahead and preferential credit. Words from ``poverty.yml``."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis import poverty as an
from helpers.analysis.series import same_definition
from helpers.data.query import figure_row, unit_label
from helpers.present import progress as pg
from helpers.present.lines import qualified, unit_name
from helpers.sections.poverty import (
    T,
    _breaks,
    _cap,
    _name,
    households_frame,
    rate_change,
    target_progress,
    target_sentences,
    times_province,
)
from helpers.sections.poverty_districts import TIMES_DECIMALS, district_frames, place
from helpers.sections.poverty_programmes import group_frame, per_unit, programme_indicators
from helpers.text.formatting import fmt_number, fmt_printed, fmt_ratio
from helpers.text.vocabulary import area_words


def rate_sentence(info: dict, lang: str, breaks: Sequence[int] | None = None) -> str:
    """The finding on the poverty rate: its change from the result before, or why it is not compared."""
    name = _name(an.named("rate"), lang)
    est = T("rate.estimate_lead", lang) if info["kind"] == "estimate" else ""
    if est:
        name = pg.low(name)
    b = qualified(info["value"], "percent", lang, info["printed"])
    if "prev_period" not in info:
        return _cap(T("rate.only", lang, est=est, name=name, p1=info["period"], b=b))
    a = fmt_printed(info["prev_value"], "percent", lang, info.get("prev_printed")) + (
        "" if info["prev_kind"] == "actual" else f" {pg.kind_label(info['prev_kind'], lang).lower()}"
    )
    if not info["comparable"]:
        brk = min(b_ for b_ in _breaks(breaks) if info["prev_period"] < b_ <= info["period"])
        return T("rate.across_break", lang, name=name, p1=info["period"], b=b, brk=brk, a=a, p0=info["prev_period"])
    if info["change"] is None:  # two bounds that pull apart ("dưới …" after "dưới …"): no change can be stated
        return _cap(T("rate.only", lang, est=est, name=name, p1=info["period"], b=b))
    change, years = info["change"], info["period"] - info["prev_period"]

    def amount(points: float) -> str:
        """A change in points; a bound stays a bound ("hơn 0,2 điểm phần trăm" from "dưới 1,2%")."""
        text = pg.change_text(points, "percent", lang, signed=False)
        bound = info.get("change_bound")
        if bound is None:
            return text
        beyond = (bound == "ceiling") == (change <= 0)  # a fall from a ceiling, a rise to a floor: more than
        return T("rate.more_than" if beyond else "rate.less_than", lang, d=text)

    avg = T("rate.average", lang, pace=amount(abs(change) / years)) if years > 1 else ""
    return _cap(
        T(
            "rate.down" if change <= 0 else "rate.up",
            lang,
            est=est,
            name=name,
            a=a,
            p0=info["prev_period"],
            b=b,
            p1=info["period"],
            d=amount(abs(change)),
            avg=avg,
        )
    )


def households_sentence(frame: pd.DataFrame | None, year: int, lang: str) -> str | None:
    """The finding on poor and near-poor households in ``year``, or None without counts."""
    if frame is None or f"value_{year}" not in frame:
        return None
    by_id = frame.set_index("indicator_id")

    def count(indicator: str) -> str | None:
        if indicator not in by_id.index or pd.isna(by_id.at[indicator, f"value_{year}"]):
            return None
        n = qualified(by_id.at[indicator, f"value_{year}"], "households", lang, by_id.at[indicator, f"printed_{year}"])
        return f"{n} {unit_name('households', lang, count=by_id.at[indicator, f'value_{year}'])}"

    parts = []
    poor = count(an.named("poor"))
    if poor:
        parts.append(T("households.poor", lang, name=_name(an.named("poor"), lang), y=year, n=poor))
        change = by_id.at[an.named("poor"), "change"]
        if change is not None and not pd.isna(change):
            parts.append(
                T(
                    "households.down" if change < 0 else "households.up",
                    lang,
                    d=pg.change_text(abs(change), "households", lang, signed=False),
                    p0=year - 1,
                )
            )
    near = count(an.named("near_poor"))
    if near:
        name = _name(an.named("near_poor"), lang) if not parts else pg.low(_name(an.named("near_poor"), lang))
        if an.named("near_rate") in by_id.index and not pd.isna(by_id.at[an.named("near_rate"), f"value_{year}"]):
            parts.append(
                T(
                    "households.near_rate",
                    lang,
                    name=name,
                    n=near,
                    rate_name=pg.low(_name(an.named("near_rate"), lang)),
                    r=fmt_printed(
                        by_id.at[an.named("near_rate"), f"value_{year}"],
                        "percent",
                        lang,
                        by_id.at[an.named("near_rate"), f"printed_{year}"],
                    ),
                )
            )
        else:
            parts.append(T("households.near", lang, name=name, n=near))
    sentence = "".join(parts).lstrip("; ")
    return _cap(sentence) + "." if sentence else None


def district_sentence(
    frame: pd.DataFrame | None, year: int, lang: str, breaks: Sequence[int] | None = None
) -> str | None:
    """The finding on the district's poverty rate in ``year`` against the province's, and its change since the
    first year measured by the same poverty standard (never across a change of standard); None without it."""
    if frame is None or f"value_{year}" not in frame:
        return None
    rates = frame[frame["indicator_id"] == an.named("rate")].set_index("scope")
    if "district" not in rates.index or pd.isna(rates.at["district", f"value_{year}"]):
        return None
    x = float(rates.at["district", f"value_{year}"])
    whole = rates.at["province", f"value_{year}"]
    shown = {  # each rate as its source printed it ("1,40%" keeps its zero)
        (scope, p): fmt_printed(rates.at[scope, f"value_{p}"], "percent", lang, rates.at[scope, f"printed_{p}"])
        for scope in rates.index
        for p in frame.attrs["periods"]
        if f"value_{p}" in rates and not pd.isna(rates.at[scope, f"value_{p}"])
    }
    times = (
        ""
        if whole is None or pd.isna(whole) or not whole
        else T(
            "district.times",
            lang,
            k=fmt_number(times_province(frame, year), lang, TIMES_DECIMALS),
            p=shown[("province", year)],
            **area_words(year, lang),
        )
    )
    earlier = [
        p
        for p in frame.attrs["periods"]
        if p < year and not pd.isna(rates.at["district", f"value_{p}"]) and same_definition(p, year, _breaks(breaks))
    ]
    since = ""
    if earlier:
        x0 = float(rates.at["district", f"value_{earlier[0]}"])
        since = T(
            "district.down_since" if x0 >= x else "district.up_since",
            lang,
            x0=shown[("district", earlier[0])],
            p0=earlier[0],
        )
    return T(
        "district.sentence",
        lang,
        place=place(lang, frame.attrs["district"]),
        name=_name(an.named("rate"), lang),
        x=shown[("district", year)],
        y=year,
        times=times,
        since=since,
    )


def reduction_goal_sentence(
    figures: pd.DataFrame, year: int, lang: str, breaks: Sequence[int] | None = None
) -> str | None:
    """The finding on a goal for the year's reduction of the rate ("giảm 0,8–1%") against the reduction achieved."""
    info = rate_change(figures, year, breaks)
    if not info or info.get("change") is None or info["period"] != year or info["prev_period"] != year - 1:
        return None
    for kind in ("plan", "target"):
        row = figure_row(figures, an.named("reduction_goal"), year, kind)
        if row is None:
            continue
        achieved = -info["change"]
        verdict = (
            "above" if achieved > float(row["value"]) else ("equal" if achieved == float(row["value"]) else "below")
        )
        return _cap(
            T(
                "reduction.sentence",
                lang,
                name=_name(an.named("rate"), lang),
                y=year,
                cmp=T(f"reduction.{verdict}", lang),
                d=pg.change_text(achieved, "percent", lang, signed=False),
                kind=pg.kind_label(kind, lang),
                level=pg.goal_level_text(float(row["value"]), "percentage_points", str(row["printed"]), lang),
            )
        )
    return None


def credit_sentence(frame: pd.DataFrame | None, year: int, lang: str) -> str | None:
    """The finding on preferential credit: loans, amount, average and the group with the largest share."""
    if frame is None:
        return None
    total = frame[frame["code"] == "total"].iloc[0]
    if pd.isna(total["count"]) or pd.isna(total["amount"]) or pd.isna(total["average"]):
        return None
    groups = frame[(frame["code"] != "total") & frame["share"].notna()]
    count_id, amount_id = programme_indicators("credit")
    lead = ""
    if not groups.empty:
        top = groups.loc[groups["share"].idxmax()]
        lead = T("credit.lead", lang, group=top["category"], share=fmt_ratio(float(top["share"]), lang))
    return T(
        "credit.sentence",
        lang,
        y=year,
        n=qualified(total["count"], "households", lang, total["count_printed"]),
        amount=qualified(total["amount"], "million_vnd", lang, total["amount_printed"]),
        unit=unit_label(amount_id, lang),
        avg=fmt_number(total["average"], lang, 2),
        per=per_unit(amount_id, count_id, lang),
        lead=lead,
    )


def findings(figures: pd.DataFrame, year: int, lang: str, breaks: Sequence[int] | None = None) -> list[str]:
    """Three to six key-finding sentences for ``year`` (fewer when the year has fewer figures)."""
    info = rate_change(figures, year, breaks)
    sentences = [
        rate_sentence(info, lang, breaks) if info is not None else None,
        reduction_goal_sentence(figures, year, lang, breaks),
        households_sentence(households_frame(figures, year, breaks), year, lang),
        *(district_sentence(f, year, lang, breaks) for f in district_frames(figures, year).values()),
        *target_sentences(target_progress(figures, year, breaks), lang),
        credit_sentence(group_frame(figures, "credit", year, lang), year, lang),
    ]
    return [s for s in sentences if s][:6]
