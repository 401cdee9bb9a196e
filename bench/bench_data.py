"""Data-layer benchmark: import throughput, the publish of one import, and the full build.

Run: .venv/bin/python bench/bench_data.py [--documents N]
Targets (issues 2 and 20): import at least 50 documents/s end to end, one document end to end at most 2 s,
build at most 30 s. Prints, with the load average before and after:
- end to end into the embedded default (the national sample), the wall time of `python -m ita import`
  (start-up, copy, writes, publish), as an overseer runs it:
  - N documents of N distinct agencies (distinct_agency_documents: the real layouts, renamed after real
    places), in one `import`;
  - N re-imports: copies of the four seeds, so four agencies supersede their own earlier versions;
  - one document of a new agency on its own (median of 5);
- in-process, from opening the writer to the published file: N seed copies into an empty database, with
  the steady rate once the parsers and the Thai word list are loaded;
- the build of the embedded default.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita import load, snapshot  # noqa: E402
from ita.build import build  # noqa: E402

SEEDS = sorted((ROOT / "data" / "documents").glob("*.txt"))
# real layouts: the seeds and the layout zoo's text documents (not its Word sources, NAME.docx.txt, which are
# a Word file's text with list markup, made into the file only by the tests)
LAYOUTS = [
    *SEEDS,
    *(
        p
        for p in sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.txt"))
        if not p.name.endswith(".docx.txt")
    ),
]
BANGKOK = "กรุงเทพมหานคร"  # no subdistrict organisations: its khwaeng are not local governments


def make_documents(folder: Path, count: int, tag: str = "") -> list[Path]:
    """Distinct copies of the real seeds: each copy gets its own bytes (so nothing is skipped as a re-import)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        seed = SEEDS[i % len(SEEDS)]
        path = folder / f"{i:05d}_{seed.name}"
        path.write_text(seed.read_text(encoding="utf-8") + f"\n\nสำเนาที่ {tag}{i}\n", encoding="utf-8")
        paths.append(path)
    return paths


def distinct_agency_documents(folder: Path, count: int) -> list[Path]:
    """`count` documents of as many agencies: the real layouts in turn, each agency renamed after a real
    subdistrict outside Bangkok (องค์การบริหารส่วนตำบล<ตำบล>, its อำเภอ and จังหวัด where the layout names
    them), the subdistricts spread over the country in code order. Some of them are agencies of the
    national sample, whose synthetic twins the import replaces, as a province's real reports would."""
    from ita.parse.report import parse_report

    folder.mkdir(parents=True, exist_ok=True)
    places = _subdistricts()
    step = len(places) // count
    paths = []
    for i in range(count):
        layout = LAYOUTS[i % len(LAYOUTS)]
        path = folder / f"{i:05d}_{layout.name}"
        path.write_text(_renamed(layout, parse_report(layout).agency, places[i * step]), encoding="utf-8")
        paths.append(path)
    return paths


def _subdistricts() -> list[tuple[str, str, str]]:
    import geothai

    return [
        (subdistrict.name_th, district.name_th, province.name_th)
        for province in geothai.provinces()
        if province.name_th != BANGKOK
        for district in geothai.districts(province.code)
        for subdistrict in geothai.subdistricts(district.code)
    ]


def _renamed(layout: Path, agency, place: tuple[str, str, str]) -> str:
    """The layout's text with every spelling of its agency's name, its district and province replaced."""
    from ita import agencies

    subdistrict, district, province = place
    name = agencies.parse_name(agency.name)
    spellings = {agency.name, name.canonical}
    for prefix, kind, full in agencies.PREFIXES:
        if kind == name.type:
            spellings |= {prefix + name.place, full + name.place, prefix + name.place.removeprefix("นคร")}
    text = layout.read_text(encoding="utf-8")
    for spelling in sorted(spellings, key=len, reverse=True):
        text = text.replace(spelling, agencies.TYPE_PREFIX["sao"] + subdistrict)
    for old, new in ((agency.province, province), (agency.district, district)):
        if old:
            text = text.replace(old, new)
    return text


def import_all(db_path: Path, paths: list[Path], *, fresh: bool = False) -> tuple[float, float]:
    """Seconds for the whole import (writer opened to file published), and per document after the first."""
    started = time.perf_counter()
    with snapshot.writing(db_path, fresh=fresh) as con:
        outcomes = load.Importer(con).import_files((path, path.name) for path in paths)
        first = next(outcomes)
        after_first = time.perf_counter()
        rest = [first, *outcomes]
        steady = (time.perf_counter() - after_first) / max(len(paths) - 1, 1)
    assert all(isinstance(o, load.ImportResult) and o.status == "imported" for o in rest), rest
    return time.perf_counter() - started, steady


def cli_import(db_path: Path, paths: list[Path]) -> float:
    """Wall seconds of `python -m ita import --db db_path PATHS…` in a fresh interpreter."""
    command = [sys.executable, "-m", "ita", "import", "--db", str(db_path), *map(str, paths)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def fresh_copy(national: Path, folder: Path) -> Path:
    """A copy of the national database in a folder of its own (an import publishes beside it)."""
    folder.mkdir(parents=True)
    shutil.copyfile(national.resolve(), folder / "ita.duckdb")
    return folder / "ita.duckdb"


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=400)
    args = parser.parse_args()
    n = args.documents
    print(f"load average at start: {load_average()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        national = folder / "national" / "ita.duckdb"
        build(national)
        print(f"build:  {time.perf_counter() - started:.1f} s for the embedded default (target ≤ 30)")

        seconds = cli_import(fresh_copy(national, folder / "d"), distinct_agency_documents(folder / "da", n))
        print(
            f"`python -m ita import` of {n} documents of distinct agencies into the embedded default: "
            f"{n / seconds:.0f} documents/s ({seconds:.1f} s end to end) (target ≥ 50)"
        )
        seconds = cli_import(fresh_copy(national, folder / "r"), make_documents(folder / "ra", n))
        print(
            f"`python -m ita import` of {n} re-imports (four agencies' seeds) into the embedded default: "
            f"{n / seconds:.0f} documents/s ({seconds:.1f} s end to end)"
        )
        singles = [
            cli_import(fresh_copy(national, folder / f"s{i}"), [path])
            for i, path in enumerate(distinct_agency_documents(folder / "sa", 5))
        ]
        print(
            f"`python -m ita import` of one document of a new agency into the embedded default: "
            f"{statistics.median(singles):.2f} s end to end (median of 5) (target ≤ 2)"
        )

        total, steady = import_all(
            folder / "empty" / "ita.duckdb", make_documents(folder / "a", n), fresh=True
        )
        print(f"in process, into an empty database: {n / total:.0f} documents/s over {n} documents ", end="")
        print(f"({total:.1f} s in all; {1 / steady:.0f} documents/s once loaded)")
    print(f"load average at end: {load_average()}")


if __name__ == "__main__":
    main()
