-- Materialise the derived rows once per build or import, then expose them as the public views.
-- Sorted by year and province so the dashboard's filtered scans skip most row groups.
CREATE OR REPLACE TABLE assessment_facts AS
    SELECT * FROM live_assessments ORDER BY fiscal_year, province, agency_id;
CREATE OR REPLACE TABLE indicator_facts AS
    SELECT * FROM live_indicator_scores ORDER BY fiscal_year, province, agency_id, indicator_no;
CREATE OR REPLACE TABLE measure_facts AS
    SELECT * FROM live_measures ORDER BY fiscal_year, province, agency_id, measure_no;

-- The public interface (documented in README.md): stable names and columns for any DuckDB client.
CREATE OR REPLACE VIEW v_assessments AS SELECT * FROM assessment_facts;
CREATE OR REPLACE VIEW v_indicator_scores AS SELECT * FROM indicator_facts;
CREATE OR REPLACE VIEW v_measures AS SELECT * FROM measure_facts;
CREATE OR REPLACE TABLE followthrough_facts AS
    SELECT * FROM live_indicator_followthrough ORDER BY fiscal_year, province, agency_id, indicator_no;

-- Each standing measure of year Y paired with its most similar standing measure of the agency in Y-1:
-- same primary target indicator and at least half of the title words shared (Jaccard >= 0.5).
CREATE OR REPLACE TABLE carryover_facts AS
WITH standing AS (
    SELECT f.measure_id, f.agency_id, f.fiscal_year, f.target_indicators[1] AS primary_indicator, w.words
    FROM measure_facts f JOIN measure_words w USING (measure_id)
), pairs AS (
    SELECT cur.measure_id, prev.measure_id AS previous_measure_id,
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

-- What became of measures from one year to the next, one row per measure and the year it is judged in:
-- a measure of Y is carried_forward or new, a measure of Y-1 that does not reappear in Y (while the
-- agency reported measures for Y) is completed when it was done, dropped otherwise.
CREATE OR REPLACE TABLE lifecycle_facts AS
WITH reported_years AS (
    SELECT DISTINCT agency_id, fiscal_year FROM measure_facts
), continued AS (
    SELECT DISTINCT previous_measure_id AS measure_id FROM carryover_facts
)
SELECT f.agency_id, f.agency_name, f.agency_type, f.district, f.province, f.fiscal_year, f.measure_id,
       f.title, f.status, f.target_indicators,
       CASE WHEN c.previous_measure_id IS NULL THEN 'new' ELSE 'carried_forward' END AS lifecycle,
       c.previous_measure_id, f.is_synthetic
FROM measure_facts f
LEFT JOIN carryover_facts c USING (measure_id)
UNION ALL
SELECT f.agency_id, f.agency_name, f.agency_type, f.district, f.province, f.fiscal_year + 1, f.measure_id,
       f.title, f.status, f.target_indicators,
       CASE WHEN f.status = 'done' THEN 'completed' ELSE 'dropped' END,
       NULL, f.is_synthetic
FROM measure_facts f
JOIN reported_years r ON r.agency_id = f.agency_id AND r.fiscal_year = f.fiscal_year + 1
ANTI JOIN continued c ON c.measure_id = f.measure_id
ORDER BY 6, 1, 7;
CREATE OR REPLACE VIEW v_indicator_followthrough AS SELECT * FROM followthrough_facts;
CREATE OR REPLACE VIEW v_measure_lifecycle AS SELECT * FROM lifecycle_facts;

-- Precomputed for the Follow-through page's continuity chart (queries/measure_continuity.sql): measures per
-- outcome, counted per fiscal year, place, agency type and origin, agencies with measures on file in Y−1 only.
-- An agency sits in exactly one such cell, so agency counts add up across cells. One row set counts every
-- measure (is_all_indicators), the other counts per primary target indicator.
CREATE OR REPLACE TABLE continuity_summary AS
WITH reported AS (
    SELECT DISTINCT agency_id, fiscal_year FROM measure_facts
), judged AS (
    SELECT l.fiscal_year, l.lifecycle, l.province, l.district, l.agency_type, l.is_synthetic,
           l.target_indicators[1] AS primary_indicator, l.agency_id
    FROM lifecycle_facts l
    SEMI JOIN reported r ON r.agency_id = l.agency_id AND r.fiscal_year = l.fiscal_year - 1
)
SELECT fiscal_year, lifecycle, province, district, agency_type, is_synthetic,
       grouping(primary_indicator) = 1 AS is_all_indicators, primary_indicator,
       count(*) AS count_measures, count(DISTINCT agency_id) AS count_agencies
FROM judged
GROUP BY GROUPING SETS (
    (fiscal_year, lifecycle, province, district, agency_type, is_synthetic),
    (fiscal_year, lifecycle, province, district, agency_type, is_synthetic, primary_indicator)
)
ORDER BY is_all_indicators DESC, fiscal_year, province, district;

-- Precomputed for the Compare page's ranking (queries/agency_ranking.sql): each scored agency's rank in its
-- province and among its province's agencies of its type, its percentile among its type nationwide, and last
-- year's result; ranks once among all agencies of the year and once among real ones (real_*, the synthetic switch).
CREATE OR REPLACE TABLE ranking_summary AS
WITH scored AS (
    SELECT agency_id, agency_name, agency_type, district, province, fiscal_year, score, is_passing,
           grade_label AS label, is_synthetic
    FROM assessment_facts
    WHERE score IS NOT NULL
), ranked AS (
    SELECT *,
           rank() OVER (PARTITION BY fiscal_year, province ORDER BY score DESC) AS rank_in_province,
           count(*) OVER (PARTITION BY fiscal_year, province) AS count_in_province,
           rank() OVER (PARTITION BY fiscal_year, province, agency_type ORDER BY score DESC) AS rank_in_type,
           count(*) OVER (PARTITION BY fiscal_year, province, agency_type) AS count_in_type,
           100 * percent_rank() OVER (PARTITION BY fiscal_year, agency_type ORDER BY score) AS percentile_in_type
    FROM scored
), ranked_real AS (
    SELECT agency_id, fiscal_year,
           rank() OVER (PARTITION BY fiscal_year, province ORDER BY score DESC) AS rank_in_province,
           count(*) OVER (PARTITION BY fiscal_year, province) AS count_in_province,
           rank() OVER (PARTITION BY fiscal_year, province, agency_type ORDER BY score DESC) AS rank_in_type,
           count(*) OVER (PARTITION BY fiscal_year, province, agency_type) AS count_in_type,
           100 * percent_rank() OVER (PARTITION BY fiscal_year, agency_type ORDER BY score) AS percentile_in_type
    FROM scored
    WHERE NOT is_synthetic
)
SELECT a.agency_id, a.agency_name, a.agency_type, a.district, a.province, a.fiscal_year, a.score, a.label,
       a.is_passing, a.is_synthetic, p.score AS previous_score, p.label AS previous_label,
       a.rank_in_province, a.count_in_province, a.rank_in_type, a.count_in_type, a.percentile_in_type,
       r.rank_in_province AS real_rank_in_province, r.count_in_province AS real_count_in_province,
       r.rank_in_type AS real_rank_in_type, r.count_in_type AS real_count_in_type,
       r.percentile_in_type AS real_percentile_in_type
FROM ranked a
LEFT JOIN ranked_real r USING (agency_id, fiscal_year)
LEFT JOIN scored p ON p.agency_id = a.agency_id AND p.fiscal_year = a.fiscal_year - 1
ORDER BY a.fiscal_year, a.province, a.score DESC;

-- Precomputed for the Follow-through page (queries/measures_by_target.sql): measures per target indicator, counted
-- per fiscal year, place, agency type and origin; indicator_no NULL counts the measures linked to no indicator.
CREATE OR REPLACE TABLE target_summary AS
WITH targets AS (
    SELECT fiscal_year, province, district, agency_type, is_synthetic,
           unnest(target_indicators) AS indicator_no, unnest(range(1, len(target_indicators) + 1)) AS rank
    FROM measure_facts
)
SELECT fiscal_year, province, district, agency_type, is_synthetic, indicator_no,
       count(*) AS count_measures, count(*) FILTER (WHERE rank = 1) AS count_primary
FROM targets
GROUP BY ALL
UNION ALL
SELECT fiscal_year, province, district, agency_type, is_synthetic, NULL, count(*), count(*)
FROM measure_facts
WHERE len(target_indicators) = 0
GROUP BY ALL
ORDER BY fiscal_year, province, district;
