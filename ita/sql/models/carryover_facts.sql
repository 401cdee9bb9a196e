-- grain: one row per standing measure that continues one of the year before; refresh key: agency; order: agency_id, measure_id
-- Each standing measure of year Y paired with its most similar standing measure of the agency in Y-1:
-- same primary target indicator and at least half of the title words shared (Jaccard >= 0.5).
WITH measures_in_scope AS (
    SELECT * FROM measure_facts SEMI JOIN refresh_scope USING (agency_id)
), standing AS (
    SELECT f.measure_id, f.agency_id, f.fiscal_year, f.target_indicators[1] AS primary_indicator, w.words
    FROM measures_in_scope f
    JOIN measure_words w USING (measure_id)
), pairs AS (
    SELECT cur.agency_id, cur.measure_id, prev.measure_id AS previous_measure_id,
           len(list_intersect(cur.words, prev.words))
               / greatest(len(list_distinct(list_concat(cur.words, prev.words))), 1) AS similarity
    FROM standing cur
    JOIN standing prev
      ON prev.agency_id = cur.agency_id AND prev.fiscal_year = cur.fiscal_year - 1
     AND prev.primary_indicator = cur.primary_indicator
), final AS (
    SELECT * FROM pairs
    WHERE similarity >= 0.5
    QUALIFY row_number() OVER (PARTITION BY measure_id ORDER BY similarity DESC, previous_measure_id) = 1
)
SELECT * FROM final
