"""What the sections not yet moved to text files (employment, progress, social protection) still call on
``social_common`` for: texts as (vi, en) pairs and the ``show_*`` helpers that take them. The words themselves are
in ``social_common.yml``; this module goes when the last of those sections is converted (issue 8)."""

from __future__ import annotations

from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.text import say
from helpers.text.formatting import LANGS


def _pair(key: str) -> tuple[str, str]:
    vi, en = (say(f"social_common:{key}", lang) for lang in LANGS)
    return vi, en


HEADERS = {name: _pair(f"header.{name}") for name in ("label", "value", "unit", "note")}
COMPUTED = _pair("computed")


def t(lang: str, pair: tuple[str, str]) -> str:
    """The text of a (vi, en) pair in ``lang`` (for sections whose words are still pairs in code)."""
    return dict(zip(LANGS, pair, strict=True))[lang]


def fill_caption(rep: Report, pair: tuple[str, str]) -> tuple[str, str]:
    """A (vi, en) caption with {year}, {next} and {prev} filled in for the report's year."""
    fill = {"year": rep.year, "next": rep.year + 1, "prev": rep.year - 1}
    return pair[0].format(**fill), pair[1].format(**fill)


def show_heading(rep: Report, pair: tuple[str, str], level: int = 2) -> None:
    """A (vi, en) section heading with {next} (next year) filled in."""
    rep.heading(pair[0].format(next=rep.year + 1), pair[1].format(next=rep.year + 1), level=level)


def show_table(rep: Report, table: Table | None, name: str, caption: tuple[str, str], no_data: tuple[str, str]) -> bool:
    """Show ``table`` with its caption, or say there is no data; True when a table was shown."""
    if table is None:
        rep.no_data(t(rep.lang, no_data))
        return False
    rep.table(table.frame, name, t(rep.lang, caption), table.source_ids, raw=table.raw)
    return True


def show_findings(rep: Report, sentences: list[str], what: tuple[str, str]) -> None:
    """The key findings; a single "no data" sentence when the year has none."""
    if not sentences:
        sentences = [say("common:no_data", rep.lang, what=t(rep.lang, what), year=rep.year)]
    rep.findings(sentences)
