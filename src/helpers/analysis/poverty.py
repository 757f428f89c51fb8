"""The poverty section's frames (notebook 01): the rate's change, households, each district beside the
whole area, sources that disagree, a count and an amount by household group. Frames in, frames out:
no language, no formatting. The poverty standard changes at the end of 2021 (data/series_breaks.csv):
no change is computed across it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from helpers.analysis.series import breaks_of, change_bound, current_result, goal_series, same_definition
from helpers.data import content
from helpers.data.derivations import load_derivations
from helpers.data.loading import load_breakdown_labels
from helpers.data.query import cut_off, figure_row, parts, preferred, select
from helpers.data.slots import slot

PART = "poverty"  # this part's rows of data/content_blocks.csv, data/content.csv and data/slots.csv
GROUP = "household_group"


def named(name: str) -> str:
    """The indicator that fills slot ``name`` of the poverty part (data/slots.csv): the rules below that need one
    indicator by what it means (``rate``: its change, never across a change of standard; a district's rate as a
    multiple of the whole area's; ``poor``, ``near_poor``, ``near_rate``: the households finding). An empty
    string when the data declare none, which no figure has, so that the rule finds nothing."""
    return slot(PART, name) or ""


def household_indicators() -> list[str]:
    """The indicators of the households table, in order (data/content.csv, block ``households``)."""
    return content.indicators(PART, "households")


def district_indicators() -> list[str]:
    """The indicators each district is shown by, in order (data/content.csv, block ``district``)."""
    return content.indicators(PART, "district")


def district_dimension() -> str:
    """The breakdown dimension of the area's districts: the ``dimension=*`` of block ``district``."""
    return str(content.rows(PART, "district")["breakdown"].iloc[0]).removesuffix("=*")


def _breaks(breaks: Sequence[int] | None, indicator_id: str = "") -> list[int]:
    return list(breaks_of(indicator_id or named("rate")) if breaks is None else breaks)


def rate_change(
    figures: pd.DataFrame, year: int, breaks: Sequence[int] | None = None, breakdown: str = ""
) -> dict | None:
    """The latest poverty rate up to ``year`` and the result before it.

    Keys: period, value, kind, printed, source_id; and when an earlier result
    exists: prev_period, prev_value, prev_printed, prev_kind, comparable (same poverty
    standard), change (percentage points, None across a break or between two bounds that pull apart) and
    change_bound ("ceiling"/"floor" when the change is only a bound, :func:`helpers.analysis.series.change_bound`).
    None when there is no rate.
    """
    current = current_result(figures, named("rate"), year, breakdown)
    if current is None:
        return None
    period = int(current["period"])
    info = {
        "period": period,
        "value": float(current["value"]),
        "kind": current["kind"],
        "printed": current["printed"],
        "source_id": current["source_id"],
    }
    before = current_result(figures, named("rate"), period - 1, breakdown)
    if before is not None:
        comparable = same_definition(int(before["period"]), period, _breaks(breaks))
        # A bound stays a bound: from "dưới 1,2%" the fall is "more than" (``change_bound``); two bounds that pull
        # apart leave the change unknown.
        bound = change_bound(current["printed"], before["printed"])
        info.update(
            prev_period=int(before["period"]),
            prev_value=float(before["value"]),
            prev_printed=before["printed"],
            prev_kind=before["kind"],
            prev_source_id=before["source_id"],
            comparable=comparable,
            change=info["value"] - float(before["value"]) if comparable and bound != "invalid" else None,
            change_bound=bound if comparable and bound != "invalid" else None,
        )
    return info


def rate_changes(data: pd.DataFrame, breaks: Sequence[int] | None = None) -> list[float | None]:
    """Each row's change from the row before (sorted by period), None for the first and across a break."""
    changes: list[float | None] = [None]
    for i in range(1, len(data)):
        p0, p1 = int(data.at[i - 1, "period"]), int(data.at[i, "period"])
        same = same_definition(p0, p1, _breaks(breaks))
        changes.append(float(data.at[i, "value"] - data.at[i - 1, "value"]) if same else None)
    return changes


def households_frame(
    figures: pd.DataFrame,
    year: int,
    breaks: Sequence[int] | None = None,
    breakdown: str = "",
    first: int | None = None,
) -> pd.DataFrame | None:
    """Poor and near-poor households (counts and rates) in ``year - 1`` and ``year`` (from ``first`` when given, so
    that a table shows every year its chart does), with the change from ``year - 1``.

    One row per indicator the data hold for any of those years: indicator_id, unit,
    ``value_<period>``, ``printed_<period>``, change (the printed change from the year before where a year is
    missing, else None when a year is missing or the standard changed between them), ``change_printed`` (its
    print when the change is the printed one), source_ids. None when
    ``year`` holds no household count and no printed change (the 2023 edition as issued has the report's rate
    2,27% and its "giảm 1,29%", but no household count: those were published after the report).
    """
    printed_change = printed_change_rules()
    counts = [figure_row(figures, i, year, breakdown=breakdown) for i in (named("poor"), named("near_poor"))]
    printed = [figure_row(figures, c, year, breakdown=breakdown) for c in printed_change.values()]
    if all(r is None for r in counts + printed):
        return None
    periods = [
        p
        for p in range(min(year - 1, year if first is None else first), year + 1)
        if any(figure_row(figures, i, p, breakdown=breakdown) is not None for i in household_indicators())
    ]
    records = []
    for indicator in household_indicators():
        rows = {p: figure_row(figures, indicator, p, breakdown=breakdown) for p in periods}
        if all(r is None for r in rows.values()):
            continue
        record = {"indicator_id": indicator, "unit": next(r for r in rows.values() if r is not None)["unit"]}
        for p, r in rows.items():
            record[f"value_{p}"] = None if r is None else float(r["value"])
            record[f"printed_{p}"] = None if r is None else str(r["printed"])
        prev, now = rows.get(year - 1), rows.get(year)
        both = prev is not None and now is not None
        comparable = both and same_definition(year - 1, year, _breaks(breaks, indicator))
        record["change"] = (float(now["value"]) - float(prev["value"])) if comparable else None
        sources = {str(r["source_id"]) for r in rows.values() if r is not None}
        # The change the reports print stands in where the appendix cannot compute it (no figure of the year before);
        # computed, it is the same figure, said once (05_data_quality sets the two side by side).
        stated = figure_row(figures, printed_change.get(indicator, ""), year, breakdown=breakdown)
        record["change_printed"] = None
        if stated is not None and record["change"] is None:
            record["change"], record["change_printed"] = float(stated["value"]), str(stated["printed"])
        if stated is not None:
            sources.add(str(stated["source_id"]))
        record["source_ids"] = sorted(sources)
        records.append(record)
    frame = pd.DataFrame.from_records(records)
    frame.attrs["periods"] = periods
    return frame


def printed_change_rules() -> dict[str, str]:
    """Each indicator whose change from the year before the reports print, and that change's indicator: the
    ``difference`` rules of data/derivations.csv of an indicator minus itself a year earlier ("giảm 4.195 hộ")."""
    rules = load_derivations()
    rules = rules[
        (rules["method"] == "difference")
        & (rules["numerator"] == rules["denominator"])
        & (rules["numerator_period_offset"].fillna(0) == 0)
        & (rules["denominator_period_offset"] == -1)
    ]
    return dict(zip(rules["numerator"], rules["indicator_id"], strict=True))


def printed_changes(figures: pd.DataFrame, year: int, breakdown: str = "") -> list[str]:
    """The printed changes from the year before of the households lines that ``year`` holds: the households table
    shows each in its change column (the appendix's own difference, or the printed one where it cannot compute
    it), so that no other block says it again."""
    rules = printed_change_rules()
    return [
        rules[i]
        for i in household_indicators()
        if i in rules and figure_row(figures, rules[i], year, breakdown=breakdown) is not None
    ]


def household_counts(figures: pd.DataFrame, year: int) -> pd.DataFrame | None:
    """Poor and near-poor household counts up to ``year`` (column indicator_id); None under two points."""
    frames = []
    for indicator in (named("poor"), named("near_poor")):
        rows = goal_series(figures, indicator, year, kinds=("actual",))
        if rows is not None:
            frames.append(rows.assign(indicator_id=indicator))
    if not frames:
        return None
    data = pd.concat(frames, ignore_index=True)
    return data if len(data) >= 2 else None


def first_count_period(figures: pd.DataFrame, year: int) -> int | None:
    """The first year of :func:`household_counts` (the households chart's first year); None without them."""
    counts = household_counts(figures, year)
    return None if counts is None else int(counts["period"].min())


def _values(record: dict, row: pd.Series | None, period: int) -> None:
    record[f"value_{period}"] = None if row is None else float(row["value"])
    record[f"printed_{period}"] = None if row is None else str(row["printed"])
    record[f"source_{period}"] = None if row is None else str(row["source_id"])


def district_breakdown(district: str) -> str:
    """The breakdown cell of a district: ``district=<code>``, the code as the figures files write it."""
    return f"{district_dimension()}={district}"


def districts(figures: pd.DataFrame, year: int) -> list[str]:
    """The districts that have a result of their own for ``year`` (a full-year ``actual`` of a household indicator
    with breakdown ``district=…``), in the order data/breakdown_labels.csv lists them (then by code).

    Districts are a breakdown like any other: which ones the appendix compares with the whole area is what the
    figures hold, none when they hold none. A district whose latest figure is older than ``year`` is left out: its
    comparison would not be the year's.
    """
    rows = preferred(figures)
    rows = rows[
        rows["indicator_id"].isin(district_indicators())
        & (rows["kind"] == "actual")
        & (rows["period"] == year)
        & rows["breakdown"].str.startswith(f"{district_dimension()}=")
        & (cut_off(rows) == "")
    ]
    found = {b.split("=", 1)[1] for b in rows["breakdown"]}
    labels = load_breakdown_labels()
    listed = [str(v) for v in labels.loc[labels["dimension"] == district_dimension(), "value"] if v in found]
    return listed + sorted(found - set(listed))


def district_frame(figures: pd.DataFrame, year: int, district: str) -> pd.DataFrame | None:
    """A district's poverty figures by period up to ``year``, with the whole area's rate beside them.

    Columns: indicator_id, scope ("district" or "province": the whole area), ``value_<period>``,
    ``printed_<period>``, ``source_<period>``; ``attrs["periods"]`` lists the periods,
    ``attrs["source_ids"]`` the sources, ``attrs["year"]`` the year asked for and ``attrs["district"]`` the
    district's code. None when the district has no figure.
    """
    breakdown = district_breakdown(district)
    indicators = district_indicators()
    rows = pd.concat([select(figures, i, breakdown=breakdown) for i in indicators])
    rows = rows[rows["period"] <= year]
    if rows.empty:
        return None
    periods = sorted(int(p) for p in rows["period"].unique())
    records, sources = [], set(rows["source_id"])
    for indicator in indicators:
        record = {"indicator_id": indicator, "scope": "district"}
        for p in periods:
            _values(record, figure_row(figures, indicator, p, breakdown=breakdown), p)
        if any(record[f"value_{p}"] is not None for p in periods):
            records.append(record)
    province = {"indicator_id": named("rate"), "scope": "province"}
    for p in periods:
        r = figure_row(figures, named("rate"), p)
        _values(province, r, p)
        if r is not None:
            sources.add(str(r["source_id"]))
    records.append(province)
    frame = pd.DataFrame.from_records(records)
    frame.attrs.update(periods=periods, source_ids=sorted(sources), year=int(year), district=district)
    return frame


def alternatives(
    figures: pd.DataFrame, indicator_id: str, period: int, breakdown: str = "", kind: str = "actual"
) -> pd.DataFrame:
    """Every source's figure for one key (the preferred one first): value, printed, source_id, preferred."""
    rows = figures[
        (figures["indicator_id"] == indicator_id)
        & (figures["period"] == period)
        & (figures["kind"] == kind)
        & (figures["breakdown"] == breakdown)
    ]
    rows = rows.sort_values("preferred", ascending=False, kind="stable")
    return rows[["value", "printed", "source_id", "preferred"]].reset_index(drop=True)


def _parts(figures: pd.DataFrame, indicator_id: str, dimension: str, period: int) -> pd.DataFrame | None:
    found = parts(figures, indicator_id, dimension, period, "actual")
    if found.empty:
        return None
    rows = [figure_row(figures, indicator_id, period, "actual", f"{dimension}={code}") for code in found["category"]]
    return pd.DataFrame(
        {
            "code": found["category"].to_numpy(),
            "value": found["value"].astype(float).to_numpy(),
            "printed": [str(r["printed"]) for r in rows],
            "source_id": [str(r["source_id"]) for r in rows],
        }
    )


def group_frame(
    figures: pd.DataFrame, count_id: str, amount_id: str, period: int, dimension: str = GROUP
) -> pd.DataFrame | None:
    """A count and an amount by household group, with the total, the average amount per count and each group's share.

    Columns: code ("total" for the total row), count, amount, count_printed,
    amount_printed, total_computed (the total row is a sum of the parts), average
    (amount / count), share (percent of the total amount). ``attrs["source_ids"]``.
    None when neither indicator has a figure for ``period``.
    """
    counts, amounts = _parts(figures, count_id, dimension, period), _parts(figures, amount_id, dimension, period)
    count_total, amount_total = figure_row(figures, count_id, period), figure_row(figures, amount_id, period)
    if counts is None and amounts is None and count_total is None and amount_total is None:
        return None
    empty = pd.DataFrame(columns=["code", "value", "printed", "source_id"])
    merged = (counts if counts is not None else empty)[["code", "value", "printed"]].merge(
        (amounts if amounts is not None else empty)[["code", "value", "printed"]],
        on=["code"],
        how="outer",
        suffixes=("_count", "_amount"),
        sort=False,
    )
    merged = merged.rename(
        columns={
            "value_count": "count",
            "value_amount": "amount",
            "printed_count": "count_printed",
            "printed_amount": "amount_printed",
        }
    )
    order = list(
        dict.fromkeys(
            [*(counts["code"] if counts is not None else []), *(amounts["code"] if amounts is not None else [])]
        )
    )
    merged = merged.set_index("code").loc[order].reset_index()
    sources = set()
    for part in (counts, amounts):
        if part is not None:
            sources |= set(part["source_id"])

    def total(row: pd.Series | None, part: pd.DataFrame | None) -> tuple[float | None, str | None, bool]:
        if row is not None:
            sources.add(str(row["source_id"]))
            return float(row["value"]), str(row["printed"]), False
        if part is not None:
            return float(part["value"].sum()), None, True
        return None, None, False

    count_sum, count_printed, count_computed = total(count_total, counts)
    amount_sum, amount_printed, amount_computed = total(amount_total, amounts)
    merged["total_computed"] = False
    merged.loc[len(merged)] = {
        "code": "total",
        "count": count_sum,
        "amount": amount_sum,
        "count_printed": count_printed,
        "amount_printed": amount_printed,
        "total_computed": count_computed or amount_computed,
    }
    merged["count"] = pd.to_numeric(merged["count"], errors="coerce")
    merged["amount"] = pd.to_numeric(merged["amount"], errors="coerce")
    merged["average"] = merged["amount"] / merged["count"].where(merged["count"] > 0)
    merged["share"] = merged["amount"] / amount_sum * 100 if amount_sum else None
    merged.attrs["source_ids"] = sorted(sources)
    return merged


def times_province(frame: pd.DataFrame, period: int) -> float | None:
    """The district's poverty rate as a multiple of the province's in ``period`` (computed); None without both."""
    rates = frame[frame["indicator_id"] == named("rate")].set_index("scope")
    if "district" not in rates.index or "province" not in rates.index:
        return None
    local, whole = rates.at["district", f"value_{period}"], rates.at["province", f"value_{period}"]
    if local is None or whole is None or pd.isna(local) or pd.isna(whole) or not whole:
        return None
    return float(local) / float(whole)
