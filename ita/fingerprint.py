"""What the derived rows depend on, fingerprinted and recorded in the database beside them.

Derived rows (the model tables, and each real measure's target indicators) follow from the base rows and
from four inputs: each model's SQL, each year's framework as the database holds it, the indicator terms the
linker reads and the parser's version. `derivation_fingerprint` holds a digest of each input as it was when
the derived rows were last recomputed from scratch; a writer whose inputs differ recomputes everything
(ita/refresh.py) and logs what changed, so an upgrade, an edited term table or a corrected framework never
leaves rows derived the old way beside rows derived the new way.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import TYPE_CHECKING

from ita import PARSER_VERSION, linking, models

if TYPE_CHECKING:
    import duckdb

_RECORDED = "SELECT input, digest FROM derivation_fingerprint"
_FORGET = "DELETE FROM derivation_fingerprint"
_RECORD = "INSERT INTO derivation_fingerprint (input, digest) SELECT unnest($inputs), unnest($digests)"
# every column of every framework table, so a column added to one counts too (fiscal_year comes first in each)
_FRAMEWORK_TABLES = (
    "SELECT * FROM framework_years ORDER BY ALL",
    "SELECT * FROM framework_instruments ORDER BY ALL",
    "SELECT * FROM framework_indicators ORDER BY ALL",
    "SELECT * FROM framework_grades ORDER BY ALL",
)
PARSER = "parser_version"
TERMS = "indicator_terms"
MODEL_PREFIX = "model:"
FRAMEWORK_PREFIX = "framework:"


def current(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The fingerprint of the inputs as this process and this database hold them now."""
    inputs = {f"{MODEL_PREFIX}{m.name}": _digest(m.sql) for m in models.models()}
    by_year: dict[int, list[tuple]] = defaultdict(list)
    for query in _FRAMEWORK_TABLES:
        for row in con.execute(query).fetchall():
            by_year[row[0]].append(row)
    inputs |= {f"{FRAMEWORK_PREFIX}{year}": _digest(repr(rows)) for year, rows in by_year.items()}
    terms = [(t.indicator_no, t.term, t.weight) for t in linking.default_terms().terms]
    return inputs | {TERMS: _digest(repr(terms)), PARSER: PARSER_VERSION}


def recorded(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The fingerprint recorded when the derived rows were last recomputed from scratch (empty: never)."""
    return dict(con.execute(_RECORDED).fetchall())


def record(con: duckdb.DuckDBPyConnection, fingerprint: dict[str, str]) -> None:
    forget(con)
    con.execute(_RECORD, {"inputs": list(fingerprint), "digests": list(fingerprint.values())})


def forget(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_FORGET)


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """What differs, in words: "model measure_facts changed", "framework 2569 added", "parser_version 1.0.0 → 1.1.0"."""
    if not before:
        return ["no fingerprint recorded (a database made by an earlier version)"]
    said = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        what = name.replace(":", " ", 1)
        if name == PARSER:
            said.append(f"{what} {old or 'unknown'} → {new}")
        else:
            said.append(f"{what} {'added' if old is None else 'removed' if new is None else 'changed'}")
    return said


def relinks(before: dict[str, str], after: dict[str, str]) -> bool:
    """Whether measures must be linked to indicators again: anything but a model's SQL changed (or nothing
    was recorded, so nobody knows what they were linked with)."""
    linking_inputs = {name for name in before.keys() | after.keys() if not name.startswith(MODEL_PREFIX)}
    return not before or any(before.get(name) != after.get(name) for name in linking_inputs)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
