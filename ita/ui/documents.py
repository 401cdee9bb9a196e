"""How source documents are shown: kind names, import times in B.E., the lines a figure came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ita import db, store
from ita.ui import format as fmt
from ita.ui.labels import t
from ita.ui.measures import source_lines

_PAGED = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


@dataclass(frozen=True)
class PagedOriginal:
    """A kept PDF or page image, and the pages an agency's figures were read from."""

    name: str
    sha256: str
    path: Path
    mime: str
    where: str


KINDS = ("measures", "progress_6_months", "progress_year_end", "progress", "analysis", "score_sheet")


def kind(code: str) -> str:
    """The name of a document kind (a measures plan, a six-month report, a score sheet…)."""
    return t(f"kind_{code}") if code in KINDS else code


def imported_at(value: pd.Timestamp | None) -> str:
    """An import time as "22 พ.ย. 2568 14:05"."""
    if value is None or pd.isna(value):
        return "–"
    return f"{fmt.thai_date(value)} {value:%H:%M}"


def paged_originals(frame: pd.DataFrame, db_path: Path | None = None) -> Iterator[PagedOriginal]:
    """The PDFs and page images of queries/agency_documents kept in the store (ita/store.py), so a reader
    can open the page a number came from."""
    originals = store.Store.beside(db_path or db.DEFAULT_DB)
    for row in frame.itertuples():
        mime = _PAGED.get(Path(row.file_name).suffix.lower())
        path = originals.path(row.sha256) if mime and isinstance(row.sha256, str) else None
        if path is None:
            continue
        pages = {int(p) for p in str(row.assessment_pages or "").replace(" ", "").split(",") if p.isdigit()}
        if not pd.isna(row.first_page):
            pages |= set(range(int(row.first_page), int(row.last_page) + 1))
        where = f"{t('src_page')} {page_ranges(sorted(pages))}" if pages else "–"
        yield PagedOriginal(Path(row.file_name).name, row.sha256, path, mime, where)


def page_ranges(pages: list[int]) -> str:
    """Sorted page numbers as runs: [1, 2, 3, 4, 7] → "1–4, 7"."""
    runs: list[list[int]] = []
    for number in pages:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """queries/agency_documents ready for st.dataframe: what each document contributed, and where."""
    used = []
    for row in frame.itertuples():
        parts = []
        if row.count_assessments:
            where = row.assessment_lines if isinstance(row.assessment_lines, str) else "–"
            pages = getattr(row, "assessment_pages", None)
            on_page = f"{t('src_page')} {pages}, " if isinstance(pages, str) else ""
            parts.append(f"{t('doc_scores')} ({on_page}{t('src_lines')} {where})")
        if row.count_measures:
            place = source_lines(
                row.first_line,
                row.last_line,
                getattr(row, "first_page", None),
                getattr(row, "last_page", None),
            )
            parts.append(f"{fmt.count(row.count_measures)} {t('doc_measures')} ({place})")
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
