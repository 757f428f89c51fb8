"""The structured record a notebook hands the build: written by Report, read back whole, refused in one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers.present import record, report
from helpers.present.record import Column, Figure, Findings, Heading, Paragraph, RecordError, Table, read_record


def _report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> report.Report:
    monkeypatch.setattr(report, "display", lambda obj, **kwargs: None)
    return report.Report("01_poverty", 2023, "vi", tmp_path)


def test_report_writes_every_thing_shown_in_order_and_reads_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rep = _report(tmp_path, monkeypatch)
    rep.section("title")
    rep.findings(["Một câu <có> dấu.", "Hai."])
    rep.text("Một đoạn.")
    rep.notes(["Ghi chú."])
    frame = pd.DataFrame({"Chỉ tiêu": ["Hộ nghèo", None], "Giá trị": ["14.966", "70,25%"]})
    raw = pd.DataFrame({"indicator_id": ["poor_households", "x"], "value": [14966, 70.25]})
    rep.table(frame, "households", caption="Bảng hộ", source_ids=["sldtbxh_2023_report"], raw=raw)
    path = tmp_path / "record" / "01_poverty.jsonl"
    found = read_record(path)
    assert (found.notebook, found.year, found.lang) == ("01_poverty", 2023, "vi")
    assert found.items == tuple(rep.items)
    kinds = [type(i) for i in found.items]
    assert kinds == [Heading, Findings, Paragraph, Paragraph, Table]  # the waiting title comes before the findings
    table = found.items[-1]
    assert isinstance(table, Table)
    assert table.header == ("Chỉ tiêu", "Giá trị") and table.rows == (("Hộ nghèo", "14.966"), ("–", "70,25%"))
    assert table.columns == (Column("indicator_id", "string"), Column("value", "number"))
    assert table.csv == "tables/01_poverty_households.csv" and (tmp_path / table.csv).is_file()
    assert table.source.startswith("Nguồn: ")
    # What the notebook showed is the record's own HTML.
    assert [s.html for s in rep.shown if s.kind != "findings"] == [
        record.item_html(i) for i in rep.items if not isinstance(i, Findings)
    ]


def test_a_new_report_starts_its_record_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _report(tmp_path, monkeypatch).text("Lần một.")
    _report(tmp_path, monkeypatch).text("Lần hai.")
    assert read_record(tmp_path / "record" / "01_poverty.jsonl").items == (Paragraph("Lần hai."),)


def test_a_figure_is_recorded_with_its_files_caption_and_screen_image(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.present import charts

    rep = _report(tmp_path, monkeypatch)
    data = pd.DataFrame({"category": ["A", "B"], "value": [1, 2]})
    rep.figure(charts.bar_chart(data, title="Hai cột", x_label="x", source="Nguồn", lang="vi"), "bars", caption="Cột")
    [figure] = read_record(tmp_path / "record" / "01_poverty.jsonl").items
    assert isinstance(figure, Figure)
    assert (figure.id, figure.caption, figure.alt) == ("01_poverty_bars", "Cột", "Cột")
    assert (tmp_path / figure.svg).is_file() and (tmp_path / figure.png).is_file()
    assert figure.screen_png and rep.shown[-1].html == record.item_html(figure)


def test_the_record_shows_a_table_as_pandas_did() -> None:
    frame = pd.DataFrame({"A  b": ['x<&"y  z', None], "C": [1.5, np.nan], "D": [1, 2], "E": [0.123456789, 12345.5]})
    header, rows = report.shown_cells(frame)
    table = Table("t", "c", "s", header, rows)
    pandas_html = frame.to_html(index=False, escape=True, border=0, classes="appendix-table", na_rep="–")
    assert record.table_markup(table) == pandas_html
    assert rows[1] == ("–", "–", "2", "12345.500000")


def _write(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "01_p.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


HEAD = {"schema": record.SCHEMA, "notebook": "01_p", "year": 2023, "lang": "vi"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"kind": "chart"}, r"line 2: field 'kind' is 'chart', not one of figure, findings, heading, table, text\.$"),
        ({"kind": "heading", "level": 7, "id": "a", "text": "A"}, r"line 2: field 'level' must be a whole number"),
        ({"kind": "heading", "level": 2, "text": "A"}, r"line 2: field 'id' is missing from a heading\.$"),
        ({"kind": "text", "text": "A", "colour": "red"}, r"line 2: field 'colour' is not a field of a text\.$"),
        ({"kind": "text", "text": 3}, r"line 2: field 'text' must be text, not int\.$"),
        ({"kind": "text", "text": "A", "style": "loud"}, r"line 2: field 'style' is 'loud', not one of text"),
        (
            {"kind": "table", "id": "t", "caption": "c", "source": "s", "header": ["a", "b"], "rows": [["1"]]},
            r"line 2: field 'rows' has a row of 1 cells under a header of 2\.$",
        ),
        (
            {
                "kind": "table",
                "id": "t",
                "caption": "c",
                "source": "s",
                "header": ["a"],
                "rows": [["1"]],
                "columns": [{"name": "a", "datatype": "float"}],
            },
            r"line 2: field 'columns' has the datatype 'float', not one of",
        ),
    ],
)
def test_a_bad_record_line_is_refused_in_one_sentence_naming_file_line_and_field(
    tmp_path: Path, line: dict, message: str
) -> None:
    path = _write(tmp_path, HEAD, line)
    with pytest.raises(RecordError, match=r"^The record .*01_p\.jsonl, " + message) as err:
        read_record(path)
    assert str(err.value).count(". ") == 0 and "\n" not in str(err.value)


def test_a_record_without_its_head_or_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match=r"^The record x\.jsonl, line 1, does not start a record of schema 1\.$"):
        read_record(_write(tmp_path, {"kind": "text", "text": "A"}), shown_as="x.jsonl")
    with pytest.raises(RecordError, match=r"is missing: the notebook ran without output_dir or failed\.$"):
        read_record(tmp_path / "none.jsonl")
    (tmp_path / "bad.jsonl").write_text(json.dumps(HEAD) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"bad\.jsonl, line 2, is not JSON"):
        read_record(tmp_path / "bad.jsonl")
