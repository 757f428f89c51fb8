"""Every number in a key-finding sentence appears in a table or a figure of the appendix (issue 9, §1).

A key finding ("Những phát hiện chính") restates what the appendix shows; a number a reader cannot find again in a
table (its cells, caption or notes) or a figure (its caption, or a label or value drawn in it, read from the SVG's
text) is a number the appendix does not back. Numbers are compared as written, in the appendix's style: "100,20" and
"100,2" are different renderings of one ratio, and a finding must use the one its table uses.

No number is exempt: years and counts of things are checked too, since they are also in the tables (a year heads a
column, a count is a row's value). What this cannot catch is a small number that happens to appear elsewhere.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from pathlib import Path

import pytest

BUILD = pytest.mark.xdist_group("build")
# A number as the appendix writes it: grouped thousands or plain digits, then decimals (vi: 1.234,5; en: 1,234.5).
NUMBER = {
    "vi": re.compile(r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?!\d)"),
    "en": re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)"),
}
SEPARATORS = {"vi": (".", ","), "en": (",", ".")}


def numbers_in(text: str, lang: str) -> list[str]:
    """The numbers of ``text`` in a language-free form that keeps the decimals written: "100,20" → "100.20"."""
    thousands, decimal = SEPARATORS[lang]
    return [str(Decimal(m.replace(thousands, "").replace(decimal, "."))) for m in NUMBER[lang].findall(text)]


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def key_findings(doc: str) -> list[str]:
    """The key-finding sentences of an appendix's HTML, as plain text."""
    start = doc.index('id="key-findings"')
    block = doc[start : doc.index("</section>", start)]
    return [plain(item).strip() for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def shown_numbers(folder: Path, lang: str) -> set[str]:
    """Every number of the appendix's tables and figures: cells, captions, notes, and the text drawn in each SVG."""
    doc = (folder / "appendix.html").read_text(encoding="utf-8")
    body = doc[doc.index("</section>", doc.index('id="key-findings"')) :]
    pieces = re.findall(r"<table\b.*?</table>|<figcaption\b.*?</figcaption>", body, re.S)
    found = set(numbers_in(plain(" ".join(pieces)), lang))
    for svg in sorted((folder / "figures").glob("*.svg")):
        drawn = re.findall(r"<!-- (.*?) -->", svg.read_text(encoding="utf-8"))  # matplotlib keeps each text here
        found |= set(numbers_in(html.unescape(" ".join(drawn)), lang))
    return found


def unbacked(folder: Path, lang: str) -> list[str]:
    """One line per number of a key finding that no table or figure shows: the number, then the sentence."""
    doc = (folder / "appendix.html").read_text(encoding="utf-8")
    shown = shown_numbers(folder, lang)
    thousands, decimal = SEPARATORS[lang]
    return [
        f"{raw!r} in: {sentence}"
        for sentence in key_findings(doc)
        for raw in NUMBER[lang].findall(sentence)
        if str(Decimal(raw.replace(thousands, "").replace(decimal, "."))) not in shown
    ]


def test_numbers_are_read_in_the_appendix_style_keeping_their_decimals() -> None:
    assert numbers_in("17.034 người, bằng 100,20% kế hoạch (2.000); 4.206/292.208", "vi") == [
        "17034",
        "100.20",
        "2000",
        "4206",
        "292208",
    ]
    assert numbers_in("17,034 jobs, 100.20% of the plan, 15/11/2023", "en") == ["17034", "100.20", "15", "11", "2023"]
    assert numbers_in("100,2%", "vi") != numbers_in("100,20%", "vi")  # one rendering per figure


def test_a_number_no_table_or_figure_shows_is_named_with_its_sentence(tmp_path: Path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "a.svg").write_text("<svg><!-- 24,4 --></svg>", encoding="utf-8")
    (tmp_path / "appendix.html").write_text(
        '<section class="key-findings" id="key-findings"><ul><li>Tỷ lệ 24,4%, gấp 10,7 lần; 1.393 người.</li></ul>'
        "</section><main><table><tr><td>1.393</td></tr></table><figure><figcaption>Hình 1.</figcaption></figure>"
        "</main>",
        encoding="utf-8",
    )
    assert unbacked(tmp_path, "vi") == ["'10,7' in: Tỷ lệ 24,4%, gấp 10,7 lần; 1.393 người."]


@BUILD
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_number_of_a_key_finding_is_in_a_table_or_figure(all_builds: Path, lang: str) -> None:
    folder = all_builds / ("2023" if lang == "vi" else f"2023-{lang}")
    missing = unbacked(folder, lang)
    assert not missing, "numbers of key findings that no table or figure shows:\n" + "\n".join(missing)
