"""The overview (tổng quan, notebook 00): the year's scorecard and next year's targets.

The goals are judged by :mod:`helpers.analysis.attainment` (``scorecard``, ``next_year_targets``); here they get
names in the reader's language (``scorecard_rows``, ``next_year_rows``: the frames a notebook shows), the reader's
tables, the attainment chart and the findings. Every word comes from ``overview.yml`` beside this module, from
``common.yml`` or from the names of :mod:`helpers.text.vocabulary` and the catalogue.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis.attainment import GOAL_COLUMNS, next_year_targets, scorecard
from helpers.analysis.social import QUALIFIER_READINGS, qualifier
from helpers.data.printed import parse_printed
from helpers.present import charts, house
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.text import say, texts_for
from helpers.text.computed import prefixed
from helpers.text.formatting import RATIO_DECIMALS, fmt_number, fmt_printed, fmt_value
from helpers.text.vocabulary import (
    DOMAIN_LABELS,
    KIND_LABELS,
    NOT_JUDGED,
    indicator_text,
    instrument_name,
    label,
    verdict_text,
)

T = texts_for(__name__)
BOUNDS = ("ceiling", "floor")
PERCENT_LIKE = frozenset({"percent", "percent_of_plan", "percentage_points"})
SCORECARD_COLUMNS = ("domain", "indicator", "goal_kind", "goal", "actual", "ratio", "margin", "met", "group")
NEXT_COLUMNS = ("indicator", "goal_kind", "next_goal", "achieved", "demand", "group")


def _column(name: str, lang: str, **values: object) -> str:
    return say("common:column.indicator", lang) if name == "indicator" else T(f"column.{name}", lang, **values)


# Computing -------------------------------------------------------------------


# The qualifier reading (helpers.analysis.social.QUALIFIER_READINGS) each bound's own word ("trên", "dưới") has.
BOUND_READINGS = {"floor": "above", "ceiling": "under"}


def goal_text(goal: float, unit: str, bound: str | None, lang: str, printed: str | None = None) -> str:
    """A goal as the reader should take it: "dưới 2,1%" for a ceiling, "trên 90%" for a floor, the printed
    range "0,8–1%" when ``printed`` is one (the goal value is one end of it), else the value."""
    parsed = parse_printed(printed) if isinstance(printed, str) else None
    if parsed is not None and parsed.is_range:
        low, high = sorted(float(r) for r in parsed.readings())
        return f"{fmt_printed(low, 'count', lang, printed)}–{fmt_printed(high, unit, lang, printed)}"
    text = fmt_printed(goal, unit, lang, printed)
    word = qualifier(printed)
    if bound in BOUNDS and word in QUALIFIER_READINGS and QUALIFIER_READINGS[word] != BOUND_READINGS[bound]:
        return prefixed(text, word, lang)  # the print's own word: "hơn 17.000" stays "hơn", not "trên"
    return f"{T(f'bound.{bound}', lang)} {text}" if bound in BOUNDS else text


def kind_text(kind: str, instrument: object, lang: str) -> str:
    """A goal's kind with the instrument that set it: "Kế hoạch (KH năm 2024)", "Chỉ tiêu (CT việc làm 2021-2025)"."""
    text = label(KIND_LABELS, kind, lang)
    return f"{text} ({instrument_name(instrument, lang)})" if isinstance(instrument, str) and instrument else text


def band_margin_text(margin: float | None, far: float | None, unit: str, lang: str) -> str:
    """The margin; for a band (a range goal) to its near end, then to its far end."""
    near = margin_text(margin, unit, lang)
    if far is None or pd.isna(far) or near == NOT_JUDGED:
        return near
    return f"{near} / {margin_text(far, unit, lang)}"


def margin_text(margin: float | None, unit: str, lang: str) -> str:
    """A margin with its sign, in percentage points for rates, in the unit otherwise."""
    if margin is None or pd.isna(margin):
        return NOT_JUDGED
    return fmt_value(margin, "percentage_points" if unit in PERCENT_LIKE else unit, lang, signed=True)


def met_text(met: bool | None, lang: str, kind: object = "actual") -> str:
    """ "Đạt"/"Chưa đạt" ("Met"/"Not met", ``common.yml``), "Ước đạt"/"Ước chưa đạt" for a year judged by its
    estimate (:func:`helpers.text.vocabulary.verdict_text`, the same words everywhere), "–" when not judgeable."""
    if met is None or pd.isna(met):
        return NOT_JUDGED
    return verdict_text(met, lang, kind)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _bound(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _flag(value: object) -> bool | None:
    return None if value is None or pd.isna(value) else bool(value)


def _named(card: pd.DataFrame, figures: pd.DataFrame, lang: str, numbers: tuple, flags: tuple) -> pd.DataFrame | None:
    """A card of :mod:`helpers.analysis.attainment` with its indicators named in ``lang`` and its bound, ``numbers``
    and ``flags`` plain (None for a missing one); None when the card is empty."""
    if card.empty:
        return None
    names = figures.drop_duplicates("indicator_id").set_index("indicator_id")[f"name_{lang}"]
    return card.assign(
        name=[indicator_text(names[i], b, lang) for i, b in zip(card["indicator_id"], card["breakdown"], strict=False)],
        plain_name=[names[i] for i in card["indicator_id"]],
        bound=card["bound"].map(_bound),
        **{c: card[c].map(_number) for c in numbers},
        **{c: [_flag(v) for v in card[c]] for c in flags},
    )


def _goal_columns(card: pd.DataFrame, lang: str, kind_header: str, goal_header: str) -> dict[str, list[str]]:
    """A card's goal kind (with its instrument) and goal, formatted for ``lang``."""
    return {
        kind_header: [kind_text(k, i, lang) for k, i in zip(card["goal_kind"], card["instrument"], strict=False)],
        goal_header: [
            goal_text(g, u, b, lang, p)
            for g, u, b, p in zip(card["goal"], card["unit"], card["bound"], card["goal_printed"], strict=False)
        ],
    }


def _goal_rows(card: pd.DataFrame, *more: str) -> zip:
    """Each row's name, goal kind, instrument, goal, unit, bound and printed goal, then its columns ``more``."""
    columns = ("name", "goal_kind", "instrument", "goal", "unit", "bound", "goal_printed", *more)
    return zip(*(card[c] for c in columns), strict=False)


def _headline_first(card: pd.DataFrame) -> pd.DataFrame:
    """The one goal per indicator a tally counts first, then the others (a programme's target beside the plan)."""
    return card.sort_values("headline", ascending=False, kind="stable").reset_index(drop=True)


def group_text(headline: bool, lang: str, component: bool = False) -> str:
    """Whether a goal is its indicator's one counted goal, a component of a counted goal (judged, counted with it)
    or another goal shown apart."""
    return T("group.headline" if headline else "group.component" if component else "group.other", lang)


def scorecard_rows(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The year's scorecard (:func:`helpers.analysis.attainment.scorecard`) with names in ``lang``, each
    indicator's counted goal first; None without goals."""
    card = _headline_first(scorecard(figures, year))
    return _named(card, figures, lang, ("actual", "ratio", "index", "margin"), ("met",))


def scorecard_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Every goal of ``year`` against its result, formatted for ``lang``; None when the year has no goals."""
    card = scorecard_rows(figures, year, lang)
    if card is None:
        return None
    h = {k: _column(k, lang) for k in SCORECARD_COLUMNS}
    frame = pd.DataFrame(
        {
            h["domain"]: [label(DOMAIN_LABELS, d, lang) for d in card["domain"]],
            h["indicator"]: card["name"],
            **_goal_columns(card, lang, h["goal_kind"], h["goal"]),
            h["actual"]: [
                fmt_printed(a, u, lang, p) + (T("demand.computed", lang) if c else "")
                for a, u, p, c in zip(
                    card["actual"], card["unit"], card["actual_printed"], card["actual_computed"], strict=False
                )
            ],
            h["ratio"]: [fmt_number(r, lang, 2) if r is not None else NOT_JUDGED for r in card["index"]],
            h["margin"]: [
                band_margin_text(m, f, u, lang)
                for m, f, u in zip(card["margin"], card["margin_far"], card["unit"], strict=False)
            ],
            h["met"]: [met_text(m, lang, k) for m, k in zip(card["met"], card["actual_kind"], strict=True)],
            h["group"]: [group_text(g, lang, bool(c)) for g, c in zip(card["headline"], card["goal_of"], strict=True)],
        }
    )
    results = ["actual", "actual_kind", "actual_printed", "actual_computed", "ratio", "index", "margin", "margin_far"]
    results += ["met", "goal_of", "goal_met", "headline"]
    raw = card[["indicator_id", "breakdown", "domain", "unit", *GOAL_COLUMNS, "bound", *results]].reset_index(drop=True)
    sources = sorted(set(card["goal_source_id"]) | set(card["actual_source_id"].dropna()))
    return Table(frame, raw, sources)


def attainment_data(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The judged goals of ``year`` as chart rows: ``category`` (name, goal kind, goal and verdict) and ``value``
    (the attainment index: the result against the goal in the good direction, so that 100 or more is reached,
    :func:`helpers.analysis.attainment.attainment_index`); None when no goal can be judged."""
    card = scorecard_rows(figures, year, lang)
    if card is None:
        return None
    card = card[card["index"].notna() & card["met"].notna()]
    if card.empty:
        return None
    categories = [
        "\n".join(
            textwrap.wrap(n, 44)
            + [
                f"({label(KIND_LABELS, k, lang).lower()}{(' ' + instrument_name(i, lang)).rstrip()}: "
                f"{goal_text(g, u, b, lang, p)}) – {met_text(m, lang, a).lower()}"
            ]
        )
        for n, k, i, g, u, b, p, m, a in _goal_rows(card, "met", "actual_kind")
    ]
    return pd.DataFrame(
        {
            "category": categories,
            "value": card["index"].astype(float).to_numpy(),
            "met": card["met"].to_numpy(),
            "source_ids": [
                sorted({g, a}) for g, a in zip(card["goal_source_id"], card["actual_source_id"], strict=False)
            ],
        }
    )


def attainment_chart(data: pd.DataFrame, year: int, lang: str, source: str) -> Figure:
    """Bars of each judged goal's attainment index (100 or more: reached, whatever the goal's polarity), with the
    100 line."""
    fig = charts.bar_chart(
        data[["category", "value"]],
        # The title states the message: every judged goal met, or that some were not.
        title=T("attainment.title" if data["met"].astype(bool).all() else "attainment.title_missed", lang, year=year),
        x_label=T("attainment.axis", lang),
        source=source,
        lang=lang,
        decimals=RATIO_DECIMALS,  # as the tables print the ratio: 100,20, not 100,2
    )
    fig.axes[0].axvline(100, color=house.BREAK_COLOUR, linestyle="--", linewidth=1)
    return fig


def next_year_rows(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Next year's goals beside ``year``'s results (:func:`helpers.analysis.attainment.next_year_targets`) with
    names in ``lang``, each indicator's counted goal first; None when the data hold no goal for ``year + 1``."""
    card = _headline_first(next_year_targets(figures, year))
    return _named(card, figures, lang, ("achieved",), ("below_achieved",))


def demand_text(demand: object, computed: bool, lang: str) -> str:
    """How next year's goal stands against this year's result, by polarity ("Dễ hơn"/"Less demanding" when the
    result already meets it); "–" without a result; marked when the result is the appendix's computation."""
    if not isinstance(demand, str):
        return NOT_JUDGED
    return T(f"demand.{demand}", lang) + (T("demand.computed", lang) if computed else "")


def next_year_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Next year's targets beside this year's results, each said to ask for more or less than was achieved."""
    card = next_year_rows(figures, year, lang)
    if card is None:
        return None
    h = {k: _column(k, lang, year=year, next=year + 1) for k in NEXT_COLUMNS}
    frame = pd.DataFrame(
        {
            h["indicator"]: card["name"],
            **_goal_columns(card, lang, h["goal_kind"], h["next_goal"]),
            h["achieved"]: [
                fmt_printed(a, u, lang, p)
                for a, u, p in zip(card["achieved"], card["unit"], card["achieved_printed"], strict=False)
            ],
            h["demand"]: [
                demand_text(d, c, lang) for d, c in zip(card["demand"], card["achieved_computed"], strict=False)
            ],
            h["group"]: [group_text(g, lang, bool(c)) for g, c in zip(card["headline"], card["goal_of"], strict=True)],
        }
    )
    results = ["achieved", "achieved_printed", "achieved_computed", "below_achieved", "demand", "headline"]
    raw = card[["indicator_id", "breakdown", "unit", *GOAL_COLUMNS, "bound", *results]].reset_index(drop=True)
    actual_sources = figures[
        (figures["period"] == year)
        & (figures["kind"] == "actual")
        & figures["preferred"]
        & figures["indicator_id"].isin(card.loc[card["achieved"].notna(), "indicator_id"])
    ]
    sources = sorted(set(card["goal_source_id"]) | set(actual_sources["source_id"]))
    return Table(frame, raw, sources, {"next": year + 1})


# The notebook's sections ------------------------------------------------------


def scorecard_frame(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and every goal of the year against its result (None, said as "no data", without goals)."""
    return rep.section("scorecard", scorecard_rows(rep.figures, rep.year, rep.lang))


def attainment(rep: Report) -> Figure | None:
    """The chart of attainment (result as % of goal) of the goals that can be judged; None (the chart left out)
    when there are none."""
    data = attainment_data(rep.figures, rep.year, rep.lang)
    if data is None:
        return None
    sources = sorted({s for ids in data["source_ids"] for s in ids})
    return attainment_chart(data, rep.year, rep.lang, rep.source_line(sources))


def next_year_frame(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and next year's targets beside this year's results (None without targets)."""
    return rep.section("next_year", next_year_rows(rep.figures, rep.year, rep.lang), next=rep.year + 1)
