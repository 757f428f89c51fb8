"""How the workbook shows one cell: the names of codes, numbers rounded as the appendix rounds them, and prints.

Decided by the column's meaning (:mod:`helpers.build.columns`), never by the look of the cell;
the sheets themselves are written by :mod:`helpers.build.workbook`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from helpers.build.columns import Column, flag_word, locator_text
from helpers.build.columns import T as COLUMN_TEXTS
from helpers.build.columns import code_names as own_code_names
from helpers.data.printed import shown_decimals
from helpers.text.formatting import SCALES, decimals_needed, fmt_number
from helpers.text.templates import say
from helpers.text.vocabulary import instrument_name, publisher_names

WHOLE_DONG_UNITS = frozenset({"vnd", "vnd_per_month", "vnd_per_item", "vnd_per_person"})  # no fraction of a đồng


class Labels:
    """The names readers see for the data's codes, in one language (from the data folder and the vocabulary)."""

    def __init__(self, lang: str) -> None:
        from helpers.data.loading import NAMED_CODES, code_names, load_reference

        ref = load_reference()
        self.lang = lang
        self.codes: dict[str, dict[str, str]] = {
            "indicator": dict(zip(ref.indicators["indicator_id"], ref.indicators[f"name_{lang}"], strict=False)),
            "unit": dict(zip(ref.units["unit"], ref.units[f"name_{lang}"], strict=False)),
            "source": publisher_names(lang),
            **{code: code_names(code, lang) for code in NAMED_CODES},
        }
        for kind, names in own_code_names(lang).items():  # the appendix's own codes beside the data's ("all")
            self.codes[kind] = {**self.codes.get(kind, {}), **names}
        self.whole_units = set(ref.units.loc[ref.units["whole"] == "true", "unit"])
        self.categories = {
            (r.dimension, r.value): getattr(r, f"label_{lang}") for r in ref.labels.itertuples(index=False)
        }

    def decimals(self, unit: str) -> int | None:
        """Decimals the appendix shows for a figure in ``unit``: none for whole units and amounts in đồng."""
        return 0 if unit in self.whole_units or unit in WHOLE_DONG_UNITS else None

    def code(self, kind: str, raw: str) -> str:
        return self.codes[kind].get(raw, raw)

    def refs(self, raw: str) -> str:
        """Figures named by reference ("jobs_created|plan@2023; unlisted") as the reader reads them:
        "Số lao động được giải quyết việc làm (Kế hoạch, 2023); Không có trong dữ liệu"."""
        named = []
        for ref in raw.split("; "):
            head, at, period = ref.partition("@")
            indicator, _, rest = head.partition("|")
            kind = rest.split("|")[0]
            if at and indicator in self.codes["indicator"]:
                named.append(
                    COLUMN_TEXTS(
                        "pattern.ref",
                        self.lang,
                        indicator=self.code("indicator", indicator),
                        kind=self.code("kind", kind),
                        period=period,
                    )
                )
            else:
                named.append(self.code("refs", ref))
        return "; ".join(named)

    def breakdown(self, raw: str) -> str:
        dimension, _, code = raw.partition("=")
        return self.categories.get((dimension, code), code or raw)

    def flag(self, raw: str, kind: str = "flag") -> str:
        """A True/False cell as Có/Không, or as Đạt/Chưa đạt in a verdict column; anything else as it is."""
        return flag_word(raw == "True", kind, self.lang) if raw in ("True", "False") else raw


@dataclass(frozen=True)
class Shown:
    """One cell as the workbook shows it: the value, its number format, and the full value when rounded."""

    value: str | int | float | None
    number_format: str = "General"
    full: float | None = None


def shown_cell(raw: str, col: Column, datatype: str, labels: Labels, decimals: int | None = None) -> Shown:
    """What the workbook shows for the CSV cell ``raw`` of a column meaning ``col`` with ``datatype``.

    Decided by the column, never by the look of the cell: a printed figure or
    a text column stays text even when it reads like a number; a number column
    holds numbers rounded as the appendix rounds them (at most ``col.decimals``,
    or ``decimals`` when the row's unit says so, see :meth:`Labels.decimals`;
    the caller passes it only for a column in the row's unit, ``col.in_unit``).
    """
    if raw == "":
        return Shown(None)
    kind = col.kind
    if kind == "auto":
        kind = {"number": "number", "integer": "number", "boolean": "flag"}.get(datatype, "text")
    if kind in ("number", "year") and datatype in ("number", "integer"):
        try:
            number = float(raw)
        except ValueError:
            return Shown(raw)
        if kind == "year" or (datatype == "integer" and number.is_integer()):
            return Shown(int(number), "0" if kind == "year" else "#,##0")
        most = col.decimals if decimals is None else min(decimals, col.decimals)
        rounded = float(Decimal(raw).quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP))
        places = most if col.fixed else decimals_needed(rounded, most)
        value: int | float = int(rounded) if places == 0 else rounded
        fmt = "#,##0" + ("." + "0" * places if places else "")
        return Shown(value, fmt, number if rounded != number else None)
    if kind in ("flag", "verdict") or datatype == "boolean":
        return Shown(labels.flag(raw, kind))
    if kind == "breakdown":
        return Shown(labels.breakdown(raw))
    if kind == "refs":
        return Shown(labels.refs(raw))
    if kind == "numbers":  # the parts of a sum, as the appendix prints them: "24.767 + 17.396", never "24767;17396"
        try:
            return Shown(" + ".join(fmt_number(float(v), labels.lang) for v in raw.split(";")))
        except ValueError:
            return Shown(raw)
    if kind == "instrument":
        return Shown(instrument_name(raw, labels.lang))
    if kind == "locator":
        return Shown(locator_text(raw, labels.lang))
    if kind in labels.codes:
        return Shown(labels.code(kind, raw))
    return Shown(raw)  # text, printed figures, codes of categories


def as_printed(shown: Shown, raw: str, printed: str) -> Shown:
    """A figure's value cell shown with the decimals its print has ("1,40%" shows 1.40, not 1.4)."""
    if not isinstance(shown.value, (int, float)) or isinstance(shown.value, bool):
        return shown
    places = shown_decimals(printed, float(raw))
    if not places:
        return shown
    return Shown(float(shown.full if shown.full is not None else shown.value), "#,##0." + "0" * places)


# A figure as the appendix prints it in each language ("1.234,56" / "1,234.56"; a sign, a per cent sign), the whole
# cell. Written here because helpers.data.printed reads the sources' Vietnamese prints only (with their words:
# "hơn", "tỷ"), while the appendix prints English numbers too; a cell with words stays text.
READER_NUMBER = {
    "vi": re.compile(r"^([+\-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(%?)$"),
    "en": re.compile(r"^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$"),
}


def printed_cell(text: str, lang: str) -> Shown:
    """A table cell as the appendix printed it (:class:`helpers.present.record.Table`): a bare figure ("100,20",
    "-4.195", "+0,52", "70,25%") as a number whose format shows the same decimals, sign and per cent sign; anything
    else ("hơn 22.762", "khoảng 347 nghìn", "–", a name) as the same text."""
    found = READER_NUMBER[lang].match(text.strip())
    if not found:
        return Shown(text or None)
    sign, whole, fraction, percent = found[1], found[2], found[3] or "", found[4]
    number = Decimal(f"{whole.replace('.' if lang == 'vi' else ',', '')}.{fraction or '0'}")
    value: int | float = float(-number if sign in ("-", "−") else number)
    if not fraction:
        value = int(value)
    body = "#,##0" + ("." + "0" * len(fraction) if fraction else "") + ('"%"' if percent else "")
    fmt = f"+{body};-{body};{body}" if sign == "+" else body
    return Shown(value, fmt)


PRINTED_WORDS_MAX = 4  # a cell of more words is a sentence or a formula, not one figure ("32 tỷ đồng / 60.834")


@dataclass(frozen=True)
class Precision:
    """How the appendix printed a figure: the number it shows, its decimals, and the scale word after it (a
    thousand for "khoảng 347 nghìn", 1 for "100,20")."""

    shown: Decimal
    decimals: int
    scale: int = 1

    @property
    def place(self) -> int:
        """The power of ten of the last digit printed: -2 for "100,20"; for an amount in words, whose figures are
        significant ones (:func:`helpers.text.formatting.fmt_significant`: "khoảng 530 nghìn"), its last non-zero
        digit's (1 for 530)."""
        if self.decimals or self.scale == 1 or not self.shown:
            return -self.decimals
        digits = str(abs(int(self.shown)))
        return len(digits) - len(digits.rstrip("0"))

    def holds(self, value: float) -> bool:
        """Whether ``value``, rounded as printed, is the figure shown."""
        return abs(Decimal(repr(value)) / self.scale - self.shown) <= Decimal(5).scaleb(self.place - 1)

    def round(self, value: float) -> Shown:
        """``value`` rounded as printed, with a number format of the decimals printed and the full value kept."""
        scaled = (Decimal(repr(value)) / self.scale).quantize(Decimal(1).scaleb(self.place), ROUND_HALF_UP)
        rounded = float(scaled * self.scale)
        places = self.decimals if self.scale == 1 else 0
        shown: int | float = int(rounded) if places == 0 and rounded.is_integer() else rounded
        fmt = "#,##0" + ("." + "0" * places if places else "")
        return Shown(shown, fmt, value if rounded != value else None)


def printed_precision(text: str, lang: str) -> Precision | None:
    """The precision of the figure a printed table cell shows ("100,20%", "khoảng 347 nghìn", "-4.195 hộ"), or None
    for a cell that shows no single figure."""
    words = text.split()
    if len(words) > PRINTED_WORDS_MAX:
        return None
    scales = {say(f"common:number.{name}", lang, n="").strip(): int(size) for size, name in SCALES}
    for k, word in enumerate(words):
        found = READER_NUMBER[lang].match(word)
        if found:
            whole = found[2].replace("." if lang == "vi" else ",", "")
            number = Decimal(f"{whole}.{found[3] or '0'}")
            scale = scales.get(words[k + 1], 1) if k + 1 < len(words) else 1
            return Precision(-number if found[1] in ("-", "−") else number, len(found[3] or ""), scale)
    return None


def as_in_appendix(shown: Shown, raw: str, printed_row: list[Precision | None]) -> Shown:
    """A computed value's cell rounded as the appendix's row printed it: as the figure of the row that the value,
    so rounded, is — the most precise one when several are (none: the cell as the column shows it). A whole value
    (a count, a share of 0) is left to its column: it needs no rounding, and a row's other figures may hold it too."""
    if not isinstance(shown.value, (int, float)) or isinstance(shown.value, bool):
        return shown
    value = float(raw)
    if value.is_integer():
        return shown
    held = [p for p in printed_row if p is not None and p.holds(value)]
    if not held:
        return shown
    return max(held, key=lambda p: (p.decimals, -p.scale)).round(value)
