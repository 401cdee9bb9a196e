"""Database access for pages: one read-only connection per process, cached query results and views.

Results are cached by (query name, parameters, database version): a newly published database
file changes the version, so the next rerun reopens it and every page refreshes. What a page builds from
them (figures, tables) can be cached the same way with `per_version`, so a rerun that shows what another
session has already seen only draws it.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from ita import db
from ita.ui import labels

P = ParamSpec("P")
T = TypeVar("T")
_build_lock = threading.Lock()
MAX_RESULTS = 2000
MAX_VIEWS = 2000


def ensure_database() -> None:
    """Build the embedded default on first start, when the database file is missing."""
    if db.DEFAULT_DB.exists():
        return
    with _build_lock:
        if not db.DEFAULT_DB.exists():
            from ita.build import build

            with st.spinner(labels.t("building_database")):
                build(db.DEFAULT_DB)


class _Lru:
    """A thread-safe least-recently-used map. Unlike st.cache_data it neither pickles on write nor
    unpickles on read: a hit costs a dictionary lookup, which is what a rerun pays for every query.

    A value is made once however many sessions ask for it at the same moment (ten sessions choosing a
    year no one has chosen yet): the first makes it, the others wait for it.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._making: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        while True:
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    return self._items[key]
                making = self._making.get(key)
                if making is None:
                    self._making[key] = threading.Event()
                    break
            making.wait()  # another session is making it; if that fails, the next one asking makes it
        try:
            value = make()  # outside the lock: a slow query must not hold up the other sessions' hits
            with self._lock:
                self._items[key] = value
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        finally:
            with self._lock:
                self._making.pop(key).set()
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


_results = _Lru(MAX_RESULTS)
_views = _Lru(MAX_VIEWS)


@st.cache_resource(max_entries=2)
def _connection(version: str):
    return db.connect(db.DEFAULT_DB, read_only=True)


def _key(value: object) -> Hashable:
    return tuple(value) if isinstance(value, list) else value


def query(name: str, **params) -> pd.DataFrame:
    """Run queries/<name>.sql with these parameters against the current database file.

    Each caller gets its own frame over the cached columns: pandas copies a column only when it is written
    (copy-on-write), so a page may add or change columns without touching the cache.
    """
    version = db.database_version(db.DEFAULT_DB)
    key = (name, tuple(sorted((k, _key(v)) for k, v in params.items())), version)
    result = _results.get(key, lambda: db.run_query(_connection(version), name, params))
    return result.copy(deep=False)


def per_version(build: Callable[P, T]) -> Callable[P, T]:
    """Cache what `build` makes from queries (a figure, a table), by its arguments, the database version and
    the language, for every session of this process. `build` must depend on nothing else, and its callers
    must not change what it returns."""

    @functools.wraps(build)
    def cached(*args: P.args, **kwargs: P.kwargs) -> T:
        key = (
            build.__code__.co_filename,  # pages all run as __main__
            build.__qualname__,
            tuple(_key(a) for a in args),
            tuple(sorted((k, _key(v)) for k, v in kwargs.items())),
            db.database_version(db.DEFAULT_DB),
            labels.lang(),
        )
        return _views.get(key, lambda: build(*args, **kwargs))

    return cached


def clear() -> None:
    """Forget every cached result and view (benchmarks of cold reruns)."""
    _results.clear()
    _views.clear()
