"""What a notebook shows, and what the appendix build collects from it.

A notebook makes one :class:`Report` and hands everything to the appendix through it:
``rep.section("trend", data)`` (the heading, or nothing at all when ``data`` is None: a thin year is short),
``rep.figure(fig, "poverty_rate_trend")``, ``rep.table(table, "poverty_rate_by_year")``,
``rep.notes(sentences)``, ``rep.findings(sentences)``. Headings and captions come by name
from the section's text file (``sections/<section>.yml``, :mod:`helpers.text`). Each shows as
HTML in JupyterLab (a figure, already shown by its own cell, as one line of text: :meth:`Report.figure`),
carries the classes the appendix build looks for, and, when
the notebook runs with an ``output_dir``, is also written there (figures as PNG
and SVG, tables as CSV) so the build can collect them. Text that comes from the
data is HTML-escaped here, once.

The appendix shows the notebooks' outputs only (code and markdown cells are the
analyst's), so every heading and sentence comes from here in the chosen language.
"""

from __future__ import annotations

import ast
import base64
import io
import json
import math
import numbers
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from helpers.data.editions import Edition
from helpers.data.loading import load_report_meta, load_year
from helpers.errors import UsageError
from helpers.present import charts, house, record
from helpers.present.fingerprint import chart_title, fingerprint
from helpers.present.handoff import FIGURE_MIME, HANDOFF_TAG, PRINT_SVG_DIR
from helpers.present.tables import Table
from helpers.text import Texts, say
from helpers.text.formatting import check_lang
from helpers.text.vocabulary import area_words, publisher_names

try:  # IPython is there in a kernel; tests may call without it
    from IPython.display import HTML, display
except ImportError:  # pragma: no cover
    HTML = str  # type: ignore[assignment,misc]

    def display(obj: object, **kwargs: object) -> None:  # type: ignore[misc]
        print(obj)


CSVW_CONTEXT = "http://www.w3.org/ns/csvw"
WHOLE_MAX = 2**53  # floats up to here hold whole numbers exactly


def _csv_cell(value: object) -> object:
    """A cell as the CSV should hold it: a whole float as a whole number (``1480``, not ``1480.0``)."""
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, numbers.Integral)):
        number = float(value)
        if math.isnan(number):
            return None
        if number.is_integer() and abs(number) < WHOLE_MAX:
            return int(number)
    return value


def _datatype(values: pd.Series) -> str:
    """The column's CSVW datatype, from the type the notebook gave it: boolean, integer, number or string."""
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "integer"
    if pd.api.types.is_float_dtype(values):
        return "number"
    present = [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if present and all(isinstance(v, (bool,)) or type(v).__name__ == "bool_" for v in present):
        return "boolean"
    if present and all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in present):
        return "number"
    return "string"


def write_table(frame: pd.DataFrame, folder: Path, name: str) -> Path:
    """Write a table as ``<name>.csv`` and its columns' types as ``<name>.csv-metadata.json`` (CSV on the Web).

    Whole numbers are written whole, whatever their column's type; the
    metadata says which columns hold numbers, flags or text, so that no
    reader has to guess it from the cells (a figure as printed, ``16.500``, is
    text).
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    cells = [[_csv_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]
    pd.DataFrame(cells, columns=frame.columns, dtype=object).to_csv(path, index=False, lineterminator="\n")
    metadata = {
        "@context": CSVW_CONTEXT,
        "url": path.name,
        "tableSchema": {
            "columns": [{"name": str(c), "titles": str(c), "datatype": _datatype(frame[c])} for c in frame.columns]
        },
    }
    text = json.dumps(metadata, ensure_ascii=False, indent=1) + "\n"
    (folder / f"{name}.csv-metadata.json").write_text(text, encoding="utf-8")
    return path


def shown_cells(frame: pd.DataFrame) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A table's header and cells as text, exactly as the notebooks showed them with ``DataFrame.to_html`` (pandas'
    own column formatter, so that a number column keeps pandas' decimals; an empty cell is ``–``)."""
    from pandas.io.formats.format import DataFrameFormatter  # the formatter to_html uses (pandas has no public one)

    formatter = DataFrameFormatter(frame, na_rep=record.NO_VALUE, index=False)
    with pd.option_context("display.max_colwidth", None):
        columns = [[cell.strip() for cell in formatter.format_col(i)] for i in range(frame.shape[1])]
    header = tuple(str(c).strip() for c in frame.columns)
    return header, tuple(zip(*columns, strict=True)) if columns else tuple(() for _ in range(len(frame)))


def slug(text: str) -> str:
    """A lower-case ASCII id for anchors and file names."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def source_line(source_ids: list[str] | pd.Series | None, lang: str, year: int) -> str:
    """A short line naming the sources of what is shown (publisher, year); the issuer's own when there are none."""
    ids = sorted(set(source_ids)) if source_ids is not None and len(source_ids) else []
    if not ids:
        meta = load_report_meta(int(year))
        return say("common:source.own", lang, issuer=getattr(meta, f"issuer_short_{lang}"))
    names = publisher_names(lang, with_year=True)
    return "; ".join(dict.fromkeys(names[sid] for sid in ids))


def section_of(notebook: str) -> str:
    """The section (and text file) of a notebook: ``"01_poverty"`` → ``"poverty"``."""
    return re.sub(r"^\d+_", "", notebook)


_SHOW = object()  # rep.section(name) without data: the heading only

PARAMETERS = ("year", "lang", "output_dir", "as_of")  # each notebook's parameters cell, and Report's own arguments
PAPERMILL_CELL = "# Parameters\n"  # how papermill's injected-parameters cell starts (its Python translator)


def injected_parameters(history: list[str] | None = None) -> list[str]:
    """The names papermill injected into this kernel (``-p name value``), from IPython's input history: the
    latest cell that starts as papermill's does. None outside IPython or without papermill."""
    if history is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover
            return []
        shell = get_ipython()
        history = shell.user_ns.get("In", []) if shell is not None else []
    for source in reversed(history):
        if source.startswith(PAPERMILL_CELL):
            assigned = (node.targets for node in ast.parse(source).body if isinstance(node, ast.Assign))
            return [target.id for targets in assigned for target in targets if isinstance(target, ast.Name)]
    return []


def check_parameters(
    year: object, lang: object, output_dir: object, injected: list[str] | None = None, as_of: object = ""
) -> None:
    """Refuse, in one sentence, a parameter a notebook does not take or a value of the wrong type
    (``papermill … -p year abc``); papermill itself only warns about an unknown name and runs on."""
    names = injected_parameters() if injected is None else injected
    # papermill's own (--inject-paths: PAPERMILL_INPUT_PATH, PAPERMILL_OUTPUT_PATH) are not the user's to refuse
    unknown = [name for name in names if name not in PARAMETERS and not name.startswith("PAPERMILL_")]
    if unknown:
        raise UsageError(
            f"The notebooks take no parameter named '{unknown[0]}'; their parameters are {', '.join(PARAMETERS)}."
        )
    if isinstance(year, bool) or not (
        isinstance(year, numbers.Integral) or (isinstance(year, str) and year.strip().isdigit())
    ):
        raise UsageError(f"The parameter year must be a whole number such as 2023, not {year!r}.")
    if not isinstance(lang, str):
        raise UsageError(f"The parameter lang must be a language code such as 'vi', not {lang!r}.")
    check_lang(lang)
    if not isinstance(output_dir, (str, Path)):
        raise UsageError(f"The parameter output_dir must be a folder's path (or empty), not {output_dir!r}.")
    if not isinstance(as_of, str):
        raise UsageError(f"The parameter as_of must be a date written YYYY-MM-DD (or empty), not {as_of!r}.")


@dataclass
class Shown:
    """One thing a notebook showed, as the build will collect it."""

    kind: str  # heading | findings | figure | table | text
    name: str
    html: str


@dataclass
class Report:
    """The context of one notebook run: year, language, edition, data, and where to write outputs.

    ``notebook`` is the notebook's short name (``"01_poverty"``); it prefixes
    anchors and file names so that the appendix's parts never collide.
    """

    notebook: str
    year: int
    lang: str = "vi"
    output_dir: str | Path = ""
    as_of: str = ""  # a revised edition's date (YYYY-MM-DD); "" the edition issued with the report
    shown: list[Shown] = field(default_factory=list)
    # Headings shown without data of their own ("drugs" above its subsections), shown only once something
    # follows them, so that a heading with nothing under it is left out.
    pending: list[record.Heading] = field(default_factory=list)
    # What was shown, as the build reads it (helpers.present.record); also written to record/<notebook>.jsonl
    items: list[record.Item] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_parameters(self.year, self.lang, self.output_dir, as_of=self.as_of)
        self.year = int(self.year)
        self.meta = load_report_meta(self.year)  # the report the appendix accompanies (data/reports.csv)
        self.edition = Edition(str(self.as_of or ""))  # which sources, by publication date (helpers.data.editions)
        self.figures = load_year(self.year, edition=self.edition)
        self.texts = Texts(section_of(self.notebook))
        self.area = area_words(self.year, self.lang)  # "toàn tỉnh" or "toàn thành phố", by data/reports.csv
        self.record_file = (
            record.start_record(self.output_dir, self.notebook, self.year, self.lang) if self.output_dir else None
        )

    # Text helpers -------------------------------------------------------

    def say(self, key: str, count: float | None = None, **values: object) -> str:
        """The section's text ``key`` (``sections/<section>.yml``) in the report's language; ``{year}`` and the
        area's words (``{whole}`` "toàn tỉnh", ``{the_whole}``, ``{whole_label}``: :func:`area_words`) are filled."""
        return self.texts(key, self.lang, count=count, **{"year": self.year, **self.area, **values})

    def source_line(self, source_ids: list[str] | pd.Series | None = None) -> str:
        """A short line naming the sources of what is shown (publisher, year)."""
        return source_line(source_ids, self.lang, self.year)

    # Showing --------------------------------------------------------------

    def _keep(self, item: record.Item) -> None:
        """Add ``item`` to the record (and to its file when the notebook writes one)."""
        self.items.append(item)
        if self.record_file is not None:
            record.append_item(self.record_file, item)

    def _show(self, kind: str, name: str, item: record.Item, body: str | None = None) -> None:
        """Record ``item`` and show it (its HTML, or ``body``), after the headings waiting above it."""
        waiting, self.pending = self.pending, []
        for heading in waiting:  # the headings above what is shown now
            self._keep(heading)
            markup = record.item_html(heading)
            self.shown.append(Shown("heading", heading.id, markup))
            display(HTML(markup))
        self._keep(item)
        body = record.item_html(item) if body is None else body
        self.shown.append(Shown(kind, name, body))
        display(HTML(body))

    def section(
        self,
        name: str,
        data: object = _SHOW,
        level: int = 2,
        anchor_values: dict | None = None,
        part: str = "",
        **values: object,
    ) -> object:
        """Show the heading ``<name>.heading`` before ``data``, and return ``data`` so that a notebook cell can show
        it on the next line. A year with nothing to show leaves the section out: with ``data`` None, no heading.
        Without ``data`` (a heading above subsections), the heading waits until something is shown under it, and
        is dropped when a heading of its level or above comes first (a part whose sections are all empty shows
        nothing, not even its title).

        The anchor is made from the English heading (filled with ``anchor_values`` when the values are words).
        ``part="front"`` asks the appendix to put the section (this heading and what follows it up to the next
        heading) at the front, before the key findings (:mod:`helpers.build.assemble`).
        """
        if data is None:
            return None
        key = self.texts.key(f"{name}.heading")
        english = say(key, "en", **{"year": self.year, **(values if anchor_values is None else anchor_values)})
        text = self.say(f"{name}.heading", **values)
        heading = record.Heading(level, f"{self.notebook}-{slug(english)}", text, part)
        self.pending = [p for p in self.pending if p.level < level]  # a heading ends the sections at its level
        if data is _SHOW:
            self.pending.append(heading)
            return None
        self._show("heading", heading.id, heading)
        return data

    def findings(self, sentences: list[str]) -> None:
        """The notebook's key findings as a list of sentences (already in the report's language); nothing when
        there are none (the coverage table of 05_data_quality says what the year lacks)."""
        if not sentences:
            return
        found = record.Findings(say("common:findings.title", self.lang), tuple(sentences))
        self._show("findings", self.notebook, found, record.findings_html(self.notebook, found))

    def text(self, sentence: str) -> None:
        """A paragraph of narrative generated from the data."""
        self._show("text", "", record.Paragraph(sentence))

    def notes(self, sentences: list[str]) -> None:
        """Paragraphs generated from the data, one per sentence."""
        for sentence in sentences:
            self.text(sentence)

    def figure(self, fig: Figure | None, name: str, caption: str | None = None, **values: object) -> None:
        """Hand a chart to the appendix with its caption; write it as PNG and SVG when there is an output folder.

        The caption is ``<name>.caption`` from the section's text file, filled with the values the chart
        carries (:func:`helpers.present.charts.captioned`) and ``values``. Nothing when ``fig`` is None.
        A name may name another text file (``"gender_equality:activities"``: the caption from
        ``gender_equality.yml``, the file ``<notebook>_activities``), for a section module with its own words.
        The chart is not shown again: the notebook showed it where a cell returned it. What shows is one line,
        the chart's name, fingerprint (:mod:`helpers.present.fingerprint`) and title, which nbval compares; the
        appendix's HTML travels beside it under :data:`~helpers.present.handoff.FIGURE_MIME`.
        The figure is not closed: the notebook may still show it, and it is not held by pyplot.
        """
        if fig is None:
            return
        if caption is None:
            caption = self.say(f"{name}.caption", **{**getattr(fig, "caption_values", {}), **values}).strip()
        file_name = f"{self.notebook}_{name.rpartition(':')[2]}"
        if self.output_dir:
            folder = Path(self.output_dir)
            charts.save_figure(fig, folder / record.FIGURES_DIR, file_name, print_folder=folder / PRINT_SVG_DIR)
        buffer = io.BytesIO()
        with house.house_style():  # the house's resolution, whatever the analyst set since
            fig.savefig(buffer, format="png", metadata={"Software": None})
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        files = f"{record.FIGURES_DIR}/{file_name}"
        item = record.Figure(file_name, caption, caption, f"{files}.svg", f"{files}.png", data)
        body = record.item_html(item)
        self._keep(item)
        self.shown.append(Shown("figure", file_name, body))
        # The chart is already on screen where its cell returned it (helpers.present.handoff).
        text = f"{file_name} · {fingerprint(fig)} · {chart_title(fig)}"
        display({FIGURE_MIME: body, "text/plain": text}, raw=True, metadata={"tags": [HANDOFF_TAG]})

    def table(
        self,
        frame: pd.DataFrame | Table | None,
        name: str,
        caption: str | None = None,
        source_ids: list[str] | pd.Series | None = None,
        raw: pd.DataFrame | None = None,
        **values: object,
    ) -> None:
        """Hand a table (cells already formatted for the reader) to the appendix with caption and source line.

        ``frame`` may be a :class:`~helpers.present.tables.Table` (its raw numbers, sources and caption
        values come with it); the caption is then ``<name>.caption`` from the section's text file.
        ``raw`` is the same table with unformatted numbers, written as CSV for analysts to paste; it
        defaults to ``frame``. Nothing when ``frame`` is None. A name may name another text file, as for
        :meth:`figure`.
        """
        if frame is None:
            return
        if isinstance(frame, Table):
            values = {**frame.values, **values}
            frame, raw, source_ids = frame.frame, frame.raw, frame.source_ids
        if caption is None:
            caption = self.say(f"{name}.caption", **values)
        file_name = f"{self.notebook}_{name.rpartition(':')[2]}"
        csv_frame = raw if raw is not None else frame
        if self.output_dir:
            write_table(csv_frame, Path(self.output_dir) / record.TABLES_DIR, file_name)
        header, rows = shown_cells(frame)
        item = record.Table(
            file_name,
            caption,
            f"{say('common:source', self.lang)}: {self.source_line(source_ids)}",
            header,
            rows,
            f"{record.TABLES_DIR}/{file_name}.csv",
            tuple(record.Column(str(c), _datatype(csv_frame[c])) for c in csv_frame.columns),
        )
        self._show("table", file_name, item)
