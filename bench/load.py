"""Load benchmark: N browser sessions keep changing the year filter of the dashboard for D seconds.

Run: .venv/bin/python bench/load.py [--sessions 10] [--seconds 60] [--db PATH | --url URL]
Without --url it serves the dashboard on a free loopback port; without --db it first builds the embedded
default (real seeds + the national synthetic sample) into a temporary folder. The sessions are tabs of
Debian's headless chromium (never a downloaded browser): all open first, on the pages in turn; then for
D seconds each picks another year in the sidebar and waits until the rerun has drawn it. Reports sessions
held, reruns per second, client-observed rerun latency (p50/p95), the server's CPU per rerun and errors.
Everything stays on the loopback interface.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from playwright.async_api import Error as PlaywrightError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serving import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
STEP_TIMEOUT_MS = 60_000
# Where the sessions start, in turn: every page carries the shared year filter in the sidebar.
PAGES = ["", "compare", "indicators", "follow-through", "agency?agency=1", "data"]
SIDEBAR_BOX = '[data-testid="stSidebar"] [data-testid="stSelectbox"]'
YEAR_LABEL = re.compile(r"^(ปีงบประมาณ|Fiscal year)$")  # labels.TEXT["year"]
HEADER_CAPTION = '[data-testid="stMain"] [data-testid="stCaptionContainer"]'

# A run has finished and drawn everything: Streamlit's script state is "initial" until the first run
# starts (so a page still connecting never passes), and lazily loaded elements show skeletons first.
SETTLED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app !== null && app.dataset.testScriptState === 'notRunning'
    && !document.querySelector(
      '[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-testid="stSkeletonElement"]');
}"""
# The rerun for `year` has finished: every page's header caption starts with the chosen year.
SHOWS_YEAR_JS = (
    f"(year) => ({SETTLED_JS})() && (document.querySelector('{HEADER_CAPTION}')?.innerText ?? '')"
    ".split(/\\s+/).includes(year)"
)
DESCRIBE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const count = (id) => document.querySelectorAll(`[data-testid="${id}"]`).length;
  const title = document.querySelector('[data-testid="stMain"] h1')?.innerText ?? '';
  return `script ${app?.dataset.testScriptState}, connection ${app?.dataset.testConnectionState}, `
    + `status widget ${count('stStatusWidget')}, skeletons ${count('stSkeleton')}+${count('stSkeletonElement')}, `
    + `title "${title}" at ${location.pathname}`;
}"""
# DuckDB errors as a page would show them ("IO Error: Could not set lock on file …").
DUCKDB_ERROR = re.compile(
    r"\b(?:IO|Catalog|Connection|Internal|Invalid Input|Transaction|Binder) Error\b|lock on file"
)


def cpu_seconds(pid: int | None) -> float | None:
    """User and system CPU time the process has used so far, on Linux."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM) in MB, on Linux."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


async def settle(page: Page, timeout_ms: int = STEP_TIMEOUT_MS) -> None:
    """Wait until Streamlit's current run has finished and drawn (see SETTLED_JS)."""
    await page.wait_for_function(SETTLED_JS, timeout=timeout_ms)


async def describe(page: Page) -> str:
    """What the page is doing, for an error message: script state, status widget, skeletons, title."""
    try:
        return await page.evaluate(DESCRIBE_JS)
    except PlaywrightError as error:
        return f"page not answering: {error.message.splitlines()[0]}"


async def problems(page: Page, where: str) -> list[str]:
    """Streamlit exceptions and DuckDB errors the page shows, each as one line naming `where`."""
    found = []
    exceptions = page.locator('[data-testid="stException"]')
    if await exceptions.count():
        found.append(f"{where}: exception: {(await exceptions.first.inner_text()).splitlines()[0][:300]}")
    if match := DUCKDB_ERROR.search(await page.locator("body").inner_text()):
        found.append(f"{where}: DuckDB error on the page: {match.group(0)}")
    return found


async def warm_up(browser: Browser, url: str) -> None:
    """Open the root page once before anything else.

    Until dashboard.py has run once, a fresh Streamlit server treats pages/ as an old-style page
    folder: a deep link (/compare) then runs the page file alone, with file-name navigation, and the
    first widget change drops the shared sidebar filters.
    """
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(f"{url}/", timeout=STEP_TIMEOUT_MS)
        await settle(page)
    finally:
        await context.close()


async def change_year(page: Page, turn: int) -> tuple[str, float]:
    """Pick another year in the sidebar; the year and the seconds from the click until its rerun drew it."""
    year_box = page.locator(SIDEBAR_BOX).filter(has=page.get_by_text(YEAR_LABEL))
    await year_box.click()
    options = page.get_by_role("option")
    await options.first.wait_for(state="visible")
    shown = (await page.locator(HEADER_CAPTION).first.inner_text()).split()
    others = [y for y in (t.strip() for t in await options.all_inner_texts()) if y not in shown]
    if not others:
        raise ValueError("the year box offers no other year to pick")
    year = others[turn % len(others)]
    option = page.get_by_role("option", name=year, exact=True)
    await option.wait_for(state="visible")
    started = time.perf_counter()
    await option.click()
    await page.wait_for_function(SHOWS_YEAR_JS, arg=year, timeout=STEP_TIMEOUT_MS)
    return year, time.perf_counter() - started


@dataclass
class Tally:
    sessions: int = 0
    held: int = 0
    first_loads: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    server_cpu_seconds: float | None = None


async def _open(context: BrowserContext, url: str, number: int, tally: Tally) -> Page | None:
    """Open session `number` on its start page; None when it did not load."""
    path = PAGES[number % len(PAGES)]
    page = await context.new_page()
    started = time.perf_counter()
    try:
        await page.goto(f"{url}/{path}", timeout=STEP_TIMEOUT_MS)
        await settle(page)
    except PlaywrightError as error:
        tally.errors.append(f"session {number} /{path}: did not load: {error.message.splitlines()[0]}")
        return None
    tally.first_loads.append(time.perf_counter() - started)
    return page


async def _change_years(page: Page, number: int, deadline: float, tally: Tally) -> None:
    """Change the year until the deadline; the session is held if it is still connected then."""
    turn = number
    while time.monotonic() < deadline:
        turn += 1
        try:
            year, seconds = await change_year(page, turn)
        except PlaywrightError as error:
            tally.errors.append(f"session {number}: {error.message.splitlines()[0]} ({await describe(page)})")
            with contextlib.suppress(PlaywrightError):
                await page.keyboard.press("Escape")  # close a dropdown left open
            continue
        tally.latencies.append(seconds)
        tally.errors += await problems(page, f"session {number} year {year}")
    state = await page.locator('[data-testid="stApp"]').get_attribute("data-test-connection-state")
    if state == "CONNECTED":
        tally.held += 1
    else:
        tally.errors.append(f"session {number}: connection {state} at the end")


async def run_load(url: str, sessions: int, seconds: float, server_pid: int | None = None) -> Tally:
    """Open `sessions` tabs on the dashboard at `url`, then let each change the year for `seconds`.

    Each tab is its own Streamlit session (its own websocket). The tabs share one browser context, so
    the app's JavaScript is fetched and compiled once: the 2 cores are better spent on the server.
    """
    tally = Tally(sessions=sessions)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            await warm_up(browser, url)
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            pages = await asyncio.gather(*(_open(context, url, n, tally) for n in range(sessions)))
            cpu_before = cpu_seconds(server_pid)
            started = time.monotonic()
            await asyncio.gather(
                *(_change_years(page, n, started + seconds, tally) for n, page in enumerate(pages) if page)
            )
            tally.seconds = time.monotonic() - started
            cpu_after = cpu_seconds(server_pid)
            if cpu_before is not None and cpu_after is not None:
                tally.server_cpu_seconds = cpu_after - cpu_before
        finally:
            await browser.close()
    return tally


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0–1) of a non-empty list."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(tally: Tally, peak_mb: float | None) -> str:
    """The results as a small text table."""
    reruns, loads = tally.latencies, tally.first_loads
    rows = [
        ("sessions held", f"{tally.held} / {tally.sessions}"),
        ("reruns", f"{len(reruns)} in {tally.seconds:.0f} s = {len(reruns) / tally.seconds:.1f} /s"),
    ]
    if reruns:
        spread = f"p50 {percentile(reruns, 0.5):.2f} s · p95 {percentile(reruns, 0.95):.2f} s"
        rows.append(("rerun latency", f"{spread} · max {max(reruns):.2f} s"))
    if loads:
        rows.append(("first page load", f"p50 {percentile(loads, 0.5):.1f} s · max {max(loads):.1f} s"))
    if tally.server_cpu_seconds is not None and reruns:
        per_rerun = tally.server_cpu_seconds / len(reruns) * 1000
        busy = tally.server_cpu_seconds / tally.seconds
        rows.append(("server CPU", f"{per_rerun:.0f} ms per rerun · {busy:.2f} cores busy"))
    rows.append(("errors", str(len(tally.errors))))
    if peak_mb is not None:
        rows.append(("server peak memory", f"{peak_mb:,.0f} MB"))
    lines = [f"{name:<20} {value}" for name, value in rows]
    lines += [f"  {error}" for error in tally.errors[:10]]
    if len(tally.errors) > 10:
        lines.append(f"  … and {len(tally.errors) - 10} more")
    return "\n".join(lines)


def _loopback(url: str) -> str:
    if urlsplit(url).hostname not in LOOPBACK_HOSTS:
        raise SystemExit(f"--url must be on the loopback interface (127.0.0.1, localhost), not {url}")
    return url.rstrip("/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10, help="browser sessions, 1–50 (default 10)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long, 1–600 s (default 60)")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--url", help="a dashboard already running on this machine (loopback only)")
    target.add_argument("--db", type=Path, help="serve this database (default: build the embedded default)")
    args = parser.parse_args()
    if not (1 <= args.sessions <= 50 and 1 <= args.seconds <= 600):
        parser.error("--sessions must be 1–50 and --seconds 1–600")
    if not CHROMIUM.exists():
        raise SystemExit(f"needs Debian's chromium at {CHROMIUM} (make system-deps)")

    if args.url:
        print(report(asyncio.run(run_load(_loopback(args.url), args.sessions, args.seconds)), None))
        return
    with tempfile.TemporaryDirectory(prefix="ita-load-") as tmp:
        db_path = args.db
        if db_path is None:
            from ita.build import build

            db_path = Path(tmp) / "ita.duckdb"
            print(f"building the embedded default in {tmp} …", flush=True)
            print(f"built in {build(db_path).seconds:.0f} s", flush=True)
        with serve(db_path, log_path=Path(tmp) / "server.log") as (url, process):
            print(f"{args.sessions} sessions for {args.seconds:.0f} s on {url}", flush=True)
            tally = asyncio.run(run_load(url, args.sessions, args.seconds, process.pid))
            peak = peak_rss_mb(process.pid)
            if process.poll() is not None:
                tally.errors.append(f"the server exited with {process.returncode}")
        print(report(tally, peak))


if __name__ == "__main__":
    main()
