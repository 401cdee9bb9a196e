-- One agency's IIT, EIT and OIT scores year by year beside the median of its peers (same type and province), with the year's pass mark.
-- Grain: one row per fiscal year and instrument the agency has. Parameters: $agency_id, $include_synthetic.
WITH me AS (
    SELECT agency_type, province FROM agencies WHERE agency_id = $agency_id
), nearby AS (
    SELECT a.agency_id, a.fiscal_year, a.iit, a.eit, a.oit
    FROM v_assessments a, me
    WHERE a.agency_id = $agency_id
       OR (a.agency_type = me.agency_type AND a.province = me.province
           AND ($include_synthetic OR NOT a.is_synthetic))
), long AS (
    UNPIVOT nearby ON iit, eit, oit INTO NAME instrument VALUE score
)
SELECT
    fiscal_year,
    upper(instrument) AS instrument,
    max(score) FILTER (WHERE agency_id = $agency_id) AS score,
    median(score) FILTER (WHERE agency_id <> $agency_id) AS peer_median,
    count(*) FILTER (WHERE agency_id <> $agency_id) AS count_peers,
    any_value(fy.pass_mark) AS pass_mark
FROM long
LEFT JOIN framework_years fy USING (fiscal_year)
GROUP BY ALL
HAVING max(score) FILTER (WHERE agency_id = $agency_id) IS NOT NULL
ORDER BY fiscal_year, instrument;
