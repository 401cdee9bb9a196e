-- How many agencies of the scope went from each grade or pass label in $from_year to each label in $to_year.
-- Grain: one row per (from label, to label). Parameters: $from_year, $to_year, $province, $district, $agency_type, $include_synthetic.
WITH labelled AS (
    SELECT
        a.agency_id, a.fiscal_year, a.is_passing, a.grade_label AS label, a.grade_rank AS rank
    FROM v_assessments a
    WHERE a.fiscal_year IN ($from_year, $to_year)
      AND a.score IS NOT NULL
      AND ($province IS NULL OR a.province = $province)
      AND ($district IS NULL OR a.district = $district)
      AND ($agency_type IS NULL OR a.agency_type = $agency_type)
      AND ($include_synthetic OR NOT a.is_synthetic)
)
SELECT
    f.label AS from_label,
    f.rank AS from_rank,
    t.label AS to_label,
    t.rank AS to_rank,
    count(*) AS count_agencies,
    count(*) FILTER (WHERE f.is_passing AND NOT t.is_passing) AS count_fell_below_pass
FROM labelled f
JOIN labelled t ON t.agency_id = f.agency_id AND t.fiscal_year = $to_year
WHERE f.fiscal_year = $from_year
GROUP BY ALL
ORDER BY from_rank NULLS LAST, from_label, to_rank NULLS LAST, to_label;
