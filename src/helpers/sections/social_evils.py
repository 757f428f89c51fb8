"""Notebook 03: prevention of social evils (phòng, chống tệ nạn xã hội).

Drugs (users under management, rehabilitation by modality against next year's targets, post-rehabilitation
management by district, relapses and jobs, prevention classes), prostitution (venues and suspected venues by type,
suspected persons by role, inspections and sanctions), anti-trafficking reach, and next year's targets of the domain.

For each section of the notebook: a function that shows its heading and returns its frame (None, said as "no
data", when the year has none), one that draws its chart (a Figure), and the reader's tables (``Table``, None
without figures). The numbers come from :mod:`helpers.analysis.social`; every word from ``social_evils.yml``
beside this module or from the catalogue in ``data/``. The key findings are in :mod:`social_evils_findings`.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import social as an
from helpers.analysis.social import REHAB_IDS, rate, ratio, rehab_total  # noqa: F401  (for notebooks and tests)
from helpers.data.query import indicator_name, parts, unit_label, value
from helpers.present import charts
from helpers.present.report import Report
from helpers.sections import chart_titles as ct
from helpers.sections.social_common import (
    Line,
    Table,
    computed_line,
    figure_line,
    lines_table,
    parts_frame,
    parts_table,
    printed_of,
    section_parts_chart,
    unit_name,
    unit_of,
    wrap,
)
from helpers.sections.social_targets import Reference, targets_table
from helpers.text import texts_for
from helpers.text.formatting import fmt_value

T = texts_for(__name__)
DOMAINS = ("social_evils",)
LEGEND = " "  # the legend's title is the name of the hue column: none wanted


def _how(
    a: float | None, b: float | None, lang: str, op: str = "/", a_unit: str = "persons", b_unit: str = "persons"
) -> str:
    return f"{fmt_value(a, a_unit, lang)} {op} {fmt_value(b, b_unit, lang)}"


# Drugs: rehabilitation -----------------------------------------------------------


def rehab_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Registered drug users, rehabilitation by modality, and the shares the appendix computes."""
    managed = value(figures, "drug_users_managed", year)
    community = value(figures, "drug_rehab_community", year)
    compulsory = value(figures, "drug_rehab_compulsory_admissions", year)
    total = rehab_total(figures, year)
    lines = [
        figure_line(figures, "drug_users_managed", year, lang),
        figure_line(figures, "drug_rehab_community", year, lang),
        figure_line(figures, "drug_rehab_compulsory_admissions", year, lang),
        computed_line(
            T("label.rehab_total", lang), total, "persons", lang, _how(community, compulsory, lang, "+"), decimals=None
        ),
        computed_line(
            T("label.rehab_share_of_managed", lang), rate(total, managed), "percent", lang, _how(total, managed, lang)
        ),
        computed_line(
            T("label.community_share", lang), rate(community, total), "percent", lang, _how(community, total, lang)
        ),
    ]
    return lines_table(lines, lang)


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


def rehab(rep: Report) -> pd.DataFrame | None:
    """Section: its heading ("no data" when the year has no rehabilitation figures), and the results by
    modality beside next year's targets ("no data" again when there are neither)."""
    rep.section("rehab", rehab_table(rep.figures, rep.year, rep.lang), level=3)
    frame = rehab_vs_target_frame(rep.figures, rep.year, rep.lang)
    if frame is None:
        rep.no_data(rep.say("rehab_chart.what"))
    return frame


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


# Drugs: after rehabilitation, prevention ------------------------------------------------


def post_rehab_districts(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Persons under post-rehabilitation management by district, districts printed "chưa có" kept as 0."""
    return parts_frame(figures, "post_rehab_management", "district", year, lang)


def post_rehab(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and persons under post-rehabilitation management by district (None: "no data")."""
    return rep.section("post_rehab", post_rehab_districts(rep.figures, rep.year, rep.lang), level=3)


def post_rehab_chart(frame: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """Bars by district, largest first, zeros kept; the caption says what a zero means when there is one."""
    if frame is None:
        return None
    unit = unit_label("post_rehab_management", lang)
    fig = section_parts_chart(frame, title=ct.ranking_title(frame, unit, lang), unit_text=unit, lang=lang, year=year)
    note = T("post_rehab_districts.zero_note", lang) if frame["zero_in_words"].any() else ""
    return charts.captioned(fig, note=note)


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


def post_rehab_districts_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Persons under post-rehabilitation management by district, with shares and the total."""
    table = parts_table(
        figures, "post_rehab_management", "district", year, lang, category_header="social_evils:column.district"
    )
    return None if table is None else replace(table, values={"note": ""})


def post_rehab_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Post-rehabilitation management: persons, relapses, jobs, and the rates per person managed."""
    managed = value(figures, "post_rehab_management", year)
    relapses = value(figures, "post_rehab_relapses", year)
    employed = value(figures, "post_rehab_employed", year)
    lines = [
        figure_line(figures, "post_rehab_management", year, lang),
        figure_line(figures, "post_rehab_relapses", year, lang),
        computed_line(
            T("label.relapse_rate", lang), rate(relapses, managed), "percent", lang, _how(relapses, managed, lang)
        ),
        figure_line(figures, "post_rehab_employed", year, lang),
        *[
            figure_line(figures, "post_rehab_employed", year, lang, breakdown=f"district={code}")
            for code in parts(figures, "post_rehab_employed", "district", year)["category"]
        ],
        computed_line(
            T("label.employment_rate", lang), rate(employed, managed), "percent", lang, _how(employed, managed, lang)
        ),
    ]
    return lines_table(lines, lang)


def _per_class(
    figures: pd.DataFrame, year: int, lang: str, label: str, persons_id: str, classes_id: str
) -> Line | None:
    persons, classes = value(figures, persons_id, year), value(figures, classes_id, year)
    return computed_line(
        T(label, lang),
        ratio(persons, classes),
        "persons",
        lang,
        _how(persons, classes, lang, b_unit="count"),
        decimals=0,
        unit_text=T("per_class", lang),
        prints=(printed_of(figures, persons_id, year), printed_of(figures, classes_id, year)),
    )


def drug_prevention_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Drug prevention classes and trainees, with the average per class."""
    return lines_table(
        [
            figure_line(figures, "drug_prevention_classes", year, lang),
            figure_line(figures, "drug_prevention_trainees", year, lang),
            _per_class(
                figures, year, lang, "label.trainees_per_class", "drug_prevention_trainees", "drug_prevention_classes"
            ),
        ],
        lang,
    )


# Prostitution ----------------------------------------------------------------


def venues_frame(figures: pd.DataFrame, year: int, lang: str) -> pd.DataFrame | None:
    """Venues prone to social evils by type, with shares of the total."""
    return parts_frame(figures, "social_evil_venues", "venue_type", year, lang)


def venues(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and the venues prone to social evils by type (None: "no data")."""
    return rep.section("venues", venues_frame(rep.figures, rep.year, rep.lang), level=3)


def venues_chart(frame: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """Bars of the venues by type, largest first."""
    if frame is None:
        return None
    unit = unit_label("social_evil_venues", lang)
    return section_parts_chart(frame, title=ct.ranking_title(frame, unit, lang), unit_text=unit, lang=lang, year=year)


def venues_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Venues prone to social evils by type, shares and total."""
    return parts_table(
        figures, "social_evil_venues", "venue_type", year, lang, category_header="social_evils:column.type"
    )


def suspected_venues_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Venues suspected of prostitution by type, shares and total."""
    return parts_table(
        figures, "suspected_prostitution_venues", "venue_type", year, lang, category_header="social_evils:column.type"
    )


def roles(rep: Report) -> pd.DataFrame | None:
    """Section: its heading, and the persons suspected of prostitution activity by role (None: "no data")."""
    return rep.section("roles", parts_frame(rep.figures, "prostitution_suspects", "role", rep.year, rep.lang), level=3)


def roles_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Persons suspected of prostitution activity by role, shares and total."""
    return parts_table(figures, "prostitution_suspects", "role", year, lang, category_header="social_evils:column.role")


def enforcement_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Inspections, venues warned and sanctioned, suspected staff, training; the suspected venues' share."""
    suspected = value(figures, "suspected_prostitution_venues", year)
    venues_count = value(figures, "social_evil_venues", year)
    lines = [
        figure_line(figures, "prostitution_inspections", year, lang),
        figure_line(figures, "venues_warned", year, lang),
        figure_line(figures, "prostitution_venues_sanctioned", year, lang),
        figure_line(figures, "suspected_prostitution_venues", year, lang),
        computed_line(
            T("label.suspected_share", lang),
            rate(suspected, venues_count),
            "percent",
            lang,
            _how(suspected, venues_count, lang, a_unit="count", b_unit="count"),
        ),
        figure_line(figures, "suspected_prostitution_staff", year, lang),
        figure_line(figures, "prostitution_prevention_trainees", year, lang),
    ]
    return lines_table(lines, lang)


# Anti-trafficking -------------------------------------------------------------


def trafficking_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Anti-trafficking reach: officials trained, classes, participants, leaflets; participants per class."""
    return lines_table(
        [
            figure_line(figures, "trafficking_training_officials", year, lang),
            figure_line(figures, "trafficking_training_classes", year, lang),
            figure_line(figures, "trafficking_training_participants", year, lang),
            _per_class(
                figures,
                year,
                lang,
                "label.participants_per_class",
                "trafficking_training_participants",
                "trafficking_training_classes",
            ),
            figure_line(figures, "trafficking_leaflets", year, lang),
        ],
        lang,
    )


# Next year's targets ------------------------------------------------------------


def voluntary_share_reference(figures: pd.DataFrame, year: int, lang: str) -> Reference | None:
    """The voluntary (home/community) share of all rehabilitation in ``year``, to stand beside its target."""
    community = value(figures, "drug_rehab_community", year)
    total = rehab_total(figures, year)
    share = rate(community, total)
    if share is None:
        return None
    managed = value(figures, "drug_users_managed", year)
    alt = rate(community, managed)
    caveat = (
        ""
        if alt is None
        else T(
            "caveat.voluntary",
            lang,
            managed=fmt_value(managed, "persons", lang),
            alt=fmt_value(alt, "percent", lang, 2),
        )
    )
    return Reference(share, _how(community, total, lang), caveat)


def service_access_reference(figures: pd.DataFrame, year: int, lang: str) -> Reference | None:
    """Persons in rehabilitation per registered drug user in ``year``: a floor for the service-access rate."""
    total = rehab_total(figures, year)
    managed = value(figures, "drug_users_managed", year)
    share = rate(total, managed)
    if share is None:
        return None
    return Reference(share, _how(total, managed, lang), T("caveat.access", lang))


REFERENCES = {
    "voluntary_rehab_share": voluntary_share_reference,
    "drug_users_service_access_rate": service_access_reference,
}


def targets(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The domain's targets for ``year + 1`` beside ``year``'s results (or the appendix's reference values)."""
    table = targets_table(figures, year, DOMAINS, lang, REFERENCES)
    return None if table is None else replace(table, values={"next": year + 1})
