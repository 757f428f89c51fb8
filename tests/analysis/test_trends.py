"""Year-on-year change and pace."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.trends import change_between, changes, latest, pace, required_pace


def test_changes_keep_gaps_visible() -> None:
    frame = changes(pd.Series({2016: 8.36, 2019: 4.17, 2022: 3.56, 2023: 2.27}))
    assert list(frame["previous_period"].astype("float").fillna(0)) == [0, 2016, 2019, 2022]
    assert frame["change"].iloc[-1] == pytest.approx(-1.29)
    assert frame["change_pct"].iloc[-1] == pytest.approx(-1.29 / 3.56 * 100)


def test_pace_and_required_pace() -> None:
    s = pd.Series({2021: 4.93, 2023: 2.27})
    assert change_between(s, 2021, 2023) == pytest.approx(-2.66)
    assert pace(s, 2021, 2023) == pytest.approx(-1.33)
    assert pace(s, 2020, 2023) is None
    assert required_pace(2.27, 2023, 1.76, 2024) == pytest.approx(-0.51)
    assert required_pace(2.27, 2023, 2.2, 2023) is None


def test_latest() -> None:
    s = pd.Series({2016: 1.0, 2019: 2.0})
    assert latest(s, 2018) == (2016, 1.0)
    assert latest(s, 2015) is None
