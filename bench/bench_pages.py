"""Dashboard benchmark at national scale (issue 5): prints Markdown tables, writes nothing to the repository.

Run: .venv/bin/python bench/bench_pages.py [--db PATH] [--loads 5] [--reruns 24] [--only render,reruns,...]

- render: every page in headless Chromium (Debian's /usr/bin/chromium), from navigation until Streamlit reports
  the script finished and every chart is drawn; median of warm loads, and its ratio to a one-tiny-chart
  Streamlit page served by a second server in the same run (loads interleaved, so load drift hits both alike);
  also that chart under the dashboard's sidebar filters, the floor every page starts from
- reruns: server time of one filter change, AppTest.run() in this process (the page runs the frame, as on
  the server); cold = each rerun a new filter combination (every scoped query misses the cache) after the
  page has served other combinations, warm = the same combinations again
- pandas: the same reruns done the plain-pandas way (bench/pandas_baseline.py): the three views read per
  rerun, as the issue defines it, and for reference with the views held in memory
- memory: peak RSS of a fresh server (with its children) while 10 browser sessions open different pages
- data: import throughput (bench/bench_data.py) and the build of the national database this run uses

Without --db the embedded default is built into a temporary directory (that build is the build time).
Servers listen on 127.0.0.1 only; at most 10 browser sessions are open at once.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_data  # noqa: E402
import pandas_baseline  # noqa: E402

from bench.serving import CHARTS, CHROMIUM, CHROMIUM_ARGS, DRAWN, TABLES, serve  # noqa: E402
from ita import db  # noqa: E402
from ita.build import build  # noqa: E402

SECTIONS = ("render", "reruns", "pandas", "memory", "data")
# The pages' cached queries also run here, outside a server, and Streamlit warns of that on every call.
for _name in (
    "streamlit.runtime.caching.cache_resource_api",
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.state.session_state_proxy",
):
    logging.getLogger(_name).disabled = True
TINY_APP = """import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""
# The same chart under the dashboard's shared sidebar filters: the floor every page of the dashboard starts from.
FRAME_APP = """import sys

sys.path.insert(0, {root!r})

import plotly.graph_objects as go
import streamlit as st

from ita.ui import filters

st.set_page_config(layout="wide")
filters.sidebar()
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""
PAGE_FILES = {
    "overview": "pages/overview.py",
    "compare": "pages/compare.py",
    "indicators": "pages/indicators.py",
    "follow_through": "pages/follow-through.py",
    "agency": "pages/agency.py",
    "data": "pages/data.py",
}
AGENCY_TYPES = [None, "sao", "subdistrict_municipality", "town_municipality", "city_municipality", "pao"]
TARGET_RATIO, TARGET_P95_MS, TARGET_SPEEDUP, TARGET_MB = 1.2, 150, 5, 500


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


# --- the national database ----------------------------------------------------------------------


def sample_agency(path: Path) -> int:
    """An agency scored in every year, for /agency?agency=… (the first synthetic one)."""
    con = db.connect(path)
    try:
        return con.execute(
            "SELECT agency_id FROM v_assessments GROUP BY agency_id"
            " HAVING count(*) = (SELECT count(DISTINCT fiscal_year) FROM v_assessments)"
            " ORDER BY agency_id LIMIT 1"
        ).fetchone()[0]
    finally:
        con.close()


def scopes(path: Path, count: int, seed: int) -> list[pandas_baseline.Scope]:
    """`count` filter choices, no two with the same (province, type), so each rerun is a new cache key
    for every scoped query, with or without the year; about a third national (no province)."""
    con = db.connect(path)
    try:
        years, provinces, agencies = (
            [value for (value,) in con.execute(sql).fetchall() if value is not None]
            for sql in (
                "SELECT DISTINCT fiscal_year FROM v_indicator_scores ORDER BY 1",
                "SELECT DISTINCT province FROM v_assessments ORDER BY 1",
                "SELECT agency_id FROM v_assessments GROUP BY 1 HAVING count(*) > 1 ORDER BY 1",
            )
        )
    finally:
        con.close()
    rng = random.Random(seed)
    seen: set[tuple] = set()
    chosen = []
    while len(chosen) < count:
        province = None if rng.random() < 1 / 3 else rng.choice(provinces)
        agency_type = rng.choice(AGENCY_TYPES)
        if (province, agency_type) in seen:
            continue
        seen.add((province, agency_type))
        chosen.append(
            pandas_baseline.Scope(rng.choice(years[1:]), province, agency_type, rng.choice(agencies))
        )
    return chosen


# --- servers and the browser ----------------------------------------------------------------------


@contextmanager
def browser_context() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser.new_context(viewport={"width": 1400, "height": 1000})
        finally:
            browser.close()


def open_page(context, url: str, charts: int) -> float:
    """Seconds from navigation until the run finished and `charts` or more charts and tables are all drawn."""
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_function(DRAWN, arg=charts, polling=10, timeout=120_000)
        return time.perf_counter() - started
    finally:
        page.close()


def count_charts(context, url: str) -> int:
    """How many charts and tables the page draws once it has settled (the same count for three seconds)."""
    page = context.new_page()
    try:
        page.goto(url)
        counts: list[int] = []
        while len(counts) < 3 or len(set(counts[-3:])) > 1:
            page.wait_for_function(DRAWN, arg=0, polling=50, timeout=120_000)
            counts.append(page.locator(f"{CHARTS}, {TABLES}").count())
            page.wait_for_timeout(1000)
        return counts[-1]
    finally:
        page.close()


def page_urls(agency_id: int) -> dict[str, str]:
    return {
        "overview": "/",
        "compare": "/compare",
        "indicators": "/indicators",
        "follow_through": "/follow-through",
        "agency": f"/agency?agency={agency_id}",
        "data": "/data",
    }


def bench_render(database: Path, agency_id: int, loads: int, tmp: Path) -> dict[str, tuple[float, int]]:
    """Median seconds per page over `loads` warm loads (and its chart count); 'tiny' is the reference."""
    tiny = tmp / "tiny"
    tiny.mkdir()
    (tiny / "tiny_app.py").write_text(TINY_APP, encoding="utf-8")
    (tiny / "frame_app.py").write_text(FRAME_APP.format(root=str(ROOT)), encoding="utf-8")
    shutil.copytree(ROOT / ".streamlit", tiny / ".streamlit")
    with (
        serve(database) as (dashboard, _),
        serve(database, script=tiny / "tiny_app.py") as (tiny_url, _),
        serve(database, script=tiny / "frame_app.py") as (frame_url, _),
        browser_context() as context,
    ):
        urls = {"tiny": tiny_url + "/", "frame": frame_url + "/"} | {
            name: dashboard + path for name, path in page_urls(agency_id).items()
        }
        charts = {name: count_charts(context, url) for name, url in urls.items()}
        times: dict[str, list[float]] = {name: [] for name in urls}
        for round_no in range(loads + 2):  # two warm-up rounds: server caches, browser HTTP cache
            for name, url in urls.items():
                elapsed = open_page(context, url, charts[name])
                if round_no >= 2:
                    times[name].append(elapsed)
    return {name: (statistics.median(values), charts[name]) for name, values in times.items()}


# --- reruns in process ----------------------------------------------------------------------------


def _app_on(page: str):
    """The dashboard under AppTest, switched to `page`: from then on AppTest runs the page file alone."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    at.switch_page(PAGE_FILES[page]).run()
    del at.session_state["filters"]  # and draw the sidebar, so that its widgets take new values
    at.run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception}")
    return at


def _choose(at, page: str, s: pandas_baseline.Scope) -> None:
    """Change the sidebar filters (and, on the agency page, the agency) as a user would.

    A page run alone draws the shared sidebar itself once the frame's filters are gone
    (ita.ui.filters.current), so every rerun includes the sidebar as it does under the frame.
    """
    del at.session_state["filters"]
    at.session_state["f_year"] = s.year
    at.session_state["f_province"] = s.province
    at.session_state["f_type"] = s.agency_type
    at.session_state["f_synthetic"] = True
    if page == "agency":
        at.session_state["agency_id"] = s.agency_id


def bench_reruns(
    database: Path, choices: list[pandas_baseline.Scope], warmup: list[pandas_baseline.Scope]
) -> dict[str, dict[str, list[float]]]:
    """Seconds per filter-change rerun per page: cold (new combinations), then warm (the same again).

    Each page first serves the `warmup` combinations (untimed, none of them among `choices`), as a server
    that has been up a while has: DuckDB's buffers hold the tables, only the query cache misses.
    The Data page's queries take no sidebar filter but the synthetic switch, so its cold reruns
    clear the query and view caches first (every query of the run misses, the sidebar's too).
    """
    from streamlit.testing.v1 import app_test, local_script_runner

    from ita.ui import data

    # AppTest compiles the scripts afresh on every run (a new ScriptCache each time); the server compiles
    # them once, so share one cache as the server does.
    shared = local_script_runner.ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
    db.DEFAULT_DB = database
    results = {}
    for page in PAGE_FILES:
        data.clear()
        at = _app_on(page)  # the first run: connection open, the sidebar's queries cached
        for s in warmup:
            _choose(at, page, s)
            at.run()
        runs: dict[str, list[float]] = {"cold": [], "warm": []}
        for variant in runs:
            for s in choices:
                _choose(at, page, s)
                if page == "data" and variant == "cold":
                    data.clear()
                started = time.perf_counter()
                at.run()
                runs[variant].append(time.perf_counter() - started)
                f = at.session_state["filters"]
                chosen = (f.year, f.province, f.agency_type, f.include_synthetic)
                if at.exception or chosen != (s.year, s.province, s.agency_type, True):
                    raise RuntimeError(f"{page} {s}: {at.exception or f}")
        results[page] = runs
    return results


def bench_pandas(database: Path, choices: list[pandas_baseline.Scope], tmp: Path) -> dict[str, dict]:
    """Seconds per rerun of the plain-pandas baseline: 'per_rerun' reads the three exported views every
    time (as the issue defines the baseline), 'in_memory' keeps them loaded and only aggregates."""
    folder = tmp / "exports"
    folder.mkdir()
    pandas_baseline.export(database, folder)
    held = pandas_baseline.load(folder)
    results: dict[str, dict] = {"per_rerun": {}, "in_memory": {}}
    for page, compute in pandas_baseline.PAGES.items():
        for variant, views in (("per_rerun", None), ("in_memory", held)):
            times = []
            for s in choices:
                started = time.perf_counter()
                compute(views or pandas_baseline.load(folder), s)
                times.append(time.perf_counter() - started)
            results[variant][page] = times
    return results


# --- memory under ten sessions ------------------------------------------------------------------


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total * 1024


def sampling(pid: int, stop: threading.Event, peak: list[int]) -> Callable[[], None]:
    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], rss_bytes(pid))
            time.sleep(0.05)

    return sample


def bench_memory(database: Path, agency_id: int) -> tuple[int, int]:
    """Peak and settled RSS of a fresh dashboard server while 10 sessions open different pages at once."""
    paths = [
        *page_urls(agency_id).values(),
        "/?province=เชียงใหม่",
        "/compare?year=2565&type=sao",
        "/indicators?province=ขอนแก่น",
        "/follow-through?year=2567&type=subdistrict_municipality",
    ]
    with serve(database) as (url, server), browser_context() as context:
        pid = server.pid
        stop, peak = threading.Event(), [0]
        sampler = threading.Thread(target=sampling(pid, stop, peak), daemon=True)
        sampler.start()
        pages = []
        for path in paths:
            page = context.new_page()
            page.goto(url + path, wait_until="commit")
            pages.append(page)
        for page in pages:
            page.wait_for_function(DRAWN, arg=0, polling=100, timeout=180_000)
        time.sleep(2)
        settled = rss_bytes(pid)
        stop.set()
        sampler.join()
        for page in pages:
            page.close()
    return peak[0], settled


# --- report ---------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def report_render(render: dict[str, tuple[float, int]], loads: int) -> tuple[str, ...]:
    tiny = render.pop("tiny")[0]
    frame = render.pop("frame")[0]
    print(f"\n| page (full render, median of {loads} warm loads) | charts | ms | × tiny page |")
    print("|---|---:|---:|---:|")
    print(f"| tiny page (one small Plotly chart) | 1 | {1000 * tiny:.0f} | 1.00 |")
    print(f"| tiny page + the dashboard's sidebar filters | 1 | {1000 * frame:.0f} | {frame / tiny:.2f} |")
    for name, (seconds, charts) in render.items():
        print(f"| {name} | {charts} | {1000 * seconds:.0f} | {seconds / tiny:.2f} |")
    worst = max(render, key=lambda name: render[name][0])
    ratio = render[worst][0] / tiny
    return (
        "page render ÷ tiny page",
        f"worst {ratio:.2f}× ({worst})",
        f"≤ {TARGET_RATIO}×",
        verdict(ratio <= TARGET_RATIO),
    )


def report_reruns(reruns: dict, baseline: dict, count: int) -> list[tuple[str, ...]]:
    series = {
        "cold": {page: runs["cold"] for page, runs in reruns.items()},
        "warm": {page: runs["warm"] for page, runs in reruns.items()},
        "pandas": baseline.get("per_rerun", {}),
        "pandas in memory": baseline.get("in_memory", {}),
    }
    shown = [name for name, values in series.items() if values]
    print(
        f"\n| page (one filter change, {count} reruns, ms) | "
        + " | ".join(f"{n} p50 | {n} p95" for n in shown),
        end="",
    )
    print(" | speed-up over pandas (p50) |" if reruns and baseline else " |")
    print("|---|" + "---:|" * (2 * len(shown) + bool(reruns and baseline)))
    factors = {}
    for page in PAGE_FILES:
        cells = [f"{1000 * percentile(series[n][page], q):.0f}" for n in shown for q in (50, 95)]
        if reruns and baseline:
            cold = statistics.median(series["cold"][page])
            factors[page] = statistics.median(series["pandas"][page]) / cold
            in_memory = statistics.median(series["pandas in memory"][page]) / cold
            cells.append(f"{factors[page]:.0f}× (in memory {in_memory:.1f}×)")
        print(f"| {page} | " + " | ".join(cells) + " |")
    rows = []
    if reruns:
        worst = max(reruns, key=lambda page: percentile(series["cold"][page], 95))
        p95 = 1000 * percentile(series["cold"][worst], 95)
        rows.append(
            (
                "filter change, cold p95",
                f"worst {p95:.0f} ms ({worst})",
                f"≤ {TARGET_P95_MS} ms",
                verdict(p95 <= TARGET_P95_MS),
            )
        )
    if factors:
        least = min(factors, key=factors.get)
        rows.append(
            (
                "speed-up over plain pandas (p50)",
                f"least {factors[least]:.0f}× ({least})",
                f"≥ {TARGET_SPEEDUP}×",
                verdict(factors[least] >= TARGET_SPEEDUP),
            )
        )
    return rows


def import_rate(folder: Path) -> float:
    """Documents per second over 400 distinct documents imported into an empty database in one `import`."""
    paths = bench_data.make_documents(folder / "documents", 400)
    return len(paths) / bench_data.import_all(folder / "ita.duckdb", paths, fresh=True)[0]


def build_time(path: Path) -> float:
    started = time.perf_counter()
    build(path)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing national database (default: build one)")
    parser.add_argument("--loads", type=int, default=5, help="timed browser loads per page (≥ 5)")
    parser.add_argument("--reruns", type=int, default=24, help="filter changes per page (≥ 20)")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {SECTIONS}")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    sections = set(args.only.split(","))
    print(f"load average at start: {load_average()} on {os.cpu_count()} cores")

    with tempfile.TemporaryDirectory(prefix="bench_pages_") as tmp_name:
        tmp = Path(tmp_name)
        build_seconds = None
        # absolute: the servers run in other folders and get the path through the environment
        database = args.db.resolve() if args.db else None
        if database is None:
            database = tmp / "ita.duckdb"
            started = time.perf_counter()
            build(database)
            build_seconds = time.perf_counter() - started
        agency_id = sample_agency(database)
        every = scopes(database, 2 * args.reruns, args.seed)
        warmup, choices = every[: args.reruns], every[args.reruns :]
        summary: list[tuple[str, str, str, str]] = []
        data_rows: list[tuple[str, str, str, str]] = []

        if "data" in sections:
            # First, and in a fresh process, as `python -m ita import` runs: later this process holds the
            # pandas baseline's frames and AppTest's threads (which slow an import by a third), and AppTest
            # leaves a page script as __main__, which a spawned process would run.
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as fresh:
                rate = fresh.submit(import_rate, tmp / "imports").result()
                if build_seconds is None:
                    build_seconds = fresh.submit(build_time, tmp / "build" / "ita.duckdb").result()
            data_rows = [
                ("import throughput", f"{rate:.0f} documents/s", "≥ 50 documents/s", verdict(rate >= 50)),
                (
                    "build of the embedded default",
                    f"{build_seconds:.1f} s",
                    "≤ 30 s",
                    verdict(build_seconds <= 30),
                ),
            ]

        if "render" in sections:
            print(f"\nload average before render: {load_average()}")
            summary.append(report_render(bench_render(database, agency_id, args.loads, tmp), args.loads))
        reruns = bench_reruns(database, choices, warmup) if "reruns" in sections else {}
        baseline = bench_pandas(database, choices, tmp) if "pandas" in sections else {}
        if reruns or baseline:
            print(f"\nload average after reruns: {load_average()}")
            summary += report_reruns(reruns, baseline, args.reruns)

        if "memory" in sections:
            peak, settled = bench_memory(database, agency_id)
            mb = peak / 2**20
            summary.append(
                (
                    "server RSS, 10 sessions",
                    f"peak {mb:.0f} MB (settled {settled / 2**20:.0f} MB)",
                    f"≤ {TARGET_MB} MB",
                    verdict(mb <= TARGET_MB),
                )
            )

        summary += data_rows

    print(f"\nload average at end: {load_average()}")
    print("\n| what | result | target | |\n|---|---|---|---|")
    for row in summary:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
