"""Database access for pages: one read-only connection per process, cached query results.

Results are cached by (query name, parameters, database version): a newly published database
file changes the version, so the next rerun reopens it and every page refreshes.
"""

from __future__ import annotations

import threading

import pandas as pd
import streamlit as st

from ita import db

_build_lock = threading.Lock()


def ensure_database() -> None:
    """Build the embedded default on first start, when the database file is missing."""
    if db.DEFAULT_DB.exists():
        return
    with _build_lock:
        if not db.DEFAULT_DB.exists():
            from ita.build import build

            with st.spinner("Building the database from data/ (first start only)…"):
                build(db.DEFAULT_DB)


@st.cache_resource(max_entries=2)
def _connection(version: str):
    return db.connect(db.DEFAULT_DB, read_only=True)


@st.cache_data(max_entries=2000, show_spinner=False)
def _cached(name: str, params: tuple, version: str) -> pd.DataFrame:
    return db.run_query(_connection(version), name, dict(params))


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with these parameters against the current database file."""
    version = db.database_version(db.DEFAULT_DB)
    return _cached(name, tuple(sorted(params.items())), version).copy()
