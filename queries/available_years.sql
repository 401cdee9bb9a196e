-- Fiscal years that have assessments in the database (for the year filter).
-- Grain: one row per fiscal year. Parameters: $include_synthetic.
SELECT DISTINCT fiscal_year
FROM v_assessments
WHERE $include_synthetic OR NOT is_synthetic
ORDER BY fiscal_year;
