"""A deterministic synthetic national sample: every local government of Thailand, fiscal years 2562–2568.

The embedded database holds the real documents plus this sample, so the dashboard has national scale
for demos. Agencies carry real place names from geothai; scores follow the published national means
and pass shares; measures target each agency's weakest indicators of the year before. Every row is
marked is_synthetic and every identity key starts with "synthetic|", so the sample never merges with
real agencies. The same seed always gives the same frames.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

import geothai
import numpy as np
import pandas as pd

from ita import framework, national
from ita.agencies import SYNTHETIC_KEY_PREFIX as KEY_PREFIX
from ita.agencies import TYPE_PREFIX, identity_key, parse_name

CITY_FILE = Path(__file__).resolve().parent.parent / "data" / "reference" / "city_municipalities.csv"
PARSER_VERSION = "synthetic-1"
IMPORTED_AT = pd.Timestamp("2026-01-01")
BANGKOK = "กรุงเทพมหานคร"
TYPE_ORDER = ("pao", "city_municipality", "town_municipality", "subdistrict_municipality", "sao")
ID_COLUMNS = ("agency_id", "document_id", "assessment_id", "measure_id")


class Target(NamedTuple):
    mean: float
    share_passing: float  # share of agencies at or above the year's pass mark
    is_published: bool  # whether share_passing is a published figure


# Where data/national_results.csv has no figure (2562 and 2563; a pass share before 2565) the sample follows
# these, invented to continue the trend and not to be quoted: (mean, share passing).
ASSUMED: dict[int, tuple[float | None, float]] = {
    2562: (75.00, 0.30),
    2563: (78.00, 0.38),
    2564: (None, 0.48),
}


def year_targets() -> dict[int, Target]:
    """The national mean and pass share each year's sample is drawn to: published figures where there are any."""
    published = national.results()
    out = {}
    for fy in sorted(published.keys() | ASSUMED.keys()):
        result = published.get(fy)
        mean, share = ASSUMED.get(fy, (None, None))
        is_published = result is not None and result.pass_share is not None
        out[fy] = Target(
            result.mean_score if result else mean,
            result.pass_share if is_published else share,
            is_published,
        )
    return out


# Sizes from ITA.md; the 30 city municipalities are listed in CITY_FILE. Outside Bangkok geothai has
# 7,256 subdistricts, too few for 2,250 ทต. and 5,300 อบต. when no subdistrict serves both (in reality
# many do): 2,220 ทต. leave about 5,200 อบต.
TOWN_COUNT = 195
TOWNS_NAMED_BY_SUBDISTRICT = 20  # such as แสนสุข or บ้านสวน, suburbs of a provincial capital
SUBDISTRICT_MUNICIPALITY_COUNT = 2220
DISTRICT_SEAT_SHARE = 0.5  # share of district seats whose ทต. bears the district's name

# --- scores -----------------------------------------------------------------------------------------
INDICATOR_COUNT = 10
YEAR_CORRELATION = 0.8  # weight of an agency's persistent standing against the year's luck
INDICATOR_PERSISTENCE = 0.35  # sd (log scale) of an agency's lasting strengths and weaknesses by indicator
INDICATOR_NOISE = 0.3
OIT_LAPSE_RATE = 0.004  # of all agencies, drawn from the weakest quarter
TYPE_WEAKNESS = {"pao": -0.35, "city_municipality": -0.45, "town_municipality": -0.25}
# Relative shortfall of each indicator 1–10 against the overall. Open data (9) and anti-corruption
# practice (10) lag far behind in the first years (a 2564 region: indicator 10 at 67.28, 9 at 82.30,
# IIT 89.88) and catch up once agencies learn the OIT checklist; EIT then becomes the weak spot.
PROFILE: dict[int, tuple[float, ...]] = {
    2562: (0.40, 0.50, 0.45, 0.40, 0.60, 0.75, 0.80, 0.85, 1.25, 1.75),
    2563: (0.45, 0.55, 0.50, 0.45, 0.65, 0.80, 0.85, 0.90, 1.20, 1.70),
    2564: (0.45, 0.55, 0.50, 0.45, 0.65, 0.85, 0.90, 0.95, 1.10, 1.70),
    2565: (0.70, 0.80, 0.75, 0.70, 0.90, 1.00, 1.05, 1.10, 1.00, 1.25),
    2566: (0.85, 0.95, 0.90, 0.85, 1.00, 1.10, 1.15, 1.20, 0.95, 1.00),
    2567: (0.95, 1.05, 1.00, 0.95, 1.10, 1.20, 1.25, 1.30, 0.85, 0.90),
    2568: (0.95, 1.05, 1.00, 0.95, 1.10, 1.25, 1.25, 1.35, 0.85, 0.85),
}

# --- measures ---------------------------------------------------------------------------------------
MEASURES_PER_DOCUMENT = (5, 12)
# Chance of aiming at the agency's weakest, second weakest … strongest indicator of the year before.
RANK_WEIGHT = np.array([0.30, 0.20, 0.14, 0.10, 0.08, 0.06, 0.04, 0.03, 0.03, 0.02])
CARRY_OVER_BOOST = 6.0  # how much likelier a measure of last year is kept while its indicator stays weak
WEAK_RANKS = 3
HEADER_LINES = 4


@dataclass(frozen=True)
class CatalogueEntry:
    indicator: int
    title: str
    evidence: tuple[str, ...]
    secondary: int | None = None
    secondary_evidence: tuple[str, ...] = ()


def _entries(indicator: int, *rows: tuple) -> list[CatalogueEntry]:
    return [CatalogueEntry(indicator, *row) for row in rows]


CATALOGUE: tuple[CatalogueEntry, ...] = (
    *_entries(
        1,
        ("จัดทำมาตรฐานการปฏิบัติงานและคู่มือการให้บริการประชาชน", ("มาตรฐานการปฏิบัติงาน",)),
        ("ประกาศเจตจำนงสุจริตในการบริหารงานของผู้บริหาร", ("เจตจำนงสุจริต",), 10, ("สุจริต",)),
        ("อบรมส่งเสริมคุณธรรมจริยธรรมแก่บุคลากร", ("คุณธรรม", "จริยธรรม")),
        ("จัดทำประมวลจริยธรรมของพนักงานส่วนท้องถิ่น", ("ประมวลจริยธรรม",)),
        ("กำหนดขั้นตอนและระยะเวลาการปฏิบัติงานให้ชัดเจน", ("ขั้นตอน", "การปฏิบัติงาน"), 6, ("ระยะเวลา",)),
        ("จัดให้มีช่องทางร้องเรียนการปฏิบัติงานของเจ้าหน้าที่", ("ร้องเรียน", "เจ้าหน้าที่")),
        ("ส่งเสริมการปฏิบัติงานอย่างเท่าเทียมไม่เลือกปฏิบัติ", ("ไม่เลือกปฏิบัติ",)),
    ),
    *_entries(
        2,
        ("เผยแพร่แผนการใช้จ่ายงบประมาณประจำปีบนเว็บไซต์", ("งบประมาณ",), 9, ("เว็บไซต์",)),
        ("จัดทำรายงานผลการใช้จ่ายงบประมาณรายไตรมาส", ("งบประมาณ", "รายไตรมาส")),
        ("เปิดโอกาสให้ประชาชนมีส่วนร่วมตรวจสอบการจัดซื้อจัดจ้าง", ("จัดซื้อจัดจ้าง", "ตรวจสอบ")),
        ("แต่งตั้งคณะกรรมการตรวจสอบการใช้จ่ายงบประมาณ", ("ตรวจสอบ", "งบประมาณ")),
        ("ประกาศผลการจัดซื้อจัดจ้างรายเดือนให้ประชาชนทราบ", ("จัดซื้อจัดจ้าง",)),
        ("ควบคุมการเบิกจ่ายให้เป็นไปตามระเบียบและวัตถุประสงค์", ("เบิกจ่าย",)),
    ),
    *_entries(
        3,
        ("กำหนดหลักเกณฑ์การมอบหมายงานและการประเมินผลอย่างเป็นธรรม", ("มอบหมายงาน", "ประเมินผล")),
        ("เปิดเผยหลักเกณฑ์การพิจารณาเลื่อนขั้นเงินเดือน", ("เลื่อนขั้นเงินเดือน",)),
        ("จัดทำแนวทางป้องกันการใช้อำนาจโดยมิชอบ", ("การใช้อำนาจ",)),
        ("ส่งเสริมการบริหารงานบุคคลตามระบบคุณธรรม", ("บริหารงานบุคคล", "ระบบคุณธรรม")),
        ("รับฟังความคิดเห็นของบุคลากรต่อการบริหารงานของผู้บังคับบัญชา", ("ผู้บังคับบัญชา",)),
        ("ประกาศแนวทางการสรรหาและคัดเลือกบุคลากรอย่างโปร่งใส", ("สรรหา", "คัดเลือก"), 9, ("โปร่งใส",)),
    ),
    *_entries(
        4,
        ("จัดทำคู่มือการใช้ทรัพย์สินของราชการ", ("ทรัพย์สินของราชการ", "คู่มือ")),
        ("กำหนดขั้นตอนการขออนุญาตยืมทรัพย์สินของราชการ", ("ยืมทรัพย์สิน",)),
        ("ตรวจสอบพัสดุประจำปีและจัดทำทะเบียนครุภัณฑ์ให้เป็นปัจจุบัน", ("พัสดุ", "ครุภัณฑ์")),
        ("ควบคุมการใช้รถยนต์ส่วนกลางและบันทึกการใช้รถ", ("รถยนต์ส่วนกลาง",)),
        ("ประชาสัมพันธ์แนวทางการใช้ทรัพย์สินของราชการให้บุคลากรทราบ", ("ทรัพย์สินของราชการ",)),
        ("รณรงค์ไม่นำทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตน", ("ประโยชน์ส่วนตน",), 10, ("รณรงค์",)),
    ),
    *_entries(
        5,
        ("ประกาศเจตนารมณ์ต่อต้านการทุจริตของผู้บริหารและบุคลากร", ("ต่อต้านการทุจริต",)),
        ("จัดให้มีช่องทางแจ้งเบาะแสการทุจริตที่คุ้มครองผู้แจ้ง", ("แจ้งเบาะแส",), 10, ("การทุจริต",)),
        ("ตรวจสอบภายในและรายงานผลต่อผู้บริหารอย่างสม่ำเสมอ", ("ตรวจสอบภายใน",)),
        ("อบรมเสริมสร้างความรู้เรื่องผลประโยชน์ทับซ้อน", ("ผลประโยชน์ทับซ้อน",)),
        ("แก้ไขปัญหาเรื่องร้องเรียนการทุจริตให้แล้วเสร็จและแจ้งผล", ("เรื่องร้องเรียน", "การทุจริต")),
        ("สร้างการมีส่วนร่วมของบุคลากรในการต่อต้านการทุจริต", ("มีส่วนร่วม", "ต่อต้านการทุจริต")),
    ),
    *_entries(
        6,
        ("ปรับปรุงขั้นตอนการให้บริการให้สะดวกรวดเร็ว", ("การให้บริการ", "รวดเร็ว")),
        ("สำรวจความพึงพอใจของผู้รับบริการ", ("ความพึงพอใจ", "ผู้รับบริการ")),
        ("จัดทำป้ายแสดงขั้นตอนและระยะเวลาการให้บริการ", ("ระยะเวลาการให้บริการ",)),
        ("อบรมพัฒนาบุคลากรด้านการบริการประชาชน", ("บริการประชาชน",)),
        ("ให้บริการอย่างเท่าเทียมตามลำดับก่อนหลัง", ("เท่าเทียม",)),
        ("จัดตั้งศูนย์บริการร่วมแบบเบ็ดเสร็จ ณ จุดเดียว", ("ศูนย์บริการ",), 8, ("เบ็ดเสร็จ",)),
    ),
    *_entries(
        7,
        ("ประชาสัมพันธ์ผลการดำเนินงานผ่านเพจเฟซบุ๊กและไลน์ของหน่วยงาน", ("ประชาสัมพันธ์", "เฟซบุ๊ก")),
        ("จัดทำจดหมายข่าวและวารสารประชาสัมพันธ์รายไตรมาส", ("จดหมายข่าว",)),
        ("พัฒนาช่องทางรับเรื่องร้องเรียนออนไลน์", ("ช่องทาง", "ร้องเรียน")),
        ("ชี้แจงและตอบข้อสงสัยของประชาชนภายในเวลาที่กำหนด", ("ตอบข้อสงสัย",)),
        ("ติดตั้งเสียงตามสายและป้ายประชาสัมพันธ์ในชุมชน", ("เสียงตามสาย",)),
        ("เผยแพร่ข้อมูลข่าวสารผ่านหอกระจายข่าวประจำหมู่บ้าน", ("หอกระจายข่าว", "ข้อมูลข่าวสาร")),
    ),
    *_entries(
        8,
        ("นำระบบบริการอิเล็กทรอนิกส์ (e-Service) มาใช้ในการให้บริการ", ("อิเล็กทรอนิกส์",)),
        ("ปรับปรุงระบบรับชำระภาษีให้ชำระผ่านช่องทางออนไลน์", ("ชำระภาษี", "ออนไลน์")),
        ("เปิดโอกาสให้ประชาชนมีส่วนร่วมในการปรับปรุงการดำเนินงาน", ("มีส่วนร่วม", "ปรับปรุง")),
        ("ทบทวนและลดขั้นตอนการปฏิบัติงาน", ("ลดขั้นตอน",), 6, ("การปฏิบัติงาน",)),
        ("จัดทำแผนพัฒนาคุณภาพการให้บริการ", ("แผนพัฒนาคุณภาพ",)),
        ("นำความคิดเห็นของผู้รับบริการมาปรับปรุงการทำงาน", ("ปรับปรุงการทำงาน",)),
    ),
    *_entries(
        9,
        ("ปรับปรุงเว็บไซต์ให้เปิดเผยข้อมูลครบถ้วนเป็นปัจจุบัน", ("เว็บไซต์", "เปิดเผยข้อมูล")),
        ("แต่งตั้งผู้รับผิดชอบการเผยแพร่ข้อมูลตามแบบตรวจ OIT", ("เผยแพร่ข้อมูล",)),
        ("เผยแพร่แผนและผลการจัดซื้อจัดจ้างบนเว็บไซต์", ("เว็บไซต์",), 2, ("จัดซื้อจัดจ้าง",)),
        ("เผยแพร่หลักเกณฑ์การบริหารงานบุคคลบนเว็บไซต์", ("เว็บไซต์",), 3, ("บริหารงานบุคคล",)),
        ("จัดทำรายงานผลการดำเนินงานประจำปีเผยแพร่ต่อสาธารณะ", ("รายงานผลการดำเนินงาน",)),
        ("ตรวจสอบความครบถ้วนของข้อมูลบนเว็บไซต์ก่อนการประเมิน", ("ข้อมูลบนเว็บไซต์",)),
        ("เผยแพร่ข้อมูลสถิติการให้บริการบนเว็บไซต์", ("สถิติการให้บริการ",), 6, ("การให้บริการ",)),
    ),
    *_entries(
        10,
        ("ประกาศนโยบาย No Gift Policy", ("No Gift Policy",)),
        ("ประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ", ("ความเสี่ยงการทุจริต",)),
        ("จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", ("คุณธรรม", "ความโปร่งใส")),
        ("จัดทำแผนปฏิบัติการป้องกันการทุจริตและรายงานผล", ("ป้องกันการทุจริต",), 5, ("แผนปฏิบัติการ",)),
        ("จัดกิจกรรมเสริมสร้างวัฒนธรรมองค์กรด้านความซื่อสัตย์สุจริต", ("ซื่อสัตย์สุจริต", "วัฒนธรรมองค์กร")),
        ("วิเคราะห์ผลการประเมิน ITA ปีที่ผ่านมาและจัดทำแนวทางปรับปรุง", ("ผลการประเมิน",)),
        ("จัดทำแนวปฏิบัติการรับของขวัญและประโยชน์อื่นใด", ("ของขวัญ", "ประโยชน์อื่นใด")),
    ),
)

# Units of a typical อบต./เทศบาล; the first unit of an indicator is the usual owner of its measures.
UNITS: dict[int, tuple[str, ...]] = {
    1: ("สำนักปลัด", "งานการเจ้าหน้าที่"),
    2: ("กองคลัง", "งานพัสดุ"),
    3: ("งานการเจ้าหน้าที่", "สำนักปลัด"),
    4: ("กองคลัง", "งานพัสดุ", "กองช่าง"),
    5: ("สำนักปลัด", "หน่วยตรวจสอบภายใน"),
    6: ("สำนักปลัด", "กองช่าง", "กองสาธารณสุขและสิ่งแวดล้อม", "กองการศึกษา"),
    7: ("งานประชาสัมพันธ์", "สำนักปลัด"),
    8: ("สำนักปลัด", "กองคลัง", "กองช่าง"),
    9: ("งานประชาสัมพันธ์", "สำนักปลัด", "กองคลัง"),
    10: ("สำนักปลัด", "หน่วยตรวจสอบภายใน"),
}
SUPPORTING_UNIT = "ทุกกอง/สำนัก"
STEPS = (
    "แต่งตั้งคณะทำงานผู้รับผิดชอบ",
    "ประชุมวางแผนการดำเนินงาน",
    "จัดทำร่างและเสนอผู้บริหารพิจารณา",
    "ดำเนินการตามแผน",
    "ประชาสัมพันธ์ให้บุคลากรและประชาชนทราบ",
    "ติดตามประเมินผลและรายงานผู้บริหาร",
)
STEP_COUNT_WEIGHT = np.array([0.10, 0.20, 0.25, 0.20, 0.15, 0.10])
RESULTS = (
    "ดำเนินการแล้วเสร็จตามแผน",
    "ดำเนินการแล้วเสร็จ มีบุคลากรเข้าร่วม {n} คน",
    "ดำเนินการแล้วเสร็จ และเผยแพร่บนเว็บไซต์ของหน่วยงานแล้ว",
    "ดำเนินการแล้วเสร็จ รายงานผลให้ผู้บริหารทราบแล้ว",
    "ดำเนินการแล้วเสร็จ ผู้รับบริการพึงพอใจร้อยละ {p}",
)
STATUSES = ("done", "in_progress", "not_started")
STATUS_WEIGHT = np.array([0.88, 0.09, 0.03])
LATEST_STATUS_WEIGHT = np.array([0.55, 0.35, 0.10])  # the last year is still being reported on
FULL_YEAR_SHARE = 0.35  # measures running from October to September


def generate(
    *,
    seed: int = 2568,
    first_ids: dict[str, int] | None = None,
    exclude_keys: frozenset[str] = frozenset(),
    provinces: list[str] | None = None,
    years: range = range(2562, 2569),
) -> dict[str, pd.DataFrame]:
    """Frames for agencies, documents, assessments, indicator_scores, measures and measure_targets.

    first_ids gives the first free value of each id column (default 1); exclude_keys the identity keys
    of real agencies, which get no synthetic twin; provinces restricts the sample to those provinces.
    Scores are drawn and calibrated for the whole country, so an agency scores the same in any subset.
    """
    unknown = [fy for fy in years if fy not in year_targets()]
    if unknown:
        raise ValueError(f"no synthetic targets for fiscal years {unknown}")
    ids = {column: 1 for column in ID_COLUMNS} | (first_ids or {})
    national = _national_agencies(seed)
    keep = ~national["real_key"].isin(exclude_keys).to_numpy()
    if provinces is not None:
        unknown_provinces = set(provinces) - set(national["province"])
        if unknown_provinces:
            raise ValueError(f"no synthetic agencies in {sorted(unknown_provinces)}")
        keep &= national["province"].isin(provinces).to_numpy()
    agencies = national[keep].reset_index(drop=True)
    agencies["agency_id"] = np.arange(len(agencies)) + ids["agency_id"]

    scores = {fy: s[keep] for fy, s in _national_scores(seed, _score_years(years)).items()}
    sheets = _score_sheets(agencies, years, seed, ids["document_id"])
    assessments, indicator_scores = _assessments(agencies, scores, years, sheets, ids["assessment_id"])
    measure_docs = _measure_documents(agencies, years, seed, ids["document_id"] + len(sheets))
    measures, targets = _measures(agencies, scores, years, measure_docs, seed, ids["measure_id"])
    return {
        "agencies": _agency_frame(agencies),
        "documents": pd.concat([sheets, measure_docs], ignore_index=True),
        "assessments": assessments,
        "indicator_scores": indicator_scores,
        "measures": measures,
        "measure_targets": targets,
    }


# --- agencies ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _District:
    code: str
    name: str
    province: str
    province_code: str
    subdistricts: tuple[tuple[str, str], ...]  # (code, name) in code order

    @property
    def is_capital(self) -> bool:
        # DOPA numbers the capital district (อำเภอเมือง) 01 in every province.
        return self.code.endswith("01")

    def subdistrict_named(self, name: str) -> str | None:
        return next((code for code, sub in self.subdistricts if sub == name), None)


class _Agency(NamedTuple):
    type: str
    place: str
    district: str | None
    province: str
    province_code: str
    geocode: str  # code of the area it is named after, for a stable order


@cache
def _districts() -> tuple[_District, ...]:
    """Every district outside Bangkok (a special form of local government, left out)."""
    return tuple(
        _District(
            d.code,
            d.name_th,
            p.name_th,
            p.code,
            tuple((s.code, s.name_th) for s in geothai.subdistricts(d.code)),
        )
        for p in sorted(geothai.provinces(), key=lambda p: p.code)
        if p.name_th != BANGKOK
        for d in geothai.districts(p.code)
    )


def _agency(type_: str, place: str, district: _District, geocode: str) -> _Agency:
    return _Agency(type_, place, district.name, district.province, district.province_code, geocode)


@cache
def _national_agencies(seed: int) -> pd.DataFrame:
    """Every local government outside Bangkok, with its keys; which places get which type depends on seed."""
    rng = np.random.default_rng([seed, 0])
    districts = _districts()
    used: set[str] = set()  # subdistricts that already give their name to a local government
    capitals = {d.province: d for d in districts if d.is_capital}
    # A PAO covers its whole province: no district, as the parsers record it.
    agencies = [
        _Agency("pao", d.province, None, d.province, d.province_code, d.province_code)
        for d in capitals.values()
    ]
    cities = _cities(districts)
    agencies += cities
    used |= {_named_subdistrict(districts, a) for a in cities} - {None}
    towns = _towns(rng, districts, capitals, cities, used)
    agencies += towns
    seats = _district_seats(rng, districts, {(a.province, a.district) for a in cities + towns}, used)
    agencies += seats
    # A ทต. never shares its name with a ทม. or another ทต. of the province; an อบต. may.
    closed = {(a.province, a.place) for a in towns + seats}
    agencies += _subdistrict_agencies(rng, districts, used, closed, len(seats))
    return _with_keys(pd.DataFrame(agencies))


def _cities(districts: tuple[_District, ...]) -> list[_Agency]:
    by_name = {(d.province, d.name): d for d in districts}
    with CITY_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = [r["name_place"] for r in rows if (r["province"], r["district"]) not in by_name]
    if missing:
        raise ValueError(f"{CITY_FILE.name}: no such district for {missing}")
    return [
        _agency("city_municipality", r["name_place"], d, d.code)
        for r in rows
        for d in [by_name[(r["province"], r["district"])]]
    ]


def _named_subdistrict(districts: tuple[_District, ...], agency: _Agency) -> str | None:
    district = next(d for d in districts if d.province == agency.province and d.name == agency.district)
    return district.subdistrict_named(agency.place)


def _towns(
    rng: np.random.Generator,
    districts: tuple[_District, ...],
    capitals: dict[str, _District],
    cities: list[_Agency],
    used: set[str],
) -> list[_Agency]:
    """Town municipalities: every capital without a city, large districts, and some suburbs."""
    city_districts = {(a.province, a.district) for a in cities}
    towns = [
        _agency("town_municipality", province, d, d.code)
        for province, d in capitals.items()
        if (province, d.name) not in city_districts
    ]
    city_places = {(a.province, a.place) for a in cities}
    # Towns named after a district stand in its seat, which shares the district's name.
    candidates = [
        d
        for d in districts
        if not d.is_capital and d.subdistrict_named(d.name) and (d.province, d.name) not in city_places
    ]
    by_district = TOWN_COUNT - len(towns) - TOWNS_NAMED_BY_SUBDISTRICT
    size = np.array([len(d.subdistricts) for d in candidates], dtype=float)
    for i in sorted(rng.choice(len(candidates), by_district, replace=False, p=size / size.sum())):
        d = candidates[i]
        towns.append(_agency("town_municipality", d.name, d, d.code))
    suburbs = [
        (d, code, name) for d in capitals.values() for code, name in d.subdistricts[1:] if code not in used
    ]
    for i in sorted(rng.choice(len(suburbs), TOWNS_NAMED_BY_SUBDISTRICT, replace=False)):
        d, code, name = suburbs[i]
        towns.append(_agency("town_municipality", name, d, code))
        used.add(code)
    return towns


def _district_seats(
    rng: np.random.Generator,
    districts: tuple[_District, ...],
    taken: set[tuple[str, str]],
    used: set[str],
) -> list[_Agency]:
    """Subdistrict municipalities named after their district (the old สุขาภิบาล of the district seat).

    Where no subdistrict shares the district's name every such district has one; elsewhere about half,
    and that one takes the seat subdistrict's name away from the subdistrict organisations.
    """
    names_by_province: dict[str, set[str]] = {}
    for d in districts:
        names_by_province.setdefault(d.province, set()).update(name for _, name in d.subdistricts)
    seats: list[_Agency] = []
    for d in districts:
        if d.is_capital or (d.province, d.name) in taken:
            continue
        seat = d.subdistrict_named(d.name)
        shares_name = d.name in names_by_province[d.province]
        if shares_name and (seat is None or rng.random() >= DISTRICT_SEAT_SHARE):
            continue
        if seat:
            used.add(seat)
        seats.append(_agency("subdistrict_municipality", d.name, d, d.code))
    return seats


def _subdistrict_agencies(
    rng: np.random.Generator,
    districts: tuple[_District, ...],
    used: set[str],
    closed: set[tuple[str, str]],
    seat_count: int,
) -> list[_Agency]:
    """One ทต. or อบต. per remaining subdistrict; a name appears once per type within a province."""
    free = [(d, code, name) for d in districts for code, name in d.subdistricts if code not in used]
    repeats = Counter((d.province, name) for d, _, name in free)
    # Names repeated within a province go first, while both types can still take them.
    order = sorted(rng.permutation(len(free)), key=lambda i: repeats[(free[i][0].province, free[i][2])] == 1)
    quota = SUBDISTRICT_MUNICIPALITY_COUNT - seat_count
    names = {"subdistrict_municipality": set(closed), "sao": set()}
    out: list[_Agency] = []
    for i in order:
        d, code, name = free[i]
        kinds = ("subdistrict_municipality", "sao") if quota > 0 else ("sao",)
        kind = next((k for k in kinds if (d.province, name) not in names[k]), None)
        if kind is None:
            continue
        quota -= kind == "subdistrict_municipality"
        names[kind].add((d.province, name))
        out.append(_agency(kind, name, d, code))
    return out


def _with_keys(frame: pd.DataFrame) -> pd.DataFrame:
    """Canonical name and identity keys, sorted by province, type and place."""
    parsed = [parse_name(TYPE_PREFIX[t] + p) for t, p in zip(frame["type"], frame["place"], strict=True)]
    frame["name"] = [p.canonical for p in parsed]
    frame["real_key"] = [identity_key(p, prov) for p, prov in zip(parsed, frame["province"], strict=True)]
    frame["type_rank"] = frame["type"].map(TYPE_ORDER.index)
    return frame.sort_values(["province_code", "type_rank", "geocode", "place"], ignore_index=True)


def _agency_frame(agencies: pd.DataFrame) -> pd.DataFrame:
    n = len(agencies)
    return pd.DataFrame(
        {
            "agency_id": agencies["agency_id"].astype("int64"),
            "identity_key": KEY_PREFIX + agencies["real_key"],
            "name": agencies["name"],
            "agency_type": agencies["type"],
            "district": agencies["district"],
            "province": agencies["province"],
            "province_code": agencies["province_code"],
            "is_province_inferred": np.zeros(n, dtype=bool),
            "is_synthetic": np.ones(n, dtype=bool),
        }
    )


# --- scores -----------------------------------------------------------------------------------------


def _score_years(years: range) -> tuple[int, ...]:
    """The requested years plus each year before, whose results the measures answer."""
    return tuple(sorted(set(years) | {fy - 1 for fy in years if fy - 1 in year_targets()}))


def _national_scores(seed: int, years: tuple[int, ...]) -> dict[int, np.ndarray]:
    """Indicator scores (agencies × 10, 2 decimals) of every national agency per year."""
    agencies = _national_agencies(seed)
    weakness, pattern = _standing(agencies, seed)
    return {fy: _year_scores(fy, weakness, pattern, seed) for fy in years}


def _standing(agencies: pd.DataFrame, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Each agency's lasting weakness (standardised) and its lasting pattern across the indicators."""
    rng = np.random.default_rng([seed, 1])
    province_effect = rng.standard_normal(100)[agencies["province_code"].astype(int).to_numpy()]
    type_effect = agencies["type"].map(TYPE_WEAKNESS).fillna(0.0).to_numpy()
    weakness = rng.standard_normal(len(agencies)) + 0.4 * province_effect + type_effect
    return _standardise(weakness), rng.standard_normal((len(agencies), INDICATOR_COUNT))


def _standardise(values: np.ndarray) -> np.ndarray:
    return (values - values.mean()) / values.std()


def _year_scores(fy: int, weakness: np.ndarray, pattern: np.ndarray, seed: int) -> np.ndarray:
    rng = np.random.default_rng([seed, 2, fy])
    luck = rng.standard_normal(len(weakness))
    latent = _standardise(YEAR_CORRELATION * weakness + np.sqrt(1 - YEAR_CORRELATION**2) * luck)
    deficit = _calibrated_deficit(latent, year_targets()[fy], framework.for_year(fy).pass_mark)
    # Each indicator takes a share of the overall shortfall; the framework's weights average the shares
    # to one, so the overall is 100 - deficit until clipping at 0 and the lapses below lift it.
    noise = rng.standard_normal(pattern.shape)
    shares = np.array(PROFILE[fy]) * np.exp(INDICATOR_PERSISTENCE * pattern + INDICATOR_NOISE * noise)
    weights = _indicator_weights(fy)
    shares /= (shares @ weights)[:, None]
    kept = _oit_lapses(rng, fy, latent, shares.shape)
    for _ in range(3):
        overall = _shortfall_scores(deficit, shares, kept) @ weights
        deficit *= (100 - year_targets()[fy].mean) / (100 - overall.mean())
    return np.round(_shortfall_scores(deficit, shares, kept), 2)


def _oit_lapses(rng: np.random.Generator, fy: int, latent: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Factor kept of each score: a few weak agencies miss the OIT deadline and score next to nothing there."""
    is_oit = np.array([i.instrument == "OIT" for i in framework.for_year(fy).indicators])
    weakest = latent > np.quantile(latent, 0.75)
    lapsed = (weakest & (rng.random(len(latent)) < 4 * OIT_LAPSE_RATE))[:, None] & is_oit
    return np.where(lapsed, rng.random(shape) * 0.2, 1.0)


def _shortfall_scores(deficit: np.ndarray, shares: np.ndarray, kept: np.ndarray) -> np.ndarray:
    return np.clip(100 - deficit[:, None] * shares, 0, 100) * kept


def _indicator_weights(fy: int) -> np.ndarray:
    """Weight of each indicator in the overall: its instrument's weight shared among its indicators."""
    fw = framework.for_year(fy)
    counts = Counter(i.instrument for i in fw.indicators)
    return np.array([fw.weights[i.instrument] / counts[i.instrument] for i in fw.indicators])


def _calibrated_deficit(z: np.ndarray, target: Target, pass_mark: float) -> np.ndarray:
    """Shortfall below 100 per agency, with the target's mean and share at or above the pass mark.

    The shortfall follows a gamma law (through the Wilson–Hilferty transform of z); its scale sets the
    mean and its shape, found by bisection, the pass share. A larger shape gathers agencies near the
    mean, so it raises the share when the mean is above the pass mark and lowers it otherwise.
    """
    allowed = 100 - pass_mark
    rising = 100 - target.mean < allowed
    low, high = 0.0, np.log(500.0)  # shapes from 1: below it the law piles up at zero
    for _ in range(40):
        shape = np.exp((low + high) / 2)
        deficit = np.maximum(0.0, 1 - 1 / (9 * shape) + z / (3 * np.sqrt(shape))) ** 3
        deficit *= (100 - target.mean) / deficit.mean()
        if (np.mean(deficit <= allowed) < target.share_passing) == rising:
            low = np.log(shape)
        else:
            high = np.log(shape)
    return deficit


def _instrument_means(fy: int, scores: np.ndarray) -> dict[str, np.ndarray]:
    """Instrument scores in the same arithmetic as Framework.instrument_scores, so results match exactly."""
    fw = framework.for_year(fy)
    means: dict[str, np.ndarray] = {}
    for code in fw.weights:
        columns = [i.no - 1 for i in fw.indicators if i.instrument == code]
        total = np.zeros(len(scores))
        for column in columns:
            total = total + scores[:, column]
        means[code] = total / len(columns)
    return means


def _overall(fy: int, instruments: dict[str, np.ndarray]) -> np.ndarray:
    """Framework.overall, vectorised in the same order of operations and rounded to 2 decimals."""
    weights = framework.for_year(fy).weights
    total = np.zeros(len(next(iter(instruments.values()))))
    for code, mean in instruments.items():
        total = total + weights[code] * mean
    return _round2(total)


def _round2(values: np.ndarray) -> np.ndarray:
    """Python's round(x, 2), which rounds the decimal value; numpy's rounding can differ on a last 5."""
    return np.array([round(x, 2) for x in values.tolist()])


def _grades(fy: int, score: np.ndarray, instruments: dict[str, np.ndarray]) -> np.ndarray:
    """Framework.grade for every agency: the first band whose score and instrument minimums are met."""
    bands = framework.for_year(fy).grades
    lowest = np.minimum.reduce(list(instruments.values()))
    met = [
        (score >= b.min_score) & (b.min_instrument_score is None or lowest >= b.min_instrument_score)
        for b in bands
    ]
    return np.select(met, [b.label for b in bands], default=bands[-1].label).astype(object)


def _assessments(
    agencies: pd.DataFrame, scores: dict[int, np.ndarray], years: range, sheets: pd.DataFrame, first_id: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One assessment per agency and year (year by year, in score-sheet order) and its ten indicators."""
    n = len(agencies)
    frames = []
    for k, (fy, sheet_id) in enumerate(zip(years, sheets["document_id"].tolist(), strict=True)):
        instruments = _instrument_means(fy, scores[fy])
        score = _overall(fy, instruments)
        label = _grades(fy, score, instruments)
        is_letter = framework.for_year(fy).grade_scheme == "letters"
        frames.append(
            pd.DataFrame(
                {
                    "assessment_id": np.arange(n) + first_id + k * n,
                    "agency_id": agencies["agency_id"].to_numpy(),
                    "fiscal_year": fy,
                    "score": score,
                    "grade": label if is_letter else None,
                    "rating": None if is_letter else label,
                    **{code.lower(): _round2(mean) for code, mean in instruments.items()},
                    "document_id": sheet_id,
                    "source_line": np.arange(n) + 2,  # line 1 of the sheet is its header
                    "is_synthetic": True,
                    "source_page": pd.array([pd.NA] * n, dtype="Int32"),  # a sheet has no pages
                }
            )
        )
    assessments = pd.concat(frames, ignore_index=True)
    stacked = np.concatenate([scores[fy] for fy in years])
    count = stacked.shape[1]
    indicator_scores = pd.DataFrame(
        {
            "assessment_id": np.repeat(assessments["assessment_id"].to_numpy(), count),
            "indicator_no": np.tile(np.arange(1, count + 1), len(assessments)),
            "score": stacked.ravel(),
            "is_synthetic": True,
        }
    )
    return assessments, indicator_scores


# --- documents --------------------------------------------------------------------------------------


def _fiscal_year_bounds(fy: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Fiscal year Y runs from 1 October of C.E. Y-544 to 30 September of C.E. Y-543."""
    return pd.Timestamp(fy - 544, 10, 1), pd.Timestamp(fy - 543, 9, 30)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _documents(
    first_id: int,
    file_names: list[str],
    shas: list[str],
    kind: str,
    agency_ids: pd.array,
    fiscal_years: np.ndarray,
    bounds: tuple[list, list],
) -> pd.DataFrame:
    n = len(file_names)
    return pd.DataFrame(
        {
            "document_id": np.arange(n) + first_id,
            "file_name": file_names,
            "sha256": shas,
            "kind": kind,
            "agency_id": agency_ids,
            "fiscal_year": fiscal_years,
            "period_start": pd.to_datetime(bounds[0]),
            "period_end": pd.to_datetime(bounds[1]),
            "imported_at": IMPORTED_AT,
            "parser_version": PARSER_VERSION,
            "superseded_by": pd.array([None] * n, dtype="Int64"),
            "row_account": None,  # no document was read: its rows were generated
            "is_synthetic": True,
        }
    )


def _score_sheets(agencies: pd.DataFrame, years: range, seed: int, first_id: int) -> pd.DataFrame:
    """One national score sheet per fiscal year, listing the agencies in order."""
    roster = "\n".join(agencies["real_key"])
    return _documents(
        first_id,
        [f"synthetic/ita_{fy}.csv" for fy in years],
        [_sha256(f"{KEY_PREFIX}{seed}|score_sheet|{fy}\n{roster}") for fy in years],
        "score_sheet",
        pd.array([None] * len(years), dtype="Int64"),
        np.array(years),
        ([None] * len(years), [None] * len(years)),
    )


def _measure_documents(agencies: pd.DataFrame, years: range, seed: int, first_id: int) -> pd.DataFrame:
    """One year-end progress report per agency and year, year by year in agency order."""
    ids = agencies["agency_id"].tolist()
    keys = agencies["real_key"].tolist()
    bounds = [_fiscal_year_bounds(fy) for fy in years]
    return _documents(
        first_id,
        [f"synthetic/{a}/{fy}/measures.txt" for fy in years for a in ids],
        [_sha256(f"{KEY_PREFIX}{seed}|measures|{fy}|{k}") for fy in years for k in keys],
        "progress_year_end",
        pd.array(ids * len(years), dtype="Int64"),
        np.repeat(np.array(years), len(ids)),
        (np.repeat([b[0] for b in bounds], len(ids)), np.repeat([b[1] for b in bounds], len(ids))),
    )


# --- measures ---------------------------------------------------------------------------------------

ENTRY_INDICATOR = np.array([e.indicator for e in CATALOGUE])
# Steps are a subset of STEPS in their order; subsets grouped by size 1–6.
STEP_SETS = [
    tuple(STEPS[i] for i in c) for size in range(1, 7) for c in combinations(range(len(STEPS)), size)
]
STEP_SET_START = np.cumsum([0] + [len(list(combinations(STEPS, size))) for size in range(1, 7)])


def _measures(
    agencies: pd.DataFrame,
    scores: dict[int, np.ndarray],
    years: range,
    documents: pd.DataFrame,
    seed: int,
    first_id: int,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The measures of every year-end report and the indicators each one targets."""
    rng = np.random.default_rng([seed, 3])
    picks = _picked_entries(rng, scores, years)
    year_index, agency_index, entry = np.nonzero(picks)
    document = year_index * len(agencies) + agency_index
    count = len(entry)
    fiscal_year = np.array(years)[year_index]
    start = np.r_[0, np.cumsum(np.bincount(document, minlength=len(documents)))[:-1]]
    measure_no = np.arange(count) - start[document] + 1
    step_count = rng.choice(len(STEP_COUNT_WEIGHT), count, p=STEP_COUNT_WEIGHT) + 1
    first_line = _first_lines(step_count, document, start)
    status = _statuses(rng, fiscal_year == max(years))
    start_date, end_date = _periods(rng, fiscal_year)
    measures = pd.DataFrame(
        {
            "measure_id": np.arange(count) + first_id,
            "document_id": documents["document_id"].to_numpy()[document],
            "agency_id": agencies["agency_id"].to_numpy()[agency_index],
            "fiscal_year": fiscal_year,
            "measure_no": measure_no,
            "title": [CATALOGUE[e].title for e in entry.tolist()],
            "group_label": _instruments(years)[year_index, ENTRY_INDICATOR[entry] - 1],
            "steps": _steps(rng, step_count),
            "responsible": _responsible(rng, ENTRY_INDICATOR[entry]),
            "start_date": start_date,
            "end_date": end_date,
            "status": status,
            "result": _results(rng, status),
            "outcome": None,
            "suggestion": None,
            "followup": None,
            "first_line": first_line,
            "last_line": first_line + step_count - 1,
            "is_synthetic": True,
            # typed text, not a PDF or a scan
            "first_page": pd.array([pd.NA] * len(first_line), dtype="Int32"),
            "last_page": pd.array([pd.NA] * len(first_line), dtype="Int32"),
            "ocr_confidence": np.full(len(first_line), np.nan),
        }
    )
    return measures, _targets(measures["measure_id"].to_numpy(), entry)


def _picked_entries(rng: np.random.Generator, scores: dict[int, np.ndarray], years: range) -> np.ndarray:
    """Catalogue entries chosen per year and agency (years × agencies × entries, True = chosen).

    Measures of year Y answer the result of Y-1 (the first year, without one, answers its own): the
    weaker an indicator ranked, the likelier its measures; a measure kept from last year is likelier
    still while its indicator stays among the weakest. Sampling is the Gumbel top-k trick.
    """
    per_indicator = np.bincount(ENTRY_INDICATOR)[ENTRY_INDICATOR]
    picks, previous = [], None
    for fy in years:
        basis = scores.get(fy - 1, scores[fy])
        rank = np.argsort(np.argsort(basis, axis=1, kind="stable"), axis=1, kind="stable")
        keys = np.log(RANK_WEIGHT[rank][:, ENTRY_INDICATOR - 1] / per_indicator)
        keys += rng.gumbel(size=keys.shape)
        if previous is not None:
            keys += np.log(CARRY_OVER_BOOST) * (previous & (rank < WEAK_RANKS)[:, ENTRY_INDICATOR - 1])
        low, high = MEASURES_PER_DOCUMENT
        wanted = rng.integers(low, high + 1, len(basis))
        threshold = -np.sort(-keys, axis=1)[np.arange(len(basis)), wanted - 1]
        previous = keys >= threshold[:, None]
        picks.append(previous)
    return np.stack(picks)


def _instruments(years: range) -> np.ndarray:
    """Instrument code per year and indicator (years × indicators)."""
    return np.array([[i.instrument for i in framework.for_year(fy).indicators] for fy in years], dtype=object)


def _first_lines(step_count: np.ndarray, document: np.ndarray, start: np.ndarray) -> np.ndarray:
    """Each measure's first line: after the header, one line per step of the measures before it."""
    before = np.cumsum(step_count) - step_count
    return HEADER_LINES + 1 + before - before[start[document]]


def _statuses(rng: np.random.Generator, is_latest: np.ndarray) -> np.ndarray:
    usual = rng.choice(len(STATUSES), len(is_latest), p=STATUS_WEIGHT)
    latest = rng.choice(len(STATUSES), len(is_latest), p=LATEST_STATUS_WEIGHT)
    return np.array(STATUSES, dtype=object)[np.where(is_latest, latest, usual)]


def _periods(rng: np.random.Generator, fiscal_year: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end dates within the fiscal year: some all year, others a few months."""
    october = (fiscal_year - 544 - 1970) * 12 + 9  # months since January 1970
    full_year = rng.random(len(fiscal_year)) < FULL_YEAR_SHARE
    offset = np.where(full_year, 0, rng.integers(0, 9, len(fiscal_year)))
    months = np.where(full_year, 12, rng.integers(1, 13 - offset))
    start = (october + offset).astype("datetime64[M]").astype("datetime64[D]")
    end = (october + offset + months).astype("datetime64[M]").astype("datetime64[D]") - np.timedelta64(1, "D")
    return start, end


def _steps(rng: np.random.Generator, step_count: np.ndarray) -> list[list[str]]:
    sizes = np.diff(STEP_SET_START)[step_count - 1]
    chosen = STEP_SET_START[step_count - 1] + (rng.random(len(step_count)) * sizes).astype(int)
    return [list(STEP_SETS[i]) for i in chosen.tolist()]


def _responsible(rng: np.random.Generator, indicator: np.ndarray) -> list[list[str]]:
    """The indicator's usual unit (or another of its units), sometimes with every unit supporting."""
    unit_count = np.array([len(UNITS.get(i, ("",))) for i in range(max(UNITS) + 1)])[indicator]
    which = np.where(rng.random(len(indicator)) < 0.6, 0, rng.integers(1, unit_count))
    supported = rng.random(len(indicator)) < 0.25
    return [
        [UNITS[i][w], SUPPORTING_UNIT] if s else [UNITS[i][w]]
        for i, w, s in zip(indicator.tolist(), which.tolist(), supported.tolist(), strict=True)
    ]


def _results(rng: np.random.Generator, status: np.ndarray) -> list[str | None]:
    template = rng.integers(0, len(RESULTS), len(status))
    people = rng.integers(12, 150, len(status))
    satisfied = rng.integers(80, 99, len(status))
    return [
        RESULTS[t].format(n=n, p=p) if s == "done" else None
        for s, t, n, p in zip(
            status.tolist(), template.tolist(), people.tolist(), satisfied.tolist(), strict=True
        )
    ]


def _targets(measure_id: np.ndarray, entry: np.ndarray) -> pd.DataFrame:
    """Rank 1: the entry's indicator; rank 2: its secondary indicator where it has one."""
    secondary = np.array([e.secondary or 0 for e in CATALOGUE])[entry]
    has_secondary = secondary > 0
    frame = pd.DataFrame(
        {
            "measure_id": np.concatenate([measure_id, measure_id[has_secondary]]),
            "indicator_no": np.concatenate([ENTRY_INDICATOR[entry], secondary[has_secondary]]),
            "rank": np.repeat([1, 2], [len(entry), int(has_secondary.sum())]),
            "evidence": [list(CATALOGUE[e].evidence) for e in entry.tolist()]
            + [list(CATALOGUE[e].secondary_evidence) for e in entry[has_secondary].tolist()],
            "is_synthetic": True,
        }
    )
    return frame.sort_values(["measure_id", "rank"], ignore_index=True, kind="stable")
