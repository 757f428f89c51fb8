"""What a failed or interrupted build leaves: the failure it raises, the failed notebooks it keeps in
``outputs/.failed/<year>/``, and the sentence saying the previous appendix is unchanged.

The route itself (run, assemble, export, publish) is :mod:`helpers.build.publish`.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from helpers.build.execute import NotebookFailure
from helpers.build.outputs import Target
from helpers.errors import AppendixError
from helpers.paths import display_path

FAILED_DIR = ".failed"


class BuildFailed(AppendixError):
    """One or more notebooks failed; ``str()`` is the few lines the command prints."""

    def __init__(self, failures: Sequence[NotebookFailure], headline: str) -> None:
        self.failures = list(failures)
        super().__init__("\n".join([headline, *(f.message() for f in failures)]))


class Interrupted(KeyboardInterrupt):
    """The build was stopped by Ctrl-C or SIGTERM (``signum`` says which)."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While building, let SIGTERM unwind like Ctrl-C so that the temporary folders are removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def keep_failed(target: Target, failures: Sequence[NotebookFailure]) -> list[NotebookFailure]:
    """Move the failed executed notebooks to ``outputs/.failed/<name>/``; the failures now point there.

    A notebook that cannot be kept does not hide its failure: one that was not
    written in full (a full disk truncates it, often to 0 bytes) is not kept,
    and one that cannot be moved (``outputs/.failed`` is a file, the disk is
    full) stays unkept; either way its failure says why, beside the error.
    """
    failed_root = target.root / FAILED_DIR
    folder = failed_root / target.name
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)
    kept = []
    for failure in failures:
        if failure.kept_at is not None and failure.kept_at.exists():
            if not _whole_notebook(failure.kept_at):
                failure = replace(failure, kept_at=None, not_kept="it was not written in full (is the disk full?)")
            else:
                destination = folder / failure.kept_at.name
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    shutil.move(str(failure.kept_at), destination)
                except OSError as exc:
                    reason = (
                        f"{display_path(failed_root)} is not a folder"
                        if failed_root.exists() and not failed_root.is_dir()
                        else f"{exc.strerror or exc} ({display_path(destination)})"
                    )
                    failure = replace(failure, kept_at=None, not_kept=reason)
                else:
                    failure = replace(failure, kept_at=destination)
        kept.append(failure)
    return kept


def _whole_notebook(path: Path) -> bool:
    """Whether ``path`` holds a whole notebook (JSON with its cells), not what a failed write left of one."""
    try:
        return "cells" in json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False


def unchanged(target: Target) -> str:
    """What a failed build left of ``target``'s appendix, e.g. ``outputs/2023 is unchanged``."""
    state = "is unchanged" if target.folder.exists() else "was not created"
    return f"{display_path(target.folder)} {state}"


def failed_headline(failed: Sequence[Target]) -> str:
    parts = []
    for target in failed:
        state = "is unchanged" if target.folder.exists() else "was not created"
        parts.append(f"the appendix for {target.label} was not built ({display_path(target.folder)} {state})")
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:] + "."
