-- Recompute the derived rows of the agencies in refresh_scope (what an import touched), and the aggregates
-- that hold them: rankings of their fiscal years, summaries of their districts. The result equals a full
-- refresh (tests/test_refresh.py checks it). Old facts rows say where an agency was; the base tables, where it
-- is now: both count, since an import can move an agency (a province or district learnt later) or drop years.
DELETE FROM refresh_years;
INSERT INTO refresh_years
    SELECT DISTINCT unnest([fiscal_year, fiscal_year + 1])  -- a rank row also carries the year before's score
    FROM (
        SELECT fiscal_year FROM assessment_facts SEMI JOIN refresh_scope USING (agency_id)
        UNION ALL
        SELECT fiscal_year FROM assessments SEMI JOIN refresh_scope USING (agency_id)
    );
DELETE FROM refresh_places;
INSERT INTO refresh_places
    SELECT province, district FROM measure_facts SEMI JOIN refresh_scope USING (agency_id)
    UNION
    SELECT province, district FROM agencies SEMI JOIN refresh_scope USING (agency_id);

DELETE FROM assessment_facts WHERE agency_id IN (SELECT agency_id FROM refresh_scope);
INSERT INTO assessment_facts SELECT * FROM derive_assessments;
DELETE FROM indicator_facts WHERE agency_id IN (SELECT agency_id FROM refresh_scope);
INSERT INTO indicator_facts SELECT * FROM derive_indicator_scores;
DELETE FROM measure_facts WHERE agency_id IN (SELECT agency_id FROM refresh_scope);
INSERT INTO measure_facts SELECT * FROM derive_measures;
DELETE FROM followthrough_facts WHERE agency_id IN (SELECT agency_id FROM refresh_scope);
INSERT INTO followthrough_facts SELECT * FROM derive_followthrough;
DELETE FROM carryover_facts WHERE agency_id IN (SELECT agency_id FROM refresh_scope);
INSERT INTO carryover_facts SELECT * FROM derive_carryover;
DELETE FROM lifecycle_facts WHERE agency_id IN (SELECT agency_id FROM refresh_scope);
INSERT INTO lifecycle_facts SELECT * FROM derive_lifecycle;

DELETE FROM continuity_summary c
WHERE EXISTS (
    SELECT 1 FROM refresh_places p
    WHERE p.province IS NOT DISTINCT FROM c.province AND p.district IS NOT DISTINCT FROM c.district
);
INSERT INTO continuity_summary SELECT * FROM derive_continuity;
DELETE FROM ranking_summary WHERE fiscal_year IN (SELECT fiscal_year FROM refresh_years);
INSERT INTO ranking_summary SELECT * FROM derive_ranking;
DELETE FROM target_summary t
WHERE EXISTS (
    SELECT 1 FROM refresh_places p
    WHERE p.province IS NOT DISTINCT FROM t.province AND p.district IS NOT DISTINCT FROM t.district
);
INSERT INTO target_summary SELECT * FROM derive_targets;
