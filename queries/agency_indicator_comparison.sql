-- Indicator scores of the chosen agencies beside the median of their peers (same agency type and province).
-- Grain: one row per chosen agency and indicator. Parameters: $fiscal_year, $agency_ids, $include_synthetic.
WITH chosen AS (
    SELECT agency_id, agency_name, agency_type, province, indicator_no, indicator_name_th, indicator_name_en,
           instrument, score
    FROM v_indicator_scores
    WHERE fiscal_year = $fiscal_year
      AND list_contains($agency_ids, agency_id)
      AND ($include_synthetic OR NOT is_synthetic)
), peers AS (
    SELECT s.agency_type, s.province, s.indicator_no, median(s.score) AS peer_median, count(*) AS count_peers
    FROM v_indicator_scores s
    SEMI JOIN (SELECT DISTINCT agency_type, province FROM chosen) c USING (agency_type, province)
    WHERE s.fiscal_year = $fiscal_year
      AND ($include_synthetic OR NOT s.is_synthetic)
    GROUP BY ALL
)
SELECT c.*, p.peer_median, p.count_peers, c.score - p.peer_median AS difference
FROM chosen c
LEFT JOIN peers p USING (agency_type, province, indicator_no)
ORDER BY list_position($agency_ids, c.agency_id), c.indicator_no;
