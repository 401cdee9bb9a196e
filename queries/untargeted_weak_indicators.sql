-- Red flags: indicators below 85 in the previous year (Y−1) that no measure of year Y targets (v_indicator_followthrough).
-- Grain: one row per agency and indicator, agencies with measures on file for Y only; the 500 weakest, count_total counts all. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator.
SELECT
    f.agency_id,
    f.agency_name,
    f.agency_type,
    f.district,
    f.province,
    f.indicator_no,
    f.indicator_name_th,
    f.indicator_name_en,
    f.base_score AS previous_score,
    s.document,
    f.is_synthetic,
    count(*) OVER () AS count_total
FROM v_indicator_followthrough f
LEFT JOIN v_indicator_scores s
    ON s.agency_id = f.agency_id AND s.fiscal_year = f.fiscal_year - 1 AND s.indicator_no = f.indicator_no
WHERE f.fiscal_year = $fiscal_year
  AND f.is_weak
  AND f.has_measures_document
  AND f.count_measures = 0
  AND ($province IS NULL OR f.province = $province)
  AND ($district IS NULL OR f.district = $district)
  AND ($agency_type IS NULL OR f.agency_type = $agency_type)
  AND ($include_synthetic OR NOT f.is_synthetic)
  AND ($indicator IS NULL OR f.indicator_no = $indicator)
ORDER BY f.base_score, f.agency_name, f.agency_id, f.indicator_no
LIMIT 500;
