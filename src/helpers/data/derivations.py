"""The derivation rules of ``data/derivations.csv``: how each derived figure the report states is recomputed.

A rule names its inputs by reference (``indicator_id[|kind][|breakdown]``, with a period offset); this module
reads and validates the file (one-sentence errors naming file, line and column) and parses the references.
The recomputation itself is analysis: :func:`helpers.analysis.reconciliation.reconcile_derivations`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from helpers.data import contract
from helpers.data.csvfile import read_table
from helpers.data.loading import load_catalogue
from helpers.errors import DataError
from helpers.paths import data_dir as default_data_dir
from helpers.paths import display_path

DERIVATIONS_FILE = "derivations.csv"
DERIVATIONS_COLUMNS = [
    "indicator_id",
    "method",
    "numerator",
    "numerator_period_offset",
    "denominator",
    "denominator_period_offset",
    "unlisted_input_vi",
    "unlisted_input_en",
    "note",
]
METHODS = ("percent_of", "difference", "share")

_REFERENCE_RE = re.compile(
    r"^(?P<indicator_id>[a-z][a-z0-9_]*)(?:\|(?P<kind>[a-z]*))?(?:\|(?P<breakdown>[a-z][a-z0-9_]*=[^=|\s](?:[^=|]*[^=|\s])?))?$"
)


@dataclass(frozen=True)
class Reference:
    """An input of a derivation: ``indicator_id[|kind][|dimension=value]``.

    ``kind`` None means the kind of the stated figure; ``breakdown`` None its breakdown.
    """

    indicator_id: str
    kind: str | None = None
    breakdown: str | None = None

    def resolve(self, kind: str, breakdown: str) -> tuple[str, str, str]:
        """(indicator_id, kind, breakdown) for a stated figure of ``kind`` and ``breakdown``."""
        return self.indicator_id, self.kind or kind, breakdown if self.breakdown is None else self.breakdown


def parse_reference(text: str) -> Reference | None:
    """Parse ``"jobs_created|plan"`` → Reference("jobs_created", "plan"); None if malformed or empty."""
    match = _REFERENCE_RE.match(text)
    if not match:
        return None
    kind = match["kind"] or None
    if kind is not None and kind not in contract.KINDS:
        return None
    return Reference(match["indicator_id"], kind, match["breakdown"])


def format_reference(indicator_id: str, kind: str, breakdown: str, period: int) -> str:
    """A resolved input as text: ``"poverty_rate|target@2023"``, ``"poverty_rate|actual|household_group=poor@2023"``."""
    return f"{indicator_id}|{kind}{'|' + breakdown if breakdown else ''}@{period}"


def derivations_schema(indicators: Iterable[str]) -> tuple[pa.DataFrameSchema, list[contract.RowRule]]:
    """The pandera schema and cross-column rules of ``data/derivations.csv``.

    ``indicators`` are the catalogue's ids: a rule for, or an input from, an
    indicator the catalogue does not hold is refused.
    """
    known = sorted(set(indicators))

    def text(*checks: pa.Check, required: bool = True) -> pa.Column:
        base = [pa.Check(lambda s: s == s.str.strip(), error="text without leading or trailing spaces")]
        if required:
            base.append(pa.Check(lambda s: s != "", error="a non-empty cell"))
        return pa.Column(str, base + list(checks), nullable=False)

    def reference_ok(cell: str) -> bool:
        ref = parse_reference(cell)
        return cell == "" or (ref is not None and ref.indicator_id in known)

    reference = pa.Check(
        lambda s: s.map(reference_ok).astype(bool),
        error="empty, or a reference indicator_id[|kind][|dimension=value] to an indicator in data/indicators.csv "
        "(kind one of: " + ", ".join(contract.KINDS) + ")",
    )
    offset = pa.Check(
        lambda s: s.str.fullmatch(r"|0|-?[1-9]"), error="a whole number of years such as 0 or -1, or empty"
    )
    schema = pa.DataFrameSchema(
        {
            "indicator_id": text(
                pa.Check(lambda s: s.isin(known), error=f"one of the {len(known)} indicator_ids in data/indicators.csv")
            ),
            "method": text(pa.Check(lambda s: s.isin(METHODS), error="one of: " + ", ".join(METHODS))),
            "numerator": text(reference, required=False),
            "numerator_period_offset": text(offset, required=False),
            "denominator": text(reference, required=False),
            "denominator_period_offset": text(offset, required=False),
            "unlisted_input_vi": text(required=False),
            "unlisted_input_en": text(required=False),
            "note": text(required=False),
        },
        strict=True,
    )

    def offset_rule(part: str) -> contract.RowRule:
        return contract.RowRule(
            f"{part}_period_offset",
            lambda df: (df[part] == "") == (df[f"{part}_period_offset"] == ""),
            lambda row: (
                f"the {part} needs a period offset (0 for the same year, -1 for the year before) "
                f"and an empty {part} none, got '{row[f'{part}_period_offset']}'"
            ),
        )

    def unlisted_rule(lang: str) -> contract.RowRule:
        return contract.RowRule(
            f"unlisted_input_{lang}",
            lambda df: ((df["numerator"] != "") & (df["denominator"] != "")) | (df[f"unlisted_input_{lang}"] != ""),
            lambda row: (
                "an empty numerator or denominator stands for an input the catalogue does not hold; "
                f"name it in unlisted_input_{lang}"
            ),
        )

    rules = [
        contract.RowRule(
            "indicator_id",
            lambda df: ~df.duplicated(subset=["indicator_id"], keep="first"),
            lambda row: (
                f"'{row['indicator_id']}' already has a rule on an earlier line; each derived indicator has one"
            ),
        ),
        offset_rule("numerator"),
        offset_rule("denominator"),
        unlisted_rule("vi"),
        unlisted_rule("en"),
    ]
    return schema, rules


def read_derivations(path: Path, indicators: Iterable[str]) -> pd.DataFrame:
    """Read and validate a derivations file; offsets typed as nullable integers, ``line`` kept.

    Raises :class:`~helpers.errors.DataError` naming the file, line and column of the first problem.
    """
    frame = read_table(path, DERIVATIONS_COLUMNS)
    contract.validate(frame, display_path(path), *derivations_schema(indicators))
    _check_not_circular(frame, display_path(path))
    typed = frame.reset_index()
    for part in ("numerator", "denominator"):
        column = f"{part}_period_offset"
        typed[column] = pd.to_numeric(typed[column].replace("", None)).astype("Int64")
    return typed


def _check_not_circular(frame: pd.DataFrame, shown: str) -> None:
    """Refuse a rule whose input is the figure it recomputes, or rules that recompute each other in a circle
    (a from b, b from a): a figure "recomputed" from itself confirms or contradicts nothing."""
    inputs: dict[str, list[str]] = {}
    line_of: dict[str, int] = {}
    for line, row in frame.iterrows():
        line_of[row["indicator_id"]] = int(line)
        inputs[row["indicator_id"]] = []
        for part in ("numerator", "denominator"):
            ref = parse_reference(row[part]) if row[part] else None
            if ref is None:
                continue
            if ref.indicator_id == row["indicator_id"]:
                raise DataError(
                    shown,
                    f"'{row['indicator_id']}' is recomputed from itself; a derived figure is recomputed from other "
                    "figures (this year's and last year's poverty_rate for poverty_rate_change)",
                    row=int(line),
                    column=part,
                )
            inputs[row["indicator_id"]].append(ref.indicator_id)
    try:
        # graphlib (standard library) finds a cycle; each node of it is an input of the next.
        TopologicalSorter(inputs).prepare()
    except CycleError as exc:
        circle = list(reversed(exc.args[1]))[:-1]  # each now recomputed from the next, the first not repeated
        start = circle.index(min(circle, key=lambda i: line_of[i]))  # told from the rule on the earliest line
        circle = circle[start:] + circle[:start] + [circle[start]]
        steps = ", ".join(f"{a} from {b}" for a, b in zip(circle, circle[1:], strict=False))
        raise DataError(
            shown,
            f"the rules recompute each other in a circle ({steps}), so none of them checks anything; "
            "recompute each from figures the report prints",
            row=line_of[circle[0]],
            column="indicator_id",
        ) from None


def _stamp(root: Path) -> tuple:
    paths = [root / DERIVATIONS_FILE, root / "indicators.csv"]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None) for p in paths)


@lru_cache(maxsize=8)
def _load(root: Path, stamp: tuple) -> pd.DataFrame:
    del stamp  # part of the cache key only: a changed file is read and checked again
    return read_derivations(root / DERIVATIONS_FILE, load_catalogue(root)["indicator_id"])


def load_derivations(data_dir: Path | None = None) -> pd.DataFrame:
    """The project's derivation rules, ``data/derivations.csv``, checked against the catalogue (read once while the
    files are unchanged: the employment and poverty parts ask for them in every table)."""
    root = Path(data_dir or default_data_dir())
    return _load(root, _stamp(root)).copy()
