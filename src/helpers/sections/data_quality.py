"""Data quality (chất lượng dữ liệu, notebook 05): do the year's figures hold together?

Tables and sentences built on :mod:`helpers.analysis.reconciliation`: derived figures
recomputed, breakdowns against totals, revisions across vintages, sources that
disagree, ambiguous prints and coverage. ``*_table`` and ``findings`` are pure
functions of the figures; ``show_*`` put them on a :class:`~helpers.present.report.Report`
or say there is no data.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis import reconciliation as rec
from helpers.data.loading import load_revisions, load_sources
from helpers.data.printed import AMBIGUOUS_NOTE_PREFIX, parse_printed
from helpers.present.report import Report
from helpers.text.formatting import fmt_number, fmt_value
from helpers.text.vocabulary import (
    DIMENSION_LABELS,
    DOMAIN_LABELS,
    KIND_LABELS,
    ShownTable,
    indicator_text,
    label,
    pick,
    yes_no,
)

TITLE = ("Chất lượng dữ liệu", "Data quality")
HEADINGS = {
    "derivations": ("Số liệu tính toán mà báo cáo nêu, tính lại để đối chiếu", "Derived figures the report states, recomputed"),
    "breakdowns": ("Các phân tổ so với tổng", "Breakdowns against their totals"),
    "revisions": ("Số liệu được điều chỉnh giữa các kỳ báo cáo", "Figures revised by a later report"),
    "disagreements": ("Các nguồn nêu khác nhau", "Sources that disagree"),
    "ambiguous": ("Số liệu in không rõ ràng", "Ambiguous prints"),
    "coverage": ("Mức độ bao phủ của dữ liệu", "Coverage of the data"),
}
NO_DATA = {
    "derivations": ("các chỉ tiêu tính toán (tỷ lệ so với kế hoạch, mức thay đổi, tỷ trọng)",
                    "derived indicators (percent of plan, changes, shares)"),
    "breakdowns": ("các phân tổ có thể đối chiếu với tổng", "breakdowns that can be checked against a total"),
    "revisions": ("việc điều chỉnh số liệu giữa các kỳ báo cáo", "revisions between reports"),
    "disagreements": ("các nguồn nêu khác nhau về cùng một số liệu", "sources disagreeing on a figure"),
    "ambiguous": ("bản in không rõ ràng", "ambiguous prints"),
    "coverage": ("bất kỳ chỉ tiêu nào", "any indicator"),
}
CAPTIONS = {
    "derivations": ("Số liệu tính toán báo cáo nêu năm {year} và kết quả tính lại từ các số liệu khác, so ở độ chính xác của bản in.",
                    "Derived figures stated for {year} and their recomputation from other figures, compared at the printed precision."),
    "breakdowns": ("Tổng các thành phần của mỗi phân tổ so với tổng báo cáo nêu, năm {year}.",
                   "Sum of the parts of each breakdown against the stated total, {year}."),
    "revisions": ("Số liệu của các năm trước được thay bằng số liệu mới hơn (quy tắc kỳ dữ liệu), tính đến năm {year}.",
                  "Figures from earlier files replaced by a later one (the vintage rule), as of {year}."),
    "disagreements": ("Cùng một số liệu được các nguồn nêu khác nhau trong dữ liệu năm {year}; phụ lục dùng nguồn được ưu tiên.",
                      "The same figure given differently by two sources in the {year} data; the appendix uses the preferred source."),
    "ambiguous": ("Số liệu in không rõ ràng trong dữ liệu năm {year} và cách đọc được chọn.",
                  "Figures printed ambiguously in the {year} data, and the reading chosen."),
    "coverage": ("Số số liệu trong dữ liệu năm {year} theo lĩnh vực và loại số liệu.",
                 "Figures in the {year} data by domain and kind."),
}

STATUS = {
    rec.AGREES: ("Khớp", "Agrees"),
    rec.DIFFERS: ("Lệch", "Differs"),
    rec.CANNOT: ("Không tính lại được", "Cannot recompute"),
}
SUM_STATUS = {
    rec.SUM_AGREES: ("Khớp", "Agrees"),
    rec.SUM_ROUNDING: ("Khớp trong phạm vi làm tròn", "Agrees within rounding"),
    rec.SUM_DIFFERS: ("Lệch", "Differs"),
    rec.NO_TOTAL: ("Không có tổng để đối chiếu", "No printed total"),
    rec.WITHIN_TOTAL: ("Không vượt tổng", "Within the total"),
    rec.EXCEEDS_TOTAL: ("Vượt tổng", "Exceeds the total"),
}
COMPLETE = {True: ("Đầy đủ", "Complete"), False: ("Một phần (“trong đó”)", "Partial (“of which”)")}
QUALIFIER_WORDS = {"floor": ("trên", "above"), "ceiling": ("dưới", "below")}
APPROXIMATE = {"khoảng": ("khoảng", "about"), "gần": ("gần", "almost")}
MISSING_LABEL = ("thiếu", "missing")
ROUNDED_NOTE = ("khớp khi làm tròn đến {d} chữ số thập phân như bản in", "agrees when rounded to {d} decimal(s) as printed")
NOT_LISTED = ("không có trong dữ liệu", "not in the data")

H = {
    "indicator": ("Chỉ tiêu", "Indicator"),
    "period": ("Năm", "Year"),
    "kind": ("Loại số liệu", "Kind"),
    "stated": ("Báo cáo nêu", "Stated"),
    "formula": ("Cách tính lại", "Recomputation"),
    "recomputed": ("Kết quả tính lại", "Recomputed"),
    "status": ("Đối chiếu", "Check"),
    "note": ("Ghi chú", "Note"),
    "dimension": ("Phân tổ theo", "Broken down by"),
    "complete": ("Loại phân tổ", "Breakdown"),
    "total": ("Tổng báo cáo nêu", "Stated total"),
    "parts": ("Các thành phần", "Parts"),
    "parts_sum": ("Tổng các thành phần", "Sum of parts"),
    "difference": ("Chênh lệch", "Difference"),
    "old": ("Số liệu cũ", "Earlier figure"),
    "old_source": ("Nguồn cũ", "Earlier source"),
    "new": ("Số liệu mới", "Later figure"),
    "new_source": ("Nguồn mới", "Later source"),
    "changed": ("Giá trị thay đổi", "Value changed"),
    "source": ("Nguồn", "Source"),
    "value": ("Số liệu", "Figure"),
    "used": ("Phụ lục dùng", "Used by the appendix"),
    "printed": ("Bản in", "As printed"),
    "literal": ("Đọc theo quy ước tiếng Việt", "Read by the Vietnamese convention"),
    "chosen": ("Cách đọc được chọn", "Reading chosen"),
    "reason": ("Lý do (ghi chú của người nhập liệu)", "Why (transcriber's note)"),
    "domain": ("Lĩnh vực", "Domain"),
    "total_figures": ("Tổng số liệu", "All figures"),
    "indicators": ("Số chỉ tiêu", "Indicators"),
    "all_domains": ("Tất cả lĩnh vực", "All domains"),
}
COVERAGE_KINDS = {
    "actual": ("Thực hiện", "Actual"),
    "estimate": ("Ước tính", "Estimate"),
    "plan": ("Kế hoạch", "Plan"),
    "target": ("Chỉ tiêu đặt ra", "Target"),
}
FILE_OF_YEAR = ("{source} (dữ liệu năm {vintage})", "{source} ({vintage} data)")

F_DERIVED = ("{agree} trong {n} số liệu tính toán mà báo cáo nêu khớp khi tính lại{rest}.",
             "{agree} of the {n} derived figures the report states agree when recomputed{rest}.")
F_DERIVED_DIFFERS = ("; {n} lệch ({items})", "; {n} differ ({items})")
F_DERIVED_DIFFERS_ITEM = ("{name}: báo cáo nêu {stated}, tính lại {recomputed}", "{name}: stated {stated}, recomputed {recomputed}")
F_DERIVED_CANNOT = ("; {n} không tính lại được do thiếu số liệu đầu vào", "; {n} cannot be recomputed for want of an input")
F_DERIVED_NONE = ("Dữ liệu năm {year} không có số liệu tính toán nào (tỷ lệ so với kế hoạch, mức thay đổi, tỷ trọng) để đối chiếu.",
                  "The {year} data hold no derived figure (percent of plan, change, share) to recompute.")
F_SUMS = ("{agree} trong {n} phân tổ đầy đủ có tổng được in cộng đúng bằng tổng{rest}",
          "{agree} of the {n} complete breakdowns with a printed total add up to it{rest}")
F_SUMS_DIFFER = ("; lệch: {items}", "; differing: {items}")
F_SUMS_NO_TOTAL = (" ({n} phân tổ khác không có tổng để đối chiếu)", " ({n} more have no printed total)")
F_SUMS_ONLY_NO_TOTAL = ("{n} phân tổ đầy đủ trong dữ liệu năm {year} không có tổng được in để đối chiếu",
                        "The {n} complete breakdowns in the {year} data have no printed total to check against")
F_PARTIAL = ("{within} trong {n} phân tổ một phần (“trong đó”) không vượt tổng{rest}",
             "{within} of the {n} partial breakdowns (“of which”) stay within their total{rest}")
F_PARTIAL_EXCEED = ("; vượt tổng: {items}", "; exceeding it: {items}")
F_REVISIONS = ("{n} số liệu trong dữ liệu các năm trước được thay bằng số liệu của tệp mới hơn; {changed}.",
               "{n} figure(s) from earlier files were replaced by a later file's; {changed}.")
F_REVISIONS_CHANGED = ("{n} trong số đó thay đổi giá trị", "{n} of them changed value")
F_REVISIONS_UNCHANGED = ("giá trị không thay đổi", "no value changed")
F_REVISIONS_NONE = ("Không có số liệu nào của các năm trước bị dữ liệu năm {year} điều chỉnh.",
                    "No earlier figure is revised by the {year} data.")
F_DISAGREE = ("{n} số liệu được các nguồn nêu khác nhau: {items}{rest}.",
              "{n} figure(s) given differently by different sources: {items}{rest}.")
F_DISAGREE_ITEM = ("{name} năm {period} ({values}); phụ lục dùng {used} theo nguồn được ưu tiên",
                   "{name}, {period} ({values}); the appendix uses {used}, from the preferred source")
F_DISAGREE_NONE = ("Không có số liệu nào bị các nguồn nêu khác nhau trong dữ liệu năm {year}{rest}.",
                   "No figure is given differently by two sources in the {year} data{rest}.")
F_CONFIRMED = ("; {n} số liệu được hai nguồn trở lên nêu cùng giá trị", "; {n} figure(s) are confirmed by a second source")
F_AMBIGUOUS = ("{n} số liệu in không rõ ràng: {items}.", "{n} figure(s) printed ambiguously: {items}.")
F_AMBIGUOUS_ITEM = ("{name} in “{printed}”, được đọc là {value}", "{name} printed “{printed}”, read as {value}")
F_COVERAGE = ("Dữ liệu năm {year} gồm {n} số liệu về {k} chỉ tiêu thuộc {d} lĩnh vực, từ {s} nguồn.",
              "The {year} data hold {n} figures on {k} indicators in {d} domains, from {s} source(s).")
AND = (" và ", " and ")


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
    if parsed.bound in QUALIFIER_WORDS:
        return f"{pick(QUALIFIER_WORDS[parsed.bound], lang)} {text}"
    if parsed.qualifier in APPROXIMATE:
        return f"{pick(APPROXIMATE[parsed.qualifier], lang)} {text}"
    return text


def _input_text(value: object, unit: str | None, lang: str) -> str:
    return "?" if value is None or pd.isna(value) else fmt_number(float(value), lang)


def formula_text(row: pd.Series, lang: str) -> str:
    """The recomputation with its numbers: "17.034 / 17.000 × 100", "2,27 − 3,56"; "?" for a missing input."""
    a = _input_text(row["numerator_value"], None, lang)
    b = _input_text(row["denominator_value"], None, lang)
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
            parts.append(f"{row[f'unlisted_input_{lang}']} ({pick(NOT_LISTED, lang)})")
    unique = list(dict.fromkeys(parts))
    return f"{pick(MISSING_LABEL, lang).capitalize()}: " + "; ".join(unique)


def _source_names() -> pd.Series:
    return load_sources().set_index("source_id")["publisher"]


# Tables ----------------------------------------------------------------------------------


def derivations_table(figures: pd.DataFrame, derivations: pd.DataFrame, year: int, lang: str) -> ShownTable | None:
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
            notes.append(pick(ROUNDED_NOTE, lang).format(d=rec.printed_decimals(row["stated_printed"])))
        else:
            notes.append("")
    h = {k: pick(v, lang) for k, v in H.items()}
    frame = pd.DataFrame({
        h["indicator"]: [_name(names, i, b, k, lang) for i, b, k in zip(found["indicator_id"], found["breakdown"], found["kind"])],
        h["period"]: found["period"].astype(str),
        h["stated"]: [stated_text(v, u, p, lang) for v, u, p in zip(found["stated"], found["unit"], found["stated_printed"])],
        h["formula"]: [formula_text(r, lang) for _, r in found.iterrows()],
        h["recomputed"]: [fmt_value(v, u, lang) for v, u in zip(found["recomputed"], found["unit"])],
        h["status"]: [pick(STATUS[s], lang) for s in found["status"]],
        h["note"]: notes,
    })
    raw = found.drop(columns=["source_ids"]).reset_index(drop=True)
    sources = sorted({s for ids in found["source_ids"] for s in ids})
    return ShownTable(frame, raw, sources)


def breakdowns_table(figures: pd.DataFrame, year: int, lang: str) -> ShownTable | None:
    """Each breakdown of an additive indicator against its total; None when the year has none to check."""
    found = rec.breakdown_checks(figures, year)
    if found.empty:
        return None
    names = _names(figures, lang)
    h = {k: pick(v, lang) for k, v in H.items()}
    frame = pd.DataFrame({
        h["indicator"]: [_name(names, i, "", k, lang) for i, k in zip(found["indicator_id"], found["kind"])],
        h["period"]: found["period"].astype(str),
        h["dimension"]: [label(DIMENSION_LABELS, d, lang) for d in found["dimension"]],
        h["complete"]: [pick(COMPLETE[bool(c)], lang) for c in found["complete"]],
        h["total"]: [fmt_value(t, u, lang) for t, u in zip(found["total"], found["unit"])],
        h["parts"]: [" + ".join(fmt_number(v, lang) for v in values) for values in found["part_values"]],
        h["parts_sum"]: [fmt_value(s, u, lang) for s, u in zip(found["parts_sum"], found["unit"])],
        h["difference"]: [fmt_value(d, u, lang, signed=True) for d, u in zip(found["difference"], found["unit"])],
        h["status"]: [pick(SUM_STATUS[s], lang) for s in found["status"]],
    })
    raw = found.assign(
        categories=found["categories"].map(";".join),
        part_values=found["part_values"].map(lambda vs: ";".join(rec.plain_number(v) for v in vs)),
    ).drop(columns=["source_ids"]).reset_index(drop=True)
    sources = sorted({s for ids in found["source_ids"] for s in ids})
    return ShownTable(frame, raw, sources)


def revisions_table(revisions: pd.DataFrame, figures: pd.DataFrame, lang: str) -> ShownTable | None:
    """Figures a later file replaced (:func:`helpers.data.loading.load_revisions`), old beside new; None when none."""
    if revisions.empty:
        return None
    names = _names(figures, lang)
    units = figures.drop_duplicates("indicator_id").set_index("indicator_id")["unit"]
    publishers = _source_names()
    h = {k: pick(v, lang) for k, v in H.items()}

    def source(sid: str, vintage: int) -> str:
        return pick(FILE_OF_YEAR, lang).format(source=publishers.get(sid, sid), vintage=int(vintage))

    frame = pd.DataFrame({
        h["indicator"]: [_name(names, i, b, "actual", lang) for i, b in zip(revisions["indicator_id"], revisions["breakdown"])],
        h["period"]: revisions["period"].astype(str),
        h["kind"]: [label(KIND_LABELS, k, lang) + (f" ({i})" if isinstance(i, str) and i else "")
                    for k, i in zip(revisions["kind"], revisions.get("instrument", pd.Series("", index=revisions.index)))],
        h["old"]: [stated_text(v, units.get(i, ""), p, lang) for v, i, p in zip(revisions["value"], revisions["indicator_id"], revisions["printed"])],
        h["old_source"]: [source(s, v) for s, v in zip(revisions["source_id"], revisions["vintage"])],
        h["new"]: [stated_text(v, units.get(i, ""), p, lang) for v, i, p in zip(revisions["new_value"], revisions["indicator_id"], revisions["new_printed"])],
        h["new_source"]: [source(s, v) for s, v in zip(revisions["new_source_id"], revisions["new_vintage"])],
        h["changed"]: [yes_no(abs(a - b) > 1e-9, lang) for a, b in zip(revisions["value"], revisions["new_value"])],
    })
    sources = sorted(set(revisions["source_id"]) | set(revisions["new_source_id"]))
    return ShownTable(frame, revisions.reset_index(drop=True), sources)


def disagreements_table(figures: pd.DataFrame, year: int, lang: str) -> ShownTable | None:
    """One row per source of each figure the sources give differently, marking the one used; None when none."""
    found = rec.source_disagreements(figures, year)
    if found.empty:
        return None
    names = _names(figures, lang)
    publishers = _source_names()
    h = {k: pick(v, lang) for k, v in H.items()}
    frame = pd.DataFrame({
        h["indicator"]: [_name(names, i, b, k, lang) for i, b, k in zip(found["indicator_id"], found["breakdown"], found["kind"])],
        h["period"]: found["period"].astype(str),
        h["source"]: [publishers.get(s, s) for s in found["source_id"]],
        h["value"]: [stated_text(v, u, p, lang) for v, u, p in zip(found["value"], found["unit"], found["printed"])],
        h["used"]: [yes_no(bool(p), lang) for p in found["preferred"]],
    })
    return ShownTable(frame, found, sorted(set(found["source_id"])))


def ambiguous_table(figures: pd.DataFrame, year: int, lang: str) -> ShownTable | None:
    """The ambiguous prints of ``year``'s data with the reading chosen and why; None when none."""
    found = rec.ambiguous_prints(figures, year)
    if found.empty:
        return None
    names = _names(figures, lang)
    h = {k: pick(v, lang) for k, v in H.items()}
    frame = pd.DataFrame({
        h["indicator"]: [_name(names, i, b, k, lang) for i, b, k in zip(found["indicator_id"], found["breakdown"], found["kind"])],
        h["period"]: found["period"].astype(str),
        h["printed"]: found["printed"],
        h["literal"]: [fmt_number(v, lang, rec.printed_decimals(p)) for v, p in zip(found["literal_reading"], found["printed"])],
        h["chosen"]: [fmt_number(v, lang) for v in found["value"]],
        h["reason"]: [str(n).removeprefix(AMBIGUOUS_NOTE_PREFIX).strip() for n in found["note"]],
    })
    return ShownTable(frame, found, sorted(set(found["source_id"])))


def coverage_table(figures: pd.DataFrame, year: int, lang: str) -> ShownTable | None:
    """Figures of ``year``'s data by domain and kind, with a total row; None when the year has none."""
    counts = rec.coverage(figures, year)
    if counts.empty:
        return None
    rows = rec.year_rows(figures, year)
    kinds = list(COVERAGE_KINDS)
    total = {"domain": "", **{k: int(counts[k].sum()) for k in kinds}, "total": int(counts["total"].sum()),
             "indicators": int(rows["indicator_id"].nunique())}
    h = {k: pick(v, lang) for k, v in H.items()}
    frame = pd.DataFrame({
        h["domain"]: [label(DOMAIN_LABELS, d, lang) for d in counts["domain"]] + [h["all_domains"]],
        **{pick(COVERAGE_KINDS[k], lang): [fmt_number(v, lang) for v in list(counts[k]) + [total[k]]] for k in kinds},
        h["total_figures"]: [fmt_number(v, lang) for v in list(counts["total"]) + [total["total"]]],
        h["indicators"]: [fmt_number(v, lang) for v in list(counts["indicators"]) + [total["indicators"]]],
    })
    raw = pd.concat([counts, pd.DataFrame([{**total, "domain": "all"}])], ignore_index=True)
    return ShownTable(frame, raw, sorted(set(rows["source_id"])))


# Findings -----------------------------------------------------------------------------


def derivation_findings(figures: pd.DataFrame, derivations: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence: how many derived figures agree, differ or cannot be recomputed."""
    found = rec.reconcile_derivations(figures, derivations, year)
    if found.empty:
        return [pick(F_DERIVED_NONE, lang).format(year=year)]
    names = _names(figures, lang)
    differs = found[found["status"] == rec.DIFFERS]
    cannot = int((found["status"] == rec.CANNOT).sum())
    rest = ""
    if len(differs):
        items = "; ".join(
            pick(F_DERIVED_DIFFERS_ITEM, lang).format(
                name=_name(names, r["indicator_id"], r["breakdown"], r["kind"], lang),
                stated=stated_text(r["stated"], r["unit"], r["stated_printed"], lang),
                recomputed=fmt_value(r["recomputed"], r["unit"], lang),
            )
            for _, r in differs.iterrows()
        )
        rest += pick(F_DERIVED_DIFFERS, lang).format(n=len(differs), items=items)
    if cannot:
        rest += pick(F_DERIVED_CANNOT, lang).format(n=cannot)
    agree = int((found["status"] == rec.AGREES).sum())
    return [pick(F_DERIVED, lang).format(agree=agree, n=len(found), rest=rest)]


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
                f"{_name(names, r['indicator_id'], '', r['kind'], lang)} ({fmt_value(r['parts_sum'], r['unit'], lang)} / "
                f"{fmt_value(r['total'], r['unit'], lang)})" for _, r in differ.iterrows()
            )
            rest += pick(F_SUMS_DIFFER, lang).format(items=items)
        if no_total:
            rest += pick(F_SUMS_NO_TOTAL, lang).format(n=no_total)
        sentences.append(pick(F_SUMS, lang).format(agree=len(with_total) - len(differ), n=len(with_total), rest=rest))
    elif no_total:
        sentences.append(pick(F_SUMS_ONLY_NO_TOTAL, lang).format(n=no_total, year=year))
    partial = found[~found["complete"].astype(bool)]
    if len(partial):
        exceed = partial[partial["status"] == rec.EXCEEDS_TOTAL]
        rest = ""
        if len(exceed):
            items = "; ".join(_name(names, r["indicator_id"], "", r["kind"], lang) for _, r in exceed.iterrows())
            rest = pick(F_PARTIAL_EXCEED, lang).format(items=items)
        sentences.append(pick(F_PARTIAL, lang).format(within=len(partial) - len(exceed), n=len(partial), rest=rest))
    if not sentences:
        return []
    sentence = "; ".join(sentences) + "."
    return [sentence[0].upper() + sentence[1:]]


def revision_findings(revisions: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence: how many earlier figures the year's data replaced, and how many changed value."""
    if revisions.empty:
        return [pick(F_REVISIONS_NONE, lang).format(year=year)]
    changed = int(((revisions["value"] - revisions["new_value"]).abs() > 1e-9).sum())
    how = pick(F_REVISIONS_CHANGED, lang).format(n=changed) if changed else pick(F_REVISIONS_UNCHANGED, lang)
    return [pick(F_REVISIONS, lang).format(n=len(revisions), changed=how)]


def disagreement_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence on figures the sources give differently (and which value is used), or confirmations."""
    found = rec.source_disagreements(figures, year)
    confirmed = len(rec.source_confirmations(figures, year))
    rest = pick(F_CONFIRMED, lang).format(n=confirmed) if confirmed else ""
    if found.empty:
        return [pick(F_DISAGREE_NONE, lang).format(year=year, rest=rest)]
    names = _names(figures, lang)
    items = []
    for _, group in found.groupby(["indicator_id", "period", "kind", "breakdown"], sort=False):
        first = group.iloc[0]
        used = group[group["preferred"].astype(bool)]
        values = pick(AND, lang).join(stated_text(v, first["unit"], p, lang) for v, p in zip(group["value"], group["printed"]))
        items.append(pick(F_DISAGREE_ITEM, lang).format(
            name=_name(names, first["indicator_id"], first["breakdown"], first["kind"], lang), period=int(first["period"]),
            values=values, used=stated_text(used["value"].iloc[0], first["unit"], used["printed"].iloc[0], lang),
        ))
    n = found.groupby(["indicator_id", "period", "kind", "breakdown"]).ngroups
    return [pick(F_DISAGREE, lang).format(n=n, items="; ".join(items), rest=rest)]


def ambiguous_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence on the ambiguous prints and how they were read (nothing when there are none)."""
    found = rec.ambiguous_prints(figures, year)
    if found.empty:
        return []
    names = _names(figures, lang)
    units = figures.drop_duplicates("indicator_id").set_index("indicator_id")[f"unit_{lang}"]
    items = "; ".join(
        pick(F_AMBIGUOUS_ITEM, lang).format(name=_name(names, r["indicator_id"], r["breakdown"], r["kind"], lang),
                                            printed=r["printed"],
                                            value=f"{fmt_number(r['value'], lang)} {units.get(r['indicator_id'], '')}".strip())
        for _, r in found.iterrows()
    )
    return [pick(F_AMBIGUOUS, lang).format(n=len(found), items=items)]


def coverage_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """One sentence: how many figures, indicators, domains and sources the year's data hold."""
    rows = rec.year_rows(figures, year)
    if rows.empty:
        return []
    return [pick(F_COVERAGE, lang).format(year=year, n=len(rows), k=rows["indicator_id"].nunique(),
                                          d=rows["domain"].nunique(), s=rows["source_id"].nunique())]


def findings(figures: pd.DataFrame, derivations: pd.DataFrame, revisions: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The data-quality key findings for ``year`` in ``lang``; empty when the year's data hold nothing."""
    if rec.year_rows(figures, year).empty:
        return []
    return (
        derivation_findings(figures, derivations, year, lang)
        + breakdown_findings(figures, year, lang)
        + disagreement_findings(figures, year, lang)
        + ambiguous_findings(figures, year, lang)
        + revision_findings(revisions, year, lang)
        + coverage_findings(figures, year, lang)
    )


# Showing --------------------------------------------------------------------------------------


def show_title(rep: Report) -> None:
    """The notebook's title heading."""
    rep.heading(*TITLE, level=1)


def show_findings(rep: Report) -> None:
    """The key findings, or a "no data" sentence when the year's data hold nothing."""
    sentences = findings(rep.figures, rec.load_derivations(), load_revisions(rep.year), rep.year, rep.lang)
    if sentences:
        rep.findings(sentences)
    else:
        rep.no_data(*NO_DATA["coverage"])


def _show(rep: Report, key: str, table: ShownTable | None) -> None:
    rep.heading(*HEADINGS[key])
    if table is None:
        rep.no_data(*NO_DATA[key])
        return
    rep.table(table.frame, key, rep.t(*CAPTIONS[key]).format(year=rep.year), table.source_ids, raw=table.raw)


def show_derivations(rep: Report) -> None:
    """Derived figures the report states beside their recomputation."""
    _show(rep, "derivations", derivations_table(rep.figures, rec.load_derivations(), rep.year, rep.lang))


def show_breakdowns(rep: Report) -> None:
    """Breakdowns against their totals."""
    _show(rep, "breakdowns", breakdowns_table(rep.figures, rep.year, rep.lang))


def show_revisions(rep: Report) -> None:
    """Figures revised by a later file (the vintage rule)."""
    _show(rep, "revisions", revisions_table(load_revisions(rep.year), rep.figures, rep.lang))


def show_disagreements(rep: Report) -> None:
    """Figures the sources give differently, and the one used."""
    _show(rep, "disagreements", disagreements_table(rep.figures, rep.year, rep.lang))


def show_ambiguous(rep: Report) -> None:
    """Ambiguous prints with the reading chosen."""
    _show(rep, "ambiguous", ambiguous_table(rep.figures, rep.year, rep.lang))


def show_coverage(rep: Report) -> None:
    """Figures per domain and kind."""
    _show(rep, "coverage", coverage_table(rep.figures, rep.year, rep.lang))
