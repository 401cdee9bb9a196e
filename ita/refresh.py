"""Set up a writer's database and keep the derived tables behind the public views up to date.

The public views read materialised tables, one per model in ita/sql/models/ (ita/models.py). An import puts
the agencies it touches in refresh_scope; publishing recomputes their rows only, or every row in a build, a
restore, or once the scope holds most agencies.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from ita import db, framework, linking, models

_SCOPE_SIZE = "SELECT (SELECT count(DISTINCT agency_id) FROM refresh_scope), (SELECT count(*) FROM agencies)"
_SCOPE_EVERYTHING = "INSERT INTO refresh_scope SELECT agency_id FROM agencies"
_CLEAR_SCOPE = "DELETE FROM refresh_scope"
_TABLE_EXISTS = "SELECT count(*) FROM duckdb_tables() WHERE NOT temporary AND table_name = $name"
# Past this share of all agencies, recomputing everything costs less than recomputing the touched ones.
FULL_REFRESH_SHARE = 0.25

_TITLES_WITHOUT_WORDS = """
    SELECT DISTINCT title FROM measures m
    SEMI JOIN refresh_scope USING (agency_id)
    WHERE NOT EXISTS (SELECT 1 FROM measure_words w WHERE w.measure_id = m.measure_id)"""
_INSERT_TITLE_WORDS = """
    INSERT INTO measure_words
    SELECT m.measure_id, t.words, m.is_synthetic
    FROM measures m
    SEMI JOIN refresh_scope USING (agency_id)
    JOIN title_words t USING (title)
    WHERE NOT EXISTS (SELECT 1 FROM measure_words w WHERE w.measure_id = m.measure_id)"""

_CLEAR_FRAMEWORK = (
    "DELETE FROM framework_years",
    "DELETE FROM framework_instruments",
    "DELETE FROM framework_indicators",
    "DELETE FROM framework_grades",
)
_FRAMEWORK_ROWS = (
    "SELECT fiscal_year, model, grade_scheme, pass_mark, note FROM framework_years",
    "SELECT fiscal_year, instrument, name_th, name_en, weight FROM framework_instruments",
    "SELECT fiscal_year, indicator_no, name_th, name_en, instrument FROM framework_indicators",
    "SELECT fiscal_year, label, rank, min_score, min_instrument_score FROM framework_grades",
)
_INSERT_FRAMEWORK = (
    "INSERT INTO framework_years VALUES (?, ?, ?, ?, ?, false)",
    "INSERT INTO framework_instruments VALUES (?, ?, ?, ?, ?, false)",
    "INSERT INTO framework_indicators VALUES (?, ?, ?, ?, ?, false)",
    "INSERT INTO framework_grades VALUES (?, ?, ?, ?, ?, false)",
)


def init_database(con: duckdb.DuckDBPyConnection) -> None:
    """Create tables, load every year's framework, create the derived tables and the views over them.

    Derived tables new to this database, or a framework that changed, mean every agency's derived rows
    must be recomputed at publish.
    """
    con.execute(db.script("schema"))
    con.execute(db.script("scope"))
    framework_changed = load_framework(con)
    created = False
    for model in models.models():
        if not con.execute(_TABLE_EXISTS, {"name": model.name}).fetchone()[0]:
            con.execute(model.full_refresh())  # refresh_scope is empty: the table starts empty
            created = True
    con.execute(db.script("views"))
    if framework_changed or created:
        con.execute(_SCOPE_EVERYTHING)


def refresh_facts(con: duckdb.DuckDBPyConnection, *, everything: bool = False) -> None:
    """Recompute the derived tables for the agencies in refresh_scope (or all of them), in one transaction.

    The connection has been through init_database, which created them.
    """
    scoped, total = con.execute(_SCOPE_SIZE).fetchone()
    if not (everything or scoped):
        return
    full = everything or scoped > FULL_REFRESH_SHARE * total
    con.begin()
    try:
        con.execute(db.script("scope_everything" if full else "scope_touched"))
        add_title_words(con)
        for model in models.models():
            for statement in (model.full_refresh(),) if full else model.scoped_refresh():
                con.execute(statement)
        con.execute(_CLEAR_SCOPE)
        con.commit()
    except BaseException:
        con.rollback()
        raise


def add_title_words(con: duckdb.DuckDBPyConnection) -> None:
    """Tokenise the titles of the scope's measures that have no words yet (an import writes its own; the
    synthetic sample's come here), once per distinct title."""
    titles = [title for (title,) in con.execute(_TITLES_WITHOUT_WORDS).fetchall()]
    if not titles:
        return
    words = pd.DataFrame({"title": titles, "words": [linking.title_words(t) for t in titles]})
    con.register("title_words", words)
    con.execute(_INSERT_TITLE_WORDS)
    con.unregister("title_words")


def load_framework(con: duckdb.DuckDBPyConnection) -> bool:
    """Write every year's framework from data/framework; True when it differs from what the database held."""
    years, instruments, indicators, grades = [], [], [], []
    for fw in framework.frameworks().values():
        y = fw.fiscal_year
        years.append((y, fw.model, fw.grade_scheme, fw.pass_mark, fw.note))
        instruments += [(y, i.code, i.name_th, i.name_en, i.weight) for i in fw.instruments]
        indicators += [(y, i.no, i.name_th, i.name_en, i.instrument) for i in fw.indicators]
        grades += [
            (y, g.label, rank, g.min_score, g.min_instrument_score) for rank, g in enumerate(fw.grades, 1)
        ]
    wanted = [years, instruments, indicators, grades]
    held = [con.execute(query).fetchall() for query in _FRAMEWORK_ROWS]
    if [sorted(rows, key=repr) for rows in held] == [sorted(rows, key=repr) for rows in wanted]:
        return False
    clear_framework(con)
    for statement, rows in zip(_INSERT_FRAMEWORK, wanted, strict=True):
        if rows:
            con.executemany(statement, rows)
    return True


def clear_framework(con: duckdb.DuckDBPyConnection) -> None:
    for statement in _CLEAR_FRAMEWORK:
        con.execute(statement)
