"""The report cut into located sentences: each knows where it was printed (its heading path, as a figures file's
``locator`` writes it: "Phần I, mục 7.c", "Phần II, mục I.2.1.a", "…, chú thích 3", "…, bảng, dòng 4") and the words
that a footnote or a sentence broken by a page carries over from where it started.

The heading patterns are data (``draft_rules.yml``, ``headings``); this module only walks the paragraphs in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

RULES = yaml.safe_load(Path(__file__).with_name("draft_rules.yml").read_text(encoding="utf-8"))
_H = {name: re.compile(p) for name, p in RULES["headings"].items()}
LOCATOR = RULES["locator"]
_FORWARD_TITLE = re.compile(RULES["forward_part_title"])
_GOAL_HEADING = re.compile(RULES["goal_heading"])
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARK = re.compile(f"[{SUPERSCRIPTS}]+")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")  # lines without a blank line between them
# A sentence ends at '.', '!' or '?' followed by a space and a capital, a dash or a quote (not inside 7.363).
# A ';' followed by a capital starts a new sentence too: the report strings whole paragraphs of policies that way.
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+(?=[A-ZĐÀ-Ỹ\-*\"“])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the report: its span in the text, where it was printed, and the words it carries over."""

    start: int
    end: int
    text: str
    locator: str
    carried: str = ""  # the words a footnote's or a continued sentence's numbers also belong to
    goal_year: int | None = None  # the year of the goals when under a goal heading of a forward part
    heading: str = ""  # the words of the headings above it (what a number's words are also about)
    paragraphs: tuple[int, ...] = ()  # its paragraph (by start; a paragraph a page break cut counts as one)


def _superscript_number(marks: str) -> str:
    return marks.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))


def sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, located by the headings above it."""
    part: str | None = None
    roman = number = letter = None
    forward_year: int | None = None
    goal = False
    expect_title = False
    anchors: dict[str, tuple[str, str]] = {}  # footnote number → (locator, the sentence its mark ends)
    last_body_tail = ""
    last_paragraph = -1
    titles: dict[str, str] = {}  # heading level → its words
    out: list[Sentence] = []

    def locator() -> str:
        path = ".".join(p for p in (roman, number, letter) if p)
        if part is None:
            return LOCATOR["opening"]
        return LOCATOR["section" if path else "part_opening"].format(part=part, path=path)

    for para in _PARAGRAPH.finditer(text):
        body, start = para.group(), para.start()
        first = body.lstrip()
        if m := _H["part"].match(first):
            part, roman, number, letter, goal, expect_title, forward_year = m[1], None, None, None, False, True, None
            continue
        if expect_title:
            expect_title = False
            if first.isupper() or first.upper() == first:
                if t := _FORWARD_TITLE.search(first):
                    forward_year = int(t[1])
                continue
        if m := _H["footnote"].match(first):
            mark = _superscript_number(m[1])
            where, said = anchors.get(mark, (locator(), ""))
            _add(out, body, start, LOCATOR["footnote"].format(where=where, mark=mark), said, None, paragraphs=(start,))
            continue
        if _H["table_row"].match(first):
            for line in re.finditer(r"[^\n]+", body):
                cells = [c.strip() for c in line.group().strip().strip("|").split("|")]
                row = cells[0] if cells and cells[0].isdigit() else ""
                where = LOCATOR["table_row" if row else "table"].format(where=locator(), row=row)
                out.append(
                    Sentence(
                        start + line.start(), start + line.end(), line.group(), where, "", _goal(goal, forward_year)
                    )
                )
            continue
        heading = True
        if m := _H["roman"].match(first):
            titles = {"roman": first[:120]}
            roman, number, letter = m[1], None, None
            goal = bool(forward_year and _GOAL_HEADING.search(first))
        elif m := _H["number"].match(first):
            titles = {"roman": titles.get("roman", ""), "number": first[:120]}
            number, letter = m[1], None
        elif m := _H["letter"].match(first):
            titles["letter"] = first[:120]
            letter = m[1]
        else:
            heading = False
        # A paragraph that starts in lower case goes on with the sentence a page break cut.
        carried = last_body_tail if not heading and first[:1].islower() else ""
        logical = last_paragraph if carried else start  # a paragraph a page break cut is one paragraph
        paragraphs = (logical,)
        made = _add(
            out, body, start, locator(), carried, _goal(goal, forward_year), " ".join(titles.values()), paragraphs
        )
        last_paragraph = logical
        for s in made:
            for mark in _MARK.finditer(s.text):
                anchors[_superscript_number(mark.group())] = (s.locator, s.text[: mark.start()])
        last_body_tail = made[-1].text if made else ""
    return out


def _goal(goal: bool, forward_year: int | None) -> int | None:
    return forward_year if goal else None


def _add(
    out: list[Sentence],
    body: str,
    start: int,
    where: str,
    carried: str,
    goal_year: int | None,
    heading: str = "",
    paragraphs: tuple[int, ...] = (),
) -> list[Sentence]:
    made = []
    pos = 0
    for cut in [*_SENTENCE_END.finditer(body), None]:
        end = cut.start() if cut else len(body)
        piece = body[pos:end]
        if piece.strip():
            made.append(
                Sentence(
                    start + pos, start + end, piece, where, carried if not made else "", goal_year, heading, paragraphs
                )
            )
        pos = cut.end() if cut else len(body)
    out.extend(made)
    return made


def sentence_at(found: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that holds the character at ``offset``."""
    return next((s for s in found if s.start <= offset < s.end), None)
