"""The publish step under faults: killed builds, two builds at once, an unusable outputs folder, signals.

A kill is simulated with the build's test hook (``APPENDIX_TEST_CRASH_AT``):
the process dies with ``os._exit`` at the named step, as SIGKILL or a power
cut would leave it, with no ``finally`` and no clean-up. The next build must
find the previous appendix (or the new one) in place and no leftovers.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers import cli
from helpers.build import outputs as outputs_module
from helpers.build import publish as build_module
from helpers.build.outputs import (
    CRASH_ENV,
    CRASH_STATUS,
    PUBLISH_STEPS,
    BuildLocked,
    Target,
    publish,
    recover,
    year_lock,
)
from helpers.build.publish import build
from helpers.data.csvfile import read_table
from helpers.errors import DataError
from tests.build.test_build import BUILD, outputs, tiny_notebooks, write_notebook  # noqa: F401  (fixtures)

HERE = Path(__file__).resolve().parents[2]


def appendix(folder: Path, text: str) -> Path:
    """A stand-in appendix folder holding one file."""
    (folder / "notebooks").mkdir(parents=True)
    (folder / "appendix.html").write_text(text, encoding="utf-8")
    return folder


def contents(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir())


def run_cli(args: list[str], root: Path, **env: str) -> subprocess.Popen[str]:
    """``python -m helpers <args>`` in a child process writing into ``root``."""
    environment = {**os.environ, "APPENDIX_OUTPUTS_DIR": str(root), **env}
    return subprocess.Popen(
        [sys.executable, "-m", "helpers", *args],
        cwd=HERE,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def message_lines(stderr: str) -> list[str]:
    """What the command said, without the progress: the notebooks' bar and the phases after it ("2023, vi: PDF…")."""
    phase = re.compile(r"^\d{4}, (vi|en): \w+…$")
    return [
        line
        for line in stderr.replace("\r", "\n").splitlines()
        if line.strip() and "Notebooks" not in line and not phase.match(line)
    ]


def running_cell(started: Path, gate: Path | None = None, seconds: int = 120) -> str:
    """A cell that says it has started (``started`` appears), then waits for ``gate`` (or ``seconds``)."""
    until = f"pathlib.Path({str(gate)!r}).exists()" if gate else "False"
    return (
        f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\nend = time.monotonic() + {seconds}\n"
        f"while not {until} and time.monotonic() < end:\n    time.sleep(0.1)"
    )


def wait_for(condition, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


# Killed at each step of the swap ---------------------------------------------------


@pytest.mark.parametrize("step", PUBLISH_STEPS)
def test_a_publish_killed_at_any_step_is_repaired_by_the_next_build(tmp_path: Path, step: str) -> None:
    root = tmp_path / "outputs"
    target = Target(2023, "vi", root)
    appendix(target.folder, "old")
    work = appendix(root / ".build-2023-abcd1234", "new")
    code = (
        "import sys; from pathlib import Path; from helpers.build.outputs import publish; "
        "publish(Path(sys.argv[1]), Path(sys.argv[2]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(work), str(target.folder)],
        env={**os.environ, CRASH_ENV: step},
        capture_output=True,
        text=True,
    )
    assert done.returncode == CRASH_STATUS, done.stderr
    if step == "publish-old-moved":  # the window the issue names: no appendix, the old one set aside
        assert contents(root) == [".build-2023-abcd1234", ".old-2023"]

    with year_lock(target):
        recover(target)
    expected = "new" if step == "publish-new-in-place" else "old"
    assert (target.folder / "appendix.html").read_text(encoding="utf-8") == expected
    assert contents(root) == ["2023"]


def test_publish_without_a_crash_leaves_only_the_new_appendix(tmp_path: Path) -> None:
    root = tmp_path / "outputs"
    appendix(root / "2023", "old")
    publish(appendix(root / ".build-2023-x1", "new"), root / "2023")
    assert (root / "2023" / "appendix.html").read_text(encoding="utf-8") == "new"
    assert contents(root) == ["2023"]
    publish(appendix(root / ".build-2023-x2", "first"), root / "2024")  # nothing to replace
    assert contents(root) == ["2023", "2024"]


def test_recovery_touches_only_its_own_folder(tmp_path: Path) -> None:
    root = tmp_path / "outputs"
    appendix(root / ".old-2023-k2j4x9aa", "older build's name")  # the names builds before this one used
    appendix(root / ".build-2023-q1w2e3r4", "killed")
    appendix(root / ".build-2023-en-q1w2e3r4", "the English build's")
    appendix(root / ".old-2023-en", "the English appendix")
    recover(Target(2023, "vi", root))
    assert contents(root) == [".build-2023-en-q1w2e3r4", ".old-2023-en", "2023"]
    assert (root / "2023" / "appendix.html").read_text(encoding="utf-8") == "older build's name"
    recover(Target(2023, "en", root))
    assert contents(root) == ["2023", "2023-en"]


@BUILD
def test_a_killed_build_then_a_failing_one_keeps_the_previous_appendix(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    before = {p.relative_to(outputs): p.read_bytes() for p in (outputs / "2023").rglob("*") if p.is_file()}

    child = run_cli(
        ["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)], outputs, **{CRASH_ENV: "publish-old-moved"}
    )
    child.communicate(timeout=300)
    assert child.returncode == CRASH_STATUS
    assert not (outputs / "2023").exists() and (outputs / ".old-2023" / "appendix.html").exists()

    write_notebook(tiny_notebooks / "01_boom.ipynb", ["raise ValueError('boom')"])
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 1
    err = message_lines(capsys.readouterr().err)
    assert err[0].startswith("error: The appendix for 2023, vi was not built") and "is unchanged" in err[0]
    after = {p.relative_to(outputs): p.read_bytes() for p in (outputs / "2023").rglob("*") if p.is_file()}
    assert after == before
    assert contents(outputs) == [".failed", "2023"]


@BUILD
def test_a_build_killed_while_running_leaves_a_work_folder_the_next_build_removes(
    tiny_notebooks: Path, outputs: Path
) -> None:
    started = tiny_notebooks.parent / "started"
    write_notebook(tiny_notebooks / "01_slow.ipynb", [running_cell(started)])
    child = run_cli(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks), "--jobs", "1"], outputs)
    wait_for(started.exists)
    child.kill()  # SIGKILL: no clean-up at all
    child.communicate(timeout=60)
    assert any(p.name.startswith(".build-2023-") for p in outputs.iterdir())

    (tiny_notebooks / "01_slow.ipynb").unlink()
    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    assert contents(outputs) == ["2023"]


# Two builds at once -------------------------------------------------------------------


@BUILD
def test_a_second_build_of_the_same_year_is_refused_in_one_sentence(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started, gate = tiny_notebooks.parent / "started", tiny_notebooks.parent / "gate"
    write_notebook(tiny_notebooks / "01_slow.ipynb", [running_cell(started, gate)])
    first = run_cli(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)], outputs)
    wait_for(started.exists)  # the first build holds the lock until the gate opens

    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"error: Another build of the appendix for 2023, vi is running (process {first.pid}) and holds "
        f"{outputs / '.lock-2023'}; wait for it to finish, then build again."
    )

    gate.touch()
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert contents(outputs) == ["2023"]  # the lock file goes with the build that held it
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 0


def test_the_lock_is_per_folder_and_released_on_exit(tmp_path: Path) -> None:
    root = tmp_path / "outputs"
    root.mkdir()
    vi, en = Target(2023, "vi", root), Target(2023, "en", root)
    with year_lock(vi):
        with (
            pytest.raises(BuildLocked, match=r"^Another build of the appendix for 2023, vi is running \(process \d+\)"),
            year_lock(vi),
        ):
            pass
        with year_lock(en):  # another folder: no conflict
            assert (root / ".lock-2023-en").exists()
    assert contents(root) == []
    with year_lock(vi):
        pass


# The outputs folder, the disk, the data -------------------------------------------------


def test_an_outputs_that_is_a_file_is_refused_in_one_sentence(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs.write_text("not a folder", encoding="utf-8")
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"error: {outputs} is not a folder; move that file away or set APPENDIX_OUTPUTS_DIR to a folder "
        "(nothing was built)."
    )


@pytest.mark.parametrize(
    ("code", "said"), [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system")]
)
def test_an_outputs_that_cannot_be_written_is_refused_in_one_sentence(
    tiny_notebooks: Path,
    outputs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    said: str,
) -> None:
    # The tests run as root, for whom chmod 555 changes nothing: the refusal the kernel would give is raised instead,
    # for the outputs folder only (the build's copy of data/ goes to the temporary folder, which stays writable).
    mkdtemp = outputs_module.tempfile.mkdtemp

    def refused(*args: object, dir: str | None = None, **kwargs: object) -> str:  # noqa: A002  (mkdtemp's name)
        if dir is None:
            return mkdtemp(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError(code, os.strerror(code), str(outputs / ".build-2023-x"))

    monkeypatch.setattr(outputs_module.tempfile, "mkdtemp", refused)
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"error: {outputs} cannot be written to ({said}: {outputs / '.build-2023-x'}); make it writable or "
        "set APPENDIX_OUTPUTS_DIR to a folder you can write to (nothing was built)."
    )
    assert contents(outputs) == []


@BUILD
def test_a_full_disk_during_assembly_ends_in_one_sentence_and_keeps_the_previous_appendix(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    before = (outputs / "2023" / "appendix.xlsx").read_bytes()

    def full(tables: object, csv_dir: Path, target: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(build_module.workbook, "write_xlsx", full)
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    err = message_lines(capsys.readouterr().err)
    assert len(err) == 1
    assert err[0].startswith(
        f"error: The disk holding {outputs} is full (no space left while writing {outputs}/.build-2023-"
    )
    assert err[0].endswith(f"/appendix.xlsx); free some space and build again ({outputs / '2023'} is unchanged).")
    assert (outputs / "2023" / "appendix.xlsx").read_bytes() == before
    assert contents(outputs) == ["2023"]


def test_a_field_over_the_csv_limit_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\nx,y\nz," + "w" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_table(path, ["a", "b"])
    assert str(caught.value) == (
        f"{path}, line 3: a field is longer than 131,072 characters, the most a CSV field may "
        "hold here; shorten it (a note belongs in a few sentences)."
    )


def test_a_field_over_the_csv_limit_in_the_data_ends_in_one_sentence(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import read_rows, write_rows

    path = data_copy / "figures" / "2023.csv"
    rows = read_rows(path)
    rows[4][rows[0].index("note")] = "chú thích " * 20_000
    write_rows(path, rows)
    done = subprocess.run(
        [sys.executable, "-m", "helpers", "summary", "--year", "2023"],
        cwd=HERE,
        env={**os.environ, "APPENDIX_DATA_DIR": str(data_copy)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: data/figures/2023.csv, line 5: a field is longer than 131,072 characters, the most a CSV field "
        "may hold here; "
        "shorten it (a note belongs in a few sentences)."
    ]


# Signals ----------------------------------------------------------------------------------


@BUILD
@pytest.mark.parametrize(("signum", "name"), [(signal.SIGTERM, "SIGTERM"), (signal.SIGINT, "Ctrl-C")])
def test_a_signal_prints_one_line_and_leaves_the_previous_appendix(
    tiny_notebooks: Path, outputs: Path, signum: int, name: str
) -> None:
    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    before = (outputs / "2023" / "appendix.html").read_bytes()
    started = tiny_notebooks.parent / "started"
    write_notebook(tiny_notebooks / "01_slow.ipynb", [running_cell(started, seconds=300)])
    child = run_cli(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks), "--jobs", "1"], outputs)
    wait_for(started.exists)  # the slow notebook is running
    signalled = time.monotonic()
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=120)
    assert time.monotonic() - signalled < 120  # the running notebook (300 s) is stopped, not waited for
    assert child.returncode == 128 + signum
    assert "Traceback" not in stderr
    assert message_lines(stderr) == [
        f"error: Stopped by {name}; every appendix not yet finished is as it was before this command."
    ]
    assert (outputs / "2023" / "appendix.html").read_bytes() == before
    assert contents(outputs) == ["2023"]


@BUILD
def test_executed_notebooks_are_byte_identical_build_to_build(tiny_notebooks: Path, outputs: Path) -> None:
    first = build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)[0]
    notebook = (first / "notebooks" / "00_tiny.ipynb").read_bytes()
    second = build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)[0]
    assert (second / "notebooks" / "00_tiny.ipynb").read_bytes() == notebook
    assert b".build-" not in notebook
    executed = nbformat.reads(notebook.decode("utf-8"), as_version=4)
    assert executed.metadata.papermill.parameters["output_dir"] == ".."
    assert executed.metadata.papermill.output_path == "00_tiny.ipynb"
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected[0].id == "injected-parameters" and 'output_dir = ".."' in injected[0].source


def test_a_field_over_the_csv_limit_stops_the_build_in_one_sentence_before_any_notebook(
    data_copy: Path,
    tiny_notebooks: Path,
    outputs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import read_rows, write_rows

    path = data_copy / "figures" / "2023.csv"
    rows = read_rows(path)
    rows[1][rows[0].index("note")] = "x" * 140_000
    write_rows(path, rows)
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "error: data/figures/2023.csv, line 2: a field is longer than 131,072 characters, the most a CSV field "
        "may hold "
        "here; shorten it (a note belongs in a few sentences)."
    ]
    assert not outputs.exists()
