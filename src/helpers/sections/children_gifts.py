"""Notebook 04's gifts and events for children (Phần I, mục 7.b of the 2023 report): gifts and scholarships to
disadvantaged children, and the Mid-Autumn programme with its cost per child (computed). One table: its figures
are of different kinds (gifts, child-times, money), which a chart would set side by side as if alike.
Words from ``children_gifts.yml``."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.report_parts import cost_per_person
from helpers.analysis.social import derived_qualifier
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections.social_common import Line, computed_line, figure_line, lines_table, printed_of
from helpers.text import texts_for

T = texts_for(__name__)
GIFTS = ("children_gifts", "children_gift_recipients", "children_gifts_amount")
EVENT = ("midautumn_children", "midautumn_cost")


def per_child_line(figures: pd.DataFrame, year: int, lang: str) -> Line | None:
    """The Mid-Autumn programme's cost per child in đồng, carrying the cost's "khoảng"; None without both."""
    children, cost = (figure_line(figures, i, year, lang) for i in EVENT)
    found = cost_per_person(figures, EVENT[1], EVENT[0], year)
    if found is None or children is None or cost is None:
        return None
    qualifier = derived_qualifier(printed_of(figures, EVENT[1], year), printed_of(figures, EVENT[0], year))
    return computed_line(
        T("per_child", lang),
        found,
        "",
        lang,
        how=f"{cost.text} {cost.unit_text} / {children.text}",
        decimals=0,
        unit_text=T("per_child_unit", lang),
        qualifier_key=qualifier,
    )


def gifts_events_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Gifts and scholarships to children, the Mid-Autumn programme and its cost per child; None without figures."""
    lines = [figure_line(figures, i, year, lang) for i in GIFTS + EVENT]
    return lines_table([*lines, per_child_line(figures, year, lang)], lang)


def gifts_events(rep: Report) -> Table | None:
    """Section: its heading, and the children's gifts and events ("no data" when the year has none)."""
    return rep.section("children_gifts:children_gifts_events", gifts_events_table(rep.figures, rep.year, rep.lang))
