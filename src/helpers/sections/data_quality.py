"""Data quality (chất lượng dữ liệu, notebook 05): do the year's figures hold together?

Tables and sentences built on :mod:`helpers.analysis.reconciliation`: derived figures
recomputed, breakdowns against totals, revisions across vintages, sources that
disagree, ambiguous prints and coverage. ``*_table`` (and ``findings``, in
:mod:`helpers.findings.data_quality`) are pure functions of the figures; :func:`section` shows
a section's heading and returns its rows for the notebook, :func:`table` the reader's
table. Every word comes from ``data_quality.yml`` beside this module or from the names
of :mod:`helpers.text.vocabulary`.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import reconciliation as rec
from helpers.data.contract import NOTES_LANG
from helpers.data.loading import load_revisions
from helpers.data.printed import AMBIGUOUS_NOTE_PREFIX, parse_printed
from helpers.present.report import Report
from helpers.present.tables import Table
from helpers.text import texts_for
from helpers.text.formatting import PERCENT_UNITS, fmt_number, fmt_ratio, fmt_value
from helpers.text.vocabulary import (
    DIMENSION_LABELS,
    DOMAIN_LABELS,
    KIND_LABELS,
    indicator_text,
    instrument_after,
    label,
    part_year_text,
    publisher_names,
    yes_no,
)

T = texts_for(__name__)
STATUS_KEYS = {rec.AGREES: "agrees", rec.DIFFERS: "differs", rec.CANNOT: "cannot"}
SUM_KEYS = {
    rec.SUM_AGREES: "agrees",
    rec.SUM_ROUNDING: "rounding",
    rec.SUM_DIFFERS: "differs",
    rec.NO_TOTAL: "no_total",
    rec.WITHIN_TOTAL: "within",
    rec.EXCEEDS_TOTAL: "exceeds",
}
BOUNDS = ("floor", "ceiling")
APPROXIMATE = {"khoảng": "about", "gần": "almost"}  # the print's qualifier (data) → its text in data_quality.yml
COVERAGE_KINDS = ("actual", "estimate", "plan", "target")


HEADER_KEYS = (
    "indicator",
    "period",
    "kind",
    "stated",
    "formula",
    "recomputed",
    "status",
    "note",
    "dimension",
    "complete",
    "total",
    "parts",
    "parts_sum",
    "difference",
    "old",
    "old_source",
    "new",
    "new_source",
    "changed",
    "source",
    "value",
    "used",
    "printed",
    "literal",
    "chosen",
    "reason",
    "domain",
    "total_figures",
    "indicators",
    "all_domains",
)


def _headers(lang: str) -> dict[str, str]:
    return {k: T(f"column.{k}", lang) for k in HEADER_KEYS}


# Formatting helpers ----------------------------------------------------------------


def _names(figures: pd.DataFrame, lang: str) -> pd.Series:
    return figures.drop_duplicates("indicator_id").set_index("indicator_id")[f"name_{lang}"]


def _name(names: pd.Series, indicator_id: str, breakdown: str, kind: str, lang: str) -> str:
    text = indicator_text(str(names.get(indicator_id, indicator_id)), breakdown or "", lang)
    return text if kind == "actual" else f"{text} ({label(KIND_LABELS, kind, lang).lower()})"


def stated_text(value: float, unit: str, printed: str, lang: str) -> str:
    """A stated figure in ``lang``, keeping what its print's qualifier means: "trên 51%", "khoảng 600"."""
    parsed = parse_printed(printed)
    text = fmt_value(value, unit, lang, rec.printed_decimals(printed))
    if parsed is None:
        return text
    if parsed.bound in BOUNDS:
        return f"{T(f'bound.{parsed.bound}', lang)} {text}"
    if parsed.qualifier in APPROXIMATE:
        return f"{T(f'approx.{APPROXIMATE[parsed.qualifier]}', lang)} {text}"
    return text


def formula_text(row: pd.Series, lang: str) -> str:
    """The recomputation with its numbers: "17.034 / 17.000 × 100", "2,27 − 3,56"; "?" for a missing input."""
    a, b = (
        "?" if v is None or pd.isna(v) else fmt_number(float(v), lang)
        for v in (row["numerator_value"], row["denominator_value"])
    )
    if row["method"] == "difference":
        return f"{a} − {b}"
    return f"{a} / {b} × 100"


def _missing_text(row: pd.Series, names: pd.Series, lang: str) -> str:
    parts = []
    for part in ("numerator", "denominator"):
        if row[f"{part}_value"] is not None and not pd.isna(row[f"{part}_value"]):
            continue
        if row[f"{part}_ref"]:
            name = _name(names, row[f"{part}_indicator_id"], row[f"{part}_breakdown"], row[f"{part}_kind"], lang)
            parts.append(f"{name}, {int(row[f'{part}_period'])}")
        else:
            parts.append(f"{row[f'unlisted_input_{lang}']} ({T('not_listed', lang)})")
    unique = list(dict.fromkeys(parts))
    return f"{T('missing', lang).capitalize()}: " + "; ".join(unique)


def _frame(
    found: pd.DataFrame, figures: pd.DataFrame, lang: str, columns: dict, breakdowns: bool = True
) -> pd.DataFrame:
    """The reader's frame of a check's rows: the indicator (named in ``lang``, with its breakdown unless
    ``breakdowns`` is False) and the period, then ``columns`` (keyed by :data:`HEADER_KEYS`)."""
    names = _names(figures, lang)
    h = _headers(lang)
    breakdown = found["breakdown"] if breakdowns else [""] * len(found)
    indicators = zip(found["indicator_id"], breakdown, found["kind"], strict=False)
    return pd.DataFrame(
        {
            h["indicator"]: [_name(names, i, b, k, lang) for i, b, k in indicators],
            # A part-year figure is shown as one: "2023 (tính đến 15/11/2023)".
            h["period"]: [
                f"{p} ({part_year_text(a, lang)})" if isinstance(a, str) and a else str(p)
                for p, a in zip(found["period"], found.get("as_of", pd.Series("", index=found.index)), strict=True)
            ],
            **{h[k]: v for k, v in columns.items()},
        }
    )


def _source_names(lang: str) -> dict[str, str]:
    return publisher_names(lang)


# Tables ----------------------------------------------------------------------------------


def derivations_table(figures: pd.DataFrame, derivations: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Each derived figure of ``year`` beside its recomputation; None when the year states none."""
    found = rec.reconcile_derivations(figures, derivations, year)
    if found.empty:
        return None
    names = _names(figures, lang)
    notes = []
    for _, row in found.iterrows():
        if row["status"] == rec.CANNOT:
            notes.append(_missing_text(row, names, lang))
        elif row["status"] == rec.AGREES and abs(row["difference"]) > 1e-9:
            notes.append(
                T(
                    "rounded",
                    lang,
                    count=rec.printed_decimals(row["stated_printed"]),
                    d=rec.printed_decimals(row["stated_printed"]),
                )
            )
        else:
            notes.append("")
    columns = {
        "stated": [
            stated_text(v, u, p, lang)
            for v, u, p in zip(found["stated"], found["unit"], found["stated_printed"], strict=False)
        ],
        # who stated it: the report or a newspaper, so that no source's figure is taken for another's
        "source": [_source_names(lang).get(s, s) for s in found["source_id"]],
        "formula": [formula_text(r, lang) for _, r in found.iterrows()],
        "recomputed": [  # a computed percentage has two decimals, as everywhere (fmt_ratio)
            fmt_ratio(v, lang) if u in PERCENT_UNITS else fmt_value(v, u, lang)
            for v, u in zip(found["recomputed"], found["unit"], strict=False)
        ],
        "status": [T(f"status.{STATUS_KEYS[s]}", lang) for s in found["status"]],
        "note": notes,
    }
    frame = _frame(found, figures, lang, columns)
    raw = found.drop(columns=["source_ids"]).reset_index(drop=True)
    sources = sorted({s for ids in found["source_ids"] for s in ids})
    return Table(frame, raw, sources)


def breakdowns_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Each breakdown of an additive indicator against its total; None when the year has none to check."""
    found = rec.breakdown_checks(figures, year)
    if found.empty:
        return None
    columns = {
        "dimension": [label(DIMENSION_LABELS, d, lang) for d in found["dimension"]],
        "complete": [T("breakdown.complete" if c else "breakdown.partial", lang) for c in found["complete"]],
        "total": [fmt_value(t, u, lang) for t, u in zip(found["total"], found["unit"], strict=False)],
        "parts": [" + ".join(fmt_number(v, lang) for v in values) for values in found["part_values"]],
        "parts_sum": [fmt_value(s, u, lang) for s, u in zip(found["parts_sum"], found["unit"], strict=False)],
        "difference": [
            fmt_value(d, u, lang, signed=True) for d, u in zip(found["difference"], found["unit"], strict=False)
        ],
        "status": [T(f"sum.{SUM_KEYS[s]}", lang) for s in found["status"]],
    }
    frame = _frame(found, figures, lang, columns, breakdowns=False)
    raw = (
        found.assign(
            categories=found["categories"].map(";".join),
            part_values=found["part_values"].map(lambda vs: ";".join(rec.plain_number(v) for v in vs)),
        )
        .drop(columns=["source_ids"])
        .reset_index(drop=True)
    )
    sources = sorted({s for ids in found["source_ids"] for s in ids})
    return Table(frame, raw, sources)


def revisions_table(revisions: pd.DataFrame, figures: pd.DataFrame, lang: str) -> Table | None:
    """Figures a later file replaced (:func:`helpers.data.loading.load_revisions`), old beside new; None when none."""
    if revisions.empty:
        return None
    names = _names(figures, lang)
    units = figures.drop_duplicates("indicator_id").set_index("indicator_id")["unit"]
    publishers = _source_names(lang)
    h = _headers(lang)

    def source(sid: str, vintage: int) -> str:
        return T("file_of_year", lang, source=publishers.get(sid, sid), vintage=int(vintage))

    frame = pd.DataFrame(
        {
            h["indicator"]: [
                _name(names, i, b, "actual", lang)
                for i, b in zip(revisions["indicator_id"], revisions["breakdown"], strict=False)
            ],
            h["period"]: revisions["period"].astype(str),
            h["kind"]: [
                label(KIND_LABELS, k, lang) + instrument_after(i, lang)
                for k, i in zip(
                    revisions["kind"], revisions.get("instrument", pd.Series("", index=revisions.index)), strict=False
                )
            ],
            h["old"]: [
                stated_text(v, units.get(i, ""), p, lang)
                for v, i, p in zip(revisions["value"], revisions["indicator_id"], revisions["printed"], strict=False)
            ],
            h["old_source"]: [source(s, v) for s, v in zip(revisions["source_id"], revisions["vintage"], strict=False)],
            h["new"]: [
                stated_text(v, units.get(i, ""), p, lang)
                for v, i, p in zip(
                    revisions["new_value"], revisions["indicator_id"], revisions["new_printed"], strict=False
                )
            ],
            h["new_source"]: [
                source(s, v) for s, v in zip(revisions["new_source_id"], revisions["new_vintage"], strict=False)
            ],
            h["changed"]: [
                yes_no(abs(a - b) > 1e-9, lang)
                for a, b in zip(revisions["value"], revisions["new_value"], strict=False)
            ],
        }
    )
    sources = sorted(set(revisions["source_id"]) | set(revisions["new_source_id"]))
    return Table(frame, revisions.reset_index(drop=True), sources)


def disagreements_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """One row per source of each figure the sources give differently, marking the one used; None when none."""
    found = rec.source_disagreements(figures, year)
    if found.empty:
        return None
    publishers = _source_names(lang)
    columns = {
        "source": [publishers.get(s, s) for s in found["source_id"]],
        "value": [
            stated_text(v, u, p, lang) for v, u, p in zip(found["value"], found["unit"], found["printed"], strict=False)
        ],
        "used": [yes_no(bool(p), lang) for p in found["preferred"]],
    }
    frame = _frame(found, figures, lang, columns)
    return Table(frame, found, sorted(set(found["source_id"])))


def ambiguous_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """The ambiguous prints of ``year``'s data with the reading chosen and why; None when none."""
    found = rec.ambiguous_prints(figures, year)
    if found.empty:
        return None
    literal = [
        fmt_number(v, lang, rec.printed_decimals(p))
        for v, p in zip(found["literal_reading"], found["printed"], strict=False)
    ]
    chosen = [fmt_number(v, lang) for v in found["value"]]
    reasons = [T("ambiguous.reason", lang, literal=x, chosen=c) for x, c in zip(literal, chosen, strict=True)]
    if lang == NOTES_LANG:  # the transcriber's own words, in the language the data's notes are written in
        notes = [str(n).removeprefix(AMBIGUOUS_NOTE_PREFIX).strip() for n in found["note"]]
        reasons = [f"{r} {T('ambiguous.note', lang, note=n)}" for r, n in zip(reasons, notes, strict=True)]
    columns = {"printed": found["printed"], "literal": literal, "chosen": chosen, "reason": reasons}
    frame = _frame(found, figures, lang, columns)
    return Table(frame, found, sorted(set(found["source_id"])))


def coverage_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Figures of ``year``'s data by domain and kind, with a total row; None when the year has none."""
    counts = rec.coverage(figures, year)
    if counts.empty:
        return None
    rows = rec.year_rows(figures, year)
    kinds = list(COVERAGE_KINDS)
    total = {
        "domain": "",
        **{k: int(counts[k].sum()) for k in kinds},
        "total": int(counts["total"].sum()),
        "indicators": int(rows["indicator_id"].nunique()),
    }
    h = _headers(lang)
    frame = pd.DataFrame(
        {
            h["domain"]: [label(DOMAIN_LABELS, d, lang) for d in counts["domain"]] + [h["all_domains"]],
            **{
                T(f"coverage.kind.{k}", lang): [fmt_number(v, lang) for v in list(counts[k]) + [total[k]]]
                for k in kinds
            },
            h["total_figures"]: [fmt_number(v, lang) for v in list(counts["total"]) + [total["total"]]],
            h["indicators"]: [fmt_number(v, lang) for v in list(counts["indicators"]) + [total["indicators"]]],
        }
    )
    raw = pd.concat([counts, pd.DataFrame([{**total, "domain": "all"}])], ignore_index=True)
    return Table(frame, raw, sorted(set(rows["source_id"])))


# The notebook's sections ---------------------------------------------------------------


TABLES = {
    "derivations": lambda rep: derivations_table(rep.figures, rec.load_derivations(), rep.year, rep.lang),
    "breakdowns": lambda rep: breakdowns_table(rep.figures, rep.year, rep.lang),
    "revisions": lambda rep: revisions_table(load_revisions(rep.year, edition=rep.edition), rep.figures, rep.lang),
    "disagreements": lambda rep: disagreements_table(rep.figures, rep.year, rep.lang),
    "ambiguous": lambda rep: ambiguous_table(rep.figures, rep.year, rep.lang),
    "coverage": lambda rep: coverage_table(rep.figures, rep.year, rep.lang),
}


def table(rep: Report, name: str) -> Table | None:
    """The reader's table of section ``name`` (one of :data:`TABLES`), or None when the year has nothing to show."""
    return TABLES[name](rep)


def section(rep: Report, name: str) -> pd.DataFrame | None:
    """Section ``name``: its heading, and its rows with plain numbers (None, said as "no data", when there are none)."""
    shown = table(rep, name)
    return rep.section(name, None if shown is None else shown.raw)
