"""Set up a writer's database and keep the derived tables behind the public views up to date.

The public views read materialised tables, one per model in ita/sql/models/ (ita/models.py). An import puts
the agencies it touches in refresh_scope; publishing recomputes their rows only, or every row in a build, a
restore, or once the scope holds most agencies.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from ita import agency_directory, db, fingerprint, framework, linking, load, models, national

_SCOPE_SIZE = "SELECT (SELECT count(DISTINCT agency_id) FROM refresh_scope), (SELECT count(*) FROM agencies)"
_CLEAR_SCOPE = "DELETE FROM refresh_scope"
_LOG = logging.getLogger(__name__)
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
    "SELECT fiscal_year, model, grade_scheme, pass_mark, pass_share_target, score_tolerance, note FROM framework_years",
    "SELECT fiscal_year, instrument, name_th, name_en, weight FROM framework_instruments",
    "SELECT fiscal_year, indicator_no, name_th, name_en, instrument FROM framework_indicators",
    "SELECT fiscal_year, label, rank, min_score, min_instrument_score FROM framework_grades",
)
_INSERT_FRAMEWORK = (
    "INSERT INTO framework_years (fiscal_year, model, grade_scheme, pass_mark, pass_share_target, score_tolerance, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO framework_instruments (fiscal_year, instrument, name_th, name_en, weight) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO framework_indicators (fiscal_year, indicator_no, name_th, name_en, instrument) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO framework_grades (fiscal_year, label, rank, min_score, min_instrument_score) VALUES (?, ?, ?, ?, ?)",
)
_HAS_DOCUMENTS = "SELECT EXISTS (SELECT 1 FROM documents)"
_CLEAR_NATIONAL_RESULTS = "DELETE FROM national_results"
_INSERT_NATIONAL_RESULTS = """
    INSERT INTO national_results (fiscal_year, count_agencies, mean_score, pass_share, source)
    VALUES (?, ?, ?, ?, ?)"""


def init_database(con: duckdb.DuckDBPyConnection) -> None:
    """Create tables, load every year's framework, bring the derived tables up to date, create the views.

    Derived rows made from other inputs than this code and data hold now (ita/fingerprint.py) are all
    recomputed here, measures re-linked where the linking inputs changed, and what changed is logged.
    """
    con.execute(db.script("schema"))
    con.execute(db.script("scope"))
    load_framework(con)
    load_national_results(con)
    before, now = fingerprint.recorded(con), fingerprint.current(con)
    if before != now:
        if before or con.execute(_HAS_DOCUMENTS).fetchone()[0]:
            _LOG.warning("recomputing every derived row: %s", "; ".join(fingerprint.changes(before, now)))
        _recompute_everything(con)
    con.execute(db.script("views"))


def refresh_facts(con: duckdb.DuckDBPyConnection, *, everything: bool = False) -> None:
    """Recompute the derived tables for the agencies in refresh_scope (or all of them), in one transaction.

    The connection has been through init_database.
    """
    with _transaction(con):
        agency_directory.drop_replaced_twins(con)
    scoped, total = con.execute(_SCOPE_SIZE).fetchone()
    if everything or scoped > FULL_REFRESH_SHARE * total:
        _recompute_everything(con)
    elif scoped:
        with _transaction(con):
            con.execute(db.script("scope_touched"))
            add_title_words(con)
            for model in models.models():
                for statement in model.scoped_refresh():
                    con.execute(statement)
            con.execute(_CLEAR_SCOPE)


def _recompute_everything(con: duckdb.DuckDBPyConnection) -> None:
    """Every derived table from scratch, with new columns if a model's changed, and the fingerprint of what
    they were made from; measures re-linked first if the linking inputs differ from those recorded (a
    restored backup records the inputs its links were made with)."""
    with _transaction(con):
        before, now = fingerprint.recorded(con), fingerprint.current(con)
        if fingerprint.relinks(before, now):
            count = load.relink_measures(con)
            if before and count:
                _LOG.warning("linked %d real measures to their indicators again", count)
        con.execute(db.script("scope_everything"))
        add_title_words(con)
        for model in models.models():
            con.execute(model.full_refresh())
        con.execute(_CLEAR_SCOPE)
        fingerprint.record(con, now)


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.begin()
    try:
        yield
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
    import pandas as pd  # here, not at the top: an import, whose measures come with their words, never needs it

    words = pd.DataFrame({"title": titles, "words": [linking.title_words(t) for t in titles]})
    con.register("title_words", words)
    con.execute(_INSERT_TITLE_WORDS)
    con.unregister("title_words")


def load_framework(con: duckdb.DuckDBPyConnection) -> None:
    """Write every year's framework from data/framework, unless the database holds it already."""
    years, instruments, indicators, grades = [], [], [], []
    for fw in framework.frameworks().values():
        y = fw.fiscal_year
        years.append(
            (y, fw.model, fw.grade_scheme, fw.pass_mark, fw.pass_share_target, fw.score_tolerance, fw.note)
        )
        instruments += [(y, i.code, i.name_th, i.name_en, i.weight) for i in fw.instruments]
        indicators += [(y, i.no, i.name_th, i.name_en, i.instrument) for i in fw.indicators]
        grades += [
            (y, g.label, rank, g.min_score, g.min_instrument_score) for rank, g in enumerate(fw.grades, 1)
        ]
    wanted = [years, instruments, indicators, grades]
    held = [con.execute(query).fetchall() for query in _FRAMEWORK_ROWS]
    if [sorted(rows, key=repr) for rows in held] == [sorted(rows, key=repr) for rows in wanted]:
        return
    clear_framework(con)
    for statement, rows in zip(_INSERT_FRAMEWORK, wanted, strict=True):
        if rows:
            con.executemany(statement, rows)


def load_national_results(con: duckdb.DuckDBPyConnection) -> None:
    """Write the national results of data/national_results.csv (a few rows: rewritten every time)."""
    con.execute(_CLEAR_NATIONAL_RESULTS)
    rows = [
        (r.fiscal_year, r.count_agencies, r.mean_score, r.pass_share, r.source)
        for r in national.results().values()
    ]
    if rows:
        con.executemany(_INSERT_NATIONAL_RESULTS, rows)


def clear_framework(con: duckdb.DuckDBPyConnection) -> None:
    for statement in _CLEAR_FRAMEWORK:
        con.execute(statement)
