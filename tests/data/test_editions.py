"""Editions by date (helpers.data.editions, issue 16): the edition as issued takes only sources published by the
report's date; a revised edition takes what was published up to its own date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.analysis.provenance import published_after
from helpers.build import backmatter, frontmatter, word
from helpers.cli import main
from helpers.data.editions import Edition, authority_on, check_as_of
from helpers.data.loading import load_report_meta, load_revisions, load_sources, load_year
from helpers.data.validation import validate_all
from helpers.errors import DataError, UsageError
from tests.conftest import DATA, append_source, read_rows, write_rows

LATER_2023 = {"danviet_2024_giam_ngheo", "hue_gov_2024_ktxh", "nld_2025_ho_ngheo"}  # published after 2023-12


def _published() -> dict[str, str]:
    sources = load_sources()
    return dict(zip(sources["source_id"], sources["published"], strict=True))


def test_the_2023_edition_as_issued_cites_no_source_published_after_the_report() -> None:
    issued = load_report_meta(2023).issued
    figures = load_year(2023, edition=Edition())
    published = _published()
    cited = set(figures["source_id"])
    assert cited and all(published[s] for s in cited)  # every source it cites has a date ...
    assert not [s for s in cited if published_after(published[s], issued)]  # ... none after the report's
    assert not cited & LATER_2023 and set(load_year(2023)["source_id"]) >= LATER_2023
    revisions = load_revisions(2023, edition=Edition())
    assert not (set(revisions["source_id"]) | set(revisions["new_source_id"].dropna())) & LATER_2023


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_2023_edition_as_issued_lists_no_later_source_and_accompanies_the_report(lang: str) -> None:
    fm = frontmatter.gather(2023, lang)
    listed = dict(re.findall(r'<li id="source-([^"]+)">(.*?)</li>', backmatter.sources_html(fm)))
    published = _published()
    assert listed and not [s for s in listed if published_after(published[s], "2023-12")]
    assert 'class="source-later"' not in backmatter.sources_html(fm)
    cover = frontmatter.cover_html(fm)
    # The phụ lục form of Nghị định 30/2020: attached to the report, dated as its row of data/reports.csv says.
    attached = {
        "vi": "(Kèm theo Báo cáo số …/BC-SLĐTBXH ngày … tháng 12 năm 2023 của Sở Lao động",
        "en": "(Attached to Report No. …/BC-SLĐTBXH dated … December 2023 of the Department",
    }[lang]
    assert attached in cover and "cover-edition" not in cover and "cover-head" not in cover
    assert backmatter.differences_html(fm) == ""


def test_a_revised_edition_takes_what_was_published_up_to_its_date() -> None:
    published = _published()
    on_2024_06 = set(load_year(2023, edition=Edition("2024-06-30"))["source_id"])
    assert "danviet_2024_giam_ngheo" in on_2024_06 and not on_2024_06 & {"hue_gov_2024_ktxh", "nld_2025_ho_ngheo"}
    on_2026 = set(load_year(2023, edition=Edition("2026-06-30"))["source_id"])
    assert on_2026 >= LATER_2023 and on_2026 == set(load_year(2023)["source_id"])
    assert all(not published_after(published[s], "2024-06-30") for s in on_2024_06)


def test_the_word_cover_of_each_edition_says_what_its_html_cover_says() -> None:
    """Word's cover (helpers.build.word) as the HTML one: the phụ lục form alone as issued; a revised edition's head
    (authority on its date, nation, motto, place and date) and its update line in the "Kèm theo" line's place."""
    issued = word.cover_xml(frontmatter.gather(2023, "vi"))
    assert frontmatter.attachment(frontmatter.gather(2023, "vi")) in issued and "<w:tbl>" not in issued
    revised = word.cover_xml(frontmatter.gather(2023, "vi", as_of="2026-06-30"))
    assert all(
        w in revised
        for w in ("SỞ NỘI VỤ", "CỘNG HÒA", "Huế, ngày 30 tháng 6 năm 2026", "Bản cập nhật, số liệu công bố đến ngày 30")
    )
    assert "Kèm theo" not in revised and revised.count("<w:tbl>") == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_revised_edition_has_its_own_cover_issuer_and_list_of_differences(lang: str) -> None:
    fm = frontmatter.gather(2023, lang, as_of="2026-06-30")
    cover = frontmatter.cover_html(fm)
    words = {
        "vi": (
            "SỞ NỘI VỤ",
            "UBND THÀNH PHỐ HUẾ",
            "Huế, ngày 30 tháng 6 năm 2026",
            "Bản cập nhật, số liệu công bố đến ngày 30 tháng 6 năm 2026",
        ),
        "en": (
            "DEPARTMENT OF HOME AFFAIRS",
            "PEOPLE&#x27;S COMMITTEE OF HUẾ CITY",
            "Huế, 30 June 2026",
            "Updated edition, with data published up to 30 June 2026",
        ),
    }[lang]
    assert all(w in cover for w in words), cover
    assert "Kèm theo" not in cover and "Attached to" not in cover  # an update is attached to no report
    assert backmatter.differences_html(fm) in backmatter.methods_html(fm)  # the official appendix lists them
    # The technical annex's list names the later sources as the update's, not the report's.
    sources = backmatter.sources_html(fm, roles=True)
    assert "kèm theo" not in sources.lower() and "accompanies" not in sources
    assert {"vi": "Bản cập nhật trích dẫn 3 nguồn", "en": "This updated edition cites 3 sources"}[lang] in sources
    # What differs is computed from the two editions' figures: the 2023 poor households of Dân Việt are added.
    added = {d.what: d for d in fm.differences if d.old == ""}
    households = {"vi": "Số hộ nghèo (2023;", "en": "Poor households (2023;"}[lang]
    found = [d for what, d in added.items() if what.startswith(households)]
    assert [d.new for d in found] == ["7.540"] and "Dân Việt" in found[0].source
    assert len(fm.differences) == len(
        set(
            map(
                tuple,
                load_year(2023, edition=Edition("2026-06-30"))[
                    ["indicator_id", "period", "as_of", "kind", "instrument", "breakdown"]
                ].to_numpy(),
            )
        )
        - set(
            map(
                tuple,
                load_year(2023, edition=Edition())[
                    ["indicator_id", "period", "as_of", "kind", "instrument", "breakdown"]
                ].to_numpy(),
            )
        )
    )  # today every difference is an added figure: no value of the edition as issued was revised
    table = backmatter.differences_html(fm)
    assert table.count("<tr>") == len(fm.differences) + 1 and "7.540" in table


def test_a_value_revised_by_a_later_source_is_listed_with_both_values(data_copy: Path) -> None:
    figures = data_copy / "figures" / "2023.csv"
    rows = read_rows(figures)
    head = rows[0]
    rate = next(
        r
        for r in rows[1:]
        if r[head.index("indicator_id")] == "poverty_rate"
        and not r[head.index("breakdown")]
        and r[head.index("kind")] == "actual"
        and r[head.index("period")] == "2023"
    )
    append_source(
        data_copy,
        {"source_id": "later_revision", "title": "Revised", "publisher": "Cục Thống kê", "published": "2025-03-01"},
    )
    sources = read_rows(data_copy / "sources.csv")
    sources[-1][sources[0].index("priority")] = "1"  # preferred over the report once published
    for row in sources[1:-1]:
        row[sources[0].index("priority")] = str(int(row[sources[0].index("priority")]) + 1)
    write_rows(data_copy / "sources.csv", sources)
    revised = list(rate)
    revised[head.index("value")], revised[head.index("printed")] = "2.3", "2,3%"
    revised[head.index("source_id")], revised[head.index("locator")] = "later_revision", 'quote: "2,3%"'
    revised[head.index("note")] = ""
    write_rows(figures, rows + [revised])
    fm = frontmatter.gather(2023, "vi", data_dir=data_copy, as_of="2025-06-30")
    changed = [d for d in fm.differences if d.old]
    assert [(d.old, d.new) for d in changed] == [(rate[head.index("printed")], "2,3%")]
    assert frontmatter.gather(2023, "vi", data_dir=data_copy).differences == ()


def test_a_source_without_a_date_is_refused_naming_it_unless_declared(data_copy: Path) -> None:
    declared = read_rows(data_copy / "undated_sources.csv")
    write_rows(data_copy / "undated_sources.csv", [r for r in declared if r[0] != "trenitaila_viec_lam_2021_2025"])
    with pytest.raises(DataError) as err:
        load_year(2023, data_copy, edition=Edition())
    line = 1 + next(i for i, r in enumerate(read_rows(data_copy / "sources.csv")) if r[0].startswith("trenitaila"))
    assert str(err.value).startswith(
        f"data/sources.csv, line {line}, column 'published': trenitaila_viec_lam_2021_2025 "
        "has no publication date, so the edition as issued"
    )
    assert str(err.value).endswith("declare it in data/undated_sources.csv with the reason.") and ". " not in str(
        err.value
    )
    load_year(2023, data_copy)  # the data checks, which take every figure the files hold, do not need the date
    load_year(2020, data_copy)  # a year whose report has no date has one edition, as its files hold it
    with pytest.raises(DataError, match="trenitaila_viec_lam_2021_2025 has no publication date, so the revised"):
        load_year(2023, data_copy, edition=Edition("2026-06-30"))


def test_a_declared_undated_source_is_left_out_as_issued_and_kept_when_revised() -> None:
    declared = {r[0] for r in read_rows(DATA / "undated_sources.csv")[1:]}
    assert declared and not declared & set(load_year(2023, edition=Edition())["source_id"])
    assert declared & set(load_year(2023, edition=Edition("2026-06-30"))["source_id"])


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-6-30", "written YYYY-MM-DD"),
        ("2026-02-30", "not a day of the calendar"),
        ("30/06/2026", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
    ],
)
def test_a_malformed_date_is_refused_in_one_sentence(text: str, why: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(UsageError, match=why):
        check_as_of(text)
    assert main(["build", "--year", "2023", "--as-of", text]) == 2
    err = capsys.readouterr().err
    assert why in err and "YYYY-MM-DD" in err and "Traceback" not in err


def test_a_revised_edition_before_the_report_is_refused() -> None:
    with pytest.raises(UsageError, match="on or after the report's issue date 2023-12"):
        load_year(2023, edition=Edition("2023-11-30"))
    load_year(2023, edition=Edition("2023-12-31"))  # the report's month, day unknown: not surely before


@pytest.mark.parametrize(
    ("date", "issuer"),
    [
        ("2024-12-31", "Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế"),
        ("2025-03-01", "Sở Nội vụ thành phố Huế"),
        ("2026-06-30", "Sở Nội vụ thành phố Huế"),
    ],
)
def test_the_authority_competent_on_a_date_comes_from_the_data(date: str, issuer: str) -> None:
    assert authority_on(date, DATA)["issuer_vi"] == issuer


def test_overlapping_authorities_are_refused(data_copy: Path) -> None:
    rows = read_rows(data_copy / "authorities.csv")
    rows[2][0] = "2024-12-01"
    write_rows(data_copy / "authorities.csv", rows)
    with pytest.raises(DataError, match="data/authorities.csv, line 3: the periods of lines 2 and 3 overlap."):
        authority_on("2024-12-15", data_copy)
    with pytest.raises(DataError, match="overlap"):
        validate_all(data_copy)  # every build checks the file, whatever the edition


def test_an_authority_says_what_establishes_its_period(data_copy: Path) -> None:
    rows = read_rows(data_copy / "authorities.csv")
    basis, source = rows[0].index("basis"), rows[0].index("source_id")
    assert all(row[basis].strip() for row in rows[1:])  # held, or said not to be held
    assert all(not row[source] for row in rows[1:])  # no source for the dates is held (../shared/sources)
    rows[3][source] = "nghi_dinh_sap_nhap"
    write_rows(data_copy / "authorities.csv", rows)
    with pytest.raises(
        DataError,
        match=r"^data/authorities.csv, line 4, column 'source_id': 'nghi_dinh_sap_nhap' is not a source_id of data/",
    ):
        validate_all(data_copy)
    rows[3][source], rows[2][basis] = "", " "
    write_rows(data_copy / "authorities.csv", rows)
    with pytest.raises(DataError, match=r"^data/authorities.csv, line 3, column 'basis': the cell is empty\.$"):
        validate_all(data_copy)


def test_an_undated_declaration_of_a_dated_source_is_refused(data_copy: Path) -> None:
    write_rows(data_copy / "undated_sources.csv", [["source_id", "reason"], ["danviet_2024_giam_ngheo", "x"]])
    with pytest.raises(DataError, match=r"undated_sources.csv, line 2, column 'source_id': danviet_2024_giam"):
        validate_all(data_copy)


def test_a_revised_edition_goes_into_its_own_folder_and_passes_its_date_to_every_notebook(tmp_path: Path) -> None:
    from helpers.build.outputs import Target
    from helpers.build.publish import _jobs

    assert Target(2023, "vi", tmp_path).name == "2023" and Target(2023, "en", tmp_path).name == "2023-en"
    revised = Target(2023, "en", tmp_path, "2026-06-30")
    assert revised.name == "2023-rev-2026-06-30-en" and revised.label == "2023 as of 2026-06-30, en"
    notebooks = [tmp_path / "00_a.ipynb", tmp_path / "01_b.ipynb"]
    assert {j.parameters["as_of"] for j in _jobs(revised, tmp_path / "work", notebooks)} == {"2026-06-30"}
    assert {j.parameters["as_of"] for j in _jobs(Target(2023, "vi", tmp_path), tmp_path, notebooks)} == {""}


def test_the_command_line_builds_the_edition_as_issued_unless_given_a_date() -> None:
    from helpers.cli import build_parser

    assert not build_parser().parse_args(["build", "--year", "2023"]).as_of
    assert build_parser().parse_args(["build", "--as-of", "2026-06-30"]).as_of == "2026-06-30"
