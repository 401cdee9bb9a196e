-- The grade bands (letters, pass labels or levels) of one fiscal year, best first.
-- Grain: one row per band. Parameters: $fiscal_year.
SELECT label, min_score, min_instrument_score
FROM framework_grades
WHERE fiscal_year = $fiscal_year
ORDER BY rank;
