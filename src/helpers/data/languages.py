"""The languages the appendix is written in.

The data layer needs them too (a source's issuer and area are recorded in each language), so they live here,
at the lowest stage, and :mod:`helpers.text.formatting` re-exports them: the data never imports the text.
"""

from __future__ import annotations

from helpers.errors import UsageError

LANGS = ("vi", "en")


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise a UsageError listing them."""
    if lang not in LANGS:
        raise UsageError(f"Unknown language '{lang}'; use one of: {', '.join(LANGS)}.")
    return lang
