"""Reading figures as printed: the grammar, Vietnamese readings, ambiguity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from helpers.data.printed import (
    check_printed_value,
    computed_significance,
    is_ambiguous,
    looks_vietnamese_formatted,
    parse_printed,
    read_vi_number,
    shown_decimals,
    significant_digits,
)


@pytest.mark.parametrize(
    ("printed", "readings"),
    [
        ("781.965", {Decimal(781965)}),
        ("70,25%", {Decimal("70.25")}),
        ("03", {Decimal(3)}),
        ("1000", {Decimal(1000)}),
        ("giảm 1,29%", {Decimal("-1.29")}),
        ("tăng 67", {Decimal(67)}),
        ("dưới mức 2,1%", {Decimal("2.1")}),
        ("<1,5", {Decimal("1.5")}),
        ("Trên 90", {Decimal(90)}),
        ("0,8-1%", {Decimal("0.8"), Decimal(1)}),
        ("2 - 2,2%", {Decimal(2), Decimal("2.2")}),
        ("chưa có", {Decimal(0)}),
    ],
)
def test_readings(printed: str, readings: set[Decimal]) -> None:
    parsed = parse_printed(printed)
    assert parsed is not None
    assert parsed.readings() == readings


@pytest.mark.parametrize("printed", ["14966 hộ", "about 5", "1,2,3", "", "- 5", "hơn"])
def test_not_prints(printed: str) -> None:
    assert parse_printed(printed) is None


def test_bounds_come_from_qualifiers() -> None:
    assert parse_printed("dưới 2,1%").bound == "ceiling"
    assert parse_printed("<1,5").bound == "ceiling"
    assert parse_printed("Trên 90").bound == "floor"
    assert parse_printed("72,5%").bound is None


def test_read_vi_number() -> None:
    assert read_vi_number("1.480") == 1480
    assert read_vi_number("34,61") == Decimal("34.61")


def test_check_printed_value() -> None:
    assert check_printed_value("14.966", "14966", "") is None
    assert check_printed_value("giảm 12", "-12", "") is None
    assert check_printed_value("14.966", "14.966", "") == "printed '14.966' reads as 14966 but value is 14.966"
    assert check_printed_value("0,8-1%", "1", "range; upper end") is None


def test_ambiguous_print_needs_the_note() -> None:
    assert check_printed_value("18,173", "18173", "") is not None
    assert check_printed_value("18,173", "18173", "Ambiguous: comma used as thousands separator") is None
    assert is_ambiguous("hơn 18,173", "18173", "Ambiguous: comma used as thousands separator")
    assert not is_ambiguous("18.173", "18173", "Ambiguous: x")


def test_looks_vietnamese_formatted() -> None:
    assert looks_vietnamese_formatted("2,27")
    assert looks_vietnamese_formatted("14.966")
    assert not looks_vietnamese_formatted("2.27")
    assert not looks_vietnamese_formatted("14966")


def test_ranges_with_an_en_dash_or_a_unit_word_and_zero_in_words() -> None:
    from helpers.data.printed import check_range

    assert parse_printed("16.800–17.000").numbers == ("16.800", "17.000")
    assert parse_printed("1.800 người - 2.000").is_range
    assert parse_printed("không còn").readings() == {0}
    assert check_range("16.800 - 17.000", "17000", "16800", "17000") is None
    assert (
        check_range("16.800 - 17.000", "16800", "16800", "17000")
        == "a range's value is its upper end: write 17000 in 'value' (got 16800)"
    )
    assert (
        check_range("2 - 2,2%", "2.2", "", "") == "printed '2 - 2,2%' is a range: write both ends in 'low' and 'high'"
    )
    assert check_range("70,25%", "70.25", "70", "71") is not None
    assert check_range("70,25%", "70.25", "", "") is None


@pytest.mark.parametrize(
    ("printed", "value", "decimals"),
    [
        ("1,40%", 1.4, 2),  # the printed zero is kept
        ("24,4%", 24.4, 1),
        ("100,20%", 100.2, 2),
        ("781.965", 781965, 0),
        ("giảm 1,29%", -1.29, 2),
        ("2,0 - 2,2%", 2.0, 1),  # each end of a range as printed
        ("2 - 2,2%", 2.0, 0),
        ("hơn 18,173", 18173, None),  # an ambiguous print read the other way: no printed precision to keep
        ("1,40%", 1.5, None),  # a value the print does not read as
        ("chưa có", 0, None),
        (None, 1.4, None),
        (float("nan"), 1.4, None),
    ],
)
def test_shown_decimals_keeps_the_precision_of_the_print(printed: object, value: float, decimals: int | None) -> None:
    assert shown_decimals(printed, value) == decimals


@pytest.mark.parametrize(
    ("token", "digits"),
    [("32", 2), ("71.571", 5), ("600", 1), ("20.000", 1), ("0,52", 2), ("1,40", 3), ("0", 1)],
)
def test_significant_digits_of_a_printed_number(token: str, digits: int) -> None:
    assert significant_digits(token) == digits


def test_computed_significance_is_none_from_exact_prints_and_the_fewest_figures_otherwise() -> None:
    assert computed_significance("781.965", "14.966") is None  # exact inputs: the caller's precision
    assert computed_significance("hơn 32", "60.834") == 2  # "hơn 32 tỷ" shared among 60.834 persons
    assert computed_significance("hơn 71.571", "206.021") == 3  # a qualified print counts at most 3 figures
    assert computed_significance("khoảng 600", "5") == 2  # never fewer than 2
    assert computed_significance("hơn 18,173", "hơn 62.513") == 3
    assert computed_significance(None, "hơn 5") == 2 and computed_significance(None, None) is None


# Issue 14, item 6: numbers printed with words ("gần 14 nghìn") -------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "value", "qualifier", "bound", "decimals"),
    [
        ("gần 14 nghìn", Decimal(14000), "gần", None, -3),  # about 14.000, known to thousands
        ("hơn 1,8 nghìn", Decimal(1800), "hơn", "floor", -2),  # more than 1.800, known to hundreds
        ("9,5 nghìn", Decimal(9500), None, None, -2),
        ("16 ngàn", Decimal(16000), None, None, -3),
        ("trên 2,5 triệu", Decimal(2500000), "trên", "floor", -5),
        ("1,2 tỷ", Decimal(1200000000), None, None, -8),
        ("781.965", Decimal(781965), None, None, 0),  # no multiplier: as before
    ],
)
def test_a_multiplier_word_multiplies_and_sets_the_precision(
    printed: str, value: Decimal, qualifier: str | None, bound: str | None, decimals: int
) -> None:
    parsed = parse_printed(printed)
    assert parsed is not None and parsed.readings() == {value}
    assert parsed.qualifier == qualifier and parsed.bound == bound and parsed.decimals() == decimals
    assert check_printed_value(printed, format(value, "f"), "") is None  # kept as printed, value is the product
    assert shown_decimals(printed, float(value)) == 0  # 9.500, never 9.500,0


def test_a_range_with_a_multiplier_and_the_value_it_must_take() -> None:
    from helpers.data.printed import check_range

    assert parse_printed("1,5 - 2 nghìn").readings() == {Decimal(1500), Decimal(2000)}
    assert check_range("1,5 - 2 nghìn", "2000", "1500", "2000") is None
    assert check_printed_value("9,5 nghìn", "9.5", "") == "printed '9,5 nghìn' reads as 9500 but value is 9.5"
    assert significant_digits("9,5") == 2  # so a value computed from it keeps two figures


def test_reconciliation_compares_at_the_precision_of_a_multiplied_print() -> None:
    from helpers.analysis.reconciliation import agrees_at_print_precision, printed_decimals, printed_place

    assert printed_place("9,5 nghìn") == -2 and printed_place("100,20%") == 2
    assert printed_decimals("9,5 nghìn") == 0 and printed_decimals("100,20%") == 2  # decimals shown
    assert agrees_at_print_precision(9468, 9500, "9,5 nghìn")  # 9.468 rounds to 9,5 nghìn
    assert not agrees_at_print_precision(9440, 9500, "9,5 nghìn")


@pytest.mark.parametrize(
    ("printed", "advice"),
    [
        ("trên 23 nghìn suất", "as printed 'trên 23 nghìn' with value 23000, and the words left out ('suất')"),
        ("16 ngàn lao động", "record it as printed '16 ngàn' with value 16000, and the words left out ('lao động')"),
        ("14966 hộ", "record it as printed '14966' with value 14966, and the words left out ('hộ') in 'note'"),
        ("chưa rõ", "write the number the words stand for in 'value' and the words in 'note'"),
    ],
)
def test_a_refused_print_says_how_to_record_it(printed: str, advice: str) -> None:
    problem = check_printed_value(printed, "1", "")
    assert problem is not None and problem.startswith("expected a figure as printed") and advice in problem
    assert "\n" not in problem  # one line, as every refusal
