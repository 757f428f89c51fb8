"""The PDF worker (helpers.build.pdf_worker): the same bytes as rendering in the build's own process, PDFs in
the order asked, a full or unwritable disk raised as the OSError the build turns into its sentence, and a worker
that is stopped when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.build.export import write_pdf
from helpers.build.pdf_worker import PdfWorker


def document(words: str) -> str:
    body = "".join(f"<p>{words} {i}: tỷ lệ hộ nghèo 2,27%, 16.500–17.000 người.</p>" for i in range(40))
    return f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body>{body}</body></html>'


def test_the_worker_writes_the_same_bytes_as_the_build_process(tmp_path: Path) -> None:
    with PdfWorker() as worker:
        first = worker.submit(document("Đoạn"), tmp_path / "a.pdf")
        second = worker.submit(document("Mục"), tmp_path / "b.pdf")
        assert first.wait() == tmp_path / "a.pdf"
        assert second.wait() == tmp_path / "b.pdf"
    assert (tmp_path / "a.pdf").read_bytes() == write_pdf(document("Đoạn"), tmp_path / "a2.pdf").read_bytes()
    assert (tmp_path / "b.pdf").read_bytes() == write_pdf(document("Mục"), tmp_path / "b2.pdf").read_bytes()
    assert (tmp_path / "a.pdf").read_bytes() != (tmp_path / "b.pdf").read_bytes()


def test_an_unwritable_target_is_raised_as_an_os_error(tmp_path: Path) -> None:
    with PdfWorker() as worker:
        job = worker.submit(document("Đoạn"), tmp_path / "missing" / "a.pdf")
        with pytest.raises(OSError) as raised:
            job.wait()
    assert raised.value.errno is not None


def test_an_aborted_worker_ends(tmp_path: Path) -> None:
    worker = PdfWorker()
    worker.submit(document("Đoạn"), tmp_path / "a.pdf")
    worker.close(abort=True)
    assert worker._process.poll() is not None
    worker.close(abort=True)  # twice: nothing more
