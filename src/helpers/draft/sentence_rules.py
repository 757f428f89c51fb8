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
    (
        re.compile(k["pattern"]),
        k["kind"],
        re.compile(k["with_right"]) if "with_right" in k else None,
        re.compile(k["unless_right"]) if "unless_right" in k else None,
        bool(k.get("not_before_year")),
    )
    for k in RULES["kinds"]
]
_CLAUSE_CUT = re.compile(r"[;()]")
_SAID_TARGET = re.compile(RULES["target_said_by"])
_PART_IN_BRACKETS = re.compile(RULES["part_in_brackets"])
_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")
PERIODS = [{**p, "re": re.compile(p["pattern"])} for p in RULES["periods"]]
_AS_OF = [{**a, "re": re.compile(a["pattern"])} for a in RULES["as_of"]]
_INSTRUMENTS = [(re.compile(i["pattern"]), i["label"]) for i in RULES["instruments"]]
SEPARATORS = re.compile(RULES["item_separators"])
_JOINER = re.compile(RULES["label_list_joiner"])


_SYNONYMS = [
    (re.compile(r"(?<!\w)" + re.escape(k) + r"(?!\w)", re.IGNORECASE), v) for k, v in RULES["synonyms"].items()
]


def synonyms(text: str) -> str:
    """``text`` with the common terms of ``synonyms`` written as the catalogue words them, before matching."""
    for rx, words in _SYNONYMS:
        text = rx.sub(words, text)
    return text


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


def _kind(clause: str, right: str, year: int) -> str:
    for rx, kind, also, unless, not_before_year in _KINDS:
        m = rx.search(clause)
        if not m or (also is not None and not also.search(right)) or (unless is not None and unless.search(right)):
            continue
        if not_before_year and int(m[1]) < year:
            continue
        return kind
    return "actual"


def when(
    left: str, right: str, s: Sentence, year: int, indicator: str, catalogue: Catalogue, published: str = ""
) -> dict[str, str]:
    """Kind, period, cut-off and instrument by the rules; ``published`` is the text's date (``YYYY-MM…``) when
    known."""
    clause = _CLAUSE_CUT.split(left)[-1] if left else ""
    # A part in brackets ("xuống còn 36,91% (trong đó: tỷ lệ hộ nghèo là 24,91%") is of its whole's kind: the
    # words that say the kind are those of the clause before the bracket (less other brackets closed before it).
    if part := _PART_IN_BRACKETS.search(left):
        clause = _CLAUSE_CUT.split(_CLOSED_BRACKETS.sub(" ", left[: part.start()]))[-1]
    period, shift = year, False
    kind = _kind(clause, right, year)
    named = False
    for rule in PERIODS:
        m = rule["re"].search(left if rule["side"] == "left" else right)
        if m:
            period, shift = int(m[1]) + rule["offset"], bool(rule.get("shift_as_of"))
            named = True
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
            named = True
            break
    if not named and kind == "actual" and s.goal_year is None and _reports_year_before(published, year):
        period = year - 1
    instrument = ""
    if kind in ("target", "plan"):
        pct_of_plan = RULES["plan_when_catalogue_has"].format(indicator_id=indicator)
        said_target = kind == "target" and _SAID_TARGET.search(clause)
        if (
            indicator
            and pct_of_plan in catalogue.units
            and catalogue.units[indicator] not in RULES["percent_units"]
            and not said_target
        ):
            kind = "plan"
        named = next(((label, m) for rx, label in _INSTRUMENTS if (m := rx.search(s.text))), None)
        instrument = named[0].format(*named[1].groups()) if named else RULES["default_instrument"].format(period=period)
    return {"kind": kind, "period": str(period), "as_of": as_of, "instrument": instrument}


def _reports_year_before(published: str, year: int) -> bool:
    """A text published early in the draft's year reports the year before (``results_published_by_month``)."""
    m = re.match(r"((?:19|20)\d\d)-(\d\d)", published or "")
    return bool(m) and int(m[1]) == year and int(m[2]) <= RULES["results_published_by_month"]


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
