-- Articles from links and feeds (bot/intake). An article keeps the URL its source file
-- records and a hash of its text, so the same story is taken once whichever way it comes.
ALTER TABLE articles ADD COLUMN url TEXT;          -- canonical URL; NULL for typed-in files
ALTER TABLE articles ADD COLUMN text_hash TEXT;    -- sha256 of the paragraphs, whitespace folded
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_text_hash ON articles(text_hash);

-- One subscription per (feed URL, server); guild_id NULL for feeds added from the command line.
-- Instants are ISO 8601 UTC strings with '+00:00', so they sort and compare as text.
CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL,
    guild_id        INTEGER,
    channel_id      INTEGER,                  -- where new stories are announced; NULL: nowhere
    title           TEXT,
    etag            TEXT,                     -- for conditional requests
    last_modified   TEXT,
    body_hash       TEXT,                     -- the last body: an identical one is not parsed
    next_poll       TEXT NOT NULL,
    last_poll       TEXT,
    failures        INTEGER NOT NULL DEFAULT 0,   -- in a row; reset by a good poll
    last_error      TEXT,
    primed          INTEGER NOT NULL DEFAULT 0,   -- first poll done (it announces nothing)
    paused_reason   TEXT,                     -- NULL while active
    paused_at       TEXT,
    pause_notified  INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX feeds_url_guild ON feeds(url, coalesce(guild_id, 0));
CREATE INDEX feeds_due ON feeds(next_poll) WHERE paused_reason IS NULL;

-- Every item a feed listed, taken once: by its key (the item's id, else its link), and through
-- articles.url / articles.text_hash by canonical URL and text. Kept when the article is
-- removed, so a removed story does not come back with the next poll.
CREATE TABLE feed_items (
    feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    item_key     TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,               -- hash of the entry as listed: changes on an edit
    url          TEXT,                        -- canonical URL of the article it became
    slug         TEXT,                        -- that article (NULL: refused, see detail)
    detail       TEXT,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);

-- A new story is announced in a feed's channel exactly once: recorded 'pending' before the
-- message is sent (with a nonce derived from channel and item), marked 'done' after.
CREATE TABLE feed_announcements (
    id           INTEGER PRIMARY KEY,
    feed_id      INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    guild_id     INTEGER,
    channel_id   INTEGER NOT NULL,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    item_key     TEXT NOT NULL,
    nonce        TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
    message_id   INTEGER,
    detail       TEXT,
    created_at   TEXT NOT NULL,
    finished_at  TEXT,
    UNIQUE (channel_id, article_id)
);
CREATE INDEX feed_announcements_pending ON feed_announcements(state, id) WHERE state = 'pending';
