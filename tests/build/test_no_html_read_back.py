"""The build renders every format from the notebooks' records (helpers.present.record): no regular expression in
helpers.build reads HTML back (issue 15). A regex on Office XML (``<pic:…>``, ``<dcterms:…>``) is not HTML."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import helpers.build

BUILD = Path(helpers.build.__file__).parent
# A tag in a pattern: "<" (or "</", "</?") then a name that is not namespaced XML (``<w:p``, ``<dcterms:``) or a
# group or class standing for one (``<(?:figure|div)``, ``<[A-Za-z]…``); or one of the appendix's classes. A named
# group's name (``(?P<unit>…)``) is not a tag.
HTML_IN_PATTERN = re.compile(r"(?<!\?P)</?\??(?:[(\[]|[A-Za-z][A-Za-z0-9]*\b(?!:))|class=|appendix-")
REGEX_CALLS = {"compile", "sub", "subn", "search", "match", "fullmatch", "findall", "finditer", "split"}


def regex_patterns(path: Path) -> list[tuple[int, str]]:
    """The literal patterns given to ``re`` in a module (``re.compile(...)``, ``re.sub(...)``…), with their lines."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in REGEX_CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            pattern = node.args[0]
            parts = [pattern] if isinstance(pattern, ast.Constant) else list(ast.walk(pattern))
            text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
            found.append((node.lineno, text))
    return found


def test_the_guard_sees_an_html_pattern_and_lets_office_xml_pass() -> None:
    assert HTML_IN_PATTERN.search(r"<h([1-6])\b([^<>]*)>") and HTML_IN_PATTERN.search(r'class="appendix-figure"')
    assert HTML_IN_PATTERN.search(r"<p class=\"table-source\">(.*?)</p>")
    assert not HTML_IN_PATTERN.search(r'(<pic:cNvPr descr="figures/([^"<>]+)\.png"[^<>]*/>.*?<a:blip r:embed="')
    assert not HTML_IN_PATTERN.search(r"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")
    for tag in (r"<(?:figure|div)\b", r"</?main\b[^<>]*>", r"<[^<>]+>", r"<t[hd]\b", r"<[A-Za-z][A-Za-z0-9]*\b"):
        assert HTML_IN_PATTERN.search(tag), tag
    for other in (
        r"(?<=\d)(?P<unit>%?)(?P<dash>[–—])",
        r"(?<=[-/])(?=[^\W\d])",
        r"[^\s]+",
        r"^value_(\d{4})$",
        r"<w:sectPr>.*?</w:sectPr>",
    ):
        assert not HTML_IN_PATTERN.search(other), other


def test_no_regular_expression_in_the_build_reads_html_back() -> None:
    offenders = [
        f"{path.name}:{line}: {pattern}"
        for path in sorted(BUILD.rglob("*.py"))
        for line, pattern in regex_patterns(path)
        if HTML_IN_PATTERN.search(pattern)
    ]
    assert offenders == [], "render from the record (helpers.present.record) instead:\n" + "\n".join(offenders)
