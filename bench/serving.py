"""A Streamlit server on loopback and Debian's headless Chromium: what benchmarks and browser tests share."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ita import chromium

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = chromium.DEBIAN_CHROMIUM
CHROMIUM_ARGS = chromium.HEADLESS_ARGS
# Browsers stand in for users' machines: on one shared machine they would outbid the server and the writer,
# which are what a load run measures, so they may run at the lowest priority (niced_chromium).
LOWEST_PRIORITY = 19
START_TIMEOUT_S = 90
# A page is drawn when its script has finished (Streamlit's own run state, and its status widget gone) and
# at least `count` charts and tables are there, all drawn: each chart (the reference pages' stPlotlyChart, the
# dashboard's .ita-plot from ita/ui/plot.py) holds one .js-plotly-plot, which has its .main-svg once Plotly
# has drawn it; a table (stDataFrame) is drawn once its grid has a canvas. Tables in a closed popover are not
# in the page.
CHARTS = '[data-testid="stPlotlyChart"], .ita-plot'
TABLES = '[data-testid="stMain"] [data-testid="stDataFrame"]'
DRAWN = f"""(count) => {{
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.dataset.testScriptState !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
    const charts = [...document.querySelectorAll('{CHARTS}')];
    const tables = [...document.querySelectorAll('{TABLES}')];
    const drawn = charts.filter(c => c.querySelector('.js-plotly-plot .main-svg')).length
        + tables.filter(t => t.querySelector('canvas')).length;
    return charts.length + tables.length >= count && drawn === charts.length + tables.length;
}}"""


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(
    database: Path, *, script: Path = ROOT / "dashboard.py", log_path: Path | None = None
) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `streamlit run script` on `database` at a free loopback port while the block runs.

    The file watcher is off: others edit the tree, and a "source changed" prompt would stall every page.
    The server's stderr, where uncaught app exceptions are logged, goes to `log_path` when given.
    """
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    command += ["--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    log = log_path.open("wb") if log_path else subprocess.DEVNULL
    try:
        process = subprocess.Popen(
            command,
            cwd=script.parent,
            env={**os.environ, "ITA_DB": str(database)},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    finally:
        if log_path:
            log.close()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, log_path)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_healthy(url: str, process: subprocess.Popen, log_path: Path | None) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    log = log_path.read_text(errors="replace")[-2000:] if log_path else "(no log kept)"
    raise RuntimeError(f"streamlit did not start at {url}: {log}")


def niced_chromium(folder: Path) -> Path:
    """An executable that starts Debian's chromium at the lowest CPU priority, for Playwright's launch()."""
    wrapper = folder / "chromium-niced"
    wrapper.write_text(f'#!/bin/sh\nexec nice -n {LOWEST_PRIORITY} {CHROMIUM} "$@"\n')
    wrapper.chmod(0o755)
    return wrapper
