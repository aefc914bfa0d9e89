-- What /whosaid's search plan reads from the database instead of from a copy of every quote
-- held in memory (issue 12): how many quotes hold each word, from the FTS index itself
-- (one lookup per word, never a pass over the quotes), and the attributed quotes in id
-- order, so a random one is an index seek. Both follow the quotes without code on the
-- write path: the vocabulary is a view of quotes_fts, the index is SQLite's own.

CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab(quotes_fts, 'row');

CREATE INDEX quotes_attributed ON quotes(id) WHERE person_id IS NOT NULL;
