"""The derived models: one SELECT per file in ita/sql/models/<table>.sql, and the refreshes made from them.

A model's first line states its grain, its refresh key and the order a full refresh writes its rows in:

    -- grain: one row per agency and fiscal year; refresh key: agency; order: fiscal_year, province, agency_id

The refresh key says which rows of the table one refresh replaces, and which scope table (ita/sql/scope.sql)
the model's SELECT must read its rows through: `agency` (refresh_scope: the agencies an import touched),
`fiscal_year` (refresh_years: a rank depends on every agency of the year) or `place` (refresh_places:
summaries by province and district). A model may read other models; they are refreshed before it.
Adding a model is adding its file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent / "sql" / "models"

_HEADER = re.compile(
    r"-- grain: (?P<grain>[^;]+); refresh key: (?P<key>[a-z_]+); order: (?P<order>[a-z_]+(?: DESC)?"
    r"(?:, [a-z_]+(?: DESC)?)*)"
)
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_COMMENT = re.compile(r"--[^\n]*")
# Which rows of a table (aliased t) one refresh replaces, by refresh key; the scope table each reads through.
_STALE_ROWS = {
    "agency": "t.agency_id IN (SELECT agency_id FROM refresh_scope)",
    "fiscal_year": "t.fiscal_year IN (SELECT fiscal_year FROM refresh_years)",
    "place": (
        "EXISTS (SELECT 1 FROM refresh_places p "
        "WHERE p.province IS NOT DISTINCT FROM t.province AND p.district IS NOT DISTINCT FROM t.district)"
    ),
}
SCOPE_TABLES = {"agency": "refresh_scope", "fiscal_year": "refresh_years", "place": "refresh_places"}


class ModelError(ValueError):
    """A model file that does not follow the convention above."""


@dataclass(frozen=True)
class Model:
    name: str  # the table it fills, and its file's name
    grain: str
    key: str  # agency | fiscal_year | place
    order: str
    sql: str  # the file: header, then one SELECT
    depends: frozenset[str]  # the other models it reads

    def full_refresh(self) -> str:
        """Replace the whole table (its columns are the SELECT's), sorted so filtered scans skip row groups."""
        return f"CREATE OR REPLACE TABLE {self.name} AS SELECT * FROM ({self.sql}\n) ORDER BY {self.order}"

    def scoped_refresh(self) -> tuple[str, str]:
        """Delete the rows of the scope, then insert them again, matching columns by name."""
        return (
            f"DELETE FROM {self.name} t WHERE {_STALE_ROWS[self.key]}",
            f"INSERT INTO {self.name} BY NAME SELECT * FROM ({self.sql}\n)",
        )


def read(path: Path, names: frozenset[str]) -> Model:
    """One model file; `names` are all models', to tell which ones it reads."""
    name = path.stem
    if not _NAME.fullmatch(name):
        raise ModelError(f"{path.name}: a model's file is named for its table in snake_case")
    sql = path.read_text(encoding="utf-8").strip().rstrip(";")
    header = _HEADER.fullmatch(sql.splitlines()[0]) if sql else None
    if header is None:
        raise ModelError(
            f"{path.name}: line 1 must read '-- grain: …; refresh key: agency|fiscal_year|place; order: …'"
        )
    key = header["key"]
    if key not in _STALE_ROWS:
        raise ModelError(f"{path.name}: refresh key '{key}' is not one of {', '.join(_STALE_ROWS)}")
    body = _COMMENT.sub("", sql)
    if not re.search(rf"\b{SCOPE_TABLES[key]}\b", body):
        raise ModelError(f"{path.name}: refresh key {key} means reading rows through {SCOPE_TABLES[key]}")
    depends = frozenset(other for other in names - {name} if re.search(rf"\b{other}\b", body))
    return Model(name, header["grain"].strip(), key, header["order"], sql, depends)


def models(directory: Path | None = None) -> tuple[Model, ...]:
    """Every model, each after the models it reads."""
    paths = sorted((directory or MODELS_DIR).glob("*.sql"))
    names = frozenset(p.stem for p in paths)
    by_name = {m.name: m for m in (read(p, names) for p in paths)}
    order = TopologicalSorter({name: sorted(m.depends) for name, m in sorted(by_name.items())})
    try:
        return tuple(by_name[name] for name in order.static_order())
    except CycleError as error:
        raise ModelError(f"models read each other in a circle: {' → '.join(error.args[1])}") from None
