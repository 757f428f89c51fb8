"""How the workbook shows one cell: the names of codes, numbers rounded as the appendix rounds them, and prints.

Decided by the column's meaning (:mod:`helpers.build.columns`), never by the look of the cell;
the sheets themselves are written by :mod:`helpers.build.workbook`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from helpers.build.columns import Column, flag_word, locator_text
from helpers.build.columns import T as COLUMN_TEXTS
from helpers.build.columns import code_names as own_code_names
from helpers.data.printed import shown_decimals
from helpers.text.formatting import decimals_needed
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
