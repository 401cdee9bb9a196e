"""The real agencies of a database being written, and how a file's agency names resolve to them.

Documents write one agency several ways and sometimes without its province. Every spelling lands on one
agency (agencies.identity_key); a name seen without its province and later with it is one agency when no
other candidate exists; and a real agency replaces its twin in the synthetic sample, so every agency is in
the database once, real or invented (as in a build, where real agencies get no twin). The directory is read
once per writing session and kept in step with what each file writes, so a known name costs no query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from ita import agencies, geography
from ita.records import Agency

_REAL_AGENCIES = """
    SELECT agency_id, identity_key, province, district,
           coalesce((SELECT list(alias) FROM agency_aliases a WHERE a.agency_id = g.agency_id), []) AS aliases
    FROM agencies g
    WHERE NOT is_synthetic"""
_SYNTHETIC_AGENCIES = "SELECT identity_key, agency_id FROM agencies WHERE is_synthetic"
_INSERT_AGENCIES = "INSERT INTO agencies BY NAME SELECT r.* FROM (SELECT unnest($rows) AS r)"
_INSERT_ALIASES = "INSERT INTO agency_aliases BY NAME SELECT r.* FROM (SELECT unnest($rows) AS r)"
_UPDATE_AGENCIES = """
    UPDATE agencies AS g
    SET identity_key = u.identity_key, province = u.province, province_code = u.province_code, district = u.district
    FROM (SELECT r.* FROM (SELECT unnest($rows) AS r)) AS u
    WHERE g.agency_id = u.agency_id"""
_REPLACE_TWINS = "INSERT INTO replaced_twins SELECT unnest($ids)"
# One statement per table for every twin replaced in a writing session: each is a scan of a large table, which
# once per file made an import of many new agencies slow.
_DROP_REPLACED_TWINS = (
    """DELETE FROM measure_targets WHERE measure_id IN
       (SELECT measure_id FROM measures SEMI JOIN replaced_twins USING (agency_id) WHERE is_synthetic)""",
    """DELETE FROM measure_words WHERE measure_id IN
       (SELECT measure_id FROM measures SEMI JOIN replaced_twins USING (agency_id) WHERE is_synthetic)""",
    "DELETE FROM measures WHERE is_synthetic AND agency_id IN (SELECT agency_id FROM replaced_twins)",
    """DELETE FROM indicator_scores WHERE assessment_id IN
       (SELECT assessment_id FROM assessments SEMI JOIN replaced_twins USING (agency_id) WHERE is_synthetic)""",
    "DELETE FROM assessments WHERE is_synthetic AND agency_id IN (SELECT agency_id FROM replaced_twins)",
    """DELETE FROM document_warnings WHERE document_id IN
       (SELECT document_id FROM documents SEMI JOIN replaced_twins USING (agency_id) WHERE is_synthetic)""",
    "DELETE FROM documents WHERE is_synthetic AND agency_id IN (SELECT agency_id FROM replaced_twins)",
    "DELETE FROM agency_aliases WHERE is_synthetic AND agency_id IN (SELECT agency_id FROM replaced_twins)",
    "DELETE FROM agencies WHERE is_synthetic AND agency_id IN (SELECT agency_id FROM replaced_twins)",
    "DELETE FROM replaced_twins",
)


def drop_replaced_twins(con: duckdb.DuckDBPyConnection) -> None:
    """Delete the synthetic twins real agencies replaced, with all their rows, before a publish recomputes
    the derived rows (their ids are in its scope). Until then they sit only in the writer's private copy."""
    for statement in _DROP_REPLACED_TWINS:
        con.execute(statement)


@dataclass
class _Agency:
    agency_id: int
    key: str
    province: str | None
    district: str | None
    aliases: set[str]


class Directory:
    """The real agencies by identity key, and by key without province (type|place|) for names without one."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._by_key: dict[str, _Agency] = {}
        self._by_place: dict[str, dict[str, _Agency]] = {}
        for agency_id, key, province, district, aliases in con.execute(_REAL_AGENCIES).fetchall():
            self._add(_Agency(agency_id, key, province, district, set(aliases)))
        # the synthetic sample's agencies by key, so that finding a new real agency's twin costs no query
        self._twins: dict[str, int] = dict(con.execute(_SYNTHETIC_AGENCIES).fetchall())

    def _add(self, agency: _Agency) -> None:
        self._by_key[agency.key] = agency
        self._by_place.setdefault(_place_key(agency.key), {})[agency.key] = agency

    def _rekey(self, agency: _Agency, key: str) -> None:
        del self._by_key[agency.key]
        del self._by_place[_place_key(agency.key)][agency.key]
        agency.key = key
        self._add(agency)

    def resolve(self, named: list[Agency], take_id: Callable[[], int]) -> Resolution:
        """Resolve a file's names in file order, as if written one by one; new agencies take ids from take_id.

        The directory changes as it resolves: a file that then fails to write must drop the directory.
        """
        resolution = Resolution()
        for agency in named:
            resolution.agency_ids.append(self._resolve(agency, take_id, resolution))
        resolution.twins = [
            twin
            for key in sorted(resolution.new_keys)
            if (twin := self._twins.pop(agencies.SYNTHETIC_KEY_PREFIX + key, None)) is not None
        ]
        return resolution

    def _resolve(self, named: Agency, take_id: Callable[[], int], resolution: Resolution) -> int:
        name = agencies.parse_name(named.name)
        key = agencies.identity_key(name, named.province)
        agency = self._by_key.get(key) or self._without_province(name, named.province, resolution)
        if agency is None:
            agency = _Agency(take_id(), key, named.province, named.district, set())
            self._add(agency)
            resolution.created(agency, name, named)
        elif agency.district is None and named.district:
            agency.district = named.district
            resolution.changed(agency)
        if named.name not in agency.aliases:
            agency.aliases.add(named.name)
            resolution.aliases.append({"alias": named.name, "agency_id": agency.agency_id})
        return agency.agency_id

    def _without_province(
        self, name: agencies.AgencyName, province: str | None, resolution: Resolution
    ) -> _Agency | None:
        """One agency seen with and without its province is one agency, when only one candidate exists."""
        candidates = list(self._by_place.get(agencies.identity_key(name, None), {}).values())
        if len(candidates) != 1:
            return None
        agency = candidates[0]
        if province is None:
            return agency
        if agency.province is None:
            # the agency was first seen without a province: now we know it
            agency.province = province
            self._rekey(agency, agencies.identity_key(name, province))
            resolution.changed(agency)
            return agency
        return None


class Resolution:
    """What resolving one file's names found, to be written in the file's transaction."""

    def __init__(self) -> None:
        self.agency_ids: list[int] = []
        self.aliases: list[dict] = []
        self._new: dict[int, dict] = {}
        self._changed: dict[int, _Agency] = {}
        # identity keys new to the database: a synthetic twin of any of them goes
        self.new_keys: set[str] = set()
        self.twins: list[int] = []

    def created(self, agency: _Agency, name: agencies.AgencyName, named: Agency) -> None:
        self._new[agency.agency_id] = {
            "agency_id": agency.agency_id,
            "identity_key": agency.key,
            "name": name.canonical,
            "agency_type": name.type,
            "district": named.district,
            "province": named.province,
            "province_code": _province_code(named.province),
            "is_province_inferred": named.province_inferred,
        }
        self.new_keys.add(agency.key)

    def changed(self, agency: _Agency) -> None:
        self._changed[agency.agency_id] = agency
        self.new_keys.add(agency.key)

    def write(self, con: duckdb.DuckDBPyConnection) -> None:
        """New agencies, what was learnt of known ones, new spellings; and the synthetic twins go."""
        if self.twins:
            con.execute(_REPLACE_TWINS, {"ids": self.twins})
        # an agency created by this file is written as it ended up
        for agency_id, agency in self._changed.items():
            if agency_id in self._new:
                self._new[agency_id] |= {
                    "identity_key": agency.key,
                    "district": agency.district,
                    "province": agency.province,
                    "province_code": _province_code(agency.province),
                }
        changed = [
            {
                "agency_id": a.agency_id,
                "identity_key": a.key,
                "province": a.province,
                "province_code": _province_code(a.province),
                "district": a.district,
            }
            for a in self._changed.values()
            if a.agency_id not in self._new
        ]
        if changed:
            con.execute(_UPDATE_AGENCIES, {"rows": changed})
        if self._new:
            con.execute(_INSERT_AGENCIES, {"rows": list(self._new.values())})
        if self.aliases:
            con.execute(_INSERT_ALIASES, {"rows": self.aliases})


def _place_key(key: str) -> str:
    """type|place| of an identity key type|place|province."""
    return key[: key.rindex("|") + 1]


def _province_code(province: str | None) -> str | None:
    return geography.provinces().get(province) if province else None
