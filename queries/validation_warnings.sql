-- What failed a check: warnings the parsers kept with each document, and overall scores that differ from their indicators.
-- Grain: one row per warning, the first 1000 (count_total counts all); message_th is the message in Thai
-- (empty for warnings imported before they had one). Parameters: $include_synthetic.
WITH found AS (
    SELECT 'document' AS source, document, kind, agency_name, fiscal_year, line, message, message_th, is_synthetic
    FROM v_warnings
    UNION ALL
    SELECT 'score_mismatch', a.document, d.kind, a.agency_name, a.fiscal_year, a.source_line,
           format('overall score {} differs by {} from {} computed from the indicators',
                  a.score, a.score_difference, a.computed_score),
           format('คะแนนรวม {} ต่างจาก {} ที่คำนวณจากตัวชี้วัดอยู่ {}',
                  a.score, a.computed_score, a.score_difference),
           a.is_synthetic
    FROM v_assessments a
    JOIN documents d USING (document_id)
    WHERE a.is_score_mismatch
)
SELECT *, count(*) OVER () AS count_total
FROM found
WHERE $include_synthetic OR NOT is_synthetic
ORDER BY is_synthetic, fiscal_year DESC NULLS LAST, document, line
LIMIT 1000;
