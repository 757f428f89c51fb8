"""An invented second area, made in a test's copy of the data: another province, another issuer, two districts of
its own and a subset of the indicators.

Everything below is a test fixture, invented for the tests and labelled as such: no such province, department,
district or figure exists. The copy keeps the catalogue, units and code lists (they are the contract, not the
place) and replaces the place's own files: ``reports.csv`` holds the invented year alone, ``figures/`` its one
file, ``relations.csv`` declares no relation, ``breakdown_labels.csv`` gains the invented districts. An appendix
built from it must name no place of the real data (the names the real data give are in ``REAL_PLACES``).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import append_source, read_rows, write_rows

YEAR = 2024
SOURCE_ID = "invented_area_2024_report_test"
AREA_VI, AREA_EN = "Tỉnh Thử Nghiệm", "Thử Nghiệm Province"
ISSUER_VI = "Sở Lao động – Thương binh và Xã hội tỉnh Thử Nghiệm"
DISTRICTS = {"Núi Cao": ("Huyện Núi Cao", "Nui Cao"), "Ven Biển": ("Huyện Ven Biển", "Ven Bien")}
REAL_PLACES = ("Thừa Thiên Huế", "Huế", "A Lưới", "A Luoi", "Hue")  # what no output of this area may say
REPORT_ROW = {
    "year": str(YEAR),
    "source_id": SOURCE_ID,
    "issuer_vi": ISSUER_VI,
    "issuer_en": "Department of Labour, Invalids and Social Affairs of Thử Nghiệm Province",
    "issuer_short_vi": "Sở LĐTBXH tỉnh Thử Nghiệm",
    "issuer_short_en": "Thử Nghiệm DOLISA",
    "area_vi": AREA_VI,
    "area_en": AREA_EN,
    "area_kind": "province",
    "place_vi": "Thử Nghiệm",
    "place_en": "Thử Nghiệm",
    "issued": "2024-12-20",
    "number": "120/BC-SLĐTBXH",
}
# (indicator_id, period, kind, instrument, breakdown, value, printed): invented figures, a subset of the catalogue.
FIGURES = [
    ("poverty_rate", 2023, "actual", "", "", "4.1", "4,1%"),
    ("poverty_rate", 2024, "actual", "", "", "3.2", "3,2%"),
    ("poverty_rate", 2024, "target", "KH năm 2024", "", "3.5", "dưới 3,5%"),
    ("poor_households", 2024, "actual", "", "", "8120", "8.120"),
    ("poverty_rate", 2023, "actual", "", "district=Núi Cao", "18.5", "18,5%"),
    ("poverty_rate", 2024, "actual", "", "district=Núi Cao", "15.2", "15,2%"),
    ("poor_households", 2024, "actual", "", "district=Núi Cao", "2310", "2.310"),
    ("poverty_rate", 2024, "actual", "", "district=Ven Biển", "6.4", "6,4%"),
    ("jobs_created", 2024, "actual", "", "", "21300", "21.300"),
    ("jobs_created", 2024, "plan", "KH năm 2024", "", "20000", "20.000"),
    ("workers_abroad", 2024, "actual", "", "", "1250", "1.250"),
]


def add_other_area(data: Path) -> Path:
    """Make the data folder ``data`` (a copy of the real one) the invented area's; returns ``data``."""
    append_source(
        data,
        {
            "source_id": SOURCE_ID,
            "title": "Báo cáo kết quả công tác năm 2024 (dữ liệu thử, địa bàn giả định)",
            "publisher": ISSUER_VI,
            "publisher_en": "Thử Nghiệm DOLISA",
            "published": REPORT_ROW["issued"],
        },
    )
    reports = read_rows(data / "reports.csv")
    write_rows(data / "reports.csv", [reports[0], [REPORT_ROW[c] for c in reports[0]]])

    relations = read_rows(data / "relations.csv")  # this area's reports are not known to count abroad inside jobs
    write_rows(data / "relations.csv", relations[:1])

    labels = read_rows(data / "breakdown_labels.csv")
    write_rows(data / "breakdown_labels.csv", labels + [["district", c, vi, en] for c, (vi, en) in DISTRICTS.items()])

    header = read_rows(data / "figures" / "2023.csv")[0]
    for path in (data / "figures").glob("*.csv"):
        path.unlink()
    lines = [header]
    for indicator_id, period, kind, instrument, breakdown, value, printed in FIGURES:
        row = {c: "" for c in header} | {
            "indicator_id": indicator_id,
            "period": str(period),
            "kind": kind,
            "instrument": instrument,
            "breakdown": breakdown,
            "value": value,
            "printed": printed,
            "source_id": SOURCE_ID,
            "locator": "Phần I (dữ liệu thử)",
        }
        lines.append([row[c] for c in header])
    write_rows(data / "figures" / f"{YEAR}.csv", lines)
    return data
