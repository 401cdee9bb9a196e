-- Every measure of one agency, all years, with its period, targets, result and the document lines (and, for
-- PDFs and scans, pages and OCR confidence) it came from.
-- Grain: one row per measure. Parameters: $agency_id.
SELECT
    fiscal_year,
    measure_no,
    title,
    group_label,
    coalesce(status, 'unknown') AS status,
    start_date,
    end_date,
    array_to_string(responsible, '; ') AS responsible,
    array_to_string(target_indicators, ', ') AS target_indicators,
    target_evidence,
    result,
    document,
    document_kind,
    first_line,
    last_line,
    first_page,
    last_page,
    ocr_confidence,
    is_synthetic
FROM v_measures
LEFT JOIN (SELECT measure_id, first_page, last_page, ocr_confidence FROM measures) USING (measure_id)
WHERE agency_id = $agency_id
ORDER BY fiscal_year DESC, measure_no;
