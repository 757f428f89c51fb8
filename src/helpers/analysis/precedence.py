"""Which goal counts: the one precedence among the goals set for an indicator and period (data/README.md, "Which
goal counts"), used by the scorecard (:mod:`helpers.analysis.attainment`), the first page and the chart titles.
It is apart from the judging itself: this decides which goal, :func:`helpers.analysis.attainment.assess` how the
result stands against it."""

from __future__ import annotations

import pandas as pd


def _issued(text: object) -> tuple[int, ...]:
    """An ``issued`` cell as (year[, month[, day]]); () when it is empty or unknown."""
    return tuple(int(p) for p in str(text).split("-")) if isinstance(text, str) and text else ()


def _later(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """Whether ``a`` was issued after ``b``, compared as far as both dates are known (2022 ties with 2022-03-25;
    an unknown date ties with every date)."""
    n = min(len(a), len(b))
    return n > 0 and a[:n] > b[:n]


def _one_year(span: object, period: int) -> bool:
    """Whether an instrument's ``span`` is the goal's own year alone (an annual instrument)."""
    return isinstance(span, str) and span == str(period)


def counts(goals: pd.DataFrame, instruments: pd.DataFrame | None = None) -> list[bool]:
    """The one judge of which goal counts: True for the one goal per (indicator, breakdown, period) that is judged
    and tallied, False for the others (shown apart, never counted).

    ``goals`` has the columns indicator_id, breakdown, period, kind (``plan``/``target``) and instrument. The rule,
    written in data/README.md ("Which goal counts"), never looks at the order of the files:

    1. a goal set by an instrument whose span is that year alone (the year's annual plan, the year's own target)
       beats one set by an instrument spanning several years (a five-year programme's yearly figure or band);
    2. among equals, the most recently issued instrument (``issued`` in data/instruments.csv, compared as far as
       both dates are known);
    3. then a ``plan`` before a ``target``;
    4. then the instrument's label in alphabetical order, so that even an undecided tie never depends on where a
       row stands in a file.
    """
    if instruments is None:
        from helpers.data.loading import load_instruments

        instruments = load_instruments()
    span = dict(zip(instruments["instrument"], instruments["span"], strict=True))
    issued = dict(zip(instruments["instrument"], instruments["issued"], strict=True))
    instrument = goals["instrument"] if "instrument" in goals.columns else pd.Series("", index=goals.index)
    frame = goals.assign(
        judge_instrument=instrument.fillna("").astype(str).to_numpy(),
        judge_row=range(len(goals)),
    )
    chosen: set[int] = set()
    for _, group in frame.groupby(["indicator_id", "breakdown", "period"], sort=False):
        rows = list(group.itertuples())
        annual = [r for r in rows if _one_year(span.get(r.judge_instrument), int(r.period))]
        rows = annual or rows
        dates = {r.judge_row: _issued(issued.get(r.judge_instrument)) for r in rows}
        rows = [r for r in rows if not any(_later(dates[o.judge_row], dates[r.judge_row]) for o in rows)]
        rows.sort(key=lambda r: (r.kind != "plan", r.judge_instrument))
        chosen.add(rows[0].judge_row)
    return [i in chosen for i in range(len(goals))]
