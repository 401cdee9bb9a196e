-- National ITA results NACC announced (agencies assessed, mean score, share at or above the pass mark), for reference lines.
-- Grain: one row per fiscal year. Parameters: none. Source: data/national_results.csv, each row with its source.
SELECT fiscal_year, count_agencies, mean_score, pass_share, source
FROM national_results
ORDER BY fiscal_year;
