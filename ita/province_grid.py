"""Where each province sits on the tile-grid map of Thailand: data/reference/province_grid.csv.

One equal tile per province on a 10 × 18 grid that keeps the country's shape and neighbours (row 0 in the
north, the peninsula in the bottom rows), after the npm package gridmap-layout-thailand (MIT).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GRID_FILE = Path(__file__).resolve().parent.parent / "data" / "reference" / "province_grid.csv"


@dataclass(frozen=True)
class Tile:
    province_code: str  # DOPA two-digit code
    name_th: str
    row: int  # 0 = north
    column: int  # 0 = west
    abbr_th: str
    abbr_en: str


@cache
def tiles() -> tuple[Tile, ...]:
    """Every province's tile, in province-code order."""
    with GRID_FILE.open(encoding="utf-8", newline="") as f:
        return tuple(
            Tile(
                province_code=row["province_code"],
                name_th=row["name_th"],
                row=int(row["row"]),
                column=int(row["column"]),
                abbr_th=row["abbr_th"],
                abbr_en=row["abbr_en"],
            )
            for row in csv.DictReader(f)
        )
