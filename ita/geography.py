"""Thailand's provinces, districts and subdistricts (from geothai), indexed for our look-ups."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import geothai


@dataclass(frozen=True)
class Place:
    """Where an agency sits; district and province in Thai, without the อำเภอ/จังหวัด prefix."""

    district: str | None
    province: str


@cache
def provinces() -> dict[str, str]:
    """Thai province name → two-digit DOPA code, for all 77 provinces."""
    return {p.name_th: p.code for p in geothai.provinces()}


@cache
def province_by_code() -> dict[str, str]:
    return {code: name for name, code in provinces().items()}


@cache
def english_names() -> dict[str, str]:
    """Two-digit DOPA code → the province's English name."""
    return {p.code: p.name_en for p in geothai.provinces()}


@cache
def districts() -> dict[str, list[str]]:
    """Thai province name → its district names, in code order."""
    return {p.name_th: [d.name_th for d in geothai.districts(p.code)] for p in geothai.provinces()}


@cache
def place_names() -> frozenset[str]:
    """Every province, district and subdistrict name, as written."""
    names = set(provinces())
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            names.add(d.name_th)
            names.update(s.name_th for s in geothai.subdistricts(d.code))
    return frozenset(names)


@cache
def _subdistrict_index() -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = defaultdict(list)
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            for s in geothai.subdistricts(d.code):
                index[geothai.normalize(s.name_th)].append(Place(d.name_th, p.name_th))
    return dict(index)


@cache
def _district_index() -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = defaultdict(list)
    for province, names in districts().items():
        for name in names:
            index[geothai.normalize(name)].append(Place(name, province))
    return dict(index)


def subdistricts_named(name: str) -> list[Place]:
    """Every subdistrict in Thailand with this name (often several: names repeat across provinces)."""
    return list(_subdistrict_index().get(geothai.normalize(name), []))


def province_named(text: str) -> str | None:
    """The official Thai province name for a name or a DOPA code, or None."""
    text = text.strip()
    if text in provinces():
        return text
    if text.isdigit():
        return province_by_code().get(text.zfill(2))
    key = geothai.normalize(text)
    for name in provinces():
        if geothai.normalize(name) == key:
            return name
    return None


def places_named(place_name: str, *, level: str = "subdistrict") -> list[Place]:
    """Every place an agency of this level may be named after.

    A province's name names the province. Otherwise a subdistrict organisation is named after its
    ตำบล (a district of the name counts only when no ตำบล has it), and a municipality after its ตำบล
    or its อำเภอ, so both count.
    """
    province = province_named(place_name)
    if province or level == "province":
        return [Place(None, province)] if province else []
    key = geothai.normalize(place_name)
    subdistricts = _subdistrict_index().get(key, [])
    districts = _district_index().get(key, [])
    if level == "district":
        return [*districts, *(p for p in subdistricts if p not in districts)]
    return subdistricts or districts


def infer_place(place_name: str, *, level: str = "subdistrict") -> Place | None:
    """Locate an agency from its place name when every place of that name lies in one province
    (the district too when they share one); None when the name is unknown or names places in
    several provinces, since a guess would put the agency's results in the wrong province."""
    places = places_named(place_name, level=level)
    if len({p.province for p in places}) != 1:
        return None
    districts = {p.district for p in places}
    return Place(districts.pop() if len(districts) == 1 else None, places[0].province)
