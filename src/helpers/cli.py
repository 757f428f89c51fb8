"""The command line, ``phu-luc`` or ``python -m helpers``: it only parses arguments and calls the library.

Every error the helpers raise on purpose is printed as its one sentence, with
exit status 2, and so is an OSError (a file the system refused, named); Ctrl-C
and SIGTERM print one line, with status 130 and 143 (the shell's 128 + signal
number). Nothing else is caught: anything else is a bug, and its traceback says where.
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
    from helpers.data.audit import audit_quotes, audit_report, format_quote_result, format_result

    if args.quotes:
        quotes = audit_quotes()
        print(format_quote_result(quotes))
        if args.year is None and args.report is None:
            return 0 if quotes.ok else 1
    if args.year is None or args.report is None:
        raise SystemExit("phu-luc audit: error: --year and --report go together (or give --quotes alone)")
    year = _resolve_year(args.year)
    result = audit_report(year, Path(args.report), source_id=args.source)
    print(format_result(result, year))
    return 0 if result.ok and (not args.quotes or quotes.ok) else 1


def cmd_draft(args: argparse.Namespace) -> int:
    from helpers.paths import display_path

    year = _resolve_year(args.year)
    if args.accept:
        from helpers.data.audit import format_result
        from helpers.draft.accept import accept_draft

        done = accept_draft(Path(args.accept), year, report=Path(args.report) if args.report else None)
        print(f"{display_path(done.path)}: {done.added} reviewed rows added.")
        if done.audit is None:
            print("No --report given: run 'audit' on the report to list what is still missing.")
            return 0
        print(format_result(done.audit, year))
        return 0 if done.audit.ok else 1
    if not args.report:
        print("error: 'draft' needs --report FILE (or --accept DRAFT.csv).", file=sys.stderr)
        return 2
    from helpers.draft.propose import draft_report
    from helpers.draft.sheet import default_sheet_path, write_sheet

    draft = draft_report(Path(args.report), year, source_id=args.source)
    path = write_sheet(draft, Path(args.out) if args.out else default_sheet_path(year))
    for reason, count in draft.passed_over["passed_over"].value_counts().sort_index().items():
        print(f"  passed over {count:3d} × {reason}")
    print(
        f"{display_path(path)}: {len(draft.proposals)} figures proposed, {len(draft.passed_over)} numbers passed "
        "over (each with its reason). Mark rows accepted, corrected or rejected, then run "
        f"'draft --accept {display_path(path)} --year {year} --report {args.report}'."
    )
    return 0


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


def _size(n: int) -> str:
    """A file size as people read it: 870 KB, 1.2 MB."""
    for unit in ("B", "KB", "MB"):
        if n < 1000 or unit == "MB":
            return f"{n:.0f} {unit}" if unit == "B" or n >= 100 else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"  # pragma: no cover


def _formats(text: str) -> tuple[str, ...]:
    from helpers.build.publish import check_formats
    from helpers.errors import UsageError

    try:
        return check_formats([f.strip() for f in text.split(",") if f.strip()])
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_build(args: argparse.Namespace) -> int:
    from helpers.build.failures import BuildFailed
    from helpers.build.publish import build, resolve_years, written_files
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
            formats=args.formats,
            as_of=args.as_of or "",
        )
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for folder in folders:  # what was written, with sizes; the paths on stdout, one a line, for scripts
        for path, size in written_files(folder):
            shown = display_path(path) + ("/" if path.is_dir() else "")
            print(f"{shown}\t{_size(size)}")
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("helpers")
    except PackageNotFoundError:  # run from a source tree without installing it
        return "unknown (not installed)"


def cmd_refresh_notebooks(args: argparse.Namespace) -> int:
    from helpers.build.failures import BuildFailed
    from helpers.build.publish import refresh_notebooks

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
    ("audit --quotes", "is every number of every quote in the data held by a figure?"),
    ("summary --year 2023", "check the 2023 figures and count them"),
    ("draft --year 2024 --report report.docx", "propose 2024's figures rows from the report, for review"),
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
    parser.add_argument("--version", action="version", version=f"{prog} {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, title="commands", metavar="<command>")

    p = _command(
        sub,
        "build",
        "build the appendix for a year (or every year)",
        "Build the appendix into outputs/<year>/ (in English: outputs/<year>-en/): appendix.html,\n"
        "appendix.pdf, appendix.docx, appendix.xlsx, the technical annex (annex.html, annex.pdf), the\n"
        "figures, the tables as CSV (--formats picks among them), the notebooks' records (record/, which\n"
        "every format is rendered from) and the executed notebooks. After the notebooks, each phase is\n"
        "named on stderr;\n"
        "at the end every file written is listed with its size.\n"
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
    p.add_argument(
        "--formats",
        type=_formats,
        default="html,pdf,docx,xlsx,csv",
        metavar="LIST",
        help="the renderings to write, separated by commas, among html, pdf, docx, xlsx and csv "
        "(the tables/ folder) (default: %(default)s)",
    )
    p.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_build)

    p = _command(
        sub,
        "audit",
        "check that a report's every number is in the data",
        "Read a report saved as UTF-8 text and list every number in it that the year's figures\n"
        "do not hold, and every figure that the report does not print. Use it after typing in a\n"
        "new year's report. With --quotes, check every quoted sentence of data/figures (a locator\n"
        "'quote: \"…\"'): each of its numbers must be held by a figure of its source or passed over by\n"
        "a rule of audit_skip_rules.yml. The exit status is 1 when anything is missing.",
    )
    p.add_argument("--year", type=_year, default=None, help="the year of the report, e.g. 2023")
    p.add_argument("--report", default=None, metavar="FILE", help="the report as UTF-8 text")
    p.add_argument(
        "--quotes",
        action="store_true",
        help="check every number of every quote in data/figures (alone, or with --year and --report)",
    )
    p.add_argument(
        "--source",
        default=None,
        metavar="SOURCE_ID",
        help="the report's source_id in data/sources.csv (default: the year's main report)",
    )
    p.set_defaults(func=cmd_audit)

    p = _command(
        sub,
        "draft",
        "propose a year's figures rows from its report, then file the reviewed ones",
        "Read a report (.txt, .docx or .pdf) and write a review sheet (CSV, default\n"
        "outputs/drafts/<year>-draft.csv): every number of the text proposed as a figures row, with\n"
        "its sentence and a confidence, or passed over with the reason. Mark rows accepted, corrected\n"
        "or rejected in the 'decision' column, then '--accept' adds them to data/figures/<year>.csv\n"
        "(never replacing a figure) and audits the report. Nothing is written to data/ before.",
    )
    p.add_argument("--year", type=_year, required=True, help="the year of the report, e.g. 2024")
    p.add_argument("--report", default=None, metavar="FILE", help="the report as .txt (UTF-8), .docx or .pdf")
    p.add_argument("--out", default=None, metavar="DRAFT.csv", help="where to write the review sheet")
    p.add_argument(
        "--source", default=None, metavar="SOURCE_ID", help="the report's source_id (default: the year's, reports.csv)"
    )
    p.add_argument("--accept", default=None, metavar="DRAFT.csv", help="file the reviewed rows of this sheet")
    p.set_defaults(func=cmd_draft)

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


def _os_error(exc: OSError) -> str:
    """``exc`` as one sentence: what the system said, and about which file."""
    from helpers.paths import display_path

    reason = exc.strerror or str(exc) or type(exc).__name__
    if exc.filename:
        return f"{display_path(Path(exc.filename))}: {reason[:1].lower() + reason[1:]}."
    return f"{reason[:1].upper() + reason[1:]}."


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
    except OSError as exc:
        # The machine refused a file the helpers do not check for themselves (a folder they cannot read, too
        # many open files): its one sentence, naming the file, rather than a traceback.
        print(f"error: {_os_error(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        print(
            f"\nerror: Stopped by {name}; every appendix not yet finished is as it was before this command.",
            file=sys.stderr,
        )
        return 128 + int(signum)
