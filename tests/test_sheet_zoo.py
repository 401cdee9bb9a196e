"""The sheet zoo (tests/sheet_zoo.py): every hand-written score sheet parses to the rows and warnings
written down for it."""

from __future__ import annotations

import pytest

from ita.parse.sheet import parse_sheet
from tests.sheet_zoo import checks, sheets


@pytest.mark.parametrize("zoo_sheet", sheets(), ids=lambda s: s.source.name)
def test_sheet_parses_to_its_expected_rows(zoo_sheet) -> None:
    sheet = parse_sheet(zoo_sheet.source)
    wrong = [
        f"{c.field}: expected {c.expected!r}, got {c.got!r}"
        for c in checks(sheet, zoo_sheet.expected)
        if not c.ok
    ]
    assert wrong == []
