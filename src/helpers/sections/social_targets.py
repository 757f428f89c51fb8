"""Next year's targets beside this year's results, for sections 03 and 04. Words from ``text/lines.yml``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers.analysis.attainment import next_year_targets
from helpers.analysis.social import against_goal
from helpers.data.query import indicator_name
from helpers.present.lines import T, goal_text, qualified, unit_name
from helpers.present.tables import Table
from helpers.text.formatting import fmt_value


@dataclass(frozen=True)
class Reference:
    """A value the appendix computes to stand beside a target the report gives no result for."""

    value: float
    how: str  # the computation, e.g. "4.206 / 292.208"
    caveat: str = ""  # in the report's language


ReferenceMaker = Callable[[pd.DataFrame, int, str], Reference | None]


def gap_text(gap: float, unit: str, lang: str) -> str:
    """A distance between two figures in ``unit``: percentage points for rates, else the number and unit name."""
    if unit in ("percent", "percentage_points"):
        return fmt_value(gap, "percentage_points", lang)
    return f"{fmt_value(gap, unit, lang)} {unit_name(unit, lang, count=gap)}"


def target_comment(
    goal: float, goal_printed: str, achieved: float, polarity: str, unit: str, year: int, lang: str
) -> str:
    """How ``year``'s result stands against next year's goal, in words (polarity and bounds honoured)."""
    verdict, gap = against_goal(goal, goal_printed, achieved, polarity)
    return T(f"targets.{verdict}", lang, year=year, gap=gap_text(gap, unit, lang))


def targets_table(
    figures: pd.DataFrame,
    year: int,
    domains: tuple[str, ...],
    lang: str,
    references: dict[str, ReferenceMaker] | None = None,
) -> Table | None:
    """The goals for ``year + 1`` in ``domains`` beside what ``year`` achieved; None when there are none.

    Where the report gives no result for ``year``, a result the appendix computes stands in only when
    ``data/comparable_results.csv`` declares it the same measure as the goal (judged by
    :func:`helpers.analysis.attainment.next_year_targets`, as the overview's table is); ``references`` give the
    computation's words. A computed value of another measure is shown as such and not compared.
    """
    card = next_year_targets(figures, year)
    card = card[card["domain"].isin(domains) & (card["breakdown"] == "")]
    if card.empty:
        return None
    references = references or {}
    labels, goals, achieved, comments, raw_rows = [], [], [], [], []
    for row in card.itertuples():
        labels.append(indicator_name(row.indicator_id, lang))
        goals.append(goal_text(row.goal, row.unit, row.goal_printed, lang))
        ref = references[row.indicator_id](figures, year, lang) if row.indicator_id in references else None
        has_result = row.achieved is not None and not pd.isna(row.achieved)
        if has_result and not row.achieved_computed:
            achieved.append(qualified(row.achieved, row.unit, lang, row.achieved_printed))
            comments.append(
                target_comment(row.goal, row.goal_printed, row.achieved, row.polarity, row.unit, year, lang)
            )
            value = row.achieved
        elif has_result:
            # The data declare the appendix's computation the same measure as the goal: judged like a result.
            how = ref.how if ref is not None else ""
            achieved.append(T("targets.reference", lang, value=fmt_value(row.achieved, row.unit, lang, 2), how=how))
            comment = target_comment(row.goal, row.goal_printed, row.achieved, row.polarity, row.unit, year, lang)
            comments.append("; ".join(c for c in (comment, ref.caveat if ref else "") if c))
            value = row.achieved
        elif ref is not None:
            # A computed value of a different measure is shown for what it is, never set against the goal.
            achieved.append("–")
            comments.append(
                T("targets.other_measure", lang, year=year, value=fmt_value(ref.value, row.unit, lang, 2), how=ref.how)
            )
            value = None
        else:
            achieved.append("–")
            comments.append(T("targets.no_result", lang, year=year))
            value = None
        raw_rows.append(
            {
                "indicator_id": row.indicator_id,
                "goal_period": year + 1,
                "goal": row.goal,
                "goal_printed": row.goal_printed,
                "bound": row.bound or "",
                "result_period": year,
                "result": value,
                "result_computed": bool(row.achieved_computed),
                "unit": row.unit,
            }
        )
    frame = pd.DataFrame(
        {
            T("targets.label", lang): labels,
            T("targets.goal", lang, year=year + 1): goals,
            T("targets.achieved", lang, year=year): achieved,
            T("targets.note", lang): comments,
        }
    )
    sources = sorted(set(card["goal_source_id"]))
    return Table(frame, pd.DataFrame(raw_rows), sources)
