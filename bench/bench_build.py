"""Benchmark (not a test): the appendix build against the naive route, for one year.

    .venv/bin/python bench/bench_build.py [--year 2023] [--jobs N] [--repeat 1]

Both routes do the same work on the same notebooks, into temporary folders:

* naive: for each notebook in turn, the papermill command line (with the
  year, language and an output folder, so figures and tables are written
  too), then ``jupyter nbconvert --to html --no-input`` on the result;
* build: ``python -m helpers build --year Y`` (parallel notebooks, one
  assembled HTML, plus the PDF and the workbook the naive route does not make).

Prints each route's wall time, the ratio build/naive (issue 15's target is at
most 0.30) and the peak memory: the largest total resident memory of the process
tree (sampled with psutil when it is installed) and the largest single
process (resource.getrusage of the children).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the .venv's executables

from helpers.build.execute import default_jobs, find_notebooks  # noqa: E402  (the package is installed editable)
from helpers.paths import notebooks_dir  # noqa: E402

try:
    import psutil
except ImportError:  # the tree's peak is then not measured, only the largest process
    psutil = None


class TreeMemory:
    """Samples the total resident memory of this process's children and their descendants."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeMemory:
        if psutil is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if psutil is not None:
            self._thread.join()


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cpu_of_children() -> float:
    """CPU seconds (user + system) of every child process ended so far, with their own ended children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(work: Callable[[], None]) -> tuple[float, int, float]:
    """Wall time (s), peak tree memory (bytes; 0 without psutil) and CPU time (s) of ``work``.

    The CPU time says how much work a route does whatever else the machine runs; the wall time, which the
    target is about, also depends on how many processors are free to run a route's parallel parts."""
    cpu = cpu_of_children()
    with TreeMemory() as memory:
        start = time.perf_counter()
        work()
        seconds = time.perf_counter() - start
    return seconds, memory.peak, cpu_of_children() - cpu


def naive(year: int, lang: str, folder: Path) -> None:
    """Every notebook through the papermill command line, then nbconvert to HTML without code, serially."""
    for notebook in find_notebooks(notebooks_dir()):
        executed = folder / "notebooks" / notebook.name
        executed.parent.mkdir(parents=True, exist_ok=True)
        run([str(BIN / "papermill"), str(notebook), str(executed), "-p", "year", str(year), "-p", "lang", lang,
             "-p", "output_dir", str(folder), "--cwd", str(notebook.parent), "--no-progress-bar"])
        run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed), "--output-dir", str(folder / "html")])


def build(year: int, lang: str, folder: Path, jobs: int) -> None:
    """The project's build, as a user runs it."""
    env = dict(os.environ, APPENDIX_OUTPUTS_DIR=str(folder))
    run([sys.executable, "-m", "helpers", "build", "--year", str(year), "--lang", lang, "--jobs", str(jobs)], env=env)


def mb(size: int) -> str:
    return f"{size / 2**20:,.0f} MB" if size else "n/a (psutil not installed)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--lang", default="vi")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--repeat", type=int, default=1, help="runs of each route; the fastest counts")
    args = parser.parse_args()

    count = len(find_notebooks(notebooks_dir()))
    print(f"{count} notebooks, year {args.year} ({args.lang}), {os.cpu_count()} CPUs, build jobs {args.jobs}")
    run([sys.executable, "-c", "import helpers.present.report, papermill, nbconvert"])  # warm the disk cache for both
    results: dict[str, list[tuple[float, int, float]]] = {"naive": [], "build": []}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="bench-naive-") as tmp:
            results["naive"].append(measure(lambda: naive(args.year, args.lang, Path(tmp))))
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            results["build"].append(measure(lambda: build(args.year, args.lang, Path(tmp), args.jobs)))
    largest_process = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    naive_s, naive_mem, naive_cpu = min(results["naive"])
    build_s, build_mem, build_cpu = min(results["build"])
    print(f"naive (papermill CLI + nbconvert --no-input, serial): {naive_s:7.1f} s   peak memory of the tree {mb(naive_mem)}   CPU {naive_cpu:.1f} s")
    print(f"build (python -m helpers build, {args.jobs} at once):      {build_s:7.1f} s   peak memory of the tree {mb(build_mem)}   CPU {build_cpu:.1f} s")
    print(f"largest single process over both routes: {mb(largest_process)}")
    ratio = build_s / naive_s
    print(f"ratio build/naive: {ratio:.2f} (target ≤ 0.30: {'met' if ratio <= 0.3 else 'NOT met'}); "
          f"CPU time build/naive: {build_cpu / naive_cpu:.2f}; load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
