"""Notebook 04 (bảo trợ xã hội, trẻ em, người có công): what its blocks show (monthly social assistance, care
facilities and their residents, children, child injuries and deaths, gifts and events, people with merit, gender
equality, next year's targets, direction and cooperation, other figures) is declared in
``data/content_blocks.csv`` and ``data/content.csv`` (part ``social_protection``) and shown by :mod:`blocks`.

This module holds the blocks of kind ``own``, each a rule the generic lines cannot state: an average allowance and
a cost per child in đồng (a money unit over a count), a figure beside the year before with its change, the
share of children in special circumstances beside next year's ceiling, the deaths by cause to the injuries'
cut-off, and the targets table with the appendix's reference values. Where a rule reads its indicators from the
declaration, its docstring says in which order. Gifts are in :mod:`helpers.sections.social_protection_gifts`, the
key findings in :mod:`helpers.findings.social_protection`. Numbers come from
:mod:`helpers.analysis.social_protection`; every word from ``social_protection.yml`` beside this module
(``T(key, lang)``) or from the catalogue in ``data/``.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from helpers.analysis import social_protection as an
from helpers.analysis.attainment import assess, goal_bound
from helpers.analysis.report_parts import cost_per_person
from helpers.analysis.social import derived_qualifier
from helpers.analysis.social_protection import average_vnd, special_share
from helpers.data import content
from helpers.data.query import figure_row, indicator_name, unit_label, value
from helpers.present.lines import (
    Line,
    computed_line,
    computed_text,
    figure_line,
    goal_text,
    lines_table,
    parts_frame,
    pct,
    printed_of,
    unit_of,
)
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections import blocks
from helpers.sections.social_targets import Reference, targets_table
from helpers.text import texts_for
from helpers.text.formatting import fmt_value

T = texts_for(__name__)
PART = "social_protection"  # the notebook part whose blocks data/content_blocks.csv declares


def dated(table: Table | None, year: int) -> Table | None:
    """``table`` whose caption may name the year before (``{prev}``) and the year after (``{next}``)."""
    return None if table is None else replace(table, values={"prev": year - 1, "next": year + 1, **table.values})


def show(rep: Report, name: str, table: Table | None) -> Table | None:
    """An ``own`` block: its heading (when it has a level) and its table, handed to the appendix."""
    blocks.heading(rep, name, table, next=rep.year + 1)
    rep.table(table, content.block(PART, name)["table"])
    return table


# Monthly assistance: the block's lines are the beneficiaries, then the monthly amount ---------------------------


def assistance_ids() -> tuple[str, str]:
    persons, amount = content.indicators(PART, "assistance", "line")[:2]
    return persons, amount


def assistance_average(figures: pd.DataFrame, year: int) -> tuple[float, str | None] | None:
    """The average monthly allowance per beneficiary in đồng, with its qualifier ("hơn" from "hơn 32 tỷ")."""
    persons_id, amount_id = assistance_ids()
    average = average_vnd(value(figures, amount_id, year), unit_of(amount_id), value(figures, persons_id, year))
    if average is None:
        return None
    return average, derived_qualifier(printed_of(figures, amount_id, year), printed_of(figures, persons_id, year))


def assistance_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Beneficiaries of monthly social assistance, the monthly spending, and the average per person."""
    persons_id, amount_id = assistance_ids()
    persons, amount = value(figures, persons_id, year), value(figures, amount_id, year)
    unit = unit_of(amount_id)
    average = assistance_average(figures, year)
    lines = [
        figure_line(figures, persons_id, year, lang),
        figure_line(figures, amount_id, year, lang),
        None
        if average is None
        else computed_line(
            T("assistance.per_person", lang),
            average[0],
            "vnd_per_month",
            lang,
            f"{fmt_value(amount, unit, lang)} {unit_label(amount_id, lang)} / {fmt_value(persons, 'persons', lang)}",
            unit_text=T("assistance.per_person_unit", lang),
            text=computed_text(
                average[0],
                lang,
                printed_of(figures, amount_id, year),
                printed_of(figures, persons_id, year),
            ),
        ),
    ]
    return lines_table(lines, lang)


# A figure beside the year before: the block's lines come in pairs, a figure then its printed change --------------


def same_cut_off(figures: pd.DataFrame, indicator_id: str, year: int) -> bool:
    """Whether an indicator's ``year - 1`` and ``year`` figures run to the same cut-off ("as of" in their notes);
    True when either is missing (nothing is compared then)."""
    prev, now = figure_row(figures, indicator_id, year - 1), figure_row(figures, indicator_id, year)
    if prev is None or now is None:
        return True
    dates = [an.as_of(prev), an.as_of(now)]
    return (dates[0] is None) == (dates[1] is None)


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
    if not same_cut_off(figures, indicator_id, year):
        # Two figures to different cut-offs: the report's own change is shown, none is computed (issue 16).
        return [*lines, printed] if printed is not None else lines
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


def changes_table(figures: pd.DataFrame, name: str, year: int, lang: str) -> Table | None:
    """Block ``name``'s figures last year and this year, each with its change (the pairs its lines declare); a
    figure the year lacks is left out (last year's alone says nothing of the year)."""
    ids = content.indicators(PART, name, "line")
    pairs = [
        (i, change_id) for i, change_id in zip(ids[::2], ids[1::2], strict=True) if value(figures, i, year) is not None
    ]
    lines = [line for i, change_id in pairs for line in change_lines(figures, i, change_id, year, lang)]
    return dated(lines_table(lines, lang), year)


def residents_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Residents of social assistance facilities last year and this year, with the change."""
    return changes_table(figures, "residents", year, lang)


def injuries_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Child injuries and deaths, last year and this year, with the changes (all to the same cut-off)."""
    return changes_table(an.injury_view(figures, year), "injuries", year, lang)


# Children in special circumstances beside next year's ceiling --------------------------------------------------
# These name their indicators: the share is computed from two counts and set against the target of a third (the
# rate), a rule of these three figures (data/comparable_results.csv declares the same measure).


def special_vs_target_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The computed share of children in special circumstances (``year``) beside its target (``year + 1``).

    Columns ``category`` (what the bar is, with the target as printed: "Chỉ tiêu 2024 (dưới 1,5%)"),
    ``kind``, ``period``, ``value``, ``source_id``; None when neither exists.
    """
    rows = []
    found = special_share(figures, year)
    if found is not None:
        source = figure_row(figures, an.named("special"), year)["source_id"]
        rows.append(
            {
                "category": T("special.actual", lang, year=year),
                "kind": "actual",
                "period": year,
                "value": round(found, 2),
                "source_id": str(source),
            }
        )
    goal = figure_row(figures, an.named("special_rate"), year + 1, "target")
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
    """Block ``special``: its heading, and the computed share beside next year's target."""
    return blocks.heading(rep, "special", special_vs_target_frame(rep.figures, rep.year, rep.lang))


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
        special=fmt_value(value(figures, an.named("special"), year), "persons", lang),
        children=fmt_value(value(figures, an.named("children"), year), "persons", lang),
    )
    goal = figure_row(figures, an.named("special_rate"), year + 1, "target")
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


# Deaths by cause, to the injuries' cut-off: the block's frame is its own, its table and chart the generic ones ------


def deaths_by_cause(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Child deaths from injuries by cause, with shares (to the same cut-off as the injuries)."""
    row = content.rows(PART, "deaths").query("role == 'parts'").iloc[0]
    dimension = row["breakdown"].removesuffix("=*")
    return parts_frame(an.injury_view(figures, year), row["indicator_id"], dimension, year, lang)


# Gifts and events for children: the block's lines, then the cost per child in đồng ------------------------------


def per_child_line(figures: pd.DataFrame, year: int, lang: str) -> Line | None:
    """The cost of the block's event per child in đồng (its computed row: the cost over the children), carrying
    the cost's "khoảng"; None without both."""
    row = content.rows(PART, "children_gifts_events").query("role == 'computed'").iloc[0]
    cost_id, children_id = row["numerator"], row["denominator"]
    children, cost = figure_line(figures, children_id, year, lang), figure_line(figures, cost_id, year, lang)
    found = cost_per_person(figures, cost_id, children_id, year)
    if found is None or children is None or cost is None:
        return None
    qualifier = derived_qualifier(printed_of(figures, cost_id, year), printed_of(figures, children_id, year))
    return computed_line(
        T(row["label"], lang),
        found,
        "",
        lang,
        how=f"{cost.text} {cost.unit_text} / {children.text}",
        decimals=0,
        unit_text=T(row["unit_label"], lang),
        qualifier_key=qualifier,
    )


def gifts_events_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Gifts and scholarships to children, the Mid-Autumn programme and its cost per child; None without figures."""
    lines = [figure_line(figures, i, year, lang) for i in content.indicators(PART, "children_gifts_events", "line")]
    return lines_table([*lines, per_child_line(figures, year, lang)], lang)


# Next year's targets -------------------------------------------------------------------------------------------


def special_share_reference(figures: pd.DataFrame, year: int, lang: str) -> Reference | None:
    """The computed share of children in special circumstances, to stand beside its target."""
    found = special_share(figures, year)
    if found is None:
        return None
    how = (
        f"{fmt_value(value(figures, an.named('special'), year), 'persons', lang)} / "
        f"{fmt_value(value(figures, an.named('children'), year), 'persons', lang)}"
    )
    return Reference(round(found, 2), how, T("special.caveat", lang))


def references() -> dict:
    """The reference value beside the target of the slot ``special_rate`` (when the data declare it)."""
    return {an.named("special_rate"): special_share_reference} if an.named("special_rate") else {}


def goals_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The goals for ``year + 1`` of the ``targets`` block's domains beside ``year``'s results (or the appendix's
    reference values)."""
    domains = tuple(content.rows(PART, "targets")["domain"])
    return dated(targets_table(figures, year, domains, lang, references()), year)
