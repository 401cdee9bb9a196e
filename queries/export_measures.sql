-- Every row of the public view v_measures, for download (CSV or Parquet).
-- Grain: the view's own grain. Parameters: $include_synthetic.
SELECT *
FROM v_measures
WHERE $include_synthetic OR NOT is_synthetic
ORDER BY fiscal_year, agency_id, measure_no;
