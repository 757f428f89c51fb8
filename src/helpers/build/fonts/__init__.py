"""The serif the PDF is set in (Tinos, OFL-1.1), kept in the project so that no system font is needed.

:func:`font_face_css` gives the ``@font-face`` rules WeasyPrint loads the
files with; :data:`VIETNAMESE_LETTERS` is what a font must cover to set
Vietnamese without falling back to another font letter by letter.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent
FAMILY = "Tinos"
# (file, font-weight, font-style)
FACES = (
    ("Tinos-Regular.ttf", "normal", "normal"),
    ("Tinos-Bold.ttf", "bold", "normal"),
    ("Tinos-Italic.ttf", "normal", "italic"),
    ("Tinos-BoldItalic.ttf", "bold", "italic"),
)

_VOWELS = "aăâeêioôơuưy"
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _letters() -> frozenset[str]:
    letters = set("abcdefghijklmnopqrstuvwxyzđ")
    letters |= {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    letters |= set(_VOWELS)
    return frozenset(letters | {c.upper() for c in letters})


VIETNAMESE_LETTERS = _letters()  # 186: a–z, đ, ă â ê ô ơ ư and the 60 toned vowels, both cases (NFC)


def font_files() -> list[Path]:
    """The font files, regular first."""
    return [FONT_DIR / name for name, _, _ in FACES]


def font_face_css() -> str:
    """``@font-face`` rules declaring the project's Tinos files by ``file:`` URL (read by WeasyPrint only)."""
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{(FONT_DIR / name).as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}"
        for name, weight, style in FACES
    )


@functools.cache
def chart_font_face_css() -> str:
    """``@font-face`` rules for the charts' font (:data:`helpers.present.handoff.FONT_FAMILY`), from the files
    matplotlib draws the charts with, so that the PDF's charts (their text kept as text) are set in the very font
    they were laid out in, whatever a machine has installed."""
    from matplotlib.font_manager import FontProperties, findfont

    from helpers.present.handoff import FONT_FAMILY

    rules = []
    for weight in ("normal", "bold"):
        for style in ("normal", "italic"):
            path = Path(
                findfont(FontProperties(family=FONT_FAMILY, weight=weight, style=style), fallback_to_default=False)
            )
            rules.append(
                f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules)
