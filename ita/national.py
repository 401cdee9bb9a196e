"""The national ITA results NACC announced, from data/national_results.csv (each with its source).

They draw the national lines beside a scope's results on the charts, and the synthetic sample follows them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RESULTS_PATH = Path(__file__).resolve().parent.parent / "data" / "national_results.csv"


@dataclass(frozen=True)
class NationalResult:
    fiscal_year: int
    count_agencies: int
    mean_score: float
    pass_share: float | None  # share of agencies at or above the year's pass mark; None where not published
    source: str


def results() -> dict[int, NationalResult]:
    """Every published year's national result, keyed by B.E. year."""
    return _results_in(RESULTS_PATH)


@cache
def _results_in(path: Path) -> dict[int, NationalResult]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return {
        int(row["fiscal_year"]): NationalResult(
            int(row["fiscal_year"]),
            int(row["count_agencies"]),
            float(row["mean_score"]),
            float(row["pass_share"]) if row["pass_share"] else None,
            row["source"],
        )
        for row in rows
    }
