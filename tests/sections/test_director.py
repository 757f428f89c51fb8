"""The director's page (issue 16): goals ahead grouped by status and the figures that bear on them, in words."""

import pandas as pd
import pytest

from helpers.analysis import watch
from helpers.data.editions import Edition
from helpers.data.loading import load_year
from helpers.sections import director


@pytest.fixture(scope="module")
def revised_2023() -> pd.DataFrame:
    """The 2023 figures of the revised edition (helpers.data.editions): the poor households and their members able to
    work (Báo Dân Việt, 06/01/2024) and A Lưới's near-poor rate came after the report."""
    return load_year(2023, edition=Edition("2026-06-30"))


def test_goal_sentences_group_by_status(revised_2023: pd.DataFrame) -> None:
    goals = watch.goals_ahead(revised_2023, 2023)
    vi = director.goal_sentences(goals, 2023, "vi")
    assert vi[0].startswith("Mục tiêu đạt được nếu giữ tốc độ bình quân đã đạt: Tỷ lệ hộ nghèo năm 2024 (dưới 1,76%")
    assert vi[1] == (
        "Mục tiêu có nguy cơ không đạt, cần thay đổi nhanh hơn tốc độ bình quân đã đạt: "
        "Tỷ lệ lao động qua đào tạo năm 2024 (72,5%; KH năm 2024)."
    )
    en = director.goal_sentences(goals, 2023, "en")
    assert en[1].startswith("Goals at risk") and "Annual Plan 2024" in en[1]


def test_watch_sentences_say_the_figures(revised_2023: pd.DataFrame) -> None:
    rows = list(watch.watched(revised_2023, 2023).itertuples())
    said = [director.watch_sentence(revised_2023, r, "vi") for r in rows]
    assert said[0] == (
        "Số hộ nghèo không có khả năng lao động năm 2023 là 2.869, chiếm 38,05% số hộ nghèo (7.540); "
        "cần lưu ý với mục tiêu về tỷ lệ hộ nghèo."
    )
    assert "15,65%, so với 15,55% năm 2021 (+0,1 điểm phần trăm)" in said[1]
    assert said[1].endswith("; mục tiêu năm 2023 là 12,0% (KH 343/KH-UBND).")


def test_the_edition_as_issued_judges_only_what_the_report_gives() -> None:
    """As issued, the data hold no 2022 poverty rate and no watched figure (all published after the report): the
    poverty goal is not judgeable by the pace achieved, and no figure is said to bear on a goal."""
    issued = load_year(2023, edition=Edition())
    vi = director.goal_sentences(watch.goals_ahead(issued, 2023), 2023, "vi")
    assert vi[1] == (
        "Mục tiêu có nguy cơ không đạt, cần thay đổi nhanh hơn tốc độ bình quân đã đạt: "
        "Tỷ lệ lao động qua đào tạo năm 2024 (72,5%; KH năm 2024)."
    )
    unjudged = "Mục tiêu chưa đủ số liệu để đánh giá theo tốc độ đã đạt: Tỷ lệ hộ nghèo năm 2024 (dưới 1,76%"
    assert vi[2].startswith(unjudged)
    assert watch.watched(issued, 2023).empty
