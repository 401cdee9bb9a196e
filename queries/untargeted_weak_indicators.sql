-- Red flags: indicators below the pass mark in the previous year (Y−1) that no measure of year Y targets (v_indicator_followthrough).
-- Grain: one row per agency and indicator, agencies with measures on file for Y only; the 500 weakest, count_total counts all. Parameters: $fiscal_year, $province, $district, $agency_type, $include_synthetic, $indicator.
WITH flagged AS (
    SELECT agency_id, agency_name, agency_type, district, province, fiscal_year, indicator_no, indicator_name_th,
           indicator_name_en, base_score, is_synthetic
    FROM v_indicator_followthrough
    WHERE fiscal_year = $fiscal_year
      AND is_weak
      AND has_measures_document
      AND count_measures = 0
      AND ($province IS NULL OR province = $province)
      AND ($district IS NULL OR district = $district)
      AND ($agency_type IS NULL OR agency_type = $agency_type)
      AND ($include_synthetic OR NOT is_synthetic)
      AND ($indicator IS NULL OR indicator_no = $indicator)
), weakest AS (
    SELECT * FROM flagged ORDER BY base_score, agency_name, agency_id, indicator_no LIMIT 500
)
SELECT
    f.agency_id,
    f.agency_name,
    f.agency_type,
    f.district,
    f.province,
    f.indicator_no,
    f.indicator_name_th,
    f.indicator_name_en,
    f.base_score AS previous_score,
    -- the document of the Y−1 result the score comes from
    a.document,
    f.is_synthetic,
    (SELECT count(*) FROM flagged) AS count_total
FROM weakest f
LEFT JOIN v_assessments a ON a.agency_id = f.agency_id AND a.fiscal_year = f.fiscal_year - 1
ORDER BY f.base_score, f.agency_name, f.agency_id, f.indicator_no;
