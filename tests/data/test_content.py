"""data/content_blocks.csv and data/content.csv: what each part of the appendix shows, declared in data."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.data import content
from helpers.data.loading import load_catalogue
from helpers.errors import DataError
from helpers.text import Texts
from tests.conftest import read_rows, write_rows


def test_the_declarations_load_in_order() -> None:
    blocks, rows = content.load_content()
    for part, frame in blocks.groupby("part"):
        assert list(frame["order"]) == sorted(frame["order"]), part
    assert content.indicators("employment", "job_exchange")[:3] == [
        "job_exchange_sessions",
        "job_exchange_participants",
        "job_exchange_vacancies",
    ]
    assert content.indicators("social_evils", "venues", role="parts") == ["social_evil_venues"]
    assert content.block("employment", "jobs")["chart_kind"] == "goals"
    with pytest.raises(KeyError, match="no block 'nowhere' in part 'employment'"):
        content.block("employment", "nowhere")


def test_every_domain_of_the_catalogue_has_a_part_that_shows_its_undeclared_figures() -> None:
    domains = set(load_catalogue()["domain"])  # poverty's fallback is its part's block "other" (01_poverty)
    assert {d: content.part_of_domain(d) for d in domains if content.part_of_domain(d) is None} == {}


def test_every_text_key_the_declarations_name_is_in_the_parts_text_file() -> None:
    blocks, rows = content.load_content()
    for row in blocks.itertuples():
        texts = Texts(row.part)
        if not pd_isna(row.level):
            assert texts.has(f"{row.block}.heading"), (row.part, row.block)
        for name in (row.table, row.chart):
            if name:
                assert texts.has(f"{name}.caption"), (row.part, row.block, name)
    for row in rows.itertuples():
        texts = Texts(row.part)
        for key in (row.label, row.unit_label):
            if key:
                assert texts.has(key), (row.part, row.block, key)


def test_a_domain_falls_back_to_one_block_only() -> None:
    rows = content.load_content()[1]
    fallbacks = rows[rows["role"] == "domain"]
    assert not fallbacks["domain"].duplicated().any()


def pd_isna(value: object) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


@pytest.mark.parametrize(
    ("line", "column", "text", "pattern"),
    [
        (2, "level", "4", r"content_blocks\.csv, line 2, column 'level': expected one of: , 2, 3"),
        (3, "block", "scorecard", r"content_blocks\.csv, line 3, column 'block': 'scorecard' is already used"),
        (3, "order", "1", r"content_blocks\.csv, line 3, column 'order': '1' is already used"),
        (3, "chart_kind", "", r"content_blocks\.csv, line 3, column 'chart_kind': a chart needs its kind"),
        (2, "table_kind", "pie", r"content_blocks\.csv, line 2, column 'table_kind': expected one of"),
    ],
)
def test_a_bad_block_is_refused(data_copy: Path, set_cell, line: int, column: str, text: str, pattern: str) -> None:
    set_cell(data_copy / "content_blocks.csv", line, column, text)
    with pytest.raises(DataError, match=pattern):
        content.load_content(data_copy)


@pytest.mark.parametrize(
    ("line", "column", "text", "pattern"),
    [
        (2, "block", "nowhere", r"content\.csv, line 2, column 'block': 'employment, nowhere' is no block"),
        (2, "indicator_id", "jobs_creatd", r"content\.csv, line 2, column 'indicator_id': expected one of the"),
        (2, "indicator_id", "", r"content\.csv, line 2, column 'indicator_id': a series row needs its indicator_id"),
        (3, "order", "1", r"content\.csv, line 3, column 'order': '1' is already used on an earlier line of the same"),
        (2, "role", "pie", r"content\.csv, line 2, column 'role': expected one of"),
        (2, "breakdown", "district=Atlantis", r"content\.csv, line 2, column 'breakdown': expected empty, dimension="),
        (2, "unit", "percent", r"content\.csv, line 2, column 'unit': only a computed row has a unit"),
        (
            0,
            "denominator",
            "",
            r"content\.csv, line {line}, column 'denominator': a ratio or percent needs a denominator",
        ),
        (0, "unit", "", r"content\.csv, line {line}, column 'unit': a computed row needs a unit"),
        (0, "numerator", "jobs+nothing", r"content\.csv, line {line}, column 'numerator': expected indicator ids"),
        (0, "label", "", r"content\.csv, line {line}, column 'label': a computed row needs its label"),
    ],
)
def test_a_bad_content_row_is_refused(
    data_copy: Path, set_cell, line: int, column: str, text: str, pattern: str
) -> None:
    if line == 0:  # the first computed row (a percent of two indicators)
        line = next(i for i, r in enumerate(read_rows(data_copy / "content.csv"), 1) if r[3] == "computed")
    set_cell(data_copy / "content.csv", line, column, text)
    with pytest.raises(DataError, match=pattern.format(line=line)):
        content.load_content(data_copy)


def test_a_parts_row_names_a_whole_dimension(data_copy: Path) -> None:
    rows = read_rows(data_copy / "content.csv")
    line = next(i for i, r in enumerate(rows) if r[3] == "parts") + 1
    rows[line - 1][6] = "venue_type=karaoke"
    write_rows(data_copy / "content.csv", rows)
    with pytest.raises(DataError, match=rf"content\.csv, line {line}, column 'breakdown': a parts row names its"):
        content.load_content(data_copy)
