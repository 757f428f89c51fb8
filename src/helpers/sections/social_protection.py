"""Notebook 04 (bảo trợ xã hội, trẻ em, người có công): monthly social assistance, care facilities and their
residents, children (special circumstances against next year's ceiling), child injuries and deaths, and next
year's targets. Gifts are in :mod:`helpers.sections.social_protection_gifts`, the key findings in
:mod:`helpers.sections.social_protection_findings`.

For each section of the notebook: a function that shows its heading and returns its data (a frame, or the
reader's :class:`~helpers.present.tables.Table`; None, said as "no data", when the year has none), one that
draws its chart (a Figure), and the tables it hands to the appendix. Numbers come from
:mod:`helpers.analysis.social_protection`; every word from ``social_protection.yml`` beside this module
(``T(key, lang)``) or from the catalogue in ``data/``.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import social_protection as an
from helpers.analysis.attainment import assess, goal_bound
from helpers.analysis.social_protection import average_vnd, special_share  # noqa: F401  (for notebooks and tests)
from helpers.data.query import figure_row, indicator_name, unit_label, value
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections import chart_titles as ct
from helpers.sections.social_common import (
    computed_line,
    computed_text,
    derived_qualifier,
    figure_line,
    goal_text,
    lines_table,
    parts_frame,
    parts_table,
    pct,
    printed_of,
    section_parts_chart,
    unit_of,
    with_recomputed,
)
from helpers.sections.social_targets import Reference, targets_table
from helpers.text import texts_for
from helpers.text.formatting import fmt_value

T = texts_for(__name__)
DOMAINS = ("social_protection", "children", "people_with_merit")


def dated(table: Table | None, year: int) -> Table | None:
    """``table`` whose caption may name the year before (``{prev}``) and the year after (``{next}``)."""
    return None if table is None else replace(table, values={"prev": year - 1, "next": year + 1, **table.values})


# Monthly assistance -------------------------------------------------------------


def assistance_average(figures: pd.DataFrame, year: int) -> tuple[float, str | None] | None:
    """The average monthly allowance per beneficiary in đồng, with its qualifier ("hơn" from "hơn 32 tỷ")."""
    average = average_vnd(
        value(figures, "social_assistance_monthly_amount", year),
        unit_of("social_assistance_monthly_amount"),
        value(figures, "social_assistance_beneficiaries", year),
    )
    if average is None:
        return None
    return average, derived_qualifier(
        printed_of(figures, "social_assistance_monthly_amount", year),
        printed_of(figures, "social_assistance_beneficiaries", year),
    )


def assistance_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Beneficiaries of monthly social assistance, the monthly spending, and the average per person."""
    persons = value(figures, "social_assistance_beneficiaries", year)
    amount = value(figures, "social_assistance_monthly_amount", year)
    unit = unit_of("social_assistance_monthly_amount")
    average = assistance_average(figures, year)
    lines = [
        figure_line(figures, "social_assistance_beneficiaries", year, lang),
        figure_line(figures, "social_assistance_monthly_amount", year, lang),
        None
        if average is None
        else computed_line(
            T("assistance.per_person", lang),
            average[0],
            "vnd_per_month",
            lang,
            f"{fmt_value(amount, unit, lang)} {unit_label('social_assistance_monthly_amount', lang)} / "
            f"{fmt_value(persons, 'persons', lang)}",
            unit_text=T("assistance.per_person_unit", lang),
            text=computed_text(
                average[0],
                lang,
                printed_of(figures, "social_assistance_monthly_amount", year),
                printed_of(figures, "social_assistance_beneficiaries", year),
            ),
        ),
    ]
    return lines_table(lines, lang)


def assistance(rep: Report) -> Table | None:
    """Section: its heading, and beneficiaries, monthly spending and the average per person."""
    return rep.section("assistance", assistance_table(rep.figures, rep.year, rep.lang))


# Facilities -----------------------------------------------------------------------


def facilities(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and the facilities by ownership with their shares."""
    return rep.section(
        "facilities", parts_frame(rep.figures, "social_assistance_facilities", "ownership", rep.year, rep.lang)
    )


def facilities_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Social assistance facilities by ownership, with shares and the total."""
    return parts_table(
        figures,
        "social_assistance_facilities",
        "ownership",
        year,
        lang,
        category_header="social_protection:facilities.ownership",
    )


def change_lines(figures: pd.DataFrame, indicator_id: str, change_id: str | None, year: int, lang: str) -> list:
    """Lines comparing an indicator's ``year - 1`` and ``year`` values, with the change.

    The change the report prints (``change_id``) is shown when the data hold it,
    else the appendix computes it; the change in percent is always computed.
    """
    found = an.change(figures, indicator_id, year)
    prev, now = found["prev"], found["now"]
    name, unit = indicator_name(indicator_id, lang), unit_of(indicator_id)
    lines = [
        figure_line(figures, indicator_id, year - 1, lang, label=T("in_year", lang, name=name, year=year - 1)),
        figure_line(figures, indicator_id, year, lang, label=T("in_year", lang, name=name, year=year)),
    ]
    label = T("change.label", lang, name=name, prev=year - 1)
    printed = figure_line(figures, change_id, year, lang, label=label) if change_id else None
    lines.append(
        printed
        if printed is not None
        else computed_line(
            label,
            found["change"],
            unit,
            lang,
            f"{fmt_value(now, unit, lang)} - {fmt_value(prev, unit, lang)}",
            decimals=None,
            unit_text=unit_label(indicator_id, lang),
            signed=True,
        )
    )
    lines.append(
        computed_line(
            T("change_pct.label", lang, name=name, prev=year - 1),
            found["change_pct"],
            "percent",
            lang,
            f"({fmt_value(now, unit, lang)} - {fmt_value(prev, unit, lang)}) / {fmt_value(prev, unit, lang)}",
            signed=True,
        )
    )
    return lines


def residents_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Residents of social assistance facilities last year and this year, with the change."""
    lines = change_lines(figures, "social_facility_residents", "social_facility_residents_change", year, lang)
    return dated(lines_table(lines, lang), year)


def residents(rep: Report) -> Table | None:
    """Residents last year and this year (no heading of their own; "no data" when there are none)."""
    table = residents_table(rep.figures, rep.year, rep.lang)
    if table is None:
        rep.no_data(rep.say("residents.what"))
    return table


# Children ---------------------------------------------------------------------------


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
        computed_line(
            indicator_name("children_special_circumstances_rate", lang),
            special_share(figures, year),
            "percent",
            lang,
            f"{fmt_value(special, 'persons', lang)} / {fmt_value(children, 'persons', lang)}",
        ),
        figure_line(figures, "children_special_circumstances_groups", year, lang),
        figure_line(figures, "children_special_circumstances_supported", year, lang),
        with_recomputed(
            figure_line(figures, "children_special_circumstances_supported_rate", year, lang),
            computed_line(
                indicator_name("children_special_circumstances_supported_rate", lang),
                an.share(supported, special),
                "percent",
                lang,
                f"{fmt_value(supported, 'persons', lang)} / {fmt_value(special, 'persons', lang)}",
            ),
            lang,
        ),
        figure_line(figures, "children_in_poor_households", year, lang, breakdown="household_group=poor"),
        figure_line(figures, "children_in_poor_households", year, lang, breakdown="household_group=near_poor"),
        figure_line(figures, "children_in_facilities", year, lang),
    ]
    return lines_table(lines, lang)


def children(rep: Report) -> Table | None:
    """Section: its heading, and children with those in special circumstances."""
    return rep.section("children", children_table(rep.figures, rep.year, rep.lang))


def special_vs_target_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The computed share of children in special circumstances (``year``) beside its target (``year + 1``).

    Columns ``category`` (what the bar is, with the target as printed: "Chỉ tiêu 2024 (dưới 1,5%)"),
    ``kind``, ``period``, ``value``, ``source_id``; None when neither exists.
    """
    rows = []
    found = special_share(figures, year)
    if found is not None:
        source = figure_row(figures, "children_special_circumstances", year)["source_id"]
        rows.append(
            {
                "category": T("special.actual", lang, year=year),
                "kind": "actual",
                "period": year,
                "value": round(found, 2),
                "source_id": str(source),
            }
        )
    goal = figure_row(figures, "children_special_circumstances_rate", year + 1, "target")
    if goal is not None:
        text = goal_text(float(goal["value"]), "percent", str(goal["printed"]), lang)
        rows.append(
            {
                "category": T("special.target", lang, year=year + 1, goal=text),
                "kind": "target",
                "period": year + 1,
                "value": float(goal["value"]),
                "source_id": str(goal["source_id"]),
            }
        )
    return pd.DataFrame(rows) if rows else None


def special(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and the computed share beside next year's target."""
    return rep.section("special", special_vs_target_frame(rep.figures, rep.year, rep.lang), level=3)


def special_sentence(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """The computed share of children in special circumstances against next year's goal, in words."""
    found = special_share(figures, year)
    if found is None:
        return None
    sentence = T(
        "special.sentence",
        lang,
        year=year,
        share=pct(found, lang),
        special=fmt_value(value(figures, "children_special_circumstances", year), "persons", lang),
        children=fmt_value(value(figures, "children_population", year), "persons", lang),
    )
    goal = figure_row(figures, "children_special_circumstances_rate", year + 1, "target")
    if goal is not None:
        result = assess(round(found, 2), float(goal["value"]), str(goal["polarity"]), goal_bound(str(goal["printed"])))
        sentence += T(
            "special.met" if result.met else "special.not_met",
            lang,
            next=year + 1,
            goal=goal_text(float(goal["value"]), "percent", str(goal["printed"]), lang),
        )
    return sentence + "."


def special_notes(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The share against next year's goal in words, when the year has the share."""
    sentence = special_sentence(figures, year, lang)
    return [sentence] if sentence else []


# Injuries ------------------------------------------------------------------------------


def injuries_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Child injuries and deaths, last year and this year, with the changes (all to the same cut-off)."""
    figures = an.injury_view(figures, year)
    lines = change_lines(figures, "child_injuries", "child_injuries_change", year, lang) + change_lines(
        figures, "child_deaths", "child_deaths_change", year, lang
    )
    return dated(lines_table(lines, lang), year)


def injuries(rep: Report) -> Table | None:
    """Section: its heading, and injuries and deaths against last year (to the same cut-off)."""
    return rep.section("injuries", injuries_table(rep.figures, rep.year, rep.lang))


def deaths_by_cause(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Child deaths from injuries by cause, with shares."""
    return parts_frame(an.injury_view(figures, year), "child_deaths", "cause", year, lang)


def deaths(rep: Report) -> pd.DataFrame | None:
    """Child deaths by cause (no heading of their own; "no data" when there are none)."""
    frame = deaths_by_cause(rep.figures, rep.year, rep.lang)
    if frame is None:
        rep.no_data(rep.say("deaths.what"))
    return frame


def deaths_chart(frame: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """Bars of child deaths by cause, largest first."""
    if frame is None:
        return None
    unit = unit_label("child_deaths", lang)
    return section_parts_chart(frame, title=ct.ranking_title(frame, unit, lang), unit_text=unit, lang=lang, year=year)


def deaths_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Child deaths by cause with shares and the total (to the same cut-off as the injuries)."""
    return parts_table(
        an.injury_view(figures, year), "child_deaths", "cause", year, lang, "social_protection:deaths.cause"
    )


# Next year's targets ----------------------------------------------------------------------


def special_share_reference(figures: pd.DataFrame, year: int, lang: str) -> Reference | None:
    """The computed share of children in special circumstances, to stand beside its target."""
    found = special_share(figures, year)
    if found is None:
        return None
    how = (
        f"{fmt_value(value(figures, 'children_special_circumstances', year), 'persons', lang)} / "
        f"{fmt_value(value(figures, 'children_population', year), 'persons', lang)}"
    )
    return Reference(round(found, 2), how, T("special.caveat", lang))


REFERENCES = {"children_special_circumstances_rate": special_share_reference}


def goals_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The domains' targets for ``year + 1`` beside ``year``'s results (or the appendix's reference values)."""
    return dated(targets_table(figures, year, DOMAINS, lang, REFERENCES), year)


def targets(rep: Report) -> Table | None:
    """Section: its heading, and next year's targets beside this year's results."""
    return rep.section("targets", goals_table(rep.figures, rep.year, rep.lang), next=rep.year + 1)
