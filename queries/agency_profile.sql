-- Who one agency is: canonical name, type, place, other spellings seen in documents, real or synthetic.
-- Grain: one row (none when the id is unknown). Parameters: $agency_id.
SELECT
    g.agency_id,
    g.name,
    g.agency_type,
    g.district,
    g.province,
    g.is_province_inferred,
    g.is_synthetic,
    (
        SELECT string_agg(a.alias, ' · ' ORDER BY a.alias)
        FROM agency_aliases a
        WHERE a.agency_id = g.agency_id AND a.alias <> g.name
    ) AS other_spellings
FROM agencies g
WHERE g.agency_id = $agency_id;
