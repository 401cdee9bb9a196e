"""Agency report documents (ITA analysis, measures plan, progress report) → ReportDocument.

The parser is driven by what it recognises, not by one agency's layout: agency names by their type
prefix, table columns by their header words, measures by their numbering and group headings, ITA
results by the phrases agencies quote them with, and dates in every Thai form (ita/thai_dates.py).
Text is kept as written (tags stripped, whitespace collapsed); what looks wrong becomes a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from ita import agencies, framework, geography
from ita.errors import ParseError
from ita.parse import provenance, tables
from ita.parse.reader import Progress, read_document
from ita.parse.sheet import INSTRUMENT_NAMES
from ita.records import Agency, Assessment, Measure, ReportDocument, RowAccount, Warning_
from ita.thai import compose_sara_am, normalize_text
from ita.thai_dates import be_year, fiscal_year_bounds, mentions_month, parse_period, unplaced_years

_TITLE_LINES = 6
_TITLE_LINE_MAX = 200
# A line offering a file (a web page's "ดาวน์โหลดไฟล์ PDF … รอบ 6 เดือน (1.4 MB)") names another document.
_OFFERS_FILE_RE = re.compile(r"^ดาวน์โหลด|\(\s*\d[\d.,]*\s*[KMG]B\s*\)", re.IGNORECASE)
# A memo's fields, which Word memos set out with tabs ("ที่ มค ๘๓๖๐๑/๑๑๒<tab>วันที่ ๒ เมษายน ๒๕๖๘")
_MEMO_FIELD_RE = re.compile(r"(?:ส่วนราชการ|ที่|วันที่|เรื่อง|เรียน|อ้างถึง|สิ่งที่ส่งมาด้วย)\s+\S")
# What ends a memo or a plan: its closing, a signature, an approval block ("ผู้เสนอ | (นาย…) | ปลัด…")
_SIGN_OFF_RE = re.compile(r"\(?ลงชื่อ\)?|จึงเรียนมาเพื่อ|ผู้(?:เสนอ|เห็นชอบ|อนุมัติ|รายงาน|จัดทำ|ตรวจสอบ|รับรอง)(?:\s|$)")
_YEAR_LOOKBACK_LINES = 3
# A year on the lines above a score counts only where those lines speak of the ITA result.
_RESULT_CONTEXT_RE = re.compile(r"ผลการประเมิน|ITA|คะแนน")

# A space may fall between the words of a type prefix in text taken from a PDF ("เทศบาล ตำบลบ้านแพ้ว").
_LOCAL_AGENCY_RE = re.compile(
    r"(?P<prefix>องค์การ\s?บริหาร\s?ส่วน\s?(?:ตำบล|จังหวัด)|เทศบาล\s?(?:นคร|เมือง|ตำบล)|(?:อบต|อบจ|ทน|ทม|ทต)\.)"
    r"\s?(?P<place>[\u0e01-\u0e4e]+)"
)
_PROVINCE_AGENCY_RE = re.compile(r"(?:^|สำนักงาน|ศาลากลาง)(?P<prefix>จังหวัด)\s?(?P<place>[\u0e01-\u0e4e]+)")
# Words that follow a name without a space in running text; never the start of a place name.
_AFTER_NAME_RE = re.compile(r"อำเภอ|จังหวัด|ประจำ|ปีงบ|พ\.ศ|โดย|เพื่อ|ซึ่ง|ได้ดำเนิน|ได้กำหนด|ดังนี้")
_ADDRESS_RE = re.compile(
    r"(?:อำเภอ|อ\.)\s?(?P<district>[\u0e01-\u0e4e]+)\s*(?:จังหวัด|จ\.)\s?(?P<province>[\u0e01-\u0e4e]+)"
)
_PROVINCE_RE = re.compile(r"(?:จังหวัด|จ\.)\s?(?P<province>[\u0e01-\u0e4e]+)")
# How far after a name its address may start ("… ตั้งอยู่เลขที่ 99 หมู่ 1 ตำบลหนองปรือ อำเภอ…").
_ADDRESS_GAP = 60

_BE = r"(?:พ\s?\.\s?ศ\s?\.?\s*)?"
# Stray spaces inside the words are common in text taken from a PDF ("ประจำปี งบประมาณ").
_FISCAL = r"(?:ปี\s?งบประมาณ|ประจำ\s?ปี(?:\s?งบประมาณ)?)"
_TITLE_YEAR_RE = re.compile(rf"{_FISCAL}\s*{_BE}(?P<year>25\d\d)(?!\d)")
_MEASURES_YEAR_RE = re.compile(rf"มาตรการ[^\d]{{0,120}}?{_FISCAL}\s*{_BE}(?P<year>25\d\d)(?!\d)")
# A title that gives the year as "พ.ศ. 2567" alone, when it speaks of measures, a report or a plan.
_TITLE_BE_YEAR_RE = re.compile(r"(?:มาตรการ|รายงาน|แผน)[^\d]*?พ\s?\.\s?ศ\s?\.\s*(?P<year>25\d\d)(?!\d)")
_YEAR_RE = re.compile(rf"(?:ปี(?:งบประมาณ)?|พ\s?\.\s?ศ\s?\.|ITA)\s*{_BE}(?P<year>25\d\d)(?!\d)")
# A web post's short form: "ปีงบ 68", "ปีงบฯ 68", "ปีงบประมาณ 68".
_TITLE_SHORT_YEAR_RE = re.compile(r"ปี\s?งบ(?:\s?ประมาณ)?\s?ฯ?\s*(?P<year>[5-9]\d)(?![\d.])")
_SIX_MONTHS_RE = re.compile(r"(?<!\d)6\s*เดือน|ครึ่งปี")
_PERIOD_OPENING_RE = re.compile(r"รอบ|ระหว่าง|ตั้งแต่")
_YEAR_END_RE = re.compile(r"12\s*เดือน|สิ้นปี|รอบ\s*1\s*ปี|รอบปีงบประมาณ")

_GRADE = r"(?:AA|[A-F])(?![A-Za-z])"
_RATING = r"ผ่านดีเยี่ยม|ผ่านดี|ไม่ผ่าน|ผ่าน"
_STATED_SCORE = r"(?<![\d.])(?P<score>\d{1,3}(?:\.\d{1,3})?)(?![\d.])\s*(?P<unit>คะแนน)?"
_SCORE_RE = re.compile(
    _STATED_SCORE + r"(?:\s*\(?\s*(?:จาก)?\s*คะแนนเต็ม\s*100\s*(?:คะแนน)?\s*\)?)?"
    r"[^\d]{0,40}?"
    rf"(?:\(\s*(?P<rating_p>{_RATING})\s*\)(?:\s*ระดับ\s*(?P<grade_p>{_GRADE}))?"
    rf"|ระดับ\s*:?\s*(?:(?P<grade>{_GRADE})|(?P<rating_l>{_RATING}))"
    rf"|เกณฑ์\s*:?\s*(?P<rating>{_RATING})"
    rf"|ผลการประเมิน\s*:?\s*(?P<rating_r>{_RATING}))"
)
_SCORE_CONTEXT = 40
# Words every _SCORE_RE match holds (each rating contains "ผ่าน"); a line without them is not
# scanned, since a pattern opening with a lookbehind gives the regex engine no prefix to skip to.
_SCORE_WORDS = ("ระดับ", "ผ่าน")
_INDICATOR_RE = re.compile(r"ตัวชี้วัดที่\s*(?P<no>\d{1,2})(?!\.?\d)(?P<rest>.*)")
_DECIMAL_RE = re.compile(r"(?<![\d.])\d{1,3}\.\d{1,2}(?![\d.])")
_WHOLE_SCORE_RE = re.compile(
    r"(?:(?<=ได้)|(?<=คะแนน))\s*(?P<a>\d{1,3})(?![\d.])|(?<![\d.])(?P<b>\d{1,3})\s*คะแนน"
)
_ANOTHER_NAME_RE = re.compile(r"ด้าน|ตัวชี้วัด")
# A heading naming the assessment ("ผลการประเมินคุณธรรมและความโปร่งใส…", "ผลการประเมิน ITA") and its year;
# the line after it may state the score without either ("เทศบาล…ได้คะแนน ๘๕.๘๗ คะแนน").
_ASSESSMENT_HEADING_RE = re.compile(r"ผลการประเมิน\s?(?:คุณธรรมและความโปร่งใส|\(?ITA)")
_STATED_SCORE_RE = re.compile(_STATED_SCORE)
# Words before a number that make it a bound, not a score: "คะแนนเต็ม 100", "ต่ำกว่าร้อยละ ๘๐", "เกณฑ์ 90".
_BOUNDS = ("เต็ม", "ร้อยละ", "กว่า", "เกณฑ์")
# The header of a table of indicator scores: an indicator column, a score column, perhaps a row number.
_INDICATOR_COLUMN_RE = re.compile(r"ตัวชี้วัด|ประเด็น")
_SCORE_COLUMN_RE = re.compile(r"คะแนน|^ผลการประเมิน")
# A score column may be known by its year alone ("ปี ๒๕๖๖", "พ.ศ. 2567", "ปีงบประมาณ 2567", "2567").
_YEAR_COLUMN_RE = re.compile(
    rf"(?:(?:ผล)?คะแนน\s*)?(?:ITA\s*)?(?:ปี\s?(?:งบประมาณ)?\s*)?{_BE}(?P<year>25\d\d)"
)
# Columns beside the scores that hold no score: a change between years, a rank.
_NOT_SCORE_COLUMN_RE = re.compile(r"ผลต่าง|เพิ่ม\s?/\s?ลด|เปลี่ยนแปลง|^\+\s?/\s?-$|อันดับ")
# The row giving the overall score under the indicators' ("คะแนนรวม", "คะแนนเฉลี่ย", "overall").
_OVERALL_ROW_RE = re.compile(
    r"(?:คะแนน\s?)?(?:รวม|เฉลี่ย|ภาพรวม)(?:ทั้งหมด|ทั้งสิ้น)?|ผลรวม|overall(?:\s?score)?|total(?:\s?score)?",
    re.IGNORECASE,
)
_ROW_NUMBER_COLUMN_RE = re.compile(r"(?:ที่|ลำดับ(?:ที่)?|ข้อ)")
_ROW_INDICATOR_NUMBER_RE = re.compile(r"^(?:ตัวชี้วัด(?:ที่)?\s*)?\(?(?P<no>\d{1,2})(?:[.)]|\s|$)")
_INSTRUMENT_RE = re.compile(
    r"(?<![A-Za-z])(?P<code>IIT|EIT|OIT)(?![A-Za-z])\)?(?P<gap>[^\d]{0,30}?)(?<![\d.])(?P<score>\d{1,3}\.\d{1,2})(?![\d.])"
)

_ISSUE_HEADING_RE = re.compile(r"ประเด็น(?:ที่)?\s*\d{1,2}(?![\d.])")
_HEADING_NUMBER_RE = re.compile(r"^(?P<word>ประเด็น(?:ที่)?|ตัวชี้วัดที่)\s*(?P<no>\d{1,2})\s*")
_INSTRUMENT_HEADING_RE = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)(?![A-Za-z])")
# An instrument's form named in Thai words only ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน"): its code.
_INSTRUMENT_FORM_RE = re.compile(r"แบบ(?:วัด|ตรวจ|สำรวจ)")
_HEADING_MAX = 200
_GROUP_CELL_MAX = 60
_SCORE_IN_BRACKETS_RE = re.compile(r"\s*\((?:คะแนน\s*)?\d{1,3}(?:\.\d+)?\s*(?:คะแนน)?\)$")
# What every group heading holds: an instrument code, "ประเด็น" or "ตัวชี้วัด".
_GROUP_WORDS = ("IT", "ประเด็น", "ตัวชี้วัด")
_INSTRUMENT_HEADING_MAX = 80
_CONTINUED_RE = re.compile(r"\(\s*ต่อ\s*\)")
# A measure written as a paragraph ("มาตรการที่ 1 การเปิดเผยข้อมูล"), then its fields on lines of their own,
# each opening with its label as a table's header would name the column ("ผู้รับผิดชอบ สำนักปลัด").
_PROSE_MEASURE_RE = re.compile(r"(?P<form>แบบฟอร์ม)?มาตรการที่\s*(?P<no>\d{1,2})\s*[:.]?\s*(?P<title>\S.*)?")
_LABELLED_ROW_RE = re.compile(r"(?P<label>[^:：]{2,40})[:：]\s*(?P<value>\S.*)")
_FORM_LABEL_MAX = 30  # "ขั้นตอน/วิธีการดำเนินการ": the label cell of a measure's form
_PROSE_FIELD_RE = re.compile(r"(?P<label>[^\s:]{2,40}?)\s*:?\s+(?P<value>\S.*)")
_PROSE_ROLES = frozenset({"steps", "responsible", "period", "result", "outcome", "status", "suggestion"})
# A total row at the foot of a table ("รวม", "รวมทั้งสิ้น 10 มาตรการ"), not a measure.
_TOTAL_RE = re.compile(r"(?:รวม(?:ทั้งสิ้น|ทั้งหมด)?|total)(?:\s*\d.*)?$", re.IGNORECASE)
_COLUMN_NUMBER_RE = re.compile(r"(?P<n>\d{1,3})(?:\.(?P<sub>\d{1,2}))?\.?")
_SIMILAR_TITLE = 0.85
_SIMILAR_HEADER_CELL = 0.7  # a header cell is short: one misread letter of "ระยะเวลา" costs 0.12
_RESULT_FIELDS = ("result", "outcome", "suggestion", "followup")


def parse_report(path: Path, *, progress: Progress | None = None) -> ReportDocument:
    """Read and parse one agency document (.txt, .md, .html, .docx, .pdf, .png, .jpg); PDF and image
    pages are named on what came from them (`progress` hears of each page as it is read)."""
    text = read_document(path, progress=progress)
    return provenance.attach(parse_report_lines(text.lines, path.name), text)


def parse_report_lines(lines: list[str], file_name: str) -> ReportDocument:
    """Parse a document's lines (line numbers are 1-based indexes into ``lines``)."""
    lines = [compose_sara_am(raw) for raw in lines]  # so that what is stored matches what is searched
    texts = [_clean(raw) for raw in lines]  # cleaned once: every search below reads them
    title = _title_lines(lines, texts)
    assessments, score_warnings, score_lines, score_table = _assessments(lines, texts)
    fiscal_year = _fiscal_year(title, texts, assessments)
    reader = _MeasureReader(fiscal_year, score_lines, score_table)
    reader.read(lines)
    measures = [draft.measure for draft in reader.drafts]
    if not measures and not assessments:
        raise ParseError(
            file_name,
            "not an ITA document: no measures table and no ITA score found",
            reason_th="ไม่ใช่เอกสาร ITA: ไม่พบตารางมาตรการและไม่พบคะแนน ITA",
        )
    found = _agency(texts, title)
    if found is None:
        raise ParseError(
            file_name,
            "no agency name (องค์การบริหารส่วนตำบล…, เทศบาล…) found in the title",
            reason_th="ไม่พบชื่อหน่วยงาน (องค์การบริหารส่วนตำบล…, เทศบาล…) ในส่วนหัวของเอกสาร",
        )
    agency, place_warnings = found
    if fiscal_year is None:
        raise ParseError(
            file_name,
            "no fiscal year (ประจำปีงบประมาณ พ.ศ. …) found",
            reason_th="ไม่พบปีงบประมาณ (ประจำปีงบประมาณ พ.ศ. …) ในเอกสาร",
        )
    title_text = " ".join(text for _, text in title)
    stated, period_warnings = _stated_period(title, fiscal_year)
    kind = _kind(title_text, measures, stated, fiscal_year)
    if kind == "analysis" and any(a.fiscal_year == fiscal_year for a in assessments):
        fiscal_year += 1  # an analysis of year Y's result belongs to the measures of year Y+1
    for assessment in assessments:
        assessment.fiscal_year = assessment.fiscal_year or fiscal_year - 1
    period = _report_period(stated, fiscal_year, kind)
    warnings = [
        *place_warnings,
        *period_warnings,
        *reader.warnings,
        *score_warnings,
        *_date_warnings(measures, fiscal_year, period),
        *_overall_warnings(assessments),
    ]
    return ReportDocument(
        file_name, agency, fiscal_year, kind, period, assessments, measures, warnings, reader.account()
    )


def _clean(raw: str) -> str:
    """A line for matching: Arabic digits, one space between words, markdown emphasis dropped."""
    return normalize_text(tables.strip_tags(raw)).replace("**", "").strip("*# ")


def _title_lines(lines: list[str], texts: list[str]) -> list[tuple[int, str]]:
    """The first short lines before any table: where a document names itself, its agency and year; not
    the files a web page offers beside it, whose names tell other rounds and years."""
    title: list[tuple[int, str]] = []
    for no, (raw, text) in enumerate(zip(lines, texts, strict=True), 1):
        if ("\t" in raw and not _MEMO_FIELD_RE.match(text)) or len(title) == _TITLE_LINES:
            break
        if text and len(text) <= _TITLE_LINE_MAX and not _OFFERS_FILE_RE.search(text):
            title.append((no, text))
    return title


# --- agency -------------------------------------------------------------------------------------


def _agency(texts: list[str], title: list[tuple[int, str]]) -> tuple[Agency, list[Warning_]] | None:
    """The agency the document is about, placed where the document says it is (see _place_agency)."""
    body = list(enumerate(texts, 1))
    found = (
        _find_name(title, _LOCAL_AGENCY_RE)
        or _find_name(title, _PROVINCE_AGENCY_RE)
        or _find_name(body, _LOCAL_AGENCY_RE)
    )
    if found is None:
        return None
    line, raw_name = found
    name = agencies.parse_name(raw_name)
    agency = Agency(name.canonical, name.type, line=line)
    nearby = " ".join(text for no, text in body if line <= no <= line + 2)
    written = _ADDRESS_RE.search(nearby) or _PROVINCE_RE.search(nearby) or _address_after_name(body, name)
    return agency, _place_agency(agency, name, written)


def _find_name(lines: list[tuple[int, str]], pattern: re.Pattern[str]) -> tuple[int, str] | None:
    for no, text in lines:
        for _, raw_name in _names(text, pattern):
            return no, raw_name
    return None


def _names(text: str, pattern: re.Pattern[str]) -> list[tuple[re.Match[str], str]]:
    """Agency names on a line, each cut where running text goes on after it without a space."""
    out = []
    for match in pattern.finditer(text):
        place = match["place"]
        cut = _AFTER_NAME_RE.search(place, 1)
        out.append((match, match["prefix"] + (place[: cut.start()] if cut else place)))
    return out


def _address_after_name(body: list[tuple[int, str]], name: agencies.AgencyName) -> re.Match[str] | None:
    """An address written right after the agency's name anywhere in the document (the memo's opening
    sentence, a letterhead, a signature), in whichever spelling the name takes there."""
    for _, text in body:
        for pattern in (_LOCAL_AGENCY_RE, _PROVINCE_AGENCY_RE):
            for match, raw_name in _names(text, pattern):
                if agencies.parse_name(raw_name).canonical != name.canonical:
                    continue
                end = match.start() + len(raw_name)
                written = _ADDRESS_RE.search(text, end) or _PROVINCE_RE.search(text, end)
                if written and written.start() - end <= _ADDRESS_GAP:
                    return written
    return None


def _place_agency(agency: Agency, name: agencies.AgencyName, written: re.Match[str] | None) -> list[Warning_]:
    """District and province as the document writes them, else inferred from the place name when
    every place of that name lies in one province; otherwise left empty, with a warning saying why."""
    province = geography.province_named(written["province"]) if written else None
    located = agencies.locate(name)
    if province:
        agency.province = province
        district = written.groupdict().get("district")
        agency.district = _district_of(district, province) if district else None
        if agency.district is None and located and located.province == province:
            agency.district = located.district
    elif located:
        agency.province, agency.district = located.province, located.district
        # A provincial organisation names its province; only a town's province is a guess.
        agency.province_inferred = name.type not in ("pao", "provincial_office")
    else:
        warning = agencies.ambiguity(name, agency.line)
        return [warning] if warning else []
    return []


def _district_of(district: str, province: str) -> str | None:
    names = geography.districts().get(province, [])
    for candidate in (district, f"{district}{province}"):  # "อำเภอเมือง" is เมือง<province>
        if candidate in names:
            return candidate
    return None


# --- year and kind ------------------------------------------------------------------------------


def _fiscal_year(title: list[tuple[int, str]], texts: list[str], assessments: list[Assessment]) -> int | None:
    """The year the measures belong to: the title's "ประจำปีงบประมาณ", else the year the body gives the
    measures (not a file offered for download), else a title line about the ITA result (an analysis
    titled with the year it assessed may set out next year's measures below), else a title's "พ.ศ."
    year, else the year after the latest ITA result quoted (an analysis of year Y leads to measures of Y+1)."""
    about_result = [text for _, text in title if _RESULT_CONTEXT_RE.search(text)]
    searches = (
        ([text for _, text in title if text not in about_result], _TITLE_YEAR_RE),
        ([text for text in texts if not _OFFERS_FILE_RE.search(text)], _MEASURES_YEAR_RE),
        (about_result, _TITLE_YEAR_RE),
        ([text for _, text in title if text not in about_result], _TITLE_BE_YEAR_RE),
        ([text for _, text in title if text not in about_result], _TITLE_SHORT_YEAR_RE),
    )
    for searched, pattern in searches:
        years = [be_year(m["year"]) for m in map(pattern.search, searched) if m]
        if years:
            return years[0]
    years = [a.fiscal_year for a in assessments if a.fiscal_year]
    return max(years) + 1 if years else None


def _kind(title: str, measures: list[Measure], stated: tuple[date, date] | None, fiscal_year: int) -> str:
    if not measures:
        return "analysis"
    reports = "รายงานผล" in title or any(m.result or m.outcome or m.status for m in measures)
    if not reports:
        return "measures"
    if _SIX_MONTHS_RE.search(title):
        return "progress_6_months"
    if _YEAR_END_RE.search(title):
        return "progress_year_end"
    first, last = fiscal_year_bounds(fiscal_year)  # no round named: the period stated tells it
    if stated == (first, date(last.year, 3, 31)):
        return "progress_6_months"
    if stated == (first, last):
        return "progress_year_end"
    return "progress"


def _stated_period(
    title: list[tuple[int, str]], fiscal_year: int
) -> tuple[tuple[date, date] | None, list[Warning_]]:
    """The period a report's title states: after "รอบ", "ระหว่างวันที่" or "ตั้งแต่" ("ระหว่างวันที่ ๑ ต.ค. ๖๗
    ถึง ๓๑ มี.ค. ๖๘"); one that leaves the fiscal year (a year mistyped, or misread by OCR) is flagged and
    not kept."""
    first, last = fiscal_year_bounds(fiscal_year)
    for no, text in title:
        found = _PERIOD_OPENING_RE.search(text)
        if not found or not mentions_month(text[found.start() :]):
            continue
        start, end = parse_period(text[found.start() :], fiscal_year=fiscal_year)
        if not (start and end):
            continue
        if first <= start <= end <= last:
            return (start, end), []
        stated, bounds = f"{start}..{end}", f"{first}..{last}"
        message = f"the period stated, {stated}, is not within fiscal year {fiscal_year} ({bounds}): ignored"
        thai = f"ช่วงเวลาที่ระบุ {stated} ไม่อยู่ในปีงบประมาณ {fiscal_year} ({bounds}): จึงไม่นำมาใช้"
        return None, [Warning_(message, no, message_th=thai)]
    return None, []


def _report_period(stated: tuple[date, date] | None, fiscal_year: int, kind: str) -> tuple[date, date] | None:
    """The period a progress report covers: as its title states it, else the one its round means (a
    six-month report covers October to March, a year-end report the fiscal year)."""
    if stated:
        return stated
    first, last = fiscal_year_bounds(fiscal_year)
    if kind == "progress_6_months":
        return first, date(last.year, 3, 31)
    if kind == "progress_year_end":
        return first, last
    return None


# --- ITA results --------------------------------------------------------------------------------


def _assessments(
    lines: list[str], texts: list[str]
) -> tuple[list[Assessment], list[Warning_], frozenset[int], dict[int, str]]:
    """Every ITA result quoted, one per year, with the indicator and instrument scores near it,
    the lines any score was read from, and what became of each row of a table of indicator scores."""
    details, found, table, warnings = _indicator_score_tables(lines, texts)
    for no, text in enumerate(texts, 1):
        if no in table:
            continue
        indicator = _indicator_score(text)
        if indicator:
            details.append((no, "indicators", *indicator, None))
            continue
        found += _quoted_scores(texts, no) or _score_after_heading(texts, no)
        details += [(no, "instruments", code, score, None) for code, score in _instrument_scores(text)]
        details += [(no, "indicators", key, score, None) for key, score in _named_indicator_scores(text)]
    found.sort(key=lambda assessment: assessment.line or 0)
    assessments, quoted_again = _one_per_year(found)
    _attach(assessments, sorted(details, key=lambda detail: detail[0]), texts)
    score_lines = frozenset(a.line for a in found) | frozenset(line for line, *_ in details)
    return assessments, quoted_again + warnings, score_lines, table


def _indicator_score(text: str) -> tuple[str, float] | None:
    """("8", 84.83) from a line such as "ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ได้ ๘๔.๘๓ คะแนน"."""
    match = _INDICATOR_RE.search(normalize_text(text))
    if not match or not 1 <= int(match["no"]) <= 10:
        return None
    rest = match["rest"]
    scores = [float(s) for s in _DECIMAL_RE.findall(rest)]
    scores = scores or [float(m["a"] or m["b"]) for m in _WHOLE_SCORE_RE.finditer(rest)]
    scores = [s for s in scores if s <= 100]
    return (match["no"], scores[-1]) if scores else None


def _quoted_scores(texts: list[str], no: int) -> list[Assessment]:
    text = texts[no - 1]
    if not any(word in text for word in _SCORE_WORDS):
        return []
    out = []
    for match in _SCORE_RE.finditer(text):
        score = float(match["score"])
        before = text[max(0, match.start() - _SCORE_CONTEXT) : match.start()]
        if score > 100 or not ("คะแนน" in before or match["unit"] or match["rating_p"]):
            continue
        out.append(
            Assessment(
                fiscal_year=_year_near(texts, no, match.start()),
                score=score,
                grade=match["grade"] or match["grade_p"],
                rating=match["rating"] or match["rating_p"] or match["rating_l"] or match["rating_r"],
                line=no,
            )
        )
    return out


def _score_after_heading(texts: list[str], no: int) -> list[Assessment]:
    """The score stated with no grade or rating on a line naming the ITA assessment and its year
    ("ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ได้ ๘๓.๙๔ คะแนน"), or on the line after such a heading, the
    line itself naming neither ("๑. ผลการประเมินคุณธรรมและความโปร่งใส… พ.ศ. ๒๕๖๗" then "เทศบาล…ได้คะแนน
    ๘๕.๘๗ คะแนน"); only a line stating one score, and no instrument's or indicator's."""
    text = texts[no - 1]
    if "คะแนน" not in text:
        return []
    if not _names_assessment(text):
        heading = next((t for t in reversed(texts[max(0, no - 3) : no - 1]) if t), "")
        if not _names_assessment(heading) or _DECIMAL_RE.search(heading):
            return []
    if _instrument_scores(text) or _named_indicator_scores(text):
        return []
    scores = [
        m
        for m in _STATED_SCORE_RE.finditer(text)
        if (m["unit"] or "คะแนน" in text[max(0, m.start() - _SCORE_CONTEXT) : m.start()])
        and not text[: m.start()].rstrip().endswith(_BOUNDS)
    ]
    if len(scores) != 1 or float(scores[0]["score"]) > 100:
        return []
    [score] = scores
    year = _year_near(texts, no, score.start())
    return [Assessment(fiscal_year=year, score=float(score["score"]), line=no)]


def _names_assessment(text: str) -> bool:
    return bool(_ASSESSMENT_HEADING_RE.search(text) and _YEAR_RE.search(text))


# An indicator or instrument score: (line, "indicators"|"instruments", key, score, the year its column names).
_Detail = tuple[int, str, str, float, int | None]


@dataclass(frozen=True)
class _ScoreColumns:
    """Where a header row of a table of indicator scores puts the indicator and each score."""

    count: int  # cells in the header
    indicator: int
    scores: tuple[tuple[int, int | None], ...]  # (cell, the year its header names)
    year: int | None  # the year the lines above the table name: a total's when its column names none
    shared: bool  # a measures table's: its rows are measures, each giving its indicator's score beside it


def _indicator_score_tables(
    lines: list[str], texts: list[str]
) -> tuple[list[_Detail], list[Assessment], dict[int, str], list[Warning_]]:
    """Indicator scores read from tables whose header names an indicator column and score columns
    ("ตัวชี้วัด | คะแนน", "ประเด็น/ตัวชี้วัด | ผลคะแนน", "ตัวชี้วัด | ปี ๒๕๖๖ | ปี ๒๕๖๗ | ผลต่าง"), each row's
    indicator known by the name the year's framework gives it, else by its number; a total row's
    scores are the overall results of their years; what became of each row (header, score or warned).
    A measures table may hold them too, an indicator as its group and its score beside it ("ตัวชี้วัด |
    คะแนน ปี ๒๕๖๗ | มาตรการ | …"): its rows stay the measures reader's."""
    details: list[_Detail] = []
    totals: list[Assessment] = []
    table: dict[int, str] = {}
    warnings: list[Warning_] = []
    columns: _ScoreColumns | None = None
    begun = 0  # the table's first detail
    indicators: tuple[framework.Indicator, ...] = ()
    for no, raw in enumerate(lines, 1):
        if "\t" not in raw:  # not a table row: most lines, so looked at before any cell is cleaned
            columns = None
            continue
        if columns is None and not _INDICATOR_COLUMN_RE.search(raw):  # no table open, and no header
            continue
        cells = [_clean(cell) for cell in raw.split("\t")]
        measure_roles = tables.header_roles(raw.split("\t"))
        header = _indicator_score_header(cells, measure_roles)
        if header:
            year = _year_near(texts, no, 0)
            columns, begun = _ScoreColumns(len(cells), *header, year, measure_roles is not None), len(details)
            if not columns.shared:
                table[no] = "headers"
            latest = max((y for _, y in columns.scores if y), default=year)
            indicators = framework.for_measures(latest).indicators
            continue
        if columns is None or measure_roles:  # a measures table follows at once
            columns = None
            continue
        read = _indicator_score_row(cells, columns, indicators)
        if columns.shared and read is None:  # a measure with no score beside it: below a merged one
            continue
        if read is None:
            warnings.append(
                Warning_(
                    "a row of a table of indicator scores names no indicator and score",
                    no,
                    message_th="แถวในตารางคะแนนตัวชี้วัดไม่ระบุตัวชี้วัดและคะแนน",
                )
            )
            table[no] = "warned"
            continue
        if not columns.shared:
            table[no] = "scores"
        for kind, key, score, year in read:
            if kind == "overall":
                totals.append(Assessment(fiscal_year=year or columns.year, score=score, line=no))
                if year is None and columns.year:  # its rows are that year's too, whatever is quoted above
                    details[begun:] = [(*detail[:4], detail[4] or columns.year) for detail in details[begun:]]
            else:
                details.append((no, kind, key, score, year))
    return details, totals, table, warnings


def _indicator_score_header(
    cells: list[str], measure_roles: list[str] | None
) -> tuple[int, tuple[tuple[int, int | None], ...]] | None:
    """The indicator column and the score columns, each with the year its header names, of a header
    row of nothing else (a row number, a change between years or a rank aside), or of a measures
    table (`measure_roles`: its columns' roles) whose group column is the indicator and whose columns
    of no other role the scores; several score columns only when each names a year of its own."""
    if measure_roles is None:
        indicator = [i for i, c in enumerate(cells) if _INDICATOR_COLUMN_RE.search(c) and "คะแนน" not in c]
        aside = [
            i
            for i, c in enumerate(cells)
            if _NOT_SCORE_COLUMN_RE.search(c) or _ROW_NUMBER_COLUMN_RE.fullmatch(c)
        ]
        free = [i for i in range(len(cells)) if i not in indicator and i not in aside]
    else:
        indicator = [i for i, role in enumerate(measure_roles) if role == "group"]
        free = [i for i, role in enumerate(measure_roles) if role == "other"]
    scores = [column for i in free if (column := _score_column(i, cells[i]))]
    others = [cells[i] for i in free if cells[i] and i not in dict(scores)]
    years = {year for _, year in scores}
    if len(indicator) != 1 or not scores or (others and measure_roles is None):
        return None
    if len(scores) > 1 and (None in years or len(years) != len(scores)):
        return None
    return indicator[0], tuple(scores)


def _score_column(at: int, cell: str) -> tuple[int, int | None] | None:
    """(at, the year the header names) when a header cell heads scores ("คะแนน", "ผลการประเมิน", "ปี ๒๕๖๖")."""
    year = _YEAR_COLUMN_RE.fullmatch(cell)
    if year or (_SCORE_COLUMN_RE.search(cell) and not _INDICATOR_COLUMN_RE.search(cell)):
        return at, int(year["year"]) if year else None
    return None


def _indicator_score_row(
    cells: list[str], columns: _ScoreColumns, indicators: tuple[framework.Indicator, ...]
) -> list[tuple[str, str, float, int | None]] | None:
    """[("indicators", "9", 75.0, None)] from a row "๙. การเปิดเผยข้อมูล | ๗๕.๐๐", one score per score
    column, each with its column's year; ("instruments", "OIT", …) from an instrument's row, ("overall",
    "", …) from a total row; the columns of the header, else (cells missing) its first and last cells."""
    if len(cells) == columns.count:
        named, written = cells[columns.indicator], [(cells[at], year) for at, year in columns.scores]
    elif len(columns.scores) == 1 and not columns.shared:
        named, written = cells[0], [(cells[-1], columns.scores[0][1])]
    else:
        return None
    scores = []
    for text, year in written:
        score = _STATED_SCORE_RE.fullmatch(text.removesuffix("คะแนน").strip())
        if text and (not score or float(score["score"]) > 100):
            return None
        if score:
            scores.append((float(score["score"]), year))
    named_as = _row_indicator(named, indicators)
    if not scores or named_as is None:
        return None
    return [(*named_as, score, year) for score, year in scores]


def _row_indicator(named: str, indicators: tuple[framework.Indicator, ...]) -> tuple[str, str] | None:
    """What a row of a table of indicator scores gives the score of: an indicator, known by its name
    or number, an instrument, or the overall result (a total row)."""
    squashed = "".join(named.split()).replace("ของทาง", "ของ")
    by_name = [i for i in indicators if "".join(i.name_th.split()) in squashed]
    if by_name:
        return "indicators", str(max(by_name, key=lambda i: len(i.name_th)).no)
    number = _ROW_INDICATOR_NUMBER_RE.match(named)
    if number and any(i.no == int(number["no"]) for i in indicators):
        return "indicators", number["no"]
    codes = set(_INSTRUMENT_HEADING_RE.findall(named))
    if len(codes) == 1:
        return "instruments", codes.pop()
    if _OVERALL_ROW_RE.fullmatch(named):
        return "overall", ""
    return None


def _year_near(texts: list[str], no: int, position: int) -> int | None:
    """The ITA year a score belongs to: written before it on its line, else on the lines just
    above that speak of the result, else after it on its line; None when no year is written nearby."""
    text = texts[no - 1]
    before = [int(m["year"]) for m in _YEAR_RE.finditer(text[:position])]
    if before:
        return before[-1]
    for previous in reversed(texts[max(0, no - 1 - _YEAR_LOOKBACK_LINES) : no - 1]):
        if not _RESULT_CONTEXT_RE.search(previous):
            continue
        years = [int(m["year"]) for m in _YEAR_RE.finditer(previous)]
        if years:
            return years[-1]
    after = _YEAR_RE.search(text, position)
    return int(after["year"]) if after else None


def _named_indicator_scores(text: str) -> list[tuple[str, float]]:
    """Indicators quoted by name in prose, with no number ("ผลการประเมินด้านการใช้ทรัพย์สินของ
    ทางราชการ ได้ 85.15 คะแนน"): the name after "ด้าน" or "ตัวชี้วัด", then its score."""
    if "ด้าน" not in text and "ตัวชี้วัด" not in text:  # spares the scans (see _SCORE_WORDS)
        return []
    squashed = "".join(text.split())
    out = []
    for key, pattern in _indicator_name_patterns():
        for match in pattern.finditer(squashed):
            gap, score = match["gap"], float(match["score"])
            said = "ได้" in gap or "คะแนน" in gap or match["unit"]
            if said and score <= 100 and not _ANOTHER_NAME_RE.search(gap):
                out.append((key, score))
                break
    return out


@cache
def _indicator_name_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A pattern per indicator of the ten-indicator frameworks, from its Thai name as the framework
    files write it; "ของ" may read "ของทาง" and a bracketed alternative name may be left out."""
    names: dict[int, set[str]] = {}
    for year_framework in framework.frameworks().values():
        for indicator in year_framework.indicators:
            names.setdefault(indicator.no, set()).add(indicator.name_th)
    patterns = []
    for no, spellings in sorted(names.items()):
        alternatives = []
        for spelling in sorted(spellings, key=len, reverse=True):
            words = "".join(re.sub(r"\(.*?\)", "", spelling).split())
            alternatives.append(re.escape(words).replace("ของ", "ของ(?:ทาง)?"))
        name = "|".join(alternatives)
        patterns.append(
            (
                str(no),
                re.compile(
                    rf"(?:ด้าน|ตัวชี้วัด)(?:ที่\d{{1,2}})?(?:{name})(?:\([^)]*\))?"
                    r"(?P<gap>[^\d]{0,30}?)(?<![\d.])(?P<score>\d{1,3}(?:\.\d{1,2})?)(?![\d.])(?P<unit>คะแนน)?"
                ),
            )
        )
    return tuple(patterns)


def _instrument_scores(text: str) -> list[tuple[str, float]]:
    if "IT" not in text:  # in every code; spares the regex scan (see _SCORE_WORDS)
        return []
    return [
        (m["code"], float(m["score"]))
        for m in _INSTRUMENT_RE.finditer(text)
        if not _INSTRUMENT_HEADING_RE.search(m["gap"]) and float(m["score"]) <= 100
    ]


def _one_per_year(found: list[Assessment]) -> tuple[list[Assessment], list[Warning_]]:
    kept: dict[int | None, Assessment] = {}
    warnings = []
    for assessment in found:
        first = kept.setdefault(assessment.fiscal_year, assessment)
        if first is not assessment and first.score != assessment.score:
            warnings.append(
                Warning_(
                    f"ITA {assessment.fiscal_year}: score {assessment.score} quoted again, "
                    f"differing from {first.score} (line {first.line}); the first is kept",
                    assessment.line,
                    message_th=f"ITA {assessment.fiscal_year}: อ้างคะแนน {assessment.score} อีกครั้ง "
                    f"ซึ่งต่างจาก {first.score} (บรรทัด {first.line}) จึงใช้ค่าแรก",
                )
            )
        elif first is not assessment:
            first.grade = first.grade or assessment.grade
            first.rating = first.rating or assessment.rating
    return list(kept.values()), warnings


def _attach(assessments: list[Assessment], details: list[_Detail], texts: list[str]) -> None:
    """Give indicator and instrument scores to the result of the year their column names (one begun
    for a year with none), else to the result quoted last before them (or first after)."""
    for line, kind, key, score, year in details:
        target = next((a for a in assessments if year and a.fiscal_year == year), None)
        if target is None and (year or not assessments):
            target = Assessment(fiscal_year=year or _year_near(texts, line, 0), line=line)
            assessments.append(target)
        if target is None:
            before = [a for a in assessments if (a.line or 0) <= line]
            target = before[-1] if before else assessments[0]
        getattr(target, kind).setdefault(key, score)
    for assessment in assessments:
        assessment.indicators = dict(sorted(assessment.indicators.items(), key=lambda item: int(item[0])))


def _overall_warnings(assessments: list[Assessment]) -> list[Warning_]:
    warnings = []
    for a in assessments:
        year_framework = framework.for_year(a.fiscal_year)
        if year_framework is None or a.score is None:
            continue
        computed = year_framework.overall({int(no): score for no, score in a.indicators.items()})
        said = year_framework.result_contradictions(a.score, a.grade, a.rating)
        if computed is not None and not year_framework.is_consistent(a.score, computed):
            said.append(
                (
                    f"quoted score {a.score} differs from {computed:.2f} (indicators)",
                    f"คะแนนที่อ้าง {a.score} ต่างจาก {computed:.2f} ที่คำนวณจากตัวชี้วัด",
                )
            )
        assessed = f"ITA {a.fiscal_year}: "
        warnings += [
            Warning_(assessed + english, a.line, message_th=assessed + thai) for english, thai in said
        ]
    return warnings


# --- measures -----------------------------------------------------------------------------------


@dataclass
class _Draft:
    measure: Measure
    numbered: bool
    table: int
    line: int

    @property
    def bare(self) -> bool:
        """Only a title so far: a "1." row above "1.1" rows, which is their group, not a measure."""
        m = self.measure
        return not (
            m.steps or m.responsible or m.start or m.status or any(getattr(m, f) for f in _RESULT_FIELDS)
        )


@dataclass
class _MeasureReader:
    """Reads measures from table rows, line by line, keeping the state a page break interrupts,
    and records what became of every table row (see RowAccount)."""

    fiscal_year: int | None
    score_lines: frozenset[int]
    score_table: dict[int, str]  # line → what the row of a table of indicator scores was (see _assessments)
    drafts: list[_Draft] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    roles: list[str] | None = None
    table: int = 0
    group: str | None = None
    parent: int | None = None  # the number of the row whose title is the group of "1.1", "1.2" rows
    current: _Draft | None = None
    after_heading: bool = False
    after_header: bool = False
    header: tuple[list[str], list[str]] | None = None  # the roles and cells of the last header row read
    prose: bool = False  # measures written as paragraphs or forms, not as rows of a measures table
    # a numbered paragraph ("๑. มาตรการ…": line, number, title) that opens a measure if a field follows it
    numbered: tuple[int, int, str] | None = None
    # the field a label on a line of its own names for the lines below it, and whether one was read
    listing: tuple[str, bool] | None = None
    form_number: int | None = None  # the number a form's heading gives the measure its rows will open
    outcomes: dict[int, str] = field(default_factory=dict)  # line → what became of the table row

    def read(self, lines: list[str]) -> None:
        rows = [raw.split("\t") for raw in lines]
        for index, cells in enumerate(rows):
            following = rows[index + 1] if index + 1 < len(rows) else []
            self.feed(index + 1, lines[index], cells, following)

    def account(self) -> RowAccount:
        account = RowAccount(read=len(self.outcomes))
        for no, outcome in self.outcomes.items():
            if outcome == "unexplained":
                account.unexplained.append(no)
            else:
                setattr(account, outcome, getattr(account, outcome) + 1)
        return account

    def feed(self, no: int, raw: str, cells: list[str], following: list[str]) -> None:
        filled = [c for c in cells if tables.strip_tags(c)]
        if not filled:
            return
        # a paragraph indented with a tab, outside any table, is a paragraph: Word's first-line indent
        indented = self.roles is None and len(filled) == 1 and not tables.strip_tags(cells[0])
        is_row = len(cells) > 1 and not indented
        if is_row:
            self.outcomes[no] = "unexplained"  # until one of the branches below says otherwise
        if no in self.score_table:
            self._mark(no, self.score_table[no])
            return
        if is_row and _SIGN_OFF_RE.match(_clean(filled[0])):
            # a memo's closing, a signature or an approval block ends the table above it
            self.roles, self.current, self.after_header = None, None, False
            self._mark(no, "headers")
            return
        heading = None
        if len(filled) == 1:
            # In a table, or once one has begun: an analysis before the measures names every indicator
            heading = _group_heading(filled[0], indicators=is_row or self.roles is not None, in_table=is_row)
        if heading:
            self._set_group(heading)
            self.after_heading, self.after_header = True, False
            self._mark(no, "headers")
        elif is_row and len(filled) == 1 and self._labelled_row(no, tables.strip_tags(filled[0])):
            pass
        elif not is_row:
            self.after_header = False
            text = " ".join(tables.strip_tags(filled[0]).split())
            if self.roles is not None and self._retold(text):
                self.roles, self.current = None, None  # the table is over: its measures are told again below
            if self.roles is None:  # no table yet: measures may be written as paragraphs
                self._prose(no, text)
        elif no in self.score_lines and (
            self.roles is None or (_indicator_score(raw) and not self._measure_beside_score(cells))
        ):
            self._mark(no, "scores")
        elif self._header(cells, following):
            self._mark(no, "headers")
        elif self.roles is None and len(cells) == 2 and self._form_row(no, *cells):
            pass
        elif self.roles is None and _MEMO_FIELD_RE.match(_clean(filled[0])):
            self._mark(no, "headers")  # a memo's fields set out in a row ("ที่ มท ๐๘๐๘/๑๒ | วันที่ …")
        elif self.roles is None:
            self._skip(
                no,
                "a table row before any header naming its columns was not read",
                "ไม่ได้อ่านแถวตารางที่อยู่ก่อนหัวตารางซึ่งระบุชื่อคอลัมน์",
            )
        else:
            self.after_header = False
            self._row(no, tables.cells_by_role(cells, self.roles))

    def _measure_beside_score(self, cells: list[str]) -> bool:
        """A row of a measures table whose group cell names an indicator with last year's score ("ตัวชี้วัดที่ ๕
        การแก้ไขปัญหาการทุจริต (๘๑.๒๐ คะแนน)") beside a measure: the measure aimed at it (the score is read too)."""
        row = tables.cells_by_role(cells, self.roles)
        return any(not tables.is_blank(cell) for cell in row.get("title", [])) and any(
            _indicator_score(cell) for cell in row.get("group", [])
        )

    def _retold(self, text: str) -> bool:
        """A paragraph after a table that opens a measure the table listed ("มาตรการที่ ๑ <its title>"), to tell
        its result and status in labelled lines below."""
        opened = _PROSE_MEASURE_RE.fullmatch(text)
        return bool(opened and opened["title"] and not opened["form"]) and bool(
            self._listed_before(int(opened["no"]), opened["title"])
        )

    def _prose(self, no: int, text: str) -> None:
        """A measure written as a paragraph: "มาตรการที่ 1 …" opens it, as does a numbered paragraph ("๑.
        มาตรการ…", "(๑) …") that a field follows; the labelled lines under it ("วิธีการดำเนินการ …",
        "ผู้รับผิดชอบ …", "ผลการดำเนินงาน …") fill it as a table's columns would, and a label on a line
        of its own ("วิธีการดำเนินการ") the line below it and the list items ("• …", "๑) …") after that."""
        opened = _PROSE_MEASURE_RE.fullmatch(text)
        field = None if opened else self._prose_field(text)
        if opened and opened["title"] and not opened["form"]:
            self.prose, self.numbered, self.listing = True, None, None
            self._open(no, int(opened["no"]), opened["title"])
        elif opened:  # "แบบฟอร์มมาตรการที่ 1": a form follows, its title in a row of its own
            self.form_number = int(opened["no"])
        elif self._lists(text, field):
            role, _ = self.listing
            self._fill(self.current.measure, {role: [text]}, no)
            self.listing = (role, True)
        elif field and (self.prose or self.numbered):
            if self.numbered:
                self.prose = True
                self._open(*self.numbered)
            role, value = field
            self.numbered, self.listing = None, None if value else (role, False)
            if value:
                self._fill(self.current.measure, {role: [value]}, no)
        else:
            numbered = tables.leading_number(text)
            is_numbered = numbered.number is not None and numbered.sub is None and numbered.text
            self.numbered = (no, numbered.number, numbered.text) if is_numbered else None
            self.listing = None

    def _lists(self, text: str, field: tuple[str, str | None] | None) -> bool:
        """Whether a line is a value of the label above it: the first line under it, or a list item."""
        if self.listing is None or self.current is None or field is not None:
            return False
        return not self.listing[1] or tables.is_list_item(text)

    @staticmethod
    def _prose_field(text: str) -> tuple[str, str | None] | None:
        """(the field, its value) a labelled line gives ("ผู้รับผิดชอบ สำนักปลัด"), the value None for
        a label on a line of its own ("วิธีการดำเนินการ"); None for any other line."""
        labelled = _PROSE_FIELD_RE.fullmatch(text)
        if labelled and (role := tables.column_role(labelled["label"])) in _PROSE_ROLES:
            return role, labelled["value"]
        label = text.rstrip(" :：")
        if " " not in label and (role := tables.column_role(label)) in _PROSE_ROLES:
            return role, None
        return None

    def _labelled_row(self, no: int, text: str) -> bool:
        """A row of one cell across the table under a measure, naming what it holds ("ผลการดำเนินงาน:
        ประกาศครบ ๑๒ เดือน"): that field of the measure above."""
        labelled = _LABELLED_ROW_RE.fullmatch(" ".join(text.split()))
        if not (labelled and self._fill_field(no, labelled["label"], labelled["value"])):
            return False
        self._mark(no, "continuations")
        return True

    def _form_row(self, no: int, label: str, value: str) -> bool:
        """A row of a measure's form, a two-column table of labelled rows: "ชื่อมาตรการ | …" opens the
        measure, "ผู้รับผิดชอบ | …" and the like fill it, and a row the form holds for another purpose
        ("วัตถุประสงค์ | …") belongs to it unread."""
        label = tables.strip_tags(label).strip()
        if len(label) > _FORM_LABEL_MAX or tables.is_blank(value) or tables.leading_number(label).number:
            return False
        role = tables.column_role(label)
        if role == "title":
            self.prose = True
            self._mark(no, self._open(no, self.form_number, tables.strip_tags(value).strip()))
            self.form_number = None
        elif self.prose and self.current:
            self._fill_field(no, label, value)
            self._mark(no, "continuations")
        else:
            return False
        return True

    def _fill_field(self, no: int, label: str, value: str) -> bool:
        """The current measure's field a label names ("ผู้รับผิดชอบ"), as a column headed so would fill it;
        False when there is no measure or the label names no field."""
        role = tables.column_role(label)
        if self.current is None or role not in _PROSE_ROLES:
            return False
        self._fill(self.current.measure, {role: [value]}, no)
        return True

    def _mark(self, no: int, outcome: str) -> None:
        if no in self.outcomes:
            self.outcomes[no] = outcome

    def _skip(self, no: int, reason: str, reason_th: str) -> None:
        self.warnings.append(Warning_(reason, no, message_th=reason_th))
        self._mark(no, "warned")

    def _set_group(self, group: str) -> None:
        self.group, self.parent = group, None

    def _header(self, cells: list[str], following: list[str]) -> bool:
        roles = tables.header_like(cells)
        if roles is None:
            return False
        spanned = tables.spanned_roles(self.header[1], cells) if self.after_header and self.header else None
        if spanned:
            roles = spanned
        elif not (tables.is_header(roles) or tables.is_summary_header(roles)):
            # the first row of a two-row header: a merged cell above the status columns of the next row
            below = tables.header_like(following) if following and "title" in roles else None
            if not (below and tables.is_subheader(below)):
                return False
        group = _header_group(cells)
        if self.after_header and self.roles and "title" not in roles:
            self.roles = tables.merge_header(self.roles, roles)
        else:
            if self.header and self._repeats(roles, cells):
                roles = self.header[0]
            else:
                self.header = (roles, cells)
            if roles != self.roles or (group and group != self.group):
                self.roles, self.table, self.current = roles, self.table + 1, None
        if group:
            self._set_group(group)
        self.after_header = True
        return True

    def _repeats(self, roles: list[str], cells: list[str]) -> bool:  # self.header is set
        """Whether a header row repeats the table's header (as on each page), a cell of it perhaps
        misread (by OCR: "ระยะเวล 9"): the same columns, each of the same role or unrecognised and
        written nearly alike."""
        if len(cells) != len(self.header[1]):
            return False
        return all(
            role == before or (role == "other" and _similar(cell, cell_before, _SIMILAR_HEADER_CELL))
            for role, before, cell, cell_before in zip(roles, *self.header, cells, strict=True)
        )

    def _row(self, no: int, row: dict[str, list[str]]) -> None:
        if tables.is_summary_header(self.roles):  # a summary's count of measures by status
            self._mark(no, "headers")
            return
        self._group_cell(row)
        number, sub, title = tables.leading_number(" ".join(map(tables.run_on, row.get("title", []))))
        if number is None:
            number, sub = _column_number(row)
        continued = bool(_CONTINUED_RE.search(title))
        title = "" if tables.is_blank(title) else _CONTINUED_RE.sub("", title).strip()
        if _TOTAL_RE.match(normalize_text(title)):
            self._mark(no, "headers")
            return
        if number is not None and not title and (listed := self._listed_by_number(number)):
            self.current = listed
            self._mark(no, "statuses")
            self._fill(listed.measure, row, no)
            return
        if sub is not None and number is not None:
            number = self._sub_numbered(number, sub)
        opens = bool(title) and (
            number is not None or self.after_heading or not self.current or not self.current.numbered
        )
        if opens and not continued:
            self._mark(no, self._open(no, number, title))
        elif self.current is None:
            self._skip(
                no, "a table row that continues no measure was skipped", "ข้ามแถวตารางที่ไม่ได้ต่อจากมาตรการใด"
            )
            return
        else:
            if title and not _squash(self.current.measure.title).endswith(_squash(title)):
                self.current.measure.title = f"{self.current.measure.title} {title}"
            self._mark(no, "continuations")
        self.after_heading = False
        self._fill(self.current.measure, row, no)

    def _group_cell(self, row: dict[str, list[str]]) -> None:
        """A group written in its own column ("แบบวัด": IIT), once for the rows it spans."""
        text = tables.strip_tags(" ".join(map(tables.run_on, row.get("group", []))))
        if tables.is_blank(text):
            return
        # the weak indicator with last year's score ("ตัวชี้วัดที่ ๕ … (๘๑.๒๐ คะแนน)"): the score is read as one
        text = _SCORE_IN_BRACKETS_RE.sub("", _clean(text))
        group = _group_heading(text, indicators=True, in_table=True)
        if group is None and len(text) <= _GROUP_CELL_MAX and not re.search(r"\d", normalize_text(text)):
            group = _clean(text)  # a group named in words ("ด้านการเปิดเผยข้อมูล"), not a target ("ร้อยละ 80")
        if group and group != self.group:
            self._set_group(group)
            self.after_heading = True

    def _sub_numbered(self, number: int, sub: int) -> int:
        """The number of a measure numbered "1.2": 2 in the group its "1." row names, which stops
        being a measure when it holds nothing but its title."""
        parent = self.current
        if self.parent != number and parent and parent.measure.no == number and parent.bare:
            self.drafts.remove(parent)
            self._set_group(f"{number}. {normalize_text(parent.measure.title)}")
            self.parent, self.current = number, None
            self.outcomes[parent.line] = "headers"
        return sub

    def _open(self, no: int, number: int | None, title: str) -> str:
        listed = self._listed_before(number, title)
        if listed:
            self.current = listed
            return "statuses" if listed.table != self.table else "continuations"
        sequential = self.drafts[-1].measure.no + 1 if self.drafts else 1
        measure = Measure(no=number if number is not None else sequential, title=title, group=self.group)
        measure.source_lines = (no, no)
        self.current = _Draft(measure, numbered=number is not None, table=self.table, line=no)
        self.drafts.append(self.current)
        return "measures"

    def _listed_before(self, number: int | None, title: str) -> _Draft | None:
        """The same measure already read: listed again in a later table (plan, then status).

        Numbering may restart in each group (IIT 1–5, EIT 1–4), so a measure is known by its group,
        its number and its title, which a later table may wrap differently.
        """
        found = []
        for draft in self.drafts:
            same_number = draft.measure.no == number if number is not None else draft.table != self.table
            if same_number and _similar(draft.measure.title, title):
                found.append(draft)
        same_group = [d for d in found if d.measure.group == self.group]
        other_tables = [d for d in found if d.table != self.table]
        return (same_group or other_tables or [None])[0]

    def _listed_by_number(self, number: int) -> _Draft | None:
        """The one measure of an earlier table with this group and number, when a later table names
        it by its number alone ("มาตรการที่ ๓ | อยู่ระหว่างดำเนินการ" in a summary at the end)."""
        found = [
            draft
            for draft in self.drafts
            if draft.table != self.table and draft.measure.no == number and draft.measure.group == self.group
        ]
        return found[0] if len(found) == 1 else None

    def _fill(self, measure: Measure, row: dict[str, list[str]], no: int) -> None:
        measure.source_lines = (min(measure.source_lines[0], no), max(measure.source_lines[1], no))
        for cell in row.get("steps", []):
            _extend(measure.steps, tables.split_items(cell))
        for cell in row.get("responsible", []):
            _extend(measure.responsible, tables.split_responsible(cell))
        for cell in row.get("period", []):
            self._period(measure, cell, no)
        for cell in row.get("period_start", []) + row.get("period_end", []):
            self._period(measure, cell, no)  # each end a date: the period spans both
        if marked := tables.periods_marked(row):
            self._period(measure, f"{marked[0]} - {marked[-1]}", no)
        for name in _RESULT_FIELDS:
            setattr(measure, name, _append_text(getattr(measure, name), row.get(name, [])))
        measure.result = _append_text(measure.result, _tick_notes(row))
        measure.status = _status(row) or measure.status

    def _period(self, measure: Measure, cell: str, no: int) -> None:
        if tables.is_blank(cell):
            return
        text = tables.strip_tags(cell)
        start, end = parse_period(text, fiscal_year=self.fiscal_year)
        if start is None or end is None:
            self.warnings.append(
                Warning_(
                    f"measure {measure.no}: unreadable period {text!r}",
                    no,
                    message_th=f"มาตรการที่ {measure.no}: อ่านระยะเวลา {text!r} ไม่ได้",
                )
            )
            return
        unplaced = unplaced_years(text)
        if unplaced:
            message = (
                f"measure {measure.no}: period {text!r} partly unreadable: no month for {', '.join(unplaced)}"
            )
            thai = f"มาตรการที่ {measure.no}: อ่านระยะเวลา {text!r} ได้ไม่ครบ ไม่ระบุเดือนของ {', '.join(unplaced)}"
            self.warnings.append(Warning_(message, no, message_th=thai))
        measure.start = min(start, measure.start) if measure.start else start
        measure.end = max(end, measure.end) if measure.end else end


def _group_heading(text: str, *, indicators: bool, in_table: bool = False) -> str | None:
    """The group a heading opens: "IIT"/"EIT"/"OIT" for "มาตรการ/แนวทาง ยกระดับ IIT", or the issue or
    indicator heading itself ("ประเด็นที่ 1 …", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", digits Arabic; an
    indicator's score line is no heading) when `indicators` is true; None for any other line.

    Outside a table an instrument heading must speak of measures, since the analysis before them
    names the instruments too ("แบบวัด IIT ได้ 90.12 คะแนน"); a row of its own inside a table that
    names one instrument and no number ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)") is a heading.
    """
    clean = _clean(text)
    if _ISSUE_HEADING_RE.match(clean) and len(clean) <= _HEADING_MAX:
        return _spaced_number(clean)
    if indicators and _INDICATOR_RE.match(clean) and len(clean) <= _HEADING_MAX:
        return None if _indicator_score(clean) else _spaced_number(clean)
    codes = list(dict.fromkeys(_INSTRUMENT_HEADING_RE.findall(clean)))
    if not codes and in_table and _INSTRUMENT_FORM_RE.match(clean):
        codes = [code.upper() for code, names in INSTRUMENT_NAMES.items() if any(n in clean for n in names)]
    if not codes or re.search(r"คะแนน|\d", clean):
        return None
    if in_table and len(codes) == 1 and len(clean) <= _HEADING_MAX:
        return codes[0]
    is_instrument_heading = (
        len(clean) <= _INSTRUMENT_HEADING_MAX
        and re.search(r"มาตรการ|แนวทาง|ยกระดับ", clean)
        and not re.search(r"แบบวัด|แบบสำรวจ", clean)
    )
    return "/".join(codes) if is_instrument_heading else None


def _spaced_number(heading: str) -> str:
    """ "ประเด็นที่ 1 การปฏิบัติหน้าที่" however the spaces around the number fell (text from a PDF or a scan
    often has none), so one group is written one way."""
    return _HEADING_NUMBER_RE.sub(r"\g<word> \g<no> ", heading, count=1).strip()


def _header_group(cells: list[str]) -> str | None:
    """The group a table header names in one of its cells ("มาตรการ/แนวทาง ยกระดับ IIT")."""
    for cell in cells:
        if any(word in cell for word in _GROUP_WORDS):  # spares _group_heading's scans (see _SCORE_WORDS)
            group = _group_heading(cell, indicators=True)
            if group:
                return group
    return None


def _column_number(row: dict[str, list[str]]) -> tuple[int | None, int | None]:
    """The measure number written in its own "ที่"/"ลำดับ" column ("3", "๓.", "1.2")."""
    written = _COLUMN_NUMBER_RE.fullmatch(normalize_text(tables.strip_tags(" ".join(row.get("no", [])))))
    if not written:
        return None, None
    return int(written["n"]), int(written["sub"]) if written["sub"] else None


def _squash(text: str) -> str:
    return "".join(normalize_text(text).split())


def _similar(a: str, b: str, least: float = _SIMILAR_TITLE) -> bool:
    a, b = _squash(a), _squash(b)
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a) or SequenceMatcher(None, a, b).ratio() >= least


def _extend(items: list[str], new: list[str]) -> None:
    items.extend(item for item in new if item not in items)


def _append_text(existing: str | None, cells: list[str]) -> str | None:
    text = " ".join(tables.strip_tags(c) for c in cells if not tables.is_blank(c))
    if not text or (existing and text in existing):
        return existing
    return f"{existing} {text}" if existing else text


def _status(row: dict[str, list[str]]) -> str | None:
    """The status ticked under a status column, else written as words in a status column, else a
    result that is a status and nothing more, else a remark that opens with one."""
    for role in ("status_done", "status_in_progress", "status_not_started"):
        if any(tables.is_checked(cell) for cell in row.get(role, [])):
            return tables.STATUS_ROLES[role]
    words = [tables.status_word(cell) for cell in row.get("status", [])]
    words += [tables.status_stated(cell) for cell in row.get("result", [])]
    words += [tables.status_opening(cell) for cell in row.get("remark", [])]
    return next((status for status in words if status), None)


def _tick_notes(row: dict[str, list[str]]) -> list[str]:
    """What a tick carries beside it ("✓ (ตรวจสอบได้จากเว็บไซต์ของหน่วยงาน)"), kept as a result."""
    notes = []
    for role in tables.STATUS_ROLES:
        for cell in row.get(role, []):
            note = tables.tick_note(cell)
            if note:
                notes.append(note)
    return notes


def _date_warnings(
    measures: list[Measure], fiscal_year: int, period: tuple[date, date] | None
) -> list[Warning_]:
    """Measures dated outside the report period, or more than a year outside the fiscal year."""
    first, last = fiscal_year_bounds(fiscal_year)
    window = (first.replace(year=first.year - 1), last.replace(year=last.year + 1))
    warnings = []
    for m in measures:
        if m.start is None or m.end is None:
            continue
        span = f"{m.start.isoformat()}..{m.end.isoformat()}"
        if period and (m.end < period[0] or m.start > period[1]):
            message = f"measure {m.no}: dated {span}, outside the report period {period[0]}..{period[1]}"
            thai = f"มาตรการที่ {m.no}: กำหนดวันที่ {span} อยู่นอกช่วงเวลาของรายงาน {period[0]}..{period[1]}"
        elif m.start < window[0] or m.end > window[1]:
            message = f"measure {m.no}: dated {span}, more than a year outside fiscal year {fiscal_year}"
            thai = f"มาตรการที่ {m.no}: กำหนดวันที่ {span} ห่างจากปีงบประมาณ {fiscal_year} เกินหนึ่งปี"
        else:
            continue
        warnings.append(Warning_(message, m.source_lines[0], message_th=thai))
    return warnings
