"""The data contract as pandera schemas, and the one-sentence errors it raises.

Every table is read as text (nothing coerced), validated here, and only then
typed. A failure becomes a :class:`~helpers.errors.DataError` naming the file,
the line and the column of the first problem, and what was expected.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import pandera.pandas as pa

from helpers.data.csvfile import QUOTE_CHARS, quote
from helpers.errors import DataError

UNITS_COLUMNS = ["unit", "name_vi", "name_en", "name_en_one", "whole", "additive", "min", "max"]
SOURCES_COLUMNS = ["source_id", "title", "publisher", "publisher_en", "published", "url", "priority", "role"]
SOURCES_COLUMNS += ["note_vi", "note_en"]  # what a reader must know about the source itself, in each language
# What a source is to its figures: the publisher's own page or its press report (primary), an aggregator that
# collects others' news (secondary), or a copy or reprint of another publisher's article (mirror).
SOURCE_ROLES = ("primary", "secondary", "mirror")
INDICATORS_COLUMNS = [
    "indicator_id",
    "domain",
    "name_vi",
    "name_en",
    "unit",
    "polarity",
    "scope",
    "complete_breakdowns",
]
LABELS_COLUMNS = ["dimension", "value", "label_vi", "label_en"]
NAMES_COLUMNS = ["name_vi", "name_en"]  # after the code: data/domains.csv, kinds.csv, dimensions.csv
BREAKS_COLUMNS = ["indicator_id", "first_period", "label_vi", "label_en"]
HEADLINE_COLUMNS = ["indicator_id", "order"]
WATCH_COLUMNS = ["indicator_id", "breakdown", "measure", "of", "bears_on", "note"]
REPORTS_COLUMNS = [
    "year",
    "source_id",
    "issuer_vi",
    "issuer_en",
    "issuer_short_vi",
    "issuer_short_en",
    "area_vi",
    "area_en",
    "area_kind",
    "place_vi",
    "place_en",
    "issued",
    "number",
]
# The language of the figures files' note column: the transcriber's record, quoted only to readers of it.
NOTES_LANG = "en"
# What the report's area is: its words ("toàn tỉnh", "toàn thành phố"…) are text/common.yml's area.<form>.<kind>.
AREA_KINDS = ("province", "city")
FIGURES_COLUMNS = [
    "indicator_id",
    "period",
    "as_of",
    "kind",
    "instrument",
    "breakdown",
    "value",
    "low",
    "high",
    "printed",
    "source_id",
    "locator",
    "note",
]

KINDS = ("actual", "estimate", "plan", "target")
GOAL_KINDS = ("plan", "target")
SCOPES = ("province", "national")
POLARITIES = ("higher_is_better", "lower_is_better", "neutral")
DOMAINS = (
    "poverty",
    "employment",
    "vocational_training",
    "people_with_merit",
    "social_protection",
    "children",
    "social_evils",
    "gender_equality",
    "administration",
    "international_cooperation",
)
# A figure is one indicator, for one period (full period, or up to the ``as_of`` cut-off), of one kind;
# a goal also by its instrument (the annual plan and a programme's target for the same year are two goals).
FIGURE_KEY = ["indicator_id", "period", "as_of", "kind", "instrument", "breakdown"]
FILE_KEY = FIGURE_KEY + ["source_id"]

SNAKE = r"^[a-z][a-z0-9_]*$"
MAX_SIGNIFICANT_DIGITS = 15  # a float holds 15 significant decimal digits exactly
YEAR = r"^(19|20)[0-9][0-9]$"
ISO_DATE = r"^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def real_date(text: str) -> bool:
    if text == "":
        return True
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class RowRule:
    """A check across columns: ``ok(frame)`` marks good rows; ``problem(row)`` explains a bad one."""

    column: str
    ok: Callable[[pd.DataFrame], pd.Series]
    problem: Callable[[pd.Series], str]


def significant_digits(value: str) -> int:
    """How many significant digits a plain number cell has (``"0.0250"`` → 3, ``"14966"`` → 5)."""
    digits = re.sub(r"[^0-9]", "", value).lstrip("0")
    if "." in value:
        digits = digits.rstrip("0")
    return len(digits)


def shorten(text: str, keep: int = 24) -> str:
    """A long cell as a message shows it: its first ``keep`` characters, then '…'."""
    return text if len(text) <= keep else text[:keep] + "…"


def _no_padding(series: pd.Series) -> pd.Series:
    return series == series.str.strip()


def text_column(*checks: pa.Check, required: bool = True) -> pa.Column:
    """A text column: never padded with spaces, non-empty when required."""
    base = [pa.Check(_no_padding, error="text without leading or trailing spaces")]
    if required:
        base.append(pa.Check(lambda s: s != "", error="a non-empty cell"))
    return pa.Column(str, base + list(checks), nullable=False)


def pattern(regex: str, expected: str) -> pa.Check:
    return pa.Check(lambda s: s.str.match(regex), error=expected)


def one_of(values: Iterable[str], what: str) -> pa.Check:
    allowed = sorted(set(values))
    shown = ", ".join(allowed) if len(allowed) <= 12 else f"one of the {len(allowed)} in {what}"
    return pa.Check(lambda s: s.isin(allowed), error=f"one of: {shown}" if len(allowed) <= 12 else shown)


def _unique(column: str) -> RowRule:
    return RowRule(
        column,
        lambda df: ~df.duplicated(subset=[column], keep="first"),
        lambda row: f"'{row[column]}' is already used on an earlier line; each {column} must be unique",
    )


def spelling(text: str) -> str:
    """What a label is to a reader: NFC, capitals and runs of spaces aside ("KH Năm  2023" is "kh năm 2023")."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def one_spelling(column: str, within: str | None = None) -> RowRule:
    """Refuse a label that reads as an earlier line's (see :func:`spelling`), within the same ``within`` if given:
    two spellings of one name would be two names to the code and one to a reader."""
    first: dict[tuple[str, str], tuple[int, str]] = {}

    def ok(df: pd.DataFrame) -> pd.Series:
        first.clear()
        keep = []
        for line, group, text in zip(df.index, df[within] if within else [""] * len(df), df[column], strict=True):
            key = (group, spelling(text))
            keep.append(text == "" or key not in first)
            first.setdefault(key, (int(line), text))
        return pd.Series(keep, index=df.index, dtype=bool)

    def problem(row: pd.Series) -> str:
        line, earlier = first[(row[within] if within else "", spelling(row[column]))]
        scope = f" of the {within} '{row[within]}'" if within else ""
        if earlier == row[column]:
            return f"'{row[column]}' is already the {column}{scope} on line {line}; each {column} names one thing"
        return (
            f"'{row[column]}' differs from the {column}{scope} '{earlier}' on line {line} only in capitals or spaces; "
            "write one spelling everywhere"
        )

    return RowRule(column, ok, problem)


def validate(frame: pd.DataFrame, file: str, schema: pa.DataFrameSchema, rules: list[RowRule]) -> None:
    """Validate ``frame`` (text cells, index = line numbers) or raise one DataError.

    The error names the earliest line with a problem; column checks come
    before cross-column rules on the same line.
    """
    problems: list[tuple[int, int, str, str]] = []  # (line, order, column, message)
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        for case in cases.itertuples(index=False):
            column = case.column
            if case.index is None or pd.isna(case.index):
                # A table-level failure (a missing or extra column is caught before this).
                problems.append((0, 0, str(column), f"expected {case.check}"))
                continue
            line = int(case.index)
            cell = frame.at[line, column] if column in frame.columns else case.failure_case
            problems.append(
                (line, FIGURES_ORDER.get(column, 99), str(column), f"expected {case.check}, got '{quote(str(cell))}'")
            )
    column_failed = {(line, col) for line, _, col, _ in problems}
    for order, rule in enumerate(rules):
        ok = rule.ok(frame)
        for line in frame.index[~ok.to_numpy()]:
            if (int(line), rule.column) not in column_failed:
                problems.append(
                    (int(line), 100 + order, rule.column, _capped(rule.problem(frame.loc[line]), frame.loc[line]))
                )
    if problems:
        problems.sort(key=lambda p: (p[0], p[1]))
        line, _, column, message = problems[0]
        distinct = {(p[0], p[2]) for p in problems}
        raise DataError(file, message, row=line or None, column=column, more=len(distinct) - 1)


def _capped(message: str, row: pd.Series) -> str:
    """A rule's message with every long cell of ``row`` it quotes cut to its first characters and '…'."""
    for cell in sorted((str(c) for c in row if len(str(c)) > QUOTE_CHARS), key=len, reverse=True):
        message = message.replace(cell, quote(cell))
    return message


FIGURES_ORDER = {c: i for i, c in enumerate(FIGURES_COLUMNS)}
