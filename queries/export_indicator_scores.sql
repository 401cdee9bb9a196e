-- Every row of the public view v_indicator_scores, for download (CSV or Parquet).
-- Grain: the view's own grain. Parameters: $include_synthetic.
SELECT *
FROM v_indicator_scores
WHERE $include_synthetic OR NOT is_synthetic
ORDER BY fiscal_year, agency_id, indicator_no;
