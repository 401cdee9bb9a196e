-- Fiscal years that have assessments or measures in the database (for the year filter).
-- Grain: one row per fiscal year. Parameters: $include_synthetic.
SELECT fiscal_year FROM v_assessments WHERE $include_synthetic OR NOT is_synthetic
UNION
SELECT fiscal_year FROM v_measures WHERE $include_synthetic OR NOT is_synthetic
ORDER BY fiscal_year;
