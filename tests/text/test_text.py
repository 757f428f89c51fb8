"""The text files (helpers/text/*.yml, helpers/sections/*.yml) and the one function that picks the language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.paths import PROJECT_ROOT
from helpers.text import TextError, say, templates

SRC = PROJECT_ROOT / "src" / "helpers"
NAMESPACES = sorted(templates.text_files())


def test_there_are_text_files_for_the_common_words_and_the_converted_sections() -> None:
    assert {"common", "poverty"} <= set(NAMESPACES)


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_every_text_has_both_languages_with_the_same_placeholders(namespace: str) -> None:
    assert templates.problems(namespace) == []


def test_a_text_lacking_a_language_or_with_other_placeholders_is_found() -> None:
    assert templates.entry_problems("x:a", {"vi": "Năm {year}"}) == ["x:a: no en version"]
    assert templates.entry_problems("x:b", {"vi": "Năm {year}", "en": "Year {yaer}"})[0].startswith(
        "x:b: the placeholders differ"
    )
    plural = {"vi": "{n} nguồn", "en": {"one": "one source", "other": "{n} sources"}}
    assert templates.entry_problems("x:c", plural)[0].startswith("x:c: the placeholders differ")
    assert templates.entry_problems("x:d", {"vi": "{n} nguồn", "en": {"one": "{n} source"}}) == [
        "x:d: the en plural forms lack 'other'"
    ]
    assert templates.entry_problems("x:e", {"vi": {"one": "{n} nguồn", "other": "{n} nguồn"}, "en": "{n}"}) == [
        "x:e: vi has no plural form(s) ['one']"
    ]


@pytest.fixture
def fake_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = {
        "sources.count": {"vi": "{n} nguồn", "en": {"one": "{n} source", "other": "{n} sources"}},
        "place": {"vi": "của {place!l}", "en": "of {place}"},
        "only_vi": {"vi": "chỉ tiếng Việt"},
    }
    monkeypatch.setattr(templates, "load", lambda namespace: entries)
    monkeypatch.setattr(templates, "text_files", lambda: {"common": Path("common.yml")})


@pytest.mark.usefixtures("fake_texts")
def test_plural_forms_follow_cldr_in_each_language() -> None:
    assert say("sources.count", "en", n=1) == "1 source"
    assert say("sources.count", "en", n=4) == "4 sources"
    assert say("sources.count", "en", count=1, n="1") == "1 source"
    assert say("sources.count", "vi", n=1) == "1 nguồn"
    assert say("place", "vi", place="Huyện A Lưới") == "của huyện A Lưới"
    assert say("common:place", "en", place="A Lưới District") == "of A Lưới District"


@pytest.mark.usefixtures("fake_texts")
def test_a_missing_text_language_or_value_is_a_clear_error() -> None:
    with pytest.raises(TextError, match=r"^There is no text 'nothing' in common.yml; add it with vi: and en:\.$"):
        say("nothing", "vi")
    with pytest.raises(TextError, match=r"^The text 'only_vi' has no 'en' version; add en: to it\.$"):
        say("only_vi", "en")
    with pytest.raises(TextError, match=r"needs the value 'place'"):
        say("place", "vi")
    with pytest.raises(TextError, match=r"has plural forms: pass count="):
        say("sources.count", "en", n="x")
    with pytest.raises(Exception, match="Unknown language 'fr'"):
        say("place", "fr", place="x")


# Every key the code and the notebooks use exists ------------------------------------------------

T_CALL = re.compile(r"""\bT\(\s*"([a-z_][\w.]*)\"""")
SAY_CALL = re.compile(r"""\bsay\(\s*"([a-z_]+:[\w.]+)\"""")
REP_SAY = re.compile(r"""\brep\.say\(\s*"([a-z_][\w.]*)\"""")
KEY = r"([a-z_][\w.]*(?::[a-z_][\w.]*)?)"  # a key of the file in use, or "<file>:<key>" of another text file
SECTION = re.compile(r"""\brep\.section\(\s*\"""" + KEY + '"')
HANDED = re.compile(r"""\brep\.(?:figure|table)\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*\"""" + KEY + r'"\s*\)')


def qualified(namespace: str, key: str) -> str:
    """The full key of a key found in a file whose own texts are ``namespace``."""
    return key if ":" in key else f"{namespace}:{key}"


def _uses() -> list[tuple[str, str]]:
    """(where, full key) for every literal key in src/ and in the notebooks' code."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        # T = another file's texts: ``from helpers.sections.x import (…, T, …)``, ``from helpers.build.x import …, T``
        borrowed = re.search(r"from helpers\.(?:sections|build)\.(\w+) import (?:\([^)]*\bT,|[^\n(]*\bT\b)", text)
        namespace = borrowed[1] if borrowed else path.stem
        found += [(str(path.name), f"{namespace}:{k}") for k in T_CALL.findall(text) + REP_SAY.findall(text)]
        found += [(str(path.name), k) for k in SAY_CALL.findall(text)]
        found += [(str(path.name), qualified(namespace, f"{k}.heading")) for k in SECTION.findall(text)]
    for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        namespace = path.stem.split("_", 1)[1]
        code = "\n".join(
            "".join(c["source"])
            for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if c["cell_type"] == "code"
        )
        found += [(path.name, qualified(namespace, f"{k}.heading")) for k in SECTION.findall(code)]
        found += [(path.name, qualified(namespace, f"{k}.caption")) for k in HANDED.findall(code)]
    return found


def test_every_key_the_code_uses_is_in_a_text_file() -> None:
    uses = _uses()
    assert len(uses) > 60  # the scan finds the converted sections' keys
    missing = sorted(
        {f"{where}: {key}" for where, key in uses if key.split(":")[0] in NAMESPACES and not templates.has(key)}
    )
    assert missing == []


def test_the_keys_scan_sees_a_missing_key(tmp_path: Path) -> None:
    assert T_CALL.findall('T("trend.caption", lang)') == ["trend.caption"]
    assert HANDED.findall('rep.figure(fig, "poverty_rate_trend")\nrep.table(poverty.t(x, lang), "households")') == [
        "poverty_rate_trend",
        "households",
    ]
    assert not templates.has("common:no.such.key")
    found = HANDED.findall('rep.table(gender, "gender_equality:gender_equality")')
    assert [qualified("social_protection", f"{k}.caption") for k in found] == [
        "gender_equality:gender_equality.caption"
    ]
    assert SECTION.findall('rep.section("other_areas:administration", t)') == ["other_areas:administration"]
