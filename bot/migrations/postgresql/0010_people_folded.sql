-- One person however an article writes the name: "Kévin Estre" and "Kevin Estre", "O’Ward"
-- and "O'Ward" were two people, each with half the quotes, since people were keyed by name
-- with case folded only. The write path (bot/store/articles.py) looks a new name up by this
-- key (bot/store/text.py's folded_name: the name's words, case, accents and punctuation
-- folded) before adding anyone; rows written before this step get their key in Python at
-- the next write, as SQL alone cannot fold accents on both databases.
ALTER TABLE people ADD COLUMN folded TEXT;
CREATE INDEX people_folded ON people(folded);
