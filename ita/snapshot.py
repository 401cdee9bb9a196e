"""Publish database files atomically, so a reader never sees half a build or half an import.

Every write produces a new versioned file (ita-<ns>.duckdb) beside the published name, and the
published name (ita.duckdb) is a symbolic link switched to it with one rename. Readers open the
versioned file the link points at: DuckDB caches open databases by path, so a new version must
have a new path, and a reader that still has an old version open keeps reading it undisturbed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ita import db, refresh

# Old versions a slow reader may still hold open; on Linux deleting an open file is safe anyway.
KEEP_VERSIONS = 3


@contextmanager
def writing(path: Path, *, fresh: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a new version of `path` (a copy, or empty when `fresh`), ready to import into and
    published on success.

    Publishing first refreshes the derived tables behind the public views, so no writer can forget it: for
    the agencies the writes touched, or for all of them in a fresh file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(path):
        yield from _write_version(path, fresh=fresh)


@contextmanager
def _writer_lock(path: Path) -> Iterator[None]:
    # Two writers would each copy the current version and the later publish would drop the other's
    # import: writers queue on an exclusive lock beside the database (readers never take it).
    with path.with_name(f"{path.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write_version(path: Path, *, fresh: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    version = path.with_name(f"{path.stem}-{time.time_ns()}{path.suffix}")
    work = version.with_name(version.name + ".tmp")
    if path.exists() and not fresh:
        shutil.copyfile(path, work)
    con = db.connect(work, read_only=False)
    try:
        # Nobody reads the private copy before it is published, so its commits need not reach the disk one
        # by one (that fsync was most of an import's time); the finished file is synced once, below.
        con.execute("SET fsync_mode = 'none'")
        # An import is many small statements, which a second thread only slows; the refresh is a few big ones.
        con.execute("SET threads = 1")
        # and the private copy is checkpointed once, below: none while files are written into it
        con.execute("SET checkpoint_threshold = '1GB'")
        refresh.init_database(con)
        yield con
        con.execute("RESET threads")
        refresh.refresh_facts(con, everything=fresh)
        con.execute("CHECKPOINT")
        con.close()
    except BaseException:
        con.close()
        work.unlink(missing_ok=True)
        raise
    _sync(work)
    os.replace(work, version)
    _point(path, version)
    _prune(path)


def _sync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _point(link: Path, target: Path) -> None:
    staged = link.with_name(f"{link.name}.link-{os.getpid()}")
    staged.unlink(missing_ok=True)
    staged.symlink_to(target.name)
    os.replace(staged, link)


def _prune(link: Path) -> None:
    current = link.resolve().name
    versions = sorted(link.parent.glob(f"{link.stem}-*{link.suffix}"), reverse=True)
    for old in [v for v in versions if v.name != current][KEEP_VERSIONS - 1 :]:
        old.unlink(missing_ok=True)
