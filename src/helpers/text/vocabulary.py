"""The names readers see for the data's own codes: domains, kinds of figure, breakdown dimensions, categories.

No name is typed here: domains, kinds and dimensions are named in ``data/domains.csv``, ``data/kinds.csv`` and
``data/dimensions.csv``, breakdown categories in ``data/breakdown_labels.csv``, indicators in the catalogue (all read
and validated by :mod:`helpers.data.loading`); yes/no are ``common:yes`` and ``common:no``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.data.figures_contract import INSTRUMENT_SEPARATOR
from helpers.data.loading import code_names, load_instruments, load_report_meta, load_sources
from helpers.data.query import category_label
from helpers.text.templates import say

NOT_JUDGED = "–"
AREA_FORMS = ("whole", "the_whole", "whole_label")  # text/common.yml's area.<form>.<area_kind>


def area_words(year: int, lang: str) -> dict[str, str]:
    """The words for the whole area of ``year``'s report, by its ``area_kind`` in data/reports.csv:
    ``{"whole": "toàn tỉnh", "the_whole": …, "whole_label": "Toàn tỉnh"}`` ("toàn thành phố"… for a city)."""
    kind = load_report_meta(int(year)).area_kind
    return {form: say(f"common:area.{form}.{kind}", lang) for form in AREA_FORMS}


# The code lists of data/ that :func:`label` names: its first argument.
DOMAIN_LABELS = "domain"
KIND_LABELS = "kind"
DIMENSION_LABELS = "dimension"


def label(code_list: str, code: str, lang: str) -> str:
    """The name of ``code`` in one code list of data/ (``DOMAIN_LABELS``…) in ``lang``; the code itself when
    unnamed. The names are data (their ``name_vi``/``name_en`` columns), not texts; texts go through ``say``."""
    return code_names(code_list, lang).get(code, code)


def publisher_names(lang: str, with_year: bool = False, data_dir: Path | None = None) -> dict[str, str]:
    """Each source's publisher as a reader of ``lang`` sees it (data/sources.csv): its own, Vietnamese name, and for
    a reader of English the gloss of ``publisher_en`` after it ("Báo Dân Việt (Dan Viet newspaper)"); with
    ``with_year`` the year it published, for source lines ("Báo Dân Việt (Dan Viet newspaper, 2024)")."""
    names = {}
    for row in load_sources(data_dir).itertuples(index=False):
        gloss = row.publisher_en if lang == "en" else ""  # a reader of Vietnamese needs no gloss
        year = str(row.published)[:4] if with_year else ""
        key = "glossed" if gloss else "plain"
        key += "_dated" if year else ""
        names[row.source_id] = say(f"common:publisher.{key}", lang, name=row.publisher, gloss=gloss, year=year)
    return names


def instrument_name(instrument: str, lang: str) -> str:
    """How a reader of ``lang`` sees the instrument that set a goal: in Vietnamese its label as the figures files
    write it ("KH năm 2023", "CT việc làm 2021-2025"), in English its name in data/instruments.csv ("annual plan
    for 2023", "employment programme 2021–2025"). The one place an instrument is turned into words."""
    if not isinstance(instrument, str) or not instrument or lang != "en":
        return instrument if isinstance(instrument, str) else ""
    names = load_instruments().set_index("instrument")["name_en"]
    # One goal set by several instruments (analysis.progress.one_per_goal) names them all, joined by "; ", which the
    # data contract keeps out of every instrument label.
    return INSTRUMENT_SEPARATOR.join(str(names[part]) for part in instrument.split(INSTRUMENT_SEPARATOR))


def instrument_after(instrument: object, lang: str) -> str:
    """The instrument in brackets after a goal's kind (" (KH năm 2023)", " (annual plan for 2023)"); "" for none."""
    name = instrument_name(instrument, lang)  # type: ignore[arg-type]
    return f" ({name})" if name else ""


def domain_name(domain: str, lang: str) -> str:
    """A domain's name in ``lang`` (data/domains.csv); the code itself when unnamed."""
    return label(DOMAIN_LABELS, domain, lang)


def kind_name(kind: str, lang: str) -> str:
    """A kind of figure's name in ``lang`` (data/kinds.csv): "Thực hiện", "Kế hoạch"…; the code when unnamed."""
    return label(KIND_LABELS, kind, lang)


def dimension_name(dimension: str, lang: str) -> str:
    """A breakdown dimension's name in ``lang`` (data/dimensions.csv); the code itself when unnamed."""
    return label(DIMENSION_LABELS, dimension, lang)


def yes_no(flag: bool | None, lang: str) -> str:
    """ "Có"/"Không" ("Yes"/"No") for a flag, "–" when it cannot be judged."""
    if flag is None or pd.isna(flag):
        return NOT_JUDGED
    return say("yes" if flag else "no", lang)


def breakdown_text(breakdown: str, lang: str) -> str:
    """A breakdown cell as a reader sees it: "Hộ cận nghèo" for ``household_group=near_poor`` (its label in
    data/breakdown_labels.csv), "" for a total."""
    if not breakdown:
        return ""
    dimension, _, code = breakdown.partition("=")
    return category_label(dimension, code, lang)


def indicator_text(name: str, breakdown: str, lang: str) -> str:
    """An indicator's catalogue name with its breakdown's category: "Số hộ được vay vốn – Hộ cận nghèo"."""
    part = breakdown_text(breakdown, lang)
    return f"{name} – {part}" if part else name


def part_year_text(as_of: str, lang: str) -> str:
    """A part-year figure's cut-off in words ("tính đến 31/7/2025", "as of 31/7/2025"); "" for a full-year one."""
    if not isinstance(as_of, str) or not as_of:
        return ""
    year, month, day = (int(p) for p in as_of.split("-"))
    return say("common:part_year", lang, day=day, month=month, year=year)


def verdict_text(met: object, lang: str, kind: object = "actual") -> str:
    """The verdict on a goal, the same words everywhere: "Đạt"/"Chưa đạt", and for a year judged by its estimate
    "Ước đạt"/"Ước chưa đạt" ("Estimated to meet"…); "–" when it is not judged."""
    if met is None or (isinstance(met, float) and pd.isna(met)):
        return NOT_JUDGED
    estimated = "_estimated" if kind == "estimate" else ""
    return say(f"common:{'met' if met else 'not_met'}{estimated}", lang)
