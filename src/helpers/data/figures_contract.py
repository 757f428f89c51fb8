"""The contract of a year's figures file, ``data/figures/<YYYY>.csv``, as a pandera schema and row rules.

Column checks (a known indicator, a four-digit period, a real cut-off date, a plain number…) and rules across
columns (a whole count, a value within its unit's bounds, a print that reads as the value, a goal that names its
instrument, a range that keeps both ends, a result not later than its file, no repeated key). The reference
tables' schemas and :func:`~helpers.data.contract.validate`, which turns a failure into one sentence, are in
:mod:`helpers.data.contract`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pandas as pd
import pandera.pandas as pa

from helpers.data.contract import (
    FILE_KEY,
    GOAL_KINDS,
    ISO_DATE,
    KINDS,
    MAX_SIGNIFICANT_DIGITS,
    YEAR,
    RowRule,
    _unique,
    one_of,
    one_spelling,
    pattern,
    real_date,
    shorten,
    significant_digits,
    text_column,
)
from helpers.data.printed import check_printed_value, check_range, looks_vietnamese_formatted, parse_plain_number

# What joins the instruments of one goal set by several (analysis.progress.one_per_goal, split again by
# text.vocabulary.instrument_name): no instrument label may hold it, or one label would read as two.
INSTRUMENT_SEPARATOR = "; "


def instrument_label(*checks: pa.Check, required: bool = True) -> pa.Column:
    """An instrument label: text without the separator that joins the instruments of one goal."""
    return text_column(
        pa.Check(
            lambda s: ~s.str.contains(INSTRUMENT_SEPARATOR, regex=False),
            error=f"an instrument label without '{INSTRUMENT_SEPARATOR.strip()}' followed by a space (it joins the "
            "instruments of a goal set by several; write e.g. 'KH 63/KH-UBND')",
        ),
        *checks,
        required=required,
    )


def figures_schema(
    indicators: pd.DataFrame,
    units: pd.DataFrame,
    sources: Iterable[str],
    labels: Iterable[str],
    file_year: int | None = None,
) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of a year's ``data/figures/<YYYY>.csv``.

    ``indicators`` and ``units`` are the validated catalogue and unit tables;
    ``labels`` the known ``dimension=value`` breakdowns; ``file_year`` the
    file's year (YYYY), which no ``actual`` may describe a later period than.
    """
    unit_of = dict(zip(indicators["indicator_id"], indicators["unit"], strict=False))
    whole_units = set(units.loc[units["whole"] == "true", "unit"])
    bounds = {u: (lo, hi) for u, lo, hi in zip(units["unit"], units["min"], units["max"], strict=False)}
    schema = pa.DataFrameSchema(
        {
            "indicator_id": text_column(one_of(unit_of, "data/indicators.csv")),
            "period": text_column(pattern(YEAR, "a four-digit year")),
            "as_of": text_column(
                pattern(ISO_DATE, "empty for a full-period figure, else the cut-off date as YYYY-MM-DD"),
                pa.Check(lambda s: s.map(real_date), error="a real calendar date as YYYY-MM-DD, or empty"),
                required=False,
            ),
            "kind": text_column(one_of(KINDS, "kinds")),
            "instrument": instrument_label(required=False),
            "breakdown": text_column(
                pattern(
                    r"^$|^[a-z][a-z0-9_]*=[^=\s](?:[^=]*[^=\s])?$",
                    "empty for a total, else dimension=value (e.g. household_group=near_poor)",
                ),
                pa.Check(
                    lambda s: (s == "") | s.isin(set(labels)),
                    error="a dimension=value listed in data/breakdown_labels.csv",
                ),
                required=False,
            ),
            "value": text_column(
                pa.Check(
                    lambda s: ~s.map(looks_vietnamese_formatted) | s.str.fullmatch(r"-?[0-9]+\.[0-9]{3}"),
                    error="a plain number with a dot decimal (a Vietnamese print such as '2,27' belongs in 'printed'; "
                    "'value' takes 2.27)",
                ),
                pattern(r"^-?[0-9]+(\.[0-9]+)?$", "a plain number with a dot decimal, e.g. 2.27 or 14966"),
            ),
            "low": text_column(
                pattern(r"^$|^-?[0-9]+(\.[0-9]+)?$", "empty, or the lower end of a printed range as a plain number"),
                required=False,
            ),
            "high": text_column(
                pattern(r"^$|^-?[0-9]+(\.[0-9]+)?$", "empty, or the upper end of a printed range as a plain number"),
                required=False,
            ),
            "printed": text_column(),
            "source_id": text_column(one_of(sources, "data/sources.csv")),
            "locator": text_column(),
            "note": text_column(required=False),
        },
        strict=True,
    )

    def unit(row: pd.Series) -> str:
        return unit_of.get(row["indicator_id"], "")

    def whole_problem(row: pd.Series) -> str:
        value = row["value"]
        text = f"a count of {unit(row)} must be a whole number without separators"
        if re.fullmatch(r"-?[0-9]{1,3}(?:\.[0-9]{3})+", value):  # Vietnamese thousands, e.g. 14.966
            return f"{text} (write {value.replace('.', '')} if {row['printed']!r} means that), got '{value}'"
        if re.fullmatch(r"-?[0-9]+\.0+", value):  # 17.0
            return f"{text} (write {value.split('.')[0]}), got '{value}'"
        return f"{text}, got '{value}'"

    def whole_ok(df: pd.DataFrame) -> pd.Series:
        is_whole_unit = df["indicator_id"].map(unit_of).isin(whole_units)
        return ~is_whole_unit | df["value"].str.fullmatch(r"-?[0-9]+")

    def rowwise(check: Callable[..., bool], *columns: str) -> Callable[[pd.DataFrame], pd.Series]:
        """A rule's check applied to each line's cells (a loop over the columns, not DataFrame.apply, which builds a
        Series per line and made a large file's check several times slower)."""
        return lambda df: pd.Series(
            [bool(check(*cells)) for cells in zip(*(df[c] for c in columns), strict=True)], index=df.index, dtype=bool
        )

    def within(indicator_id: str, value: str) -> bool:
        number = parse_plain_number(value)
        lo, hi = bounds.get(unit_of.get(indicator_id, ""), ("", ""))
        if number is None:
            return True
        return (lo == "" or number >= parse_plain_number(lo)) and (hi == "" or number <= parse_plain_number(hi))

    in_bounds = rowwise(within, "indicator_id", "value")

    def bounds_problem(row: pd.Series) -> str:
        lo, hi = bounds[unit(row)]
        if lo != "" and hi != "":
            expected = f"between {lo} and {hi}"
        elif lo != "":
            expected = "not negative" if lo == "0" else f"at least {lo}"
        else:
            expected = f"at most {hi}"
        return f"a figure in {unit(row)} must be {expected}, got {row['value']}"

    def digits_ok(column: str) -> Callable[[pd.DataFrame], pd.Series]:
        return lambda df: (
            df[column].map(lambda v: v == "" or significant_digits(v) <= MAX_SIGNIFICANT_DIGITS).astype(bool)
        )

    def actual_in_time(df: pd.DataFrame) -> pd.Series:
        if file_year is None:
            return pd.Series(True, index=df.index)
        later = (
            (df["kind"] == "actual")
            & df["period"].str.fullmatch(r"[0-9]{4}")
            & (df["period"].map(lambda p: int(p) if p.isdigit() else 0) > file_year)
        )
        return ~later

    rules = [
        RowRule(
            column,
            digits_ok(column),
            lambda row, column=column: (
                f"a {column} may have at most {MAX_SIGNIFICANT_DIGITS} significant digits (more "
                f"cannot be held exactly as a number), got {significant_digits(row[column])} digits: "
                f"'{shorten(row[column])}'"
            ),
        )
        for column in ("value", "low", "high")
    ] + [
        RowRule("value", whole_ok, whole_problem),
        RowRule(
            "period",
            actual_in_time,
            lambda row: (
                f"an actual result for {row['period']} cannot be in the file of {file_year}, which was "
                f"published before {row['period']} ended (a plan or goal for {row['period']} has kind plan or target; "
                "a result goes in the file of the year that published it)"
            ),
        ),
        RowRule("value", in_bounds, bounds_problem),
        RowRule(
            "printed",
            rowwise(
                lambda printed, value, note: check_printed_value(printed, value, note) is None,
                "printed",
                "value",
                "note",
            ),
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
                else f"only a plan or target names an instrument; an {row['kind']} leaves it empty, got "
                f"'{row['instrument']}'"
            ),
        ),
        RowRule(
            "low",
            rowwise(
                lambda printed, value, low, high: check_range(printed, value, low, high) is None,
                "printed",
                "value",
                "low",
                "high",
            ),
            lambda row: str(check_range(row["printed"], row["value"], row["low"], row["high"])),
        ),
        RowRule(
            "source_id",
            lambda df: ~df.duplicated(subset=FILE_KEY, keep="first"),
            lambda row: "duplicate key: an earlier line already has " + ", ".join(f"{c}={row[c]!r}" for c in FILE_KEY),
        ),
    ]
    return schema, rules


INSTRUMENTS_COLUMNS = ["instrument", "name_en", "span", "issued"]
SPAN = r"^((19|20)[0-9]{2})(?:-((19|20)[0-9]{2}))?$"  # "2024" (one year) or "2021-2025"
ISSUED = r"^$|^(19|20)[0-9]{2}(?:-(0[1-9]|1[0-2])(?:-[0-3][0-9])?)?$"  # YYYY, YYYY-MM, YYYY-MM-DD or empty


def _span_ordered(span: str) -> bool:
    first, _, last = span.partition("-")
    return not last or first < last


def instruments_schema() -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/instruments.csv``: each goal's instrument (as the figures files write it) once, with the
    English name the English appendix shows for it, the years it sets goals for (``span``) and when it was issued
    (``issued``); the last two decide which goal counts (data/README.md, "Which goal counts")."""
    schema = pa.DataFrameSchema(
        {
            "instrument": instrument_label(),
            "name_en": text_column(),
            "span": text_column(
                pattern(SPAN, "the years the instrument sets goals for: one year (2024) or first-last (2021-2025)"),
                pa.Check(lambda s: s.map(_span_ordered), error="a span whose first year is before its last"),
            ),
            "issued": text_column(
                pattern(ISSUED, "the date it was issued as YYYY-MM-DD, YYYY-MM or YYYY, or empty when not printed"),
                pa.Check(
                    lambda s: s.map(lambda t: len(t) < 10 or real_date(t)),
                    error="a real calendar date as YYYY-MM-DD (or YYYY-MM, YYYY), or empty",
                ),
                required=False,
            ),
        },
        strict=True,
    )
    return schema, [_unique("instrument"), one_spelling("instrument"), one_spelling("name_en")]
