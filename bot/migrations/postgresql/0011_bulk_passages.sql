-- Nothing to change on PostgreSQL: its passages were always written by the write path
-- (PostgresDialect.index_article), never by a trigger. SQLite's text of this step drops its
-- row-level paragraphs-to-passages insert trigger for the same reason. Kept so the
-- numbering matches.
SELECT 1;
