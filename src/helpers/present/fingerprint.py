"""A short text fingerprint of a chart: its words and the data it draws, hashed.

nbval compares a notebook's text outputs but not its images (they depend on the machine's fonts), so
:meth:`helpers.present.report.Report.figure` prints this fingerprint as the hand-off's text: a chart whose title,
labels or values change changes the text nbval compares. Only what the chart's code sets goes in: texts and the
data coordinates of lines, bars, bands and points, never positions that come from the layout or tick locations
(both depend on font metrics).
"""

from __future__ import annotations

import hashlib
import json

from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

DIGITS = 12  # hexadecimal digits shown: enough that two charts never share one by chance
SIGNIFICANT = 9  # coordinates rounded to this many significant figures: floating-point noise stays out


def _numbers(values: object) -> list:
    """Coordinates as short strings: the same on every machine."""
    return [f"{float(v):.{SIGNIFICANT}g}" for v in getattr(values, "ravel", lambda: values)()]


def _texts(texts: list[Text]) -> list[str]:
    return [t.get_text() for t in texts if t.get_visible() and t.get_text()]


def _axes(ax: Axes) -> dict[str, object]:
    titles = [ax.get_title(loc) for loc in ("left", "center", "right")]
    legend = ax.get_legend()
    return {
        "titles": [t for t in titles if t],
        "labels": [ax.get_xlabel(), ax.get_ylabel()],
        "texts": [[t.get_text(), *_numbers(getattr(t, "xy", t.get_position()))] for t in ax.texts if t.get_visible()],
        "legend": _texts(legend.get_texts()) if legend is not None else [],
        "lines": [_numbers(line.get_xydata()) for line in ax.lines if line.get_visible()],
        "bars": [
            _numbers([p.get_x(), p.get_y(), p.get_width(), p.get_height()])
            for p in ax.patches
            if isinstance(p, Rectangle) and p.get_visible()
        ],
        "collections": [
            [_numbers(c.get_offsets()), *(_numbers(path.vertices) for path in c.get_paths())]
            for c in ax.collections
            if isinstance(c, Collection) and c.get_visible()
        ],
    }


def describe(fig: Figure) -> dict[str, object]:
    """What the fingerprint is made of: the figure's own texts (title, source line) and each visible axes'."""
    suptitle = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    return {
        "title": suptitle,
        "texts": _texts(fig.texts),
        "axes": [_axes(ax) for ax in fig.axes if ax.get_visible()],
    }


def fingerprint(fig: Figure) -> str:
    """The first :data:`DIGITS` hexadecimal digits of the SHA-256 of :func:`describe`."""
    text = json.dumps(describe(fig), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]


def chart_title(fig: Figure) -> str:
    """The chart's title on one line: the figure's, else its first axes' (as :func:`describe` reads them)."""
    found = describe(fig)
    titles = [found["title"], *(t for ax in found["axes"] for t in ax["titles"])]
    return " ".join(str(next((t for t in titles if t), "")).split())
