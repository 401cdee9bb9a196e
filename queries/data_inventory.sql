-- What the database holds, real and synthetic apart: current documents, agencies, assessments, measures, and the
-- fiscal years they cover (a report's year counts as an assessment's does).
-- Grain: one row per origin (is_synthetic false/true). Parameters: $include_synthetic.
WITH origins AS (
    SELECT * FROM (VALUES (false), (true)) AS o(is_synthetic)
    WHERE $include_synthetic OR NOT is_synthetic
), docs AS (
    SELECT is_synthetic,
           count(*) FILTER (WHERE superseded_by IS NULL) AS count_documents,
           count(*) FILTER (WHERE superseded_by IS NOT NULL) AS count_superseded
    FROM documents GROUP BY is_synthetic
), ag AS (
    SELECT is_synthetic, count(*) AS count_agencies FROM agencies GROUP BY is_synthetic
), scores AS (
    SELECT is_synthetic, count(*) AS count_assessments FROM v_assessments GROUP BY is_synthetic
), years AS (
    SELECT is_synthetic, min(fiscal_year) AS first_year, max(fiscal_year) AS last_year
    FROM (
        SELECT is_synthetic, fiscal_year FROM v_assessments
        UNION ALL
        SELECT is_synthetic, fiscal_year FROM documents WHERE superseded_by IS NULL
    )
    GROUP BY is_synthetic
), ms AS (
    SELECT is_synthetic, count(*) AS count_measures FROM v_measures GROUP BY is_synthetic
)
SELECT
    o.is_synthetic,
    coalesce(docs.count_documents, 0) AS count_documents,
    coalesce(docs.count_superseded, 0) AS count_superseded,
    coalesce(ag.count_agencies, 0) AS count_agencies,
    coalesce(scores.count_assessments, 0) AS count_assessments,
    coalesce(ms.count_measures, 0) AS count_measures,
    years.first_year,
    years.last_year
FROM origins o
LEFT JOIN docs USING (is_synthetic)
LEFT JOIN ag USING (is_synthetic)
LEFT JOIN scores USING (is_synthetic)
LEFT JOIN years USING (is_synthetic)
LEFT JOIN ms USING (is_synthetic)
ORDER BY o.is_synthetic;
