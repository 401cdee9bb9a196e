-- The fiscal years and places whose aggregates hold an agency an import touched (in refresh_scope). Old derived
-- rows say where an agency was; the base tables, where it is now: both count, since an import can move an agency
-- (a province or district learnt later) or drop years. Runs before the models are refreshed.
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
