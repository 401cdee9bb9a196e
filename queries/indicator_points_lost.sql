-- Points of the overall score lost on each indicator, mean per agency: weight of the instrument / its indicators × (100 − score).
-- Grain: one row per indicator. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator_nos, $instrument.
WITH indicator_weights AS (
    SELECT i.indicator_no, w.weight / count(*) OVER (PARTITION BY i.instrument) AS indicator_weight
    FROM framework_indicators i
    JOIN framework_instruments w USING (fiscal_year, instrument)
    WHERE i.fiscal_year = $fiscal_year
)
SELECT
    s.indicator_no,
    any_value(s.indicator_name_th) AS name_th,
    any_value(s.indicator_name_en) AS name_en,
    any_value(s.instrument) AS instrument,
    any_value(w.indicator_weight) AS indicator_weight,
    count(*) AS count_agencies,
    avg(s.score) AS mean_score,
    avg(w.indicator_weight * (100 - s.score)) AS mean_points_lost
FROM v_indicator_scores s
JOIN indicator_weights w USING (indicator_no)
WHERE s.fiscal_year = $fiscal_year
  AND ($province IS NULL OR s.province = $province)
  AND ($district IS NULL OR s.district = $district)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
  AND ($include_synthetic OR NOT s.is_synthetic)
  AND (len($indicator_nos) = 0 OR list_contains($indicator_nos, s.indicator_no))
  AND ($instrument IS NULL OR s.instrument = $instrument)
GROUP BY s.indicator_no
ORDER BY mean_points_lost DESC, s.indicator_no;
