"""ITA analytics: read agencies' integrity documents and NACC score sheets into DuckDB."""

PARSER_VERSION = "1.10.0"
