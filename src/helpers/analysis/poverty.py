"""The poverty section's frames (notebook 01): the rate's change, households, a district beside the
province, sources that disagree, a count and an amount by household group. Frames in, frames out:
no language, no formatting. The poverty standard changes at the end of 2021 (data/series_breaks.csv):
no change is computed across it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from helpers.analysis.series import breaks_of, current_result, goal_series, same_definition
from helpers.data.query import figure_row, parts, select

RATE, POOR, NEAR_POOR, NEAR_POOR_RATE = "poverty_rate", "poor_households", "near_poor_households", "near_poor_rate"
HOUSEHOLD_INDICATORS = (POOR, RATE, NEAR_POOR, NEAR_POOR_RATE)
DISTRICT = "A Lưới"
DISTRICT_BREAKDOWN = f"district={DISTRICT}"
DISTRICT_INDICATORS = (RATE, POOR, NEAR_POOR_RATE, NEAR_POOR)
GROUP = "household_group"


def _breaks(breaks: Sequence[int] | None, indicator_id: str = RATE) -> list[int]:
    return list(breaks_of(indicator_id) if breaks is None else breaks)


def rate_change(
    figures: pd.DataFrame, year: int, breaks: Sequence[int] | None = None, breakdown: str = ""
) -> dict | None:
    """The latest poverty rate up to ``year`` and the result before it.

    Keys: period, value, kind, printed, source_id; and when an earlier result
    exists: prev_period, prev_value, prev_printed, prev_kind, comparable (same poverty
    standard) and change (percentage points, None across a break). None when
    there is no rate.
    """
    current = current_result(figures, RATE, year, breakdown)
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
    before = current_result(figures, RATE, period - 1, breakdown)
    if before is not None:
        comparable = same_definition(int(before["period"]), period, _breaks(breaks))
        info.update(
            prev_period=int(before["period"]),
            prev_value=float(before["value"]),
            prev_printed=before["printed"],
            prev_kind=before["kind"],
            prev_source_id=before["source_id"],
            comparable=comparable,
            change=info["value"] - float(before["value"]) if comparable else None,
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
    stated_change: Mapping[str, str] | None = None,
) -> pd.DataFrame | None:
    """Poor and near-poor households (counts and rates) in ``year - 1`` and ``year`` (from ``first`` when given, so
    that a table shows every year its chart does), with the change from ``year - 1``.

    ``stated_change`` maps an indicator to the indicator of its change on the year before as a source states it
    (data/derivations.csv: ``poverty_rate`` → ``poverty_rate_change``): that stated change is shown when the data
    hold no value for ``year - 1`` (the 2023 edition as issued has the report's "giảm 1,29%" but not the 2022 rate,
    which was published later).

    One row per indicator the data hold for any of those years: indicator_id, unit,
    ``value_<period>``, ``printed_<period>``, change (None when a year is
    missing, and no change is stated, or the standard changed between them), source_ids. None when
    ``year`` holds no household count and no stated change.
    """
    said = [figure_row(figures, c, year, breakdown=breakdown) for c in (stated_change or {}).values()]
    if all(figure_row(figures, i, year, breakdown=breakdown) is None for i in (POOR, NEAR_POOR)) and all(
        r is None for r in said
    ):
        return None
    periods = [
        p
        for p in range(min(year - 1, year if first is None else first), year + 1)
        if any(figure_row(figures, i, p, breakdown=breakdown) is not None for i in HOUSEHOLD_INDICATORS)
    ]
    records = []
    for indicator in HOUSEHOLD_INDICATORS:
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
        stated = (stated_change or {}).get(indicator)
        said = (
            figure_row(figures, stated, year, breakdown=breakdown) if stated and now is not None and not both else None
        )
        if said is not None:
            record["change"] = float(said["value"])
            rows = {**rows, "stated": said}  # its source is named with the others
        record["source_ids"] = sorted({str(r["source_id"]) for r in rows.values() if r is not None})
        records.append(record)
    frame = pd.DataFrame.from_records(records)
    frame.attrs["periods"] = periods
    return frame


def household_counts(figures: pd.DataFrame, year: int) -> pd.DataFrame | None:
    """Poor and near-poor household counts up to ``year`` (column indicator_id); None under two points."""
    frames = []
    for indicator in (POOR, NEAR_POOR):
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


def district_frame(figures: pd.DataFrame, year: int, breakdown: str = DISTRICT_BREAKDOWN) -> pd.DataFrame | None:
    """A district's poverty figures by period up to ``year``, with the province's rate beside them.

    Columns: indicator_id, scope ("district" or "province"), ``value_<period>``,
    ``printed_<period>``, ``source_<period>``; ``attrs["periods"]`` lists the periods,
    ``attrs["source_ids"]`` the sources and ``attrs["year"]`` the year asked for. None when the district has no figure.
    """
    rows = pd.concat([select(figures, i, breakdown=breakdown) for i in DISTRICT_INDICATORS])
    rows = rows[rows["period"] <= year]
    if rows.empty:
        return None
    periods = sorted(int(p) for p in rows["period"].unique())
    records, sources = [], set(rows["source_id"])
    for indicator in DISTRICT_INDICATORS:
        record = {"indicator_id": indicator, "scope": "district"}
        for p in periods:
            _values(record, figure_row(figures, indicator, p, breakdown=breakdown), p)
        if any(record[f"value_{p}"] is not None for p in periods):
            records.append(record)
    province = {"indicator_id": RATE, "scope": "province"}
    for p in periods:
        r = figure_row(figures, RATE, p)
        _values(province, r, p)
        if r is not None:
            sources.add(str(r["source_id"]))
    records.append(province)
    frame = pd.DataFrame.from_records(records)
    frame.attrs.update(periods=periods, source_ids=sorted(sources), year=int(year))
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
    rates = frame[frame["indicator_id"] == RATE].set_index("scope")
    if "district" not in rates.index or "province" not in rates.index:
        return None
    local, whole = rates.at["district", f"value_{period}"], rates.at["province", f"value_{period}"]
    if local is None or whole is None or pd.isna(local) or pd.isna(whole) or not whole:
        return None
    return float(local) / float(whole)
