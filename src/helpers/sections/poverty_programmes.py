"""Notebook 01's support programmes: credit, health insurance and medical costs by household group
(frame, table, credit chart and notes), and the electricity and housing support table. Words from
``poverty.yml``."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from helpers.analysis import poverty as an
from helpers.analysis.poverty import GROUP
from helpers.data import content
from helpers.data.query import category_label, indicator_name, unit_label
from helpers.present import chart_titles as ct
from helpers.present import charts
from helpers.present.lines import (
    Line,
    axis_label,
    computed_line,
    figure_line,
    lines_table,
    qualified,
    wrap,
)
from helpers.present.report import Report, source_line
from helpers.present.tables import Table
from helpers.sections.poverty import T, select_unit
from helpers.text import say


def programme_indicators(key: str) -> tuple[str, str]:
    """A programme's count and amount: the two ``parts`` rows of its block in data/content.csv, in that order."""
    count_id, amount_id = content.indicators(an.PART, key, role="parts")
    return count_id, amount_id


def programmes() -> dict[str, tuple[str, str]]:
    """Every programme of the part (a block of data/content.csv with a count and an amount by group)."""
    blocks = content.blocks(an.PART)["block"]
    return {b: programme_indicators(b) for b in blocks if len(content.indicators(an.PART, b, role="parts")) == 2}


def group_frame(figures: pd.DataFrame, key: str, year: int, lang: str) -> pd.DataFrame | None:
    """A programme (:func:`programmes`) by household group with the total, average and shares, labelled in ``lang``."""
    frame = an.group_frame(figures, *programme_indicators(key), year)
    if frame is None:
        return None
    labels = [say("common:total", lang) if c == "total" else category_label(GROUP, c, lang) for c in frame["code"]]
    frame.insert(1, "category", labels)
    return frame


def programme(rep: Report, key: str, level: int = 3) -> pd.DataFrame | None:
    """Section: a programme's heading and its frame by household group (None, said as "no data")."""
    return rep.section(key, group_frame(rep.figures, key, rep.year, rep.lang), level=level)


def per_unit(amount_id: str, count_id: str, lang: str) -> str:
    """The unit of an average, from the catalogue's unit names: "triệu đồng/hộ", "million VND per household"."""
    return say("common:per_unit", lang, amount=unit_label(amount_id, lang), count=unit_label(count_id, lang, count=1))


def column_heading(indicator_id: str, lang: str) -> str:
    """A table column of an indicator with its unit ("Kinh phí … (triệu đồng)"); a name that already ends in
    what it counts ("… (support cases)") is not given a second parenthesis ("(support cases) (households)")."""
    name = indicator_name(indicator_id, lang)
    return name if name.endswith(")") else T("group.column", lang, name=name, unit=unit_label(indicator_id, lang))


def group_table(frame: pd.DataFrame | None, key: str, lang: str) -> Table | None:
    """The reader's table of :func:`group_frame`."""
    if frame is None:
        return None
    count_id, amount_id = programme_indicators(key)

    def cell(value: float, unit: str, printed: str | None, decimals: int | None = None) -> str:
        return "–" if value is None or pd.isna(value) else qualified(value, unit, lang, printed, decimals)

    count_unit, amount_unit = select_unit(count_id), select_unit(amount_id)
    shown = pd.DataFrame(
        {
            T("group", lang): list(frame["category"]),
            column_heading(count_id, lang): [
                cell(v, count_unit, p) for v, p in zip(frame["count"], frame["count_printed"], strict=False)
            ],
            column_heading(amount_id, lang): [
                cell(v, amount_unit, p) for v, p in zip(frame["amount"], frame["amount_printed"], strict=False)
            ],
            T("group.average", lang, unit=per_unit(amount_id, count_id, lang)): [
                cell(v, "million_vnd", None, 2) for v in frame["average"]
            ],
            T("group.share", lang): [cell(v, "percent", None, 2).rstrip("%") for v in frame["share"]],
        }
    )
    raw = frame[["code", "category", "count", "amount", "average", "share"]].rename(
        columns={"count": count_id, "amount": amount_id, "average": f"{amount_id}_per_{count_id}", "share": "share_pct"}
    )
    return Table(shown, raw, frame.attrs["source_ids"])


def credit_chart(frame: pd.DataFrame | None, lang: str, year: int) -> Figure | None:
    """The average loan per household by group; None when no group has one."""
    groups = None if frame is None else frame[(frame["code"] != "total") & frame["average"].notna()]
    if groups is None or groups.empty:
        return None
    data = pd.DataFrame({"category": groups["category"].map(wrap).to_numpy(), "value": groups["average"].to_numpy()})
    unit = per_unit(*reversed(programme_indicators("credit")), lang)
    return charts.bar_chart(
        data,
        title=ct.ranking_title(data, unit, lang),
        sort=True,
        x_label=axis_label(unit, lang),
        source=source_line(frame.attrs["source_ids"], lang, year),
        lang=lang,
    )


def credit_notes(frame: pd.DataFrame | None, figures: pd.DataFrame, year: int, lang: str) -> list[str]:
    """The credit block's other lines (the number of credit programmes), when the year has them (and credit has
    figures)."""
    lines = [] if frame is None else declared_lines(figures, "credit", year, lang)
    return [T("credit.programmes", lang, label=line.label, text=line.text) for line in lines]


def declared_lines(figures: pd.DataFrame, block: str, year: int, lang: str) -> list[Line]:
    """The year's lines of a block of data/content.csv: each ``line`` row's figure, each ``computed`` ratio
    (labelled and united by its text keys); rows without a figure are left out."""
    lines: list[Line | None] = []
    for row in content.rows(an.PART, block).itertuples(index=False):
        if row.role == "line":
            lines.append(figure_line(figures, row.indicator_id, year, lang))
        elif row.role == "computed" and row.method == "ratio":
            num = figure_line(figures, row.numerator, year, lang)
            den = figure_line(figures, row.denominator, year, lang)
            if num is not None and den is not None and den.value:
                decimals = int(row.decimals) if row.decimals else 2
                unit_text = T(row.unit_label, lang) if row.unit_label else None
                how = f"{num.text} / {den.text}"
                value = num.value / den.value
                lines.append(computed_line(T(row.label, lang), value, "", lang, how, decimals, unit_text))
    return [line for line in lines if line is not None]


def electricity_housing_table(figures: pd.DataFrame, year: int, lang: str) -> Table | None:
    """Electricity support and housing support of ``year``, with the average amount per house (data/content.csv,
    block ``electricity_housing``); None without figures."""
    lines = declared_lines(figures, "electricity_housing", year, lang)
    return lines_table(lines, lang) if lines else None
