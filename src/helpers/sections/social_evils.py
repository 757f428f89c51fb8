"""Notebook 03: prevention of social evils (phòng, chống tệ nạn xã hội).

What its blocks show (drugs: registered users, rehabilitation by modality, post-rehabilitation management by
district, prevention classes; prostitution: venues, suspected venues and persons, enforcement; anti-trafficking
reach; other figures of the domain; next year's targets) is declared in ``data/content_blocks.csv`` and
``data/content.csv`` (part ``social_evils``) and shown by :mod:`blocks`. This module holds what the blocks cannot
say by themselves: rehabilitation by modality beside next year's targets (a sentence), the districts printed
"chưa có", and the targets table with the appendix's reference values. Numbers from :mod:`helpers.analysis.social`;
words from ``social_evils.yml`` beside this module or from the catalogue in ``data/``. The key findings are in
:mod:`helpers.findings.social_evils`.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from helpers.analysis import social as an
from helpers.data import content
from helpers.data.query import indicator_name
from helpers.data.slots import slot
from helpers.present.lines import unit_name, unit_of, wrap
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections import blocks
from helpers.sections.social_targets import targets_table
from helpers.text import texts_for
from helpers.text.formatting import fmt_value

T = texts_for(__name__)
PART = "social_evils"  # the notebook part whose blocks data/content_blocks.csv declares


def S(name: str) -> str:
    """The indicator that fills slot ``name`` of this part (data/slots.csv): what a sentence or a reference value
    says of one figure; an empty string, which no figure has, when the data declare none."""
    return slot(PART, name) or ""


# Drugs: rehabilitation by modality beside next year's targets ----------------------------------------------


def rehab_vs_target_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Rehabilitation by modality: ``year``'s results beside the targets for ``year + 1``.

    Columns ``category`` (the indicator's name, wrapped), ``indicator_id``, ``series`` (result or target, with
    its year), ``kind``, ``period``, ``value``; None when neither results nor targets exist.
    """
    frame = an.rehab_vs_target(figures, year)
    if frame is None:
        return None
    labelled = frame.assign(
        category=[wrap(indicator_name(i, lang)) for i in frame["indicator_id"]],
        series=[T(f"series.{k}", lang, year=p) for k, p in zip(frame["kind"], frame["period"], strict=True)],
    )
    labelled = labelled[["category", "indicator_id", "series", "kind", "period", "value"]]
    labelled.attrs = dict(frame.attrs)
    return labelled


def rehab_notes(frame: pd.DataFrame | None, lang: str, year: int) -> list[str]:
    """Each modality's result beside next year's target, in one sentence: two modalities make too few bars
    for a chart (:func:`helpers.present.charts.too_few_bars`)."""
    if frame is None:
        return []
    items = []
    for indicator_id, rows in frame.groupby("indicator_id", sort=False):
        result, target = (rows.loc[rows["kind"] == k, "value"] for k in ("actual", "target"))
        unit = unit_of(indicator_id)
        items.append(
            T(
                "rehab.item" if len(target) else "rehab.item_alone",
                lang,
                name=indicator_name(indicator_id, lang),
                result=f"{fmt_value(result.iloc[0], unit, lang)} {unit_name(unit, lang, count=result.iloc[0])}"
                if len(result)
                else "–",
                target=f"{fmt_value(target.iloc[0], unit, lang)} {unit_name(unit, lang, count=target.iloc[0])}"
                if len(target)
                else "",
            )
        )
    return [T("rehab.sentence", lang, year=year, next=year + 1, items="; ".join(items))]


# Drugs: after rehabilitation ----------------------------------------------------------------------------------


def post_rehab_districts(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Persons under post-rehabilitation management by district (the ``post_rehab`` block's frame), districts
    printed "chưa có" kept as 0."""
    return blocks.frame(figures, PART, "post_rehab", year, lang)


def districts_without_sentence(frame: pd.DataFrame | None, lang: str) -> str | None:
    """A sentence naming the districts printed "chưa có" (shown as 0), or None when there are none."""
    if frame is None or not frame["zero_in_words"].any():
        return None
    names = ", ".join(frame.loc[frame["zero_in_words"], "category"])
    return T("post_rehab_districts.without", lang, n=int(frame["zero_in_words"].sum()), total=len(frame), names=names)


def post_rehab_notes(frame: pd.DataFrame | None, lang: str) -> list[str]:
    """The sentence on districts printed "chưa có", when there are any."""
    sentence = districts_without_sentence(frame, lang)
    return [sentence] if sentence else []


# Next year's targets ------------------------------------------------------------
# No reference value stands beside the rehabilitation targets: the only candidates added persons in community
# rehabilitation (a count over the year) to new compulsory admissions (a flow), a total the report never gives
# (issue 16), so those targets show no result.
REFERENCES: dict = {}


def targets(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The goals for ``year + 1`` of the ``targets`` block's domains beside ``year``'s results (or the appendix's
    reference values)."""
    domains = tuple(content.rows(PART, "targets")["domain"])
    table = targets_table(figures, year, domains, lang, REFERENCES)
    return None if table is None else replace(table, values={"next": year + 1})


def show_targets(rep: Report) -> Table | None:
    """The ``targets`` block: its heading and table (nothing when the year has no goal for the next year)."""
    table = blocks.heading(rep, "targets", targets(rep.figures, rep.year, rep.lang), next=rep.year + 1)
    rep.table(table, content.block(PART, "targets")["table"])
    return table
