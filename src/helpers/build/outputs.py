"""The outputs folder, kept safe: one build per folder, and a swap that survives being killed at any point.

* one build at a time per folder: a build holds ``outputs/.lock-<name>``
  (``fcntl.flock``) from before its work folder exists until its folder is
  published; a second build of the same folder is refused with one sentence
  (:class:`BuildLocked`). The work folder itself is locked too (``flock`` on
  the folder), so that a build whose ``.lock-<name>`` was deleted under it is
  still seen as running, and its work folder is not taken for a leftover;
* the swap (:func:`publish`) is two renames, ``<name>`` → ``.old-<name>`` then the work folder →
  ``<name>``, with SIGINT/SIGTERM held back between them; a build killed
  between them leaves ``.old-<name>`` and no ``<name>``;
* the next build of that folder, once it holds the lock, first repairs what a
  killed build left (:func:`recover`): it renames ``.old-<name>`` back when
  ``<name>`` is missing, else removes it, and removes every ``.build-<name>-*``
  work folder. So at every point either the previous or the new appendix is
  there, or is put back by the next build before it does anything else.

Faults the machine causes (an ``outputs`` that is a file or read-only, a full disk) end in one sentence
(:class:`OutputsError`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import AppendixError
from helpers.paths import display_path

WORK_PREFIX = ".build-"
OLD_PREFIX = ".old-"
LOCK_PREFIX = ".lock-"
# A test hook: when this variable names a step of :func:`publish`, the process dies there
# (``os._exit``), as a SIGKILL or a power cut would leave it.
CRASH_ENV = "APPENDIX_TEST_CRASH_AT"
CRASH_STATUS = 97


class BuildLocked(AppendixError):
    """Another build is writing the same appendix folder."""

    def __init__(self, label: str, lock: Path, pid: str) -> None:
        self.lock = lock
        who = f" (process {pid})" if pid else ""
        super().__init__(
            f"Another build of the appendix for {label} is running{who} and holds {display_path(lock)}; "
            "wait for it to finish, then build again."
        )


class OutputsError(AppendixError):
    """The outputs folder cannot be written: not a folder, read-only, or the disk is full."""

    @classmethod
    def from_os_error(cls, exc: OSError, root: Path, unchanged: str) -> OutputsError:
        """One sentence for ``exc`` raised while building into ``root``; ``unchanged`` says what is left as it was.

        The folder blamed is the one the failed write was in: ``root``, or the
        temporary folder (the build's copy of ``data/``, a library's scratch
        file), or the written file's own folder; with no file named, none is.
        """
        code = exc.errno
        full = code in (errno.ENOSPC, errno.EDQUOT)
        written = Path(exc.filename).resolve() if exc.filename else None
        if written is None or written.is_relative_to(root):
            folder = root
        else:
            temp = Path(tempfile.gettempdir()).resolve()
            folder = temp if written.is_relative_to(temp) else written.parent
        in_outputs = folder == root
        where = display_path(folder)
        name = display_path(written) if written is not None else where
        if full:
            if written is None:
                text = "A disk is full (no space left on device); free some space and build again"
            else:
                text = (
                    f"The disk holding {where} is full (no space left while writing {name}); free some space and "
                    "build again"
                )
        elif in_outputs and (code in (errno.ENOTDIR, errno.EEXIST) or (root.exists() and not root.is_dir())):
            text = f"{where} is not a folder; move that file away or set APPENDIX_OUTPUTS_DIR to a folder"
        elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
            reason = exc.strerror.lower() if exc.strerror else "permission denied"
            remedy = "set APPENDIX_OUTPUTS_DIR to a folder you can write to" if in_outputs else "set TMPDIR to one"
            text = f"{where} cannot be written to ({reason}: {name}); make it writable or {remedy}"
        else:
            text = f"Could not write {name} ({exc.strerror or exc}); check {where} and build again"
        return cls(f"{text} ({unchanged}).")


@dataclass(frozen=True)
class Target:
    """One appendix to build: a year in a language, and where it goes."""

    year: int
    lang: str
    root: Path  # the outputs folder
    as_of: str = ""  # a revised edition's date (helpers.data.editions); "" the edition issued with the report

    @property
    def name(self) -> str:
        """The folder name: ``2023`` for Vietnamese, ``2023-en`` for English; a revised edition's name has its
        date: ``2023-rev-2026-06-30``, ``2023-rev-2026-06-30-en``."""
        edition = f"{self.year}-rev-{self.as_of}" if self.as_of else str(self.year)
        return edition if self.lang == "vi" else f"{edition}-{self.lang}"

    @property
    def folder(self) -> Path:
        """Where the finished appendix lives."""
        return self.root / self.name

    @property
    def label(self) -> str:
        """How messages name the build, e.g. ``2023, vi``."""
        return f"{self.year}{f' as of {self.as_of}' if self.as_of else ''}, {self.lang}"


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back (they are delivered on leaving) so that nothing stops a swap half-way."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _crash_point(step: str) -> None:
    """Die here, as a killed process would, when the test hook asks for this step."""
    if os.environ.get(CRASH_ENV) == step:
        os._exit(CRASH_STATUS)


def _lock_pid(path: Path) -> str:
    with contextlib.suppress(OSError):
        return path.read_text(encoding="ascii").strip()
    return ""


@contextlib.contextmanager
def year_lock(target: Target) -> Iterator[Path]:
    """Hold ``outputs/.lock-<name>`` for the build of ``target``; BuildLocked if another build holds it.

    The lock is ``fcntl.flock`` on the file, so the kernel releases it when the
    holder dies, however it dies. The holder removes the file when it is done;
    a build that opened the file just before it went checks that the file it
    locked is still the one at the path, and tries again if not.
    """
    path = target.root / f"{LOCK_PREFIX}{target.name}"
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise BuildLocked(target.label, path, _lock_pid(path)) from None
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _leftovers(target: Target) -> tuple[list[Path], list[Path]]:
    """The work folders and old appendices a killed build of ``target`` left (the old ones newest first)."""
    name = re.escape(target.name)
    work_re = re.compile(rf"^{re.escape(WORK_PREFIX)}{name}-[a-z0-9_]{{8}}$")
    old_re = re.compile(rf"^{re.escape(OLD_PREFIX)}{name}(-[a-z0-9_]{{8}})?$")  # with a suffix: older builds' names
    works, olds = [], []
    for path in target.root.iterdir():
        if work_re.match(path.name):
            works.append(path)
        elif old_re.match(path.name):
            olds.append(path)
    fixed = target.root / f"{OLD_PREFIX}{target.name}"
    olds.sort(key=lambda p: (p != fixed, -p.lstat().st_mtime_ns, p.name))
    return works, olds


def recover(target: Target) -> None:
    """Repair what a killed build of ``target`` left; call it holding the target's lock.

    When the appendix folder is missing but an ``.old-<name>`` is there (a build
    died between the two renames), the old appendix is put back; every other
    ``.old-<name>`` and every ``.build-<name>-*`` work folder is removed. A work
    folder whose build is still running (it holds the folder's lock: its
    ``.lock-<name>`` was deleted under it) is not a leftover: BuildLocked, and
    nothing is touched.
    """
    if not target.root.is_dir():
        return
    works, olds = _leftovers(target)
    for work in works:
        if held(work):
            raise BuildLocked(target.label, work, "")
    if olds and not os.path.lexists(target.folder):
        olds.pop(0).rename(target.folder)
    for path in works + olds:
        remove(path)


def held(folder: Path) -> bool:
    """Whether a running build holds ``folder`` (``flock`` on the folder, see :func:`work_folder`)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also releases the lock just taken
    return False


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def check_root(root: Path) -> None:
    """Refuse an outputs folder that is a file, before anything runs."""
    for folder in (root, *root.parents):
        if folder.exists():
            if not folder.is_dir():
                raise OutputsError(
                    f"{display_path(folder)} is not a folder; move that file away or set APPENDIX_OUTPUTS_DIR to "
                    f"a folder "
                    "(nothing was built)."
                )
            return


@contextlib.contextmanager
def work_folder(target: Target) -> Iterator[Path]:
    """A new work folder for ``target``, locked (``flock`` on the folder itself) until the build leaves it.

    The lock goes with the folder, not with a file beside it that someone may
    delete: a second build's :func:`recover` sees that the folder is in use and
    refuses rather than remove it. The kernel releases the lock when the build
    ends, however it ends; the folder is removed (or published) by the build.
    """
    target.root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{target.name}-", dir=target.root))
    fd = os.open(work, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # a folder just made with a random name: nobody else holds it
        work.chmod(0o755)
        for sub in ("notebooks", "figures", "tables"):
            (work / sub).mkdir()
        yield work
    finally:
        os.close(fd)


PUBLISH_STEPS = ("publish-start", "publish-old-moved", "publish-new-in-place")


def publish(work: Path, final: Path) -> None:
    """Put the finished work folder in place of ``final``; the old folder goes only once the new one is there.

    Two renames, ``final`` → ``.old-<name>`` and ``work`` → ``final``, with
    Ctrl-C and SIGTERM held back in between; a process killed between them
    leaves ``.old-<name>``, which the next build renames back (:func:`recover`).
    The test hook :data:`CRASH_ENV` can kill the process at each of
    :data:`PUBLISH_STEPS`.
    """
    old = final.with_name(f"{OLD_PREFIX}{final.name}")
    _crash_point("publish-start")
    with _signals_held():
        if os.path.lexists(old):  # recover() ran under the lock; this is only a stale copy
            remove(old)
        moved = os.path.lexists(final)
        if moved:
            final.rename(old)
            _crash_point("publish-old-moved")
        try:
            work.rename(final)
        except BaseException:
            if moved:
                old.rename(final)
            raise
        _crash_point("publish-new-in-place")
    if moved:
        remove(old)
