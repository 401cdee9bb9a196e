-- grain: one row per agency, fiscal year and indicator; refresh key: agency; order: fiscal_year, province, agency_id, indicator_no
-- The indicator scores of each agency's standing result, named by the year's framework.
WITH assessments_in_scope AS (
    SELECT * FROM assessment_facts SEMI JOIN refresh_scope USING (agency_id)
), final AS (
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
    FROM assessments_in_scope a
    JOIN indicator_scores s USING (assessment_id)
    LEFT JOIN framework_indicators fi ON fi.fiscal_year = a.fiscal_year AND fi.indicator_no = s.indicator_no
)
SELECT * FROM final
