"""A freshly started dashboard process: the first sessions, opened together, each keep their first filter
change (Streamlit first runs them as an old-style multipage app of pages/; see filters.old_style_run).
Spoken to over Streamlit's websocket protocol by the capacity benchmark's client, without a browser."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bench.serving import serve
from bench.ws_load import measure


def test_sessions_opened_together_on_a_fresh_process_keep_their_first_year_change(
    fixture_db: Path, tmp_path: Path
) -> None:
    with serve(fixture_db, log_path=tmp_path / "server.log") as (url, _):
        overview = asyncio.run(measure(url, "", sessions=3, reruns=1))
        compare = asyncio.run(measure(url, "compare", sessions=2, reruns=1))
    assert overview.errors == [] and len(overview.latencies) == 3
    assert compare.errors == [] and len(compare.latencies) == 2
