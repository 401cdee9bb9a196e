"""How measures are shown: one table layout for every page, statuses and follow-through outcomes.

Titles, results and responsible units come from documents, so they only ever reach the screen as
table cells (st.dataframe), never as markdown.
"""

from __future__ import annotations

import pandas as pd

from ita.ui import display, labels
from ita.ui import format as fmt
from ita.ui.labels import t

STATUS_ORDER = ("done", "in_progress", "not_started", "unknown")
# What became of a measure between two years; colours follow the status palette's meaning.
OUTCOMES: dict[str, str] = {
    "carried_forward": "#0072B2",
    "completed": "#009E73",
    "dropped": "#D55E00",
    "new": "#56B4E9",
}
# Source columns in display order, with the label key each is shown under.
_COLUMNS = (
    ("agency_name", "agency_name"),
    ("fiscal_year", "year"),
    ("measure_no", "col_no"),
    ("title", "col_title"),
    ("group_label", "col_group"),
    ("status", "col_status"),
    ("start_date", "col_start"),
    ("end_date", "col_end"),
    ("responsible", "col_responsible"),
    ("target_indicators", "col_targets"),
    ("target_evidence", "col_target_evidence"),
    ("result", "col_result"),
    ("document", "col_document"),
    ("lines", "col_lines"),
    ("is_synthetic", "synthetic_badge"),
)


def outcome(code: str) -> str:
    """The label of a follow-through outcome (carried forward, completed, dropped, new)."""
    return t(f"outcome_{code}")


def source_lines(first: int | None, last: int | None) -> str:
    """Where in its document a record was read: "lines 12–20" ("บรรทัด 12–20")."""
    if first is None or pd.isna(first):
        return "–"
    span = str(int(first)) if last is None or pd.isna(last) or last == first else f"{int(first)}–{int(last)}"
    return f"{t('src_lines')} {span}"


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """Measures ready for st.dataframe: labelled columns, status words, B.E. dates, source lines."""
    shown = frame.assign(
        status=display.labelled(frame["status"], labels.status),
        start_date=display.labelled(frame["start_date"], fmt.thai_date).fillna("–"),
        end_date=display.labelled(frame["end_date"], fmt.thai_date).fillna("–"),
        lines=[source_lines(a, b) for a, b in zip(frame["first_line"], frame["last_line"], strict=True)],
    )
    present = [(column, key) for column, key in _COLUMNS if column in shown.columns]
    return shown[[column for column, _ in present]].rename(
        columns={column: t(key) for column, key in present}
    )
