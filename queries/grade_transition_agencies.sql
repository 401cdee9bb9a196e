-- Agencies of the scope whose grade or pass label moved between $from_year and $to_year, or who fell below the pass mark.
-- Grain: one row per agency. Parameters: $from_year, $to_year, $province, $district, $agency_type, $include_synthetic.
WITH labelled AS (
    SELECT
        a.agency_id, a.agency_name, a.agency_type, a.district, a.fiscal_year, a.score, a.is_passing, a.grade_scheme,
        a.grade_label AS label, a.grade_rank AS rank
    FROM v_assessments a
    WHERE a.fiscal_year IN ($from_year, $to_year)
      AND a.score IS NOT NULL
      AND ($province IS NULL OR a.province = $province)
      AND ($district IS NULL OR a.district = $district)
      AND ($agency_type IS NULL OR a.agency_type = $agency_type)
      AND ($include_synthetic OR NOT a.is_synthetic)
), moves AS (
    SELECT
        f.agency_id, f.agency_name, f.agency_type, f.district,
        f.label AS from_label, f.score AS from_score, t.label AS to_label, t.score AS to_score,
        t.score - f.score AS change,
        -- bands compare within one grade scheme; across schemes (letters to pass labels) only the pass mark does
        CASE
            WHEN f.grade_scheme = t.grade_scheme AND f.rank IS NOT NULL AND t.rank IS NOT NULL THEN sign(f.rank - t.rank)
            ELSE t.is_passing::INTEGER - f.is_passing::INTEGER
        END AS direction,
        f.is_passing AND NOT t.is_passing AS is_fell_below_pass
    FROM labelled f
    JOIN labelled t ON t.agency_id = f.agency_id AND t.fiscal_year = $to_year
    WHERE f.fiscal_year = $from_year
)
SELECT *
FROM moves
WHERE direction <> 0 OR is_fell_below_pass
ORDER BY is_fell_below_pass DESC, direction, change, agency_name;
