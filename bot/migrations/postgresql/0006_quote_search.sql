-- PostgreSQL's text of 0006_quote_search. The words each quote holds are already in
-- quotes.tsv, GIN-indexed: the count of quotes holding a word is a query on it
-- (PostgresDialect.quote_term_counts), where SQLite reads its FTS vocabulary table. The
-- attributed quotes in id order are the same partial index as SQLite's.

CREATE INDEX quotes_attributed ON quotes(id) WHERE person_id IS NOT NULL;
