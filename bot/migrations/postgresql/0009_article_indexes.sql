-- Nothing to change on PostgreSQL: lap_events_article, reported_article and notes_article
-- have been there since 0001. SQLite's text of this step adds them. Kept so the numbering
-- matches.
SELECT 1;
