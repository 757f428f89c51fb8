"""A 2024 year made in a test's copy of the data, to show that a figure keeps the precision it was printed with.

No source the project holds prints 2024 results yet (``../shared/sources/other-years*.csv`` gives for 2024 only the
employment programme's target, already in ``figures/2021.csv``), so there is no real ``data/figures/2024.csv``: the
poverty rate "1,40%" below is a test fixture, not a figure of any published report, under a test source of its own.
Its trailing zero is the point: the appendix must show 1,40%, not 1,4%.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import append_source, read_rows, write_rows

SOURCE_ID = "sldtbxh_2024_report_test"
ISSUER_VI = "Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế"
POVERTY_RATE_PRINTED = "1,40%"


def add_2024(data: Path) -> Path:
    """Add a minimal 2024 year (poverty rate printed "1,40%", poor households) to the data folder ``data``."""
    append_source(
        data,
        {
            "source_id": SOURCE_ID,
            "title": "Báo cáo kết quả công tác năm 2024 (dữ liệu thử)",
            "publisher": ISSUER_VI,
            "publisher_en": "Thừa Thiên Huế DOLISA",
            "published": "2024-12-15",
        },
    )

    reports = read_rows(data / "reports.csv")
    row_2023 = dict(zip(reports[0], next(r for r in reports[1:] if r[0] == "2023"), strict=True))
    row_2024 = row_2023 | {"year": "2024", "source_id": SOURCE_ID, "issued": "2024-12"}
    write_rows(data / "reports.csv", reports + [[row_2024[c] for c in reports[0]]])

    header = read_rows(data / "figures" / "2023.csv")[0]
    rows = [
        {"indicator_id": "poverty_rate", "period": "2024", "kind": "actual", "value": "1.4"},
        {"indicator_id": "poor_households", "period": "2024", "kind": "actual", "value": "4650", "printed": "4.650"},
    ]
    lines = [header]
    for row in rows:
        full = {c: "" for c in header} | {"printed": POVERTY_RATE_PRINTED} | row
        full |= {"source_id": SOURCE_ID, "locator": "Phần I (dữ liệu thử)"}
        lines.append([full[c] for c in header])
    write_rows(data / "figures" / "2024.csv", lines)
    return data
