"""Benchmark (not a test): peak memory and time of loading a figures file, by the file's size.

    .venv/bin/python bench/bench_load_memory.py [--sizes 1 5 20]

For each size (MB), a copy of ``data/`` gets a synthetic ``figures/2023.csv`` of about that size: the real file's
rows repeated with other periods and cut-off dates (``period``, ``as_of``), so that every row passes the contract
and no key repeats. A fresh Python process then loads and checks the year (``load_year(2023)``, which reads every
figures file and the reference tables) and reports its peak resident memory (``resource.getrusage``: ru_maxrss).
The real data (a 30 KB file) give the baseline; the growth is (peak − baseline) / file size. The loader refuses a
file over ``helpers.data.csvfile.MAX_FILE_BYTES`` (10 MB) at once; the probe lifts that limit to measure larger files.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import resource, sys, time
from pathlib import Path
import helpers.data.csvfile
from helpers.data.loading import load_year
helpers.data.csvfile.MAX_FILE_BYTES = 2**40  # measured beyond the limit too, to see how loading grows
start = time.perf_counter()
rows = len(load_year(2023, Path(sys.argv[1])))
took = time.perf_counter() - start
print(rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, took)
"""


def synthetic_figures(real: Path, target_bytes: int) -> str:
    """The real figures file's rows, repeated with periods 1900-2023 and cut-off dates in them, up to the size."""
    rows = list(csv.reader(io.StringIO(real.read_text(encoding="utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    period, as_of = header.index("period"), header.index("as_of")
    key = [header.index(c) for c in ("indicator_id", "kind", "instrument", "breakdown", "source_id")]
    body = list({tuple(row[i] for i in key): row for row in body}.values())  # one row per key besides the time
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    day = 0
    while out.tell() < target_bytes:
        for year in range(1900, 2024):
            cut = date(year, 1, 1) + timedelta(days=day)
            if cut.year != year:
                continue
            for row in body:
                copy = list(row)
                copy[period], copy[as_of] = str(year), cut.isoformat()
                writer.writerow(copy)
            if out.tell() >= target_bytes:
                break
        day += 1
    return out.getvalue()


def measure(data: Path) -> tuple[int, int, float]:
    """(rows loaded, peak RSS in bytes, seconds) of loading 2023 from ``data`` in a new process."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data)], check=True, capture_output=True, text=True, cwd=ROOT
    )
    rows, peak, took = done.stdout.split()
    return int(rows), int(peak), float(took)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="file sizes in MB")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        real = (data / "figures" / "2023.csv").read_text(encoding="utf-8")
        rows, base, took = measure(data)
        print(f"{'file':>10} {'rows':>9} {'peak RSS':>10} {'growth':>8} {'time':>7}")
        print(f"{len(real.encode()) / 2**20:9.2f}M {rows:9,} {base / 2**20:9.0f}M {'(base)':>8} {took:6.1f}s")
        for size in args.sizes:
            text = synthetic_figures(ROOT / "data" / "figures" / "2023.csv", int(size * 2**20))
            (data / "figures" / "2023.csv").write_text(text, encoding="utf-8")
            file_bytes = len(text.encode())
            rows, peak, took = measure(data)
            growth = (peak - base) / file_bytes
            print(f"{file_bytes / 2**20:9.2f}M {rows:9,} {peak / 2**20:9.0f}M {growth:7.1f}x {took:6.1f}s")


if __name__ == "__main__":
    main()
