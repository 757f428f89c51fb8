"""Notebook 04's people with merit beyond the gifts (Phần I, mục 4 of the 2023 report): the national commendation
conference held in the province, the national count it speaks for, and, from other sources, the poor households with
a member who is a person with merit. Every figure the catalogue files under ``people_with_merit`` for the year shows,
except the gifts (their own table in :mod:`helpers.sections.social_protection_gifts`). Words from
``social_protection_merit.yml``."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.report_parts import domain_indicators
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections.social_common import figure_line, lines_table
from helpers.sections.social_protection_gifts import MERIT_GIFTS

DOMAIN = "people_with_merit"
GIFT_IDS = tuple(i for pair in MERIT_GIFTS for i in pair)
# Figures of other domains that are about people with merit (a poverty count), shown here too.
RELATED = ("poor_households_with_merit_member",)


def merit_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The year's figures on people with merit other than gifts, then the related ones; None without any."""
    ids = domain_indicators(figures, DOMAIN, year, exclude=GIFT_IDS) + list(RELATED)
    return lines_table([figure_line(figures, i, year, lang) for i in ids], lang)


def merit(rep: Report) -> Table | None:
    """Section: its heading, and the year's figures on people with merit beyond the gifts."""
    return rep.section("social_protection_merit:people_with_merit", merit_table(rep.figures, rep.year, rep.lang))
