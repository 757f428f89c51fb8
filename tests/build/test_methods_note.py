"""The official appendix's methods note: at most two printed pages of plain administrative words (issue 16).

Its length is measured the way the PDF prints it: the note alone, with the appendix's stylesheet and font, laid out
by WeasyPrint on the A4 pages of Nghị định 30/2020 (the note starts on a page of its own, so its pages in the
appendix are the pages it takes here)."""

from __future__ import annotations

import re

import pytest

from helpers.build import assemble, backmatter, frontmatter


def text_of(fragment: str) -> str:
    """The words of an HTML fragment, tags left out (assemble.plain decodes a heading's text; it keeps tags)."""
    return assemble.plain(re.sub(r"<[^<>]+>", "", fragment))


def note_pages(section: str, lang: str) -> int:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from helpers.build.fonts import font_face_css

    document = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>{assemble.stylesheet(lang)}</style>'
        f"</head><body>{section}</body></html>"
    )
    fonts = FontConfiguration()
    faces = CSS(string=font_face_css(), font_config=fonts)
    return len(HTML(string=document).render(stylesheets=[faces], font_config=fonts).pages)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_methods_note_takes_at_most_two_printed_pages(lang: str) -> None:
    fm = frontmatter.gather(2023, lang)
    assert note_pages(backmatter.methods_html(fm), lang) <= 2
    # The measure can fail: the full method of the technical annex is far longer than two pages.
    assert note_pages(backmatter.annex_methods_html(fm), lang) > 2


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_methods_note_speaks_to_the_reader_of_a_state_document(lang: str) -> None:
    fm = frontmatter.gather(2023, lang)
    note = backmatter.methods_html(fm)
    text = text_of(note)
    for word in ("data/", ".csv", "SHA-256", "chúng tôi", "bản tiếng Anh", "tiếng Việt", "English appendix", "test"):
        assert word not in text, word
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), "a column or file name"  # area_kind, source_id…
    # What the note must say: sources, the change of poverty standard, "dưới"/"trên"/ranges, rounding, abbreviations.
    words = {
        "vi": ("Nguồn số liệu", "chuẩn nghèo", "“dưới …”", "“trên …”", "“70 - 75%”", "làm tròn", "Chữ viết tắt"),
        "en": ("Sources", "poverty standard", "“below …”", "“above …”", "“70 - 75%”", "rounded", "Abbreviations"),
    }[lang]
    for word in words:
        assert word in text, word
    assert fm.report.issuer(lang) in text  # the issuer from data/reports.csv, no name typed in the note
    assert all(b.label in text for b in fm.breaks)  # the changes of definition from data/series_breaks.csv
    assert "UBND" in text and "LĐTBXH" in text


def test_the_english_edition_explains_its_vietnamese_terms_and_names_people_with_merit_one_way() -> None:
    """Issue 16's English reader: a glossary (people with merit, social evils, near-poor, poverty standard, Tết, DOLISA
    spelled out, "jobs created" as a gross count), and one English name for người có công on the title and cover."""
    from helpers.text.templates import say

    fm = frontmatter.gather(2023, "en")
    text = text_of(backmatter.methods_html(fm))
    for term in (
        "People with merit (người có công)",
        "Social evils (tệ nạn xã hội)",
        "Near-poor households (hộ cận nghèo)",
        "Poverty standard (chuẩn nghèo)",
        "Tết:",
        "DOLISA: Department of Labour, Invalids and Social Affairs",
        "not net job creation",
    ):
        assert term in text, term
    assert "Giải thích từ ngữ" in text_of(backmatter.methods_html(frontmatter.gather(2023, "vi")))
    for shown in (say("frontmatter:title", "en", year=2023), frontmatter.cover_title(fm), text):
        assert "meritorious" not in shown.lower()
    assert "people with merit" in say("frontmatter:title", "en", year=2023)
    assert "PEOPLE WITH MERIT" in frontmatter.cover_title(fm)
