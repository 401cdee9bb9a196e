"""The sheet zoo: small score sheets written by hand, one per way people copy them out of ITAS, each with
the rows and warnings it must parse to (tests/fixtures/sheets/zoo/NAME.json, written before the parser ran
on the sheet). ``checks`` compares one parse with them, one check per field, so a run can be counted
("52 of 60 fields right") as well as asserted (tests/test_sheet_zoo.py, bench/sheet_zoo.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ita.records import ScoreSheet, SheetRow
from tests.layouts import Check, _matched

ZOO = Path(__file__).resolve().parent / "fixtures" / "sheets" / "zoo"
_ROW_FIELDS = ("line", "fiscal_year", "score", "grade", "rating", "indicators", "instruments")


@dataclass(frozen=True)
class ZooSheet:
    name: str
    source: Path
    expected: dict[str, Any]

    @property
    def batch(self) -> int:
        """Batches are written one after another, each before the parser met it; the first has no key."""
        return self.expected.get("batch", 1)


def sheets() -> list[ZooSheet]:
    out = []
    for path in sorted(ZOO.glob("*.json")):
        [source] = [p for p in ZOO.glob(f"{path.stem}.*") if p.suffix != ".json"]
        out.append(ZooSheet(path.stem, source, json.loads(path.read_text(encoding="utf-8"))))
    return out


def checks(sheet: ScoreSheet, expected: dict[str, Any]) -> list[Check]:
    """One check per expected field of every row, rows compared in order, and one for the warnings."""
    out = [Check("rows.count", len(expected["rows"]), len(sheet.rows))]
    for index, fields in enumerate(expected["rows"]):
        got = sheet.rows[index] if index < len(sheet.rows) else None
        for key, value in fields["agency"].items():
            out.append(Check(f"rows[{index}].agency.{key}", value, _agency_field(got, key)))
        for key in _ROW_FIELDS:
            out.append(Check(f"rows[{index}].{key}", fields[key], getattr(got, key, "(missing)")))
    messages = [w.message for w in sheet.warnings]
    out.append(Check("warnings", expected["warnings"], _matched(expected["warnings"], messages)))
    return out


def field_count(expected: dict[str, Any]) -> int:
    """The checks a sheet has: all of them wrong when the parser rejected it."""
    return 2 + sum(len(row["agency"]) + len(_ROW_FIELDS) for row in expected["rows"])


def _agency_field(row: SheetRow | None, key: str) -> Any:
    return getattr(row.agency, key) if row is not None else "(missing)"
