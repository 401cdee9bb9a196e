"""Safe by construction: SQL values are bound, never formatted in; document text is never HTML."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ita import db

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("ita/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "dashboard.py"])
SQL_CALLS = {"execute", "executemany", "sql", "query", "run_query"}


def _formatted(node: ast.expr) -> bool:
    """An f-string, str.format(), %-formatting or concatenation with a non-literal."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return not (isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant))
    return False


def _unsafe_sql_lines(source: str) -> list[int]:
    """Lines where a SQL call receives text with values formatted into it."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SQL_CALLS
        and node.args
        and _formatted(node.args[0])
    ]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_sql_is_never_formatted_with_values(path):
    assert _unsafe_sql_lines(path.read_text(encoding="utf-8")) == []


def test_the_check_catches_formatting():
    source = 'con.execute(f"SELECT * FROM t WHERE name = \'{name}\'")\ncon.sql("SELECT %s" % x)\ncon.execute("SELECT 1")\n'
    assert _unsafe_sql_lines(source) == [1, 2]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_raw_html_rendering(path):
    assert "unsafe_allow_html" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", db.query_names())
def test_every_query_says_what_it_answers(name):
    text = db.query_text(name)
    opening = text.splitlines()[:2]
    assert all(line.startswith("--") for line in opening), (
        f"queries/{name}.sql must open with a 2-line comment"
    )


def test_run_query_refuses_parameters_the_file_does_not_declare():
    con = db.connect_memory()
    with pytest.raises(db.QueryParameterError):
        db.run_query(con, "framework_grades", {"fiscal_year": 2566, "extra": "x"})
    with pytest.raises(db.QueryParameterError):
        db.run_query(con, "../etc/passwd", {})
