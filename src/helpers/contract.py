"""The data contract as pandera schemas, and the one-sentence errors it raises.

Every table is read as text (nothing coerced), validated here, and only then
typed. A failure becomes a :class:`~helpers.errors.DataError` naming the file,
the line and the column of the first problem, and what was expected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import pandera.pandas as pa

from .errors import DataError
from .printed import check_printed_value, check_range, looks_vietnamese_formatted, parse_plain_number

UNITS_COLUMNS = ["unit", "name_vi", "name_en", "whole", "additive", "min", "max"]
SOURCES_COLUMNS = ["source_id", "title", "publisher", "published", "url", "priority"]
INDICATORS_COLUMNS = ["indicator_id", "domain", "name_vi", "name_en", "unit", "polarity", "scope", "complete_breakdowns"]
LABELS_COLUMNS = ["dimension", "value", "label_vi", "label_en"]
BREAKS_COLUMNS = ["indicator_id", "first_period", "label_vi", "label_en"]
FIGURES_COLUMNS = [
    "indicator_id", "period", "as_of", "kind", "instrument", "breakdown", "value", "low", "high", "printed",
    "source_id", "locator", "note",
]

KINDS = ("actual", "estimate", "plan", "target")
GOAL_KINDS = ("plan", "target")
SCOPES = ("province", "national")
POLARITIES = ("higher_is_better", "lower_is_better", "neutral")
DOMAINS = (
    "poverty", "employment", "vocational_training", "people_with_merit", "social_protection", "children",
    "social_evils", "gender_equality", "administration", "international_cooperation",
)
# A figure is one indicator, for one period (full period, or up to the ``as_of`` cut-off), of one kind;
# a goal also by its instrument (the annual plan and a programme's target for the same year are two goals).
FIGURE_KEY = ["indicator_id", "period", "as_of", "kind", "instrument", "breakdown"]
FILE_KEY = FIGURE_KEY + ["source_id"]

SNAKE = r"^[a-z][a-z0-9_]*$"
ISO_DATE = r"^$|^\d{4}-\d{2}-\d{2}$"


def _real_date(text: str) -> bool:
    if text == "":
        return True
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
YEAR = r"^(19|20)\d\d$"


@dataclass(frozen=True)
class RowRule:
    """A check across columns: ``ok(frame)`` marks good rows; ``problem(row)`` explains a bad one."""

    column: str
    ok: Callable[[pd.DataFrame], pd.Series]
    problem: Callable[[pd.Series], str]


def _no_padding(series: pd.Series) -> pd.Series:
    return series == series.str.strip()


def _text(*checks: pa.Check, required: bool = True) -> pa.Column:
    """A text column: never padded with spaces, non-empty when required."""
    base = [pa.Check(_no_padding, error="text without leading or trailing spaces")]
    if required:
        base.append(pa.Check(lambda s: s != "", error="a non-empty cell"))
    return pa.Column(str, base + list(checks), nullable=False)


def _pattern(regex: str, expected: str) -> pa.Check:
    return pa.Check(lambda s: s.str.match(regex), error=expected)


def _one_of(values: Iterable[str], what: str) -> pa.Check:
    allowed = sorted(set(values))
    shown = ", ".join(allowed) if len(allowed) <= 12 else f"one of the {len(allowed)} in {what}"
    return pa.Check(lambda s: s.isin(allowed), error=f"one of: {shown}" if len(allowed) <= 12 else shown)


def _unique(column: str) -> RowRule:
    return RowRule(
        column,
        lambda df: ~df.duplicated(subset=[column], keep="first"),
        lambda row: f"'{row[column]}' is already used on an earlier line; each {column} must be unique",
    )


def units_schema() -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/units.csv``."""
    number_or_empty = _pattern(r"^$|^-?\d+(\.\d+)?$", "a plain number or an empty cell")
    boolean = _one_of(["true", "false"], "booleans")
    schema = pa.DataFrameSchema(
        {
            "unit": _text(_pattern(SNAKE, "a snake_case unit name")),
            "name_vi": _text(),
            "name_en": _text(),
            "whole": _text(boolean),
            "additive": _text(boolean),
            "min": _text(number_or_empty, required=False),
            "max": _text(number_or_empty, required=False),
        },
        strict=True,
    )
    return schema, [_unique("unit")]


def sources_schema() -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/sources.csv``."""
    schema = pa.DataFrameSchema(
        {
            "source_id": _text(_pattern(SNAKE, "a snake_case source_id")),
            "title": _text(),
            "publisher": _text(),
            "published": _text(_pattern(r"^$|^\d{4}(-\d{2}(-\d{2})?)?$", "a date as YYYY, YYYY-MM or YYYY-MM-DD, or empty"), required=False),
            "url": _text(_pattern(r"^$|^https?://\S+$", "an http(s) address or an empty cell"), required=False),
            "priority": _text(_pattern(r"^[1-9]\d*$", "a whole number from 1 (most trusted when sources disagree)")),
        },
        strict=True,
    )
    return schema, [_unique("source_id"), _unique("priority")]


def indicators_schema(units: Iterable[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of the catalogue ``data/indicators.csv``."""
    schema = pa.DataFrameSchema(
        {
            "indicator_id": _text(_pattern(SNAKE, "a snake_case indicator_id")),
            "domain": _text(_one_of(DOMAINS, "domains")),
            "name_vi": _text(),
            "name_en": _text(),
            "unit": _text(_one_of(units, "data/units.csv")),
            "polarity": _text(_one_of(POLARITIES, "polarities")),
            "scope": _text(_one_of(SCOPES, "scopes")),
            "complete_breakdowns": _text(
                _pattern(r"^$|^[a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*$", "dimensions separated by ';', or empty"),
                required=False,
            ),
        },
        strict=True,
    )
    return schema, [_unique("indicator_id")]


def labels_schema() -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/breakdown_labels.csv``: names of breakdown categories in both languages."""
    schema = pa.DataFrameSchema(
        {
            "dimension": _text(_pattern(SNAKE, "a snake_case dimension")),
            "value": _text(),
            "label_vi": _text(),
            "label_en": _text(),
        },
        strict=True,
    )
    rule = RowRule(
        "value",
        lambda df: ~df.duplicated(subset=["dimension", "value"], keep="first"),
        lambda row: f"'{row['dimension']}={row['value']}' is already labelled on an earlier line",
    )
    return schema, [rule]


def breaks_schema(indicators: Iterable[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/series_breaks.csv``: changes of definition within a series."""
    schema = pa.DataFrameSchema(
        {
            "indicator_id": _text(_one_of(indicators, "data/indicators.csv")),
            "first_period": _text(_pattern(YEAR, "a four-digit year")),
            "label_vi": _text(),
            "label_en": _text(),
        },
        strict=True,
    )
    return schema, []


def figures_schema(
    indicators: pd.DataFrame, units: pd.DataFrame, sources: Iterable[str], labels: Iterable[str]
) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of a year's ``data/figures/<YYYY>.csv``.

    ``indicators`` and ``units`` are the validated catalogue and unit tables;
    ``labels`` the known ``dimension=value`` breakdowns.
    """
    unit_of = dict(zip(indicators["indicator_id"], indicators["unit"]))
    whole_units = set(units.loc[units["whole"] == "true", "unit"])
    bounds = {u: (lo, hi) for u, lo, hi in zip(units["unit"], units["min"], units["max"])}
    schema = pa.DataFrameSchema(
        {
            "indicator_id": _text(_one_of(unit_of, "data/indicators.csv")),
            "period": _text(_pattern(YEAR, "a four-digit year")),
            "as_of": _text(
                _pattern(ISO_DATE, "empty for a full-period figure, else the cut-off date as YYYY-MM-DD"),
                pa.Check(lambda s: s.map(_real_date), error="a real calendar date as YYYY-MM-DD, or empty"),
                required=False,
            ),
            "kind": _text(_one_of(KINDS, "kinds")),
            "instrument": _text(required=False),
            "breakdown": _text(
                _pattern(r"^$|^[a-z][a-z0-9_]*=[^=\s](?:[^=]*[^=\s])?$", "empty for a total, else dimension=value (e.g. district=A Lưới)"),
                pa.Check(lambda s: (s == "") | s.isin(set(labels)), error="a dimension=value listed in data/breakdown_labels.csv"),
                required=False,
            ),
            "value": _text(
                pa.Check(
                    lambda s: ~s.map(looks_vietnamese_formatted) | s.str.fullmatch(r"-?\d+\.\d{3}"),
                    error="a plain number with a dot decimal (a Vietnamese print such as '2,27' belongs in 'printed'; 'value' takes 2.27)",
                ),
                _pattern(r"^-?\d+(\.\d+)?$", "a plain number with a dot decimal, e.g. 2.27 or 14966"),
            ),
            "low": _text(_pattern(r"^$|^-?\d+(\.\d+)?$", "empty, or the lower end of a printed range as a plain number"), required=False),
            "high": _text(_pattern(r"^$|^-?\d+(\.\d+)?$", "empty, or the upper end of a printed range as a plain number"), required=False),
            "printed": _text(),
            "source_id": _text(_one_of(sources, "data/sources.csv")),
            "locator": _text(),
            "note": _text(required=False),
        },
        strict=True,
    )

    def unit(row: pd.Series) -> str:
        return unit_of.get(row["indicator_id"], "")

    def whole_ok(df: pd.DataFrame) -> pd.Series:
        is_whole_unit = df["indicator_id"].map(unit_of).isin(whole_units)
        return ~is_whole_unit | df["value"].str.fullmatch(r"-?\d+")

    def in_bounds(df: pd.DataFrame) -> pd.Series:
        def ok(row: pd.Series) -> bool:
            number = parse_plain_number(row["value"])
            lo, hi = bounds.get(unit_of.get(row["indicator_id"], ""), ("", ""))
            if number is None:
                return True
            return (lo == "" or number >= parse_plain_number(lo)) and (hi == "" or number <= parse_plain_number(hi))

        return df.apply(ok, axis=1).astype(bool)

    def bounds_problem(row: pd.Series) -> str:
        lo, hi = bounds[unit(row)]
        if lo != "" and hi != "":
            expected = f"between {lo} and {hi}"
        elif lo != "":
            expected = "not negative" if lo == "0" else f"at least {lo}"
        else:
            expected = f"at most {hi}"
        return f"a figure in {unit(row)} must be {expected}, got {row['value']}"

    rules = [
        RowRule(
            "value",
            whole_ok,
            lambda row: f"a count of {unit(row)} must be a whole number without separators "
            f"(write {row['value'].replace('.', '')} if {row['printed']!r} means that), got '{row['value']}'",
        ),
        RowRule("value", in_bounds, bounds_problem),
        RowRule(
            "printed",
            lambda df: df.apply(lambda r: check_printed_value(r["printed"], r["value"], r["note"]) is None, axis=1).astype(bool),
            lambda row: str(check_printed_value(row["printed"], row["value"], row["note"])),
        ),
        RowRule(
            "as_of",
            lambda df: (df["as_of"] == "") | (df["as_of"].str[:4] == df["period"]),
            lambda row: f"a part-period figure's cut-off must fall in its period {row['period']}, got '{row['as_of']}'",
        ),
        RowRule(
            "instrument",
            lambda df: df["kind"].isin(GOAL_KINDS) == (df["instrument"] != ""),
            lambda row: (
                f"a {row['kind']} must name the instrument that set it (e.g. 'KH 63/KH-UBND', 'CT việc làm 2021-2025')"
                if row["kind"] in GOAL_KINDS
                else f"only a plan or target names an instrument; an {row['kind']} leaves it empty, got '{row['instrument']}'"
            ),
        ),
        RowRule(
            "low",
            lambda df: df.apply(lambda r: check_range(r["printed"], r["value"], r["low"], r["high"]) is None, axis=1).astype(bool),
            lambda row: str(check_range(row["printed"], row["value"], row["low"], row["high"])),
        ),
        RowRule(
            "source_id",
            lambda df: ~df.duplicated(subset=FILE_KEY, keep="first"),
            lambda row: "duplicate key: an earlier line already has "
            + ", ".join(f"{c}={row[c]!r}" for c in FILE_KEY),
        ),
    ]
    return schema, rules


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
            problems.append((line, FIGURES_ORDER.get(column, 99), str(column), f"expected {case.check}, got '{cell}'"))
    column_failed = {(line, col) for line, _, col, _ in problems}
    for order, rule in enumerate(rules):
        ok = rule.ok(frame)
        for line in frame.index[~ok.to_numpy()]:
            if (int(line), rule.column) not in column_failed:
                problems.append((int(line), 100 + order, rule.column, rule.problem(frame.loc[line])))
    if problems:
        problems.sort(key=lambda p: (p[0], p[1]))
        line, _, column, message = problems[0]
        distinct = {(p[0], p[2]) for p in problems}
        raise DataError(file, message, row=line or None, column=column, more=len(distinct) - 1)


FIGURES_ORDER = {c: i for i, c in enumerate(FIGURES_COLUMNS)}
