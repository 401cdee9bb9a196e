-- National ITA results NACC announced (agencies assessed, mean score, share scoring 85 or more), for reference lines.
-- Grain: one row per fiscal year. Parameters: none. Source: NACC announcements as gathered in shared/ITA.md.
SELECT fiscal_year, count_agencies, mean_score, pass_share, source
FROM (
    VALUES
        (2564, 8300, 81.25, NULL, 'NACC announcement'),
        (2565, 8303, 87.57, 0.7052, 'derived from the year-on-year change NACC announced for 2566'),
        (2566, 8323, 90.19, 0.8094, 'NACC announcement (6,737 agencies at 85 or more)'),
        (2567, 8325, 93.05, 0.9244, 'derived from the year-on-year change NACC announced for 2568'),
        (2568, 8317, 93.82, 0.9417, 'NACC announcement (7,832 agencies at 85 or more)')
) AS national(fiscal_year, count_agencies, mean_score, pass_share, source)
ORDER BY fiscal_year;
