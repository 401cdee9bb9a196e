"""The importer: one transaction per file, idempotent, superseding, and rejecting without writing."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ita import db, load, refresh, snapshot

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "documents"
SEED_002 = SEEDS / "002_c99676ea6513b4a9.txt"
SEED_003 = SEEDS / "003_764a41593816b3a6.txt"
SEED_001 = SEEDS / "001_040fced78df51963.txt"
TABLES = ("agencies", "documents", "assessments", "indicator_scores", "measures", "document_warnings")


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _import(con: duckdb.DuckDBPyConnection, *paths: Path) -> list[load.ImportResult]:
    results = [load.import_file(con, p) for p in paths]
    refresh.refresh_facts(con)
    return results


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ita", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_seed_002_assessment_is_recomputed_with_the_years_weights(con):
    _import(con, SEED_002)
    row = con.execute(
        "SELECT agency_name, province, fiscal_year, score, grade, computed_score, is_score_mismatch "
        "FROM v_assessments"
    ).fetchall()
    assert row == [("เทศบาลนครนครราชสีมา", "นครราชสีมา", 2564, 92.9, "A", 92.898, False)]
    indicators = con.execute("SELECT indicator_no, score FROM v_indicator_scores ORDER BY 1").fetchall()
    assert [s for _, s in indicators] == [
        93.31,
        87.74,
        88.90,
        87.93,
        89.07,
        88.64,
        87.34,
        84.83,
        100.0,
        100.0,
    ]
    assert con.execute(
        "SELECT indicator_name_th FROM v_indicator_scores WHERE indicator_no = 8"
    ).fetchone() == ("การปรับปรุงการทำงาน",)


def test_two_spellings_of_one_agency_are_one_agency(con):
    _import(con, SEED_002, SEED_003)
    assert con.execute("SELECT count(*), min(name) FROM agencies").fetchone() == (1, "เทศบาลนครนครราชสีมา")
    years = con.execute("SELECT fiscal_year, count(*) FROM v_measures GROUP BY 1 ORDER BY 1").fetchall()
    assert years == [(2565, 4), (2567, 10)]


def test_importing_the_same_file_again_changes_nothing(con):
    first = load.import_file(con, SEED_001)
    before = _counts(con)
    again = load.import_file(con, SEED_001)
    assert (first.status, again.status) == ("imported", "unchanged")
    assert again.document_id == first.document_id
    assert _counts(con) == before


def test_a_corrected_document_supersedes_the_older_one_which_stays(con, tmp_path):
    load.import_file(con, SEED_002)
    corrected = tmp_path / "002_corrected.txt"
    corrected.write_text(
        SEED_002.read_text(encoding="utf-8").replace("ได้ ๘๔.๘๓", "ได้ ๘๔.๙๓"), encoding="utf-8"
    )
    (result,) = _import(con, corrected)
    assert result.superseded == [1]
    docs = con.execute("SELECT document_id, superseded_by FROM documents ORDER BY 1").fetchall()
    assert docs == [(1, 2), (2, None)]
    assert con.execute("SELECT score FROM v_indicator_scores WHERE indicator_no = 8").fetchone() == (84.93,)
    assert con.execute("SELECT count(*) FROM v_measures").fetchone() == (4,)


def test_six_month_and_year_end_reports_are_both_kept(con, tmp_path):
    load.import_file(con, SEED_001)
    year_end = tmp_path / "001_year_end.txt"
    year_end.write_text(
        SEED_001.read_text(encoding="utf-8").replace(
            "(รอบ ๖ เดือนแรก ตั้งแต่ตุลาคม ๒๕๖๔ – มีนาคม ๒๕๖๕)", "(รอบ ๑๒ เดือน ตั้งแต่ตุลาคม ๒๕๖๔ – กันยายน ๒๕๖๕)"
        ),
        encoding="utf-8",
    )
    (result,) = _import(con, year_end)
    assert result.superseded == []
    kinds = con.execute(
        "SELECT kind FROM documents WHERE superseded_by IS NULL ORDER BY document_id"
    ).fetchall()
    assert kinds == [("progress_6_months",), ("progress_year_end",)]
    # the later report's measures stand in v_measures; the earlier ones stay in the history
    assert con.execute("SELECT DISTINCT document_kind FROM v_measures").fetchall() == [("progress_year_end",)]


REJECTIONS = {
    "empty.txt": (b"", "empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "scan.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    "score_range.csv": (
        "หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลนครขอนแก่น,ขอนแก่น,2566,104.2\n".encode(),
        "104.2",
    ),
    "score_text.csv": ("หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลนครขอนแก่น,ขอนแก่น,2566,abc\n".encode(), "abc"),
    "year_range.csv": ("หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลนครขอนแก่น,ขอนแก่น,2601,88\n".encode(), "2601"),
    "no_agency.csv": ("หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\n,ขอนแก่น,2566,88\n".encode(), "agency"),
    "unknown_columns.csv": (b"foo,bar,baz\n1,2,3\n", "columns"),
}


@pytest.mark.parametrize("name", sorted(REJECTIONS))
def test_a_rejected_file_writes_nothing_and_names_itself(con, tmp_path, name):
    content, expected = REJECTIONS[name]
    path = tmp_path / name
    path.write_bytes(content)
    before = _counts(con)
    with pytest.raises(load.ItaError) as caught:
        load.import_file(con, path)
    message = str(caught.value)
    assert message.startswith(name)
    assert expected.lower() in message.lower()
    assert _counts(con) == before


def test_cli_import_keeps_going_after_a_rejected_file(tmp_path):
    bad = tmp_path / "broken.csv"
    bad.write_text("หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลนครขอนแก่น,ขอนแก่น,2566,abc\n", encoding="utf-8")
    db_path = tmp_path / "cli.duckdb"
    done = _cli("import", "--db", str(db_path), str(bad), str(SEED_002))
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(str(bad))
    assert "Traceback" not in done.stderr
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_cli_parse_prints_utf8_json_and_fails_cleanly_on_pdf(tmp_path):
    done = _cli("parse", str(SEED_002))
    assert done.returncode == 0
    assert '"name": "เทศบาลนครนครราชสีมา"' in done.stdout
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    failed = _cli("parse", str(pdf))
    assert failed.returncode == 2
    assert failed.stderr.count("\n") == 1 and failed.stderr.startswith(str(pdf))


def test_cli_help_lists_the_commands():
    done = _cli("--help")
    for command in ("parse", "import", "build"):
        assert command in done.stdout


def test_a_failed_write_publishes_nothing(tmp_path):
    path = tmp_path / "snap.duckdb"
    with snapshot.writing(path, fresh=True) as con:
        refresh.init_database(con)
        load.import_file(con, SEED_002)
    with pytest.raises(RuntimeError), snapshot.writing(path) as con:
        load.import_file(con, SEED_003)
        raise RuntimeError("crash mid-import")
    reader = duckdb.connect(str(path), read_only=True)
    assert reader.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    assert not list(tmp_path.glob("*.tmp"))


PUBLIC_VIEWS = {
    "v_assessments": "agency_id agency_name agency_type district province fiscal_year score grade rating "
    "computed_score is_synthetic document",
    "v_indicator_scores": "agency_id agency_name agency_type province fiscal_year indicator_no indicator_name_th "
    "indicator_name_en instrument score is_synthetic",
    "v_measures": "agency_id agency_name agency_type province fiscal_year measure_no title group_label status "
    "start_date end_date responsible result target_indicators is_synthetic document",
}


@pytest.mark.parametrize("view", sorted(PUBLIC_VIEWS))
def test_public_views_keep_their_documented_columns(con, view):
    columns = [r[0] for r in con.execute(f"DESCRIBE {view}").fetchall()]
    missing = set(PUBLIC_VIEWS[view].split()) - set(columns)
    assert not missing
    if view == "v_measures":
        types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {view})").fetchall())
        assert types["target_indicators"] == "INTEGER[]"


def test_a_reader_opens_each_published_version_afresh(tmp_path):
    """DuckDB caches open databases by path: a reader must still see a newly published version."""
    from ita import db

    path = tmp_path / "ita.duckdb"
    with snapshot.writing(path, fresh=True) as con:
        refresh.init_database(con)
        load.import_file(con, SEED_002)
    first_version = db.database_version(path)
    reader = db.connect(path)
    assert reader.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    with snapshot.writing(path) as con:
        load.import_file(con, SEED_003)
    assert db.database_version(path) != first_version
    assert db.connect(path).execute("SELECT count(*) FROM documents").fetchone() == (2,)
    assert reader.execute("SELECT count(*) FROM documents").fetchone() == (1,)  # the old snapshot stays whole


def test_concurrent_writers_queue_instead_of_losing_an_import(tmp_path):
    import threading

    path = tmp_path / "ita.duckdb"
    with snapshot.writing(path, fresh=True) as con:
        refresh.init_database(con)
    entered = threading.Event()

    def slow_writer() -> None:
        with snapshot.writing(path) as con:
            entered.set()
            load.import_file(con, SEED_002)
            time.sleep(0.5)

    first = threading.Thread(target=slow_writer)
    first.start()
    entered.wait(10)
    with snapshot.writing(path) as con:  # waits for the first writer, then copies its published version
        load.import_file(con, SEED_003)
    first.join()
    reader = duckdb.connect(str(path.resolve()), read_only=True)
    assert reader.execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_an_importer_goes_on_after_a_rejected_file_and_skips_bytes_it_has(con, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลนครขอนแก่น,ขอนแก่น,2566,abc\n", encoding="utf-8")
    files = [(SEED_002, "002"), (bad, "bad.csv"), (SEED_001, "001"), (SEED_002, "002 again")]
    outcomes = list(load.Importer(con).import_files(files))
    assert [getattr(o, "status", None) for o in outcomes] == ["imported", None, "imported", "unchanged"]
    assert str(outcomes[1]).startswith("bad.csv:2") and "abc" in str(outcomes[1])
    assert outcomes[3].document_id == outcomes[0].document_id


def test_a_folder_imported_again_is_not_even_parsed(con, monkeypatch):
    list(load.Importer(con).import_files([(SEED_001, "001"), (SEED_003, "003")]))
    monkeypatch.setattr(load, "parse_file", lambda *_: pytest.fail("parsed a file already imported"))
    again = list(load.Importer(con).import_files([(SEED_001, "001"), (SEED_003, "003")]))
    assert [o.status for o in again] == ["unchanged", "unchanged"]


def test_an_upload_imported_again_is_not_even_parsed(con, monkeypatch):
    """A scan uploaded twice is not read by OCR again to find that nothing changed."""
    load.Importer(con).import_file(SEED_001)
    monkeypatch.setattr(load, "parse_file", lambda *_: pytest.fail("parsed a file already imported"))
    assert load.Importer(con).import_file(SEED_001, display_name="again.txt").status == "unchanged"


def test_a_file_that_fails_to_write_leaves_the_importer_consistent(con, tmp_path, monkeypatch):
    importer = load.Importer(con)
    new_agency = tmp_path / "new.txt"
    new_agency.write_text(SEED_002.read_text(encoding="utf-8").replace("นครนครราชสีมา", "ตำบลทดสอบ"), "utf-8")
    write = load._insert_assessments

    def failing(*args):
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(load, "_insert_assessments", failing)
    with pytest.raises(duckdb.IOException):
        importer.import_file(new_agency)
    monkeypatch.setattr(load, "_insert_assessments", write)
    assert _counts(con) == dict.fromkeys(TABLES, 0)
    # the agency, ids and fingerprint the failed file took are gone with it
    assert importer.import_file(new_agency).status == "imported"
    assert importer.import_file(SEED_002).status == "imported"
    assert con.execute("SELECT list(name ORDER BY agency_id), min(agency_id) FROM agencies").fetchone() == (
        ["เทศบาลตำบลทดสอบ", "เทศบาลนครนครราชสีมา"],
        1,
    )


def test_rows_the_parser_could_not_place_are_listed_for_the_data_page(con, tmp_path):
    from ita import db

    path = tmp_path / "plan.txt"
    path.write_text(
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567\nเทศบาลตำบลบ้านแพ้ว\n"
        "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n\tประกาศ\tกองคลัง\n1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\n",
        encoding="utf-8",
    )
    _import(con, path, SEED_002)
    documents = con.execute(
        "SELECT file_name, count_rows_read, count_rows_warned, unexplained_lines FROM v_documents ORDER BY 1"
    ).fetchall()
    assert documents == [("002_c99676ea6513b4a9.txt", 15, 0, []), ("plan.txt", 3, 1, [])]
    unread = db.run_query(con, "documents_with_unread_rows", {"include_synthetic": True})
    assert unread[
        ["file_name", "count_rows_read", "count_rows_warned", "count_rows_unexplained"]
    ].values.tolist() == [["plan.txt", 3, 1, 0]]


def test_a_file_that_fails_to_write_in_a_group_stops_no_other(con, tmp_path, monkeypatch):
    from ita.errors import RejectedError

    new_agency = tmp_path / "new.txt"
    new_agency.write_text(SEED_002.read_text(encoding="utf-8").replace("นครนครราชสีมา", "ตำบลทดสอบ"), "utf-8")
    write = load._write_report

    def failing_for_new(con, state, read, doc):
        if read.name == "new.txt":
            raise RejectedError(read.name, "cannot be written")
        return write(con, state, read, doc)

    monkeypatch.setattr(load, "_write_report", failing_for_new)
    files = [(SEED_001, "001"), (new_agency, "new.txt"), (SEED_003, "003")]
    outcomes = list(load.Importer(con).import_files(files))  # one group, written again file by file
    assert [getattr(o, "status", None) for o in outcomes] == ["imported", None, "imported"]
    assert str(outcomes[1]).startswith("new.txt") and "cannot be written" in str(outcomes[1])
    names = [
        name for (name,) in con.execute("SELECT file_name FROM documents ORDER BY document_id").fetchall()
    ]
    assert names == ["001", "003"]
    assert con.execute("SELECT count(*) FROM agencies WHERE name LIKE '%ทดสอบ%'").fetchone() == (0,)


def test_build_if_missing_builds_once(tmp_path):
    """`make run` builds the database in the terminal on the first start only."""
    db_path = tmp_path / "ita.duckdb"
    assert _cli("build", "--if-missing", "--no-synthetic", "--db", str(db_path)).returncode == 0
    built = db.database_version(db_path)
    again = _cli("build", "--if-missing", "--no-synthetic", "--db", str(db_path))
    assert again.returncode == 0 and again.stdout == ""
    assert db.database_version(db_path) == built


def test_sheets_of_two_provinces_named_alike_both_stand(con, tmp_path):
    """Only a sheet that scores some of the same agencies in the same years corrects one of its name."""
    header = "หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\n"
    khon_kaen, uttaradit, corrected = (tmp_path / folder for folder in ("ขอนแก่น", "อุตรดิตถ์", "แก้ไข"))
    for folder, row in (
        (khon_kaen, "เทศบาลนครขอนแก่น,ขอนแก่น,2566,96.04"),
        (uttaradit, "องค์การบริหารส่วนตำบลนาขุม,อุตรดิตถ์,2566,84.21"),
        (corrected, "เทศบาลนครขอนแก่น,ขอนแก่น,2566,95.5"),
    ):
        folder.mkdir()
        (folder / "ผลคะแนน ITA 2566.csv").write_text(header + row + "\n", encoding="utf-8")
    importer = load.Importer(con)
    first, second = (importer.import_file(f / "ผลคะแนน ITA 2566.csv") for f in (khon_kaen, uttaradit))
    assert second.superseded == []
    third = importer.import_file(corrected / "ผลคะแนน ITA 2566.csv")
    assert third.superseded == [first.document_id]
    standing = con.execute(
        "SELECT a.score FROM assessments a JOIN documents d USING (document_id) "
        "WHERE d.superseded_by IS NULL AND NOT a.is_synthetic ORDER BY a.score"
    ).fetchall()
    assert standing == [(84.21,), (95.5,)]


def _excel_plan(path: Path) -> Path:
    """A plan as agencies keep it in Excel: the title merged across the columns, a measure merged down
    over its two step rows, and its period typed as a date."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "แผนปฏิบัติการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568"
    sheet["A2"] = "องค์การบริหารส่วนตำบลบ้านแพง อำเภอบ้านแพง จังหวัดนครพนม"
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    for row in (
        ["ที่", "มาตรการ", "ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา"],
        [1, "เปิดเผยข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์", "จัดทำสรุปผลรายเดือน", "กองคลัง", date(2024, 10, 1)],
        [None, None, "เผยแพร่บนเว็บไซต์", None, None],
    ):
        sheet.append(row)
    sheet.merge_cells("B4:B5")
    workbook.save(path)
    return path


def test_an_excel_plan_imports_as_measures(con, tmp_path):
    result = load.Importer(con).import_file(_excel_plan(tmp_path / "แผนปฏิบัติการ.xlsx"))
    assert (result.kind, result.agency, result.fiscal_year, result.count_measures) == (
        "measures",
        "องค์การบริหารส่วนตำบลบ้านแพง",
        2568,
        1,
    )
    assert con.execute(
        "SELECT title, steps, responsible, start_date, first_line FROM measures"
    ).fetchall() == [
        (
            "เปิดเผยข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์",
            ["จัดทำสรุปผลรายเดือน", "เผยแพร่บนเว็บไซต์"],
            ["กองคลัง"],
            date(2024, 10, 1),
            4,
        )
    ]


def test_an_excel_report_s_progress_formatted_as_percent_reads_as_shown(con, tmp_path):
    """Excel keeps 100 % as 1 and 40 % as 0.4: read as 1 and 0.4, every measure would be in progress."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        ["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568 รอบ 6 เดือน"]
    )
    sheet.append(["องค์การบริหารส่วนตำบลบ้านแพง อำเภอบ้านแพง จังหวัดนครพนม"])
    sheet.append(["ที่", "มาตรการ", "ผู้รับผิดชอบ", "ร้อยละความก้าวหน้า"])
    sheet.append([1, "เปิดเผยข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์", "กองคลัง", 1])
    sheet.append([2, "ประเมินความเสี่ยงการทุจริต", "สำนักปลัด", 0.4])
    sheet.append([3, "จัดทำคู่มือการใช้ทรัพย์สินของราชการ", "สำนักปลัด", 0])
    for row in (4, 5, 6):
        sheet.cell(row=row, column=4).number_format = "0%"
    workbook.save(tmp_path / "รายงาน.xlsx")
    load.Importer(con).import_file(tmp_path / "รายงาน.xlsx")
    assert con.execute("SELECT measure_no, status FROM measures ORDER BY measure_no").fetchall() == [
        (1, "done"),
        (2, "in_progress"),
        (3, "not_started"),
    ]


def test_a_score_sheet_in_excel_still_imports_as_a_score_sheet(con, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566"])
    workbook.active.append(["ลำดับ", "หน่วยงาน", "จังหวัด", "คะแนน"])
    workbook.active.append([1, "เทศบาลนครขอนแก่น", "ขอนแก่น", 96.04])
    workbook.save(tmp_path / "ผลคะแนน.xlsx")
    result = load.Importer(con).import_file(tmp_path / "ผลคะแนน.xlsx")
    assert (result.kind, result.count_assessments, result.count_measures) == ("score_sheet", 1, 0)
    assert con.execute("SELECT fiscal_year, score FROM assessments").fetchall() == [(2566, 96.04)]


def test_a_spreadsheet_with_neither_header_is_rejected_naming_itself(con, tmp_path):
    path = tmp_path / "รายชื่อ.csv"
    path.write_text("รายชื่อผู้เข้าอบรม,,\nชื่อ-สกุล,ตำแหน่ง,สังกัด\nนายก ข,ปลัด,สำนักปลัด\n", encoding="utf-8")
    before = _counts(con)
    with pytest.raises(load.ItaError) as caught:
        load.Importer(con).import_file(path)
    assert str(caught.value).startswith("รายชื่อ.csv:2: no recognisable columns")
    assert _counts(con) == before
