-- grain: one row per agency, fiscal year Y and indicator; refresh key: agency; order: fiscal_year, province, agency_id, indicator_no
-- Did agencies act on weak indicators? Measures of fiscal year Y answer the ITA result of Y-1: rows where the
-- agency has a result in Y-1 and a result or measures in Y.
WITH indicators_in_scope AS (
    SELECT * FROM indicator_facts SEMI JOIN refresh_scope USING (agency_id)
), measures_in_scope AS (
    SELECT * FROM measure_facts SEMI JOIN refresh_scope USING (agency_id)
), targeted AS (
    SELECT m.agency_id, m.fiscal_year, target.indicator_no,
           count(*) AS count_measures,
           count(*) FILTER (WHERE m.status = 'done') AS count_done,
           count(*) FILTER (WHERE m.status IS NOT NULL) AS count_with_status
    FROM measures_in_scope m, unnest(m.target_indicators) AS target(indicator_no)
    GROUP BY ALL
), reported AS (
    SELECT DISTINCT agency_id, fiscal_year FROM measures_in_scope
), final AS (
    SELECT base.agency_id, base.agency_name, base.agency_type, base.district, base.province,
           base.fiscal_year + 1 AS fiscal_year,
           base.indicator_no, base.indicator_name_th, base.indicator_name_en, base.instrument,
           base.score AS base_score,
           base.score < fy.pass_mark AS is_weak,  -- below the pass mark of the year it was scored in
           coalesce(t.count_measures, 0) AS count_measures,
           t.count_done / nullif(t.count_with_status, 0) AS share_done,
           now.score AS score,
           round(now.score - base.score, 2) AS change,
           r.agency_id IS NOT NULL AS has_measures_document,
           base.is_synthetic
    FROM indicators_in_scope base
    LEFT JOIN indicators_in_scope now
      ON now.agency_id = base.agency_id AND now.fiscal_year = base.fiscal_year + 1
     AND now.indicator_no = base.indicator_no
    LEFT JOIN targeted t
      ON t.agency_id = base.agency_id AND t.fiscal_year = base.fiscal_year + 1 AND t.indicator_no = base.indicator_no
    LEFT JOIN reported r ON r.agency_id = base.agency_id AND r.fiscal_year = base.fiscal_year + 1
    LEFT JOIN framework_years fy ON fy.fiscal_year = base.fiscal_year
    WHERE now.score IS NOT NULL OR r.agency_id IS NOT NULL
)
SELECT * FROM final
