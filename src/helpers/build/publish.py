"""Build the appendix: run the notebooks, assemble, export, and publish only when all of it worked.

One build makes, for each year asked for, the folder ``outputs/<year>``
(``outputs/<year>-en`` for English) holding ``appendix.html`` (self-contained),
``appendix.pdf``, ``appendix.docx``, ``appendix.xlsx``, ``figures/``, ``tables/`` and the executed
``notebooks/``. The notebooks of every year asked for run in one parallel pool
(:mod:`helpers.build.execute`); each year is then assembled (:mod:`helpers.build.assemble`)
and exported (:mod:`helpers.build.export`) in a temporary folder beside its final
place, which replaces the previous folder only when every step has succeeded.
A failed or interrupted build leaves the previous appendix as it was, removes
its temporary folders and keeps the failed executed notebooks in
``outputs/.failed/<year>/``.

Publishing is crash-safe and one build at a time per folder (:mod:`helpers.build.outputs`).
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TypedDict, Unpack

from helpers.build import export, frontmatter, word
from helpers.build.assemble import Appendix, assemble
from helpers.build.execute import NotebookFailure, NotebookJob, find_notebooks, run_notebooks
from helpers.build.normalise import normalise_committed, normalise_executed
from helpers.build.outputs import (
    OutputsError,
    Target,
    check_root,
    publish,
    recover,
    work_folder,
    year_lock,
)
from helpers.data.editions import check_as_of
from helpers.data.loading import available_years, latest_year
from helpers.data.validation import validate_all
from helpers.errors import AppendixError, MissingYearError
from helpers.paths import data_dir, display_path
from helpers.paths import notebooks_dir as default_notebooks_dir
from helpers.paths import outputs_dir as default_outputs_dir
from helpers.text import say
from helpers.text.formatting import check_lang

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


def resolve_years(year: int | str | None = "latest", all_years: bool = False) -> list[int]:
    """The years to build: every year with data, the latest, or the one asked for (refused if it has none)."""
    years = available_years()
    if all_years:
        if not years:
            latest_year()  # raises the "no figures at all" error
        return years
    if year in (None, "latest"):
        return [latest_year()]
    if int(year) not in years:
        raise MissingYearError(int(year), years, display_path(data_dir() / "figures"))
    return [int(year)]


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
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


def _jobs(target: Target, work: Path, notebooks: Sequence[Path]) -> list[NotebookJob]:
    parameters = {"year": target.year, "lang": target.lang, "output_dir": str(work), "as_of": target.as_of}
    return [NotebookJob(nb, work / "notebooks" / nb.name, parameters, target.label) for nb in notebooks]


def finish(target: Target, work: Path, executed: Sequence[Path]) -> Appendix:
    """Assemble and export one appendix in its work folder (HTML, XLSX, PDF, DOCX)."""
    fm = frontmatter.gather(target.year, target.lang, as_of=target.as_of)
    appendix = assemble(executed, fm)
    (work / "appendix.html").write_bytes(appendix.html.encode("utf-8"))
    missing = [t.name for t in appendix.tables if not (work / "tables" / f"{t.name}.csv").is_file()]
    if missing:
        raise AppendixError(
            f"The tables {', '.join(missing)} were shown without a CSV file in tables/; show tables with Report.table."
        )
    title = say("frontmatter:title", target.lang, year=target.year)
    export.write_xlsx(
        appendix.tables,
        work / "tables",
        work / "appendix.xlsx",
        target.lang,
        title,
        stamp=datetime(target.year, 12, 31),
    )
    export.write_pdf(appendix.html, work / "appendix.pdf", base_url=work)
    word.write_docx(
        appendix.html,
        fm,
        appendix.headings,
        work / "appendix.docx",
        has_figures=bool(appendix.figures),
        has_tables=bool(appendix.tables),
        front_headings=appendix.front_headings,
        figures_dir=work / "figures",
        stamp=datetime(target.year, 12, 31),
    )
    return appendix


def keep_failed(target: Target, failures: Sequence[NotebookFailure]) -> list[NotebookFailure]:
    """Move the failed executed notebooks to ``outputs/.failed/<name>/``; the failures now point there."""
    folder = target.root / FAILED_DIR / target.name
    shutil.rmtree(folder, ignore_errors=True)
    kept = []
    for failure in failures:
        if failure.kept_at is not None and failure.kept_at.exists():
            folder.mkdir(parents=True, exist_ok=True)
            destination = folder / failure.kept_at.name
            shutil.move(str(failure.kept_at), destination)
            failure = replace(failure, kept_at=destination)
        kept.append(failure)
    return kept


def _unchanged(target: Target) -> str:
    """What a failed build left of ``target``'s appendix, e.g. ``outputs/2023 is unchanged``."""
    state = "is unchanged" if target.folder.exists() else "was not created"
    return f"{display_path(target.folder)} {state}"


def _headline(failed: Sequence[Target]) -> str:
    parts = []
    for target in failed:
        state = "is unchanged" if target.folder.exists() else "was not created"
        parts.append(f"the appendix for {target.label} was not built ({display_path(target.folder)} {state})")
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:] + "."


class BuildOptions(TypedDict, total=False):
    """The keyword options of :func:`build`, passed on as they are to :func:`build_many` (defaults there)."""

    outputs_dir: Path | None
    notebooks_dir: Path | None
    jobs: int | None
    progress: bool
    reuse_kernels: bool
    as_of: str


def build(years: Sequence[int], lang: str = "vi", **options: Unpack[BuildOptions]) -> list[Path]:
    """Build the appendix for each of ``years`` in ``lang``; return the finished folders.

    ``options`` are those of :func:`build_many`, with its defaults. Raises
    :class:`BuildFailed` (after publishing the years that worked) when a
    notebook failed; MissingYearError / UsageError / DataError for a year
    without data, an unknown language or data that break the contract, before
    anything runs.
    """
    return build_many([(year, lang) for year in years], **options)


def build_many(
    requests: Sequence[tuple[int, str]],
    *,
    outputs_dir: Path | None = None,
    notebooks_dir: Path | None = None,
    jobs: int | None = None,
    progress: bool = True,
    reuse_kernels: bool = True,
    as_of: str = "",
) -> list[Path]:
    """Build several appendices, each a (year, lang), with all their notebooks in one parallel pool.

    A year is assembled, exported and published as soon as its own notebooks
    are done, while the pool goes on with the others. Returns the finished
    folders in the order asked (``reuse_kernels=False``: a new kernel for every
    notebook, see :mod:`helpers.build.execute`); raises :class:`BuildFailed` at the end if any
    notebook failed (the appendices that worked are published all the same). ``as_of``: build the revised
    editions as of that date (``YYYY-MM-DD``, :mod:`helpers.data.editions`), each into its own folder.
    """
    if as_of:
        check_as_of(as_of)
    known = available_years()
    for year, lang in requests:
        check_lang(lang)
        if year not in known:
            raise MissingYearError(year, known, display_path(data_dir() / "figures"))
    validate_all(data_dir())  # every file of data/, once, whatever the years and languages asked for
    for year, lang in dict.fromkeys(requests):
        # Validate the data once, here, before any notebook starts: bad data is refused
        # with its one sentence instead of failing every notebook with the same error.
        frontmatter.gather(int(year), lang, as_of=as_of)
    notebooks = find_notebooks(Path(notebooks_dir or default_notebooks_dir()).resolve())
    root = Path(outputs_dir or default_outputs_dir()).resolve()
    check_root(root)
    targets = list(dict.fromkeys(Target(int(year), lang, root, as_of) for year, lang in requests))
    works: dict[Target, Path] = {}
    done: dict[Target, Path] = {}
    failed: dict[Target, list[NotebookFailure]] = {}
    with _terminate_as_interrupt(), contextlib.ExitStack() as locks:
        try:
            try:
                root.mkdir(parents=True, exist_ok=True)
                for target in targets:
                    locks.enter_context(year_lock(target))
                    recover(target)
                for target in targets:
                    works[target] = work_folder(target)
            except OSError as exc:
                raise OutputsError.from_os_error(exc, root, "nothing was built") from exc
            all_jobs = [job for t in targets for job in _jobs(t, works[t], notebooks)]
            owner = [t for t in targets for _ in notebooks]
            remaining = {t: len(notebooks) for t in targets}

            def job_done(index: int, failure: NotebookFailure | None) -> None:
                target = owner[index]
                if failure is not None:
                    failed.setdefault(target, []).append(failure)
                remaining[target] -= 1
                if remaining[target]:
                    return
                if target in failed:
                    try:
                        failed[target] = keep_failed(target, sorted(failed[target], key=lambda f: f.job.name))
                    except OSError as exc:
                        raise OutputsError.from_os_error(exc, root, _unchanged(target)) from exc
                    return
                work = works[target]
                executed = [work / "notebooks" / nb.name for nb in notebooks]
                try:
                    for path in executed:
                        normalise_executed(path, work)
                    finish(target, work, executed)
                    publish(work, target.folder)
                except OSError as exc:
                    raise OutputsError.from_os_error(exc, root, _unchanged(target)) from exc
                shutil.rmtree(target.root / FAILED_DIR / target.name, ignore_errors=True)
                done[target] = target.folder

            langs = "/".join(dict.fromkeys(t.lang for t in targets))
            run_notebooks(
                all_jobs,
                jobs,
                progress=progress,
                desc=f"Notebooks ({langs})",
                on_done=job_done,
                reuse_kernels=reuse_kernels,
            )
        finally:
            for work in works.values():
                shutil.rmtree(work, ignore_errors=True)
            with contextlib.suppress(OSError):
                (root / FAILED_DIR).rmdir()  # only when empty
    if failed:
        failures = [f for t in targets for f in failed.get(t, [])]
        raise BuildFailed(failures, _headline([t for t in targets if t in failed]))
    return [done[t] for t in targets]


def refresh_notebooks(notebooks_dir: Path | None = None, jobs: int | None = None, progress: bool = True) -> list[Path]:
    """Re-execute the committed notebooks in place with their own default parameters (2023, vi, no output folder).

    nbval then compares fresh runs against these outputs. Raises BuildFailed
    naming the failing cells; a failed notebook keeps its error output in place.
    """
    notebooks = find_notebooks(Path(notebooks_dir or default_notebooks_dir()).resolve())
    jobs_ = [NotebookJob(nb, nb, {}, "in place") for nb in notebooks]
    failures = run_notebooks(jobs_, jobs, progress=progress, desc="Refreshing notebooks", reuse_kernels=False)
    if failures:
        raise BuildFailed(failures, f"{len(failures)} of {len(notebooks)} notebooks failed to run.")
    for notebook in notebooks:
        normalise_committed(notebook)
    return notebooks
