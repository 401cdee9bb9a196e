"""The report parser on the four real seeds (exact values) and on synthetic variants of what other
agencies write: status ticks, instrument headings, memos listing measures twice, prose scores,
other encodings and formats."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from ita.errors import ParseError
from ita.parse.report import parse_report, parse_report_lines
from ita.records import Assessment, ReportDocument, Warning_
from tests.formats import as_docx, as_html
from tests.seed_values import NKR_2564

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "documents"
SEED_000 = "000_4164354f7149b5ea.txt"
SEED_001 = "001_040fced78df51963.txt"
SEED_002 = "002_c99676ea6513b4a9.txt"
SEED_003 = "003_764a41593816b3a6.txt"
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
FIRST_HALF_2565 = (date(2021, 10, 1), date(2022, 3, 31))
FISCAL_2567 = (date(2023, 10, 1), date(2024, 9, 30))


@cache
def seed(name: str) -> ReportDocument:
    return parse_report(SEEDS / name)


def parse_text(text: str, name: str = "doc.txt") -> ReportDocument:
    return parse_report_lines(text.split("\n"), name)


def spans(doc: ReportDocument) -> list[tuple[date | None, date | None]]:
    return [(m.start, m.end) for m in doc.measures]


# --- seed 002: a measures plan with the ITA analysis in front ------------------------------------


def test_seed_002_agency_year_and_kind() -> None:
    doc = seed(SEED_002)
    assert (doc.agency.name, doc.agency.type) == ("เทศบาลนครนครราชสีมา", "city_municipality")
    assert (doc.agency.district, doc.agency.province, doc.agency.province_inferred) == (
        "เมืองนครราชสีมา",
        "นครราชสีมา",
        False,
    )
    assert (doc.fiscal_year, doc.kind, doc.report_period) == (2565, "measures", None)


def test_seed_002_assessment() -> None:
    doc = seed(SEED_002)
    assert doc.assessments == [Assessment(2564, 92.9, "A", None, NKR_2564, {}, line=8)]
    assert list(doc.assessments[0].indicators) == [str(n) for n in range(1, 11)]
    assert doc.warnings == []  # 92.898 agrees with the quoted 92.9


def test_seed_002_measures() -> None:
    doc = seed(SEED_002)
    assert [m.title for m in doc.measures] == [
        "การเพิ่มประสิทธิภาพในการปฏิบัติหน้าที่",
        "การใช้จ่ายงบประมาณ",
        "มาตรการป้องกันการทุจริต",
        "การปรับปรุงประสิทธิภาพการทำงานให้ดีขึ้น",
    ]
    assert spans(doc) == [(date(2022, 9, 1), date(2022, 9, 30))] * 4  # "กันยายน ๒๕๖๕"
    assert [m.followup for m in doc.measures] == [
        "รายงานผลดำเนินการในที่ประชุมองค์การประจำเดือน",
        "รายไตรมาส",
        "รายเดือน",
        "รายงานผลดำเนินการในที่ประชุมองค์การประจำเดือน",
    ]
    first, third = doc.measures[0], doc.measures[2]
    assert first.responsible == ["งานทะเบียนและบัตรประชาชน", "สำนักปลัดเทศบาล", "สำนักการสาธารณสุขฯ", "สำนักการคลัง"]
    assert first.steps == [
        "จัดให้มีการเปิดเผยข้อมูลเกี่ยวกับ ขั้นตอน ระยะเวลา และผู้รับผิดชอบ ในการให้บริการอย่างชัดเจน",
        "สร้างระบบการประเมินประสิทธิภาพการให้บริการ ณ จุดให้บริการ",
        "จัดให้มีประชาสัมพันธ์สอบถามและให้คำแนะนำ",
    ]
    assert len(third.steps) == 6  # numbered ๑ ๒ ๒ ๓ ๔ ๕ as written
    assert [(m.no, m.status, m.result, m.source_lines) for m in doc.measures] == [
        (1, None, None, (55, 55)),
        (2, None, None, (56, 56)),
        (3, None, None, (57, 57)),
        (4, None, None, (58, 58)),
    ]


# --- seed 001: six-month report, a title continued after a page break ------------------------


def test_seed_001_agency_year_kind_and_period() -> None:
    doc = seed(SEED_001)
    agency = doc.agency
    assert (agency.name, agency.type, agency.line) == ("องค์การบริหารส่วนตำบลนาขุม", "sao", 5)
    assert (agency.district, agency.province, agency.province_inferred) == ("บ้านโคก", "อุตรดิตถ์", True)
    assert (doc.fiscal_year, doc.kind, doc.report_period) == (2565, "progress_6_months", FIRST_HALF_2565)
    assert doc.assessments == []


def test_seed_001_measures_and_dates() -> None:
    doc = seed(SEED_001)
    assert [m.no for m in doc.measures] == list(range(1, 11))
    assert spans(doc) == [
        (date(2022, 2, 14), date(2022, 2, 14)),  # ๑๔ ก.พ. ๒๕๖๕
        (date(2022, 1, 1), date(2022, 1, 31)),  # ม ก ร า ค ม ๒๕๖๕
        (date(2022, 12, 9), date(2022, 12, 9)),  # ๙ ธ.ค.๒๕๖๕, a year off: kept as written
        (date(2022, 2, 1), date(2022, 3, 31)),  # ก.พ. – มี.ค. ๖๕
        (date(2021, 12, 1), date(2022, 3, 31)),
        FIRST_HALF_2565,
        (date(2022, 3, 1), date(2022, 3, 31)),
        FIRST_HALF_2565,
        (date(2022, 1, 1), date(2022, 3, 31)),
        FIRST_HALF_2565,
    ]
    assert doc.warnings == [
        Warning_(
            "measure 3: dated 2022-12-09..2022-12-09, outside the report period 2021-10-01..2022-03-31", 15
        )
    ]
    assert [m.responsible for m in doc.measures][:3] == [["ทุกหน่วยงาน"], ["นักทรัพยากรบุคคล"], ["งานประชาสัมพันธ์"]]
    assert doc.measures[0].suggestion == (
        "- ควรจัดทำเอกสารเผยแพร่ในรูปแบบอินโฟกราฟิกแก่สำนัก/กองทุกกองต่อไปเพื่อให้เกิดความน่าสนใจและจดจำได้ง่าย"
    )
    assert doc.measures[9].suggestion is None  # "-"
    assert {m.status for m in doc.measures} == {None}  # no ✓ columns: never guessed from results


def test_seed_001_measure_continued_after_the_page_break() -> None:
    measure = seed(SEED_001).measures[6]
    assert measure.title == (
        "เปิดโอกาสให้ ผู้รับบริการหรือผู้มี ส่วนได้ส่วนเสียเข้ามา มีส่วนร่วมในการ ปรับปรุงและ เสนอแนะการปฏิบัติงานของเจ้าหน้าที่"
    )
    assert measure.steps == [
        "เพิ่มช่องทางในการร้องเรียน การทุจริตและช่องทางในการให้ ประชาชนมีส่วนร่วมในการ เสนอแนะการปฏิบัติงานของ เจ้าหน้าที่",
        "ประชาสัมพันธ์ช่องทางกรรเรียน การให้ข้อเสนอแนะ เพื่อให้บุคลากรและสาธารณชนรับทราบอย่างกว้างขวาง",
    ]
    assert measure.result.endswith(
        "และมีช่องทาง อื่น ๆ เช่น ไลน์ เบอร์โทรติดต่อผู้บริหารโดยตรง กล่องรับความคิดเห็นที่จุดต่าง ๆ ในตำบลนาขุม"
    )
    assert measure.source_lines == (21, 24)


# --- seed 000: progress report, <p> cells, headers with stray spaces ----------------------------


def test_seed_000() -> None:
    doc = seed(SEED_000)
    agency = doc.agency
    assert (agency.name, agency.district, agency.province, agency.province_inferred) == (
        "เทศบาลนครนครศรีธรรมราช",
        "เมืองนครศรีธรรมราช",  # located by ita.agencies: a city named after its province
        "นครศรีธรรมราช",
        True,
    )
    assert (doc.fiscal_year, doc.kind, doc.report_period, doc.assessments) == (2565, "progress", None, [])
    assert spans(doc) == [FIRST_HALF_2565] * 6 + [(date(2021, 11, 1), date(2022, 3, 31))]
    assert [len(m.steps) for m in doc.measures] == [2, 2, 1, 2, 1, 1, 2]
    assert [m.responsible for m in doc.measures] == [
        ["สำนักคลัง"],
        ["สำนักปลัดเทศบาล"],  # "สำนัก ปลัดเทศบาล": a line wrap inside the name
        ["ทุกหน่วยงาน"],
        ["กองยุทธศาสตร์และงบประมาณ"],  # "กองยุทธ ศาสตร์และ งบประมาณ"
        ["กองยุทธศาสตร์และงบประมาณ"],
        ["ทุกหน่วยงาน"],
        ["กองยุทธศาสตร์และงบประมาณ"],
    ]
    assert doc.measures[1].title == (
        "การสร้างความรู้ แนวทางปฏิบัติการ ใช้ทรัพย์สินของ ราชการ มีการ กำกับดูแล ตรวจสอบการใช้ ทรัพย์สินของ ราชการ"
    )
    assert doc.measures[1].result == (
        "๑. จัดทำคู่มือการใช้ ทรัพย์สินราชการ ใช้ เป็นแนวทางปฏิบัติของ เจ้าหน้าที่ เผยแพร่ทาง เว็บไซต์เทศบาลฯ www.nakhoncity.org"
    )
    assert {m.suggestion for m in doc.measures} == {None}
    assert doc.warnings == []


# --- seed 003: measures grouped under ประเด็น headings, rows continued across pages ------------


def test_seed_003() -> None:
    doc = seed(SEED_003)
    agency = doc.agency
    assert (agency.name, agency.line, agency.district, agency.province, agency.province_inferred) == (
        "เทศบาลนครนครราชสีมา",  # written "เทศบาลนครราชสีมา" on line 9
        9,
        "เมืองนครราชสีมา",
        "นครราชสีมา",
        False,
    )
    assert (doc.fiscal_year, doc.kind, doc.assessments, doc.warnings) == (2567, "progress", [], [])
    assert [m.no for m in doc.measures] == list(range(1, 11))
    assert [len(m.steps) for m in doc.measures] == [6, 3, 3, 5, 8, 7, 5, 6, 8, 12]
    assert spans(doc) == [FISCAL_2567] * 10
    assert [m.group for m in doc.measures] == [
        "ประเด็นที่ 1 กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
        *["ประเด็นที่ 1 กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"] * 3,
        "ประเด็นที่ 2 การให้บริการและระบบ E-Service",
        "ประเด็นที่ 3 ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
        "ประเด็นที่ 4 กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
        "ประเด็นที่ 5 กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
        "ประเด็นที่ 6 กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล",
        "ประเด็นที่ 7 กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
    ]
    assert [m.source_lines for m in doc.measures] == [
        (21, 24),
        (25, 25),
        (28, 28),
        (29, 33),
        (38, 45),
        (50, 56),
        (61, 64),
        (69, 75),
        (80, 86),
        (91, 100),
    ]
    assert doc.measures[4].title == "ปรับปรุงคุณภาพดำเนินงานหรือการบริการให้มีประสิทธิภาพ"
    assert doc.measures[0].responsible == ["ทุกส่วนราชการ", "กองการเจ้าหน้าที่"]


def test_seed_003_list_under_a_numbered_step_stays_in_it() -> None:
    steps = seed(SEED_003).measures[8].steps
    assert steps[6] == (
        "บังคับใช้ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ ได้แก่ - ประมวลจริยธรรมผู้บริหารท้องถิ่น"
        " - ประมวลจริยธรรมสมาชิกสภาท้องถิ่น - ประกาศคณะกรรมการมาตรฐานการบริหารงานบุคคลส่วนท้องถิ่น"
        " เรื่องประมวลจริยธรรมพนักงานส่วนท้องถิ่น"
    )
    assert steps[7] == "เผยแพร่ข้อมูลดังกล่าวบนเว็บไซต์ของหน่วยงานให้ประชาชนรับทราบ"


# --- the same documents in other encodings and formats -------------------------------------------


def comparable(doc: ReportDocument) -> dict:
    """A document without its line numbers, which differ between formats."""
    out = doc.to_json()
    out.pop("file")
    out["agency"].pop("line")
    for item in out["assessments"] + out["measures"] + out["warnings"]:
        item.pop("line", None)
        item.pop("source_lines", None)
    return out


SEED_NAMES = [SEED_000, SEED_001, SEED_002, SEED_003]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_html_version_parses_the_same(tmp_path: Path, name: str) -> None:
    lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    path = tmp_path / "doc.html"
    path.write_text(as_html(lines), encoding="utf-8")
    assert comparable(parse_report(path)) == comparable(seed(name))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_docx_version_parses_the_same(tmp_path: Path, name: str) -> None:
    lines = (SEEDS / name).read_text(encoding="utf-8").split("\n")
    doc = parse_report(as_docx(lines, tmp_path / "doc.docx"))
    assert comparable(doc) == comparable(seed(name))


def test_cp874_version_parses_the_same(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes((SEEDS / SEED_002).read_text(encoding="utf-8").encode("cp874"))
    doc = parse_report(path)
    assert doc.to_json() | {"file": SEED_002} == seed(SEED_002).to_json()


# --- synthetic variants ----------------------------------------------------------------------------

STATUS_TABLE = """รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566 รอบ 12 เดือน
เทศบาลเมืองบ้านไผ่ อำเภอบ้านไผ่ จังหวัดขอนแก่น

มาตรการ\tผู้รับผิดชอบ\tยังไม่ดำเนินการ\tอยู่ระหว่างดำเนินการ\tดำเนินการเสร็จเรียบร้อยแล้ว\tหมายเหตุ
1. เปิดเผยข้อมูลการจัดซื้อจัดจ้าง\tกองคลัง\t\t\t✓\t
2. อบรมคุณธรรมจริยธรรม\tสำนักปลัด\t\t✓\t\t
3. จัดทำคู่มือการใช้ทรัพย์สิน\tกองคลัง\t✓\t\t\t
4. ติดตั้งป้ายประกาศ\tกองช่าง\t\t\t\tรอจัดซื้อ
"""
TWO_ROW_HEADER = """รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566
เทศบาลเมืองบ้านไผ่

มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tผลการดำเนินการ\t\t
\t\t\tยังไม่ดำเนินการ\tอยู่ระหว่างดำเนินการ\tดำเนินการแล้ว
1. เปิดเผยข้อมูลการจัดซื้อจัดจ้าง\tประกาศ\tกองคลัง\t\t\t√
2. อบรมคุณธรรมจริยธรรม\tจัดอบรม\tสำนักปลัด\t\t/\t
3. จัดทำคู่มือการใช้ทรัพย์สิน\tจัดทำ\tกองคลัง\t✔\t\t
4. ติดตั้งป้ายประกาศ\tติดตั้ง\tกองช่าง\t\t\t
"""


@pytest.mark.parametrize("text", [STATUS_TABLE, TWO_ROW_HEADER], ids=["one-row", "two-row-header"])
def test_status_ticks(text: str) -> None:
    doc = parse_text(text)
    assert [m.status for m in doc.measures] == ["done", "in_progress", "not_started", None]
    assert doc.agency.name == "เทศบาลเมืองบ้านไผ่"
    assert (doc.agency.district, doc.agency.province) == ("บ้านไผ่", "ขอนแก่น")
    assert doc.kind == ("progress_year_end" if text is STATUS_TABLE else "progress")


INSTRUMENT_GROUPS = """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567
เทศบาลตำบลบ้านแพ้ว
ผลการประเมิน ITA ประจำปี 2566 ได้คะแนน 88.37 คะแนน จากคะแนนเต็ม 100 คะแนน โดยมีผลการประเมินระดับ A
แบบวัด IIT ได้ 90.12 คะแนน แบบวัด EIT ได้ 85.50 คะแนน และ OIT 89.00 คะแนน

มาตรการ/แนวทาง ยกระดับ IIT
มาตรการ\tขั้นตอนการดำเนินการ\tผู้รับผิดชอบ\tระยะเวลาดำเนินการ\tการติดตาม
ประกาศเจตนารมณ์สุจริต\t1) จัดประชุม 2) ประกาศ\tสำนักปลัด\tไตรมาส 1\tรายไตรมาส
จัดทำคู่มือการใช้ทรัพย์สิน\tจัดทำคู่มือ\tกองคลัง\tภายในปีนี้\t-
มาตรการ/แนวทาง ยกระดับ EIT
มาตรการ\tขั้นตอนการดำเนินการ\tผู้รับผิดชอบ\tระยะเวลาดำเนินการ\tการติดตาม
ลดขั้นตอนการให้บริการ\tE-Service\tทุกกอง\tตลอดปีงบประมาณ\tรายเดือน
"""


def test_instrument_group_headings_and_scores() -> None:
    doc = parse_text(INSTRUMENT_GROUPS)
    assert (doc.fiscal_year, doc.kind) == (2567, "measures")
    assert doc.agency.province == "สมุทรสาคร"
    assert doc.agency.province_inferred
    assert doc.assessments == [
        Assessment(2566, 88.37, "A", None, {}, {"IIT": 90.12, "EIT": 85.50, "OIT": 89.00}, line=3)
    ]
    assert [(m.no, m.title, m.group) for m in doc.measures] == [
        (1, "ประกาศเจตนารมณ์สุจริต", "IIT"),
        (2, "จัดทำคู่มือการใช้ทรัพย์สิน", "IIT"),
        (3, "ลดขั้นตอนการให้บริการ", "EIT"),
    ]
    assert doc.measures[0].steps == ["จัดประชุม", "ประกาศ"]
    assert spans(doc) == [(date(2023, 10, 1), date(2023, 12, 31)), (None, None), FISCAL_2567]
    assert doc.warnings == [Warning_("measure 2: unreadable period 'ภายในปีนี้'", 9)]
    assert doc.warnings[0].message_th == "มาตรการที่ 2: อ่านระยะเวลา 'ภายในปีนี้' ไม่ได้"


INDICATOR_GROUPS = """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567
เทศบาลตำบลบ้านแพ้ว
ผลการวิเคราะห์การประเมิน ITA ประจำปี 2566
ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่
ได้ 93.31 คะแนน
ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ได้ ๘๔.๘๓ คะแนน
มาตรการ\tขั้นตอนการดำเนินการ\tผู้รับผิดชอบ
ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล\t\t
1. ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน\tตรวจสอบข้อมูลทุกเดือน\tงานประชาสัมพันธ์
ตัวชี้วัดที่ 10 การป้องกันการทุจริต
2. ประกาศนโยบาย No Gift Policy\tประกาศ\tสำนักปลัด
"""


def test_indicator_headings_in_or_after_a_table_group_the_measures() -> None:
    """The analysis before the table names indicators too, and a score line is no heading."""
    doc = parse_text(INDICATOR_GROUPS)
    assert [(m.no, m.group) for m in doc.measures] == [
        (1, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"),
        (2, "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"),
    ]


MEMO = """บันทึกข้อความ
ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลหนองบัว อำเภอเมืองอุดรธานี จังหวัดอุดรธานี
เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือน (1 ตุลาคม 2565 - 31 มีนาคม 2566)

มาตรการ\tวิธีการดำเนินการ\tผู้รับผิดชอบ\tระยะเวลา
1. การเปิดเผยข้อมูลสาธารณะ\t- ปรับปรุงเว็บไซต์ - ตรวจสอบข้อมูล\tงานประชาสัมพันธ์\tต.ค. 65 - มี.ค. 66
2. การป้องกันการทุจริต\t- จัดอบรม\tสำนักปลัด/กองคลัง\tธ.ค. 65

สถานะการดำเนินการ
มาตรการ\tยังไม่ดำเนินการ\tอยู่ระหว่างดำเนินการ\tดำเนินการเสร็จเรียบร้อยแล้ว
1. การเปิดเผยข้อมูล สาธารณะ\t\t\t✓
2. การป้องกันการทุจริต\t\t✓\t
"""


def test_memo_listing_measures_twice_gives_one_measure_each() -> None:
    doc = parse_text(MEMO)
    assert doc.agency.name == "องค์การบริหารส่วนตำบลหนองบัว"
    assert (doc.agency.district, doc.agency.province, doc.agency.province_inferred) == (
        "เมืองอุดรธานี",
        "อุดรธานี",
        False,
    )
    assert (doc.fiscal_year, doc.kind) == (2566, "progress_6_months")
    assert doc.report_period == (date(2022, 10, 1), date(2023, 3, 31))
    assert [(m.no, m.title, m.status, m.source_lines) for m in doc.measures] == [
        (1, "การเปิดเผยข้อมูลสาธารณะ", "done", (6, 11)),
        (2, "การป้องกันการทุจริต", "in_progress", (7, 12)),
    ]
    assert doc.measures[0].steps == ["ปรับปรุงเว็บไซต์", "ตรวจสอบข้อมูล"]
    assert doc.measures[1].responsible == ["สำนักปลัด", "กองคลัง"]
    assert spans(doc) == [(date(2022, 10, 1), date(2023, 3, 31)), (date(2022, 12, 1), date(2022, 12, 31))]


@pytest.mark.parametrize(
    ("sentence", "year", "score", "grade", "rating"),
    [
        ("ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๔ พบว่ามีผลคะแนน ๙๒.๙ คะแนน อยู่ในระดับ A", 2564, 92.9, "A", None),
        ("ผลการประเมิน ITA ประจำปี 2564 มีคะแนนเท่ากับ ๗๐.๓๓ คะแนน อยู่ระดับ C", 2564, 70.33, "C", None),
        (
            "ได้คะแนน 88.37 คะแนน จากคะแนนเต็ม 100 คะแนน โดยมีผลการประเมินระดับ A ประจำปีงบประมาณ พ.ศ. 2565",
            2565,
            88.37,
            "A",
            None,
        ),
        ("ผลการประเมิน ITA ประจำปี 2563 ได้คะแนนรวม 65.38 ระดับ C", 2563, 65.38, "C", None),
        ("ผลการประเมินประจำปีงบประมาณ พ.ศ. 2566 คะแนน 97.90 อยู่ในเกณฑ์ : ผ่านดี", 2566, 97.90, None, "ผ่านดี"),
        ("ผลการประเมินปี 2567 96.04 (ผ่าน) ระดับ AA", 2567, 96.04, "AA", "ผ่าน"),
        ("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566\nได้ 95 คะแนน ระดับ AA", 2566, 95.0, "AA", None),
        (
            "๑. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n"
            "องค์การบริหารส่วนตำบลนาขุมได้คะแนน ๘๕.๘๗ คะแนน",
            2567,
            85.87,
            None,
            None,
        ),
        # no grade or rating: the line names the assessment and its year; a threshold is no score
        (
            "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ได้ ๘๓.๙๔ คะแนน ต่ำกว่าเกณฑ์ ๘๕ คะแนน",
            2567,
            83.94,
            None,
            None,
        ),
    ],
)
def test_prose_scores(sentence: str, year: int, score: float, grade: str | None, rating: str | None) -> None:
    doc = parse_text(f"การวิเคราะห์ผลการประเมิน ITA\nองค์การบริหารส่วนตำบลนาขุม\n{sentence}\n")
    [assessment] = doc.assessments
    assert (assessment.fiscal_year, assessment.score, assessment.grade, assessment.rating) == (
        year,
        score,
        grade,
        rating,
    )
    assert (doc.kind, doc.fiscal_year) == ("analysis", year + 1)  # the analysis feeds next year's measures


def test_analysis_titled_with_the_assessed_year_feeds_the_next_year() -> None:
    doc = parse_text(
        "การวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566\nเทศบาลตำบลบ้านแพ้ว\n"
        "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 ได้ 93.10 คะแนน อยู่ในเกณฑ์ ผ่าน"
    )
    assert (doc.fiscal_year, [a.fiscal_year for a in doc.assessments]) == (2567, [2566])


NUMBER_COLUMN = """แผนมาตรการส่งเสริมคุณธรรมและความโปร่งใส
องค์การบริหารส่วนตำบลนาขุม
ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2567 ได้ 91.20 คะแนน อยู่ในระดับ ผ่าน
จึงกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส ในปีงบประมาณ พ.ศ. 2568 ดังนี้
ลำดับ\tมาตรการ\tกิจกรรม\tหน่วยงานที่รับผิดชอบ\tระยะเวลา
1\tส่งเสริมการเปิดเผยข้อมูล\tปรับปรุงเว็บไซต์\tสำนักปลัด\tต.ค. 67 - ก.ย. 68
\t\tอบรมเจ้าหน้าที่\tกองคลัง\t
3\tป้องกันการทุจริต\tประกาศนโยบาย No Gift Policy\tสำนักปลัด\tม.ค. - มี.ค.
"""


def test_number_column_and_a_second_measure_column() -> None:
    doc = parse_text(NUMBER_COLUMN)
    assert (doc.fiscal_year, doc.kind) == (2568, "measures")  # the year the body gives the measures
    assert doc.assessments == [Assessment(2567, 91.2, None, "ผ่าน", line=3)]
    assert [(m.no, m.title, m.steps, m.responsible) for m in doc.measures] == [
        (1, "ส่งเสริมการเปิดเผยข้อมูล", ["ปรับปรุงเว็บไซต์", "อบรมเจ้าหน้าที่"], ["สำนักปลัด", "กองคลัง"]),
        (3, "ป้องกันการทุจริต", ["ประกาศนโยบาย No Gift Policy"], ["สำนักปลัด"]),
    ]
    assert spans(doc) == [(date(2024, 10, 1), date(2025, 9, 30)), (date(2025, 1, 1), date(2025, 3, 31))]


def test_a_score_without_a_year_is_the_year_before_the_measures() -> None:
    doc = parse_text(INSTRUMENT_GROUPS.replace("ผลการประเมิน ITA ประจำปี 2566", "ผลการประเมิน ITA"))
    assert doc.assessments[0].fiscal_year == 2566


INDICATORS = """การวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565
เทศบาลนครนครราชสีมา
ผลการประเมิน ITA ประจำปี 2564 ได้คะแนน 95.00 คะแนน ระดับ AA
ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ คะแนน 93.31
ตัวชี้วัดที่ ๒\tการใช้งบประมาณ\t๘๗.๗๔
ตัวชี้วัดที่ 3  การใช้อำนาจ  ได้ 88.90 คะแนน
ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 87.93
ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต 89.07
ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน 88.64
ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร 87.34
ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน (ระบบการทำงาน) 84.83
ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้ 100 คะแนน
ตัวชี้วัดที่ 9.1 ข้อมูลพื้นฐาน 50.00
ตัวชี้วัดที่ 10 การป้องกันการทุจริต 100.00
"""


def test_indicator_lines_and_a_score_that_disagrees_with_them() -> None:
    doc = parse_text(INDICATORS)
    [assessment] = doc.assessments
    assert assessment.indicators == NKR_2564
    assert doc.warnings == [Warning_("ITA 2564: quoted score 95.0 differs from 92.90 (indicators)", 3)]


SCORE_TABLE = """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
เทศบาลเมืองบ้านสวน อำเภอเมืองชลบุรี จังหวัดชลบุรี
๑. ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
เทศบาลเมืองบ้านสวนได้คะแนน ๘๕.๘๗ คะแนน

ตัวชี้วัด\tคะแนน
๑. การปฏิบัติหน้าที่\t๙๖.๕๐
๒. การใช้งบประมาณ\t๙๒.๑๔
๓. การใช้อำนาจ\t๙๕.๐๘
๔. การใช้ทรัพย์สินของราชการ\t๙๓.๓๓
๕. การแก้ไขปัญหาการทุจริต\t๙๑.๖๗
๖. คุณภาพการดำเนินงาน\t๘๙.๔๒
๗. ประสิทธิภาพการสื่อสาร\t๘๘.๐๐
๘. การปรับปรุงการทำงาน\t๘๗.๕๐
๙. การเปิดเผยข้อมูล\t๗๕.๐๐
๑๐. การป้องกันการทุจริต\t๘๑.๒๕

ที่\tมาตรการ\tผู้รับผิดชอบ\tระยะเวลา
๑\tปรับปรุงข้อมูลสาธารณะบนเว็บไซต์\tสำนักปลัดเทศบาล\tต.ค. ๖๗ - ก.ย. ๖๘
"""
SCORE_TABLE_INDICATORS = {
    "1": 96.5,
    "2": 92.14,
    "3": 95.08,
    "4": 93.33,
    "5": 91.67,
    "6": 89.42,
    "7": 88.0,
    "8": 87.5,
    "9": 75.0,
    "10": 81.25,
}


def test_a_score_after_the_assessment_heading_and_an_indicator_score_table() -> None:
    doc = parse_text(SCORE_TABLE)
    assert (doc.fiscal_year, doc.kind, doc.warnings) == (2568, "measures", [])
    assert doc.assessments == [Assessment(2567, 85.87, indicators=SCORE_TABLE_INDICATORS, line=4)]
    assert [(m.no, m.title) for m in doc.measures] == [(1, "ปรับปรุงข้อมูลสาธารณะบนเว็บไซต์")]
    account = doc.row_account
    assert (account.read, account.headers, account.scores, account.measures, account.warned) == (
        13,
        2,
        10,
        1,
        0,
    )
    assert account.unexplained == []


@pytest.mark.parametrize(
    "header", ["ตัวชี้วัด\tคะแนนที่ได้", "ประเด็น/ตัวชี้วัด\tผลคะแนน", "ตัวชี้วัดการประเมิน\tคะแนน (เต็ม 100)"]
)
def test_indicator_score_table_headers(header: str) -> None:
    doc = parse_text(SCORE_TABLE.replace("ตัวชี้วัด\tคะแนน", header))
    assert (doc.assessments[0].indicators, doc.warnings) == (SCORE_TABLE_INDICATORS, [])


def test_indicator_score_table_without_numbers_names_indicators_as_the_framework_does() -> None:
    """Rows known by name alone, in any order, "ของทางราชการ" for "ของราชการ"; a number in a ลำดับ
    column counts rows, not indicators; the quoted overall is not checked against four indicators."""
    rows = (
        "ลำดับ\tประเด็น/ตัวชี้วัด\tคะแนนที่ได้\n1\tการเปิดเผยข้อมูล\t75.00\n2\tการป้องกันการทุจริต\t81.25 คะแนน\n"
        "3\tการใช้ทรัพย์สินของทางราชการ\t93.33\n4\tการปรับปรุงการทำงาน (ระบบการทำงาน)\t87.50\n"
    )
    start, end = SCORE_TABLE.index("ตัวชี้วัด\t"), SCORE_TABLE.index("\nที่\t")
    doc = parse_text(SCORE_TABLE[:start] + rows + SCORE_TABLE[end:])
    assert doc.assessments == [
        Assessment(2567, 85.87, indicators={"4": 93.33, "8": 87.5, "9": 75.0, "10": 81.25}, line=4)
    ]
    assert (doc.warnings, doc.row_account.scores, doc.row_account.unexplained) == ([], 4, [])


def test_indicator_score_table_rows_it_cannot_read_and_a_score_that_disagrees() -> None:
    """An instrument's row gives its score; a row naming no indicator is warned, not dropped."""
    text = SCORE_TABLE.replace("๘๕.๘๗ คะแนน", "๙๐.๐๐ คะแนน").replace(
        "๑๐. การป้องกันการทุจริต\t๘๑.๒๕", "๑๐. การป้องกันการทุจริต\t๘๑.๒๕\nOIT\t๗๘.๑๓\nหมายเหตุ\tข้อมูลจากระบบ ITAS"
    )
    doc = parse_text(text)
    [assessment] = doc.assessments
    assert (assessment.score, assessment.instruments) == (90.0, {"OIT": 78.13})
    assert doc.warnings == [
        Warning_("a row of a table of indicator scores names no indicator and score", 18),
        Warning_("ITA 2567: quoted score 90.0 differs from 85.87 (indicators)", 4),
    ]
    assert (doc.row_account.scores, doc.row_account.warned, doc.row_account.unexplained) == (11, 1, [])


TWO_YEARS = """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
องค์การบริหารส่วนตำบลท่าศาลา อำเภอเมืองลพบุรี จังหวัดลพบุรี
ผลการประเมินคุณธรรมและความโปร่งใสรายตัวชี้วัด เปรียบเทียบปีงบประมาณ พ.ศ. ๒๕๖๖ และ ๒๕๖๗
ตัวชี้วัด\tปี ๒๕๖๖\tปี ๒๕๖๗\tผลต่าง
๑. การปฏิบัติหน้าที่\t๙๐.๑๒\t๙๒.๘๐\t+๒.๖๘
๒. การใช้งบประมาณ\t๘๘.๔๐\t๙๐.๑๕\t+๑.๗๕
๓. การใช้อำนาจ\t๙๑.๐๕\t๙๓.๒๐\t+๒.๑๕
๔. การใช้ทรัพย์สินของราชการ\t๘๖.๗๐\t๘๙.๔๕\t+๒.๗๕
๕. การแก้ไขปัญหาการทุจริต\t๘๕.๓๓\t๘๘.๑๐\t+๒.๗๗
๖. คุณภาพการดำเนินงาน\t๘๗.๙๐\t๘๙.๓๕\t+๑.๔๕
๗. ประสิทธิภาพการสื่อสาร\t๘๔.๒๕\t๘๖.๘๐\t+๒.๕๕
๘. การปรับปรุงการทำงาน\t๘๓.๖๐\t๘๖.๐๐\t+๒.๔๐
๙. การเปิดเผยข้อมูล\t๗๐.๐๐\t๘๑.๒๕\t+๑๑.๒๕
๑๐. การป้องกันการทุจริต\t๖๕.๕๐\t๗๕.๐๐\t+๙.๕๐
คะแนนรวม\t๗๙.๑๗\t๘๔.๖๙\t+๕.๕๒
ที่\tมาตรการ\tขั้นตอนการดำเนินการ\tผู้รับผิดชอบ\tระยะเวลา
๑\tจัดทำแผนป้องกันการทุจริตประจำปี\tประชุมคณะทำงานจัดทำแผน\tสำนักปลัด\tต.ค. ๖๗ - พ.ย. ๖๗
"""
TWO_YEARS_2566 = {
    "1": 90.12,
    "2": 88.4,
    "3": 91.05,
    "4": 86.7,
    "5": 85.33,
    "6": 87.9,
    "7": 84.25,
    "8": 83.6,
    "9": 70.0,
    "10": 65.5,
}
TWO_YEARS_2567 = {
    "1": 92.8,
    "2": 90.15,
    "3": 93.2,
    "4": 89.45,
    "5": 88.1,
    "6": 89.35,
    "7": 86.8,
    "8": 86.0,
    "9": 81.25,
    "10": 75.0,
}


@pytest.mark.parametrize(
    "header",
    [
        "ตัวชี้วัด\tปี ๒๕๖๖\tปี ๒๕๖๗\tผลต่าง",
        "ตัวชี้วัด\tพ.ศ. 2566\tพ.ศ. 2567\tเพิ่ม/ลด",
        "ตัวชี้วัด\tปีงบประมาณ 2566\tปีงบประมาณ 2567\t+/-",
        "ตัวชี้วัด\t2566\t2567\tการเปลี่ยนแปลง",
        "ตัวชี้วัด\tคะแนนปี 2566\tคะแนนปี 2567\tคะแนนที่เปลี่ยนแปลง",
    ],
)
def test_two_years_side_by_side_give_an_assessment_each_and_their_total_row_the_overall(header: str) -> None:
    """A column per year, a change column read as nothing, the total row (line 15) each year's overall:
    both agree with the framework's recomputation (79.171, 84.687), so nothing is warned."""
    doc = parse_text(TWO_YEARS.replace("ตัวชี้วัด\tปี ๒๕๖๖\tปี ๒๕๖๗\tผลต่าง", header))
    assert doc.assessments == [
        Assessment(2566, 79.17, indicators=TWO_YEARS_2566, line=15),
        Assessment(2567, 84.69, indicators=TWO_YEARS_2567, line=15),
    ]
    assert (doc.fiscal_year, doc.warnings, [m.title for m in doc.measures]) == (
        2568,
        [],
        ["จัดทำแผนป้องกันการทุจริตประจำปี"],
    )
    account = doc.row_account
    assert (account.headers, account.scores, account.measures, account.unexplained) == (2, 11, 1, [])


def test_two_years_side_by_side_without_a_total_row() -> None:
    """Each year's result begins at the first row giving it a score; with no overall, nothing to check."""
    doc = parse_text(TWO_YEARS.replace("คะแนนรวม\t๗๙.๑๗\t๘๔.๖๙\t+๕.๕๒\n", ""))
    assert doc.assessments == [
        Assessment(2566, indicators=TWO_YEARS_2566, line=5),
        Assessment(2567, indicators=TWO_YEARS_2567, line=5),
    ]
    assert doc.warnings == []


def test_a_total_row_that_disagrees_with_the_indicators_is_warned_not_replaced() -> None:
    doc = parse_text(TWO_YEARS.replace("คะแนนรวม\t๗๙.๑๗", "คะแนนรวม\t๘๐.๑๗"))
    assert [a.score for a in doc.assessments] == [80.17, 84.69]
    assert doc.warnings == [Warning_("ITA 2566: quoted score 80.17 differs from 79.17 (indicators)", 15)]


def test_a_single_score_column_with_a_total_row_gives_the_year_of_its_heading() -> None:
    """With no score quoted in prose, the total row (line 16) is the overall of the heading's year."""
    text = SCORE_TABLE.replace("เทศบาลเมืองบ้านสวนได้คะแนน ๘๕.๘๗ คะแนน\n", "").replace(
        "๑๐. การป้องกันการทุจริต\t๘๑.๒๕", "๑๐. การป้องกันการทุจริต\t๘๑.๒๕\nคะแนนเฉลี่ย\t๘๕.๘๗"
    )
    doc = parse_text(text)
    assert doc.assessments == [Assessment(2567, 85.87, indicators=SCORE_TABLE_INDICATORS, line=16)]
    assert (doc.warnings, doc.row_account.scores, doc.row_account.unexplained) == ([], 11, [])


def test_a_single_score_column_with_a_total_row_goes_with_its_total_not_an_earlier_year() -> None:
    """Last year's result quoted above the table (line 3) does not take the indicators of the 2567 table."""
    text = (
        SCORE_TABLE.replace("เทศบาลเมืองบ้านสวนได้คะแนน ๘๕.๘๗ คะแนน\n", "")
        .replace("\n๑. ผลการประเมิน", "\nผลการประเมิน ITA ปี ๒๕๖๕ ได้ ๘๐.๐๐ คะแนน ระดับ B\n๑. ผลการประเมิน")
        .replace("๑๐. การป้องกันการทุจริต\t๘๑.๒๕", "๑๐. การป้องกันการทุจริต\t๘๑.๒๕\nรวม\t๘๕.๘๗")
    )
    doc = parse_text(text)
    assert doc.assessments == [
        Assessment(2565, 80.0, grade="B", line=3),
        Assessment(2567, 85.87, indicators=SCORE_TABLE_INDICATORS, line=17),
    ]
    assert doc.warnings == []


@pytest.mark.parametrize(
    ("total", "warnings"),
    [
        ("๘๕.๘๗", []),
        (
            "๙๐.๐๐",
            [
                Warning_(
                    "ITA 2567: score 90.0 quoted again, differing from 85.87 (line 4); the first is kept", 17
                )
            ],
        ),
    ],
)
def test_a_total_row_under_a_score_quoted_in_prose(total: str, warnings: list[Warning_]) -> None:
    """The same year's overall twice: one result, the first kept, a second that differs warned."""
    text = SCORE_TABLE.replace("๑๐. การป้องกันการทุจริต\t๘๑.๒๕", f"๑๐. การป้องกันการทุจริต\t๘๑.๒๕\nคะแนนรวม\t{total}")
    doc = parse_text(text)
    assert doc.assessments == [Assessment(2567, 85.87, indicators=SCORE_TABLE_INDICATORS, line=4)]
    assert doc.warnings == warnings


def test_a_rank_column_beside_the_scores_is_read_as_nothing() -> None:
    doc = parse_text(
        SCORE_TABLE.replace("ตัวชี้วัด\tคะแนน\n", "ตัวชี้วัด\tคะแนน\tอันดับ\n").replace("\t๘๑.๒๕", "\t๘๑.๒๕\t๘")
    )
    assert (doc.assessments[0].indicators, doc.warnings) == (SCORE_TABLE_INDICATORS, [])


def test_year_columns_holding_ranks_give_no_scores() -> None:
    """ "อันดับ ปี ๒๕๖๖" heads a rank, not a score: no result is read, and the rows are warned."""
    ranks = "ตัวชี้วัด\tอันดับ ปี ๒๕๖๖\tอันดับ ปี ๒๕๖๗\n๑. การปฏิบัติหน้าที่\t๓\t๑\n๒. การใช้งบประมาณ\t๑\t๒\n"
    start, end = TWO_YEARS.index("ตัวชี้วัด\t"), TWO_YEARS.index("\nที่\t") + 1
    doc = parse_text(TWO_YEARS[:start] + ranks + TWO_YEARS[end:])
    assert (doc.assessments, doc.row_account.scores, len(doc.measures)) == ([], 0, 1)
    assert doc.warnings == [
        Warning_("a table row before any header naming its columns was not read", line) for line in (4, 5, 6)
    ]


def test_a_score_after_a_heading_that_names_no_assessment_is_not_an_ita_result() -> None:
    text = SCORE_TABLE.replace("ผลการประเมินคุณธรรมและความโปร่งใส", "ผลการสำรวจความพึงพอใจ")
    assert parse_text(text).assessments[0].score is None


def test_dates_far_outside_the_fiscal_year_are_flagged() -> None:
    text = STATUS_TABLE.replace("หมายเหตุ", "ระยะเวลา").replace("\tรอจัดซื้อ", "\tมีนาคม 2568")
    doc = parse_text(text.replace(" รอบ 12 เดือน", ""))  # a report of no stated round: no period
    assert doc.measures[3].start == date(2025, 3, 1)
    assert doc.warnings == [
        Warning_("measure 4: dated 2025-03-01..2025-03-31, more than a year outside fiscal year 2566", 8)
    ]


def test_a_header_repeated_on_the_next_page_with_a_cell_misread_keeps_the_columns() -> None:
    """A scan's repeated header with "ระยะเวลา" read as "ระยะเวล 9" still heads the period column."""
    header = "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\tระยะเวลา"
    text = (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2567\nเทศบาลตำบลบ้านแพ้ว\n"
        f"{header}\n1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\tต.ค. 66\n"
        f"{header.replace('ระยะเวลา', 'ระยะเวล 9')}\n2. จัดซื้อ\tประกาศ\tกองคลัง\tพ.ย. 66\n"
        f"{header.replace('ระยะเวลา', 'หมายเหตุ')}\n3. อบรม\tจัดอบรม\tสำนักปลัด\tธ.ค. 66\n"
    )
    doc = parse_text(text)
    assert [(m.no, m.start) for m in doc.measures] == [
        (1, date(2023, 10, 1)),
        (2, date(2023, 11, 1)),
        (3, None),  # a header naming another column is another header
    ]


def test_a_period_read_only_in_part_is_warned() -> None:
    text = STATUS_TABLE.replace("หมายเหตุ", "ระยะเวลา").replace("\tรอจัดซื้อ", "\t5.ค. 65 - มี.ค. 66")
    doc = parse_text(text)
    assert (doc.measures[3].start, doc.measures[3].end) == (date(2023, 3, 1), date(2023, 3, 31))
    assert "measure 4: period '5.ค. 65 - มี.ค. 66' partly unreadable: no month for 65" in [
        w.message for w in doc.warnings
    ]


def test_a_continuation_row_before_any_measure_is_skipped_with_a_warning() -> None:
    doc = parse_text(MEMO.replace("1. การเปิดเผยข้อมูลสาธารณะ\t-", "\t-", 1))
    assert doc.warnings[0] == Warning_("a table row that continues no measure was skipped", 6)
    assert [m.no for m in doc.measures] == [2, 1]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ประกาศเทศบาลตำบลบ้านแพ้ว\nเรื่อง รับสมัครพนักงานจ้าง\n", "not an ITA document"),
        ("มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\n", "no agency name"),
        ("เทศบาลตำบลบ้านแพ้ว\nมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\n", "no fiscal year"),
    ],
)
def test_documents_that_cannot_be_read_as_reports(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        parse_text(text, "x.txt")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("plan.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("plan.txt", b"", "empty file"),
        ("plan.txt", b"\x00\x01\x02\x03" * 50, "binary file"),
    ],
)
def test_files_that_cannot_be_read(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParseError, match=reason):
        parse_report(path)


@pytest.mark.parametrize(
    "doc",
    [
        *(pytest.param(lambda n=name: seed(n), id=name[:3]) for name in SEED_NAMES),
        pytest.param(lambda: parse_text(MEMO), id="memo"),
        pytest.param(lambda: parse_text(INSTRUMENT_GROUPS), id="groups"),
        pytest.param(lambda: parse_text(INDICATORS), id="indicators"),
    ],
)
def test_json_output_matches_the_schema(doc) -> None:
    jsonschema.validate(json.loads(json.dumps(doc().to_json())), SCHEMA, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    "title",
    [
        "มาตรการส่งเสริมคุณธรรม ประจำปี งบประมาณ พ.ศ. 2567",  # stray spaces, as text from a PDF has
        "มาตรการส่งเสริมคุณธรรม ปี งบประมาณ 2567",
        "มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ. ศ. 2567",
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส พ.ศ. 2567",  # the year with พ.ศ. alone
        "มาตรการส่งเสริมคุณธรรม ประจําปีงบประมาณ พ.ศ. ๒๕๖๗",  # sara am as nikhahit + sara aa
    ],
)
def test_fiscal_year_in_the_ways_titles_write_it(title: str) -> None:
    doc = parse_text(f"{title}\nเทศบาลตำบลบ้านแพ้ว\nมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n1. เปิดเผยข้อมูล\tประกาศ\tกองคลัง\n")
    assert doc.fiscal_year == 2567


def test_sara_am_typed_as_two_marks_reads_and_is_stored_as_one() -> None:
    doc = parse_text(
        "มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. 2567\nเทศบาลตําบลบ้านแพ้ว\n"
        "มาตรการ\tผู้รับผิดชอบ\tสถานะ\n1. จัดทําคู่มือการใช้น้ํามันเชื้อเพลิง\tกองคลัง\tดําเนินการแล้ว\n"
    )
    assert (doc.agency.name, doc.agency.province) == ("เทศบาลตำบลบ้านแพ้ว", "สมุทรสาคร")
    assert [(m.title, m.status) for m in doc.measures] == [("จัดทำคู่มือการใช้น้ำมันเชื้อเพลิง", "done")]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("องค์การบริหารส่วน ตำบลนาขุม", "องค์การบริหารส่วนตำบลนาขุม"),  # a space inside the prefix
        ("องค์การ บริหารส่วนตำบลนาขุม", "องค์การบริหารส่วนตำบลนาขุม"),
        ("เทศบาล ตำบลบ้านแพ้ว", "เทศบาลตำบลบ้านแพ้ว"),
        ("ทต.บ้านแพ้ว", "เทศบาลตำบลบ้านแพ้ว"),
        ("อบต. นาขุม", "องค์การบริหารส่วนตำบลนาขุม"),
    ],
)
def test_agency_names_with_stray_spaces_and_abbreviations(written: str, name: str) -> None:
    doc = parse_text(
        f"มาตรการ ประจำปีงบประมาณ พ.ศ. 2567\n{written}\nมาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n1. ก\tข\tกองคลัง\n"
    )
    assert doc.agency.name == name


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        *[("100", "done"), ("100%", "done"), ("ร้อยละ 100", "done"), ("ดำเนินการแล้ว", "done")],
        *[("50", "in_progress"), ("12.5%", "in_progress"), ("0", "not_started"), ("0%", "not_started")],
        *[("✅", "done"), ("✓", "done"), ("⏳", "in_progress"), ("❌", "not_started")],
        # a form's choices, each with a box: the checked one (Word's check box draws ☒)
        ("☑ ดำเนินการแล้ว<br>☐ อยู่ระหว่างดำเนินการ<br>☐ ยังไม่ดำเนินการ", "done"),
        ("☐ ดำเนินการแล้ว ☒ อยู่ระหว่างดำเนินการ ☐ ยังไม่ดำเนินการ", "in_progress"),
        ("☐ ดำเนินการแล้ว ☐ ยังไม่ดำเนินการ", None),
    ],
)
def test_a_progress_percentage_or_an_emoji_is_a_status(cell: str, status: str | None) -> None:
    from ita.parse import tables

    assert tables.status_word(cell) == status


def test_a_quarter_grid_gives_each_measure_its_quarters() -> None:
    doc = parse_report_lines(
        [
            "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568",
            "องค์การบริหารส่วนตำบลนาขุม อำเภอบ้านโคก จังหวัดอุตรดิตถ์",
            "ที่\tมาตรการ\tผู้รับผิดชอบ\tไตรมาสที่ 1\tไตรมาสที่ 2\tไตรมาสที่ 3\tไตรมาสที่ 4",
            "1\tประกาศเจตจำนงสุจริต\tสำนักปลัด\t\t✓\t✓\t",
        ],
        "quarters.txt",
    )
    assert [(m.status, str(m.start), str(m.end)) for m in doc.measures] == [
        (None, "2025-01-01", "2025-06-30")
    ]


def test_quarters_under_a_merged_result_are_results_not_a_grid() -> None:
    doc = parse_report_lines(
        [
            "รายงานผลการดำเนินงานตามมาตรการ ประจำปีงบประมาณ พ.ศ. 2568 รอบ 6 เดือน",
            "องค์การบริหารส่วนตำบลนาขุม อำเภอบ้านโคก จังหวัดอุตรดิตถ์",
            "ที่\tมาตรการ\tผู้รับผิดชอบ\tผลการดำเนินงาน\t",
            "\t\t\tไตรมาส 1\tไตรมาส 2",
            "1\tประกาศเจตจำนงสุจริต\tสำนักปลัด\tจัดทำร่างประกาศ\tประกาศแล้ว",
        ],
        "quarters.txt",
    )
    [measure] = doc.measures
    assert (measure.result, measure.start, measure.end) == ("จัดทำร่างประกาศ ประกาศแล้ว", None, None)
    assert doc.row_account.headers == 2


def test_a_month_grid_gives_each_measure_its_months_and_no_status() -> None:
    doc = parse_report_lines(
        [
            "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568",
            "องค์การบริหารส่วนตำบลนาขุม อำเภอบ้านโคก จังหวัดอุตรดิตถ์",
            "ที่\tมาตรการ\tผู้รับผิดชอบ\tตุลาคม\tพฤศจิกายน\tธันวาคม\tมกราคม",
            "1\tประกาศเจตจำนงสุจริต\tสำนักปลัด\t/\t\t\t",
            "2\tอบรมคุณธรรมจริยธรรม\tสำนักปลัด\t\tx\tx\tx",
        ],
        "grid.txt",
    )
    periods = [(m.status, str(m.start), str(m.end)) for m in doc.measures]
    assert periods == [(None, "2024-10-01", "2024-10-31"), (None, "2024-11-01", "2025-01-31")]
    assert doc.warnings == []


def test_measures_written_as_paragraphs_are_read_by_their_labels() -> None:
    doc = parse_report_lines(
        [
            "รายงานผลการดำเนินงานตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๑๒ เดือน",
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            "มาตรการที่ ๑: ประกาศเจตจำนงสุจริตของผู้บริหาร",
            "ระยะเวลา ต.ค. ๖๖ - ธ.ค. ๖๖",
            "สถานะ ดำเนินการแล้ว",
            "ผู้บริหารลงนามประกาศแล้ว",  # no label: prose that fills nothing
            "มาตรการที่ ๒ อบรมคุณธรรมจริยธรรม",
            "ผู้รับผิดชอบ: กองการเจ้าหน้าที่",
        ],
        "paragraphs.txt",
    )
    read = [(m.no, m.title, m.status, str(m.start), str(m.end), m.responsible) for m in doc.measures]
    assert read == [
        (1, "ประกาศเจตจำนงสุจริตของผู้บริหาร", "done", "2023-10-01", "2023-12-31", []),
        (2, "อบรมคุณธรรมจริยธรรม", None, "None", "None", ["กองการเจ้าหน้าที่"]),
    ]


def test_numbered_paragraphs_a_field_follows_are_measures_and_a_label_heads_its_list() -> None:
    doc = parse_report_lines(
        [
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            "๑. ที่มาและความสำคัญ",  # a numbered section no field follows: no measure
            "สำนักงาน ป.ป.ช. กำหนดให้หน่วยงานจัดทำมาตรการ",
            "๒. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
            "วิธีการดำเนินการ",
            "• ตรวจสอบรายการข้อมูล",
            "๒) ปรับปรุงเว็บไซต์",  # list items under the label, however marked
            "ผู้รับผิดชอบ สำนักปลัด",
            "๓. มาตรการป้องกันผลประโยชน์ทับซ้อน",
            "ผู้รับผิดชอบ",
            "กองการเจ้าหน้าที่",  # the one line under a label of its own
            "ประกาศ ณ วันที่ ๒๕ ตุลาคม พ.ศ. ๒๕๖๗",  # neither a list item nor a field: the signature
        ],
        "numbered.txt",
    )
    read = [(m.no, m.title, m.steps, m.responsible, m.start) for m in doc.measures]
    assert read == [
        (2, "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ", ["ตรวจสอบรายการข้อมูล", "ปรับปรุงเว็บไซต์"], ["สำนักปลัด"], None),
        (3, "มาตรการป้องกันผลประโยชน์ทับซ้อน", [], ["กองการเจ้าหน้าที่"], None),
    ]
    assert doc.warnings == []


def test_an_instrument_named_in_thai_words_only_is_its_group() -> None:
    doc = parse_report_lines(
        [
            "รายงานผลการดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. 2567 รอบ 12 เดือน",
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            "ที่\tมาตรการ\tผู้รับผิดชอบ\tสถานะ",
            "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก\t\t\t",
            "1\tสำรวจความพึงพอใจของผู้มีส่วนได้ส่วนเสียภายใน\tสำนักปลัด<br>กองคลัง\tดำเนินการแล้ว",
            "แบบตรวจการเปิดเผยข้อมูลสาธารณะ\t\t\t",
            "1\tปรับปรุงข้อมูล<br>บนเว็บไซต์\tสำนักปลัด\tอยู่ระหว่างดำเนินการ",
        ],
        "groups.txt",
    )
    read = [(m.group, m.no, m.title, m.responsible) for m in doc.measures]
    assert read == [
        ("EIT", 1, "สำรวจความพึงพอใจของผู้มีส่วนได้ส่วนเสียภายใน", ["สำนักปลัด", "กองคลัง"]),
        ("OIT", 1, "ปรับปรุงข้อมูลบนเว็บไซต์", ["สำนักปลัด"]),  # a title wrapped by hand runs on
    ]


@pytest.mark.parametrize(
    ("period_line", "kind", "period"),
    [
        ("ระหว่างวันที่ ๑ ต.ค. ๖๗ ถึง ๓๑ มี.ค. ๖๘", "progress_6_months", ("2024-10-01", "2025-03-31")),
        ("ตั้งแต่ 1 ตุลาคม 2567 - 30 กันยายน 2568", "progress_year_end", ("2024-10-01", "2025-09-30")),
        ("ระหว่างวันที่ 1 มกราคม - 31 มีนาคม 2568", "progress", ("2025-01-01", "2025-03-31")),
    ],
)
def test_a_period_stated_on_a_title_line_is_the_reports(period_line: str, kind: str, period) -> None:
    doc = parse_report_lines(
        [
            "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568",
            period_line,
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            "ที่\tมาตรการ\tสถานะ",
            "1\tประกาศเจตจำนงสุจริต\tดำเนินการแล้ว",
        ],
        "period.txt",
    )
    assert (doc.kind, tuple(str(d) for d in doc.report_period)) == (kind, period)


def test_a_stated_period_outside_the_fiscal_year_is_flagged_not_kept() -> None:
    """OCR that reads ๒๕๖๘ as ๒๕๐๕ must not give a six-month report a period of 62 years."""
    doc = parse_report_lines(
        [
            "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2568",
            "ระหว่างวันที่ ๑ ต.ค. ๒๕๖๗ ถึง ๓๑ มี.ค. ๒๕๐๕",
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            "ที่\tมาตรการ\tสถานะ",
            "1\tประกาศเจตจำนงสุจริต\tดำเนินการแล้ว",
        ],
        "period.txt",
    )
    # the round the title names still gives the period
    assert (doc.kind, tuple(str(d) for d in doc.report_period)) == (
        "progress_6_months",
        ("2024-10-01", "2025-03-31"),
    )
    [warning] = [w for w in doc.warnings if w.line == 2]
    assert warning.message == (
        "the period stated, 1962-03-31..2024-10-01, is not within fiscal year 2568 (2024-10-01..2025-09-30): ignored"
    )
    assert warning.message_th == (
        "ช่วงเวลาที่ระบุ 1962-03-31..2024-10-01 ไม่อยู่ในปีงบประมาณ 2568 (2024-10-01..2025-09-30): จึงไม่นำมาใช้"
    )


@pytest.mark.parametrize(
    ("result_line", "english", "thai"),
    [
        (
            "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้ 83.10 คะแนน ผลการประเมินระดับ ผ่าน",
            "ITA 2567: rated ผ่าน with 83.1, below the pass mark 85",
            "ITA 2567: ได้ผล 'ผ่าน' ด้วยคะแนน 83.1 ซึ่งต่ำกว่าเกณฑ์ผ่าน 85",
        ),
        (
            "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2564 พบว่ามีผลคะแนน 92.90 คะแนน อยู่ในระดับ AA",
            "ITA 2564: graded AA with 92.9, which is A",
            "ITA 2564: ได้ระดับ AA ด้วยคะแนน 92.9 ซึ่งตรงกับระดับ A",
        ),
    ],
)
def test_a_quoted_grade_or_label_the_score_contradicts_is_flagged(
    result_line: str, english: str, thai: str
) -> None:
    doc = parse_report_lines(
        [
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568",
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            result_line,
            "ที่\tมาตรการ\tขั้นตอนการดำเนินการ\tผู้รับผิดชอบ\tระยะเวลา",
            "1\tประกาศเจตจำนงสุจริต\tประกาศบนเว็บไซต์\tสำนักปลัด\tต.ค. 67",
        ],
        "grade.txt",
    )
    assert [(w.line, w.message, w.message_th) for w in doc.warnings] == [(3, english, thai)]


def test_a_form_per_measure_is_read_by_its_labels() -> None:
    doc = parse_report_lines(
        [
            "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568",
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            "แบบฟอร์มมาตรการที่ 3",
            "ชื่อมาตรการ\tประกาศเจตจำนงสุจริต",
            "วัตถุประสงค์\tเพื่อแสดงความมุ่งมั่น",
            "ผู้รับผิดชอบ\tสำนักปลัด",
            "ชื่อโครงการ\tอบรมคุณธรรม",
            "ระยะเวลา\tมิ.ย. 68",
        ],
        "forms.txt",
    )
    read = [(m.no, m.title, m.responsible, str(m.start)) for m in doc.measures]
    assert read == [(3, "ประกาศเจตจำนงสุจริต", ["สำนักปลัด"], "None"), (4, "อบรมคุณธรรม", [], "2025-06-01")]
    assert doc.warnings == [] and doc.row_account.unexplained == []


def test_start_and_end_columns_a_result_row_and_a_short_year() -> None:
    doc = parse_report_lines(
        [
            "รายงานผลการดำเนินการตามมาตรการ ปีงบ 68 รอบ 6 เดือน",
            "อบต.บ้านแพง อ.บ้านแพง จ.นครพนม",
            "ที่\tมาตรการ\tระยะเวลา\t\tผล",
            "\t\tเริ่มต้น\tสิ้นสุด\t",
            "1\tประกาศเจตจำนงสุจริต\t1 ต.ค. 2567\t15 พ.ย. 2567\tดำเนินการแล้ว",
            "2\tอบรมคุณธรรม\t1 ม.ค. 2568\t31 มี.ค. 2568\tจัดอบรมแล้ว 1 ครั้ง",
            "ผลการดำเนินงาน: ผู้เข้าอบรม 40 คน\t\t\t\t",
        ],
        "short.txt",
    )
    assert doc.fiscal_year == 2568
    read = [(m.no, str(m.start), str(m.end), m.status, m.result) for m in doc.measures]
    assert read == [
        (1, "2024-10-01", "2024-11-15", "done", "ดำเนินการแล้ว"),  # a result that is a status states it
        (2, "2025-01-01", "2025-03-31", None, "จัดอบรมแล้ว 1 ครั้ง ผู้เข้าอบรม 40 คน"),
    ]
    assert doc.warnings == [] and doc.row_account.unexplained == []


def test_files_a_web_page_offers_above_its_table_do_not_name_its_round_or_year() -> None:
    doc = parse_report_lines(
        [
            "สรุปผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม พ.ศ. ๒๕๖๗ รอบ ๑๒ เดือน",
            "เทศบาลตำบลหนองหาร อำเภอสันทราย จังหวัดเชียงใหม่",
            "ดาวน์โหลดไฟล์ PDF มาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ ๒๕๖๘",
            "รายงานผลการดำเนินการ ประจำปีงบประมาณ ๒๕๖๗ รอบ ๖ เดือน (๑.๔ MB)",
            "ที่\tมาตรการ\tสถานะ",
            "1\tประกาศเจตจำนงสุจริต\tดำเนินการแล้ว",
        ],
        "downloads.html",
    )
    assert (doc.fiscal_year, doc.kind) == (2567, "progress_year_end")
