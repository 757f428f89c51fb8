"""What each column of the appendix's tables means: its title in the reader's language and how to show its cells.

The titles are in ``columns.yml`` beside this module, keyed by the column's name; here is only what each column's
cells are (:data:`KIND_OF`).

The tables in ``tables/*.csv`` keep the data's own column names
(``indicator_id``, ``goal_printed``, ``met``) and codes, so that analysts can
join them to the data. The Excel workbook shows the same tables to readers:
its headers are the titles here, never the code names, and each column's cells
are shown according to what the column means, decided here from its name (and
from the type the notebook's table gave it, see :func:`helpers.present.report.write_table`),
never from the look of a cell: a column of figures as printed (``*_printed``) is
always text, so ``16.500`` stays ``16.500``.

Kinds of column:

``text``      text as it is (notes, labels, refs)
``printed``   a figure exactly as a source printed it: always text
``number``    a number, rounded as the appendix shows it (at most ``decimals``)
``year``      a year (a whole number)
``indicator`` an indicator id, shown as the catalogue's name
``breakdown`` a breakdown (``household_group=near_poor``), shown as its category's name
``kind``, ``domain``, ``dimension``
              a code of the data, shown by its name in ``data/kinds.csv``, ``data/domains.csv``…
``bound``, ``status``, ``method``, ``scope``, ``demand``
              a code of the appendix's own, shown by its name in ``columns.yml``
``refs``      figures named by reference (``jobs_created|plan@2023``, ``unlisted``), shown by the indicators' names
``instrument`` the instrument that set a goal, in the reader's language (``data/instruments.csv``)
``unit``      a unit code, shown by its name in ``data/units.csv``
``source``    a source id, shown as its publisher
``flag``      True/False shown as Có/Không (Yes/No)
``verdict``   True/False shown as Đạt/Chưa đạt (Met/Not met)
``code``      a category's code, kept (the column beside it names it)
``numbers``   numbers listed with ";" (``1480;6123;7363``), shown as the appendix adds them: ``1.480 + 6.123 + 7.363``
``auto``      a column already titled for readers (``Giá trị``): number, flag or
              text as the table's metadata types it
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from helpers.errors import AppendixError
from helpers.text.formatting import LANGS, RATIO_DECIMALS, check_lang
from helpers.text.templates import say, texts_for

T = texts_for(__name__)  # build/columns.yml: the columns' titles


@dataclass(frozen=True)
class Column:
    """The meaning of one table column: its title in each language, its kind and, for numbers, the decimals shown."""

    titles: Mapping[str, str]
    kind: str = "text"
    decimals: int = 2
    in_unit: bool = False  # a number in the row's unit, whose decimals that unit decides (a count is whole)
    fixed: bool = False  # always ``decimals`` decimals, as the appendix prints its ratios: 100,20, never 100,2

    def heading(self, lang: str) -> str:
        return self.titles[check_lang(lang)]


KINDS = frozenset(
    {
        "text",
        "printed",
        "number",
        "year",
        "indicator",
        "breakdown",
        "kind",
        "domain",
        "dimension",
        "bound",
        "status",
        "method",
        "scope",
        "demand",
        "refs",
        "instrument",
        "locator",
        "unit",
        "source",
        "flag",
        "verdict",
        "code",
        "numbers",
        "auto",
    }
)

# The appendix's own codes in code columns; their names are columns.yml's "<kind>.<code>".
CODES: dict[str, tuple[str, ...]] = {
    "bound": ("floor", "ceiling"),
    "status": ("agrees", "cannot recompute", "no total printed", "within total", "disagrees", "exceeds total"),
    "method": ("difference", "percent_of", "share", "ratio"),
    "demand": ("easier", "equal", "harder", "higher", "lower", "same"),  # analysis.attainment.DEMANDS
    "scope": ("district", "province", "times_province"),
    "domain": ("all",),  # the coverage table's total row, beside data/domains.csv's domains
    "refs": ("unlisted",),
    # The words of a locator ("Phần I, mục 4.a, chú thích 2"), named in the reader's language; numbers and quotes
    # of the source stay as they are.
    "locator": ("Phần", "mục", "chú thích", "bảng", "dòng", "Mở đầu", "mở đầu", "Trong đó", "quote", "also"),
}
# True/False in a flag or verdict column: keys of text/common.yml.
FLAG_WORDS: dict[str, tuple[str, str]] = {"flag": ("yes", "no"), "verdict": ("met", "not_met")}

# Number columns in the row's unit (a unit column beside them): the unit decides their decimals, a count is whole.
# Every other number column keeps its own decimals whatever the row (a ratio to a goal of people is 100,20, not 100).
IN_ROW_UNIT = frozenset(
    {
        "value",
        "goal",
        "goal_low",
        "goal_high",
        "margin_far",
        "gap_far",
        "actual",
        "achieved",
        "result",
        "current",
        "margin",
        "difference",
        "gap",
        "change",
        "total",
        "parts_sum",
        "stated",
        "recomputed",
        "estimate",
        "plan",
        "target",
    }
)
# Number columns with decimals of their own (a ratio, a share, a pace).
OWN_DECIMALS = (
    "required_far",
    "ratio",
    "index",
    "required",
    "change_pp",
    "share_pct",
    "items",
    "amount_million_vnd",
    "average_vnd_per_item",
    "n_parts",
    "indicators",
    "report_pct",
)

# What the cells of a column titled in columns.yml are; a column not listed here (label, note…) is text.
KIND_OF: dict[str, str] = {
    **dict.fromkeys(
        (*sorted(IN_ROW_UNIT), *OWN_DECIMALS),
        "number",
    ),
    **dict.fromkeys(("period", "achieved_from", "vintage"), "year"),
    **dict.fromkeys(
        ("computed", "comparable", "below_achieved", "headline", "achieved_computed", "complete", "preferred"), "flag"
    ),
    **dict.fromkeys(("met", "met_now", "on_track", "goal_met"), "verdict"),
    "goal_of": "indicator",
    **dict.fromkeys(("printed", "literal_reading"), "printed"),
    **dict.fromkeys(("code", "category_code"), "code"),
    **dict.fromkeys(("missing",), "refs"),
    "part_values": "numbers",
    "demand": "demand",
    "instrument": "instrument",
    "locator": "locator",
    **dict.fromkeys(("kind", "goal_kind"), "kind"),
    "indicator_id": "indicator",
    "breakdown": "breakdown",
    "unit": "unit",
    "source_id": "source",
    "domain": "domain",
    **dict.fromkeys(("bound", "change_bound"), "bound"),
    "scope": "scope",
    "dimension": "dimension",
    "status": "status",
    "method": "method",
}
DECIMALS = {"average_vnd_per_item": 0}  # at most 2 otherwise
# Percentages the appendix computes: always two decimals (text.formatting.RATIO_DECIMALS, fmt_ratio).
RATIOS = frozenset({"ratio", "index", "share_pct"})

# Columns named <prefix>_<part>: the part's meaning, "<prefix> – <part>" as the title (columns.yml: prefix.*, part.*).
PREFIXES = (
    "goal",
    "result",
    "current",
    "actual",
    "achieved",
    "stated",
    "total",
    "numerator",
    "denominator",
    "new",
    "report_pct",
    "previous",
)
PARTS: dict[str, str] = {
    "printed": "printed",
    "source_id": "source",
    "kind": "kind",
    "period": "year",
    "vintage": "year",
    "indicator_id": "indicator",
    "breakdown": "breakdown",
    "value": "number",
    "ref": "refs",
    "computed": "flag",
    "as_of": "text",
}
YEAR_VALUE_RE = re.compile(r"^value_(\d{4})$")
CODE_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def titled(key: str, **values: object) -> dict[str, str]:
    """A columns.yml text in every language."""
    return {lang: T(key, lang, **values) for lang in LANGS}


def code_names(lang: str) -> dict[str, dict[str, str]]:
    """The names of the appendix's own codes, by kind of column: {"bound": {"floor": "Tối thiểu (hơn, trên)", …}, …}."""
    return {kind: {code: T(f"{kind}.{code}", lang) for code in codes} for kind, codes in CODES.items()}


def locator_text(raw: str, lang: str) -> str:
    """Where in its source a figure is printed, in ``lang``: "Phần I, mục 4" → "Part I, section 4"; a quotation
    of the source (after "quote:") is kept as printed."""
    words = code_names(lang)["locator"]
    head, quote, rest = raw.partition('"')
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return pattern.sub(lambda m: words[m[0]], head) + quote + rest


def flag_word(flag: bool, kind: str, lang: str) -> str:
    """True/False as a reader sees it: Có/Không (Yes/No), or Đạt/Chưa đạt (Met/Not met) for a verdict."""
    yes, no = FLAG_WORDS["verdict" if kind == "verdict" else "flag"]
    return say(yes if flag else no, lang)


class UnknownColumn(AppendixError):
    """A table column whose meaning the workbook does not know."""


def is_code_name(name: str) -> bool:
    """Whether ``name`` looks like a code (``goal_kind``) rather than a reader's title (``Chỉ tiêu``)."""
    return bool(CODE_NAME_RE.match(name))


def _indicator_names() -> dict[str, dict[str, str]]:
    from helpers.data.loading import load_catalogue

    catalogue = load_catalogue()
    return {
        r.indicator_id: {lang: getattr(r, f"name_{lang}") for lang in LANGS} for r in catalogue.itertuples(index=False)
    }


def column(name: str, table: str = "") -> Column:
    """The meaning of the column ``name`` of ``table`` (for the message only); UnknownColumn if it has none.

    A name that is not a code (it has capitals, spaces or letters with marks)
    is already a reader's title and is kept as it is.
    """
    if not is_code_name(name):
        return Column(dict.fromkeys(LANGS, name), "auto")
    if T.has(name):
        decimals = RATIO_DECIMALS if name in RATIOS else DECIMALS.get(name, 2)
        return Column(titled(name), KIND_OF.get(name, "text"), decimals, name in IN_ROW_UNIT, name in RATIOS)
    if match := YEAR_VALUE_RE.match(name):
        return Column(titled("pattern.value_of_year", year=match[1]), "number", in_unit=True)
    for prefix in sorted(PREFIXES, key=len, reverse=True):
        part = name.removeprefix(prefix + "_")
        if part != name and part in PARTS:
            return Column(
                {
                    lang: T(
                        "pattern.prefix_part", lang, prefix=T(f"prefix.{prefix}", lang), part=T(f"part.{part}", lang)
                    )
                    for lang in LANGS
                },
                PARTS[part],
                in_unit=part == "value" and prefix in ("goal", "result", "current", "actual", "achieved", "total"),
            )
    indicators = _indicator_names()
    if name in indicators:
        return Column(indicators[name], "number")
    top, sep, bottom = name.partition("_per_")
    if sep and top in indicators and bottom in indicators:
        return Column(
            {
                lang: T("pattern.average", lang, top=indicators[top][lang], bottom=indicators[bottom][lang])
                for lang in LANGS
            },
            "number",
        )
    where = f" of table {table}" if table else ""
    raise UnknownColumn(
        f"The column '{name}'{where} has no title for the workbook; add its title to helpers/build/columns.yml "
        "(and its kind to KIND_OF in columns.py unless it is text)."
    )
