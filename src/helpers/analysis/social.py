"""The social sections' numbers (notebooks 03 and 04): rates and ratios, the parts of a breakdown with their
shares, the qualifier a computed value inherits from the prints it stands on, how a result stands against next
year's goal, and the drug-rehabilitation figures of notebook 03. Frames in, frames out: no language, no formatting.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.attainment import assess, goal_bound
from helpers.data.printed import CEILING_QUALIFIERS, FLOOR_QUALIFIERS, ZERO_WORDS, parse_printed
from helpers.data.query import figure_row, parts, value
from helpers.data.slots import slot

APPROXIMATE = "khoảng"  # the qualifier of a value computed from two qualified prints
# How each print qualifier reads: a code whose words are in text/lines.yml (qualifier.<code>).
QUALIFIER_READINGS: dict[str, str] = {
    **{q: "above" for q in FLOOR_QUALIFIERS},
    "hơn": "more",
    **{q: "under" for q in CEILING_QUALIFIERS},
    "gần": "almost",
    APPROXIMATE: "about",
}


def rate(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator`` as a percentage, or None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator * 100


def ratio(numerator: float | None, denominator: float | None, scale: float = 1.0) -> float | None:
    """``numerator * scale / denominator``, or None when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator * scale / denominator


def qualifier(printed: str | None) -> str | None:
    """The qualifier a print carries before its number ("hơn 71.571" → "hơn"), if it is a reading word."""
    parsed = parse_printed(printed) if printed else None
    return parsed.qualifier if parsed and parsed.qualifier in QUALIFIER_READINGS else None


def is_lower_bound(printed: str | None) -> bool:
    """True when the print says the figure is at least its number ("hơn 32", "trên 3.000")."""
    return qualifier(printed) in FLOOR_QUALIFIERS


def derived_qualifier(numerator_printed: str | None, denominator_printed: str | None) -> str | None:
    """The qualifier of ``numerator / denominator`` given their prints: the numerator's alone carries over
    ("hơn 32" over 60.834 is "hơn"); when the denominator carries one, the result is only approximate."""
    top, bottom = qualifier(numerator_printed), qualifier(denominator_printed)
    if top is None and bottom is None:
        return None
    return top if bottom is None else APPROXIMATE


def breakdown_parts(
    figures: pd.DataFrame, indicator_id: str, dimension: str, period: int, kind: str = "actual"
) -> pd.DataFrame | None:
    """The parts of a breakdown with their shares; None when the data hold no part.

    Columns ``code``, ``value``, ``printed``, ``share`` (percent of the printed total when there is one, else of
    the sum of the parts), ``zero_in_words`` (printed "chưa có"), ``source_id``. ``attrs``: ``total`` (the
    printed total, else the parts' sum), ``total_printed`` and ``total_source_id`` (None when the total is the sum),
    ``parts_sum``.
    """
    found = parts(figures, indicator_id, dimension, period, kind)
    if found.empty:
        return None
    rows = [figure_row(figures, indicator_id, period, kind, f"{dimension}={code}") for code in found["category"]]
    total_row = figure_row(figures, indicator_id, period, kind)
    total = float(total_row["value"]) if total_row is not None else float(found["value"].sum())
    frame = pd.DataFrame(
        {
            "code": found["category"].to_numpy(),
            "value": found["value"].astype(float).to_numpy(),
            "printed": [str(r["printed"]) for r in rows],
            "share": [rate(float(v), total) for v in found["value"]],
            "zero_in_words": [str(r["printed"]) in ZERO_WORDS for r in rows],
            "source_id": [str(r["source_id"]) for r in rows],
        }
    )
    frame.attrs.update(
        total=total,
        parts_sum=float(found["value"].sum()),
        total_printed=None if total_row is None else str(total_row["printed"]),
        total_source_id=None if total_row is None else str(total_row["source_id"]),
    )
    return frame


def largest_part(frame: pd.DataFrame) -> pd.Series:
    """The part with the largest value (the first of equals, in data order)."""
    return frame.sort_values("value", ascending=False, kind="stable").iloc[0]


def against_goal(goal: float, goal_printed: str, achieved: float, polarity: str) -> tuple[str, float]:
    """How a result stands against a goal: ("met" | "not_met", distance) when the polarity judges it, else
    ("above" | "below" | "equal", distance of the goal from the result); the distance is never negative."""
    result = assess(achieved, goal, polarity, goal_bound(goal_printed))
    if result.met is None:
        diff = goal - achieved
        return ("above" if diff > 0 else "below" if diff < 0 else "equal"), abs(diff)
    return ("met", 0.0) if result.met else ("not_met", abs(result.margin))


# Notebook 03: drug rehabilitation --------------------------------------------------

REHAB_PART = "social_evils"  # the part whose slots (data/slots.csv) name the two rehabilitation modalities


def rehab_ids() -> tuple[str, ...]:
    """The rehabilitation modalities: at home or in the community, and new compulsory admissions (the slots
    ``rehab_community`` and ``rehab_compulsory``; those the data declare)."""
    return tuple(i for i in (slot(REHAB_PART, "rehab_community"), slot(REHAB_PART, "rehab_compulsory")) if i)


def rehab_vs_target(figures: pd.DataFrame, year: int) -> pd.DataFrame | None:
    """Rehabilitation by modality: ``year``'s results beside the targets for ``year + 1``.

    Columns ``indicator_id``, ``kind``, ``period``, ``value``; ``attrs["source_ids"]``: the sources of every
    preferred figure of the modalities in those two years. None when neither results nor targets exist.
    """
    rows = [
        {"indicator_id": i, "kind": kind, "period": period, "value": v}
        for i in rehab_ids()
        for kind, period in (("actual", year), ("target", year + 1))
        if (v := value(figures, i, period, kind)) is not None
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    used = figures[
        figures["indicator_id"].isin(rehab_ids()) & figures["preferred"] & figures["period"].isin([year, year + 1])
    ]
    frame.attrs["source_ids"] = sorted(set(used["source_id"]))
    return frame


def rehab_targets(figures: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each modality with both a ``year`` result and a ``year + 1`` target: indicator_id, goal, now, change."""
    rows = []
    for indicator_id in rehab_ids():
        goal, now = value(figures, indicator_id, year + 1, "target"), value(figures, indicator_id, year)
        if goal is not None and now is not None:
            rows.append({"indicator_id": indicator_id, "goal": goal, "now": now, "change": goal - now})
    return pd.DataFrame(rows, columns=["indicator_id", "goal", "now", "change"])
