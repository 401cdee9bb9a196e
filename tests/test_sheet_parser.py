"""The score-sheet parser: CSV and Excel layouts copied from NACC ITAS reports, and every rejection."""

from __future__ import annotations

import contextlib
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita.errors import ParseError, RejectedError
from ita.parse.sheet import HEADER_WORDS, parse_sheet, parse_sheet_rows
from tests.seed_values import NKR_2564

FIXTURES = Path(__file__).parent / "fixtures" / "sheets"
FINE = [["1", "อบต.ขนงพระ", "", "", "90", ""], ["2", "อบต.จันทึก", "", "", "91", ""]]
RANKING_HEADER = ["ลำดับ", "หน่วยงาน", "อำเภอ", "จังหวัด", "คะแนนเฉลี่ย", "ระดับ"]


def write(tmp_path: Path, text: str, name: str = "sheet.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def ranking(*rows: list, title: str = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖") -> list[list]:
    """A per-province ranking: title on line 1, header on line 2, data from line 3."""
    return [[title], RANKING_HEADER, *rows]


def save_with_cached_results(wb: openpyxl.Workbook, path: Path, results: dict[str, str]) -> None:
    """Save as Excel would: openpyxl writes formulas without results, so add them to the sheet XML."""
    wb.save(path)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for coordinate, value in results.items():
        xml = re.sub(rf'(<c r="{coordinate}"[^>]*><f>[^<]*</f>)<v></v>', rf"\g<1><v>{value}</v>", xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as patched:
        for name, data in parts.items():
            patched.writestr(name, data)


# --- the example sheets ------------------------------------------------------------------------


def test_example_ranking_csv():
    sheet = parse_sheet(FIXTURES / "example_ranking_2566_nakhonratchasima.csv")
    assert sheet.file_name == "example_ranking_2566_nakhonratchasima.csv"
    assert sheet.warnings == []
    assert [r.line for r in sheet.rows] == [4, 5, 6, 7, 8, 9, 10, 11]
    assert {r.fiscal_year for r in sheet.rows} == {2566}
    first, last = sheet.rows[0], sheet.rows[-1]
    assert first.agency.name == "องค์การบริหารส่วนจังหวัดนครราชสีมา"
    assert first.agency.type == "pao"
    assert (first.score, first.grade, first.rating) == (97.12, None, "ผ่านดีเยี่ยม")
    assert last.agency.name == "องค์การบริหารส่วนตำบลจันทึก"
    assert (last.agency.type, last.agency.district, last.agency.province) == ("sao", "ปากช่อง", "นครราชสีมา")
    assert last.agency.province_inferred is False
    assert (last.score, last.rating) == (79.56, "ไม่ผ่าน")
    assert [r.agency.type for r in sheet.rows[1:4]] == [
        "city_municipality",
        "town_municipality",
        "subdistrict_municipality",
    ]


def test_example_indicator_xlsx():
    sheet = parse_sheet(FIXTURES / "example_indicators_2564.xlsx")
    nkr = sheet.rows[0]
    assert nkr.line == 3
    assert nkr.agency.name == "เทศบาลนครนครราชสีมา"
    assert nkr.agency.type == "city_municipality"
    assert (nkr.agency.province, nkr.agency.province_inferred) == ("นครราชสีมา", True)
    assert nkr.fiscal_year == 2564
    assert nkr.indicators == NKR_2564
    assert nkr.indicators["8"] == 84.83
    assert (nkr.score, nkr.grade, nkr.rating) == (92.90, "A", None)
    assert [(r.agency.name, r.score, r.grade) for r in sheet.rows[1:]] == [
        ("เทศบาลเมืองปากช่อง", 87.35, "A"),
        ("องค์การบริหารส่วนตำบลขนงพระ", 78.63, "B"),
        ("องค์การบริหารส่วนตำบลจันทึก", 69.61, "C"),
    ]
    assert sheet.rows[3].agency.district == "ปากช่อง"


# --- CSV reading -------------------------------------------------------------------------------


def test_english_headers_with_ce_year_and_instruments(tmp_path):
    text = (
        "agency,type,district,province,fiscal_year,score,grade,i1,i2,i3,i4,i5,i6,i7,i8,i9,i10,iit,eit,oit\n"
        "ขนงพระ,sao,ปากช่อง,30,2021,78.63,B,"
        "88.1,82.33,85.6,84.2,80.15,86.4,83.25,81.9,72.75,68.5,84.08,83.85,70.63\n"
    )
    [row] = parse_sheet(write(tmp_path, text)).rows
    assert row.agency.name == "องค์การบริหารส่วนตำบลขนงพระ"
    assert (row.agency.type, row.agency.district, row.agency.province) == ("sao", "ปากช่อง", "นครราชสีมา")
    assert row.fiscal_year == 2564
    assert (row.score, row.grade) == (78.63, "B")
    assert row.indicators["10"] == 68.5
    assert row.instruments == {"IIT": 84.08, "EIT": 83.85, "OIT": 70.63}


def test_english_long_names_and_old_mac_line_ends(tmp_path):
    text = "Agency Name,Year,Overall,Rating,Indicator_1,indicator 9\rจังหวัดตราด,2564,81.45,ผ่าน,90,95.5\r"
    [row] = parse_sheet(write(tmp_path, text)).rows
    assert (row.agency.name, row.agency.type, row.agency.province) == (
        "จังหวัดตราด",
        "provincial_office",
        "ตราด",
    )
    assert (row.fiscal_year, row.score, row.rating) == (2564, 81.45, "ผ่าน")
    assert row.indicators == {"1": 90.0, "9": 95.5}


def test_cp874_semicolons_thai_digits_and_decimal_comma(tmp_path):
    text = "หน่วยงาน;ปีงบประมาณ;คะแนน\r\nเทศบาลเมืองปากช่อง;๒๕๖๖;๙๒,๕๐\r\n"
    sheet = parse_sheet(write(tmp_path, text, encoding="cp874"))
    [row] = sheet.rows
    assert (row.agency.name, row.fiscal_year, row.score) == ("เทศบาลเมืองปากช่อง", 2566, 92.5)
    # ปากช่อง is a district of Nakhon Ratchasima and a subdistrict in two more provinces: not guessed
    assert (row.agency.district, row.agency.province, row.agency.province_inferred) == (None, None, False)
    assert [w.message for w in sheet.warnings] == [
        "no province stated for เทศบาลเมืองปากช่อง, and places named ปากช่อง lie in 3 provinces "
        "(นครราชสีมา, เพชรบูรณ์, ราชบุรี): the province is left empty rather than guessed"
    ]


def test_tsv_with_bom_and_quoted_multiline_headers(tmp_path):
    text = (
        '\ufeffปีงบประมาณ 2564\n"หน่วย งาน"\t"ตัวชี้วัดที่ ๑\nการปฏิบัติหน้าที่"\t"คะแนน\nITA"\n'
        "เทศบาลนครราชสีมา\t๙๓.๓๑\t92.9\n"
    )
    [row] = parse_sheet(write(tmp_path, text, name="sheet.tsv")).rows
    assert row.agency.name == "เทศบาลนครนครราชสีมา"
    assert (row.indicators, row.score) == ({"1": 93.31}, 92.9)


def test_utf16_unicode_text_from_excel(tmp_path):
    text = "\ufeffหน่วยงาน\tปี\tคะแนน\nอบต.ขนงพระ\t2565\t88.1\n"
    [row] = parse_sheet(write(tmp_path, text, encoding="utf-16-le")).rows
    assert (row.agency.name, row.fiscal_year, row.score) == ("องค์การบริหารส่วนตำบลขนงพระ", 2565, 88.1)


def test_indicator_columns_named_without_numbers():
    header = ["หน่วยงาน", "คุณภาพ การดำเนินงาน", "การปรับปรุงระบบการทำงาน", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)"]
    header += ["การเปิดเผยข้อมูล", "IIT (30%)", "Service Quality"]
    sheet = parse_sheet_rows(
        [["ปีงบประมาณ 2565"], header, ["ทต.จอหอ", "88.5", "80", "91", "92", "87", "88.5"]], "x"
    )
    [row] = sheet.rows
    assert row.indicators == {"6": 88.5, "8": 80.0, "9": 92.0}
    assert row.instruments == {"OIT": 91.0, "IIT": 87.0}
    assert sheet.warnings[0].message == "column 7 'Service Quality' repeats the indicator_6 column: ignored"


def test_indicator_named_with_of_the_state():
    """Indicator 4 is written "…ของทางราชการ" as often as the framework's "…ของราชการ"."""
    rows = [["ปี 2564"], ["หน่วยงาน", "การใช้ทรัพย์สินของทางราชการ", "การใช้ทรัพย์สินของราชการ"]]
    sheet = parse_sheet_rows([*rows, ["อบต.ขนงพระ", "84.2", "84.2"]], "x")
    assert sheet.rows[0].indicators == {"4": 84.2}
    assert [w.message for w in sheet.warnings] == [
        "column 3 'การใช้ทรัพย์สินของราชการ' repeats the indicator_4 column: ignored"
    ]


# --- columns and values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "grade", "rating"),
    [
        ("AA", "AA", None),
        ("a", "A", None),
        ("ผ่าน", None, "ผ่าน"),
        ("ผ่าน ดี", None, "ผ่านดี"),
        ("ผ่านดีเยี่ยม", None, "ผ่านดีเยี่ยม"),
        ("ไม่ผ่าน", None, "ไม่ผ่าน"),
        ("ผ่าน (AA)", "AA", "ผ่าน"),
        ("สูงมาก", None, "สูงมาก"),
    ],
)
def test_grade_column_values_go_where_they_belong(written, grade, rating):
    [row] = parse_sheet_rows(ranking(["1", "อบต.ขนงพระ", "", "", "96", written]), "x").rows
    assert (row.grade, row.rating) == (grade, rating)


def test_separate_grade_and_rating_columns():
    rows = [["agency", "year", "score", "grade", "rating"], ["ทน.นครราชสีมา", "2567", "96.04", "AA", "ผ่าน"]]
    [row] = parse_sheet_rows(rows, "x").rows
    assert (row.agency.name, row.grade, row.rating) == ("เทศบาลนครนครราชสีมา", "AA", "ผ่าน")


@pytest.mark.parametrize(
    ("written", "name", "agency_type"),
    [
        ("เทศบาลนครนครราชสีมา", "เทศบาลนครนครราชสีมา", "city_municipality"),
        ("เทศบาลนครราชสีมา", "เทศบาลนครนครราชสีมา", "city_municipality"),
        ("เทศบาลเมืองบัวใหญ่", "เทศบาลเมืองบัวใหญ่", "town_municipality"),
        ("เทศบาลตำบลจอหอ", "เทศบาลตำบลจอหอ", "subdistrict_municipality"),
        ("อบต.ขนงพระ", "องค์การบริหารส่วนตำบลขนงพระ", "sao"),
        ("องค์การบริหารส่วนจังหวัดนครราชสีมา", "องค์การบริหารส่วนจังหวัดนครราชสีมา", "pao"),
        ("จังหวัดนครราชสีมา", "จังหวัดนครราชสีมา", "provincial_office"),
        ("สำนักงานตำรวจแห่งชาติ", "สำนักงานตำรวจแห่งชาติ", "other"),
    ],
)
def test_type_inferred_from_name(written, name, agency_type):
    [row] = parse_sheet_rows(ranking(["1", written, "", "", "90", ""]), "x").rows
    assert (row.agency.name, row.agency.type) == (name, agency_type)


def test_type_column_adds_the_prefix_and_wins():
    rows = [
        ["ปีงบประมาณ", "ประเภท", "ชื่อหน่วยงาน", "คะแนน"],
        ["2566", "อบต.", "ขนงพระ", "90"],
        ["2566", "town_municipality", "เทศบาลตำบลจอหอ", "91"],
        ["2566", "เทศบาล", "เทศบาลตำบลโนนสูง", "92"],
    ]
    sheet = parse_sheet_rows(rows, "x")
    assert [(r.agency.name, r.agency.type) for r in sheet.rows] == [
        ("องค์การบริหารส่วนตำบลขนงพระ", "sao"),
        ("เทศบาลตำบลจอหอ", "town_municipality"),
        ("เทศบาลตำบลโนนสูง", "subdistrict_municipality"),
    ]
    assert [(w.line, w.message) for w in sheet.warnings] == [
        (3, "type column says town_municipality but the name 'เทศบาลตำบลจอหอ' says subdistrict_municipality"),
        (4, "type 'เทศบาล' not recognised: type taken from the name"),
        (
            4,
            "no province stated for เทศบาลตำบลโนนสูง, and places named โนนสูง lie in 4 provinces "
            "(นครราชสีมา, ศรีสะเกษ, อุดรธานี, กาฬสินธุ์): the province is left empty rather than guessed",
        ),
    ]


def test_district_and_province_prefixes_and_codes():
    rows = ranking(
        ["1", "เทศบาลเมืองปากช่อง", "อำเภอปากช่อง", "จังหวัดนครราชสีมา", "90", ""],
        ["2", "อบต.หนองระเวียง อ.เมืองนครราชสีมา จ.นครราชสีมา", "", "", "91", ""],
        ["3", "อบต.ตลาด", "อ.เมืองมหาสารคาม", "44", "92", ""],
    )
    places = [(r.agency.name, r.agency.district, r.agency.province) for r in parse_sheet_rows(rows, "x").rows]
    assert places == [
        ("เทศบาลเมืองปากช่อง", "ปากช่อง", "นครราชสีมา"),
        ("องค์การบริหารส่วนตำบลหนองระเวียง", "เมืองนครราชสีมา", "นครราชสีมา"),
        ("องค์การบริหารส่วนตำบลตลาด", "เมืองมหาสารคาม", "มหาสารคาม"),
    ]


def test_province_named_in_the_title_places_rows_without_one():
    rows = ranking(
        ["1", "อบต.นาทราย", "เมืองนครพนม", "", "90", ""],
        ["2", "อบต.ขนงพระ", "ปากช่อง", "นครราชสีมา", "91", ""],
        ["3", "สำนักงานตำรวจแห่งชาติ", "", "", "92", ""],
        title="ผลการประเมิน ITA ปีงบประมาณ 2566 จังหวัดนครพนม",
    )
    sheet = parse_sheet_rows(rows, "x")
    places = [(r.agency.district, r.agency.province, r.agency.province_inferred) for r in sheet.rows]
    # นาทราย lies in four provinces: the title settles it; a province column wins; a national agency has none
    assert places == [("เมืองนครพนม", "นครพนม", False), ("ปากช่อง", "นครราชสีมา", False), (None, None, False)]
    assert sheet.warnings == []


def test_a_place_that_lies_only_in_another_province_than_the_titles_is_a_warning():
    rows = ranking(["1", "อบต.ขนงพระ", "", "", "90", ""], title="ผลการประเมิน ITA ปีงบประมาณ 2566 จังหวัดนครพนม")
    sheet = parse_sheet_rows(rows, "x")
    # the title still places the row (a warning, not a guess either way); its district is not taken from elsewhere
    assert [(r.agency.district, r.agency.province) for r in sheet.rows] == [(None, "นครพนม")]
    [warning] = sheet.warnings
    assert (warning.line, warning.message) == (
        3,
        "องค์การบริหารส่วนตำบลขนงพระ is placed in นครพนม by the title, but the only place named ขนงพระ "
        "lies in นครราชสีมา: check the row",
    )
    assert warning.message_th == (
        "องค์การบริหารส่วนตำบลขนงพระ อยู่ในจังหวัดนครพนมตามชื่อตาราง แต่สถานที่ชื่อขนงพระมีแห่งเดียว"
        "อยู่ในจังหวัดนครราชสีมา: โปรดตรวจสอบแถวนี้"
    )


def test_a_title_naming_two_provinces_places_no_row():
    title = "ผลการประเมิน ITA ปี 2566 จ.นครพนม และ จ.สกลนคร"
    [row] = parse_sheet_rows(ranking(["1", "อบต.นาทราย", "", "", "90", ""], title=title), "x").rows
    assert (row.agency.province, row.agency.province_inferred) == (None, False)


def test_unknown_province_is_a_warning_and_the_place_is_inferred():
    sheet = parse_sheet_rows(ranking(["1", "อบต.ขนงพระ", "", "Korat", "90", ""]), "x")
    assert (sheet.rows[0].agency.province, sheet.rows[0].agency.province_inferred) == ("นครราชสีมา", True)
    assert sheet.warnings[0].message == "province 'Korat' is not a Thai province: ignored"
    assert sheet.warnings[0].message_th == "'Korat' ไม่ใช่ชื่อจังหวัดของไทย: ไม่นำมาใช้"


def test_an_ambiguous_place_name_leaves_the_province_empty():
    [row] = parse_sheet_rows(ranking(["1", "อบต.บ้านใหม่", "", "", "90", ""]), "x").rows
    assert (row.agency.province, row.agency.province_inferred) == (None, False)


def test_year_column_overrides_title_and_blank_cells_fall_back_to_it():
    rows = [["ITA 2566"], ["หน่วยงาน", "ปี", "คะแนน"], ["อบต.ขนงพระ", "2565", "90"], ["อบต.จันทึก", "", "91"]]
    rows += [["อบต.ตลาด", "พ.ศ. ๒๕๖๔", "92"], ["อบต.พะเนา", "๖๓", "93"], ["อบต.สุรนารี", 2562.0, "94"]]
    assert [r.fiscal_year for r in parse_sheet_rows(rows, "x").rows] == [2565, 2566, 2564, 2563, 2562]


def test_title_year_in_two_digits_and_in_header_cells():
    short = [["ผลคะแนน ITA ปีงบประมาณ ๖๗"], ["หน่วยงาน", "คะแนน"], ["อบต.ขนงพระ", "90"]]
    in_header = [["หน่วยงาน", "คะแนน ITA ปี 2568"], ["อบต.ขนงพระ", "90"]]
    assert parse_sheet_rows(short, "x").rows[0].fiscal_year == 2567
    assert parse_sheet_rows(in_header, "x").rows[0].score == 90.0
    assert parse_sheet_rows(in_header, "x").rows[0].fiscal_year == 2568


def test_blank_rows_notes_totals_and_repeated_headers_are_skipped():
    rows = ranking(
        [],
        ["", "", "", "", "", ""],
        ["1", "อบต.ขนงพระ", "", "", "90", ""],
        RANKING_HEADER,
        ["2", "อบต.จันทึก", "", "", "-", "ผ่าน"],
        ["", "ค่าเฉลี่ย", "", "", "90.5", ""],
        ["", "อำเภอปากช่อง", "", "", "", ""],
        ["ที่มา: ระบบ ITAS"],
    )
    sheet = parse_sheet_rows(rows, "x", first_line=10)
    assert [(r.line, r.score, r.rating) for r in sheet.rows] == [(14, 90.0, None), (16, None, "ผ่าน")]
    assert [(w.line, w.message) for w in sheet.warnings] == [
        (17, "summary row 'ค่าเฉลี่ย' skipped"),
        (18, "'อำเภอปากช่อง' has no score, grade or indicators: skipped"),
        (19, "row without agency skipped: ที่มา: ระบบ ITAS"),
    ]


def test_unrecognised_columns_are_reported():
    assert parse_sheet_rows(ranking(["1", "อบต.ขนงพระ", "", "", "90", ""]), "x").warnings == []
    rows = [["หน่วยงาน", "หมายเหตุ", "คะแนน", "ปี", "ลิงก์"], ["อบต.ขนงพระ", "", "90", "2566", ""]]
    assert [w.message for w in parse_sheet_rows(rows, "x").warnings] == [
        "columns not recognised, ignored: 'หมายเหตุ', 'ลิงก์'"
    ]


def test_rank_columns_are_ranks_whatever_they_rank():
    rows = [["ITA 2564"], ["ที่", "หน่วยงาน", "IIT", "ลำดับ IIT", "ITA", "อันดับ (ITA)", "Rank"]]
    rows += [["1", "อบต.ขนงพระ", "90", "3", "88", "3", "3="], ["2", "อบต.จันทึก", "90", "3", "88", "3", "3="]]
    sheet = parse_sheet_rows(rows, "x")
    assert [(r.instruments, r.score) for r in sheet.rows] == [({"IIT": 90.0}, 88.0)] * 2
    assert sheet.warnings == []


def test_respondent_counts_are_no_scores():
    rows = [["ITA 2567"], ["หน่วยงาน", "ผู้ตอบ IIT (คน)", "จำนวนผู้ตอบ EIT", "OIT (ราย)", "IIT", "คะแนน"]]
    rows.append(["อบต.ขนงพระ", "312", "1,254", "43", "95.2", "91"])
    sheet = parse_sheet_rows(rows, "x")
    assert [(r.instruments, r.score) for r in sheet.rows] == [({"IIT": 95.2}, 91.0)]
    assert [w.message for w in sheet.warnings] == [
        "columns not recognised, ignored: 'ผู้ตอบ IIT (คน)', 'จำนวนผู้ตอบ EIT', 'OIT (ราย)'"
    ]


@pytest.mark.parametrize("written", ["95.2%", "95.20 %", "๙๕.๒๐%", 95.2])
def test_a_score_may_carry_a_percent_sign(written):
    rows = [["ITA 2567"], ["หน่วยงาน", "คะแนน ITA (%)"], ["อบต.ขนงพระ", written]]
    assert parse_sheet_rows(rows, "x").rows[0].score == 95.2


def test_indicators_numbered_under_their_instruments_in_a_second_header_row():
    groups = ["หน่วยงาน", "IIT", "", "", "", "", "EIT", "", "", "OIT", "", "คะแนนรวม"]
    rows = [
        ["ITA 2564"],
        groups,
        ["", *map(str, range(1, 11)), ""],
        ["อบต.ขนงพระ", *INDICATORS_2564, "75.12"],
    ]
    sheet = parse_sheet_rows(rows, "x")
    assert [(r.line, r.indicators, r.instruments) for r in sheet.rows] == [
        (4, {str(n): float(v) for n, v in enumerate(INDICATORS_2564, start=1)}, {})
    ]
    assert sheet.warnings == []


def test_numbers_under_an_instrument_that_has_no_such_indicators_are_no_header():
    """EIT's parts numbered 1 and 2 are not indicators 1 and 2 (EIT has 6–8): the row is data without an agency."""
    rows = [
        ["ITA 2566"],
        ["หน่วยงาน", "EIT", "", "คะแนน"],
        ["", "1", "2", ""],
        ["อบต.ขนงพระ", "90", "91", "92"],
    ]
    with pytest.raises(RejectedError) as error:
        parse_sheet_rows(rows, "x")
    assert (error.value.line, error.value.reason) == (3, "no agency name")


def test_a_title_over_several_years_leaves_the_year_to_its_column():
    rows = [
        ["ผลการประเมิน ITA ปีงบประมาณ 2565 – 2567"],
        ["หน่วยงาน", "ปี", "คะแนน"],
        ["อบต.ขนงพระ", "2566", "90"],
    ]
    assert parse_sheet_rows(rows, "x").rows[0].fiscal_year == 2566


@pytest.mark.parametrize(
    ("year", "score", "written", "message"),
    [
        ("2566", "84.62", "ผ่าน", "rated ผ่าน with 84.62, below the pass mark 85"),
        ("2566", "85", "ไม่ผ่าน", "rated ไม่ผ่าน with 85, at or above the pass mark 85"),
        ("2566", "85", "ผ่าน", None),
        (
            "2566",
            "86",
            "ผ่านดีเยี่ยม",
            None,
        ),  # its instrument condition is unverified: held to the pass mark only
        ("2567", "91.2", "ผ่าน (AA)", "graded AA with 91.2, which is A"),
        ("2564", "84.99", "A", "graded A with 84.99, which is B"),
        ("2564", "85", "A", None),
        ("2564", "84", "ผ่าน", None),  # no pass labels in 2564
        ("2561", "84", "สูงมาก", None),  # the five-index years' levels
    ],
)
def test_a_label_or_letter_the_score_contradicts_is_warned(year, score, written, message):
    rows = [["agency", "year", "score", "grade"], ["อบต.ขนงพระ", year, score, written]]
    sheet = parse_sheet_rows(rows, "x")
    expected = [f"องค์การบริหารส่วนตำบลขนงพระ ITA {year}: {message}"] if message else []
    assert [w.message for w in sheet.warnings] == expected
    assert [w.line for w in sheet.warnings] == [2] * len(expected)


def test_a_summary_label_in_another_column_skips_its_row():
    rows = ranking(["1", "อบต.ขนงพระ", "", "", "90", ""], ["ค่าเฉลี่ย", "", "", "", "90", ""])
    rows.append(["รวม 2 หน่วยงาน", "", "", "", "", ""])
    sheet = parse_sheet_rows(rows, "x")
    assert [r.line for r in sheet.rows] == [3]
    assert [(w.line, w.message) for w in sheet.warnings] == [
        (4, "summary row 'ค่าเฉลี่ย' skipped"),
        (5, "summary row 'รวม 2 หน่วยงาน' skipped"),
    ]


INDICATORS_2564 = ["82.45", "78.30", "80.60", "79.15", "74.80", "76.25", "72.40", "70.85", "81.50", "65.75"]


@pytest.mark.parametrize(
    ("columns", "parts", "score", "message"),
    [
        ([f"i{n}" for n in range(1, 11)], INDICATORS_2564, "75.12", None),
        ([f"i{n}" for n in range(1, 11)], INDICATORS_2564, "75.07", None),
        (
            [f"i{n}" for n in range(1, 11)],
            INDICATORS_2564,
            "77.12",
            "องค์การบริหารส่วนตำบลขนงพระ ITA 2564: quoted score 77.12 differs from 75.12 (indicators)",
        ),
        (["iit", "eit", "oit"], ["88", "86.5", "79"], "83.95", None),
        (
            ["iit", "eit", "oit"],
            ["88", "86.5", "79"],
            "79.95",
            "องค์การบริหารส่วนตำบลขนงพระ ITA 2564: quoted score 79.95 differs from 83.95 (instruments)",
        ),
        (["i1", "iit", "eit"], ["50", "88", "86.5"], "10", None),  # too few parts to tell
    ],
)
def test_an_overall_its_parts_contradict_is_warned(columns, parts, score, message):
    rows = [["agency", "year", *columns, "score"], ["อบต.ขนงพระ", "2564", *parts, score]]
    sheet = parse_sheet_rows(rows, "x")
    assert [(w.line, w.message) for w in sheet.warnings] == ([(2, message)] if message else [])
    assert sheet.rows[0].score == float(score)


# --- duplicates ----------------------------------------------------------------------------------


def test_identical_duplicate_is_kept_once_with_a_warning():
    rows = ranking(
        ["1", "เทศบาลนครราชสีมา", "", "", "92.9", "A"], ["2", "เทศบาลนครนครราชสีมา", "", "", "92.90", "A"]
    )
    sheet = parse_sheet_rows(rows, "x")
    assert [r.line for r in sheet.rows] == [3]
    assert [(w.line, w.message) for w in sheet.warnings] == [
        (4, "repeats line 3 (เทศบาลนครนครราชสีมา 2566): kept once")
    ]


def test_conflicting_duplicate_rejects_the_file():
    rows = ranking(["1", "อบต.ขนงพระ", "", "", "92.9", ""], ["2", "อบต.จันทึก", "", "", "90", ""])
    rows.append(["3", "องค์การบริหารส่วนตำบลขนงพระ", "", "", "91.9", ""])
    with pytest.raises(RejectedError) as error:
        parse_sheet_rows(rows, "x.csv")
    assert error.value.line == 5
    assert error.value.reason == "lines 3 and 5 give different results for องค์การบริหารส่วนตำบลขนงพระ 2566"


def test_same_agency_in_two_years_is_not_a_duplicate():
    rows = [["หน่วยงาน", "ปี", "คะแนน"], ["อบต.ขนงพระ", "2565", "90"], ["อบต.ขนงพระ", "2566", "91"]]
    assert len(parse_sheet_rows(rows, "x").rows) == 2


# --- rejections ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "line", "reason"),
    [
        (
            ranking(*FINE, [], ["3", "อบต.ตลาด", "", "", "92", ""], ["4", "อบต.พะเนา", "", "", "abc", ""]),
            7,
            "score 'abc' is not a number",
        ),
        (
            ranking(*FINE, [], [], [], [], ["9", "อบต.ตลาด", "", "", "104.2", ""]),
            9,
            "score 104.2 is outside 0–100",
        ),
        (ranking(["1", "อบต.ขนงพระ", "", "", "-0.5", ""]), 3, "score -0.5 is outside 0–100"),
        (ranking(["1", "อบต.ขนงพระ", "", "", "nan", ""]), 3, "score 'nan' is not a number"),
        (ranking(["1", "อบต.ขนงพระ", "", "", "90", ""], ["2", "", "", "", "90", "A"]), 4, "no agency name"),
        (
            ranking(["1", "อบต.ขนงพระ", "", "", "90", "X"]),
            3,
            "grade 'X' is neither a grade (AA–F) nor a pass label (ผ่าน, ไม่ผ่าน…)",
        ),
        (
            ranking(["1", "อบต.ขนงพระ", "", "", "90", ""], title="ผลการประเมิน ปีงบประมาณ 2601"),
            1,
            "fiscal year 2601 is outside 2550–2580",
        ),
        (
            [["ITA 2565 เทียบกับ ITA 2566"], ["หน่วยงาน", "คะแนน"], ["อบต.ขนงพระ", "90"]],
            1,
            "the title names several fiscal years (2565, 2566): add a ปีงบประมาณ column",
        ),
        (
            [["ITA ปีงบประมาณ 2565-2567"], ["หน่วยงาน", "คะแนน"], ["อบต.ขนงพระ", "90"]],
            1,
            "the title names several fiscal years (2565, 2567): add a ปีงบประมาณ column",
        ),
        (
            [["หน่วยงาน", "ปี", "คะแนน"], ["อบต.ขนงพระ", "2601", "90"]],
            2,
            "fiscal year 2601 is outside 2550–2580",
        ),
        (
            [["หน่วยงาน", "ปี", "คะแนน"], ["อบต.ขนงพระ", "2040", "90"]],
            2,
            "fiscal year 2040 is outside 2550–2580",
        ),
        ([["หน่วยงาน", "ปี", "คะแนน"], ["อบต.ขนงพระ", "ปีนี้", "90"]], 2, "fiscal year 'ปีนี้' is not a year"),
        (
            [["หน่วยงาน", "ปี", "คะแนน"], ["อบต.ขนงพระ", "", "90"]],
            2,
            "no fiscal year in this row or in a title row",
        ),
        (
            [["หน่วยงาน", "คะแนน"], ["อบต.ขนงพระ", "90"]],
            None,
            "no fiscal year: add a ปีงบประมาณ column or a title row",
        ),
        (
            [["agency", "year", "i3"], ["อบต.ขนงพระ", "2566", "100.01"]],
            2,
            "indicator 3 100.01 is outside 0–100",
        ),
        ([["agency", "year", "eit"], ["อบต.ขนงพระ", "2566", "๑๐๔"]], 2, "EIT 104 is outside 0–100"),
        ([["agency", "year", "score"], ["อบต.ขนงพระ", "2566", "1,000"]], 2, "score 1000 is outside 0–100"),
        ([["agency", "year", "score"]], 1, "no agency rows below the header"),
        ([[], [None, ""]], None, "empty file: no rows"),
        (
            [["รายงาน ITA 2566"], ["รายการ", "ค่า"], ["อบต.ขนงพระ", "90"]],
            2,
            "no recognisable columns (found: รายการ, ค่า): need หน่วยงาน/agency and คะแนน/score "
            "or ตัวชี้วัดที่ 1–10/indicator_1–10",
        ),
        (
            [["หน่วยงาน", "อำเภอ", "ระดับ"], ["อบต.ขนงพระ", "ปากช่อง", "A"]],
            1,
            "no recognisable columns (found: หน่วยงาน, อำเภอ, ระดับ): need หน่วยงาน/agency and คะแนน/score "
            "or ตัวชี้วัดที่ 1–10/indicator_1–10",
        ),
    ],
)
def test_rejections(rows, line, reason):
    with pytest.raises(RejectedError) as error:
        parse_sheet_rows(rows, "bad.csv")
    assert error.value.file == "bad.csv"
    assert (error.value.line, error.value.reason) == (line, reason)


def test_rejection_message_names_file_and_line(tmp_path):
    path = write(tmp_path, "ITA ปีงบประมาณ 2566\nหน่วยงาน,คะแนน\nอบต.ขนงพระ,90\nอบต.จันทึก,abc\n")
    with pytest.raises(RejectedError, match=r"^sheet\.csv:4: score 'abc' is not a number$"):
        parse_sheet(path)


@pytest.mark.parametrize(
    ("name", "content", "error", "reason"),
    [
        ("empty.csv", b"", RejectedError, "empty file: no rows"),
        ("blank.csv", b"\xef\xbb\xbf\r\n,,\r\n", RejectedError, "empty file: no rows"),
        (
            "nul.csv",
            b"agency,score\x00\x01\x02",
            RejectedError,
            "binary file: not CSV text",
        ),
        (
            "book.csv",
            b"PK\x03\x04\x00\x00",
            RejectedError,
            "binary file: this is an Excel workbook, rename it to .xlsx",
        ),
        ("old.xls", b"\xd0\xcf\x11\xe0", ParseError, "old Excel .xls is not supported: save as .xlsx"),
        ("scan.pdf", b"%PDF-1.4", ParseError, "unsupported file type '.pdf': use .csv, .tsv, .xlsx or .xlsm"),
    ],
)
def test_unreadable_files(tmp_path, name, content, error, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as raised:
        parse_sheet(path)
    assert (raised.value.file, raised.value.reason) == (name, reason)


def test_neither_utf8_nor_thai_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match=r"^latin1\.csv: unsupported encoding"):
        parse_sheet(write(tmp_path, "agency,score\nCafé,90\n", name="latin1.csv", encoding="latin-1"))


def test_text_renamed_to_xlsx_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match=r"^fake\.xlsx: not a readable Excel workbook"):
        parse_sheet(write(tmp_path, "agency,score\n", name="fake.xlsx"))


# --- Excel ---------------------------------------------------------------------------------------


def test_xlsx_merged_title_and_province_cells_and_cached_formula(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["หน่วยงาน", "จังหวัด", "คะแนน", "ระดับ"])
    ws.append(["เทศบาลเมืองปากช่อง", "นครราชสีมา", 93.05, "ผ่านดี"])
    ws.append(["อบต.ตลาด", None, "=ROUND(C4-4.41,2)", "ผ่าน"])
    ws.merge_cells("B4:B5")
    path = tmp_path / "merged.xlsx"
    save_with_cached_results(wb, path, {"C5": "88.64"})
    sheet = parse_sheet(path)
    assert [(r.line, r.agency.name, r.agency.province, r.score, r.fiscal_year) for r in sheet.rows] == [
        (4, "เทศบาลเมืองปากช่อง", "นครราชสีมา", 93.05, 2566),
        (5, "องค์การบริหารส่วนตำบลตลาด", "นครราชสีมา", 88.64, 2566),
    ]
    assert sheet.rows[1].agency.province_inferred is False


def test_xlsx_scores_formatted_as_percent_are_read_as_shown(tmp_path):
    """Excel keeps 95.2 % as 0.952: the sheet shows, and means, a score of 95.2."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["หน่วยงาน", "ปี", "IIT", "EIT", "OIT", "คะแนน"])
    ws.append(["อบต.ขนงพระ", 2567, 0.9612, 0.9105, 0.8575, 0.9035])
    for cell in ws[2][2:]:
        cell.number_format = "0.00%"
    wb.save(tmp_path / "percent.xlsx")
    [row] = parse_sheet(tmp_path / "percent.xlsx").rows
    assert (row.score, row.instruments) == (90.35, {"IIT": 96.12, "EIT": 91.05, "OIT": 85.75})


def test_xlsx_formula_without_saved_result_names_the_cell(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["หน่วยงาน", "ปี", "ตัวชี้วัดที่ 1", "คะแนน"])
    ws.append(["อบต.ขนงพระ", 2566, 88.1, "=C2"])
    wb.save(tmp_path / "formula.xlsx")
    with pytest.raises(ParseError) as error:
        parse_sheet(tmp_path / "formula.xlsx")
    assert error.value.line == 2
    assert error.value.reason == (
        "cell D2 holds a formula with no saved result: "
        "open the file in Excel or LibreOffice and save it again"
    )


def workbook(path: Path, worksheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in worksheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_xlsx_reads_every_worksheet_with_a_score_table(tmp_path):
    """A cover titled with the province and years, one worksheet per year named by its year, an empty one."""
    path = workbook(
        tmp_path / "years.xlsm",
        {
            "สรุป": [["สรุปผล ITA จังหวัดนครพนม ปีงบประมาณ 2565 - 2566"], ["ปี", "คะแนนเฉลี่ย"], [2565, 91.5]],
            "2565": [["หน่วยงาน", "คะแนน"], ["อบต.นาทราย", 91.5]],
            "ว่าง": [],
            "ปี 2566": [["หน่วยงาน", "คะแนน"], ["อบต.นาทราย", 93.0], ["ค่าเฉลี่ย", 93.0]],
        },
    )
    sheet = parse_sheet(path)
    assert [(r.worksheet, r.line, r.fiscal_year, r.agency.province, r.score) for r in sheet.rows] == [
        ("2565", 2, 2565, "นครพนม", 91.5),
        ("ปี 2566", 2, 2566, "นครพนม", 93.0),
    ]
    assert [(w.line, w.message, w.message_th) for w in sheet.warnings] == [
        (None, "worksheet 'สรุป' holds no score table: not read", "แผ่นงาน 'สรุป' ไม่มีตารางคะแนน: ไม่ได้อ่าน"),
        (3, "worksheet 'ปี 2566': summary row 'ค่าเฉลี่ย' skipped", "แผ่นงาน 'ปี 2566': ข้ามแถวสรุป 'ค่าเฉลี่ย'"),
    ]


def test_a_worksheet_named_after_its_province_places_its_rows(tmp_path):
    path = workbook(tmp_path / "one.xlsx", {"นครพนม": [["หน่วยงาน", "คะแนน ITA 2566"], ["อบต.นาทราย", 90]]})
    sheet = parse_sheet(path)
    assert [(r.worksheet, r.agency.province, r.agency.province_inferred) for r in sheet.rows] == [
        (None, "นครพนม", False)
    ]
    assert sheet.warnings == []


def test_a_workbook_says_which_worksheet_repeats_or_rejects(tmp_path):
    header = ["หน่วยงาน", "ปี", "คะแนน"]
    same = {
        "ก": [header, ["อบต.ขนงพระ", 2566, 90]],
        "ข": [header, ["อบต.จันทึก", 2566, 91], ["อบต.ขนงพระ", 2566, 90]],
    }
    sheet = parse_sheet(workbook(tmp_path / "same.xlsx", same))
    assert [(r.worksheet, r.line) for r in sheet.rows] == [("ก", 2), ("ข", 2)]
    assert [(w.line, w.message) for w in sheet.warnings] == [
        (3, "worksheet 'ข': repeats line 2 of worksheet 'ก' (องค์การบริหารส่วนตำบลขนงพระ 2566): kept once")
    ]
    different = {"ก": same["ก"], "ข": [header, ["อบต.ขนงพระ", 2566, 91]]}
    with pytest.raises(RejectedError) as error:
        parse_sheet(workbook(tmp_path / "different.xlsx", different))
    assert (error.value.line, error.value.reason) == (
        2,
        "worksheet 'ข': line 2 of worksheet 'ก' and line 2 of worksheet 'ข' give different results for "
        "องค์การบริหารส่วนตำบลขนงพระ 2566",
    )
    bad = {"ก": same["ก"], "ข": [header, ["อบต.จันทึก", 2566, "abc"]]}
    with pytest.raises(RejectedError) as error:
        parse_sheet(workbook(tmp_path / "bad.xlsx", bad))
    assert (error.value.line, error.value.reason) == (2, "worksheet 'ข': score 'abc' is not a number")
    assert error.value.reason_th == "แผ่นงาน 'ข': คะแนนรวม 'abc' ไม่ใช่ตัวเลข"


# --- robustness ----------------------------------------------------------------------------------

_WORDS = [w for words in HEADER_WORDS.values() for w in words] + [
    "ตัวชี้วัดที่ ๑",
    "IIT",
    "อบต.ขนงพระ",
    "เทศบาลนครราชสีมา",
    "ผ่าน",
    "AA",
    "2566",
    "๒๕๖๖",
    "ปีงบประมาณ พ.ศ. 2566",
    "92,50",
    "-",
]
_CELLS = st.one_of(st.none(), st.floats(), st.text(max_size=12), st.sampled_from(_WORDS))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELLS, max_size=7), max_size=8))
def test_junk_rows_raise_only_our_errors(rows):
    with contextlib.suppress(ParseError, RejectedError):
        parse_sheet_rows(rows, "junk.csv")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_junk_bytes_raise_only_our_errors(tmp_path, data):
    path = tmp_path / "junk.csv"
    path.write_bytes(data)
    with contextlib.suppress(ParseError, RejectedError):
        parse_sheet(path)
