"""Every label the dashboard asks for exists in Thai and in English, with the same placeholders: the keys written
out in the code, and the keys made from data (a document kind, a warning's source, an outcome, a method)."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from ita import db, framework
from ita.ui import documents, exports
from ita.ui.labels import TEXT

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.glob("ita/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "dashboard.py"])


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _written_keys() -> set[str]:
    """Keys passed as a literal to t() or to page.Section()."""
    keys = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = (
                    node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
                )
                if name in {"t", "Section"} and isinstance(node.args[0].value, str):
                    keys.add(node.args[0].value)
    return keys


def _made_keys() -> set[str]:
    """Keys the code makes from data, by the values the data can hold."""
    warnings_sql = db.query_text("validation_warnings")
    lifecycle_sql = (ROOT / "ita" / "sql" / "models" / "lifecycle_facts.sql").read_text(encoding="utf-8")
    methods = {f.model for f in framework.frameworks().values()} | {
        f.grade_scheme for f in framework.frameworks().values()
    }
    return {
        *(f"kind_{kind}" for kind in documents.KINDS),
        *(f"warn_{source}" for source in re.findall(r"SELECT '([a-z_]+)'", warnings_sql)),
        *(f"dt_view_{view}" for view in exports.VIEWS),
        *(f"outcome_{outcome}" for outcome in re.findall(r"(?:THEN|ELSE) '([a-z_]+)'", lifecycle_sql)),
        *(f"method_{method}" for method in methods),
    }


def test_the_made_keys_are_found():
    made = _made_keys()
    assert {"warn_document", "warn_score_mismatch", "outcome_carried_forward", "outcome_dropped"} <= made
    assert {"method_ita10", "method_five_index", "method_letters", "method_ratings", "method_levels"} <= made


@pytest.mark.parametrize("key", sorted(_written_keys() | _made_keys()))
def test_every_label_asked_for_exists_in_both_languages(key):
    assert key in TEXT, f"label {key!r} is used but not in ita/ui/labels.py"
    thai, english = TEXT[key]
    assert thai.strip() and english.strip()


@pytest.mark.parametrize("key", sorted(TEXT))
def test_both_languages_take_the_same_placeholders(key):
    thai, english = TEXT[key]
    assert _fields(thai) == _fields(english)


def test_document_kinds_in_the_database_all_have_a_label(fixture_db):
    with db.connect(fixture_db) as con:
        kinds = {kind for (kind,) in con.execute("SELECT DISTINCT kind FROM documents").fetchall()}
    assert kinds <= set(documents.KINDS)
