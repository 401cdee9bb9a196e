-- How many agencies received each grade, pass label or level, per fiscal year, in the scope.
-- Grain: one row per fiscal year and label. Parameters: $province, $district, $agency_type, $include_synthetic.
WITH labelled AS (
    SELECT
        a.fiscal_year,
        a.grade_scheme,
        a.grade_label AS label,
        a.grade_rank AS rank
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
    l.rank,
    count(*) AS count_agencies,
    count(*) / sum(count(*)) OVER (PARTITION BY l.fiscal_year) AS share
FROM labelled l
GROUP BY l.fiscal_year, l.grade_scheme, l.label, l.rank
ORDER BY l.fiscal_year, l.rank NULLS LAST, l.label;
