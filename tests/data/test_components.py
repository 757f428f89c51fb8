"""data/components.csv: indicators declared the sum of others (issue 16: KH 343/KH-UBND's 36,91% "trong đó" 24,91%
poor and 12,0% near-poor), the loader's refusals, and the data held to the declared sums."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.data.components import load_components
from helpers.data.loading import figures_files, load_reference, read_figures_file
from helpers.errors import DataError


def test_the_multidimensional_poverty_rate_is_the_poor_plus_the_near_poor_rate() -> None:
    assert load_components()["multidimensional_poverty_rate"] == ("poverty_rate", "near_poor_rate")


def test_every_figure_of_a_sum_equals_its_parts_where_the_data_hold_all() -> None:
    """Where one file holds the sum and every part for the same key, the printed sum is the parts' sum (to the
    printed precision): KH 343's 36,91 = 24,91 + 12,0. The check must find at least that goal."""
    declared = load_components()
    ref = load_reference()
    checked = 0
    for path in figures_files().values():
        rows = read_figures_file(path, ref)
        keyed = rows.set_index(["indicator_id", "period", "as_of", "kind", "instrument", "breakdown", "source_id"])
        for whole, parts in declared.items():
            for key, total in keyed.loc[keyed.index.get_level_values(0) == whole, "value"].items():
                values = [keyed["value"].get((part, *key[1:])) for part in parts]
                if any(v is None for v in values):
                    continue
                assert float(total) == pytest.approx(sum(float(v) for v in values), abs=0.005), (path.name, key)
                checked += 1
    assert checked >= 1


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (
            "poverty_rate+no_such_indicator",
            "parts names no_such_indicator, not in indicators.csv",
        ),
        (
            "poverty_rate",
            "parts must name at least two other indicators, each once, joined by '+', got poverty_rate",
        ),
        (
            "poverty_rate+multidimensional_poverty_rate",
            "parts must name at least two other indicators, each once, joined by '+', got "
            "poverty_rate+multidimensional_poverty_rate",
        ),
        (
            "poverty_rate+poor_households",
            "the part poor_households is in households, not in percent like multidimensional_poverty_rate; a sum "
            "adds figures of one unit",
        ),
    ],
)
def test_a_bad_declaration_is_refused_in_one_sentence(data_copy: Path, set_cell, parts: str, message: str) -> None:
    set_cell(data_copy / "components.csv", 2, "parts", parts)
    with pytest.raises(DataError) as info:
        load_components(data_copy)
    assert "components.csv, line 2" in str(info.value) and message in str(info.value)
    assert str(info.value).count(".") >= 1 and "\n" not in str(info.value)
