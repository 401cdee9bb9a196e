"""The frame: page config, shared sidebar filters and navigation. Run: streamlit run dashboard.py"""

from pathlib import Path

import streamlit as st

from ita.ui import filters
from ita.ui.data import ensure_database
from ita.ui.labels import t

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="ITA", page_icon=":material/verified:", layout="wide")
ensure_database()
st.session_state["filters"] = filters.sidebar()

old_style_run = filters.old_style_run()
page = st.navigation(
    [
        st.Page(
            PAGES / "overview.py", title=t("overview"), icon=":material/dashboard:", url_path="", default=True
        ),
        st.Page(PAGES / "compare.py", title=t("compare"), icon=":material/leaderboard:", url_path="compare"),
        st.Page(
            PAGES / "indicators.py",
            title=t("indicators"),
            icon=":material/troubleshoot:",
            url_path="indicators",
        ),
        st.Page(
            PAGES / "follow-through.py",
            title=t("follow_through"),
            icon=":material/task_alt:",
            url_path="follow-through",
        ),
        st.Page(PAGES / "agency.py", title=t("agency"), icon=":material/apartment:", url_path="agency"),
        st.Page(PAGES / "data.py", title=t("data"), icon=":material/database:", url_path="data"),
    ]
)
if old_style_run:  # a fresh process's first sessions: run again, as the app they are (see old_style_run)
    st.rerun()
page.run()
