"""The brief printed to PDF by Debian's Chromium, the way a browser's "Print → Save as PDF" would."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ita import chromium

TIMEOUT_S = 120


class PrintError(RuntimeError):
    """The PDF could not be made (no Chromium, or Chromium failed); the message says what to do."""


def print_pdf(page: Path, pdf: Path, *, browser: Path | None = None) -> None:
    """Print the HTML file `page` to `pdf` (A4, as the page's @page rule asks), without headers or footers."""
    browser = browser or chromium.find()
    if browser is None:
        raise PrintError(
            f"cannot print {pdf.name}: no Chromium found (on Debian: apt-get install chromium); "
            f"{page} can be opened and printed from any browser"
        )
    with tempfile.TemporaryDirectory() as profile:
        command = [
            str(browser),
            *chromium.HEADLESS_ARGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf.resolve()}",
            page.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PrintError(f"cannot print {pdf.name} with {browser}: {error}") from error
    if done.returncode != 0 or not pdf.exists():
        raise PrintError(f"{browser} could not print {pdf.name}: {done.stderr.strip()[-300:]}")
