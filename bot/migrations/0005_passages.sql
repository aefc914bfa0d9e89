-- Passages: every paragraph of every article, full-text indexed (porter-stemmed, so
-- "crash" finds "crashing") for answering questions no other command fits. Rows follow
-- the paragraphs table through triggers, so ingest never has to remember them, and the
-- stores that exist already are filled once, below.

CREATE TABLE passages (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    paragraph   INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX passages_article ON passages(article_id, paragraph);

CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
-- How many passages hold each (stemmed) term: the rarity that weighs a question's words.
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');

CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER paragraphs_passages_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO passages(article_id, paragraph, text)
    VALUES (new.article_id, new.idx, new.text);
END;
CREATE TRIGGER paragraphs_passages_ad AFTER DELETE ON paragraphs BEGIN
    DELETE FROM passages WHERE article_id = old.article_id AND paragraph = old.idx;
END;

INSERT INTO passages(article_id, paragraph, text)
SELECT article_id, idx, text FROM paragraphs ORDER BY article_id, idx;
