"""Thai dates: B.E. years, month names in every form the seeds use, ranges and the fiscal year."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita.thai import THAI_DIGITS, arabic_digits
from ita.thai_dates import (
    be_year,
    fiscal_year_bounds,
    fiscal_year_of,
    mentions_month,
    parse_date,
    parse_period,
    unplaced_years,
)

FULL = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def thai(value: int | str) -> str:
    return str(value).translate(TO_THAI)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("๖๕", 2565),
        ("65", 2565),
        ("๒๕๖๕", 2565),
        (2566, 2566),
        ("2023", 2566),
        (1999, 2542),
        ("123", None),
        ("x", None),
    ],
)
def test_be_year(value: str | int, expected: int | None) -> None:
    assert be_year(value) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("๑๔ ก.พ. ๒๕๖๕", date(2022, 2, 14), date(2022, 2, 14)),  # seed 001, measure 1
        ("๙ ธ.ค.๒๕๖๕", date(2022, 12, 9), date(2022, 12, 9)),  # seed 001, measure 3 (a year off)
        ("ม ก ร า ค ม ๒๕๖๕", date(2022, 1, 1), date(2022, 1, 31)),  # seed 001, spaced letters
        ("กันยายน ๒๕๖๕", date(2022, 9, 1), date(2022, 9, 30)),  # seed 002
        ("ต.ค.๖๔", date(2021, 10, 1), date(2021, 10, 31)),
        ("ตุลาคม ๖๔", date(2021, 10, 1), date(2021, 10, 31)),
        ("1 ตุลาคม 2566", date(2023, 10, 1), date(2023, 10, 1)),
        ("กุมภาพันธ ๒๕๖๗", date(2024, 2, 1), date(2024, 2, 29)),  # ์ dropped; leap year
        ("วันที่ 5 มี ค 2566", date(2023, 3, 5), date(2023, 3, 5)),  # no dots
        ("ภายใน ก. ย. ๖๖", date(2023, 9, 1), date(2023, 9, 30)),
        ("30 September 2566", None, None),
        ("มีความสุข ๒๕๖๕", None, None),  # "มีค" inside a word is not March
        ("31 กันยายน 2565", None, None),  # no such day
        ("ตุลาคม", None, None),  # no year
    ],
)
def test_parse_date(text: str, start: date | None, end: date | None) -> None:
    assert parse_date(text) == start
    assert parse_date(text, end=True) == end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ตุลาคม ๖๔ – มีนาคม ๖๕", (date(2021, 10, 1), date(2022, 3, 31))),  # seed 000
        ("พฤศจิกายน ๖๔ – มีนาคม ๖๕", (date(2021, 11, 1), date(2022, 3, 31))),  # seed 000, measure 7
        ("ก.พ. – มี.ค. ๖๕", (date(2022, 2, 1), date(2022, 3, 31))),  # seed 001: year only on the end
        ("ธ.ค. ๖๔- มี.ค. ๖๕", (date(2021, 12, 1), date(2022, 3, 31))),
        ("ต.ค.๖๔-มี.ค. ๖๕", (date(2021, 10, 1), date(2022, 3, 31))),
        ("ม.ค. -มี.ค. ๖๕", (date(2022, 1, 1), date(2022, 3, 31))),
        ("พ.ย. — ก.พ. ๖๕", (date(2021, 11, 1), date(2022, 2, 28))),  # October–December: the year before
        ("๑ ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗", (date(2023, 10, 1), date(2024, 9, 30))),  # seed 003
        (
            "๑ ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗ ๑ ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗",
            (date(2023, 10, 1), date(2024, 9, 30)),
        ),
        ("ตั้งแต่ ต.ค. ๖๔ ถึง มี.ค. ๖๕", (date(2021, 10, 1), date(2022, 3, 31))),
        ("กันยายน ๒๕๖๕", (date(2022, 9, 1), date(2022, 9, 30))),  # a deadline: its month
        ("มี.ค.๖๕", (date(2022, 3, 1), date(2022, 3, 31))),
        ("ต.ค. 67 - กย. 68", (date(2024, 10, 1), date(2025, 9, 30))),  # a dot left out
        ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗", (date(2023, 10, 1), date(2024, 9, 30))),
        ("-", (None, None)),
        ("ทุกเดือน", (None, None)),
    ],
)
def test_parse_period(text: str, expected: tuple[date | None, date | None]) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ต.ค. – ธ.ค.", (date(2021, 10, 1), date(2021, 12, 31))),
        ("ม.ค. ถึง มี.ค.", (date(2022, 1, 1), date(2022, 3, 31))),
        ("ตลอดปีงบประมาณ", (date(2021, 10, 1), date(2022, 9, 30))),
        ("ไตรมาสที่ 2-3", (date(2022, 1, 1), date(2022, 6, 30))),
        ("ไตรมาส ๑", (date(2021, 10, 1), date(2021, 12, 31))),
    ],
)
def test_parse_period_without_a_year_uses_the_fiscal_year(
    text: str, expected: tuple[date | None, date | None]
) -> None:
    assert parse_period(text, fiscal_year=2565) == expected
    assert parse_period(text) == (None, None)


def test_fiscal_year_helpers() -> None:
    assert fiscal_year_of(date(2022, 9, 30)) == 2565
    assert fiscal_year_of(date(2022, 10, 1)) == 2566
    assert fiscal_year_bounds(2566) == (date(2022, 10, 1), date(2023, 9, 30))


def test_mentions_month() -> None:
    assert mentions_month("รอบ ๖ เดือนแรก ตั้งแต่ตุลาคม ๒๕๖๔")
    assert not mentions_month("รอบ ๖ เดือน ประจำปีงบประมาณ ๒๕๖๕")


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_digits_round_trip(n: int) -> None:
    assert arabic_digits(thai(n)) == str(n)
    assert arabic_digits(f"ข้อ {thai(n)}.") == f"ข้อ {n}."


# Two-digit B.E. years name 2500–2599, i.e. C.E. 1957–2056.
dates = st.dates(min_value=date(1958, 1, 1), max_value=date(2056, 12, 31))


def month_form(month: int, style: int) -> str:
    if style == 0:
        return FULL[month - 1]
    if style == 1:
        return " ".join(FULL[month - 1])  # letters spaced out by PDF conversion
    if style == 2:
        return ABBR[month - 1]
    return ABBR[month - 1].replace(".", "")


@given(dates, st.integers(0, 3), st.booleans(), st.booleans())
def test_written_dates_parse_back(day: date, style: int, short_year: bool, thai_digits: bool) -> None:
    year = day.year + 543
    written_year = str(year)[2:] if short_year else str(year)
    text = f"{day.day} {month_form(day.month, style)} {written_year}"
    assert parse_date(thai(text) if thai_digits else text) == day


@given(dates, st.integers(0, 3), st.booleans())
def test_a_month_without_a_day_is_its_first_or_last_day(day: date, style: int, short_year: bool) -> None:
    year = day.year + 543
    text = thai(f"{month_form(day.month, style)} {str(year)[2:] if short_year else year}")
    last = calendar.monthrange(day.year, day.month)[1]
    assert parse_date(text) == day.replace(day=1)
    assert parse_date(text, end=True) == day.replace(day=last)


@given(
    st.integers(2545, 2595), st.integers(0, 11), st.integers(0, 11), st.sampled_from(["-", "–", "—", "ถึง"])
)
def test_a_range_with_one_year_stays_in_its_fiscal_year(fiscal_year: int, a: int, b: int, dash: str) -> None:
    first, last = sorted((a, b))  # positions in the fiscal year: 0 = October … 11 = September
    start_month, end_month = (first + 9) % 12 + 1, (last + 9) % 12 + 1
    fy_start, _ = fiscal_year_bounds(fiscal_year)
    start_year = fy_start.year + (1 if start_month < 10 else 0)
    end_year = fy_start.year + (1 if end_month < 10 else 0)
    text = f"{ABBR[start_month - 1]} {dash} {ABBR[end_month - 1]} {thai(str(end_year + 543)[2:])}"
    end_day = calendar.monthrange(end_year, end_month)[1]
    assert parse_period(text) == (date(start_year, start_month, 1), date(end_year, end_month, end_day))


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("5.ค. ๖๔- มี.ค. ๖๕", ["64"]),  # ธ.ค. misread: its year belongs to no month
        ("ต.ค. ๖๔ - มี.ค. ๖๕", []),
        ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๗", []),
        ("ภายใน 30 วัน (12 เดือน)", []),  # not years
    ],
)
def test_years_no_month_takes(text: str, years: list[str]) -> None:
    assert unplaced_years(text) == years


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("๑ – ๓๐ พฤศจิกายน ๒๕๖๗", date(2024, 11, 1), date(2024, 11, 30)),
        ("วันที่ 3 - 7 ก.พ. 68", date(2025, 2, 3), date(2025, 2, 7)),
        ("1 ต.ค. 67 - 31 มี.ค. 68", date(2024, 10, 1), date(2025, 3, 31)),  # a year is no first day
    ],
)
def test_a_day_range_written_before_its_month(text: str, start: date, end: date) -> None:
    assert parse_period(text, fiscal_year=2568) == (start, end)
