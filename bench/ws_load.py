"""Capacity benchmark without browsers: Streamlit sessions spoken to over its own websocket protocol.

Run: .venv/bin/python bench/ws_load.py [--db PATH] [--sessions 10] [--reruns 10] [--pages overview,compare,…]
     .venv/bin/python bench/ws_load.py --url http://127.0.0.1:8501 [--pages overview]   # a running dashboard
     .venv/bin/python bench/ws_load.py --workers 2 [--pages overview]   # one process, then `ita serve` (proxy)

Each session is what a browser tab is to the server: a websocket on /_stcore/stream carrying BackMsg
protobufs up and ForwardMsg protobufs down (streamlit/proto, streamlit/web/server/starlette). A session
opens its page (that first run is left out), then reruns it `--reruns` times, each time choosing another
fiscal year in the sidebar the way the browser does: a rerun_script message carrying the URL's query
string, the page's script hash, the states of the page's widgets with the year box's new label, and the
hashes of the large messages it has cached (the server then sends a reference instead of the message).
A rerun's latency runs from sending it until its script_finished message has arrived; reruns per second
are all sessions' reruns over the time from the first sent to the last finished. All sessions of a page
run at once.

Without --url it serves the dashboard (on --db, or on the embedded default it builds first) and a one-line
Streamlit page, `st.write("hello")`, the floor no Streamlit page gets under; it measures the floor, every
page, and the floor again, in one run, and prints each page's ratios to the floor (the mean of its two
runs), and for reference the one-line page with the dashboard's setting of no garbage collection after
every run. With --workers N it measures each page on one process and then on N processes behind the sticky
proxy of `python -m ita serve`, --rounds times in turn, and prints the ratio (the median over the rounds: on
a shared machine one pair of runs of a few seconds each moves with whatever else runs). Everything stays on the loopback interface.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import LOOPBACK_HOSTS, cpu_seconds, percentile  # noqa: E402
from bench.serving import free_port, serve, wait_healthy  # noqa: E402

ONE_LINE_APP = 'import streamlit as st\n\nst.write("hello")\n'
FLOOR_FIRST, FLOOR_LAST = "one-line page, first", "one-line page, last"
# the dashboard turns off Streamlit's full garbage collection after every run (.streamlit/config.toml):
# the same page with that setting, for reference (the ratios are to the one-line page as Streamlit ships)
NO_GC = "reference: one-line page, runner.postScriptGC off"
NO_GC_CONFIG = "[runner]\npostScriptGC = false\n"
# page name → the path and query string a browser opens it with (the agency page on one agency)
PAGES = {
    "overview": "",
    "compare": "compare",
    "indicators": "indicators",
    "follow-through": "follow-through",
    "agency": "agency?agency={agency_id}",
    "data": "data",
}
YEAR_KEY = "-f_year"  # widget ids end with the widget's key: $$ID-<hash>-f_year
RUN_TIMEOUT_S = 120
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


class SessionError(RuntimeError):
    """A run the server did not finish cleanly (an exception element, a compile error, a lost socket)."""


def widget_state(element) -> WidgetState | None:
    """The state the browser reports for a widget it has just drawn: the value shown, as the server sent
    it (a value the run set, else the default). Widgets whose state the browser derives otherwise
    (pagination, button groups) are left out: the server keeps their values."""
    kind = element.WhichOneof("type")
    widget = getattr(element, kind, None)
    if widget is None or not getattr(widget, "id", ""):
        return None
    state = WidgetState(id=widget.id)
    if kind == "selectbox":
        if widget.set_value:
            if widget.HasField("raw_value"):
                state.string_value = widget.raw_value
        elif widget.HasField("default"):
            state.string_value = widget.options[widget.default]
    elif kind == "text_input":
        state.string_value = widget.value if widget.set_value else widget.default
    elif kind == "number_input":
        state.double_value = widget.value if widget.set_value else widget.default
    elif kind == "multiselect":
        chosen = widget.raw_values if widget.set_value else [widget.options[i] for i in widget.default]
        state.string_array_value.data.extend(chosen)
    else:
        return None
    return state


@dataclass
class Session:
    """One browser tab's worth of protocol state."""

    url: str
    path: str
    page_script_hash: str = ""
    query_string: str = ""
    widgets: dict[str, tuple[object, WidgetState]] = field(default_factory=dict)
    cache: dict[str, tuple[ForwardMsg, int]] = field(default_factory=dict)
    max_age: int = 2
    runs: int = 0
    texts: list[str] = field(default_factory=list)
    expected: str = ""

    def __post_init__(self) -> None:
        self.query_string = urlsplit(self.path).query

    def rerun_message(self, first: bool) -> BackMsg:
        """What the browser sends to (re)run its page: on the first run the page's URL path, afterwards the
        script hash the server gave it, always the URL's query string and the widgets' states."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        if first:
            state.page_name = urlsplit(self.path).path
        else:
            state.page_script_hash = self.page_script_hash
        state.widget_states.widgets.extend(ws for _, ws in self.widgets.values())
        state.cached_message_hashes.extend(self.cache)
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url, info.is_embedded, info.color_scheme = (
            f"{self.url}/{urlsplit(self.path).path}",
            False,
            "light",
        )
        return msg

    def year_choice(self, turn: int) -> str | None:
        """Choose another year than the one shown in the year box, as a click would; None without one."""
        for widget_id, (element, state) in self.widgets.items():
            if widget_id.endswith(YEAR_KEY):
                others = [o for o in element.options if o != state.string_value]
                year = others[turn % len(others)]
                self.widgets[widget_id] = (element, WidgetState(id=widget_id, string_value=year))
                self.expected = f"{element.label} {year}"
                return year
        return None

    def shows_choice(self) -> bool:
        """Whether the last run drew the chosen year: every page's header caption starts with it."""
        return any(text.startswith(self.expected) for text in self.texts)

    async def run(self, ws: ClientConnection, first: bool = False) -> float:
        """Send one (re)run and read until it has finished; its seconds."""
        started = time.perf_counter()
        await ws.send(self.rerun_message(first).SerializeToString())
        drawn: dict[str, tuple[object, WidgetState]] = {}
        self.texts = []
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(ws.recv(), RUN_TIMEOUT_S))
            if msg.HasField("ref_hash"):
                msg = self.cache[msg.ref_hash][0]
                self.cache[msg.hash] = (msg, self.runs)
            elif msg.metadata.cacheable:
                self.cache[msg.hash] = (msg, self.runs)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = msg.new_session.page_script_hash
                self.max_age = msg.new_session.config.max_cached_message_age
            elif kind == "navigation":  # st.navigation names the page it ran
                self.page_script_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.HasField("new_element"):
                element = msg.delta.new_element
                if element.HasField("exception"):
                    raise SessionError(f"exception: {element.exception.message[:300]}")
                if element.HasField("markdown"):
                    self.texts.append(element.markdown.body)
                if (state := widget_state(element)) is not None:
                    drawn[state.id] = (getattr(element, element.WhichOneof("type")), state)
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    drawn = {}  # the script asked for a rerun (st.rerun): what it draws comes next
                    continue
                if msg.script_finished not in FINISHED:
                    raise SessionError(f"the script finished with status {msg.script_finished}")
                break
        self.widgets = drawn
        self.runs += 1
        # the browser forgets cached messages no run has used for max_cached_message_age runs
        self.cache = {h: (m, used) for h, (m, used) in self.cache.items() if self.runs - used <= self.max_age}
        return time.perf_counter() - started


@dataclass
class Result:
    """One page under load: each rerun's seconds, the span they took, errors, the server's CPU seconds."""

    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    server_cpu: float | None = None
    client_cpu: float = 0.0  # this script's own, which shares the machine with the servers

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def p(self, share: float) -> float:
        return percentile(self.latencies, share) if self.latencies else float("nan")


def _cookies(url: str, path: str) -> str:
    """Load the page over HTTP first, as the browser does, and keep the cookies (a sticky proxy's)."""
    with urllib.request.urlopen(f"{url}/{path}", timeout=RUN_TIMEOUT_S) as response:
        return "; ".join(c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or [])


async def _open(stack: contextlib.AsyncExitStack, url: str, path: str) -> tuple[Session, ClientConnection]:
    """A new session on `path` after its first run."""
    cookies = await asyncio.to_thread(_cookies, url, path)
    ws = await stack.enter_async_context(
        connect(
            "ws" + url.removeprefix("http") + "/_stcore/stream",
            subprotocols=["streamlit"],
            origin=url,
            additional_headers={"Cookie": cookies} if cookies else {},
            compression=None,  # Streamlit's server.enableWebsocketCompression is off by default
            max_size=None,
            open_timeout=RUN_TIMEOUT_S,
        )
    )
    session = Session(url, path)
    await session.run(ws, first=True)
    return session, ws


async def _rerun(session: Session, ws: ClientConnection, number: int, reruns: int, result: Result) -> None:
    for turn in range(number, number + reruns):
        year = session.year_choice(turn)
        try:
            result.latencies.append(await session.run(ws))
        except (SessionError, OSError, TimeoutError, KeyError) as error:
            result.errors.append(f"session {number} /{session.path}: {type(error).__name__}: {error}")
            return
        if year is not None and not session.shows_choice():
            result.errors.append(
                f"session {number} /{session.path}: rerun {turn - number} did not show {session.expected}"
            )


async def measure(url: str, path: str, sessions: int, reruns: int, pids: list[int] = ()) -> Result:
    """Open `sessions` sessions on `path`, then let all of them rerun it `reruns` times at once."""
    result = Result()
    async with contextlib.AsyncExitStack() as stack:
        opened = await asyncio.gather(
            *(_open(stack, url, path) for _ in range(sessions)), return_exceptions=True
        )
        live = []
        for number, outcome in enumerate(opened):
            if isinstance(outcome, BaseException):
                result.errors.append(
                    f"session {number} /{path}: did not open: {type(outcome).__name__}: {outcome}"
                )
            else:
                live.append((number, outcome))
        cpu_before, client_before = _cpu(pids), time.process_time()
        started = time.perf_counter()
        await asyncio.gather(*(_rerun(s, ws, n, reruns, result) for n, (s, ws) in live))
        result.seconds = time.perf_counter() - started
        result.client_cpu = time.process_time() - client_before
        if pids:
            result.server_cpu = _cpu(pids) - cpu_before
    return result


def _cpu(pids: list[int]) -> float:
    return sum(cpu_seconds(pid) or 0.0 for pid in pids)


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def report(results: dict[str, Result], sessions: int, reruns: int) -> str:
    """A Markdown table: every page's reruns/s, p50 and p95, and its ratios to the floor."""
    floors = [r for name, r in results.items() if name in (FLOOR_FIRST, FLOOR_LAST)]
    floor_rate = statistics.mean(r.rate for r in floors) if floors else None
    floor_p95 = statistics.mean(r.p(0.95) for r in floors) if floors else None
    lines = [
        f"| page, {sessions} sessions × {reruns} reruns | reruns/s | p50 s | p95 s | server CPU ms per rerun"
        + " | client CPU ms per rerun"
        + (" | reruns/s × floor | p95 × floor |" if floors else " |"),
        "|---|---:|---:|---:|---:|---:|" + ("---:|---:|" if floors else ""),
    ]
    for name, r in results.items():
        count = len(r.latencies) or 1
        cpu = f"{1000 * r.server_cpu / count:.0f}" if r.server_cpu else "–"
        row = f"| {name} | {r.rate:.1f} | {r.p(0.5):.2f} | {r.p(0.95):.2f} | {cpu} | {1000 * r.client_cpu / count:.0f} |"
        if floors:
            row += f" {r.rate / floor_rate:.2f} | {r.p(0.95) / floor_p95:.2f} |"
        lines.append(row)
    errors = [e for r in results.values() for e in r.errors]
    lines.append(f"\nerrors: {len(errors)}")
    lines += [f"  {e}" for e in errors[:10]]
    return "\n".join(lines)


def _loopback(url: str) -> str:
    if urlsplit(url).hostname not in LOOPBACK_HOSTS:
        raise SystemExit(f"--url must be on the loopback interface (127.0.0.1, localhost), not {url}")
    return url.rstrip("/")


def _paths(pages: list[str], agency_id: int | None) -> dict[str, str]:
    return {page: PAGES[page].format(agency_id=agency_id) for page in pages}


@contextlib.contextmanager
def cluster(database: Path, workers: int, log: Path):
    """`python -m ita serve --workers N` on a free loopback port: (its URL, the workers' pids)."""
    port = free_ports(workers + 1)
    command = [sys.executable, "-m", "ita", "serve", "--workers", str(workers), "--port", str(port)]
    command += ["--address", "127.0.0.1"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, "ITA_DB": str(database)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, log)
        yield url, [int(pid) for pid in _children(process.pid)]
    finally:
        process.terminate()
        process.wait(timeout=60)


def free_ports(count: int) -> int:
    """A loopback port free with the `count` - 1 after it (the proxy's and its workers')."""
    while True:
        port = free_port()
        with contextlib.ExitStack() as held:
            try:
                for n in range(count):
                    held.enter_context(socket.create_server(("127.0.0.1", port + n)))
            except OSError:
                continue
        return port


def _children(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10, help="sessions at once, 1–50 (default 10)")
    parser.add_argument("--reruns", type=int, default=10, help="reruns per session, 1–100 (default 10)")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated subset of {list(PAGES)}")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--url", help="a dashboard already running on this machine (loopback only)")
    target.add_argument("--db", type=Path, help="serve this database (default: build the embedded default)")
    parser.add_argument("--workers", type=int, help="also measure N processes behind `ita serve`'s proxy")
    parser.add_argument(
        "--rounds", type=int, default=1, help="with --workers: one process and the proxy, in turn, N times"
    )
    parser.add_argument(
        "--agency", type=int, help="the agency page's agency (default: one scored every year)"
    )
    args = parser.parse_args()
    pages = args.pages.split(",")
    if not (1 <= args.sessions <= 50 and 1 <= args.reruns <= 100) or not set(pages) <= set(PAGES):
        parser.error(f"--sessions 1–50, --reruns 1–100, --pages from {list(PAGES)}")

    def run(url: str, path: str, pids: list[int] = ()) -> Result:
        return asyncio.run(measure(url, path, args.sessions, args.reruns, pids))

    print(f"load average at start: {load_average()} on {os.cpu_count()} cores", flush=True)
    if args.url:
        url = _loopback(args.url)
        results = {page: run(url, path) for page, path in _paths(pages, args.agency or 1).items()}
        print(report(results, args.sessions, args.reruns))
        return
    with tempfile.TemporaryDirectory(prefix="ita-ws-load-") as tmp_name:
        tmp = Path(tmp_name)
        database = args.db.resolve() if args.db else None
        if database is None:
            from ita.build import build

            database = tmp / "ita.duckdb"
            print(f"building the embedded default in {tmp} …", flush=True)
            print(f"built in {build(database).seconds:.0f} s", flush=True)
        paths = _paths(pages, args.agency or _agency(database))
        one_line, one_line_no_gc = tmp / "one_line" / "app.py", tmp / "one_line_no_gc" / "app.py"
        for script in (one_line, one_line_no_gc):
            (script.parent / ".streamlit").mkdir(parents=True)
            script.write_text(ONE_LINE_APP, encoding="utf-8")
        (one_line_no_gc.parent / ".streamlit" / "config.toml").write_text(NO_GC_CONFIG, encoding="utf-8")
        results: dict[str, Result] = {}
        with contextlib.ExitStack() as running:
            url, process = running.enter_context(serve(database, log_path=tmp / "dashboard.log"))
            floor_url, floor = running.enter_context(serve(database, script=one_line))
            no_gc_url, no_gc = running.enter_context(serve(database, script=one_line_no_gc))
            if args.workers:
                proxy_url, pids = running.enter_context(cluster(database, args.workers, tmp / "cluster.log"))
            results[FLOOR_FIRST] = run(floor_url, "", [floor.pid])
            for page, path in paths.items():
                results[page] = run(url, path, [process.pid])
                for round_no in range(args.rounds if args.workers else 0):
                    # one process, then (the machine in the same state) the processes behind the proxy
                    if round_no:
                        results[f"{page}, round {round_no + 1}"] = run(url, path, [process.pid])
                    results[f"{page}, {args.workers} processes behind the proxy, round {round_no + 1}"] = run(
                        proxy_url, path, pids
                    )
            results[FLOOR_LAST] = run(floor_url, "", [floor.pid])
            results[NO_GC] = run(no_gc_url, "", [no_gc.pid])
        print(f"load average at end: {load_average()}")
        print(report(results, args.sessions, args.reruns))
        if args.workers:
            for page in paths:
                ratios = [
                    results[f"{page}, {args.workers} processes behind the proxy, round {n}"].rate
                    / results[page if n == 1 else f"{page}, round {n}"].rate
                    for n in range(1, args.rounds + 1)
                ]
                each = ", ".join(f"{ratio:.2f}" for ratio in ratios)
                print(
                    f"{page}: {args.workers} processes ÷ one: {statistics.median(ratios):.2f}× the reruns/s"
                    + (f" (median of {args.rounds}: {each})" if args.rounds > 1 else "")
                )


def _agency(database: Path) -> int:
    from bench.bench_pages import sample_agency

    return sample_agency(database)


if __name__ == "__main__":
    main()
