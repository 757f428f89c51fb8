"""The appendix's own parts before the notebooks: what the cover, the sources and the methods need, and the cover.

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
from helpers.text.templates import texts_for
from helpers.text.vocabulary import publisher_names

T = texts_for(__name__)  # build/frontmatter.yml: the cover, the contents, the sources list


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
    """The official appendix's cover in the form Nghị định 30/2020/NĐ-CP gives a phụ lục: "Phụ lục", the title in
    bold capitals, and the italic line naming the report it is attached to (:func:`attachment`); nothing else
    (the data files, their checksums and the sources are the technical annex's)."""
    lang = fm.lang
    return (
        '<header class="cover" id="cover">'
        f"{_revised_head(fm)}"
        f'<p class="cover-label">{_e(T("cover_label", lang))}</p>'
        f'<h1 class="cover-title">{_e(cover_title(fm))}</h1>'
        f'<p class="{_cover_line_class(fm)}">{_e(cover_line(fm))}</p>'
        "</header>"
    )


def annex_cover_html(fm: FrontMatter) -> str:
    """The technical annex's cover: what it is, which appendix it documents, and who it is for; it is not attached to
    the report, so it carries no "Kèm theo" line."""
    lang = fm.lang
    title = T("cover_title", lang, area=year_report(fm).area(lang), year=fm.year)
    return (
        '<header class="cover annex-cover" id="cover">'
        f'<h1 class="cover-title">{_e(T("annex.label", lang).upper())}</h1>'
        f'<p class="cover-annex-of">{_e(T("annex.of", lang, title=title))}</p>'
        f'<p class="cover-annex-readers">{_e(T("annex.readers", lang))}</p>'
        "</header>"
    )


def cover_title(fm: FrontMatter) -> str:
    """The cover's title in capitals, with the report's area (data/reports.csv) and year: Nghị định 30/2020 sets
    a phụ lục's title in bold capitals, and Python's upper() keeps the Vietnamese tone marks."""
    return T("cover_title", fm.lang, area=year_report(fm).area(fm.lang), year=fm.year).upper()


def year_report(fm: FrontMatter) -> ReportMeta:
    """The year's report (data/reports.csv), whose area and issuer the title and the methods name: a revised
    edition's ``report`` is the authority competent on its date, but its figures are still the year's."""
    return fm.revises or fm.report


def report_number(report: ReportMeta) -> str:
    """The report's number and symbol as the cover prints them: a number the print leaves blank ("/BC-SLĐTBXH")
    shows as "…/BC-SLĐTBXH", the way the report itself is cited before it is numbered; "" when unknown."""
    number = report.number
    return f"…{number}" if number.startswith("/") else number


def report_date(report: ReportMeta, lang: str) -> str:
    """The report's date as the "Kèm theo" line says it: "ngày 05 tháng 02 năm 2025", "ngày … tháng 12 năm 2023"
    (a day left blank), "ngày …" (no date in data/reports.csv); "dated 5 February 2025", "dated … December 2023"."""
    if not report.issued:
        return T("report_date.unknown", lang)
    year, month, *day = (int(p) for p in report.issued.split("-"))
    values = {"month": T(f"month.{month}", lang), "year": year}
    return T("report_date.day", lang, day=day[0], **values) if day else T("report_date.month", lang, **values)


def attachment(fm: FrontMatter) -> str:
    """The cover's italic line: "(Kèm theo Báo cáo số …/BC-SLĐTBXH ngày … tháng 12 năm 2023 của Sở …)", from the
    year's row of data/reports.csv (number, issued, issuer); without a number "(Kèm theo Báo cáo ngày … của …)"."""
    lang, report = fm.lang, fm.report
    values = {"date": report_date(report, lang), "issuer": report.issuer(lang)}
    number = report_number(report)
    return T("attached", lang, number=number, **values) if number else T("attached.no_number", lang, **values)


def _revised_head(fm: FrontMatter) -> str:
    """A revised edition's head: the authority competent on its date (data/authorities.csv) beside the nation and
    motto, then its place and date; "" for the edition as issued, whose cover is the phụ lục form alone."""
    if not fm.as_of:
        return ""
    who = issuer(fm.report, fm.lang)
    return (
        '<div class="cover-head">'
        f'<div class="cover-authority"><p class="cover-parent">{_e(who.parent)}</p>'
        f'<p class="cover-authority-name">{_e(who.name)}</p></div>'
        f'<div class="cover-nation"><p class="cover-nation-name">{_e(T("nation", fm.lang))}</p>'
        f'<p class="cover-motto">{_e(T("motto", fm.lang))}</p></div>'
        "</div>"
        f'<p class="cover-place-date">{_e(who.place_date)}</p>'
    )


def cover_line(fm: FrontMatter) -> str:
    """The italic line under the title: the report the edition as issued is attached to (:func:`attachment`); for a
    revised edition, that it is an update with data to its date (it is attached to no report: the old one was issued
    by another date and authority)."""
    if fm.as_of:
        return T("edition.revised", fm.lang, date=when(fm.as_of, fm.lang))
    return attachment(fm)


def _cover_line_class(fm: FrontMatter) -> str:
    return "cover-attached cover-edition" if fm.as_of else "cover-attached"


def when(date: str, lang: str) -> str:
    """A date as the data write it (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) in words: "ngày 06 tháng 01 năm
    2024", "tháng 12 năm 2023", "năm 2021"; "6 January 2024", "December 2023", "2021"."""
    year, *rest = (int(p) for p in date.split("-"))
    if not rest:
        return T("when.year", lang, year=year)
    values = {"year": year, "month": T(f"month.{rest[0]}", lang)}
    return T("when.day", lang, day=rest[1], **values) if len(rest) > 1 else T("when.month", lang, **values)
