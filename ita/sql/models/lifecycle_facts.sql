-- grain: one row per measure and the fiscal year it is judged in; refresh key: agency; order: fiscal_year, agency_id, measure_id
-- What became of measures from one year to the next: a measure of Y is carried_forward or new; a measure of Y-1
-- that does not reappear in Y (while the agency reported measures for Y) is completed when it was done, dropped
-- otherwise.
WITH measures_in_scope AS (
    SELECT * FROM measure_facts SEMI JOIN refresh_scope USING (agency_id)
), carried AS (
    SELECT * FROM carryover_facts SEMI JOIN refresh_scope USING (agency_id)
), reported_years AS (
    SELECT DISTINCT agency_id, fiscal_year FROM measures_in_scope
), continued AS (
    SELECT DISTINCT previous_measure_id AS measure_id FROM carried
), judged_in_their_year AS (
    SELECT f.agency_id, f.agency_name, f.agency_type, f.district, f.province, f.fiscal_year, f.measure_id,
           f.title, f.status, f.target_indicators,
           CASE WHEN c.previous_measure_id IS NULL THEN 'new' ELSE 'carried_forward' END AS lifecycle,
           c.previous_measure_id, f.is_synthetic
    FROM measures_in_scope f
    LEFT JOIN carried c USING (measure_id)
), judged_the_year_after AS (
    SELECT f.agency_id, f.agency_name, f.agency_type, f.district, f.province, f.fiscal_year + 1 AS fiscal_year,
           f.measure_id, f.title, f.status, f.target_indicators,
           CASE WHEN f.status = 'done' THEN 'completed' ELSE 'dropped' END AS lifecycle,
           NULL::INTEGER AS previous_measure_id, f.is_synthetic
    FROM measures_in_scope f
    JOIN reported_years r ON r.agency_id = f.agency_id AND r.fiscal_year = f.fiscal_year + 1
    ANTI JOIN continued c ON c.measure_id = f.measure_id
), final AS (
    SELECT * FROM judged_in_their_year
    UNION ALL
    SELECT * FROM judged_the_year_after
)
SELECT * FROM final
