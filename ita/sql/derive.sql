-- How the tables behind the public views are derived, for the agencies in refresh_scope only: every agency in
-- a build, the agencies an import touched otherwise (refresh_all.sql, refresh_scoped.sql). Each derivation reads
-- its base rows through the scope first, so a refresh costs what it touches. The scope tables and derivations
-- are TEMP: they live in the writer's connection, never in the published file. Each *_facts and *_summary
-- table is created empty beside its derivation, so the scripts can run in any database.
-- Only current documents count: a corrected version supersedes the older one, which stays in `documents`.

CREATE TEMP TABLE IF NOT EXISTS refresh_scope (agency_id INTEGER);  -- an agency may be listed more than once
-- the fiscal years and places whose aggregates hold an agency of the scope, before or after the change
CREATE TEMP TABLE IF NOT EXISTS refresh_years (fiscal_year INTEGER);
CREATE TEMP TABLE IF NOT EXISTS refresh_places (province VARCHAR, district VARCHAR);

CREATE OR REPLACE TEMP VIEW derive_current_assessments AS
-- one row per agency and fiscal year: a score sheet beats a figure quoted in prose, a newer import an older one
SELECT a.*, d.file_name AS document, d.kind AS document_kind
FROM assessments a
SEMI JOIN refresh_scope USING (agency_id)
JOIN documents d USING (document_id)
WHERE d.superseded_by IS NULL
QUALIFY row_number() OVER (
    PARTITION BY a.agency_id, a.fiscal_year
    ORDER BY (d.kind = 'score_sheet') DESC, d.imported_at DESC, a.assessment_id DESC
) = 1;

CREATE OR REPLACE TEMP VIEW derive_computed_scores AS
-- the overall recomputed from indicators with the year's own weights; null unless all indicators are present.
-- Sums run on DECIMAL so the result does not depend on the order parallel threads add in.
WITH by_instrument AS (
    SELECT s.assessment_id, a.fiscal_year, fi.instrument,
           avg(s.score::DECIMAL(18, 6)) AS mean_score, count(*) AS count_indicators
    FROM indicator_scores s
    JOIN derive_current_assessments a USING (assessment_id)
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

CREATE OR REPLACE TEMP VIEW derive_assessments AS
WITH scored AS (
    SELECT a.*, c.computed_score, c.computed_iit, c.computed_eit, c.computed_oit,
           coalesce(a.iit, c.computed_iit) AS any_iit,
           coalesce(a.eit, c.computed_eit) AS any_eit,
           coalesce(a.oit, c.computed_oit) AS any_oit
    FROM derive_current_assessments a
    LEFT JOIN derive_computed_scores c USING (assessment_id)
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
CREATE TABLE IF NOT EXISTS assessment_facts AS SELECT * FROM derive_assessments LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_indicator_scores AS
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
FROM assessment_facts a
SEMI JOIN refresh_scope USING (agency_id)
JOIN indicator_scores s USING (assessment_id)
LEFT JOIN framework_indicators fi ON fi.fiscal_year = a.fiscal_year AND fi.indicator_no = s.indicator_no;
CREATE TABLE IF NOT EXISTS indicator_facts AS SELECT * FROM derive_indicator_scores LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_measures AS
WITH standing AS (
    -- per agency and year, the document whose measures stand: a year-end report over a six-month one over the plan
    SELECT d.*
    FROM documents d
    SEMI JOIN refresh_scope USING (agency_id)
    WHERE d.superseded_by IS NULL AND d.kind <> 'score_sheet'
      AND EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.document_id)
    QUALIFY row_number() OVER (
        PARTITION BY d.agency_id, d.fiscal_year
        ORDER BY CASE d.kind
            WHEN 'progress_year_end' THEN 1 WHEN 'progress' THEN 2 WHEN 'progress_6_months' THEN 3 ELSE 4 END,
            d.period_end DESC NULLS LAST, d.imported_at DESC
    ) = 1
), scoped AS (
    SELECT m.* FROM measures m SEMI JOIN standing d USING (document_id)
), targets AS (
    -- "why this indicator": the words that linked the measure to each target, e.g. "4: ทรัพย์สินของราชการ"
    SELECT measure_id,
           list(indicator_no ORDER BY rank) AS target_indicators,
           string_agg(indicator_no || ': ' || array_to_string(evidence, ', '), ' · ' ORDER BY rank) AS target_evidence
    FROM measure_targets SEMI JOIN scoped USING (measure_id)
    GROUP BY measure_id
)
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
FROM scoped m
JOIN standing d USING (document_id)
JOIN agencies g ON g.agency_id = m.agency_id
LEFT JOIN targets t USING (measure_id);
CREATE TABLE IF NOT EXISTS measure_facts AS SELECT * FROM derive_measures LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_followthrough AS
-- did agencies act on weak indicators? Measures of fiscal year Y answer the ITA result of Y-1.
-- Grain: one row per agency, fiscal year Y and indicator, where the agency has a result in Y-1 and
-- a result or measures in Y
WITH base AS (
    SELECT * FROM indicator_facts SEMI JOIN refresh_scope USING (agency_id)
), measured AS (
    SELECT * FROM measure_facts SEMI JOIN refresh_scope USING (agency_id)
), targeted AS (
    SELECT m.agency_id, m.fiscal_year, target.indicator_no,
           count(*) AS count_measures,
           count(*) FILTER (WHERE m.status = 'done') AS count_done,
           count(*) FILTER (WHERE m.status IS NOT NULL) AS count_with_status
    FROM measured m, unnest(m.target_indicators) AS target(indicator_no)
    GROUP BY ALL
), reported AS (
    SELECT DISTINCT agency_id, fiscal_year FROM measured
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
FROM base
LEFT JOIN base now
  ON now.agency_id = base.agency_id AND now.fiscal_year = base.fiscal_year + 1 AND now.indicator_no = base.indicator_no
LEFT JOIN targeted t
  ON t.agency_id = base.agency_id AND t.fiscal_year = base.fiscal_year + 1 AND t.indicator_no = base.indicator_no
LEFT JOIN reported r ON r.agency_id = base.agency_id AND r.fiscal_year = base.fiscal_year + 1
WHERE now.score IS NOT NULL OR r.agency_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS followthrough_facts AS SELECT * FROM derive_followthrough LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_carryover AS
-- Each standing measure of year Y paired with its most similar standing measure of the agency in Y-1:
-- same primary target indicator and at least half of the title words shared (Jaccard >= 0.5).
WITH standing AS (
    SELECT f.measure_id, f.agency_id, f.fiscal_year, f.target_indicators[1] AS primary_indicator, w.words
    FROM measure_facts f
    SEMI JOIN refresh_scope USING (agency_id)
    JOIN measure_words w USING (measure_id)
), pairs AS (
    SELECT cur.agency_id, cur.measure_id, prev.measure_id AS previous_measure_id,
           len(list_intersect(cur.words, prev.words))
               / greatest(len(list_distinct(list_concat(cur.words, prev.words))), 1) AS similarity
    FROM standing cur
    JOIN standing prev
      ON prev.agency_id = cur.agency_id AND prev.fiscal_year = cur.fiscal_year - 1
     AND prev.primary_indicator = cur.primary_indicator
)
SELECT * FROM pairs
WHERE similarity >= 0.5
QUALIFY row_number() OVER (PARTITION BY measure_id ORDER BY similarity DESC, previous_measure_id) = 1;
CREATE TABLE IF NOT EXISTS carryover_facts AS SELECT * FROM derive_carryover LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_lifecycle AS
-- What became of measures from one year to the next, one row per measure and the year it is judged in:
-- a measure of Y is carried_forward or new, a measure of Y-1 that does not reappear in Y (while the
-- agency reported measures for Y) is completed when it was done, dropped otherwise.
WITH measured AS (
    SELECT * FROM measure_facts SEMI JOIN refresh_scope USING (agency_id)
), reported_years AS (
    SELECT DISTINCT agency_id, fiscal_year FROM measured
), carried AS (
    SELECT * FROM carryover_facts SEMI JOIN refresh_scope USING (agency_id)
), continued AS (
    SELECT DISTINCT previous_measure_id AS measure_id FROM carried
)
SELECT f.agency_id, f.agency_name, f.agency_type, f.district, f.province, f.fiscal_year, f.measure_id,
       f.title, f.status, f.target_indicators,
       CASE WHEN c.previous_measure_id IS NULL THEN 'new' ELSE 'carried_forward' END AS lifecycle,
       c.previous_measure_id, f.is_synthetic
FROM measured f
LEFT JOIN carried c USING (measure_id)
UNION ALL
SELECT f.agency_id, f.agency_name, f.agency_type, f.district, f.province, f.fiscal_year + 1, f.measure_id,
       f.title, f.status, f.target_indicators,
       CASE WHEN f.status = 'done' THEN 'completed' ELSE 'dropped' END,
       NULL, f.is_synthetic
FROM measured f
JOIN reported_years r ON r.agency_id = f.agency_id AND r.fiscal_year = f.fiscal_year + 1
ANTI JOIN continued c ON c.measure_id = f.measure_id;
CREATE TABLE IF NOT EXISTS lifecycle_facts AS SELECT * FROM derive_lifecycle LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_continuity AS
-- For the Follow-through page's continuity chart (queries/measure_continuity.sql): measures per outcome, counted
-- per fiscal year, place, agency type and origin, agencies with measures on file in Y−1 only. An agency sits in
-- exactly one such cell, so agency counts add up across cells. One row set counts every measure
-- (is_all_indicators), the other counts per primary target indicator. Places of refresh_places only.
WITH reported AS (
    SELECT DISTINCT agency_id, fiscal_year
    FROM measure_facts m
    SEMI JOIN refresh_places p
      ON p.province IS NOT DISTINCT FROM m.province AND p.district IS NOT DISTINCT FROM m.district
), judged AS (
    SELECT l.fiscal_year, l.lifecycle, l.province, l.district, l.agency_type, l.is_synthetic,
           l.target_indicators[1] AS primary_indicator, l.agency_id
    FROM lifecycle_facts l
    SEMI JOIN refresh_places p
      ON p.province IS NOT DISTINCT FROM l.province AND p.district IS NOT DISTINCT FROM l.district
    SEMI JOIN reported r ON r.agency_id = l.agency_id AND r.fiscal_year = l.fiscal_year - 1
)
SELECT fiscal_year, lifecycle, province, district, agency_type, is_synthetic,
       grouping(primary_indicator) = 1 AS is_all_indicators, primary_indicator,
       count(*) AS count_measures, count(DISTINCT agency_id) AS count_agencies
FROM judged
GROUP BY GROUPING SETS (
    (fiscal_year, lifecycle, province, district, agency_type, is_synthetic),
    (fiscal_year, lifecycle, province, district, agency_type, is_synthetic, primary_indicator)
);
CREATE TABLE IF NOT EXISTS continuity_summary AS SELECT * FROM derive_continuity LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_ranking AS
-- For the Compare page's ranking (queries/agency_ranking.sql): each scored agency's rank in its province and
-- among its province's agencies of its type, its percentile among its type nationwide, and last year's result;
-- ranks once among all agencies of the year and once among real ones (real_*, the synthetic switch).
-- Fiscal years of refresh_years only: a rank depends on every agency of the year.
WITH scored AS (
    SELECT agency_id, agency_name, agency_type, district, province, fiscal_year, score, is_passing,
           grade_label AS label, is_synthetic
    FROM assessment_facts
    WHERE score IS NOT NULL
), ranked AS (
    -- every agency ranked among all (is_real_only false), and real ones again among real ones only
    SELECT s.*, v.is_real_only,
           rank() OVER (PARTITION BY v.is_real_only, fiscal_year, province ORDER BY score DESC) AS rank_in_province,
           count(*) OVER (PARTITION BY v.is_real_only, fiscal_year, province) AS count_in_province,
           rank() OVER (
               PARTITION BY v.is_real_only, fiscal_year, province, agency_type ORDER BY score DESC
           ) AS rank_in_type,
           count(*) OVER (PARTITION BY v.is_real_only, fiscal_year, province, agency_type) AS count_in_type,
           100 * percent_rank() OVER (
               PARTITION BY v.is_real_only, fiscal_year, agency_type ORDER BY score
           ) AS percentile_in_type
    FROM scored s
    CROSS JOIN (VALUES (false), (true)) v(is_real_only)
    SEMI JOIN refresh_years USING (fiscal_year)
    WHERE NOT (v.is_real_only AND s.is_synthetic)
)
SELECT a.agency_id, a.agency_name, a.agency_type, a.district, a.province, a.fiscal_year, a.score, a.label,
       a.is_passing, a.is_synthetic, p.score AS previous_score, p.label AS previous_label,
       a.rank_in_province, a.count_in_province, a.rank_in_type, a.count_in_type, a.percentile_in_type,
       r.rank_in_province AS real_rank_in_province, r.count_in_province AS real_count_in_province,
       r.rank_in_type AS real_rank_in_type, r.count_in_type AS real_count_in_type,
       r.percentile_in_type AS real_percentile_in_type
FROM ranked a
LEFT JOIN ranked r ON r.agency_id = a.agency_id AND r.fiscal_year = a.fiscal_year AND r.is_real_only
LEFT JOIN scored p ON p.agency_id = a.agency_id AND p.fiscal_year = a.fiscal_year - 1
WHERE NOT a.is_real_only;
CREATE TABLE IF NOT EXISTS ranking_summary AS SELECT * FROM derive_ranking LIMIT 0;

CREATE OR REPLACE TEMP VIEW derive_targets AS
-- For the Follow-through page (queries/measures_by_target.sql): measures per target indicator, counted per fiscal
-- year, place, agency type and origin; indicator_no NULL counts the measures linked to no indicator.
-- Places of refresh_places only.
WITH scoped AS (
    SELECT *
    FROM measure_facts m
    SEMI JOIN refresh_places p
      ON p.province IS NOT DISTINCT FROM m.province AND p.district IS NOT DISTINCT FROM m.district
), targets AS (
    SELECT fiscal_year, province, district, agency_type, is_synthetic,
           unnest(target_indicators) AS indicator_no, unnest(range(1, len(target_indicators) + 1)) AS rank
    FROM scoped
)
SELECT fiscal_year, province, district, agency_type, is_synthetic, indicator_no,
       count(*) AS count_measures, count(*) FILTER (WHERE rank = 1) AS count_primary
FROM targets
GROUP BY ALL
UNION ALL
SELECT fiscal_year, province, district, agency_type, is_synthetic, NULL, count(*), count(*)
FROM scoped
WHERE len(target_indicators) = 0
GROUP BY ALL;
CREATE TABLE IF NOT EXISTS target_summary AS SELECT * FROM derive_targets LIMIT 0;

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
