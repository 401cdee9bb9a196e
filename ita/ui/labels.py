"""Display labels in Thai and English, in one mapping used by every page."""

from __future__ import annotations

import streamlit as st

AGENCY_TYPES: dict[str, tuple[str, str]] = {
    "pao": ("องค์การบริหารส่วนจังหวัด (อบจ.)", "Provincial administration (PAO)"),
    "city_municipality": ("เทศบาลนคร (ทน.)", "City municipality"),
    "town_municipality": ("เทศบาลเมือง (ทม.)", "Town municipality"),
    "subdistrict_municipality": ("เทศบาลตำบล (ทต.)", "Subdistrict municipality"),
    "sao": ("องค์การบริหารส่วนตำบล (อบต.)", "Subdistrict administration (SAO)"),
    "provincial_office": ("จังหวัด", "Provincial office"),
    "other": ("อื่น ๆ", "Other"),
}
STATUSES: dict[str, tuple[str, str]] = {
    "done": ("ดำเนินการแล้วเสร็จ", "Done"),
    "in_progress": ("อยู่ระหว่างดำเนินการ", "In progress"),
    "not_started": ("ยังไม่ดำเนินการ", "Not started"),
    "unknown": ("ไม่ระบุ", "Not stated"),
}
TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("ITA ท้องถิ่น", "Local ITA"),
    "overview": ("ภาพรวม", "Overview"),
    "compare": ("เปรียบเทียบหน่วยงาน", "Compare agencies"),
    "indicators": ("ตัวชี้วัดที่อ่อน", "Weak indicators"),
    "follow_through": ("การติดตามมาตรการ", "Follow-through"),
    "agency": ("ข้อมูลหน่วยงาน", "Agency profile"),
    "data": ("ข้อมูลและการนำเข้า", "Data and import"),
    "year": ("ปีงบประมาณ", "Fiscal year"),
    "province": ("จังหวัด", "Province"),
    "district": ("อำเภอ", "District"),
    "agency_type": ("ประเภทหน่วยงาน", "Agency type"),
    "indicator": ("ตัวชี้วัด", "Indicator"),
    "agency_name": ("หน่วยงาน", "Agency"),
    "all": ("ทั้งหมด", "All"),
    "include_synthetic": ("รวมข้อมูลจำลอง", "Include synthetic data"),
    "synthetic_badge": ("ข้อมูลจำลอง", "Synthetic"),
    "synthetic_note": (
        "ผลลัพธ์นี้รวมข้อมูลจำลองเพื่อการสาธิต ไม่ใช่ผลการประเมินจริง",
        "These results include generated demo data, not real assessments.",
    ),
    "real_only_note": ("แสดงเฉพาะข้อมูลจริงจากเอกสาร", "Showing real data from documents only"),
    "no_data": ("ไม่พบข้อมูลตามตัวกรองที่เลือก", "No data matches the chosen filters."),
    "language": ("ภาษา", "Language"),
    "score": ("คะแนน", "Score"),
    "grade": ("ระดับ", "Grade"),
    "show_table": ("แสดงเป็นตาราง", "Show as table"),
    "download_csv": ("ดาวน์โหลด CSV", "Download CSV"),
    "definitions": ("นิยามและเกณฑ์", "Definitions"),
    "mean_score": ("คะแนนเฉลี่ย", "Mean score"),
    "count_agencies": ("หน่วยงานที่ได้รับการประเมิน", "Agencies assessed"),
    "pass_share": ("สัดส่วนที่ได้ 85 ขึ้นไป", "Share scoring 85 or more"),
    "national_target": ("เป้าหมายประเทศ 80%", "National target 80%"),
    "national_mean": ("ค่าเฉลี่ยประเทศ (ป.ป.ช.)", "National mean (NACC)"),
    "method_change": ("เปลี่ยนเกณฑ์", "Method changed"),
}


def lang() -> str:
    """The interface language the user chose: 'th' (default) or 'en'."""
    return st.session_state.get("lang", "th")


def t(key: str) -> str:
    th, en = TEXT[key]
    return en if lang() == "en" else th


def agency_type(code: str) -> str:
    th, en = AGENCY_TYPES.get(code, (code, code))
    return en if lang() == "en" else th


def status(code: str | None) -> str:
    th, en = STATUSES[code or "unknown"]
    return en if lang() == "en" else th


def indicator(no: int, name_th: str, name_en: str) -> str:
    return f"{no}. {name_en if lang() == 'en' else name_th}"
