"""Follow-through, Agency and Data under AppTest, checked against numbers computed here with SQL;
the upload path (password gate, checks, import) and the downloads of the public views."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ita import db, load
from ita.build import build
from ita.errors import ParseError, RejectedError
from ita.ui import escape, exports, imports, plotly_bundle
from ita.ui import format as fmt
from ita.ui.labels import STATUSES, TEXT
from ita.ui.page import TAB_KEY
from tests.apptest import ROOT, open_page, open_tab, sql, table, th, trace_types
from tests.conftest import FIXTURE_PROVINCES

SEED_001 = ROOT / "data" / "documents" / "001_040fced78df51963.txt"
SEED_002 = ROOT / "data" / "documents" / "002_c99676ea6513b4a9.txt"
KORAT = "นครราชสีมา"
UTTARADIT = "อุตรดิตถ์"
CITY = "เทศบาลนครนครราชสีมา"
FOLLOW = "pages/follow-through.py"
AGENCY = "pages/agency.py"
DATA = "pages/data.py"
PASSWORD = "correct horse"
TABS = {
    FOLLOW: ["ft_tab_year", "ft_tab_red_flags", "ft_tab_change", "ft_tab_continuity", "ft_list"],
    AGENCY: ["ag_tab_scores", "ag_tab_instruments", "ag_tab_measures", "ag_tab_documents"],
    DATA: ["dt_tab_loaded", "dt_tab_recent", "dt_tab_warnings", "dt_tab_downloads", "dt_tab_import"],
}


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def real_agency(path: Path, name: str) -> int:
    return sql(path, "SELECT agency_id FROM agencies WHERE name = $n AND NOT is_synthetic", {"n": name})[0][0]


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("page", "tab"), [(page, tab) for page, tabs in TABS.items() for tab in tabs])
def test_every_tab_runs_in_both_languages(app_env: Path, page: str, tab: str, lang: str) -> None:
    city = real_agency(app_env, CITY)
    at = open_page(page, tab=tab, lang=lang, agency=str(city), year="2565")
    title = TEXT[{FOLLOW: "follow_through", AGENCY: "agency", DATA: "data"}[page]]
    assert at.title[0].value == title[lang == "en"]
    assert [t.label for t in at.tabs] == [TEXT[code][lang == "en"] for code in TABS[page]]
    assert at.session_state[TAB_KEY] == TEXT[tab][lang == "en"]
    assert trace_types(at) <= plotly_bundle.TRACE_TYPES


# Follow-through ------------------------------------------------------------------------------------


def test_measures_of_the_real_city_2567(app_env: Path) -> None:
    """Seed 003: เทศบาลนครนครราชสีมา reported ten measures for 2567; it is the province's one city municipality."""
    at = open_page(FOLLOW, tab="ft_list", year="2567", province=KORAT, type="city_municipality")
    shown = metrics(at)
    assert shown[th("ft_count_measures")] == "10"
    assert shown[th("ft_count_agencies")] == "1"
    listed = table(at, th("col_title"))
    assert len(listed) == 10
    assert set(listed[th("agency_name")]) == {CITY}
    first, last = sql(
        app_env,
        "SELECT first_line, last_line FROM v_measures WHERE agency_name = $n AND fiscal_year = 2567 AND measure_no = 1",
        {"n": CITY},
    )[0]
    row = listed[listed[th("col_no")] == 1].iloc[0]
    assert row[th("col_lines")] == f"บรรทัด {first}–{last}"
    assert row[th("col_document")] == "documents/003_764a41593816b3a6.txt"


def test_status_shares_equal_sql(app_env: Path) -> None:
    at = open_page(FOLLOW, year="2566", province=KORAT)
    counts = dict(
        sql(
            app_env,
            "SELECT coalesce(status, 'unknown'), count(*) FROM v_measures "
            "WHERE fiscal_year = 2566 AND province = $p GROUP BY 1",
            {"p": KORAT},
        )
    )
    total = sum(counts.values())
    shown = metrics(at)
    assert shown[th("ft_count_measures")] == fmt.count(total)
    for code, (label, _) in STATUSES.items():
        assert shown[label] == fmt.percent(counts.get(code, 0) / total)


def test_red_flags_equal_an_independent_count(app_env: Path) -> None:
    """Weak in 2566, no measure of 2567 aims at it, among agencies with 2567 measures on file."""
    at = open_page(FOLLOW, tab="ft_tab_red_flags", year="2567", province=UTTARADIT)
    expected = sql(
        app_env,
        """
        WITH measured AS (
            SELECT agency_id, flatten(list(target_indicators)) AS targeted
            FROM v_measures WHERE fiscal_year = 2567 GROUP BY agency_id
        )
        SELECT s.agency_name, s.indicator_no, s.score
        FROM v_indicator_scores s JOIN measured m USING (agency_id)
        WHERE s.fiscal_year = 2566 AND s.province = $p AND s.score < 85
          AND NOT list_contains(m.targeted, s.indicator_no)
        ORDER BY s.score, s.agency_name, s.indicator_no
        """,
        {"p": UTTARADIT},
    )
    flags = table(at, th("previous_score"))
    assert 0 < len(expected) <= 500
    assert list(flags[th("previous_score")]) == [round(score, 2) for _, _, score in expected]
    assert flags[th("agency_name")].iat[0] == expected[0][0]
    assert flags[th("indicator")].iat[0].startswith(f"{expected[0][1]}. ")


def test_continuity_covers_every_measure_of_agencies_reporting_two_years(app_env: Path) -> None:
    at = open_page(FOLLOW, tab="ft_tab_continuity", year="2568", province=KORAT)
    (count_2568,) = sql(
        app_env,
        "SELECT count(*) FROM v_measures m WHERE fiscal_year = 2568 AND province = $p AND EXISTS "
        "(SELECT 1 FROM v_measures p WHERE p.agency_id = m.agency_id AND p.fiscal_year = 2567)",
        {"p": KORAT},
    )[0]
    shown = metrics(at)

    def outcome(code: str) -> int:
        return int(shown[f"{th('outcome_' + code)} (2568)"].replace(",", ""))

    assert outcome("carried_forward") + outcome("new") == count_2568
    assert outcome("completed") > 0 and outcome("dropped") > 0


def test_targeted_change_equals_an_independent_mean(app_env: Path) -> None:
    at = open_page(FOLLOW, tab="ft_tab_change", year="2567", province=KORAT)
    rows = sql(
        app_env,
        """
        WITH measured AS (
            SELECT agency_id, flatten(list(target_indicators)) AS targeted
            FROM v_measures WHERE fiscal_year = 2567 GROUP BY agency_id
        )
        SELECT list_contains(m.targeted, b.indicator_no), avg(n.score - b.score)
        FROM v_indicator_scores b
        JOIN measured m USING (agency_id)
        JOIN v_indicator_scores n
          ON n.agency_id = b.agency_id AND n.fiscal_year = 2567 AND n.indicator_no = b.indicator_no
        WHERE b.fiscal_year = 2566 AND b.province = $p AND b.score < 85
        GROUP BY 1
        """,
        {"p": KORAT},
    )
    shown = metrics(at)
    for is_targeted, mean_change in rows:
        assert shown[th("ft_targeted" if is_targeted else "ft_untargeted")] == fmt.delta(mean_change)
    assert th("ft_change_note") in [c.value for c in at.caption]


def test_indicator_filter_counts_measures_aiming_at_it(app_env: Path) -> None:
    at = open_page(FOLLOW, year="2567", indicator="9")
    (count,) = sql(
        app_env,
        "SELECT count(*) FROM v_measures WHERE fiscal_year = 2567 AND list_contains(target_indicators, 9)",
    )[0]
    assert metrics(at)[th("ft_count_measures")] == fmt.count(count)


def test_measures_list_pages_and_search(app_env: Path) -> None:
    at = open_page(FOLLOW, tab="ft_list", year="2568")
    (total,) = sql(app_env, "SELECT count(*) FROM v_measures WHERE fiscal_year = 2568")[0]
    assert total > 500
    captions = [c.value for c in at.caption]
    assert th("ft_rows").format(first="1", last="500", total=fmt.count(total)) in captions
    at.pagination(key="ft_page").set_value(2).run()
    captions = [c.value for c in at.caption]
    assert th("ft_rows").format(first="501", last="1,000", total=fmt.count(total)) in captions

    at.text_input(key="ft_search").input("No Gift").run()
    (found,) = sql(
        app_env, "SELECT count(*) FROM v_measures WHERE fiscal_year = 2568 AND title ILIKE '%No Gift%'"
    )[0]
    assert 0 < found <= 500
    assert th("ft_rows").format(first="1", last=fmt.count(found), total=fmt.count(found)) in [
        c.value for c in at.caption
    ]
    assert len(table(at, th("col_title"))) == found

    # another tab, and back: the search is still there
    open_tab(at, "ft_tab_red_flags")
    assert not [frame for frame in at.dataframe if th("col_title") in frame.value.columns]
    open_tab(at, "ft_list")
    assert at.text_input(key="ft_search").value == "No Gift"
    assert len(table(at, th("col_title"))) == found


def test_the_page_of_the_list_outlives_a_visit_to_another_tab(app_env: Path) -> None:
    at = open_page(FOLLOW, tab="ft_list", year="2568")
    at.pagination(key="ft_page").set_value(2).run()
    first_of_page_2 = table(at, th("col_title")).iloc[0].tolist()
    open_tab(at, "ft_tab_year")
    assert not at.pagination
    open_tab(at, "ft_list")
    assert at.pagination(key="ft_page").value == 2
    assert table(at, th("col_title")).iloc[0].tolist() == first_of_page_2


def test_the_open_tab_stays_open_when_the_language_changes(app_env: Path) -> None:
    at = open_page(FOLLOW, tab="ft_tab_red_flags", year="2567", province=UTTARADIT)
    assert at.subheader[0].value == th("ft_red_flags").format(previous=2566, year=2567)
    at.session_state["lang"] = "en"
    at.run()
    assert at.session_state[TAB_KEY] == TEXT["ft_tab_red_flags"][1]
    assert at.subheader[0].value == TEXT["ft_red_flags"][1].format(previous=2566, year=2567)


def test_follow_through_says_so_when_nothing_matches(app_env: Path) -> None:
    scope = {"p": UTTARADIT, "t": "city_municipality"}
    assert sql(app_env, "SELECT count(*) FROM agencies WHERE province = $p AND agency_type = $t", scope) == [
        (0,)
    ]
    at = open_page(FOLLOW, year="2568", province=UTTARADIT, type="city_municipality")
    assert [i.value for i in at.info] == [th("ft_no_measures").format(year=2568)]
    assert not at.metric
    assert not [frame for frame in at.dataframe if th("col_title") in frame.value.columns]


# Agency ----------------------------------------------------------------------------------------------


def _agency_picker(at: AppTest):
    return next(s for s in at.selectbox if s.label == th("agency_name"))


def test_typing_part_of_the_name_finds_the_city(app_env: Path) -> None:
    at = open_page(AGENCY)
    assert [i.value for i in at.info] == [th("ag_pick_prompt")]
    at.text_input(key="ag_search").input(KORAT).run()
    city = real_agency(app_env, CITY)
    picker = _agency_picker(at)
    assert picker.options[0].startswith(f"{CITY} — เมืองนครราชสีมา, {KORAT}")
    (matches,) = sql(
        app_env, "SELECT count(*) FROM agencies WHERE name ILIKE '%' || $s || '%'", {"s": KORAT}
    )[0]
    assert len(picker.options) == min(matches, 50)
    picker.set_value(city).run()
    assert not at.exception
    assert at.session_state["agency_id"] == city  # the frame mirrors it into the URL as ?agency=
    assert at.header[0].value == CITY


def test_city_profile_shows_its_scores_measures_and_documents(app_env: Path) -> None:
    city = real_agency(app_env, CITY)
    at = open_page(AGENCY, agency=str(city), year="2567")
    assert at.header[0].value == CITY
    assert any(th("ag_real_badge") in m.value for m in at.markdown)
    trend = table(at, th("ag_computed"))
    assert list(zip(trend[th("year")], trend[th("score")], strict=True)) == [(2564, 92.9)]

    open_tab(at, "ag_tab_measures")

    (count_measures,) = sql(app_env, "SELECT count(*) FROM v_measures WHERE agency_id = $a", {"a": city})[0]
    assert count_measures == 14  # seed 002: 4 measures of 2565, seed 003: 10 of 2567
    assert len(table(at, th("col_result"))) == count_measures
    assert at.segmented_control[0].value == 2567
    timeline = table(at, th("col_start"))
    assert len(timeline) == 10 and set(timeline[th("year")]) == {2567}

    open_tab(at, "ag_tab_documents")
    documents = table(at, th("doc_used_for"))
    assert sorted(documents[th("col_document")]) == [
        "documents/002_c99676ea6513b4a9.txt",
        "documents/003_764a41593816b3a6.txt",
    ]
    used = dict(zip(documents[th("col_document")], documents[th("doc_used_for")], strict=True))
    (first, last) = sql(
        app_env,
        "SELECT min(first_line), max(last_line) FROM v_measures WHERE agency_id = $a AND fiscal_year = 2567",
        {"a": city},
    )[0]
    assert used["documents/003_764a41593816b3a6.txt"] == f"10 มาตรการ (บรรทัด {first}–{last})"
    assert used["documents/002_c99676ea6513b4a9.txt"].startswith("คะแนน (บรรทัด ")


def test_a_year_without_a_result_says_so_and_shows_the_latest(app_env: Path) -> None:
    city = real_agency(app_env, CITY)
    at = open_page(AGENCY, agency=str(city), year="2568")
    assert [i.value for i in at.info] == [th("ag_no_result_year").format(year=2568, latest=2564)]
    assert metrics(at)[f"{th('score')} 2564"] == "92.90"
    assert [s.value for s in at.subheader][1] == th("ag_indicators").format(year=2564)
    # badged by its own data: real, although the page includes synthetic data
    assert any(th("ag_real_badge") in m.value for m in at.markdown)
    assert not any(th("synthetic_badge") in m.value for m in at.markdown)


def test_indicators_against_peer_and_province_medians(app_env: Path) -> None:
    agency, agency_type = sql(
        app_env,
        "SELECT agency_id, agency_type FROM agencies WHERE is_synthetic AND province = $p "
        "AND agency_type = 'subdistrict_municipality' ORDER BY agency_id LIMIT 1",
        {"p": KORAT},
    )[0]
    at = open_page(AGENCY, agency=str(agency), year="2566")
    expected = sql(
        app_env,
        """
        SELECT indicator_no,
               max(score) FILTER (WHERE agency_id = $a),
               median(score) FILTER (WHERE agency_type = $t AND agency_id <> $a),
               median(score)
        FROM v_indicator_scores WHERE fiscal_year = 2566 AND province = $p
        GROUP BY indicator_no ORDER BY indicator_no
        """,
        {"a": agency, "t": agency_type, "p": KORAT},
    )
    shown = table(at, th("ag_province_median"))
    assert len(shown) == 10
    # the table shows two decimals
    assert list(shown[th("score")]) == pytest.approx([e[1] for e in expected], abs=0.0051)
    assert list(shown[th("peer_median")]) == pytest.approx([e[2] for e in expected], abs=0.0051)
    assert list(shown[th("ag_province_median")]) == pytest.approx([e[3] for e in expected], abs=0.0051)
    assert any(th("synthetic_badge") in m.value for m in at.markdown)


def test_synthetic_agency_is_hidden_when_the_switch_is_off(app_env: Path) -> None:
    (agency,) = sql(app_env, "SELECT min(agency_id) FROM agencies WHERE is_synthetic")[0]
    at = open_page(AGENCY, agency=str(agency), synthetic="0")
    assert [i.value for i in at.info] == [th("ag_synthetic_hidden")]
    assert not at.header


# Data ------------------------------------------------------------------------------------------------


def test_inventory_equals_sql(app_env: Path) -> None:
    at = open_page(DATA, synthetic="0")
    (documents, agencies, measures) = sql(
        app_env,
        "SELECT (SELECT count(*) FROM documents WHERE NOT is_synthetic AND superseded_by IS NULL), "
        "(SELECT count(*) FROM agencies WHERE NOT is_synthetic), "
        "(SELECT count(*) FROM v_measures WHERE NOT is_synthetic)",
    )[0]
    assert (documents, agencies, measures) == (4, 3, 31)
    shown = metrics(at)
    assert shown[th("dt_documents")] == "4"
    assert shown[th("dt_agencies")] == "3"
    assert shown[th("ft_count_measures")] == "31"
    assert shown[th("dt_years")] == "2564–2567"  # the one assessment's year to the latest report's


def test_data_page_says_when_charts_use_the_full_plotly_js(
    app_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert th("dt_full_plotly") not in [i.value for i in open_page(DATA).info]
    monkeypatch.setattr(plotly_bundle, "PATH", tmp_path / plotly_bundle.FILE)
    monkeypatch.setattr(plotly_bundle, "FALLBACK_PATH", tmp_path / plotly_bundle.FALLBACK_FILE)
    at = open_page(DATA)
    assert th("dt_full_plotly") in [i.value for i in at.info]
    assert {json.loads(p.json)["bundle"] for p in (e.proto for e in at.get("bidi_component"))} == {
        f"/app/static/{plotly_bundle.FALLBACK_FILE}"
    }


def test_warnings_table_equals_sql(app_env: Path) -> None:
    at = open_page(DATA, tab="dt_tab_warnings")
    ((count,),) = sql(
        app_env,
        "SELECT (SELECT count(*) FROM v_warnings) + (SELECT count(*) FROM v_assessments WHERE is_score_mismatch)",
    )
    shown = table(at, th("dt_message"))
    assert len(shown) == min(count, 1000)
    assert th("dt_warnings_count").format(total=fmt.count(count), shown=fmt.count(len(shown))) in [
        c.value for c in at.caption
    ]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_document_warnings_are_shown_in_the_interface_language(app_env: Path, lang: str) -> None:
    english = "measure 3: dated 2022-12-09..2022-12-09, outside the report period 2021-10-01..2022-03-31"
    thai = "มาตรการที่ 3: กำหนดวันที่ 2022-12-09..2022-12-09 อยู่นอกช่วงเวลาของรายงาน 2021-10-01..2022-03-31"
    assert (english, thai) in sql(app_env, "SELECT message, message_th FROM v_warnings")
    at = open_page(DATA, tab="dt_tab_warnings", lang=lang)
    column = TEXT["dt_message"][lang == "en"]
    shown = set(table(at, column)[column])
    assert (thai in shown, english in shown) == (lang == "th", lang == "en")


def test_uploads_are_disabled_without_a_password(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(imports.PASSWORD_ENV, raising=False)
    at = open_page(DATA, tab="dt_tab_import")
    assert th("dt_upload_disabled") in [i.value for i in at.info]
    assert not at.file_uploader
    assert not [w for w in at.text_input if w.label == th("dt_password")]


@pytest.mark.parametrize("source", ["environment", "secrets"])
def test_uploader_shows_only_after_the_right_password(
    app_env: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    if source == "environment":
        monkeypatch.setenv(imports.PASSWORD_ENV, PASSWORD)
        at = open_page(DATA, tab="dt_tab_import")
    else:
        monkeypatch.delenv(imports.PASSWORD_ENV, raising=False)
        at = open_page(DATA, tab="dt_tab_import", secrets={"admin_password": PASSWORD})
    assert not at.file_uploader
    at.text_input(key="dt_password").input("wrong").run()
    assert [e.value for e in at.error] == [th("dt_wrong_password")]
    assert not at.file_uploader
    at.text_input(key="dt_password").input(PASSWORD).run()
    assert not at.error
    assert len(at.file_uploader) == 1


@pytest.fixture
def writable_db(fixture_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the fixture, so an import here leaves the other tests' database alone."""
    copy = tmp_path / "ita.duckdb"
    shutil.copyfile(fixture_db.resolve(), copy)
    monkeypatch.setattr(db, "DEFAULT_DB", copy)
    monkeypatch.setenv(imports.PASSWORD_ENV, PASSWORD)
    return copy


def _upload(files: list[tuple[str, bytes, str]], lang: str = "th") -> AppTest:
    at = open_page(DATA, tab="dt_tab_import", lang=lang)
    # AppTest reruns the page alone, without the sidebar whose widget holds the language: keep it by hand
    at.session_state["lang"] = lang
    at.text_input(key="dt_password").input(PASSWORD).run()
    at.session_state["lang"] = lang
    at.file_uploader[0].set_value(files)
    at.form_submit_button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_upload_imports_a_corrected_seed(writable_db: Path) -> None:
    name = "นาขุม_แก้ไข.txt"
    (old,) = sql(
        writable_db, "SELECT document_id FROM documents WHERE file_name LIKE '%001_040fced78df51963.txt'"
    )[0]
    at = _upload([(name, SEED_001.read_bytes() + "\nแก้ไขเพิ่มเติม\n".encode(), "text/plain")])
    ((new, kind, superseded),) = sql(
        writable_db,
        "SELECT d.document_id, d.kind, o.superseded_by FROM documents d, documents o "
        "WHERE d.file_name = $n AND o.document_id = $old",
        {"n": name, "old": old},
    )
    assert superseded == new
    assert kind == "progress_6_months"
    expected = (
        f"{name}: นำเข้าเป็นเอกสาร {new} (รายงานรอบ 6 เดือน); องค์การบริหารส่วนตำบลนาขุม ปีงบประมาณ 2565; "
        f"ผลการประเมิน 0 รายการ มาตรการ 10 มาตรการ; แทนเอกสาร {old}"
    )
    assert [s.value for s in at.success] == [escape.markdown(expected)]
    assert not at.error
    assert [w.value for w in at.text] == [
        "คำเตือน: บรรทัด 15: มาตรการที่ 3: กำหนดวันที่ 2022-12-09..2022-12-09 "
        "อยู่นอกช่วงเวลาของรายงาน 2021-10-01..2022-03-31"
    ]
    # the page redrew from the new file: still four current real documents (the first block is the real one)
    assert next(m.value for m in at.metric if m.label == th("dt_documents")) == "4"


def test_an_upload_survives_a_rebuild(writable_db: Path) -> None:
    name = "ตำบลทดสอบ_มาตรการ.txt"
    text = SEED_002.read_text(encoding="utf-8").replace("นครนครราชสีมา", "ตำบลทดสอบ")
    measures = (
        "SELECT fiscal_year, count(*) FROM v_measures WHERE agency_name = 'เทศบาลตำบลทดสอบ' GROUP BY ALL"
    )
    _upload([(name, text.encode("utf-8"), "text/plain")])
    assert sql(writable_db, measures) == [(2565, 4)]
    report = build(writable_db, ROOT / "data", provinces=FIXTURE_PROVINCES)
    assert not report.rejected and report.count_from_store == 1
    assert sql(writable_db, measures) == [(2565, 4)]
    assert sql(writable_db, "SELECT file_name FROM documents WHERE file_name = $n", {"n": name}) == [(name,)]


@pytest.mark.parametrize(
    ("lang", "reasons"),
    [
        (
            "th",
            [
                "scan.txt: ไม่ใช่ไฟล์ข้อความ: ไฟล์ .txt ต้องมีเนื้อหาเป็นข้อความ",
                "empty.csv: ไฟล์ว่างเปล่า",
                "report.docx: ไม่ใช่ไฟล์ Word (.docx): เนื้อหาของไฟล์ไม่ตรงกับนามสกุล .docx",
            ],
        ),
        (
            "en",
            [
                "scan.txt: binary file: a .txt file must be text",
                "empty.csv: empty file",
                "report.docx: not a Word (.docx) file: the content is not a zip package",
            ],
        ),
    ],
)
def test_binary_and_empty_uploads_are_refused_by_name_in_the_interface_language(
    writable_db: Path, lang: str, reasons: list[str]
) -> None:
    before = db.database_version(writable_db)
    at = _upload(
        [
            ("scan.txt", bytes(range(256)) * 4, "text/plain"),
            ("empty.csv", b"", "text/csv"),
            ("report.docx", "ไม่ใช่ไฟล์ Word".encode(), "application/octet-stream"),
        ],
        lang=lang,
    )
    assert [e.value for e in at.error] == [escape.markdown(reason) for reason in reasons]
    assert not at.success
    assert db.database_version(writable_db) == before  # nothing passed the checks, nothing was written


def test_a_file_the_importer_rejects_is_explained_in_thai_with_its_line(writable_db: Path) -> None:
    at = _upload([("คะแนน.csv", "หน่วยงาน,ปี,คะแนน\nอบต.ขนงพระ,2601,90\n".encode(), "text/csv")])
    assert [e.value for e in at.error] == [
        escape.markdown("คะแนน.csv: บรรทัด 2: ปีงบประมาณ 2601 อยู่นอกช่วงปีที่รับได้ (2550–2580)")
    ]
    assert not at.success


def test_checks_before_anything_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RejectedError, match=r"^scan\.tiff: file type '\.tiff' is not accepted"):
        imports.check("scan.tiff", b"II*\x00")
    imports.check("scan.pdf", b"%PDF-1.7")
    with pytest.raises(ParseError, match=r"^page\.png: not a PNG file"):
        imports.check("page.png", b"%PDF-1.7")
    with pytest.raises(ParseError, match=r"^book\.xlsx: not a Excel"):
        imports.check("book.xlsx", b"a,b\n1,2\n")
    imports.check("sheet.csv", "ลำดับ,หน่วยงาน\n1,อบต.นาขุม\n".encode())
    imports.check("utf16.txt", "ข้อความ".encode("utf-16"))  # the parser names the encoding itself
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 10)
    with pytest.raises(RejectedError, match="larger than"):
        imports.check("big.txt", b"x" * 11)


def test_import_summaries_say_what_happened() -> None:
    assert load.ImportResult("a.txt", "unchanged", "measures", 7).summary() == (
        "a.txt: already imported (document 7), nothing changed"
    )
    result = load.ImportResult("b.txt", "imported", "progress", 9, "อบต.นาขุม", 2565, 0, 10, [4, 5])
    assert result.summary() == (
        "b.txt: imported progress as document 9; อบต.นาขุม 2565; 0 assessments, 10 measures; supersedes document 4, 5"
    )
    assert imports.import_summary_th(result) == (
        "b.txt: นำเข้าเป็นเอกสาร 9 (รายงานผล); อบต.นาขุม ปีงบประมาณ 2565; ผลการประเมิน 0 รายการ มาตรการ 10 มาตรการ; "
        "แทนเอกสาร 4, 5"
    )
    unchanged = load.ImportResult("a.txt", "unchanged", "measures", 7)
    assert imports.import_summary_th(unchanged) == "a.txt: นำเข้าไว้แล้ว (เอกสาร 7) ไม่มีสิ่งใดเปลี่ยน"


@pytest.mark.parametrize("view", exports.VIEWS)
def test_downloads_hold_every_row_of_the_view(app_env: Path, view: str) -> None:
    for include_synthetic in (False, True):
        where = "" if include_synthetic else "WHERE NOT is_synthetic"
        (count,) = sql(app_env, f"SELECT count(*) FROM v_{view} {where}")[0]
        frame = exports.view_frame(view, include_synthetic, app_env)
        assert len(frame) == count
        parquet = pd.read_parquet(io.BytesIO(exports.to_bytes(frame, "parquet")))
        assert len(parquet) == count
        assert list(parquet.columns) == list(frame.columns)
        csv = pd.read_csv(io.BytesIO(exports.to_bytes(frame, "csv")), encoding="utf-8-sig")
        assert len(csv) == count
    assert exports.file_name(view, "csv", False) == f"ita_{view}_real.csv"
