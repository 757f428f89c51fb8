"""Labour and employment (notebook 02): the year's results against plans and targets, judged by the one
scorecard (:func:`helpers.analysis.attainment.scorecard`), with what the employment section adds to it.

The section adds two things to the scorecard (which judges a year with no actual figure by its estimate,
``result_kind`` says which): an indicator with a result but no goal keeps a row (goal empty), and beside
a plan stands the percent of plan the report itself printed (``report_pct``). Frames in, frames out.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.attainment import GOAL_KINDS, scorecard
from helpers.analysis.series import part_year_result
from helpers.data import content
from helpers.data.derivations import load_derivations
from helpers.data.query import figure_row, select

PART = "employment"  # its scorecard block (data/content.csv) names the indicators judged by default
COUNT_UNITS = frozenset({"persons", "households", "cases", "items", "count"})

SCORE_COLUMNS = [
    "indicator_id",
    "unit",
    "polarity",
    "result",
    "result_kind",
    "result_as_of",
    "result_printed",
    "result_source_id",
    "goal_kind",
    "goal",
    "goal_printed",
    "goal_source_id",
    "bound",
    "ratio",
    "difference",
    "margin",
    "met",
    "report_pct",
    "report_pct_printed",
    "report_pct_source_id",
]


def result_row(figures: pd.DataFrame, indicator_id: str, year: int) -> pd.Series | None:
    """The year's result of an indicator: the actual figure, else the estimate, else the latest part-year result
    (its ``as_of`` says so; it is never judged against the year's goal); None when there is none."""
    row = figure_row(figures, indicator_id, year)
    if row is None:
        row = figure_row(figures, indicator_id, year, "estimate")
    return row if row is not None else part_year_result(figures, indicator_id, year)


def indicator_unit(figures: pd.DataFrame, indicator_id: str) -> str:
    """An indicator's unit code: from its figures, else from the catalogue."""
    rows = figures.loc[figures["indicator_id"] == indicator_id, "unit"]
    if len(rows):
        return str(rows.iloc[0])
    from helpers.data.loading import load_catalogue

    return str(load_catalogue().set_index("indicator_id").at[indicator_id, "unit"])


def _near_end(goal: float, low: float | None, high: float | None, polarity: str) -> float:
    """The goal level a result is measured from: the goal, or for a band its near end."""
    if low is None or pd.isna(low):
        return float(goal)
    return float(high) if polarity == "lower_is_better" else float(low)


def pct_of_plan_indicators() -> dict[str, str]:
    """Each indicator whose percent of the year's plan the reports print, and that percent's indicator: the
    ``percent_of`` rules of ``data/derivations.csv`` that divide an indicator by its own plan of the same year."""
    rules = load_derivations()
    rules = rules[
        (rules["method"] == "percent_of")
        & (rules["denominator"] == rules["numerator"] + "|plan")
        & (rules["numerator_period_offset"].fillna(0) == 0)
        & (rules["denominator_period_offset"].fillna(0) == 0)
    ]
    return dict(zip(rules["numerator"], rules["indicator_id"], strict=True))


def _plan_pct(
    figures: pd.DataFrame, pct_of: str | None, goal_kind: str | None, year: int, as_of: str = ""
) -> dict[str, object]:
    """The percent of plan the report printed, at the result's own cut-off (a part-year "đạt 67,98% kế hoạch năm"
    beside the count to the same day)."""
    rows = select(figures, pct_of, period=year, as_of=as_of) if goal_kind == "plan" and pct_of else None
    row = rows.iloc[0] if rows is not None and len(rows) else None
    return {
        "report_pct": None if row is None else float(row["value"]),
        "report_pct_printed": None if row is None else str(row["printed"]),
        "report_pct_source_id": None if row is None else str(row["source_id"]),
    }


def results_against_goals(
    figures: pd.DataFrame, year: int, indicators: tuple[str, ...] | None = None
) -> pd.DataFrame | None:
    """The year's result of each indicator beside each plan or target for the year.

    One row per (indicator, goal), from :func:`~helpers.analysis.attainment.scorecard` (bounds such as
    "dưới 2,1%" and bands honoured there); an indicator with a result but no goal gets one row with the goal
    empty. ``ratio`` is the result as a percent of the goal (count units only), ``difference`` the result
    minus the goal (a band's near end), ``margin`` the scorecard's margin (+ = better than the goal, whatever its
    polarity: the appendix's one sign convention for a result against a goal), ``report_pct`` the percent of
    plan the report printed (at the result's cut-off). The result is the estimate when the year has no actual,
    else the latest part-year result (``result_as_of`` its cut-off, empty for a full-year result), shown but never
    judged. ``indicators``: the series of the part's ``scorecard`` block unless given. None when the year has
    neither results nor goals.
    """
    if indicators is None:
        indicators = tuple(content.indicators(PART, "scorecard", role="series"))
    pct_of = pct_of_plan_indicators()
    card = scorecard(figures, year)  # judges the estimate of a year without an actual, as everywhere
    card = card[card["indicator_id"].isin(indicators) & (card["breakdown"] == "")]
    records = []
    for indicator in indicators:
        result = result_row(figures, indicator, year)
        # The goal that counts (precedence.counts, the one precedence) first, the others after it.
        goals = card[card["indicator_id"] == indicator].sort_values(["headline", "goal_kind"], ascending=[False, True])
        if result is None and goals.empty:
            continue
        unit = indicator_unit(figures, indicator)
        base = {
            "indicator_id": indicator,
            "unit": unit,
            "polarity": str(figures.loc[figures["indicator_id"] == indicator, "polarity"].iloc[0]),
            "result": None if result is None else float(result["value"]),
            "result_kind": None if result is None else result["kind"],
            "result_as_of": "" if result is None else str(result.get("as_of", "") or ""),
            "result_printed": None if result is None else str(result["printed"]),
            "result_source_id": None if result is None else str(result["source_id"]),
        }
        if goals.empty:
            records.append(
                {
                    **base,
                    "goal_kind": None,
                    "goal": None,
                    "goal_printed": None,
                    "goal_source_id": None,
                    "bound": None,
                    "ratio": None,
                    "difference": None,
                    "margin": None,
                    "met": None,
                    **_plan_pct(figures, pct_of.get(indicator), None, year, base["result_as_of"]),
                }
            )
            continue
        for goal in goals.itertuples():
            judged = result is not None and not base["result_as_of"]  # a part-year count is never judged
            records.append(
                {
                    **base,
                    "goal_kind": goal.goal_kind,
                    "goal": float(goal.goal),
                    "goal_printed": goal.goal_printed,
                    "goal_source_id": goal.goal_source_id,
                    "bound": goal.bound,
                    "ratio": goal.ratio if judged and unit in COUNT_UNITS else None,
                    "difference": (
                        base["result"] - _near_end(goal.goal, goal.goal_low, goal.goal_high, base["polarity"])
                        if judged
                        else None
                    ),
                    "margin": goal.margin if judged else None,
                    "met": goal.met if judged else None,
                    **_plan_pct(figures, pct_of.get(indicator), goal.goal_kind, year, base["result_as_of"]),
                }
            )
    return pd.DataFrame.from_records(records, columns=SCORE_COLUMNS) if records else None


def goal_series_span(figures: pd.DataFrame, indicator_id: str, year: int) -> int:
    """The last year a path of ``indicator_id`` runs to: ``year``, or the last year it has a goal for."""
    rows = select(figures, indicator_id, kind=None)
    return max([year] + [int(p) for p in rows.loc[rows["kind"].isin(GOAL_KINDS), "period"]])
