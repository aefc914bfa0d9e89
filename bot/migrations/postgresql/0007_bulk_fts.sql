-- Nothing to change on PostgreSQL: its full-text columns were always filled by the write
-- path (PostgresDialect.index_article), not by triggers. SQLite's text of this step drops
-- its row-level FTS5 insert triggers for the same reason. Kept so the numbering matches.
SELECT 1;
