"""The parts after the notebooks' sections: the list of sources (plain in the official appendix, with roles and later
publications in the technical annex), the official appendix's short methods note with its terms and abbreviations,
the annex's full method (files, rules, checksums) and, in a revised edition, what differs from the edition as
issued. They read what :func:`helpers.build.frontmatter.gather` collected and write HTML in the report's language,
every text from the data HTML-escaped; the words are frontmatter.yml's, methods_note.yml's and methods.yml's."""

from __future__ import annotations

import re
from urllib.parse import unquote

from helpers.build.frontmatter import FrontMatter, T, _e, when, year_report
from helpers.text.templates import Texts, load, say

METHODS = Texts("methods")  # build/methods.yml: the technical annex's full method, one entry per paragraph
NOTE = Texts("methods_note")  # build/methods_note.yml: the official appendix's short methods note
_METHODS_PLACED = {"vintage", "breaks", "break_item"}  # placed by annex_methods_html beside their tables and lists
ABBREVIATION = "abbreviation."  # methods_note.yml's keys of the abbreviations, listed under the note's last paragraph
TERM = "term."  # methods_note.yml's keys of the terms a reader may take otherwise, listed under "Giải thích từ ngữ"


def _paragraph(key: str, lang: str, texts: Texts = METHODS, **values: object) -> str:
    """A methods paragraph whose first sentence (its topic) is set in bold; ``values`` fill its placeholders (the
    year's report and area, so that no paragraph types a place's name)."""
    lead, _, rest = texts(key, lang, **values).partition(". ")
    lead = lead.removesuffix(".")
    return f"<p><strong>{_e(lead)}.</strong> {_e(rest)}</p>" if rest else f"<p><strong>{_e(lead)}.</strong></p>"


def _term(text: str) -> str:
    """A term's entry with the term (up to the first ": ") in bold, as the abbreviations are listed."""
    term, _, meaning = text.partition(": ")
    return f"<strong>{_e(term)}</strong>: {_e(meaning)}" if meaning else _e(text)


def differences_html(fm: FrontMatter) -> str:
    """A revised edition's list of what differs from the edition as issued: each figure revised or added, with its
    value in both editions and its source; "" for the edition as issued."""
    lang = fm.lang
    if not fm.as_of:
        return ""
    head = f"<h2>{_e(T('edition.differences', lang))}</h2>"
    if not fm.differences:
        return f'<section class="differences">{head}<p>{_e(T("edition.no_differences", lang))}</p></section>'
    cells = "".join(
        f"<tr><td>{_e(d.what)}</td><td>{_e(d.old or T('edition.added', lang))}</td><td>{_e(d.new)}</td>"
        f"<td>{_e(d.source)}</td></tr>"
        for d in fm.differences
    )
    columns = "".join(f"<th>{_e(T(f'edition.column.{c}', lang))}</th>" for c in ("what", "old", "new", "source"))
    intro = T("edition.differences_intro", lang, n=len(fm.differences), date=when(fm.as_of, lang))
    return (
        f'<section class="differences">{head}<p>{_e(intro)}</p>'
        f'<table class="differences-table"><thead><tr>{columns}</tr></thead><tbody>{cells}</tbody></table></section>'
    )


def vintage_table_html(fm: FrontMatter) -> str:
    """The figures files of the vintage with their rows and SHA-256 checksums (in the methods note)."""
    lang = fm.lang
    rows = "".join(
        f"<tr><td><code>{_e(f.name)}</code></td><td>{f.rows}</td><td><code>{_e(f.sha256)}</code></td></tr>"
        for f in fm.vintage
    )
    return (
        f'<p class="vintage-caption">{_e(T("vintage_table", lang))}</p>'
        f'<table class="vintage-table"><thead><tr><th>{_e(T("file", lang))}</th><th>{_e(T("rows", lang))}</th>'
        f"<th>{_e(T('checksum', lang))}</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _link(url: str) -> str:
    # Only web addresses become links; anything else is shown as text.
    # The shown address may wrap after each slash, dot, hyphen, ? & = or _ (a zero-width space: WeasyPrint ignores
    # <wbr> there), not in the middle of a word; the link itself is the address unchanged.
    if url.startswith(("https://", "http://")):
        shown = "\u200b".join(_e(piece) for piece in re.split(r"(?<=[/.?&=_-])(?=[^/])", _readable(url)))
        return f'<a href="{_e(url)}">{shown}</a>'
    return _e(url)


def _readable(url: str) -> str:
    """The address as a reader types it: percent-escaped UTF-8 letters ("Trang-ch%e1%bb%a7") shown as the letters
    ("Trang-chủ"), which browsers also show; escapes of ASCII (%2F, %20…) and invalid UTF-8 stay as written, so the
    shown address still names the same page."""

    def letters(match: re.Match[str]) -> str:
        try:
            return unquote(match.group(0), errors="strict")
        except UnicodeDecodeError:
            return match.group(0)

    return re.sub(r"(?:%[89a-fA-F][0-9a-fA-F])+", letters, url)


def sources_html(fm: FrontMatter, roles: bool = False) -> str:
    """The numbered list of sources the year's figures cite, with publisher, date and address; with ``roles`` (the
    technical annex's list) also each source's role (secondary, mirror) and what a source published after the report
    gives."""
    lang = fm.lang
    items = []
    for s in fm.sources:
        title = s.title or T("untitled", lang)  # a title no source we hold shows is left empty, not made up
        parts = [f"<cite>{_e(title)}</cite>", _e(s.publisher)]
        if s.published:
            parts.append(_e(T("published", lang, when=when(s.published, lang))))
        if s.note:
            parts.append(_e(s.note.rstrip(".")))
        line = ". ".join(parts) + "."
        if roles and s.role != "primary":
            line += f' <span class="source-role">{_e(T(f"role.{s.role}", lang))}</span>'
        if roles and s.later:
            shown = ", ".join(T(f"later.{k}", lang, n=n, year=fm.year) for k, n in s.later if n)
            line += f' <span class="source-later">{_e(T("later.item", lang, items=shown))}</span>'
        if s.url:
            line += f' <span class="source-url">{_link(s.url)}</span>'
        items.append(f'<li id="source-{_e(s.source_id)}">{line}</li>')
    n_later = sum(1 for s in fm.sources if s.later)
    later = ""
    if roles and n_later:
        issued = when((fm.revises or fm.report).issued, lang)  # "published after the report": its own date
        intro = "later.intro_revised" if fm.revises else "later.intro"  # an update accompanies no report
        later = f"<p>{_e(T(intro, lang, n=n_later, issued=issued, year=fm.year))}</p>"
    return (
        '<section class="sources" id="sources">'
        f"<h1>{_e(T('sources', lang))}</h1>"
        f"<p>{_e(T('sources_intro', lang, year=fm.year))}</p>{later}"
        f"<ol>{''.join(items)}</ol></section>"
    )


def methods_html(fm: FrontMatter) -> str:
    """The official appendix's methods note (methods_note.yml, at most two printed pages): sources, the changes of
    the poverty standard (data/series_breaks.csv), how targets are judged, numbers and rounding, the terms a reader
    may take otherwise (methods_note.yml's ``term.*``), abbreviations. No
    file, column or checksum: those are the technical annex's (:func:`annex_methods_html`)."""
    lang = fm.lang
    report = year_report(fm)
    values = {"year": fm.year, "issuer": report.issuer(lang), "area": report.area(lang)}
    parts = [_paragraph("sources", lang, NOTE, **values)]
    breaks = "".join(
        f"<li>{_e(NOTE('break_item', lang, label=b.label, names=', '.join(b.names)))}</li>" for b in fm.breaks
    )
    if breaks:
        parts.append(f"{_paragraph('breaks', lang, NOTE)}<ul>{breaks}</ul>")
    parts += [_paragraph(key, lang, NOTE) for key in ("attainment", "rounding", "terms")]
    # Each term's text opens with the term itself ("Người có công: …"), so the list shows the text as it is written.
    terms = "".join(f"<li>{_term(NOTE(key, lang))}</li>" for key in load("methods_note") if key.startswith(TERM))
    parts.append(f'<ul class="terms">{terms}</ul>{_paragraph("abbreviations", lang, NOTE)}')
    abbreviations = "".join(
        f"<li><strong>{_e(key.removeprefix(ABBREVIATION))}</strong>: {_e(NOTE(key, lang))}</li>"
        for key in load("methods_note")
        if key.startswith(ABBREVIATION)
    )
    parts.append(f'<ul class="abbreviations">{abbreviations}</ul>')
    parts.append(differences_html(fm))  # a revised edition: what differs from the edition as issued
    return f'<section class="methods" id="methods"><h1>{_e(T("methods", lang))}</h1>{"".join(parts)}</section>'


def annex_methods_html(fm: FrontMatter) -> str:
    """The technical annex's full method: the vintage rule and its files' checksums, the changes of definition, and
    every rule of methods.yml (how attainment is judged, number style, sources and their roles…)."""
    lang = fm.lang
    breaks = "".join(
        f"<li>{_e(METHODS('break_item', lang, label=b.label, first=b.first_period, names=', '.join(b.names)))}</li>"
        for b in fm.breaks
    )
    parts = [_paragraph("vintage", lang), vintage_table_html(fm)]
    if breaks:
        parts.append(f"{_paragraph('breaks', lang)}<ul>{breaks}</ul>")
    # Every other entry of methods.yml is a rule paragraph, in the file's order: a new rule is a new entry.
    report = year_report(fm)
    whole = say(f"common:area.whole.{report.area_kind}", lang)  # as area_words says it, from the report read
    area = {"year": fm.year, "area": report.area(lang), "whole": whole}
    parts += [_paragraph(key, lang, **area) for key in load("methods") if key not in _METHODS_PLACED]
    return f'<section class="methods" id="methods"><h1>{_e(T("annex.methods", lang))}</h1>{"".join(parts)}</section>'
