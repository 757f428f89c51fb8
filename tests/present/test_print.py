"""Charts for print: measured in their SVG files at the size the PDF and the DOCX print them (165 mm wide), no
text is under 9 pt and every value written on a chart is 10 pt or more; long labels wrap; "$" is a dollar sign;
a trend panel of fewer than three results shows only its own years."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from helpers.present import charts, house
from helpers.present.goal_charts import actual_vs_target_chart
from helpers.present.sparklines import Spark, sparklines
from tests.present.test_goal_charts import DATA, KINDS

PRINTED_PT = 165 / 25.4 * 72  # the text block's width, which appendix.css and the DOCX give every chart
SVG = "{http://www.w3.org/2000/svg}"
SCALE_RE = re.compile(r"scale\(([0-9.]+) -\1\)")  # matplotlib's glyphs of a text at size × 1/100


def text_sizes(svg: Path) -> list[tuple[str, float]]:
    """(id of the text's group, its size in points at print size) of every text drawn in the SVG."""
    root = etree.parse(str(svg)).getroot()
    width = float(root.get("width").removesuffix("pt"))
    printed = PRINTED_PT / width
    sizes = []
    for group in root.iter(f"{SVG}g"):
        own = [float(m[1]) for m in SCALE_RE.finditer(group.get("transform") or "")]
        if own:
            owner = next((a.get("id") for a in group.iterancestors(f"{SVG}g") if a.get("id")), "")
            sizes.append((owner, own[0] * 100 * printed))
    return sizes


def figures() -> dict[str, object]:
    long = "Giảm tỷ lệ hộ nghèo đa chiều bình quân mỗi năm theo Nghị quyết của Hội đồng nhân dân tỉnh"
    lines = pd.DataFrame(
        {
            "period": [2019, 2020, 2021, 2022, 2023, 2023],
            "value": [4.1, 3.9, 3.56, 2.9, 2.27, 2.0],
            "series": ["Kết quả"] * 5 + ["Kế hoạch"],
            "low": [math.nan] * 5 + [1.9],
            "high": [math.nan] * 5 + [2.1],
        }
    )
    return {
        "line": charts.line_chart(
            lines, title="Tỷ lệ hộ nghèo giảm", y_label="%", source="Sở", lang="vi", breaks=[(2021, "Chuẩn mới")]
        ),
        "bar": charts.bar_chart(
            pd.DataFrame({"category": [long, "Huyện A Lưới", "Thành phố Huế"], "value": [1.25, 781965.0, 22762.0]}),
            title="Dài",
            x_label="Reduction per year (percentage points) against the plan's pace",
            source="Sở Lao động – Thương binh và Xã hội tỉnh Thừa Thiên Huế (2023); " * 3,
            lang="vi",
        ),
        "goals": actual_vs_target_chart(
            DATA, title="Jobs", y_label="persons", source="S", lang="en", kind_labels=KINDS
        ),
        "sparks": sparklines(
            [
                Spark("Tỷ lệ hộ nghèo", tuple((y, 5.0 - 0.3 * (y - 2016)) for y in range(2016, 2024)), "5,0%", "2,9%"),
                Spark("Một điểm", ((2022, math.nan), (2023, 17034.0)), "", "17.034", goal=17000.0),
                Spark("Hai điểm", ((2022, 3.56), (2023, 2.27)), "3,56%", "2,27%"),
            ],
            (2016, 2023),
            title="Các chỉ tiêu chính",
            source="Sở",
            lang="vi",
        ),
    }


@pytest.fixture(scope="module")
def svgs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("figures")
    return {name: charts.save_figure(fig, folder, name)[1] for name, fig in figures().items()}


@pytest.mark.parametrize("name", ["line", "bar", "goals", "sparks"])
def test_no_printed_chart_text_is_under_9_pt_and_values_are_10_pt(svgs: dict[str, Path], name: str) -> None:
    sizes = text_sizes(svgs[name])
    assert sizes, "no text found in the SVG"
    small = [(owner, round(size, 2)) for owner, size in sizes if size < 9 - 1e-6]
    assert small == []
    values = [size for owner, size in sizes if owner.startswith(house.VALUE_GID)]
    assert values and min(values) >= 10 - 1e-6


def test_a_figure_is_drawn_at_its_printed_width() -> None:
    for fig in figures().values():
        assert math.isclose(fig.get_figwidth() * 72, PRINTED_PT, rel_tol=1e-9)


def test_long_category_labels_and_axis_titles_wrap_instead_of_squeezing_the_plot() -> None:
    fig = figures()["bar"]
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("\n" in t for t in labels) and max(len(line) for t in labels for line in t.split("\n")) <= 45
    assert "\n" not in ax.get_xlabel() or all(len(line) < 100 for line in ax.get_xlabel().split("\n"))
    renderer = fig._get_renderer()
    assert ax.get_window_extent(renderer).width > 0.45 * fig.bbox.width  # the bars keep most of the width
    assert fig.axes[0].xaxis.label.get_window_extent(renderer).x1 <= fig.bbox.x1


def test_a_dollar_sign_in_a_name_is_text_not_tex(tmp_path: Path) -> None:
    data = pd.DataFrame({"category": ["Chi $5 và $6", "b $x^2$", "c"], "value": [1.0, 2.0, 3.0]})
    fig = charts.bar_chart(data, title="Giá $5 đến $6", x_label="$", source="$1", lang="vi")
    charts.save_figure(fig, tmp_path, "dollars")
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_parse_math"))]
    assert texts and not any(t.get_parse_math() for t in texts)
    assert "<!-- Chi $5 và $6 -->" in (tmp_path / "dollars.svg").read_text(encoding="utf-8")


def test_a_panel_of_fewer_than_three_results_shows_only_its_own_years() -> None:
    fig = figures()["sparks"]
    trend, one, two = fig.axes[:3]
    assert [t.get_text() for t in trend.get_xticklabels()] == ["2016", "2023"]
    assert [t.get_text() for t in one.get_xticklabels()] == ["2023"]
    assert [t.get_text() for t in two.get_xticklabels()] == ["2022", "2023"]
    assert one.get_xlim()[0] > 2016 and two.get_xlim()[0] > 2016
