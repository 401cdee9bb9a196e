-- Agencies assessed, mean overall score and share at or above the year's pass mark, per fiscal year, in the scope, with the year's pass mark and national target share.
-- Grain: one row per fiscal year. Parameters: $province, $district, $agency_type, $include_synthetic.
SELECT
    a.fiscal_year,
    any_value(a.framework_model) AS framework_model,
    any_value(a.grade_scheme) AS grade_scheme,
    count(*) AS count_agencies,
    avg(a.score) AS mean_score,
    count(*) FILTER (WHERE a.is_passing) AS count_passing,
    avg(a.is_passing::INTEGER) AS pass_share,
    any_value(fy.pass_mark) AS pass_mark,
    any_value(fy.pass_share_target) AS pass_share_target
FROM v_assessments a
LEFT JOIN framework_years fy USING (fiscal_year)
WHERE ($province IS NULL OR a.province = $province)
  AND ($district IS NULL OR a.district = $district)
  AND ($agency_type IS NULL OR a.agency_type = $agency_type)
  AND ($include_synthetic OR NOT a.is_synthetic)
GROUP BY a.fiscal_year
ORDER BY a.fiscal_year;
