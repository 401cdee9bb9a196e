"""Serve the dashboard from several Streamlit processes behind HAProxy, with sticky sessions.

One Streamlit process runs its sessions' scripts in one Python interpreter, so it uses about one core;
`serve` starts one per core asked for, on loopback ports after the proxy's, and Debian's HAProxy in front.
A Streamlit session is a websocket plus uploads, downloads and media that must reach the process holding
it, so the proxy pins each browser to one process with a cookie (which, unlike the client's address,
also tells apart the browsers behind one office's NAT). It stops everything when any part stops.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from ita import db

ROOT = Path(__file__).resolve().parent.parent
STICKY_COOKIE = "ita_worker"
START_TIMEOUT_S = 120
# haproxy's own syntax; the values are ours (ports and numbers), never user text
CONFIG = """global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # one long-lived websocket per open tab
    timeout tunnel 1h

frontend dashboard
    bind {address}:{port}
    default_backend workers

backend workers
    balance leastconn
    cookie {cookie} insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
"""


class ServeError(RuntimeError):
    """A worker or the proxy could not start."""


def proxy_config(address: str, port: int, worker_ports: list[int]) -> str:
    """HAProxy's configuration: `address:port` in front of the workers, each browser pinned by cookie."""
    servers = "\n".join(
        f"    server w{n} 127.0.0.1:{worker} check cookie w{n}" for n, worker in enumerate(worker_ports, 1)
    )
    return CONFIG.format(address=address, port=port, cookie=STICKY_COOKIE, servers=servers)


def worker_command(port: int) -> list[str]:
    """One Streamlit process of the dashboard on a loopback port (the file watcher off: nobody edits a
    served tree, and a "source changed" prompt would stall every page)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard.py"),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
    ]


def serve(workers: int, port: int, address: str) -> int:
    """Run `workers` dashboards and the proxy until interrupted or until one of them exits."""
    haproxy = shutil.which("haproxy")
    if haproxy is None:
        raise ServeError("needs Debian's haproxy (make serve installs it)")
    if not db.DEFAULT_DB.exists():
        # built once here, not by every worker's first session at once
        from ita.build import build

        print(f"building {db.DEFAULT_DB} from data/ (first start only) …", flush=True)
        build(db.DEFAULT_DB)
    worker_ports = [port + n for n in range(1, workers + 1)]
    processes: list[subprocess.Popen] = []
    stopped: list[int] = []
    signal.signal(signal.SIGTERM, lambda number, _frame: stopped.append(number))
    with tempfile.TemporaryDirectory(prefix="ita-serve-") as folder:
        config = Path(folder) / "haproxy.cfg"
        config.write_text(proxy_config(address, port, worker_ports), encoding="utf-8")
        try:
            for worker in worker_ports:
                processes.append(subprocess.Popen(worker_command(worker), cwd=ROOT))
            for worker, process in zip(worker_ports, processes, strict=True):
                _wait_healthy(f"http://127.0.0.1:{worker}", process)
            processes.append(subprocess.Popen([haproxy, "-f", str(config), "-db"]))
            print(f"serving {workers} dashboard processes on http://{address}:{port}", flush=True)
            while not stopped and all(p.poll() is None for p in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            stopped.append(signal.SIGINT)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    # asked to stop: done; otherwise a worker or the proxy stopped by itself
    return 0 if stopped else 1


def _wait_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServeError(f"the dashboard at {url} exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise ServeError(f"the dashboard at {url} did not start in {START_TIMEOUT_S} s")
