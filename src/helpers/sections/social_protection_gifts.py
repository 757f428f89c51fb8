"""Notebook 04's gifts (quà tặng): gifts to people with merit by occasion and holiday gifts to vulnerable
groups, each with the average per gift, the computed total, and the note on an ambiguous print.
Words from ``social_protection.yml``."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from helpers.data import content
from helpers.data.printed import computed_significance, is_ambiguous, parse_printed, shown_decimals
from helpers.data.query import category_label, figure_row, indicator_name, parts, unit_label, value
from helpers.present import chart_titles as ct
from helpers.present.lines import (
    computed_text,
    prefixed,
    qualifier,
    section_parts_chart,
    unit_of,
)
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.sections import blocks
from helpers.sections.social_protection import PART, T, average_vnd
from helpers.text import say
from helpers.text.formatting import fmt_number, fmt_value, round_significant


def merit_pairs() -> list[tuple[str, str]]:
    """The gifts to people with merit by occasion: the ``merit_gifts`` block's lines, in pairs of the number of
    gifts and their amount (``data/content.csv``)."""
    ids = content.indicators(PART, "merit_gifts", "line")
    return list(zip(ids[::2], ids[1::2], strict=True))


def holiday_pair() -> tuple[str, str]:
    """The holiday gifts by recipient group: the ``vulnerable_gifts`` block's two lines broken down by a dimension
    (the number of gifts, then their amount)."""
    rows = content.rows(PART, "vulnerable_gifts")
    items, amount = rows.loc[rows["breakdown"].str.endswith("=*"), "indicator_id"].iloc[:2]
    return str(items), str(amount)


@dataclass(frozen=True)
class GiftRow:
    """One row of a gift table: how many gifts, how much money, and the average per gift.

    ``items_printed`` and ``amount_printed`` are the two figures as printed ("hơn 62.513"); their
    qualifiers are carried into the text and the average.
    """

    code: str
    label: str
    items: float | None
    amount: float | None  # in ``amount_unit``
    amount_unit: str
    items_printed: str | None = None
    amount_printed: str | None = None
    note: str = ""
    source_ids: tuple[str, ...] = ()

    @property
    def average(self) -> float | None:
        """Đồng per gift."""
        return average_vnd(self.amount, self.amount_unit, self.items)

    def average_text(self, lang: str) -> str:
        """The average by the one precision rule: whole đồng from exact prints, "khoảng 347 nghìn" from a
        qualified one (:func:`helpers.text.computed.computed_text`)."""
        return computed_text(self.average, lang, self.amount_printed, self.items_printed)

    def average_shown(self) -> float | None:
        """The average as the reader sees it, in đồng (rounded as :meth:`average_text` rounds it)."""
        significant = computed_significance(self.amount_printed, self.items_printed)
        if self.average is None:
            return None
        return float(round(self.average)) if significant is None else round_significant(self.average, significant)

    def texts(self, lang: str) -> tuple[str, str, str]:
        """Items, amount and average as the reader sees them."""
        items = prefixed(fmt_value(self.items, "items", lang), qualifier(self.items_printed), lang)
        amount = prefixed(fmt_value(self.amount, self.amount_unit, lang), qualifier(self.amount_printed), lang)
        return items, amount, self.average_text(lang)


def ambiguous(row: pd.Series | None) -> bool:
    """True for a figure recorded under the other reading of an ambiguous print."""
    if row is None:
        return False
    return is_ambiguous(str(row["printed"]), repr(float(row["value"])).removesuffix(".0"), str(row["note"] or ""))


def gift_row(
    figures: pd.DataFrame,
    year: int,
    lang: str,
    code: str,
    label: str,
    items_id: str,
    amount_id: str,
    breakdown: str = "",
) -> GiftRow | None:
    """One occasion's or group's gifts, or None when the data hold neither the count nor the amount."""
    items_row = figure_row(figures, items_id, year, "actual", breakdown)
    amount_row = figure_row(figures, amount_id, year, "actual", breakdown)
    if items_row is None and amount_row is None:
        return None
    items_printed = None if items_row is None else str(items_row["printed"])
    amount_printed = None if amount_row is None else str(amount_row["printed"])
    qualified_prints = [f"“{p}”" for p in (items_printed, amount_printed) if qualifier(p)]
    notes = [T("gift.estimate", lang, printed=", ".join(qualified_prints))] if qualified_prints else []
    if ambiguous(amount_row):
        notes.append(T("gift.ambiguous_short", lang))
    return GiftRow(
        code=code,
        label=label,
        items=None if items_row is None else float(items_row["value"]),
        amount=None if amount_row is None else float(amount_row["value"]),
        amount_unit=unit_of(amount_id),
        items_printed=items_printed,
        amount_printed=amount_printed,
        note="; ".join(notes),
        source_ids=tuple(sorted({str(r["source_id"]) for r in (items_row, amount_row) if r is not None})),
    )


def merit_gift_rows(figures: pd.DataFrame, year: int, lang: str) -> list[GiftRow]:
    """Gifts to people with merit (Tết, War Invalids and Martyrs Day), one row per occasion."""
    rows = [
        gift_row(figures, year, lang, items_id, indicator_name(items_id, lang), items_id, amount_id)
        for items_id, amount_id in merit_pairs()
    ]
    return [r for r in rows if r is not None]


def vulnerable_gift_rows(figures: pd.DataFrame, year: int, lang: str) -> list[GiftRow]:
    """Holiday gifts by recipient group (footnote 1 of the 2023 report), one row per group."""
    items_id, amount_id = holiday_pair()
    dimension = content.rows(PART, "vulnerable_gifts").query("indicator_id == @items_id")["breakdown"].iloc[0][:-2]
    codes = list(
        dict.fromkeys(
            list(parts(figures, items_id, dimension, year)["category"])
            + list(parts(figures, amount_id, dimension, year)["category"])
        )
    )
    rows = [
        gift_row(
            figures,
            year,
            lang,
            code,
            category_label(dimension, code, lang),
            items_id,
            amount_id,
            f"{dimension}={code}",
        )
        for code in codes
    ]
    return [r for r in rows if r is not None]


def _at_least(rows: list[GiftRow], printed: str, total: float) -> str | None:
    """The print of a sum as the appendix writes it: ``total`` led by the qualifier of its first qualified part
    (a sum of "hơn …" is "hơn 28.686"); None when no part is qualified. The average over the sum then keeps the
    sum's precision, not the precision of one part."""
    first = next((getattr(r, printed) for r in rows if qualifier(getattr(r, printed))), None)
    return None if first is None else f"{qualifier(first)} {fmt_number(total, 'vi')}"


def gift_total(rows: list[GiftRow], lang: str) -> GiftRow | None:
    """The sum of gift rows (computed), "over …" where any part is; None unless every row is complete."""
    if not rows or any(r.items is None or r.amount is None for r in rows):
        return None
    items, amount = sum(r.items for r in rows), sum(r.amount for r in rows)
    return GiftRow(
        code="total",
        label=T("gift.total", lang, total=say("common:total", lang), computed=T("computed", lang)),
        items=items,
        amount=amount,
        amount_unit=rows[0].amount_unit,
        items_printed=_at_least(rows, "items_printed", items),
        amount_printed=_at_least(rows, "amount_printed", amount),
        note=T("gift.total_note", lang),
    )


def gift_table(rows: list[GiftRow], lang: str, label_header: str, with_total: bool) -> Table | None:
    """Gifts, amounts and the average per gift; with ``with_total`` a computed total row. None without rows."""
    if not rows:
        return None
    total = gift_total(rows, lang) if with_total else None
    shown = rows + ([total] if total is not None else [])
    texts = [r.texts(lang) for r in shown]
    frame = pd.DataFrame(
        {
            label_header: [r.label for r in shown],
            T("gift.column.items", lang, unit=unit_label(holiday_pair()[0], lang)): [x[0] for x in texts],
            T("gift.column.amount", lang, unit=unit_label(holiday_pair()[1], lang)): [x[1] for x in texts],
            T("gift.column.average", lang): [x[2] for x in texts],
            T("column.note", lang): [r.note for r in shown],
        }
    )
    raw = pd.DataFrame(
        {
            "code": [r.code for r in shown],
            "label": [r.label for r in shown],
            "items": [r.items for r in shown],
            "amount_million_vnd": [r.amount for r in shown],
            "average_vnd_per_item": [r.average for r in shown],
        }
    )
    sources = sorted({s for r in rows for s in r.source_ids})
    return Table(frame, raw, sources)


def merit_gifts_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Gifts to people with merit by occasion, with the average per gift."""
    return gift_table(
        merit_gift_rows(figures, year, lang), lang, say("common:column.indicator", lang), with_total=False
    )


def merit_gifts(rep: Report) -> Table | None:
    """Section: the gifts heading, its sub-heading, and gifts to people with merit by occasion."""
    blocks.show(rep, "gifts")  # a heading above the gift blocks, shown once something follows it
    return blocks.heading(rep, "merit_gifts", merit_gifts_table(rep.figures, rep.year, rep.lang))


def ambiguity_sentences(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """A note for each gift amount recorded under the other reading of an ambiguous print."""
    sentences = []
    for items_id, amount_id in merit_pairs():
        row = figure_row(figures, amount_id, year)
        items = value(figures, items_id, year)
        if row is None or items is None or not ambiguous(row):
            continue
        items_p = str(figure_row(figures, items_id, year)["printed"])
        unit = str(row["unit"])
        other_reading = float(min(parse_printed(str(row["printed"])).readings()))
        sentences.append(
            T(
                "gift.ambiguous",
                lang,
                name=indicator_name(amount_id, lang),
                printed=row["printed"],
                unit=unit_label(amount_id, lang),
                value=fmt_value(float(row["value"]), unit, lang),
                # the print read with its comma as a decimal mark, with every decimal it shows
                literal=fmt_value(other_reading, unit, lang, shown_decimals(str(row["printed"]), other_reading)),
                average=computed_text(average_vnd(float(row["value"]), unit, items), lang, row["printed"], items_p),
                alt_average=computed_text(
                    average_vnd(other_reading, unit, items), lang, row["printed"], items_p, lead=False
                ),
            )
        )
    return sentences


def merit_notes(table: Table | None, figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The notes under the merit gifts' table (none when there is no table)."""
    return [] if table is None else ambiguity_sentences(figures, year, lang)


def vulnerable_gifts_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Holiday gifts by recipient group, with the average per gift and a computed total."""
    return gift_table(
        vulnerable_gift_rows(figures, year, lang), lang, T("vulnerable_gifts.group", lang), with_total=True
    )


def vulnerable_gifts(rep: Report) -> Table | None:
    """Section: its heading, and holiday gifts by recipient group."""
    return blocks.heading(rep, "vulnerable_gifts", vulnerable_gifts_table(rep.figures, rep.year, rep.lang))


def gift_average_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The average value per gift by recipient group in thousand đồng (rounded), for a chart; None without data."""
    rows = [r for r in vulnerable_gift_rows(figures, year, lang) if r.average is not None]
    if not rows:
        return None
    return pd.DataFrame(
        {
            "category": [r.label for r in rows],
            "value": [float(round(r.average_shown() / 1000, 2)) for r in rows],
            "source_id": [r.source_ids[0] for r in rows],
        }
    )


def average_gift(table: Table | None, figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """The average per gift by recipient group, for the chart beside the table (None when there is no table)."""
    return None if table is None else gift_average_frame(figures, year, lang)


def average_gift_chart(frame: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """Bars of the average value per gift by recipient group, largest first."""
    if frame is None:
        return None
    unit = T("gift.per_gift_thousands", lang)
    return section_parts_chart(frame, title=ct.ranking_title(frame, unit, lang), unit_text=unit, lang=lang, year=year)
