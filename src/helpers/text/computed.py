"""Values the appendix computes from printed figures, written by one precision rule (issue 9, §2).

A print's qualifier ("hơn 71.571") leads the figure it qualifies; a value computed from printed figures keeps the
precision they allow: from exact prints the caller's decimals, from a qualified one a rounded, approximate value
("khoảng 530 nghìn"). The words of the qualifiers are in ``text/lines.yml`` (``qualifier.*``).
"""

from __future__ import annotations

from helpers.analysis.social import APPROXIMATE, QUALIFIER_READINGS
from helpers.data.printed import computed_significance
from helpers.text import say
from helpers.text.formatting import (
    PERCENT_UNITS,
    fmt_number,
    fmt_percent,
    fmt_significant,
    fmt_value,
    round_significant,
)


def prefixed(text: str, qualifier_key: str | None, lang: str) -> str:
    """``text`` led by the reading of a print qualifier ("hơn" → "hơn"/"over"); unchanged for None or "–"."""
    if qualifier_key not in QUALIFIER_READINGS or text == "–":
        return text
    return f"{say(f'lines:qualifier.{QUALIFIER_READINGS[qualifier_key]}', lang)} {text}"


def computed_text(
    value: float | None,
    lang: str,
    *prints: str | None,
    decimals: int | None = 0,
    lead: bool = True,
    unit: str = "",
) -> str:
    """A value computed from printed figures (an average, a ratio), by the one precision rule.

    From exact prints it keeps ``decimals`` ("52,25"); once any print is qualified ("hơn 32 tỷ") it is approximate:
    rounded to the significant figures the prints allow and led by "khoảng" ("khoảng 530 nghìn"; ``lead=False``
    leaves the word to a text that already says it), see :func:`helpers.data.printed.computed_significance`.
    """
    if value is None:
        return "–"
    significant = computed_significance(*prints)
    if significant is None:
        return fmt_value(value, unit, lang, decimals) if unit else fmt_number(value, lang, decimals)
    if unit in PERCENT_UNITS:  # a share stays a percentage: "khoảng 25%"
        text = fmt_percent(round_significant(value, significant), lang)
    else:
        text = fmt_significant(value, significant, lang)
    return prefixed(text, APPROXIMATE, lang) if lead else text
