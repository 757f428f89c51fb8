"""The names readers see for the data's own codes: domains, kinds of figure, breakdown dimensions, categories.

No name is typed here: domains, kinds and dimensions are named in ``data/domains.csv``, ``data/kinds.csv`` and
``data/dimensions.csv``, breakdown categories in ``data/breakdown_labels.csv``, indicators in the catalogue (all read
and validated by :mod:`helpers.data.loading`); yes/no are ``common:yes`` and ``common:no``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import NamedTuple

import pandas as pd

from helpers.data.loading import code_names
from helpers.data.query import category_label
from helpers.text.formatting import LANGS
from helpers.text.templates import say

NOT_JUDGED = "–"


class ShownTable(NamedTuple):
    """A table ready for ``rep.table``: formatted cells, the same with plain numbers, and its sources."""

    frame: pd.DataFrame
    raw: pd.DataFrame
    source_ids: list[str]


def domain_name(domain: str, lang: str) -> str:
    """A domain's name in ``lang`` (data/domains.csv); the code itself when unnamed."""
    return code_names("domain", lang).get(domain, domain)


def kind_name(kind: str, lang: str) -> str:
    """A kind of figure's name in ``lang`` (data/kinds.csv): "Thực hiện", "Kế hoạch"…; the code when unnamed."""
    return code_names("kind", lang).get(kind, kind)


def dimension_name(dimension: str, lang: str) -> str:
    """A breakdown dimension's name in ``lang`` (data/dimensions.csv); the code itself when unnamed."""
    return code_names("dimension", lang).get(dimension, dimension)


class _Names(Mapping[str, tuple[str, str]]):
    """The (vi, en) names of one code of the data, read from its data file when asked (for :func:`label`)."""

    def __init__(self, code: str) -> None:
        self.code = code

    def _pairs(self) -> dict[str, tuple[str, str]]:
        vi, en = (code_names(self.code, lang) for lang in LANGS)
        return {k: (vi[k], en[k]) for k in vi}

    def __getitem__(self, key: str) -> tuple[str, str]:
        return self._pairs()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pairs())

    def __len__(self) -> int:
        return len(self._pairs())


# For callers of label(TABLE, code, lang); prefer domain_name, kind_name, dimension_name.
DOMAIN_LABELS: Mapping[str, tuple[str, str]] = _Names("domain")
KIND_LABELS: Mapping[str, tuple[str, str]] = _Names("kind")
DIMENSION_LABELS: Mapping[str, tuple[str, str]] = _Names("dimension")


def pick(pair: tuple[str, str], lang: str) -> str:
    """The text of a (vi, en) pair in ``lang`` (kept while sections 00 and 05 still hold pairs; issue 8)."""
    return dict(zip(LANGS, pair, strict=True))[lang]


def label(table: Mapping[str, tuple[str, str]], code: str, lang: str) -> str:
    """The name of ``code`` in ``table`` (one of the mappings above) in ``lang``; the code itself when unnamed."""
    return pick(table[code], lang) if code in table else code


def yes_no(flag: bool | None, lang: str) -> str:
    """ "Có"/"Không" ("Yes"/"No") for a flag, "–" when it cannot be judged."""
    if flag is None or pd.isna(flag):
        return NOT_JUDGED
    return say("yes" if flag else "no", lang)


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
