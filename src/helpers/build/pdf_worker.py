"""The PDF rendered in a process of its own, while the build's process writes the Word file and the workbook.

WeasyPrint lays out and draws the whole appendix in one thread (about half the CPU time a build spends after its
notebooks); the Word file (pandoc, python-docx) and the workbook (openpyxl) do not need it. On the 2-core machine
the two run side by side instead of one after the other. The worker is started when the build begins, so that
Python's start and WeasyPrint's import happen while the notebooks run; one worker serves every appendix of a build
in turn, so its memory does not grow with the number of years. It renders with
:func:`helpers.build.export.write_pdf`, the same function and arguments as in the build's own process, so the bytes
are the same either way.

Why a plain child process (``python -m helpers.build.pdf_worker``, one JSON line per PDF on its stdin, one back on
its stdout) and not :mod:`multiprocessing`: its ``fork`` would copy a process that has threads, and its ``spawn``
re-imports the caller's main module, which a script that calls :func:`helpers.build.publish.build` at its top
level (without ``if __name__ == "__main__"``) would run again in the worker. The worker ignores Ctrl-C: the
build's process decides, and on an interrupt or an error stops it (:meth:`PdfWorker.close` with ``abort``) before
the work folders are removed.
"""

from __future__ import annotations

import contextlib
import errno as errno_codes
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from helpers.errors import AppendixError


class PdfFailed(AppendixError):
    """The PDF worker could not render an appendix (it ended, or WeasyPrint raised)."""


def _package_root() -> str:
    return str(Path(__file__).resolve().parents[2])  # the folder holding helpers/, for the worker's imports


class PdfJob:
    """A PDF being rendered by the worker; :meth:`wait` returns its path or raises what the rendering raised."""

    def __init__(self, worker: PdfWorker, target: Path) -> None:
        self._worker = worker
        self.target = target

    def wait(self) -> Path:
        return self._worker._reply(self.target)


class PdfWorker:
    """One process that renders PDFs, one at a time, in the order asked (:meth:`PdfJob.wait` in that order)."""

    def __init__(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_package_root(), env.get("PYTHONPATH")) if p)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "helpers.build.pdf_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self._lock = threading.Lock()

    def submit(
        self,
        document: str,
        target: Path,
        base_url: Path | None = None,
    ) -> PdfJob:
        """Start rendering ``document`` to ``target`` (the arguments of :func:`helpers.build.export.write_pdf`)."""
        request = {
            "document": document,
            "target": str(target),
            "base_url": str(base_url) if base_url else None,
        }
        assert self._process.stdin is not None
        with self._lock:
            try:
                self._process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
                self._process.stdin.flush()
            except BrokenPipeError as exc:
                raise PdfFailed(f"The PDF worker ended before it could write {target.name}.") from exc
        return PdfJob(self, target)

    def _reply(self, target: Path) -> Path:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise PdfFailed(f"The PDF worker ended (exit status {self._process.wait()}) while writing {target.name}.")
        reply = json.loads(line)
        if "error" in reply:
            if reply.get("errno") is not None:  # a full or unwritable disk: the build says so in its own words
                raise OSError(reply["errno"], os.strerror(reply["errno"]), reply.get("filename"))
            raise PdfFailed(f"The PDF {target.name} could not be written: {reply['error']}: {reply['message']}")
        return Path(reply["written"])

    def close(self, abort: bool = False) -> None:
        """Let the worker end (it ends when its input does), or (``abort``) stop it now; then wait for it. Closing
        twice does nothing more."""
        if self._process.poll() is None:
            if abort:
                self._process.kill()  # it may be writing into a work folder that is about to be removed
            else:
                assert self._process.stdin is not None
                with self._lock:
                    self._process.stdin.close()
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None and not stream.closed:
                with contextlib.suppress(BrokenPipeError):
                    stream.close()

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self.close(abort=kind is not None)


def _serve() -> int:
    """The worker: import WeasyPrint now, then render each request read from stdin, answering on stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group; the build decides
    import weasyprint.text.fonts  # noqa: F401  (while the notebooks run)

    from helpers.build.export import write_pdf
    from helpers.build.fonts import chart_font_face_css

    chart_font_face_css()  # finds the charts' font files with matplotlib, once

    replies, sys.stdout = sys.stdout, sys.stderr  # stdout carries the replies only, whatever a library prints
    for line in sys.stdin:
        request = json.loads(line)
        try:
            write_pdf(
                request["document"],
                Path(request["target"]),
                base_url=Path(request["base_url"]) if request["base_url"] else None,
            )
            reply: dict[str, object] = {"written": request["target"]}
        except Exception as exc:  # noqa: BLE001  (sent to the build, which raises it there)
            reply = {"error": type(exc).__name__, "message": str(exc)}
            if isinstance(exc, OSError) and exc.errno in errno_codes.errorcode:
                reply |= {"errno": exc.errno, "filename": exc.filename and str(exc.filename)}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve())
