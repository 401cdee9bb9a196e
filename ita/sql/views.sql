-- Views straight over the base tables: what was imported and what looked wrong. The views over derived
-- rows (v_assessments, v_measures, …) are in derive.sql.

CREATE OR REPLACE VIEW v_documents AS
SELECT
    d.document_id,
    d.file_name,
    d.sha256,
    d.kind,
    g.name AS agency_name,
    d.fiscal_year,
    d.period_start,
    d.period_end,
    d.imported_at,
    d.parser_version,
    d.superseded_by,
    d.superseded_by IS NULL AS is_current,
    (SELECT count(*) FROM measures m WHERE m.document_id = d.document_id) AS count_measures,
    (SELECT count(*) FROM assessments a WHERE a.document_id = d.document_id) AS count_assessments,
    (SELECT count(*) FROM document_warnings w WHERE w.document_id = d.document_id) AS count_warnings,
    d.row_account."read" AS count_rows_read,
    d.row_account.warned AS count_rows_warned,
    coalesce(d.row_account.unexplained, []) AS unexplained_lines,
    d.is_synthetic
FROM documents d
LEFT JOIN agencies g USING (agency_id);

CREATE OR REPLACE VIEW v_warnings AS
SELECT d.file_name AS document, d.kind, g.name AS agency_name, d.fiscal_year, w.line, w.message, w.is_synthetic
FROM document_warnings w
JOIN documents d USING (document_id)
LEFT JOIN agencies g USING (agency_id);
