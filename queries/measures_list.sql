-- The measures of one fiscal year with the document lines they came from, one page at a time, optionally searched.
-- Grain: one row per measure; count_total counts every match. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator, $search, $limit, $offset.
WITH scoped AS (
    SELECT measure_id, agency_name, agency_id, measure_no
    FROM v_measures
    WHERE fiscal_year = $fiscal_year
      AND ($province IS NULL OR province = $province)
      AND ($district IS NULL OR district = $district)
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
      AND ($indicator IS NULL OR list_contains(target_indicators, $indicator))
      AND (coalesce($search, '') = '' OR title ILIKE '%' || $search || '%' OR agency_name ILIKE '%' || $search || '%')
), shown AS (
    -- sort on the keys alone, then fetch the page's rows
    SELECT measure_id FROM scoped ORDER BY agency_name, agency_id, measure_no LIMIT $limit OFFSET $offset
)
SELECT
    agency_name,
    measure_no,
    title,
    group_label,
    coalesce(status, 'unknown') AS status,
    start_date,
    end_date,
    array_to_string(responsible, '; ') AS responsible,
    array_to_string(target_indicators, ', ') AS target_indicators,
    target_evidence,
    document,
    first_line,
    last_line,
    is_synthetic,
    agency_id,
    (SELECT count(*) FROM scoped) AS count_total
FROM v_measures
SEMI JOIN shown USING (measure_id)
WHERE fiscal_year = $fiscal_year
ORDER BY agency_name, agency_id, measure_no;
