"""Notebooks that behave as Jupyter users expect (issue 15 item 5): each chart shown once, hand-off cells tagged,
the house style kept to the project's own charts, nbval seeing a changed chart, parameters refused in one sentence.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest
from matplotlib.figure import Figure

from helpers.errors import DataError, UsageError
from helpers.paths import PROJECT_ROOT
from helpers.present import charts, house, record, report
from helpers.present.fingerprint import chart_title, describe, fingerprint
from helpers.present.handoff import FIGURE_MIME, HANDOFF_TAG

NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TREND = pd.DataFrame({"period": [2021, 2022, 2023], "value": [3.1, 2.6, 2.2], "series": "Tỷ lệ hộ nghèo"})


def _trend(title: str = "Tỷ lệ hộ nghèo giảm", values: tuple[float, ...] = (3.1, 2.6, 2.2)) -> Figure:
    data = TREND.assign(value=list(values))
    return charts.line_chart(data, title=title, y_label="%", source="Sở LĐTBXH", lang="vi")


# The house style ------------------------------------------------------------------------------------------------


def test_importing_helpers_leaves_matplotlibs_settings_alone() -> None:
    code = (
        "import matplotlib, warnings\n"
        "before = {k: v for k, v in matplotlib.rcParams.items() if k != 'backend'}\n"
        "import helpers.present.report, helpers.present.goal_charts, helpers.present.sparklines\n"
        "after = {k: v for k, v in matplotlib.rcParams.items() if k != 'backend'}\n"
        "print(sorted(k for k in before if before[k] != after[k]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_the_house_style_is_the_projects_charts_own() -> None:
    fig = _trend()
    title = fig.findobj(lambda a: getattr(a, "get_gid", lambda: None)() == house.TITLE_GID)[0]
    assert title.get_fontsize() == house.house_rc()["axes.titlesize"] and title.get_fontweight() == "bold"
    mine = Figure().subplots()  # an analyst's chart after the project's: matplotlib's defaults
    mine.set_title("Của tôi")
    assert mine.title.get_fontweight() == matplotlib.rcParamsDefault["axes.titleweight"] == "normal"
    assert matplotlib.rcParams["axes.titleweight"] == "normal"


def test_a_title_the_analyst_sets_replaces_the_house_title() -> None:
    fig = _trend()
    ax = fig.axes[0]
    ax.set_title("Tiêu đề của tôi")
    assert [t for t in (ax.get_title("left"), ax.get_title("center"), ax.get_title("right")) if t] == [
        "Tiêu đề của tôi"
    ]
    ax.set_title("Lần nữa")  # and again: still one title
    assert [ax.get_title(loc) for loc in ("left", "center", "right")].count("") == 2
    ax.set_title("Ở giữa", loc="center")  # a title placed elsewhere on purpose takes the house title's place too
    assert [ax.get_title(loc) for loc in ("left", "center", "right")] == ["", "Ở giữa", ""]


# The fingerprint ------------------------------------------------------------------------------------------------


def test_the_fingerprint_is_the_same_for_the_same_chart_and_changes_with_its_title_or_data() -> None:
    same = fingerprint(_trend())
    assert len(same) == 12 and same == fingerprint(_trend())
    assert fingerprint(_trend(title="REGRESSED Tỷ lệ hộ nghèo giảm")) != same
    assert fingerprint(_trend(values=(3.1, 2.6, 2.3))) != same
    retitled = _trend()
    retitled.axes[0].set_title("Khác")
    assert fingerprint(retitled) != same and chart_title(retitled) == "Khác"


def test_the_fingerprint_reads_bars_and_the_source_line() -> None:
    data = pd.DataFrame({"category": ["A", "B", "C"], "value": [1, 2, 3]})
    fig = charts.bar_chart(data, title="Ba cột", x_label="x", source="Nguồn một", lang="vi")
    found = describe(fig)
    assert any("Nguồn một" in t for t in found["texts"])
    assert len(found["axes"][0]["bars"]) == 3
    other = charts.bar_chart(data.assign(value=[1, 2, 4]), title="Ba cột", x_label="x", source="Nguồn một", lang="vi")
    assert fingerprint(other) != fingerprint(fig)


# The hand-off ---------------------------------------------------------------------------------------------------


def test_rep_figure_hands_the_chart_over_without_showing_it_again(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[object, dict]] = []
    monkeypatch.setattr(report, "display", lambda obj, **kwargs: shown.append((obj, kwargs)))
    rep = report.Report("01_poverty", 2023, "vi")
    fig = _trend()
    rep.figure(fig, "poverty_rate_trend", caption="Chú thích")
    [(bundle, kwargs)] = shown
    assert set(bundle) == {FIGURE_MIME, "text/plain"} and kwargs["raw"] is True
    assert kwargs["metadata"] == {"tags": [HANDOFF_TAG]}
    assert bundle["text/plain"] == f"01_poverty_poverty_rate_trend · {fingerprint(fig)} · Tỷ lệ hộ nghèo giảm"
    assert 'class="appendix-figure"' in bundle[FIGURE_MIME] and "data:image/png;base64," in bundle[FIGURE_MIME]
    # The build reads the figure from the record (helpers.present.record), which holds what the notebook showed.
    assert bundle[FIGURE_MIME] == record.item_html(rep.items[-1])


# Parameters -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "lang", "output_dir", "message"),
    [
        ("abc", "vi", "", r"^The parameter year must be a whole number such as 2023, not 'abc'\.$"),
        (2023.5, "vi", "", r"^The parameter year must be a whole number such as 2023, not 2023\.5\.$"),
        (True, "vi", "", r"^The parameter year must be a whole number"),
        (2023, 1, "", r"^The parameter lang must be a language code such as 'vi', not 1\.$"),
        (2023, "fr", "", r"^Unknown language 'fr'; use one of: vi, en\.$"),
        (2023, "vi", 5, r"^The parameter output_dir must be a folder's path \(or empty\), not 5\.$"),
    ],
)
def test_a_parameter_of_the_wrong_type_is_refused_in_one_sentence(
    year: object, lang: object, output_dir: object, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        report.check_parameters(year, lang, output_dir, injected=[])


def test_good_parameters_pass() -> None:
    report.check_parameters("2023", "en", Path("out"), injected=["year", "lang"])
    report.check_parameters(2023, "vi", "", injected=[])
    report.check_parameters(2023, "vi", "", injected=["year", "PAPERMILL_INPUT_PATH", "PAPERMILL_OUTPUT_PATH"])
    report.check_parameters(2023, "vi", "", injected=["year", "lang", "output_dir", "as_of"], as_of="2026-06-30")


def test_an_as_of_that_is_not_text_is_refused_in_one_sentence() -> None:
    with pytest.raises(
        UsageError, match=r"^The parameter as_of must be a date written YYYY-MM-DD \(or empty\), not 20260630\.$"
    ):
        report.check_parameters(2023, "vi", "", injected=["as_of"], as_of=20260630)


def test_an_unknown_parameter_name_is_refused_in_one_sentence() -> None:
    history = ["", "year = 2023\n", "# Parameters\nyear = 2023\nyeer = 2024\n", "from helpers import x"]
    assert report.injected_parameters(history) == ["year", "yeer"]
    with pytest.raises(
        UsageError,
        match=r"^The notebooks take no parameter named 'yeer'; their parameters are year, lang, output_dir, as_of\.$",
    ):
        report.check_parameters(2023, "vi", "", injected=report.injected_parameters(history))
    assert report.injected_parameters(["year = 1\n"]) == []


def test_a_notebook_shows_the_projects_errors_as_their_one_sentence() -> None:
    assert UsageError("Bad value.")._render_traceback_() == ["UsageError: Bad value."]
    assert DataError("data/x.csv", "no", row=3)._render_traceback_() == ["DataError: data/x.csv, line 3: no."]


# The notebooks --------------------------------------------------------------------------------------------------

HANDOFF_CALLS = {"figure", "table", "notes", "text"}


def _hands_off(statement: ast.stmt) -> bool:
    """``rep.figure(…)``, ``rep.table(…)``, ``rep.notes(…)``, ``rep.text(…)``, or a section's ``*_notes(rep, …)``
    or ``hand_off(rep, …)``."""
    if not (isinstance(statement, ast.Expr) and isinstance(call := statement.value, ast.Call)):
        return False
    if not isinstance(call.func, ast.Attribute):
        return False
    if isinstance(call.func.value, ast.Name) and call.func.value.id == "rep":
        return call.func.attr in HANDOFF_CALLS
    first = call.args[0] if call.args else None
    named = call.func.attr == "hand_off" or call.func.attr.endswith("_notes")
    return named and isinstance(first, ast.Name) and first.id == "rep"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_hand_off_cells_and_only_they_are_tagged(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    tagged = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        body = ast.parse(cell.source).body
        hands_off = bool(body) and all(_hands_off(s) for s in body)
        tags = cell.metadata.get("tags", [])
        assert (HANDOFF_TAG in tags) == hands_off, f"{path.name}: {cell.source[:60]!r}"
        tagged += hands_off
    assert tagged, f"{path.name} has no hand-off cell"


def test_papermill_and_nbconvert_give_a_clean_report_with_each_chart_once(tmp_path: Path) -> None:
    """What a Jupyter user does: papermill, then nbconvert without the hand-off cells and without code."""
    import papermill as pm
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    executed = tmp_path / "01_poverty.ipynb"
    pm.execute_notebook(
        str(PROJECT_ROOT / "notebooks" / "01_poverty.ipynb"),
        str(executed),
        parameters={"year": 2023, "lang": "vi"},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(PROJECT_ROOT / "notebooks"),
    )
    notebook = nbformat.read(executed, as_version=4)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    handed = [o for o in outputs if FIGURE_MIME in o.get("data", {})]
    assert handed and all("image/png" not in o["data"] for o in handed)
    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = {HANDOFF_TAG}
    # a part that hands off a varying number of charts (one per district) does so in its own cell: its outputs
    # carry the tag instead
    config.TagRemovePreprocessor.remove_single_output_tags = {HANDOFF_TAG}
    config.TagRemovePreprocessor.enabled = True
    config.HTMLExporter.exclude_input = True
    page, _ = HTMLExporter(config=config).from_notebook_node(notebook)
    assert page.count("<img ") == len(handed)  # each chart once: where its own cell returned it
    assert "rep.figure" not in page and "rep.table" not in page
    assert not any(o["data"]["text/plain"] in page for o in handed)  # no hand-off line either


@pytest.mark.parametrize(
    ("parameters", "sentence"),
    [
        ({"year": "abc"}, "UsageError: The parameter year must be a whole number such as 2023, not 'abc'."),
        ({"yeer": 2023}, "UsageError: The notebooks take no parameter named 'yeer'"),
    ],
)
def test_papermill_with_a_bad_parameter_ends_in_one_sentence(tmp_path: Path, parameters: dict, sentence: str) -> None:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as failure:
        pm.execute_notebook(
            str(PROJECT_ROOT / "notebooks" / "05_data_quality.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(PROJECT_ROOT / "notebooks"),
        )
    [line] = failure.value.traceback
    assert line.startswith(sentence)


def test_make_lab_works_on_scratch_copies_and_keeps_an_analysts_edits(tmp_path: Path) -> None:
    lab = tmp_path / "lab"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    make = ["make", "-s", "--no-print-directory", "-C", str(PROJECT_ROOT), "lab-notebooks", f"LAB_DIR={lab}"]
    subprocess.run(make, check=True, capture_output=True, env=env)
    assert sorted(p.name for p in lab.iterdir()) == [p.name for p in NOTEBOOKS]
    (lab / NOTEBOOKS[0].name).write_text("explored", encoding="utf-8")
    subprocess.run(make, check=True, capture_output=True, env=env)
    assert (lab / NOTEBOOKS[0].name).read_text(encoding="utf-8") == "explored"
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LAB_DIR  ?= outputs/lab" in makefile and "--ServerApp.root_dir=$(LAB_DIR)" in makefile


def test_nbval_compares_the_fingerprint_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sanitizers nbval runs (tests/nbval_sanitize.cfg) leave the hand-off's text line as it is."""
    import configparser
    import re

    shown: list[dict] = []
    monkeypatch.setattr(report, "display", lambda obj, **kwargs: shown.append(obj))
    report.Report("01_poverty", 2023, "vi").figure(_trend(), "poverty_rate_trend", caption="Chú thích")
    config = configparser.ConfigParser()
    config.read(PROJECT_ROOT / "tests" / "nbval_sanitize.cfg", encoding="utf-8")
    line = shown[0]["text/plain"]
    sanitized = line
    for section in config.sections():
        sanitized = re.sub(config[section]["regex"], config[section]["replace"], sanitized)
    assert sanitized == line and fingerprint(_trend()) in line
