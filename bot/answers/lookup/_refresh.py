"""The index built from the store's rows and swapped in whole: at start (the people first,
then the articles) and after every ingest (only the articles written since).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.answers.lookup._article_index import (
    build_articles,
    position_of,
    update_articles,
)
from bot.answers.lookup._index import _ARTICLE_FIELDS, _PEOPLE_FIELDS, _Index
from bot.answers.lookup._people import _build_people_index
from bot.answers.lookup._pools import _warm_digit_parts
from bot.answers.text import normalise
from bot.models import ArticleSummary, Person
from bot.store import Store

log = logging.getLogger(__name__)


#: Up to this many quotes, a store is small: /whosaid scans every quote, held in memory.
SCAN_ALL = 2000


def _build_index(
    people: Sequence[Person],
    rows: Sequence[Any] | None,
    quote_count: int,
    first_quotes: Sequence[tuple[int, str]],
    laps: tuple[int, ...],
    previous: _Index | None = None,
    changes: tuple[Sequence[Any], Collection[int]] | None = None,
) -> _Index:
    """Every in-memory index, from the store's rows: CPU work for a worker thread.

    ``rows`` are (id, slug, published, headline, url), newest first. What is kept per
    article is its summary and its normalised key; everything else is flat arrays of
    indexes into them, not objects per article (100,000 articles held about 150 MB).
    ``rows`` None keeps ``previous``'s articles as they are (none without one): the
    people's part alone, which a start builds before READY (see :meth:`Lookup.refresh`).
    ``changes`` (with ``previous``): the rows of the articles new or edited since
    ``previous`` was built and the ids of those deleted; the articles' part is then
    ``previous``'s updated with them (:func:`update_articles`), what this full build
    would give from every row, without reading or sorting them all again.
    """
    index = _Index()
    _build_people_index(people, index)
    if changes is not None and previous is not None:
        update_articles(index, previous, *changes)
        _warm_digit_parts(index, previous)
        _add_quotes_and_laps(index, quote_count, first_quotes, laps)
        return index
    if rows is None:
        if previous is not None:
            for name in _ARTICLE_FIELDS:
                setattr(index, name, getattr(previous, name))
            _warm_digit_parts(index, previous)
        _add_quotes_and_laps(index, quote_count, first_quotes, laps)
        return index
    build_articles(index, rows, previous)
    _warm_digit_parts(index, previous)
    _add_quotes_and_laps(index, quote_count, first_quotes, laps)
    return index


def _with_articles(people_part: _Index, rows: Sequence[Any]) -> _Index:
    """A new index with ``people_part``'s people, quote counts and laps (shared, not copied)
    and the articles' part built from every row: CPU work for a worker thread."""
    index = _Index()
    for name in _PEOPLE_FIELDS:
        setattr(index, name, getattr(people_part, name))
    build_articles(index, rows, None)
    _warm_digit_parts(index, None)
    return index


def _add_quotes_and_laps(
    index: _Index, quote_count: int, first_quotes: Sequence[tuple[int, str]], laps: tuple[int, ...]
) -> None:
    index.quote_count = quote_count
    index.quote_ids = [quote_id for quote_id, _ in first_quotes]
    index.quote_norm = [normalise(text) for _, text in first_quotes]
    index.laps = laps


#: How far back before the newest write time seen an update reads articles again: a write
#: takes its time a few milliseconds before it commits, so one begun before the newest seen
#: may commit after it was read. Short: after a bulk ingest every row in it is read again.
REREAD_WINDOW = timedelta(seconds=10)


def _new_ids(index: _Index, rows: Sequence[Any]) -> int:
    """How many of the rows (id, slug first) are of an article ``index`` does not hold."""
    added = 0
    for r in rows:
        at = position_of(index, r[1])
        if at < 0 or index.articles[at].id != r[0]:
            added += 1
    return added


def _article_ids(articles: Sequence[ArticleSummary]) -> set[int]:
    return {a.id for a in articles if a.id is not None}


def _difference(
    known: set[int], present: Sequence[Any], rows: Sequence[Any]
) -> tuple[set[int], int]:
    """(ids known but no longer present, how many present are neither known nor read):
    ``present`` and ``rows`` are rows with the id first."""
    here = {r[0] for r in present}
    read = {r[0] for r in rows}
    return known - here, len(here - known - read)


class Refreshing:
    """How :class:`Lookup` builds its index from the store and swaps it in."""

    store: Store
    index: _Index

    def __init__(self, store: Store) -> None:
        self.store = store
        self.index = _Index()
        # Clear only while a start's index waits for its articles (see refresh).
        self._with_articles = asyncio.Event()
        self._with_articles.set()
        self._articles_read = False  # a refresh has read the articles
        #: The newest write time (``ingested_at``) of the articles the index holds, as the
        #: store gave it before they were read: the next refresh reads only those since.
        self._written_up_to: str | None = None
        #: The articles' fingerprint read before a start's people-only refresh (else None):
        #: while it stands, the people, quote counts and laps that refresh read still hold.
        self._people_seen: tuple[int, str | None] | None = None

    @property
    def has_articles(self) -> bool:
        """Whether the index holds the articles (a start reads them after the people)."""
        return self._with_articles.is_set()

    async def wait_for_articles(self) -> None:
        """Return once the index holds the articles: at once but in a start's first seconds."""
        if not self._with_articles.is_set():
            await self._with_articles.wait()

    async def refresh(self, *, articles: bool = True) -> None:
        """Rebuild the names and update the articles indexes from the store: at start and
        after ingest (the articles are read whole only the first time, see _article_changes).

        Only the reads await the store; turning rows into indexes runs on a worker thread,
        so a running bot's event loop keeps answering meanwhile. Quotes are not copied: what
        /whosaid needs of them it asks the store for (:meth:`quote_counts`).

        ``articles`` False rebuilds everything but the articles' part, which it keeps as it
        was: a bot starts with that (at 100,000 articles, reading and indexing them took
        2.5 s), then reads the articles, READY waiting for them a moment at most
        (``bot.client.INDEX_BEFORE_READY``); answers that need them
        :meth:`wait_for_articles` meanwhile, and autocomplete offers no article yet.
        """
        seen_first: tuple[int, str | None] | None = None
        if not articles and not self._articles_read:
            self._with_articles.clear()
            self._people_seen = None
            # Read before the people: a write meanwhile makes the articles' refresh read all.
            # Noted once they are built: if that fails, the articles' refresh reads it all.
            seen_first = await self.store.articles_fingerprint()
        elif articles and not self._articles_read and self._people_seen is not None:
            seen, self._people_seen = self._people_seen, None
            fingerprint = await self.store.articles_fingerprint()
            if fingerprint == seen:
                await self._add_articles(fingerprint[1])
                return
        people = await self.store.people()
        rows: list[Any] | None = None
        changes: tuple[Sequence[Any], Collection[int]] | None = None
        written: str | None = None
        if articles:
            # Read before the rows: an article written meanwhile is read again next time.
            stored, written = await self.store.articles_fingerprint()
            changes = await self._article_changes(stored) if self._articles_read else None
            if changes is None:
                rows = await self.store.article_rows()
        count = await self.store.quote_count()
        first = await self.store.first_quotes(count if count <= SCAN_ALL else 1)
        laps = tuple(await self.store.laps_with_events())
        index = await asyncio.to_thread(
            _build_index, people, rows, count, first, laps, self.index, changes
        )
        if not articles:
            self._people_seen = seen_first
        self._install(index, written, articles=articles)

    def _install(self, index: _Index, written: str | None, *, articles: bool) -> None:
        """Swap in a built index; with its articles, note what it read and wake the waiters."""
        self.index = index
        if articles:
            self._articles_read = True
            self._written_up_to = written
            self._with_articles.set()
        log.info(
            "answer index: %d people, %d articles, %d quotes",
            len(index.people), len(index.articles), index.quote_count,
        )  # fmt: skip

    async def _add_articles(self, written: str | None) -> None:
        """The start's second refresh when no article was written since its first: only the
        articles are read, and the people, quote counts and laps that first one built are
        kept (reading and indexing them again was about 0.5 s of CPU after READY at 100,000
        articles, while the first interactions waited for the articles)."""
        rows = await self.store.article_rows()
        index = await asyncio.to_thread(_with_articles, self.index, rows)
        self._install(index, written, articles=True)

    async def _article_changes(self, count: int) -> tuple[Sequence[Any], Collection[int]] | None:
        """The rows of the articles written since the index was built, and the ids of those
        deleted; None when only reading them all again is sure to be right.

        Rows are read again from :data:`REREAD_WINDOW` before the last newest write time:
        another process's write may commit after a later one (it took its time first), and
        a row read twice is seen to be unchanged. A deletion shows in ``count`` (the
        store's, read before the rows): then the ids are read (100,000 small ints) to find
        which.
        """
        index = self.index
        up_to = self._written_up_to
        if up_to is None:
            return None
        try:
            since = (datetime.fromisoformat(up_to) - REREAD_WINDOW).isoformat(
                timespec="microseconds"
            )
        except ValueError:
            return None
        rows = await self.store.article_rows_since(since)  # after ``count`` was read
        # On a thread: after a bulk ingest, the window may hold thousands of rows.
        added = await asyncio.to_thread(_new_ids, index, rows)
        if count == len(index.articles) + added:
            return rows, ()
        present = await self.store.article_ids()
        known = await asyncio.to_thread(_article_ids, index.articles)
        gone, unread = await asyncio.to_thread(_difference, known, present, rows)
        if unread:
            log.warning("%d articles written unseen: the article index is read whole", unread)
            return None
        return rows, gone
