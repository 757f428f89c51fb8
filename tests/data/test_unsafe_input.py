"""Input that would publish something wrong without a word (issue 18): each refused in one sentence, or read right."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

from helpers.data.csvfile import MAX_CELL_CHARS, mojibake
from helpers.data.loading import load_breakdown_labels, load_instruments, load_year
from helpers.data.query import value
from helpers.errors import DataError
from tests.conftest import DATA, read_rows, write_rows
from tests.data.test_loading import LINE_HOUSEHOLDS, LINE_PLAN_2024, LINE_TRAINED, expect_error

A_LUOI = "A Lưới"  # composed (NFC), as the code and every other file write it


def _replace_everywhere(data: Path, old: str, new: str) -> None:
    for path in [data / "breakdown_labels.csv", *(data / "figures").glob("*.csv")]:
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _labels_line(data: Path, value_text: str) -> int:
    return next(i for i, r in enumerate(read_rows(data / "breakdown_labels.csv"), start=1) if r[1] == value_text)


# --- S1: one name, two spellings -----------------------------------------------------------------------------------


def test_a_district_typed_in_decomposed_unicode_reads_as_the_composed_name(data_copy: Path) -> None:
    decomposed = unicodedata.normalize("NFD", A_LUOI)
    assert decomposed != A_LUOI
    _replace_everywhere(data_copy, A_LUOI, decomposed)
    assert decomposed in (data_copy / "breakdown_labels.csv").read_text(encoding="utf-8")
    figures = load_year(2023, data_copy)
    assert value(figures, "poverty_rate", 2023, breakdown=f"district={A_LUOI}") == 24.4
    assert load_year(2023, data_copy)["breakdown"].tolist() == load_year(2023)["breakdown"].tolist()
    assert f"{A_LUOI}" in set(load_breakdown_labels(data_copy)["value"])
    assert not any(decomposed in str(cell) for cell in figures.to_numpy().ravel())
    # the district's part of the appendix is built from these figures as from the composed ones
    from helpers.analysis.poverty import district_frame

    built = district_frame(figures, 2023, "A Lưới")
    assert built is not None and built.equals(district_frame(load_year(2023), 2023, "A Lưới"))


def test_a_district_with_a_zero_width_space_is_refused_naming_the_character(data_copy: Path) -> None:
    _replace_everywhere(data_copy, A_LUOI, "A \u200bLưới")
    line = _labels_line(data_copy, "A \u200bLưới")
    err = expect_error(
        data_copy,
        rf"^data/breakdown_labels\.csv, line {line}, column 'value': the cell holds U\+200B ZERO WIDTH SPACE at "
        r"position 3, invisible characters \(or the mark of a character lost in a conversion\) that make two "
        r"spellings of one name look the same; retype the text without them, got 'A <U\+200B>Lưới'\.$",
    )
    assert "\u200b" not in str(err)


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200e", "LEFT-TO-RIGHT MARK"),
        ("\u2060", "WORD JOINER"),
        ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
        ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
        ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
        ("\ufffd", "REPLACEMENT CHARACTER"),
    ],
)
def test_format_direction_and_replacement_characters_are_refused(
    data_copy: Path, set_cell, char: str, name: str
) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "locator", f"Phần{char} I")
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_TRAINED}, column 'locator': the cell holds "
        rf"U\+{ord(char):04X} {name} at position 5, ",
    )


def test_several_invisible_characters_are_all_named(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "note", "a\u200bb\u200cc\u200dd\u200ee")
    expect_error(
        data_copy,
        r"the cell holds U\+200B ZERO WIDTH SPACE at position 2, U\+200C ZERO WIDTH NON-JOINER at position 4, "
        r"U\+200D ZERO WIDTH JOINER at position 6 and 1 more, ",
    )


@pytest.mark.parametrize(
    ("written", "encoding", "run", "meant", "position"),
    [("Phần I, mục 3", "cp1252", "áº§", "ầ", 3), ("Thành Huế", "latin-1", "Ã\xa0", "à", 3)],
)
def test_utf8_read_as_windows_1252_is_refused(
    data_copy: Path, set_cell, written: str, encoding: str, run: str, meant: str, position: int
) -> None:
    garbled = written.encode("utf-8").decode(encoding)
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "locator", garbled)
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_TRAINED}, column 'locator': the cell holds '{run}' at position "
        rf"{position}, which is '{meant}' saved as UTF-8 and read back as Windows-1252 or Latin-1; retype the text or "
        rf"open the file as UTF-8, got '{re.escape(garbled)}'\.$",
    )


def test_the_mojibake_rule() -> None:
    assert mojibake("A Lưới".encode().decode("cp1252")) == (4, "Æ°", "ư")
    assert mojibake("Ã©") == (1, "Ã©", "é")
    assert mojibake("và… rồi") is None  # 'à' then '…' is no UTF-8 sequence
    assert mojibake("Hà Nội, Đà Nẵng, Ông Bà, Âu Cơ, ôm, ĐẤT") is None


def test_no_real_text_in_the_data_is_taken_for_mojibake() -> None:
    cells = 0
    for path in sorted(DATA.rglob("*.csv")):
        for row in csv.reader(path.open(encoding="utf-8-sig", newline="")):
            for cell in row:
                cells += 1
                assert mojibake(cell) is None, (path, cell)
    assert cells > 3000


@pytest.mark.parametrize(
    ("twin", "problem"),
    [
        # equal but for capitals and spaces: refused as a second spelling of the earlier label
        (
            "A  lưới",
            f"'A  lưới' differs from the value of the dimension 'district' '{A_LUOI}' on line {{line}} only in "
            "capitals or spaces; write one spelling everywhere",
        ),
        # equal after NFC: the same label twice, once the file is read
        (unicodedata.normalize("NFD", A_LUOI), f"'district={A_LUOI}' is already labelled on an earlier line"),
    ],
)
def test_two_labels_equal_after_normalisation_are_refused(data_copy: Path, twin: str, problem: str) -> None:
    path = data_copy / "breakdown_labels.csv"
    rows = read_rows(path)
    line = _labels_line(data_copy, A_LUOI)
    write_rows(path, rows + [["district", twin, "Huyện khác", "Another district"]])
    expect_error(
        data_copy,
        rf"^data/breakdown_labels\.csv, line {len(rows) + 1}, column 'value': "
        rf"{re.escape(problem.format(line=line))}\.$",
    )


def test_two_instruments_spelt_alike_are_refused(data_copy: Path) -> None:
    path = data_copy / "instruments.csv"
    rows = read_rows(path)
    line = next(i for i, r in enumerate(rows, start=1) if r[0] == "KH năm 2023")
    write_rows(path, rows + [["KH Năm 2023", "Annual plan of 2023", "2023", ""]])
    with pytest.raises(DataError) as info:
        load_instruments(data_copy)
    assert str(info.value) == (
        f"data/instruments.csv, line {len(rows) + 1}, column 'instrument': 'KH Năm 2023' differs from the instrument "
        f"'KH năm 2023' on line {line} only in capitals or spaces; write one spelling everywhere."
    )


def test_a_long_cell_is_quoted_in_part(data_copy: Path, set_cell) -> None:
    long = "không rõ " * 2000  # 18,000 characters
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "kind", long.strip())
    err = expect_error(data_copy, rf"line {LINE_TRAINED}, column 'kind': expected one of: .*, got 'không rõ .*…'\.$")
    assert len(str(err)) < 300


def test_a_long_cell_quoted_by_a_rule_is_quoted_in_part(data_copy: Path, set_cell) -> None:
    long = "KH " + "x" * 5000
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "instrument", long)
    err = expect_error(
        data_copy, rf"line {LINE_TRAINED}, column 'instrument': only a plan or target names an instrument.*x…'\.$"
    )
    assert len(str(err)) < 300


def test_a_long_instrument_no_line_names_is_quoted_in_part(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_PLAN_2024, "instrument", "KH " + "y" * 5000)
    with pytest.raises(DataError) as info:
        load_instruments(data_copy)
    assert str(info.value) == (
        f"data/instruments.csv, column 'instrument': no line names the instrument 'KH {'y' * 57}…', which the data "
        "use; add a line with its names in Vietnamese and English."
    )


# --- an empty file, an unreadable one, a huge one, a huge cell ------------------------------------------------------


@pytest.mark.parametrize("content", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n\r\n", b"\n"])
def test_a_file_holding_only_a_byte_order_mark_is_empty(data_copy: Path, content: bytes) -> None:
    (data_copy / "figures" / "2023.csv").write_bytes(content)
    expect_error(data_copy, r"^data/figures/2023\.csv: the file is empty; expected a header line with the columns ")


def test_an_unreadable_file_is_named(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests run as root, for whom chmod 000 changes nothing: the read itself is made to fail.
    target = data_copy / "figures" / "2023.csv"
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    expect_error(
        data_copy, r"^data/figures/2023\.csv: the file cannot be read \(Permission denied\); check its permissions\.$"
    )


def test_an_unreadable_folder_is_named(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = data_copy / "figures"
    real = Path.iterdir

    def iterdir(self: Path):  # noqa: ANN202 - a generator, as Path.iterdir
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    expect_error(data_copy, r"^data/figures: the folder cannot be read \(Permission denied\); check its permissions\.$")


def test_a_folder_where_a_file_belongs_is_named(data_copy: Path) -> None:
    (data_copy / "units.csv").unlink()
    (data_copy / "units.csv").mkdir()
    expect_error(data_copy, r"^data/units\.csv: a folder, not a file\.$")


def test_an_implausibly_large_file_is_refused_before_it_is_read(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import helpers.data.csvfile as csvfile

    path = data_copy / "figures" / "2023.csv"
    with path.open("ab") as out:  # a sparse file: 40 MB on paper, no disk used
        out.truncate(40 * 2**20)
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read") if self == path else real(self))
    assert csvfile.MAX_FILE_BYTES == 10 * 2**20
    expect_error(
        data_copy,
        r"^data/figures/2023\.csv: the file is 40 MB, more than the 10 MB a data file may be \(the largest today is "
        r"well under 1 MB\), so it is probably not the data\.$",
    )


def test_a_cell_longer_than_a_spreadsheet_cell_is_refused_with_its_line(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "note", "x" * MAX_CELL_CHARS)
    assert value(load_year(2023, data_copy), "trained_labour_rate", 2023) == 70.25
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "note", "x" * (MAX_CELL_CHARS + 1))
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_TRAINED}, column 'note': the cell holds 32,768 characters, more than "
        r"the 32,767 a spreadsheet cell can hold \(the appendix's workbook would refuse it\); shorten it\.$",
    )


# --- text a spreadsheet would run, a label holding the separator of labels --------------------------------------------


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "-x", "- Phần I"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_refused(data_copy: Path, set_cell, text: str) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_TRAINED, "note", text)
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_TRAINED}, column 'note': the cell begins with '{re.escape(text[0])}', "
        r"which a spreadsheet runs as a formula when the appendix's tables are opened; reword it so that it does not "
        rf"begin with =, \+, @ or a '-' before a non-digit, got '{re.escape(text)}'\.$",
    )


def test_a_negative_number_is_not_a_formula(data_copy: Path, set_cell) -> None:
    path = data_copy / "figures" / "2023.csv"
    set_cell(path, LINE_HOUSEHOLDS, "note", "-1 on the year before")
    assert value(load_year(2023, data_copy), "credit_households", 2023) == 14966


def test_an_instrument_holding_the_separator_of_instruments_is_refused(data_copy: Path, set_cell) -> None:
    set_cell(data_copy / "figures" / "2023.csv", LINE_PLAN_2024, "instrument", "KH năm 2024; bổ sung")
    expect_error(
        data_copy,
        rf"^data/figures/2023\.csv, line {LINE_PLAN_2024}, column 'instrument': expected an instrument label without "
        r"';' followed by a space \(it joins the instruments of a goal set by several; write e\.g\. 'KH 63/KH-UBND'\), "
        r"got 'KH năm 2024; bổ sung'\.$",
    )
    rows = read_rows(data_copy / "instruments.csv")
    amended = ["KH năm 2024; bổ sung", "Annual Plan 2024, amended", "2024", ""]
    write_rows(data_copy / "instruments.csv", rows + [amended])
    with pytest.raises(DataError, match=rf"^data/instruments\.csv, line {len(rows) + 1}, column 'instrument': "):
        load_instruments(data_copy)


# --- circular derivations -------------------------------------------------------------------------------------------


def _derivation_line(data: Path, indicator: str) -> int:
    return next(i for i, r in enumerate(read_rows(data / "derivations.csv"), start=1) if r[0] == indicator)


def test_a_derivation_from_itself_is_refused(data_copy: Path, set_cell) -> None:
    from helpers.data.derivations import load_derivations

    line = _derivation_line(data_copy, "poverty_rate_change")
    set_cell(data_copy / "derivations.csv", line, "denominator", "poverty_rate_change")
    with pytest.raises(DataError) as info:
        load_derivations(data_copy)
    assert str(info.value) == (
        f"{data_copy / 'derivations.csv'}, line {line}, column 'denominator': 'poverty_rate_change' is recomputed "
        "from itself; "
        "a derived figure is recomputed from other figures (this year's and last year's poverty_rate for "
        "poverty_rate_change)."
    )


def test_derivations_in_a_circle_are_refused_naming_the_circle(data_copy: Path, set_cell) -> None:
    from helpers.data.derivations import load_derivations

    path = data_copy / "derivations.csv"
    change = _derivation_line(data_copy, "poverty_rate_change")
    reduction = _derivation_line(data_copy, "poverty_rate_reduction")
    margin = _derivation_line(data_copy, "poverty_rate_margin_vs_target")
    set_cell(path, change, "numerator", "poverty_rate_reduction")
    set_cell(path, reduction, "numerator", "poverty_rate_margin_vs_target")
    set_cell(path, margin, "denominator", "poverty_rate_change")
    assert change < margin < reduction
    with pytest.raises(DataError) as info:
        load_derivations(data_copy)
    assert str(info.value) == (
        f"{data_copy / 'derivations.csv'}, line {change}, column 'indicator_id': the rules recompute each other in "
        "a circle "
        "(poverty_rate_change from poverty_rate_reduction, poverty_rate_reduction from poverty_rate_margin_vs_target, "
        "poverty_rate_margin_vs_target from poverty_rate_change), so none of them checks anything; recompute "
        "each from figures the report prints."
    )


def test_a_comparable_result_from_itself_is_refused(data_copy: Path, set_cell) -> None:
    from helpers.data.comparable import load_comparable_results

    set_cell(data_copy / "comparable_results.csv", 2, "denominator", "children_special_circumstances_rate")
    with pytest.raises(DataError) as info:
        load_comparable_results(data_copy)
    assert str(info.value) == (
        "data/comparable_results.csv, line 2, column 'denominator': denominator names "
        "children_special_circumstances_rate, the indicator whose result it computes; a result is computed from "
        "other indicators."
    )


# --- every file checked before the first notebook ---------------------------------------------------------------


def test_the_real_data_pass_every_check() -> None:
    from helpers.data.validation import validate_all

    assert validate_all(DATA) is None


def _instrument_unnamed(data: Path, set_cell) -> str:
    set_cell(data / "figures" / "2023.csv", LINE_PLAN_2024, "instrument", "KH năm 2024 (mới)")
    return r"^data/instruments\.csv, column 'instrument': no line names the instrument 'KH năm 2024 \(mới\)'"


def _headline_unknown(data: Path, set_cell) -> str:
    set_cell(data / "headline.csv", 2, "indicator_id", "poverty_rat")
    return r"^data/headline\.csv, line 2, column 'indicator_id': expected one of the \d+ in data/indicators\.csv"


def _derivation_unknown(data: Path, set_cell) -> str:
    set_cell(data / "derivations.csv", 2, "method", "ratio")
    return r"derivations\.csv, line 2, column 'method': expected one of: percent_of, difference, share"


def _comparable_unknown(data: Path, set_cell) -> str:
    set_cell(data / "comparable_results.csv", 2, "same_measure", "maybe")
    return r"^data/comparable_results\.csv, line 2: same_measure must be yes or no\.$"


def _early_figures_bad(data: Path, set_cell) -> str:
    set_cell(data / "figures" / "2016.csv", 2, "kind", "forecast")
    return r"^data/figures/2016\.csv, line 2, column 'kind': expected one of: actual, estimate, plan, target"


def _report_row_missing(data: Path, set_cell) -> str:
    write_rows(data / "reports.csv", [r for r in read_rows(data / "reports.csv") if r[0] != "2016"])
    return r"^data/reports\.csv: no row for 2016, so the 2016 appendix does not know whose report it accompanies"


@pytest.mark.parametrize(
    "breaking",
    [
        _instrument_unnamed,
        _headline_unknown,
        _derivation_unknown,
        _comparable_unknown,
        _early_figures_bad,
        _report_row_missing,
    ],
)
def test_a_build_of_any_year_and_language_checks_every_file_before_the_first_notebook(
    data_copy: Path, set_cell, monkeypatch: pytest.MonkeyPatch, breaking
) -> None:
    from helpers.build import publish

    pattern = breaking(data_copy, set_cell)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    monkeypatch.setattr(publish, "find_notebooks", lambda folder: pytest.fail("a notebook was looked for"))
    monkeypatch.chdir(data_copy.parent)  # messages name data/… from the data folder's parent
    with pytest.raises(DataError) as info:
        publish.build([2023], "vi", outputs_dir=data_copy.parent / "outputs", progress=False)
    assert re.search(pattern, str(info.value)), str(info.value)
    assert not (data_copy.parent / "outputs").exists()


def test_a_data_folder_that_cannot_be_entered_is_named(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.stat

    def stat(self: Path, *args, **kwargs):  # noqa: ANN202 - as Path.stat
        if data_copy in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    expect_error(data_copy, r"^data/figures: the folder cannot be read \(Permission denied\); check its permissions\.$")
    with pytest.raises(DataError) as info:
        load_instruments(data_copy)
    assert str(info.value) == "data/figures: the folder cannot be read (Permission denied); check its permissions."
    from helpers.data.loading import load_reference

    with pytest.raises(DataError) as info:
        load_reference(data_copy)
    assert str(info.value) == "data/domains.csv: the file cannot be read (Permission denied); check its permissions."
