"""Bad and hostile input through the importer: a clear error or a correct import, never a partial write."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ita import load

SEEDS = Path(__file__).resolve().parent.parent / "data" / "documents"
SEED_001 = SEEDS / "001_040fced78df51963.txt"
TABLES = ("agencies", "documents", "assessments", "indicator_scores", "measures", "measure_targets")


def _counts(con) -> tuple[int, ...]:
    return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)


def _docx_bytes() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส")
    document.add_paragraph("องค์การบริหารส่วนตำบลนาขุม ประจำปีงบประมาณ พ.ศ. ๒๕๖๕")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rejected(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    seed = SEED_001.read_bytes()
    return {
        "truncated.docx": (_docx_bytes()[:700], "docx"),
        "not_really.docx": (b"just text pretending to be Word", "docx"),
        "shift_jis.txt": ("報告書の本文です。".encode("shift_jis") * 20, "encoding"),
        "utf16_no_bom.txt": (seed.decode("utf-8").encode("utf-16-le"), ""),
        "report.pdf": (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        "half_a_report.txt": (seed[:300], ""),
    }


def test_each_bad_file_is_rejected_cleanly_and_writes_nothing(con, tmp_path):
    for name, (content, expected) in _rejected(tmp_path).items():
        path = tmp_path / name
        path.write_bytes(content)
        before = _counts(con)
        with pytest.raises(load.ItaError) as caught:
            load.import_file(con, path)
        message = str(caught.value)
        assert message.startswith(name), message
        assert expected.lower() in message.lower(), message
        assert _counts(con) == before, name


def test_a_file_over_the_size_limit_is_refused_before_reading(con, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(load.MAX_FILE_BYTES + 1)
    with pytest.raises(load.ItaError, match="larger than 50 MB"):
        load.import_file(con, path)
    assert _counts(con) == (0,) * len(TABLES)


def test_script_tags_and_sql_in_text_are_stored_as_plain_text(con, tmp_path):
    hostile = "<script>alert('x')</script>'); DROP TABLE agencies; --"
    text = SEED_001.read_text(encoding="utf-8").replace(
        "มีแนวทางปฏิบัติเกี่ยวกับการใช้ทรัพย์สินของราชการ", f"มีแนวทางปฏิบัติเกี่ยวกับการใช้ทรัพย์สินของราชการ {hostile}"
    )
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    load.import_file(con, path)
    title = con.execute("SELECT title FROM measures WHERE measure_no = 1").fetchone()[0]
    assert "DROP TABLE agencies" in title  # kept as written, harmless as a bound value
    assert con.execute("SELECT count(*) FROM agencies").fetchone() == (1,)


def test_sql_looking_agency_names_in_a_sheet_import_as_names(con, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text(
        "หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\n"
        '"อบต.x\'); DROP TABLE agencies; --",ขอนแก่น,2566,88.5\n'
        'เทศบาลตำบล" OR 1=1 --,ขอนแก่น,2566,91\n',
        encoding="utf-8",
    )
    load.import_file(con, path)
    names = [r[0] for r in con.execute("SELECT name FROM agencies ORDER BY agency_id").fetchall()]
    assert names == ["องค์การบริหารส่วนตำบลx');DROPTABLEagencies;--", 'เทศบาลตำบล"OR1=1--']


def test_duplicate_rows_in_a_sheet_count_once(con, tmp_path):
    path = tmp_path / "dupes.csv"
    path.write_text(
        "หน่วยงาน,จังหวัด,ปีงบประมาณ,คะแนน\nเทศบาลนครขอนแก่น,ขอนแก่น,2566,91.2\nเทศบาลนครขอนแก่น,ขอนแก่น,2566,91.2\n",
        encoding="utf-8",
    )
    result = load.import_file(con, path)
    assert result.count_assessments == 1
    assert result.warnings == ["line 3: repeats line 2 (เทศบาลนครขอนแก่น 2566): kept once"]


def test_a_zip_bomb_shaped_docx_is_not_a_crash(con, tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" * 2_000_000)
    with pytest.raises(load.ItaError):
        load.import_file(con, path)
