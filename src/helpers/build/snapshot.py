"""One snapshot of ``data/`` per build: every notebook, the checks and the methods note read the same bytes.

A build copies the data folder once, before anything reads it, into a
temporary folder (``…/appendix-data-*/data``: the folder keeps its name, so
that messages still say ``data/figures/2023.csv``) and points
``$APPENDIX_DATA_DIR`` at the copy for as long as it runs; the kernels it
starts inherit the variable, so :func:`helpers.paths.data_dir` is the copy in
every notebook. A spreadsheet saving a file, a ``git pull`` or a synced folder
changing ``data/`` during the build then changes nothing the build shows.

Before it publishes an appendix the build compares ``data/`` with the copy
(SHA-256 of every file); if they differ, the appendix would show data that are
no longer the data, so it is refused in one sentence (:class:`DataChanged`).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers.build.outputs import held
from helpers.data.csvfile import shown_path
from helpers.errors import AppendixError, DataError
from helpers.paths import DATA_DIR_ENV, data_dir

SNAPSHOT_PREFIX = "appendix-data-"
# Editors' working files, not data: LibreOffice's ``.~lock.2023.csv#``, Excel's ``~$2023.xlsx``, vim's ``.swp``,
# macOS's ``.DS_Store``, Jupyter's ``.ipynb_checkpoints/``. They come and go while a file is merely open, so they
# are neither copied nor compared (nothing of the build reads a hidden file).
EDITOR_FILE_PREFIXES = (".", "~$")


def _is_data_file(name: str) -> bool:
    return not name.startswith(EDITOR_FILE_PREFIXES)


class DataChanged(AppendixError):
    """``data/`` changed while the build ran: what the build read is no longer the data."""

    def __init__(self, changed: list[str], unchanged: str) -> None:
        self.changed = changed
        first = changed[0]
        others = len(changed) - 1
        what = first if not others else f"{first} and {others} other file{'s' if others != 1 else ''} of data/"
        super().__init__(
            f"{what} changed while the appendix was being built, so it was not published ({unchanged}); "
            "build again once the data are saved."
        )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (its path from ``folder``, with ``/``) and its SHA-256.

    The files are those :func:`_copy_folder` copies (``os.walk`` following
    links), so that a folder and its copy compare equal.
    """
    found = {}
    for here, subfolders, files in os.walk(folder, followlinks=True):
        subfolders[:] = filter(_is_data_file, subfolders)
        for name in filter(_is_data_file, files):
            path = Path(here) / name
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class Snapshot:
    """The data folder a build reads (``copy``), and the one it was copied from (``source``) with its hashes."""

    source: Path
    copy: Path
    hashes: dict[str, str]

    def changed(self) -> list[str]:
        """The files of ``data/`` (as messages name them) added, removed or edited since the copy; [] if none."""
        try:
            now = fingerprint(self.source)
        except OSError:  # the folder itself went away or became unreadable: every file counts as changed
            now = {}
        names = sorted(set(now) | set(self.hashes))
        return [shown_path(self.source / name) for name in names if now.get(name) != self.hashes.get(name)]

    def check(self, unchanged: str) -> None:
        """Raise :class:`DataChanged` if ``data/`` is not what was copied; ``unchanged`` says what was kept."""
        changed = self.changed()
        if changed:
            raise DataChanged(changed, unchanged)


def _copy_folder(source: Path, copy: Path) -> None:
    """Copy every file of ``source`` into ``copy``.

    Hand-written rather than ``shutil.copytree`` so that each failure is told
    apart: a file or folder of ``data/`` that cannot be read is a DataError
    naming it (copytree would list it among others; ``rglob`` would pass over
    an unreadable folder in silence), a failed write (a full temporary disk)
    an OSError naming the file written.
    """

    def unreadable(exc: OSError) -> None:
        shown = shown_path(Path(exc.filename)) if exc.filename else shown_path(source)
        raise DataError(shown, f"cannot be read ({(exc.strerror or str(exc)).lower()})")

    copy.mkdir()
    for folder, subfolders, files in os.walk(source, onerror=unreadable, followlinks=True):
        here = Path(folder)
        subfolders[:] = sorted(filter(_is_data_file, subfolders))
        for name in subfolders:
            (copy / (here / name).relative_to(source)).mkdir()
        for name in sorted(filter(_is_data_file, files)):
            path = here / name
            target = copy / path.relative_to(source)
            try:
                content = path.read_bytes()
            except OSError as exc:
                raise DataError(shown_path(path), f"cannot be read ({(exc.strerror or str(exc)).lower()})") from None
            try:
                target.write_bytes(content)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(target)) from exc


@contextlib.contextmanager
def data_snapshot() -> Iterator[Snapshot]:
    """Copy the data folder once and set ``$APPENDIX_DATA_DIR`` to the copy while the build runs.

    The copy is removed, and the variable put back as it was, on the way out. A
    file changed while it was being copied is refused at once (the copy and the
    folder differ).
    """
    source = data_dir().resolve()
    _remove_stale_snapshots()
    holder = Path(tempfile.mkdtemp(prefix=SNAPSHOT_PREFIX))
    lock = os.open(holder, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(lock, fcntl.LOCK_EX)  # held while the build runs: a killed build's copy is removed by the next
    previous = os.environ.get(DATA_DIR_ENV)
    try:
        copy = holder / "data"
        _copy_folder(source, copy)
        snapshot = Snapshot(source, copy, fingerprint(copy))
        snapshot.check("nothing was built")
        os.environ[DATA_DIR_ENV] = str(copy)
        yield snapshot
    finally:
        if previous is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = previous
        shutil.rmtree(holder, ignore_errors=True)
        os.close(lock)


def _remove_stale_snapshots() -> None:
    """Remove the copies of ``data/`` that killed builds left in the temporary folder.

    A copy belongs to a running build while that build holds its lock (``flock``
    on the folder, released by the kernel however the build ends); a copy made
    in the last minute is left alone too, as its build may not hold it yet.
    """
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{SNAPSHOT_PREFIX}*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and not folder.is_symlink() and now - folder.stat().st_mtime > 60 and not held(folder):
                shutil.rmtree(folder, ignore_errors=True)
