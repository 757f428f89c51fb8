"""What each column of the appendix's tables means: its title in the reader's language and how to show its cells.

The tables in ``tables/*.csv`` keep the data's own column names
(``indicator_id``, ``goal_printed``, ``met``) and codes, so that analysts can
join them to the data. The Excel workbook shows the same tables to readers:
its headers are the titles here, never the code names, and each column's cells
are shown according to what the column means, decided here from its name (and
from the type the notebook's table gave it, see :func:`helpers.present.report.write_table`),
never from the look of a cell: a column of figures as printed (``*_printed``) is
always text, so ``16.500`` stays ``16.500``.

Kinds of column:

``text``      text as it is (notes, labels, refs)
``printed``   a figure exactly as a source printed it: always text
``number``    a number, rounded as the appendix shows it (at most ``decimals``)
``year``      a year (a whole number)
``indicator`` an indicator id, shown as the catalogue's name
``breakdown`` a breakdown (``district=A Lưới``), shown as its category's name
``kind``, ``domain``, ``dimension``, ``bound``, ``status``, ``method``, ``scope``
              a code, shown by its name in :data:`CODE_LABELS`
``unit``      a unit code, shown by its name in ``data/units.csv``
``source``    a source id, shown as its publisher
``flag``      True/False shown as Có/Không (Yes/No)
``verdict``   True/False shown as Đạt/Chưa đạt (Met/Not met)
``code``      a category's code, kept (the column beside it names it)
``auto``      a column already titled for readers (``Giá trị``): number, flag or
              text as the table's metadata types it
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.errors import AppendixError

Pair = tuple[str, str]


@dataclass(frozen=True)
class Column:
    """The meaning of one table column: its title (vi, en), its kind and, for numbers, the decimals shown."""

    title: Pair
    kind: str = "text"
    decimals: int = 2

    def heading(self, lang: str) -> str:
        return self.title[0] if lang == "vi" else self.title[1]


KINDS = frozenset({"text", "printed", "number", "year", "indicator", "breakdown", "kind", "domain", "dimension",
                   "bound", "status", "method", "scope", "unit", "source", "flag", "verdict", "code", "auto"})

CODE_LABELS: dict[str, dict[str, Pair]] = {
    "bound": {"floor": ("Tối thiểu (hơn, trên)", "Floor (more than)"),
              "ceiling": ("Tối đa (dưới)", "Ceiling (less than)")},
    "status": {"agrees": ("Khớp", "Agrees"), "cannot recompute": ("Không tính lại được", "Cannot be recomputed"),
               "no total printed": ("Không nêu tổng", "No total printed"),
               "within total": ("Không vượt tổng", "Within the total"),
               "disagrees": ("Không khớp", "Disagrees"), "exceeds total": ("Vượt tổng", "Exceeds the total")},
    "scope": {"district": ("Cấp huyện", "District"), "province": ("Toàn tỉnh", "Province")},
    "method": {"difference": ("Hiệu số", "Difference"), "percent_of": ("Tỷ lệ phần trăm", "Percent of"),
               "share": ("Tỷ trọng", "Share"), "ratio": ("Tỷ số", "Ratio")},
}
VERDICT: dict[bool, Pair] = {True: ("Đạt", "Met"), False: ("Chưa đạt", "Not met")}
YES_NO: dict[bool, Pair] = {True: ("Có", "Yes"), False: ("Không", "No")}

# Columns by their whole name.
NAMED: dict[str, Column] = {
    "indicator_id": Column(("Chỉ tiêu", "Indicator"), "indicator"),
    "breakdown": Column(("Phân tổ", "Breakdown"), "breakdown"),
    "period": Column(("Kỳ", "Period"), "year"),
    "kind": Column(("Loại số liệu", "Kind of figure"), "kind"),
    "label": Column(("Nội dung", "Item")),
    "value": Column(("Giá trị", "Value"), "number"),
    "unit": Column(("Đơn vị", "Unit"), "unit"),
    "computed": Column(("Phụ lục tính", "Computed by the appendix"), "flag"),
    "source_id": Column(("Nguồn", "Source"), "source"),
    "printed": Column(("Số in", "As printed"), "printed"),
    "note": Column(("Ghi chú", "Note")),
    "locator": Column(("Vị trí trong nguồn", "Where printed")),
    "domain": Column(("Lĩnh vực", "Domain"), "domain"),
    "goal_kind": Column(("Loại mục tiêu", "Kind of goal"), "kind"),
    "goal": Column(("Mục tiêu", "Goal"), "number"),
    "instrument": Column(("Văn bản đặt mục tiêu", "Instrument that set the goal")),
    "as_of": Column(("Tính đến ngày", "As of")),
    "goal_low": Column(("Mục tiêu – đầu dưới của khoảng", "Goal – lower end of the range"), "number"),
    "goal_high": Column(("Mục tiêu – đầu trên của khoảng", "Goal – upper end of the range"), "number"),
    "margin_far": Column(("Chênh lệch tới đầu kia của khoảng (+: tốt hơn)", "Margin to the range's other end (+: better)"),
                         "number"),
    "gap_far": Column(("Khoảng cách tới đầu kia của khoảng", "Gap to the range's other end"), "number"),
    "required_far": Column(("Tốc độ cần mỗi năm tới đầu kia của khoảng", "Pace needed per year to the range's other end"),
                           "number"),
    "bound": Column(("Giới hạn", "Bound"), "bound"),
    "actual": Column(("Thực hiện", "Actual"), "number"),
    "achieved": Column(("Đã đạt", "Achieved"), "number"),
    "result": Column(("Kết quả", "Result"), "number"),
    "current": Column(("Kết quả gần nhất", "Latest result"), "number"),
    "ratio": Column(("Tỷ lệ so với mục tiêu (%)", "Ratio to the goal (%)"), "number"),
    "margin": Column(("Chênh lệch (+: tốt hơn mục tiêu)", "Margin (+: better than the goal)"), "number"),
    "difference": Column(("Chênh lệch", "Difference"), "number"),
    "met": Column(("Đánh giá", "Assessment"), "verdict"),
    "met_now": Column(("Đã đạt mục tiêu", "Goal met already"), "verdict"),
    "on_track": Column(("Giữ tốc độ thì đạt", "On track"), "verdict"),
    "comparable": Column(("So sánh được", "Comparable"), "flag"),
    "below_achieved": Column(("Đặt thấp hơn mức đã đạt", "Set below what was achieved"), "flag"),
    "gap": Column(("Khoảng cách còn lại", "Remaining gap"), "number"),
    "required": Column(("Tốc độ cần mỗi năm", "Pace needed per year"), "number"),
    "achieved_from": Column(("Tốc độ đã đạt tính từ năm", "Pace achieved since"), "year"),
    "change": Column(("Thay đổi", "Change"), "number"),
    "change_pp": Column(("Thay đổi (điểm phần trăm)", "Change (percentage points)"), "number"),
    "share_pct": Column(("Tỷ trọng (%)", "Share (%)"), "number"),
    "code": Column(("Mã", "Code"), "code"),
    "category_code": Column(("Mã", "Code"), "code"),
    "category": Column(("Nhóm", "Category")),
    "scope": Column(("Phạm vi", "Scope"), "scope"),
    "items": Column(("Số suất quà (suất)", "Gifts (items)"), "number"),
    "amount_million_vnd": Column(("Kinh phí (triệu đồng)", "Amount (million VND)"), "number"),
    "average_vnd_per_item": Column(("Bình quân (đồng/suất)", "Average (VND per item)"), "number", decimals=0),
    "dimension": Column(("Phân tổ theo", "Broken down by"), "dimension"),
    "complete": Column(("Phân tổ đầy đủ", "Complete breakdown"), "flag"),
    "total": Column(("Tổng", "Total"), "number"),
    "parts_sum": Column(("Tổng các thành phần", "Sum of the parts"), "number"),
    "n_parts": Column(("Số thành phần", "Number of parts"), "number"),
    "categories": Column(("Các thành phần (mã)", "Parts (codes)")),
    "part_values": Column(("Giá trị các thành phần", "Values of the parts")),
    "status": Column(("Đối chiếu", "Check"), "status"),
    "stated": Column(("Báo cáo nêu", "Stated"), "number"),
    "method": Column(("Cách tính lại", "Method"), "method"),
    "recomputed": Column(("Kết quả tính lại", "Recomputed"), "number"),
    "missing": Column(("Số liệu còn thiếu", "Missing inputs")),
    "unlisted_input_vi": Column(("Đầu vào không có trong dữ liệu (tiếng Việt)", "Unlisted input (Vietnamese)")),
    "unlisted_input_en": Column(("Đầu vào không có trong dữ liệu (tiếng Anh)", "Unlisted input (English)")),
    "literal_reading": Column(("Đọc theo quy ước tiếng Việt", "Literal reading"), "printed"),
    "vintage": Column(("Dữ liệu năm", "Vintage"), "year"),
    "preferred": Column(("Phụ lục dùng", "Used by the appendix"), "flag"),
    "estimate": Column(("Ước tính", "Estimate"), "number"),
    "plan": Column(("Kế hoạch", "Plan"), "number"),
    "target": Column(("Chỉ tiêu", "Target"), "number"),
    "indicators": Column(("Số chỉ tiêu", "Indicators"), "number"),
    "report_pct": Column(("Tỷ lệ báo cáo nêu (%)", "Percentage the report states"), "number"),
}

# Columns named <prefix>_<part>: the part's meaning, the prefix's name before it.
PREFIXES: dict[str, Pair] = {
    "goal": ("Mục tiêu", "Goal"), "result": ("Kết quả", "Result"), "current": ("Kết quả gần nhất", "Latest result"),
    "actual": ("Thực hiện", "Actual"), "achieved": ("Đã đạt", "Achieved"), "stated": ("Báo cáo nêu", "Stated"),
    "total": ("Tổng", "Total"), "numerator": ("Tử số", "Numerator"), "denominator": ("Mẫu số", "Denominator"),
    "new": ("Mới", "New"), "report_pct": ("Tỷ lệ báo cáo nêu", "Percentage the report states"),
}
PARTS: dict[str, tuple[Pair, str]] = {
    "printed": (("số in", "as printed"), "printed"),
    "source_id": (("nguồn", "source"), "source"),
    "kind": (("loại số liệu", "kind of figure"), "kind"),
    "period": (("kỳ", "period"), "year"),
    "vintage": (("dữ liệu năm", "vintage"), "year"),
    "indicator_id": (("chỉ tiêu", "indicator"), "indicator"),
    "breakdown": (("phân tổ", "breakdown"), "breakdown"),
    "value": (("giá trị", "value"), "number"),
    "ref": (("tham chiếu", "reference"), "text"),
    "computed": (("phụ lục tính", "computed by the appendix"), "flag"),
}
YEAR_VALUE_RE = re.compile(r"^value_(\d{4})$")
CODE_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class UnknownColumn(AppendixError):
    """A table column whose meaning the workbook does not know."""


def is_code_name(name: str) -> bool:
    """Whether ``name`` looks like a code (``goal_kind``) rather than a reader's title (``Chỉ tiêu``)."""
    return bool(CODE_NAME_RE.match(name))


def _indicator_names() -> dict[str, Pair]:
    from helpers.data.loading import load_catalogue

    catalogue = load_catalogue()
    return {r.indicator_id: (r.name_vi, r.name_en) for r in catalogue.itertuples(index=False)}


def column(name: str, table: str = "") -> Column:
    """The meaning of the column ``name`` of ``table`` (for the message only); UnknownColumn if it has none.

    A name that is not a code (it has capitals, spaces or letters with marks)
    is already a reader's title and is kept as it is.
    """
    if name in NAMED:
        return NAMED[name]
    if match := YEAR_VALUE_RE.match(name):
        return Column((f"Năm {match[1]}", match[1]), "number")
    for prefix, title in sorted(PREFIXES.items(), key=lambda kv: -len(kv[0])):
        part = name.removeprefix(prefix + "_")
        if part != name and part in PARTS:
            (vi, en), kind = PARTS[part]
            return Column((f"{title[0]} – {vi}", f"{title[1]} – {en}"), kind)
    indicators = _indicator_names()
    if name in indicators:
        return Column(indicators[name], "number")
    top, sep, bottom = name.partition("_per_")
    if sep and top in indicators and bottom in indicators:
        a, b = indicators[top], indicators[bottom]
        return Column((f"Bình quân: {a[0]} / {b[0]}", f"Average: {a[1]} / {b[1]}"), "number")
    if not is_code_name(name):
        return Column((name, name), "auto")
    where = f" of table {table}" if table else ""
    raise UnknownColumn(
        f"The column '{name}'{where} has no title for the workbook; add its meaning to helpers/build/columns.py (NAMED)."
    )
