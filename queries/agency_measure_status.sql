-- How far one agency's measures got, year by year (the status its latest report states).
-- Grain: one row per fiscal year and status. Parameters: $agency_id.
SELECT fiscal_year, status, count(*) AS count_measures
FROM (SELECT fiscal_year, coalesce(status, 'unknown') AS status FROM v_measures WHERE agency_id = $agency_id)
GROUP BY fiscal_year, status
ORDER BY fiscal_year,
         CASE status WHEN 'done' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'not_started' THEN 3 ELSE 4 END;
