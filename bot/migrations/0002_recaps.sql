-- Scheduled recaps: one schedule per channel, and every post (or skipped slot) it made.
-- Instants are ISO 8601 UTC strings with '+00:00', so they sort and compare as text.

CREATE TABLE recap_schedules (
    channel_id      INTEGER PRIMARY KEY,      -- at most one schedule per channel
    guild_id        INTEGER NOT NULL,
    hour            INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    minute          INTEGER NOT NULL CHECK (minute BETWEEN 0 AND 59),
    timezone        TEXT NOT NULL,            -- IANA name, e.g. Europe/Rome
    every           TEXT NOT NULL CHECK (every IN ('daily', 'weekly')),
    weekday         INTEGER CHECK (weekday BETWEEN 0 AND 6),   -- 0 = Monday; weekly only
    next_slot       TEXT NOT NULL,            -- the slot to post next (UTC)
    retry_at        TEXT,                     -- set while a failed post waits to be retried
    attempts        INTEGER NOT NULL DEFAULT 0,
    paused_reason   TEXT,                     -- NULL while active
    paused_at       TEXT,
    pause_notified  INTEGER NOT NULL DEFAULT 0,  -- moderators told of this pause yet?
    created_by      INTEGER NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX recap_schedules_guild ON recap_schedules(guild_id);
CREATE INDEX recap_schedules_due ON recap_schedules(coalesce(retry_at, next_slot))
    WHERE paused_reason IS NULL;

-- A post is recorded 'pending' before it is sent and 'done' after, so a restart knows which
-- slots were already posted; its nonce makes a resend after a crash return the same message.
CREATE TABLE recap_posts (
    id           INTEGER PRIMARY KEY,
    guild_id     INTEGER NOT NULL,
    channel_id   INTEGER NOT NULL,
    slot         TEXT NOT NULL,               -- the slot (UTC), or the request time for 'manual'
    kind         TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
    state        TEXT NOT NULL CHECK (state IN ('pending', 'done', 'skipped', 'failed')),
    nonce        TEXT NOT NULL,
    archive      INTEGER NOT NULL DEFAULT 0,  -- nothing new: one archive story
    more         INTEGER NOT NULL DEFAULT 0,  -- new stories left out of the message
    watermark    INTEGER NOT NULL DEFAULT 0,  -- highest articles.id when chosen: 'new' is above it
    message_id   INTEGER,
    detail       TEXT,                        -- why skipped or failed
    created_at   TEXT NOT NULL,
    finished_at  TEXT,
    UNIQUE (channel_id, slot, kind)
);
CREATE INDEX recap_posts_channel ON recap_posts(channel_id, state, id);

-- Which stories a post featured, in message order: the archive rotation reads it.
CREATE TABLE recap_features (
    post_id     INTEGER NOT NULL REFERENCES recap_posts(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (post_id, article_id)
);
CREATE INDEX recap_features_article ON recap_features(article_id);
