"""The rules of each year's framework as the database holds them (queries/framework_rules.sql), for the labels
that state them and the thresholds a page starts from."""

from __future__ import annotations

from ita.ui.data import query


def pass_mark(fiscal_year: int) -> float | None:
    """The year's pass mark; for a year without one (the five-index model, a year not yet published), that of
    the nearest later year with one, else the nearest earlier; None if no framework has one."""
    marks = query("framework_rules").dropna(subset=["pass_mark"])
    if marks.empty:
        return None
    later = marks[marks["fiscal_year"] >= fiscal_year]
    row = later.iloc[0] if len(later) else marks.iloc[-1]
    return float(row["pass_mark"])
