"""What the report covers, the appendix covers (issue 9, §4): every part of the 2023 report that prints a figure,
and every figure of it, is shown in a table of the appendix's topical notebooks (00–04), not only in the data-quality
notebook's lists.

A figure counts as shown when a table of those notebooks names its indicator (a cell or a column of the table's
CSV), or lists every part of its breakdown (a table of venues by type shows the venues' total). The few figures
shown in a sentence or beside another figure's row, not as a row of their own, are named in
:data:`SHOWN_IN_WORDS`, and the test checks that the notebook's output holds them as the appendix writes them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.data.loading import load_report_meta, load_year
from helpers.present.lines import figure_text

YEAR = 2023
BUILD = pytest.mark.xdist_group("build")
TOPICAL = "0[0-4]_*"  # the notebooks before 05_data_quality
# indicator → the notebook whose output shows it in words or inside another figure's row, and how
SHOWN_IN_WORDS = {
    "credit_programmes": ("01_poverty", "a sentence under the credit table"),
    "jobs_created_pct_of_plan": ("02_employment", "the report's % of plan beside the jobs row of the scorecard"),
    "workers_abroad_pct_of_plan": ("02_employment", "the report's % of plan beside the workers-abroad row"),
    "tet_gifts_amount": ("04_social_protection", "the amount column of the Tết row of the merit gifts"),
    "july27_gifts_amount": ("04_social_protection", "the amount column of the 27/7 row of the merit gifts"),
    "centenarian_gift_recipients": ("04_social_protection", "172 gifts for 172 centenarians: the gifts row"),
}


def report_figures() -> pd.DataFrame:
    """The figures the year's report itself prints (its source in data/reports.csv), preferred or not."""
    figures = load_year(YEAR)
    return figures[figures["source_id"] == load_report_meta(YEAR).source_id]


def part(locator: str) -> str:
    """The report's part a locator names: "Phần I, mục 7.c, chú thích 2; also …" → "Phần I, mục 7.c"."""
    return ", ".join(locator.split("; also ")[0].split(", ")[:2])


def shown_indicators(tables: Path, figures: pd.DataFrame) -> set[str]:
    """The indicators a topical table names, or whose breakdown's parts it lists in full."""
    cells: set[str] = set()
    code_sets = []
    for path in sorted(tables.glob(f"{TOPICAL}.csv")):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        cells |= set(table.columns) | set(table.to_numpy().ravel())
        code_sets += [set(table[c]) for c in ("category_code", "code") if c in table.columns]
    shown = set(figures["indicator_id"]) & cells
    for indicator_id, rows in figures[figures["breakdown"] != ""].groupby("indicator_id"):
        codes = {b.split("=", 1)[1] for b in rows["breakdown"]}
        if any(codes <= found for found in code_sets):
            shown.add(str(indicator_id))
    return shown


def notebook_text(folder: Path, notebook: str) -> str:
    """Everything an executed notebook of the build shows (its outputs' HTML and text)."""
    cells = json.loads((folder / "notebooks" / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    chunks = [
        "".join(data) if isinstance(data, list) else str(data)
        for cell in cells
        for output in cell.get("outputs", [])
        for data in output.get("data", {}).values()
    ]
    return re.sub(r"\s+", " ", " ".join(chunks))


def test_the_helpers_see_parts_and_breakdowns() -> None:
    assert part("Phần I, mục 7.c, chú thích 2") == "Phần I, mục 7.c"
    assert part("Phần I, mục 3; also Mở đầu") == "Phần I, mục 3" and part("Mở đầu") == "Mở đầu"
    assert part("Phần II, mục I.2.2, bảng, dòng 1") == "Phần II, mục I.2.2"
    figures = report_figures()
    assert {"Mở đầu", "Phần I, mục 4", "Phần I, mục 7.d", "Phần I, mục 8", "Phần II, mục I.2.2"} <= set(
        figures["locator"].map(part)
    )
    assert set(SHOWN_IN_WORDS) <= set(figures["indicator_id"])


@BUILD
def test_every_part_of_the_report_has_a_section(all_builds: Path) -> None:
    figures = report_figures()
    shown = shown_indicators(all_builds / str(YEAR) / "tables", figures)
    parts = figures.assign(part=figures["locator"].map(part), shown=figures["indicator_id"].isin(shown))
    missing = sorted(set(parts["part"]) - set(parts.loc[parts["shown"], "part"]))
    assert len(set(parts["part"])) >= 15 and missing == []


@BUILD
@pytest.mark.parametrize("folder", [str(YEAR), f"{YEAR}-en"])
def test_every_figure_of_the_report_is_shown(all_builds: Path, folder: str) -> None:
    figures = report_figures()
    shown = shown_indicators(all_builds / folder / "tables", figures)
    assert sorted(set(figures["indicator_id"]) - shown - set(SHOWN_IN_WORDS)) == []
    lang = "en" if folder.endswith("-en") else "vi"
    for indicator_id, (notebook, _) in SHOWN_IN_WORDS.items():
        row = figures[figures["indicator_id"] == indicator_id].iloc[0]
        text = figure_text(figures, indicator_id, int(row["period"]), lang)
        assert text and text in notebook_text(all_builds / folder, notebook), (indicator_id, text)
