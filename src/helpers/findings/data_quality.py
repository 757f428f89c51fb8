"""Notebook 05's key-findings sentences on the year's data quality (words from ``data_quality.yml``)."""

from __future__ import annotations

import pandas as pd

from helpers.analysis import reconciliation as rec
from helpers.data.loading import load_report_meta, load_revisions
from helpers.present.report import Report
from helpers.sections.data_quality import T, _name, _names, stated_text
from helpers.text.formatting import fmt_number, fmt_value
from helpers.text.vocabulary import publisher_names

# Findings -----------------------------------------------------------------------------


def derivation_findings(
    figures: pd.DataFrame, derivations: pd.DataFrame, year: int, lang: str, report_source: str | None = None
) -> list[str]:
    """One finding: for each source that states derived figures (the year's report first, data/reports.csv's
    ``source_id``, or ``report_source``), a sentence on how many of its figures agree, differ or cannot be
    recomputed, so that a newspaper's figure is never counted as the report's."""
    found = rec.reconcile_derivations(figures, derivations, year)
    if found.empty:
        return [T("findings.derived_none", lang, year=year)]
    report = load_report_meta(year).source_id if report_source is None else report_source
    publishers = publisher_names(lang)
    order = sorted(dict.fromkeys(found["source_id"]), key=lambda source: source != report)  # stable: report first
    sentences = []
    for source in order:
        who = T("findings.who_report", lang) if source == report else publishers.get(source, source)
        sentences.append(_derivation_sentence(found[found["source_id"] == source], figures, who, lang))
    return [" ".join(sentences)]


def _derivation_sentence(found: pd.DataFrame, figures: pd.DataFrame, who: str, lang: str) -> str:
    """How many of one source's derived figures agree, differ (named) or cannot be recomputed."""
    names = _names(figures, lang)
    differs = found[found["status"] == rec.DIFFERS]
    cannot = int((found["status"] == rec.CANNOT).sum())
    rest = ""
    if len(differs):
        items = "; ".join(
            T(
                "findings.derived_differs_item",
                lang,
                name=_name(names, r["indicator_id"], r["breakdown"], r["kind"], lang),
                stated=stated_text(r["stated"], r["unit"], r["stated_printed"], lang),
                recomputed=fmt_value(r["recomputed"], r["unit"], lang),
            )
            for _, r in differs.iterrows()
        )
        rest += T("findings.derived_differs", lang, n=len(differs), items=items)
    if cannot:
        rest += T("findings.derived_cannot", lang, n=cannot)
    agree = int((found["status"] == rec.AGREES).sum())
    key = _every("findings.derived", agree, len(found))
    return T(key, lang, count=agree, agree=agree, n=len(found), who=who, rest=rest)  # "1 of the 2 … agrees"


def _every(key: str, good: int, n: int) -> str:
    """``key``, or ``key_all`` when every one of several is good: "cả 12 phân tổ đều …", not "12 trong 12"."""
    return f"{key}_all" if good == n > 1 else key


def breakdown_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence on complete breakdowns (do they add up?) and partial ones (within the total?)."""
    found = rec.breakdown_checks(figures, year)
    if found.empty:
        return []
    names = _names(figures, lang)
    sentences = []
    complete = found[found["complete"].astype(bool)]
    with_total = complete[complete["status"] != rec.NO_TOTAL]
    no_total = len(complete) - len(with_total)
    if len(with_total):
        differ = with_total[with_total["status"] == rec.SUM_DIFFERS]
        rest = ""
        if len(differ):
            items = "; ".join(
                f"{_name(names, r['indicator_id'], '', r['kind'], lang)} "
                f"({fmt_value(r['parts_sum'], r['unit'], lang)} / "
                f"{fmt_value(r['total'], r['unit'], lang)})"
                for _, r in differ.iterrows()
            )
            rest += T("findings.sums_differ", lang, items=items)
        if no_total:
            rest += T("findings.sums_no_total", lang, n=no_total)
        agree = len(with_total) - len(differ)
        sentences.append(
            T(_every("findings.sums", agree, len(with_total)), lang, agree=agree, n=len(with_total), rest=rest)
        )
    elif no_total:
        sentences.append(T("findings.sums_only_no_total", lang, n=no_total, year=year))
    partial = found[~found["complete"].astype(bool)]
    if len(partial):
        exceed = partial[partial["status"] == rec.EXCEEDS_TOTAL]
        rest = ""
        if len(exceed):
            items = "; ".join(_name(names, r["indicator_id"], "", r["kind"], lang) for _, r in exceed.iterrows())
            rest = T("findings.partial_exceed", lang, items=items)
        within = len(partial) - len(exceed)
        sentences.append(
            T(_every("findings.partial", within, len(partial)), lang, within=within, n=len(partial), rest=rest)
        )
    if not sentences:
        return []
    sentence = "; ".join(sentences) + "."
    return [sentence[0].upper() + sentence[1:]]


def revision_findings(revisions: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence: how many earlier figures the year's data replaced, and how many changed value."""
    if revisions.empty:
        return [T("findings.revisions_none", lang, year=year)]
    changed = int(((revisions["value"] - revisions["new_value"]).abs() > 1e-9).sum())
    how = T("findings.revisions_changed", lang, n=changed) if changed else T("findings.revisions_unchanged", lang)
    return [T("findings.revisions", lang, n=len(revisions), changed=how)]


def disagreement_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence on figures the sources give differently (and which value is used), or confirmations."""
    found = rec.source_disagreements(figures, year)
    confirmed = len(rec.source_confirmations(figures, year))
    rest = T("findings.confirmed", lang, n=confirmed) if confirmed else ""
    if found.empty:
        return [T("findings.disagree_none", lang, year=year, rest=rest)]
    names = _names(figures, lang)
    items = []
    for _, group in found.groupby(["indicator_id", "period", "kind", "breakdown"], sort=False):
        first = group.iloc[0]
        used = group[group["preferred"].astype(bool)]
        values = T("and", lang).join(
            stated_text(v, first["unit"], p, lang) for v, p in zip(group["value"], group["printed"], strict=False)
        )
        items.append(
            T(
                "findings.disagree_item",
                lang,
                name=_name(names, first["indicator_id"], first["breakdown"], first["kind"], lang),
                period=int(first["period"]),
                values=values,
                used=stated_text(used["value"].iloc[0], first["unit"], used["printed"].iloc[0], lang),
            )
        )
    n = found.groupby(["indicator_id", "period", "kind", "breakdown"]).ngroups
    return [T("findings.disagree", lang, n=n, items="; ".join(items), rest=rest)]


def ambiguous_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence on the ambiguous prints and how they were read (nothing when there are none)."""
    found = rec.ambiguous_prints(figures, year)
    if found.empty:
        return []
    names = _names(figures, lang)
    units = figures.drop_duplicates("indicator_id").set_index("indicator_id")[f"unit_{lang}"]
    items = "; ".join(
        T(
            "findings.ambiguous_item",
            lang,
            name=_name(names, r["indicator_id"], r["breakdown"], r["kind"], lang),
            printed=r["printed"],
            value=f"{fmt_number(r['value'], lang)} {units.get(r['indicator_id'], '')}".strip(),
        )
        for _, r in found.iterrows()
    )
    return [T("findings.ambiguous", lang, n=len(found), items=items)]


def coverage_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence: how many figures, indicators, domains and sources the year's data hold."""
    rows = rec.year_rows(figures, year)
    if rows.empty:
        return []
    sources = rows["source_id"].nunique()
    return [
        T(
            "findings.coverage",
            lang,
            count=sources,
            year=year,
            n=len(rows),
            k=rows["indicator_id"].nunique(),
            d=rows["domain"].nunique(),
            s=sources,
        )
    ]


def findings(
    figures: pd.DataFrame,
    derivations: pd.DataFrame,
    revisions: pd.DataFrame,
    year: int,
    lang: str,
    report_source: str | None = None,
) -> list[str]:
    """The data-quality key findings for ``year`` in ``lang``; empty when the year's data hold nothing
    (``report_source``: see :func:`derivation_findings`)."""
    if rec.year_rows(figures, year).empty:
        return []
    return (
        derivation_findings(figures, derivations, year, lang, report_source)
        + breakdown_findings(figures, year, lang)
        + disagreement_findings(figures, year, lang)
        + ambiguous_findings(figures, year, lang)
        + revision_findings(revisions, year, lang)
        + coverage_findings(figures, year, lang)
    )


# The notebook's title section ----------------------------------------------------------


def title_findings(rep: Report) -> list[str]:
    """The key findings (none when the year's data hold nothing: ``rep.findings`` then says so)."""
    return findings(
        rep.figures, rec.load_derivations(), load_revisions(rep.year, edition=rep.edition), rep.year, rep.lang
    )
