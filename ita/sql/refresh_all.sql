-- Recompute every derived table from scratch: a build, a restore, or an import that touched most agencies.
-- The caller has put every agency into refresh_scope. Sorted by year and province so the dashboard's filtered
-- scans skip most row groups.
DELETE FROM refresh_years;
INSERT INTO refresh_years SELECT DISTINCT fiscal_year FROM assessments;
DELETE FROM refresh_places;
INSERT INTO refresh_places SELECT DISTINCT province, district FROM agencies;

CREATE OR REPLACE TABLE assessment_facts AS
    SELECT * FROM derive_assessments ORDER BY fiscal_year, province, agency_id;
CREATE OR REPLACE TABLE indicator_facts AS
    SELECT * FROM derive_indicator_scores ORDER BY fiscal_year, province, agency_id, indicator_no;
CREATE OR REPLACE TABLE measure_facts AS
    SELECT * FROM derive_measures ORDER BY fiscal_year, province, agency_id, measure_no;
CREATE OR REPLACE TABLE followthrough_facts AS
    SELECT * FROM derive_followthrough ORDER BY fiscal_year, province, agency_id, indicator_no;
CREATE OR REPLACE TABLE carryover_facts AS
    SELECT * FROM derive_carryover ORDER BY agency_id, measure_id;
CREATE OR REPLACE TABLE lifecycle_facts AS
    SELECT * FROM derive_lifecycle ORDER BY fiscal_year, agency_id, measure_id;
CREATE OR REPLACE TABLE continuity_summary AS
    SELECT * FROM derive_continuity ORDER BY is_all_indicators DESC, fiscal_year, province, district;
CREATE OR REPLACE TABLE ranking_summary AS
    SELECT * FROM derive_ranking ORDER BY fiscal_year, province, score DESC;
CREATE OR REPLACE TABLE target_summary AS
    SELECT * FROM derive_targets ORDER BY fiscal_year, province, district;
