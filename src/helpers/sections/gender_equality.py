"""Notebook 04's gender equality (bình đẳng giới, Phần I, mục 7.d of the 2023 report): every figure the catalogue
files under the domain ``gender_equality`` for the year, as one table (a chart of a contest's participants beside a
count of communes would compare unlike things). Words from ``gender_equality.yml``."""

from __future__ import annotations

import pandas as pd

from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections.social_common import domain_table

DOMAIN = "gender_equality"


def activities_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The year's gender-equality figures, one line each; None when the year has none."""
    return domain_table(figures, DOMAIN, year, lang)


def activities(rep: Report) -> Table | None:
    """Section: its heading, and the year's gender-equality figures ("no data" when there are none)."""
    return rep.section("gender_equality:gender_equality", activities_table(rep.figures, rep.year, rep.lang))
