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


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("missing.txt", None, "There is no file {path}; give --report the report's text file."),
        ("folder", "dir", "{path} is a folder, not a report; give --report the report's text file."),
        (
            "utf16.txt",
            "Tỷ lệ hộ nghèo 2,27%".encode("utf-16"),
            "{path} is UTF-16 text, not UTF-8; save the report as UTF-8 text and audit again.",
        ),
        (
            "utf16-no-bom.txt",
            "Tỷ lệ hộ nghèo 2,27%".encode("utf-16-le"),
            "{path} is UTF-16 text, not UTF-8; save the report as UTF-8 text and audit again.",
        ),
        (
            "report.docx",
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
            "{path} is not a text file (it holds a zero byte at byte 5); save the report as UTF-8 text and audit "
            "again.",
        ),
        (
            "latin1.txt",
            "Báo cáo 2,27%".encode("latin-1"),
            "{path} is not UTF-8 text (byte 0xe1 at byte 1 is not UTF-8); save the report as UTF-8 text and audit "
            "again.",
        ),
    ],
)
def test_audit_refuses_a_report_that_is_not_utf8_text_in_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | str | None, said: str
) -> None:
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert cli.main(["audit", "--year", "2023", "--report", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"error: {said.format(path=path)}"]


def test_audit_reads_a_utf8_report_with_a_byte_order_mark(tmp_path: Path) -> None:
    from helpers.data.audit import read_report

    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTỷ lệ 2,27%".encode())
    assert read_report(path) == "Tỷ lệ 2,27%"


def test_a_file_the_system_refuses_is_one_sentence_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from helpers.build import publish

    folder = tmp_path / "notebooks"

    def refused(path: Path) -> list[Path]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))

    monkeypatch.setattr(publish, "find_notebooks", refused)
    assert cli.main(["build", "--year", "2023", "--notebooks-dir", str(folder)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"error: {folder}: permission denied."]

    def too_many(path: Path) -> list[Path]:
        raise OSError(errno.EMFILE, os.strerror(errno.EMFILE))

    monkeypatch.setattr(publish, "find_notebooks", too_many)
    assert cli.main(["build", "--year", "2023"]) == 2
    assert capsys.readouterr().err.splitlines() == ["error: Too many open files."]


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
