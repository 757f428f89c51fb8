"""The pins (requirements.txt, requirements-dev.txt, environment.yml) agree; the Python and the layout are right."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from helpers.paths import PROJECT_ROOT
from tests.conftest import find_chromium


def _pip_pins(name: str = "requirements-dev.txt") -> dict[str, str]:
    """The pins of a requirements file, following its ``-r`` includes."""
    pins = {}
    for line in (PROJECT_ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r "):
            pins.update(_pip_pins(line.removeprefix("-r ").strip()))
        elif line:
            package, _, version = line.partition("==")
            assert version, f"{name}: '{line}' is not pinned with =="
            assert package.lower() not in pins, f"{name}: '{package}' is pinned twice"
            pins[package.lower()] = version
    return pins


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)\s*(==|=)\s*([^\s#]+)", line)
        if m and m[1] != "python":
            pins[m[1].lower()] = m[3]
    return pins


def test_pip_and_conda_pins_agree() -> None:
    assert _pip_pins() == _conda_pins()


def test_runtime_and_development_pins_are_apart() -> None:
    runtime, everything = _pip_pins("requirements.txt"), _pip_pins("requirements-dev.txt")
    assert "-r requirements.txt" in (PROJECT_ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert everything.items() >= runtime.items()
    assert not {"pytest", "pytest-xdist", "nbval", "playwright", "ruff", "pre-commit"} & set(runtime)
    assert {"pytest", "pytest-xdist", "nbval", "playwright", "ruff", "pre-commit"} <= set(everything)


def test_pre_commit_runs_the_pinned_ruff() -> None:
    config = (PROJECT_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "ruff check" in config
    assert re.findall(r"ruff==([0-9][^\s\"',\]]*)", config) == [_pip_pins()["ruff"]]


def test_environment_has_python_311_and_the_design_card_packages() -> None:
    text = (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+-\s+python=3\.11\s*$", text, re.M)
    assert {"jupyterlab", "pandas", "matplotlib", "seaborn", "papermill"} <= set(_pip_pins("requirements.txt"))
    assert {"nbval", "pytest"} <= set(_pip_pins())


def test_requires_python_says_311_or_later() -> None:
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["requires-python"] == ">=3.11"


def _make_python(tmp_path: Path, candidates: list[str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHON", "MAKEFLAGS", "MFLAGS")}
    return subprocess.run(
        [
            "make",
            "-s",
            "--no-print-directory",
            "-C",
            str(PROJECT_ROOT),
            "python",
            f"PYTHON_CANDIDATES={' '.join(candidates)}",
        ],
        capture_output=True,
        text=True,
        env=env,
    )


def test_the_makefile_takes_the_first_python_311_or_later(tmp_path: Path) -> None:
    # A pyenv shim for a version that is not installed exists but fails; an old Python fails the version check.
    shim, old = tmp_path / "python3.12", tmp_path / "python3.10"
    shim.write_text("#!/bin/sh\necho 'pyenv: python3.12: command not found' >&2\nexit 127\n")
    old.write_text(f"#!/bin/sh\nexec {sys.executable} -c 'import sys; sys.exit(sys.version_info < (3, 99))'\n")
    for script in (shim, old):
        script.chmod(0o755)
    chosen = _make_python(tmp_path, [str(shim), str(old), sys.executable, "python3"])
    assert chosen.returncode == 0 and chosen.stdout.strip() == sys.executable
    none = _make_python(tmp_path, [str(shim), str(old)])
    assert none.returncode != 0 and "no Python 3.11 or later found" in none.stderr
    candidates = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "PYTHON_CANDIDATES ?= python3.11 python3.12 python3.13 python3\n" in candidates


def test_layout() -> None:
    for folder in ("notebooks", "data", "src/helpers", "outputs", "tests"):
        assert (PROJECT_ROOT / folder).is_dir(), folder
    assert (PROJECT_ROOT / "outputs" / ".gitkeep").exists()
    assert (PROJECT_ROOT / "environment.yml").exists()


# What `make test` needs beyond Python and make: a Chromium, the system's or Playwright's own.


def test_a_system_chromium_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: "/opt/bin/chromium" if name == "chromium" else None)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("nothing to install"))
    assert find_chromium() == "/opt/bin/chromium"


def test_without_a_system_chromium_playwright_installs_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        calls.append(args)
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(subprocess, "run", run)
    assert find_chromium() is None  # None: Playwright launches its own
    assert calls == [[sys.executable, "-m", "playwright", "install", "chromium"]]


def test_a_failed_browser_download_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    failed = subprocess.CompletedProcess([], 1, "", "Downloading Chrome for Testing\nError: Download failure, code=1\n")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: failed)
    with pytest.raises(
        pytest.fail.Exception,
        match=r"playwright install chromium` failed: .*Download failure.*"
        r"apt-get install chromium",
    ):
        find_chromium()
