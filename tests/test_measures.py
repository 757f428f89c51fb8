"""The measures of issue 8 for the whole package: short modules, analysis without language, words out of code."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import PROJECT_ROOT

SRC = PROJECT_ROOT / "src" / "helpers"
MAX_LINES = 400
MAX_VIETNAMESE_LITERALS = 30
VIETNAMESE = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")


def modules() -> list[str]:
    return sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("module", modules())
def test_no_module_is_over_400_lines(module: str) -> None:
    lines = len((SRC / module).read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


def test_analysis_imports_neither_ipython_nor_the_text_module() -> None:
    names = [f"helpers.analysis.{p.stem}" for p in sorted((SRC / "analysis").glob("*.py")) if p.stem != "__init__"]
    code = (
        "import importlib, json, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'IPython' or m == 'helpers.text'"
        " or m.startswith('helpers.text.') or m.startswith('helpers.present') or m.startswith('helpers.sections'))))"
    )
    found = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert len(names) >= 5 and found == []


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def vietnamese_literals(path: Path) -> list[tuple[int, str]]:
    """The string literals (an f-string counts once) with a Vietnamese letter, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip, found = _docstrings(tree), []
    inside_fstrings = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside_fstrings:
            text = node.value
        else:
            continue
        if id(node) not in skip and VIETNAMESE & set(text.lower()):
            found.append((node.lineno, text))
    return found


def test_the_literal_count_sees_literals_but_not_docstrings(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""Giảm nghèo."""\ndef f(x):\n    """Hộ nghèo."""\n    return f"Năm {x}", "Nguồn", "Source"\n',
        encoding="utf-8",
    )
    assert [t for _, t in vietnamese_literals(module)] in (["Năm ", "Nguồn"], ["Nguồn", "Năm "])


def test_fewer_than_30_vietnamese_literals_in_the_code() -> None:
    found = {m: len(vietnamese_literals(SRC / m)) for m in modules()}
    assert sum(found.values()) < MAX_VIETNAMESE_LITERALS, {m: n for m, n in found.items() if n}


def test_the_converted_sections_have_no_vietnamese_literals() -> None:
    for module in (
        "sections/poverty.py",
        "findings/poverty.py",
        "analysis/poverty.py",
        "present/report.py",
        "present/charts.py",
        "present/progress.py",
        "analysis/progress.py",
        "sections/overview.py",
        "sections/social_protection.py",
        "sections/social_protection_gifts.py",
        "findings/social_protection.py",
        "analysis/social_protection.py",
        "sections/employment.py",
        "findings/employment.py",
        "sections/employment_trained.py",
        "analysis/employment.py",
    ):
        assert vietnamese_literals(SRC / module) == [], module


def test_the_social_evils_section_has_no_vietnamese_literals_but_the_print_words_it_reads() -> None:
    for module in (
        "sections/social_evils.py",
        "findings/social_evils.py",
        "present/lines.py",
    ):
        assert vietnamese_literals(SRC / module) == [], module
    assert sorted(t for _, t in vietnamese_literals(SRC / "analysis/social.py")) == ["gần", "hơn", "khoảng"]
