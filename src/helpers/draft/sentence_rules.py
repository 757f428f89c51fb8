"""What the rules of ``draft_rules.yml`` read around one number in its sentence: its kind, period, cut-off and
instrument (:func:`when`), its breakdown (:func:`breakdown`, :func:`item_label`), and the words of units and
breakdown labels a sentence may use. The proposing itself is :mod:`helpers.draft.propose`.
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

from helpers.draft.matching import Catalogue
from helpers.draft.segments import RULES, Sentence

_KINDS = [
    (re.compile(k["pattern"]), k["kind"], re.compile(k["with_right"]) if "with_right" in k else None)
    for k in RULES["kinds"]
]
_CLAUSE_CUT = re.compile(r"[;()]")
PERIODS = [{**p, "re": re.compile(p["pattern"])} for p in RULES["periods"]]
_AS_OF = [{**a, "re": re.compile(a["pattern"])} for a in RULES["as_of"]]
_INSTRUMENTS = [(re.compile(i["pattern"]), i["label"]) for i in RULES["instruments"]]
SEPARATORS = re.compile(RULES["item_separators"])
_JOINER = re.compile(RULES["label_list_joiner"])


def unit_words(units: pd.DataFrame) -> list[tuple[str, set[str]]]:
    words: dict[str, set[str]] = {}
    for unit, name in zip(units["unit"], units["name_vi"], strict=True):
        words.setdefault(name.lower(), set()).add(unit)
    for word, listed in RULES["unit_words"].items():
        words.setdefault(word.lower(), set()).update(listed)
    return sorted(words.items(), key=lambda w: -len(w[0]))


def breakdown_labels(labels: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(words, dimension, value) of every breakdown label, longest first."""
    out = [
        (lv.lower(), d, v) for d, v, lv in zip(labels["dimension"], labels["value"], labels["label_vi"], strict=True)
    ]
    return sorted(out, key=lambda x: -len(x[0]))


def when(left: str, right: str, s: Sentence, year: int, indicator: str, catalogue: Catalogue) -> dict[str, str]:
    """Kind, period, cut-off and instrument by the rules."""
    clause = _CLAUSE_CUT.split(left)[-1] if left else ""
    period, shift = year, False
    kind = next((k for rx, k, also in _KINDS if rx.search(clause) and (also is None or also.search(right))), "actual")
    for rule in PERIODS:
        m = rule["re"].search(left if rule["side"] == "left" else right)
        if m:
            period, shift = int(m[1]) + rule["offset"], bool(rule.get("shift_as_of"))
            break
    if s.goal_year is not None:
        kind, period = "target", s.goal_year
    if kind == "actual" and period > year:  # a result is published after its year: a later year's figure is a goal
        kind = "target"
    as_of = ""
    for rule in _AS_OF:
        if m := rule["re"].search(s.carried + " " + left):
            parts = dict(zip(rule["groups"], m.groups(), strict=True))
            y = int(parts.get("year") or period)
            month = int(parts["month"])
            day = int(parts.get("day") or calendar.monthrange(y, month)[1])
            as_of = f"{period if shift else y}-{month:02d}-{day:02d}"
            if not shift:
                period = y
            break
    instrument = ""
    if kind in ("target", "plan"):
        pct_of_plan = RULES["plan_when_catalogue_has"].format(indicator_id=indicator)
        if indicator and pct_of_plan in catalogue.units and catalogue.units[indicator] not in RULES["percent_units"]:
            kind = "plan"
        named = next(((label, m) for rx, label in _INSTRUMENTS if (m := rx.search(s.text))), None)
        instrument = named[0].format(*named[1].groups()) if named else RULES["default_instrument"].format(period=period)
    return {"kind": kind, "period": str(period), "as_of": as_of, "instrument": instrument}


def breakdown(text: str, m: re.Match[str], s: Sentence, indicator: str, catalogue: Catalogue, labels) -> str:
    """``dimension=value`` when a label of a dimension the indicator is broken down by shares the number's item."""
    if not indicator or not catalogue.dimensions.get(indicator):
        return ""
    pick = item_label(text, m, s, catalogue.dimensions[indicator], labels)
    return f"{pick[0]}={pick[1]}" if pick else ""


def item_label(
    text: str, m: re.Match[str], s: Sentence, dims: set[str], labels, before_only: bool = False
) -> tuple[str, str] | None:
    """The (dimension, value) of the breakdown label of ``dims`` in the number's item, if any."""
    body = text[s.start : s.end]
    low = body.lower()
    taken = [False] * len(low)
    found: list[tuple[int, int, str, str]] = []
    for words, dim, value in labels:
        if dim not in dims:
            continue
        for hit in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", low):
            if not any(taken[hit.start() : hit.end()]):
                taken[hit.start() : hit.end()] = [True] * (hit.end() - hit.start())
                found.append((hit.start(), hit.end(), dim, value))
    found.sort()
    listed = set()
    for a, b in zip(found, found[1:], strict=False):
        if a[2] == b[2] and _JOINER.match(low[a[1] : b[0]]):
            listed.update({a, b})
    found = [f for f in found if f not in listed]
    pos = m.start() - s.start
    cuts = [0, *[c.start() for c in SEPARATORS.finditer(body)], len(body)]
    lo = max(c for c in cuts if c <= pos)
    hi = min(c for c in cuts if c > pos) if any(c > pos for c in cuts) else len(body)
    before = [f for f in found if lo < f[1] <= pos]  # a label belongs to the item it ends in ("nhà nghỉ, nhà trọ")
    after = [f for f in found if pos < f[0] and f[1] <= hi]
    if before_only:  # a list's part: the label leads the number ("Hộ cận nghèo: 6.123", "khách sạn 236")
        # (or leads its pair "Hộ nghèo: 1.480 lượt hộ vay/73.607 triệu đồng")
        before = [f for f in before if re.fullmatch(r"\s*:?\s*(?:[\d.,]+ [^\d;,()/]{0,25}/)?", low[f[1] : pos])]
    pick = before[-1] if before else (after[0] if after and not before_only else None)
    return (pick[2], pick[3]) if pick else None
