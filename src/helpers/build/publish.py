"""Build the appendix: run the notebooks, assemble, export, and publish only when all of it worked.

One build makes, for each year asked for, the folder ``outputs/<year>``
(``outputs/<year>-en`` for English) holding the official appendix ``appendix.html`` (self-contained),
``appendix.pdf``, ``appendix.docx``, ``appendix.xlsx``, the technical annex ``annex.html`` and ``annex.pdf``
(the notebooks marked for it: the data checks, the full method, the sources with their roles), ``figures/``,
``tables/`` and the executed ``notebooks/``. The notebooks of every year asked for run in one parallel pool
(:mod:`helpers.build.execute`); each year is then assembled (:mod:`helpers.build.assemble`)
and exported (:mod:`helpers.build.export`) in a temporary folder beside its final
place, which replaces the previous folder only when every step has succeeded.
A failed or interrupted build leaves the previous appendix as it was, removes
its temporary folders and keeps the failed executed notebooks in
``outputs/.failed/<year>/`` (:mod:`helpers.build.failures`). Every step reads one snapshot of ``data/``
(:mod:`helpers.build.snapshot`), and nothing is published if ``data/`` changed
while the build ran.

Publishing is crash-safe and one build at a time per folder (:mod:`helpers.build.outputs`).
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TypedDict, Unpack

from helpers.build import export, frontmatter, word, workbook
from helpers.build.assemble import Appendix, assemble
from helpers.build.documents import annex_frame, split_documents
from helpers.build.execute import (
    NotebookFailure,
    NotebookJob,
    effective_jobs,
    ensure_open_files,
    find_notebooks,
    run_notebooks,
)
from helpers.build.failures import (
    FAILED_DIR,
    BuildFailed,
    failed_headline,
    keep_failed,
    terminate_as_interrupt,
    unchanged,
)
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
from helpers.build.pdf_worker import PdfJob, PdfWorker
from helpers.build.snapshot import Snapshot, data_snapshot
from helpers.data.editions import check_as_of
from helpers.data.loading import available_years, latest_year, load_year
from helpers.data.validation import validate_all
from helpers.errors import AppendixError, MissingYearError
from helpers.paths import data_dir, display_path
from helpers.paths import notebooks_dir as default_notebooks_dir
from helpers.paths import outputs_dir as default_outputs_dir
from helpers.present.handoff import PRINT_SVG_DIR
from helpers.text import say
from helpers.text.formatting import check_lang

# The renderings a build can write (``--formats``); the HTML is always assembled, since the PDF and the Word file are
# made from it, but appendix.html is kept only when asked for; "csv" is the tables/ folder.
FORMATS = ("html", "pdf", "docx", "xlsx", "csv")
PHASES = {"html": "HTML", "pdf": "PDF", "docx": "Word", "xlsx": "Excel", "csv": "CSV"}


def check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """The formats asked for, in the build's order; a UsageError naming any unknown one."""
    from helpers.errors import UsageError

    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(
            f"Unknown format {', '.join(repr(f) for f in unknown) or '(none given)'}; "
            f"choose among {', '.join(FORMATS)}, separated by commas."
        )
    return tuple(f for f in FORMATS if f in formats)


def _phase(progress: bool, label: str, name: str) -> None:
    """One line on stderr as a phase after the notebooks begins (the notebooks have their own bar)."""
    if progress:
        from tqdm import tqdm

        tqdm.write(f"{label}: {name}…", file=sys.stderr)  # above the notebooks' bar while it is still drawn


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


def _jobs(target: Target, work: Path, notebooks: Sequence[Path]) -> list[NotebookJob]:
    parameters = {"year": target.year, "lang": target.lang, "output_dir": str(work), "as_of": target.as_of}
    return [NotebookJob(nb, work / "notebooks" / nb.name, parameters, target.label) for nb in notebooks]


def finish(
    target: Target,
    work: Path,
    executed: Sequence[Path],
    formats: Sequence[str] = FORMATS,
    progress: bool = False,
    pdf_worker: PdfWorker | None = None,
) -> Appendix:
    """Assemble and export one appendix in its work folder, in ``formats`` (HTML, PDF, DOCX, XLSX, CSV); with
    ``progress``, a line on stderr as each phase begins. The technical annex (the full method, the sources with
    their roles, and the notebooks marked for it, :func:`~helpers.build.documents.split_documents`) is written
    beside it as ``annex.html`` and ``annex.pdf`` when those formats are asked for: its readers are analysts on
    screen or paper, and its tables are already in
    ``tables/`` as CSV, so it has no Word file or workbook of its own. With a ``pdf_worker`` the PDFs are rendered
    there while this process writes the Word file and the workbook (:mod:`helpers.build.pdf_worker`); else here,
    first."""
    fm = frontmatter.gather(target.year, target.lang, as_of=target.as_of)
    _phase(progress, target.label, PHASES["html"])
    documents = split_documents(executed)
    appendix = assemble(documents["appendix"], fm, others=documents["annex"])
    # The annex is written for every build: its full method (files, checksums) and its sources with their roles are
    # what an analyst checks the appendix by, whichever notebooks (if any) are marked for it.
    annex = assemble(documents["annex"], fm, annex_frame(fm), others=documents["appendix"])
    if "html" in formats:
        (work / "appendix.html").write_bytes(appendix.html.encode("utf-8"))
        (work / "annex.html").write_bytes(annex.html.encode("utf-8"))
    shown = appendix.tables + annex.tables
    missing = [t.name for t in shown if not (work / "tables" / f"{t.name}.csv").is_file()]
    if missing:
        raise AppendixError(
            f"The tables {', '.join(missing)} were shown without a CSV file in tables/; show tables with Report.table."
        )
    pdfs: list[PdfJob] = []
    if "pdf" in formats:
        _phase(progress, target.label, PHASES["pdf"])
        for document, pdf_path in ((appendix, work / "appendix.pdf"), (annex, work / "annex.pdf")):
            if pdf_worker is not None:
                pdfs.append(pdf_worker.submit(document.with_figures("print"), pdf_path, base_url=work))
            else:
                export.write_pdf(document.with_figures("print"), pdf_path, base_url=work)
    if "docx" in formats:
        _phase(progress, target.label, PHASES["docx"])
        word.write_docx(
            appendix.with_figures("png", word=True),
            fm,
            appendix.headings,
            work / "appendix.docx",
            has_figures=bool(appendix.figures),
            has_tables=bool(appendix.tables),
            front_headings=appendix.front_headings,
            figures_dir=work / "figures",
            stamp=datetime(target.year, 12, 31),
        )
    if "xlsx" in formats:
        _phase(progress, target.label, PHASES["xlsx"])
        title = say("frontmatter:title", target.lang, year=target.year)
        workbook.write_xlsx(
            appendix.tables,
            work / "tables",
            work / "appendix.xlsx",
            target.lang,
            title,
            stamp=datetime(target.year, 12, 31),
            printed=workbook.printed_lookup(load_year(target.year)),
            as_shown=appendix.table_items(),
        )
    for job in pdfs:
        job.wait()
    shutil.rmtree(work / PRINT_SVG_DIR, ignore_errors=True)  # the PDF's copies of the charts, read by now
    if "csv" in formats:
        workbook.write_tables_readme(work / "tables", target.lang, target.year)
    else:
        shutil.rmtree(work / "tables", ignore_errors=True)
    return appendix


def written_files(folder: Path) -> list[tuple[Path, int]]:
    """What a build wrote into ``folder``: each appendix file, then each folder as a whole, with its size in bytes."""
    documents = sorted([*folder.glob("appendix.*"), *folder.glob("annex.*")])
    found = [(p, p.stat().st_size) for p in documents if p.is_file()]
    for sub in ("figures", "tables", "record", "notebooks"):
        if (folder / sub).is_dir():
            found.append((folder / sub, sum(f.stat().st_size for f in (folder / sub).rglob("*") if f.is_file())))
    return found


class BuildOptions(TypedDict, total=False):
    """The keyword options of :func:`build`, passed on as they are to :func:`build_many` (defaults there)."""

    outputs_dir: Path | None
    notebooks_dir: Path | None
    jobs: int | None
    progress: bool
    reuse_kernels: bool
    formats: Sequence[str]
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
    formats: Sequence[str] = FORMATS,
    as_of: str = "",
) -> list[Path]:
    """Build several appendices, each a (year, lang), with all their notebooks in one parallel pool.

    A year is assembled, exported and published as soon as its own notebooks
    are done, while the pool goes on with the others. Returns the finished
    folders in the order asked (``reuse_kernels=False``: a new kernel for every
    notebook, see :mod:`helpers.build.execute`); raises :class:`BuildFailed` at the end if any
    notebook failed (the appendices that worked are published all the same). ``formats`` picks the
    renderings (:data:`FORMATS`); ``progress`` shows the notebooks' bar and a line per phase after them. ``as_of``:
    build the revised editions as of that date (``YYYY-MM-DD``, :mod:`helpers.data.editions`), each into its own
    folder.

    Everything the build reads of ``data/`` comes from one snapshot taken
    before the first check (:mod:`helpers.build.snapshot`); an appendix whose
    data changed in ``data/`` meanwhile is not published (DataChanged). Too low
    a limit on open files is refused before anything runs (TooFewOpenFiles).
    """
    formats = check_formats(formats)
    if as_of:
        check_as_of(as_of)
    known = available_years()
    for year, lang in requests:
        check_lang(lang)
        if year not in known:
            raise MissingYearError(year, known, display_path(data_dir() / "figures"))
    root = Path(outputs_dir or default_outputs_dir()).resolve()
    check_root(root)
    with terminate_as_interrupt(), contextlib.ExitStack() as stack:  # SIGTERM, too, removes the snapshot
        try:
            data = stack.enter_context(data_snapshot())
        except OSError as exc:  # the snapshot could not be taken (a full or unwritable temporary disk)
            raise OutputsError.from_os_error(exc, root, "nothing was built") from exc
        return _build_from(data, requests, root, notebooks_dir, jobs, progress, reuse_kernels, formats, as_of)


def _build_from(
    data: Snapshot,
    requests: Sequence[tuple[int, str]],
    root: Path,
    notebooks_dir: Path | None,
    jobs: int | None,
    progress: bool,
    reuse_kernels: bool,
    formats: Sequence[str],
    as_of: str,
) -> list[Path]:
    """:func:`build_many` once ``data`` (the snapshot of ``data/`` every step reads) is taken: the data are checked
    before the notebooks are looked for, and the limit on open files before any notebook runs."""
    validate_all(data_dir())  # every file of the snapshot, once, whatever the years and languages asked for
    for year, lang in dict.fromkeys(requests):
        # Validate the data once, here, before any notebook starts: bad data is refused
        # with its one sentence instead of failing every notebook with the same error.
        frontmatter.gather(int(year), lang, as_of=as_of)
    notebooks = find_notebooks(Path(notebooks_dir or default_notebooks_dir()).resolve())
    ensure_open_files(effective_jobs(jobs, len(notebooks) * len(dict.fromkeys(requests))))
    targets = list(dict.fromkeys(Target(int(year), lang, root, as_of) for year, lang in requests))
    with contextlib.ExitStack() as stack:
        # Started now, so that the worker's start-up overlaps the notebooks; stopped at once on an error.
        pdf_worker = stack.enter_context(PdfWorker()) if "pdf" in formats else None
        return _run_and_publish(data, targets, root, notebooks, jobs, progress, reuse_kernels, formats, pdf_worker)


def _run_and_publish(
    data: Snapshot,
    targets: Sequence[Target],
    root: Path,
    notebooks: Sequence[Path],
    jobs: int | None,
    progress: bool,
    reuse_kernels: bool,
    formats: Sequence[str],
    pdf_worker: PdfWorker | None,
) -> list[Path]:
    """Run every notebook of ``targets`` in one pool; finish and publish each appendix as its notebooks end."""
    works: dict[Target, Path] = {}
    done: dict[Target, Path] = {}
    failed: dict[Target, list[NotebookFailure]] = {}
    with contextlib.ExitStack() as locks:
        try:
            try:
                root.mkdir(parents=True, exist_ok=True)
                for target in targets:
                    locks.enter_context(year_lock(target))
                    recover(target)
                for target in targets:
                    works[target] = locks.enter_context(work_folder(target))
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
                    failed[target] = keep_failed(target, sorted(failed[target], key=lambda f: f.job.name))
                    return
                work = works[target]
                executed = [work / "notebooks" / nb.name for nb in notebooks]
                try:
                    for path in executed:
                        normalise_executed(path, work)
                    finish(target, work, executed, formats, progress, pdf_worker)
                    data.check(unchanged(target))  # what was built is still what data/ holds
                    publish(work, target.folder)
                except OSError as exc:
                    raise OutputsError.from_os_error(exc, root, unchanged(target)) from exc
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
            if pdf_worker is not None:  # idle after a success; after an error it may still be writing a work folder
                pdf_worker.close(abort=True)
            for work in works.values():
                shutil.rmtree(work, ignore_errors=True)
            with contextlib.suppress(OSError):
                (root / FAILED_DIR).rmdir()  # only when empty
    if failed:
        failures = [f for t in targets for f in failed.get(t, [])]
        raise BuildFailed(failures, failed_headline([t for t in targets if t in failed]))
    return [done[t] for t in targets]


def refresh_notebooks(notebooks_dir: Path | None = None, jobs: int | None = None, progress: bool = True) -> list[Path]:
    """Re-execute the committed notebooks in place with their own default parameters (2023, vi, no output folder).

    nbval then compares fresh runs against these outputs. Raises BuildFailed
    naming the failing cells; a failed notebook keeps its error output in place.
    """
    notebooks = find_notebooks(Path(notebooks_dir or default_notebooks_dir()).resolve())
    jobs_ = [NotebookJob(nb, nb, {}, "in place") for nb in notebooks]
    ensure_open_files(effective_jobs(jobs, len(jobs_)))
    failures = run_notebooks(jobs_, jobs, progress=progress, desc="Refreshing notebooks", reuse_kernels=False)
    if failures:
        raise BuildFailed(failures, f"{len(failures)} of {len(notebooks)} notebooks failed to run.")
    for notebook in notebooks:
        normalise_committed(notebook)
    return notebooks
