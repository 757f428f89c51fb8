"""Attainment with polarity and bounds; the scorecard and next year's targets."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.attainment import assess, goal_bound, next_year_targets, scorecard


def test_higher_is_better() -> None:
    result = assess(17034, 17000, "higher_is_better")
    assert result.met is True
    assert result.ratio == pytest.approx(100.2)
    assert result.margin == 34
    assert assess(16000, 17000, "higher_is_better").met is False


def test_lower_is_better_and_ceilings() -> None:
    assert assess(1.8, 2.1, "lower_is_better", "ceiling").met is True
    assert assess(2.1, 2.1, "lower_is_better", "ceiling").met is False  # "dưới 2,1%" is strict
    assert assess(2.1, 2.1, "lower_is_better").met is True
    assert assess(2.27, 1.76, "lower_is_better", "ceiling").margin == pytest.approx(-0.51)


def test_floor_and_neutral() -> None:
    assert assess(92, 90, "higher_is_better", "floor").met is True
    assert assess(54, 60, "neutral").met is None
    assert goal_bound("dưới 2,1%") == "ceiling" and goal_bound("Trên 90") == "floor" and goal_bound("17.000") is None


def _frame(rows: list[tuple]) -> pd.DataFrame:
    columns = [
        "indicator_id",
        "period",
        "kind",
        "breakdown",
        "value",
        "printed",
        "source_id",
        "polarity",
        "domain",
        "unit",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.assign(preferred=True)


def test_scorecard_on_a_small_frame() -> None:
    frame = _frame(
        [
            ("jobs", 2023, "actual", "", 17034.0, "17.034", "r", "higher_is_better", "employment", "persons"),
            ("jobs", 2023, "plan", "", 17000.0, "17.000", "r", "higher_is_better", "employment", "persons"),
            ("unemp", 2023, "actual", "", 1.8, "1,8%", "r", "lower_is_better", "employment", "percent"),
            ("unemp", 2023, "target", "", 2.1, "dưới 2,1%", "r", "lower_is_better", "employment", "percent"),
            ("poverty", 2023, "target", "", 2.0, "2%", "r", "lower_is_better", "poverty", "percent"),
        ]
    )
    card = scorecard(frame, 2023).set_index("indicator_id")
    assert card.at["jobs", "met"] is True
    assert card.at["unemp", "bound"] == "ceiling" and card.at["unemp", "met"] is True
    assert pd.isna(card.at["poverty", "actual"]) and card.at["poverty", "met"] is None


def test_next_year_targets_flag_those_below_what_was_achieved(figures_2023: pd.DataFrame) -> None:
    # Two goals for 2024 jobs: the 2024 annual plan (2023 report) and the 2021-2025 programme's target; both kept.
    targets = next_year_targets(figures_2023, 2023).set_index(["indicator_id", "goal_kind", "instrument"])
    assert targets.at[("jobs_created", "plan", "KH năm 2024"), "below_achieved"] is True  # 17.000 after 17.034
    assert (
        targets.at[("jobs_created", "target", "CT việc làm 2021-2025"), "below_achieved"] is True
    )  # 17.000 after 17.034
    assert targets.at[("workers_abroad", "plan", "KH năm 2024"), "below_achieved"] is True  # 2.050 after 2.325
    assert (
        targets.at[("urban_unemployment_rate", "target", "KH năm 2024"), "below_achieved"] is True
    )  # dưới 2,1% after 1,8%
    assert targets.at[("trained_labour_rate", "target", "KH năm 2024"), "below_achieved"] is False  # 72,5% after 70,25%
    assert targets.at[("poverty_rate", "target", "KH năm 2024"), "below_achieved"] is False  # dưới 1,76% after 2,27%
    assert targets.index.is_unique


def test_a_range_goal_is_a_band() -> None:
    # "70 - 75%" for a higher-is-better rate: met from 70 on, with the margin to both ends.
    inside = assess(72, 75, "higher_is_better", None, 70, 75)
    assert inside.met is True and inside.margin == 2 and inside.margin_far == -3
    assert assess(69.5, 75, "higher_is_better", None, 70, 75).met is False
    assert assess(76, 75, "higher_is_better", None, 70, 75).margin_far == 1
    # "2 - 2,2%" for a lower-is-better rate: met at 2,2 or below.
    assert assess(2.2, 2.2, "lower_is_better", None, 2, 2.2).met is True
    below = assess(2.27, 2.2, "lower_is_better", None, 2, 2.2)
    assert below.met is False and below.margin == pytest.approx(-0.07) and below.margin_far == pytest.approx(-0.27)
    assert assess(70, 75, "neutral", None, 70, 75).met is None


def test_scorecard_judges_a_band_and_skips_part_year_results() -> None:
    frame = _frame(
        [
            ("jobs", 2020, "actual", "", 16900.0, "16.900", "r", "higher_is_better", "employment", "persons"),
            ("jobs", 2020, "plan", "", 17000.0, "16.800 - 17.000", "r", "higher_is_better", "employment", "persons"),
            ("abroad", 2020, "actual", "", 900.0, "900", "r", "higher_is_better", "employment", "persons"),
            ("abroad", 2020, "plan", "", 2000.0, "2.000", "r", "higher_is_better", "employment", "persons"),
        ]
    ).assign(
        low=[None, 16800.0, None, None],
        high=[None, 17000.0, None, None],
        as_of=["", "", "2020-05-31", ""],
        instrument=["", "KH 41/KH-UBND", "", "KH 41/KH-UBND"],
    )
    card = scorecard(frame, 2020).set_index("indicator_id")
    assert card.at["jobs", "met"] is True and card.at["jobs", "margin"] == 100 and card.at["jobs", "margin_far"] == -100
    assert pd.isna(card.at["abroad", "actual"]) and card.at["abroad", "met"] is None  # 900 is January-May only


def test_direction_lets_a_goals_bound_decide_first() -> None:
    from helpers.analysis.attainment import direction

    assert direction("lower_is_better") == -1 and direction("higher_is_better") == 1 and direction("neutral") == 0
    assert direction("higher_is_better", "ceiling") == -1 and direction("lower_is_better", "floor") == 1


# Issue 9, goals judged right ------------------------------------------------------------------


def test_the_attainment_index_reads_the_same_way_for_every_polarity() -> None:
    from helpers.analysis.attainment import attainment_index

    # A met ceiling lies beyond 100, like a met plan: 2,1 / 1,8 (not 1,8 / 2,1 = 85,71, which reads as failure).
    assert attainment_index(1.8, 2.1, "lower_is_better", "ceiling") == pytest.approx(116.667, abs=1e-3)
    assert attainment_index(17034, 17000, "higher_is_better") == pytest.approx(100.2)
    assert attainment_index(66.8, 67, "higher_is_better", "floor") < 100
    assert attainment_index(2.27, 2.2, "lower_is_better", None, 2.0, 2.2) == pytest.approx(2.2 / 2.27 * 100)
    assert attainment_index(54, 60, "neutral") is None


def test_demand_follows_polarity() -> None:
    from helpers.analysis.attainment import demand

    assert demand(1.8, 2.1, "lower_is_better", "ceiling") == "easier"  # dưới 2,1% after 1,8%: less demanding
    assert demand(2.27, 1.76, "lower_is_better", "ceiling") == "harder"
    assert demand(17034, 17000, "higher_is_better") == "easier"
    assert demand(70.25, 72.5, "higher_is_better") == "harder"
    assert demand(100, 100, "higher_is_better") == "equal"
    assert demand(70.25, 75, "higher_is_better", None, 70, 75) == "easier"  # inside the band: met
    assert demand(54, 60, "neutral") == "higher" and demand(60, 54, "neutral") == "lower"
    assert demand(5, 5, "neutral") == "same"


def test_one_goal_per_indicator_is_counted(figures_2023: pd.DataFrame) -> None:
    card = scorecard(figures_2023, 2023)
    counted = card[card["headline"]]
    assert not counted.duplicated(["indicator_id", "breakdown"]).any()
    # Every goal is counted once: on its own row, or (a component of a goal set with its parts) on its sum's row.
    alone = card[card["goal_of"] == ""]
    assert set(counted["indicator_id"] + counted["breakdown"]) == set(alone["indicator_id"] + alone["breakdown"])
    parts = card[card["goal_of"] != ""]
    assert set(parts["goal_of"] + parts["breakdown"]) <= set(counted["indicator_id"] + counted["breakdown"])
    jobs = card[card["indicator_id"] == "jobs_created"].set_index("goal_kind")["headline"]
    assert jobs["plan"] and not jobs["target"]  # the annual plan is the headline, the programme's target apart
    poverty = card[(card["indicator_id"] == "poverty_rate") & (card["breakdown"] == "")].iloc[0]
    # The 2023 target of KH 63/KH-UBND is judged, and the report's "vượt 0,52%" recomputed from it.
    assert poverty["instrument"] == "KH 63/KH-UBND" and poverty["met"]
    assert poverty["margin"] == pytest.approx(2.79 - 2.27)


def test_a_computed_result_stands_in_only_for_the_same_measure(figures_2023: pd.DataFrame) -> None:
    from helpers.analysis.attainment import computed_results
    from helpers.data.comparable import load_comparable_results

    declared = load_comparable_results().set_index("indicator_id")["same_measure"]
    assert declared["children_special_circumstances_rate"] and not declared["drug_users_service_access_rate"]
    computed = computed_results(figures_2023, 2023).set_index("indicator_id")
    assert computed.at["drug_users_service_access_rate", "value"] == pytest.approx(232 / 484 * 100)
    targets = next_year_targets(figures_2023, 2023).set_index("indicator_id")
    child = targets.loc["children_special_circumstances_rate"]
    assert child["achieved"] == pytest.approx(4206 / 292208 * 100) and child["achieved_computed"]
    assert child["demand"] == "easier" and child["below_achieved"] is True
    access = targets.loc["drug_users_service_access_rate"]
    assert pd.isna(access["achieved"]) and pd.isna(access["demand"]) and not access["achieved_computed"]


def test_the_comparable_results_file_is_checked(tmp_path) -> None:
    import shutil

    from helpers.data.comparable import load_comparable_results
    from helpers.errors import DataError
    from helpers.paths import data_dir

    for name in ("indicators.csv", "units.csv", "sources.csv", "breakdown_labels.csv", "series_breaks.csv"):
        shutil.copy(data_dir() / name, tmp_path / name)
    for name in ("reports.csv", "domains.csv", "kinds.csv", "dimensions.csv"):
        shutil.copy(data_dir() / name, tmp_path / name)
    header = "indicator_id,numerator,denominator,same_measure,note\n"
    (tmp_path / "comparable_results.csv").write_text(header + "children_special_circumstances_rate,nope,x,yes,n\n")
    with pytest.raises(DataError, match="numerator names nope"):
        load_comparable_results(tmp_path)
    (tmp_path / "comparable_results.csv").write_text(
        header + "children_special_circumstances_rate,children_special_circumstances,children_population,maybe,n\n"
    )
    with pytest.raises(DataError, match="same_measure must be yes or no"):
        load_comparable_results(tmp_path)


# Issue 14, item 5: one judge, one written precedence (data/README.md, "Which goal counts") ------------------


@pytest.fixture
def judged_2025(data_copy, monkeypatch) -> pd.DataFrame:
    """The invented 2025 year of tests/data/judged_2025.py (test fixtures, not published figures), loaded."""
    from helpers.data.loading import load_year
    from tests.data.judged_2025 import add_judged_2025

    add_judged_2025(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    return load_year(2025, data_copy)


def test_the_years_own_goal_beats_an_older_programmes_band(judged_2025: pd.DataFrame) -> None:
    # 2025: the year's own target "dưới 1,2%" (an annual instrument) against the 2021–2025 band "2 - 2,2%" of two
    # older programmes, filed earlier; the result 1,25% meets the band and misses the year's own goal.
    card = scorecard(judged_2025, 2025)
    poverty = card[(card["indicator_id"] == "poverty_rate") & (card["breakdown"] == "")]
    assert len(poverty) == 3 and poverty["headline"].sum() == 1
    counted = poverty[poverty["headline"]].iloc[0]
    assert counted["goal_printed"] == "dưới 1,2%" and counted["met"] is False
    assert poverty.loc[~poverty["headline"], "met"].tolist() == [True, True]  # shown apart, never counted


def test_the_first_page_judges_the_goal_that_counts(judged_2025: pd.DataFrame) -> None:
    from helpers.analysis.headline import headline as first_page
    from helpers.data.loading import load_headline

    row = first_page(judged_2025, 2025, load_headline()).set_index("indicator_id").loc["poverty_rate"]
    assert row["goal_printed"] == "dưới 1,2%" and row["met"] is False and row["goals"] == 3


def _instruments(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["instrument", "span", "issued"]).assign(name_en="x")


def _goals(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [("poverty_rate", "", 2025, kind, instrument) for kind, instrument in rows],
        columns=["indicator_id", "breakdown", "period", "kind", "instrument"],
    )


def test_the_precedence_never_depends_on_file_order() -> None:
    from helpers.analysis.precedence import counts

    # Invented instruments: an annual plan, two programmes issued at different times, one with no known date.
    instruments = _instruments(
        [
            ("annual", "2025", ""),
            ("old programme", "2021-2025", "2020"),
            ("new programme", "2022-2025", "2022-03-25"),
            ("undated programme", "2016-2025", ""),
        ]
    )
    goals = _goals([("target", "old programme"), ("target", "new programme"), ("target", "annual")])
    assert counts(goals, instruments) == [False, False, True]  # the year's own instrument first
    assert counts(goals.iloc[::-1], instruments) == [True, False, False]  # whatever the order
    two = _goals([("target", "old programme"), ("target", "new programme")])
    assert counts(two, instruments) == [False, True]  # among equals, the most recently issued
    assert counts(two.iloc[::-1], instruments) == [True, False]
    # An unknown date decides nothing: then a plan before a target, then the label, never the row's place.
    undated = _goals([("target", "undated programme"), ("plan", "old programme")])
    assert counts(undated, instruments) == [False, True]
    same_kind = _goals([("target", "undated programme"), ("target", "old programme")])
    assert counts(same_kind, instruments) == counts(same_kind.iloc[::-1], instruments)[::-1] == [False, True]
    # Partial dates compare as far as both are known: 2022 ties with 2022-03-25, so the plan decides.
    tie = _instruments([("a", "2021-2025", "2022"), ("b", "2021-2025", "2022-03-25")])
    assert counts(_goals([("target", "b"), ("plan", "a")]), tie) == [False, True]


def test_every_instrument_has_a_span_and_an_issue_date_it_can_have() -> None:
    from helpers.data.loading import load_instruments

    instruments = load_instruments()
    assert instruments["span"].str.fullmatch(r"\d{4}(-\d{4})?").all()
    # An instrument is issued at the latest in the last year it sets goals for.
    last = instruments["span"].str[-4:].astype(int)
    issued = instruments["issued"].str[:4].replace("", "0").astype(int)
    assert (issued <= last).all()


def test_a_goal_with_components_is_judged_on_each(figures_2023: pd.DataFrame) -> None:
    """KH 343/KH-UBND: A Lưới's multidimensional poverty rate to 36,91%, "trong đó" 24,91% poor and 12,0% near-poor.
    The poor share (24,4%) met its part; the near-poor share (15,65%) and the sum (40,05%, computed) did not; the
    goal counts once, as not met."""
    from helpers.analysis.attainment import counted_goals

    card = scorecard(figures_2023, 2023)
    a_luoi = card[(card["breakdown"] == "district=A Lưới") & (card["instrument"] == "KH 343/KH-UBND")]
    rows = a_luoi.set_index("indicator_id")
    assert set(rows.index) == {"multidimensional_poverty_rate", "poverty_rate", "near_poor_rate"}
    assert rows.at["poverty_rate", "met"] and not rows.at["near_poor_rate", "met"]
    total = rows.loc["multidimensional_poverty_rate"]
    assert total["actual"] == pytest.approx(40.05) and total["actual_computed"] and not total["met"]
    assert list(rows["goal_of"]) == ["multidimensional_poverty_rate" if i != total.name else "" for i in rows.index]
    assert not any(rows["goal_met"])  # every row of the goal carries the goal's verdict
    counted = counted_goals(card)
    assert list(counted.loc[counted["breakdown"] == "district=A Lưới", "indicator_id"]).count("poverty_rate") == 0
    goal = counted[counted["indicator_id"] == "multidimensional_poverty_rate"].iloc[0]
    assert goal["met"] is False or goal["met"] == False  # noqa: E712 (a bool of an object column)
    judged = counted[counted["met"].notna()]
    assert (len(judged), int(judged["met"].astype(bool).sum())) == (6, 5)


def test_a_goal_with_components_is_met_only_when_every_component_is() -> None:
    from helpers.analysis.attainment import _all_met

    assert _all_met([True, True, True]) is True
    assert _all_met([True, False, True]) is False
    assert _all_met([True, None]) is None
    assert _all_met([None, False]) is False
