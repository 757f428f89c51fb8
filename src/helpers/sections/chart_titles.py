"""Kept for the poverty modules (``poverty*.py``, the places work's), which import the chart titles from here;
they moved to :mod:`helpers.present.chart_titles` (issue 14, item 7). Once those modules import from there, this
module goes."""

from helpers.present.chart_titles import ranking_title, series_title, trend_title  # noqa: F401  (see above)
