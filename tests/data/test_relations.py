"""data/relations.csv: relations between indicators that hold in one area's reports, validated with one-sentence
refusals; the analysis computes a share of a whole only where the part is declared part of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.analysis.relations import part_of
from helpers.data import content
from helpers.data.relations import load_relations
from helpers.errors import DataError
from helpers.sections import blocks
from helpers.text import say
from tests.conftest import read_rows, write_rows

HEADER = ["relation", "indicator_id", "of", "from_year", "to_year", "note"]


def write_relations(data: Path, *rows: list[str]) -> None:
    write_rows(data / "relations.csv", [HEADER, *rows])


def test_the_real_relations_load_and_say_workers_abroad_are_part_of_jobs_created() -> None:
    frame = load_relations()
    assert list(frame.columns) == HEADER and len(frame) >= 1
    assert part_of("workers_abroad", "jobs_created", 2023)
    assert not part_of("jobs_created", "workers_abroad", 2023)  # a relation has a direction
    assert not part_of("job_credit_jobs", "jobs_created", 2023)  # nothing is assumed without a row


def test_a_relation_holds_for_the_years_it_declares(data_copy: Path) -> None:
    write_relations(data_copy, ["part_of", "workers_abroad", "jobs_created", "2019", "2021", "test: a span"])
    held = [y for y in range(2017, 2024) if part_of("workers_abroad", "jobs_created", y, data_copy)]
    assert held == [2019, 2020, 2021]
    write_relations(data_copy, ["part_of", "workers_abroad", "jobs_created", "2022", "", "test: open-ended"])
    assert [y for y in (2021, 2022, 2030) if part_of("workers_abroad", "jobs_created", y, data_copy)] == [2022, 2030]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["contains", "workers_abroad", "jobs_created", "", "", "n"],
            "data/relations.csv, line 2, column 'relation': expected one of: part_of, got 'contains'.",
        ),
        (
            ["part_of", "workers_abroad", "jobs", "", "", "n"],
            "data/relations.csv, line 2, column 'of': expected one of the",
        ),
        (
            ["part_of", "jobs_created", "jobs_created", "", "", "n"],
            "data/relations.csv, line 2, column 'of': 'jobs_created' is the indicator itself",
        ),
        (
            ["part_of", "poverty_rate", "jobs_created", "", "", "n"],
            "data/relations.csv, line 2, column 'of': 'jobs_created' counts persons and 'poverty_rate' counts percent",
        ),
        (
            ["part_of", "workers_abroad", "jobs_created", "2023", "2021", "n"],
            "data/relations.csv, line 2, column 'to_year': '2021' is before from_year '2023'",
        ),
        (
            ["part_of", "workers_abroad", "jobs_created", "23", "", "n"],
            "data/relations.csv, line 2, column 'from_year': expected a four-digit year, or empty, got '23'.",
        ),
        (
            ["part_of", "workers_abroad", "jobs_created", "", "", ""],
            "data/relations.csv, line 2, column 'note': expected a non-empty cell",
        ),
    ],
)
def test_a_bad_relation_is_refused_in_one_sentence(data_copy: Path, row: list[str], message: str) -> None:
    write_relations(data_copy, row)
    with pytest.raises(DataError) as caught:
        load_relations(data_copy)
    assert str(caught.value).startswith(message), str(caught.value)
    assert str(caught.value).count(".") >= 1 and "\n" not in str(caught.value)


def test_a_relation_declared_twice_for_the_same_years_is_refused_on_its_second_line(data_copy: Path) -> None:
    write_relations(
        data_copy,
        ["part_of", "workers_abroad", "jobs_created", "2015", "2020", "n"],
        ["part_of", "workers_abroad", "jobs_created", "2021", "", "n"],  # the next span: fine
        ["part_of", "workers_abroad", "jobs_created", "2024", "2025", "n"],  # inside the open span of line 3
    )
    with pytest.raises(DataError, match=r"^data/relations\.csv, line 4, column 'from_year': 'workers_abroad part_of"):
        load_relations(data_copy)


def test_the_share_of_workers_abroad_among_jobs_created_follows_the_declaration(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.data.loading import load_year

    figures = load_year(2023)
    share = content.rows("employment", "abroad")
    share = share[share["method"] == "share"].iloc[0]  # workers abroad as a share of jobs created (data/content.csv)
    assert blocks.computed(figures, share, "employment", 2023, "vi").text == "13,65%"  # 2.325 / 17.034, as Huế counts
    write_rows(data_copy / "relations.csv", read_rows(data_copy / "relations.csv")[:1])  # an area that does not
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    assert blocks.computed(figures, share, "employment", 2023, "vi") is None
    label = say("employment:abroad.share", "vi")
    assert label not in blocks.frame(figures, "employment", "abroad", 2023, "vi").to_string()
