"""The names of the data's own codes (helpers.text.vocabulary): here, the words for the report's whole area."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.data.contract import AREA_KINDS
from helpers.text import templates
from helpers.text.formatting import LANGS
from helpers.text.vocabulary import AREA_FORMS, area_words
from tests.data.hue_2025 import add_hue_2025

# Words that name the area itself; a text says them only through area.<form>.<kind> of text/common.yml.
EXPLAINS_THE_RULE = {"methods:area_word"}  # the methods note quotes the words to say how they are chosen
AREA_SAID = re.compile(r"toàn tỉnh|toàn thành phố|\bprovinc\w*|\bcity-wide\b", re.IGNORECASE)


@pytest.mark.parametrize("kind", AREA_KINDS)
def test_every_kind_of_area_has_every_form_in_both_languages(kind: str) -> None:
    common = templates.load("common")
    for form in AREA_FORMS:
        entry = common[f"area.{form}.{kind}"]
        assert all(isinstance(entry[lang], str) and entry[lang].strip() for lang in LANGS)


def test_a_province_reads_toàn_tỉnh_and_a_city_toàn_thành_phố(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert area_words(2023, "vi") == {"whole": "toàn tỉnh", "the_whole": "toàn tỉnh", "whole_label": "Toàn tỉnh"}
    assert area_words(2023, "en")["whole"] == "province-wide"
    add_hue_2025(data_copy)  # Thành phố Huế, area_kind "city"
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    assert area_words(2025, "vi") == {
        "whole": "toàn thành phố",
        "the_whole": "toàn thành phố",
        "whole_label": "Toàn thành phố",
    }
    assert area_words(2025, "en") == {"whole": "city-wide", "the_whole": "the city", "whole_label": "Whole city"}


def test_a_sections_text_takes_the_area_from_the_data(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from helpers.present.report import Report

    add_hue_2025(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    caption = Report("01_poverty", 2025, "vi").say("poverty_rate_by_year.caption", rate="Tỷ lệ hộ nghèo", span="2025")
    assert caption == "Tỷ lệ hộ nghèo toàn thành phố, 2025"
    assert Report("01_poverty", 2023, "en").say("poverty_rate_by_year.caption", rate="Rate", span="2023") == (
        "Rate, province-wide, 2023"
    )


@pytest.mark.parametrize("namespace", sorted(templates.text_files()))
def test_no_text_names_the_area_itself(namespace: str) -> None:
    """ "toàn tỉnh" is wrong for the 2025 city: every text says the area through {whole}, {the_whole}…"""
    typed = [
        f"{namespace}:{key} ({lang})"
        for key, entry in templates.load(namespace).items()
        if not (namespace == "common" and key.startswith("area.")) and f"{namespace}:{key}" not in EXPLAINS_THE_RULE
        for lang, _, text in templates.variants(entry)
        if AREA_SAID.search(text)
    ]
    assert typed == []


def test_an_instrument_is_named_in_english_from_data_and_left_as_printed_in_vietnamese() -> None:
    from helpers.text.vocabulary import instrument_after, instrument_name

    assert instrument_name("KH năm 2023", "vi") == "KH năm 2023"
    assert instrument_name("KH năm 2023", "en") == "Annual Plan 2023"
    assert instrument_name("CT việc làm 2021-2025", "en") == "Employment Programme 2021–2025"
    assert instrument_after("KH 63/KH-UBND", "en") == " (Plan 63/KH-UBND)"
    assert instrument_after("", "en") == instrument_after(float("nan"), "vi") == ""


def test_english_texts_say_people_not_persons() -> None:
    """Review items 21-24: "persons" is the plural of a legal term; English readers count people (data/units.csv
    names the unit "people", "1 person")."""
    found = [
        f"{namespace}:{key}"
        for namespace in templates.text_files()
        for key, entry in templates.load(namespace).items()
        for lang, _, text in templates.variants(entry)
        if lang == "en" and re.search(r"\bpersons\b", re.sub(r"{[^}]*}", "", text))
    ]
    assert found == []
