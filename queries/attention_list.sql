-- What needs attention in the chosen year: agencies below the pass mark, whose grade or band dropped since the year before, with weak indicators (of the year before) that no measure of the year targets, with measures past their end date on $as_of and not done, or with documents the parser warned about.
-- Grain: one row per agency and reason. Parameters: $fiscal_year, $as_of, $province, $district, $agency_type, $include_synthetic.
WITH now AS (
    SELECT agency_id, score, grade_label, grade_rank, grade_scheme, is_passing
    FROM v_assessments
    WHERE fiscal_year = $fiscal_year AND score IS NOT NULL
), before AS (
    SELECT agency_id, score, grade_label, grade_rank, grade_scheme, is_passing
    FROM v_assessments
    WHERE fiscal_year = $fiscal_year - 1 AND score IS NOT NULL
), reasons AS (
    SELECT agency_id, 'below_pass' AS reason, NULL::INTEGER[] AS indicator_nos, NULL::BIGINT AS count_items,
           NULL::DATE AS first_end_date, NULL::VARCHAR AS documents
    FROM now
    WHERE NOT is_passing
    UNION ALL
    -- bands compare within one grade scheme; across schemes (letters to pass labels) only the pass mark does
    SELECT n.agency_id, 'grade_dropped', NULL, NULL, NULL, NULL
    FROM now n
    JOIN before b USING (agency_id)
    WHERE CASE
        WHEN n.grade_scheme = b.grade_scheme AND n.grade_rank IS NOT NULL AND b.grade_rank IS NOT NULL
            THEN n.grade_rank > b.grade_rank
        ELSE b.is_passing AND NOT n.is_passing
    END
    UNION ALL
    SELECT agency_id, 'weak_untargeted', list(indicator_no ORDER BY indicator_no), count(*), NULL, NULL
    FROM v_indicator_followthrough
    WHERE fiscal_year = $fiscal_year AND is_weak AND has_measures_document AND count_measures = 0
    GROUP BY agency_id
    UNION ALL
    SELECT agency_id, 'overdue_measures', NULL, count(*), min(end_date), string_agg(DISTINCT document, ', ')
    FROM v_measures
    WHERE fiscal_year = $fiscal_year AND end_date < $as_of AND status IS DISTINCT FROM 'done'
    GROUP BY agency_id
    UNION ALL
    SELECT d.agency_id, 'parse_warnings', NULL, count(*), NULL, string_agg(DISTINCT d.file_name, ', ')
    FROM document_warnings w
    JOIN documents d USING (document_id)
    WHERE d.fiscal_year = $fiscal_year AND d.superseded_by IS NULL AND d.agency_id IS NOT NULL
    GROUP BY d.agency_id
)
SELECT
    r.agency_id,
    g.name AS agency_name,
    g.agency_type,
    g.district,
    g.province,
    r.reason,
    n.score,
    b.score AS previous_score,
    n.grade_label AS label,
    b.grade_label AS previous_label,
    r.indicator_nos,
    r.count_items,
    r.first_end_date,
    r.documents,
    g.is_synthetic
FROM reasons r
JOIN agencies g USING (agency_id)
LEFT JOIN now n USING (agency_id)
LEFT JOIN before b USING (agency_id)
WHERE ($province IS NULL OR g.province = $province)
  AND ($district IS NULL OR g.district = $district)
  AND ($agency_type IS NULL OR g.agency_type = $agency_type)
  AND ($include_synthetic OR NOT g.is_synthetic)
ORDER BY list_position(['below_pass', 'grade_dropped', 'weak_untargeted', 'overdue_measures', 'parse_warnings'], r.reason),
         n.score NULLS LAST, g.name, r.agency_id;
