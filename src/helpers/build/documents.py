"""The two documents a build makes of the notebooks, and what each puts around its sections.

The official appendix the director signs and the technical annex for analysts are assembled alike
(:mod:`helpers.build.assemble`); they differ in their frame (:class:`Frame`: the title, the cover and the parts after
the notebooks' sections, from :mod:`helpers.build.frontmatter`) and in which notebooks they hold. A notebook says
which document it belongs to in its metadata (``"appendix": {"document": "annex"}``; none means the official
appendix): :func:`document_of` reads it, refusing an unknown name in one sentence, and :func:`split_documents`
sorts the executed notebooks into the two. Each document is read from the records its notebooks wrote
(:func:`records_of`), without those of the other."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.build import backmatter, frontmatter
from helpers.build.frontmatter import FrontMatter
from helpers.present import record
from helpers.text import say

# The parts after the sections, as (id, text key) for the table of contents.
OFFICIAL_BACK = (("sources", "frontmatter:sources"), ("methods", "frontmatter:methods"))
ANNEX_BACK = (("sources", "frontmatter:sources"), ("methods", "frontmatter:annex.methods"))


@dataclass(frozen=True)
class Frame:
    """What one document puts around its notebooks' sections: its title, its cover and the parts after the
    sections (their HTML, and their (id, text key) for the contents)."""

    title: str
    cover: str
    back: tuple[str, ...]
    back_toc: tuple[tuple[str, str], ...]


def official_frame(fm: FrontMatter) -> Frame:
    """The official appendix's frame: the cover of Nghị định 30/2020, the plain source list, the short methods note."""
    return Frame(
        say("frontmatter:title", fm.lang, year=fm.year),
        frontmatter.cover_html(fm),
        (backmatter.sources_html(fm), backmatter.methods_html(fm)),
        OFFICIAL_BACK,
    )


def annex_frame(fm: FrontMatter) -> Frame:
    """The technical annex's frame: its own cover, the source list with roles, the full method with files and
    checksums (:mod:`helpers.build.frontmatter`)."""
    return Frame(
        say("frontmatter:annex.title", fm.lang, year=fm.year),
        frontmatter.annex_cover_html(fm),
        (backmatter.sources_html(fm, roles=True), backmatter.annex_methods_html(fm)),
        ANNEX_BACK,
    )


# The two documents a build makes of the notebooks: the official appendix the director signs, and the technical
# annex for analysts. A notebook says which it belongs to in its metadata ("appendix": {"document": "annex"}); a
# notebook that says nothing is part of the official appendix.
DOCUMENTS = ("appendix", "annex")


def document_of(path: Path) -> str:
    """The document the notebook at ``path`` belongs to (:data:`DOCUMENTS`), from its metadata; an unknown name
    is refused in one sentence naming the notebook."""
    from helpers.errors import AppendixError

    # The notebook's JSON is read directly: only its metadata is needed, and nbformat's validation costs time.
    metadata = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {}).get("appendix", {})
    document = metadata.get("document", DOCUMENTS[0]) if isinstance(metadata, dict) else None
    if document not in DOCUMENTS:
        raise AppendixError(
            f"{Path(path).name}: the notebook's metadata appendix.document is {document!r}; "
            f"it must be one of {', '.join(DOCUMENTS)}."
        )
    return str(document)


def split_documents(executed: Sequence[Path]) -> dict[str, list[Path]]:
    """The executed notebooks of each document, in the given order."""
    found: dict[str, list[Path]] = {name: [] for name in DOCUMENTS}
    for path in executed:
        found[document_of(path)].append(path)
    return found


def record_of(executed: Path) -> Path:
    """The record of an executed notebook (``<work>/notebooks/NN_x.ipynb`` → ``<work>/record/NN_x.jsonl``)."""
    return executed.parent.parent / record.RECORD_DIR / f"{executed.stem}{record.RECORD_SUFFIX}"


def records_of(executed: Sequence[Path], others: Sequence[Path] = ()) -> list[Path]:
    """The records the executed notebooks wrote, in the notebooks' order: every Report of the build wrote one into the
    (fresh) record folder beside them, named after itself (``Report("01_poverty", …)`` → ``record/01_poverty.jsonl``),
    as the notebooks are named; a notebook that hands nothing to the appendix writes none, and a Report named
    otherwise than its notebook (a test's tiny notebook) still counts. The records of ``others`` (the notebooks of
    the other document, :func:`split_documents`) are left out. Sorted by name, as the notebooks run."""
    folders = dict.fromkeys(record_of(Path(path)).parent for path in executed)
    skip = {record_of(Path(path)).name for path in others}
    found = (p for folder in folders for p in folder.glob(f"*{record.RECORD_SUFFIX}") if p.name not in skip)
    return sorted(found, key=lambda p: p.name)
