"""Readers and a writer at once (issue 6): browser sessions cycle every page while imports publish.

An import writes a new versioned file and switches the published link (ita/snapshot.py); the server keeps
serving, no page shows an exception or a DuckDB lock/IO error, every import lands, and a page opened after
an import has finished shows it. Playwright is not thread-safe: one asyncio loop drives the tabs and the
importer subprocesses.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, async_playwright

from bench.load import SETTLED_JS, describe, peak_rss_mb, problems, settle
from bench.serving import CHROMIUM, CHROMIUM_ARGS, niced_chromium, serve

ROOT = Path(__file__).resolve().parent.parent
RUN_SECONDS = 60
# A file to import arrives every 2 s; the one writer imports them in turn, and is given DRAIN_SECONDS after
# the run to publish the last ones.
IMPORT_EVERY_SECONDS = 2
DRAIN_SECONDS = 30
READERS = 6
THINK_SECONDS = 1  # a reader's pause between pages, which leaves the importer some of the 2 cores
VIEWPORT = {"width": 1280, "height": 900}
PAGE_TIMEOUT_MS = 60_000
# The pages in the sidebar's order; a session starts with ?agency=1 so the agency page shows agency 1.
PATHS = ["", "compare", "indicators", "follow-through", "agency", "data"]
START_QUERY = "?agency=1"
NAV_LINKS = '[data-testid="stSidebarNav"] a'
# The page titled `title` has finished its run (its h1 replaces the previous page's).
TITLE_SHOWN_JS = (
    f"(title) => ({SETTLED_JS})() && "
    "document.querySelector('[data-testid=\"stMain\"] h1')?.innerText.trim() === title"
)
SEED = ROOT / "data" / "documents" / "002_c99676ea6513b4a9.txt"
SEED_PLACE = "นครนครราชสีมา"  # the seed's agency is เทศบาลนครนครราชสีมา
# Agency names drop digits, so copy n is named with letters: 0 → ก, 1 → ข, … (12 → ขค).
LETTERS = "กขคงจฉชซฌญ"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make system-deps)"),
]


@dataclass
class Run:
    """What the writer and the readers saw."""

    imported: list[Path] = field(default_factory=list)
    failed_imports: list[str] = field(default_factory=list)
    started_imports: int = 0
    import_seconds: list[float] = field(default_factory=list)
    published_after: list[float] = field(default_factory=list)  # seconds from a file's arrival to its publish
    problems: list[str] = field(default_factory=list)
    pages_seen: Counter[str] = field(default_factory=Counter)
    # (imports finished before the Data page was opened, real documents it showed, imports started by then)
    data_counts: list[tuple[int, int, int]] = field(default_factory=list)


def _copy(folder: Path, n: int) -> Path:
    """The seed document as one of a new agency (เทศบาลตำบลทดสอบ…): each import adds a current document."""
    place = "ตำบลทดสอบ" + "".join(LETTERS[int(digit)] for digit in str(n))
    path = folder / f"copy_{n:03d}.txt"
    path.write_text(SEED.read_text(encoding="utf-8").replace(SEED_PLACE, place), encoding="utf-8")
    return path


async def _writer(db_path: Path, folder: Path, deadline: float, run: Run) -> None:
    """Hand a new copy of the seed to one warm writer process (bench/import_loop.py) every
    IMPORT_EVERY_SECONDS until the deadline, as files arriving; it imports them in turn, each its own publish.
    Then wait for the last ones to land."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "bench" / "import_loop.py"),
        str(db_path),
        cwd=ROOT,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )

    submitted: dict[str, float] = {}

    async def submit() -> None:
        n = 0
        while time.monotonic() < deadline:
            path = _copy(folder, n)
            submitted[str(path)] = time.monotonic()
            process.stdin.write(f"{path}\n".encode())
            await process.stdin.drain()
            run.started_imports += 1
            n += 1
            await asyncio.sleep(IMPORT_EVERY_SECONDS)
        process.stdin.close()

    async def collect() -> None:
        while line := await process.stdout.readline():
            outcome = json.loads(line)
            run.import_seconds.append(outcome["seconds"])
            run.published_after.append(time.monotonic() - submitted[outcome["file"]])
            if outcome["ok"]:
                run.imported.append(Path(outcome["file"]))
            else:
                run.failed_imports.append(outcome["message"])

    await asyncio.gather(submit(), asyncio.wait_for(collect(), RUN_SECONDS + DRAIN_SECONDS))
    if await process.wait():
        run.failed_imports.append(
            f"writer exited {process.returncode}: {(await process.stderr.read()).decode()[-500:]}"
        )


async def _documents_shown(page: Page) -> int:
    """The Data page's first metric: current documents from real sources."""
    value = page.locator('[data-testid="stMain"] [data-testid="stMetricValue"]').first
    return int((await value.inner_text()).replace(",", ""))


async def _open(page: Page, index: int) -> None:
    """Go to PATHS[index] from the sidebar, as a user does: a rerun in the same session."""
    link = page.locator(NAV_LINKS).nth(index)
    title = (await link.inner_text()).split("\n")[-1].strip()
    await link.click()
    await page.wait_for_function(TITLE_SHOWN_JS, arg=title, timeout=PAGE_TIMEOUT_MS)


async def _reader(
    page: Page, url: str, number: int, deadline: float, run: Run, root_drawn: asyncio.Event
) -> None:
    """Open PATHS[number] in a new session, then go round every page from the sidebar until the deadline.

    Reader 0 opens the root page and the others wait for it: until dashboard.py has run once, a fresh
    server runs a deep-linked page file on its own (see bench.load.warm_up). A page still drawing at the
    deadline is drawn to the end and checked, as a user who clicked during the imports would see it; on
    a slow machine that is what lets every reader draw its first page.
    """
    index = number % len(PATHS)
    fresh = True
    if number:
        await root_drawn.wait()
    while time.monotonic() < deadline:
        where = f"reader {number} /{PATHS[index]}"
        finished_before = len(run.imported)
        try:
            if fresh:
                await page.goto(f"{url}/{PATHS[index]}{START_QUERY}", timeout=PAGE_TIMEOUT_MS)
                await settle(page, PAGE_TIMEOUT_MS)
            else:
                await _open(page, index)
            run.problems += await problems(page, where)
            if PATHS[index] == "data":
                shown = await _documents_shown(page)
                run.data_counts.append((finished_before, shown, run.started_imports))
            run.pages_seen[PATHS[index]] += 1
            fresh = False
        except PlaywrightError as error:
            run.problems.append(f"{where}: {error.message.splitlines()[0]} ({await describe(page)})")
            fresh = True  # start over in a new session
        root_drawn.set()
        index = (index + 1) % len(PATHS)
        await asyncio.sleep(THINK_SECONDS)


async def _exercise(url: str, db_path: Path, folder: Path) -> tuple[Run, int, int]:
    """READERS readers and one writer for RUN_SECONDS.

    Then the real document count the Data page shows to a session opened before the last import (on its
    next rerun) and to a new session.
    """
    run = Run()
    async with async_playwright() as p:
        # the server and the writer are under test, the browsers only stand in for users' machines
        browser = await p.chromium.launch(executable_path=str(niced_chromium(folder)), args=CHROMIUM_ARGS)
        try:
            pages = [await (await browser.new_context(viewport=VIEWPORT)).new_page() for _ in range(READERS)]
            root_drawn = asyncio.Event()
            deadline = time.monotonic() + RUN_SECONDS
            await asyncio.gather(
                _writer(db_path, folder, deadline, run),
                *(_reader(page, url, n, deadline, run, root_drawn) for n, page in enumerate(pages)),
            )
            await _open(pages[1], 0)
            await _open(pages[1], PATHS.index("data"))
            old_session = await _documents_shown(pages[1])
            await pages[0].goto(f"{url}/data", timeout=PAGE_TIMEOUT_MS)
            await settle(pages[0], PAGE_TIMEOUT_MS)
            new_session = await _documents_shown(pages[0])
        finally:
            await browser.close()
    return run, old_session, new_session


def test_pages_stay_up_and_fresh_while_imports_publish(fixture_db: Path, tmp_path: Path) -> None:
    from ita import db

    db_path = tmp_path / "ita.duckdb"  # a copy of the two-province fixture: the imports publish beside it
    shutil.copyfile(fixture_db.resolve(), db_path)
    con = db.connect(db_path)
    (base,) = con.execute(
        "SELECT count(*) FROM documents WHERE NOT is_synthetic AND superseded_by IS NULL"
    ).fetchone()
    con.close()
    copies = tmp_path / "copies"
    copies.mkdir()

    with serve(db_path, log_path=tmp_path / "server.log") as (url, server):
        run, old_session, new_session = asyncio.run(_exercise(url, db_path, copies))
        assert server.poll() is None, "the dashboard server died"
        seconds = ", ".join(f"{s:.1f}" for s in run.import_seconds)
        print(
            f"imports taking {seconds} s, published {max(run.published_after, default=0):.1f} s after",
            end=" ",
        )
        print(f"arriving at worst; pages drawn {dict(run.pages_seen)};", end=" ")
        print(f"server peak {peak_rss_mb(server.pid) or 0:.0f} MB")

    assert run.failed_imports == []
    assert run.started_imports >= RUN_SECONDS // IMPORT_EVERY_SECONDS - 1
    assert len(run.imported) == run.started_imports, seconds
    assert run.problems == []
    assert set(run.pages_seen) == set(PATHS)
    log = (tmp_path / "server.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]

    # A Data page shows at least what was published before it opened, never more than was started.
    for finished_before, shown, started in run.data_counts:
        assert base + finished_before <= shown <= base + started, (finished_before, shown, started)

    con = db.connect(db_path)
    names = {
        name for (name,) in con.execute("SELECT file_name FROM documents WHERE NOT is_synthetic").fetchall()
    }
    (current,) = con.execute(
        "SELECT count(*) FROM documents WHERE NOT is_synthetic AND superseded_by IS NULL"
    ).fetchone()
    con.close()
    assert {str(path) for path in run.imported} <= names
    assert current == base + len(run.imported)
    assert (old_session, new_session) == (current, current)
