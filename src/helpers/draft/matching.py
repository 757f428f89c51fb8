"""Placing a number's words on the catalogue: which indicator of data/indicators.csv a sentence speaks of.

Each indicator is known by its Vietnamese name and by how earlier years' figures of it were worded (the quotes of
their locators and notes, numbers taken out). A number's words (the text before it in its sentence, what it
carries over, and the few words after it) are compared with every wording by rapidfuzz's ``token_set_ratio``
(a well-kept C++ matcher that scores how much of a wording's words the sentence holds, whatever their order): once
on the words nearest the number, once on the whole sentence, the nearer counting more. The unit the words after
the number name (``draft_rules.yml``, ``unit_words``) narrows the indicators to those of that unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, utils

QUOTE = re.compile(r"quote: \"(.*)\"$|\"([^\"]{8,})\"")
DIGITS = re.compile(r"\d+(?:[.,]\d+)*%?")
NEAR_WORDS = 14
SHARED_WORD_BONUS = 1.5
UNIT_BONUS = 15
AFTER_WEIGHT = 0.3
ORDER_BONUS = 10


@dataclass
class Catalogue:
    """The indicators a draft can propose, with their units, breakdown dimensions and wordings."""

    units: dict[str, str]
    dimensions: dict[str, set[str]]
    wordings: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, indicators: pd.DataFrame, learned: pd.DataFrame | None = None) -> Catalogue:
        """From the catalogue and the figures of earlier years (their locators and notes, their breakdowns)."""
        units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
        dims = {
            i: {d for d in str(c).split(";") if d}
            for i, c in zip(indicators["indicator_id"], indicators["complete_breakdowns"], strict=True)
        }
        wordings = {
            i: [utils.default_process(n)]
            for i, n in zip(indicators["indicator_id"], indicators["name_vi"], strict=True)
        }
        if learned is not None:
            for row in learned.itertuples():
                if row.indicator_id not in units:
                    continue
                if row.breakdown:
                    dims[row.indicator_id].add(str(row.breakdown).split("=")[0])
                for cell in (str(row.locator), str(row.note)):
                    for m in QUOTE.finditer(cell):
                        words = utils.default_process(DIGITS.sub(" ", m[1] or m[2]))
                        if len(words.split()) >= 5 and words not in wordings[row.indicator_id]:
                            wordings[row.indicator_id].append(words)
        return cls(units, dims, wordings)

    def shared_phrases(self, indicator: str, near: str) -> int:
        """How many two-word phrases of the indicator's closest wording the number's near words hold (a Vietnamese
        word is often two syllables: "quan hệ" and "quan trắc" share a syllable, not a word)."""
        phrases = _pairs(utils.default_process(near))
        return max((len(phrases & _pairs(w)) for w in self.wordings.get(indicator, [])), default=0)

    def rank(
        self,
        near: str,
        whole: str,
        units: set[str] | None,
        preferred: set[str] | None = None,
        after: str = "",
        favoured: str = "",
        only: set[str] | None = None,
    ) -> list[tuple[str, float]]:
        """Indicators by score for a number with ``near`` and ``whole`` words, best first: only those of ``units``
        when given, and those of the ``preferred`` units (the unit word after the number) count more. ``after`` are
        the words right after the number ("20 cán bộ đi B"): the noun a Vietnamese count is followed by names what
        it counts, so they count again. ``favoured`` is an indicator the sentence's order points to (see
        ``propose``), which gets a small bonus; ``only``, when given, are the indicators that may be ranked at all."""
        near_p = utils.default_process(near)
        whole_p = utils.default_process(whole)
        near_set = set(near_p.split())
        after_set = set(utils.default_process(after).split()) if len(after.split()) >= 3 else set()
        scored = []
        for indicator, wordings in self.wordings.items():
            if units is not None and self.units[indicator] not in units:
                continue
            if only is not None and indicator not in only:
                continue
            # token_set_ratio is 100 for any wording whose words the text all holds, so a short wording ("số trẻ
            # em") ties with a longer one the text also holds; the words a wording shares with the number's near
            # words break the tie toward the more specific wording.
            score = max(
                0.6 * fuzz.token_set_ratio(w, near_p)
                + 0.4 * fuzz.token_set_ratio(w, whole_p)
                + SHARED_WORD_BONUS * min(len(set(w.split()) & near_set), 10)
                + AFTER_WEIGHT * _covered(after_set, w)
                for w in wordings
            )
            score += UNIT_BONUS if preferred and self.units[indicator] in preferred else 0
            score += ORDER_BONUS if indicator == favoured else 0
            # A tie (two indicators whose wordings the words hold alike) goes to the one whose own catalogue name is
            # nearest the near words (the share of the words of both that they have in common, as token_set_ratio
            # scores any name whose words the text holds at 100), then by id, never by the catalogue's row order.
            name = set(wordings[0].split())
            nearest = len(name & near_set) / len(name | near_set) if name | near_set else 0.0
            scored.append((indicator, round(score, 1), nearest))
        return [(i, s) for i, s, _ in sorted(scored, key=lambda s: (-s[1], -s[2], s[0]))]


def _pairs(text: str) -> set[tuple[str, str]]:
    words = text.split()
    return set(zip(words, words[1:], strict=False))


def _covered(words: set[str], wording: str) -> float:
    """The share (0–100) of ``words`` the wording holds: a plain set overlap, the words after a number being few."""
    return 100 * len(words & set(wording.split())) / len(words) if words else 0.0


def near_words(text: str, n: int = NEAR_WORDS) -> str:
    """The last ``n`` words of ``text``."""
    return " ".join(text.split()[-n:])
