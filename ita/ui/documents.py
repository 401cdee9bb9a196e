"""How source documents are shown: kind names, import times in B.E., the lines a figure came from."""

from __future__ import annotations

import pandas as pd

from ita.ui import format as fmt
from ita.ui.labels import t
from ita.ui.measures import source_lines

KINDS = ("measures", "progress_6_months", "progress_year_end", "progress", "analysis", "score_sheet")


def kind(code: str) -> str:
    """The name of a document kind (a measures plan, a six-month report, a score sheet…)."""
    return t(f"kind_{code}") if code in KINDS else code


def imported_at(value: pd.Timestamp | None) -> str:
    """An import time as "22 พ.ย. 2568 14:05"."""
    if value is None or pd.isna(value):
        return "–"
    return f"{fmt.thai_date(value)} {value:%H:%M}"


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """queries/agency_documents ready for st.dataframe: what each document contributed, and where."""
    used = []
    for row in frame.itertuples():
        parts = []
        if row.count_assessments:
            where = row.assessment_lines if isinstance(row.assessment_lines, str) else "–"
            parts.append(f"{t('doc_scores')} ({t('src_lines')} {where})")
        if row.count_measures:
            parts.append(
                f"{fmt.count(row.count_measures)} {t('doc_measures')} ({source_lines(row.first_line, row.last_line)})"
            )
        used.append("; ".join(parts) or "–")
    return pd.DataFrame(
        {
            t("col_document"): frame["file_name"],
            t("doc_kind"): frame["kind"].map(kind),
            t("year"): frame["fiscal_year"],
            t("doc_used_for"): used,
            t("doc_imported_at"): frame["imported_at"].map(imported_at),
            t("doc_is_current"): frame["is_current"],
            t("synthetic_badge"): frame["is_synthetic"],
        }
    )
