"""The one precision rule for values the appendix computes from printed figures (helpers.text.computed)."""

from __future__ import annotations

from helpers.text import computed as sc


def test_computed_text_follows_the_one_precision_rule() -> None:
    # exact prints keep the caller's decimals; a qualified print makes the value approximate, in words
    assert sc.computed_text(52.249432, "vi", "781.965", "14.966", decimals=2) == "52,25"
    assert sc.computed_text(526022.3, "vi", "hơn 32", "60.834") == "khoảng 530 nghìn"
    assert sc.computed_text(526022.3, "en", "hơn 32", "60.834") == "about 530 thousand"
    assert sc.computed_text(290.7, "vi", "hơn 18,173", "hơn 62.513", lead=False) == "291"
    assert sc.computed_text(None, "vi", "hơn 32") == "–"


def test_a_share_from_a_qualified_print_stays_a_percentage() -> None:
    assert sc.computed_text(25.3, "vi", "khoảng 600", "2.370", unit="percent") == "khoảng 25%"
    assert sc.computed_text(25.3, "en", "600", "2.370", unit="percent", decimals=2) == "25.30%"


def test_prefixed_reads_the_qualifier() -> None:
    assert sc.prefixed("71.571", "hơn", "vi") == "hơn 71.571" and sc.prefixed("–", "hơn", "vi") == "–"
    assert sc.prefixed("5", None, "en") == "5"
