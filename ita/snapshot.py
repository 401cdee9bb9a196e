"""Publish database files atomically, so a reader never sees half a build or half an import.

Writers work on a private copy and swap it in with os.replace(); the dashboard keeps reading
the file it opened until it notices the new version (db.database_version) and reopens.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ita import db, load


@contextmanager
def writing(path: Path, *, fresh: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of `path` (or a new file when `fresh`), published on success.

    Publishing first refreshes the derived tables behind the public views, so no writer can forget it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    work = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    work.unlink(missing_ok=True)
    if path.exists() and not fresh:
        shutil.copyfile(path, work)
    con = db.connect(work, read_only=False)
    try:
        yield con
        load.refresh_facts(con)  # readers of the published file must see the derived rows of this write
        con.execute("CHECKPOINT")
        con.close()
        os.replace(work, path)
    except BaseException:
        con.close()
        work.unlink(missing_ok=True)
        raise
