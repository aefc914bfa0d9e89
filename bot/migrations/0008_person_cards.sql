-- Each person's card (issue 12): the role and team their newest article gives them, and
-- every alias any article gives them, kept on the person by the article write path
-- (bot/store/people.py, once per batch) instead of worked out at every start from every
-- article-person row: at 100,000 articles that was half a million rows ranked (about 6 s)
-- before the bot could answer. ``role_article`` / ``team_article`` name the article the
-- value came from and ``role_at`` / ``team_at`` its date, so a newer article replaces it
-- and an edited or deleted one has it worked out again from the person's own rows.
ALTER TABLE people ADD COLUMN role TEXT;
ALTER TABLE people ADD COLUMN role_at TEXT;
ALTER TABLE people ADD COLUMN role_article INTEGER;
ALTER TABLE people ADD COLUMN team TEXT;
ALTER TABLE people ADD COLUMN team_at TEXT;
ALTER TABLE people ADD COLUMN team_article INTEGER;

-- One row per person and alias (any case), with one article that gives it.
CREATE TABLE person_aliases (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL COLLATE NOCASE,
    article_id  INTEGER,
    PRIMARY KEY (person_id, alias)
);
-- An edited or deleted article's aliases, found without reading every person's.
CREATE INDEX person_aliases_article ON person_aliases(article_id);

-- A person's own rows, for working a card out again (PostgreSQL has had this index).
CREATE INDEX article_people_person ON article_people(person_id);

-- Fill the cards of a kept store: newest article first, the earlier stored row on a tie.
UPDATE people SET role = c.role, role_at = c.published, role_article = c.article_id
FROM (
    SELECT ap.person_id, ap.role, a.published, ap.article_id,
           row_number() OVER (PARTITION BY ap.person_id
                              ORDER BY a.published DESC, ap.rowid) AS n
    FROM article_people ap JOIN articles a ON a.id = ap.article_id
    WHERE ap.role IS NOT NULL
) AS c
WHERE c.n = 1 AND c.person_id = people.id;

UPDATE people SET team = c.team, team_at = c.published, team_article = c.article_id
FROM (
    SELECT ap.person_id, ap.team, a.published, ap.article_id,
           row_number() OVER (PARTITION BY ap.person_id
                              ORDER BY a.published DESC, ap.rowid) AS n
    FROM article_people ap JOIN articles a ON a.id = ap.article_id
    WHERE ap.team IS NOT NULL
) AS c
WHERE c.n = 1 AND c.person_id = people.id;

INSERT INTO person_aliases(person_id, alias, article_id)
SELECT person_id, alias, min(article_id) FROM aliases GROUP BY person_id, alias;
