"""data/slots.csv: the indicators a part's rules and sentences speak of by what they mean, validated with
one-sentence refusals; code names a slot, never an indicator, and a slot the data leave out silences its sentence."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers.data.slots import load_slots, slot
from helpers.errors import DataError
from helpers.paths import PROJECT_ROOT
from tests.conftest import read_rows, write_rows

HEADER = ["part", "slot", "indicator_id", "note"]


def test_the_real_slots_load_and_name_catalogue_indicators() -> None:
    frame = load_slots()
    assert list(frame.columns) == ["part", "slot", "indicator_id"] and len(frame) >= 1
    assert slot("poverty", "rate") == "poverty_rate"
    assert slot("social_evils", "managed") == "drug_users_managed"
    assert slot("poverty", "no_such_slot") is None and slot("no_such_part", "rate") is None


def _literals() -> set[str]:
    found = set()
    for path in (PROJECT_ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_declared_slot_is_read_by_code() -> None:
    # A slot no code reads would be a declaration with no effect: the reviewer would think it shows something.
    literals = _literals()
    unread = sorted(
        f"{p}.{s}" for p, s in zip(load_slots()["part"], load_slots()["slot"], strict=True) if s not in literals
    )
    assert not unread, unread


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["poverty", "rate", "no_such_indicator", "n"],
            "data/slots.csv, line 2, column 'indicator_id': expected one of the",
        ),
        (["poverty", "Rate", "poverty_rate", "n"], "data/slots.csv, line 2, column 'slot': expected a snake_case name"),
        (["poverty", "rate", "poverty_rate", ""], "data/slots.csv, line 2, column 'note': expected a non-empty cell"),
    ],
)
def test_a_bad_slot_is_refused_in_one_sentence(data_copy: Path, row: list[str], message: str) -> None:
    write_rows(data_copy / "slots.csv", [HEADER, row])
    with pytest.raises(DataError) as caught:
        load_slots(data_copy)
    assert str(caught.value).startswith(message), str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_slot_declared_twice_in_a_part_is_refused(data_copy: Path) -> None:
    write_rows(
        data_copy / "slots.csv",
        [HEADER, ["poverty", "rate", "poverty_rate", "n"], ["poverty", "rate", "poor_households", "n"]],
    )
    with pytest.raises(DataError, match=re.escape("data/slots.csv, line 3, column 'slot': 'rate' is already declared")):
        load_slots(data_copy)


def test_a_sentence_whose_slots_the_data_leave_out_says_nothing(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.data.loading import load_year
    from helpers.findings import social_evils as f

    figures = load_year(2023)
    assert f.finding_drugs(figures, 2023, "vi") is not None
    rows = read_rows(data_copy / "slots.csv")
    write_rows(data_copy / "slots.csv", [r for r in rows if r[:2] != ["social_evils", "managed"]])
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    assert f.finding_drugs(figures, 2023, "vi") is None  # another area's reports may hold no registry count
    assert f.finding_venues(figures, 2023, "vi") is not None  # the other sentences keep their slots
