"""Thai dates: Buddhist-era years, full and abbreviated month names, ranges and the fiscal year.

Documents write "๑๔ ก.พ. ๒๕๖๕", "ต.ค.๖๔-มี.ค. ๖๕", "ม ก ร า ค ม ๒๕๖๕" (letters spaced out by PDF
conversion), "ตลอดปีงบประมาณ" or "1 ตุลาคม 2566"; all of them become C.E. ``datetime.date`` values here.
The Thai fiscal year runs 1 October to 30 September and is named by its B.E. year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pythainlp.util import thai_strftime

from ita.thai import arabic_digits

BE_OFFSET = 543
FISCAL_YEAR_START_MONTH = 10

# Month names and abbreviations (ม.ค., ก.พ., มี.ค. …) as pythainlp writes them; an abbreviation is
# its parts before and after the dot, since documents space and dot them every way.
_MONTHS = [date(2000, month, 1) for month in range(1, 13)]
_MONTH_NAMES = tuple(thai_strftime(month, "%B") for month in _MONTHS)
MONTH_ABBREVIATIONS = tuple(tuple(thai_strftime(month, "%b").rstrip(".").split(".")) for month in _MONTHS)
_THAI_LETTER = "\u0e01-\u0e4e"


def _spaced(word: str) -> str:
    # PDF conversion leaves single spaces between letters ("ม ก ร า ค ม"); a final ์ is often dropped.
    letters = [re.escape(ch) for ch in word.removesuffix("์")]
    return r"\s?".join(letters) + (r"(?:\s?์)?" if word.endswith("์") else "")


def _abbreviation(before: str, after: str) -> str:
    dotted = rf"{before}\s?\.\s?{after}(?:\s?\.)?"
    undotted = rf"(?<![{_THAI_LETTER}]){before}\s?{after}\.?(?![{_THAI_LETTER}.])"  # "กย. 66" too
    return f"{dotted}|{undotted}"


_MONTH_PATTERN = "|".join(
    f"(?P<m{no}>{_spaced(name)}|{_abbreviation(*abbr)})"
    for no, (name, abbr) in enumerate(zip(_MONTH_NAMES, MONTH_ABBREVIATIONS, strict=True), 1)
)
_DATE_RE = re.compile(
    rf"(?:(?<![\d.])(?P<day>\d{{1,2}})\s*)?(?:{_MONTH_PATTERN})"
    rf"(?:\s*(?:[พค]\s?\.\s?ศ\s?\.?)?\s*(?P<year>\d{{4}}|\d{{2}})(?!\d))?"
)
_FISCAL_YEAR_RE = re.compile(r"ปีงบประมาณ\s*(?:พ\s?\.\s?ศ\s?\.?)?\s*(?P<year>\d{4})(?!\d)")
_QUARTER_RE = re.compile(
    r"ไตรมาส(?:ที่)?\s*(?P<first>[1-4])(?:\s*(?:-|–|—|ถึง)\s*(?:ไตรมาส(?:ที่)?\s*)?(?P<last>[1-4]))?"
)
_WHOLE_YEAR_RE = re.compile(r"ตลอด(?:ทั้ง)?ปี")
# "1 – 30 พฤศจิกายน": a day, a dash, and the month's date (whose day the month's pattern reads)
_DAY_RANGE_RE = re.compile(r"(?<![\d.])(?P<first>\d{1,2})\s*(?:-|–|—|ถึง)\s*$")
# A B.E. year as periods write it: 2500–2699, or 50–99 for 2550–2599 ("๖๕")
_YEAR_LIKE_RE = re.compile(r"(?<![\d.])(?:2[56]\d\d|[5-9]\d)(?![\d.])")


@dataclass(frozen=True)
class _Mention:
    """One month written in a text, with the day and the B.E. year when they are written."""

    month: int
    day: int | None
    year: int | None


def be_year(value: str | int) -> int | None:
    """A B.E. year from "๖๕", "65", "2565" or a C.E. year (1900–2399 → +543); None if not a year."""
    digits = arabic_digits(str(value)).strip()
    if not digits.isdigit() or len(digits) not in (2, 4):
        return None
    year = int(digits)
    if len(digits) == 2:
        return 2500 + year
    if 1900 <= year < 2400:
        return year + BE_OFFSET
    return year if year >= 2400 else None


def fiscal_year_of(day: date) -> int:
    """The B.E. fiscal year a date falls in (October starts the next fiscal year)."""
    return day.year + BE_OFFSET + (1 if day.month >= FISCAL_YEAR_START_MONTH else 0)


def fiscal_year_bounds(year: int) -> tuple[date, date]:
    """First and last day of a B.E. fiscal year: 2566 → 2022-10-01 .. 2023-09-30."""
    ce = year - BE_OFFSET
    return date(ce - 1, FISCAL_YEAR_START_MONTH, 1), date(ce, FISCAL_YEAR_START_MONTH - 1, 30)


def mentions_month(text: str) -> bool:
    """Whether a text names a month in any of the forms parse_date reads."""
    return _DATE_RE.search(_prepare(text)) is not None


def is_month(text: str) -> bool:
    """Whether a text is one month and nothing else ("ต.ค.", "ตุลาคม", "ต.ค. 67"): a month grid's column."""
    found = _DATE_RE.fullmatch(_prepare(text).strip())
    return found is not None and found["day"] is None


def parse_date(text: str, *, end: bool = False) -> date | None:
    """The first written date with a year, as a C.E. date; a month without a day is its first
    (or, with ``end``, its last) day. None when there is no such date or the day does not exist."""
    for mention in _mentions(_prepare(text)):
        if mention.year is not None:
            return _day(mention, mention.year - BE_OFFSET, end=end)
    return None


def parse_period(text: str, *, fiscal_year: int | None = None) -> tuple[date | None, date | None]:
    """The span a period cell covers, from its earliest to its latest date.

    "ก.พ. – มี.ค. ๖๕": a month without a year takes the year of the next dated month (one year
    earlier when it comes later in the calendar, so October–December fall before January–September).
    With no year written at all, ``fiscal_year`` (or a "ปีงบประมาณ ๒๕๖๕" in the text) places the months.
    A single month covers the whole month; "ตลอดปีงบประมาณ" and quarters cover their fiscal span.
    """
    prepared = _prepare(text)
    written_year = _FISCAL_YEAR_RE.search(prepared)
    fiscal_year = be_year(written_year["year"]) if written_year else fiscal_year
    mentions = _mentions(prepared)
    if mentions:
        spans = _month_spans(mentions, fiscal_year)
        if first_day := _range_first_day(prepared, mentions[0]):
            start = min(s for s, _ in spans)
            spans.append((start.replace(day=first_day), start))
    else:
        spans = _fiscal_spans(prepared, fiscal_year, whole_year=written_year is not None)
    if not spans:
        return None, None
    return min(s for s, _ in spans), max(e for _, e in spans)


def _range_first_day(text: str, first: _Mention) -> int | None:
    """The first day of a range written before its month ("๑ – ๓๐ พฤศจิกายน ๒๕๖๗": 1), else None."""
    month_at = _DATE_RE.search(text)
    found = _DAY_RANGE_RE.search(text, 0, month_at.start() if month_at else 0)
    if not found or first.day is None or not 1 <= int(found["first"]) < first.day:
        return None
    return int(found["first"])


def unplaced_years(text: str) -> list[str]:
    """Years written in a period that no month or fiscal year takes ("5.ค. ๖๔ - มี.ค. ๖๕": 64),
    a sign that part of it could not be read; in Arabic digits."""
    prepared = _prepare(text)
    taken = [m.span() for m in (*_DATE_RE.finditer(prepared), *_FISCAL_YEAR_RE.finditer(prepared))]
    return [
        m[0]
        for m in _YEAR_LIKE_RE.finditer(prepared)
        if not any(start <= m.start() and m.end() <= end for start, end in taken)
    ]


def _prepare(text: str) -> str:
    return re.sub(r"\s+", " ", arabic_digits(text))


def _mentions(text: str) -> list[_Mention]:
    out = []
    for match in _DATE_RE.finditer(text):
        month = next(int(name[1:]) for name, value in match.groupdict().items() if name[0] == "m" and value)
        day = int(match["day"]) if match["day"] else None
        out.append(_Mention(month, day, be_year(match["year"]) if match["year"] else None))
    return out


def _month_spans(mentions: list[_Mention], fiscal_year: int | None) -> list[tuple[date, date]]:
    spans = []
    years = _fill_years(mentions, fiscal_year)
    for mention, year in zip(mentions, years, strict=True):
        if year is None:
            continue
        first, last = _day(mention, year, end=False), _day(mention, year, end=True)
        if first and last:
            spans.append((first, last))
    return spans


def _fill_years(mentions: list[_Mention], fiscal_year: int | None) -> list[int | None]:
    """C.E. year of each mention, borrowing from the next (or previous) dated mention when missing."""
    years: list[int | None] = []
    for i, mention in enumerate(mentions):
        if mention.year is not None:
            years.append(mention.year - BE_OFFSET)
            continue
        following = next((m for m in mentions[i + 1 :] if m.year is not None), None)
        if following is not None:
            years.append(following.year - BE_OFFSET - (1 if mention.month > following.month else 0))
        elif years and years[-1] is not None:
            years.append(years[-1] + (1 if mention.month < mentions[i - 1].month else 0))
        elif fiscal_year is not None:
            ce = fiscal_year - BE_OFFSET
            years.append(ce - 1 if mention.month >= FISCAL_YEAR_START_MONTH else ce)
        else:
            years.append(None)
    return years


def _fiscal_spans(text: str, fiscal_year: int | None, *, whole_year: bool) -> list[tuple[date, date]]:
    if fiscal_year is None:
        return []
    quarter = _QUARTER_RE.search(text)
    if quarter:
        first, last = int(quarter["first"]), int(quarter["last"] or quarter["first"])
        return [(_quarter(fiscal_year, first)[0], _quarter(fiscal_year, last)[1])]
    if whole_year or _WHOLE_YEAR_RE.search(text):
        return [fiscal_year_bounds(fiscal_year)]
    return []


def _quarter(fiscal_year: int, quarter: int) -> tuple[date, date]:
    start, _ = fiscal_year_bounds(fiscal_year)
    month0 = start.month - 1 + 3 * (quarter - 1)
    year, first_month = start.year + month0 // 12, month0 % 12 + 1
    last_month = first_month + 2
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def _day(mention: _Mention, ce_year: int, *, end: bool) -> date | None:
    last_day = calendar.monthrange(ce_year, mention.month)[1]
    if mention.day is None:
        return date(ce_year, mention.month, last_day if end else 1)
    if not 1 <= mention.day <= last_day:
        return None
    return date(ce_year, mention.month, mention.day)
