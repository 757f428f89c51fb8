"""The pins for pip (requirements.txt) and conda (environment.yml) agree, and the layout is the client's."""

from __future__ import annotations

import re

from helpers.paths import PROJECT_ROOT


def _pip_pins() -> dict[str, str]:
    pins = {}
    for line in (PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"requirements.txt: '{line}' is not pinned with =="
            pins[name.lower()] = version
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


def test_environment_has_python_311_and_the_design_card_packages() -> None:
    text = (PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+-\s+python=3\.11\s*$", text, re.M)
    assert {"jupyterlab", "pandas", "matplotlib", "seaborn", "papermill", "nbval", "pytest"} <= set(_pip_pins())


def test_layout() -> None:
    for folder in ("notebooks", "data", "src/helpers", "outputs", "tests"):
        assert (PROJECT_ROOT / folder).is_dir(), folder
    assert (PROJECT_ROOT / "outputs" / ".gitkeep").exists()
    assert (PROJECT_ROOT / "environment.yml").exists()
