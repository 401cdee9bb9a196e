"""How well the score-sheet parser reads the sheet zoo (tests/fixtures/sheets/zoo), field by field.

Run: .venv/bin/python bench/sheet_zoo.py [--misses]

Prints, per sheet, the expected fields the parse got right, then each batch's total (a sheet's "batch" key,
1 when it has none) and the total. A rejected sheet counts every field wrong.

Batch 1 (five sheets, 305 fields), load average about 2 on the shared 2-core machine:
- first run, before any change for the zoo: 226 of 305 (74 %): indicator_names_2564 45 of 50 (indicator 4
  headed '…ของทางราชการ' unread, no warning for the overall its indicators contradict), ranking_types_2566
  rejected (0 of 74: its ค่าเฉลี่ย label in the อันดับ column; behind that, the province named only in the
  title), the other three right in full (62, 62 and 57 fields);
- now: 305 of 305.

Batch 2 (five sheets, 430 fields), load average 0.3:
- first run, with parser 1.4.1: 207 of 430 (48 %): workbook_years_2565_2567 rejected (0 of 146: only the
  first worksheet with a header read, and it states its year only in its name), web_percent_2567 rejected
  (0 of 62: 'ผู้ตอบ IIT (คน)' read as the IIT score, 268 outside 0–100; behind that, '95.20%'),
  merged_district_indicators_2565 61 of 74 (the indicators numbered under merged IIT/EIT/OIT read as three
  instrument scores, so six overall mismatches warned), ranks_tied_2564 73 of 74 ('ลำดับ IIT' taken for a
  second IIT column, 'ลำดับ ITA' unrecognised: four warnings), pass_labels_letters_2566 73 of 74 (no warning
  for ไม่ผ่าน at 86.30, ผ่าน at 84.62 or AA at 91.20);
- now (parser 1.5.0): 430 of 430.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita.errors import ItaError  # noqa: E402
from ita.parse.sheet import parse_sheet  # noqa: E402
from tests.sheet_zoo import checks, field_count, sheets  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every field parsed wrong")
    args = parser.parse_args()
    right: Counter[int] = Counter()
    total: Counter[int] = Counter()
    for zoo_sheet in sheets():
        try:
            sheet = parse_sheet(zoo_sheet.source)
        except ItaError as error:
            total[zoo_sheet.batch] += field_count(zoo_sheet.expected)
            print(f"{zoo_sheet.source.name}: rejected: {error}")
            continue
        results = checks(sheet, zoo_sheet.expected)
        ok = sum(c.ok for c in results)
        right[zoo_sheet.batch] += ok
        total[zoo_sheet.batch] += len(results)
        print(f"{zoo_sheet.source.name}: {ok} of {len(results)} fields right")
        if args.misses:
            for c in results:
                if not c.ok:
                    print(f"    {c.field}: expected {c.expected!r}, got {c.got!r}")
    for batch in sorted(total):
        _print_count(f"batch {batch}", right[batch], total[batch])
    _print_count("total", right.total(), total.total())


def _print_count(label: str, right: int, total: int) -> None:
    print(f"{label}: {right} of {total} fields right ({right / total:.0%})")


if __name__ == "__main__":
    main()
