"""The Overview's tile-grid map: its numbers against SQL, all 77 tiles, colours that follow the measure, and a
click that only ever chooses a real province."""

from __future__ import annotations

from pathlib import Path

import pytest

from ita import geography
from ita.ui import filters
from tests.apptest import figures, open_page, sql, th

YEAR = 2566
KORAT, UTTARADIT = "นครราชสีมา", "อุตรดิตถ์"


def _map(at) -> dict:
    (figure,) = [f for f in figures(at) if f["data"][0]["type"] == "heatmap"]
    return figure


def _tiles(figure: dict, trace: int) -> dict[str, tuple]:
    """Province code → (z, customdata) of every tile a trace fills."""
    data = figure["data"][trace]
    return {
        cell[0]: (z, cell)
        for z_row, cell_row in zip(data["z"], data["customdata"], strict=True)
        for z, cell in zip(z_row, cell_row, strict=True)
        if cell is not None and z is not None
    }


def test_all_77_provinces_are_drawn_and_the_two_with_results_coloured(app_env: Path) -> None:
    at = open_page(tab="ov_tab_map", year=str(YEAR))
    figure = _map(at)
    assert len(_tiles(figure, 0)) == 77  # the grey layer: every province
    coloured = _tiles(figure, 1)
    codes = geography.provinces()
    assert set(coloured) == {codes[KORAT], codes[UTTARADIT]}
    expected = dict(
        sql(
            app_env,
            "SELECT province, avg(score) FROM v_assessments WHERE fiscal_year = $y GROUP BY province",
            {"y": YEAR},
        )
    )
    assert coloured[codes[KORAT]][0] == pytest.approx(expected[KORAT])
    (count,) = sql(
        app_env,
        "SELECT count(*) FROM v_assessments WHERE fiscal_year = $y AND province = $p",
        {"y": YEAR, "p": UTTARADIT},
    )[0]
    assert coloured[codes[UTTARADIT]][1][3] == f"{count:,}"  # the hover's count of agencies


def test_the_colours_follow_the_chosen_measure(app_env: Path) -> None:
    at = open_page(tab="ov_tab_map", year=str(YEAR), indicator="9")
    assert at.segmented_control(key="ov_map_measure").value == "indicator_mean"
    codes = geography.provinces()
    expected = dict(
        sql(
            app_env,
            "SELECT province, avg(score) FROM v_indicator_scores WHERE fiscal_year = $y AND indicator_no = 9 "
            "GROUP BY province",
            {"y": YEAR},
        )
    )
    assert _tiles(_map(at), 1)[codes[KORAT]][0] == pytest.approx(expected[KORAT])

    at.segmented_control(key="ov_map_measure").set_value("pass_share").run()
    assert not at.exception
    (share,) = sql(
        app_env,
        "SELECT avg(is_passing::INTEGER) FROM v_assessments WHERE fiscal_year = $y AND province = $p",
        {"y": YEAR, "p": KORAT},
    )[0]
    figure = _map(at)
    assert _tiles(figure, 1)[codes[KORAT]][0] == pytest.approx(100 * share)
    (pass_mark,) = sql(app_env, "SELECT pass_mark FROM framework_years WHERE fiscal_year = $y", {"y": YEAR})[
        0
    ]
    assert figure["data"][1]["colorbar"]["title"]["text"] == th("pass_share").format(
        pass_mark=f"{pass_mark:g}"
    )


def test_the_map_is_offered_only_while_no_province_is_chosen(app_env: Path) -> None:
    assert th("ov_tab_map") in [tab.label for tab in open_page(year=str(YEAR)).tabs]
    assert th("ov_tab_map") not in [tab.label for tab in open_page(year=str(YEAR), province=KORAT).tabs]


@pytest.mark.parametrize(
    ("clicked", "chosen"),
    [
        (["30", "นครราชสีมา", "90.00", "300"], KORAT),
        (["10"], "กรุงเทพมหานคร"),
        (["99", "<b>x</b>"], None),  # no such province
        ("30", None),  # not the list a tile sends
        ([30], None),
        (None, None),
        ([], None),
        (["<img src=x onerror=alert(1)>"], None),
    ],
)
def test_a_click_chooses_only_a_real_province(monkeypatch: pytest.MonkeyPatch, clicked, chosen) -> None:
    state: dict = {}
    monkeypatch.setattr(filters.st, "session_state", state)
    filters.choose_province(clicked)
    assert state.get("f_province") == chosen
