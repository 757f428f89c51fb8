"""The command line, ``python -m helpers``: it only parses arguments and calls the library.

Every error the helpers raise on purpose is printed as its one sentence, with
exit status 2; nothing else is caught.
"""

from __future__ import annotations

import argparse
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
