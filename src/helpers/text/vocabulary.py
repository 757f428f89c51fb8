"""Words the overview (00) and data-quality (05) sections share, as (vi, en) pairs.

Indicator and category names are never here: they come from the catalogue and
``data/breakdown_labels.csv`` (:mod:`helpers.data.query`). Here are only the names
of the data's own codes that no data file names: domains, kinds of figure and
breakdown dimensions, plus yes/no.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from helpers.data.query import category_label

DOMAIN_LABELS: dict[str, tuple[str, str]] = {
    "poverty": ("Giảm nghèo", "Poverty reduction"),
    "employment": ("Việc làm", "Employment"),
    "vocational_training": ("Giáo dục nghề nghiệp", "Vocational training"),
    "people_with_merit": ("Người có công", "People with merit"),
    "social_protection": ("Bảo trợ xã hội", "Social protection"),
    "children": ("Trẻ em", "Children"),
    "social_evils": ("Phòng, chống tệ nạn xã hội", "Prevention of social evils"),
    "gender_equality": ("Bình đẳng giới", "Gender equality"),
    "administration": ("Chỉ đạo, điều hành và cải cách hành chính", "Administration"),
    "international_cooperation": ("Hợp tác quốc tế", "International cooperation"),
}
KIND_LABELS: dict[str, tuple[str, str]] = {
    "actual": ("Thực hiện", "Actual"),
    "estimate": ("Ước tính", "Estimate"),
    "plan": ("Kế hoạch", "Plan"),
    "target": ("Chỉ tiêu", "Target"),
}
DIMENSION_LABELS: dict[str, tuple[str, str]] = {
    "household_group": ("Nhóm hộ", "Household group"),
    "recipient_group": ("Nhóm đối tượng", "Recipient group"),
    "ownership": ("Loại hình cơ sở", "Ownership"),
    "cause": ("Nguyên nhân", "Cause"),
    "district": ("Địa bàn", "District"),
    "venue_type": ("Loại hình kinh doanh", "Type of venue"),
    "role": ("Vai trò", "Role"),
    "target_type": ("Loại chỉ tiêu", "Type of target"),
}
YES_NO: dict[bool, tuple[str, str]] = {True: ("Có", "Yes"), False: ("Không", "No")}
NOT_JUDGED = "–"


class ShownTable(NamedTuple):
    """A table ready for ``rep.table``: formatted cells, the same with plain numbers, and its sources."""

    frame: pd.DataFrame
    raw: pd.DataFrame
    source_ids: list[str]


def pick(pair: tuple[str, str], lang: str) -> str:
    """The text of a (vi, en) pair in ``lang``."""
    return pair[0] if lang == "vi" else pair[1]


def label(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    """The name of ``code`` in ``table`` (one of the dicts above) in ``lang``; the code itself when unnamed."""
    return pick(table[code], lang) if code in table else code


def yes_no(flag: bool | None, lang: str) -> str:
    """"Có"/"Không" ("Yes"/"No") for a flag, "–" when it cannot be judged."""
    if flag is None or pd.isna(flag):
        return NOT_JUDGED
    return pick(YES_NO[bool(flag)], lang)


def breakdown_text(breakdown: str, lang: str) -> str:
    """A breakdown cell as a reader sees it: "Huyện A Lưới" for ``district=A Lưới``, "" for a total."""
    if not breakdown:
        return ""
    dimension, _, code = breakdown.partition("=")
    return category_label(dimension, code, lang)


def indicator_text(name: str, breakdown: str, lang: str) -> str:
    """An indicator's catalogue name with its breakdown's category: "Tỷ lệ hộ nghèo – Huyện A Lưới"."""
    part = breakdown_text(breakdown, lang)
    return f"{name} – {part}" if part else name
