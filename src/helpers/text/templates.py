"""Every reader-facing word, from YAML text files, in the reader's language: :func:`say`.

Why YAML templates beside each section module (``sections/poverty.yml``) plus shared
files here (``text/common.yml``), not gettext catalogues: an analyst who does not
program reviews one entry with both languages side by side in one diff, e.g.::

    trend.caption:
      vi: "Tỷ lệ hộ nghèo, {first}–{last}"
      en: "Poverty rate, {first}–{last}"
    sources.count:
      vi: "{n} nguồn"
      en: {one: "{n} source", other: "{n} sources"}

Babel's catalogues keep each language in its own ``.po`` file, keyed by the source
text, so a reviewer sees half of a change and a Vietnamese edit re-keys the English.
Babel still decides the plural forms: a text whose value is a mapping of CLDR forms
(``one``, ``other``…) is picked by ``Locale.parse(lang).plural_form(count)``.

Keys are namespaced by file: ``"poverty:trend.caption"`` reads ``sections/poverty.yml``,
``"common:met"`` (or just ``"met"``) reads ``text/common.yml``. A module usually takes
a :class:`Texts` for its own file, ``T = texts_for(__name__)``, and calls
``T("trend.caption", lang, first=2016, last=2023)``. Values are formatted by the
caller (numbers through :mod:`helpers.text.formatting`); a text only places them.

Names of indicators, units, domains and kinds are not here: they live in ``data/``
(the catalogue), read through :mod:`helpers.data.query` and :mod:`helpers.text.vocabulary`.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

import yaml
from babel import Locale

from helpers.errors import AppendixError
from helpers.text.formatting import LANGS, check_lang

TEXT_DIR = Path(__file__).resolve().parent
SECTIONS_DIR = TEXT_DIR.parent / "sections"
BUILD_DIR = TEXT_DIR.parent / "build"  # the appendix's own parts: cover, contents, methods note, workbook
DEFAULT_NAMESPACE = "common"
PluralForms = Mapping[str, str]


class TextError(AppendixError):
    """A text is missing, lacks a language, or cannot be filled with the values given."""


class _Formatter(string.Formatter):
    """``str.format`` with two conversions a text may ask for: ``{name!l}`` a small first letter
    (a name inside a sentence), ``{name!u}`` a capital one. (No conversion makes a noun singular: stripping an
    "s" breaks "people"; a unit's singular is data, ``name_en_one`` in data/units.csv.)"""

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "l":
            text = str(value)
            return text[:1].lower() + text[1:]
        if conversion == "u":
            text = str(value)
            return text[:1].upper() + text[1:]
        return super().convert_field(value, conversion)


_FORMATTER = _Formatter()


def text_files() -> dict[str, Path]:
    """Every text file by namespace: ``common`` (text/common.yml), ``poverty`` (sections/poverty.yml),
    ``frontmatter`` (build/frontmatter.yml)…"""
    files = {p.stem: p for p in sorted(SECTIONS_DIR.glob("*.yml"))}
    for path in sorted(TEXT_DIR.glob("*.yml")) + sorted(BUILD_DIR.glob("*.yml")):
        if path.stem in files:
            raise TextError(f"Two text files are called {path.stem}.yml (in text/, sections/ or build/); rename one.")
        files[path.stem] = path
    return files


@cache
def load(namespace: str) -> dict[str, dict[str, str | PluralForms]]:
    """The entries of one text file: key → {language → text, or plural form → text}."""
    path = text_files().get(namespace)
    if path is None:
        raise TextError(
            f"There is no text file for '{namespace}' (looked in {SECTIONS_DIR}, {TEXT_DIR} and {BUILD_DIR})."
        )
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(entries, dict) or not all(isinstance(v, dict) for v in entries.values()):
        raise TextError(f"{path.name}: every entry must be a key with its languages under it (vi: …, en: …).")
    return {str(k): v for k, v in entries.items()}


def split_key(key: str) -> tuple[str, str]:
    """``"poverty:trend.caption"`` → ("poverty", "trend.caption"); a key without a namespace is common."""
    namespace, sep, name = key.partition(":")
    return (namespace, name) if sep else (DEFAULT_NAMESPACE, key)


def has(key: str) -> bool:
    """Whether a text exists (for optional texts, e.g. a section without a no-data sentence)."""
    namespace, name = split_key(key)
    return name in load(namespace)


def plural_form(lang: str, count: float) -> str:
    """The CLDR plural category of ``count`` in ``lang``: Babel's rules ("one", "other"…)."""
    return Locale.parse(lang).plural_form(abs(count))


def _template(key: str, lang: str, count: float | None) -> str:
    check_lang(lang)
    namespace, name = split_key(key)
    entries = load(namespace)
    if name not in entries:
        raise TextError(f"There is no text '{name}' in {text_files()[namespace].name}; add it with vi: and en:.")
    entry = entries[name]
    if lang not in entry:
        raise TextError(f"The text '{key}' has no '{lang}' version; add {lang}: to it.")
    value = entry[lang]
    if isinstance(value, str):
        return value
    if count is None:
        raise TextError(f"The text '{key}' has plural forms: pass count= (or n=) to choose one.")
    form = plural_form(lang, count)
    return value.get(form, value["other"])


def say(key: str, lang: str, /, count: float | None = None, **values: object) -> str:
    """The text ``key`` in ``lang``, its placeholders filled from ``values``.

    A text with plural forms is chosen by ``count`` (or by the value ``n``).
    """
    if count is None and isinstance(values.get("n"), (int, float)):
        count = values["n"]  # type: ignore[assignment]
    template = _template(key, lang, count)
    try:
        return _FORMATTER.format(template, count=count, **values)
    except (KeyError, IndexError) as missing:
        raise TextError(f"The text '{key}' ({lang}) needs the value {missing}; pass it to say().") from None


class Texts:
    """The texts of one file, e.g. ``T = Texts("poverty")``; ``T(key, lang, **values)`` is ``say``."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def __call__(self, key: str, lang: str, /, count: float | None = None, **values: object) -> str:
        return say(self.key(key), lang, count=count, **values)

    def key(self, name: str) -> str:
        """The full key of a name in this file (a key that names another file is kept)."""
        return name if ":" in name else f"{self.namespace}:{name}"

    def has(self, name: str) -> bool:
        """Whether this file (or the file a full key names) has the text."""
        return has(self.key(name))


def texts_for(module_name: str) -> Texts:
    """The texts beside a module: ``texts_for("helpers.sections.poverty")`` reads ``sections/poverty.yml``."""
    return Texts(module_name.rsplit(".", 1)[-1])


def placeholders(template: str) -> set[str]:
    """The names a template's ``{…}`` fields use."""
    return {
        field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template) if field is not None
    }


def variants(entry: Mapping[str, str | PluralForms]) -> Iterator[tuple[str, str, str]]:
    """Every (language, plural form or "", template) of an entry."""
    for lang in LANGS:
        value = entry.get(lang)
        if isinstance(value, str):
            yield lang, "", value
        elif isinstance(value, Mapping):
            for form, template in value.items():
                yield lang, str(form), template


def problems(namespace: str) -> list[str]:
    """What is wrong with one text file: a missing language, placeholders that differ, bad plural forms."""
    return [p for name, entry in load(namespace).items() for p in entry_problems(f"{namespace}:{name}", entry)]


def entry_problems(where: str, entry: Mapping[str, object]) -> list[str]:
    """What is wrong with one entry (see :func:`problems`)."""
    found = []
    missing = [lang for lang in LANGS if lang not in entry]
    extra = sorted(str(k) for k in set(entry) - set(LANGS))
    if missing:
        found.append(f"{where}: no {', '.join(missing)} version")
    if extra:
        found.append(f"{where}: unknown language(s) {', '.join(extra)}")
    for lang in LANGS:
        value = entry.get(lang)
        if isinstance(value, Mapping):
            allowed = set(Locale.parse(lang).plural_form.tags) | {"other"}
            if "other" not in value:
                found.append(f"{where}: the {lang} plural forms lack 'other'")
            if set(value) - allowed:
                found.append(f"{where}: {lang} has no plural form(s) {sorted(set(value) - allowed)}")
        elif value is not None and not isinstance(value, str):
            found.append(f"{where}: the {lang} version is neither a text nor plural forms")
    shapes = {(lang, form): placeholders(str(t)) for lang, form, t in variants(entry)}  # type: ignore[arg-type]
    if len({frozenset(s) for s in shapes.values()}) > 1:
        found.append(
            f"{where}: the placeholders differ: "
            + "; ".join(f"{lang}{'/' + form if form else ''} {sorted(s)}" for (lang, form), s in shapes.items())
        )
    return found
