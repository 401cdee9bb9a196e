-- The rules each fiscal year's framework sets: its pass mark, the national target share at or above it, the score tolerance.
-- Grain: one row per fiscal year with a framework. Parameters: none.
SELECT fiscal_year, pass_mark, pass_share_target, score_tolerance
FROM framework_years
ORDER BY fiscal_year;
