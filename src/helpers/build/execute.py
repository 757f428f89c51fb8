"""Run notebooks through papermill, several at a time, and say clearly which cell failed.

A pool of threads drives the kernels (the work happens in the kernels, not in
this process), ``n_jobs`` notebooks at once; a tqdm bar on stderr counts the
notebooks done.

Starting a kernel and importing pandas, matplotlib, seaborn and pandera costs
about three seconds of CPU, more than many notebooks take to run, so by
default each worker keeps its kernel from one notebook to the next
(:class:`~helpers.build.kernels.KernelPool`): before each notebook the kernel's namespace is wiped
(``%reset -f``), its figures closed, its working folder set to the notebook's
and its execution count restarted, so that the notebook sees what a fresh
kernel would show it except for modules already imported. A kernel is
replaced after a failure and after :data:`~helpers.build.kernels.KERNEL_USES` notebooks.
``reuse_kernels=False`` gives every notebook a kernel of its own, as plain
papermill does (``refresh-notebooks`` uses that).

A failure never stops the other notebooks: every job runs, and the failures
come back as :class:`NotebookFailure` values naming the notebook, the cell
(index and first line of its source) and the error.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from helpers.build import lean_imports  # noqa: F401  (before nbformat/papermill: skips a slow, unused import)
from helpers.build.kernels import KERNEL_ARGUMENTS, KERNEL_NAME, START_TIMEOUT, KernelPool, register_engine
from helpers.build.normalise import strip_clock_times
from helpers.errors import AppendixError, UsageError
from helpers.paths import display_path

CELL_TIMEOUT = 600  # seconds one cell may run before the notebook counts as failed
NOTEBOOK_NAME_RE = re.compile(r"^\d{2}_[A-Za-z0-9_]+\.ipynb$")


@dataclass(frozen=True)
class NotebookJob:
    """One notebook to execute: where from, where the executed copy goes, with which parameters.

    ``label`` says which build the run belongs to (e.g. ``"2023, vi"``) in messages.
    """

    source: Path
    output: Path
    parameters: dict[str, Any] = field(default_factory=dict)
    label: str = ""

    @property
    def name(self) -> str:
        """The notebook's short name, e.g. ``03_social_evils``."""
        return self.source.stem


@dataclass(frozen=True)
class NotebookFailure:
    """Why one notebook failed: the cell and the error, as papermill reported them."""

    job: NotebookJob
    ename: str
    evalue: str
    cell_number: int | None = None  # the failing cell's place in the source notebook, counting from 1
    exec_count: int | None = None
    first_line: str = ""
    kept_at: Path | None = None  # where the executed notebook (with the error) can be read
    not_kept: str = ""  # why the executed notebook could not be kept, when it could not

    def message(self) -> str:
        """A few lines for the terminal: notebook, cell, error, where to look."""
        where = f" ({self.job.label})" if self.job.label else ""
        lines = [f"notebook {self.job.name}{where} failed"]
        if self.cell_number is not None:
            count = f", In [{self.exec_count}]" if self.exec_count is not None else ""
            lines.append(f"  in cell {self.cell_number}{count}: {self.first_line}")
        evalue = self.evalue.strip().splitlines()
        lines.append(f"  {self.ename}: {evalue[0] if evalue else ''}".rstrip())
        if self.kept_at is not None:
            lines.append(f"  the executed notebook is kept at {display_path(self.kept_at)}")
        elif self.not_kept:
            lines.append(f"  the executed notebook could not be kept: {self.not_kept}")
        return "\n".join(lines)


def find_notebooks(folder: Path) -> list[Path]:
    """The analysis notebooks in ``folder`` (``NN_name.ipynb``), in their numbered order."""
    paths = sorted(p for p in Path(folder).glob("*.ipynb") if NOTEBOOK_NAME_RE.match(p.name))
    if not paths:
        raise UsageError(f"There are no notebooks named like 01_name.ipynb in {display_path(Path(folder))}.")
    return paths


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


def _cell_number(executed: Path, cell_index: int) -> int:
    """The 1-based place in the source notebook of the executed notebook's cell ``cell_index``.

    Papermill counts cells in the notebook as run (with its injected parameters
    cell, without the error banners it adds afterwards); the analyst opens the
    source notebook, which has no injected cell.
    """
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return cell_index + 1
    tags = [set(c.get("metadata", {}).get("tags", [])) for c in cells]
    run = [t for t in tags if "papermill-error-cell-tag" not in t]
    return sum("injected-parameters" not in t for t in run[:cell_index]) + 1


def run_one(job: NotebookJob, pool: KernelPool | None = None) -> NotebookFailure | None:
    """Execute one notebook with papermill; None when it ran to the end.

    The kernel works in the notebook's own folder, as it would in JupyterLab;
    it is ``pool``'s kernel for this thread when there is a pool, else a new one.
    The executed notebook is written to ``job.output`` whether or not it fails.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    job.output.parent.mkdir(parents=True, exist_ok=True)
    # papermill's own ``cwd`` would chdir this whole process, which threads must not do; the
    # kernel's folder is set through nbclient's resources, or by the pool for a kept kernel.
    options: dict[str, Any] = {
        "extra_arguments": KERNEL_ARGUMENTS,
        "resources": {"metadata": {"path": str(job.source.parent)}},
    }
    try:
        if pool is not None:
            options = {"engine_name": register_engine(), "km": pool.acquire(job.source.parent)}
        pm.execute_notebook(
            str(job.source),
            str(job.output),
            parameters=job.parameters or None,
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            log_output=False,
            start_timeout=START_TIMEOUT,
            execution_timeout=CELL_TIMEOUT,
            request_save_on_cell_execute=False,  # one write at the end (or on failure), not one per cell
            **options,
        )
    except PapermillExecutionError as exc:
        if pool is not None:
            pool.discard()
        with contextlib.suppress(OSError):  # a full disk: the notebook is kept as papermill wrote it
            strip_clock_times(job.output)
        return NotebookFailure(
            job,
            exc.ename,
            exc.evalue,
            cell_number=_cell_number(job.output, exc.cell_index),
            exec_count=exc.exec_count,
            first_line=_first_line(exc.source),
            kept_at=job.output if job.output.exists() else None,
        )
    except Exception as exc:  # a kernel that died or did not start, a cell that timed out
        if pool is not None:
            pool.discard()
        return NotebookFailure(
            job, type(exc).__name__, str(exc) or repr(exc), kept_at=job.output if job.output.exists() else None
        )
    try:
        strip_clock_times(job.output)
    except OSError as exc:  # a full disk: the notebook ran, but its executed copy cannot be written
        return NotebookFailure(job, type(exc).__name__, str(exc), kept_at=job.output)
    return None


def default_jobs() -> int:
    """How many notebooks run at once by default: one per CPU."""
    return os.cpu_count() or 1


def effective_jobs(n_jobs: int | None, count: int) -> int:
    """How many of ``count`` notebooks run at once when ``n_jobs`` are asked for (None: the default)."""
    return max(1, min(n_jobs or default_jobs(), count or 1))


# Open files (descriptors) a build needs at once, measured on the 2023 build (issue 18) with margin: a kernel
# peaked at 73 (its ZeroMQ sockets, matplotlib's fonts…), the build's own process at 7 + 28 per notebook run at
# once (each kernel's connection is several sockets and pipes). Every kernel has the limit of the build's process.
KERNEL_OPEN_FILES = 96
OPEN_FILES_BASE = 16
OPEN_FILES_PER_JOB = 32


class TooFewOpenFiles(AppendixError):
    """The limit on open files (``ulimit -n``) is below what the build needs."""


def open_files_needed(n_jobs: int) -> int:
    """How many open files a process of the build may need with ``n_jobs`` notebooks run at once."""
    return max(KERNEL_OPEN_FILES, OPEN_FILES_BASE + OPEN_FILES_PER_JOB * n_jobs)


def ensure_open_files(n_jobs: int) -> None:
    """Make sure the build may open the files it needs with ``n_jobs`` notebooks at once, before anything runs.

    A soft limit below the need is raised (up to the hard limit, as any process
    may); when the hard limit itself is too low, TooFewOpenFiles says how many
    are needed, instead of kernels dying mid-build with "Too many open files".
    """
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = open_files_needed(n_jobs)
    if soft == resource.RLIM_INFINITY or soft >= need:
        return
    if hard == resource.RLIM_INFINITY or hard >= need:
        resource.setrlimit(resource.RLIMIT_NOFILE, (need, hard))
        return
    fewer = ""
    if n_jobs > 1 and hard >= open_files_needed(1):
        fits = max(j for j in range(1, n_jobs) if open_files_needed(j) <= hard)
        fewer = f", or build with --jobs {fits}"
    raise TooFewOpenFiles(
        f"The build needs up to {need} open files at once ({n_jobs} notebook{'s' if n_jobs != 1 else ''} at a time) "
        f"but may open only {hard} here (ulimit -n); run 'ulimit -n {need}' and build again{fewer} (nothing was built)."
    )


def run_notebooks(
    jobs: Sequence[NotebookJob],
    n_jobs: int | None = None,
    *,
    progress: bool = True,
    desc: str = "Notebooks",
    on_done: Callable[[int, NotebookFailure | None], None] | None = None,
    reuse_kernels: bool = True,
) -> list[NotebookFailure]:
    """Execute every job, ``n_jobs`` at a time; return the failures in the jobs' order.

    ``on_done(index, failure_or_None)`` is called in this thread as each job
    ends, while the others go on running (the build uses it to assemble a year
    as soon as that year's notebooks are done). If it raises, or this process
    is interrupted, the notebooks not started yet are cancelled and the running
    ones are waited for before the exception goes on, so that the caller can
    clean up after them. ``reuse_kernels`` keeps each worker's kernel between
    notebooks (see the module's docstring).
    """
    n_jobs = effective_jobs(n_jobs, len(jobs))
    failures: dict[int, NotebookFailure] = {}
    pool = ThreadPoolExecutor(max_workers=n_jobs, thread_name_prefix="notebook")
    kernels = KernelPool() if reuse_kernels else None
    bar = tqdm(total=len(jobs), desc=desc, unit="nb", file=sys.stderr, disable=not progress, leave=True)
    try:
        futures: dict[Future[NotebookFailure | None], int] = {
            pool.submit(run_one, job, kernels): i for i, job in enumerate(jobs)
        }
        for future in as_completed(futures):
            i = futures[future]
            failure = future.result()
            if failure is not None:
                failures[i] = failure
            bar.set_postfix_str(f"{jobs[i].name}{' failed' if failure else ''}", refresh=False)
            bar.update(1)
            if on_done is not None:
                on_done(i, failure)
    except BaseException:
        if kernels is not None:  # stop the running notebooks now rather than wait for them to end
            kernels.close()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if kernels is not None:
            kernels.close()
        bar.close()
    return [failures[i] for i in sorted(failures)]
