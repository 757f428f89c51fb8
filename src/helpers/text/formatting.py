"""Numbers in the reader's style: Vietnamese (14.966; 70,25%) or English (14,966; 70.25%)."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

from helpers.errors import UsageError

LANGS = ("vi", "en")
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise a UsageError listing them."""
    if lang not in LANGS:
        raise UsageError(f"Unknown language '{lang}'; use one of: {', '.join(LANGS)}.")
    return lang


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
    number = Decimal(repr(float(value))).quantize(quant, rounding=ROUND_HALF_UP)
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
