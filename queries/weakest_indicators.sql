-- Mean score of each indicator in the chosen year and scope, weakest first, with the share below the pass mark.
-- Grain: one row per indicator. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic.
SELECT
    s.indicator_no,
    any_value(s.indicator_name_th) AS name_th,
    any_value(s.indicator_name_en) AS name_en,
    any_value(s.instrument) AS instrument,
    count(*) AS count_agencies,
    avg(s.score) AS mean_score,
    median(s.score) AS median_score,
    avg((s.score < fy.pass_mark)::INTEGER) AS share_below_pass,
    any_value(fy.pass_mark) AS pass_mark
FROM v_indicator_scores s
LEFT JOIN framework_years fy USING (fiscal_year)
WHERE s.fiscal_year = $fiscal_year
  AND ($province IS NULL OR s.province = $province)
  AND ($district IS NULL OR s.district = $district)
  AND ($agency_type IS NULL OR s.agency_type = $agency_type)
  AND ($include_synthetic OR NOT s.is_synthetic)
GROUP BY s.indicator_no
ORDER BY mean_score, s.indicator_no;
