"""Pages read top to bottom: a page's functions take what they need as arguments and never read the
variables the page's script assigns further down (constants in capitals aside)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[1] / "pages").glob("*.py"))


def _script_variables(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            for name in ast.walk(target) if target is not None else ():
                if isinstance(name, ast.Name) and not name.id.isupper():
                    names.add(name.id)
    return names


def _reads_of_script_variables(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    variables = _script_variables(tree)
    found = []
    for function in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        local = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
        local |= {
            n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        found += [
            f"{function.name} reads {n.id} (line {n.lineno})"
            for n in ast.walk(function)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id in variables - local
        ]
    return found


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_page_functions_take_what_they_need_as_arguments(path: Path) -> None:
    assert _reads_of_script_variables(path) == []


def test_the_check_finds_a_function_reading_the_script_s_variable(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text("def _section():\n    return f.year\n\n\nf = current()\nLIMIT = 3\n", encoding="utf-8")
    assert _reads_of_script_variables(page) == ["_section reads f (line 2)"]
