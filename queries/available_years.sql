-- Fiscal years that have assessments or measures in the database (for the year filter), and whether each has
-- ITA results. Grain: one row per fiscal year. Parameters: $include_synthetic.
WITH found AS (
    SELECT fiscal_year, true AS has_assessments FROM v_assessments WHERE $include_synthetic OR NOT is_synthetic
    UNION ALL
    SELECT fiscal_year, false FROM v_measures WHERE $include_synthetic OR NOT is_synthetic
)
SELECT fiscal_year, bool_or(has_assessments) AS has_assessments
FROM found
GROUP BY fiscal_year
ORDER BY fiscal_year;
