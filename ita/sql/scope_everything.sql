-- Put everything in the refresh scope: a build, a restore, an import that touched most agencies, or a change of
-- what derived rows depend on (ita/fingerprint.py).
DELETE FROM refresh_scope;
INSERT INTO refresh_scope SELECT agency_id FROM agencies;
DELETE FROM refresh_years;
INSERT INTO refresh_years SELECT DISTINCT fiscal_year FROM assessments;
DELETE FROM refresh_places;
INSERT INTO refresh_places SELECT DISTINCT province, district FROM agencies;
