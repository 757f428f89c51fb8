"""The house style of the project's charts: one palette, print sizes, and matplotlib settings lent as a context.

The house style is a style context (:func:`house_style`) that the chart functions of
:mod:`~helpers.present.charts`, :mod:`~helpers.present.goal_charts` and :mod:`~helpers.present.sparklines`
run in (:func:`styled`): importing helpers leaves matplotlib's global settings, and so an analyst's own
charts, as they were. A figure is made without pyplot (:func:`new_figure`) and needs no backend.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

import matplotlib
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from helpers.present.handoff import FONT_FAMILY

# One palette for the whole appendix (colour-blind safe, from seaborn's "colorblind").
PALETTE: list[str] = sns.color_palette("colorblind", 8).as_hex()
ACTUAL_COLOUR, PLAN_COLOUR, TARGET_COLOUR = PALETTE[0], PALETTE[1], PALETTE[2]
BREAK_COLOUR = "#777777"
# Print: a chart fills the 165 mm text block of the PDF and the DOCX (appendix.css, word.py), so it is drawn at that
# width and its font sizes are the printed ones: no text under 9 pt, values written at 10 pt (a test measures the SVGs).
PRINT_WIDTH_IN = 165 / 25.4
FIGSIZE = (PRINT_WIDTH_IN, 3.9)
TEXT_PT = 9  # the least size of any chart text at print size
VALUE_PT = 10  # a value written on a chart
PRINT_DPI = 300  # the PNG files (the Word appendix's fallback beside the SVG)
VALUE_GID = "value-label"  # how a test finds the values written on a chart


@functools.cache
def _load_kernel_backend() -> None:
    """In a Jupyter kernel, load the backend its runner chose (pyplot loads it only for its first own figure),
    so that IPython shows a Figure a cell returns as an image; nothing is chosen here, and outside a kernel
    nothing happens."""
    if "ipykernel" not in sys.modules:
        return
    backend = str(matplotlib.rcParams["backend"])
    if backend.startswith("module://") and backend.removeprefix("module://") not in sys.modules:
        import matplotlib.pyplot as plt

        plt.switch_backend(backend)


TITLE_GID = "chart-title"  # how a test finds the title among the figure's texts


class HouseAxes(Axes):
    """The axes of the project's charts: a title an analyst sets (``ax.set_title("…")``) takes the place of the
    house title, which :func:`finish` puts in matplotlib's left title slot, instead of stacking over it."""

    def set_title(
        self,
        label: str,
        fontdict: dict | None = None,
        loc: str | None = None,
        pad: float | None = None,
        **kwargs: object,
    ) -> Text:
        # Matplotlib keeps three title slots (left, centre, right) as private attributes; the house title is the
        # one marked with TITLE_GID.
        house = next((t for t in (self._left_title, self.title, self._right_title) if t.get_gid() == TITLE_GID), None)
        if house is not None and loc in (None, "left"):
            loc = "left"  # in the house title's own slot: its position and its mark stay
        elif house is not None:
            house.set_text("")
            house.set_gid(None)
        with house_style():
            return super().set_title(label, fontdict, loc=loc, pad=pad, **kwargs)


class HouseFigure(Figure):
    """A Figure whose subplots are :class:`HouseAxes` unless asked otherwise."""

    def add_subplot(self, *args: object, **kwargs: object) -> Axes:
        if not {"projection", "polar", "axes_class"} & kwargs.keys():
            kwargs["axes_class"] = HouseAxes
        return super().add_subplot(*args, **kwargs)


def new_figure(figsize: tuple[float, float] = FIGSIZE) -> Figure:
    """A Figure outside pyplot's care: shown where a notebook cell returns it, open until then."""
    _load_kernel_backend()
    with house_style():  # the figure's dpi and colours are read when it is made
        return HouseFigure(figsize=figsize)


@functools.cache
def house_rc() -> dict[str, object]:
    """The settings :func:`apply_house_style` makes that differ from matplotlib's defaults, found once in a
    throwaway context: matplotlib's global settings are never changed."""
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        apply_house_style()
        styled = matplotlib.rcParams.copy()
    return {key: value for key, value in styled.items() if value != matplotlib.rcParamsDefault[key]}


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """The house style for what is made, drawn or saved inside the ``with`` block, and nothing after it.
    An analyst may use it for a chart of their own: ``with house.house_style(): ...``
    (``from helpers.present import house``)."""
    with matplotlib.rc_context(house_rc()):
        yield


P = ParamSpec("P")
R = TypeVar("R")


def styled(make: Callable[P, R]) -> Callable[P, R]:
    """Run a chart function in :func:`house_style` (its texts, ticks and colours take the style when made)."""

    @functools.wraps(make)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with house_style():
            return make(*args, **kwargs)

    return run


def apply_house_style() -> None:
    """Set seaborn and matplotlib so that every chart looks alike and saves the same bytes each run.
    Called only inside :func:`house_rc`'s throwaway context; use :func:`house_style`."""
    sns.set_theme(context="notebook", style="whitegrid", palette=PALETTE)
    matplotlib.rcParams.update(
        {
            "font.family": FONT_FAMILY,
            "axes.titlesize": 11,
            "axes.titleweight": "bold",
            "axes.labelsize": TEXT_PT,
            "xtick.labelsize": TEXT_PT,
            "ytick.labelsize": TEXT_PT,
            "legend.fontsize": TEXT_PT,
            "legend.frameon": False,
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "svg.hashsalt": "phu-luc",  # fixed ids inside SVG files
            "svg.fonttype": "path",
            "text.parse_math": False,  # a "$" in a name is a dollar sign, never the start of TeX
        }
    )
