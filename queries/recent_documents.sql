-- The most recently imported documents, newest first, with what each contributed and whether it still counts.
-- Grain: one row per document, at most 200. Parameters: $include_synthetic.
SELECT file_name, kind, agency_name, fiscal_year, imported_at, is_current,
       count_assessments, count_measures, count_warnings, is_synthetic
FROM v_documents
WHERE $include_synthetic OR NOT is_synthetic
ORDER BY imported_at DESC, document_id DESC
LIMIT 200;
