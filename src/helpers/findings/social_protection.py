"""Notebook 04's key findings (bảo trợ xã hội, trẻ em, người có công): monthly assistance, facilities,
children in special circumstances, child injuries, and gifts. Words from ``social_protection.yml``."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import social_protection as an
from helpers.data import content
from helpers.data.query import figure_row, unit_label, value
from helpers.present.lines import (
    computed_text,
    figure_text,
    lower_first,
    parts_frame,
    pct,
    printed_of,
)
from helpers.sections.blocks import collect_findings
from helpers.sections.social_protection import (
    PART,
    T,
    assistance_average,
    assistance_ids,
    deaths_by_cause,
    same_cut_off,
    special_sentence,
)
from helpers.sections.social_protection_gifts import (
    ambiguous,
    gift_total,
    holiday_pair,
    merit_gift_rows,
    merit_pairs,
    vulnerable_gift_rows,
)
from helpers.text.formatting import fmt_ratio, fmt_value
from helpers.text.vocabulary import area_words


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def finding_assistance(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Monthly beneficiaries, spending and the average per person."""
    persons_id, amount_id = assistance_ids()  # the assistance block's lines
    persons = figure_text(figures, persons_id, year, lang)
    if persons is None:
        return None
    sentence = T("finding.assistance", lang, year=year, persons=persons)
    amount = figure_text(figures, amount_id, year, lang)
    found = assistance_average(figures, year)
    if amount is not None:
        sentence += T("finding.assistance.amount", lang, amount=amount, unit=unit_label(amount_id, lang))
        if found is not None:
            sentence += T(
                "finding.assistance.average",
                lang,
                avg=computed_text(
                    found[0],
                    lang,
                    printed_of(figures, amount_id, year),
                    printed_of(figures, persons_id, year),
                ),
            )
    return sentence + "."


def finding_facilities(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Facilities by ownership and residents against last year."""
    parts_row = content.rows(PART, "facilities").query("role == 'parts'").iloc[0]  # the blocks' declarations
    facilities_id, dimension = parts_row["indicator_id"], parts_row["breakdown"].removesuffix("=*")
    facilities = figure_text(figures, facilities_id, year, lang)
    found = an.change(figures, content.indicators(PART, "residents", "line")[0], year)
    now, prev = found["now"], found["prev"]
    if facilities is None and now is None:
        return None
    pieces = []
    if facilities is not None:
        piece = T("finding.facilities", lang, n=facilities, **area_words(year, lang))
        own = parts_frame(figures, facilities_id, dimension, year, lang)
        if own is not None:
            piece += (
                " ("
                + ", ".join(f"{fmt_value(r.value, 'count', lang)} {lower_first(r.category)}" for r in own.itertuples())
                + ")"
            )
        pieces.append(piece)
    if now is not None:
        piece = T(
            "finding.residents" if pieces else "finding.residents_alone", lang, now=fmt_value(now, "persons", lang)
        )
        if prev is not None:
            piece += T(
                "finding.residents.change",
                lang,
                change=fmt_value(found["change"], "persons", lang, signed=True),
                pct=fmt_ratio(found["change_pct"], lang, signed=True),
                prev=fmt_value(prev, "persons", lang),
                py=year - 1,
            )
        pieces.append(piece)
    return _cap(", ".join(pieces)) + "."


def finding_children(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Children in special circumstances: share against next year's ceiling, and the share supported.

    It speaks of its figures by their slots (data/slots.csv), as :func:`special_sentence` does: the share supported
    is one count over another, a rule of these two figures."""
    sentence = special_sentence(figures, year, lang)
    if sentence is None:
        return None
    supported = figure_text(figures, an.named("special_supported"), year, lang)
    if supported is not None:
        r = an.share(
            value(figures, an.named("special_supported"), year),
            value(figures, an.named("special"), year),
        )
        sentence = sentence[:-1] + T("finding.children.supported", lang, n=supported, r=pct(r, lang))
    return sentence


def finding_injuries(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Child injuries and deaths against last year (to the same cut-off), and the leading cause of death."""
    figures = an.injury_view(figures, year)
    injuries_id, deaths_id = content.indicators(PART, "injuries", "line")[::2][:2]  # the block's pairs' figures
    now = value(figures, injuries_id, year)
    if now is None:
        return None
    date = an.as_of(figure_row(figures, injuries_id, year))
    sentence = (T("finding.injuries.as_of", lang, d=date) if date else "") + T(
        "finding.injuries", lang, now=fmt_value(now, "cases", lang)
    )
    prev = value(figures, injuries_id, year - 1)
    if prev is not None:
        sentence += T("finding.previous", lang, py=year - 1, prev=fmt_value(prev, "cases", lang))
    deaths = value(figures, deaths_id, year)
    if deaths is not None:
        deaths_prev = value(figures, deaths_id, year - 1)
        sentence += T("finding.deaths", lang, n=fmt_value(deaths, "cases", lang))
        if deaths_prev is not None:
            # "cùng kỳ" only when both run to the same cut-off; the report's "so với năm 2022" is said as printed.
            same = same_cut_off(figures, deaths_id, year)
            sentence += T(
                "finding.previous" if same else "finding.previous_year",
                lang,
                py=year - 1,
                prev=fmt_value(deaths_prev, "cases", lang),
            )
        causes = deaths_by_cause(figures, year, lang)
        if causes is not None:
            top = causes.sort_values("value", ascending=False, kind="stable").iloc[0]
            sentence += T(
                "finding.deaths.top",
                lang,
                c=top["category"],
                n=fmt_value(top["value"], "cases", lang),
                s=pct(top["share"], lang),
            )
    return _cap(sentence + ".")


def finding_merit_gifts(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Gifts to people with merit by occasion, with the average per gift."""
    rows = [r for r in merit_gift_rows(figures, year, lang) if r.items is not None and r.amount is not None]
    if not rows:
        return None
    pieces = []
    for r in rows:
        items, amount, average = r.texts(lang)
        pieces.append(
            T(
                "finding.merit.piece",
                lang,
                occ=T(f"finding.merit.{r.code}", lang),
                items=items,
                amount=amount,
                unit=unit_label(merit_pairs()[0][1], lang),
                avg=average,
            )
        )
    text = T("finding.merit", lang, pieces="; ".join(pieces))
    unclear = [
        T(f"finding.merit.{items_id}", lang)
        for items_id, amount_id in merit_pairs()
        if ambiguous(figure_row(figures, amount_id, year))
    ]
    if unclear:
        text += T("finding.merit.unclear", lang, occ=T("and", lang).join(unclear))
    return text + "."


def finding_vulnerable_gifts(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Holiday gifts to vulnerable groups: total (computed) and the range of the average per gift."""
    rows = [r for r in vulnerable_gift_rows(figures, year, lang) if r.average is not None]
    if not rows:
        return None
    total = gift_total(vulnerable_gift_rows(figures, year, lang), lang)
    low = min(rows, key=lambda r: r.average)
    high = max(rows, key=lambda r: r.average)
    sentence = T("finding.vulnerable", lang, n=len(rows))
    if total is not None:
        items, amount, _ = total.texts(lang)
        sentence += T(
            "finding.vulnerable.total", lang, items=items, amount=amount, unit=unit_label(holiday_pair()[1], lang)
        )
    return sentence + T(
        "finding.vulnerable.range",
        lang,
        low=low.texts(lang)[2],
        low_name=low.label,
        high=high.texts(lang)[2],
        high_name=high.label,
    )


FINDINGS = (
    finding_assistance,
    finding_facilities,
    finding_children,
    finding_injuries,
    finding_merit_gifts,
    finding_vulnerable_gifts,
)


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The key-finding sentences the year's data support (at most six; empty when there are none)."""
    return collect_findings(FINDINGS, figures, year, lang)
