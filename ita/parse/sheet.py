"""Score sheets copied from the NACC ITAS system (CSV or Excel) → one ScoreSheet of agency rows.

Users paste title rows above the header and name columns in Thai or English, so the header row is
found by its words, not its position, and the fiscal year comes from a column or from a title row.
A sheet is all or nothing: the first bad row rejects the file, so the loader never writes half of it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from ita import framework, geography
from ita.agencies import TYPE_PREFIX, AgencyName, ambiguity, locate, parse_name
from ita.errors import ITA_YEARS, ParseError, RejectedError, check_year, score_outside
from ita.parse.reader import open_workbook, read_csv, shown
from ita.records import AGENCY_TYPES, Agency, ScoreSheet, SheetRow, Warning_
from ita.thai import normalize_text
from ita.thai_dates import be_year

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | float | None


# Header words by column role, compared after _header_key(): lower case, no spaces, no dots, no brackets.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "rank": ("ลำดับ", "ลำดับที่", "ที่", "อันดับ", "rank", "no", "#"),
    "agency": (
        "หน่วยงาน",
        "ชื่อ",
        "ชื่อหน่วยงาน",
        "หน่วยงานภาครัฐ",
        "หน่วยงานที่เข้ารับการประเมิน",
        "องค์กรปกครองส่วนท้องถิ่น",
        "อปท",
        "ชื่ออปท",
        "agency",
        "agencyname",
        "name",
        "organisation",
        "organization",
    ),
    "type": ("ประเภท", "ประเภทหน่วยงาน", "ประเภทอปท", "รูปแบบ", "type", "agencytype"),
    "district": ("อำเภอ", "อำเภอ/เขต", "เขต", "อ", "district", "amphoe", "amphur"),
    "province": ("จังหวัด", "จ", "province", "changwat"),
    "fiscal_year": ("ปีงบประมาณ", "ปีงบประมาณพศ", "ปีงบ", "ปี", "ปีพศ", "พศ", "fiscalyear", "year", "fy"),
    "score": (
        "คะแนน",
        "คะแนนเฉลี่ย",
        "คะแนนรวม",
        "คะแนนita",
        "ita",
        "คะแนนที่ได้",
        "ผลคะแนน",
        "คะแนนการประเมิน",
        "score",
        "overall",
        "overallscore",
        "itascore",
        "total",
        "totalscore",
    ),
    # One column may hold letters (AA–F) or pass labels: each value is routed by what it says.
    "grade_or_rating": ("ระดับ", "เกรด", "ผลการประเมิน", "ผล", "ระดับผลการประเมิน", "grade", "rating", "result"),
}
# Indicator names of the 2562–2568 framework (Thai, and the English of NACC-funded reports).
INDICATOR_NAMES: dict[int, tuple[str, ...]] = {
    1: ("การปฏิบัติหน้าที่", "performanceofduty", "briberyfraud"),
    2: ("การใช้งบประมาณ", "budgetuse", "budgetmisallocation"),
    3: ("การใช้อำนาจ", "useofauthority", "powerdistortion"),
    4: ("การใช้ทรัพย์สินของราชการ", "useofgovernmentproperty", "assetmisappropriation"),
    5: ("การแก้ไขปัญหาการทุจริต", "anticorruptionimprovement"),
    6: ("คุณภาพการดำเนินงาน", "servicequality"),
    7: ("ประสิทธิภาพการสื่อสาร", "communicationefficiency"),
    8: ("การปรับปรุงการทำงาน", "การปรับปรุงระบบการทำงาน", "procedureimprovement", "systemimprovement"),
    9: ("การเปิดเผยข้อมูล", "opendata", "informationdisclosure"),
    10: ("การป้องกันการทุจริต", "anticorruptionpractice"),
}
# Checked before the indicator names: "การเปิดเผยข้อมูลสาธารณะ" is the OIT, not indicator 9.
INSTRUMENT_NAMES: dict[str, tuple[str, ...]] = {
    "iit": ("ผู้มีส่วนได้ส่วนเสียภายใน", "ผู้มีส่วนได้เสียภายใน"),
    "eit": ("ผู้มีส่วนได้ส่วนเสียภายนอก", "ผู้มีส่วนได้เสียภายนอก"),
    "oit": ("การเปิดเผยข้อมูลสาธารณะ",),
}
TYPE_WORDS: dict[str, str] = {
    **{code.replace("_", ""): code for code in AGENCY_TYPES},
    "องค์การบริหารส่วนจังหวัด": "pao",
    "อบจ": "pao",
    "เทศบาลนคร": "city_municipality",
    "ทน": "city_municipality",
    "เทศบาลเมือง": "town_municipality",
    "ทม": "town_municipality",
    "เทศบาลตำบล": "subdistrict_municipality",
    "ทต": "subdistrict_municipality",
    "องค์การบริหารส่วนตำบล": "sao",
    "อบต": "sao",
    "จังหวัด": "provincial_office",
    "สำนักงานจังหวัด": "provincial_office",
}
# Longest first: "ไม่ผ่าน" contains "ผ่าน". The five-index years (2561 and earlier) used levels.
RATINGS = ("ไม่ผ่าน", "ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "สูงมาก", "สูง", "ปานกลาง", "ต่ำมาก", "ต่ำ")
_GRADE = re.compile(r"(?<![A-Z])(AA|[A-F])(?![A-Z])")
_SUMMARY_ROWS = ("รวม", "เฉลี่ย", "ค่าเฉลี่ย", "คะแนนเฉลี่ย", "total", "average", "mean")
_BLANK_NUMBERS = ("", "-", "–", "—", "n/a", "na")
_DISTRICT_PREFIXES = ("กิ่งอำเภอ", "อำเภอ", "อ.", "เขต")
# Checked before instruments: "ลำดับ IIT" ranks the IIT scores beside it and is none of them.
_RANK_PREFIXES = ("ลำดับ", "อันดับ", "rank")
# A count of respondents names its instrument too ("ผู้ตอบ IIT (คน)": 1,254 people) but is no score.
_COUNT_WORDS = ("จำนวน", "ผู้ตอบ", "กลุ่มตัวอย่าง", "respondent", "sample")
_COUNT_UNITS = ("คน", "ราย")
_PROVINCE_PREFIXES = ("จังหวัด", "จ.")

_NUMBERED_INDICATOR = re.compile(r"^(?:ตัวชี้วัดที่|ตัวชี้วัด|indicator|ind|i)(\d{1,2})(?![\d.])")
_INSTRUMENT_TOKEN = re.compile(r"(?<![a-z])(iit|eit|oit)(?![a-z])")
_HEADER_YEAR = re.compile(r"(?:ปีงบประมาณ|ปี)?(?:พศ)?\d{4}$")
# A range ("ปีงบประมาณ พ.ศ. 2565 – 2567") names both its years: it is no one year's title.
_TITLE_YEAR = re.compile(
    r"(?:ปีงบประมาณ|ปี|พ\.\s?ศ\.|fiscal\s*year|year|fy|ita)\s*(?:พ\.\s?ศ\.)?\s*(\d{4})(?:\s*[-–—]\s*(\d{4}))?(?!\d)",
    re.IGNORECASE,
)
_TITLE_SHORT_YEAR = re.compile(r"(?:ปีงบประมาณ|ปี|พ\.\s?ศ\.)\s*(?:พ\.\s?ศ\.)?\s*(\d{2})(?![\d.])")
_TITLE_PROVINCE = re.compile(r"(?:จังหวัด|จ\.)\s*([^\s\d(),]+)")
_NAME_PLACE = re.compile(
    r"\s(?:(?:อำเภอ|อ\.)\s*(?P<district>\S+))?\s*(?:(?:จังหวัด|จ\.)\s*(?P<province>\S+))?$"
)

_RESULT_ROLES = frozenset(
    {"score", "grade_or_rating", "iit", "eit", "oit"} | {f"indicator_{n}" for n in range(1, 11)}
)
_SCORE_ROLES = _RESULT_ROLES - {"grade_or_rating"}
# what a second header row may name under the header's groups (IIT merged over its indicators' columns)
_SUB_HEADER_ROLES = _SCORE_ROLES - {"score"}
_REPEATABLE_ROLES = frozenset({"grade_or_rating", "rank"})
_DATA_ROLES = _RESULT_ROLES | {"type", "district", "province", "fiscal_year"}


def parse_sheet(path: Path) -> ScoreSheet:
    """Read a score sheet file (.csv, .tsv, .xlsx, .xlsm) into agency rows."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ParseError(
            path.name,
            "old Excel .xls is not supported: save as .xlsx",
            reason_th="ไม่รองรับไฟล์ Excel รุ่นเก่า (.xls): โปรดบันทึกเป็น .xlsx",
        )
    if suffix in (".csv", ".tsv"):
        return _parse_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _parse_xlsx(path)
    raise ParseError(
        path.name,
        f"unsupported file type '{suffix}': use .csv, .tsv, .xlsx or .xlsm",
        reason_th=f"ไม่รองรับไฟล์ประเภท '{suffix}': ใช้ได้เฉพาะ .csv, .tsv, .xlsx หรือ .xlsm",
    )


def is_sheet(rows: Sequence[Sequence[Cell]]) -> bool:
    """Whether rows (a PDF's table lines, say) hold a score sheet: a header naming agencies and scores."""
    return _find_header(rows) is not None


def parse_sheet_rows(rows: Sequence[Sequence[Cell]], file_name: str, first_line: int = 1) -> ScoreSheet:
    """Parse rows already read from a file; the first row is line `first_line` in messages."""
    sheet = _read_table(rows, file_name, first_line)
    return ScoreSheet(file_name, _drop_duplicates(sheet, sheet.rows), sheet.warnings)


@dataclass(frozen=True)
class _Outside:
    """What a workbook says of one worksheet outside its rows: the worksheet's name ("2566", "ขอนแก่น") and
    the rows of the worksheets that hold no score table (a cover titled with the province)."""

    name: str = ""
    cover: Sequence[Sequence[Cell]] = ()


def _read_table(
    rows: Sequence[Sequence[Cell]], file_name: str, first_line: int = 1, outside: _Outside = _Outside()
) -> _Sheet:
    """One table's agency rows, duplicates not yet dropped (a workbook drops them across its worksheets)."""
    if all(_is_blank(row) for row in rows):
        raise RejectedError(file_name, "empty file: no rows", reason_th="ไฟล์ว่างเปล่า: ไม่มีข้อมูลสักแถว")
    header = _find_header(rows)
    if header is None:
        raise _no_columns(rows, file_name, first_line)
    sheet = _Sheet(file_name, first_line)
    year_column = any(_role_of(cell) == "fiscal_year" for cell in rows[header])
    own_year = _title_year(sheet, rows[: header + 1], year_column)
    sheet.title_year = own_year if own_year is not None else _outside_year(outside)
    sheet.title_province = _title_province(rows[:header]) or _outside_province(outside)
    below = rows[header + 1] if header + 1 < len(rows) else []
    two_rows = _map_header(sheet, rows[header], below, first_line + header)
    if sheet.title_year is None and "fiscal_year" not in sheet.columns:
        raise RejectedError(
            file_name,
            "no fiscal year: add a ปีงบประมาณ column or a title row",
            reason_th="ไม่พบปีงบประมาณ: โปรดเพิ่มคอลัมน์ ปีงบประมาณ หรือระบุปีในแถวชื่อเรื่องเหนือตาราง",
        )
    first_row = header + (2 if two_rows else 1)
    parsed = (_parse_row(sheet, row, first_line + first_row + i) for i, row in enumerate(rows[first_row:]))
    sheet.rows = [row for row in parsed if row is not None]
    if not sheet.rows:
        raise RejectedError(
            file_name,
            "no agency rows below the header",
            first_line + header,
            reason_th="ไม่พบแถวข้อมูลหน่วยงานใต้หัวตาราง",
        )
    return sheet


@dataclass
class _Sheet:
    """What the rows of one sheet share: where they came from, their columns, the title's year."""

    file_name: str
    first_line: int
    columns: dict[str, list[int]] = field(default_factory=dict)  # role → column indexes
    title_year: int | None = None
    title_province: str | None = None  # "ผลการประเมิน ITA … จังหวัดนครพนม": where its agencies are
    warnings: list[Warning_] = field(default_factory=list)
    rows: list[SheetRow] = field(default_factory=list)

    def value(self, row: Sequence[Cell], role: str) -> Cell:
        values = self.values(row, role)
        return values[0] if values else None

    def values(self, row: Sequence[Cell], role: str) -> list[Cell]:
        return [row[i] if i < len(row) else None for i in self.columns.get(role, [])]

    def reject(self, line: int | None, reason: str, *, reason_th: str) -> NoReturn:
        raise RejectedError(self.file_name, reason, line, reason_th=reason_th)

    def warn(self, line: int | None, message: str, message_th: str) -> None:
        self.warnings.append(Warning_(message, line, message_th=message_th))


# --- reading files -------------------------------------------------------------------------------


def _parse_csv(path: Path) -> ScoreSheet:
    return parse_sheet_rows(read_csv(path), path.name)


def _parse_xlsx(path: Path) -> ScoreSheet:
    """Every worksheet that heads a score table (one per year, say), as one sheet. A worksheet holding none
    (a cover, a table of counts) is named in a warning; its title may give the others their province."""
    workbook = open_workbook(path, data_only=True)
    tables = [(ws.title, _worksheet_rows(ws)) for ws in workbook.worksheets]
    if not tables:
        raise ParseError(path.name, "the workbook has no worksheets", reason_th="ไฟล์ Excel นี้ไม่มีแผ่นงาน")
    headed = {title: _find_header(rows) is not None for title, rows in tables}
    scored = [(title, rows) for title, rows in tables if headed[title]]
    if not scored:  # rejected, naming the columns it found
        return parse_sheet_rows(tables[0][1], path.name)
    book = _Sheet(path.name, 1)
    others = [(title, rows) for title, rows in tables if not headed[title]]
    for title, rows in others:
        if not all(_is_blank(row) for row in rows):
            book.warn(
                None,
                f"worksheet '{title}' holds no score table: not read",
                f"แผ่นงาน '{title}' ไม่มีตารางคะแนน: ไม่ได้อ่าน",
            )
    cover = [row for _, rows in others for row in rows]
    formulas = open_workbook(path, data_only=False)
    for title, rows in scored:
        _check_formulas(path.name, formulas[title], rows)
        sheet = _read_worksheet(path.name, title, rows, cover, named=len(tables) > 1)
        book.rows += sheet.rows
        book.warnings += sheet.warnings
    return ScoreSheet(path.name, _drop_duplicates(book, book.rows), book.warnings)


def _read_worksheet(
    file_name: str, title: str, rows: list[list[Cell]], cover: list[list[Cell]], *, named: bool
) -> _Sheet:
    """One worksheet's table. In a workbook of several worksheets, each of which counts its lines from 1,
    its rows, warnings and rejection say which worksheet they are in."""
    try:
        sheet = _read_table(rows, file_name, outside=_Outside(title, cover))
    except RejectedError as error:
        if not named:
            raise
        reason, thai = _in_worksheet(title, error.reason, error.reason_th or error.reason)
        raise RejectedError(file_name, reason, error.line, reason_th=thai) from error
    if named:
        sheet.rows = [replace(row, worksheet=title) for row in sheet.rows]
        sheet.warnings = [_warning_in_worksheet(title, warning) for warning in sheet.warnings]
    return sheet


def _warning_in_worksheet(title: str, warning: Warning_) -> Warning_:
    message, thai = _in_worksheet(title, warning.message, warning.message_th or warning.message)
    return Warning_(message, warning.line, message_th=thai)


def _in_worksheet(title: str | None, english: str, thai: str) -> tuple[str, str]:
    """A message about a row of a worksheet, in English and Thai, saying which worksheet (if `title`)."""
    if title is None:
        return english, thai
    return f"worksheet '{title}': {english}", f"แผ่นงาน '{title}': {thai}"


def _worksheet_rows(ws: Worksheet) -> list[list[Cell]]:
    """Cell values by Excel row, as the sheet shows them; a merged range gives its top-left value to every row
    of its first column."""
    rows = [[_cell_value(shown(cell.value, cell.number_format)) for cell in row] for row in ws.iter_rows()]
    for merged in ws.merged_cells.ranges:
        top_left = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            rows[r - 1][merged.min_col - 1] = top_left
    return rows


def _cell_value(value: object) -> Cell:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return str(value)


def _check_formulas(file_name: str, formulas: Worksheet, rows: list[list[Cell]]) -> None:
    """openpyxl cannot compute formulas: a formula whose result the file did not save cannot be read."""
    for row in formulas.iter_rows():
        for cell in row:
            if cell.data_type == "f" and rows[cell.row - 1][cell.column - 1] is None:
                reason = (
                    f"cell {cell.coordinate} holds a formula with no saved result: "
                    "open the file in Excel or LibreOffice and save it again"
                )
                thai = (
                    f"ช่อง {cell.coordinate} มีสูตรที่ไม่ได้บันทึกผลลัพธ์ไว้: "
                    "โปรดเปิดไฟล์ใน Excel หรือ LibreOffice แล้วบันทึกอีกครั้ง"
                )
                raise ParseError(file_name, reason, cell.row, reason_th=thai)


# --- the header ----------------------------------------------------------------------------------


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else str(cell)
    return normalize_text(cell)


def _is_blank(row: Sequence[Cell]) -> bool:
    return all(not _text(cell) for cell in row)


def _header_key(cell: Cell) -> str:
    """The header cell without case, spaces, dots, brackets or a unit of "%" ("คะแนน ITA (%)")."""
    text = re.sub(r"\.(?!\d)", "", _text(cell).lower())
    return re.sub(r"[\s_\-:()\[\]*%]", "", text)


def _role_of(cell: Cell) -> str | None:
    """The column role a header cell names, or None. A trailing year ("คะแนน ITA 2566") is ignored here."""
    key = _header_key(cell)
    if key.startswith(_RANK_PREFIXES):
        return "rank"
    if key.endswith(_COUNT_UNITS) or any(word in key for word in _COUNT_WORDS):
        return None
    if match := _NUMBERED_INDICATOR.match(key):
        return f"indicator_{int(match[1])}" if 1 <= int(match[1]) <= 10 else None
    for code, names in INSTRUMENT_NAMES.items():
        if any(name in key for name in names):
            return code
    # "การใช้ทรัพย์สินของทางราชการ" is indicator 4 as often as the framework's "…ของราชการ"
    named = key.replace("ของทาง", "ของ")
    for no, names in INDICATOR_NAMES.items():
        if any(name in named for name in names):
            return f"indicator_{no}"
    if match := _INSTRUMENT_TOKEN.search(key):
        return match[1]
    key = _HEADER_YEAR.sub("", key) or key
    return next((role for role, words in HEADER_WORDS.items() if key in words), None)


def _find_header(rows: Sequence[Sequence[Cell]]) -> int | None:
    """The first row naming an agency column and a score or indicator column."""
    for i, row in enumerate(rows):
        roles = {_role_of(cell) for cell in row}
        if "agency" in roles and roles & _SCORE_ROLES:
            return i
    return None


def _no_columns(rows: Sequence[Sequence[Cell]], file_name: str, first_line: int) -> RejectedError:
    best = max(
        range(len(rows)),
        key=lambda i: (_recognised(rows[i]), len(list(filter(None, map(_text, rows[i])))), -i),
    )
    found = ", ".join(text for text in map(_text, rows[best]) if text)[:200]
    reason = (
        f"no recognisable columns (found: {found}): "
        "need หน่วยงาน/agency and คะแนน/score or ตัวชี้วัดที่ 1–10/indicator_1–10"
    )
    thai = f"ไม่พบคอลัมน์ที่ใช้ได้ (พบ: {found}): ต้องมีคอลัมน์ หน่วยงาน และคอลัมน์ คะแนน หรือ ตัวชี้วัดที่ 1–10"
    return RejectedError(file_name, reason, first_line + best, reason_th=thai)


def _recognised(row: Sequence[Cell]) -> int:
    return len({_role_of(cell) for cell in row} - {None})


def _map_header(sheet: _Sheet, header: Sequence[Cell], below: Sequence[Cell], line: int) -> bool:
    """The sheet's columns by its header row and, under the header's groups, the row below it; whether that
    row is part of the header."""
    named_below = _named_below(header, below, sheet.title_year)
    names = [below[i] if i in named_below else cell for i, cell in enumerate(header)]
    roles = [named_below.get(i, _role_of(cell)) for i, cell in enumerate(header)]
    sheet.columns = _map_columns(sheet, names, roles, line)
    return bool(named_below)


def _named_below(header: Sequence[Cell], below: Sequence[Cell], year: int | None) -> dict[int, str]:
    """The roles a second header row gives columns under the header's groups: an indicator or instrument by
    name, or a bare number under an instrument spanning several columns (IIT merged over five, the row
    below numbering them 1–5). Empty unless every cell of the row is a header's: no agency, no data."""
    ten = framework.for_measures(year)  # the ten-indicator framework in force: which instrument has which
    instrument_of = {str(indicator.no): indicator.instrument.lower() for indicator in ten.indicators}
    named: dict[int, str] = {}
    group = None
    for i, cell in enumerate(below):
        above = header[i] if i < len(header) else None
        spans = not _text(above) or (i + 1 < len(header) and not _text(header[i + 1]))
        group = _role_of(above) if _text(above) else group
        role = _role_of(cell)
        if role in _SUB_HEADER_ROLES:
            named[i] = role
        elif spans and group is not None and instrument_of.get(_text(cell)) == group:
            named[i] = f"indicator_{_text(cell)}"
        elif _text(cell) and role is None:
            return {}
    return named


def _map_columns(
    sheet: _Sheet, header: Sequence[Cell], roles: Sequence[str | None], line: int
) -> dict[str, list[int]]:
    columns: dict[str, list[int]] = {}
    ignored = []
    for i, (cell, role) in enumerate(zip(header, roles, strict=True)):
        if role is None and _text(cell):
            ignored.append(f"'{_text(cell)}'")
        elif role in columns and role not in _REPEATABLE_ROLES:
            sheet.warn(
                line,
                f"column {i + 1} '{_text(cell)}' repeats the {role} column: ignored",
                f"คอลัมน์ที่ {i + 1} '{_text(cell)}' ซ้ำกับคอลัมน์ก่อนหน้าที่มีความหมายเดียวกัน: ไม่นำมาใช้",
            )
        elif role is not None:
            columns.setdefault(role, []).append(i)
    if ignored:
        listed = ", ".join(ignored)
        sheet.warn(line, f"columns not recognised, ignored: {listed}", f"ไม่รู้จักคอลัมน์ จึงไม่นำมาใช้: {listed}")
    return columns


def _title_year(sheet: _Sheet, rows: Sequence[Sequence[Cell]], year_column: bool) -> int | None:
    """The one fiscal year that title rows (or header cells such as "คะแนน 2566") state, if any. Several
    need a year column."""
    found: dict[int, int] = {}
    for i, row in enumerate(rows):
        line = sheet.first_line + i
        for text in map(_text, row):
            for year in _years_in(text):
                found.setdefault(_fiscal_year(sheet, year, line), line)
    if len(found) > 1 and not year_column:
        listed = ", ".join(map(str, sorted(found)))
        sheet.reject(
            max(found.values()),
            f"the title names several fiscal years ({listed}): add a ปีงบประมาณ column",
            reason_th=f"ชื่อเรื่องระบุปีงบประมาณหลายปี ({listed}): โปรดเพิ่มคอลัมน์ ปีงบประมาณ",
        )
    return next(iter(found)) if len(found) == 1 else None


def _years_in(text: str) -> list[str]:
    """The years a title states as written: "ปีงบประมาณ 2566", "พ.ศ. ๒๕๖๖", "ปี 66", both ends of a range."""
    stated = [year for years in _TITLE_YEAR.findall(text) for year in years if year]
    return stated + _TITLE_SHORT_YEAR.findall(text)


def _outside_year(outside: _Outside) -> int | None:
    """The one year a worksheet's name states ("2566", "ปี 2566"), else the one its workbook's cover states;
    a cover over several years ("2565 – 2567") states none of them for any one worksheet. A year no ITA
    result can have (a typo such as 2601) says nothing of the rows."""
    name = _text(outside.name)
    named = [name] if re.fullmatch(r"\d{4}", name) else _years_in(name)
    covered = [year for row in outside.cover for text in map(_text, row) for year in _years_in(text)]
    first, last = ITA_YEARS
    for written in (named, covered):
        years = {year for year in map(be_year, written) if year and first <= year <= last}
        if years:
            return years.pop() if len(years) == 1 else None
    return None


def _outside_province(outside: _Outside) -> str | None:
    """The province a worksheet is named after ("ขอนแก่น", not a code), else the one its cover's title names."""
    name = _text(outside.name)
    named = None if name.isdigit() else geography.province_named(name)
    return named or _title_province([[outside.name], *outside.cover])


def _title_province(rows: Sequence[Sequence[Cell]]) -> str | None:
    """The one province that title rows name ("… จังหวัดนครพนม", "จ.นครพนม"), if any."""
    found = {
        province
        for row in rows
        for text in map(_text, row)
        for written in _TITLE_PROVINCE.findall(text)
        if (province := geography.province_named(written))
    }
    return found.pop() if len(found) == 1 else None


def _fiscal_year(sheet: _Sheet, written: str, line: int | None) -> int:
    """A B.E. fiscal year in range, from "2566", "๖๖" or a C.E. year (2007–2037 → 2550–2580)."""
    year = be_year(written)
    if year is None:
        sheet.reject(
            line, f"fiscal year '{written}' is not a year", reason_th=f"ปีงบประมาณ '{written}' ไม่ใช่ปีที่อ่านได้"
        )
    check_year(sheet.file_name, year, line, written=written)
    return year


# --- the rows ------------------------------------------------------------------------------------


def _parse_row(sheet: _Sheet, row: Sequence[Cell], line: int) -> SheetRow | None:
    """One agency's results, or None for a row that carries none (blank, repeated header, total)."""
    name = _text(sheet.value(row, "agency"))
    if _role_of(name) == "agency":  # the header, repeated on every page of a copied report
        return None
    if not name:
        return _without_agency(sheet, row, line)
    if _header_key(name).startswith(_SUMMARY_ROWS):
        sheet.warn(line, f"summary row '{name}' skipped", f"ข้ามแถวสรุป '{name}'")
        return None
    grade, rating = _grade_and_rating(sheet, row, line)
    result = SheetRow(
        line=line,
        agency=_agency(sheet, row, line, name),
        fiscal_year=_row_year(sheet, row, line),
        score=_score(sheet, sheet.value(row, "score"), ("score", "คะแนนรวม"), line),
        grade=grade,
        rating=rating,
        indicators=_scores(sheet, row, line, {str(n): f"indicator_{n}" for n in range(1, 11)}),
        instruments=_scores(sheet, row, line, {"IIT": "iit", "EIT": "eit", "OIT": "oit"}),
    )
    if result.score is None and not (grade or rating or result.indicators or result.instruments):
        sheet.warn(
            line,
            f"'{name}' has no score, grade or indicators: skipped",
            f"'{name}' ไม่มีคะแนน ระดับผล หรือคะแนนตัวชี้วัด: ข้ามแถวนี้",
        )
        return None
    _check_overall(sheet, result)
    _check_grade(sheet, result)
    return result


def _check_overall(sheet: _Sheet, row: SheetRow) -> None:
    """Warn when the overall differs from what the year's framework makes of the row's indicators (or,
    without all ten, of its three instruments): a typing slip or a column read as the wrong one."""
    year_framework = framework.for_year(row.fiscal_year)
    if year_framework is None or row.score is None:
        return
    computed = year_framework.overall({int(no): score for no, score in row.indicators.items()})
    parts, parts_th = "indicators", "ตัวชี้วัด"
    weights = year_framework.weights
    if computed is None and weights and set(row.instruments) == set(weights):
        computed = sum(weight * row.instruments[code] for code, weight in weights.items())
        parts, parts_th = "instruments", "เครื่องมือการประเมิน"
    if computed is not None and not year_framework.is_consistent(row.score, computed):
        assessed = f"{row.agency.name} ITA {row.fiscal_year}"
        sheet.warn(
            row.line,
            f"{assessed}: quoted score {row.score:g} differs from {computed:.2f} ({parts})",
            f"{assessed}: คะแนนที่อ้าง {row.score:g} ต่างจาก {computed:.2f} ที่คำนวณจาก{parts_th}",
        )


def _check_grade(sheet: _Sheet, row: SheetRow) -> None:
    """Warn when a pass label or a letter contradicts the score beside it under the year's framework."""
    year_framework = framework.for_year(row.fiscal_year)
    if year_framework is None or row.score is None:
        return
    assessed = f"{row.agency.name} ITA {row.fiscal_year}: "
    for english, thai in year_framework.result_contradictions(row.score, row.grade, row.rating):
        sheet.warn(row.line, assessed + english, assessed + thai)


def _without_agency(sheet: _Sheet, row: Sequence[Cell], line: int) -> None:
    """A row with results but no agency rejects the file; a blank row or a note is passed over."""
    if _is_blank(row):
        return None
    if label := next((text for text in map(_text, row) if _header_key(text).startswith(_SUMMARY_ROWS)), None):
        sheet.warn(line, f"summary row '{label}' skipped", f"ข้ามแถวสรุป '{label}'")
        return None
    if any(_text(cell) for role in _DATA_ROLES for cell in sheet.values(row, role)):
        sheet.reject(line, "no agency name", reason_th="ไม่มีชื่อหน่วยงาน")
    shown = " ".join(filter(None, map(_text, row)))[:80]
    sheet.warn(line, f"row without agency skipped: {shown}", f"ข้ามแถวที่ไม่มีชื่อหน่วยงาน: {shown}")
    return None


def _row_year(sheet: _Sheet, row: Sequence[Cell], line: int) -> int:
    cell = sheet.value(row, "fiscal_year")
    text = re.sub(r"\s", "", _text(cell))
    if not text:
        if sheet.title_year is None:
            sheet.reject(
                line,
                "no fiscal year in this row or in a title row",
                reason_th="ไม่พบปีงบประมาณทั้งในแถวนี้และในแถวชื่อเรื่อง",
            )
        return sheet.title_year
    return _fiscal_year(sheet, re.sub(r"^พ\.?ศ\.?", "", text), line)


def _score(sheet: _Sheet, cell: Cell, label: tuple[str, str], line: int) -> float | None:
    """A score 0–100 from a number or text with Thai digits, a decimal comma or thousands commas; `label`
    names it in English and Thai."""
    text = re.sub(r"\s", "", _text(cell))
    if text.lower() in _BLANK_NUMBERS:
        return None
    number = _plain_number(text) if isinstance(cell, str) else cell
    value = math.nan if number is None else float(number)
    if not math.isfinite(value):
        english, thai = label
        sheet.reject(line, f"{english} '{text}' is not a number", reason_th=f"{thai} '{text}' ไม่ใช่ตัวเลข")
    if not 0 <= value <= 100:
        raise score_outside(sheet.file_name, label, value, line)
    return value


def _plain_number(text: str) -> str | None:
    text = text.removesuffix("%")  # a web page's "95.20%": scores are out of 100
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        text = text.replace(",", "")
    elif re.fullmatch(r"\d+,\d+", text):
        text = text.replace(",", ".")
    return text if re.fullmatch(r"-?\d+(?:\.\d+)?", text) else None


def _scores(sheet: _Sheet, row: Sequence[Cell], line: int, roles: dict[str, str]) -> dict[str, float]:
    """Indicator or instrument scores keyed as the records expect ("1"…"10", "IIT"…), blanks left out."""
    scores = {key: _score(sheet, sheet.value(row, role), _label(role), line) for key, role in roles.items()}
    return {key: value for key, value in scores.items() if value is not None}


def _label(role: str) -> tuple[str, str]:
    """A score column's name in English and Thai: "indicator 3" and "คะแนนตัวชี้วัดที่ 3", "IIT" and "คะแนน IIT"."""
    if role.startswith("indicator"):
        return role.replace("_", " "), f"คะแนนตัวชี้วัดที่ {role.removeprefix('indicator_')}"
    return role.upper(), f"คะแนน {role.upper()}"


def _grade_and_rating(sheet: _Sheet, row: Sequence[Cell], line: int) -> tuple[str | None, str | None]:
    """Letters (AA–F) go to grade and pass labels to rating, whichever column they were written in."""
    grade = rating = None
    for text in filter(None, map(_text, sheet.values(row, "grade_or_rating"))):
        compact = re.sub(r"\s", "", text)
        found_rating = next((label for label in RATINGS if label in compact), None)
        found_grade = _GRADE.search(compact.upper())
        if found_rating is None and found_grade is None:
            sheet.reject(
                line,
                f"grade '{text}' is neither a grade (AA–F) nor a pass label (ผ่าน, ไม่ผ่าน…)",
                reason_th=f"'{text}' ไม่ใช่ทั้งระดับผลการประเมิน (AA–F) และผลผ่านเกณฑ์ (ผ่าน, ไม่ผ่าน…)",
            )
        grade = grade or (found_grade[1] if found_grade else None)
        rating = rating or found_rating
    return grade, rating


def _agency(sheet: _Sheet, row: Sequence[Cell], line: int, written: str) -> Agency:
    """Canonical name and type; district and province from their columns, the name, or the place name."""
    bare_name, named_district, named_province = _split_place(written)
    name = _typed_name(sheet, row, line, bare_name)
    district = _strip(_text(sheet.value(row, "district")) or named_district, _DISTRICT_PREFIXES)
    province = _province(sheet, line, _text(sheet.value(row, "province")) or named_province)
    by_title = province is None and name.type != "other" and sheet.title_province is not None
    if by_title:
        province = sheet.title_province
    place = locate(name) if province is None or district is None or by_title else None
    agency = Agency(name.canonical, name.type, district or None, province, line=line)
    if by_title and place and place.province != province:
        # a national list under a province's title, or a row pasted from another province's sheet
        sheet.warn(
            line,
            f"{name.canonical} is placed in {province} by the title, but the only place named {name.place} "
            f"lies in {place.province}: check the row",
            f"{name.canonical} อยู่ในจังหวัด{province}ตามชื่อตาราง แต่สถานที่ชื่อ{name.place}มีแห่งเดียว"
            f"อยู่ในจังหวัด{place.province}: โปรดตรวจสอบแถวนี้",
        )
    if place and agency.province is None:
        agency.province, agency.province_inferred = place.province, True
    elif agency.province is None and (warning := ambiguity(name, line)):
        sheet.warnings.append(warning)
    if place and agency.district is None and place.province == agency.province:
        agency.district = place.district
    return agency


def _split_place(written: str) -> tuple[str, str, str]:
    """Split "อบต.หนองระเวียง อ.เมืองนครราชสีมา จ.นครราชสีมา" into name, district and province."""
    match = _NAME_PLACE.search(written)
    if match is None or not match[0].strip():
        return written, "", ""
    return written[: match.start()], match["district"] or "", match["province"] or ""


def _typed_name(sheet: _Sheet, row: Sequence[Cell], line: int, written: str) -> AgencyName:
    """The name with the type column's prefix added when the name has none; the type column wins."""
    name = parse_name(written)
    type_text = _text(sheet.value(row, "type"))
    if not type_text:
        return name
    agency_type = TYPE_WORDS.get(re.sub(r"[\s._]", "", type_text.lower()))
    if agency_type is None:
        sheet.warn(
            line,
            f"type '{type_text}' not recognised: type taken from the name",
            f"ไม่รู้จักประเภท '{type_text}': ใช้ประเภทตามชื่อหน่วยงาน",
        )
        return name
    if name.type == "other" and agency_type in TYPE_PREFIX:
        return parse_name(TYPE_PREFIX[agency_type] + name.place)
    if name.type != agency_type:
        sheet.warn(
            line,
            f"type column says {agency_type} but the name '{written}' says {name.type}",
            f"คอลัมน์ประเภทระบุเป็น{_type_th(agency_type)} แต่ชื่อ '{written}' ระบุเป็น{_type_th(name.type)}",
        )
    return AgencyName(agency_type, name.place, name.canonical)


def _type_th(agency_type: str) -> str:
    return TYPE_PREFIX.get(agency_type, "หน่วยงานประเภทอื่น")


def _strip(text: str, prefixes: tuple[str, ...]) -> str:
    """The place name without its อำเภอ/อ./จังหวัด/จ. prefix."""
    for prefix in prefixes:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix) :].strip()
    return text


def _province(sheet: _Sheet, line: int, written: str) -> str | None:
    if not written:
        return None
    province = geography.province_named(_strip(written, _PROVINCE_PREFIXES))
    if province is None:
        sheet.warn(
            line,
            f"province '{written}' is not a Thai province: ignored",
            f"'{written}' ไม่ใช่ชื่อจังหวัดของไทย: ไม่นำมาใช้",
        )
    return province


def _drop_duplicates(sheet: _Sheet, rows: list[SheetRow]) -> list[SheetRow]:
    """One row per agency and year: an identical repeat is dropped, a conflicting one rejects the file."""
    first: dict[tuple[str, str | None, int], SheetRow] = {}
    kept = []
    for row in rows:
        key = (row.agency.name, row.agency.province, row.fiscal_year)
        earlier = first.setdefault(key, row)
        if earlier is row:
            kept.append(row)
        elif _results(earlier) == _results(row):
            english, thai = _where(earlier)
            sheet.warn(
                row.line,
                *_in_worksheet(
                    row.worksheet,
                    f"repeats {english} ({key[0]} {key[2]}): kept once",
                    f"ซ้ำกับ{thai} ({key[0]} {key[2]}): เก็บไว้รายการเดียว",
                ),
            )
        else:
            english, thai = _in_worksheet(row.worksheet, *_where(earlier, row))
            sheet.reject(
                row.line,
                f"{english} give different results for {key[0]} {key[2]}",
                reason_th=f"{thai} ให้ผลของ {key[0]} {key[2]} ไม่ตรงกัน",
            )
    return kept


def _where(*rows: SheetRow) -> tuple[str, str]:
    """Where rows are, in English and Thai: "line 5", "lines 3 and 5", and which worksheets in a workbook."""
    if all(row.worksheet is None for row in rows):
        lines = [str(row.line) for row in rows]
        return f"line{'s' * (len(rows) > 1)} {' and '.join(lines)}", f"บรรทัด {' และ '.join(lines)}"
    english = [f"line {row.line} of worksheet '{row.worksheet}'" for row in rows]
    thai = [f"บรรทัด {row.line} ของแผ่นงาน '{row.worksheet}'" for row in rows]
    return " and ".join(english), " และ".join(thai)


def _results(row: SheetRow) -> tuple:
    return (row.score, row.grade, row.rating, row.indicators, row.instruments)
