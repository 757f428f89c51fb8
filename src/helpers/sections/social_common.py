"""The names the poverty part's modules (``poverty*.py``, the places work's) still import from here; the tables of
lines moved to :mod:`helpers.present.lines` (issue 14, item 7). Once those modules import from there, this module
goes."""

from helpers.present.lines import (  # noqa: F401  (re-exported, see above)
    Line,
    axis_label,
    computed_line,
    figure_line,
    lines_table,
    qualified,
    unit_name,
    with_recomputed,
    wrap,
)
