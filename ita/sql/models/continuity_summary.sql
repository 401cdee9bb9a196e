-- grain: one row per fiscal year, lifecycle, place, agency type, origin (and primary indicator); refresh key: place; order: is_all_indicators DESC, fiscal_year, province, district
-- For the Follow-through page's continuity chart (queries/measure_continuity.sql): measures per outcome, agencies
-- with measures on file in Y−1 only. An agency sits in exactly one such cell, so agency counts add up across
-- cells. One row set counts every measure (is_all_indicators), the other counts per primary target indicator.
WITH measures_in_places AS (
    SELECT * FROM measure_facts m
    SEMI JOIN refresh_places p
      ON p.province IS NOT DISTINCT FROM m.province AND p.district IS NOT DISTINCT FROM m.district
), lifecycle_in_places AS (
    SELECT * FROM lifecycle_facts l
    SEMI JOIN refresh_places p
      ON p.province IS NOT DISTINCT FROM l.province AND p.district IS NOT DISTINCT FROM l.district
), reported AS (
    SELECT DISTINCT agency_id, fiscal_year FROM measures_in_places
), judged AS (
    SELECT l.fiscal_year, l.lifecycle, l.province, l.district, l.agency_type, l.is_synthetic,
           l.target_indicators[1] AS primary_indicator, l.agency_id
    FROM lifecycle_in_places l
    SEMI JOIN reported r ON r.agency_id = l.agency_id AND r.fiscal_year = l.fiscal_year - 1
), final AS (
    SELECT fiscal_year, lifecycle, province, district, agency_type, is_synthetic,
           grouping(primary_indicator) = 1 AS is_all_indicators, primary_indicator,
           count(*) AS count_measures, count(DISTINCT agency_id) AS count_agencies
    FROM judged
    GROUP BY GROUPING SETS (
        (fiscal_year, lifecycle, province, district, agency_type, is_synthetic),
        (fiscal_year, lifecycle, province, district, agency_type, is_synthetic, primary_indicator)
    )
)
SELECT * FROM final
