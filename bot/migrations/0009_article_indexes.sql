-- One article's lap events, reported statements and editor's notes by index, as PostgreSQL
-- has had them since 0001: without these SQLite scanned every row of each table to answer
-- /facts and /recap for one article (lap events: 4 ms at 10,000 articles, 40 ms at 100,000)
-- and to delete an article's rows when it is replaced. The lap events' index also holds
-- the lap, so one article's events come back in lap order without a sort.
CREATE INDEX lap_events_article ON lap_events(article_id, lap);
CREATE INDEX reported_article ON reported_statements(article_id);
CREATE INDEX notes_article ON notes(article_id);
