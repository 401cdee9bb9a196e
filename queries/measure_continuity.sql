-- What became of each year's measures the next year (v_measure_lifecycle, pre-counted in continuity_summary): carried forward, completed, dropped, new.
-- Grain: one row per fiscal year Y and outcome, agencies with measures on file in both Y−1 and Y. Parameters: $province, $district, $agency_type, $include_synthetic, $indicator.
SELECT fiscal_year, lifecycle AS outcome, sum(count_measures)::BIGINT AS count_measures,
       sum(count_agencies)::BIGINT AS count_agencies
FROM continuity_summary
WHERE is_all_indicators = ($indicator IS NULL)
  AND ($indicator IS NULL OR primary_indicator = $indicator)
  AND ($province IS NULL OR province = $province)
  AND ($district IS NULL OR district = $district)
  AND ($agency_type IS NULL OR agency_type = $agency_type)
  AND ($include_synthetic OR NOT is_synthetic)
GROUP BY fiscal_year, lifecycle
ORDER BY fiscal_year,
         CASE lifecycle WHEN 'carried_forward' THEN 1 WHEN 'completed' THEN 2 WHEN 'dropped' THEN 3 ELSE 4 END;
