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
