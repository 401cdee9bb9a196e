-- Agencies whose name, or a spelling of it seen in a document, contains the typed text (the agency picker).
-- Grain: one row per agency, at most 50, real agencies first. Parameters: $search, $include_synthetic.
SELECT agency_id, name, agency_type, district, province, is_synthetic
FROM agencies
WHERE ($include_synthetic OR NOT is_synthetic)
  AND (
      name ILIKE '%' || $search || '%'
      OR agency_id IN (SELECT agency_id FROM agency_aliases WHERE alias ILIKE '%' || $search || '%')
  )
ORDER BY is_synthetic, name, agency_id
LIMIT 50;
