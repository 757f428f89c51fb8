"""What each part of the appendix shows, declared in data: ``data/content_blocks.csv`` and ``data/content.csv``.

A *part* is a notebook of the appendix (``employment`` for ``02_employment``); a *block* is one section of it: a
heading (``<block>.heading`` in the part's text file; ``level`` 2 or 3, empty for a block that continues the one
before without a heading of its own), a table and/or a chart. ``content_blocks.csv`` lists the blocks of each part
in order, with the name of their table and of their chart (the caption key ``<name>.caption`` and the output file
``<notebook>_<name>``) and each one's kind (:data:`TABLE_KINDS`, :data:`CHART_KINDS`). ``content.csv`` lists what
each block shows, in order, one row each, by role:

- ``line``: one figure of the year as a line of the block's table (``breakdown`` empty for the total, one
  ``dimension=value``, or ``dimension=*`` for every category the year's data hold);
- ``computed``: a value the appendix computes from declared figures (``method`` ``ratio`` a/b, ``percent``
  a/b×100, ``share`` a/b×100 of a part in its whole, shown only for a year where ``data/relations.csv`` declares a
  ``part_of`` b (an area's reports may not count a inside b), ``sum`` a+b+…; ``numerator``/``denominator``
  indicator ids, several joined by ``+`` and added), labelled
  by the text key ``label`` of the part's text file, or by the catalogue's name of ``indicator_id`` when it
  recomputes an indicator (a printed figure of it then shows with the recomputation beside it); ``unit`` is a unit
  of ``units.csv`` or ``per`` (the numerator's unit per the denominator's), and/or ``unit_label`` a text key
  naming the unit the reader sees (``người/lớp`` beside the code ``persons``);
  ``decimals`` (default 2) the decimals shown;
- ``series``: an indicator whose results, plans and targets by year the block's ``goals`` chart draws;
- ``parts``: an indicator's breakdown (``dimension=*``), its table of shares and its ``parts`` chart;
- ``domain``: every figure of ``domain`` the year has that no other block of the part declares, so that a new
  indicator shows in its domain's part as soon as its figures and its catalogue row arrive;
- ``targets``: the goals for the next year of ``domain`` beside the year's results.

The files are validated like every data file: bad input is refused once, in one sentence naming the file, the line
and the column. Whether the text keys exist is the tests' business (the data layer does not read the words).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from helpers.data import contract
from helpers.data.contract import RowRule, one_of, pattern, text_column
from helpers.data.csvfile import read_table, shown_path
from helpers.data.loading import load_reference
from helpers.paths import data_dir as default_data_dir

BLOCKS_FILE = "content_blocks.csv"
CONTENT_FILE = "content.csv"
BLOCKS_COLUMNS = ["part", "block", "order", "level", "table", "table_kind", "chart", "chart_kind"]
CONTENT_COLUMNS = ["part", "block", "order", "role", "indicator_id", "domain", "breakdown"]
CONTENT_COLUMNS += ["method", "numerator", "denominator", "decimals", "label", "unit", "unit_label"]
# lines: a line per figure or computed value; parts: a breakdown's shares; goals: results against the year's goals;
# targets: next year's goals beside the year's results; own: made by the part's own code from the block's rows
TABLE_KINDS = ("lines", "parts", "goals", "targets", "own")
CHART_KINDS = ("goals", "parts", "own")  # results beside plans and targets by year; bars of a breakdown; own code
ROLES = ("line", "computed", "series", "parts", "domain", "targets")
METHODS = ("ratio", "percent", "share", "sum")
PER = "per"  # a computed unit: the numerator's unit per the denominator's ("triệu đồng/người")
WHOLE = r"^[1-9][0-9]*$"
TEXT_KEY = r"^$|^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"
# Which columns each role needs (True) or must leave empty (False); a column not named is optional.
NEEDS: dict[str, dict[str, bool]] = {
    "line": {"indicator_id": True, "domain": False},
    "computed": {"domain": False, "breakdown": False, "method": True, "numerator": True},
    "series": {"indicator_id": True, "domain": False, "breakdown": False, "label": False},
    "parts": {"indicator_id": True, "domain": False, "breakdown": True, "label": False},
    "domain": {"indicator_id": False, "domain": True, "breakdown": False, "label": False},
    "targets": {"indicator_id": False, "domain": True, "breakdown": False, "label": False},
}
COMPUTED_ONLY = ("method", "numerator", "denominator", "decimals", "unit", "unit_label")


def _unique_within(columns: list[str], what: str) -> RowRule:
    last = columns[-1]
    return RowRule(
        last,
        lambda df: ~df.duplicated(subset=columns, keep="first"),
        lambda row: f"'{row[last]}' is already used on an earlier line of the same {what}; each must be unique",
    )


def blocks_schema() -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/content_blocks.csv``."""
    snake = pattern(contract.SNAKE, "a snake_case name")
    snake_or_empty = pattern(r"^$|" + contract.SNAKE, "a snake_case name or an empty cell")
    schema = pa.DataFrameSchema(
        {
            "part": text_column(snake),
            "block": text_column(snake),
            "order": text_column(pattern(WHOLE, "a whole number from 1")),
            "level": text_column(
                one_of(["", "2", "3"], "heading levels (empty: no heading of its own)"), required=False
            ),
            "table": text_column(snake_or_empty, required=False),
            "table_kind": text_column(one_of(["", *TABLE_KINDS], "table kinds"), required=False),
            "chart": text_column(snake_or_empty, required=False),
            "chart_kind": text_column(one_of(["", *CHART_KINDS], "chart kinds"), required=False),
        },
        strict=True,
    )
    return schema, [
        _unique_within(["part", "block"], "part"),
        _unique_within(["part", "order"], "part"),
        _named_with_kind("table"),
        _named_with_kind("chart"),
    ]


def _named_with_kind(what: str) -> RowRule:
    return RowRule(
        f"{what}_kind",
        lambda df: (df[what] == "") == (df[f"{what}_kind"] == ""),
        lambda row: f"a {what} needs its kind, and a {what}_kind needs the {what}'s name",
    )


def _breakdown_ok(dimensions: set[str], labels: set[str]) -> Callable[[str], bool]:
    def ok(cell: str) -> bool:
        if cell == "":
            return True
        dimension, sep, value = cell.partition("=")
        return bool(sep) and dimension in dimensions and (value == "*" or f"{dimension}={value}" in labels)

    return ok


def content_schema(
    blocks: pd.DataFrame,
    indicators: set[str],
    domains: set[str],
    dimensions: set[str],
    labels: set[str],
    units: set[str],
) -> tuple[pa.DataFrameSchema, list[RowRule]]:
    """Schema of ``data/content.csv`` against the blocks, the catalogue, domains, breakdowns and units."""
    known_blocks = set(zip(blocks["part"], blocks["block"], strict=True))
    breakdown_ok = _breakdown_ok(dimensions, labels)
    schema = pa.DataFrameSchema(
        {
            "part": text_column(pattern(contract.SNAKE, "a snake_case part")),
            "block": text_column(pattern(contract.SNAKE, "a snake_case block")),
            "order": text_column(pattern(WHOLE, "a whole number from 1")),
            "role": text_column(one_of(ROLES, "roles")),
            "indicator_id": text_column(one_of(["", *indicators], "data/indicators.csv"), required=False),
            "domain": text_column(one_of(["", *domains], "data/domains.csv"), required=False),
            "breakdown": text_column(
                pa.Check(
                    lambda s: s.map(breakdown_ok),
                    error="empty, dimension=value (a category of data/breakdown_labels.csv) or dimension=*",
                ),
                required=False,
            ),
            "method": text_column(one_of(["", *METHODS], "methods"), required=False),
            "numerator": text_column(
                pa.Check(
                    lambda s: s.map(lambda c: c == "" or all(p in indicators for p in c.split("+"))),
                    error="indicator ids of data/indicators.csv (joined by '+' for a sum), or an empty cell",
                ),
                required=False,
            ),
            "denominator": text_column(
                pa.Check(
                    lambda s: s.map(lambda c: c == "" or all(p in indicators for p in c.split("+"))),
                    error="indicator ids of data/indicators.csv (joined by '+' for a sum), or an empty cell",
                ),
                required=False,
            ),
            "decimals": text_column(
                pattern(r"^$|^[0-9]$", "a whole number of decimals (0-9) or empty"), required=False
            ),
            "label": text_column(pattern(TEXT_KEY, "a text key of the part's .yml file or empty"), required=False),
            "unit": text_column(one_of(["", PER, *units], "data/units.csv or 'per'"), required=False),
            "unit_label": text_column(pattern(TEXT_KEY, "a text key of the part's .yml file or empty"), required=False),
        },
        strict=True,
    )
    rules = [
        RowRule(
            "block",
            lambda df: pd.Series(
                [(p, b) in known_blocks for p, b in zip(df["part"], df["block"], strict=True)], df.index
            ),
            lambda row: f"'{row['part']}, {row['block']}' is no block of data/{BLOCKS_FILE}",
        ),
        _unique_within(["part", "block", "order"], "block"),
    ]
    for role, needs in NEEDS.items():
        for column, needed in needs.items():
            rules.append(_role_rule(role, column, needed))
    for column in COMPUTED_ONLY:
        rules.append(_role_rule_except("computed", column))
    rules.append(
        RowRule(
            "label",
            lambda df: (df["role"] != "computed") | (df["label"] != "") | (df["indicator_id"] != ""),
            lambda row: (
                "a computed row needs its label (a text key of the part's .yml file) or the indicator it computes"
            ),
        )
    )
    rules.append(
        RowRule(
            "breakdown",
            lambda df: (df["role"] != "parts") | df["breakdown"].str.endswith("=*"),
            lambda row: "a parts row names its dimension as dimension=*",
        )
    )
    rules.append(
        RowRule(
            "denominator",
            lambda df: (df["role"] != "computed") | ((df["method"] == "sum") == (df["denominator"] == "")),
            lambda row: "a ratio or percent needs a denominator (a share too), a sum none",
        )
    )
    rules.append(
        RowRule(
            "unit",
            lambda df: (df["role"] != "computed") | (df["unit"] != "") | (df["unit_label"] != ""),
            lambda row: "a computed row needs a unit (data/units.csv or 'per') or a unit_label text key, or both",
        )
    )
    return schema, rules


def _role_rule(role: str, column: str, needed: bool) -> RowRule:
    return RowRule(
        column,
        lambda df: (df["role"] != role) | ((df[column] != "") == needed),
        lambda row: f"a {role} row {'needs' if needed else 'leaves empty'} its {column}",
    )


def _role_rule_except(role: str, column: str) -> RowRule:
    return RowRule(
        column,
        lambda df: (df["role"] == role) | (df[column] == ""),
        lambda row: f"only a computed row has a {column}; a {row['role']} row leaves it empty",
    )


def _stamp(root: Path) -> tuple:
    paths = [root / BLOCKS_FILE, root / CONTENT_FILE, root / "indicators.csv", root / "breakdown_labels.csv"]
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else (str(p), None) for p in paths)


@lru_cache(maxsize=8)
def _load(root: Path, stamp: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    ref = load_reference(root)
    blocks_path, content_path = root / BLOCKS_FILE, root / CONTENT_FILE
    blocks = read_table(blocks_path, BLOCKS_COLUMNS)
    contract.validate(blocks, shown_path(blocks_path), *blocks_schema())
    content = read_table(content_path, CONTENT_COLUMNS)
    schema = content_schema(
        blocks,
        set(ref.indicators["indicator_id"]),
        set(ref.names["domain"]["domain"]),
        set(ref.names["dimension"]["dimension"]),
        {f"{d}={v}" for d, v in zip(ref.labels["dimension"], ref.labels["value"], strict=True)},
        set(ref.units["unit"]),
    )
    contract.validate(content, shown_path(content_path), *schema)
    level = pd.array([int(v) if v else None for v in blocks["level"]], dtype="Int64")
    blocks = blocks.assign(order=blocks["order"].astype(int), level=level)
    blocks = blocks.sort_values(["part", "order"], kind="stable").reset_index(drop=True)
    content = content.assign(order=content["order"].astype(int))
    content = content.sort_values(["part", "block", "order"], kind="stable").reset_index(drop=True)
    return blocks, content


def load_content(data_dir: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The validated declarations: (blocks, content), each sorted by part and order."""
    root = Path(data_dir or default_data_dir()).resolve()
    blocks, content = _load(root, _stamp(root))
    return blocks.copy(), content.copy()


def blocks(part: str, data_dir: Path | None = None) -> pd.DataFrame:
    """The blocks of ``part`` in order: ``block, order, level, table, chart, chart_kind``."""
    frame = load_content(data_dir)[0]
    return frame[frame["part"] == part].reset_index(drop=True)


def block(part: str, name: str, data_dir: Path | None = None) -> pd.Series:
    """One block's declaration; a KeyError naming it when the part has no such block."""
    frame = blocks(part, data_dir)
    found = frame[frame["block"] == name]
    if found.empty:
        raise KeyError(f"data/{BLOCKS_FILE} declares no block '{name}' in part '{part}'")
    return found.iloc[0]


def rows(part: str, name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """What block ``name`` of ``part`` shows, in order (the rows of ``content.csv``)."""
    frame = load_content(data_dir)[1]
    return frame[(frame["part"] == part) & (frame["block"] == name)].reset_index(drop=True)


def indicators(part: str, name: str, role: str | None = None, data_dir: Path | None = None) -> list[str]:
    """The indicators block ``name`` of ``part`` names (as a line, series or breakdown), in order; with ``role``,
    only those of that role."""
    frame = rows(part, name, data_dir)
    if role is not None:
        frame = frame[frame["role"] == role]
    return list(dict.fromkeys(i for i in frame["indicator_id"] if i))


def part_of_domain(domain: str, data_dir: Path | None = None) -> str | None:
    """The part whose ``domain`` row shows the figures of ``domain`` no block declares; None when no part does."""
    frame = load_content(data_dir)[1]
    found = frame[(frame["role"] == "domain") & (frame["domain"] == domain)]
    return None if found.empty else str(found.iloc[0]["part"])
