"""Numbers in Vietnamese and English style."""

from __future__ import annotations

import math

import pytest

from helpers.errors import UsageError
from helpers.text.formatting import check_lang, fmt_number, fmt_percent, fmt_points, fmt_value


def test_vietnamese_style() -> None:
    assert fmt_number(14966, "vi") == "14.966"
    assert fmt_number(781965, "vi") == "781.965"
    assert fmt_percent(70.25, "vi") == "70,25%"
    assert fmt_number(1234567.5, "vi") == "1.234.567,5"


def test_english_style() -> None:
    assert fmt_number(14966, "en") == "14,966"
    assert fmt_percent(70.25, "en") == "70.25%"


def test_rounding_is_half_up_and_decimals_as_asked() -> None:
    assert fmt_number(0.125, "vi", 2) == "0,13"
    assert fmt_number(100.2, "vi", 2) == "100,20"
    assert fmt_number(2.0, "vi") == "2"
    assert fmt_number(-0.001, "vi", 1) == "0,0"  # no "-0,0"


def test_signs_and_missing() -> None:
    assert fmt_number(-1.29, "vi") == "-1,29"
    assert fmt_number(67, "vi", signed=True) == "+67"
    assert fmt_number(None, "vi") == "–"
    assert fmt_number(math.nan, "en") == "–"


def test_units() -> None:
    assert fmt_value(116.25, "percent_of_plan", "vi") == "116,25%"
    assert fmt_value(0.52, "percentage_points", "vi") == "0,52 điểm phần trăm"
    assert fmt_points(0.52, "en") == "0.52 percentage points"
    assert fmt_value(2325, "persons", "en") == "2,325"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UsageError, match="Unknown language 'fr'; use one of: vi, en."):
        check_lang("fr")
