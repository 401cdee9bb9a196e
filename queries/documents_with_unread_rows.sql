-- Documents whose table rows the parser did not all use: rows skipped with a warning, and rows no rule explained.
-- Grain: one row per current report document with such rows. Parameters: $include_synthetic.
SELECT file_name, kind, agency_name, fiscal_year, count_rows_read, count_rows_warned,
       unexplained_lines, len(unexplained_lines) AS count_rows_unexplained, is_synthetic
FROM v_documents
WHERE is_current
  AND (count_rows_warned > 0 OR len(unexplained_lines) > 0)
  AND ($include_synthetic OR NOT is_synthetic)
ORDER BY len(unexplained_lines) DESC, count_rows_warned DESC, file_name;
