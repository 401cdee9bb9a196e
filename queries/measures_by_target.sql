-- Which indicators the measures of one fiscal year aim at; a measure may target several, rank 1 is its primary target.
-- Grain: one row per indicator (indicator_no NULL = measures linked to no indicator). Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic.
WITH scoped AS (
    SELECT target_indicators
    FROM v_measures
    WHERE fiscal_year = $fiscal_year
      AND ($province IS NULL OR province = $province)
      AND ($district IS NULL OR district = $district)
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
), targets AS (
    SELECT unnest(target_indicators) AS indicator_no, unnest(range(1, len(target_indicators) + 1)) AS rank
    FROM scoped
)
SELECT t.indicator_no, fi.name_th, fi.name_en, fi.instrument,
       count(*) AS count_measures,
       count(*) FILTER (WHERE t.rank = 1) AS count_primary
FROM targets t
LEFT JOIN framework_indicators fi ON fi.fiscal_year = $fiscal_year AND fi.indicator_no = t.indicator_no
GROUP BY ALL
UNION ALL
SELECT NULL, NULL, NULL, NULL, count(*), count(*)
FROM scoped
WHERE len(target_indicators) = 0
HAVING count(*) > 0
ORDER BY indicator_no NULLS LAST;
