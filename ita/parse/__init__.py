"""Parsers: pure functions from an agency's document or a score sheet to typed records."""
