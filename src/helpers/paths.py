"""Where the project's folders are. Every path a helper uses starts here."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR_ENV = "APPENDIX_DATA_DIR"  # a build points it at its snapshot of data/ (helpers.build.snapshot)


def data_dir() -> Path:
    """The data folder: ``$APPENDIX_DATA_DIR`` if set, else ``<project>/data``."""
    return Path(os.environ.get(DATA_DIR_ENV, PROJECT_ROOT / "data"))


def outputs_dir() -> Path:
    """The folder the appendix is built into: ``$APPENDIX_OUTPUTS_DIR`` or ``<project>/outputs``."""
    return Path(os.environ.get("APPENDIX_OUTPUTS_DIR", PROJECT_ROOT / "outputs"))


def notebooks_dir() -> Path:
    """The folder of the analysis notebooks."""
    return PROJECT_ROOT / "notebooks"


def display_path(path: Path) -> str:
    """A path as a user should see it in a message: relative to the project when inside it."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
