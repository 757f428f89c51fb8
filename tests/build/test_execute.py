"""Unit tests of the notebook runner's pieces that need no kernel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.build.execute import NotebookFailure, NotebookJob, _cell_number, find_notebooks, run_notebooks
from helpers.errors import UsageError


def test_find_notebooks_takes_the_numbered_ones_in_order(tmp_path: Path) -> None:
    for name in ("02_b.ipynb", "00_a.ipynb", "scratch.ipynb", "Untitled.ipynb", "01_c.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in find_notebooks(tmp_path)] == ["00_a.ipynb", "02_b.ipynb"]
    with pytest.raises(UsageError, match="no notebooks"):
        find_notebooks(tmp_path / "empty")


def test_cell_number_counts_in_the_source_notebook(tmp_path: Path) -> None:
    cells = [
        {"metadata": {"tags": ["papermill-error-cell-tag"]}},
        {"metadata": {"tags": ["parameters"]}},
        {"metadata": {"tags": ["injected-parameters"]}},
        {"metadata": {}},
        {"metadata": {"tags": ["papermill-error-cell-tag"]}},
        {"metadata": {}},
    ]
    executed = tmp_path / "x.ipynb"
    executed.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    # papermill's index 3 is the 4th cell as run (with the injected one): the 3rd of the source notebook.
    assert _cell_number(executed, 3) == 3
    assert _cell_number(tmp_path / "missing.ipynb", 3) == 4


def test_failure_message_is_a_few_lines() -> None:
    job = NotebookJob(Path("notebooks/03_x.ipynb"), Path("/tmp/out/03_x.ipynb"), {"year": 2023}, "2023, vi")
    failure = NotebookFailure(
        job,
        "KeyError",
        "'poverty_rate'",
        cell_number=5,
        exec_count=4,
        first_line="show(rep)",
        kept_at=Path("/tmp/out/03_x.ipynb"),
    )
    assert failure.message().splitlines() == [
        "notebook 03_x (2023, vi) failed",
        "  in cell 5, In [4]: show(rep)",
        "  KeyError: 'poverty_rate'",
        "  the executed notebook is kept at /tmp/out/03_x.ipynb",
    ]
    assert NotebookFailure(job, "DeadKernelError", "Kernel died").message().splitlines()[1:] == [
        "  DeadKernelError: Kernel died"
    ]


def test_run_notebooks_reports_a_notebook_that_cannot_be_read(tmp_path: Path) -> None:
    source = tmp_path / "00_broken.ipynb"
    source.write_text("not json", encoding="utf-8")
    done: list[tuple[int, bool]] = []
    failures = run_notebooks(
        [NotebookJob(source, tmp_path / "out" / "00_broken.ipynb")],
        1,
        progress=False,
        on_done=lambda i, f: done.append((i, f is not None)),
    )
    assert len(failures) == 1 and failures[0].job.name == "00_broken" and failures[0].cell_number is None
    assert done == [(0, True)]


def test_executed_notebooks_carry_no_clock_time(tmp_path: Path) -> None:
    import json

    from helpers.build.normalise import strip_clock_times

    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 1,
                "id": "a",
                "outputs": [],
                "source": "1",
                "metadata": {
                    "execution": {"iopub.execute_input": "2026-11-26T03:10:42Z"},
                    "papermill": {
                        "duration": 0.1,
                        "start_time": "2026",
                        "end_time": "2026",
                        "status": "completed",
                        "exception": False,
                    },
                },
            }
        ],
        "metadata": {"papermill": {"duration": 8.2, "start_time": "2026", "end_time": "2026", "version": "2.7.0"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    strip_clock_times(path)
    text = path.read_text(encoding="utf-8")
    assert "2026" not in text and "duration" not in text
    assert '"status": "completed"' in text and '"version": "2.7.0"' in text
