-- How far the measures of one fiscal year got: measures and agencies per reported status, plus a total row.
-- Grain: one row per status (done, in_progress, not_started, unknown) and one 'total'. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator.
WITH scoped AS (
    SELECT coalesce(status, 'unknown') AS status_code, agency_id
    FROM v_measures
    WHERE fiscal_year = $fiscal_year
      AND ($province IS NULL OR province = $province)
      AND ($district IS NULL OR district = $district)
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
      AND ($indicator IS NULL OR list_contains(target_indicators, $indicator))
)
SELECT
    CASE WHEN grouping(status_code) = 1 THEN 'total' ELSE status_code END AS status,
    count(*) AS count_measures,
    count(DISTINCT agency_id) AS count_agencies,
    count(*) / (SELECT count(*) FROM scoped) AS share_measures
FROM scoped
GROUP BY GROUPING SETS ((status_code), ())
HAVING count(*) > 0
ORDER BY CASE status WHEN 'done' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'not_started' THEN 3
                     WHEN 'unknown' THEN 4 ELSE 5 END;
