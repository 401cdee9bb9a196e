-- Names of the ten indicators of the latest framework that has them (for labels).
-- Grain: one row per indicator. Parameters: none.
SELECT indicator_no, name_th, name_en, instrument
FROM framework_indicators
WHERE fiscal_year = (SELECT max(fiscal_year) FROM framework_indicators)
ORDER BY indicator_no;
