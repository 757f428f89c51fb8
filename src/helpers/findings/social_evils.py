"""Notebook 03's key findings (phòng, chống tệ nạn xã hội): drug users and rehabilitation, next year's
rehabilitation targets, post-rehabilitation management, venues, suspected persons by role, inspections and
anti-trafficking reach. Words from ``social_evils.yml``; numbers from :mod:`helpers.analysis.social` and the
breakdowns from the blocks' frames (:mod:`blocks`).

Each sentence speaks of figures by their slot (data/slots.csv, part ``social_evils``): its words say what each figure
means ("registered", "relapsed", "warned", "sanctioned"…), which no rule over a block's lines can word; a sentence
whose slots the data do not fill says nothing. A figure these sentences do not speak of still shows in its block's
table, and a new one in the part's "other figures" block."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.social import largest_part, rate, rehab_targets
from helpers.data.query import value
from helpers.present.lines import figure_text, pct
from helpers.sections import blocks
from helpers.sections.blocks import collect_findings
from helpers.sections.social_evils import PART, S, T, post_rehab_districts
from helpers.text.formatting import fmt_number, fmt_value
from helpers.text.vocabulary import area_words


def _persons(n: float | None, lang: str) -> str:
    return fmt_value(n, "persons", lang)


def finding_drugs(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Registered users and how many were in rehabilitation, by modality."""
    managed = figure_text(figures, S("managed"), year, lang)
    if managed is None:
        return None
    community = figure_text(figures, S("rehab_community"), year, lang)
    compulsory = figure_text(figures, S("rehab_compulsory"), year, lang)
    if community is None or compulsory is None:
        return T("finding.drugs_managed", lang, managed=managed, **area_words(year, lang))
    return T(
        "finding.drugs",
        lang,
        **area_words(year, lang),
        managed=managed,
        year=year,
        community=community,
        compulsory=compulsory,
    )


def finding_rehab_targets(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Next year's rehabilitation targets beside this year's results."""
    parts = [
        T(
            "finding.rehab_target",
            lang,
            name=T(f"finding.rehab_name.{r.indicator_id}", lang),
            goal=_persons(r.goal, lang),
            change=fmt_number(r.change, lang, signed=True),
            now=_persons(r.now, lang),
            year=year,
        )
        for r in rehab_targets(figures, year).itertuples()
    ]
    if not parts:
        return None
    return T("finding.rehab_targets", lang, next=year + 1, parts=T("and", lang).join(parts))


def finding_post_rehab(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Post-rehabilitation management: relapse and job rates, districts with none."""
    managed = value(figures, S("post_rehab"), year)
    if managed is None:
        return None
    relapses = value(figures, S("relapsed"), year)
    employed = value(figures, S("employed"), year)
    sentence = T("finding.post_rehab", lang, managed=_persons(managed, lang))
    details = []
    if relapses is not None:
        details.append(T("finding.relapsed", lang, n=_persons(relapses, lang), r=pct(rate(relapses, managed), lang)))
    if employed is not None:
        details.append(T("finding.employed", lang, n=_persons(employed, lang), r=pct(rate(employed, managed), lang)))
    if details:
        sentence += T("finding.of_whom", lang) + T("and", lang).join(details)
    districts = post_rehab_districts(figures, year, lang)
    if districts is not None and districts["zero_in_words"].any():
        sentence += T("finding.districts_without", lang, n=int(districts["zero_in_words"].sum()), total=len(districts))
    return sentence + "."


def finding_venues(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Venues prone to social evils, the largest type, and the suspected share."""
    total = figure_text(figures, S("venues"), year, lang)
    if total is None:
        return None
    sentence = T("finding.venues", lang, total=total)
    frame = blocks.frame(figures, PART, "venues", year, lang)
    if frame is not None:
        top = largest_part(frame)
        sentence += T(
            "finding.venues_largest",
            lang,
            name=top["category"],
            n=fmt_value(top["value"], "count", lang),
            share=pct(top["share"], lang),
        )
    suspected = value(figures, S("suspected_venues"), year)
    if suspected is not None:
        share = rate(suspected, value(figures, S("venues"), year))
        sentence += T("finding.venues_suspected", lang, n=fmt_value(suspected, "count", lang), share=pct(share, lang))
    return sentence + "."


def finding_roles(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Persons suspected of prostitution activity and their roles."""
    total = figure_text(figures, S("suspects"), year, lang)
    if total is None:
        return None
    frame = blocks.frame(figures, PART, "roles", year, lang)
    sentence = T("finding.roles", lang, total=total)
    if frame is not None:
        sentence += ": " + "; ".join(
            T("finding.role", lang, role=r.category, n=_persons(r.value, lang), share=pct(r.share, lang))
            for r in frame.itertuples()
        )
    return sentence + "."


def finding_enforcement(figures: pd.DataFrame, year: int, lang: str) -> str | None:
    """Inspections and sanctions, and the anti-trafficking reach."""
    pieces = []
    inspections = figure_text(figures, S("inspections"), year, lang)
    if inspections is not None:
        warned = figure_text(figures, S("warned"), year, lang)
        pieces.append(
            T("finding.inspections", lang, n=inspections)
            + ("" if warned is None else T("finding.warned", lang, n=warned))
        )
    # The venues sanctioned are a count of the year, printed apart from the inspections (not "of" them).
    sanctioned = figure_text(figures, S("sanctioned"), year, lang)
    if sanctioned is not None:
        pieces.append(T("finding.sanctioned", lang, n=sanctioned))
    participants = figure_text(figures, S("trafficking_participants"), year, lang)
    classes = figure_text(figures, S("trafficking_classes"), year, lang)
    leaflets = figure_text(figures, S("leaflets"), year, lang)
    if participants is not None and classes is not None:
        piece = T("finding.trafficking", lang, p=participants, c=classes)
        pieces.append(piece + ("" if leaflets is None else T("finding.leaflets", lang, n=leaflets)))
    if not pieces:
        return None
    text = "; ".join(pieces)
    return text[:1].upper() + text[1:] + "."


FINDINGS = (
    finding_drugs,
    finding_rehab_targets,
    finding_post_rehab,
    finding_venues,
    finding_roles,
    finding_enforcement,
)


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The key-finding sentences the year's data support (at most six; empty when there are none)."""
    return collect_findings(FINDINGS, figures, year, lang)
