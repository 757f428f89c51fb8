"""The sentences on the pace towards each goal ahead, shared by the poverty (01) and employment (02) sections and
their findings: a goal met already ("… đã đạt mức kế hoạch năm 2025"), or the yearly change it needs against the
yearly change achieved, with the year it is needed in, a band goal's two ends, and the first result the pace
achieved is measured from (:func:`pace_sentences`). The rows are those of :func:`helpers.analysis.progress.progress`;
the names, levels and changes are written as the pace table writes them (:mod:`helpers.present.progress`); the
words are in ``text/pace.yml``.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.attainment import direction
from helpers.analysis.progress import one_per_goal
from helpers.data.loading import load_sources
from helpers.present.lines import qualified
from helpers.present.progress import (
    band_ends,
    cap,
    change_text,
    goal_level_text,
    is_band,
    kind_label,
    low,
    short_name,
)
from helpers.text.formatting import fmt_number, fmt_value
from helpers.text.templates import texts_for

T = texts_for(__name__)


def _met_sentence(r: object, name: str, level: str, lang: str) -> str:
    sentence = cap(
        T(
            "pace.met",
            lang,
            name=name,
            b=qualified(r.current, r.unit, lang, r.current_printed),
            p=r.current_period,
            kind=kind_label(r.goal_kind, lang).lower(),
            gp=r.goal_period,
            level=level,
        )
    )
    far_gap = getattr(r, "gap_far", None)
    if far_gap is not None and not pd.isna(far_gap) and far_gap * (direction(r.polarity) or 1) > 0:
        far_end = r.goal_high if direction(r.polarity) >= 0 else r.goal_low
        sentence += T(
            "pace.far",
            lang,
            far=fmt_value(far_end, r.unit, lang),
            gap=change_text(abs(far_gap), r.unit, lang, signed=False),
        )
    return sentence


def _needed_sentence(r: object, name: str, level: str, lang: str, again: bool = False) -> str:
    """``again``: the pace achieved was said in an earlier sentence, so this one only compares with it."""
    down = r.required < 0
    ach = ""
    if not pd.isna(r.achieved):
        same_way = (r.achieved < 0) == down and r.achieved != 0
        faster = abs(r.required) > abs(r.achieved) if same_way else True
        ach = T(
            ("pace.achieved_again" if again else "pace.achieved") + (".down" if r.achieved < 0 else ".up"),
            lang,
            cmp=T("pace.faster" if faster else "pace.slower", lang),
            ach=change_text(abs(r.achieved), r.unit, lang, signed=False),
            a=int(r.achieved_from),
            b=r.current_period,
            base="" if again else _base_text(r, lang),
        )
    req, band = change_text(abs(r.required), r.unit, lang, signed=False), ""
    if is_band(r) and not pd.isna(r.required_far):
        # A band: the pace to its near end and to its far end, never the lenient end alone.
        near, far = band_ends(r)
        req = f"{fmt_number(abs(r.required), lang)}–{change_text(abs(r.required_far), r.unit, lang, signed=False)}"
        band = T(
            "pace.band_req",
            lang,
            near=fmt_number(abs(r.required), lang),
            far=fmt_number(abs(r.required_far), lang),
            near_end=fmt_value(near, r.unit, lang),
            far_end=fmt_value(far, r.unit, lang),
        )
    if r.bound in ("ceiling", "floor"):
        req = T("pace.strict", lang, req=req)  # "dưới 1,76%" is met only strictly past it: more than the gap a year
    return T(
        "pace.needed.down" if down else "pace.needed.up",
        lang,
        kind=kind_label(r.goal_kind, lang).lower(),
        gp=r.goal_period,
        level=level,
        name=name,
        req=req,
        when=_when_text(r, lang),
        band=band,
        ach=ach,
    )


def _when_text(r: object, lang: str) -> str:
    """ "trong năm 2024" for a goal one year after the latest result, "mỗi năm" for one further away."""
    if int(r.goal_period) - int(r.current_period) == 1:
        return T("pace.when.within", lang, year=int(r.goal_period))
    return T("pace.when.yearly", lang)


def _base_text(r: object, lang: str) -> str:
    """The first result the pace achieved is measured from, and whether its source prints a date."""
    if pd.isna(r.achieved_base):
        return ""
    sources = load_sources().set_index("source_id")
    source = r.achieved_base_source_id
    published = sources.at[source, "published"] if source in sources.index else "known"
    undated = pd.isna(published) or not str(published).strip()
    return T(
        "pace.base.undated" if undated else "pace.base",
        lang,
        level=qualified(r.achieved_base, r.unit, lang, r.achieved_base_printed),
        a=int(r.achieved_from),
    )


def pace_sentences(frame: pd.DataFrame | None, indicator_id: str, lang: str, limit: int = 2) -> list[str]:
    """Sentences on the first ``limit`` comparable goals of :func:`progress`: met already, or the
    yearly change needed against the yearly change achieved ("cao hơn"/"faster than" when more is needed)."""
    if frame is None:
        return []
    name = low(short_name(indicator_id, lang))
    rows = one_per_goal(frame[frame["comparable"]])  # a goal two instruments set is one sentence, not two
    sentences, said = [], False  # the pace achieved is said once; later sentences only compare with it
    for r in rows.head(limit).itertuples():
        level = goal_level_text(r.goal, r.unit, r.goal_printed, lang)
        if r.met_now:
            sentences.append(_met_sentence(r, name, level, lang))
            continue
        sentences.append(_needed_sentence(r, name, level, lang, again=said))
        said = said or not pd.isna(r.achieved)
    return sentences
