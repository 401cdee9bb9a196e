-- grain: one row per scored agency and fiscal year; refresh key: fiscal_year; order: fiscal_year, province, score DESC
-- For the Compare page's ranking (queries/agency_ranking.sql): each scored agency's rank in its province and
-- among its province's agencies of its type, its percentile among its type nationwide, and last year's result;
-- ranks once among all agencies of the year and once among real ones (real_*, the synthetic switch).
-- A rank depends on every agency of the year, so a refresh recomputes whole fiscal years.
WITH scored AS (
    SELECT agency_id, agency_name, agency_type, district, province, fiscal_year, score, is_passing,
           grade_label AS label, is_synthetic
    FROM assessment_facts
    WHERE score IS NOT NULL
), ranked AS (
    -- every agency ranked among all (is_real_only false), and real ones again among real ones only
    SELECT s.*, v.is_real_only,
           rank() OVER (PARTITION BY v.is_real_only, fiscal_year, province ORDER BY score DESC) AS rank_in_province,
           count(*) OVER (PARTITION BY v.is_real_only, fiscal_year, province) AS count_in_province,
           rank() OVER (
               PARTITION BY v.is_real_only, fiscal_year, province, agency_type ORDER BY score DESC
           ) AS rank_in_type,
           count(*) OVER (PARTITION BY v.is_real_only, fiscal_year, province, agency_type) AS count_in_type,
           100 * percent_rank() OVER (
               PARTITION BY v.is_real_only, fiscal_year, agency_type ORDER BY score
           ) AS percentile_in_type
    FROM scored s
    CROSS JOIN (VALUES (false), (true)) v(is_real_only)
    SEMI JOIN refresh_years USING (fiscal_year)
    WHERE NOT (v.is_real_only AND s.is_synthetic)
), final AS (
    SELECT a.agency_id, a.agency_name, a.agency_type, a.district, a.province, a.fiscal_year, a.score, a.label,
           a.is_passing, a.is_synthetic, p.score AS previous_score, p.label AS previous_label,
           a.rank_in_province, a.count_in_province, a.rank_in_type, a.count_in_type, a.percentile_in_type,
           r.rank_in_province AS real_rank_in_province, r.count_in_province AS real_count_in_province,
           r.rank_in_type AS real_rank_in_type, r.count_in_type AS real_count_in_type,
           r.percentile_in_type AS real_percentile_in_type
    FROM ranked a
    LEFT JOIN ranked r ON r.agency_id = a.agency_id AND r.fiscal_year = a.fiscal_year AND r.is_real_only
    LEFT JOIN scored p ON p.agency_id = a.agency_id AND p.fiscal_year = a.fiscal_year - 1
    WHERE NOT a.is_real_only
)
SELECT * FROM final
