"""No place is named in the code or in its texts (issue 14, item 2): every place name a reader sees comes from
data/ (reports.csv's area, place and issuer; breakdown_labels.csv's districts). The names are read from the data,
so a new area's names are guarded as soon as its rows arrive."""

from __future__ import annotations

import csv
from pathlib import Path

from helpers.paths import PROJECT_ROOT, data_dir

SRC = PROJECT_ROOT / "src" / "helpers"
CODE_SUFFIXES = {".py", ".yml", ".yaml", ".html", ".css", ".j2", ".jinja"}


def place_names() -> set[str]:
    """Every place the data name: the areas and datelines of reports.csv, the districts of breakdown_labels.csv."""
    names: set[str] = set()
    with (data_dir() / "reports.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names |= {row["place_vi"], row["place_en"]}
            names |= {row["area_vi"].removeprefix("Tỉnh ").removeprefix("Thành phố "), row["area_en"]}
    with (data_dir() / "breakdown_labels.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["dimension"] == "district":
                names |= {row["value"], row["label_en"]}
    return {n for n in names if n}


def code_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES)


def test_the_guard_reads_the_places_of_the_data() -> None:
    names = place_names()
    assert {"Thừa Thiên Huế", "A Lưới", "Thành phố Huế"} <= names  # the data's own, read from the files
    assert len(code_files()) > 50


def test_no_code_or_text_file_names_a_place_of_the_data() -> None:
    names = place_names()
    found = {
        (str(path.relative_to(SRC)), name)
        for path in code_files()
        for name in names
        if name in path.read_text(encoding="utf-8")
    }
    assert not found, sorted(found)
