-- Agencies of the scope ranked by overall score in the chosen year, with last year's score and their rank among peers.
-- Grain: one row per agency. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic.
SELECT
    agency_id,
    agency_name,
    agency_type,
    district,
    province,
    score,
    label,
    is_passing,
    previous_score,
    previous_label,
    score - previous_score AS change,
    -- over every agency of the year (ranking_summary), before the district and type filters narrow the rows
    CASE WHEN $include_synthetic THEN rank_in_province ELSE real_rank_in_province END AS rank_in_province,
    CASE WHEN $include_synthetic THEN count_in_province ELSE real_count_in_province END AS count_in_province,
    CASE WHEN $include_synthetic THEN rank_in_type ELSE real_rank_in_type END AS rank_in_type,
    CASE WHEN $include_synthetic THEN count_in_type ELSE real_count_in_type END AS count_in_type,
    CASE WHEN $include_synthetic THEN percentile_in_type ELSE real_percentile_in_type END AS percentile_in_type
FROM ranking_summary
WHERE fiscal_year = $fiscal_year
  AND ($include_synthetic OR NOT is_synthetic)
  AND ($province IS NULL OR province = $province)
  AND ($district IS NULL OR district = $district)
  AND ($agency_type IS NULL OR agency_type = $agency_type)
ORDER BY score DESC, agency_name, agency_id;
