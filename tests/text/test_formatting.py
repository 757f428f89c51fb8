"""Numbers in Vietnamese and English style."""

from __future__ import annotations

import math

import pytest

from helpers.errors import UsageError
from helpers.text.formatting import (
    check_lang,
    fmt_number,
    fmt_percent,
    fmt_points,
    fmt_printed,
    fmt_ratio,
    fmt_significant,
    fmt_value,
    round_significant,
)


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


def test_a_figure_is_shown_with_the_decimals_it_was_printed_with() -> None:
    assert fmt_printed(1.4, "percent", "vi", "1,40%") == "1,40%"
    assert fmt_printed(1.4, "percent", "en", "1,40%") == "1.40%"
    assert fmt_printed(24.4, "percent", "vi", "24,4%") == "24,4%"
    assert fmt_printed(1.4, "percent", "vi", None) == "1,4%"  # no print: the fewest decimals that show it
    assert fmt_printed(1.4, "percent", "vi", "1,40%", decimals=1) == "1,4%"  # a caller's decimals win


def test_every_computed_ratio_has_two_decimals() -> None:
    assert fmt_ratio(100.2, "vi") == "100,20%" and fmt_ratio(25, "vi") == "25,00%"
    assert fmt_ratio(116.25, "en") == "116.25%" and fmt_ratio(5.0505, "vi", signed=True) == "+5,05%"
    assert fmt_ratio(None, "vi") == "–"


def test_approximate_amounts_are_rounded_to_significant_figures_and_said_in_words() -> None:
    assert round_significant(526022.3, 2) == 530000 and round_significant(290708, 3) == 291000
    assert round_significant(0.12345, 2) == 0.12 and round_significant(0, 3) == 0
    assert fmt_significant(526022.3, 2, "vi") == "530 nghìn" and fmt_significant(526022.3, 2, "en") == "530 thousand"
    assert fmt_significant(1260870, 3, "vi") == "1,26 triệu" and fmt_significant(1260870, 3, "en") == "1.26 million"
    assert fmt_significant(32.4e9, 2, "vi") == "32 tỷ" and fmt_significant(12.345, 3, "vi") == "12,3"
    assert fmt_significant(None, 2, "vi") == "–"


def test_a_value_computed_in_floating_point_rounds_half_up_as_by_hand() -> None:
    # Issue 9 review: the pace to 2,2% from 2,27% over two years is 0,035, shown 0,04 (it was 0,03: 0,034999…).
    assert fmt_number((2.27 - 2.2) / 2, "vi", 2) == "0,04"
    assert fmt_number((2.27 - 2.0) / 2, "vi", 2) == "0,14"
    assert fmt_number(0.125, "en", 2) == "0.13"
