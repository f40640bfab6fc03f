"""Checks on the package source itself."""
import ast
from collections import Counter
from pathlib import Path

import pytest

_MODULES = sorted((Path(__file__).resolve().parents[1] / "analysis").glob("*.py"))


def _top_level_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


@pytest.mark.parametrize("path", _MODULES, ids=lambda p: p.name)
def test_no_module_name_bound_twice(path):
    # a second "_X_RE = ..." further down silently replaces the first for every function that
    # reads it at call time (quotes.py once had two _SUBORD_OPEN_RE patterns; the later one
    # changed what the earlier code matched)
    names = _top_level_names(ast.parse(path.read_text(encoding="utf-8")))
    twice = sorted(n for n, k in Counter(names).items() if k > 1)
    assert twice == [], f"{path.name} binds these names more than once: {twice}"
