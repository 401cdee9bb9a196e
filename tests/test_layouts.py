"""The layout zoo (tests/layouts.py): every hand-written layout parses to the fields written down for it,
in every format it can take, and no table row of any test document is left unexplained."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita.parse.report import parse_report, parse_report_lines
from ita.records import RowAccount
from tests import test_report_parser
from tests.layouts import checks, layouts, parse_layout

CASES = [
    pytest.param(layout, suffix, id=f"{layout.name}{suffix}")
    for layout in layouts()
    for suffix in layout.formats
]
# A format whose reader is known to miss fields of a document ("known_misses": format → why) fails
# strictly: the day it reads right, the test says so and the entry goes.
FIELD_CASES = [
    pytest.param(
        layout,
        suffix,
        id=f"{layout.name}{suffix}",
        marks=[pytest.mark.xfail(strict=True, reason=layout.known_misses[suffix])]
        if suffix in layout.known_misses
        else [],
    )
    for layout in layouts()
    for suffix in layout.formats
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("layouts")


@pytest.mark.parametrize(("layout", "suffix"), FIELD_CASES)
def test_layout_parses_to_its_expected_fields(layout, suffix: str, folder: Path) -> None:
    doc = parse_layout(layout, suffix, folder)
    wrong = [
        f"{c.field}: expected {c.expected!r}, got {c.got!r}" for c in checks(doc, layout.expected) if not c.ok
    ]
    assert wrong == []


@pytest.mark.parametrize(("layout", "suffix"), CASES)
def test_every_table_row_is_explained(layout, suffix: str, folder: Path) -> None:
    account = parse_layout(layout, suffix, folder).row_account
    assert account.unexplained == []
    assert account.read == account.headers + account.used + account.warned


def test_the_memo_accounts_for_each_row() -> None:
    """Four plan headers (IIT twice, across a page break) and three two-row status headers; 10 measures
    read once each and 10 status rows."""
    [memo] = [layout for layout in layouts() if layout.name == "memo_instrument_tables"]
    assert parse_report(memo.source).row_account == RowAccount(
        read=30, headers=10, measures=10, continuations=0, statuses=10, scores=0, warned=0, unexplained=[]
    )


TEXTS = [
    test_report_parser.STATUS_TABLE,
    test_report_parser.TWO_ROW_HEADER,
    test_report_parser.INSTRUMENT_GROUPS,
    test_report_parser.INDICATOR_GROUPS,
    test_report_parser.MEMO,
    test_report_parser.NUMBER_COLUMN,
    test_report_parser.INDICATORS,
]


@pytest.mark.parametrize("name", test_report_parser.SEED_NAMES)
def test_seed_rows_are_all_used(name: str) -> None:
    account = parse_report(test_report_parser.SEEDS / name).row_account
    assert (account.unexplained, account.warned) == ([], 0)
    assert account.read == account.headers + account.used


@pytest.mark.parametrize("text", TEXTS)
def test_test_documents_leave_no_row_unexplained(text: str) -> None:
    account = parse_report_lines(text.split("\n"), "doc.txt").row_account
    assert account.unexplained == []
    assert account.read == account.headers + account.used + account.warned


def test_a_row_the_parser_cannot_place_is_warned_with_its_line() -> None:
    text = (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567\nเทศบาลตำบลบ้านแพ้ว\n"
        "ผลการประเมิน\tคะแนน\n"  # a table whose header names no measure column
        "IIT ภายใน\t90\n"
        "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n"
        "\tประกาศ\tกองคลัง\n"  # continues no measure
        "1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\n"
    )
    doc = parse_report_lines(text.split("\n"), "doc.txt")
    assert [(w.line, w.message) for w in doc.warnings] == [
        (3, "a table row before any header naming its columns was not read"),
        (4, "a table row before any header naming its columns was not read"),
        (6, "a table row that continues no measure was skipped"),
    ]
    assert doc.row_account == RowAccount(read=5, headers=1, measures=1, warned=3)
