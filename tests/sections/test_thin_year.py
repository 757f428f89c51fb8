"""A thin year makes a short appendix (issue 14, item 3), and a new indicator shows in its domain's part (item 1).

The year is invented for the test in a copy of the data (``tests/data/year_2024.py``: a test source, labelled
as such; no figure here is a published one): the poverty rate and poor households, a count of venues prone to
social evils, a figure of a new employment indicator added to the catalogue, and one district's workers abroad.
Notebooks 02–04 run on it; no block may say only that there is no data, no heading may stand with nothing under
it, and every figure of the year must show in its domain's part.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from helpers.paths import PROJECT_ROOT
from tests.conftest import read_rows, write_rows
from tests.data.year_2024 import SOURCE_ID, add_2024

NEW_ID = "job_fair_test_visitors"  # a test indicator, not in the real catalogue
NO_DATA = re.compile(r"appendix-nodata|Không có số liệu|No data|There are no figures", re.IGNORECASE)


def add_rows(data: Path, rows: list[dict[str, str]]) -> None:
    """Append figures of the test source to ``figures/2024.csv``."""
    lines = read_rows(data / "figures" / "2024.csv")
    header = lines[0]
    for row in rows:
        full = {c: "" for c in header} | {"source_id": SOURCE_ID, "locator": "Phần I (dữ liệu thử)"} | row
        lines.append([full[c] for c in header])
    write_rows(data / "figures" / "2024.csv", lines)


@pytest.fixture
def thin_2024(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    add_2024(data_copy)
    catalogue = read_rows(data_copy / "indicators.csv")
    head = catalogue[0]
    new = {"indicator_id": NEW_ID, "domain": "employment", "name_vi": "Số lượt khách tham quan sàn việc làm (thử)"}
    new |= {"name_en": "Job fair visitors (test)", "unit": "persons", "polarity": "neutral", "scope": "province"}
    write_rows(data_copy / "indicators.csv", catalogue + [[new.get(c, "") for c in head]])
    add_rows(
        data_copy,
        [
            {
                "indicator_id": "social_evil_venues",
                "period": "2024",
                "kind": "actual",
                "value": "981",
                "printed": "981",
            },
            {"indicator_id": NEW_ID, "period": "2024", "kind": "actual", "value": "1234", "printed": "1.234"},
            {"indicator_id": "workers_abroad", "period": "2024", "kind": "actual", "breakdown": "district=Nam Đông"}
            | {"value": "12", "printed": "12"},
        ],
    )
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    return data_copy


def run_notebook(name: str, year: int, lang: str) -> list:
    """What a notebook shows, its code cells run here after its parameters: the Report's list of shown things."""
    cells = json.loads((PROJECT_ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    space: dict = {"year": year, "lang": lang, "output_dir": "", "as_of": ""}
    for cell in code:
        if "parameters" not in cell["metadata"].get("tags", []):
            exec("".join(cell["source"]), space)  # noqa: S102  (the notebook's own cells)
    return space["rep"].shown


def assert_short(shown: list) -> None:
    """No "no data" line, and every heading with something under it before the next of its level or above."""
    assert not [s.html for s in shown if NO_DATA.search(s.html)]
    levels = [int(re.search(r"<h(\d)", s.html)[1]) if s.kind == "heading" else None for s in shown]
    for i, level in enumerate(levels):
        if level is not None:
            following = levels[i + 1] if i + 1 < len(levels) else 0
            assert following is None or following > level, shown[i].html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_thin_year_is_short_and_shows_every_figure_in_its_part(thin_2024: Path, lang: str) -> None:
    employment = run_notebook("02_employment", 2024, lang)
    social_evils = run_notebook("03_social_evils", 2024, lang)
    social_protection = run_notebook("04_social_protection", 2024, lang)
    for shown in (employment, social_evils, social_protection):
        assert_short(shown)
    assert social_protection == []  # no figure of the part in 2024: not even its title
    # The new indicator appears in its domain's part, in the "other figures" block, with no code change.
    text = " ".join(s.html for s in employment)
    name = "Số lượt khách tham quan sàn việc làm (thử)" if lang == "vi" else "Job fair visitors (test)"
    assert html.escape(name) in text and ("1.234" if lang == "vi" else "1,234") in text
    assert "02_employment_other_figures" in [s.name for s in employment if s.kind == "table"]
    # So does a district's figure that no block declares (workers abroad from one district, without the total).
    assert ("Huyện Nam Đông" if lang == "vi" else "Nam Dong") in text
    # The venues' count shows in the social-evils part, although no breakdown by type came with it.
    evils = " ".join(s.html for s in social_evils)
    assert "981" in evils and sum(s.kind == "table" for s in social_evils) == 1
