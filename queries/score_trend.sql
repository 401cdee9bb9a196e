-- Agencies assessed, mean overall score and share at or above the pass mark (85), per fiscal year, in the scope.
-- Grain: one row per fiscal year. Parameters: $province, $district, $agency_type, $include_synthetic.
SELECT
    fiscal_year,
    any_value(framework_model) AS framework_model,
    any_value(grade_scheme) AS grade_scheme,
    count(*) AS count_agencies,
    avg(score) AS mean_score,
    count(*) FILTER (WHERE is_passing) AS count_passing,
    avg(is_passing::INTEGER) AS pass_share
FROM v_assessments
WHERE ($province IS NULL OR province = $province)
  AND ($district IS NULL OR district = $district)
  AND ($agency_type IS NULL OR agency_type = $agency_type)
  AND ($include_synthetic OR NOT is_synthetic)
GROUP BY fiscal_year
ORDER BY fiscal_year;
