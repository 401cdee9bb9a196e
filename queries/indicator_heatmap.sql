-- Indicator scores of the chosen agencies, or else of the $limit lowest-scoring agencies of the scope, for a heatmap.
-- Grain: one row per agency and indicator. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $agency_ids, $limit.
WITH shown AS (
    SELECT assessment_id, agency_id, agency_name, score
    FROM v_assessments
    WHERE fiscal_year = $fiscal_year
      AND score IS NOT NULL
      AND ($province IS NULL OR province = $province)
      AND ($district IS NULL OR district = $district)
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
      AND (len($agency_ids) = 0 OR list_contains($agency_ids, agency_id))
    ORDER BY score, agency_name
    LIMIT $limit
)
SELECT
    a.agency_id,
    a.agency_name,
    a.score AS overall_score,
    s.indicator_no,
    s.score
FROM shown a
JOIN indicator_scores s USING (assessment_id)
ORDER BY a.score, a.agency_name, s.indicator_no;
