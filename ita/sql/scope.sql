-- What a refresh recomputes (ita/refresh.py). The derived models read their base rows through these tables, so
-- a refresh costs what it touches. They are TEMP: they live in the writer's connection, never in the published
-- file. Each model's header names the one it is refreshed by (its refresh key).
CREATE TEMP TABLE IF NOT EXISTS refresh_scope (agency_id INTEGER);  -- refresh key agency; listed more than once at times
CREATE TEMP TABLE IF NOT EXISTS refresh_years (fiscal_year INTEGER);  -- refresh key fiscal_year
CREATE TEMP TABLE IF NOT EXISTS refresh_places (province VARCHAR, district VARCHAR);  -- refresh key place
-- synthetic agencies that real ones replaced in this writing session: their rows all go at once when it publishes
CREATE TEMP TABLE IF NOT EXISTS replaced_twins (agency_id INTEGER);
