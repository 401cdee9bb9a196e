-- Which fiscal years the database covers: agencies with a score and agencies with measures, real and synthetic apart.
-- Grain: one row per fiscal year and origin. Parameters: $include_synthetic.
WITH scored AS (
    SELECT fiscal_year, is_synthetic, count(*) AS count_scored
    FROM v_assessments
    WHERE $include_synthetic OR NOT is_synthetic
    GROUP BY ALL
), measured AS (
    SELECT fiscal_year, is_synthetic, count(DISTINCT agency_id) AS count_with_measures, count(*) AS count_measures
    FROM v_measures
    WHERE $include_synthetic OR NOT is_synthetic
    GROUP BY ALL
)
SELECT fiscal_year, is_synthetic,
       coalesce(s.count_scored, 0) AS count_scored,
       coalesce(m.count_with_measures, 0) AS count_with_measures,
       coalesce(m.count_measures, 0) AS count_measures
FROM scored s
FULL OUTER JOIN measured m USING (fiscal_year, is_synthetic)
ORDER BY fiscal_year, is_synthetic;
