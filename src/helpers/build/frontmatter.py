"""The appendix's own parts around the notebooks: cover, list of sources, methods note.

:func:`gather` reads what these parts need from the data folder (which figures
files make the year's vintage, which sources the year's figures cite, which
series change definition); the ``*_html`` functions turn it into HTML in the
report's language. Every text that comes from the data is HTML-escaped here.
Nothing here depends on the clock, so the same data give the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from helpers.analysis.provenance import REASONS, later_sources
from helpers.data import contract, editions
from helpers.data.editions import Edition
from helpers.data.loading import (
    ReportMeta,
    code_names,
    figures_files,
    load_breakdown_labels,
    load_catalogue,
    load_report_meta,
    load_series_breaks,
    load_sources,
    load_year,
)
from helpers.data.relations import load_relations
from helpers.paths import data_dir as default_data_dir
from helpers.text.formatting import check_lang
from helpers.text.templates import Texts, load, say, texts_for
from helpers.text.vocabulary import publisher_names

T = texts_for(__name__)  # build/frontmatter.yml: the cover, the contents, the sources list
METHODS = Texts("methods")  # build/methods.yml: the methods note, one entry per paragraph
_METHODS_PLACED = {"vintage", "breaks", "break_item"}  # placed by methods_html beside their tables and lists


def _paragraph(key: str, lang: str, **values: object) -> str:
    """A methods paragraph whose first sentence (its topic) is set in bold; ``values`` fill its placeholders (the
    year's report and area, so that no paragraph types a place's name)."""
    lead, _, rest = METHODS(key, lang, **values).partition(". ")
    return f"<p><strong>{_e(lead)}.</strong> {_e(rest)}</p>"


@dataclass(frozen=True)
class VintageFile:
    """One figures file the year's figures come from."""

    name: str  # as shown: data/figures/2023.csv
    year: int
    rows: int
    sha256: str


@dataclass(frozen=True)
class SourceEntry:
    """One source the year's figures cite (data/sources.csv)."""

    source_id: str
    title: str
    publisher: str  # as the reader sees it: the own name, glossed in English (data/sources.csv's publisher_en)
    published: str
    url: str
    role: str = "primary"  # primary, secondary (an aggregator) or mirror (a copy): data/sources.csv's role
    later: tuple[tuple[str, int], ...] = ()  # published after the report: (reason, figures) of analysis.provenance
    note: str = ""  # what a reader must know about the source itself (data/sources.csv's note_vi / note_en)


@dataclass(frozen=True)
class Difference:
    """A figure a revised edition shows otherwise than the edition as issued: revised, or added."""

    what: str  # the indicator's name, with its breakdown, year and kind
    old: str  # as printed in the edition as issued ("" when added)
    new: str  # as printed in the revised edition
    source: str  # the revised edition's source (publisher, year)


@dataclass(frozen=True)
class BreakNote:
    """A change of definition and the series it affects (data/series_breaks.csv)."""

    label: str
    first_period: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Issuer:
    """Who issues the appendix, where and when, as the cover shows it."""

    parent: str  # the body above the issuer, e.g. UBND TỈNH THỪA THIÊN HUẾ
    name: str  # the issuing authority, e.g. SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI
    place_date: str  # "<place>, ngày … tháng 12 năm 2023" (data/reports.csv's place_*), or the place alone


@dataclass(frozen=True)
class FrontMatter:
    """What the cover, sources list and methods note say for one year and language."""

    year: int
    lang: str
    vintage: tuple[VintageFile, ...]
    sources: tuple[SourceEntry, ...]
    breaks: tuple[BreakNote, ...]
    report: ReportMeta  # the report the appendix accompanies: issuer, area, place, date (data/reports.csv)
    as_of: str = ""  # a revised edition's date; then ``report`` holds the authority competent on it, dated as_of
    differences: tuple[Difference, ...] = ()  # a revised edition: what differs from the edition as issued
    revises: ReportMeta | None = None  # a revised edition: the report the edition as issued accompanies


def dateline(report: ReportMeta, lang: str) -> str | None:
    """The report's place and date as a state document prints them; None when ``issued`` is empty.

    "<place>, ngày 05 tháng 02 năm 2025" (Nghị định 30/2020/NĐ-CP), "<place>, 5 February 2025"; a day left
    blank: "<place>, ngày … tháng 12 năm 2023", "<place>, December 2023". The place is data/reports.csv's place_*.
    """
    if not report.issued:
        return None
    year, month, *day = (int(p) for p in report.issued.split("-"))
    values = {"place": report.place(lang), "month": T(f"month.{month}", lang), "year": year}
    return T("dateline", lang, day=day[0], **values) if day else T("dateline.no_day", lang, **values)


def issuer_name(report: ReportMeta, lang: str) -> str:
    """The issuer's name without the area it ends with, for a cover that names the area above it.

    "Sở Nội vụ thành phố <X>" with area "Thành phố <X>" → "Sở Nội vụ";
    "Department of Home Affairs of <X> City" with area "<X> City" → "Department of Home Affairs".
    A name that does not end with its area is returned whole.
    """
    name, ending = report.issuer(lang), T("issuer.area_ending", lang, area=report.area(lang))
    return name[: -len(ending)] if name.endswith(ending) and len(name) > len(ending) else name


def issuer(report: ReportMeta, lang: str) -> Issuer:
    """The cover's head, from data/reports.csv: the parent body (the People's Committee of the area), the
    issuing authority, and the place and date (the place alone when the data give no date; never the clock)."""
    return Issuer(
        T("authority_parent", lang, area=report.area(lang)).upper(),
        issuer_name(report, lang).upper(),
        dateline(report, lang) or report.place(lang),
    )


def gather(year: int, lang: str, data_dir: Path | None = None, as_of: str = "") -> FrontMatter:
    """Read the year's report (issuer, area), vintage files, cited sources and series breaks from the data folder,
    for the edition as issued, or the revised edition ``as_of`` a date (:mod:`helpers.data.editions`)."""
    check_lang(lang)
    root = Path(data_dir or default_data_dir())
    report = load_report_meta(year, root)
    edition = Edition(as_of)
    figures = load_year(year, root, edition=edition)
    differences: tuple[Difference, ...] = ()
    if edition.revised:
        differences = _differences(load_year(year, root, edition=Edition()), figures, lang, root)
    load_relations(root)  # validated here too, so that a bad relation is refused before any notebook runs
    vintage = []
    for file_year, path in sorted(figures_files(root).items()):
        if file_year <= year:
            content = path.read_bytes()
            rows = max(sum(1 for _ in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))) - 1, 0)
            vintage.append(
                VintageFile(f"data/figures/{path.name}", file_year, rows, hashlib.sha256(content).hexdigest()[:12])
            )
    sources = load_sources(root)
    used = sources[sources["source_id"].isin(set(figures["source_id"]))].sort_values(["priority", "source_id"])
    later = later_sources(figures, sources, report.issued, report.source_id, year).set_index("source_id")
    publishers = publisher_names(lang, data_dir=root)
    entries = tuple(
        SourceEntry(
            r.source_id,
            r.title,
            publishers[r.source_id],
            r.published,
            r.url,
            r.role,
            tuple((k, int(later.at[r.source_id, k])) for k in REASONS) if r.source_id in later.index else (),
            str(getattr(r, f"note_{lang}")),
        )
        for r in used.itertuples(index=False)
    )
    names = load_catalogue(root).set_index("indicator_id")[f"name_{lang}"]
    breaks = load_series_breaks(root)
    notes = []
    for (label, first), group in breaks.groupby([f"label_{lang}", "first_period"], sort=False):
        notes.append(BreakNote(str(label), int(first), tuple(str(names.get(i, i)) for i in group["indicator_id"])))
    revises = None
    if edition.revised:  # issued on its own date by the authority competent then, not with the old report
        revises, report = report, replace(report, issued=as_of, **editions.authority_on(as_of, root))
    return FrontMatter(year, lang, tuple(vintage), entries, tuple(notes), report, as_of, differences, revises)


def _differences(issued: pd.DataFrame, revised: pd.DataFrame, lang: str, root: Path) -> tuple[Difference, ...]:
    """The figures (as the analysis uses them: the preferred source of each) that the revised edition has with
    another value than the edition as issued, or that only it has, in the revised edition's order."""
    key = contract.FIGURE_KEY
    old = issued[issued["preferred"]].drop_duplicates(key).set_index(key)
    new = revised[revised["preferred"]].drop_duplicates(key)
    labels = load_breakdown_labels(root)
    label = dict(zip(labels["dimension"] + "=" + labels["value"], labels[f"label_{lang}"], strict=True))
    kinds = code_names("kind", lang, root)
    publishers = publisher_names(lang, with_year=True, data_dir=root)
    found = []
    for row in new.itertuples(index=False):
        at = tuple(getattr(row, c) for c in key)
        before = old.loc[at] if at in old.index else None
        if before is not None and before["value"] == row.value:
            continue
        part = f" – {label.get(row.breakdown, row.breakdown)}" if row.breakdown else ""
        when = f", {T('edition.as_at', lang, date=row.as_of)}" if row.as_of else ""
        what = f"{getattr(row, f'name_{lang}')}{part} ({row.period}{when}; {kinds[row.kind]})"
        found.append(
            Difference(what, "" if before is None else str(before["printed"]), row.printed, publishers[row.source_id])
        )
    return tuple(found)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def cover_html(fm: FrontMatter) -> str:
    """The cover in the form of Nghị định 30/2020: issuing authority, national name and motto, place and date,
    then the title, the year and the data vintage (how many files, of which years; the list and checksums are in the
    methods note)."""
    lang = fm.lang
    who = issuer(fm.report, lang)
    return (
        '<header class="cover" id="cover">'
        '<div class="cover-head">'
        f'<div class="cover-authority"><p class="cover-parent">{_e(who.parent)}</p>'
        f'<p class="cover-authority-name">{_e(who.name)}</p></div>'
        f'<div class="cover-nation"><p class="cover-nation-name">{_e(T("nation", lang))}</p>'
        f'<p class="cover-motto">{_e(T("motto", lang))}</p></div>'
        "</div>"
        f'<p class="cover-place-date">{_e(who.place_date)}</p>'
        f'<p class="cover-province">{_e(fm.report.area(lang))}</p>'
        f'<h1 class="cover-title">{_e(T("title", lang, year=fm.year))}</h1>'
        f'<p class="cover-year">{_e(T("year_line", lang, year=fm.year))}</p>'
        f"{_edition_line(fm)}"
        '<div class="cover-vintage">'
        f"<p><strong>{_e(T('vintage', lang))}.</strong> {_e(T('vintage_rule', lang, year=fm.year))} "
        f"{_e(vintage_files(fm))}.</p>"
        "</div></header>"
    )


def edition_words(fm: FrontMatter) -> str:
    """The cover's words under the year: the report the edition as issued accompanies; for a revised edition, that
    it is an update with data to its date (it accompanies no report: the old one was issued by another date)."""
    if fm.as_of:
        return T("edition.revised", fm.lang, date=when(fm.as_of, fm.lang))
    return T("issuer", fm.lang, issuer=issuer_name(fm.report, fm.lang))


def _edition_line(fm: FrontMatter) -> str:
    kind = "cover-edition" if fm.as_of else "cover-issuer"
    return f'<p class="{kind}">{_e(edition_words(fm))}</p>'


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


def vintage_files(fm: FrontMatter) -> str:
    """The cover's words for the vintage: how many figures files and which years ("8 tệp số liệu, 2015–2023"), with
    where the list and checksums are; a reader of the cover needs no file names."""
    years = sorted(f.year for f in fm.vintage)
    span = "" if not years else str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return T("vintage_files", fm.lang, n=len(fm.vintage), years=span)


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
        shown = "\u200b".join(_e(piece) for piece in re.split(r"(?<=[/.?&=_-])(?=[^/])", url))
        return f'<a href="{_e(url)}">{shown}</a>'
    return _e(url)


def sources_html(fm: FrontMatter) -> str:
    """The numbered list of sources the year's figures cite, with publisher, date and address."""
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
        if s.role != "primary":
            line += f' <span class="source-role">{_e(T(f"role.{s.role}", lang))}</span>'
        if s.later:
            shown = ", ".join(T(f"later.{k}", lang, n=n, year=fm.year) for k, n in s.later if n)
            line += f' <span class="source-later">{_e(T("later.item", lang, items=shown))}</span>'
        if s.url:
            line += f' <span class="source-url">{_link(s.url)}</span>'
        items.append(f'<li id="source-{_e(s.source_id)}">{line}</li>')
    n_later = sum(1 for s in fm.sources if s.later)
    later = ""
    if n_later:
        issued = when((fm.revises or fm.report).issued, lang)  # "published after the report": its own date
        intro = "later.intro_revised" if fm.revises else "later.intro"  # an update accompanies no report
        later = f"<p>{_e(T(intro, lang, n=n_later, issued=issued, year=fm.year))}</p>"
    return (
        '<section class="sources" id="sources">'
        f"<h1>{_e(T('sources', lang))}</h1>"
        f"<p>{_e(T('sources_intro', lang, year=fm.year))}</p>{later}"
        f"<ol>{''.join(items)}</ol></section>"
    )


def when(date: str, lang: str) -> str:
    """A date as the data write it (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) in words: "ngày 06 tháng 01 năm
    2024", "tháng 12 năm 2023", "năm 2021"; "6 January 2024", "December 2023", "2021"."""
    year, *rest = (int(p) for p in date.split("-"))
    if not rest:
        return T("when.year", lang, year=year)
    values = {"year": year, "month": T(f"month.{rest[0]}", lang)}
    return T("when.day", lang, day=rest[1], **values) if len(rest) > 1 else T("when.month", lang, **values)


def methods_html(fm: FrontMatter) -> str:
    """The methods note: the vintage rule and its files' checksums, the changes of definition, how attainment is
    judged, number style."""
    lang = fm.lang
    breaks = "".join(
        f"<li>{_e(METHODS('break_item', lang, label=b.label, first=b.first_period, names=', '.join(b.names)))}</li>"
        for b in fm.breaks
    )
    parts = [_paragraph("vintage", lang), vintage_table_html(fm)]
    if breaks:
        parts.append(f"{_paragraph('breaks', lang)}<ul>{breaks}</ul>")
    # Every other entry of methods.yml is a rule paragraph, in the file's order: a new rule is a new entry.
    whole = say(f"common:area.whole.{fm.report.area_kind}", lang)  # as area_words says it, from the report read
    area = {"year": fm.year, "area": fm.report.area(lang), "whole": whole}
    parts += [_paragraph(key, lang, **area) for key in load("methods") if key not in _METHODS_PLACED]
    parts.append(differences_html(fm))
    return f'<section class="methods" id="methods"><h1>{_e(T("methods", lang))}</h1>{"".join(parts)}</section>'
