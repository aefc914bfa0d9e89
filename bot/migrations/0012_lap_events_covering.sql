-- One lap's events across every article (/lap, "what happened on lap N?") read from one run
-- of an index that holds every column the read needs: lap_events_lap held only the lap, so
-- each of a lap's ~1,800 events at 100,000 articles was a seek into lap_events, most of them
-- a page of their own (a lap's read: 8.4 -> 6.2 ms). The events come in article order, so
-- the seeks into articles go forward through the table. It replaces lap_events_lap (the lap
-- is its first column: the laps' list seeks it as before), so the write path still keeps
-- one index on the lap.
CREATE INDEX lap_events_by_lap
    ON lap_events(lap, article_id, id, description, who, outcome, paragraph);
DROP INDEX lap_events_lap;
