-- The assessment method of one fiscal year: model, grade scheme and pass mark (from the year's framework file).
-- Grain: one row (none for a year without a framework). Parameters: $fiscal_year.
SELECT fiscal_year, model, grade_scheme, pass_mark
FROM framework_years
WHERE fiscal_year = $fiscal_year;
