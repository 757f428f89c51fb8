"""Reading figures as the report printed them.

The report prints numbers in Vietnamese style: ``.`` groups thousands and ``,``
is the decimal mark (``781.965``, ``70,25%``). A ``printed`` cell holds such a
number, optionally with a qualifier that changes its meaning (``dưới 2,1%`` is a
ceiling, ``giảm 1,29%`` a fall), a range (``0,8-1%``), or the words ``chưa có``
for a zero stated in words. This module parses that grammar and says whether a
``value`` agrees with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

# The words the parser reads around a number ("dưới", "giảm", "chưa có"…) and what each means, in a file beside
# this module that a reviewer reads without the code (printed_grammar.yml).
GRAMMAR = yaml.safe_load(Path(__file__).with_name("printed_grammar.yml").read_text(encoding="utf-8"))
CEILING_QUALIFIERS = frozenset(GRAMMAR["qualifiers"]["ceiling"])
FLOOR_QUALIFIERS = frozenset(GRAMMAR["qualifiers"]["floor"])
NEGATING_QUALIFIERS = frozenset(GRAMMAR["qualifiers"]["negating"])
QUALIFIERS: tuple[str, ...] = tuple(q for words in GRAMMAR["qualifiers"].values() for q in words)
ZERO_WORDS = frozenset(GRAMMAR["zero_words"])
MULTIPLIERS = {word: Decimal(factor) for word, factor in GRAMMAR["multipliers"].items()}
AMBIGUOUS_NOTE_PREFIX = "Ambiguous:"

# A Vietnamese number: either grouped thousands (781.965, 1.480,5) or plain digits (1000, 03, 70,25).
VI_NUMBER = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?"
_QUALIFIER_RE = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))  # longest first
_RANGE_NOUN_RE = "|".join(re.escape(n) for n in GRAMMAR["range_nouns"])
_MULTIPLIER_RE = "|".join(re.escape(m) for m in sorted(MULTIPLIERS, key=len, reverse=True))
_PRINTED_RE = re.compile(
    rf"^(?:(?P<qualifier>{_QUALIFIER_RE}) ?)?(?P<first>{VI_NUMBER})"
    rf"(?:(?: (?:{_RANGE_NOUN_RE}))?(?P<dash> ?[-–] ?)(?P<second>{VI_NUMBER}))?"
    rf"(?: (?P<multiplier>{_MULTIPLIER_RE}))?(?P<percent>%)?$"
)
# A number anywhere in a cell, with the qualifier and multiplier around it: for a refusal that shows how to record it.
_NUMBER_IN_TEXT_RE = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER_RE}) )?(?P<number>{VI_NUMBER})(?: (?P<multiplier>{_MULTIPLIER_RE}))?"
)
PLAIN_NUMBER_RE = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")


@dataclass(frozen=True)
class Printed:
    """A parsed ``printed`` cell."""

    text: str
    qualifier: str | None
    numbers: tuple[str, ...]  # the number tokens as printed
    percent: bool
    zero_in_words: bool = False
    multiplier: str | None = None  # "nghìn", "triệu"… after the number(s): each reads times its factor

    @property
    def scale(self) -> Decimal:
        """The factor the multiplier word stands for (1 without one): "9,5 nghìn" → 1000."""
        return MULTIPLIERS.get(self.multiplier or "", Decimal(1))

    @property
    def is_range(self) -> bool:
        return len(self.numbers) == 2

    @property
    def bound(self) -> str | None:
        """``"ceiling"`` for "dưới 2,1%", ``"floor"`` for "trên 90", else None."""
        if self.qualifier in CEILING_QUALIFIERS:
            return "ceiling"
        if self.qualifier in FLOOR_QUALIFIERS:
            return "floor"
        return None

    def readings(self) -> set[Decimal]:
        """The values this print can stand for under the Vietnamese convention.

        One value for a single number (negative after "giảm"), both ends for a range.
        """
        if self.zero_in_words:
            return {Decimal(0)}
        sign = -1 if self.qualifier in NEGATING_QUALIFIERS else 1
        return {sign * read_vi_number(n) * self.scale for n in self.numbers}

    def decimals(self) -> int:
        """The decimal place of the last digit printed, negative above the units: "100,20%" → 2, "781.965" → 0,
        "9,5 nghìn" → −2 (known to hundreds), "14 nghìn" → −3."""
        if not self.numbers:
            return 0
        shown = max(len(n.partition(",")[2]) for n in self.numbers)
        return shown - (len(str(self.scale)) - 1)  # a power of ten: its digits after the 1

    def alternative_readings(self) -> set[Decimal]:
        """Readings under the other convention (``,`` for thousands), for ambiguous prints."""
        sign = -1 if self.qualifier in NEGATING_QUALIFIERS else 1
        out: set[Decimal] = set()
        for n in self.numbers:
            alt = n.replace(".", "").replace(",", "") if re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+", n) else None
            if alt is not None:
                out.add(sign * Decimal(alt) * self.scale)
        return out


def read_vi_number(token: str) -> Decimal:
    """Read one Vietnamese-style number token: ``"781.965"`` → 781965, ``"70,25"`` → 70.25."""
    return Decimal(token.replace(".", "").replace(",", "."))


def parse_printed(text: str) -> Printed | None:
    """Parse a ``printed`` cell; None when it does not follow the grammar."""
    if text in ZERO_WORDS:
        return Printed(text, None, (), False, zero_in_words=True)
    m = _PRINTED_RE.match(text)
    if not m:
        return None
    numbers = (m["first"],) + ((m["second"],) if m["second"] else ())
    return Printed(text, m["qualifier"], numbers, bool(m["percent"]), multiplier=m["multiplier"])


def parse_plain_number(text: str) -> Decimal | None:
    """Read a ``value`` cell (plain, dot decimal, optional minus); None if it is not one."""
    if not PLAIN_NUMBER_RE.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        return None


def looks_vietnamese_formatted(text: str) -> bool:
    """True for ``"2,27"`` or ``"14.966"``-style cells: a Vietnamese print where a plain number belongs."""
    return bool(
        re.fullmatch(r"-?[0-9]+,[0-9]+", text) or re.fullmatch(r"-?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?", text)
    )


def check_printed_value(printed: str, value: str, note: str) -> str | None:
    """Why ``printed`` and ``value`` disagree, or None when they agree.

    They agree when the value is one of the print's Vietnamese readings, or,
    for a print the note flags as ambiguous (note begins ``Ambiguous:``), one
    of its alternative readings.
    """
    parsed = parse_printed(printed)
    if parsed is None:
        return (
            f"expected a figure as printed (e.g. '781.965', '70,25%', 'dưới 2,1%', 'gần 14 nghìn', 'chưa có'), got "
            f"'{printed}'; {how_to_record(printed)}"
        )
    number = parse_plain_number(value)
    if number is None:
        return None  # the value column reports its own problem
    if number in parsed.readings():
        return None
    if note.startswith(AMBIGUOUS_NOTE_PREFIX) and number in parsed.alternative_readings():
        return None
    readings = " or ".join(sorted(_plain(r) for r in parsed.readings()))
    return f"printed '{printed}' reads as {readings} but value is {value}"


def how_to_record(printed: str) -> str:
    """How to record a print the grammar cannot read, with an example made from the print itself: its number with
    the qualifier and multiplier before and after it ("trên 23 nghìn suất" → printed 'trên 23 nghìn', value 23000,
    the rest in the note)."""
    found = _NUMBER_IN_TEXT_RE.search(printed)
    if found is None:
        return (
            "write the number the words stand for in 'value' and the words in 'note' (a zero in words must be one "
            f"of {', '.join(repr(z) for z in sorted(ZERO_WORDS))})"
        )
    kept = found.group(0)
    reading = parse_printed(kept)
    value = _plain(min(reading.readings())) if reading is not None else found["number"]
    rest = (printed[: found.start()] + printed[found.end() :]).strip()
    example = f"record it as printed '{kept}' with value {value}"
    if rest:
        example += f", and the words left out ('{rest}') in 'note'"
    if found["multiplier"]:
        example += " (a unit that names the multiplier, such as 'tỷ đồng', takes the number without the word)"
    return example


def _plain(number: Decimal) -> str:
    """A reading as the ``value`` column writes it: 1800 (not 1800.0 or 1.8E+3), 2.27."""
    return format(number.normalize(), "f")


def check_range(printed: str, value: str, low: str, high: str) -> str | None:
    """Why the ``low``/``high`` cells of a row disagree with its print, or None when they agree.

    A printed range ("2 - 2,2%", "16.800 - 17.000") keeps both ends: ``low`` and
    ``high`` are its two numbers in order, ``low`` < ``high``, and ``value`` is
    the upper end (``high``), the one rule for a range's single value. Any other
    print leaves ``low`` and ``high`` empty.
    """
    parsed = parse_printed(printed)
    if parsed is None:
        return None  # the printed column reports its own problem
    if not parsed.is_range:
        if low or high:
            return (
                f"'low' and 'high' are only for a printed range (e.g. '2 - 2,2%'); '{printed}' is not one, so leave "
                "them empty"
            )
        return None
    if not low or not high:
        return f"printed '{printed}' is a range: write both ends in 'low' and 'high'"
    lo, hi = parse_plain_number(low), parse_plain_number(high)
    if lo is None or hi is None:
        return None  # the low/high columns report their own problem
    sign = -1 if parsed.qualifier in NEGATING_QUALIFIERS else 1
    ends = [sign * read_vi_number(n) * parsed.scale for n in parsed.numbers]
    if [lo, hi] != ends:
        shown = " and ".join(_plain(e) for e in ends)
        return f"printed '{printed}' has the ends {shown} but low is {low} and high is {high}"
    if not lo < hi:
        return f"a range's low end must be below its high end, got low {low} and high {high}"
    number = parse_plain_number(value)
    if number is not None and number != hi:
        return f"a range's value is its upper end: write {high} in 'value' (got {value})"
    return None


def is_ambiguous(printed: str, value: str, note: str) -> bool:
    """True for a row recorded under the alternative reading of an ambiguous print."""
    parsed = parse_printed(printed)
    number = parse_plain_number(value)
    return bool(
        parsed
        and number is not None
        and note.startswith(AMBIGUOUS_NOTE_PREFIX)
        and number not in parsed.readings()
        and number in parsed.alternative_readings()
    )


def shown_decimals(printed: str | None, value: float | None) -> int | None:
    """The decimals the print shows for ``value`` ("1,40%" → 2, "24,4%" → 1, "2,0 - 2,2%" → 1 for 2.0 and 2.2).

    A figure is shown with the precision it was printed with, so a trailing zero the source printed stays.
    None when there is no print, it does not follow the grammar, or ``value`` is not one of its readings
    (an ambiguous print recorded under its other reading, a value computed from it): the caller then falls
    back to the fewest decimals that show the value.
    """
    if not isinstance(printed, str) or not printed or value is None or value != value:
        return None
    parsed = parse_printed(printed)
    if parsed is None or parsed.zero_in_words:
        return None
    sign = -1 if parsed.qualifier in NEGATING_QUALIFIERS else 1
    target = Decimal(repr(float(value)))
    for token in parsed.numbers:
        reading = read_vi_number(token) * parsed.scale
        if sign * reading == target or reading == abs(target):
            # "9,5 nghìn" is 9500, shown without decimals: its last digit stands for hundreds
            return max(0, len(token.partition(",")[2]) - (len(str(parsed.scale)) - 1))
    return None


def significant_digits(token: str) -> int:
    """The significant figures of a printed number: ``"32"`` → 2, ``"71.571"`` → 5, ``"600"`` → 1, ``"0,52"`` → 2.

    A whole number's trailing zeros are not counted (``"20.000"`` says 2), a decimal's are (``"1,40"`` says 3).
    """
    whole, _, frac = token.replace(".", "").partition(",")
    digits = (whole + frac).lstrip("0")
    if not frac:
        digits = digits.rstrip("0")
    return max(1, len(digits))


def computed_significance(*prints: str | None) -> int | None:
    """How many significant figures a value computed from these prints keeps; None when every print is exact.

    The one rule for a value the appendix computes from printed figures: exact inputs ("781.965" / "14.966")
    leave the result's precision to its caller; once any input carries a qualifier ("hơn 32", "khoảng 600"),
    the result is approximate, kept to the fewest significant figures among the inputs (a qualified input
    counts at most ``qualified_max``, see printed_grammar.yml), never fewer than ``min``.
    """
    rule = GRAMMAR["computed_significance"]
    parsed = [parse_printed(p) for p in prints if isinstance(p, str) and p]
    if not any(p is not None and p.qualifier is not None for p in parsed):
        return None
    counts = [
        min(significant_digits(n), rule["qualified_max"]) if p.qualifier else significant_digits(n)
        for p in parsed
        if p is not None
        for n in p.numbers
    ]
    return max(rule["min"], min(counts))
