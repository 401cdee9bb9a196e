-- How the public views are derived. Only current documents count: a corrected version supersedes
-- the older one, which stays in `documents`. The live_* views are materialised into *_facts tables
-- by refresh.sql at the end of every build or import, so the dashboard reads precomputed rows.

CREATE OR REPLACE VIEW live_current_assessments AS
-- one row per agency and fiscal year: a score sheet beats a figure quoted in prose, a newer import an older one
SELECT a.*, d.file_name AS document, d.kind AS document_kind
FROM assessments a
JOIN documents d USING (document_id)
WHERE d.superseded_by IS NULL
QUALIFY row_number() OVER (
    PARTITION BY a.agency_id, a.fiscal_year
    ORDER BY (d.kind = 'score_sheet') DESC, d.imported_at DESC, a.assessment_id DESC
) = 1;

CREATE OR REPLACE VIEW live_computed_scores AS
-- the overall recomputed from indicators with the year's own weights; null unless all indicators are present.
-- Sums run on DECIMAL so the result does not depend on the order parallel threads add in.
WITH by_instrument AS (
    SELECT s.assessment_id, a.fiscal_year, fi.instrument,
           avg(s.score::DECIMAL(18, 6)) AS mean_score, count(*) AS count_indicators
    FROM indicator_scores s
    JOIN assessments a USING (assessment_id)
    JOIN framework_indicators fi ON fi.fiscal_year = a.fiscal_year AND fi.indicator_no = s.indicator_no
    GROUP BY ALL
), expected AS (
    SELECT fiscal_year, count(*) AS count_indicators FROM framework_indicators GROUP BY ALL
)
SELECT b.assessment_id,
       round(sum(w.weight::DECIMAL(9, 6) * b.mean_score), 6)::DOUBLE AS computed_score,
       round(max(b.mean_score) FILTER (WHERE b.instrument = 'IIT'), 4)::DOUBLE AS computed_iit,
       round(max(b.mean_score) FILTER (WHERE b.instrument = 'EIT'), 4)::DOUBLE AS computed_eit,
       round(max(b.mean_score) FILTER (WHERE b.instrument = 'OIT'), 4)::DOUBLE AS computed_oit
FROM by_instrument b
JOIN framework_instruments w ON w.fiscal_year = b.fiscal_year AND w.instrument = b.instrument
JOIN expected e ON e.fiscal_year = b.fiscal_year
GROUP BY b.assessment_id, e.count_indicators
HAVING sum(b.count_indicators) = e.count_indicators;

CREATE OR REPLACE VIEW live_assessments AS
WITH scored AS (
    SELECT a.*, c.computed_score, c.computed_iit, c.computed_eit, c.computed_oit,
           coalesce(a.iit, c.computed_iit) AS any_iit,
           coalesce(a.eit, c.computed_eit) AS any_eit,
           coalesce(a.oit, c.computed_oit) AS any_oit
    FROM live_current_assessments a
    LEFT JOIN live_computed_scores c USING (assessment_id)
), labelled AS (
    -- the label the source quotes, else the year's band for the score (and instruments, where bands need them)
    SELECT s.*,
           coalesce(
               CASE fy.grade_scheme WHEN 'ratings' THEN s.rating ELSE s.grade END,
               (SELECT arg_min(g.label, g.rank) FROM framework_grades g
                WHERE g.fiscal_year = s.fiscal_year AND s.score >= g.min_score
                  AND (g.min_instrument_score IS NULL
                       OR least(s.any_iit, s.any_eit, s.any_oit) >= g.min_instrument_score))
           ) AS grade_label
    FROM scored s
    LEFT JOIN framework_years fy USING (fiscal_year)
)
SELECT
    g.agency_id,
    g.name AS agency_name,
    g.agency_type,
    g.district,
    g.province,
    g.province_code,
    a.fiscal_year,
    a.score,
    a.grade,
    a.rating,
    round(a.computed_score, 3) AS computed_score,
    round(a.score - a.computed_score, 3) AS score_difference,
    coalesce(abs(a.score - a.computed_score) > 0.05, false) AS is_score_mismatch,
    a.any_iit AS iit,
    a.any_eit AS eit,
    a.any_oit AS oit,
    a.grade_label,
    gb.rank AS grade_rank,
    fy.model AS framework_model,
    fy.grade_scheme,
    a.score >= coalesce(fy.pass_mark, 85) AS is_passing,
    a.is_synthetic,
    a.document,
    a.document_id,
    a.source_line,
    a.assessment_id
FROM labelled a
JOIN agencies g USING (agency_id)
LEFT JOIN framework_years fy ON fy.fiscal_year = a.fiscal_year
LEFT JOIN framework_grades gb ON gb.fiscal_year = a.fiscal_year AND gb.label = a.grade_label;

CREATE OR REPLACE VIEW live_indicator_scores AS
SELECT
    a.agency_id,
    a.agency_name,
    a.agency_type,
    a.district,
    a.province,
    a.fiscal_year,
    s.indicator_no,
    fi.name_th AS indicator_name_th,
    fi.name_en AS indicator_name_en,
    fi.instrument,
    s.score,
    s.is_synthetic,
    a.document,
    a.assessment_id
FROM live_assessments a
JOIN indicator_scores s USING (assessment_id)
LEFT JOIN framework_indicators fi ON fi.fiscal_year = a.fiscal_year AND fi.indicator_no = s.indicator_no;

CREATE OR REPLACE VIEW live_measure_documents AS
-- per agency and year, the document whose measures stand: a year-end report over a six-month one over the plan
SELECT d.*
FROM documents d
WHERE d.superseded_by IS NULL AND d.kind <> 'score_sheet' AND d.agency_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.document_id)
QUALIFY row_number() OVER (
    PARTITION BY d.agency_id, d.fiscal_year
    ORDER BY CASE d.kind
        WHEN 'progress_year_end' THEN 1 WHEN 'progress' THEN 2 WHEN 'progress_6_months' THEN 3 ELSE 4 END,
        d.period_end DESC NULLS LAST, d.imported_at DESC
) = 1;

CREATE OR REPLACE VIEW live_measures AS
SELECT
    g.agency_id,
    g.name AS agency_name,
    g.agency_type,
    g.district,
    g.province,
    m.fiscal_year,
    m.measure_no,
    m.title,
    m.group_label,
    m.status,
    m.start_date,
    m.end_date,
    m.steps,
    m.responsible,
    m.result,
    m.outcome,
    m.suggestion,
    m.followup,
    coalesce(t.target_indicators, []::INTEGER[]) AS target_indicators,
    t.target_evidence,
    m.is_synthetic,
    d.file_name AS document,
    d.document_id,
    d.kind AS document_kind,
    m.first_line,
    m.last_line,
    m.measure_id
FROM measures m
JOIN live_measure_documents d USING (document_id)
JOIN agencies g ON g.agency_id = m.agency_id
LEFT JOIN (
    -- "why this indicator": the words that linked the measure to each target, e.g. "4: ทรัพย์สินของราชการ"
    SELECT measure_id,
           list(indicator_no ORDER BY rank) AS target_indicators,
           string_agg(indicator_no || ': ' || array_to_string(evidence, ', '), ' · ' ORDER BY rank) AS target_evidence
    FROM measure_targets GROUP BY measure_id
) t USING (measure_id);

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
    d.is_synthetic
FROM documents d
LEFT JOIN agencies g USING (agency_id);

CREATE OR REPLACE VIEW v_warnings AS
SELECT d.file_name AS document, d.kind, g.name AS agency_name, d.fiscal_year, w.line, w.message, w.is_synthetic
FROM document_warnings w
JOIN documents d USING (document_id)
LEFT JOIN agencies g USING (agency_id);

CREATE OR REPLACE VIEW live_measure_keys AS
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
FROM live_measure_keys cur
JOIN live_measure_documents standing ON standing.document_id = cur.document_id
JOIN live_measure_keys earlier
  ON earlier.agency_id = cur.agency_id AND earlier.fiscal_year = cur.fiscal_year
 AND earlier.document_id <> cur.document_id
JOIN documents d ON d.document_id = earlier.document_id AND d.superseded_by IS NULL
WHERE earlier.measure_no = cur.measure_no
  AND len(list_intersect(cur.words, earlier.words)) * 2 >= least(len(cur.words), len(earlier.words));

CREATE OR REPLACE VIEW live_indicator_followthrough AS
-- did agencies act on weak indicators? Measures of fiscal year Y answer the ITA result of Y-1.
-- Grain: one row per agency, fiscal year Y and indicator, where the agency has a result in Y-1 and
-- a result or measures in Y
WITH targeted AS (
    SELECT m.agency_id, m.fiscal_year, target.indicator_no,
           count(*) AS count_measures,
           count(*) FILTER (WHERE m.status = 'done') AS count_done,
           count(*) FILTER (WHERE m.status IS NOT NULL) AS count_with_status
    FROM live_measures m, unnest(m.target_indicators) AS target(indicator_no)
    GROUP BY ALL
), reported AS (
    SELECT DISTINCT agency_id, fiscal_year FROM live_measure_documents
)
SELECT base.agency_id, base.agency_name, base.agency_type, base.district, base.province,
       base.fiscal_year + 1 AS fiscal_year,
       base.indicator_no, base.indicator_name_th, base.indicator_name_en, base.instrument,
       base.score AS base_score,
       base.score < 85 AS is_weak,
       coalesce(t.count_measures, 0) AS count_measures,
       t.count_done / nullif(t.count_with_status, 0) AS share_done,
       now.score AS score,
       round(now.score - base.score, 2) AS change,
       r.agency_id IS NOT NULL AS has_measures_document,
       base.is_synthetic
FROM live_indicator_scores base
LEFT JOIN live_indicator_scores now
  ON now.agency_id = base.agency_id AND now.fiscal_year = base.fiscal_year + 1 AND now.indicator_no = base.indicator_no
LEFT JOIN targeted t
  ON t.agency_id = base.agency_id AND t.fiscal_year = base.fiscal_year + 1 AND t.indicator_no = base.indicator_no
LEFT JOIN reported r ON r.agency_id = base.agency_id AND r.fiscal_year = base.fiscal_year + 1
WHERE now.score IS NOT NULL OR r.agency_id IS NOT NULL;
