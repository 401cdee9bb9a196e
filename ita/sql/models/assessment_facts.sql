-- grain: one row per agency and fiscal year; refresh key: agency; order: fiscal_year, province, agency_id
-- Each agency's result of a year: the source that stands, the overall recomputed from the indicators with the
-- year's own weights, and the grade or pass label, pass mark and score tolerance of the year's framework.
WITH assessments_in_scope AS (
    SELECT * FROM assessments SEMI JOIN refresh_scope USING (agency_id)
), current_documents AS (
    -- a corrected version supersedes the older one, which stays in `documents`
    SELECT * FROM documents WHERE superseded_by IS NULL
), standing AS (
    -- a score sheet beats a figure quoted in prose, a newer import an older one
    SELECT a.*, d.file_name AS document, d.kind AS document_kind
    FROM assessments_in_scope a
    JOIN current_documents d USING (document_id)
    QUALIFY row_number() OVER (
        PARTITION BY a.agency_id, a.fiscal_year
        ORDER BY (d.kind = 'score_sheet') DESC, d.imported_at DESC, a.assessment_id DESC
    ) = 1
), by_instrument AS (
    -- sums run on DECIMAL so the result does not depend on the order parallel threads add in
    SELECT s.assessment_id, a.fiscal_year, fi.instrument,
           avg(s.score::DECIMAL(18, 6)) AS mean_score, count(*) AS count_indicators
    FROM indicator_scores s
    JOIN standing a USING (assessment_id)
    JOIN framework_indicators fi ON fi.fiscal_year = a.fiscal_year AND fi.indicator_no = s.indicator_no
    GROUP BY ALL
), expected AS (
    SELECT fiscal_year, count(*) AS count_indicators FROM framework_indicators GROUP BY ALL
), computed AS (
    -- null unless every indicator of the year's framework is present
    SELECT b.assessment_id,
           round(sum(w.weight::DECIMAL(9, 6) * b.mean_score), 6)::DOUBLE AS computed_score,
           round(max(b.mean_score) FILTER (WHERE b.instrument = 'IIT'), 4)::DOUBLE AS computed_iit,
           round(max(b.mean_score) FILTER (WHERE b.instrument = 'EIT'), 4)::DOUBLE AS computed_eit,
           round(max(b.mean_score) FILTER (WHERE b.instrument = 'OIT'), 4)::DOUBLE AS computed_oit
    FROM by_instrument b
    JOIN framework_instruments w ON w.fiscal_year = b.fiscal_year AND w.instrument = b.instrument
    JOIN expected e ON e.fiscal_year = b.fiscal_year
    GROUP BY b.assessment_id, e.count_indicators
    HAVING sum(b.count_indicators) = e.count_indicators
), scored AS (
    SELECT a.*, c.computed_score, c.computed_iit, c.computed_eit, c.computed_oit,
           coalesce(a.iit, c.computed_iit) AS any_iit,
           coalesce(a.eit, c.computed_eit) AS any_eit,
           coalesce(a.oit, c.computed_oit) AS any_oit
    FROM standing a
    LEFT JOIN computed c USING (assessment_id)
), labelled AS (
    -- the label the source quotes, else the year's band for the score (and instruments, where bands need them)
    SELECT s.*,
           coalesce(
               CASE fy.grade_scheme WHEN 'ratings' THEN s.rating ELSE s.grade END,
               (SELECT arg_min(g.label, g.rank) FROM framework_grades g
                WHERE g.fiscal_year = s.fiscal_year AND s.score >= g.min_score
                  AND (g.min_instrument_score IS NULL
                       OR least(s.any_iit, s.any_eit, s.any_oit) >= g.min_instrument_score))
           ) AS grade_label
    FROM scored s
    LEFT JOIN framework_years fy USING (fiscal_year)
), final AS (
    SELECT
        g.agency_id,
        g.name AS agency_name,
        g.agency_type,
        g.district,
        g.province,
        g.province_code,
        a.fiscal_year,
        a.score,
        a.grade,
        a.rating,
        round(a.computed_score, 3) AS computed_score,
        round(a.score - a.computed_score, 3) AS score_difference,
        coalesce(abs(a.score - a.computed_score) > fy.score_tolerance, false) AS is_score_mismatch,
        a.any_iit AS iit,
        a.any_eit AS eit,
        a.any_oit AS oit,
        a.grade_label,
        gb.rank AS grade_rank,
        fy.model AS framework_model,
        fy.grade_scheme,
        fy.pass_mark,
        a.score >= fy.pass_mark AS is_passing,  -- null in years without a pass mark (the five-index model)
        a.is_synthetic,
        a.document,
        a.document_id,
        a.source_line,
        a.assessment_id
    FROM labelled a
    JOIN agencies g USING (agency_id)
    LEFT JOIN framework_years fy ON fy.fiscal_year = a.fiscal_year
    LEFT JOIN framework_grades gb ON gb.fiscal_year = a.fiscal_year AND gb.label = a.grade_label
)
SELECT * FROM final
