"""The command line (helpers.cli): the installed ``phu-luc`` command, ``python -m helpers``, and help for users."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import cli
from helpers.data.loading import latest_year
from helpers.text.formatting import LANGS

COMMANDS = ("build", "audit", "summary", "refresh-notebooks", "latest-year")


def test_help_says_what_each_command_does_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: phu-luc ")
    assert "HTML, PDF, Word and Excel" in text and "Vietnamese or English" in text
    for command in COMMANDS:
        assert f"\n    {command}" in text, command
    examples = text[text.index("examples:") :]
    assert "phu-luc build --year 2021 --lang en" in examples and "phu-luc audit --year 2023 --report" in examples
    # Users read this: no developer words, no Python names.
    for word in ("papermill", "nbval", "func", "argparse", "DataFrame", "helpers."):
        assert word not in text, word


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_its_own_description(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([command, "--help"]) == 0
    text = capsys.readouterr().out
    usage, description = text.split("\n\n")[:2]
    assert usage.startswith(f"usage: phu-luc {command}")
    assert len(description) > 30 and not description.startswith("options")


def test_lang_offers_its_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["build", "--help"]) == 0
    assert "--lang {" + ",".join(LANGS) + "}" in capsys.readouterr().out


def test_a_usage_error_is_status_2_with_one_line_saying_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["build", "--year", "23"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("usage: phu-luc build")
    assert (
        err[-1]
        == "phu-luc build: error: argument --year: expected a four-digit year such as 2023, or 'latest', got '23'"
    )


def test_the_installed_command_and_python_m_helpers_are_the_same_program() -> None:
    installed = Path(sys.executable).parent / "phu-luc"
    assert installed.exists(), "pip install -e . installs the phu-luc command beside python"
    by_name = subprocess.run([str(installed), "latest-year"], capture_output=True, text=True, check=True)
    by_module = subprocess.run(
        [sys.executable, "-m", "helpers", "latest-year"], capture_output=True, text=True, check=True
    )
    assert by_name.stdout == by_module.stdout == f"{latest_year()}\n"
    usage = subprocess.run([sys.executable, "-m", "helpers", "build", "--lang", "de"], capture_output=True, text=True)
    assert usage.returncode == 2 and usage.stderr.startswith("usage: python -m helpers build")


def test_version_names_the_program_and_its_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"phu-luc {version('helpers')}"


def test_an_unknown_format_is_refused_naming_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["build", "--formats", "pdf,odt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == (
        "phu-luc build: error: argument --formats: Unknown format 'odt'; "
        "choose among html, pdf, docx, xlsx, csv, separated by commas."
    )
