"""An invented 2025 year, made in a test's copy of the data, for the one judge (issue 14, items 4 and 5).

EVERY FIGURE BELOW IS INVENTED FOR THE TESTS: none is a figure of any published report, and the source and the
instrument ``KH năm 2025 (dữ liệu thử)`` are test fixtures. They are shaped to hold the cases the judge must get right:

- a year whose own target ("dưới 1,2%", an annual instrument) and an older programme's band for the same year
  ("2 - 2,2%", already in ``figures/2020.csv`` and ``2022.csv``) disagree, with a result of 1,25% between them;
- results known only as estimates (trained labour, urban unemployment);
- part-year figures with different cut-offs: jobs created "tính đến 31/7" with its "% of plan" at the same cut-off,
  a first-half split by district set beside a first-quarter total.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import append_source, read_rows, write_rows

SOURCE_ID = "judged_2025_report_test"
INSTRUMENT = "KH năm 2025 (dữ liệu thử)"
ISSUER_VI = "Sở Nội vụ thành phố Huế"

# (indicator_id, period, as_of, kind, instrument, breakdown, value, printed)
ROWS = [
    ("poverty_rate", "2025", "", "target", INSTRUMENT, "", "1.2", "dưới 1,2%"),
    ("poverty_rate", "2025", "", "actual", "", "", "1.25", "1,25%"),
    ("jobs_created", "2025", "", "plan", INSTRUMENT, "", "17000", "17.000"),
    ("jobs_created", "2025", "2025-07-31", "actual", "", "", "11556", "11.556"),
    ("jobs_created_pct_of_plan", "2025", "2025-07-31", "actual", "", "", "67.98", "67,98%"),
    ("trained_labour_rate", "2025", "", "target", INSTRUMENT, "", "74", "74%"),
    ("trained_labour_rate", "2025", "", "estimate", "", "", "74.5", "74,5%"),
    ("urban_unemployment_rate", "2025", "", "target", INSTRUMENT, "", "2.1", "dưới 2,1%"),
    ("urban_unemployment_rate", "2025", "", "estimate", "", "", "1.9", "1,9%"),
    ("workers_abroad", "2025", "2025-03-31", "actual", "", "", "729", "729"),
    ("workers_abroad", "2025", "2025-06-30", "actual", "", "district=Phú Vang", "1144", "1.144"),
    ("workers_abroad", "2025", "2025-06-30", "actual", "", "district=Phú Lộc", "168", "168"),
]


def add_judged_2025(data: Path) -> Path:
    """Add the invented 2025 year above (its source, its instrument, its report row) to the data folder ``data``."""
    append_source(
        data,
        {
            "source_id": SOURCE_ID,
            "title": "Báo cáo kết quả công tác năm 2025 (dữ liệu thử)",
            "publisher": ISSUER_VI,
            "publisher_en": "Huế Department of Home Affairs",
            "published": "2025-12-15",
        },
    )
    instruments = read_rows(data / "instruments.csv")
    extra = {"instrument": INSTRUMENT, "name_en": "Annual Plan 2025 (test data)", "span": "2025", "issued": "2024-12"}
    write_rows(data / "instruments.csv", instruments + [[extra.get(c, "") for c in instruments[0]]])

    reports = read_rows(data / "reports.csv")
    row_2023 = dict(zip(reports[0], next(r for r in reports[1:] if r[0] == "2023"), strict=True))
    row_2025 = row_2023 | {"year": "2025", "source_id": SOURCE_ID, "issued": "2025-12-15"}
    write_rows(data / "reports.csv", reports + [[row_2025[c] for c in reports[0]]])

    header = read_rows(data / "figures" / "2023.csv")[0]
    keys = ("indicator_id", "period", "as_of", "kind", "instrument", "breakdown", "value", "printed")
    lines = [header]
    for row in ROWS:
        full = {c: "" for c in header} | dict(zip(keys, row, strict=True))
        full |= {"source_id": SOURCE_ID, "locator": "Phần I (dữ liệu thử)"}
        lines.append([full[c] for c in header])
    write_rows(data / "figures" / "2025.csv", lines)
    return data
