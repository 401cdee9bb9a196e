-- Every row of the public view v_assessments, for download (CSV or Parquet).
-- Grain: the view's own grain. Parameters: $include_synthetic.
SELECT *
FROM v_assessments
WHERE $include_synthetic OR NOT is_synthetic
ORDER BY fiscal_year, agency_id;
