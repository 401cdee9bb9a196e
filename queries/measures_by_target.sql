-- Which indicators the measures of one fiscal year aim at; a measure may target several, rank 1 is its primary target.
-- Grain: one row per indicator (indicator_no NULL = measures linked to no indicator). Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic.
SELECT t.indicator_no, fi.name_th, fi.name_en, fi.instrument,
       sum(t.count_measures)::BIGINT AS count_measures,
       sum(t.count_primary)::BIGINT AS count_primary
FROM target_summary t
LEFT JOIN framework_indicators fi ON fi.fiscal_year = $fiscal_year AND fi.indicator_no = t.indicator_no
WHERE t.fiscal_year = $fiscal_year
  AND ($province IS NULL OR t.province = $province)
  AND ($district IS NULL OR t.district = $district)
  AND ($agency_type IS NULL OR t.agency_type = $agency_type)
  AND ($include_synthetic OR NOT t.is_synthetic)
GROUP BY ALL
ORDER BY t.indicator_no NULLS LAST;
