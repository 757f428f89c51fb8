"""Back-tests: the built 2023 appendix reproduces the totals the 2023 report prints.

The ground truth (``ground_truth/<table>.csv``, see its README) is typed in from the report's text; the test
compares it with the ``tables/<table>.csv`` that the build writes, in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import REPORT_2023

GROUND_TRUTH = Path(__file__).parent / "ground_truth"
TABLES = sorted(p.stem for p in GROUND_TRUTH.glob("*.csv"))
TRUTH_COLUMNS = ["column", "printed", "value", "quote"]


def ground_truth(name: str) -> tuple[pd.DataFrame, list[str]]:
    """A ground-truth file and its key columns (those before ``column``)."""
    truth = pd.read_csv(GROUND_TRUTH / f"{name}.csv", dtype=str, keep_default_na=False)
    keys = list(truth.columns[: list(truth.columns).index("column")])
    assert list(truth.columns) == keys + TRUTH_COLUMNS, name
    return truth.assign(value=truth["value"].astype(float)), keys


def read_printed(printed: str) -> float:
    """A figure as the report prints it, read on its own: dots group thousands, the comma is the decimal mark."""
    sign = -1 if printed.startswith("giảm ") else 1
    number = printed.removeprefix("giảm ").removesuffix("%")
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?", number), printed
    return sign * float(number.replace(".", "").replace(",", "."))


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_there_is_ground_truth_for_a_dozen_tables() -> None:
    assert len(TABLES) >= 12
    assert {"01_poverty_credit", "02_employment_scorecard", "03_social_evils_drug_rehab"} <= set(TABLES)


@pytest.mark.skipif(not REPORT_2023.exists(), reason="the shared 2023 report is not beside the project")
@pytest.mark.parametrize("name", TABLES)
def test_the_ground_truth_is_what_the_report_prints(name: str) -> None:
    truth, keys = ground_truth(name)
    report = one_line(REPORT_2023.read_text(encoding="utf-8"))
    for row in truth.itertuples():
        assert one_line(row.quote) in report, f"{name}: not in the report: {row.quote!r}"
        assert re.search(rf"(?<![\d.,]){re.escape(row.printed)}(?![\d]|[.,]\d)", row.quote), (name, row.printed)
        assert read_printed(row.printed) == row.value, (name, row.printed, row.value)
    assert not truth.duplicated(keys + ["column"]).any(), name


@pytest.mark.xdist_group("build")
@pytest.mark.parametrize("folder", ["2023", "2023-en"])
@pytest.mark.parametrize("name", TABLES)
def test_the_built_table_reproduces_the_printed_figures(all_builds: Path, folder: str, name: str) -> None:
    truth, keys = ground_truth(name)
    built = pd.read_csv(all_builds / folder / "tables" / f"{name}.csv", dtype=str, keep_default_na=False)
    columns = sorted(set(truth["column"]))
    assert set(keys + columns) <= set(built.columns), f"{name}: the built table has {list(built.columns)}"
    cells = built[keys + columns].melt(id_vars=keys, var_name="column", value_name="cell")
    cells = cells.rename(columns={"cell": "value"})
    cells = cells[cells[keys].ne("").any(axis=1)]  # rows the appendix computes itself have no key
    found = truth[keys + ["column"]].merge(cells, on=keys + ["column"], how="left", validate="one_to_one")
    found["value"] = pd.to_numeric(found["value"].replace("", None)).astype(float)  # whole numbers are written whole
    pd.testing.assert_frame_equal(found, truth[keys + ["column", "value"]], obj=f"{folder}/tables/{name}.csv")
