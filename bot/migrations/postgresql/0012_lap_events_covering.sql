-- Nothing to change on PostgreSQL: SQLite's text of this step gives its lap read a covering
-- index (one lap's events without a seek into the table for each); PostgreSQL's bitmap scan
-- of lap_events_lap already reads each heap page once. Kept so the numbering matches.
SELECT 1;
