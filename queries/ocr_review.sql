-- What OCR read with low confidence and a person should check against the original: numbers and dates of
-- scanned pages, each named by document, page and line. Grain: one row per flagged field, the first 500
-- (count_total counts all); message_th is the message in Thai. Parameters: $include_synthetic.
SELECT document, kind, agency_name, fiscal_year, page, line, message, message_th, is_synthetic, count(*) OVER () AS count_total
FROM v_warnings
WHERE message LIKE 'OCR read %' AND ($include_synthetic OR NOT is_synthetic)
ORDER BY fiscal_year DESC NULLS LAST, document, page, line
LIMIT 500;
