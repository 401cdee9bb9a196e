-- Agencies below $threshold on an indicator in the chosen year, and for how many consecutive years (longest, costliest first).
-- Grain: one row per agency and indicator, at most $limit rows. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator_nos, $instrument, $threshold, $limit.
WITH scoped AS (
    SELECT agency_id, agency_name, agency_type, district, province, fiscal_year,
           indicator_no, indicator_name_th, indicator_name_en, instrument, score
    FROM v_indicator_scores
    WHERE fiscal_year <= $fiscal_year
      AND score < $threshold
      AND ($province IS NULL OR province = $province)
      AND ($district IS NULL OR district = $district)
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
      AND (len($indicator_nos) = 0 OR list_contains($indicator_nos, indicator_no))
      AND ($instrument IS NULL OR instrument = $instrument)
), below_now AS (
    SELECT * FROM scoped WHERE fiscal_year = $fiscal_year
), streaks AS (
    -- counting back from the chosen year, a year belongs to the unbroken run while rank and distance agree
    SELECT agency_id, indicator_no, count(*) AS count_years_below, min(fiscal_year) AS first_year_below
    FROM (
        SELECT s.agency_id, s.indicator_no, s.fiscal_year,
               row_number() OVER (PARTITION BY s.agency_id, s.indicator_no ORDER BY s.fiscal_year DESC) AS back
        FROM scoped s
        SEMI JOIN below_now n USING (agency_id, indicator_no)
    )
    WHERE $fiscal_year - fiscal_year + 1 = back
    GROUP BY agency_id, indicator_no
), indicator_weights AS (
    SELECT i.indicator_no, w.weight / count(*) OVER (PARTITION BY i.instrument) AS indicator_weight
    FROM framework_indicators i
    JOIN framework_instruments w USING (fiscal_year, instrument)
    WHERE i.fiscal_year = $fiscal_year
)
SELECT
    n.agency_id, n.agency_name, n.agency_type, n.district, n.province,
    n.indicator_no, n.indicator_name_th, n.indicator_name_en, n.instrument,
    n.score,
    w.indicator_weight * (100 - n.score) AS points_lost,
    s.count_years_below,
    s.first_year_below,
    count(*) OVER () AS count_total
FROM below_now n
JOIN streaks s USING (agency_id, indicator_no)
LEFT JOIN indicator_weights w USING (indicator_no)
ORDER BY s.count_years_below DESC, points_lost DESC, n.agency_name, n.indicator_no
LIMIT $limit;
