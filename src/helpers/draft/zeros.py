"""Zeros a report says in words: "chưa có người quản lý sau cai nghiện", "không còn các hộ …" is a figure of value 0
that no number token shows. The zero words are the printed grammar's (``helpers.data.printed.ZERO_WORDS``); the
indicator is placed on the catalogue from the words after them (:mod:`helpers.draft.matching`), and nothing is
drafted where the catalogue cannot place them; a clause listing places before the words ("riêng huyện A, B và thị
xã C chưa có …") gives one row per place. :func:`zeros_in_words` returns the rows with their offsets, which
:func:`helpers.draft.propose.draft_text` puts in text order among the numbers' rows.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.data.printed import ZERO_WORDS
from helpers.draft import sentence_rules as rules
from helpers.draft.matching import Catalogue, alternatives_cell, near_words, without_asides
from helpers.draft.segments import RULES, Sentence, sentence_at

_ZERO_WORDS = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(z) for z in sorted(ZERO_WORDS, key=len, reverse=True)) + r")(?!\w)"
)
_ZERO_CLAUSE = re.compile(r"[;()]|\d")  # the places a zero lists follow the last number before it


def zeros_in_words(
    text: str,
    found: list[Sentence],
    year: int,
    source_id: str,
    catalogue: Catalogue,
    labels: pd.DataFrame,
    published: str,
) -> list[tuple[int, dict[str, str]]]:
    """A zero the printed grammar reads in words ("chưa có người quản lý sau cai nghiện", "không còn các hộ …") is a
    figure no number token shows: proposed with value 0, its indicator from the words after it, one row per place
    the clause before it lists ("riêng huyện A, B và thị xã C chưa có …": three)."""
    out = []
    for m in _ZERO_WORDS.finditer(text):
        s = sentence_at(found, m.start())
        if s is None:
            continue
        left, right = text[s.start : m.start()], text[m.end() : s.end]
        after = " ".join(rules.SEPARATORS.split(right)[0].split()[:12])
        near = near_words(without_asides(left), 6) + " " + after
        ranked = catalogue.rank(near, f"{s.heading} {s.carried} {left} {after}", None, after=after)
        best = ranked[0] if ranked else ("", 0.0)
        if (
            best[1] < RULES["new_indicator_below"]
            or catalogue.shared_phrases(best[0], near) < RULES["new_indicator_phrases"]
        ):
            continue  # words the catalogue cannot place ("không còn khả năng …"): no figure is drafted from them
        indicator = best[0]
        clause = _ZERO_CLAUSE.split(left)[-1].lower()
        places = []
        for dim, value in zip(labels["dimension"], labels["value"], strict=True):
            if dim in catalogue.dimensions.get(indicator, set()):
                hit = re.search(r"(?<!\w)" + re.escape(str(value).lower()) + r"(?!\w)", clause)
                if hit:
                    places.append((hit.start(), f"{dim}={value}"))
        when = rules.when(left, right, s, year, indicator, catalogue, published)
        for _, breakdown in sorted(places) or [(0, "")]:
            row = {
                "decision": "",
                "printed": m.group(),
                "value": "0",
                "source_id": source_id,
                "locator": s.locator,
                "sentence": " ".join((s.carried + " … " + s.text if s.carried else s.text).split()),
                "indicator_id": indicator,
                "breakdown": breakdown,
                "confidence": f"{min(best[1], 90) / 100:.2f}",  # words, not a number: never quite sure
                "alternatives": alternatives_cell(ranked[1:4]),
                "text_line": str(text.count("\n", 0, m.start()) + 1),
                **when,
            }
            out.append((m.start(), row))
    return out
