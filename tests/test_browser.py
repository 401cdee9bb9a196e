"""Every page in headless Chromium on the embedded default: no Streamlit exception, charts drawn.

Screenshots land in tests/screenshots/ (not committed) so a person can look at them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.serving import CHROMIUM, CHROMIUM_ARGS, DRAWN, serve
from ita import cli, province_grid
from ita.ui.labels import TEXT

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "tests" / "screenshots"
# url path, query string, does the page draw at least one chart there
PAGES = [
    ("", "", True),
    ("compare", f"?province=นครราชสีมา&tab={TEXT['cmp_tab_indicators'][0]}", True),  # the heatmap
    ("indicators", "", True),
    ("follow-through", "", True),
    # agency 1 has measures but no scores: the link opens its measures tab (?tab= is the tab's label)
    ("agency", f"?agency=1&tab={TEXT['ag_tab_measures'][0]}", True),
    ("data", "", False),
]

# Streamlit shows a status widget while the script runs and skeletons for elements not yet sent;
# the page has settled when neither has been seen for a second.
_SETTLED = """() => {
    const busy = document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]');
    if (busy) { window.__settledSince = undefined; return false; }
    window.__settledSince = window.__settledSince || performance.now();
    return performance.now() - window.__settledSince > 1000;
}"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make system-deps)"),
]


@pytest.fixture(scope="module")
def default_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded default, built from data/ exactly as `python -m ita build` does."""
    from ita.build import build

    path = tmp_path_factory.mktemp("default") / "ita.duckdb"
    build(path)
    return path


@pytest.fixture(scope="module")
def server(default_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(default_db, log_path=tmp_path_factory.mktemp("server") / "server.log") as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _open(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 1000})
    page.goto(url)
    page.wait_for_selector('[data-testid="stSidebar"]', state="attached", timeout=60_000)
    page.wait_for_function(_SETTLED, polling=100, timeout=60_000)
    return page


@pytest.mark.parametrize(("path", "query", "has_chart"), PAGES)
def test_page_renders_without_exception(server, browser, path, query, has_chart):
    SHOTS.mkdir(exist_ok=True)
    page = _open(browser, f"{server}/{path}{query}", 1400)
    charts = page.locator(".ita-plot")
    if has_chart:
        page.wait_for_function(DRAWN, arg=1, polling=100, timeout=60_000)
        assert charts.count() > 0
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(SHOTS / f"{path or 'overview'}.png"), full_page=True)
    page.close()


def test_narrow_screen_overview(server, browser):
    SHOTS.mkdir(exist_ok=True)
    page = _open(browser, f"{server}/", 420)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(SHOTS / "overview_narrow.png"), full_page=True)
    page.close()


@pytest.mark.parametrize(
    ("link", "title"),
    [("", "ภาพรวม"), ("compare?province=30", "เปรียบเทียบหน่วยงาน"), ("follow-through", "การติดตามมาตรการ")],
)
def test_a_deep_link_on_a_fresh_server_opens_that_page(default_db, browser, link, title):
    """Streamlit runs a pages/ file on its own before any session ran the frame (issue 9624): it finds the
    file by the link's path (so the files are named as the paths are), or it says "Page not found"."""
    with serve(default_db) as (url, _):
        page = _open(browser, f"{url}/{link}", 1400)
        page.get_by_role("heading", name=title).wait_for(timeout=60_000)
        page.wait_for_function(_SETTLED, polling=100, timeout=60_000)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("Page not found").count() == 0
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "ภาพรวม" in nav and "agency" not in nav  # the frame's navigation, not the file listing
        shown = [
            box.get_attribute("value") or box.get_attribute("placeholder")
            for box in page.locator('[data-testid="stSidebar"] input').all()
        ]
        assert "Choose an option" not in shown  # a filter left unset reads "all", on the first run too
        page.close()


def test_switching_language_keeps_the_filters_and_the_open_tab(server, browser):
    """Streamlit keeps a selectbox's value as its label: after a language switch the filters must still be
    read as choices (not as the Thai words they were shown as), and the open tab must stay open."""
    red_flags, continuity = TEXT["ft_tab_red_flags"], TEXT["ft_tab_continuity"]
    # as a fresh server's first page a deep link gets Streamlit's "Page not found" dialog over it
    _open(browser, f"{server}/", 1400).close()
    page = _open(browser, f"{server}/follow-through?type=sao&tab={red_flags[0]}", 1400)
    selected = page.locator('[data-testid="stTab"][aria-selected="true"]')
    assert selected.inner_text() == red_flags[0]
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="English").click()
    selected.filter(has_text=red_flags[1]).wait_for(timeout=60_000)
    page.get_by_role("tab", name=continuity[1]).click()
    page.get_by_role("heading", name=TEXT["ft_continuity"][1]).wait_for(timeout=60_000)
    page.wait_for_function(_SETTLED, polling=100, timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert selected.inner_text() == continuity[1]
    assert TEXT["ft_tab_continuity"][1] in page.url.replace("+", " ")
    agency_type = page.get_by_role("combobox", name=TEXT["agency_type"][1])
    assert agency_type.input_value() == "Subdistrict administration (SAO)"
    page.close()


def test_a_search_outlives_a_visit_to_another_tab(server, browser):
    """Only the open tab runs: a widget in another tab comes back showing what was chosen, not its default."""
    measures, statuses = TEXT["ft_list"][0], TEXT["ft_tab_year"][0]
    _open(browser, f"{server}/", 1400).close()  # a fresh server's first deep link gets a dialog over it
    page = _open(browser, f"{server}/follow-through?tab={measures}", 1400)
    search = page.get_by_role("textbox", name=TEXT["ft_search"][0])
    search.fill("No Gift")
    search.press("Enter")
    page.get_by_text("No Gift").first.wait_for(state="attached", timeout=60_000)  # a row found (in the grid)
    page.get_by_role("tab", name=statuses).click()
    page.get_by_role("heading", name=TEXT["ft_by_target"][0]).wait_for(timeout=60_000)
    page.get_by_role("tab", name=measures).click()
    search.wait_for(timeout=60_000)
    page.wait_for_function(_SETTLED, polling=100, timeout=60_000)
    assert search.input_value() == "No Gift"
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


# the centre of one cell of the map, in page pixels, from the chart's own axes, once the map is in view
_TILE_CENTRE = """([column, row]) => {
    const chart = document.querySelector('.ita-plot');
    chart.scrollIntoView({block: 'center'});
    const layout = chart._fullLayout;
    const box = chart.getBoundingClientRect();
    return [box.left + layout.xaxis._offset + layout.xaxis.l2p(column),
            box.top + layout.yaxis._offset + layout.yaxis.l2p(row)];
}"""


def test_the_map_draws_every_province_and_a_click_filters(server, browser):
    SHOTS.mkdir(exist_ok=True)
    _open(browser, f"{server}/", 1400).close()  # a fresh server's first deep link gets a dialog over it
    page = _open(browser, f"{server}/?year=2566&tab={TEXT['ov_tab_map'][0]}", 1400)
    page.wait_for_function(DRAWN, arg=1, polling=100, timeout=60_000)
    labels = page.locator(".ita-plot .heatmaplayer text").all_text_contents()
    assert sorted(label for label in labels if label) == sorted(
        tile.abbr_th for tile in province_grid.tiles()
    )
    page.screenshot(path=str(SHOTS / "overview_map.png"), full_page=True)

    (korat,) = [tile for tile in province_grid.tiles() if tile.name_th == "นครราชสีมา"]
    x, y = page.evaluate(_TILE_CENTRE, [korat.column, korat.row])
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_function("() => new URLSearchParams(location.search).get('province') === 'นครราชสีมา'")
    page.wait_for_function(_SETTLED, polling=100, timeout=60_000)
    province = page.get_by_role("combobox", name=TEXT["province"][0])
    assert province.input_value() == "นครราชสีมา"
    assert page.locator('[data-testid="stException"]').count() == 0
    page.close()


def _pages(pdf: bytes) -> int:
    """Pages of a PDF: Chromium writes one page tree whose /Count is the page count."""
    return max(int(count) for count in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf))


def test_the_province_brief_prints_on_at_most_two_a4_pages_in_thai(default_db, browser, tmp_path):
    out = tmp_path / "brief.html"
    args = ["brief", "--db", str(default_db), "--province", "นครราชสีมา", "--year", "2566", "--out", str(out)]
    assert cli.main([*args, "--pdf"]) == 0
    printed = out.with_suffix(".pdf").read_bytes()
    assert 1 <= _pages(printed) <= 2
    # the Thai text was set in a Thai font of fonts-thai-tlwg (embedded), not in boxes of a Latin one
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+(Loma|Garuda|Norasi|Sarabun|Laksaman|Kinnari|Waree)", printed)

    # opened with the network cut, it asks for nothing but itself
    SHOTS.mkdir(exist_ok=True)
    asked: list[str] = []
    page = browser.new_page(viewport={"width": 900, "height": 1200})

    def offline(route) -> None:
        asked.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", offline)
    page.goto(out.as_uri())
    assert asked == [out.as_uri()]
    assert page.get_by_role("heading", name="สรุปผล ITA จังหวัดนครราชสีมา ปีงบประมาณ 2566").count() == 1
    page.screenshot(path=str(SHOTS / "brief.png"), full_page=True)
    page.close()


def test_the_overview_button_downloads_the_brief(server, browser):
    _open(browser, f"{server}/", 1400).close()  # a fresh server's first deep link gets a dialog over it
    page = _open(browser, f"{server}/?year=2566&province=30", 1400)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=TEXT["brief_download"][0]).click()
    assert download.value.suggested_filename == "ita_brief_30_2566.html"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "สรุปผล ITA จังหวัดนครราชสีมา ปีงบประมาณ 2566" in text
    page.close()
