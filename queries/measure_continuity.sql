-- What became of each year's measures the next year (v_measure_lifecycle): carried forward, completed, dropped, new.
-- Grain: one row per fiscal year Y and outcome, agencies with measures on file in both Y−1 and Y. Parameters: $province, $district, $agency_type, $include_synthetic, $indicator.
WITH reported AS (
    SELECT DISTINCT agency_id, fiscal_year FROM v_measures
)
SELECT l.fiscal_year, l.lifecycle AS outcome, count(*) AS count_measures, count(DISTINCT l.agency_id) AS count_agencies
FROM v_measure_lifecycle l
SEMI JOIN reported r ON r.agency_id = l.agency_id AND r.fiscal_year = l.fiscal_year - 1
WHERE ($province IS NULL OR l.province = $province)
  AND ($district IS NULL OR l.district = $district)
  AND ($agency_type IS NULL OR l.agency_type = $agency_type)
  AND ($include_synthetic OR NOT l.is_synthetic)
  AND ($indicator IS NULL OR l.target_indicators[1] = $indicator)
GROUP BY l.fiscal_year, l.lifecycle
ORDER BY l.fiscal_year,
         CASE l.lifecycle WHEN 'carried_forward' THEN 1 WHEN 'completed' THEN 2 WHEN 'dropped' THEN 3 ELSE 4 END;
