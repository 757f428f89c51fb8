"""The overview's sentences (notebook 00): the report's headline reconciled with the year's scorecard, one goal
per indicator, and next year's targets by how they stand against what was achieved. Words from ``overview.yml``."""

from __future__ import annotations

import pandas as pd

from helpers.analysis.attainment import counted_goals
from helpers.data.query import figure_row
from helpers.data.slots import slot
from helpers.present.report import Report
from helpers.sections.overview import (
    T,
    _goal_rows,
    _lower_first,
    goal_text,
    kind_text,
    next_year_rows,
    scorecard_rows,
)
from helpers.text.formatting import fmt_number, fmt_printed, fmt_ratio
from helpers.text.vocabulary import instrument_name

PART = "overview"  # its slots (data/slots.csv): the report's own headline, "17/17 nhiệm vụ", "04/04 chỉ tiêu"
NEUTRAL = ("higher", "lower", "same")  # a neutral indicator's goal beside its result (helpers.analysis.attainment)


def _pair_list(card: pd.DataFrame, lang: str, value_col: str, key: str, **fmt: object) -> str:
    """Each goal beside its result, both named: "…: mục tiêu năm 2024 là 17.000, năm 2023 đã đạt 17.034"."""

    def named(n: str, k: str, i: object, headline: bool) -> str:
        # A goal beside its indicator's counted one (a programme's target beside the annual plan) names which it is.
        return n if headline else f"{n} – {_lower_first(kind_text(k, i, lang))}"

    computed = card["achieved_computed"] if "achieved_computed" in card.columns else [False] * len(card)
    return "; ".join(
        T(
            f"findings.pair.{key}",
            lang,
            **fmt,
            name=named(n, k, i, h),
            goal=goal_text(g, u, b, lang, p),
            value=fmt_printed(v, u, lang, vp) + (T("findings.computed", lang) if c else ""),
        )
        for (n, k, i, g, u, b, p, v, vp, h), c in zip(
            _goal_rows(card, value_col, f"{value_col}_printed", "headline"), computed, strict=False
        )
    )


def headline_sentence(figures: pd.DataFrame, year: int, judged: pd.DataFrame, lang: str, rest: str) -> str | None:
    """The report's own headline (17/17 tasks, 04/04 socio-economic targets) reconciled with the goals the data
    let the appendix judge; None when the data hold no such headline."""
    done, total, se_done, se_total = (
        figure_row(figures, slot(PART, name) or "", year)
        for name in ("tasks_done", "tasks_total", "socio_done", "socio_total")
    )
    if done is None or total is None:
        return None
    met = int(judged["met"].sum())
    socio = (
        T(
            "findings.report_socio",
            lang,
            done=fmt_number(se_done["value"], lang),
            total=fmt_number(se_total["value"], lang),
        )
        if se_done is not None and se_total is not None
        else ""
    )
    agree = "agree" if met == len(judged) and float(done["value"]) == float(total["value"]) else "differ"
    return T(
        f"findings.report_{agree}",
        lang,
        year=year,
        done=fmt_number(done["value"], lang),
        total=fmt_number(total["value"], lang),
        socio=socio,
        judged=len(judged),
        met=met,
        rest=rest,
    )


def scorecard_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Sentences on the year's goals: the report's headline and how many goals the appendix can judge (one goal
    per indicator, the annual plan first), the best result, other goals apart, the ones missed."""
    card = scorecard_rows(figures, year, lang)
    if card is None:
        return []
    counted = counted_goals(card)
    judged = counted[counted["met"].notna()]
    if judged.empty:
        return [T("findings.none_judged", lang, n=len(counted), year=year)]
    no_result, neutral = (
        int(counted["actual"].isna().sum()),
        int((counted["actual"].notna() & counted["met"].isna()).sum()),
    )
    rest = (T("findings.score_rest", lang, n=no_result) if no_result else "") + (
        T("findings.score_neutral", lang, n=neutral) if neutral else ""
    )
    first = headline_sentence(figures, year, judged, lang, rest) or T(
        "findings.score", lang, year=year, met=int(judged["met"].sum()), judged=len(judged), rest=rest
    )
    # A goal set with its components (a multidimensional poverty rate "trong đó" its parts) is said with its count,
    # each component judged.
    first += "".join(" " + _components_sentence(card, r, lang) for _, r in counted.iterrows() if _has_parts(card, r))
    others = card[~card["headline"].astype(bool) & card["met"].notna() & card["ratio"].notna() & card["goal_of"].eq("")]
    if not others.empty:
        # An indicator's other goals (a programme's target beside the annual plan) are said apart, not counted.
        first += "".join(" " + _other_sentence(r, counted, lang) for _, r in others.iterrows())
    sentences = [first]
    upward = judged[judged["met"] & (judged["bound"] != "ceiling") & (judged["polarity"] == "higher_is_better")]
    if not upward.empty:
        best = upward.loc[upward["ratio"].idxmax()]
        sentences.append(_ratio_sentence("findings.best", best, lang))
    # A goal set with its components is said in its own sentence above, each component judged there.
    alone = ~card["indicator_id"].isin(
        counted.loc[[_has_parts(card, r) for _, r in counted.iterrows()], "indicator_id"]
    )
    missed = card[card["met"].notna() & ~card["met"].astype(bool) & card["goal_of"].eq("") & alone]
    if not missed.empty:
        items = "; ".join(
            T(
                "findings.missed_item",
                lang,
                name=r["name"],
                actual=fmt_printed(r["actual"], r["unit"], lang, r["actual_printed"]),
                goal=goal_text(r["goal"], r["unit"], r["bound"], lang, r["goal_printed"]),
            )
            for _, r in missed.iterrows()
        )
        sentences.append(T("findings.missed", lang, items=items))
    return sentences


def _parts(card: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    """The component goals of a counted goal (:func:`helpers.analysis.attainment.component_goals`)."""
    return card[
        (card["goal_of"] == row["indicator_id"])
        & (card["breakdown"] == row["breakdown"])
        & (card["goal_kind"] == row["goal_kind"])
        & (card["instrument"] == row["instrument"])
    ]


def _has_parts(card: pd.DataFrame, row: pd.Series) -> bool:
    return not _parts(card, row).empty


def _components_sentence(card: pd.DataFrame, row: pd.Series, lang: str) -> str:
    """A goal set with its components, judged on each: "Mục tiêu tỷ lệ nghèo đa chiều … của KH 343/KH-UBND là
    36,91%, trong đó tỷ lệ hộ nghèo 24,91%, tỷ lệ hộ cận nghèo 12,0%; đánh giá trên từng thành phần: đạt chỉ tiêu
    tỷ lệ hộ nghèo (kết quả 24,4%), chưa đạt chỉ tiêu tỷ lệ hộ cận nghèo (…), …; mục tiêu chưa đạt."."""
    parts = _parts(card, row)
    plain = card.set_index("indicator_id")["plain_name"].to_dict()

    def goal(r: pd.Series) -> str:
        return goal_text(r["goal"], r["unit"], r["bound"], lang, r["goal_printed"])

    def item(r: pd.Series) -> str:
        actual = fmt_printed(r["actual"], r["unit"], lang, r["actual_printed"])
        if bool(r.get("actual_computed", False)):  # the sum the appendix computed, shown with its terms
            actual += " = " + " + ".join(
                fmt_printed(p["actual"], p["unit"], lang, p["actual_printed"]) for _, p in parts.iterrows()
            )
        key = "findings.component_not_judged" if pd.isna(r["met"]) else f"findings.component_{bool(r['met'])}"
        return T(key, lang, name=_lower_first(plain[r["indicator_id"]]), actual=actual, goal=goal(r))

    return T(
        f"findings.components_{'none' if pd.isna(row['met']) else bool(row['met'])}",
        lang,
        name=_lower_first(row["name"]),
        instrument=instrument_name(row["instrument"], lang),
        goal=goal(row),
        parts=T("findings.component_join", lang).join(
            T("findings.component_part", lang, name=_lower_first(plain[r["indicator_id"]]), goal=goal(r))
            for _, r in parts.iterrows()
        ),
        items=T("findings.component_join", lang).join(
            item(r) for _, r in pd.concat([parts, card.loc[[row.name]]]).iterrows()
        ),
    )


def _kind_of(kind: str, instrument: object, lang: str) -> str:
    """A goal's kind named by its instrument without a second bracket: "kế hoạch của KH năm 2023"."""
    plain = _lower_first(kind_text(kind, "", lang))
    return (
        T("findings.kind_of", lang, kind=plain, instrument=instrument_name(instrument, lang))
        if isinstance(instrument, str) and instrument
        else plain
    )


def _ratio_sentence(key: str, row: pd.Series, lang: str, **more: str) -> str:
    return T(
        key,
        lang,
        **{"name": row["name"], **more},
        ratio=fmt_ratio(row["ratio"], lang),
        kind=_kind_of(row["goal_kind"], row["instrument"], lang),
        actual=fmt_printed(row["actual"], row["unit"], lang, row["actual_printed"]),
        goal=goal_text(row["goal"], row["unit"], row["bound"], lang, row["goal_printed"]),
    )


def _other_sentence(row: pd.Series, counted: pd.DataFrame, lang: str) -> str:
    """An indicator's other goal beside its counted one: "Bên cạnh kế hoạch (KH năm 2023), … đạt 103,24% chỉ tiêu
    của CT việc làm 2021-2025 (kết quả 17.034, mục tiêu 16.500)"."""
    same = counted[(counted["indicator_id"] == row["indicator_id"]) & (counted["breakdown"] == row["breakdown"])]
    main = same.iloc[0] if not same.empty else row
    main_kind = _lower_first(kind_text(main["goal_kind"], main["instrument"], lang))
    return _ratio_sentence("findings.other_item", row, lang, main=main_kind, name=_lower_first(row["name"]))


DEMAND_GROUPS = (("easier", ("easier",)), ("equal", ("equal",)), ("harder", ("harder",)), ("neutral", NEUTRAL))


def next_year_findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """Sentences on next year's targets, one goal per indicator (the table shows the others apart): less demanding
    than what was achieved, equal, more demanding, neutral; those with no result of the same measure."""
    card = next_year_rows(figures, year, lang)
    if card is None:
        return []
    counted = card[card["headline"].astype(bool)]
    sentences = []
    fmt = {"year": year, "next": year + 1}
    for key, demands in DEMAND_GROUPS:
        rows = counted[counted["demand"].isin(demands)]
        if not rows.empty:
            pair = "achieved" if key in ("easier", "equal") else "result"  # "already achieved" only when it is
            items = _pair_list(rows, lang, "achieved", pair, **fmt)
            sentences.append(T(f"findings.{key}", lang, n=len(rows), items=items, **fmt))
    no_current = int(counted["achieved"].isna().sum())
    if no_current == len(counted):
        sentences.append(T("findings.no_current_all", lang, count=len(counted), total=len(counted), **fmt))
    elif no_current:
        by = _by_instrument(counted, lang)
        sentences.append(T("findings.no_current", lang, n=no_current, total=len(counted), by=by, **fmt))
    return sentences


def findings(figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The overview's key findings for ``year`` in ``lang`` (empty when the year has no goals at all)."""
    return scorecard_findings(figures, year, lang) + next_year_findings(figures, year, lang)


def title_findings(rep: Report) -> list[str]:
    """The key findings; when the year has no goals at all, findings that say so."""
    return findings(rep.figures, rep.year, rep.lang) or [
        rep.say("findings.no_goals"),
        rep.say("findings.no_next", next=rep.year + 1),
    ]


def _by_instrument(counted: pd.DataFrame, lang: str) -> str:
    """How many of the counted goals each instrument sets ("13 theo Chỉ tiêu phấn đấu của Ngành năm 2024, 7 theo
    KH năm 2024, 1 theo KH 121/KH-UBND"), so that a goal from another plan is not read as the report's."""
    sizes = counted["instrument"].fillna("").value_counts(sort=False)
    items = [
        T("findings.by_instrument", lang, n=int(n), instrument=instrument_name(i, lang)) for i, n in sizes.items() if i
    ]
    return T("findings.by", lang, items=T("findings.join", lang).join(items)) if items else ""
