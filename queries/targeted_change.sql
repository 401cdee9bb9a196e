-- Next-year change of indicators below the pass mark in Y−1, split by whether a measure of year Y targeted them (an association only).
-- Grain: one row per targeted flag and indicator plus a total per flag (indicator_no NULL), agencies with measures on file for Y. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator.
SELECT
    f.count_measures > 0 AS is_targeted,
    f.indicator_no,
    count(*) AS count_weak,
    count(f.score) AS count_with_next,
    avg(f.base_score) FILTER (WHERE f.score IS NOT NULL) AS mean_previous,
    avg(f.score) AS mean_next,
    avg(f.score - f.base_score) AS mean_change,
    median(f.score - f.base_score) AS median_change
FROM v_indicator_followthrough f
WHERE f.fiscal_year = $fiscal_year
  AND f.is_weak
  AND f.has_measures_document
  AND ($province IS NULL OR f.province = $province)
  AND ($district IS NULL OR f.district = $district)
  AND ($agency_type IS NULL OR f.agency_type = $agency_type)
  AND ($include_synthetic OR NOT f.is_synthetic)
  AND ($indicator IS NULL OR f.indicator_no = $indicator)
GROUP BY GROUPING SETS ((f.count_measures > 0, f.indicator_no), (f.count_measures > 0))
ORDER BY is_targeted DESC, f.indicator_no NULLS FIRST;
