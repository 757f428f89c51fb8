"""How good is the draft (issue 17)? Measured on texts whose answers we hold.

1. The 2023 report as .txt, .docx and .pdf (the latter two made here from the text with python-docx and WeasyPrint),
   drafted with data/figures/2023.csv hidden from what the draft learns from (it learns from the other years' files
   and the catalogue only). Against the report's own rows of 2023.csv:
   - entirely right: a proposal with the row's indicator, kind, period, cut-off (as_of) and value;
   - value and indicator right: a proposal with the row's indicator and value;
   - accounted: the share of the text's number tokens that are proposed or passed over with a reason;
   - wrong values: proposals whose value is not the reading of the number printed (target 0).
2. The quoted sentences of ../shared/sources/other-years.csv and other-years-2.csv, each drafted alone (the year is
   the source's publication year from data/sources.csv where its address is listed, else the answer's first year),
   learning from every figures file less the rows of that source: the same shares, against each file's answer.

Each proposal answers at most one row. Run: ``python bench/bench_draft.py`` (``make bench`` runs it).
"""

from __future__ import annotations

import calendar
import csv
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from helpers.data.audit import number_tokens, printed_tokens
from helpers.data.loading import figures_files, load_reference, read_figures_file
from helpers.data.printed import parse_plain_number, parse_printed
from helpers.draft.formats import write_docx, write_pdf
from helpers.draft.propose import draft_text, learned_figures
from helpers.draft.reading import read_report
from helpers.paths import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared" / "sources"
REPORT = SHARED / "2023-bao-cao-tom-tat-sldtbxh-thua-thien-hue.txt"
YEAR, SOURCE = 2023, "sldtbxh_2023_report"


def _num(text: str) -> str:
    # The shared files write a range's value as "16800-17000"; the contract's value of a range is its upper end.
    text = str(text).split("-")[-1] if re.fullmatch(r"[\d.]+-[\d.]+", str(text)) else str(text)
    value = parse_plain_number(text)
    return "" if value is None else format(value.normalize(), "f")


def score(truth: list[dict], proposals: list[dict]) -> tuple[int, int]:
    """(entirely right, value and indicator right) over ``truth``, each proposal answering one row at most."""
    full = ("indicator_id", "kind", "period", "as_of", "value")

    def matched(keys: tuple[str, ...]) -> int:
        pool = Counter(tuple(_num(p[k]) if k == "value" else str(p[k]) for k in keys) for p in proposals)
        hits = 0
        for row in truth:
            key = tuple(_num(row[k]) if k == "value" else str(row[k]) for k in keys)
            if pool[key] > 0:
                pool[key] -= 1
                hits += 1
        return hits

    return matched(full), matched(("indicator_id", "value"))


def wrong_values(proposals: list[dict]) -> int:
    """Proposals whose value is not a reading of their print."""
    bad = 0
    for p in proposals:
        parsed = parse_printed(p["printed"])
        value = parse_plain_number(p["value"])
        if parsed is None or value is None or value not in parsed.readings():
            bad += 1
    return bad


def accounted(text: str, sheet) -> tuple[int, int]:
    """(tokens proposed or passed over with a reason, tokens in the text)."""
    tokens = len(number_tokens(text))
    proposed = sheet[sheet["passed_over"] == ""]
    held = sum(len(printed_tokens(p)) for p in proposed["printed"])
    passed = int((sheet["passed_over"] != "").sum())
    return min(held + passed, tokens), tokens


def report_2023() -> list[str]:
    truth_rows = read_figures_file(figures_files()[YEAR], load_reference())
    truth = [
        {**r, "period": str(r["period"]), "value": format(r["value"], "g") if r["value"] % 1 else str(int(r["value"]))}
        for r in truth_rows[truth_rows["source_id"] == SOURCE].to_dict("records")
    ]
    learned = learned_figures(hide_years=(YEAR,))
    text = REPORT.read_text(encoding="utf-8")
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            ".txt": REPORT,
            ".docx": write_docx(text, Path(tmp) / "report.docx"),
            ".pdf": write_pdf(text, Path(tmp) / "report.pdf"),
        }
        for fmt, path in files.items():
            read = read_report(path)
            draft = draft_text(read, YEAR, source_id=SOURCE, learned=learned)
            proposals = draft.proposals.to_dict("records")
            full, vi = score(truth, proposals)
            held, tokens = accounted(read, draft.sheet)
            lines.append(
                f"2023 report {fmt:5s}: {full}/{len(truth)} entirely right ({full / len(truth):.0%}), "
                f"{vi}/{len(truth)} value and indicator right ({vi / len(truth):.0%}), "
                f"{held}/{tokens} numbers accounted for ({held / tokens:.0%}), "
                f"{wrong_values(proposals)} proposals with a wrong value"
            )
    return lines


def _period(text: str) -> tuple[str, str]:
    """The answer files' period as (period, as_of): 2016 → 2016; 2016-H1 → 2016, 2016-06-30; 2016-05 → the month's end;
    2016-2020 → 2020 (a span's last year)."""
    if re.fullmatch(r"\d{4}", text):
        return text, ""
    if m := re.fullmatch(r"(\d{4})-H1", text):
        return m[1], f"{m[1]}-06-30"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        y, mo = int(m[1]), int(m[2])
        return m[1], f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    if m := re.fullmatch(r"\d{4}-(\d{4})", text):
        return m[1], ""
    return text, ""


def quotes(name: str) -> str:
    ref = load_reference()
    published = {u: p[:4] for u, p in zip(ref.sources["url"], ref.sources["published"], strict=True) if u and p}
    source_of = {u: s for u, s in zip(ref.sources["url"], ref.sources["source_id"], strict=True) if u}
    rows = list(csv.DictReader((SHARED / name).open(encoding="utf-8")))
    full = vi = held = tokens = wrong = 0
    for row in rows:
        period, as_of = _period(row["period"])
        found = re.search(r"(?:19|20)\d\d", row["period"])  # an undated row is drafted as of the latest report
        year = int(published.get(row["url"]) or (found[0] if found else YEAR))
        hide = (source_of[row["url"]],) if row["url"] in source_of else ()
        draft = draft_text(row["quote"], year, learned=learned_figures(hide_sources=hide))
        proposals = draft.proposals.to_dict("records")
        truth = [
            {
                "indicator_id": row["indicator"],
                "kind": row["kind"],
                "period": period,
                "as_of": as_of,
                "value": row["value"],
            }
        ]
        f, v = score(truth, proposals)
        full, vi, wrong = full + f, vi + v, wrong + wrong_values(proposals)
        h, t = accounted(row["quote"], draft.sheet)
        held, tokens = held + h, tokens + t
    n = len(rows)
    return (
        f"{name:19s}: {full}/{n} entirely right ({full / n:.0%}), {vi}/{n} value and indicator right ({vi / n:.0%}), "
        f"{held}/{tokens} numbers accounted for ({held / tokens:.0%}), {wrong} proposals with a wrong value"
    )


def main() -> int:
    if not REPORT.exists():
        print(f"bench_draft: {REPORT} is not beside the project; nothing measured.", file=sys.stderr)
        return 1
    for line in report_2023():
        print(line)
    for name in ("other-years.csv", "other-years-2.csv"):
        print(quotes(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
