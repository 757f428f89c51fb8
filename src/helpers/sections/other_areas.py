"""Notebook 04's last parts: the report's figures on direction and administrative reform (Mở đầu; Phần I,
mục 1, 2, 9; Phần II, mở đầu) and on international cooperation (Phần I, mục 8), each every figure the catalogue files
under its domain for the year, as one table. Words from ``other_areas.yml``."""

from __future__ import annotations

import pandas as pd

from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections.social_common import domain_table


def administration_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The year's figures on direction, institutions and administrative reform; None when there are none."""
    return domain_table(figures, "administration", year, lang)


def administration(rep: Report) -> Table | None:
    """Section: its heading, and the year's figures on direction and administrative reform."""
    return rep.section("other_areas:administration", administration_table(rep.figures, rep.year, rep.lang))


def cooperation_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The year's figures on international cooperation and communication; None when there are none."""
    return domain_table(figures, "international_cooperation", year, lang)


def cooperation(rep: Report) -> Table | None:
    """Section: its heading, and the year's figures on international cooperation."""
    return rep.section("other_areas:international_cooperation", cooperation_table(rep.figures, rep.year, rep.lang))
