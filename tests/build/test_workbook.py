"""The Excel workbook keeps the numbers: printed figures as text, readers' headers, no formula, full values kept.

And the tables' CSV files: whole numbers written whole, each column's type in
a CSVW metadata file beside it.
"""

from __future__ import annotations

import json
import math
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from helpers.build import columns
from helpers.build.assemble import Caption
from helpers.build.columns import UnknownColumn, column
from helpers.build.workbook import sheet_names, write_xlsx
from helpers.build.workbook_cells import Shown, as_printed
from helpers.errors import DataError
from helpers.present.report import Report, write_table
from helpers.text import templates

INJECTED = ['=HYPERLINK("http://example.com/x","Bấm vào đây")', "+1", "-2+3", "@SUM(A1:A2)", "=1+1"]


def caption(number: int, name: str, text: str = "Chú thích", source: str = "Nguồn: Sở") -> Caption:
    return Caption("table", number, f"Bảng {number}.", name, name, text, source)


def scorecard() -> pd.DataFrame:
    """Rows like the overview's scorecard: goals as numbers and as printed, a ratio, a verdict."""
    return pd.DataFrame(
        {
            "indicator_id": ["jobs_created", "workers_abroad"],
            "goal_kind": ["target", "plan"],
            "goal": [16500.0, 2050.0],
            "goal_printed": ["16.500", "2.050"],
            "actual": [17034.0, 2325.0],
            "ratio": [103.23636363636363, 113.41463414634147],
            "met": [True, False],
            "period": [2023, 2023],
        }
    )


def sheet_values(path: Path, sheet: str) -> list[list[object]]:
    return [[c.value for c in row] for row in load_workbook(path)[sheet].iter_rows()]


def test_csv_writes_whole_numbers_whole_and_says_each_columns_type(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "count": [1480.0, float("nan")],
            "rate": [2.27, 70.25],
            "tiny": [1.4210854715202004e-14, 0.5],
            "printed": ["1.480", "70,25%"],
            "met": [True, None],
            "year": [2023, 2024],
        }
    )
    path = write_table(frame, tmp_path, "01_x_t")
    assert path.read_text(encoding="utf-8") == (
        'count,rate,tiny,printed,met,year\n1480,2.27,1.4210854715202004e-14,1.480,True,2023\n,70.25,0.5,"70,25%",,2024\n'
    )
    meta = json.loads((tmp_path / "01_x_t.csv-metadata.json").read_text(encoding="utf-8"))
    assert meta["url"] == "01_x_t.csv"
    assert {c["name"]: c["datatype"] for c in meta["tableSchema"]["columns"]} == {
        "count": "number",
        "rate": "number",
        "tiny": "number",
        "printed": "string",
        "met": "boolean",
        "year": "integer",
    }


def test_a_tables_csv_has_whole_counts_and_its_html_is_unchanged(tmp_path: Path) -> None:
    rep = Report("01_x", 2023, "vi", output_dir=tmp_path)
    raw = pd.DataFrame({"credit_households": [1480.0, 6123.0], "share_pct": [9.413081148133228, 37.84044042891945]})
    shown = pd.DataFrame({"Số lượt hộ vay": ["1.480", "6.123"], "Tỷ trọng (%)": ["9,41", "37,84"]})
    rep.table(shown, "credit", "Tín dụng", raw=raw)
    text = (tmp_path / "tables" / "01_x_credit.csv").read_text(encoding="utf-8")
    assert text.splitlines()[1:] == ["1480,9.413081148133228", "6123,37.84044042891945"]
    html = rep.shown[-1].html
    assert "<td>1.480</td>" in html and "<td>9,41</td>" in html and "1480" not in html


def test_printed_figures_stay_text_and_headers_are_the_readers(tmp_path: Path) -> None:
    write_table(scorecard(), tmp_path, "00_overview_scorecard")
    target = write_xlsx([caption(1, "00_overview_scorecard")], tmp_path, tmp_path / "a.xlsx", "vi", "Phụ lục")
    rows = sheet_values(target, "Bảng 1 – Chú thích")
    assert rows[0] == [
        "Chỉ tiêu",
        "Loại mục tiêu",
        "Mục tiêu",
        "Mục tiêu – số in",
        "Thực hiện",
        "Tỷ lệ so với mục tiêu (%)",
        "Đánh giá",
        "Kỳ",
    ]
    assert rows[1] == ["Số lao động được giải quyết việc làm", "Chỉ tiêu", 16500, "16.500", 17034, 103.24, "Đạt", 2023]
    assert rows[2][1:] == ["Kế hoạch", 2050, "2.050", 2325, 113.41, "Chưa đạt", 2023]
    sheet = load_workbook(target)["Bảng 1 – Chú thích"]
    assert sheet["D2"].data_type == "s" and sheet["C2"].data_type == "n"
    assert (sheet["C2"].number_format, sheet["F2"].number_format) == ("#,##0", "#,##0.00")

    english = write_xlsx([caption(1, "00_overview_scorecard")], tmp_path, tmp_path / "en.xlsx", "en", "Appendix")
    rows = sheet_values(english, "Table 1 – Chú thích")
    assert rows[0][:4] == ["Indicator", "Kind of goal", "Goal", "Goal – as printed"]
    assert (rows[1][1], rows[1][6], rows[2][6]) == ("Target", "Met", "Not met")


def test_rounded_numbers_keep_their_full_value_on_a_sheet_of_their_own(tmp_path: Path) -> None:
    write_table(scorecard(), tmp_path, "00_overview_scorecard")
    target = write_xlsx([caption(1, "00_overview_scorecard")], tmp_path, tmp_path / "a.xlsx", "vi", "Phụ lục")
    rows = sheet_values(target, "Giá trị đầy đủ")
    assert rows[0] == ["Bảng", "Trang tính", "Ô", "Cột", "Giá trị trong bảng", "Giá trị đầy đủ"]
    assert [r[:5] for r in rows[1:]] == [
        ["Bảng 1.", "Bảng 1 – Chú thích", "F2", "Tỷ lệ so với mục tiêu (%)", 103.24],
        ["Bảng 1.", "Bảng 1 – Chú thích", "F3", "Tỷ lệ so với mục tiêu (%)", 113.41],
    ]
    assert math.isclose(rows[1][5], 103.23636363636363, rel_tol=1e-15)
    columns = sheet_values(target, "Cột")
    assert columns[4] == ["Bảng 1.", "Bảng 1 – Chú thích", "Mục tiêu – số in", "goal_printed", "string"]


def test_no_cell_is_ever_a_formula(tmp_path: Path) -> None:
    frame = pd.DataFrame({"label": INJECTED, "note": INJECTED, "value": [1.0, 2.0, 3.0, 4.0, 5.0]})
    write_table(frame, tmp_path, "02_x_injected")
    tables = [caption(1, "02_x_injected", text=INJECTED[0], source=INJECTED[3])]
    target = write_xlsx(tables, tmp_path, tmp_path / "a.xlsx", "vi", INJECTED[4])
    with zipfile.ZipFile(target) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(re.search(r"<f[ >]", xml) for xml in sheets)
    workbook = load_workbook(target)
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [r[:2] for r in sheet_values(target, sheet_names(tables, "vi")[0])[1:]] == [[t, t] for t in INJECTED]
    assert workbook["Mục lục"]["A1"].value == INJECTED[4] and workbook["Mục lục"]["B4"].value == INJECTED[0]


def test_a_code_named_column_without_a_meaning_is_refused(tmp_path: Path) -> None:
    write_table(pd.DataFrame({"indicator_id": ["jobs_created"], "mystery_code": [1]}), tmp_path, "03_x_m")
    with pytest.raises(
        UnknownColumn,
        match=r"^The column 'mystery_code' of table 03_x_m has no title for the workbook; "
        r"add its title to helpers/build/columns.yml "
        r"\(and its kind to KIND_OF in columns.py unless it is text\)\.$",
    ):
        write_xlsx([caption(1, "03_x_m")], tmp_path, tmp_path / "a.xlsx", "vi", "T")


def test_columns_are_named_from_their_meaning() -> None:
    assert column("value_2021").heading("vi") == "Năm 2021"
    assert column("numerator_printed").kind == "printed" and column("denominator_source_id").kind == "source"
    assert column("credit_households").heading("vi") == "Số lượt hộ vay vốn tín dụng ưu đãi"
    assert column("credit_amount_per_credit_households").heading("en").startswith("Average: ")
    assert column("Giá trị").kind == "auto"


def test_every_column_with_a_kind_has_a_title_in_both_languages() -> None:
    assert set(columns.KIND_OF.values()) | set(columns.PARTS.values()) <= columns.KINDS
    assert set(columns.KIND_OF) | set(columns.DECIMALS) <= {n for n in templates.load("columns") if "." not in n}
    assert column("goal_printed").heading("vi") == "Mục tiêu – số in"
    assert column("goal_printed").heading("en") == "Goal – as printed"
    assert column("met").kind == "verdict" and column("average_vnd_per_item").decimals == 0
    assert column("label").kind == "text" and column("label").heading("en") == "Item"
    assert columns.code_names("en")["status"]["exceeds total"] == "Exceeds the total"
    assert [columns.flag_word(f, k, "vi") for f, k in ((True, "verdict"), (False, "verdict"), (False, "flag"))] == [
        "Đạt",
        "Chưa đạt",
        "Không",
    ]


def test_a_cell_longer_than_excel_holds_is_refused_with_its_place(tmp_path: Path) -> None:
    write_table(pd.DataFrame({"note": ["ngắn", "x" * 40_000]}), tmp_path, "04_x_long")
    with pytest.raises(
        DataError,
        match=r"04_x_long\.csv, line 3, column 'note': a cell holds 40,000 characters, more "
        r"than an Excel cell can hold \(32,767\); shorten it\.$",
    ):
        write_xlsx([caption(1, "04_x_long")], tmp_path, tmp_path / "a.xlsx", "vi", "T")


def test_a_rows_unit_decides_its_decimals_as_in_the_appendix(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "label": ["Bình quân trợ cấp", "Tỷ lệ tái nghiện", "Số hộ"],
            "value": [526021.6326396423, 1.5151515151515151, 7540.0],
            "unit": ["vnd_per_month", "percent", "households"],
        }
    )
    write_table(frame, tmp_path, "04_x_units")
    target = write_xlsx([caption(1, "04_x_units")], tmp_path, tmp_path / "a.xlsx", "vi", "T")
    assert [r[1:] for r in sheet_values(target, "Bảng 1 – Chú thích")[1:]] == [
        [526022, "đồng/tháng"],
        [1.52, "%"],
        [7540, "hộ"],
    ]
    full = [r[5] for r in sheet_values(target, "Giá trị đầy đủ")[1:]]  # as many digits as Excel keeps
    assert len(full) == 2 and all(
        math.isclose(a, b, rel_tol=1e-15) for a, b in zip(full, [526021.6326396423, 1.5151515151515151], strict=False)
    )


def test_a_value_cell_keeps_the_decimals_of_its_print() -> None:
    assert as_printed(Shown(1.4, "#,##0.0"), "1.4", "1,40%") == Shown(1.4, "#,##0.00")  # shows 1,40 / 1.40
    assert as_printed(Shown(24.4, "#,##0.0"), "24.4", "24,4%") == Shown(24.4, "#,##0.0")
    assert as_printed(Shown(18173, "#,##0"), "18173", "hơn 18,173") == Shown(18173, "#,##0")  # ambiguous: as read
    assert as_printed(Shown("x"), "x", "1,40%") == Shown("x")


def test_decimals_are_the_columns_and_a_rows_unit_rounds_only_the_values_in_it(tmp_path: Path) -> None:
    """Issue 15: a ratio in a row of people was rounded to 100 (reads as exactly on plan); the PDF prints 100,20."""
    frame = scorecard().assign(unit=["persons", "persons"], margin=[534.4, 275.0], ratio=[100.2, 113.414])
    write_table(frame, tmp_path, "00_overview_scorecard")
    target = write_xlsx([caption(1, "00_overview_scorecard")], tmp_path, tmp_path / "a.xlsx", "vi", "T")
    rows = sheet_values(target, "Bảng 1 – Chú thích")
    head = rows[0]
    ratio, margin = head.index("Tỷ lệ so với mục tiêu (%)"), head.index(column("margin").heading("vi"))
    assert [r[ratio] for r in rows[1:]] == [100.2, 113.41]  # the column's two decimals
    sheet = load_workbook(target)["Bảng 1 – Chú thích"]
    letter = chr(ord("A") + ratio)
    assert {sheet[f"{letter}{r}"].number_format for r in (2, 3)} == {"#,##0.00"}  # 100,20 stays 100,20
    assert [r[margin] for r in rows[1:]] == [534, 275]  # in the row's unit: people are whole


def test_no_code_is_shown_as_a_value_and_words_are_the_workbooks_language(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "indicator_id": ["jobs_created", "poor_households_rate"],
            "scope": ["province", "times_province"],
            "domain": ["employment", "all"],
            "demand": ["easier", "harder"],
            "instrument": ["KH năm 2023", "KH năm 2024"],
            "locator": ["Phần I, mục 4.a, chú thích 2", 'quote: "giảm còn 2,27%"'],
            "missing": ["jobs_created|plan@2023", "unlisted; unlisted"],
        }
    )
    write_table(frame, tmp_path, "05_x_codes")
    for lang in ("vi", "en"):
        target = write_xlsx([caption(1, "05_x_codes")], tmp_path, tmp_path / f"{lang}.xlsx", lang, "T")
        cells = [c for row in sheet_values(target, sheet_names([caption(1, "05_x_codes")], lang)[0])[1:] for c in row]
        codes = {"times_province", "all", "easier", "harder", "unlisted", "employment", "jobs_created", "province"}
        assert not codes & {str(c) for c in cells}, lang
        assert not [c for c in cells if "@" in str(c) or "|" in str(c)], lang
    english = sheet_values(tmp_path / "en.xlsx", "Table 1 – Chú thích")[1:]
    assert english[0][4:6] == ["Annual Plan 2023", "Part I, section 4.a, note 2"]
    assert english[1][5] == 'quote: "giảm còn 2,27%"'  # a quotation of the source stays as printed
    assert english[1][6] == "Not in the data; Not in the data"
    assert english[0][6].endswith("(Plan, 2023)")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_tables_readme_reads_a_csv_so_that_printed_figures_stay_text(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.build.workbook import write_tables_readme

    write_table(scorecard(), tmp_path, "00_overview_scorecard")
    readme = write_tables_readme(tmp_path, lang, 2023).read_text(encoding="utf-8")
    assert "2023" in readme and "dtype=text" in readme
    code = re.search(r"```python\n(.*?)```", readme, re.S)[1]
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(code, scope)  # the README's own snippet, as a data user would run it
    table = scope["table"]
    assert table["goal_printed"].tolist() == ["16.500", "2.050"]  # not 16.5
    assert table["goal"].tolist() == [16500, 2050]


def test_a_reported_value_keeps_its_print_and_qualifier_beside_it(tmp_path: Path) -> None:
    """Issue 15: "hơn 22.762" became a bare 22762 in 34 of 47 tables; the print now stands beside the value."""
    from helpers.build.workbook import printed_lookup

    figures = pd.DataFrame(
        {
            "indicator_id": ["jobs_created", "social_assistance_monthly_amount"],
            "breakdown": [None, None],
            "period": [2023, 2023],
            "source_id": ["s1", "s1"],
            "value": [22762.0, 7.0],
            "printed": ["hơn 22.762", "gần 7 tỷ"],
        }
    )
    frame = pd.DataFrame(
        {
            "indicator_id": ["jobs_created", "social_assistance_monthly_amount", ""],
            "breakdown": ["", "", ""],
            "period": [2023, 2023, 2023],
            "label": ["Việc làm", "Kinh phí", "Bình quân"],
            "value": [22762.0, 7.0, 526021.6],
            "unit": ["persons", "billion_vnd", "vnd_per_month"],
            "computed": [False, False, True],
            "source_id": ["s1", "s1", ""],
        }
    )
    write_table(frame, tmp_path, "04_x_facts")
    target = write_xlsx(
        [caption(1, "04_x_facts")], tmp_path, tmp_path / "a.xlsx", "vi", "T", printed=printed_lookup(figures)
    )
    rows = sheet_values(target, "Bảng 1 – Chú thích")
    at = rows[0].index("Giá trị")
    assert rows[0][at + 1] == "Số liệu nguyên văn trong nguồn"
    assert [r[at : at + 2] for r in rows[1:]] == [[22762, "hơn 22.762"], [7, "gần 7 tỷ"], [526022, None]]
    columns = sheet_values(target, "Cột")
    assert [
        "Bảng 1.",
        "Bảng 1 – Chú thích",
        "Số liệu nguyên văn trong nguồn",
        "(không có trong CSV: số in lấy từ data/figures)",
        "string",
    ] in columns


@pytest.mark.parametrize(
    ("lang", "text", "value", "number_format"),
    [
        ("vi", "100,20", 100.2, "#,##0.00"),
        ("vi", "14.966", 14966, "#,##0"),
        ("vi", "70,25%", 70.25, '#,##0.00"%"'),
        ("vi", "-4.195", -4195, "#,##0"),
        ("vi", "+0,52", 0.52, "+#,##0.00;-#,##0.00;#,##0.00"),
        ("en", "1,234.5", 1234.5, "#,##0.0"),
        ("en", "−0.80%", -0.8, '#,##0.00"%"'),
    ],
)
def test_a_bare_printed_figure_is_a_number_with_its_printed_decimals(
    lang: str, text: str, value: float, number_format: str
) -> None:
    from helpers.build.workbook_cells import printed_cell

    shown = printed_cell(text, lang)
    assert shown.value == value and type(shown.value) is type(value) and shown.number_format == number_format


@pytest.mark.parametrize("text", ["hơn 22.762", "khoảng 347 nghìn", "–", "7–9 điểm phần trăm", "1.2.3", "Có"])
def test_a_figure_with_words_or_no_figure_stays_text(text: str) -> None:
    from helpers.build.workbook_cells import printed_cell

    assert printed_cell(text, "vi") == Shown(text)


def test_the_tables_as_printed_are_on_a_sheet_of_their_own(tmp_path: Path) -> None:
    from helpers.present.record import Table

    write_table(scorecard(), tmp_path, "00_o_scorecard")
    shown = Table(
        "00_o_scorecard",
        "Kết quả",
        "Nguồn: Sở",
        ("Chỉ tiêu", "Mục tiêu", "Chỉ số đạt"),
        (("Việc làm", "hơn 16.500", "103,24"), ("Xuất khẩu lao động", "2.050", "113,41")),
    )
    target = write_xlsx([caption(1, "00_o_scorecard")], tmp_path, tmp_path / "a.xlsx", "vi", "T", as_shown=[shown])
    book = load_workbook(target)
    assert book.sheetnames[-3:] == ["Như trong phụ lục", "Giá trị đầy đủ", "Cột"]
    sheet = book["Như trong phụ lục"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Bảng 1. Chú thích", None, None],
        ["Chỉ tiêu", "Mục tiêu", "Chỉ số đạt"],
        ["Việc làm", "hơn 16.500", 103.24],
        ["Xuất khẩu lao động", 2050, 113.41],
        ["Nguồn: Sở", None, None],
    ]
    assert sheet["C3"].number_format == "#,##0.00" and sheet["B4"].number_format == "#,##0"
    assert "Như trong phụ lục" in book["Mục lục"]["A2"].value


@pytest.mark.parametrize(
    ("text", "lang", "value", "rounded", "number_format"),
    [
        ("khoảng 530 nghìn", "vi", 526021.63, 530000, "#,##0"),  # an amount in words: its significant figures
        ("khoảng 347 nghìn", "vi", 347397.37, 347000, "#,##0"),
        ("khoảng 1,3 triệu", "vi", 1260869.56, 1300000, "#,##0"),
        ("about 530 thousand", "en", 526021.63, 530000, "#,##0"),
        ("100,20%", "vi", 100.2036, 100.2, "#,##0.00"),
        ("10,7", "vi", 10.7489, 10.7, "#,##0.0"),
    ],
)
def test_a_computed_value_is_rounded_as_its_row_printed_it(
    text: str, lang: str, value: float, rounded: float, number_format: str
) -> None:
    from helpers.build.workbook_cells import as_in_appendix, printed_precision

    row = [printed_precision("Tên chỉ tiêu dài hơn bốn chữ", lang), printed_precision(text, lang)]
    assert row[0] is None
    shown = as_in_appendix(Shown(value), repr(value), row)
    assert shown == Shown(rounded, number_format, value)


def test_a_value_no_figure_of_its_row_shows_or_a_whole_value_keeps_its_columns_rounding() -> None:
    from helpers.build.workbook_cells import as_in_appendix, printed_precision

    row = [printed_precision("12,12", "vi"), printed_precision("0,00", "vi")]
    assert as_in_appendix(Shown(40.91, "#,##0.00", 40.9090909), "40.9090909", row) == Shown(
        40.91, "#,##0.00", 40.9090909
    )
    assert as_in_appendix(Shown(0, "#,##0"), "0", row) == Shown(0, "#,##0")  # "0,00" holds 0 too: a count stays


def test_the_tables_sheets_round_a_computed_value_as_the_appendix_printed_it(tmp_path: Path) -> None:
    from helpers.present.record import Table

    frame = pd.DataFrame({"label": ["Bình quân"], "value": [526021.6326396423], "unit": ["vnd_per_month"]})
    write_table(frame, tmp_path, "04_s_monthly")
    shown = Table("04_s_monthly", "c", "s", ("Chỉ tiêu", "Giá trị"), (("Bình quân", "khoảng 530 nghìn"),))
    target = write_xlsx([caption(1, "04_s_monthly")], tmp_path, tmp_path / "a.xlsx", "vi", "T", as_shown=[shown])
    book = load_workbook(target)
    assert [c.value for c in book.worksheets[1][2]][:2] == ["Bình quân", 530000]
    assert [row[-2:] for row in sheet_values(target, "Giá trị đầy đủ")[1:]] == [[530000, 526021.6326396423]]


@pytest.mark.parametrize(("lang", "shown"), [("vi", "1.480 + 6.123 + 7.363,5"), ("en", "1,480 + 6,123 + 7,363.5")])
def test_the_parts_of_a_sum_are_shown_as_the_appendix_adds_them_never_as_a_list_of_codes(lang: str, shown: str) -> None:
    from helpers.build.workbook_cells import Labels, shown_cell

    meaning = column("part_values")
    assert meaning.kind == "numbers"
    assert shown_cell("1480;6123;7363.5", meaning, "string", Labels(lang)) == Shown(shown)
