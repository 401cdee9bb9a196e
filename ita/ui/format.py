"""Number and date formatting for display: B.E. years, Thai-style thousands, percentages."""

from __future__ import annotations

import math
from datetime import date

from pythainlp.util import thai_strftime


def score(value: float | None, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{digits}f}"


def number(value: float | None) -> str:
    """A rule's value as written: 90, 82.5, 70 (not 90.0)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:g}"


def count(value: int | float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{int(value):,}"


def percent(share: float | None, digits: int = 1) -> str:
    """A share in 0–1 as a percentage."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{100 * share:.{digits}f}%"


def delta(value: float | None, digits: int = 2) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return f"{value:+.{digits}f}"


def thai_date(value: date | None) -> str:
    """A date the way Thai documents write it: day, short month, B.E. year ("5 ม.ค. 2568")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return thai_strftime(value, "%-d %b %Y")


def thai_month(value: date) -> str:
    """A month and its B.E. year ("ม.ค. 2568"), for axis ticks."""
    return thai_strftime(value, "%b %Y")
