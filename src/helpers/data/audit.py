"""The transcription audit: does a year's data hold every number its report prints?

Every number token in the report's text is either passed over by one of the
explicit rules below (dates, years, legal document numbers, heading numbers…)
or must be held by a figure whose ``printed`` carries the same token, as often
as the text prints it. The other way round, every token of a ``printed`` cell
must be found in the text. The rules are code so that changing them is
reviewed like code; each says why the numbers it passes over are not figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from helpers.data.loading import figures_files, load_reference, read_figures_file
from helpers.errors import UsageError
from helpers.paths import display_path

NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class SkipRule:
    """Numbers inside a match of ``pattern`` are not figures, for ``reason``."""

    name: str
    pattern: re.Pattern[str]
    reason: str


def _skip_rules() -> tuple[SkipRule, ...]:
    """The rules of ``audit_skip_rules.yml`` beside this module, in its order."""
    rules = yaml.safe_load(SKIP_RULES_FILE.read_text(encoding="utf-8"))
    return tuple(SkipRule(name, re.compile(r["pattern"]), r["reason"]) for name, r in rules.items())


# Patterns of the report's text that hold digits but no figure: regular expressions with their reasons, in a file
# that reads as a table (name, pattern, reason), so that a rule is reviewed beside the reason it is there.
SKIP_RULES_FILE = Path(__file__).with_name("audit_skip_rules.yml")
SKIP_RULES: tuple[SkipRule, ...] = _skip_rules()


@dataclass(frozen=True)
class Occurrence:
    """A number token at a place in the text."""

    token: str
    line: int
    context: str


@dataclass
class AuditResult:
    """What the audit found: uncaptured numbers, unfound prints, and what the rules passed over."""

    source_id: str
    numbers_in_text: int
    matched: int
    skipped: Counter = field(default_factory=Counter)
    uncaptured: list[tuple[str, int, int, list[Occurrence]]] = field(
        default_factory=list
    )  # token, in text, held, where
    unfound: list[tuple[str, int, int, list[str]]] = field(default_factory=list)  # token, held, in text, rows

    @property
    def ok(self) -> bool:
        return not self.uncaptured and not self.unfound


def number_tokens(text: str) -> list[tuple[re.Match[str], SkipRule | None]]:
    """Every number token of ``text``, in order, with the rule that passes it over (None for a figure)."""
    skipped_spans: list[tuple[int, int, SkipRule]] = []
    for rule in SKIP_RULES:
        skipped_spans += [(m.start(), m.end(), rule) for m in rule.pattern.finditer(text)]
    return [
        (m, next((rule for s, e, rule in skipped_spans if s <= m.start() and m.end() <= e), None))
        for m in NUMBER_TOKEN.finditer(text)
    ]


def number_occurrences(text: str) -> tuple[list[Occurrence], Counter]:
    """The number tokens of ``text`` that are figures, and how many each rule passed over."""
    kept: list[Occurrence] = []
    skipped: Counter = Counter()
    for m, skip in number_tokens(text):
        rule = skip.name if skip else None
        if rule:
            skipped[rule] += 1
            continue
        line = text.count("\n", 0, m.start()) + 1
        context = text[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
        kept.append(Occurrence(m.group(), line, context))
    return kept, skipped


ALSO_PRINTED = "; also "


def printed_tokens(printed: str) -> list[str]:
    """The number tokens of a ``printed`` cell ("chưa có" has none)."""
    return NUMBER_TOKEN.findall(printed)


def main_source(figures: pd.DataFrame) -> str:
    """The source a year's file mostly transcribes: the year's report."""
    return figures["source_id"].value_counts().sort_index().idxmax()


SAVE_AS_UTF8 = "save the report as UTF-8 text and audit again"


def read_report(path: Path) -> str:
    """The text of the report file ``path``, refused in one sentence unless it is a readable UTF-8 text file.

    A UTF-8 byte-order mark is dropped; UTF-16 (what Word's and Notepad's "Unicode" give), a binary file, a
    folder, a missing or unreadable file are each named as such.
    """
    shown = display_path(path)
    if path.is_dir():
        raise UsageError(f"{shown} is a folder, not a report; give --report the report's text file.")
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"There is no file {shown}; give --report the report's text file.") from None
    except OSError as exc:
        raise UsageError(f"{shown} cannot be read ({(exc.strerror or str(exc)).lower()}).") from None
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or (content[:2].count(b"\0") == 1 and len(content) % 2 == 0):
        raise UsageError(f"{shown} is UTF-16 text, not UTF-8; {SAVE_AS_UTF8}.")
    nul = content.find(b"\0")
    if nul >= 0:
        raise UsageError(f"{shown} is not a text file (it holds a zero byte at byte {nul}); {SAVE_AS_UTF8}.")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{shown} is not UTF-8 text (byte 0x{content[exc.start]:02x} at byte {exc.start} is not UTF-8); "
            f"{SAVE_AS_UTF8}."
        ) from None


def audit_report(
    year: int, report: Path, data_dir: Path | None = None, source_id: str | None = None, text: str | None = None
) -> AuditResult:
    """Compare the numbers of ``report`` with the ``printed`` figures of ``data/figures/<year>.csv``.

    Only rows from ``source_id`` (default: the source with most rows in the
    file) are compared, since the file also holds figures from other sources.
    ``text``, when given, is the report's text already read (from a .docx or .pdf by ``helpers.draft``).
    """
    text = read_report(Path(report)) if text is None else text
    files = figures_files(data_dir)
    if year not in files:
        from helpers.errors import MissingYearError

        raise MissingYearError(year, sorted(files), "data/figures")
    figures = read_figures_file(files[year], load_reference(data_dir))
    source_id = source_id or main_source(figures)
    rows = figures[figures["source_id"] == source_id]
    occurrences, skipped = number_occurrences(text)
    in_text = Counter(o.token for o in occurrences)
    held: Counter = Counter()
    held_rows: dict[str, list[str]] = {}
    for row in rows.itertuples():
        # One fact printed in two places is one row whose locator names both ("Phần I, mục 3; also Mở đầu").
        places = 1 + str(row.locator).count(ALSO_PRINTED)
        for token in printed_tokens(row.printed):
            held[token] += places
            held_rows.setdefault(token, []).append(f"line {row.line}: {row.indicator_id} {row.printed!r}")
    result = AuditResult(source_id, len(occurrences), sum((in_text & held).values()), skipped)
    for token, _count in (in_text - held).items():
        result.uncaptured.append((token, in_text[token], held[token], [o for o in occurrences if o.token == token]))
    for token, _count in (held - in_text).items():
        result.unfound.append((token, held[token], in_text[token], held_rows[token]))
    return result


def passed_over_lines(skipped: Counter) -> list[str]:
    """One line per rule that passed numbers over, with its count and reason, in the rules' order."""
    return [f"  passed over {skipped[r.name]:3d} × {r.name}: {r.reason}" for r in SKIP_RULES if skipped[r.name]]


def format_result(result: AuditResult, year: int) -> str:
    """A readable report of an audit, ending with its verdict."""
    lines = [
        f"Audit of {year} against source '{result.source_id}': {result.numbers_in_text} numbers in the text, "
        f"{result.matched} held by figures, {sum(result.skipped.values())} passed over by rules.",
    ]
    lines += passed_over_lines(result.skipped)
    for token, in_text, held, where in result.uncaptured:
        lines.append(f"UNCAPTURED '{token}': printed {in_text}× in the text, held {held}× in the figures:")
        lines += [f"    text line {o.line}: …{o.context}…" for o in where]
    for token, held, in_text, rows in result.unfound:
        lines.append(f"NOT IN TEXT '{token}': held {held}× in the figures, printed {in_text}× in the text:")
        lines += [f"    {r}" for r in rows]
    lines.append(
        "OK: every number is accounted for."
        if result.ok
        else f"FAILED: {len(result.uncaptured)} uncaptured, {len(result.unfound)} not found in the text."
    )
    return "\n".join(lines)


# The audit of the data's own quotes: a web page is cited by the sentence it prints (`quote: "…"` in `locator`), and
# every number of that sentence must be a figure of the rows citing it, or be passed over by a written rule. A goal
# quoted with its components ("36,91% (trong đó … 24,91%, … 12,0%)") can then not be held by one of them alone.
QUOTE_LOCATOR = re.compile(r'quote: "([^"]*)"')


@dataclass(frozen=True)
class QuotedNumber:
    """A number of a quoted sentence that no row citing the sentence holds."""

    token: str
    source_id: str
    quote: str
    rows: tuple[str, ...]  # the rows citing the quote: "2023.csv line 216 (poverty_rate '24,91%')"


@dataclass
class QuoteAuditResult:
    """What the audit of the quotes found: how many quotes and numbers, and the numbers not held."""

    quotes: int = 0
    numbers: int = 0
    held: int = 0
    skipped: Counter = field(default_factory=Counter)
    unheld: list[QuotedNumber] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unheld


def quoted_sentences(locator: str) -> list[str]:
    """The sentences a ``locator`` quotes (``quote: "…"``); none for a place in a report ("Phần I, mục 3")."""
    return QUOTE_LOCATOR.findall(str(locator))


def audit_quotes(data_dir: Path | None = None) -> QuoteAuditResult:
    """Check every quote of every figures file: each number of a quoted sentence is printed by a figure of the same
    source (in any year's file; most often a row citing the sentence, but one page quoted twice in two cuts holds
    its numbers once), or lies in a match of a skip rule (``audit_skip_rules.yml``)."""
    ref = load_reference(data_dir)
    citing: dict[tuple[str, str], list[str]] = {}  # (source, quote) → the rows citing it
    held_by: dict[str, set[str]] = {}  # source → the number tokens its figures print
    for _year, path in sorted(figures_files(data_dir).items()):
        rows = read_figures_file(path, ref)
        for row in rows.itertuples():
            held_by.setdefault(row.source_id, set()).update(printed_tokens(str(row.printed)))
            for sentence in quoted_sentences(row.locator):
                where = f"{path.name} line {row.line} ({row.indicator_id} {row.printed!r})"
                citing.setdefault((row.source_id, sentence), []).append(where)
    result = QuoteAuditResult(quotes=len(citing))
    for (source_id, sentence), rows in citing.items():
        held = held_by[source_id]
        occurrences, skipped = number_occurrences(sentence)
        result.skipped += skipped
        result.numbers += len(occurrences)
        for o in occurrences:
            if o.token in held:
                result.held += 1
            else:
                result.unheld.append(QuotedNumber(o.token, source_id, sentence, tuple(rows)))
    return result


def format_quote_result(result: QuoteAuditResult) -> str:
    """A readable report of the audit of the quotes, ending with its verdict."""
    lines = [
        f"Audit of the quotes in data/figures: {result.quotes} quoted sentences, {result.numbers} numbers in them, "
        f"{result.held} held by a figure of their source, {sum(result.skipped.values())} passed over by rules.",
    ]
    lines += passed_over_lines(result.skipped)
    for n in result.unheld:
        lines.append(f"NOT HELD '{n.token}' of source '{n.source_id}', quoted \"{n.quote}\", cited by:")
        lines += [f"    {w}" for w in n.rows]
    lines.append(
        "OK: every number of every quote is accounted for."
        if result.ok
        else f"FAILED: {len(result.unheld)} numbers of the quotes are not held by a figure."
    )
    return "\n".join(lines)
