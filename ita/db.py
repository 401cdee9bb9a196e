"""DuckDB access: the one module (with the loader) that imports duckdb.

Questions live in queries/<name>.sql with $named parameters; run_query() refuses a call whose
parameters do not match the file's exactly, so a value can never be formatted into SQL.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # run_query's frames come from DuckDB: `python -m ita import` never loads pandas
    import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
QUERIES_DIR = ROOT / "queries"
# ITA_DB points the dashboard and the CLI at another file (tests, benchmarks, a published snapshot).
DEFAULT_DB = Path(os.environ.get("ITA_DB", ROOT / "data" / "ita.duckdb"))
SQL_DIR = Path(__file__).resolve().parent / "sql"

_COMMENT = re.compile(r"--[^\n]*|'(?:[^']|'')*'")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class QueryParameterError(ValueError):
    """A query was called with parameters other than the ones its file declares."""


def connect(path: Path = DEFAULT_DB, *, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the database; the dashboard always reads, only the importer writes.

    The published name is a link to the current version (see snapshot.py); opening the version's own
    path makes a newly published version a new database to DuckDB rather than its cached old one.
    """
    return duckdb.connect(str(path.resolve()), read_only=read_only)


def connect_memory() -> duckdb.DuckDBPyConnection:
    return duckdb.connect(":memory:")


@cache
def query_text(name: str) -> str:
    """The SQL of queries/<name>.sql; the name must be a plain identifier."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise QueryParameterError(f"bad query name {name!r}")
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def named_parameters(sql: str) -> set[str]:
    """The $names a SQL text uses, ignoring comments and string literals."""
    return set(_PARAM.findall(_COMMENT.sub("", sql)))


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def run_query(con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None) -> pd.DataFrame:
    """Run queries/<name>.sql with exactly its declared parameters bound; one cursor per call."""
    sql = query_text(name)
    params = params or {}
    expected = named_parameters(sql)
    if set(params) != expected:
        raise QueryParameterError(f"query {name} takes {sorted(expected)}, was given {sorted(params)}")
    cursor = con.cursor()
    try:
        return cursor.execute(sql, params).df()
    finally:
        cursor.close()


def database_version(path: Path = DEFAULT_DB) -> str:
    """Changes whenever a build or import publishes a new version (the file the link points at)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "missing"
    return f"{path.resolve().name}-{st.st_ino}-{st.st_mtime_ns}"


def script(name: str) -> str:
    """The DDL of ita/sql/<name>.sql (schema, views, derive, refresh_all, refresh_scoped)."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
