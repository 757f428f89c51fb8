"""Notebook 01 (giảm nghèo): the poverty rate over the years, poor and near-poor
households, A Lưới district, the distance to the targets and the pace they need,
and the support programmes (credit, health insurance, medical costs, electricity,
housing).

Each ``show_*`` function shows one section through a :class:`~helpers.present.report.Report`
(heading, then a table or chart, or ``rep.no_data``); the pure functions before
them compute from a figures frame and are what the tests call. The poverty
series change standard at the end of 2021 (data/series_breaks.csv): no change
or pace is ever computed across that break.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pandas as pd
from matplotlib.figure import Figure

from helpers.data.loading import load_catalogue, load_sources
from helpers.data.query import category_label, figure_row, indicator_name, select, unit_label
from helpers.present import charts
from helpers.present.report import Report
from helpers.sections import progress as pg
from helpers.sections.social_common import (
    Table,
    axis_label,
    computed_line,
    figure_line,
    lines_table,
    parts_frame,
    qualified,
    show_table,
    t,
    unit_name,
    wrap,
)
from helpers.sections.social_common import (
    show_findings as show_sentences,
)
from helpers.text.formatting import fmt_number, fmt_value

TITLE = ("Giảm nghèo", "Poverty reduction")
RATE, POOR, NEAR_POOR, NEAR_POOR_RATE = "poverty_rate", "poor_households", "near_poor_households", "near_poor_rate"
HOUSEHOLD_INDICATORS = (POOR, RATE, NEAR_POOR, NEAR_POOR_RATE)
DISTRICT = "A Lưới"
DISTRICT_BREAKDOWN = f"district={DISTRICT}"
DISTRICT_INDICATORS = (RATE, POOR, NEAR_POOR_RATE, NEAR_POOR)
GROUP = "household_group"
PROVINCE = ("Toàn tỉnh", "Whole province")
AREA = ("Địa bàn", "Area")
BREAK_SHORT = ("Đổi chuẩn nghèo", "New poverty standard")
WHAT = ("giảm nghèo", "poverty reduction")


def _breaks(breaks: Sequence[int] | None, indicator_id: str = RATE) -> list[int]:
    return list(pg.breaks_of(indicator_id) if breaks is None else breaks)


_cap, _low, _name = pg.cap, pg.low, pg.short_name


def _pct(value: float, lang: str) -> str:
    return fmt_value(value, "percent", lang)


def select_unit(indicator_id: str) -> str:
    """The unit code of an indicator from the catalogue."""
    catalogue = load_catalogue().set_index("indicator_id")
    return str(catalogue.at[indicator_id, "unit"])


# The poverty rate over the years ------------------------------------------------

def rate_change(figures: pd.DataFrame, year: int, breaks: Sequence[int] | None = None,
                breakdown: str = "") -> dict | None:
    """The latest poverty rate up to ``year`` and the result before it.

    Keys: period, value, kind, printed, source_id; and when an earlier result
    exists: prev_period, prev_value, prev_kind, comparable (same poverty
    standard) and change (percentage points, None across a break). None when
    there is no rate.
    """
    current = pg.current_result(figures, RATE, year, breakdown)
    if current is None:
        return None
    period = int(current["period"])
    info = {"period": period, "value": float(current["value"]), "kind": current["kind"],
            "printed": current["printed"], "source_id": current["source_id"]}
    before = pg.current_result(figures, RATE, period - 1, breakdown)
    if before is not None:
        comparable = pg.same_definition(int(before["period"]), period, _breaks(breaks))
        info.update(prev_period=int(before["period"]), prev_value=float(before["value"]), prev_kind=before["kind"],
                    prev_source_id=before["source_id"], comparable=comparable,
                    change=info["value"] - float(before["value"]) if comparable else None)
    return info


RATE_FELL = ("{est}{name} {verb} từ {a} ({p0}) {to} {b} ({p1}), {verb} {d}{avg}.",
             "{est}{name} {verb} from {a} ({p0}) to {b} ({p1}), {dir} {d}{avg}.")
RATE_AVG = (", bình quân {pace}/năm", ", {pace} a year on average")
RATE_BREAK = ("{name} năm {p1} là {b}; chuẩn nghèo thay đổi từ năm {brk} nên không so sánh trực tiếp với {a} ({p0}).",
              "{name} in {p1} was {b}; the poverty standard changed in {brk}, so it is not compared with {a} ({p0}).")
RATE_ONLY = ("{est}{name} năm {p1} là {b}.", "{est}{name} in {p1} was {b}.")
ESTIMATE_LEAD = ("Theo ước tính, ", "By the estimate, ")


def rate_sentence(info: dict, lang: str, breaks: Sequence[int] | None = None) -> str:
    """The finding on the poverty rate: its change from the result before, or why it is not compared."""
    name = _name(RATE, lang)
    est = t(lang, ESTIMATE_LEAD) if info["kind"] == "estimate" else ""
    if est:
        name = _low(name)
    b = qualified(info["value"], "percent", lang, info["printed"])
    if "prev_period" not in info:
        return _cap(t(lang, RATE_ONLY).format(est=est, name=name, p1=info["period"], b=b))
    a = _pct(info["prev_value"], lang) + ("" if info["prev_kind"] == "actual" else
                                          f" {pg.kind_label(info['prev_kind'], lang).lower()}")
    if not info["comparable"]:
        brk = min(b_ for b_ in _breaks(breaks) if info["prev_period"] < b_ <= info["period"])
        return t(lang, RATE_BREAK).format(name=name, p1=info["period"], b=b, brk=brk, a=a, p0=info["prev_period"])
    change = info["change"]
    down = change <= 0
    years = info["period"] - info["prev_period"]
    avg = t(lang, RATE_AVG).format(pace=pg.change_text(abs(change) / years, "percent", lang, signed=False)) if years > 1 else ""
    verb = ("giảm" if down else "tăng") if lang == "vi" else ("fell" if down else "rose")
    return _cap(t(lang, RATE_FELL).format(
        est=est, name=name, verb=verb, a=a, p0=info["prev_period"], to="xuống" if down else "lên", b=b,
        p1=info["period"], dir="down" if down else "up", d=pg.change_text(abs(change), "percent", lang, signed=False),
        avg=avg))


def trend_data(figures: pd.DataFrame, year: int) -> pd.DataFrame | None:
    """The province's poverty rate (results and estimates) up to ``year``: period, kind, value, printed, source_id."""
    return pg.goal_series(figures, RATE, year, kinds=pg.RESULT_KINDS)


TREND_HEADERS = {
    "period": ("Năm", "Year"),
    "kind": ("Loại số liệu", "Kind of figure"),
    "change": ("Thay đổi so với số liệu liền trước", "Change from the previous figure"),
}
ACROSS_BREAK = ("không so sánh (đổi chuẩn nghèo)", "not compared (new poverty standard)")


def trend_table(data: pd.DataFrame, lang: str, breaks: Sequence[int] | None = None) -> Table:
    """The poverty rate by year with the change from the figure before (never across a break)."""
    rows = data.sort_values("period", kind="stable").reset_index(drop=True)
    changes: list[float | None] = [None]
    texts = ["–"]
    for i in range(1, len(rows)):
        p0, p1 = int(rows.at[i - 1, "period"]), int(rows.at[i, "period"])
        if pg.same_definition(p0, p1, _breaks(breaks)):
            change = float(rows.at[i, "value"] - rows.at[i - 1, "value"])
            changes.append(change)
            texts.append(f"{pg.change_text(change, 'percent', lang)} ({t(lang, ('so với', 'vs'))} {p0})")
        else:
            changes.append(None)
            texts.append(t(lang, ACROSS_BREAK))
    value_header = f"{indicator_name(RATE, lang)} ({unit_label(RATE, lang)})"
    shown = pd.DataFrame({
        t(lang, TREND_HEADERS["period"]): rows["period"].astype(str),
        t(lang, TREND_HEADERS["kind"]): [pg.kind_label(k, lang) for k in rows["kind"]],
        value_header: [qualified(v, "percent", lang, p) for v, p in zip(rows["value"], rows["printed"])],
        t(lang, TREND_HEADERS["change"]): texts,
    })
    raw = pd.DataFrame({"period": rows["period"], "kind": rows["kind"], "value": rows["value"],
                        "change_pp": changes, "source_id": rows["source_id"]})
    return Table(shown, raw, sorted(set(rows["source_id"])))


def trend_chart(data: pd.DataFrame, lang: str, source: str, breaks: Sequence[int] | None = None) -> Figure:
    """Results and estimates of the poverty rate as separate lines; no line crosses a change of standard."""
    inside = pg.breaks_within(list(data["period"]), _breaks(breaks))
    return pg.kind_line_chart(data, RATE, lang, source, breaks=[(b, t(lang, BREAK_SHORT)) for b in inside])


def show_trend(rep: Report) -> None:
    """Section: the poverty rate from the first year with data to ``rep.year``, with the change of standard."""
    rep.heading("Tỷ lệ hộ nghèo qua các năm", "Poverty rate over the years")
    data = trend_data(rep.figures, rep.year)
    if data is None:
        rep.no_data(indicator_name(RATE, "vi").lower(), indicator_name(RATE, "en").lower())
        return
    source = rep.source_line(data["source_id"])
    first, last = int(data["period"].min()), int(data["period"].max())
    span = f"{first}–{last}" if first < last else f"{last}"
    caption = rep.t(f"{indicator_name(RATE, 'vi')} toàn tỉnh, {span}", f"{indicator_name(RATE, 'en')}, whole province, {span}")
    note = pg.qualified_note(data, "percent", rep.lang)
    rep.figure(trend_chart(data, rep.lang, source), "poverty_rate_trend", f"{caption}. {note}".strip())
    for first, label in pg.break_labels(RATE, rep.lang):
        if first in pg.breaks_within(list(data["period"]), [first]):
            rep.text(label + ".")
    table = trend_table(data, rep.lang)
    rep.table(table.frame, "poverty_rate_by_year", caption, table.source_ids, raw=table.raw)


# Poor and near-poor households ---------------------------------------------------

def households_frame(figures: pd.DataFrame, year: int, breaks: Sequence[int] | None = None,
                     breakdown: str = "") -> pd.DataFrame | None:
    """Poor and near-poor households (counts and rates) in ``year - 1`` and ``year``, with the change.

    One row per indicator the data hold for either year: indicator_id, unit,
    ``value_<period>``, ``printed_<period>``, change (None when a year is
    missing or the standard changed between them), source_ids. None when
    ``year`` holds no household count.
    """
    if all(figure_row(figures, i, year, breakdown=breakdown) is None for i in (POOR, NEAR_POOR)):
        return None
    periods = [p for p in (year - 1, year)
               if any(figure_row(figures, i, p, breakdown=breakdown) is not None for i in HOUSEHOLD_INDICATORS)]
    records = []
    for indicator in HOUSEHOLD_INDICATORS:
        rows = {p: figure_row(figures, indicator, p, breakdown=breakdown) for p in periods}
        if all(r is None for r in rows.values()):
            continue
        record = {"indicator_id": indicator, "unit": next(r for r in rows.values() if r is not None)["unit"]}
        for p, r in rows.items():
            record[f"value_{p}"] = None if r is None else float(r["value"])
            record[f"printed_{p}"] = None if r is None else str(r["printed"])
        both = len(periods) == 2 and all(r is not None for r in rows.values())
        comparable = both and pg.same_definition(periods[0], periods[1], _breaks(breaks, indicator))
        record["change"] = (float(rows[periods[1]]["value"]) - float(rows[periods[0]]["value"])) if comparable else None
        record["source_ids"] = sorted({str(r["source_id"]) for r in rows.values() if r is not None})
        records.append(record)
    frame = pd.DataFrame.from_records(records)
    frame.attrs["periods"] = periods
    return frame


def households_table(frame: pd.DataFrame, lang: str) -> Table:
    """The reader's table of :func:`households_frame`."""
    periods = frame.attrs["periods"]
    shown = {t(lang, ("Chỉ tiêu", "Indicator")): [indicator_name(i, lang) for i in frame["indicator_id"]],
             t(lang, ("Đơn vị", "Unit")): [unit_label(i, lang) for i in frame["indicator_id"]]}
    for p in periods:
        shown[str(p)] = [qualified(v, u, lang, pr) if v is not None and not pd.isna(v) else "–"
                         for v, u, pr in zip(frame[f"value_{p}"], frame["unit"], frame[f"printed_{p}"])]
    if len(periods) == 2:
        shown[t(lang, ("Thay đổi", "Change"))] = [
            "–" if c is None or pd.isna(c) else pg.change_text(c, u, lang) for c, u in zip(frame["change"], frame["unit"])
        ]
    raw = frame[["indicator_id", "unit"] + [f"value_{p}" for p in periods] + ["change"]]
    sources = sorted({s for ids in frame["source_ids"] for s in ids})
    return Table(pd.DataFrame(shown), raw, sources)


def household_counts_data(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Poor and near-poor household counts over the years up to ``year``, one series per indicator; None under 2 points."""
    frames = []
    for indicator in (POOR, NEAR_POOR):
        rows = pg.goal_series(figures, indicator, year, kinds=("actual",))
        if rows is not None:
            frames.append(rows.assign(series=indicator_name(indicator, lang)))
    if not frames:
        return None
    data = pd.concat(frames, ignore_index=True)
    return data if len(data) >= 2 else None


HOUSEHOLDS_SENTENCE = {
    "poor": ("{name} năm {y} là {n}", "{name} in {y}: {n}"),
    "change": (", {verb} {d} so với năm {p0}", ", {verb} {d} from {p0}"),
    "near": ("; {name} là {n} ({rate_name} {r})", "; {name}: {n} ({rate_name} {r})"),
}


def households_sentence(frame: pd.DataFrame | None, year: int, lang: str) -> str | None:
    """The finding on poor and near-poor households in ``year``, or None without counts."""
    if frame is None or f"value_{year}" not in frame:
        return None
    by_id = frame.set_index("indicator_id")
    households = unit_name("households", lang)

    def count(indicator: str) -> str | None:
        if indicator not in by_id.index or pd.isna(by_id.at[indicator, f"value_{year}"]):
            return None
        return f"{qualified(by_id.at[indicator, f'value_{year}'], 'households', lang, by_id.at[indicator, f'printed_{year}'])} {households}"

    parts = []
    poor = count(POOR)
    if poor:
        parts.append(t(lang, HOUSEHOLDS_SENTENCE["poor"]).format(name=_name(POOR, lang), y=year, n=poor))
        change = by_id.at[POOR, "change"]
        if change is not None and not pd.isna(change):
            verb = ("giảm" if change < 0 else "tăng") if lang == "vi" else ("down" if change < 0 else "up")
            parts.append(t(lang, HOUSEHOLDS_SENTENCE["change"]).format(
                verb=verb, d=pg.change_text(abs(change), "households", lang, signed=False), p0=year - 1))
    near = count(NEAR_POOR)
    if near:
        rate = (NEAR_POOR_RATE in by_id.index and not pd.isna(by_id.at[NEAR_POOR_RATE, f"value_{year}"]))
        r = _pct(by_id.at[NEAR_POOR_RATE, f"value_{year}"], lang) if rate else ""
        text = t(lang, HOUSEHOLDS_SENTENCE["near"]).format(
            name=_name(NEAR_POOR, lang) if not parts else _low(_name(NEAR_POOR, lang)), n=near,
            rate_name=_low(_name(NEAR_POOR_RATE, lang)), r=r)
        parts.append(text.replace(" ()", "") if rate else text.split(" (")[0])
    sentence = "".join(parts).lstrip("; ")
    return _cap(sentence) + "." if sentence else None


def show_households(rep: Report) -> None:
    """Section: poor and near-poor households, counts and rates, this year beside last year."""
    rep.heading("Hộ nghèo và hộ cận nghèo", "Poor and near-poor households")
    frame = households_frame(rep.figures, rep.year)
    if frame is None:
        rep.no_data("số hộ nghèo, hộ cận nghèo", "poor and near-poor households")
        return
    table = households_table(frame, rep.lang)
    rep.table(table.frame, "households", rep.t(f"Hộ nghèo và hộ cận nghèo năm {rep.year}",
                                               f"Poor and near-poor households in {rep.year}"),
              table.source_ids, raw=table.raw)
    data = household_counts_data(rep.figures, rep.year, rep.lang)
    if data is not None:
        inside = pg.breaks_within(list(data["period"]), _breaks(None, POOR))
        fig = charts.line_chart(data[["period", "value", "series"]],
                                title=rep.t("Số hộ nghèo và hộ cận nghèo", "Poor and near-poor households"),
                                y_label=axis_label(unit_label(POOR, rep.lang), rep.lang),
                                source=rep.source_line(data["source_id"]), lang=rep.lang,
                                breaks=[(b, rep.t(*BREAK_SHORT)) for b in inside])
        rep.figure(fig, "households_trend", rep.t(f"Số hộ nghèo và hộ cận nghèo đến năm {rep.year}",
                                                  f"Poor and near-poor households up to {rep.year}"))


# A Lưới district ----------------------------------------------------------------

def district_frame(figures: pd.DataFrame, year: int, breakdown: str = DISTRICT_BREAKDOWN) -> pd.DataFrame | None:
    """A district's poverty figures by period up to ``year``, with the province's rate beside them.

    Columns: indicator_id, scope ("district" or "province"), ``value_<period>``,
    ``printed_<period>``, ``source_<period>``; ``attrs["periods"]`` lists the periods and
    ``attrs["source_ids"]`` the sources. None when the district has no figure.
    """
    rows = pd.concat([select(figures, i, breakdown=breakdown) for i in DISTRICT_INDICATORS])
    rows = rows[rows["period"] <= year]
    if rows.empty:
        return None
    periods = sorted(int(p) for p in rows["period"].unique())
    records, sources = [], set(rows["source_id"])
    for indicator in DISTRICT_INDICATORS:
        record = {"indicator_id": indicator, "scope": "district"}
        for p in periods:
            r = figure_row(figures, indicator, p, breakdown=breakdown)
            record[f"value_{p}"] = None if r is None else float(r["value"])
            record[f"printed_{p}"] = None if r is None else str(r["printed"])
            record[f"source_{p}"] = None if r is None else str(r["source_id"])
        if any(record[f"value_{p}"] is not None for p in periods):
            records.append(record)
    province = {"indicator_id": RATE, "scope": "province"}
    for p in periods:
        r = figure_row(figures, RATE, p)
        province[f"value_{p}"] = None if r is None else float(r["value"])
        province[f"printed_{p}"] = None if r is None else str(r["printed"])
        province[f"source_{p}"] = None if r is None else str(r["source_id"])
        if r is not None:
            sources.add(str(r["source_id"]))
    records.append(province)
    frame = pd.DataFrame.from_records(records)
    frame.attrs.update(periods=periods, source_ids=sorted(sources))
    return frame


def district_table(frame: pd.DataFrame, lang: str, district: str = DISTRICT) -> Table:
    """The reader's table of :func:`district_frame`: district rows, then the province's rate."""
    periods = frame.attrs["periods"]
    place = category_label("district", district, lang)
    labels = [f"{indicator_name(i, lang)} – {place if s == 'district' else t(lang, PROVINCE)}"
              for i, s in zip(frame["indicator_id"], frame["scope"])]
    shown = {t(lang, ("Chỉ tiêu", "Indicator")): labels,
             t(lang, ("Đơn vị", "Unit")): [unit_label(i, lang) for i in frame["indicator_id"]]}
    units = [str(select_unit(i)) for i in frame["indicator_id"]]
    for p in periods:
        shown[str(p)] = ["–" if v is None or pd.isna(v) else qualified(v, u, lang, pr)
                         for v, u, pr in zip(frame[f"value_{p}"], units, frame[f"printed_{p}"])]
    raw = frame[["indicator_id", "scope"] + [f"value_{p}" for p in periods]]
    return Table(pd.DataFrame(shown), raw, frame.attrs["source_ids"])


def alternatives(figures: pd.DataFrame, indicator_id: str, period: int, breakdown: str = "",
                 kind: str = "actual") -> pd.DataFrame:
    """Every source's figure for one key (the preferred one first): value, printed, source_id, preferred."""
    rows = figures[(figures["indicator_id"] == indicator_id) & (figures["period"] == period)
                   & (figures["kind"] == kind) & (figures["breakdown"] == breakdown)]
    rows = rows.sort_values("preferred", ascending=False, kind="stable")
    return rows[["value", "printed", "source_id", "preferred"]].reset_index(drop=True)


DISAGREE = ("Năm {p}, các nguồn cho số liệu khác nhau về {name} của {place}: {items}; phụ lục dùng {used} "
            "(nguồn được ưu tiên).",
            "For {p}, sources disagree on the {name} of {place}: {items}; the appendix uses {used} "
            "(the preferred source).")


def disagreement_sentences(figures: pd.DataFrame, year: int, lang: str, breakdown: str = DISTRICT_BREAKDOWN) -> list[str]:
    """One sentence for each district figure up to ``year`` on which sources disagree."""
    publishers = load_sources().set_index("source_id")["publisher"]
    place = category_label("district", breakdown.split("=", 1)[1], lang)
    sentences = []
    for indicator in DISTRICT_INDICATORS:
        rows = figures[(figures["indicator_id"] == indicator) & (figures["breakdown"] == breakdown)
                       & (figures["kind"] == "actual") & (figures["period"] <= year)]
        for period in sorted(rows["period"].unique()):
            found = alternatives(figures, indicator, int(period), breakdown)
            if found["value"].nunique() < 2:
                continue
            unit = select_unit(indicator)
            items = "; ".join(f"{qualified(r.value, unit, lang, r.printed)} ({publishers[r.source_id]})"
                              for r in found.itertuples())
            used = qualified(found.at[0, "value"], unit, lang, found.at[0, "printed"])
            sentences.append(t(lang, DISAGREE).format(p=int(period), name=_low(_name(indicator, lang)),
                                                      place=_low(place) if lang == "vi" else place, items=items, used=used))
    return sentences


def district_compare_data(frame: pd.DataFrame, lang: str, district: str = DISTRICT) -> pd.DataFrame | None:
    """The district's and the province's poverty rate for the periods that have both; None when none has."""
    rates = frame[frame["indicator_id"] == RATE].set_index("scope")
    if "district" not in rates.index:
        return None
    records = []
    for p in frame.attrs["periods"]:
        local, whole = rates.at["district", f"value_{p}"], rates.at["province", f"value_{p}"]
        if local is None or whole is None or pd.isna(local) or pd.isna(whole):
            continue
        records.append({"category": str(p), "area": category_label("district", district, lang), "value": float(local),
                        "source_id": rates.at["district", f"source_{p}"]})
        records.append({"category": str(p), "area": t(lang, PROVINCE), "value": float(whole),
                        "source_id": rates.at["province", f"source_{p}"]})
    return pd.DataFrame(records) if records else None


DISTRICT_SENTENCE = ("{place}: {name} {x} ({y}){times}{since}.", "{place}: {name} {x} ({y}){times}{since}.")
DISTRICT_TIMES = (", gấp {k} lần mức chung toàn tỉnh ({p})", ", {k} times the provincial rate ({p})")
DISTRICT_SINCE = ("; giảm từ {x0} năm {p0}", "; down from {x0} in {p0}")
DISTRICT_SINCE_UP = ("; tăng từ {x0} năm {p0}", "; up from {x0} in {p0}")


def district_sentence(frame: pd.DataFrame | None, year: int, lang: str, district: str = DISTRICT) -> str | None:
    """The finding on the district's poverty rate in ``year`` against the province's; None without it."""
    if frame is None or f"value_{year}" not in frame:
        return None
    rates = frame[frame["indicator_id"] == RATE].set_index("scope")
    if "district" not in rates.index or pd.isna(rates.at["district", f"value_{year}"]):
        return None
    x = float(rates.at["district", f"value_{year}"])
    whole = rates.at["province", f"value_{year}"]
    times = "" if whole is None or pd.isna(whole) or not whole else t(lang, DISTRICT_TIMES).format(
        k=fmt_number(x / float(whole), lang, 1), p=_pct(float(whole), lang))
    earlier = [p for p in frame.attrs["periods"] if p < year and not pd.isna(rates.at["district", f"value_{p}"])]
    since = ""
    if earlier:
        p0 = earlier[0]
        x0 = float(rates.at["district", f"value_{p0}"])
        since = t(lang, DISTRICT_SINCE if x0 >= x else DISTRICT_SINCE_UP).format(x0=_pct(x0, lang), p0=p0)
    return t(lang, DISTRICT_SENTENCE).format(place=category_label("district", district, lang),
                                             name=_low(_name(RATE, lang)), x=_pct(x, lang), y=year,
                                             times=times, since=since)


def show_a_luoi(rep: Report) -> None:
    """Section: A Lưới district's poverty and near-poverty beside the province, and where sources disagree."""
    place_vi, place_en = category_label("district", DISTRICT, "vi"), category_label("district", DISTRICT, "en")
    rep.heading(place_vi, f"{place_en} district")
    frame = district_frame(rep.figures, rep.year)
    if frame is None or rep.year not in frame.attrs["periods"]:
        rep.no_data(f"tình hình nghèo của {place_vi}", f"poverty in {place_en} district")
    if frame is None:
        return
    table = district_table(frame, rep.lang)
    rep.table(table.frame, "a_luoi", rep.t(f"Hộ nghèo, hộ cận nghèo {place_vi} so với toàn tỉnh",
                                           f"Poor and near-poor households in {place_en} beside the province"),
              table.source_ids, raw=table.raw)
    for sentence in disagreement_sentences(rep.figures, rep.year, rep.lang):
        rep.text(sentence)
    data = district_compare_data(frame, rep.lang)
    if data is not None:
        legend = rep.t(*AREA)  # the hue column's name is the legend's title
        fig = charts.bar_chart(data[["category", "area", "value"]].rename(columns={"area": legend}),
                               title=rep.t(f"{indicator_name(RATE, 'vi')}: {place_vi} và toàn tỉnh",
                                           f"Poverty rate: {place_en} and the whole province"),
                               x_label=axis_label(unit_label(RATE, rep.lang), rep.lang),
                               source=rep.source_line(data["source_id"]), lang=rep.lang, hue_col=legend)
        rep.figure(fig, "a_luoi_vs_province", rep.t(f"{indicator_name(RATE, 'vi')} của {place_vi} và toàn tỉnh theo năm",
                                                    f"Poverty rate of {place_en} and of the province by year"))


# Targets and the pace they need ----------------------------------------------------

def target_progress(figures: pd.DataFrame, year: int, breaks: Sequence[int] | None = None) -> pd.DataFrame | None:
    """The poverty-rate goals after ``year`` against the latest rate (see :func:`progress.progress`)."""
    return pg.progress(figures, RATE, year, _breaks(breaks))


def target_sentences(frame: pd.DataFrame | None, lang: str, limit: int = 2) -> list[str]:
    """Findings on the poverty-rate goals ahead: met already, or the pace needed against the pace achieved."""
    return pg.pace_sentences(frame, RATE, lang, limit)


REDUCTION_ACHIEVED = ("Mức giảm tỷ lệ hộ nghèo đạt được so với năm trước", "Reduction in the poverty rate achieved vs the year before")


def statements_table(figures: pd.DataFrame, year: int, lang: str, breaks: Sequence[int] | None = None) -> Table | None:
    """What the sources say about the year's result against its goals (change, margin, reduction goal),
    with the reduction achieved computed beside a reduction goal; None when they say nothing."""
    lines = [figure_line(figures, "poverty_rate_change", year, lang),
             figure_line(figures, "poverty_rate_margin_vs_target", year, lang)]
    for kind in ("plan", "target"):
        line = figure_line(figures, "poverty_rate_reduction", year, lang, kind=kind)
        if line is not None:
            row = figure_row(figures, "poverty_rate_reduction", year, kind)
            level = pg.goal_level_text(float(row["value"]), str(row["unit"]), str(row["printed"]), lang)
            lines.append(replace(line, label=f"{line.label} ({pg.kind_label(kind, lang).lower()} {year})", text=level))
            info = rate_change(figures, year, breaks)
            if info and info.get("change") is not None and info["period"] == year and info["prev_period"] == year - 1:
                lines.append(computed_line(t(lang, REDUCTION_ACHIEVED), -info["change"], "percentage_points", lang,
                                           how=f"{_pct(info['prev_value'], lang)} − {_pct(info['value'], lang)}"))
    return lines_table(lines, lang)


REDUCTION_SENTENCE = ("Mức giảm {d} của {name} năm {y} {cmp} {kind} giảm {level}.",
                      "The {name}'s fall of {d} in {y} {cmp} the {kind} of a fall of {level}.")


def reduction_goal_sentence(figures: pd.DataFrame, year: int, lang: str, breaks: Sequence[int] | None = None) -> str | None:
    """The finding on a goal for the year's reduction of the rate ("giảm 0,8–1%") against the reduction achieved."""
    info = rate_change(figures, year, breaks)
    if not info or info.get("change") is None or info["period"] != year or info["prev_period"] != year - 1:
        return None
    for kind in ("plan", "target"):
        row = figure_row(figures, "poverty_rate_reduction", year, kind)
        if row is None:
            continue
        achieved = -info["change"]
        verdict = "above" if achieved > float(row["value"]) else ("equal" if achieved == float(row["value"]) else "below")
        cmp = {"above": ("vượt", "beats"), "equal": ("đạt", "meets"), "below": ("chưa đạt", "falls short of")}[verdict]
        return _cap(t(lang, REDUCTION_SENTENCE).format(
            name=_low(_name(RATE, lang)), y=year, cmp=t(lang, cmp), d=pg.change_text(achieved, "percent", lang, signed=False),
            kind=pg.kind_label(kind, lang).lower(),
            level=pg.goal_level_text(float(row["value"]), "percentage_points", str(row["printed"]), lang, show_used=False)))
    return None


def show_targets(rep: Report) -> None:
    """Section: the year's result against its goals, and the pace the goals ahead need against the pace achieved."""
    rep.heading("Chỉ tiêu giảm nghèo và tốc độ cần thiết", "Poverty targets and the pace they need")
    statements = statements_table(rep.figures, rep.year, rep.lang)
    frame = target_progress(rep.figures, rep.year)
    if statements is None and frame is None:
        rep.no_data("chỉ tiêu giảm nghèo", "poverty targets")
        return
    if statements is not None:
        rep.table(statements.frame, "poverty_result_vs_goal",
                  rep.t(f"Kết quả giảm nghèo năm {rep.year} so với chỉ tiêu", f"Poverty result in {rep.year} against its goal"),
                  statements.source_ids, raw=statements.raw)
    if frame is None:
        rep.no_data(f"chỉ tiêu tỷ lệ hộ nghèo sau năm {rep.year}", f"poverty-rate targets after {rep.year}")
        return
    table = pg.progress_table(frame, rep.lang)
    rep.table(table.frame, "poverty_targets_pace",
              rep.t("Khoảng cách tới các chỉ tiêu tỷ lệ hộ nghèo và tốc độ giảm cần thiết (phụ lục tính)",
                    "Distance to the poverty-rate targets and the yearly pace they need (computed by the appendix)"),
              table.source_ids, raw=table.raw)
    for sentence in target_sentences(frame, rep.lang, limit=len(frame)):
        rep.text(sentence)
    fig = pg.pace_chart(frame, RATE, rep.lang, rep.source_line(table.source_ids))
    if fig is not None:
        rep.figure(fig, "poverty_pace", rep.t("Mức giảm tỷ lệ hộ nghèo cần thiết mỗi năm so với mức đã đạt",
                                              "Yearly fall in the poverty rate needed against the fall achieved"))


# Support programmes ----------------------------------------------------------------

def group_frame(figures: pd.DataFrame, count_id: str, amount_id: str, period: int, lang: str,
                dimension: str = GROUP) -> pd.DataFrame | None:
    """A count and an amount by household group, with the total, the average amount per count and each group's share.

    Columns: code ("total" for the total row), category, count, amount,
    count_printed, amount_printed, average (amount / count), share (percent of
    the total amount), total_computed (the total row is a sum of the parts).
    ``attrs["source_ids"]``. None when neither indicator has a figure for ``period``.
    """
    counts = parts_frame(figures, count_id, dimension, period, lang)
    amounts = parts_frame(figures, amount_id, dimension, period, lang)
    count_total, amount_total = figure_row(figures, count_id, period), figure_row(figures, amount_id, period)
    if counts is None and amounts is None and count_total is None and amount_total is None:
        return None
    empty = pd.DataFrame(columns=["code", "category", "value", "printed", "source_id"])
    merged = (counts if counts is not None else empty)[["code", "category", "value", "printed"]].merge(
        (amounts if amounts is not None else empty)[["code", "category", "value", "printed"]],
        on=["code", "category"], how="outer", suffixes=("_count", "_amount"), sort=False)
    merged = merged.rename(columns={"value_count": "count", "value_amount": "amount",
                                    "printed_count": "count_printed", "printed_amount": "amount_printed"})
    order = list(dict.fromkeys([*(counts["code"] if counts is not None else []), *(amounts["code"] if amounts is not None else [])]))
    merged = merged.set_index("code").loc[order].reset_index()
    sources = set()
    for part in (counts, amounts):
        if part is not None:
            sources |= set(part["source_id"])

    def total(row: pd.Series | None, part: pd.DataFrame | None) -> tuple[float | None, str | None, bool]:
        if row is not None:
            sources.add(str(row["source_id"]))
            return float(row["value"]), str(row["printed"]), False
        if part is not None:
            return float(part["value"].sum()), None, True
        return None, None, False

    count_sum, count_printed, count_computed = total(count_total, counts)
    amount_sum, amount_printed, amount_computed = total(amount_total, amounts)
    merged["total_computed"] = False
    merged.loc[len(merged)] = {"code": "total", "category": t(lang, ("Tổng số", "Total")), "count": count_sum,
                               "amount": amount_sum, "count_printed": count_printed, "amount_printed": amount_printed,
                               "total_computed": count_computed or amount_computed}
    merged["count"] = pd.to_numeric(merged["count"], errors="coerce")
    merged["amount"] = pd.to_numeric(merged["amount"], errors="coerce")
    merged["average"] = merged["amount"] / merged["count"].where(merged["count"] > 0)
    merged["share"] = merged["amount"] / amount_sum * 100 if amount_sum else None
    merged.attrs["source_ids"] = sorted(sources)
    return merged


AVERAGE_HEADER = ("Bình quân ({unit}, phụ lục tính)", "Average ({unit}, computed)")
SHARE_HEADER = ("Tỷ trọng kinh phí (%, phụ lục tính)", "Share of the amount (%, computed)")
GROUP_HEADER = ("Nhóm hộ", "Household group")


def per_unit(amount_id: str, count_id: str, lang: str) -> str:
    """The unit of an average, from the catalogue's unit names: "triệu đồng/hộ", "million VND per person"."""
    if lang == "vi":
        return f"{unit_label(amount_id, lang)}/{unit_label(count_id, lang)}"
    return f"{unit_label(amount_id, lang)} per {unit_label(count_id, lang).removesuffix('s')}"


def group_table(frame: pd.DataFrame, count_id: str, amount_id: str, lang: str) -> Table:
    """The reader's table of :func:`group_frame`."""
    def cell(value: float, unit: str, printed: str | None, decimals: int | None = None) -> str:
        return "–" if value is None or pd.isna(value) else qualified(value, unit, lang, printed, decimals)

    count_unit, amount_unit = select_unit(count_id), select_unit(amount_id)
    shown = pd.DataFrame({
        t(lang, GROUP_HEADER): list(frame["category"]),
        f"{indicator_name(count_id, lang)} ({unit_label(count_id, lang)})":
            [cell(v, count_unit, p) for v, p in zip(frame["count"], frame["count_printed"])],
        f"{indicator_name(amount_id, lang)} ({unit_label(amount_id, lang)})":
            [cell(v, amount_unit, p) for v, p in zip(frame["amount"], frame["amount_printed"])],
        t(lang, AVERAGE_HEADER).format(unit=per_unit(amount_id, count_id, lang)):
            [cell(v, "million_vnd", None, 2) for v in frame["average"]],
        t(lang, SHARE_HEADER): [cell(v, "percent", None, 2).rstrip("%") for v in frame["share"]],
    })
    raw = frame[["code", "category", "count", "amount", "average", "share"]].rename(
        columns={"count": count_id, "amount": amount_id, "average": f"{amount_id}_per_{count_id}", "share": "share_pct"})
    return Table(shown, raw, frame.attrs["source_ids"])


def group_average_data(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The average per group (no total) for a bar chart; None when no group has one."""
    groups = frame[(frame["code"] != "total") & frame["average"].notna()]
    if groups.empty:
        return None
    return pd.DataFrame({"category": groups["category"].map(wrap).to_numpy(), "value": groups["average"].to_numpy()})


PROGRAMMES = {
    "credit": (("credit_households", "credit_amount"), ("Tín dụng ưu đãi theo nhóm hộ", "Preferential credit by household group"),
               ("tín dụng ưu đãi cho hộ nghèo, hộ cận nghèo", "preferential credit for poor and near-poor households")),
    "health_insurance": (("health_insurance_persons", "health_insurance_amount"),
                         ("Thẻ bảo hiểm y tế theo nhóm hộ", "Health-insurance cards by household group"),
                         ("thẻ bảo hiểm y tế cho hộ nghèo, hộ cận nghèo", "health-insurance cards for poor and near-poor households")),
    "medical_costs": (("medical_cost_households", "medical_cost_amount"),
                      ("Hỗ trợ chi phí khám chữa bệnh theo nhóm hộ", "Medical-cost support by household group"),
                      ("hỗ trợ chi phí khám chữa bệnh", "medical-cost support")),
}


def show_support_heading(rep: Report) -> None:
    """The heading over the support programmes."""
    rep.heading("Các chính sách hỗ trợ giảm nghèo", "Poverty support programmes")


def show_programme(rep: Report, key: str) -> None:
    """Section: one support programme (``"credit"``, ``"health_insurance"``, ``"medical_costs"``) by household group.

    Credit also gets a chart of the average loan per group and the number of programmes.
    """
    (count_id, amount_id), heading, what = PROGRAMMES[key]
    rep.heading(*heading, level=3)
    frame = group_frame(rep.figures, count_id, amount_id, rep.year, rep.lang)
    if frame is None:
        rep.no_data(*what)
        return
    table = group_table(frame, count_id, amount_id, rep.lang)
    rep.table(table.frame, key, rep.t(f"{heading[0]} năm {rep.year}", f"{heading[1]}, {rep.year}"),
              table.source_ids, raw=table.raw)
    if key != "credit":
        return
    programmes = figure_line(rep.figures, "credit_programmes", rep.year, rep.lang)
    if programmes is not None:
        rep.text(f"{programmes.label}: {programmes.text}.")
    data = group_average_data(frame)
    if data is not None:
        unit = per_unit(amount_id, count_id, rep.lang)
        fig = charts.bar_chart(data, title=rep.t("Vốn vay bình quân mỗi lượt hộ theo nhóm hộ",
                                                 "Average loan per household by group"),
                               x_label=axis_label(unit, rep.lang), source=rep.source_line(frame.attrs["source_ids"]),
                               lang=rep.lang)
        rep.figure(fig, "credit_average", rep.t(f"Vốn vay tín dụng ưu đãi bình quân mỗi lượt hộ năm {rep.year} (phụ lục tính)",
                                                f"Average preferential loan per household in {rep.year} (computed)"))


HOUSE = ("nhà", "house")
PER_HOUSE = ("Kinh phí bình quân mỗi nhà", "Average amount per house")


def electricity_housing_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Electricity support and housing support of ``year``, with the average amount per house; None without figures."""
    lines = [figure_line(figures, i, year, lang) for i in (
        "electricity_support_households", "electricity_support_rate", "electricity_support_amount",
        "housing_support_houses", "housing_support_amount")]
    houses, amount = lines[3], lines[4]
    if houses is not None and amount is not None and houses.value:
        joiner = "/" if lang == "vi" else " per "
        lines.append(computed_line(t(lang, PER_HOUSE), amount.value / houses.value, "", lang,
                                   how=f"{amount.text} / {houses.text}",
                                   unit_text=f"{unit_label('housing_support_amount', lang)}{joiner}{t(lang, HOUSE)}"))
    return lines_table(lines, lang)


def show_electricity_housing(rep: Report) -> None:
    """Section: electricity and housing support for poor households."""
    rep.heading("Hỗ trợ tiền điện và nhà ở", "Electricity and housing support", level=3)
    show_table(rep, electricity_housing_table(rep.figures, rep.year, rep.lang), "electricity_housing",
               (f"Hỗ trợ tiền điện và nhà ở năm {rep.year}", f"Electricity and housing support, {rep.year}"),
               ("hỗ trợ tiền điện và nhà ở", "electricity and housing support"))


def show_credit(rep: Report) -> None:
    """Section: preferential credit by household group."""
    show_programme(rep, "credit")


def show_health_insurance(rep: Report) -> None:
    """Section: health-insurance cards by household group."""
    show_programme(rep, "health_insurance")


def show_medical_costs(rep: Report) -> None:
    """Section: medical-cost support by household group."""
    show_programme(rep, "medical_costs")


# Key findings -----------------------------------------------------------------------

CREDIT_SENTENCE = ("{name} năm {y}: {n} lượt hộ, {amount} {unit}, bình quân {avg} {per}{lead}.",
                   "{name} in {y}: {n} household loans, {amount} {unit}, {avg} {per} on average{lead}.")
CREDIT_LEAD = ("; {group} nhận {share} tổng vốn vay", "; {group} received {share} of the amount")


def credit_sentence(frame: pd.DataFrame | None, year: int, lang: str) -> str | None:
    """The finding on preferential credit: loans, amount, average and the group with the largest share."""
    if frame is None:
        return None
    total = frame[frame["code"] == "total"].iloc[0]
    if pd.isna(total["count"]) or pd.isna(total["amount"]) or pd.isna(total["average"]):
        return None
    groups = frame[(frame["code"] != "total") & frame["share"].notna()]
    lead = ""
    if not groups.empty:
        top = groups.loc[groups["share"].idxmax()]
        lead = t(lang, CREDIT_LEAD).format(group=_low(top["category"]),
                                           share=_pct(round(float(top["share"]), 1), lang))
    return t(lang, CREDIT_SENTENCE).format(
        name=t(lang, ("Tín dụng ưu đãi", "Preferential credit")), y=year,
        n=qualified(total["count"], "households", lang, total["count_printed"]),
        amount=qualified(total["amount"], "million_vnd", lang, total["amount_printed"]),
        unit=unit_label("credit_amount", lang), avg=fmt_number(total["average"], lang, 2),
        per=per_unit("credit_amount", "credit_households", lang), lead=lead)


def findings(figures: pd.DataFrame, year: int, lang: str, breaks: Sequence[int] | None = None) -> list[str]:
    """Three to six key-finding sentences for ``year`` (fewer when the year has fewer figures)."""
    sentences: list[str | None] = []
    info = rate_change(figures, year, breaks)
    if info is not None:
        sentences.append(rate_sentence(info, lang, breaks))
    sentences.append(reduction_goal_sentence(figures, year, lang, breaks))
    sentences.append(households_sentence(households_frame(figures, year, breaks), year, lang))
    sentences.append(district_sentence(district_frame(figures, year), year, lang))
    sentences.extend(target_sentences(target_progress(figures, year, breaks), lang))
    sentences.append(credit_sentence(group_frame(figures, "credit_households", "credit_amount", year, lang), year, lang))
    return [s for s in sentences if s][:6]


def show_title(rep: Report) -> None:
    """The notebook's title heading."""
    rep.heading(*TITLE, level=1)


def show_findings(rep: Report) -> None:
    """The notebook's key findings (a "no data" sentence when the year has none)."""
    show_sentences(rep, findings(rep.figures, rep.year, rep.lang), WHAT)
