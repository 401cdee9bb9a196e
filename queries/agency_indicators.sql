-- One agency's indicator scores in a fiscal year beside the medians of its peers (same type and province) and of its province, with the year's pass mark.
-- Grain: one row per indicator the agency was scored on. Parameters: $agency_id, $fiscal_year, $include_synthetic.
WITH me AS (
    SELECT agency_type, province FROM agencies WHERE agency_id = $agency_id
), nearby AS (
    SELECT s.agency_id, s.indicator_no, s.score, s.document,
           s.agency_type = me.agency_type AND s.agency_id <> $agency_id AS is_peer
    FROM v_indicator_scores s, me
    WHERE s.fiscal_year = $fiscal_year
      AND (s.agency_id = $agency_id OR s.province = me.province)
      AND (s.agency_id = $agency_id OR $include_synthetic OR NOT s.is_synthetic)
)
SELECT
    n.indicator_no,
    fi.name_th,
    fi.name_en,
    fi.instrument,
    max(n.score) FILTER (WHERE n.agency_id = $agency_id) AS score,
    median(n.score) FILTER (WHERE n.is_peer) AS peer_median,
    count(*) FILTER (WHERE n.is_peer) AS count_peers,
    median(n.score) AS province_median,
    count(*) AS count_province,
    max(n.document) FILTER (WHERE n.agency_id = $agency_id) AS document,
    any_value(fy.pass_mark) AS pass_mark
FROM nearby n
LEFT JOIN framework_indicators fi ON fi.fiscal_year = $fiscal_year AND fi.indicator_no = n.indicator_no
LEFT JOIN framework_years fy ON fy.fiscal_year = $fiscal_year
GROUP BY ALL
HAVING max(n.score) FILTER (WHERE n.agency_id = $agency_id) IS NOT NULL
ORDER BY n.indicator_no;
