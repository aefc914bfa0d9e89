-- The article write path fills the full-text indexes itself, once per batch of articles in
-- one statement per index (SqliteDialect.index_articles), instead of a trigger per row.
-- FTS5 flushes what it has pending to a new on-disk segment whenever a trigger's statement
-- writes to it, so a row-level trigger wrote one tiny segment per quote, paragraph and lap
-- event and then merged them all back: about ten times the work of indexing the batch in
-- one statement (2.4 of the 3.4 ms it took to store a generated article). Deleting still
-- goes through the triggers: it needs the old text, and only edits of articles delete.
DROP TRIGGER quotes_ai;
DROP TRIGGER passages_ai;
DROP TRIGGER lap_events_ai;
