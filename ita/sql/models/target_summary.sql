-- grain: one row per fiscal year, place, agency type, origin and target indicator; refresh key: place; order: fiscal_year, province, district
-- For the Follow-through page (queries/measures_by_target.sql): measures per target indicator; indicator_no NULL
-- counts the measures linked to no indicator.
WITH measures_in_places AS (
    SELECT * FROM measure_facts m
    SEMI JOIN refresh_places p
      ON p.province IS NOT DISTINCT FROM m.province AND p.district IS NOT DISTINCT FROM m.district
), targets AS (
    SELECT fiscal_year, province, district, agency_type, is_synthetic,
           unnest(target_indicators) AS indicator_no, unnest(range(1, len(target_indicators) + 1)) AS rank
    FROM measures_in_places
), per_indicator AS (
    SELECT fiscal_year, province, district, agency_type, is_synthetic, indicator_no,
           count(*) AS count_measures, count(*) FILTER (WHERE rank = 1) AS count_primary
    FROM targets
    GROUP BY ALL
), unlinked AS (
    SELECT fiscal_year, province, district, agency_type, is_synthetic, NULL::INTEGER AS indicator_no,
           count(*) AS count_measures, count(*) AS count_primary
    FROM measures_in_places
    WHERE len(target_indicators) = 0
    GROUP BY ALL
), final AS (
    SELECT * FROM per_indicator
    UNION ALL
    SELECT * FROM unlinked
)
SELECT * FROM final
