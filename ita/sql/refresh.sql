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
