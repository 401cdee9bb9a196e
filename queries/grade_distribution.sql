-- How many agencies received each grade, pass label or level, per fiscal year, in the scope.
-- Grain: one row per fiscal year and label. Parameters: $province, $district, $agency_type, $include_synthetic.
WITH labelled AS (
    SELECT
        a.fiscal_year,
        a.grade_scheme,
        -- the label the source quotes, else the year's band for the score
        coalesce(
            CASE a.grade_scheme WHEN 'ratings' THEN a.rating ELSE a.grade END,
            (
                SELECT arg_min(g.label, g.rank)
                FROM framework_grades g
                WHERE g.fiscal_year = a.fiscal_year AND a.score >= g.min_score
                  AND (g.min_instrument_score IS NULL OR least(a.iit, a.eit, a.oit) >= g.min_instrument_score)
            )
        ) AS label
    FROM v_assessments a
    WHERE ($province IS NULL OR a.province = $province)
      AND ($district IS NULL OR a.district = $district)
      AND ($agency_type IS NULL OR a.agency_type = $agency_type)
      AND ($include_synthetic OR NOT a.is_synthetic)
      AND a.score IS NOT NULL
)
SELECT
    l.fiscal_year,
    l.grade_scheme,
    l.label,
    g.rank,
    count(*) AS count_agencies,
    count(*) / sum(count(*)) OVER (PARTITION BY l.fiscal_year) AS share
FROM labelled l
LEFT JOIN framework_grades g ON g.fiscal_year = l.fiscal_year AND g.label = l.label
GROUP BY ALL
ORDER BY l.fiscal_year, g.rank NULLS LAST, l.label;
