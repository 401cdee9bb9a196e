-- Views: what was imported and what looked wrong, straight over the base tables; the public views over the
-- derived models (ita/sql/models/); what identifies a measure across reports.

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
SELECT d.file_name AS document, d.kind, g.name AS agency_name, d.fiscal_year, w.line, w.message, w.is_synthetic,
       w.page, w.message_th
FROM document_warnings w
JOIN documents d USING (document_id)
LEFT JOIN agencies g USING (agency_id);

-- The public interface (documented in README.md): stable names and columns for any DuckDB client.
CREATE OR REPLACE VIEW v_assessments AS SELECT * FROM assessment_facts;
CREATE OR REPLACE VIEW v_indicator_scores AS SELECT * FROM indicator_facts;
CREATE OR REPLACE VIEW v_measures AS SELECT * FROM measure_facts;
CREATE OR REPLACE VIEW v_indicator_followthrough AS SELECT * FROM followthrough_facts;
CREATE OR REPLACE VIEW v_measure_lifecycle AS SELECT * FROM lifecycle_facts;

CREATE OR REPLACE VIEW measure_keys AS
-- what identifies a measure across reports and years: agency, year, primary target and title words
SELECT m.measure_id, m.document_id, m.agency_id, m.fiscal_year, m.measure_no, m.status,
       t.indicator_no AS primary_indicator, coalesce(w.words, []::VARCHAR[]) AS words, m.is_synthetic
FROM measures m
LEFT JOIN measure_targets t ON t.measure_id = m.measure_id AND t.rank = 1
LEFT JOIN measure_words w ON w.measure_id = m.measure_id;

CREATE OR REPLACE VIEW v_measure_status_history AS
-- a standing measure's status in the agency's earlier reports of the same year (six-month before year-end):
-- matched by measure number and shared title words; the later report's status is the one that stands
SELECT cur.measure_id, earlier.measure_id AS earlier_measure_id, d.file_name AS earlier_document, d.kind AS earlier_kind,
       d.period_end AS earlier_period_end, earlier.status AS earlier_status, cur.status, cur.is_synthetic
FROM measure_keys cur
SEMI JOIN measure_facts standing USING (measure_id)
JOIN measure_keys earlier
  ON earlier.agency_id = cur.agency_id AND earlier.fiscal_year = cur.fiscal_year
 AND earlier.document_id <> cur.document_id
JOIN documents d ON d.document_id = earlier.document_id AND d.superseded_by IS NULL
WHERE earlier.measure_no = cur.measure_no
  AND len(list_intersect(cur.words, earlier.words)) * 2 >= least(len(cur.words), len(earlier.words));
