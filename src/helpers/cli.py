"""The command line, ``python -m helpers``: it only parses arguments and calls the library.

Every error the helpers raise on purpose is printed as its one sentence, with
exit status 2; Ctrl-C and SIGTERM print one line, with status 130 and 143 (the
shell's 128 + signal number). Nothing else is caught.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import AppendixError


def _year(text: str) -> int | str:
    if text == "latest":
        return text
    if not text.isdigit() or len(text) != 4:
        raise argparse.ArgumentTypeError(f"expected a four-digit year or 'latest', got '{text}'")
    return int(text)


def _resolve_year(year: int | str) -> int:
    from .loading import latest_year

    return latest_year() if year == "latest" else int(year)


def cmd_summary(args: argparse.Namespace) -> int:
    from .summary import summarise_year

    print(summarise_year(_resolve_year(args.year)))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from .audit import audit_report, format_result

    year = _resolve_year(args.year)
    result = audit_report(year, Path(args.report), source_id=args.source)
    print(format_result(result, year))
    return 0 if result.ok else 1


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of notebooks to run at once, got '{text}'")
    return int(text)


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildFailed, build, resolve_years
    from .formatting import check_lang
    from .paths import display_path

    check_lang(args.lang)
    years = resolve_years(args.year, all_years=args.all)
    try:
        folders = build(years, args.lang, notebooks_dir=args.notebooks_dir, jobs=args.jobs,
                        reuse_kernels=not args.fresh_kernels)
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for folder in folders:
        print(display_path(folder / "appendix.html"))
    return 0


def cmd_refresh_notebooks(args: argparse.Namespace) -> int:
    from .build import BuildFailed, refresh_notebooks

    try:
        refresh_notebooks(args.notebooks_dir, jobs=args.jobs)
    except BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_latest_year(args: argparse.Namespace) -> int:
    print(_resolve_year("latest"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("summary", help="load and validate a year's figures and print a short summary")
    p.add_argument("--year", type=_year, default="latest")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("audit", help="list the report's numbers the year's figures do not hold, and vice versa")
    p.add_argument("--year", type=_year, required=True)
    p.add_argument("--report", required=True, help="the report as UTF-8 text")
    p.add_argument("--source", default=None, help="source_id of the report (default: the year's main source)")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("build", help="build the appendix (HTML, PDF, XLSX, figures, tables) into outputs/<year>[-en]")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--year", type=_year, default="latest", help="a year with data, or 'latest' (the default)")
    which.add_argument("--all", action="store_true", help="build every year with data")
    p.add_argument("--lang", default="vi", help="vi (default) or en; the English build goes to outputs/<year>-en")
    p.add_argument("--jobs", type=_jobs, default=None, help="notebooks run at once (default: the number of CPUs)")
    p.add_argument("--fresh-kernels", action="store_true", help="a new kernel for every notebook (slower)")
    p.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("refresh-notebooks", help="re-execute the committed notebooks in place (2023, vi) for nbval")
    p.add_argument("--jobs", type=_jobs, default=None, help="notebooks run at once (default: the number of CPUs)")
    p.add_argument("--notebooks-dir", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_refresh_notebooks)

    p = sub.add_parser("latest-year", help="print the latest year with data")
    p.set_defaults(func=cmd_latest_year)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except AppendixError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        print(f"\nerror: Stopped by {name}; every appendix not yet finished is as it was before this command.",
              file=sys.stderr)
        return 128 + int(signum)
