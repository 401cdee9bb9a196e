-- Loaded documents by kind (measures plan, progress reports, analyses, score sheets), real and synthetic apart.
-- Grain: one row per kind and origin. Parameters: $include_synthetic.
SELECT kind, is_synthetic,
       count(*) FILTER (WHERE superseded_by IS NULL) AS count_current,
       count(*) FILTER (WHERE superseded_by IS NOT NULL) AS count_superseded
FROM documents
WHERE $include_synthetic OR NOT is_synthetic
GROUP BY kind, is_synthetic
ORDER BY kind, is_synthetic;
