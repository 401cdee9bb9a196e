-- The indicators of one fiscal year with their instrument and the instrument's weight.
-- Grain: one row per indicator. Parameters: $fiscal_year.
SELECT i.indicator_no, i.name_th, i.name_en, i.instrument, w.weight
FROM framework_indicators i
JOIN framework_instruments w USING (fiscal_year, instrument)
WHERE i.fiscal_year = $fiscal_year
ORDER BY i.indicator_no;
