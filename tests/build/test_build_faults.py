"""The build under the faults of issue 18: data edited during a build, full disks, an unusable ``.failed``,
a lock file deleted under a running build, few file descriptors, paths of the machine in the outputs.

Each fault ends in one sentence (or is built right), and the previous appendix stays as it was.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import cli
from helpers.build.execute import NotebookFailure, NotebookJob, open_files_needed
from helpers.build.failures import keep_failed
from helpers.build.outputs import BuildLocked, OutputsError, Target, recover, work_folder
from helpers.build.publish import build
from tests.build.test_build import BUILD, outputs, tiny_notebooks, write_notebook  # noqa: F401  (fixtures)
from tests.build.test_publish import HERE, contents, message_lines, run_cli, running_cell, wait_for

ORIGINAL_ROW = '2.27,,,"2,27%",sldtbxh_2023_report'
EDITED_ROW = '2.28,,,"2,28%",sldtbxh_2023_report'


def edit_then_read(figures: Path) -> list[str]:
    """Cells that change the 2023 poverty rate in ``figures`` (the data folder the user edits) mid-build, then
    read it back through the helpers: the notebook must still see the value the build started with."""
    return [
        f"import pathlib\npath = pathlib.Path({str(figures)!r})\n"
        f"path.write_text(path.read_text(encoding='utf-8').replace({ORIGINAL_ROW!r}, {EDITED_ROW!r}), "
        "encoding='utf-8')",
        "from helpers.data.loading import load_year\nf = load_year(2023)\n"
        "rate = f[(f.indicator_id == 'poverty_rate') & (f.source_id == 'sldtbxh_2023_report')\n"
        "         & (f.period.astype(str) == '2023')]\n"
        "assert rate.value.tolist() == [2.27], rate.value.tolist()",
    ]


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own folder as the system's temporary folder (where a build copies data/)."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


# 1. Data edited during a build ------------------------------------------------------------------------


@BUILD
def test_data_edited_during_a_build_are_not_seen_and_the_build_is_refused_in_one_sentence(
    data_copy: Path,
    tiny_notebooks: Path,
    outputs: Path,
    temp: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    before = {p.relative_to(outputs): p.read_bytes() for p in (outputs / "2023").rglob("*") if p.is_file()}

    figures = data_copy / "figures" / "2023.csv"
    assert ORIGINAL_ROW in figures.read_text(encoding="utf-8")
    write_notebook(tiny_notebooks / "01_edit.ipynb", edit_then_read(figures))
    # Status 1 would be the notebook's assertion: the kernel read the edited file instead of the snapshot.
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    assert message_lines(capsys.readouterr().err) == [
        f"error: data/figures/2023.csv changed while the appendix was being built, so it was not published "
        f"({outputs / '2023'} is unchanged); build again once the data are saved."
    ]
    assert EDITED_ROW in figures.read_text(encoding="utf-8")  # the edit is the user's: the build never undoes it
    after = {p.relative_to(outputs): p.read_bytes() for p in (outputs / "2023").rglob("*") if p.is_file()}
    assert after == before
    assert contents(outputs) == ["2023"]
    assert os.environ["APPENDIX_DATA_DIR"] == str(data_copy)  # the snapshot's variable is put back
    assert list(temp.glob("appendix-data-*")) == []  # and the snapshot removed

    # Built again, the appendix carries the new figures file's checksum in the methods note.
    (tiny_notebooks / "01_edit.ipynb").unlink()
    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    import hashlib

    digest = hashlib.sha256(figures.read_bytes()).hexdigest()[:12]
    assert digest in (outputs / "2023" / "appendix.html").read_text(encoding="utf-8")


def test_the_snapshot_compares_the_data_files_not_the_editors_working_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.build.snapshot import DataChanged, data_snapshot

    data = tmp_path / "data"
    (data / "figures").mkdir(parents=True)
    (data / "figures" / "2023.csv").write_text("a\n", encoding="utf-8")
    (data / ".DS_Store").write_text("x", encoding="utf-8")
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data))
    with data_snapshot() as snapshot:
        assert os.environ["APPENDIX_DATA_DIR"] == str(snapshot.copy) and snapshot.copy.name == "data"
        assert sorted(p.relative_to(snapshot.copy).as_posix() for p in snapshot.copy.rglob("*")) == [
            "figures",
            "figures/2023.csv",
        ]
        (data / "figures" / ".~lock.2023.csv#").write_text("opened in LibreOffice", encoding="utf-8")
        (data / "figures" / "~$2023.xlsx").write_text("opened in Excel", encoding="utf-8")
        (data / ".ipynb_checkpoints").mkdir()
        (data / ".ipynb_checkpoints" / "README-checkpoint.md").write_text("x", encoding="utf-8")
        snapshot.check("nothing was published")  # a file opened, not changed
        (data / "figures" / "2024.csv").write_text("b\n", encoding="utf-8")
        (data / "figures" / "2023.csv").unlink()
        with pytest.raises(DataChanged) as caught:
            snapshot.check("outputs/2023 is unchanged")
        assert str(caught.value) == (
            "data/figures/2023.csv and 1 other file of data/ changed while the appendix was being built, so it was "
            "not published (outputs/2023 is unchanged); build again once the data are saved."
        )
    assert os.environ["APPENDIX_DATA_DIR"] == str(data)
    assert not snapshot.copy.exists()


def test_a_killed_builds_copy_of_the_data_is_removed_by_the_next_build(
    temp: Path, data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from helpers.build.snapshot import data_snapshot

    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    killed, running, starting = (temp / f"appendix-data-{name}" for name in ("killed00", "running0", "starting"))
    for folder in (killed, running, starting):
        (folder / "data").mkdir(parents=True)
    for folder in (killed, running):
        os.utime(folder, (1_000_000_000, 1_000_000_000))  # made long ago
    held = os.open(running, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX)  # as the build that made it holds it while it runs
        with data_snapshot() as snapshot:
            assert sorted(p.name for p in temp.iterdir()) == sorted(
                [running.name, starting.name, snapshot.copy.parent.name]
            )
        assert sorted(p.name for p in temp.iterdir()) == sorted([running.name, starting.name])
    finally:
        os.close(held)


# 4. Full disks, an unusable .failed ------------------------------------------------------------------


def test_a_full_temporary_disk_is_blamed_on_the_temporary_folder(
    tiny_notebooks: Path,
    outputs: Path,
    temp: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_bytes = pathlib.Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.is_relative_to(temp):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return write_bytes(self, data)

    monkeypatch.setattr(pathlib.Path, "write_bytes", full)
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    err = message_lines(capsys.readouterr().err)
    assert len(err) == 1
    assert err[0].startswith(f"error: The disk holding {temp} is full (no space left while writing {temp}/appendix-")
    assert err[0].endswith("); free some space and build again (nothing was built).")
    assert str(outputs) not in err[0]
    assert list(temp.glob("appendix-data-*")) == []


def test_a_full_disk_without_a_file_named_blames_no_folder(tmp_path: Path) -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert str(OutputsError.from_os_error(full, tmp_path, "nothing was built")) == (
        "A disk is full (no space left on device); free some space and build again (nothing was built)."
    )


def failure(job_output: Path) -> NotebookFailure:
    job = NotebookJob(Path("notebooks/01_x.ipynb"), job_output, {}, "2023, vi")
    return NotebookFailure(job, "ValueError", "the real error", cell_number=3, first_line="boom()", kept_at=job_output)


def test_a_notebook_left_empty_by_a_full_disk_is_not_kept_and_says_why(tmp_path: Path) -> None:
    root = tmp_path / "outputs"
    work = root / ".build-2023-abcdefgh" / "notebooks"
    work.mkdir(parents=True)
    (work / "01_x.ipynb").write_bytes(b"")  # what open('w') then ENOSPC leaves
    (kept,) = keep_failed(Target(2023, "vi", root), [failure(work / "01_x.ipynb")])
    assert kept.kept_at is None
    assert kept.message().splitlines() == [
        "notebook 01_x (2023, vi) failed",
        "  in cell 3: boom()",
        "  ValueError: the real error",
        "  the executed notebook could not be kept: it was not written in full (is the disk full?)",
    ]
    assert not (root / ".failed" / "2023" / "01_x.ipynb").exists()


def test_a_failed_notebook_still_shows_its_error_when_outputs_failed_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "outputs"
    work = root / ".build-2023-abcdefgh" / "notebooks"
    work.mkdir(parents=True)
    (work / "01_x.ipynb").write_text(json.dumps({"cells": []}), encoding="utf-8")
    (root / ".failed").write_text("a file", encoding="utf-8")
    (kept,) = keep_failed(Target(2023, "vi", root), [failure(work / "01_x.ipynb")])
    assert kept.message().splitlines()[2:] == [
        "  ValueError: the real error",
        f"  the executed notebook could not be kept: {root / '.failed'} is not a folder",
    ]
    # A whole notebook that can be moved is kept.
    (root / ".failed").unlink()
    (kept,) = keep_failed(Target(2023, "vi", root), [failure(work / "01_x.ipynb")])
    assert kept.kept_at == root / ".failed" / "2023" / "01_x.ipynb" and kept.kept_at.exists()


@BUILD
def test_a_failing_build_with_outputs_failed_a_file_names_the_notebook_error(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs.mkdir()
    (outputs / ".failed").write_text("a file", encoding="utf-8")
    write_notebook(tiny_notebooks / "01_boom.ipynb", ["raise ValueError('boom')"])
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 1
    err = message_lines(capsys.readouterr().err)
    assert err[0] == f"error: The appendix for 2023, vi was not built ({outputs / '2023'} was not created)."
    assert "  ValueError: boom" in err
    assert err[-1] == f"  the executed notebook could not be kept: {outputs / '.failed'} is not a folder"
    assert contents(outputs) == [".failed"]


# 6. The lock file deleted under a running build -------------------------------------------------------


def test_recovery_leaves_a_work_folder_whose_build_still_holds_it(tmp_path: Path) -> None:
    root = tmp_path / "outputs"
    target = Target(2023, "vi", root)
    with work_folder(target) as work:
        (root / ".build-2023-k1l2led0").mkdir()  # a killed build's: nobody holds it
        with pytest.raises(BuildLocked) as caught:
            recover(target)
        assert str(caught.value) == (
            f"Another build of the appendix for 2023, vi is running and holds {work}; "
            "wait for it to finish, then build again."
        )
        assert sorted(p.name for p in root.iterdir()) == sorted([work.name, ".build-2023-k1l2led0"])
    recover(target)  # once its build has left it, the folder is a leftover like any other
    assert list(root.iterdir()) == []


@BUILD
def test_a_second_build_after_the_lock_file_was_deleted_leaves_the_first_build_alone(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    started, gate = tiny_notebooks.parent / "started", tiny_notebooks.parent / "gate"
    write_notebook(tiny_notebooks / "01_slow.ipynb", [running_cell(started, gate)])
    first = run_cli(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)], outputs)
    try:
        wait_for(started.exists)
        (outputs / ".lock-2023").unlink()  # a clean-up script, a user tidying the folder
        (work,) = [p for p in outputs.iterdir() if p.name.startswith(".build-2023-")]

        assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
        assert capsys.readouterr().err.strip() == (
            f"error: Another build of the appendix for 2023, vi is running and holds {work}; "
            "wait for it to finish, then build again."
        )
        assert work.is_dir() and (work / "notebooks").is_dir()
    finally:
        gate.touch()
    _, stderr = first.communicate(timeout=300)
    assert first.returncode == 0, stderr
    assert (outputs / "2023" / "appendix.html").is_file()
    assert contents(outputs) == ["2023"]


# 7. No path of the machine in what is published ---------------------------------------------------------


def machine_paths_in(folder: Path, paths: list[str]) -> list[str]:
    """Which files under ``folder`` (and which members of its DOCX and XLSX) hold one of ``paths``."""
    import zipfile

    found = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        parts = {file.name: file.read_bytes()}
        if file.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(file) as archive:
                parts = {f"{file.name}:{n}": archive.read(n) for n in archive.namelist()}
        for name, content in parts.items():
            found += [
                f"{name} holds {p}" for p in paths if p.encode() in content or json.dumps(p)[1:-1].encode() in content
            ]
    return found


@BUILD
def test_a_published_appendix_holds_no_absolute_path_of_the_machine(
    tiny_notebooks: Path, outputs: Path, tmp_path: Path
) -> None:
    (folder,) = build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    assert (
        machine_paths_in(folder, [str(tmp_path), str(HERE), str(Path(tempfile.gettempdir()) / "appendix-data-")]) == []
    )
    executed = json.loads((folder / "notebooks" / "00_tiny.ipynb").read_text(encoding="utf-8"))
    assert executed["metadata"]["papermill"]["input_path"] == "00_tiny.ipynb"


# 3. Few open files (ulimit -n) ------------------------------------------------------------------------------


def run_limited(args: list[str], root: Path, soft: int, hard: int) -> subprocess.CompletedProcess[str]:
    """``python -m helpers <args>`` writing into ``root``, with at most ``soft``/``hard`` open files (ulimit -n)."""
    return subprocess.run(
        [sys.executable, "-m", "helpers", *args],
        cwd=HERE,
        env={**os.environ, "APPENDIX_OUTPUTS_DIR": str(root)},
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard)),
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize(
    ("args", "limit", "said"),
    [
        (
            ["--jobs", "1"],
            64,
            "error: The build needs up to 96 open files at once (1 notebook at a time) but may open only 64 here "
            "(ulimit -n); run 'ulimit -n 96' and build again (nothing was built).",
        ),
        (
            ["--jobs", "6"],
            150,
            "error: The build needs up to 208 open files at once (6 notebooks at a time) but may open only 150 here "
            "(ulimit -n); run 'ulimit -n 208' and build again, or build with --jobs 4 (nothing was built).",
        ),
    ],
)
def test_too_few_open_files_is_refused_in_one_sentence_before_anything_runs(
    outputs: Path, args: list[str], limit: int, said: str
) -> None:
    done = run_limited(["build", "--year", "2023", *args], outputs, limit, limit)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [said]
    assert not outputs.exists()


@BUILD
def test_a_low_soft_limit_on_open_files_is_raised_to_what_the_build_needs(tiny_notebooks: Path, outputs: Path) -> None:
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    if hard != resource.RLIM_INFINITY and hard < open_files_needed(1):
        pytest.skip(f"this machine allows only {hard} open files, fewer than one notebook needs")
    done = run_limited(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)], outputs, 64, hard)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert contents(outputs) == ["2023"]


def test_a_data_file_the_snapshot_cannot_read_is_named_in_one_sentence(
    data_copy: Path,
    tiny_notebooks: Path,
    outputs: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The tests run as root, who may read anything: the refusal the kernel would give is raised instead.
    monkeypatch.setenv("APPENDIX_DATA_DIR", str(data_copy))
    locked = data_copy / "figures" / "2023.csv"
    read_bytes = pathlib.Path.read_bytes

    def refused(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return read_bytes(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refused)
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 2
    assert capsys.readouterr().err.splitlines() == ["error: data/figures/2023.csv: cannot be read (permission denied)."]
    assert not outputs.exists()


@BUILD
def test_a_disk_full_while_the_notebooks_run_keeps_no_empty_notebook_and_says_so(
    tiny_notebooks: Path, outputs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from papermill.iorw import LocalHandler

    build([2023], "vi", notebooks_dir=tiny_notebooks, progress=False)
    before = (outputs / "2023" / "appendix.html").read_bytes()

    def full(self: LocalHandler, buf: str, path: str) -> None:
        with open(path, "w", encoding="utf-8"):  # what a full disk leaves: the file opened, truncated, unwritten
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)

    monkeypatch.setattr(LocalHandler, "write", full)
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(tiny_notebooks)]) == 1
    err = message_lines(capsys.readouterr().err)
    assert err[:2] == [
        f"error: The appendix for 2023, vi was not built ({outputs / '2023'} is unchanged).",
        "notebook 00_tiny (2023, vi) failed",
    ]
    assert err[2].startswith("  OSError: [Errno 28] No space left on device")
    assert err[3:] == ["  the executed notebook could not be kept: it was not written in full (is the disk full?)"]
    assert (outputs / "2023" / "appendix.html").read_bytes() == before
    assert contents(outputs) == ["2023"]  # no .failed holding a 0-byte notebook


def test_a_notebook_rewritten_on_a_full_disk_keeps_its_last_whole_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers.build.normalise import strip_clock_times

    path = tmp_path / "00_x.ipynb"
    whole = json.dumps({"cells": [], "metadata": {"papermill": {"duration": 1.0}}, "nbformat": 4, "nbformat_minor": 5})
    path.write_text(whole, encoding="utf-8")
    write_text = pathlib.Path.write_text

    def full(self: Path, *args: object, **kwargs: object) -> int:
        if self.parent == tmp_path:
            with open(self, "w", encoding="utf-8"):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return write_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "write_text", full)
    with pytest.raises(OSError, match="No space left"):
        strip_clock_times(path)
    assert path.read_text(encoding="utf-8") == whole
    assert [p.name for p in tmp_path.iterdir()] == ["00_x.ipynb"]  # no partial copy left beside it
