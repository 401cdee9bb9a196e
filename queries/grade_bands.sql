-- The score bands of every fiscal year (letters, pass labels or levels), for shading score charts; labels sharing a floor are joined.
-- Grain: one row per fiscal year and band, lowest band first. Parameters: none.
WITH floors AS (
    SELECT
        g.fiscal_year,
        fy.grade_scheme,
        g.min_score,
        string_agg(g.label, ' / ' ORDER BY g.rank DESC) AS label,
        arg_max(g.label, g.rank) AS color_label
    FROM framework_grades g
    JOIN framework_years fy USING (fiscal_year)
    GROUP BY ALL
)
SELECT
    fiscal_year,
    grade_scheme,
    label,
    color_label,
    min_score,
    coalesce(lead(min_score) OVER (PARTITION BY fiscal_year ORDER BY min_score), 100) AS max_score
FROM floors
ORDER BY fiscal_year, min_score;
