-- Tables of the ITA database. Every row of every table carries is_synthetic, so real and
-- generated data can always be told apart and the generated part switched off.

CREATE TABLE IF NOT EXISTS framework_years (
    fiscal_year   INTEGER PRIMARY KEY,   -- B.E.
    model         VARCHAR NOT NULL,      -- ita10 | five_index
    grade_scheme  VARCHAR NOT NULL,      -- letters | ratings | levels
    pass_mark          DOUBLE,
    pass_share_target  DOUBLE,           -- national strategy: share of agencies at or above the pass mark
    score_tolerance    DOUBLE,           -- how far a quoted overall may be from the computed one
    note               VARCHAR,
    is_synthetic       BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS framework_instruments (
    fiscal_year   INTEGER NOT NULL,
    instrument    VARCHAR NOT NULL,      -- IIT | EIT | OIT
    name_th       VARCHAR NOT NULL,
    name_en       VARCHAR NOT NULL,
    weight        DOUBLE NOT NULL,
    is_synthetic  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (fiscal_year, instrument)
);

CREATE TABLE IF NOT EXISTS framework_indicators (
    fiscal_year   INTEGER NOT NULL,
    indicator_no  INTEGER NOT NULL,
    name_th       VARCHAR NOT NULL,
    name_en       VARCHAR NOT NULL,
    instrument    VARCHAR NOT NULL,
    is_synthetic  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (fiscal_year, indicator_no)
);

CREATE TABLE IF NOT EXISTS framework_grades (
    fiscal_year           INTEGER NOT NULL,
    label                 VARCHAR NOT NULL,
    rank                  INTEGER NOT NULL,  -- 1 = best band
    min_score             DOUBLE NOT NULL,
    min_instrument_score  DOUBLE,
    is_synthetic          BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (fiscal_year, label)
);

CREATE TABLE IF NOT EXISTS agencies (
    agency_id             INTEGER PRIMARY KEY,
    identity_key          VARCHAR NOT NULL UNIQUE,  -- type|place|province: one agency, any spelling
    name                  VARCHAR NOT NULL,         -- canonical spelling
    agency_type           VARCHAR NOT NULL,
    district              VARCHAR,
    province              VARCHAR,
    province_code         VARCHAR,
    is_province_inferred  BOOLEAN NOT NULL DEFAULT false,
    is_synthetic          BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS agency_aliases (
    alias         VARCHAR NOT NULL,   -- a spelling seen in a document
    agency_id     INTEGER NOT NULL,
    is_synthetic  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (alias, agency_id)
);

CREATE TABLE IF NOT EXISTS documents (
    document_id     INTEGER PRIMARY KEY,
    file_name       VARCHAR NOT NULL,
    sha256          VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,   -- measures | progress_6_months | progress_year_end | progress | analysis | score_sheet
    agency_id       INTEGER,            -- null for a score sheet (many agencies)
    fiscal_year     INTEGER,
    period_start    DATE,
    period_end      DATE,
    imported_at     TIMESTAMP NOT NULL,
    parser_version  VARCHAR NOT NULL,
    superseded_by   INTEGER,            -- a corrected version of the same agency, year and kind
    -- what became of the report's table rows (ita.records.RowAccount); null for a score sheet
    row_account     STRUCT("read" INTEGER, headers INTEGER, measures INTEGER, continuations INTEGER,
                           statuses INTEGER, scores INTEGER, warned INTEGER, unexplained INTEGER[]),
    is_synthetic    BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS document_warnings (
    document_id   INTEGER NOT NULL,
    line          INTEGER,
    message       VARCHAR NOT NULL,
    page          INTEGER,           -- PDFs and page images
    message_th    VARCHAR,           -- the message in Thai; empty in rows imported before it was written
    is_synthetic  BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS assessments (
    assessment_id  INTEGER PRIMARY KEY,
    agency_id      INTEGER NOT NULL,
    fiscal_year    INTEGER NOT NULL,
    score          DOUBLE,            -- the overall as the source quotes it
    grade          VARCHAR,           -- letter AA..F
    rating         VARCHAR,           -- pass label from 2566
    iit            DOUBLE,
    eit            DOUBLE,
    oit            DOUBLE,
    document_id    INTEGER NOT NULL,
    source_line    INTEGER,
    is_synthetic   BOOLEAN NOT NULL DEFAULT false,
    source_page    INTEGER            -- PDFs and page images
);

CREATE TABLE IF NOT EXISTS indicator_scores (
    assessment_id  INTEGER NOT NULL,
    indicator_no   INTEGER NOT NULL,
    score          DOUBLE NOT NULL,
    is_synthetic   BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS measures (
    measure_id    INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL,
    agency_id     INTEGER NOT NULL,
    fiscal_year   INTEGER NOT NULL,
    measure_no    INTEGER NOT NULL,
    title         VARCHAR NOT NULL,
    group_label   VARCHAR,
    steps         VARCHAR[],
    responsible   VARCHAR[],
    start_date    DATE,
    end_date      DATE,
    status        VARCHAR,           -- done | in_progress | not_started | null (not stated)
    result        VARCHAR,
    outcome       VARCHAR,
    suggestion    VARCHAR,
    followup      VARCHAR,
    first_line    INTEGER,
    last_line     INTEGER,
    is_synthetic  BOOLEAN NOT NULL DEFAULT false,
    first_page    INTEGER,           -- PDFs and page images
    last_page     INTEGER,
    ocr_confidence DOUBLE            -- read by OCR: its weakest cell's confidence, 0–100
);

CREATE TABLE IF NOT EXISTS measure_targets (
    measure_id    INTEGER NOT NULL,
    indicator_no  INTEGER NOT NULL,
    rank          INTEGER NOT NULL,  -- 1 = the measure's primary target
    evidence      VARCHAR[],         -- the words that linked it
    is_synthetic  BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS measure_words (
    measure_id    INTEGER PRIMARY KEY,
    words         VARCHAR[] NOT NULL,  -- content words of the title (pythainlp), for matching measures
    is_synthetic  BOOLEAN NOT NULL DEFAULT false
);

-- The national results NACC announced (data/national_results.csv, ita/national.py), rewritten by every writer.
CREATE TABLE IF NOT EXISTS national_results (
    fiscal_year     INTEGER PRIMARY KEY,
    count_agencies  INTEGER NOT NULL,
    mean_score      DOUBLE NOT NULL,
    pass_share      DOUBLE,             -- share at or above the year's pass mark, where published
    source          VARCHAR NOT NULL,
    is_synthetic    BOOLEAN NOT NULL DEFAULT false
);

-- What the derived rows were computed from (ita/fingerprint.py): a digest per input (model:<table>,
-- framework:<year>, indicator_terms) and the parser version, as of the last recomputation of everything.
CREATE TABLE IF NOT EXISTS derivation_fingerprint (
    input         VARCHAR PRIMARY KEY,
    digest        VARCHAR NOT NULL,
    is_synthetic  BOOLEAN NOT NULL DEFAULT false
);

-- Columns added since a database may have been made: an existing file gains them before anything writes.
ALTER TABLE framework_years ADD COLUMN IF NOT EXISTS pass_share_target DOUBLE;
ALTER TABLE framework_years ADD COLUMN IF NOT EXISTS score_tolerance DOUBLE;
ALTER TABLE document_warnings ADD COLUMN IF NOT EXISTS page INTEGER;
ALTER TABLE document_warnings ADD COLUMN IF NOT EXISTS message_th VARCHAR;
ALTER TABLE assessments ADD COLUMN IF NOT EXISTS source_page INTEGER;
ALTER TABLE measures ADD COLUMN IF NOT EXISTS first_page INTEGER;
ALTER TABLE measures ADD COLUMN IF NOT EXISTS last_page INTEGER;
ALTER TABLE measures ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS row_account STRUCT("read" INTEGER, headers INTEGER, measures INTEGER,
    continuations INTEGER, statuses INTEGER, scores INTEGER, warned INTEGER, unexplained INTEGER[]);
