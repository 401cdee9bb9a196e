"""Data-layer benchmark: import throughput (documents per second) and full build time.

Run: .venv/bin/python bench/bench_data.py [--documents N]
Targets (issue 2): import at least 50 documents/s, build at most 30 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita import load, snapshot  # noqa: E402
from ita.build import build  # noqa: E402

SEEDS = sorted((ROOT / "data" / "documents").glob("*.txt"))


def make_documents(folder: Path, count: int) -> list[Path]:
    """Distinct copies of the real seeds: each copy gets its own bytes (so nothing is skipped as a re-import)."""
    paths = []
    for i in range(count):
        seed = SEEDS[i % len(SEEDS)]
        path = folder / f"{i:05d}_{seed.name}"
        path.write_text(seed.read_text(encoding="utf-8") + f"\n\nสำเนาที่ {i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def bench_import(count: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_documents(folder, count)
        started = time.perf_counter()
        with snapshot.writing(folder / "bench.duckdb", fresh=True) as con:
            for outcome in load.Importer(con).import_files((path, path.name) for path in paths):
                assert not isinstance(outcome, load.ItaError), outcome
        return count / (time.perf_counter() - started)


def bench_build() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build(Path(tmp) / "ita.duckdb")
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    args = parser.parse_args()
    rate = bench_import(args.documents)
    print(f"import: {rate:.0f} documents/s over {args.documents} documents (target ≥ 50)")
    seconds = bench_build()
    print(f"build:  {seconds:.1f} s for the embedded default (target ≤ 30)")


if __name__ == "__main__":
    main()
