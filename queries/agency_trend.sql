-- One agency's overall score, grade or pass label, instrument scores and the year's pass mark, year by year, with the source line.
-- Grain: one row per fiscal year. Parameters: $agency_id.
SELECT
    fiscal_year,
    score,
    coalesce(grade, rating) AS grade_label,
    grade_scheme,
    framework_model,
    pass_mark,
    iit,
    eit,
    oit,
    computed_score,
    is_score_mismatch,
    document,
    source_line,
    is_synthetic
FROM v_assessments
WHERE agency_id = $agency_id
ORDER BY fiscal_year;
