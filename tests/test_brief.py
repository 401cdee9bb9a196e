"""The province brief: its numbers against the views, a self-contained and escaped page, the command line.

Printing it to PDF with Chromium (at most two A4 pages, Thai fonts embedded) is in tests/test_browser.py.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest

from ita import brief, chromium, cli, db
from ita.ui import format as fmt
from tests.apptest import open_page, sql, th

KORAT = "นครราชสีมา"
YEAR = 2566


@pytest.fixture(scope="module")
def korat(fixture_db: Path) -> brief.Brief:
    with db.connect(fixture_db) as con:
        return brief.gather(lambda name, **params: db.run_query(con, name, params), KORAT, YEAR)


@pytest.fixture(scope="module")
def page(korat: brief.Brief) -> str:
    return brief.render(korat, today=date(2026, 12, 5))


def test_headline_numbers_equal_the_views(fixture_db: Path, korat: brief.Brief, page: str) -> None:
    for year in (YEAR, YEAR - 1):
        count, mean, share = sql(
            fixture_db,
            "SELECT count(*), avg(score), avg(is_passing::INTEGER) FROM v_assessments "
            "WHERE fiscal_year = $y AND province = $p",
            {"y": year, "p": KORAT},
        )[0]
        result = korat.result(year)
        assert (result["count_agencies"], result["mean_score"], result["pass_share"]) == pytest.approx(
            (count, mean, share)
        )
    now = korat.result(YEAR)
    for shown in (
        fmt.count(now["count_agencies"]),
        fmt.score(now["mean_score"]),
        fmt.percent(now["pass_share"]),
    ):
        assert f'<div class="value">{shown}</div>' in page
    assert "ทั้งประเทศ (ป.ป.ช.): 90.19" in page  # the national mean NACC announced for 2566
    assert (
        korat.pass_mark
        == sql(fixture_db, "SELECT pass_mark FROM framework_years WHERE fiscal_year = $y", {"y": YEAR})[0][0]
    )


def test_the_three_weakest_indicators_equal_the_views(
    fixture_db: Path, korat: brief.Brief, page: str
) -> None:
    expected = sql(
        fixture_db,
        "SELECT indicator_no, avg(score) AS mean FROM v_indicator_scores WHERE fiscal_year = $y AND province = $p "
        "GROUP BY ALL ORDER BY mean, indicator_no LIMIT 3",
        {"y": YEAR, "p": KORAT},
    )
    assert list(korat.weakest["indicator_no"]) == [no for no, _ in expected]
    for no, mean in expected:
        (name,) = sql(
            fixture_db,
            "SELECT name_th FROM framework_indicators WHERE fiscal_year = $y AND indicator_no = $n",
            {"y": YEAR, "n": no},
        )[0]
        assert f">{no}. {name}</text>" in page and f">{fmt.score(mean)}</text>" in page


def test_ranking_red_flags_and_follow_through_equal_the_views(
    fixture_db: Path, korat: brief.Brief, page: str
) -> None:
    ranked = sql(
        fixture_db,
        "SELECT agency_name, score FROM v_assessments WHERE fiscal_year = $y AND province = $p ORDER BY score DESC, agency_name",
        {"y": YEAR, "p": KORAT},
    )
    assert len(korat.ranking) == len(ranked)
    best, worst = ranked[0], ranked[-1]
    for name, score in (best, worst):
        assert f'title="{name}">{name}</td>' in page and f">{fmt.score(score)}</td>" in page
    (flags,) = sql(
        fixture_db,
        "SELECT count(*) FROM v_indicator_followthrough WHERE fiscal_year = $y AND province = $p AND is_weak "
        "AND has_measures_document AND count_measures = 0",
        {"y": YEAR, "p": KORAT},
    )[0]
    assert korat.count_red_flags == flags
    assert f"{fmt.count(flags)} รายการ" in page
    measures, agencies, done = sql(
        fixture_db,
        "SELECT count(*), count(DISTINCT agency_id), count(*) FILTER (WHERE status = 'done') FROM v_measures "
        "WHERE fiscal_year = $y AND province = $p",
        {"y": YEAR, "p": KORAT},
    )[0]
    assert f"{fmt.count(measures)} มาตรการ จาก {fmt.count(agencies)} หน่วยงาน" in page
    assert f"ดำเนินการแล้วเสร็จ {fmt.count(done)}" in page


def test_the_page_needs_no_network_and_says_it_holds_synthetic_data(page: str) -> None:
    assert not re.search(r"https?:|<script|<link|<img|<iframe|url\(|@import|\bsrc=", page)
    assert "<svg" in page and "@page { size: A4" in page
    assert 'class="badge synthetic"' in page


def test_text_from_documents_is_escaped(korat: brief.Brief) -> None:
    hostile = "<script>alert(1)</script> & <b>"
    ranking = korat.ranking.copy()
    ranking.loc[ranking.index[0], "agency_name"] = hostile
    page = brief.render(dataclasses.replace(korat, ranking=ranking))
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in page


def test_in_english(korat: brief.Brief) -> None:
    page = brief.render(korat, "en", today=date(2026, 12, 5))
    assert "<title>ITA brief: Nakhon Ratchasima, fiscal year 2566</title>" in page
    assert "Made on 2026-12-05" in page
    assert '<html lang="en">' in page


def test_the_command_writes_the_brief(
    fixture_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "brief.html"
    assert (
        cli.main(
            ["brief", "--db", str(fixture_db), "--province", "30", "--year", str(YEAR), "--out", str(out)]
        )
        == 0
    )
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"สรุปผล ITA จังหวัด{KORAT} ปีงบประมาณ {YEAR}" in out.read_text(encoding="utf-8")
    assert capsys.readouterr().out == f"wrote {out}\n"


@pytest.mark.parametrize(
    ("province", "year", "status", "message"),
    [
        ("Atlantis", YEAR, cli.EXIT_UNREADABLE, "Atlantis: not a province name or code\n"),
        ("กรุงเทพมหานคร", YEAR, cli.EXIT_REJECTED, "กรุงเทพมหานคร has no assessment in 2566 in "),
    ],
)
def test_the_command_refuses_what_it_cannot_brief(
    fixture_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture,
    province: str,
    year: int,
    status: int,
    message: str,
) -> None:
    out = tmp_path / "brief.html"
    args = ["brief", "--db", str(fixture_db), "--province", province, "--year", str(year), "--out", str(out)]
    assert cli.main(args) == status
    assert capsys.readouterr().err.startswith(message)
    assert not out.exists()


def test_pdf_without_chromium_says_so(
    fixture_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(chromium, "find", lambda: None)
    out = tmp_path / "brief.html"
    args = [
        "brief",
        "--db",
        str(fixture_db),
        "--province",
        KORAT,
        "--year",
        str(YEAR),
        "--out",
        str(out),
        "--pdf",
    ]
    assert cli.main(args) == cli.EXIT_REJECTED
    assert out.exists() and not out.with_suffix(".pdf").exists()
    assert capsys.readouterr().err == (
        "cannot print brief.pdf: no Chromium found (on Debian: apt-get install chromium); "
        f"{out} can be opened and printed from any browser\n"
    )


def test_the_overview_offers_the_brief_once_a_province_is_chosen(app_env: Path) -> None:
    def buttons(at) -> list[str]:
        return [button.proto.label for button in at.get("download_button")]

    assert th("brief_download") not in buttons(open_page(year=str(YEAR)))
    assert th("brief_download") in buttons(open_page(year=str(YEAR), province=KORAT))
