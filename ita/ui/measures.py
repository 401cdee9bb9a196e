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
    ("ocr_confidence", "col_ocr_confidence"),
    ("is_synthetic", "synthetic_badge"),
)


def outcome(code: str) -> str:
    """The label of a follow-through outcome (carried forward, completed, dropped, new)."""
    return t(f"outcome_{code}")


def source_lines(
    first: int | None, last: int | None, first_page: int | None = None, last_page: int | None = None
) -> str:
    """Where in its document a record was read: "lines 12–20" ("บรรทัด 12–20"), after its page for PDFs
    and scans ("page 3, lines 12–20")."""
    if first is None or pd.isna(first):
        return "–"
    lines = f"{t('src_lines')} {_span(first, last)}"
    if first_page is None or pd.isna(first_page):
        return lines
    pages = t("src_page") if _span(first_page, last_page).isdigit() else t("src_pages")
    return f"{pages} {_span(first_page, last_page)}, {lines}"


def _span(first: int, last: int | None) -> str:
    return str(int(first)) if last is None or pd.isna(last) or last == first else f"{int(first)}–{int(last)}"


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """Measures ready for st.dataframe: labelled columns, status words, B.E. dates, source lines."""
    shown = frame.assign(
        status=display.labelled(frame["status"], labels.status),
        start_date=display.labelled(frame["start_date"], fmt.thai_date).fillna("–"),
        end_date=display.labelled(frame["end_date"], fmt.thai_date).fillna("–"),
        lines=[
            source_lines(*place)
            for place in zip(
                frame["first_line"],
                frame["last_line"],
                frame.get("first_page", pd.Series([None] * len(frame), index=frame.index)),
                frame.get("last_page", pd.Series([None] * len(frame), index=frame.index)),
                strict=True,
            )
        ],
    )
    if "ocr_confidence" in frame.columns:
        shown["ocr_confidence"] = display.labelled(frame["ocr_confidence"], fmt.count).fillna("–")
    present = [(column, key) for column, key in _COLUMNS if column in shown.columns]
    return shown[[column for column, _ in present]].rename(
        columns={column: t(key) for column, key in present}
    )
