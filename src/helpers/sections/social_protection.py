"""Notebook 04: social protection, children and people with merit
(bảo trợ xã hội, trẻ em, người có công).

Monthly social assistance, care facilities and their residents, children
(special circumstances against next year's ceiling), child injuries and
deaths, gifts to people with merit and to vulnerable groups (with the average
per gift), and next year's targets of these domains.

The computing functions take the year's figures (``rep.figures``), the year
and the language, and return a :class:`~helpers.sections.social_common.Table`,
a frame or a list of sentences; ``None`` (or an empty list) means the year has
no data. The ``show_*`` functions put a section on a :class:`~helpers.present.report.Report`,
saying "no data" where there is none.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.attainment import assess, goal_bound
from helpers.data.printed import is_ambiguous, parse_printed
from helpers.data.query import category_label, cut_off, figure_row, indicator_name, parts, unit_label, value
from helpers.present import charts
from helpers.present.report import Report
from helpers.sections.social_common import (
    AS_OF_RE,
    COMPUTED,
    HEADERS,
    Reference,
    Table,
    axis_label,
    collect_findings,
    computed_line,
    derived_qualifier,
    figure_line,
    figure_text,
    fill_caption,
    goal_text,
    lines_table,
    lower_first,
    parts_chart,
    parts_frame,
    parts_table,
    pct,
    prefixed,
    printed_of,
    qualifier,
    rate,
    ratio,
    show_heading,
    show_table,
    t,
    targets_table,
    unit_of,
)
from helpers.sections.social_common import (
    show_findings as _show_findings,
)
from helpers.text.formatting import fmt_number, fmt_value

DOMAINS = ("social_protection", "children", "people_with_merit")

TITLE = ("Bảo trợ xã hội, trẻ em và người có công", "Social protection, children and people with merit")
WHAT = ("bảo trợ xã hội, trẻ em và người có công", "social protection, children and people with merit")

HEADINGS = {
    "assistance": ("Trợ cấp xã hội hàng tháng tại cộng đồng", "Monthly social assistance in the community"),
    "facilities": ("Cơ sở trợ giúp xã hội và đối tượng được nuôi dưỡng", "Social assistance facilities and residents"),
    "children": ("Trẻ em", "Children"),
    "special": ("Trẻ em có hoàn cảnh đặc biệt", "Children in special circumstances"),
    "injuries": ("Tai nạn thương tích trẻ em", "Child injuries and deaths"),
    "gifts": ("Thăm hỏi, tặng quà", "Gifts"),
    "merit_gifts": ("Quà tặng người có công", "Gifts to people with merit"),
    "vulnerable_gifts": ("Quà lễ, Tết cho đối tượng yếu thế", "Holiday gifts to vulnerable groups"),
    "targets": ("Chỉ tiêu năm {next}", "Targets for {next}"),
}
NO_DATA = {
    "assistance": ("trợ cấp xã hội hàng tháng", "monthly social assistance"),
    "facilities": ("cơ sở trợ giúp xã hội", "social assistance facilities"),
    "residents": ("đối tượng được nuôi dưỡng tại cơ sở trợ giúp xã hội", "residents of social assistance facilities"),
    "children": ("trẻ em", "children"),
    "special_chart": ("tỷ lệ trẻ em có hoàn cảnh đặc biệt và chỉ tiêu",
                      "the share of children in special circumstances and its target"),
    "injuries": ("tai nạn thương tích trẻ em", "child injuries"),
    "deaths_by_cause": ("trẻ em tử vong do tai nạn thương tích theo nguyên nhân", "child deaths by cause"),
    "merit_gifts": ("quà tặng người có công", "gifts to people with merit"),
    "vulnerable_gifts": ("quà lễ, Tết cho đối tượng yếu thế", "holiday gifts to vulnerable groups"),
    "targets": ("chỉ tiêu năm sau về bảo trợ xã hội và trẻ em", "next year's targets on social protection and children"),
}
CAPTIONS = {
    "assistance": ("Trợ cấp xã hội hàng tháng tại cộng đồng, năm {year}", "Monthly social assistance in the community, {year}"),
    "facilities": ("Cơ sở trợ giúp xã hội theo loại hình, năm {year}", "Social assistance facilities by ownership, {year}"),
    "residents": ("Đối tượng được nuôi dưỡng tại cơ sở trợ giúp xã hội, năm {prev} và {year}",
                  "Residents of social assistance facilities, {prev} and {year}"),
    "children": ("Trẻ em và trẻ em có hoàn cảnh đặc biệt, năm {year}", "Children and children in special circumstances, {year}"),
    "special_chart": ("Tỷ lệ trẻ em có hoàn cảnh đặc biệt trên tổng số trẻ em: năm {year} (phụ lục tính) và chỉ tiêu năm {next}",
                      "Children in special circumstances as a share of all children: {year} (computed) and the {next} target"),
    "injuries": ("Trẻ em bị tai nạn thương tích và tử vong, năm {prev} và {year}", "Child injuries and deaths, {prev} and {year}"),
    "deaths_chart": ("Trẻ em tử vong do tai nạn thương tích theo nguyên nhân, năm {year}",
                     "Child deaths from injuries by cause, {year}"),
    "deaths": ("Trẻ em tử vong do tai nạn thương tích theo nguyên nhân, năm {year}", "Child deaths from injuries by cause, {year}"),
    "merit_gifts": ("Quà tặng người có công và đối tượng chính sách, năm {year}",
                    "Gifts to people with merit and policy beneficiaries, {year}"),
    "vulnerable_gifts": ("Quà lễ, Tết theo nhóm đối tượng, năm {year}", "Holiday gifts by recipient group, {year}"),
    "gift_chart": ("Bình quân giá trị một suất quà theo nhóm đối tượng, năm {year} (phụ lục tính)",
                   "Average value per gift by recipient group, {year} (computed)"),
    "targets": ("Chỉ tiêu năm {next} về bảo trợ xã hội, trẻ em và kết quả năm {year}",
                "Targets for {next} on social protection and children beside the {year} results"),
}
CHART_TITLES = {
    "special": ("Trẻ em có hoàn cảnh đặc biệt (% tổng số trẻ em)", "Children in special circumstances (% of all children)"),
    "deaths": ("Trẻ em tử vong do tai nạn thương tích theo nguyên nhân, {year}", "Child deaths from injuries by cause, {year}"),
    "gifts": ("Bình quân giá trị một suất quà theo nhóm đối tượng, {year}", "Average value per gift by recipient group, {year}"),
}
COMPUTED_LABELS = {
    "per_person": ("Bình quân trợ cấp mỗi đối tượng mỗi tháng", "Average allowance per beneficiary per month"),
    "change": ("Thay đổi so với năm {prev}", "Change on {prev}"),
    "change_pct": ("Thay đổi so với năm {prev} (%)", "Change on {prev} (%)"),
}
PER_PERSON_MONTH = ("đồng/người/tháng", "VND per person per month")
PER_GIFT = ("đồng/suất", "VND per gift")
PER_GIFT_THOUSANDS = ("nghìn đồng/suất", "thousand VND per gift")
KIND_LABELS = {"actual": ("Kết quả {year} (phụ lục tính)", "Result {year} (computed)"),
               "target": ("Chỉ tiêu {year} ({goal})", "Target {year} ({goal})")}

# Money units in VND, for averages in đồng.
VND_PER_UNIT = {"million_vnd": 1e6, "billion_vnd": 1e9}



def average_vnd(amount: float | None, amount_unit: str, count: float | None) -> float | None:
    """Money per item in đồng: ``amount`` (in ``amount_unit``, e.g. million VND) divided by ``count``."""
    return ratio(amount, count, VND_PER_UNIT[amount_unit]) if amount_unit in VND_PER_UNIT else None


# Monthly assistance -------------------------------------------------------------

def assistance_average(figures: pd.DataFrame, year: int) -> tuple[float, str | None] | None:
    """The average monthly allowance per beneficiary in đồng, with its qualifier ("hơn" from "hơn 32 tỷ")."""
    persons = value(figures, "social_assistance_beneficiaries", year)
    amount = value(figures, "social_assistance_monthly_amount", year)
    average = average_vnd(amount, unit_of("social_assistance_monthly_amount"), persons)
    if average is None:
        return None
    return average, derived_qualifier(printed_of(figures, "social_assistance_monthly_amount", year),
                                      printed_of(figures, "social_assistance_beneficiaries", year))


def assistance_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Beneficiaries of monthly social assistance, the monthly spending, and the average per person."""
    persons = value(figures, "social_assistance_beneficiaries", year)
    amount = value(figures, "social_assistance_monthly_amount", year)
    unit = unit_of("social_assistance_monthly_amount")
    average = assistance_average(figures, year)
    lines = [
        figure_line(figures, "social_assistance_beneficiaries", year, lang),
        figure_line(figures, "social_assistance_monthly_amount", year, lang),
        None if average is None else computed_line(
            t(lang, COMPUTED_LABELS["per_person"]), average[0], "vnd_per_month", lang,
            f"{fmt_value(amount, unit, lang)} {unit_label('social_assistance_monthly_amount', lang)} / "
            f"{fmt_value(persons, 'persons', lang)}", decimals=0, unit_text=t(lang, PER_PERSON_MONTH), qualifier_key=average[1]),
    ]
    return lines_table(lines, lang)


# Facilities -----------------------------------------------------------------------

def facilities_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Social assistance facilities by ownership, with shares and the total."""
    return parts_table(figures, "social_assistance_facilities", "ownership", year, lang,
                       category_header=("Loại hình", "Ownership"))


def change_lines(figures: pd.DataFrame, indicator_id: str, change_id: str | None, year: int, lang: str) -> list:
    """Lines comparing an indicator's ``year - 1`` and ``year`` values, with the change.

    The change the report prints (``change_id``) is shown when the data hold it,
    else the appendix computes it; the change in percent is always computed.
    """
    prev, now = value(figures, indicator_id, year - 1), value(figures, indicator_id, year)
    name = indicator_name(indicator_id, lang)
    unit = unit_of(indicator_id)
    lines = [
        figure_line(figures, indicator_id, year - 1, lang, label=f"{name} ({year - 1})"),
        figure_line(figures, indicator_id, year, lang, label=f"{name} ({year})"),
    ]
    printed_change = figure_line(figures, change_id, year, lang,
                                 label=f"{name}: {lower_first(t(lang, COMPUTED_LABELS['change'])).format(prev=year - 1)}") \
        if change_id else None
    diff = None if prev is None or now is None else now - prev
    if printed_change is not None:
        lines.append(printed_change)
    else:
        lines.append(computed_line(f"{name}: {lower_first(t(lang, COMPUTED_LABELS['change']).format(prev=year - 1))}",
                                   diff, unit, lang, f"{fmt_value(now, unit, lang)} - {fmt_value(prev, unit, lang)}",
                                   decimals=None, unit_text=unit_label(indicator_id, lang), signed=True))
    lines.append(computed_line(f"{name}: {lower_first(t(lang, COMPUTED_LABELS['change_pct']).format(prev=year - 1))}",
                               rate(diff, prev), "percent", lang,
                               f"({fmt_value(now, unit, lang)} - {fmt_value(prev, unit, lang)}) / {fmt_value(prev, unit, lang)}",
                               signed=True))
    return lines


def residents_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Residents of social assistance facilities last year and this year, with the change."""
    return lines_table(change_lines(figures, "social_facility_residents", "social_facility_residents_change", year, lang), lang)


# Children ---------------------------------------------------------------------------

def special_share(figures: pd.DataFrame, year: int) -> float | None:
    """Children in special circumstances as a percent of all children (computed; None if either is missing)."""
    return rate(value(figures, "children_special_circumstances", year), value(figures, "children_population", year))


def children_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Children, children in special circumstances with their share and support rate, and related counts."""
    special = value(figures, "children_special_circumstances", year)
    children = value(figures, "children_population", year)
    supported = value(figures, "children_special_circumstances_supported", year)
    lines = [
        figure_line(figures, "children_population", year, lang),
        figure_line(figures, "children_share_of_population", year, lang),
        figure_line(figures, "male_children_share", year, lang),
        figure_line(figures, "children_special_circumstances", year, lang),
        computed_line(indicator_name("children_special_circumstances_rate", lang), special_share(figures, year), "percent", lang,
                      f"{fmt_value(special, 'persons', lang)} / {fmt_value(children, 'persons', lang)}"),
        figure_line(figures, "children_special_circumstances_groups", year, lang),
        figure_line(figures, "children_special_circumstances_supported", year, lang),
        figure_line(figures, "children_special_circumstances_supported_rate", year, lang),
        computed_line(indicator_name("children_special_circumstances_supported_rate", lang), rate(supported, special),
                      "percent", lang,
                      f"{fmt_value(supported, 'persons', lang)} / {fmt_value(special, 'persons', lang)}"),
        figure_line(figures, "children_in_poor_households", year, lang, breakdown="household_group=poor"),
        figure_line(figures, "children_in_poor_households", year, lang, breakdown="household_group=near_poor"),
        figure_line(figures, "children_in_facilities", year, lang),
    ]
    return lines_table(lines, lang)


def special_vs_target_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The computed share of children in special circumstances (``year``) beside its target (``year + 1``).

    Columns ``category`` (what the bar is, with the target as printed: "Chỉ tiêu 2024 (dưới 1,5%)"),
    ``kind``, ``period``, ``value``, ``source_id``; None when neither exists.
    """
    rows = []
    share = special_share(figures, year)
    if share is not None:
        source = figure_row(figures, "children_special_circumstances", year)["source_id"]
        rows.append({"category": t(lang, KIND_LABELS["actual"]).format(year=year), "kind": "actual", "period": year,
                     "value": round(share, 2), "source_id": str(source)})
    goal = figure_row(figures, "children_special_circumstances_rate", year + 1, "target")
    if goal is not None:
        text = goal_text(float(goal["value"]), "percent", str(goal["printed"]), lang)
        rows.append({"category": t(lang, KIND_LABELS["target"]).format(year=year + 1, goal=text), "kind": "target",
                     "period": year + 1, "value": float(goal["value"]), "source_id": str(goal["source_id"])})
    return pd.DataFrame(rows) if rows else None


def special_vs_target_chart(frame: pd.DataFrame, year: int, lang: str, source: str) -> Figure:
    """Bars of the computed share and next year's target, each bar naming what it is."""
    return charts.bar_chart(frame[["category", "value"]], title=t(lang, CHART_TITLES["special"]),
                            x_label=axis_label(unit_label("children_special_circumstances_rate", lang), lang),
                            source=source, lang=lang)


def special_sentence(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """The computed share of children in special circumstances against next year's goal, in words."""
    share = special_share(figures, year)
    if share is None:
        return None
    sentence = t(lang, ("Năm {year}, trẻ em có hoàn cảnh đặc biệt chiếm {share} tổng số trẻ em ({special}/{children})",
                        "In {year}, children in special circumstances made up {share} of all children ({special}/{children})"
                        )).format(year=year, share=pct(share, lang),
                                  special=fmt_value(value(figures, "children_special_circumstances", year), "persons", lang),
                                  children=fmt_value(value(figures, "children_population", year), "persons", lang))
    goal = figure_row(figures, "children_special_circumstances_rate", year + 1, "target")
    if goal is not None:
        result = assess(round(share, 2), float(goal["value"]), str(goal["polarity"]), goal_bound(str(goal["printed"])))
        verdict = ("đã đạt", "already meets") if result.met else ("chưa đạt", "does not yet meet")
        sentence += t(lang, ("; mức này {verdict} chỉ tiêu năm {next} ({goal})", "; this {verdict} the {next} target ({goal})")
                      ).format(verdict=t(lang, verdict), next=year + 1,
                               goal=goal_text(float(goal["value"]), "percent", str(goal["printed"]), lang))
    return sentence + "."


# Injuries ------------------------------------------------------------------------------

INJURY_IDS = ("child_injuries", "child_injuries_change", "child_deaths", "child_deaths_change")


def injury_view(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """The injury figures as the report compares them: all cut to the same date.

    The report counts child injuries and deaths up to a cut-off (15/11/2023)
    and compares them with the same period of the year before. The view keeps,
    for the injury indicators, only the figures of ``year``'s cut-off and of the
    same day a year earlier (full-period figures when ``year``'s are full-period),
    with the date carried into the note ("as of 15/11/2023") for the reader.
    Other indicators are untouched; a part-period figure is never set beside a
    full-period one.
    """
    dates = cut_off(figures)
    injury = figures["indicator_id"].isin(INJURY_IDS)
    this_year = figures[injury & (figures["indicator_id"] == "child_injuries") & (figures["period"] == year)
                        & figures["preferred"].astype(bool)]
    if this_year.empty:
        return figures
    cut = str(dates.loc[this_year.index[0]])
    wanted = {year: cut, year - 1: f"{year - 1}{cut[4:]}" if cut else ""}
    keep = ~injury | figures.apply(lambda r: wanted.get(int(r["period"])) == dates.loc[r.name], axis=1).astype(bool)
    view = figures[keep].copy()
    dated = view["indicator_id"].isin(INJURY_IDS) & (cut_off(view) != "")
    if dated.any():
        shown = cut_off(view)[dated].map(lambda d: f"{int(d[8:10])}/{int(d[5:7])}/{d[:4]}")
        notes = view.loc[dated, "note"].fillna("")
        view.loc[dated, "note"] = [f"{n}; as of {d}" if n else f"as of {d}" for n, d in zip(notes, shown)]
        view.loc[dated, "as_of"] = ""
    return view


def injuries_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Child injuries and deaths, last year and this year, with the changes (all to the same cut-off)."""
    figures = injury_view(figures, year)
    lines = (change_lines(figures, "child_injuries", "child_injuries_change", year, lang)
             + change_lines(figures, "child_deaths", "child_deaths_change", year, lang))
    return lines_table(lines, lang)


def deaths_by_cause(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Child deaths from injuries by cause, with shares."""
    figures = injury_view(figures, year)
    return parts_frame(figures, "child_deaths", "cause", year, lang)


def as_of(figures: pd.DataFrame, indicator_id: str, year: int) -> str | None:
    """The cut-off date recorded in a figure's note ("as of 15/11/2023" → "15/11/2023"), if any."""
    row = figure_row(figures, indicator_id, year)
    match = AS_OF_RE.search(str(row["note"] or "")) if row is not None else None
    return match[1] if match else None


# Gifts -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GiftRow:
    """One row of a gift table: how many gifts, how much money, and the average per gift.

    ``items_q`` and ``amount_q`` are the print qualifiers of the two figures
    ("hơn 62.513" → "hơn"), carried into the text and the average.
    """

    code: str
    label: str
    items: float | None
    amount: float | None  # in ``amount_unit``
    amount_unit: str
    items_q: str | None = None
    amount_q: str | None = None
    note: str = ""
    source_ids: tuple[str, ...] = ()

    @property
    def average(self) -> float | None:
        """Đồng per gift."""
        return average_vnd(self.amount, self.amount_unit, self.items)

    def average_qualifier(self) -> str | None:
        """The qualifier of the average: "hơn" when only the amount is "hơn …", "khoảng" when both are qualified."""
        if self.items_q is None:
            return self.amount_q
        return "khoảng"

    def texts(self, lang: str) -> tuple[str, str, str]:
        """Items, amount and average as the reader sees them."""
        items = prefixed(fmt_value(self.items, "items", lang), self.items_q, lang)
        amount = prefixed(fmt_value(self.amount, self.amount_unit, lang), self.amount_q, lang)
        average = "–" if self.average is None else prefixed(fmt_number(round(self.average), lang, 0),
                                                            self.average_qualifier(), lang)
        return items, amount, average


GIFT_HEADERS = {
    "items": ("Số suất quà", "Gifts"),
    "amount": ("Kinh phí", "Amount"),
    "average": ("Bình quân", "Average"),
}
ESTIMATE_NOTE = ("số in {printed}; bình quân là mức ước tính", "printed {printed}; the average is an estimate")
AMBIGUOUS_SHORT = ("số in không rõ ràng, xem lưu ý dưới bảng", "ambiguous print, see the note below the table")
AMBIGUOUS_SENTENCE = (
    "Lưu ý: “{name}” được in là “{printed} {unit}”, dấu phẩy đứng ở chỗ của dấu phân cách hàng nghìn. "
    "Phụ lục đọc là {value} {unit} (bình quân {average} đồng/suất); nếu đọc dấu phẩy là dấu thập phân thì bình quân "
    "chỉ khoảng {alt_average} đồng/suất, không hợp lý.",
    "Note: “{name}” is printed “{printed} {unit}”, with a comma where the thousands separator belongs. "
    "The appendix reads it as {value} {unit} (an average of {average} VND per gift); read with a decimal comma, "
    "the average would be about {alt_average} VND per gift, which is implausible.",
)
MERIT_GIFTS = (("tet_gifts", "tet_gifts_amount"), ("july27_gifts", "july27_gifts_amount"))


def _ambiguous(row: pd.Series | None) -> bool:
    """True for a figure recorded under the other reading of an ambiguous print."""
    if row is None:
        return False
    return is_ambiguous(str(row["printed"]), repr(float(row["value"])).removesuffix(".0"), str(row["note"] or ""))


def _gift_row(figures: pd.DataFrame, year: int, lang: str, code: str, label: str, items_id: str, amount_id: str,
              breakdown: str = "") -> GiftRow | None:
    items_row = figure_row(figures, items_id, year, "actual", breakdown)
    amount_row = figure_row(figures, amount_id, year, "actual", breakdown)
    if items_row is None and amount_row is None:
        return None
    items_printed = None if items_row is None else str(items_row["printed"])
    amount_printed = None if amount_row is None else str(amount_row["printed"])
    qualified_prints = [f"“{p}”" for p in (items_printed, amount_printed) if qualifier(p)]
    notes = [t(lang, ESTIMATE_NOTE).format(printed=", ".join(qualified_prints))] if qualified_prints else []
    if _ambiguous(amount_row):
        notes.append(t(lang, AMBIGUOUS_SHORT))
    return GiftRow(
        code=code, label=label,
        items=None if items_row is None else float(items_row["value"]),
        amount=None if amount_row is None else float(amount_row["value"]),
        amount_unit=unit_of(amount_id), items_q=qualifier(items_printed), amount_q=qualifier(amount_printed),
        note="; ".join(notes),
        source_ids=tuple(sorted({str(r["source_id"]) for r in (items_row, amount_row) if r is not None})),
    )


def merit_gift_rows(figures: pd.DataFrame, year: int, lang: str) -> list[GiftRow]:
    """Gifts to people with merit (Tết, War Invalids and Martyrs Day), one row per occasion."""
    rows = [_gift_row(figures, year, lang, items_id, indicator_name(items_id, lang), items_id, amount_id)
            for items_id, amount_id in MERIT_GIFTS]
    return [r for r in rows if r is not None]


def vulnerable_gift_rows(figures: pd.DataFrame, year: int, lang: str) -> list[GiftRow]:
    """Holiday gifts by recipient group (footnote 1 of the 2023 report), one row per group."""
    codes = list(dict.fromkeys(list(parts(figures, "holiday_gifts", "recipient_group", year)["category"])
                               + list(parts(figures, "holiday_gifts_amount", "recipient_group", year)["category"])))
    rows = [_gift_row(figures, year, lang, code, category_label("recipient_group", code, lang), "holiday_gifts",
                      "holiday_gifts_amount", f"recipient_group={code}") for code in codes]
    return [r for r in rows if r is not None]


def gift_total(rows: list[GiftRow], lang: str) -> GiftRow | None:
    """The sum of gift rows (computed), "hơn …" where any part is; None unless every row is complete."""
    if not rows or any(r.items is None or r.amount is None for r in rows):
        return None
    return GiftRow(
        code="total", label=f"{t(lang, ('Tổng số', 'Total'))} ({lower_first(t(lang, COMPUTED))})",
        items=sum(r.items for r in rows), amount=sum(r.amount for r in rows), amount_unit=rows[0].amount_unit,
        items_q="hơn" if any(r.items_q for r in rows) else None,
        amount_q="hơn" if any(r.amount_q for r in rows) else None,
        note=t(lang, ("cộng các dòng trên", "sum of the rows above")),
    )


def gift_table(rows: list[GiftRow], lang: str, label_header: tuple[str, str], with_total: bool) -> Table | None:
    """Gifts, amounts and the average per gift; with ``with_total`` a computed total row. None without rows."""
    if not rows:
        return None
    total = gift_total(rows, lang) if with_total else None
    shown = rows + ([total] if total is not None else [])
    texts = [r.texts(lang) for r in shown]
    frame = pd.DataFrame({
        t(lang, label_header): [r.label for r in shown],
        f"{t(lang, GIFT_HEADERS['items'])} ({unit_label('holiday_gifts', lang)})": [x[0] for x in texts],
        f"{t(lang, GIFT_HEADERS['amount'])} ({unit_label('holiday_gifts_amount', lang)})": [x[1] for x in texts],
        f"{t(lang, GIFT_HEADERS['average'])} ({t(lang, PER_GIFT)})": [x[2] for x in texts],
        t(lang, HEADERS["note"]): [r.note for r in shown],
    })
    raw = pd.DataFrame({"code": [r.code for r in shown], "label": [r.label for r in shown],
                        "items": [r.items for r in shown], "amount_million_vnd": [r.amount for r in shown],
                        "average_vnd_per_item": [r.average for r in shown]})
    sources = sorted({s for r in rows for s in r.source_ids})
    return Table(frame, raw, sources)


def merit_gifts_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Gifts to people with merit by occasion, with the average per gift."""
    return gift_table(merit_gift_rows(figures, year, lang), lang, HEADERS["label"], with_total=False)


def vulnerable_gifts_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Holiday gifts by recipient group, with the average per gift and a computed total."""
    return gift_table(vulnerable_gift_rows(figures, year, lang), lang, ("Nhóm đối tượng", "Recipient group"), with_total=True)


def ambiguity_sentences(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """A note for each gift amount recorded under the other reading of an ambiguous print."""
    sentences = []
    for items_id, amount_id in MERIT_GIFTS:
        row = figure_row(figures, amount_id, year)
        items = value(figures, items_id, year)
        if row is None or items is None or not _ambiguous(row):
            continue
        unit = str(row["unit"])
        parsed = parse_printed(str(row["printed"]))
        vi_reading = float(min(parsed.readings()))
        sentences.append(t(lang, AMBIGUOUS_SENTENCE).format(
            name=indicator_name(amount_id, lang), printed=row["printed"], unit=unit_label(amount_id, lang),
            value=fmt_value(float(row["value"]), unit, lang),
            average=fmt_number(round(average_vnd(float(row["value"]), unit, items)), lang, 0),
            alt_average=fmt_number(round(average_vnd(vi_reading, unit, items)), lang, 0)))
    return sentences


def gift_average_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The average value per gift by recipient group in thousand đồng (rounded), for a chart; None without data."""
    rows = [r for r in vulnerable_gift_rows(figures, year, lang) if r.average is not None]
    if not rows:
        return None
    return pd.DataFrame({"category": [r.label for r in rows], "value": [float(round(r.average / 1000)) for r in rows],
                         "source_id": [r.source_ids[0] for r in rows]})


# Next year's targets ----------------------------------------------------------------------

SPECIAL_CAVEAT = ("báo cáo không nêu tỷ lệ này; phụ lục tính từ số trẻ em",
                  "the report gives no such rate; computed from the counts of children")


def special_share_reference(figures: pd.DataFrame, year: int, lang: str) -> Reference | None:
    """The computed share of children in special circumstances, to stand beside its target."""
    share = special_share(figures, year)
    if share is None:
        return None
    how = (f"{fmt_value(value(figures, 'children_special_circumstances', year), 'persons', lang)} / "
           f"{fmt_value(value(figures, 'children_population', year), 'persons', lang)}")
    return Reference(round(share, 2), how, t(lang, SPECIAL_CAVEAT))


REFERENCES = {"children_special_circumstances_rate": special_share_reference}


def targets(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The domains' targets for ``year + 1`` beside ``year``'s results (or the appendix's reference values)."""
    return targets_table(figures, year, DOMAINS, lang, REFERENCES)


# Key findings ------------------------------------------------------------------------------

def finding_assistance(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Monthly beneficiaries, spending and the average per person."""
    persons = figure_text(figures, "social_assistance_beneficiaries", year, lang)
    if persons is None:
        return None
    sentence = t(lang, ("Năm {year} có {persons} đối tượng bảo trợ xã hội hưởng trợ cấp hàng tháng tại cộng đồng",
                        "In {year}, {persons} social assistance beneficiaries received monthly allowances in the community")
                 ).format(year=year, persons=persons)
    amount = figure_text(figures, "social_assistance_monthly_amount", year, lang)
    found = assistance_average(figures, year)
    average = None if found is None else prefixed(fmt_number(round(found[0]), lang, 0), found[1], lang)
    if amount is not None:
        sentence += t(lang, (", kinh phí {amount} {unit} mỗi tháng", ", costing {amount} {unit} a month")).format(
            amount=amount, unit=unit_label("social_assistance_monthly_amount", lang))
        if average is not None:
            sentence += t(lang, (" (bình quân {avg} đồng/người/tháng)", " (an average of {avg} VND per person per month)")
                          ).format(avg=average)
    return sentence + "."


def finding_facilities(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Facilities by ownership and residents against last year."""
    facilities = figure_text(figures, "social_assistance_facilities", year, lang)
    now = value(figures, "social_facility_residents", year)
    if facilities is None and now is None:
        return None
    pieces = []
    if facilities is not None:
        piece = t(lang, ("Toàn tỉnh có {n} cơ sở trợ giúp xã hội", "The province has {n} social assistance facilities")
                  ).format(n=facilities)
        own = parts_frame(figures, "social_assistance_facilities", "ownership", year, lang)
        if own is not None:
            piece += " (" + ", ".join(f"{fmt_value(r.value, 'count', lang)} {lower_first(r.category)}" for r in own.itertuples()) + ")"
        pieces.append(piece)
    if now is not None:
        prev = value(figures, "social_facility_residents", year - 1)
        lead = ("nuôi dưỡng", "caring for") if pieces else \
            ("các cơ sở trợ giúp xã hội nuôi dưỡng", "social assistance facilities care for")
        piece = t(lang, ("{lead} {now} đối tượng", "{lead} {now} residents")).format(
            lead=t(lang, lead), now=fmt_value(now, "persons", lang))
        if prev is not None:
            piece += t(lang, (" ({change}; {pct} so với {prev} người năm {py})", " ({change}; {pct} on {prev} in {py})")).format(
                change=fmt_value(now - prev, "persons", lang, signed=True),
                pct=fmt_value(round(rate(now - prev, prev), 2), "percent", lang, signed=True),
                prev=fmt_value(prev, "persons", lang), py=year - 1)
        pieces.append(piece)
    text = ", ".join(pieces)
    return text[:1].upper() + text[1:] + "."


def finding_children(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Children in special circumstances: share against next year's ceiling, and the share supported."""
    sentence = special_sentence(figures, year, lang)
    if sentence is None:
        return None
    supported = figure_text(figures, "children_special_circumstances_supported", year, lang)
    if supported is not None:
        r = rate(value(figures, "children_special_circumstances_supported", year),
                 value(figures, "children_special_circumstances", year))
        sentence = sentence[:-1] + t(lang, ("; {n} em ({r}) được hưởng trợ cấp xã hội và chăm sóc.",
                                            "; {n} of them ({r}) receive allowances or care.")).format(n=supported, r=pct(r, lang))
    return sentence


def finding_injuries(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Child injuries and deaths against last year (to the same cut-off), and the leading cause of death."""
    figures = injury_view(figures, year)
    now = value(figures, "child_injuries", year)
    if now is None:
        return None
    date = as_of(figures, "child_injuries", year)
    sentence = (t(lang, ("Tính đến {d}, ", "As of {d}, ")).format(d=date) if date else "") + t(lang, (
        "có {now} trường hợp trẻ em bị tai nạn thương tích", "there were {now} child injury cases")
    ).format(now=fmt_value(now, "cases", lang))
    prev = value(figures, "child_injuries", year - 1)
    if prev is not None:
        sentence += t(lang, (" ({py}: {prev})", " ({py}: {prev})")).format(py=year - 1, prev=fmt_value(prev, "cases", lang))
    deaths = value(figures, "child_deaths", year)
    if deaths is not None:
        deaths_prev = value(figures, "child_deaths", year - 1)
        sentence += t(lang, ("; {n} trường hợp tử vong", "; {n} deaths")).format(n=fmt_value(deaths, "cases", lang))
        if deaths_prev is not None:
            sentence += t(lang, (" ({py}: {prev})", " ({py}: {prev})")).format(py=year - 1, prev=fmt_value(deaths_prev, "cases", lang))
        causes = deaths_by_cause(figures, year, lang)
        if causes is not None:
            top = causes.sort_values("value", ascending=False, kind="stable").iloc[0]
            sentence += t(lang, (", nhiều nhất do {c} ({n}; {s})", ", most from {c} ({n}; {s})")).format(
                c=lower_first(top["category"]), n=fmt_value(top["value"], "cases", lang), s=pct(top["share"], lang))
    text = sentence + "."
    return text[:1].upper() + text[1:]


def finding_merit_gifts(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Gifts to people with merit by occasion, with the average per gift."""
    rows = [r for r in merit_gift_rows(figures, year, lang) if r.items is not None and r.amount is not None]
    if not rows:
        return None
    occasions = {"tet_gifts": ("dịp Tết", "at Tết"), "july27_gifts": ("dịp 27/7", "on 27 July")}
    pieces = []
    for r in rows:
        items, amount, average = r.texts(lang)
        pieces.append(t(lang, ("{occ} {items} suất, {amount} {unit} (bình quân {avg} đồng/suất)",
                               "{occ} {items} gifts, {amount} {unit} (on average {avg} VND per gift)")).format(
            occ=t(lang, occasions.get(r.code, (r.label, r.label))), items=items, amount=amount,
            unit=unit_label("tet_gifts_amount", lang), avg=average))
    text = t(lang, ("Quà tặng người có công: {pieces}", "Gifts to people with merit: {pieces}")).format(pieces="; ".join(pieces))
    unclear = [t(lang, occasions.get(items_id, (items_id, items_id))) for items_id, amount_id in MERIT_GIFTS
               if _ambiguous(figure_row(figures, amount_id, year))]
    if unclear:
        text += t(lang, ("; số tiền {occ} in không rõ ràng (xem lưu ý ở mục quà tặng)",
                         "; the amount {occ} is printed ambiguously (see the note in the gifts section)")).format(
            occ=t(lang, (" và ", " and ")).join(unclear))
    return text + "."


def finding_vulnerable_gifts(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Holiday gifts to vulnerable groups: total (computed) and the range of the average per gift."""
    rows = [r for r in vulnerable_gift_rows(figures, year, lang) if r.average is not None]
    total = gift_total(vulnerable_gift_rows(figures, year, lang), lang)
    if not rows:
        return None
    low = min(rows, key=lambda r: r.average)
    high = max(rows, key=lambda r: r.average)
    sentence = t(lang, ("Quà lễ, Tết cho {n} nhóm đối tượng yếu thế", "Holiday gifts to {n} vulnerable groups")).format(n=len(rows))
    if total is not None:
        items, amount, _ = total.texts(lang)
        sentence += t(lang, (": tổng {items} suất, {amount} {unit} (phụ lục cộng)",
                             ": {items} gifts in all, {amount} {unit} (summed by the appendix)")).format(items=items, amount=amount, unit=unit_label("holiday_gifts_amount", lang))
    sentence += t(lang, ("; bình quân một suất từ {low} đồng ({low_name}) đến {high} đồng ({high_name}).",
                         "; the average gift ranges from {low} VND ({low_name}) to {high} VND ({high_name})."
                         )).format(low=low.texts(lang)[2], low_name=lower_first(low.label),
                                   high=high.texts(lang)[2], high_name=lower_first(high.label))
    return sentence


FINDINGS = (finding_assistance, finding_facilities, finding_children, finding_injuries, finding_merit_gifts,
            finding_vulnerable_gifts)


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The key-finding sentences the year's data support (at most six; empty when there are none)."""
    return collect_findings(FINDINGS, figures, year, lang)


# Showing ---------------------------------------------------------------------------------------

def show_title(rep: Report) -> None:
    """The notebook's title heading."""
    rep.heading(*TITLE, level=1)


def show_findings(rep: Report) -> None:
    """The key findings of the year (or a sentence saying there are none)."""
    _show_findings(rep, findings(rep.figures, rep.year, rep.lang), WHAT)


def show_assistance(rep: Report) -> None:
    """Monthly social assistance: beneficiaries, spending, average per person."""
    show_heading(rep, HEADINGS["assistance"])
    show_table(rep, assistance_table(rep.figures, rep.year, rep.lang), "monthly_assistance", fill_caption(rep, CAPTIONS["assistance"]),
               NO_DATA["assistance"])


def show_facilities(rep: Report) -> None:
    """Facilities by ownership, then residents last year and this year."""
    show_heading(rep, HEADINGS["facilities"])
    show_table(rep, facilities_table(rep.figures, rep.year, rep.lang), "facilities", fill_caption(rep, CAPTIONS["facilities"]),
               NO_DATA["facilities"])
    show_table(rep, residents_table(rep.figures, rep.year, rep.lang), "facility_residents", fill_caption(rep, CAPTIONS["residents"]),
               NO_DATA["residents"])


def show_children(rep: Report) -> None:
    """Children and children in special circumstances; the computed share against next year's ceiling."""
    show_heading(rep, HEADINGS["children"])
    show_table(rep, children_table(rep.figures, rep.year, rep.lang), "children", fill_caption(rep, CAPTIONS["children"]),
               NO_DATA["children"])
    show_heading(rep, HEADINGS["special"], 3)
    frame = special_vs_target_frame(rep.figures, rep.year, rep.lang)
    if frame is None:
        rep.no_data(*NO_DATA["special_chart"])
        return
    rep.figure(special_vs_target_chart(frame, rep.year, rep.lang, rep.source_line(frame["source_id"])),
               "special_circumstances_vs_target", rep.t(*fill_caption(rep, CAPTIONS["special_chart"])))
    sentence = special_sentence(rep.figures, rep.year, rep.lang)
    if sentence:
        rep.text(sentence)


def show_injuries(rep: Report) -> None:
    """Child injuries and deaths against last year, and deaths by cause (chart and table)."""
    show_heading(rep, HEADINGS["injuries"])
    show_table(rep, injuries_table(rep.figures, rep.year, rep.lang), "child_injuries", fill_caption(rep, CAPTIONS["injuries"]),
               NO_DATA["injuries"])
    frame = deaths_by_cause(rep.figures, rep.year, rep.lang)
    if frame is None:
        rep.no_data(*NO_DATA["deaths_by_cause"])
        return
    fig = parts_chart(frame, title=t(rep.lang, CHART_TITLES["deaths"]).format(year=rep.year),
                      unit_text=unit_label("child_deaths", rep.lang), source=rep.source_line(frame["source_id"]), lang=rep.lang)
    rep.figure(fig, "child_deaths_by_cause", rep.t(*fill_caption(rep, CAPTIONS["deaths_chart"])))
    show_table(rep, parts_table(injury_view(rep.figures, rep.year), "child_deaths", "cause", rep.year, rep.lang,
                                ("Nguyên nhân", "Cause")),
               "child_deaths_by_cause", fill_caption(rep, CAPTIONS["deaths"]), NO_DATA["deaths_by_cause"])


def show_merit_gifts(rep: Report) -> None:
    """Gifts to people with merit by occasion, with the average per gift and the note on an ambiguous print."""
    show_heading(rep, HEADINGS["gifts"])
    show_heading(rep, HEADINGS["merit_gifts"], 3)
    shown = show_table(rep, merit_gifts_table(rep.figures, rep.year, rep.lang), "merit_gifts",
                       fill_caption(rep, CAPTIONS["merit_gifts"]), NO_DATA["merit_gifts"])
    for sentence in ambiguity_sentences(rep.figures, rep.year, rep.lang) if shown else []:
        rep.text(sentence)


def show_vulnerable_gifts(rep: Report) -> None:
    """Holiday gifts by recipient group (table with averages and total) and a chart of the average per gift."""
    show_heading(rep, HEADINGS["vulnerable_gifts"], 3)
    shown = show_table(rep, vulnerable_gifts_table(rep.figures, rep.year, rep.lang), "vulnerable_gifts",
                       fill_caption(rep, CAPTIONS["vulnerable_gifts"]), NO_DATA["vulnerable_gifts"])
    frame = gift_average_frame(rep.figures, rep.year, rep.lang)
    if not shown or frame is None:
        return
    fig = parts_chart(frame, title=t(rep.lang, CHART_TITLES["gifts"]).format(year=rep.year),
                      unit_text=t(rep.lang, PER_GIFT_THOUSANDS),
                      source=rep.source_line(frame["source_id"]), lang=rep.lang)
    rep.figure(fig, "average_gift_by_group", rep.t(*fill_caption(rep, CAPTIONS["gift_chart"])))


def show_targets(rep: Report) -> None:
    """Next year's targets of the domains beside this year's results."""
    show_heading(rep, HEADINGS["targets"])
    show_table(rep, targets(rep.figures, rep.year, rep.lang), "targets_next_year", fill_caption(rep, CAPTIONS["targets"]),
               NO_DATA["targets"])
