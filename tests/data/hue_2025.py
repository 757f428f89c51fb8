"""A data folder for a report issued by the Sở Nội vụ thành phố Huế (2025), made in a test's copy of the data.

From 2025 Thừa Thiên Huế is Thành phố Huế, a centrally-run city, and the labour
department's work passed to the Sở Nội vụ. Its appendix must build from data
alone: a 2025 figures file, its source and its row in ``reports.csv``. The two
figures below are test fixtures, not figures of any published report.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import append_source, read_rows, write_rows

SOURCE_ID = "sonoivu_hue_2025_report_test"
ISSUER_VI = "Sở Nội vụ thành phố Huế"
AREA_VI = "Thành phố Huế"
REPORT_ROW = {
    "year": "2025",
    "source_id": SOURCE_ID,
    "issuer_vi": ISSUER_VI,
    "issuer_en": "Department of Home Affairs of Huế City",
    "issuer_short_vi": ISSUER_VI,
    "issuer_short_en": "Huế Department of Home Affairs",
    "area_vi": AREA_VI,
    "area_en": "Huế City",
    "area_kind": "city",
    "place_vi": "Huế",
    "place_en": "Huế",
    "issued": "2025-12-15",
    "number": "215/BC-SNV",
}


def add_hue_2025(data: Path) -> Path:
    """Add a minimal 2025 year to the data folder ``data``, issued by the Sở Nội vụ thành phố Huế; returns ``data``."""
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

    reports = read_rows(data / "reports.csv")
    write_rows(data / "reports.csv", reports + [[REPORT_ROW[c] for c in reports[0]]])

    header = read_rows(data / "figures" / "2023.csv")[0]
    rows = [
        {"indicator_id": "jobs_created", "period": "2025", "kind": "actual", "value": "17500", "printed": "17.500"},
        {"indicator_id": "poverty_rate", "period": "2025", "kind": "actual", "value": "1.5", "printed": "1,5%"},
    ]
    lines = [header]
    for row in rows:
        full = {c: "" for c in header} | row | {"source_id": SOURCE_ID, "locator": "Phần I (dữ liệu thử)"}
        lines.append([full[c] for c in header])
    write_rows(data / "figures" / "2025.csv", lines)
    return data
