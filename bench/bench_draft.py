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

Each proposal answers at most one row. Run: ``python bench/bench_draft.py`` (``make bench`` runs it); for each quote
set it also counts the misses by what differs from the answer (the indicator, kind, period, as_of, or the value not
proposed at all), and ``--misses`` lists each missed quote with its cause.
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


def why_missed(row: dict, proposals: list[dict]) -> str:
    """Why an answer is not proposed entirely right: the fields in which the nearest proposal of its value differs
    (indicator, kind, period, as_of), or that its value is not proposed at all."""
    same = [p for p in proposals if _num(p["value"]) == _num(row["value"])]
    if not same:
        return "value"
    fields = ("indicator_id", "kind", "period", "as_of")
    nearest = min(same, key=lambda p: sum(str(p[k]) != str(row[k]) for k in fields))
    return "+".join(k.replace("indicator_id", "indicator") for k in fields if str(nearest[k]) != str(row[k]))


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
    2016-2020 → 2020 (a span's last year); 2016-start → 2015 (a baseline printed at a period's start is the survey
    of the year before, data/README.md). Others ("2018-partial", "undated …") have no reading in the contract's terms
    and cannot be proposed entirely right."""
    if re.fullmatch(r"\d{4}", text):
        return text, ""
    if m := re.fullmatch(r"(\d{4})-start", text):
        return str(int(m[1]) - 1), ""
    if m := re.fullmatch(r"(\d{4})-H1", text):
        return m[1], f"{m[1]}-06-30"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        y, mo = int(m[1]), int(m[2])
        return m[1], f"{y}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    if m := re.fullmatch(r"\d{4}-(\d{4})", text):
        return m[1], ""
    return text, ""


def _catalogue_reading(row: dict, source_id: str, catalogue: set[str], filed: list[dict]) -> str:
    """The indicator an answer names, in the catalogue's terms. The shared files sometimes name an indicator the
    catalogue lacks: where the project's figures files hold the same source's number (a district's figure is
    ``poverty_rate`` with ``district=A Lưới``, not ``poverty_rate_a_luoi``), their indicator is the answer; where
    they do not, the right proposal is a new catalogue row (an empty ``indicator_id``) with the value."""
    if row["indicator"] in catalogue:
        return row["indicator"]
    value = _num(row["value"])
    held = {f["indicator_id"] for f in filed if f["source_id"] == source_id and _num(f["value"]) == value}
    return held.pop() if len(held) == 1 else ""


def quotes(name: str, verbose: bool = False) -> list[str]:
    ref = load_reference()
    dates = {u: p for u, p in zip(ref.sources["url"], ref.sources["published"], strict=True) if u and p}
    source_of = {u: s for u, s in zip(ref.sources["url"], ref.sources["source_id"], strict=True) if u}
    catalogue = set(ref.indicators["indicator_id"])
    filed = learned_figures().to_dict("records")
    rows = list(csv.DictReader((SHARED / name).open(encoding="utf-8")))
    full = vi = held = tokens = wrong = 0
    as_written = [0, 0]
    renamed: list[str] = []
    causes: Counter = Counter()
    misses: list[str] = []
    for row in rows:
        period, as_of = _period(row["period"])
        found = re.search(r"(?:19|20)\d\d", row["period"])  # an undated row is drafted as of the latest report
        year = int(dates.get(row["url"], "")[:4] or (found[0] if found else YEAR))
        hide = (source_of[row["url"]],) if row["url"] in source_of else ()
        # The text's date is the source's (a text of early in a year reports the year before, draft_rules.yml).
        draft = draft_text(
            row["quote"], year, learned=learned_figures(hide_sources=hide), published=dates.get(row["url"], "")
        )
        proposals = draft.proposals.to_dict("records")
        truth = {"indicator_id": row["indicator"], "kind": row["kind"], "period": period, "as_of": as_of}
        truth["value"] = row["value"]
        f, v = score([truth], proposals)
        as_written = [as_written[0] + f, as_written[1] + v]
        reading = _catalogue_reading(row, hide[0] if hide else "", catalogue, filed)
        if reading != row["indicator"]:
            renamed.append(f"{row['indicator']} → {reading or 'a new catalogue row'}")
            truth = {**truth, "indicator_id": reading}
            f, v = score([truth], proposals)
        if not f:
            cause = why_missed(truth, proposals)
            causes[cause] += 1
            misses.append(
                f"    {cause:22s} {reading or '(new row)'} {row['kind']} {row['period']}: {row['quote'][:90]}"
            )
        full, vi, wrong = full + f, vi + v, wrong + wrong_values(proposals)
        h, t = accounted(row["quote"], draft.sheet)
        held, tokens = held + h, tokens + t
    n = len(rows)
    lines = [
        f"{name:19s}: {full}/{n} entirely right ({full / n:.0%}), {vi}/{n} value and indicator right ({vi / n:.0%}), "
        f"{held}/{tokens} numbers accounted for ({held / tokens:.0%}), {wrong} proposals with a wrong value"
    ]
    if renamed:
        lines.append(
            f"  {len(renamed)} answers name an indicator the catalogue lacks, read as the figures files hold them or "
            f"as a new catalogue row ({'; '.join(sorted(set(renamed)))}); against the answers as written: "
            f"{as_written[0]}/{n} entirely right, {as_written[1]}/{n} value and indicator right"
        )
    lines.append("  misses by what differs: " + ", ".join(f"{c} {n}" for c, n in causes.most_common()))
    if verbose:
        lines += misses
    return lines


def main() -> int:
    if not REPORT.exists():
        print(f"bench_draft: {REPORT} is not beside the project; nothing measured.", file=sys.stderr)
        return 1
    for line in report_2023():
        print(line)
    for name in ("other-years.csv", "other-years-2.csv"):
        for line in quotes(name, verbose="--misses" in sys.argv):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
