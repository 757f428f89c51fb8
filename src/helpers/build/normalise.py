"""Make an executed notebook reproducible: no wall-clock times, no random cell id, no temporary folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

CLOCK_KEYS = ("start_time", "end_time", "duration")


def write_whole(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` all at once: a write that fails (a full disk) leaves the previous file whole.

    Writing in place would truncate the notebook first, and a full disk would then leave a 0-byte file.
    """
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def strip_clock_times(path: Path) -> None:
    """Remove the wall-clock times papermill and nbclient write into an executed notebook.

    Outputs carry no clock time: the same inputs give the same notebook, and a
    refreshed committed notebook differs from the last only where its outputs do.
    """
    import nbformat

    notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    for key in CLOCK_KEYS:
        notebook.metadata.get("papermill", {}).pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for key in CLOCK_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = INJECTED_CELL_ID  # papermill gives it a random id
    write_whole(path, _text(notebook))


INJECTED_CELL_ID = "injected-parameters"


def normalise_executed(path: Path, work: Path) -> None:
    """Make an executed notebook independent of the temporary folder it ran in.

    The notebook ran with ``output_dir`` set to the build's work folder, which
    has a new random name every build; papermill records it in the injected
    parameters cell and in the notebook's metadata. Once published the notebook
    sits in ``<appendix>/notebooks/``, so its outputs are in ``..`` from where
    it is: the work folder becomes ``..`` and the input and output paths the
    notebook's own name (as in the committed notebooks), so that the same inputs
    give the same bytes wherever the appendix is, and the published notebook
    does not carry the folder of the clone it was built in.
    """
    import nbformat

    notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    papermill = notebook.metadata.get("papermill", {})
    for key in ("input_path", "output_path"):
        if key in papermill:
            papermill[key] = path.name
    text = _text(notebook)
    for form in (str(work), json.dumps(str(work))[1:-1]):
        text = text.replace(form, "..")
    write_whole(path, text)


def normalise_committed(path: Path) -> None:
    """A committed notebook refreshed in place records its paths by name, not by the clone it ran in: papermill
    writes the absolute input and output paths, which differ from machine to machine and from worktree to
    worktree (a diff of every notebook at each refresh, and a local folder in a committed file)."""
    import nbformat

    notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    papermill = notebook.metadata.get("papermill", {})
    for key in ("input_path", "output_path"):
        if key in papermill:
            papermill[key] = path.name
    write_whole(path, _text(notebook))


def _text(notebook: object) -> str:
    """The notebook as nbformat writes it, ending with a new line (as ``nbformat.write`` ends a file)."""
    import nbformat

    text = nbformat.writes(notebook)
    return text if text.endswith("\n") else text + "\n"
