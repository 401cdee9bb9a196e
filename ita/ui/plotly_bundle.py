"""plotly.js's cartesian bundle, fetched once at setup and served by Streamlit from static/.

st.plotly_chart loads the full plotly.js (4.8 MB), and evaluating it is most of the time a page with a chart
takes to draw. The cartesian bundle holds every trace type the dashboard draws (scatter, bar, box, heatmap)
in under a third of that. It is pinned by version and by the registry's sha512, as a lock file pins a package.

On a machine that cannot reach the npm registry, charts are drawn with the full plotly.js the installed plotly
package ships instead (copied to static/): slower pages, never blank ones; the Data page says so.

Run: python -m ita.ui.plotly_bundle (make setup does; it does nothing once the file is there)
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

import plotly.offline

# the plotly.js release the plotly package targets (plotly.offline.get_plotlyjs_version(); a test checks)
VERSION = "4.1.1"
PACKAGE = "plotly.js-cartesian-dist-min"
TARBALL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
INTEGRITY = "sha512-o8GrFeusncwBIxbBynRJpY4pkgVB6caM+JLpwrLYbbsO7dZ8FJ+SVN2Fr+L7kiG/Z6w4P5O0Jus/Qr5EefHVeg=="
# the trace types the bundle registers that the dashboard draws (tests check both sides)
TRACE_TYPES = frozenset({"scatter", "bar", "box", "heatmap"})
MEMBER = "package/plotly-cartesian.min.js"
FILE = f"plotly-cartesian-{VERSION}.min.js"
# Streamlit serves the folder named static beside the main script at app/static/ (server.enableStaticServing)
PATH = Path(__file__).resolve().parents[2] / "static" / FILE
# the full plotly.js of the same release, from the plotly package, for when the bundle could not be fetched
FALLBACK_FILE = f"plotly-{VERSION}.min.js"
FALLBACK_PATH = PATH.with_name(FALLBACK_FILE)


def integrity(blob: bytes) -> str:
    """The npm registry's Subresource-Integrity form of a tarball's digest."""
    return "sha512-" + base64.b64encode(hashlib.sha512(blob).digest()).decode()


def extract(blob: bytes, target: Path = PATH) -> Path:
    """Check the tarball against the pinned digest and write its bundle to `target` in one step."""
    if (found := integrity(blob)) != INTEGRITY:
        raise ValueError(f"{TARBALL}: digest {found} is not the pinned {INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(blob)) as archive:
        bundle = archive.extractfile(MEMBER).read()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(bundle)
    partial.replace(target)
    return target


def fetch(target: Path = PATH) -> bool:
    """Download the bundle from the npm registry to `target` unless it is already there; True if it was."""
    if target.exists():
        return False
    with urllib.request.urlopen(TARBALL, timeout=120) as response:
        extract(response.read(), target)
    return True


def write_fallback(target: Path | None = None) -> Path:
    """Copy the full plotly.js the installed plotly package ships to `target` (FALLBACK_PATH), whole or not at all."""
    target = target or FALLBACK_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_text(plotly.offline.get_plotlyjs(), encoding="utf-8")
    partial.replace(target)
    return target


def is_fallback() -> bool:
    """Whether charts are drawn with the full plotly.js, the cartesian bundle not having been fetched."""
    return not PATH.exists()


def served() -> str:
    """The file under static/ the charts load: the cartesian bundle, else the full plotly.js (copied if missing)."""
    if not is_fallback():
        return FILE
    if not FALLBACK_PATH.exists():
        write_fallback()
    return FALLBACK_FILE


def main(target: Path | None = None, fallback: Path | None = None) -> None:
    """`make setup`'s step: fetch the bundle; if it cannot be had, say why in one line and copy the full plotly.js
    of the plotly package instead, so that the dashboard still draws every chart."""
    target, fallback = target or PATH, fallback or FALLBACK_PATH
    try:
        if fetch(target):
            print(f"{target.name}: fetched from {TARBALL}")
        return
    except ValueError as error:
        reason = str(error)
    except OSError as error:  # urllib's URLError and socket timeouts are OSErrors
        reason = f"{TARBALL}: cannot fetch ({getattr(error, 'reason', None) or error})"
    if not fallback.exists():
        write_fallback(fallback)
    print(
        f"{reason}; charts use the full plotly.js of the plotly package ({fallback.name}) instead",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
