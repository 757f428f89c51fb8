"""The command line, ``phu-luc`` or ``python -m helpers``: it only parses arguments and calls the library.

Every error the helpers raise on purpose is printed as its one sentence, with
exit status 2; Ctrl-C and SIGTERM print one line, with status 130 and 143 (the
shell's 128 + signal number). Nothing else is caught.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from helpers.errors import AppendixError
from helpers.text.formatting import LANGS


def _year(text: str) -> int | str:
    if text == "latest":
        return text
    # ASCII digits only, and no leading zero: '0023' is not read as 23, nor '２０２３' as 2023.
    if not re.fullmatch(r"(19|20)[0-9]{2}", text):
        raise argparse.ArgumentTypeError(f"expected a four-digit year such as 2023, or 'latest', got '{text}'")
    return int(text)


def _resolve_year(year: int | str) -> int:
    from helpers.data.loading import latest_year

    return latest_year() if year == "latest" else int(year)


def cmd_summary(args: argparse.Namespace) -> int:
    from helpers.analysis.summary import summarise_year

    print(summarise_year(_resolve_year(args.year)))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from helpers.data.audit import audit_report, format_result

    year = _resolve_year(args.year)
    result = audit_report(year, Path(args.report), source_id=args.source)
    print(format_result(result, year))
    return 0 if result.ok else 1


def _as_of(text: str) -> str:
    from helpers.data.editions import check_as_of

    try:
        return check_as_of(text)
    except AppendixError as exc:
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None


def _jobs(text: str) -> int:
    if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of notebooks to run at once, got '{text}'")
    return int(text)


def _add_jobs(p: argparse.ArgumentParser) -> None:
    """The --jobs option, the same for 'build' and 'refresh-notebooks'."""
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="notebooks run at once (default: the number of processors)",
    )


def cmd_build(args: argparse.Namespace) -> int:
    from helpers.build.publish import BuildFailed, build, resolve_years
    from helpers.paths import display_path
    from helpers.text.formatting import check_lang

    check_lang(args.lang)
    years = resolve_years(args.year, all_years=args.all)
    try:
        folders = build(
            years,
            args.lang,
            notebooks_dir=args.notebooks_dir,
            jobs=args.jobs,
            reuse_kernels=not args.fresh_kernels,
            as_of=args.as_of or "",
        )
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for folder in folders:
        print(display_path(folder / "appendix.html"))
    return 0


def cmd_refresh_notebooks(args: argparse.Namespace) -> int:
    from helpers.build.publish import BuildFailed, refresh_notebooks

    try:
        refresh_notebooks(args.notebooks_dir, jobs=args.jobs)
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_latest_year(args: argparse.Namespace) -> int:
    print(_resolve_year("latest"))
    return 0


DESCRIPTION = """\
Build the annual analytical appendix (phụ lục phân tích) to a year's labour, people-with-merit and
social affairs report: every figure of the report, trends across years, results against plans and
targets, and the report's own arithmetic checked, as HTML, PDF, Word and Excel,
in Vietnamese or English. The figures come from data/figures/<year>.csv; whose report it is,
from data/reports.csv.
"""

EXAMPLES = [
    ("build", "the latest year's appendix, in Vietnamese"),
    ("build --year 2021 --lang en", "the 2021 appendix in English, into outputs/2021-en/"),
    ("build --all", "every year with data"),
    ("build --year 2023 --as-of 2026-06-30", "the 2023 appendix revised with data to 30/06/2026"),
    ("audit --year 2023 --report report.txt", "is every number of the report in the data?"),
    ("summary --year 2023", "check the 2023 figures and count them"),
]


def _examples(prog: str) -> str:
    width = max(len(f"{prog} {command}") for command, _ in EXAMPLES) + 3
    lines = [f"  {f'{prog} {command}'.ljust(width)}{what}" for command, what in EXAMPLES]
    return "\n".join(["examples:", *lines, "", f"Run '{prog} <command> --help' for a command's options."])


def _command(sub: argparse._SubParsersAction, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    return sub.add_parser(
        name, help=summary, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )


def build_parser(prog: str = "phu-luc") -> argparse.ArgumentParser:
    """The parser of the command line; ``prog`` is the name it is called by in help and errors."""
    parser = argparse.ArgumentParser(
        prog=prog, description=DESCRIPTION, epilog=_examples(prog), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True, title="commands", metavar="<command>")

    p = _command(
        sub,
        "build",
        "build the appendix for a year (or every year)",
        "Build the appendix into outputs/<year>/ (in English: outputs/<year>-en/): appendix.html,\n"
        "appendix.pdf, appendix.xlsx, the figures, the tables as CSV and the executed notebooks.\n"
        "The previous appendix is replaced only when every step succeeds; a failing notebook is\n"
        "named with its cell and kept in outputs/.failed/<year>/.",
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--year", type=_year, default="latest", help="a year with data, e.g. 2023, or 'latest' (default: %(default)s)"
    )
    which.add_argument("--all", action="store_true", help="build every year with data")
    p.add_argument(
        "--lang",
        default="vi",
        choices=LANGS,
        help="language of the appendix: vi (Vietnamese, the default) or en (English)",
    )
    p.add_argument(
        "--as-of",
        type=_as_of,
        default=None,  # not "": argparse would pass a string default through _as_of
        metavar="YYYY-MM-DD",
        help="build the revised edition with what was published up to that date, into outputs/<year>-rev-<date>/ "
        "(default: the edition as issued with the report, from sources published by its date)",
    )
    _add_jobs(p)
    p.add_argument(
        "--fresh-kernels",
        action="store_true",
        help="start a new Python kernel for every notebook: slower, for when a build misbehaves",
    )
    p.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_build)

    p = _command(
        sub,
        "audit",
        "check that a report's every number is in the data",
        "Read a report saved as UTF-8 text and list every number in it that the year's figures\n"
        "do not hold, and every figure that the report does not print. Use it after typing in a\n"
        "new year's report. The exit status is 1 when anything is missing.",
    )
    p.add_argument("--year", type=_year, required=True, help="the year of the report, e.g. 2023")
    p.add_argument("--report", required=True, metavar="FILE", help="the report as UTF-8 text")
    p.add_argument(
        "--source",
        default=None,
        metavar="SOURCE_ID",
        help="the report's source_id in data/sources.csv (default: the year's main report)",
    )
    p.set_defaults(func=cmd_audit)

    p = _command(
        sub,
        "summary",
        "check a year's figures and print how many there are",
        "Load and check the figures for a year (refusing bad input with the file, line and\n"
        "column) and print how many figures, indicators and sources it has, by domain and kind.",
    )
    p.add_argument("--year", type=_year, default="latest", help="a year with data, or 'latest' (default: %(default)s)")
    p.set_defaults(func=cmd_summary)

    p = _command(
        sub,
        "refresh-notebooks",
        "re-run the notebooks in notebooks/ and save their outputs",
        "Re-run the notebooks in notebooks/ in place, for 2023 in Vietnamese, so that the\n"
        "outputs saved in them match the current data and code. Do it after changing a notebook\n"
        "or the helpers; 'make test' compares fresh runs against these saved outputs.",
    )
    _add_jobs(p)
    p.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_refresh_notebooks)

    p = _command(sub, "latest-year", "print the latest year with data", "Print the latest year that has data.")
    p.set_defaults(func=cmd_latest_year)
    return parser


def main(argv: Sequence[str] | None = None, prog: str = "phu-luc") -> int:
    """Run the command line; returns the exit status (2 for a usage error, 0 after --help)."""
    try:
        args = build_parser(prog).parse_args(argv)
    except SystemExit as exc:  # argparse has printed the help or the error
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return args.func(args)
    except AppendixError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        print(
            f"\nerror: Stopped by {name}; every appendix not yet finished is as it was before this command.",
            file=sys.stderr,
        )
        return 128 + int(signum)
