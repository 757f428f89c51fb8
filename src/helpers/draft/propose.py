"""The draft: every number token of a report proposed as a figures row, or passed over with its reason.

The tokens are the audit's (``helpers.data.audit.number_tokens``: its tokenizer and its skip rules, whose reasons
the sheet repeats); a print is read by the printed grammar (``helpers.data.printed``), so a proposal's value is
always the print's own reading. Kinds, periods, cut-offs, instruments, units and breakdowns come from the rules of
``draft_rules.yml``, read around each number by ``sentence_rules``; the indicator from ``matching``. Nothing here
writes to data/.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from helpers.data import contract
from helpers.data.audit import number_tokens
from helpers.data.loading import figures_files, load_reference, read_figures_file
from helpers.data.printed import (
    MULTIPLIERS,
    NEGATING_QUALIFIERS,
    QUALIFIERS,
    VI_NUMBER,
    ZERO_WORDS,
    parse_printed,
    read_vi_number,
)
from helpers.draft import sentence_rules as rules
from helpers.draft.matching import Catalogue, near_words
from helpers.draft.segments import RULES, Sentence, sentence_at, sentences

EXTRA_COLUMNS = [
    "confidence",
    "alternatives",
    "new_indicator_name_vi",
    "new_indicator_unit",
    "sentence",
    "text_line",
    "passed_over",
]
SHEET_COLUMNS = ["decision", *contract.FIGURES_COLUMNS, *EXTRA_COLUMNS]
DECISIONS = ("", "accepted", "corrected", "rejected")

_QUALIFIER_AT_END = re.compile(
    r"(?:^|(?<=[\s(:]))(?P<q>" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r") ?$"
)
_RANGE_AFTER = re.compile(rf"^(?P<dash> ?[-–] ?)(?P<second>{VI_NUMBER})(?P<pct>%?)")
# A multiplier word of the printed grammar right after the number ("trên 23 nghìn suất quà" is 23000), unless a unit
# word starting with it follows ("149 tỷ đồng", "1,2 triệu người": the unit names the multiplier and the grammar takes
# the number without the word).
_MULTIPLIER_AFTER = re.compile(
    r"^ (?P<word>" + "|".join(re.escape(w) for w in sorted(MULTIPLIERS, key=len, reverse=True)) + r")(?!\w)"
)
_RESTATED = re.compile(r"[^;()]*\(\s*")  # from the previous figure to an opening bracket, no other bracket or ';'

_PAIR_FIRST = re.compile(RULES["pair"]["first"])
_PAIR_SECOND = re.compile(RULES["pair"]["second"])
_CHANGE = re.compile(RULES["change_words"])
_CHANGE_FROM = re.compile(RULES["change_from"]["pattern"])
_CHANGE_FROM_UNLESS = re.compile(RULES["change_from"]["unless_right"])
_PERCENT_HEADER = re.compile(RULES["percent_header"])
_PER_YEAR_RIGHT = re.compile(RULES["per_year"]["right"])
_PER_YEAR_LEFT = re.compile(RULES["per_year"]["left"])
_PER_YEAR_NAME = re.compile(RULES["per_year"]["names"])
_FALL_NAME = re.compile(RULES["fall_named_by"])
_THOUSANDS = re.compile(RULES["count_not_heading"]["number"])
_ZERO_WORDS = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(z) for z in sorted(ZERO_WORDS, key=len, reverse=True)) + r")(?!\w)"
)
_ZERO_CLAUSE = re.compile(r"[;()]|\d")  # the places a zero lists follow the last number before it
_BRACKETED = re.compile(r"\([^()]*\)")
DIGITS_RE = re.compile(r"\d+(?:[.,/]\d+)*%?")
_PASS_OVER = {name: (re.compile(r["pattern"]), r["reason"]) for name, r in RULES["pass_over"].items() if r["pattern"]}
RANGE_END_REASON = RULES["pass_over"]["range_end"]["reason"]
UNREADABLE_REASON = RULES["pass_over"]["unreadable"]["reason"]
OUTSIDE_REASON = RULES["pass_over"]["outside"]["reason"]


@dataclass(frozen=True)
class Head:
    """A proposal a later number of a list can take its indicator from: where it is and what it counts."""

    start: int
    sentence: Sentence
    indicator: str
    units: frozenset[str] | None
    when: tuple[tuple[str, str], ...] = ()  # its kind, period, as_of and instrument


@dataclass(frozen=True)
class Draft:
    """A draft's review sheet (one row per number token, proposed or passed over) and how it was made."""

    sheet: pd.DataFrame
    year: int

    @property
    def proposals(self) -> pd.DataFrame:
        return self.sheet[self.sheet["passed_over"] == ""]

    @property
    def passed_over(self) -> pd.DataFrame:
        return self.sheet[self.sheet["passed_over"] != ""]


def learned_figures(
    data_dir: Path | None = None, hide_years: tuple[int, ...] = (), hide_sources: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The earlier figures a draft learns wordings from: every figures file but ``hide_years``, less
    ``hide_sources``."""
    ref = load_reference(data_dir)
    frames = [read_figures_file(p, ref) for y, p in sorted(figures_files(data_dir).items()) if y not in hide_years]
    if not frames:
        return pd.DataFrame(columns=contract.FIGURES_COLUMNS)
    learned = pd.concat(frames, ignore_index=True)
    return learned[~learned["source_id"].isin(hide_sources)]


def draft_text(
    text: str,
    year: int,
    data_dir: Path | None = None,
    source_id: str = "",
    learned: pd.DataFrame | None = None,
    published: str | None = None,
) -> Draft:
    """Draft the figures of ``text``, a report of ``year``: a sheet row for every number token. ``published`` is
    the text's date (``YYYY-MM…``), by default its source's in data/sources.csv."""
    ref = load_reference(data_dir)
    if published is None:
        dates = dict(zip(ref.sources["source_id"], ref.sources["published"], strict=True))
        published = str(dates.get(source_id, "") or "")
    if learned is None:
        learned = learned_figures(data_dir)
    catalogue = Catalogue.build(ref.indicators, learned)
    unit_words = rules.unit_words(ref.units)
    labels = rules.breakdown_labels(ref.labels)
    found = sentences(text)
    tokens = number_tokens(text)
    extra_spans = [(m.start(), m.end(), reason) for rx, reason in _PASS_OVER.values() for m in rx.finditer(text)]
    consumed: set[int] = set()
    heads: list[Head] = []
    rows: list[dict[str, str]] = []
    offsets: list[int] = []
    for m, skip in tokens:
        offsets.append(m.start())
        line = str(text.count("\n", 0, m.start()) + 1)
        sentence = sentence_at(found, m.start())
        where = sentence.locator if sentence else ""
        context = " ".join(text[max(0, m.start() - 60) : m.end() + 60].split())
        not_heading = skip is not None and skip.name in RULES["count_not_heading"]["rules"]
        if not_heading and _count_at_line_start(m, text, unit_words):
            skip = None
        reason = skip.reason if skip else next((r for s, e, r in extra_spans if s <= m.start() and m.end() <= e), None)
        if m.start() in consumed:
            reason = RANGE_END_REASON
        if not reason and parse_printed(m.group()) is None:
            reason = UNREADABLE_REASON
        if reason or sentence is None:
            rows.append(_passed(m.group(), line, where, context, reason or OUTSIDE_REASON))
            continue
        at = found.index(sentence)
        following = found[at + 1] if at + 1 < len(found) else None
        row, second, head = _propose(
            text, m, sentence, year, source_id, catalogue, unit_words, labels, tokens, heads, following, published
        )
        heads.append(head)
        if second is not None:
            consumed.add(second)
        rows.append({**row, "text_line": line})
    for at, row in _zeros_in_words(text, found, year, source_id, catalogue, ref.labels, published):
        offsets.append(at)
        rows.append(row)
    rows = [r for _, r in sorted(zip(offsets, rows, strict=True), key=lambda x: x[0])]  # stable: text order
    sheet = pd.DataFrame.from_records(rows, columns=SHEET_COLUMNS).astype(object).fillna("").astype(str)
    return Draft(sheet, year)


def _zeros_in_words(
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
    the clause before it lists ("riêng huyện Nam Đông, Quảng Điền và thị xã Hương Trà chưa có …": three)."""
    out = []
    for m in _ZERO_WORDS.finditer(text):
        s = sentence_at(found, m.start())
        if s is None:
            continue
        left, right = text[s.start : m.start()], text[m.end() : s.end]
        after = " ".join(rules.SEPARATORS.split(right)[0].split()[:12])
        near = near_words(DIGITS_RE.sub(" ", _BRACKETED.sub(" ", left)), 6) + " " + after
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
                "alternatives": _alternatives(ranked[1:4]),
                "text_line": str(text.count("\n", 0, m.start()) + 1),
                **when,
            }
            out.append((m.start(), row))
    return out


def _count_at_line_start(m: re.Match[str], text: str, unit_words: list[tuple[str, set[str]]]) -> bool:
    """ "2.000 lao động được đưa đi …" at a line's start is a count, not a heading "2.1." (draft_rules.yml,
    ``count_not_heading``): thousands groups followed by a unit word."""
    if not _THOUSANDS.fullmatch(m.group()):
        return False
    after = text[m.end() : m.end() + 40].lstrip().lower()
    return text[m.end() : m.end() + 1] == " " and any(
        after.startswith(w) and not after[len(w) : len(w) + 1].isalpha() for w, _ in unit_words
    )


def _passed(token: str, line: str, where: str, context: str, reason: str) -> dict[str, str]:
    return {"printed": token, "locator": where, "sentence": context, "text_line": line, "passed_over": reason}


def _propose(
    text: str,
    m: re.Match[str],
    s: Sentence,
    year: int,
    source_id: str,
    catalogue: Catalogue,
    unit_words: list[tuple[str, set[str]]],
    labels: list[tuple[str, str, str]],
    tokens: list,
    heads: list[Head],
    following: Sentence | None = None,
    published: str = "",
) -> tuple[dict[str, str], int | None, Head]:
    left = text[s.start : m.start()]
    right = text[m.end() : s.end]
    if following is not None and following.carried == s.text:
        right += " " + following.text  # a page break cut the sentence after the number ("25.570 triệu | đồng")
    # The print: a qualifier of the grammar just before, a range's second end and a '%' just after.
    q = _QUALIFIER_AT_END.search(left)
    printed = m.group()
    second_at = None
    if r := _RANGE_AFTER.match(right):
        second_at = m.end() + r.start("second")
        if any(t.start() == second_at and skip is None for t, skip in tokens):
            printed += r["dash"] + r["second"] + r["pct"]
            right = right[r.end() :]
        else:
            second_at = None
    elif right.startswith("%"):
        printed += "%"
        right = right[1:]
    x = _MULTIPLIER_AFTER.match(right)
    if x and not printed.endswith("%") and not any(right[1:].lower().startswith(w) for w, _ in unit_words):
        printed += x.group()
        right = right[x.end() :]
    if q:
        printed = f"{q['q']} {printed}" if q["q"] not in "<>" else f"{q['q']}{printed}"
    parsed = parse_printed(printed)
    if parsed is None:  # a qualifier the grammar cannot join: the bare number
        printed, parsed = m.group(), parse_printed(m.group())
    value, low, high = _reading(parsed)
    # The unit named after the number.
    after = re.sub(r"^/\d+", "", right).lstrip().lower()
    # A unit word ("người", "triệu đồng") prefers the indicators of its units; '%' and a change word ("giảm",
    # "tăng", "vượt") decide them.
    named = next((u for w, u in unit_words if after.startswith(w) and not after[len(w) : len(w) + 1].isalpha()), None)
    units = None
    if parsed.percent or _PERCENT_HEADER.search(left):
        units = set(RULES["percent_units"])
    # "giảm từ 0,8-1%" is a change by that much; "giảm từ 52,9% … xuống còn 36,91%" starts from a level.
    change_from = bool(_CHANGE_FROM.search(left)) and not _CHANGE_FROM_UNLESS.match(right)
    said_change = _CHANGE.search(left[: q.start()] if q else left) or (q and _CHANGE.search(q["q"])) or change_from
    if units is not None and not said_change:
        units = units - {"percentage_points"}
    if (q and _CHANGE.search(q["q"])) or _CHANGE.search(left) or change_from:
        changes = {
            u
            for u in (units or named or set(catalogue.units.values()))
            if u.endswith("_change") or u == "percentage_points"
        }
        units = changes or units
    # The words nearest the number: before it, less parenthesised asides and other numbers ("cho 72.219 lượt hộ
    # nghèo (…) với kinh phí 60.447" speaks of what comes before the brackets); after it, up to the item's end.
    before = DIGITS_RE.sub(" ", _BRACKETED.sub(" ", left))
    after_words = re.split(r"\d", rules.SEPARATORS.split(re.sub(r"^\s*/\s*\d+", "", right))[0])[0].split()[:10]
    near = near_words(before) + " " + " ".join(after_words)
    # "giảm còn 3,56% vào cuối năm 2022 (11.735 hộ)": a number in brackets right after a figure restates it in
    # another unit, at the same time and of the same kind (unless the brackets follow "so với năm …"); it speaks of
    # what that figure's indicator names, so the indicator's name counts among its near words.
    restated = None
    if not any(r.get("level") and r["re"].search(left) for r in rules.PERIODS):
        restated = next((h for h in reversed(heads) if h.sentence is s and h.start < m.start()), None)
        if restated is not None and not _RESTATED.fullmatch(text[restated.start : m.start()]):
            restated = None
    if restated is not None and restated.indicator:
        near = catalogue.wordings[restated.indicator][0] + " " + near
    whole = f"{s.heading} {s.carried} {left} {' '.join(right.split()[:10])}"
    # A number followed by a count's noun ("05 Nghị quyết", "17.034 người") is no percentage.
    if named and not parsed.percent and not named & set(RULES["percent_units"]):
        units = {u for u in (units or set(catalogue.units.values())) if u not in RULES["percent_units"]}
    # A number in brackets after "so với năm 2022 (" is that year's level, not a change.
    if any(r.get("level") and r["re"].search(left) for r in rules.PERIODS):
        units = {u for u in (units or set(catalogue.units.values())) if not _is_change(u)}
    favoured = _amount_of_count(named, m, s, heads, catalogue)
    after_text = " ".join(after_words)
    near, whole, after_text = rules.synonyms(near), rules.synonyms(whole), rules.synonyms(after_text)
    # A yearly average ("lao động/năm", "bình quân mỗi năm giảm …") is ranked among the indicators whose name says
    # so; with none, no indicator is near enough and a new catalogue row is proposed.
    per_year = bool(_PER_YEAR_RIGHT.match(right) or _PER_YEAR_LEFT.search(left))
    only = {i for i, w in catalogue.wordings.items() if _PER_YEAR_NAME.search(w[0])} if per_year else None
    ranked = catalogue.rank(near, whole, units, preferred=named, after=after_text, favoured=favoured, only=only)
    if not ranked and units is not None and not per_year:
        ranked = catalogue.rank(near, whole, None, preferred=named, after=after_text, favoured=favoured)
    best = ranked[0] if ranked else ("", 0.0)
    # "17/17 chỉ tiêu", "04/04 chỉ tiêu": a part over its whole. Of the two best indicators of one unit, the part is
    # the one with the longer name (the whole's name and what the part achieved), the whole the shorter.
    first_of_pair, second_of_pair = bool(_PAIR_FIRST.match(right)), bool(_PAIR_SECOND.search(left))
    if ranked and (first_of_pair or second_of_pair):
        two = [r for r in ranked if catalogue.units[r[0]] == catalogue.units[best[0]]][:2]
        if len(two) == 2:
            two.sort(key=lambda r: -len(catalogue.wordings[r[0]][0]))
            best = two[0] if first_of_pair else two[1]
            ranked = [best, *[r for r in ranked if r != best]]
    # A part of a list ("trong đó: Hộ nghèo: 1.480 lượt hộ vay/73.607 triệu đồng", a footnote's "bar: 2, khách sạn
    # 236") counts what the list's total counts: it takes the indicator of the nearest earlier number of its
    # sentence (or of the sentence its footnote mark ends) that is broken down by the label's dimension and
    # counts in the same unit.
    inherited = None
    if rules.item_label(text, m, s, set().union(*catalogue.dimensions.values()), labels):
        for h in reversed(heads):
            same_sentence = h.sentence is s and h.start < m.start()
            # Across sentences of a paragraph, only a part whose label leads it ("; Hộ cận nghèo: 6.123 …") is a
            # list's part; "… cho 10.000 lượt hộ nghèo" describes its own figure.
            same_list = (bool(set(h.sentence.paragraphs) & set(s.paragraphs)) and h.start < m.start()) or (
                s.carried and h.sentence.text.startswith(s.carried)
            )
            if not (same_sentence or same_list) or not h.indicator or not catalogue.dimensions.get(h.indicator):
                continue
            dims = catalogue.dimensions[h.indicator]
            if not rules.item_label(text, m, s, dims, labels, before_only=not same_sentence):
                continue
            # Same kind of unit: money with money, counts with counts ("66 trường hợp (trong đó: … 27 người").
            if named is None or (h.units is not None and bool(named & MONEY_UNITS) == bool(h.units & MONEY_UNITS)):
                inherited = h.indicator
                break
    row = {
        "decision": "",
        "printed": printed,
        "value": value,
        "low": low,
        "high": high,
        "source_id": source_id,
        "locator": s.locator,
        "note": (
            f"Ambiguous: '{printed}' reads as {value} in Vietnamese style; a comma may stand where the thousands "
            "dot belongs, so check the reading against the amount's size"
            if parsed.alternative_readings()
            else ""
        ),
        "sentence": " ".join((s.carried + " … " + s.text if s.carried else s.text).split()),
    }
    if inherited:
        indicator = inherited
        row.update(
            indicator_id=indicator,
            confidence=f"{min(best[1], 90) / 100:.2f}",  # it rests on the list's shape: never quite sure
            alternatives=_alternatives([r for r in ranked if r[0] != indicator][:3]),
        )
    elif (
        best[1] < RULES["new_indicator_below"]
        or catalogue.shared_phrases(best[0], near) < RULES["new_indicator_phrases"]
    ):
        row.update(
            indicator_id="",
            new_indicator_name_vi=near_words(left, 8).strip(" :;,(-"),
            new_indicator_unit=";".join(sorted(units)) if units else "",
            confidence=f"{best[1] / 100:.2f}",
            alternatives=_alternatives(ranked[:3]),
        )
        indicator = ""
    else:
        indicator = best[0]
        margin = best[1] - (ranked[1][1] if len(ranked) > 1 else 0)
        row.update(
            indicator_id=indicator,
            confidence=f"{max(0, min(best[1], 50 + margin * 5, 100)) / 100:.2f}",
            alternatives=_alternatives(ranked[1:4]),
        )
    # "bình quân mỗi năm giảm 4,51%" of "Mức giảm tỷ lệ hộ nghèo bình quân …": the indicator's name holds the fall
    # (draft_rules.yml, `fall_named_by`), so the figure is the size of the fall, printed without the word.
    if indicator and q and q["q"] in NEGATING_QUALIFIERS and _FALL_NAME.search(catalogue.wordings[indicator][0]):
        bare = parse_printed(printed[len(q["q"]) :].strip())
        if bare is not None:
            row["printed"] = printed[len(q["q"]) :].strip()
            row["value"], row["low"], row["high"] = _reading(bare)
    when = rules.when(left, right, s, year, indicator, catalogue, published)
    if restated is not None:
        when = {**when, **dict(restated.when)}
        if when["kind"] in ("actual", "estimate"):
            when["instrument"] = ""
    row.update(when)
    row["breakdown"] = rules.breakdown(text, m, s, indicator, catalogue, labels)
    head = Head(m.start(), s, indicator, frozenset(named) if named else None, tuple(when.items()))
    return row, second_at, head


def _reading(parsed) -> tuple[str, str, str]:
    """A print's value, low and high as the figures file writes them (a range's value is its upper end)."""
    if parsed.is_range:
        ends = [(-1 if parsed.qualifier in NEGATING_QUALIFIERS else 1) * read_vi_number(n) for n in parsed.numbers]
        return _plain(ends[1]), _plain(ends[0]), _plain(ends[1])
    return _plain(sorted(parsed.readings())[0]), "", ""


def _is_change(unit: str) -> bool:
    return unit.endswith("_change") or unit == "percentage_points"


MONEY_UNITS = frozenset(RULES["money_units"])


def _amount_of_count(named, m: re.Match[str], s: Sentence, heads: list[Head], catalogue: Catalogue) -> str:
    """An amount of money printed after a count in the same sentence ("… 62.513 suất quà … với tổng kinh phí hơn
    18,173 triệu đồng") is usually what that count cost: the money indicator whose id shares the longest stem with
    the count's (``july27_gifts`` → ``july27_gifts_amount``), if any shares at least its first word."""
    if not named or not (named & MONEY_UNITS):
        return ""
    count = next(
        (h for h in reversed(heads) if h.sentence is s and h.indicator and not (h.units and h.units & MONEY_UNITS)),
        None,
    )
    if count is None:
        return ""
    stem = count.indicator.split("_")
    best, length = "", 0
    for indicator, unit in catalogue.units.items():
        if unit not in named:
            continue
        parts = indicator.split("_")
        shared = next(
            (i for i, (a, b) in enumerate(zip(stem, parts, strict=False)) if a != b), min(len(stem), len(parts))
        )
        if shared > length:
            best, length = indicator, shared
    return best


def _alternatives(ranked: list[tuple[str, float]]) -> str:
    return "; ".join(f"{i} ({score:.0f})" for i, score in ranked)


def _plain(number: Decimal) -> str:
    """A value as the figures file writes it: dot decimal, no exponent, no trailing zeros."""
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def write_sheet(draft: Draft, path: Path) -> Path:
    """Write the review sheet as CSV UTF-8 (no byte-order mark), every cell quoted where needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    draft.sheet.to_csv(out, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def draft_report(report: Path, year: int, data_dir: Path | None = None, source_id: str | None = None) -> Draft:
    """Draft the figures of the report file ``report`` (.txt, .docx or .pdf) for ``year``.

    ``source_id`` defaults to the year's report in data/reports.csv, else is left for the analyst to fill in.
    """
    from helpers.draft.reading import read_report

    if source_id is None:
        reports = load_reference(data_dir).reports
        listed = reports.loc[reports["year"] == str(year), "source_id"]
        source_id = listed.iloc[0] if len(listed) else ""
    return draft_text(read_report(report), year, data_dir=data_dir, source_id=source_id)


def default_sheet_path(year: int) -> Path:
    """Where a draft's review sheet goes by default: outputs/drafts/<year>-draft.csv, never inside data/."""
    from helpers.paths import outputs_dir

    return outputs_dir() / "drafts" / f"{year}-draft.csv"
