"""The issuer and the area come from data/reports.csv: a 2025 report of the Sở Nội vụ thành phố Huế needs no code."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from helpers.build import backmatter, frontmatter
from helpers.data.loading import load_report_meta, load_sources
from helpers.present.report import Report
from tests.conftest import read_rows, write_rows
from tests.data.hue_2025 import AREA_VI, ISSUER_VI, add_hue_2025


@pytest.fixture
def hue_2025(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data copy with a 2025 year issued by the Sở Nội vụ thành phố Huế, set as $APPENDIX_DATA_DIR."""
    add_hue_2025(data_copy)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    return data_copy


def test_the_2025_row_is_read_from_data(hue_2025: Path) -> None:
    meta = load_report_meta(2025)
    assert meta.issuer("vi") == ISSUER_VI and meta.area("vi") == AREA_VI
    assert frontmatter.issuer_name(meta, "vi") == "Sở Nội vụ"
    assert frontmatter.issuer_name(meta, "en") == "Department of Home Affairs"
    assert meta.issued == "2025-12-15" and meta.place("vi") == "Huế"


@pytest.mark.parametrize(
    ("lang", "attached"),
    [
        ("vi", "(Kèm theo Báo cáo số 215/BC-SNV ngày 15 tháng 12 năm 2025 của Sở Nội vụ thành phố Huế)"),
        (
            "en",
            "(Attached to Report No. 215/BC-SNV dated 15 December 2025 of the Department of Home Affairs of Huế City)",
        ),
    ],
)
def test_the_2025_cover_names_the_sở_nội_vụ_report_it_is_attached_to(hue_2025: Path, lang: str, attached: str) -> None:
    cover = frontmatter.cover_html(frontmatter.gather(2025, lang))
    assert f'<p class="cover-attached">{attached}</p>' in cover
    assert "Thừa Thiên Huế" not in cover and "Lao động" not in cover and "Labour" not in cover


def test_the_2023_cover_is_unchanged_by_the_2025_row(hue_2025: Path) -> None:
    cover = frontmatter.cover_html(frontmatter.gather(2023, "vi"))
    assert (
        '<p class="cover-attached">(Kèm theo Báo cáo số …/BC-SLĐTBXH ngày … tháng 12 năm 2023 của '
        "Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế)</p>"
    ) in cover


@pytest.mark.parametrize(
    ("year", "lang", "line"),
    [
        (2025, "vi", "Sở Nội vụ thành phố Huế; tính toán của phụ lục"),
        (2025, "en", "Huế Department of Home Affairs; appendix calculations"),
        (2023, "vi", "Sở LĐTBXH tỉnh Thừa Thiên Huế; tính toán của phụ lục"),
        (2023, "en", "Thừa Thiên Huế DOLISA; appendix calculations"),
    ],
)
def test_a_source_line_without_sources_names_the_years_issuer(hue_2025: Path, year: int, lang: str, line: str) -> None:
    assert Report("00_test", year, lang).source_line([]) == line


def test_a_notebook_context_for_a_year_without_a_report_row_is_refused(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.errors import DataError

    add_hue_2025(data_copy)
    rows = (data_copy / "reports.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data_copy / "reports.csv").write_text("".join(r for r in rows if not r.startswith("2025,")), encoding="utf-8")
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    with pytest.raises(
        DataError,
        match=r"^data/reports\.csv: no row for 2025, so the 2025 appendix does not know whose report it accompanies",
    ):
        Report("00_test", 2025, "vi")


def test_the_dateline_is_written_as_a_state_document_writes_it(hue_2025: Path) -> None:
    from dataclasses import replace

    meta_2023, meta_2025 = load_report_meta(2023), load_report_meta(2025)
    # the day is left blank in print
    assert frontmatter.dateline(meta_2023, "vi") == "Thừa Thiên Huế, ngày … tháng 12 năm 2023"
    assert frontmatter.dateline(meta_2023, "en") == "Thừa Thiên Huế, December 2023"
    assert frontmatter.dateline(meta_2025, "vi") == "Huế, ngày 15 tháng 12 năm 2025"
    assert frontmatter.dateline(meta_2025, "en") == "Huế, 15 December 2025"
    early = replace(meta_2025, issued="2025-02-05")
    assert frontmatter.dateline(early, "vi") == "Huế, ngày 05 tháng 02 năm 2025"
    assert frontmatter.dateline(early, "en") == "Huế, 5 February 2025"
    assert frontmatter.dateline(replace(meta_2025, issued="2025-03-09"), "vi") == "Huế, ngày 09 tháng 3 năm 2025"
    assert frontmatter.dateline(replace(meta_2025, issued=""), "vi") is None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_official_cover_holds_the_label_the_title_and_the_report_line_and_nothing_else(lang: str) -> None:
    """Nghị định 30/2020 for a phụ lục (issue 16): "Phụ lục", the title in capitals, "(Kèm theo Báo cáo số … ngày …
    của …)" from data/reports.csv; no file counts, checksums, repeated year or separate area line."""
    fm = frontmatter.gather(2023, lang)
    cover = frontmatter.cover_html(fm)
    label = {"vi": "Phụ lục", "en": "Appendix"}[lang]
    paragraphs = re.findall(r"<(p|h1)\b[^<>]*>(.*?)</\1>", cover)
    assert [tag for tag, _ in paragraphs] == ["p", "h1", "p"]  # label, title, the report line: three lines only
    assert paragraphs[0][1] == label
    assert paragraphs[1][1] == paragraphs[1][1].upper() and "2023" in paragraphs[1][1]
    assert paragraphs[1][1].count("2023") == 1 and cover.count("2023") == 2  # the title's year and the report's date
    assert paragraphs[2][1].startswith("(") and paragraphs[2][1].endswith(")")
    assert "…/BC-SLĐTBXH" in paragraphs[2][1] and fm.report.issuer(lang) in paragraphs[2][1]
    for gone in ("SHA-256", "data/figures", "tệp số liệu", "figures file", "cover-province", "cover-vintage"):
        assert gone not in cover


def test_the_report_line_follows_the_number_and_date_of_the_data() -> None:
    fm = frontmatter.gather(2023, "vi")
    numbered = replace(fm, report=replace(fm.report, number="12/BC-X", issued="2024-01-05"))
    assert frontmatter.attachment(numbered).startswith("(Kèm theo Báo cáo số 12/BC-X ngày 05 tháng 01 năm 2024 của ")
    unnumbered = replace(fm, report=replace(fm.report, number="", issued=""))
    assert frontmatter.attachment(unnumbered).startswith("(Kèm theo Báo cáo ngày … của Sở ")
    english = replace(numbered, lang="en")
    assert frontmatter.attachment(english).startswith("(Attached to Report No. 12/BC-X dated 5 January 2024 of the ")


def test_the_files_and_their_checksums_are_in_the_technical_annex() -> None:
    """Review item 40: the list of figures files with their checksums is for analysts, in the annex's method."""
    fm = frontmatter.gather(2023, "vi")
    method = backmatter.annex_methods_html(fm)
    assert all(f.name in method and f.sha256 in method for f in fm.vintage)
    assert not any(f.sha256 in backmatter.methods_html(fm) for f in fm.vintage)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("vi", "Báo Dân Việt (2024); Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế (2023); trenitaila.com"),
        (
            "en",
            "Báo Dân Việt (Dan Viet newspaper, 2024); Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế "
            "(Thừa Thiên Huế DOLISA, 2023); trenitaila.com",
        ),
    ],
)
def test_a_source_line_names_publishers_in_vietnamese_glossed_in_english(lang: str, line: str) -> None:
    """The gloss is data/sources.csv's publisher_en; a name that needs none (a web address) has an empty one."""
    ids = ["sldtbxh_2023_report", "danviet_2024_giam_ngheo", "trenitaila_viec_lam_2021_2025"]
    assert Report("00_test", 2023, lang).source_line(ids) == line


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_annex_sources_list_marks_copies_aggregators_and_later_sources(lang: str) -> None:
    # The sources published after the report are in the revised edition only (helpers.data.editions).
    fm = frontmatter.gather(2023, lang, as_of="2026-06-30")
    listed = backmatter.sources_html(fm, roles=True)  # the technical annex's list; the appendix's is plain
    plain = backmatter.sources_html(fm)
    assert 'class="source-role"' not in plain and 'class="source-later"' not in plain
    assert re.findall(r'<li id="source-([^"]+)">', plain) == re.findall(r'<li id="source-([^"]+)">', listed)
    items = dict(re.findall(r'<li id="source-([^"]+)">(.*?)</li>', listed))
    marked = {sid for sid, item in items.items() if 'class="source-role"' in item}
    roles = load_sources().set_index("source_id")["role"]
    assert marked == {sid for sid in items if roles[sid] != "primary"} and marked
    later = {sid for sid, item in items.items() if 'class="source-later"' in item}
    assert later == {"danviet_2024_giam_ngheo", "nld_2025_ho_ngheo", "hue_gov_2024_ktxh"}
    word = {"vi": "tháng 12 năm 2023", "en": "December 2023"}[lang]
    assert listed.count('class="source-later"') == 3 and word in listed  # the intro names the report's date
    published = {"vi": "Công bố ngày 06 tháng 01 năm 2024", "en": "Published 6 January 2024"}[lang]
    assert published in items["danviet_2024_giam_ngheo"] and "2024-01-06." not in listed
    if lang == "en":
        assert "Báo Dân Việt (Dan Viet newspaper)" in items["danviet_2024_giam_ngheo"]
    else:
        assert "Dan Viet" not in listed


def test_a_primary_source_is_preferred_to_a_copy_whatever_the_priority(data_copy: Path) -> None:
    """A figure that the data hold from its original is taken from it: role comes before priority."""
    from helpers.data.loading import load_year

    def used(data: Path) -> str:
        figures = load_year(2023, data)
        chosen = figures[
            (figures["indicator_id"] == "jobs_created")
            & (figures["period"] == 2022)
            & (figures["kind"] == "estimate")
            & figures["preferred"]
        ]
        return str(chosen["source_id"].item())

    assert used(data_copy) == "thuviensuckhoe_2022_viec_lam"  # two copies: the better priority
    rows = read_rows(data_copy / "sources.csv")
    head = rows[0]
    for row in rows[1:]:
        if row[head.index("source_id")] == "jwork_2022_viec_lam":
            row[head.index("role")] = "primary"  # as if the data held the original Lao Động report
    write_rows(data_copy / "sources.csv", rows)
    assert used(data_copy) == "jwork_2022_viec_lam"
