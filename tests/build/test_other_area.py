"""An invented second area (tests/data/other_area.py: another province and issuer, two districts of its own, a
subset of the indicators) builds its appendix from data alone, and nothing it outputs names a place of the real
data: no place is typed in the code or in its texts (issue 14, item 2)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from helpers.build.publish import build
from helpers.text import say
from tests.data.other_area import AREA_EN, AREA_VI, DISTRICTS, REAL_PLACES, YEAR, add_other_area

BUILD = pytest.mark.xdist_group("build")  # as tests/build/test_build.py: one worker builds
TEXT_SUFFIXES = {".html", ".csv", ".json", ".jsonl", ".svg", ".ipynb", ".md", ".txt"}
ENCODED = re.compile(r"[A-Za-z0-9+/=]{40,}")  # an embedded image's base64, where "Hue" may occur by chance


def output_texts(folder: Path) -> dict[str, str]:
    """Every text the build wrote: text files whole, and each XML member of the workbook and the Word file. (The PDF
    and the annex's are printed from ``appendix.html`` and ``annex.html``, read here.)"""
    texts = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix in TEXT_SUFFIXES:
            texts[str(path.relative_to(folder))] = path.read_text(encoding="utf-8")
        elif path.suffix in {".xlsx", ".docx"}:
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    if member.endswith((".xml", ".rels")):
                        texts[f"{path.name}/{member}"] = archive.read(member).decode("utf-8")
    return texts


@BUILD
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_invented_area_builds_and_no_output_names_a_place_of_the_real_data(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    add_other_area(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    (folder,) = build([YEAR], lang, outputs_dir=tmp_path / "outputs", progress=False)
    texts = output_texts(folder)
    assert {"appendix.html", "appendix.docx/word/document.xml"} <= set(texts)
    assert len([n for n in texts if n.startswith("notebooks/")]) == 6  # every notebook ran
    places = re.compile(r"\b(?:" + "|".join(map(re.escape, REAL_PLACES)) + r")\b")
    named = {(name, found) for name, text in texts.items() for found in places.findall(ENCODED.sub("", text))}
    assert not named, sorted(named)
    doc = texts["appendix.html"]
    assert (AREA_VI if lang == "vi" else AREA_EN).upper() in doc  # the area of the data, in the cover's title
    assert "annex.html" in texts  # the technical annex too names no place of the real data
    share = say("employment:abroad.share", lang)  # workers abroad among jobs created: Huế's relation, not this area's
    assert share not in doc
    for vi, en in DISTRICTS.values():  # each district with figures gets its part, named from breakdown_labels.csv
        assert f'class="appendix-heading">{vi if lang == "vi" else f"{en} district"}</h' in doc
