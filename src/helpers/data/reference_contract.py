"""The schemas of the reference files beside the figures: units, sources, indicators, the named codes, breakdown
labels, series breaks, the headline and the reports (``data/*.csv``).

Built from the contract's columns and checks (:mod:`helpers.data.contract`), validated by its
:func:`~helpers.data.contract.validate`; the figures files have their own schema in
:mod:`helpers.data.figures_contract`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

import pandas as pd
import pandera.pandas as pa

from helpers.data.contract import (
    AREA_KINDS,
    DOMAINS,
    POLARITIES,
    SCOPES,
    SNAKE,
    SOURCE_ROLES,
    YEAR,
    RowRule,
    _unique,
    one_of,
    one_spelling,
    pattern,
    text_column,
)
from helpers.data.csvfile import quote
from helpers.data.printed import parse_plain_number
from helpers.errors import DataError


def _is_report_date(text: str) -> bool:
    """True for ``""``, a real ``YYYY-MM`` or a real ``YYYY-MM-DD`` date."""
    if text == "":
        return True
    if re.fullmatch(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])", text):
        return True
    if not re.fullmatch(r"(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def units_schema() -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/units.csv``."""
    number_or_empty = pattern(r"^$|^-?[0-9]+(\.[0-9]+)?$", "a plain number or an empty cell")
    boolean = one_of(["true", "false"], "booleans")
    schema = pa.DataFrameSchema(
        {
            "unit": text_column(pattern(SNAKE, "a snake_case unit name")),
            "name_vi": text_column(),
            "name_en": text_column(),
            "name_en_one": text_column(),  # the English name after 1 ("1 person", "1 household")
            "whole": text_column(boolean),
            "additive": text_column(boolean),
            "min": text_column(number_or_empty, required=False),
            "max": text_column(number_or_empty, required=False),
        },
        strict=True,
    )

    def ordered(df: pd.DataFrame) -> pd.Series:
        def ok(lo: str, hi: str) -> bool:
            a, b = parse_plain_number(lo), parse_plain_number(hi)
            return a is None or b is None or a <= b

        return pd.Series([ok(lo, hi) for lo, hi in zip(df["min"], df["max"], strict=False)], index=df.index, dtype=bool)

    bounds_rule = RowRule(
        "max",
        ordered,
        lambda row: f"the largest allowed value must not be below the smallest ({row['min']}), got '{row['max']}'",
    )
    return schema, [_unique("unit"), bounds_rule]


def sources_schema() -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/sources.csv``."""
    schema = pa.DataFrameSchema(
        {
            "source_id": text_column(pattern(SNAKE, "a snake_case source_id")),
            "title": text_column(required=False),  # empty when no source we hold shows the title: never made up
            "publisher": text_column(),
            "published": text_column(
                pattern(r"^$|^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", "a date as YYYY, YYYY-MM or YYYY-MM-DD, or empty"),
                required=False,
            ),
            "url": text_column(pattern(r"^$|^https?://\S+$", "an http(s) address or an empty cell"), required=False),
            "publisher_en": text_column(required=False),
            "priority": text_column(
                pattern(r"^[1-9][0-9]*$", "a whole number from 1 (most trusted when sources disagree)")
            ),
            "role": text_column(one_of(SOURCE_ROLES, "the roles of a source")),
            "note_vi": text_column(required=False),  # what a reader must know about the source itself
            "note_en": text_column(required=False),
        },
        strict=True,
    )
    return schema, [_unique("source_id"), _unique("priority")]


def indicators_schema(
    units: Iterable[str], domains: Iterable[str] = DOMAINS
) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of the catalogue ``data/indicators.csv`` (domains: those ``data/domains.csv`` names)."""
    schema = pa.DataFrameSchema(
        {
            "indicator_id": text_column(pattern(SNAKE, "a snake_case indicator_id")),
            "domain": text_column(one_of(domains, "data/domains.csv")),
            "name_vi": text_column(),
            "name_en": text_column(),
            "unit": text_column(one_of(units, "data/units.csv")),
            "polarity": text_column(one_of(POLARITIES, "polarities")),
            "scope": text_column(one_of(SCOPES, "scopes")),
            "complete_breakdowns": text_column(
                pattern(r"^$|^[a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*$", "dimensions separated by ';', or empty"),
                required=False,
            ),
        },
        strict=True,
    )
    return schema, [_unique("indicator_id")]


def names_schema(code: str, codes: Iterable[str] | None = None) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of a table that names the data's codes in both languages (``data/domains.csv``: ``domain, name_vi,
    name_en``; ``kinds.csv``; ``dimensions.csv``): each code once, one of ``codes`` when the contract fixes them."""
    check = one_of(codes, f"{code}s") if codes is not None else pattern(SNAKE, f"a snake_case {code}")
    schema = pa.DataFrameSchema(
        {code: text_column(check), "name_vi": text_column(), "name_en": text_column()}, strict=True
    )
    return schema, [_unique(code), one_spelling("name_vi"), one_spelling("name_en")]


def check_all_named(frame: pd.DataFrame, file: str, code: str, codes: Iterable[str]) -> None:
    """Raise one DataError when a code the data use (``codes``) has no line in the table that names it."""
    missing = [c for c in dict.fromkeys(codes) if c not in set(frame[code])]
    if missing:
        raise DataError(
            file,
            f"no line names the {code} '{quote(missing[0])}', which the data use; add a line with its "
            "names in Vietnamese and English",
            column=code,
            more=len(missing) - 1,
        )


def labels_schema(dimensions: Iterable[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/breakdown_labels.csv``: names of breakdown categories in both languages."""
    schema = pa.DataFrameSchema(
        {
            "dimension": text_column(one_of(dimensions, "data/dimensions.csv")),
            "value": text_column(),
            "label_vi": text_column(),
            "label_en": text_column(),
        },
        strict=True,
    )
    rule = RowRule(
        "value",
        lambda df: ~df.duplicated(subset=["dimension", "value"], keep="first"),
        lambda row: f"'{row['dimension']}={row['value']}' is already labelled on an earlier line",
    )
    spellings = [one_spelling(c, within="dimension") for c in ("value", "label_vi", "label_en")]
    return schema, [rule, *spellings]


def breaks_schema(indicators: Iterable[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/series_breaks.csv``: changes of definition within a series."""
    schema = pa.DataFrameSchema(
        {
            "indicator_id": text_column(one_of(indicators, "data/indicators.csv")),
            "first_period": text_column(pattern(YEAR, "a four-digit year")),
            "label_vi": text_column(),
            "label_en": text_column(),
        },
        strict=True,
    )
    return schema, []


def headline_schema(indicators: Iterable[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/headline.csv``: the indicators of the appendix's first page and their order."""
    schema = pa.DataFrameSchema(
        {
            "indicator_id": text_column(one_of(indicators, "data/indicators.csv")),
            "order": text_column(pattern(r"^[1-9][0-9]*$", "a whole number from 1")),
        },
        strict=True,
    )
    return schema, [_unique("indicator_id"), _unique("order")]


def watch_schema(indicators: Iterable[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/watch.csv``: figures that bear on a goal ahead, for the director's page. ``measure`` is
    ``share`` (the figure as a share of ``of``, same period) or ``change`` (against its latest earlier result)."""
    known = list(indicators)
    schema = pa.DataFrameSchema(
        {
            "indicator_id": text_column(one_of(known, "data/indicators.csv")),
            "breakdown": text_column(required=False),
            "measure": text_column(one_of(["share", "change"], "share, change")),
            "of": text_column(one_of(["", *known], "data/indicators.csv or empty"), required=False),
            "bears_on": text_column(one_of(known, "data/indicators.csv")),
            "note": text_column(),
        },
        strict=True,
    )
    return schema, []


def reports_schema(sources: Iterable[str]) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/reports.csv``: the report each year's appendix accompanies, its issuer and area."""
    known = set(sources)
    schema = pa.DataFrameSchema(
        {
            "year": text_column(pattern(YEAR, "a four-digit year")),
            "source_id": text_column(
                pa.Check(lambda s: (s == "") | s.isin(known), error="a source_id listed in data/sources.csv, or empty"),
                required=False,
            ),
            "issuer_vi": text_column(),
            "issuer_en": text_column(),
            "issuer_short_vi": text_column(),
            "issuer_short_en": text_column(),
            "area_vi": text_column(),
            "area_en": text_column(),
            "area_kind": text_column(one_of(AREA_KINDS, "the kinds of area (province, city)")),
            "place_vi": text_column(),
            "place_en": text_column(),
            "issued": text_column(
                pa.Check(
                    lambda s: s.map(_is_report_date),
                    error="a date as YYYY-MM-DD (YYYY-MM when the day is left blank), or empty",
                ),
                required=False,
            ),
            # The report's number and symbol as printed after "Số:" (Nghị định 30/2020), the number left out when
            # the print leaves it blank ("/BC-SLĐTBXH"); empty when not known.
            "number": text_column(
                pattern(r"^([0-9]*/[^\s/]+)?$", "a number and symbol as printed, like 571/BC-UBND or /BC-SLĐTBXH"),
                required=False,
            ),
        },
        strict=True,
    )
    return schema, [_unique("year")]
