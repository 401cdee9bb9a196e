-- The documents behind a province's figures of one year (its results of the year and the year before, its measures of the year): how many of each kind, real or synthetic, the years they cover and when they were imported.
-- Grain: one row per origin (real or synthetic) and document kind. Parameters: $province, $fiscal_year, $include_synthetic.
WITH used AS (
    SELECT document_id FROM v_assessments WHERE province = $province AND fiscal_year IN ($fiscal_year, $fiscal_year - 1)
    UNION
    SELECT document_id FROM v_measures WHERE province = $province AND fiscal_year = $fiscal_year
)
SELECT
    d.is_synthetic,
    d.kind,
    count(*) AS count_documents,
    min(d.fiscal_year) AS first_year,
    max(d.fiscal_year) AS last_year,
    max(d.imported_at) AS last_imported_at,
    list(d.file_name ORDER BY d.file_name)[1:5] AS first_files
FROM documents d
SEMI JOIN used USING (document_id)
WHERE $include_synthetic OR NOT d.is_synthetic
GROUP BY d.is_synthetic, d.kind
ORDER BY d.is_synthetic, d.kind;
