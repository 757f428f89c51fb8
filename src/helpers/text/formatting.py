"""Numbers in the reader's style: Vietnamese (14.966; 70,25%) or English (14,966; 70.25%)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from helpers.data.languages import LANGS as LANGS  # re-exported: the text layer's callers import it from here
from helpers.data.languages import check_lang as check_lang
from helpers.data.printed import shown_decimals

_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def decimals_needed(value: float, max_decimals: int = 2) -> int:
    """The fewest decimals (up to ``max_decimals``) that show ``value`` exactly."""
    for d in range(max_decimals + 1):
        if abs(round(value, d) - value) < 1e-9:
            return d
    return max_decimals


def fmt_number(value: float | int | None, lang: str, decimals: int | None = None, signed: bool = False) -> str:
    """``value`` with the language's separators; ``decimals=None`` shows as many as needed (≤ 2).

    Rounds half up, as the report does (0,125 → 0,13). Missing values give "–".
    """
    check_lang(lang)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    d = decimals_needed(float(value)) if decimals is None else decimals
    quant = Decimal(1).scaleb(-d)
    # 12 significant digits first: a value computed in floating point ((2,27 − 2,2) / 2 = 0,034999…) is the
    # decimal it stands for (0,035), so that half up gives 0,04 as by hand, not 0,03.
    number = Decimal(f"{float(value):.12g}").quantize(quant, rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)
    sign = "-" if number < 0 else ("+" if signed and number > 0 else "")
    whole, _, frac = f"{abs(number):f}".partition(".")
    thousands, decimal_mark = _SEPARATORS[lang]
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = thousands.join(groups)
    return sign + text + (decimal_mark + frac if frac else "")


def fmt_percent(value: float | None, lang: str, decimals: int | None = None, signed: bool = False) -> str:
    """A percentage: ``70,25%`` (vi) or ``70.25%`` (en)."""
    text = fmt_number(value, lang, decimals, signed)
    return text if text == "–" else text + "%"


def fmt_points(value: float | None, lang: str, decimals: int | None = None, signed: bool = False) -> str:
    """A difference of percentages: ``0,52 điểm phần trăm`` / ``0.52 percentage points``."""
    from helpers.data.loading import unit_name  # late: the text layer's import stays light

    text = fmt_number(value, lang, decimals, signed)
    if text == "–":
        return text
    return f"{text} {unit_name('percentage_points', check_lang(lang))}"


PERCENT_UNITS = frozenset({"percent", "percent_of_plan"})


def fmt_value(value: float | None, unit: str, lang: str, decimals: int | None = None, signed: bool = False) -> str:
    """A figure in its unit's usual form: percentages with %, points spelt out, counts bare."""
    if unit in PERCENT_UNITS:
        return fmt_percent(value, lang, decimals, signed)
    if unit == "percentage_points":
        return fmt_points(value, lang, decimals, signed)
    return fmt_number(value, lang, decimals, signed)


def fmt_printed(
    value: float | None, unit: str, lang: str, printed: str | None, decimals: int | None = None, signed: bool = False
) -> str:
    """A figure in its unit's form, with the decimals its source printed: "1,40%" stays 1,40% (1.40% in English).

    ``decimals`` wins when given; without a print that reads as ``value`` this is :func:`fmt_value`.
    """
    places = decimals if decimals is not None else shown_decimals(printed, value)
    return fmt_value(value, unit, lang, places, signed)


RATIO_DECIMALS = 2  # every percentage the appendix computes (of a plan, a share, a change) has two decimals


def fmt_ratio(value: float | None, lang: str, signed: bool = False) -> str:
    """A percentage the appendix computes, always with two decimals: "100,20%", "25,00%" (100.20% in English).

    One rule for every computed ratio, so that the same ratio reads the same in a sentence and in a table, and
    agrees with the report's own "100,20%".
    """
    return fmt_percent(value, lang, RATIO_DECIMALS, signed)


def round_significant(value: float, significant: int) -> float:
    """``value`` rounded half up to ``significant`` significant figures (526.022 to 2 → 530.000)."""
    if value == 0:
        return 0.0
    exponent = Decimal(repr(abs(float(value)))).adjusted()
    quant = Decimal(1).scaleb(exponent - significant + 1)
    return float(Decimal(repr(float(value))).quantize(quant, rounding=ROUND_HALF_UP))


SCALES = ((1e9, "billion"), (1e6, "million"), (1e3, "thousand"))  # words in common.yml (number.<name>)


def fmt_significant(value: float | None, significant: int, lang: str) -> str:
    """An approximate amount in words a reader says aloud: 526.022 to 2 figures → "530 nghìn" / "530 thousand",
    1.260.870 to 3 → "1,26 triệu" / "1.26 million"; below a thousand the bare rounded number."""
    from helpers.text.templates import say  # late: templates import this module

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round_significant(value, significant)
    for size, name in SCALES:
        if abs(rounded) >= size:
            return say(f"common:number.{name}", lang, n=fmt_number(rounded / size, lang))
    return fmt_number(rounded, lang)
