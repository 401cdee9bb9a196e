"""PDF reading: speed of text PDFs and scans, and how well scans read against the seeds' text.

    .venv/bin/python bench/bench_pdf.py                  # text PDFs of every seed; scans of seeds 000 and 002
    .venv/bin/python bench/bench_pdf.py --scans 001 003  # scans of other seeds too (OCR: about 5 s a page)

Fixtures are made by tests/fixtures/make_pdfs.py into a temporary folder. For a scan it prints the
measures found, the median character error rate of measure titles (against the .txt parse; with and
without spaces), statuses right, and dates right or flagged (a warning naming the measure or an OCR
read of low confidence on its lines).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ita.parse.reader import read_document  # noqa: E402
from ita.parse.report import parse_report, parse_report_lines  # noqa: E402
from tests.fixtures import make_pdfs  # noqa: E402
from tests.test_report_parser import STATUS_TABLE, TWO_ROW_HEADER  # noqa: E402

SEEDS = sorted((ROOT / "data" / "documents").glob("*.txt"))


def distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(got: str, want: str) -> float:
    return distance(got, want) / max(1, len(want))


def text_pdfs(folder: Path) -> None:
    pages = seconds = 0.0
    for seed in SEEDS:
        lines = seed.read_text(encoding="utf-8").split("\n")
        for kind in ("clean", "word"):
            path = folder / f"{seed.stem}.{kind}.pdf"
            path.write_bytes(make_pdfs.make(lines, kind))
            read_document(path)  # warm: imports, the Thai word list
            start = time.perf_counter()
            text = read_document(path)
            seconds += time.perf_counter() - start
            pages += max(text.pages)
    print(f"text PDFs: {pages:.0f} pages in {seconds:.2f} s = {pages / seconds:.1f} pages/s")


def scans(folder: Path, stems: list[str], dpi: int) -> None:
    status_tables = {"status.txt": STATUS_TABLE, "two_row_header.txt": TWO_ROW_HEADER}
    documents = [seed for seed in SEEDS if any(seed.stem.startswith(s) for s in stems)]
    for seed in [*documents, *map(Path, status_tables)]:
        text = status_tables.get(seed.name) or seed.read_text(encoding="utf-8")
        lines = text.split("\n")
        path = folder / f"{seed.stem}.scan{dpi}.pdf"
        path.write_bytes(make_pdfs.make(lines, f"scan{dpi}"))
        timings: list[float] = []
        last = [time.perf_counter()]

        def progress(page: int, pages: int, how: str, timings=timings, last=last) -> None:
            now = time.perf_counter()
            timings.append(now - last[0])
            last[0] = now

        got = parse_report(path, progress=progress)
        want = parse_report_lines(lines, seed.name)
        titles = [min((cer(g.title, w.title) for g in got.measures), default=1.0) for w in want.measures]
        bare = [
            min((cer(g.title.replace(" ", ""), w.title.replace(" ", "")) for g in got.measures), default=1.0)
            for w in want.measures
        ]
        matched = [_match(got.measures, w) for w in want.measures]
        statuses = sum(1 for w, g in zip(want.measures, matched, strict=True) if g and g.status == w.status)
        dates = sum(
            1
            for w, g in zip(want.measures, matched, strict=True)
            if g and ((g.start, g.end) == (w.start, w.end) or _flagged(got, g))
        )
        print(
            f"scan {dpi} dpi {seed.stem[:14]}: {len(timings)} pages, {statistics.mean(timings):.1f} s/page "
            f"(max {max(timings):.1f}); measures {len(got.measures)} of {len(want.measures)}; "
            f"title CER median {100 * statistics.median(titles):.1f} % "
            f"({100 * statistics.median(bare):.1f} % without spaces); statuses {statuses}/{len(want.measures)}; "
            f"dates right or flagged {dates}/{len(want.measures)}; agency {got.agency.name == want.agency.name}, "
            f"fiscal year {got.fiscal_year} (want {want.fiscal_year})"
        )


def _match(measures, wanted):
    scored = [(cer(m.title, wanted.title), m) for m in measures]
    return min(scored, key=lambda pair: pair[0])[1] if scored else None


def _flagged(doc, measure) -> bool:
    first, last = measure.source_lines
    return any(
        f"measure {measure.no}:" in w.message or (w.line and first <= w.line <= last) for w in doc.warnings
    )


def warm_up(folder: Path) -> None:
    """One page read first, so the figures leave out loading the Thai word list, digit drawings and models."""
    path = folder / "warm.pdf"
    path.write_bytes(make_pdfs.make(SEEDS[0].read_text(encoding="utf-8").split("\n")[:12], "scan300"))
    parse_report(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scans", nargs="*", default=["000", "002"], help="seed numbers to scan")
    parser.add_argument("--dpi", type=int, nargs="*", default=[300, 200])
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        text_pdfs(Path(folder))
        warm_up(Path(folder))
        for dpi in args.dpi:
            scans(Path(folder), args.scans, dpi)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
