"""A long-lived writer: import each file named on stdin into the database as its own publish.

Run: .venv/bin/python bench/import_loop.py DB < paths
One JSON line per file on stdout: {"file", "ok", "seconds", "message"}. A separate process from the
dashboard, as a writer is in production, and a warm one (its interpreter, parsers and Thai word list
loaded once), so its times are those of the import and the publish rather than of starting Python.
tests/test_concurrency.py drives it while browser sessions read; it serves load runs the same way.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita import load, snapshot  # noqa: E402
from ita.errors import ItaError  # noqa: E402


def import_one(db_path: Path, path: Path) -> dict:
    started = time.perf_counter()
    try:
        with snapshot.writing(db_path) as con:
            message = load.Importer(con).import_file(path, display_name=str(path)).summary()
        ok = True
    except ItaError as error:
        ok, message = False, str(error)
    return {"file": str(path), "ok": ok, "seconds": time.perf_counter() - started, "message": message}


def main() -> None:
    db_path = Path(sys.argv[1])
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(import_one(db_path, Path(line.strip())), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
