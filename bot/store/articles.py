"""Articles and their parts: the write path (a whole article in one transaction) and reads
of articles as intake and the recaps see them."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.models import Article, ArticleSummary
from bot.store._base import StoreBase
from bot.store.dialect import Dialect, SyncConnection
from bot.store.people import update_person_cards
from bot.store.records import summary
from bot.store.text import folded_name, text_hash

__all__ = ["ArticlesMixin", "StoredArticle"]

log = logging.getLogger(__name__)

#: Tables holding an article's extracted rows; a new version of the article replaces them all.
_ARTICLE_CHILDREN = (
    "paragraphs", "article_people", "aliases", "quotes",
    "reported_statements", "lap_events", "facts", "notes",
)  # fmt: skip

#: People no article mentions any more are dropped so autocomplete stays truthful.
_DROP_UNMENTIONED = (
    "DELETE FROM people WHERE id = ? "
    "AND NOT EXISTS (SELECT 1 FROM article_people WHERE person_id = people.id) "
    "AND NOT EXISTS (SELECT 1 FROM quotes WHERE person_id = people.id) "
    "AND NOT EXISTS (SELECT 1 FROM reported_statements WHERE person_id = people.id) "
    "AND NOT EXISTS (SELECT 1 FROM aliases WHERE person_id = people.id)"
)

_STORED_COLUMNS = "id, slug, published, headline, url, text_hash, content_hash, source_path"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as intake compares it: identity, URL, hashes and its source file."""

    summary: ArticleSummary
    url: str | None
    text_hash: str | None
    content_hash: str
    source_path: str


def _stored_article(row: Any) -> StoredArticle:
    return StoredArticle(
        summary(row), row["url"], row["text_hash"], row["content_hash"], row["source_path"]
    )


# -- the write path: plain synchronous statements on one connection, in its thread ---------


def _replace_articles(
    conn: SyncConnection, dialect: Dialect, articles: Sequence[Article], stored: list[bool]
) -> None:
    """Write each article whose stored copy has another hash; say which in ``stored``.

    Runs on the store's writer thread (see ``Dialect.run_sync``): no await between
    statements, and nothing of anyone else's in between. The articles share one
    transaction, since a commit costs as much as writing a whole article; each is written
    inside its own savepoint, so one that fails leaves nothing of itself and the ones before
    it are kept and committed, exactly as separate transactions would be.
    """
    begun = False
    written: list[int] = []  # ids of the articles written and not yet indexed
    cards: list[int] = []  # ids of every article written: their people's cards to update
    slugs: set[str] = set()
    known: dict[str, int] = {}  # person ids by name, for the whole transaction
    try:
        for article in articles:
            found = conn.execute(
                "SELECT id, content_hash FROM articles WHERE slug = ?", (article.slug,)
            ).fetchone()
            if found is not None and found[1] == article.content_hash:
                stored.append(False)
                continue
            if not begun:
                conn.execute(dialect.begin_write)
                begun = True
            if article.slug in slugs:
                # Its earlier version in this batch is about to be deleted, and deleting
                # takes rows out of the indexes: they must be in them first.
                dialect.index_articles(conn, written)
                written.clear()
                slugs.clear()
            slugs.add(article.slug)
            conn.execute("SAVEPOINT article")
            try:
                article_id = _write_article(
                    conn, dialect, article, None if found is None else int(found[0]), known
                )
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK TO article")
                raise
            finally:
                if conn.in_transaction:
                    conn.execute("RELEASE article")
            stored.append(True)
            written.append(article_id)
            cards.append(article_id)
    finally:
        if begun and conn.in_transaction:
            try:
                if written:
                    # Once for the batch, after every savepoint: see Dialect.index_articles.
                    dialect.index_articles(conn, written)
                update_person_cards(conn, dialect, cards)
                if any(stored):
                    dialect.articles_changed(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                stored[:] = [False] * len(stored)
                raise
            conn.execute("COMMIT")


def _folded_person(conn: SyncConnection, name: str) -> Any:
    """The row (id) of the person this name writes another way ("Kevin Estre" for "Kévin
    Estre", "O’Ward" for "O'Ward"), keying a new one by its folded name when there is none.

    Folded here, where every article's people are written, rather than in the answers'
    index: a second spelling becomes the same row, so every quote, statement and alias of
    either spelling is the one person's, and a start of the bot merges nothing.
    """
    key = folded_name(name)
    # Rows written before the key existed (an upgraded store) get theirs first, once.
    todo = conn.execute("SELECT id, name FROM people WHERE folded IS NULL").fetchall()
    if todo:
        conn.executemany(
            "UPDATE people SET folded = ? WHERE id = ?", [(folded_name(r[1]), r[0]) for r in todo]
        )
    row = conn.execute(
        "SELECT id FROM people WHERE folded = ? ORDER BY id LIMIT 1", (key,)
    ).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO people(name, folded) VALUES (?, ?) ON CONFLICT DO NOTHING", (name, key)
        )
    return row


def _write_article(
    conn: SyncConnection,
    dialect: Dialect,
    article: Article,
    stored_id: int | None,
    known: dict[str, int],
) -> int:
    """Write one article's rows (indexed later, by the batch) and return its id.

    ``stored_id``: the id of the article's stored version, which the caller just read.
    ``known``: the person id each name (exactly as written) had in the batch's earlier
    articles; this article's are added, and people it drops are taken out.
    """
    # Keep the article's id stable across edits: recap history refers to it.
    existing: Any = None if stored_id is None else (stored_id,)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    columns = ["published", "headline", "source_path", "content_hash", "ingested_at"]
    values: tuple[Any, ...] = (
        article.published.isoformat(),
        article.headline,
        article.source_path,
        article.content_hash,
        now,
    )
    # Intake (bot/intake) finds a story again by its canonical URL and by its text, written
    # with the rest of the row. A store written before those columns existed (tests of old
    # schemas) simply has no such record.
    if dialect.has_intake_columns(conn):
        columns += ["url", "text_hash"]
        values += (article.url, text_hash(article.paragraphs))
    # People the old version named: the only ones this write can leave unreferenced.
    dropped: set[int] = set()
    new_id: int | None = None
    if existing is None:
        # DO NOTHING, not an error, when another process wrote the slug since our SELECT
        # (PostgreSQL under READ COMMITTED): its row is then updated as an edit below.
        inserted = conn.execute(
            f"INSERT INTO articles({', '.join(columns)}, slug) "
            f"VALUES ({'?, ' * len(columns)}?) ON CONFLICT(slug) DO NOTHING RETURNING id",
            (*values, article.slug),
        ).fetchall()
        if inserted:
            new_id = int(inserted[0][0])
        else:
            existing = conn.execute(
                "SELECT id FROM articles WHERE slug = ?", (article.slug,)
            ).fetchone()
    if new_id is not None:
        article_id = new_id
    else:
        assert existing is not None  # the row our INSERT conflicted with, if not found first
        article_id = int(existing[0])
        conn.execute(
            f"UPDATE articles SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
            (*values, article_id),
        )
        for table in ("article_people", "aliases", "quotes", "reported_statements"):
            dropped.update(
                r[0]
                for r in conn.execute(
                    f"SELECT person_id FROM {table} WHERE article_id = ? AND person_id IS NOT NULL",
                    (article_id,),
                ).fetchall()
            )
        for table in _ARTICLE_CHILDREN:
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    conn.executemany(
        "INSERT INTO paragraphs(article_id, idx, text) VALUES (?, ?, ?)",
        [(article_id, i, text) for i, text in enumerate(article.paragraphs, start=1)],
    )
    ids: dict[str, int] = {}
    folded = dialect.has_people_folded(conn)

    def person(name: str) -> int:
        key = name.casefold()
        if key not in ids:
            # The batch's articles name the same people again and again: a name already
            # looked up in this transaction has the same row (unless dropped, see below).
            found = known.get(name)
            if found is not None:
                ids[key] = found
                return found
            # Nearly everyone is stored already once a store has some articles: look first,
            # and insert (then look again) only when missing. The lookup matches exactly what
            # the insert's unique name would conflict with, so the id is the same either way.
            row = conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
            if row is None and folded:
                row = _folded_person(conn, name)
            if row is None:
                conn.execute("INSERT INTO people(name) VALUES (?) ON CONFLICT DO NOTHING", (name,))
                row = conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
            assert row is not None
            ids[key] = known[name] = int(row[0])
        return ids[key]

    # One statement for all of the article's people, one for all their aliases.
    named = [(p, person(p.name)) for p in article.people]
    conn.executemany(
        dialect.upsert_article_person, [(article_id, pid, p.role, p.team) for p, pid in named]
    )
    conn.executemany(
        "INSERT INTO aliases(article_id, person_id, alias) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [(article_id, pid, alias) for p, pid in named for alias in p.aliases],
    )
    rows = [
        (
            article_id,
            person(q.speaker) if q.speaker else None,
            q.statement,
            q.part,
            q.paragraph,
            q.text,
            q.kind,
            q.setting,
            q.cue,
            q.cue_paragraph,
            q.label,
        )
        for q in article.quotes
    ]
    try:
        conn.executemany(
            "INSERT INTO quotes(article_id, person_id, statement, part, paragraph, text, "
            "kind, setting, cue, cue_paragraph, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    except sqlite3.OperationalError as exc:
        if "cue" not in str(exc):
            raise
        # A store not yet migrated to 0003_attribution (only ever written on purpose, by
        # tests of upgrades) has no columns for the cue: store the quotes without it.
        conn.executemany(
            "INSERT INTO quotes(article_id, person_id, statement, part, paragraph, text, "
            "kind, setting) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [row[:8] for row in rows],
        )
    conn.executemany(
        "INSERT INTO reported_statements(article_id, person_id, paragraph, text) "
        "VALUES (?, ?, ?, ?)",
        [(article_id, person(r.speaker), r.paragraph, r.text) for r in article.reported],
    )
    conn.executemany(
        "INSERT INTO lap_events(article_id, lap, description, who, outcome, paragraph) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (article_id, e.lap, e.description, "\n".join(e.who), e.outcome, e.paragraph)
            for e in article.events
        ],
    )
    conn.executemany(
        "INSERT INTO facts(article_id, position, key, value, paragraph) VALUES (?, ?, ?, ?, ?)",
        [(article_id, i, f.key, f.value, f.paragraph) for i, f in enumerate(article.facts)],
    )
    conn.executemany(
        "INSERT INTO notes(article_id, about, text) VALUES (?, ?, ?)",
        [(article_id, n.about, n.text) for n in article.notes],
    )
    dialect.index_article(conn, article_id)
    # Only those the replaced version named can have lost their last mention: every other
    # write leaves nobody unmentioned, so checking them alone keeps a write from scanning
    # every quote in the store (which made ingesting N articles cost N squared).
    dropped.difference_update(ids.values())
    conn.executemany(_DROP_UNMENTIONED, [(pid,) for pid in sorted(dropped)])
    if dropped:  # perhaps deleted: their names are looked up again
        for name in [name for name, pid in known.items() if pid in dropped]:
            del known[name]
    return article_id


def _delete_article(conn: SyncConnection, dialect: Dialect, slug: str) -> None:
    """See ``Store.delete_article``: runs on the writer thread, in one transaction."""
    conn.execute(dialect.begin_write)
    try:
        row = conn.execute("SELECT id FROM articles WHERE slug = ?", (slug,)).fetchone()
        if row is not None:
            article_id = row[0]
            named: set[int] = set()
            for table in ("article_people", "aliases", "quotes", "reported_statements"):
                named.update(
                    r[0]
                    for r in conn.execute(
                        f"SELECT person_id FROM {table} WHERE article_id = ? "
                        "AND person_id IS NOT NULL",
                        (article_id,),
                    ).fetchall()
                )
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            conn.executemany(_DROP_UNMENTIONED, [(pid,) for pid in sorted(named)])
            update_person_cards(conn, dialect, [article_id])
            dialect.articles_changed(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class ArticlesMixin(StoreBase):
    """Writing, replacing and deleting articles; reading them as intake and recaps do."""

    async def replace_article(self, article: Article) -> bool:
        """Store ``article``, replacing any earlier version of it, in one transaction.

        Returns False, touching nothing, when the stored copy has the same content hash, so
        re-ingesting the same files is free and idempotent.
        """
        return (await self.replace_articles([article]))[0]

    async def replace_articles(self, articles: Sequence[Article]) -> list[bool]:
        """Store each article as :meth:`replace_article` would; True for each one written.

        A batch shares one transaction (ingest writes many articles; a commit per article
        was half the cost of storing one). If one article fails, the ones before it are
        stored, it leaves nothing, and its exception is raised.
        """
        stored: list[bool] = []
        try:
            async with self._dialect.lock:
                await self._dialect.run_sync(_replace_articles, self._dialect, articles, stored)
        finally:
            if any(stored):
                self._article_writes += 1
            for article, written in zip(articles, stored, strict=False):
                if written:
                    log.info("stored article %s (%d quotes)", article.slug, len(article.quotes))
        return stored

    async def delete_article(self, slug: str) -> ArticleSummary | None:
        """Delete an article and everything extracted from it, in one transaction; people no
        article mentions any more go too. Returns what was deleted, None if nothing was."""
        found = await self.article(slug)
        if found is None:
            return None
        async with self._dialect.lock:
            await self._dialect.run_sync(_delete_article, self._dialect, slug)
        self._article_writes += 1
        log.info("deleted article %s", slug)
        return found

    async def articles(self) -> list[ArticleSummary]:
        """Every article, newest first."""
        rows = await self._all(
            "SELECT id, slug, published, headline, url FROM articles "
            "ORDER BY published DESC, id DESC"
        )
        return [summary(r) for r in rows]

    async def article(self, slug: str) -> ArticleSummary | None:
        rows = await self._point(
            "SELECT id, slug, published, headline, url FROM articles WHERE slug = ?", (slug,)
        )
        return summary(rows[0]) if rows else None

    async def paragraphs(self, slug: str) -> list[str]:
        rows = await self._all(
            "SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id "
            "WHERE a.slug = ? ORDER BY p.idx",
            (slug,),
        )
        return [r["text"] for r in rows]

    async def articles_fingerprint(self) -> tuple[int, str | None]:
        """(count, newest ingest time) of the articles: changes whenever any article is
        added or replaced, by this process or another, and with nothing else."""
        row = (await self._all("SELECT count(*), max(ingested_at) FROM articles"))[0]
        return int(row[0]), row[1]

    async def articles_page(self, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
        """Articles newest first, a page at a time, with their URL."""
        rows = await self._all(
            "SELECT id, slug, published, headline, url FROM articles "
            "ORDER BY published DESC, id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [summary(r) for r in rows]

    async def article_count(self) -> int:
        return int((await self._all("SELECT count(*) FROM articles"))[0][0])

    async def stored_article(self, slug: str) -> StoredArticle | None:
        """An article's identity with what intake compares: URL, hashes and source file."""
        rows = await self._all(f"SELECT {_STORED_COLUMNS} FROM articles WHERE slug = ?", (slug,))
        return _stored_article(rows[0]) if rows else None

    async def articles_with_url(self, url: str) -> list[StoredArticle]:
        """Articles recorded with this canonical URL (normally one), oldest first."""
        rows = await self._all(
            f"SELECT {_STORED_COLUMNS} FROM articles WHERE url = ? ORDER BY id", (url,)
        )
        return [_stored_article(r) for r in rows]

    async def articles_with_text(self, digest: str) -> list[StoredArticle]:
        """Articles whose paragraphs hash to ``digest`` (see ``text_hash``), oldest first."""
        await self.backfill_text_hashes()
        rows = await self._all(
            f"SELECT {_STORED_COLUMNS} FROM articles WHERE text_hash = ? ORDER BY id", (digest,)
        )
        return [_stored_article(r) for r in rows]

    async def backfill_text_hashes(self) -> int:
        """Hash the text of articles stored before text hashes were kept (once each)."""
        missing = await self._all("SELECT id FROM articles WHERE text_hash IS NULL")
        for row in missing:
            paragraphs = await self._all(
                "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY idx", (row["id"],)
            )
            await self._write(
                "UPDATE articles SET text_hash = ? WHERE id = ? AND text_hash IS NULL",
                (text_hash([p["text"] for p in paragraphs]), row["id"]),
            )
        return len(missing)
