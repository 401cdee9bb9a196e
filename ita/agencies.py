"""Agency names: type from the name's prefix, one canonical spelling, one identity key.

Documents write one agency several ways ("เทศบาลนครราชสีมา" and "เทศบาลนครนครราชสีมา",
"อบต.นาขุม" and "องค์การบริหารส่วนตำบลนาขุม"); all of them must land on one agency.
"""

from __future__ import annotations

from dataclasses import dataclass

from ita import geography
from ita.records import Warning_
from ita.thai import normalize_text

# Longest prefixes first: "เทศบาลนคร" must not swallow "เทศบาลเมือง".
PREFIXES: tuple[tuple[str, str, str], ...] = (
    ("องค์การบริหารส่วนจังหวัด", "pao", "องค์การบริหารส่วนจังหวัด"),
    ("องค์การบริหารส่วนตำบล", "sao", "องค์การบริหารส่วนตำบล"),
    ("อบจ.", "pao", "องค์การบริหารส่วนจังหวัด"),
    ("อบต.", "sao", "องค์การบริหารส่วนตำบล"),
    ("เทศบาลนคร", "city_municipality", "เทศบาลนคร"),
    ("เทศบาลเมือง", "town_municipality", "เทศบาลเมือง"),
    ("เทศบาลตำบล", "subdistrict_municipality", "เทศบาลตำบล"),
    ("ทน.", "city_municipality", "เทศบาลนคร"),
    ("ทม.", "town_municipality", "เทศบาลเมือง"),
    ("ทต.", "subdistrict_municipality", "เทศบาลตำบล"),
    ("สำนักงานจังหวัด", "provincial_office", "จังหวัด"),
    ("ศาลากลางจังหวัด", "provincial_office", "จังหวัด"),
    ("จังหวัด", "provincial_office", "จังหวัด"),
)
TYPE_PREFIX = {
    "pao": "องค์การบริหารส่วนจังหวัด",
    "city_municipality": "เทศบาลนคร",
    "town_municipality": "เทศบาลเมือง",
    "subdistrict_municipality": "เทศบาลตำบล",
    "sao": "องค์การบริหารส่วนตำบล",
    "provincial_office": "จังหวัด",
}
# Where each type's place name is looked up when the document names no province.
_PLACE_LEVEL = {
    "pao": "province",
    "provincial_office": "province",
    "city_municipality": "district",
    "town_municipality": "district",
    "subdistrict_municipality": "subdistrict",
    "sao": "subdistrict",
}


@dataclass(frozen=True)
class AgencyName:
    type: str
    place: str  # the name without its type prefix, e.g. "นครราชสีมา"
    canonical: str  # the full name in one spelling, e.g. "เทศบาลนครนครราชสีมา"


def parse_name(raw: str) -> AgencyName:
    """Split an agency name into type and place, and spell it one way."""
    name = "".join(normalize_text(raw).split())
    for prefix, agency_type, full in PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            place = _fix_city_place(agency_type, name[len(prefix) :])
            return AgencyName(agency_type, place, full + place)
    return AgencyName("other", name, name)


def _fix_city_place(agency_type: str, place: str) -> str:
    # "เทศบาลนครราชสีมา" drops the city's own "นคร": restore it when that yields a real place.
    if agency_type != "city_municipality" or geography.places_named(place, level="district"):
        return place
    if geography.places_named("นคร" + place, level="district"):
        return "นคร" + place
    return place


def identity_key(name: AgencyName, province: str | None) -> str:
    """The key that makes two spellings of one agency one row; province separates namesakes."""
    return f"{name.type}|{name.place}|{province or ''}"


_PROVINCES_LISTED = 5

# The synthetic sample's agencies carry this before their real identity key, so they never merge with real ones.
SYNTHETIC_KEY_PREFIX = "synthetic|"


def ambiguity(name: AgencyName, line: int | None) -> Warning_ | None:
    """Why an agency named this way (on `line`) cannot be placed from its name alone: places of that name
    lie in several provinces (None when they do not). Said to the user instead of a guessed province."""
    if name.type == "other":
        return None
    places = geography.places_named(name.place, level=_PLACE_LEVEL[name.type])
    provinces = list(dict.fromkeys(p.province for p in places))
    if len(provinces) < 2:
        return None
    listed = ", ".join(provinces[:_PROVINCES_LISTED]) + (", …" if len(provinces) > _PROVINCES_LISTED else "")
    message = (
        f"no province stated for {name.canonical}, and places named {name.place} lie in {len(provinces)} "
        f"provinces ({listed}): the province is left empty rather than guessed"
    )
    thai = (
        f"{name.canonical} ไม่ได้ระบุจังหวัด และมีสถานที่ชื่อ{name.place}อยู่ใน {len(provinces)} จังหวัด "
        f"({listed}): จึงเว้นจังหวัดไว้แทนการคาดเดา"
    )
    return Warning_(message, line, message_th=thai)


def locate(name: AgencyName) -> geography.Place | None:
    """District and province of an agency, inferred from its place name when unambiguous."""
    if name.type == "other":
        return None
    place = geography.infer_place(name.place, level=_PLACE_LEVEL[name.type])
    capital = f"เมือง{name.place}"
    # a municipality named after its province sits in the province's capital district
    if (
        place
        and place.district is None
        and name.type.endswith("municipality")
        and capital in geography.districts()[place.province]
    ):
        return geography.Place(capital, place.province)
    return place
