-- Fiscal years whose assessment method differs from the year before (model or grade scheme), for chart markers.
-- Grain: one row per change. Parameters: none.
SELECT fiscal_year, model, grade_scheme, previous_model, previous_grade_scheme
FROM (
    SELECT
        fiscal_year,
        model,
        grade_scheme,
        lag(model) OVER by_year AS previous_model,
        lag(grade_scheme) OVER by_year AS previous_grade_scheme
    FROM framework_years
    WINDOW by_year AS (ORDER BY fiscal_year)
)
WHERE model <> previous_model OR grade_scheme <> previous_grade_scheme
ORDER BY fiscal_year;
