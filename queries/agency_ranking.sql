-- Agencies of the scope ranked by overall score in the chosen year, with last year's score and their rank among peers.
-- Grain: one row per agency. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic.
WITH two_years AS (
    SELECT
        a.agency_id, a.agency_name, a.agency_type, a.district, a.province, a.fiscal_year, a.score, a.is_passing,
        a.grade_label AS label
    FROM v_assessments a
    WHERE a.fiscal_year IN ($fiscal_year, $fiscal_year - 1)
      AND a.score IS NOT NULL
      AND ($include_synthetic OR NOT a.is_synthetic)
), ranked AS (
    -- ranks and percentiles over every agency of the year, before the district and type filters narrow the rows
    SELECT
        *,
        rank() OVER (PARTITION BY province ORDER BY score DESC) AS rank_in_province,
        count(*) OVER (PARTITION BY province) AS count_in_province,
        rank() OVER (PARTITION BY province, agency_type ORDER BY score DESC) AS rank_in_type,
        count(*) OVER (PARTITION BY province, agency_type) AS count_in_type,
        100 * percent_rank() OVER (PARTITION BY agency_type ORDER BY score) AS percentile_in_type
    FROM two_years
    WHERE fiscal_year = $fiscal_year
)
SELECT
    r.agency_id,
    r.agency_name,
    r.agency_type,
    r.district,
    r.province,
    r.score,
    r.label,
    r.is_passing,
    p.score AS previous_score,
    p.label AS previous_label,
    r.score - p.score AS change,
    r.rank_in_province,
    r.count_in_province,
    r.rank_in_type,
    r.count_in_type,
    r.percentile_in_type
FROM ranked r
LEFT JOIN two_years p ON p.agency_id = r.agency_id AND p.fiscal_year = $fiscal_year - 1
WHERE ($province IS NULL OR r.province = $province)
  AND ($district IS NULL OR r.district = $district)
  AND ($agency_type IS NULL OR r.agency_type = $agency_type)
ORDER BY r.score DESC, r.agency_name;
