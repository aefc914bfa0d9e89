-- Articles and everything extracted from them. Child rows cascade, so replacing an
-- article is one DELETE and a batch of INSERTs inside one transaction.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    published     TEXT NOT NULL,            -- ISO date, YYYY-MM-DD
    headline      TEXT NOT NULL,
    source_path   TEXT NOT NULL DEFAULT '',
    content_hash  TEXT NOT NULL,
    ingested_at   TEXT NOT NULL             -- ISO datetime, UTC
);

CREATE TABLE paragraphs (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,           -- 1 = first paragraph after the headline
    text        TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- A person is one row across all articles; what an article says of them is per article.
CREATE TABLE people (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_people (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    role        TEXT,
    team        TEXT,
    PRIMARY KEY (article_id, person_id)
);

CREATE TABLE aliases (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    alias       TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (article_id, alias)
);
CREATE INDEX aliases_person ON aliases(person_id);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id   INTEGER REFERENCES people(id),      -- NULL: the text does not say who
    statement   INTEGER NOT NULL,                   -- parts of one utterance share it
    part        INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('direct', 'partial')),
    setting     TEXT NOT NULL
);
CREATE INDEX quotes_person ON quotes(person_id);
CREATE INDEX quotes_statement ON quotes(article_id, statement, part);

CREATE TABLE reported_statements (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id),
    paragraph   INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX reported_person ON reported_statements(person_id);

CREATE TABLE lap_events (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    lap          INTEGER NOT NULL,
    description  TEXT NOT NULL,
    who          TEXT NOT NULL DEFAULT '',     -- names joined by '\n', in the article's order
    outcome      TEXT,
    paragraph    INTEGER
);
CREATE INDEX lap_events_lap ON lap_events(lap);

CREATE TABLE facts (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    paragraph   INTEGER,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    about       TEXT NOT NULL,
    text        TEXT NOT NULL
);

-- Full-text search over quotes and lap events. External-content tables stay in step with
-- their sources through triggers, so no code path can forget to index a row.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(
    description, outcome, content='lap_events', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER lap_events_ai AFTER INSERT ON lap_events BEGIN
    INSERT INTO events_fts(rowid, description, outcome)
    VALUES (new.id, new.description, coalesce(new.outcome, ''));
END;
CREATE TRIGGER lap_events_ad AFTER DELETE ON lap_events BEGIN
    INSERT INTO events_fts(events_fts, rowid, description, outcome)
    VALUES ('delete', old.id, old.description, coalesce(old.outcome, ''));
END;
