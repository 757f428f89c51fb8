"""The Makefile's own parameters (YEAR, LANG_, JOBS) reach the shell only as what they stand for (issue 18)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def make_n(*args: str) -> subprocess.CompletedProcess[str]:
    """``make -n`` (print the commands, run none) in the project with ``args``."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "YEAR", "JOBS", "LANG_")}
    return subprocess.run(
        ["make", "-n", "--no-print-directory", "-C", str(PROJECT_ROOT), *args], capture_output=True, text=True, env=env
    )


@pytest.mark.parametrize(
    ("target", "name", "value", "said"),
    [
        ("appendix", "YEAR", "`touch {marker}`", "YEAR must be a year in digits such as 2023 (or latest)"),
        ("appendix", "YEAR", "$(shell touch {marker})", "YEAR must be a year in digits such as 2023 (or latest)"),
        ("appendix", "YEAR", "2023 --lang en", "YEAR must be a year in digits such as 2023 (or latest)"),
        ("appendix", "JOBS", "2; touch {marker}", "JOBS must be a number of notebooks in digits such as 2"),
        ("all-years", "JOBS", "$$(touch {marker})", "JOBS must be a number of notebooks in digits such as 2"),
        ("appendix", "LANG_", "vi'; touch {marker}; '", "LANG_ must be vi or en"),
        ("all-years", "LANG_", "de", "LANG_ must be vi or en"),
    ],
)
def test_a_bad_year_lang_or_jobs_stops_make_with_one_line_and_runs_nothing(
    tmp_path: Path, target: str, name: str, value: str, said: str
) -> None:
    marker = tmp_path / "injected"
    value = value.format(marker=marker)
    done = make_n(target, f"{name}={value}")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(f"*** {said}, not '{value}'.  Stop."), done.stderr
    assert done.stdout == ""
    assert not marker.exists()


def test_good_values_are_passed_quoted() -> None:
    done = make_n("appendix", "YEAR=2023", "LANG_=en", "JOBS=2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].endswith("-m helpers build --year '2023' --lang 'en' --jobs '2'")
    done = make_n("all-years")
    assert done.stdout.splitlines()[-1].endswith("-m helpers build --all --lang 'vi' ")
