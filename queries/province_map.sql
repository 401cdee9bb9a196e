-- For the map: each province's agencies assessed, mean overall score, share at or above the year's pass mark (and that mark) and, when an indicator is chosen, that indicator's mean, in the chosen year.
-- Grain: one row per province with an assessment in the year. Parameters: $fiscal_year, $agency_type, $include_synthetic, $indicator.
WITH scored AS (
    SELECT province, count(*) AS count_agencies, avg(score) AS mean_score, avg(is_passing::INTEGER) AS pass_share,
           any_value(pass_mark) AS pass_mark
    FROM v_assessments
    WHERE fiscal_year = $fiscal_year
      AND score IS NOT NULL
      AND province IS NOT NULL
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
    GROUP BY province
), indicator AS (
    SELECT province, avg(score) AS indicator_mean
    FROM v_indicator_scores
    WHERE fiscal_year = $fiscal_year
      AND indicator_no = $indicator
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
    GROUP BY province
)
SELECT s.province, s.count_agencies, s.mean_score, s.pass_share, s.pass_mark, i.indicator_mean
FROM scored s
LEFT JOIN indicator i USING (province)
ORDER BY s.province;
