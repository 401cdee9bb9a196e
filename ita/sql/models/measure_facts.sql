-- grain: one row per measure of the standing document of an agency and year; refresh key: agency; order: fiscal_year, province, agency_id, measure_no
-- The measures that stand for an agency and year, with the indicators they target and the words that linked them.
WITH documents_in_scope AS (
    SELECT * FROM documents SEMI JOIN refresh_scope USING (agency_id)
), standing AS (
    -- per agency and year, the document whose measures stand: a year-end report over a six-month one over the plan
    SELECT d.*
    FROM documents_in_scope d
    WHERE d.superseded_by IS NULL AND d.kind <> 'score_sheet'
      AND EXISTS (SELECT 1 FROM measures m WHERE m.document_id = d.document_id)
    QUALIFY row_number() OVER (
        PARTITION BY d.agency_id, d.fiscal_year
        ORDER BY CASE d.kind
            WHEN 'progress_year_end' THEN 1 WHEN 'progress' THEN 2 WHEN 'progress_6_months' THEN 3 ELSE 4 END,
            d.period_end DESC NULLS LAST, d.imported_at DESC
    ) = 1
), standing_measures AS (
    SELECT m.* FROM measures m SEMI JOIN standing d USING (document_id)
), targets AS (
    -- "why this indicator": the words that linked the measure to each target, e.g. "4: ทรัพย์สินของราชการ"
    SELECT measure_id,
           list(indicator_no ORDER BY rank) AS target_indicators,
           string_agg(indicator_no || ': ' || array_to_string(evidence, ', '), ' · ' ORDER BY rank) AS target_evidence
    FROM measure_targets SEMI JOIN standing_measures USING (measure_id)
    GROUP BY measure_id
), final AS (
    SELECT
        g.agency_id,
        g.name AS agency_name,
        g.agency_type,
        g.district,
        g.province,
        m.fiscal_year,
        m.measure_no,
        m.title,
        m.group_label,
        m.status,
        m.start_date,
        m.end_date,
        m.steps,
        m.responsible,
        m.result,
        m.outcome,
        m.suggestion,
        m.followup,
        coalesce(t.target_indicators, []::INTEGER[]) AS target_indicators,
        t.target_evidence,
        m.is_synthetic,
        d.file_name AS document,
        d.document_id,
        d.kind AS document_kind,
        m.first_line,
        m.last_line,
        m.measure_id
    FROM standing_measures m
    JOIN standing d USING (document_id)
    JOIN agencies g ON g.agency_id = m.agency_id
    LEFT JOIN targets t USING (measure_id)
)
SELECT * FROM final
