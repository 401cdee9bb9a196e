-- The most recently imported documents, newest first, with what each contributed and whether it still counts.
-- Grain: one row per document, at most 200. Parameters: $include_synthetic.
WITH recent AS (
    SELECT document_id, file_name, kind, agency_id, fiscal_year, imported_at, superseded_by IS NULL AS is_current,
           is_synthetic
    FROM documents
    WHERE $include_synthetic OR NOT is_synthetic
    ORDER BY imported_at DESC, document_id DESC
    LIMIT 200
), contributed AS (
    -- counted for these documents alone, not for every document as v_documents does
    SELECT document_id, 'assessment' AS what FROM assessments SEMI JOIN recent USING (document_id)
    UNION ALL
    SELECT document_id, 'measure' FROM measures SEMI JOIN recent USING (document_id)
    UNION ALL
    SELECT document_id, 'warning' FROM document_warnings SEMI JOIN recent USING (document_id)
), counts AS (
    SELECT document_id,
           count(*) FILTER (WHERE what = 'assessment') AS count_assessments,
           count(*) FILTER (WHERE what = 'measure') AS count_measures,
           count(*) FILTER (WHERE what = 'warning') AS count_warnings
    FROM contributed
    GROUP BY document_id
)
SELECT r.file_name, r.kind, g.name AS agency_name, r.fiscal_year, r.imported_at, r.is_current,
       coalesce(c.count_assessments, 0) AS count_assessments,
       coalesce(c.count_measures, 0) AS count_measures,
       coalesce(c.count_warnings, 0) AS count_warnings,
       r.is_synthetic
FROM recent r
LEFT JOIN agencies g USING (agency_id)
LEFT JOIN counts c USING (document_id)
ORDER BY r.imported_at DESC, r.document_id DESC;
