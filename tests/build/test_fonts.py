"""The PDF's serif, kept in the project, covers every Vietnamese letter (checked on the cmap, not by eye)."""

from __future__ import annotations

import hashlib

import pytest
from fontTools.ttLib import TTFont

from helpers.build import fonts


def test_vietnamese_letters_are_the_whole_alphabet_with_tones() -> None:
    letters = fonts.VIETNAMESE_LETTERS
    assert len(letters) == 186
    assert {"ơ", "ư", "đ", "Đ", "ả", "ạ", "ằ", "ế", "ộ", "ự", "Ỹ", "ỵ"} <= letters
    assert all(len(c) == 1 for c in letters)  # precomposed, as text is written


@pytest.mark.parametrize("path", fonts.font_files(), ids=lambda p: p.name)
def test_every_face_covers_every_vietnamese_letter(path) -> None:
    cmap = TTFont(path).getBestCmap()
    missing = sorted(c for c in fonts.VIETNAMESE_LETTERS if ord(c) not in cmap)
    assert missing == [], f"{path.name} lacks {''.join(missing)}"
    assert TTFont(path)["name"].getDebugName(1) == fonts.FAMILY


def test_licence_and_provenance_are_kept_beside_the_fonts() -> None:
    licence = (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence and "Google" in licence
    readme = (fonts.FONT_DIR / "README.md").read_text(encoding="utf-8")
    for path in fonts.font_files():
        assert hashlib.sha256(path.read_bytes()).hexdigest() in readme, path.name


def test_font_face_css_points_at_the_project_files() -> None:
    css = fonts.font_face_css()
    assert css.count("@font-face") == 4 and 'font-family: "Tinos"' in css
    for path in fonts.font_files():
        assert path.as_uri() in css
