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
from pathlib import Path

from ita import agencies, framework, geography
from ita.errors import ParseError
from ita.parse import tables
from ita.parse.reader import read_lines
from ita.records import Agency, Assessment, Measure, ReportDocument, Warning_
from ita.thai import normalize_text
from ita.thai_dates import fiscal_year_bounds, mentions_month, parse_period

_TITLE_LINES = 6
_TITLE_LINE_MAX = 200
_YEAR_LOOKBACK_LINES = 3
# A year on the lines above a score counts only where those lines speak of the ITA result.
_RESULT_CONTEXT_RE = re.compile(r"ผลการประเมิน|ITA|คะแนน")

_LOCAL_AGENCY_RE = re.compile(
    r"(?P<prefix>องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|อบต\.|อบจ\.|เทศบาลนคร|เทศบาลเมือง|เทศบาลตำบล)"
    r"\s?(?P<place>[\u0e01-\u0e4e]+)"
)
_PROVINCE_AGENCY_RE = re.compile(r"(?:^|สำนักงาน|ศาลากลาง)(?P<prefix>จังหวัด)\s?(?P<place>[\u0e01-\u0e4e]+)")
# Words that follow a name without a space in running text; never the start of a place name.
_AFTER_NAME_RE = re.compile(r"อำเภอ|จังหวัด|ประจำ|ปีงบ|พ\.ศ|โดย|เพื่อ|ซึ่ง|ได้ดำเนิน|ได้กำหนด|ดังนี้")
_ADDRESS_RE = re.compile(
    r"(?:อำเภอ|อ\.)\s?(?P<district>[\u0e01-\u0e4e]+)\s*(?:จังหวัด|จ\.)\s?(?P<province>[\u0e01-\u0e4e]+)"
)
_PROVINCE_RE = re.compile(r"(?:จังหวัด|จ\.)\s?(?P<province>[\u0e01-\u0e4e]+)")

_BE = r"(?:พ\s?\.\s?ศ\s?\.?\s*)?"
_TITLE_YEAR_RE = re.compile(rf"(?:ปีงบประมาณ|ประจำปี)\s*{_BE}(?P<year>25\d\d)(?!\d)")
_MEASURES_YEAR_RE = re.compile(rf"มาตรการ[^\d]{{0,120}}?(?:ปีงบประมาณ|ประจำปี)\s*{_BE}(?P<year>25\d\d)(?!\d)")
_YEAR_RE = re.compile(rf"(?:ปี(?:งบประมาณ)?|พ\s?\.\s?ศ\s?\.|ITA)\s*{_BE}(?P<year>25\d\d)(?!\d)")
_SIX_MONTHS_RE = re.compile(r"(?<!\d)6\s*เดือน|ครึ่งปี")
_YEAR_END_RE = re.compile(r"12\s*เดือน|สิ้นปี|รอบ\s*1\s*ปี|รอบปีงบประมาณ")

_GRADE = r"(?:AA|[A-F])(?![A-Za-z])"
_RATING = r"ผ่านดีเยี่ยม|ผ่านดี|ไม่ผ่าน|ผ่าน"
_SCORE_RE = re.compile(
    r"(?<![\d.])(?P<score>\d{1,3}(?:\.\d{1,3})?)(?![\d.])\s*(?P<unit>คะแนน)?"
    r"(?:\s*\(?\s*(?:จาก)?\s*คะแนนเต็ม\s*100\s*(?:คะแนน)?\s*\)?)?"
    r"[^\d]{0,40}?"
    rf"(?:\(\s*(?P<rating_p>{_RATING})\s*\)(?:\s*ระดับ\s*(?P<grade_p>{_GRADE}))?"
    rf"|ระดับ\s*:?\s*(?:(?P<grade>{_GRADE})|(?P<rating_l>{_RATING}))"
    rf"|เกณฑ์\s*:?\s*(?P<rating>{_RATING}))"
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
_INSTRUMENT_RE = re.compile(
    r"(?<![A-Za-z])(?P<code>IIT|EIT|OIT)(?![A-Za-z])\)?(?P<gap>[^\d]{0,30}?)(?<![\d.])(?P<score>\d{1,3}\.\d{1,2})(?![\d.])"
)

_ISSUE_HEADING_RE = re.compile(r"ประเด็น(?:ที่)?\s*\d{1,2}(?![\d.])")
_INSTRUMENT_HEADING_RE = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)(?![A-Za-z])")
_HEADING_MAX = 200
_INSTRUMENT_HEADING_MAX = 80
_CONTINUED_RE = re.compile(r"\(\s*ต่อ\s*\)")
_SIMILAR_TITLE = 0.85
_RESULT_FIELDS = ("result", "outcome", "suggestion", "followup")


def parse_report(path: Path) -> ReportDocument:
    """Read and parse one agency document (.txt, .md, .html, .docx)."""
    return parse_report_lines(read_lines(path), path.name)


def parse_report_lines(lines: list[str], file_name: str) -> ReportDocument:
    """Parse a document's lines (line numbers are 1-based indexes into ``lines``)."""
    texts = [_clean(raw) for raw in lines]  # cleaned once: every search below reads them
    title = _title_lines(lines, texts)
    assessments, score_warnings = _assessments(texts)
    fiscal_year = _fiscal_year(title, texts, assessments)
    reader = _MeasureReader(fiscal_year)
    for no, raw in enumerate(lines, 1):
        reader.feed(no, raw)
    measures = [draft.measure for draft in reader.drafts]
    if not measures and not assessments:
        raise ParseError(file_name, "not an ITA document: no measures table and no ITA score found")
    agency = _agency(texts, title)
    if agency is None:
        raise ParseError(file_name, "no agency name (องค์การบริหารส่วนตำบล…, เทศบาล…) found in the title")
    if fiscal_year is None:
        raise ParseError(file_name, "no fiscal year (ประจำปีงบประมาณ พ.ศ. …) found")
    kind = _kind(" ".join(text for _, text in title), measures)
    if kind == "analysis" and any(a.fiscal_year == fiscal_year for a in assessments):
        fiscal_year += 1  # an analysis of year Y's result belongs to the measures of year Y+1
    for assessment in assessments:
        assessment.fiscal_year = assessment.fiscal_year or fiscal_year - 1
    period = _report_period(title, fiscal_year)
    warnings = [
        *reader.warnings,
        *score_warnings,
        *_date_warnings(measures, fiscal_year, period),
        *_overall_warnings(assessments),
    ]
    return ReportDocument(file_name, agency, fiscal_year, kind, period, assessments, measures, warnings)


def _clean(raw: str) -> str:
    """A line for matching: Arabic digits, one space between words, markdown emphasis dropped."""
    return normalize_text(tables.strip_tags(raw)).replace("**", "").strip("*# ")


def _title_lines(lines: list[str], texts: list[str]) -> list[tuple[int, str]]:
    """The first short lines before any table: where a document names itself, its agency and year."""
    title: list[tuple[int, str]] = []
    for no, (raw, text) in enumerate(zip(lines, texts, strict=True), 1):
        if "\t" in raw or len(title) == _TITLE_LINES:
            break
        if text and len(text) <= _TITLE_LINE_MAX:
            title.append((no, text))
    return title


# --- agency -------------------------------------------------------------------------------------


def _agency(texts: list[str], title: list[tuple[int, str]]) -> Agency | None:
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
    _place_agency(agency, name, nearby)
    return agency


def _find_name(lines: list[tuple[int, str]], pattern: re.Pattern[str]) -> tuple[int, str] | None:
    for no, text in lines:
        match = pattern.search(text)
        if match:
            place = match["place"]
            cut = _AFTER_NAME_RE.search(place, 1)
            return no, match["prefix"] + (place[: cut.start()] if cut else place)
    return None


def _place_agency(agency: Agency, name: agencies.AgencyName, nearby: str) -> None:
    """District and province as written after the name, else inferred from the place name."""
    written = _ADDRESS_RE.search(nearby) or _PROVINCE_RE.search(nearby)
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


def _district_of(district: str, province: str) -> str | None:
    names = geography.districts().get(province, [])
    for candidate in (district, f"{district}{province}"):  # "อำเภอเมือง" is เมือง<province>
        if candidate in names:
            return candidate
    return None


# --- year and kind ------------------------------------------------------------------------------


def _fiscal_year(title: list[tuple[int, str]], texts: list[str], assessments: list[Assessment]) -> int | None:
    """The year the measures belong to: the title's "ประจำปีงบประมาณ" (a title line about the ITA
    result only when no other has one), else the year the body gives the measures, else the year
    after the latest ITA result quoted (an analysis of year Y leads to measures of Y+1)."""
    about_result = [text for _, text in title if _RESULT_CONTEXT_RE.search(text)]
    searches = (
        ([text for _, text in title if text not in about_result], _TITLE_YEAR_RE),
        (about_result, _TITLE_YEAR_RE),
        (texts, _MEASURES_YEAR_RE),
    )
    for searched, pattern in searches:
        years = [int(m["year"]) for m in map(pattern.search, searched) if m]
        if years:
            return years[0]
    years = [a.fiscal_year for a in assessments if a.fiscal_year]
    return max(years) + 1 if years else None


def _kind(title: str, measures: list[Measure]) -> str:
    if not measures:
        return "analysis"
    reports = "รายงานผล" in title or any(m.result or m.outcome or m.status for m in measures)
    if not reports:
        return "measures"
    if _SIX_MONTHS_RE.search(title):
        return "progress_6_months"
    if _YEAR_END_RE.search(title):
        return "progress_year_end"
    return "progress"


def _report_period(title: list[tuple[int, str]], fiscal_year: int) -> tuple[date, date] | None:
    """The period a progress report covers, when its title writes it after "รอบ"."""
    for _, text in title:
        at = text.find("รอบ")
        if at < 0 or not mentions_month(text[at:]):
            continue
        start, end = parse_period(text[at:], fiscal_year=fiscal_year)
        if start and end:
            return start, end
    return None


# --- ITA results --------------------------------------------------------------------------------


def _assessments(texts: list[str]) -> tuple[list[Assessment], list[Warning_]]:
    """Every ITA result quoted, one per year, with the indicator and instrument scores near it."""
    found: list[Assessment] = []
    details: list[tuple[int, str, str, float]] = []  # (line, "indicators"|"instruments", key, score)
    for no, text in enumerate(texts, 1):
        indicator = _indicator_score(text)
        if indicator:
            details.append((no, "indicators", *indicator))
            continue
        found += _quoted_scores(texts, no)
        details += [(no, "instruments", code, score) for code, score in _instrument_scores(text)]
    assessments, warnings = _one_per_year(found)
    _attach(assessments, details, texts)
    return assessments, warnings


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
                rating=match["rating"] or match["rating_p"] or match["rating_l"],
                line=no,
            )
        )
    return out


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
                )
            )
        elif first is not assessment:
            first.grade = first.grade or assessment.grade
            first.rating = first.rating or assessment.rating
    return list(kept.values()), warnings


def _attach(
    assessments: list[Assessment], details: list[tuple[int, str, str, float]], texts: list[str]
) -> None:
    """Give indicator and instrument scores to the result quoted last before them (or first after)."""
    for line, kind, key, score in details:
        if not assessments:
            assessments.append(Assessment(fiscal_year=_year_near(texts, line, 0), line=line))
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
        if computed is not None and not framework.is_consistent(a.score, computed):
            message = f"ITA {a.fiscal_year}: quoted score {a.score} differs from {computed:.2f} (indicators)"
            warnings.append(Warning_(message, a.line))
    return warnings


# --- measures -----------------------------------------------------------------------------------


@dataclass
class _Draft:
    measure: Measure
    numbered: bool
    table: int


@dataclass
class _MeasureReader:
    """Reads measures from table rows, line by line, keeping the state a page break interrupts."""

    fiscal_year: int | None
    drafts: list[_Draft] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    roles: list[str] | None = None
    table: int = 0
    group: str | None = None
    current: _Draft | None = None
    after_heading: bool = False
    after_header: bool = False

    def feed(self, no: int, raw: str) -> None:
        cells = raw.split("\t")
        filled = [c for c in cells if tables.strip_tags(c)]
        if not filled:
            return
        heading = None
        if len(filled) == 1:
            # In a table, or once one has begun: an analysis before the measures names every indicator
            heading = _group_heading(filled[0], indicators=len(cells) > 1 or self.roles is not None)
        if heading:
            self.group, self.after_heading, self.after_header = heading, True, False
        elif len(cells) < 2:
            self.after_header = False
        elif not self._header(cells):
            self.after_header = False
            if self.roles and not _indicator_score(raw):
                self._row(no, tables.cells_by_role(cells, self.roles))

    def _header(self, cells: list[str]) -> bool:
        roles = tables.header_roles(cells)
        if roles is None:
            return False
        if self.after_header and self.roles and "title" not in roles:
            self.roles = tables.merge_header(self.roles, roles)
        elif roles != self.roles:
            self.roles, self.table, self.current = roles, self.table + 1, None
        self.after_header = True
        return True

    def _row(self, no: int, row: dict[str, list[str]]) -> None:
        number, title = tables.leading_number(" ".join(row.get("title", [])))
        number = number if number is not None else _column_number(row)
        continued = bool(_CONTINUED_RE.search(title))
        title = "" if tables.is_blank(title) else _CONTINUED_RE.sub("", title).strip()
        opens = bool(title) and (
            number is not None or self.after_heading or not self.current or not self.current.numbered
        )
        if opens and not continued:
            self._open(no, number, title)
        elif self.current is None:
            self.warnings.append(Warning_("a table row that continues no measure was skipped", no))
            return
        elif title and _squash(title) not in _squash(self.current.measure.title):
            self.current.measure.title = f"{self.current.measure.title} {title}"
        self.after_heading = False
        self._fill(self.current.measure, row, no)

    def _open(self, no: int, number: int | None, title: str) -> None:
        listed = self._listed_before(number, title)
        if listed:
            self.current = listed
            return
        sequential = self.drafts[-1].measure.no + 1 if self.drafts else 1
        measure = Measure(no=number if number is not None else sequential, title=title, group=self.group)
        measure.source_lines = (no, no)
        self.current = _Draft(measure, numbered=number is not None, table=self.table)
        self.drafts.append(self.current)

    def _listed_before(self, number: int | None, title: str) -> _Draft | None:
        """The same measure already read: listed again in a later table (plan, then status)."""
        for draft in self.drafts:
            same_number = draft.measure.no == number if number is not None else draft.table != self.table
            if same_number and _similar(draft.measure.title, title):
                return draft
        return None

    def _fill(self, measure: Measure, row: dict[str, list[str]], no: int) -> None:
        measure.source_lines = (min(measure.source_lines[0], no), max(measure.source_lines[1], no))
        for cell in row.get("steps", []):
            _extend(measure.steps, tables.split_items(cell))
        for cell in row.get("responsible", []):
            _extend(measure.responsible, tables.split_responsible(cell))
        for cell in row.get("period", []):
            self._period(measure, cell, no)
        for name in _RESULT_FIELDS:
            setattr(measure, name, _append_text(getattr(measure, name), row.get(name, [])))
        measure.status = _status(row) or measure.status

    def _period(self, measure: Measure, cell: str, no: int) -> None:
        if tables.is_blank(cell):
            return
        text = tables.strip_tags(cell)
        start, end = parse_period(text, fiscal_year=self.fiscal_year)
        if start is None or end is None:
            self.warnings.append(Warning_(f"measure {measure.no}: unreadable period {text!r}", no))
            return
        measure.start = min(start, measure.start) if measure.start else start
        measure.end = max(end, measure.end) if measure.end else end


def _group_heading(text: str, *, indicators: bool) -> str | None:
    """The group a heading opens: "IIT"/"EIT"/"OIT" for "มาตรการ/แนวทาง ยกระดับ IIT", or the issue or
    indicator heading itself ("ประเด็นที่ 1 …", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", digits Arabic; an
    indicator's score line is no heading) when `indicators` is true; None for any other line."""
    clean = _clean(text)
    if _ISSUE_HEADING_RE.match(clean) and len(clean) <= _HEADING_MAX:
        return clean
    if indicators and _INDICATOR_RE.match(clean) and len(clean) <= _HEADING_MAX:
        return None if _indicator_score(clean) else clean
    codes = list(dict.fromkeys(_INSTRUMENT_HEADING_RE.findall(clean)))
    is_instrument_heading = (
        codes
        and len(clean) <= _INSTRUMENT_HEADING_MAX
        and re.search(r"มาตรการ|แนวทาง|ยกระดับ", clean)
        and not re.search(r"แบบวัด|แบบสำรวจ|คะแนน|\d", clean)
    )
    return "/".join(codes) if is_instrument_heading else None


def _column_number(row: dict[str, list[str]]) -> int | None:
    """The measure number written in its own "ที่"/"ลำดับ" column."""
    written = normalize_text(tables.strip_tags(" ".join(row.get("no", [])))).rstrip(".")
    return int(written) if written.isdigit() and len(written) <= 3 else None


def _squash(text: str) -> str:
    return "".join(normalize_text(text).split())


def _similar(a: str, b: str) -> bool:
    a, b = _squash(a), _squash(b)
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a) or SequenceMatcher(None, a, b).ratio() >= _SIMILAR_TITLE


def _extend(items: list[str], new: list[str]) -> None:
    items.extend(item for item in new if item not in items)


def _append_text(existing: str | None, cells: list[str]) -> str | None:
    text = " ".join(tables.strip_tags(c) for c in cells if not tables.is_blank(c))
    if not text or (existing and text in existing):
        return existing
    return f"{existing} {text}" if existing else text


def _status(row: dict[str, list[str]]) -> str | None:
    for role in ("status_done", "status_in_progress", "status_not_started"):
        if any(tables.is_checked(cell) for cell in row.get(role, [])):
            return tables.STATUS_ROLES[role]
    return None


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
        elif m.start < window[0] or m.end > window[1]:
            message = f"measure {m.no}: dated {span}, more than a year outside fiscal year {fiscal_year}"
        else:
            continue
        warnings.append(Warning_(message, m.source_lines[0]))
    return warnings
