-- Spread of indicator scores (five-number summary and mean) by agency type or by province, in the year and scope.
-- Grain: one row per indicator and group. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator_nos, $instrument, $group_by, $threshold.
SELECT
    indicator_no,
    any_value(indicator_name_th) AS name_th,
    any_value(indicator_name_en) AS name_en,
    any_value(instrument) AS instrument,
    CASE $group_by WHEN 'province' THEN province ELSE agency_type END AS group_key,
    count(*) AS count_agencies,
    min(score) AS min_score,
    quantile_cont(score, 0.25) AS q1_score,
    median(score) AS median_score,
    quantile_cont(score, 0.75) AS q3_score,
    max(score) AS max_score,
    avg(score) AS mean_score,
    count(*) FILTER (WHERE score < $threshold) AS count_below
FROM v_indicator_scores
WHERE fiscal_year = $fiscal_year
  AND ($province IS NULL OR province = $province)
  AND ($district IS NULL OR district = $district)
  AND ($agency_type IS NULL OR agency_type = $agency_type)
  AND ($include_synthetic OR NOT is_synthetic)
  AND (len($indicator_nos) = 0 OR list_contains($indicator_nos, indicator_no))
  AND ($instrument IS NULL OR instrument = $instrument)
GROUP BY indicator_no, group_key
ORDER BY indicator_no, group_key;
