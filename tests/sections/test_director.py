"""The director's page (issue 16): goals ahead grouped by status and the figures that bear on them, in words."""

import pandas as pd

from helpers.analysis import watch
from helpers.sections import director


def test_goal_sentences_group_by_status(figures_2023: pd.DataFrame) -> None:
    goals = watch.goals_ahead(figures_2023, 2023)
    vi = director.goal_sentences(goals, 2023, "vi")
    assert vi[0].startswith("Mục tiêu đạt được nếu giữ tốc độ bình quân đã đạt: Tỷ lệ hộ nghèo năm 2024 (dưới 1,76%")
    assert vi[1] == (
        "Mục tiêu có nguy cơ không đạt, cần thay đổi nhanh hơn tốc độ bình quân đã đạt: "
        "Tỷ lệ lao động qua đào tạo năm 2024 (72,5%; KH năm 2024)."
    )
    en = director.goal_sentences(goals, 2023, "en")
    assert en[1].startswith("Goals at risk") and "Annual Plan 2024" in en[1]


def test_watch_sentences_say_the_figures(figures_2023: pd.DataFrame) -> None:
    rows = list(watch.watched(figures_2023, 2023).itertuples())
    said = [director.watch_sentence(figures_2023, r, "vi") for r in rows]
    assert said[0] == (
        "Số hộ nghèo không có khả năng lao động năm 2023 là 2.869, chiếm 38,05% số hộ nghèo (7.540); "
        "cần lưu ý với mục tiêu về tỷ lệ hộ nghèo."
    )
    assert "15,65%, so với 15,55% năm 2021 (+0,1 điểm phần trăm)" in said[1]
    assert said[1].endswith("; mục tiêu năm 2023 là 12,0% (KH 343/KH-UBND).")
