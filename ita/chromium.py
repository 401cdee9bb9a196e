"""Debian's headless Chromium: where it is and the flags every headless run takes (the brief's PDF; the
benchmarks and browser tests start it too, through bench/serving.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
HEADLESS_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def find() -> Path | None:
    """Debian's chromium, else a Chromium or Chrome on the PATH, else None."""
    if DEBIAN_CHROMIUM.exists():
        return DEBIAN_CHROMIUM
    found = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    return Path(found) if found else None
