-- The documents behind one agency's figures: its own reports and the score sheets that list it, with the lines
-- (and, for PDFs and scans, the pages) used, and each document's fingerprint to find its kept original.
-- Grain: one row per document. Parameters: $agency_id.
WITH used AS (
    SELECT document_id,
           count(*) AS count_assessments,
           string_agg(DISTINCT source_line::VARCHAR, ', ') AS assessment_lines,
           string_agg(DISTINCT source_page::VARCHAR, ', ') AS assessment_pages,
           NULL::BIGINT AS count_measures,
           NULL::INTEGER AS first_line,
           NULL::INTEGER AS last_line,
           NULL::INTEGER AS first_page,
           NULL::INTEGER AS last_page
    FROM assessments
    WHERE agency_id = $agency_id
    GROUP BY document_id
    UNION ALL
    SELECT document_id, NULL, NULL, NULL, count(*), min(first_line), max(last_line), min(first_page), max(last_page)
    FROM measures
    WHERE agency_id = $agency_id
    GROUP BY document_id
), per_document AS (
    SELECT document_id,
           sum(count_assessments)::BIGINT AS count_assessments,
           max(assessment_lines) AS assessment_lines,
           max(assessment_pages) AS assessment_pages,
           sum(count_measures)::BIGINT AS count_measures,
           min(first_line) AS first_line,
           max(last_line) AS last_line,
           min(first_page) AS first_page,
           max(last_page) AS last_page
    FROM used
    GROUP BY document_id
)
SELECT
    d.file_name,
    d.kind,
    d.fiscal_year,
    coalesce(u.count_assessments, 0) AS count_assessments,
    u.assessment_lines,
    u.assessment_pages,
    coalesce(u.count_measures, 0) AS count_measures,
    u.first_line,
    u.last_line,
    u.first_page,
    u.last_page,
    d.sha256,
    d.imported_at,
    d.superseded_by IS NULL AS is_current,
    d.is_synthetic
FROM documents d
LEFT JOIN per_document u USING (document_id)
WHERE d.agency_id = $agency_id OR u.document_id IS NOT NULL
ORDER BY d.fiscal_year DESC NULLS LAST, d.imported_at DESC;
