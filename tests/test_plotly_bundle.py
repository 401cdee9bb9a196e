"""The plotly.js bundle the dashboard's charts are drawn with: pinned, checked, and able to draw them."""

from __future__ import annotations

import io
import re
import tarfile
import urllib.error
from pathlib import Path

import plotly.offline
import pytest

from ita.ui import plotly_bundle


def test_the_pin_follows_the_plotly_package() -> None:
    """Figures are built by the plotly package for its own plotly.js release; the bundle must be that one."""
    assert plotly.offline.get_plotlyjs_version() == plotly_bundle.VERSION


def test_setup_fetched_the_pinned_release() -> None:
    header = plotly_bundle.PATH.read_text(encoding="utf-8")[:200]
    assert f"plotly.js (cartesian - minified) v{plotly_bundle.VERSION}" in header


@pytest.mark.parametrize("trace_type", sorted(plotly_bundle.TRACE_TYPES))
def test_the_bundle_registers_every_trace_type_the_dashboard_draws(trace_type: str) -> None:
    bundle = plotly_bundle.PATH.read_text(encoding="utf-8")
    assert re.search(rf'name:"{trace_type}",basePlotModule', bundle)


def _tarball(content: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        member = tarfile.TarInfo(plotly_bundle.MEMBER)
        member.size = len(content)
        archive.addfile(member, io.BytesIO(content))
    return buffer.getvalue()


def test_a_tarball_that_is_not_the_pinned_one_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "static" / plotly_bundle.FILE
    with pytest.raises(ValueError, match=re.escape(plotly_bundle.TARBALL)):
        plotly_bundle.extract(_tarball(b"window.Plotly = {};"), target)
    assert not target.parent.exists()


def test_the_digest_is_the_registrys_form() -> None:
    # sha512 of b"" in the Subresource-Integrity form npm's dist.integrity uses
    assert plotly_bundle.integrity(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )


def test_without_the_registry_setup_falls_back_to_the_full_plotly_js(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    def unreachable(url: str, timeout: float) -> None:
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(plotly_bundle.urllib.request, "urlopen", unreachable)
    target = tmp_path / "static" / plotly_bundle.FILE
    fallback = tmp_path / "static" / plotly_bundle.FALLBACK_FILE
    plotly_bundle.main(target, fallback)
    assert capsys.readouterr().err == (
        f"{plotly_bundle.TARBALL}: cannot fetch ([Errno -3] Temporary failure in name resolution); "
        f"charts use the full plotly.js of the plotly package ({plotly_bundle.FALLBACK_FILE}) instead\n"
    )
    assert not target.exists()
    assert fallback.read_text(encoding="utf-8") == plotly.offline.get_plotlyjs()
    assert f"plotly.js v{plotly_bundle.VERSION}" in fallback.read_text(encoding="utf-8")[:200]


def test_charts_load_the_full_plotly_js_when_the_bundle_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    assert (plotly_bundle.served(), plotly_bundle.is_fallback()) == (plotly_bundle.FILE, False)
    monkeypatch.setattr(plotly_bundle, "PATH", tmp_path / plotly_bundle.FILE)
    monkeypatch.setattr(plotly_bundle, "FALLBACK_PATH", tmp_path / plotly_bundle.FALLBACK_FILE)
    assert (plotly_bundle.served(), plotly_bundle.is_fallback()) == (plotly_bundle.FALLBACK_FILE, True)
    assert (tmp_path / plotly_bundle.FALLBACK_FILE).stat().st_size > 4_000_000
