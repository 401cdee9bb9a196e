"""What needs attention (queries/attention_list): the reasons in words, one line of detail, links to agencies."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from ita.ui import display
from ita.ui import format as fmt
from ita.ui.labels import t

# in the order the list and its counts show them, as queries/attention_list.sql orders its rows
REASONS = ("below_pass", "grade_dropped", "weak_untargeted", "overdue_measures", "parse_warnings")


def counts(rows: pd.DataFrame) -> dict[str, int]:
    """Agencies listed for each reason, every reason present (0 when none)."""
    found = rows["reason"].value_counts()
    return {reason: int(found.get(reason, 0)) for reason in REASONS}


def detail(row: pd.Series) -> str:
    """One line saying why the agency is listed, from the row's own figures."""
    reason = row["reason"]
    template = t(f"detail_{reason}")
    if reason == "below_pass":
        return template.format(score=fmt.score(row["score"]), label=_text(row["label"]))
    if reason == "grade_dropped":
        return template.format(
            before=_text(row["previous_label"]),
            after=_text(row["label"]),
            before_score=fmt.score(row["previous_score"]),
            score=fmt.score(row["score"]),
        )
    if reason == "weak_untargeted":
        return template.format(indicators=", ".join(str(no) for no in row["indicator_nos"]))
    if reason == "overdue_measures":
        return template.format(count=fmt.count(row["count_items"]), date=fmt.thai_date(row["first_end_date"]))
    return template.format(count=fmt.count(row["count_items"]), documents=_text(row["documents"]))


def agency_link(agency_id: int, fiscal_year: int, include_synthetic: bool) -> str:
    """The Agency page of one agency, on the chosen year, relative to the dashboard's own address."""
    params = {"agency": agency_id, "year": fiscal_year} | ({} if include_synthetic else {"synthetic": 0})
    return f"agency?{urlencode(params)}"


def table(
    rows: pd.DataFrame, fiscal_year: int, include_synthetic: bool, *, province: bool = True
) -> pd.DataFrame:
    """The list as shown and downloaded: reason and detail in words, the agency and a link to its page (and
    its province, unless one is chosen)."""
    shown = rows.assign(
        reason=display.labelled(rows["reason"], lambda reason: t(f"reason_{reason}")),
        detail=[detail(row) for _, row in rows.iterrows()],
        link=[agency_link(int(a), fiscal_year, include_synthetic) for a in rows["agency_id"]],
    )
    columns = {
        "reason": "att_reason",
        "agency_name": "agency_name",
        "link": "att_link",
        "district": "district",
    }
    columns |= {"province": "province"} if province else {}
    columns |= {"agency_type": "agency_type", "score": "score", "detail": "att_detail"}
    return display.table(shown, columns)


def show(listed: pd.DataFrame) -> None:
    """The list as a sortable table whose link column opens each agency's page."""
    st.dataframe(
        listed,
        hide_index=True,
        width="stretch",
        column_config={t("att_link"): st.column_config.LinkColumn(display_text=t("att_open"))},
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else "–"
