"""The shared lookup: in-memory indexes of people, articles and quotes, and name resolving.

Every kind of answer reads names and articles through one :class:`Lookup`, rebuilt whole by
:meth:`Lookup.refresh` (at start and after every ingest) so autocomplete and fuzzy matching
never wait on SQL.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate, chain, compress, repeat
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from bot.answers._article_index import (
    _SEPARATOR as _SEPARATOR,
)
from bot.answers._article_index import (
    _BySlug,
    _no_postings,
    _Postings,
    build_articles,
    position_of,
    update_articles,
)
from bot.answers._article_index import (
    _normalise_all as _normalise_all,
)
from bot.answers._compact import AliasEntries
from bot.answers._fuzzy_filter import CharFilter, WordPool, digit_needs, digit_parts
from bot.answers.records import Choice, NotFound
from bot.answers.text import clean, normalise, shorten, wordset
from bot.models import ArticleSummary, Person, Quote
from bot.store import Store

__all__ = ["SCAN_ALL", "STOPWORDS", "Lookup", "Part", "starting_with"]

log = logging.getLogger(__name__)

#: A person name typed with a typo still resolves at this similarity (0-100).
PERSON_CUTOFF = 84.0
SUGGEST_CUTOFF = 60.0
COMPLETE_CUTOFF = 75.0
ARTICLE_CUTOFF = 80.0
#: Up to this many quotes, a store is small: /whosaid scans every quote, held in memory.
SCAN_ALL = 2000
#: Up to this many articles, a fuzzy autocomplete scores them all; past it, at most
#: ARTICLE_POOL that share a word start with what was typed.
ARTICLE_SCAN_ALL = 2000
ARTICLE_POOL = 3000
#: A typed word inside more distinct headline words than this is in most articles.
_MANY_WORDS = 200
#: Candidates tested at once by _articles_with_words at first (the slice doubles after).
_SCAN_SLICE = 512
_LAST = "\U0010ffff"
#: Word and prefix counts kept per index at most (a bound for a bot that never restarts).
_COUNTS_KEPT = 50_000
_NORMS_KEPT = 20_000
#: Typed words whose vocabulary search is kept per index at most (each up to _MANY_WORDS
#: indexes: a few MB at worst).
_VOCAB_KEPT = 2_000
#: Newest articles whose digit zones are worked out with the index (a first date typed after
#: a refresh would otherwise cut 3,000 of them: 1.2 µs each), and how many are kept at most
#: (about 250 bytes each); past that, a pool's missing zones are cut and not kept.
_ZONES_WARM = 10_000
_ZONES_KEPT = 20_000
#: Marks, among the gathered zones, an article whose key is too short for the digit bound.
_SHORT = "\x00"

_STOPWORD_TEXT = (
    "a an the and or but of on in at to for with about after did does do is was were be been "
    "has have had what who whom whose which how why when where say said tell me please it "
    "that this he she they his her their him them i you we apologise apologize apology "
    "apologised apologized sorry quote quotes lap facts recap happened anyone anybody someone "
    "somebody everyone ever any there here really actually"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
#: Words fans use for the one in charge of a team, and the roles articles give such people.
_BOSS_WORDS = wordset("boss bos principal tp chief director manager owner head gm ceo president")
_ROLE_BOSS = wordset("boss principal chief director manager owner head ceo president")
STOPWORDS = _STOPWORDS
#: Words that open or close a name and are everyday words in the name's language ("El
#: Profe", "de Vries", "van der Linde"): alone they name no one, or a fan's "who is el
#: diablos manager" would be answered for whoever's name starts with "El".
_NAME_PARTICLES = wordset(
    "el la le les los las de del della dei der den des di da das do dos du van von vom zu"
)


@dataclass(slots=True)
class _Index:
    """Everything ``refresh`` builds; swapped in whole so a reader never sees half of one."""

    people: dict[str, Person] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)  # normalised key -> full name
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fuzzy_keys: list[str] = field(default_factory=list)
    fuzzy_names: list[str] = field(default_factory=list)
    fuzzy_filter: CharFilter | None = None  # which fuzzy_keys a typed text could match
    word_pool: WordPool | None = None  # the same for one short word at COMPLETE_CUTOFF, tighter
    aliases: AliasEntries = field(default_factory=AliasEntries)  # (key, alias, name) rows
    #: A person a store written before migration 0010 holds twice, by two spellings ("Kévin
    #: Estre", "Kevin Estre"): the name every key gives -> the other spellings' names.
    spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    people_keys: list[tuple[str, str]] = field(default_factory=list)  # (normalised, name)
    articles: list[ArticleSummary] = field(default_factory=list)
    article_keys: list[str] = field(default_factory=list)  # normalised headline + slug
    # Quotes stay in the database (issue 12): their count, and their texts only in a small
    # store, which /whosaid scans whole; in a big one, the first quote's (help's example).
    quote_count: int = 0
    quote_ids: list[int] = field(default_factory=list)
    quote_norm: list[str] = field(default_factory=list)
    laps: tuple[int, ...] = ()
    name_words: frozenset[str] = frozenset()  # every word of every name and alias
    # Worked out once here rather than on every keystroke or question:
    names: list[str] = field(default_factory=list)  # every full name, sorted
    people_norms: list[str] = field(default_factory=list)  # people_keys' keys, sorted
    name_word_keys: list[tuple[str, int]] = field(default_factory=list)  # (word, people_keys i)
    alias_blob: str = ""  # each distinct alias key once, NUL-separated, for one C-speed search
    alias_starts: Sequence[int] = field(default_factory=list)  # where each of them starts
    #: For each distinct alias key (alias_blob's order), the positions in ``aliases`` of the
    #: first entry of each person holding it, ascending (see :func:`_alias_entries`).
    alias_entries: list[Sequence[int]] = field(default_factory=list)
    article_dates: list[str] = field(default_factory=list)  # ISO date of each article
    slug_keys: list[str] = field(default_factory=list)  # casefolded slug of each article
    by_slug: _BySlug = field(default_factory=lambda: _BySlug([], array("i"), []))  # exact slug
    article_words: _Postings = field(default_factory=lambda: _no_postings())  # word -> articles
    article_vocab: Sequence[str] = field(default_factory=list)  # article_words' words, sorted
    # Articles by the length of their words joined (sorted; ties by index), as two arrays.
    article_lengths: Sequence[int] = field(default_factory=list)
    length_order: Sequence[int] = field(default_factory=list)
    slug_order: Sequence[int] = field(default_factory=list)  # articles by casefolded slug
    sorted_slug_keys: list[str] = field(default_factory=list)  # their casefolded slugs
    slugs_folded: bool = True  # every slug is its own casefold
    vocab_blob: str = ""  # article_vocab joined by newlines, for one C-speed substring search
    vocab_starts: Sequence[int] = field(default_factory=list)  # where each word starts in it
    # What the store said of words and prefixes since this index was built (it is dropped
    # with the index when the store changes): /whosaid asks about the same words again.
    word_counts: dict[str, int] = field(default_factory=dict)
    prefix_counts: dict[tuple[str, int], int] = field(default_factory=dict)
    #: /whosaid's candidates' normalised texts by quote id: the same quotes come back for
    #: related phrases, and normalising 200 texts costs more than the query that finds them.
    quote_norms: dict[int, str] = field(default_factory=dict)
    #: suggest_people's answers by (key, limit, cutoff) since this index was built: a NotFound's
    #: "did you mean" and autocomplete ask about the same surnames and prefixes again.
    suggested: dict[tuple[str, int, float], tuple[str, ...]] = field(default_factory=dict)
    #: article_vocab's words holding a typed word (None: more than _MANY_WORDS), since this
    #: index was built: see :func:`_vocab_holding`.
    vocab_hits: dict[str, list[int] | None] = field(default_factory=dict)
    #: Each article's digit zone and edges (see ``digit_parts``; None: not worked out yet):
    #: the newest _ZONES_WARM with the index, others the first time a fuzzy pool holds them
    #: (up to _ZONES_KEPT in all, ``digit_kept``, besides those of ``digit_pinned``).
    digit_zones: list[str | None] = field(default_factory=list)
    digit_edges: list[str | None] = field(default_factory=list)
    digit_kept: int = 0
    #: Articles past the newest _ZONES_WARM whose zones are worked out with the index and
    #: kept: the fuzzy pools of the years of the articles' dates (see :func:`_date_pools`).
    digit_pinned: list[int] = field(default_factory=list)


def starting_with(ordered: Sequence[str], prefix: str) -> Iterator[int]:
    """Indexes of the sorted strings that start with ``prefix``: one contiguous run."""
    for i in range(bisect_left(ordered, prefix), len(ordered)):
        if not ordered[i].startswith(prefix):
            return
        yield i


def _first_below(descending: Sequence[str], value: str) -> int:
    """Where the first string below ``value`` stands in a list sorted from the largest."""
    lo, hi = 0, len(descending)
    while lo < hi:
        mid = (lo + hi) // 2
        if descending[mid] < value:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _containing(blob: str, starts: Sequence[int], word: str, most: int) -> list[int] | None:
    """Indexes of the words of ``blob`` (joined by newlines) that hold ``word``; None when
    there are more than ``most`` (0: no bound)."""
    found: list[int] = []
    at = blob.find(word)
    while at != -1:
        i = bisect_right(starts, at) - 1
        found.append(i)
        if most and len(found) > most:
            return None
        after = starts[i + 1] if i + 1 < len(starts) else len(blob)
        at = blob.find(word, after)
    return found


def _build_people_index(people: Sequence[Person], index: _Index) -> None:
    """Map every way of naming someone to their full name; a shared key maps to nobody."""
    tiers: list[dict[str, set[str]]] = [{}, {}, {}, {}]  # full, alias, surname, first name
    # Many people share an alias ("the Finn"): each is normalised once, its strings shared.
    seen: dict[str, tuple[str, str, str]] = {}
    # One person however the store spells them: the first spelling names them all.
    first: dict[str, str] = {}
    for person in people:
        index.people[person.name] = person
        name = first.setdefault(normalise(person.name), person.name)
        if name != person.name:
            index.spellings[name] = (*index.spellings.get(name, ()), person.name)
        tiers[0].setdefault(normalise(person.name), set()).add(name)
        for alias in person.aliases:
            known = seen.get(alias)
            if known is None:
                key = normalise(alias)
                known = seen[alias] = (alias, key, re.sub(r"^the\s+", "", key))
            alias, key, bare = known
            tiers[1].setdefault(key, set()).add(name)
            if bare != key:
                tiers[1].setdefault(bare, set()).add(name)
            index.aliases.append(key, alias, name)
        words = normalise(person.name).split()
        if len(words) > 1:
            if words[-1] not in _NAME_PARTICLES:
                tiers[2].setdefault(words[-1], set()).add(name)
            if words[0] not in _NAME_PARTICLES:
                tiers[3].setdefault(words[0], set()).add(name)
            k = len(words) - 1
            while k > 1 and words[k - 1] in _NAME_PARTICLES:
                k -= 1
            if k < len(words) - 1:
                # The surname with its particles ("de Vries", "van der Linde").
                tiers[2].setdefault(" ".join(words[k:]), set()).add(name)
            if len(words) > 2:
                # Given names without the surname ("Juan Pablo" for Juan Pablo Montoya): what
                # tells him from a son who shares the surname.
                tiers[3].setdefault(" ".join(words[:-1]), set()).add(name)
    index.people_keys = sorted((key, name) for key, name in first.items())
    index.people_norms = [norm for norm, _ in index.people_keys]
    index.name_word_keys = sorted(
        (word, i) for i, norm in enumerate(index.people_norms) for word in norm.split()
    )
    _index_alias_keys(index)
    index.names = sorted(first.values())
    for tier in tiers:
        for key, names in tier.items():
            if not key or key in index.exact or key in index.ambiguous:
                continue
            if len(names) == 1:
                index.exact[key] = next(iter(names))
            else:
                index.ambiguous[key] = tuple(sorted(names))
    index.name_words = frozenset(
        w for key in [*index.exact, *index.ambiguous] for w in key.split()
    ) | {w + "s" for key in index.exact for w in key.split()}
    for key, name in index.exact.items():
        index.fuzzy_keys.append(key)
        index.fuzzy_names.append(name)
    index.fuzzy_filter = CharFilter(index.fuzzy_keys)
    index.word_pool = WordPool(index.fuzzy_keys, COMPLETE_CUTOFF)


def _index_alias_keys(index: _Index) -> None:
    """The alias search's blob of distinct alias keys and, for each, where its people's
    entries stand in ``index.aliases``.

    Generated and real stores give thousands of people the same role alias ("ferrari
    driver"): at 100,000 articles 82,000 aliases held 101 distinct keys, and a search of
    every alias key (1.7 MB) was most of a people autocomplete's 1.8 ms. Only the first
    entry of each person under a key is kept: a later one could add nobody new.
    """
    entries: dict[str, tuple[array[int], set[str]]] = {}
    for i, (alias_key, _alias, name) in enumerate(index.aliases):
        kept = entries.get(alias_key)
        if kept is None:
            kept = entries[alias_key] = (array("i"), set())
        if name not in kept[1]:
            kept[1].add(name)
            kept[0].append(i)
    index.alias_blob = "\0".join(entries)
    index.alias_starts = array("i", accumulate((len(k) + 1 for k in entries), initial=0))
    index.alias_entries = [positions for positions, _ in entries.values()]


def _alias_entries(index: _Index, key: str) -> Iterator[int]:
    """Positions in ``index.aliases`` (ascending) of the entries whose alias key holds
    ``key``: every entry that could name someone new, in the order a pass over every alias
    would find them."""
    matching = _containing(index.alias_blob, index.alias_starts, key, 0) or []
    if len(matching) == 1:
        return iter(index.alias_entries[matching[0]])
    return heapq.merge(*(index.alias_entries[k] for k in matching))


#: The fields of an :class:`_Index` built from the articles' rows (see _build_index).
_ARTICLE_FIELDS = (
    "articles", "article_keys", "article_dates", "slug_keys", "by_slug", "article_words",
    "article_vocab", "article_lengths", "length_order", "slug_order", "sorted_slug_keys",
    "slugs_folded", "vocab_blob", "vocab_starts",
)  # fmt: skip


#: The fields of an :class:`_Index` built from the people, quote counts and laps: what
#: :func:`_with_articles` keeps (the caches of what the store said start empty).
_PEOPLE_FIELDS = (
    "people", "exact", "ambiguous", "fuzzy_keys", "fuzzy_names", "fuzzy_filter", "word_pool",
    "aliases", "spellings", "people_keys", "name_words", "names", "people_norms", "name_word_keys",
    "alias_blob", "alias_starts", "alias_entries", "quote_count", "quote_ids", "quote_norm",
    "laps",
)  # fmt: skip

#: The fields that cache what the store said since the index was built: a new index starts
#: them empty. Every field of :class:`_Index` is in exactly one of these three tuples (a test
#: holds it), so a field added to one part is not lost when :func:`_with_articles` copies it.
_CACHE_FIELDS = (
    "word_counts", "prefix_counts", "quote_norms", "suggested", "vocab_hits", "digit_zones",
    "digit_edges", "digit_kept", "digit_pinned",
)  # fmt: skip


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


def _digit_parts(key: str) -> tuple[str, str]:
    """``digit_parts`` of an article key, with _SHORT for a key too short for the bound."""
    parts = digit_parts(key)
    return parts if parts is not None else (_SHORT, _SHORT)


def _warm_digit_parts(index: _Index, previous: _Index | None) -> None:
    """Work out the digit zones of the newest _ZONES_WARM articles and of the pools a typed
    date draws (:func:`_date_pools`), ``previous``'s kept for the keys it held: a worker
    thread's work, not a keystroke's."""
    keys = index.article_keys
    n = len(keys)
    zones: list[str | None] = [None] * n
    edges: list[str | None] = [None] * n
    was: dict[str, int] = {}
    if previous is not None and len(previous.digit_zones) == len(previous.article_keys):
        held = [i for i, zone in enumerate(previous.digit_zones) if zone is not None]
        was = dict(zip(map(previous.article_keys.__getitem__, held), held, strict=True))
    pinned = _date_pools(index)
    for i in chain(range(min(n, _ZONES_WARM)), pinned):
        j = was.get(keys[i])
        zone = edge = None
        if j is not None and previous is not None:
            zone, edge = previous.digit_zones[j], previous.digit_edges[j]
        if zone is None or edge is None:
            zone, edge = _digit_parts(keys[i])
        zones[i], edges[i] = zone, edge
    index.digit_zones, index.digit_edges = zones, edges
    index.digit_kept = min(n, _ZONES_WARM)
    index.digit_pinned = pinned


def _date_pools(index: _Index) -> list[int]:
    """The articles past the newest _ZONES_WARM in the fuzzy pool of any year of the
    articles' dates, ascending.

    A date or slug prefix ("2012-08-30-s") draws the pool of its year, the 3,000 newest
    articles holding a word that starts like it: at 100,000 articles those of "201x" and
    "200x" lie 20,000-64,000 back, and the first such keystroke after a refresh worked out
    3,000 zones on the event loop (1.2 µs each: 5-6 ms, the bench's p99). A few thousand
    zones more (about 1 MB at 100,000 articles) are worked out here instead.
    """
    dates = index.article_dates
    years: set[str] = set()
    at = 0
    while at < len(dates):  # newest first: one bisect per year
        year = dates[at][:4]
        years.add(year)
        at = _first_below(dates, year)
    pinned: set[int] = set()
    for year in years:
        if len(year) == 4 and year.isdigit():
            pool = _fuzzy_pool(index, year)
            if pool is not None:
                pinned.update(i for i in pool if i >= _ZONES_WARM)
    return sorted(pinned)


def _vocab_holding(index: _Index, word: str, *, every: bool = False) -> list[int] | None:
    """The headline words (``article_vocab`` indexes) holding ``word``; None when there
    are more than _MANY_WORDS, unless ``every``.

    Kept per index: at 100,000 articles one search of the vocabulary is 0.5 ms, a date
    prefix's keystroke searched its year ("2015") twice (its words, then the fuzzy pool),
    and the next keystroke searches it again.
    """
    if word in index.vocab_hits:
        kept = index.vocab_hits[word]
    else:
        if len(index.vocab_hits) > _VOCAB_KEPT:
            index.vocab_hits.clear()
        kept = index.vocab_hits[word] = _containing(
            index.vocab_blob, index.vocab_starts, word, _MANY_WORDS
        )
    if kept is None and every:
        return _containing(index.vocab_blob, index.vocab_starts, word, 0)
    return kept


def _fuzzy_pool(index: _Index, key: str) -> list[int] | None:
    """The articles a fuzzy autocomplete scores: all of a small store's; in a big one,
    those holding a word that starts like a word of ``key`` (or contains it), so a
    keystroke never scores 100,000 headlines. None means every article."""
    if len(index.articles) <= ARTICLE_SCAN_ALL:
        return None
    vocab: set[int] = set()
    for word in {w for w in key.split() if len(w) >= 3}:
        vocab.update(starting_with(index.article_vocab, word[:3]))
        vocab.update(_vocab_holding(index, word, every=True) or ())
    # Postings ascend: the pool's first ARTICLE_POOL are among each one's first.
    return index.article_words.smallest(vocab, ARTICLE_POOL)


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


class Lookup:
    """The store and the indexes every kind of answer resolves names and articles through."""

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

    async def quote_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """How many quotes hold each word (0 for none), kept until the store changes."""
        index = self.index
        missing = [t for t in dict.fromkeys(terms) if t not in index.word_counts]
        if missing:
            found = await self.store.quote_term_counts(missing)
            if len(index.word_counts) > _COUNTS_KEPT:
                index.word_counts.clear()
            index.word_counts.update((t, found.get(t, 0)) for t in missing)
        return {t: index.word_counts.get(t, 0) for t in terms}

    async def prefix_count(self, prefix: str, cap: int) -> int:
        """How many quotes hold a word starting with ``prefix``, up to ``cap``; kept too."""
        index = self.index
        key = (prefix, cap)
        if key not in index.prefix_counts:
            if len(index.prefix_counts) > _COUNTS_KEPT:
                index.prefix_counts.clear()
            index.prefix_counts[key] = await self.store.quotes_with_prefix(prefix, cap)
        return index.prefix_counts[key]

    def normalised_texts(self, rows: Sequence[tuple[int, str]]) -> dict[int, str]:
        """Each quote's text normalised (:func:`normalise`), kept until the store changes."""
        kept = self.index.quote_norms
        if len(kept) > _NORMS_KEPT:
            kept.clear()
        found: dict[int, str] = {}
        for quote_id, text in rows:
            norm = kept.get(quote_id)
            if norm is None:
                norm = kept[quote_id] = normalise(text)
            found[quote_id] = norm
        return found

    # -- resolving names and articles ------------------------------------------------------

    def spellings(self, name: str) -> tuple[str, ...]:
        """Every name the store holds ``name`` under: itself, then any other spelling a
        store written before migration 0010 keeps as a second person ("Kevin Estre")."""
        return (name, *self.index.spellings.get(name, ()))

    def resolve_person(self, text: str) -> str | None:
        """Full name for a full name, surname, first name, alias or small typo; else None."""
        key = normalise(clean(text, 200))
        if not key:
            return None
        index = self.index
        if key in index.exact:
            return index.exact[key]
        if key.endswith("s") and key[:-1] in index.exact:  # a possessive: "Russell's"
            return index.exact[key[:-1]]
        if key in index.ambiguous or len(key) < 4 or not index.fuzzy_keys:
            return None
        best = process.extract(key, index.fuzzy_keys, scorer=fuzz.ratio, limit=2,
                               score_cutoff=PERSON_CUTOFF)  # fmt: skip
        if not best:
            return None
        names = {index.fuzzy_names[i] for _, score, i in best if score >= best[0][1] - 1e-9}
        return names.pop() if len(names) == 1 else None

    def suggest_people(
        self, text: str, limit: int = 5, *, cutoff: float = SUGGEST_CUTOFF
    ) -> tuple[str, ...]:
        """Names close to ``text``, best first, for a NotFound's "did you mean"."""
        key = normalise(clean(text, 200))
        index = self.index
        if not key or not index.fuzzy_keys:
            return ()
        memo = (key, limit, cutoff)
        kept = index.suggested.get(memo)
        if kept is None:
            kept = self._suggest(index, key, limit, cutoff)
            if len(index.suggested) > _COUNTS_KEPT:
                index.suggested.clear()
            index.suggested[memo] = kept
        return kept

    @staticmethod
    def _suggest(index: _Index, key: str, limit: int, cutoff: float) -> tuple[str, ...]:
        """:meth:`suggest_people` for a normalised key, worked out."""
        names: list[str] = list(index.ambiguous.get(key, ()))
        if len(names) >= limit:
            # A surname many share ("Glock"): its people fill the suggestions before any
            # fuzzy match could, so the fuzzy pass (most of a NotFound's time) is skipped.
            return tuple(names[:limit])
        # Only the keys that could reach the cutoff are scored, in their order: the same
        # suggestions, in a fraction of the time (see bot/answers/_fuzzy_filter.py).
        # A few letters of one name (autocomplete's "Geor") have a tighter pool of their own.
        pool = index.word_pool.candidates(key, cutoff) if index.word_pool else None
        if pool is None and index.fuzzy_filter:
            pool = index.fuzzy_filter.candidates(key, cutoff)
        keys = index.fuzzy_keys if pool is None else [index.fuzzy_keys[i] for i in pool]
        found = process.extract(key, keys, scorer=fuzz.WRatio, limit=limit * 3,
                                score_cutoff=cutoff)  # fmt: skip
        for _, _, i in found:
            name = index.fuzzy_names[i if pool is None else pool[i]]
            if name not in names:
                names.append(name)
        return tuple(names[:limit])

    def complete_people(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete: full-name prefixes, then name-word prefixes, aliases, then fuzzy.

        Runs on every keystroke, so each step reads precomputed, sorted keys and stops as
        soon as ``limit`` names are picked (later ones could never be shown).
        """
        index = self.index
        key = normalise(clean(current, 100))
        picked: list[tuple[str, str]] = []  # (full name, label)
        seen: set[str] = set()

        def add(name: str, label: str | None = None) -> None:
            if name not in seen:
                seen.add(name)
                picked.append((name, label or name))

        if not key:
            for name in index.names[:limit]:
                add(name)
        else:
            for i in starting_with(index.people_norms, key):
                add(index.people_keys[i][1])
                if len(picked) >= limit:
                    break
            if len(picked) < limit:
                start = bisect_left(index.name_word_keys, (key,))
                hits = set()
                for word, i in index.name_word_keys[start:]:
                    if not word.startswith(key):
                        break
                    hits.add(i)
                for i in sorted(hits):
                    add(index.people_keys[i][1])
            if len(picked) < limit:
                for i in _alias_entries(index, key):
                    _alias_key, alias, name = index.aliases[i]
                    add(name, f"{name} ({alias})")
                    if len(picked) >= limit:
                        break
            if len(key) >= 3 and len(picked) < limit:
                for name in self.suggest_people(current, limit, cutoff=COMPLETE_CUTOFF):
                    add(name)
        return [Choice(label[:100], name[:100]) for name, label in picked[:limit]]

    def complete_articles(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete articles, newest first: date or slug prefix, headline words, fuzzy."""
        index = self.index
        text = clean(current, 100).casefold()
        key = normalise(text)
        picked: list[ArticleSummary] = []
        if not key:
            picked = index.articles[:limit]
        else:
            picked = [index.articles[i] for i in self._articles_matching(text, key, limit)]
            if len(picked) < limit and len(key) >= 4 and not key.replace(" ", "").isdigit():
                pool = self._digit_pool(key, self._fuzzy_pool(key))
                keys = index.article_keys if pool is None else [index.article_keys[i] for i in pool]
                extra = process.extract(key, keys, scorer=fuzz.partial_ratio,
                                        limit=limit, score_cutoff=ARTICLE_CUTOFF)  # fmt: skip
                for _, _, i in extra:
                    article = index.articles[i if pool is None else pool[i]]
                    if article not in picked:
                        picked.append(article)
        return [
            Choice(shorten(f"{a.published.isoformat()} {a.headline}", 100), a.slug[:100])
            for a in picked[:limit]
        ]

    def _articles_matching(self, text: str, key: str, limit: int) -> list[int]:
        """The first ``limit`` articles (newest first) whose date or slug starts with
        ``text`` or whose key holds every word of ``key``: what a pass over every article
        finds, read from sorted keys and word postings instead (100,000 articles: a pass
        took tens of milliseconds a keystroke when few matched)."""
        index = self.index
        found: set[int] = set()
        # Dates run newest first: those starting with the text are one run of them.
        lo = _first_below(index.article_dates, text + _LAST)
        hi = _first_below(index.article_dates, text)
        found.update(range(lo, min(hi, lo + limit)))
        a = bisect_left(index.sorted_slug_keys, text)
        b = bisect_left(index.sorted_slug_keys, text + _LAST)
        run = iter(index.slug_order[a:b])
        if not index.slugs_folded:
            run = (i for i in run if index.articles[i].slug.startswith(text))
        found.update(heapq.nsmallest(limit, run))
        found.update(self._articles_with_words(key.split(), limit))
        return sorted(found)[:limit]

    def _articles_with_words(self, words: list[str], limit: int) -> list[int]:
        """The first ``limit`` articles whose key holds every word (as a substring).

        The candidates (the postings of the headline words holding the longest typed word,
        or every article) are read a slice of indexes at a time, smallest first, each slice
        merged and tested word by word at C speed (``str.__contains__`` over the keys): a
        date prefix such as "2015-05-08-s" holds "05" and "08" in most keys of 2015, and
        testing them one candidate at a time in Python took 7-10 ms at 100,000 articles."""
        index = self.index
        driver = max(words, key=len)
        # Longest first: a longer word is held by fewer keys, so fewer are tested for the rest.
        others = sorted((w for w in words if w is not driver), key=len, reverse=True)
        vocab = self._vocab_holding(driver)
        postings: list[Sequence[int]] | None = None
        if vocab is None:  # a word in most articles: the next ones in order will hold it
            others = words
        else:
            postings = [index.article_words.at(v) for v in vocab]
        keys = index.article_keys
        total = len(index.articles)
        hits: list[int] = []
        lo, step = 0, _SCAN_SLICE
        while lo < total and len(hits) < limit:
            hi = min(total, lo + step)
            chunk: Sequence[int]
            if postings is None:
                chunk = range(lo, hi)
            else:
                found: set[int] = set()
                for p in postings:
                    found.update(p[bisect_left(p, lo) : bisect_left(p, hi)])
                chunk = sorted(found)
            for at in range(0, len(chunk), _SCAN_SLICE):  # a year's 4,000 hold 25 early
                part = chunk[at : at + _SCAN_SLICE]
                for w in others:
                    if not part:
                        break
                    held = map(str.__contains__, map(keys.__getitem__, part), repeat(w))
                    part = list(compress(part, held))
                hits.extend(part)
                if len(hits) >= limit:
                    break
            lo, step = hi, step * 2
        return hits[:limit]

    def _vocab_holding(self, word: str, *, every: bool = False) -> list[int] | None:
        """See :func:`_vocab_holding`."""
        return _vocab_holding(self.index, word, every=every)

    def _fuzzy_pool(self, key: str) -> list[int] | None:
        """See :func:`_fuzzy_pool`."""
        return _fuzzy_pool(self.index, key)

    def _digit_pool(self, key: str, pool: list[int] | None) -> list[int] | None:
        """The articles of ``pool`` (None: all) that could reach ARTICLE_CUTOFF against a
        typed ``key`` whose digits must be matched (a date or slug prefix), ascending: the
        rest are not scored, so the suggestions are the same (see ``digit_needs``)."""
        needs = digit_needs(key, ARTICLE_CUTOFF)
        if needs is None:
            return pool
        index = self.index
        positions: Sequence[int] = range(len(index.articles)) if pool is None else pool
        if len(index.digit_zones) != len(index.articles):  # an index built without them
            index.digit_zones = [None] * len(index.articles)
            index.digit_edges = [None] * len(index.articles)
            index.digit_kept = 0
        zones_of, edges_of = index.digit_zones, index.digit_edges
        zones = list(map(zones_of.__getitem__, positions))
        if None in zones:
            zones, edges = self._fill_digit_parts(positions)
        else:
            edges = list(map(edges_of.__getitem__, positions))
        full, edge = needs
        kept = {i for _, _, i in process.extract(key, zones, scorer=LCSseq.similarity,
                                                 limit=None, score_cutoff=full)}  # fmt: skip
        kept.update(i for _, _, i in process.extract(key, edges, scorer=LCSseq.similarity,
                                                     limit=None, score_cutoff=edge))  # fmt: skip
        if _SHORT in zones:
            kept.update(i for i, zone in enumerate(zones) if zone is _SHORT)
        return [positions[i] for i in sorted(kept)]

    def _fill_digit_parts(
        self, positions: Sequence[int]
    ) -> tuple[list[str | None], list[str | None]]:
        """Work out the digit zones and edges of the articles at ``positions`` that lack
        them (kept while no more than _ZONES_KEPT are); return theirs at ``positions``."""
        index = self.index
        zones_of, edges_of = index.digit_zones, index.digit_edges
        keys = index.article_keys
        for i in positions:
            if zones_of[i] is None:
                zones_of[i], edges_of[i] = _digit_parts(keys[i])
                index.digit_kept += 1
        zones = list(map(zones_of.__getitem__, positions))
        edges = list(map(edges_of.__getitem__, positions))
        if index.digit_kept > _ZONES_KEPT:  # over the bound: the newest and pinned stay
            pinned = index.digit_pinned
            held = [(zones_of[i], edges_of[i]) for i in pinned]
            for i in range(_ZONES_WARM, len(zones_of)):
                zones_of[i] = edges_of[i] = None
            for i, (zone, edge) in zip(pinned, held, strict=True):
                zones_of[i], edges_of[i] = zone, edge
            index.digit_kept = min(len(zones_of), _ZONES_WARM)
        return zones, edges

    def resolve_article(self, text: str | None) -> ArticleSummary | None:
        """The article a slug, slug prefix, date or headline words name; None text → newest."""
        index = self.index
        if not index.articles:
            return None
        raw = clean(text or "", 300)
        if not raw:
            return index.articles[0]
        low = raw.casefold()
        # The newest article with this slug (any case): the first of its run in slug order.
        at = bisect_left(index.sorted_slug_keys, low)
        if at < len(index.sorted_slug_keys) and index.sorted_slug_keys[at] == low:
            return index.articles[index.slug_order[at]]
        date_match = re.match(r"^(\d{4}-\d{2}-\d{2})\b\s*(.*)$", raw)
        if date_match:
            # That day's articles, newest first: one run of the dates (sorted newest first).
            day = date_match[1]
            same_day = index.articles[
                _first_below(index.article_dates, day + "\0") : _first_below(
                    index.article_dates, day
                )
            ]
            rest = normalise(date_match[2])
            for article in same_day:
                if not rest or all(w in normalise(article.headline) for w in rest.split()):
                    return article
            if same_day and not rest:
                return same_day[0]
        prefixed = list(itertools.islice(starting_with(index.sorted_slug_keys, low), 2))
        if len(prefixed) == 1:
            return index.articles[index.slug_order[prefixed[0]]]
        key = normalise(raw)
        if not key:
            return None
        words = key.split()
        # The first article in which every word starts a word (what ``\bword`` finds in
        # its key), from the words' postings rather than a pass over every article.
        having: set[int] | None = None
        for word in words:
            starting = set()
            for v in starting_with(index.article_vocab, word):
                starting.update(index.article_words.at(v))
            having = starting if having is None else having & starting
            if not having:
                break
        if having:
            return index.articles[min(having)]
        # Only articles that share a word with the text, or whose words are short enough,
        # can reach the cutoff (with no word shared the score is a plain ratio of the two
        # word lists, at most 2 * shorter / both lengths); scoring only those finds the same
        # best article as scoring all 10,000, in order, in a fraction of the time.
        mine = " ".join(sorted(set(key.split())))
        pool = {i for w in set(key.split()) for i in index.article_words.get(w, ())}
        short = bisect_right(index.article_lengths, int(1.5 * len(mine)))
        pool.update(index.length_order[:short])
        ordered = sorted(pool)
        choices = [index.article_keys[i] for i in ordered]
        best = process.extractOne(key, choices, scorer=fuzz.token_set_ratio,
                                  score_cutoff=ARTICLE_CUTOFF)  # fmt: skip
        return index.articles[ordered[best[2]]] if best else None

    def article_not_found(self, text: str) -> NotFound:
        suggestions = tuple(c.name for c in self.complete_articles(text, 5))
        if not self.index.articles:
            return NotFound("No articles have been loaded yet.")
        return NotFound(f"No article matches “{shorten(clean(text, 200))}”.", suggestions)

    def person_in(self, text: str) -> str | None:
        """A person named anywhere in free text: exact names/aliases first, then typos."""
        words = normalise(text).split()
        index = self.index
        team = self.team_name_words(words)  # "aston martins ...": the team's, no name
        for size in (4, 3, 2, 1):
            for start in range(len(words) - size + 1):
                key = " ".join(words[start : start + size])
                if team.intersection(range(start, start + size)):
                    continue
                if key in index.exact and not (size == 1 and key in _STOPWORDS):
                    return index.exact[key]
        for i, word in enumerate(words):
            if len(word) >= 5 and word not in _STOPWORDS and i not in team:
                name = self.resolve_person(word)
                if name:
                    return name
        return None

    def team_name_words(self, tokens: Sequence[str]) -> set[int]:
        """Where a question's words spell a team's name of two or three words, possessive or
        not ("whos aston martins trackside engineering director"): those words name the team,
        never a person by one of them ("martins" is no Victor Martins there). A span that is
        also a stored person's full name ("joe gibbs") stays a name."""
        from bot.ingest.resolve import default_register  # the register loads on first use

        register = default_register()
        found: set[int] = set()
        for size in (3, 2):
            for start in range(len(tokens) - size + 1):
                words = list(tokens[start : start + size])
                if words[-1].endswith("s") and len(words[-1]) > 3:
                    forms = (" ".join(words), " ".join([*words[:-1], words[-1][:-1]]))
                else:
                    forms = (" ".join(words),)
                if any(f in self.index.exact for f in forms):
                    continue
                if any(register.organisations(f) for f in forms):
                    found.update(range(start, start + size))
        return found

    def people_by_role(self, text: str) -> tuple[str, ...]:
        """People a role names ("the Yamaha boss", "Toyota's team principal", "the team
        owner"): a boss word (or the role's own words) and the team's words, matched against
        the role and team the articles give each person. Nobody when it names no boss."""
        words = [w.removesuffix("s") if w.endswith("s") and len(w) > 4 else w
                 for w in normalise(text).split() if w not in ("the", "a", "an", "of")]  # fmt: skip
        boss = [w for w in words if w in _BOSS_WORDS]
        if not boss:
            return ()
        rest = [w for w in words if w not in _BOSS_WORDS and w not in ("team", "race", "racing")]
        found = []
        for person in self.index.people.values():
            role = set(normalise(person.role or "").split())
            team = normalise(person.team or "").split()
            named = set(boss) & _ROLE_BOSS - {"boss", "chief", "head"}
            if not (role & named if named else role & _ROLE_BOSS):
                continue  # "the team owner" is an owner; "the boss" any of them
            if rest and not all(any(t.startswith(w) for t in team) for w in rest):
                continue
            found.append(person.name)
        return tuple(sorted(found))

    # -- commands ------------------------------------------------------------------------

    def article_named(self, text: str, *, skip_names: bool = False) -> str | None:
        """The slug of an article that leftover words of a question name, if any.

        With ``skip_names``, words that name a person are ignored: a name in a headline must
        not pin a question about that person to that one story.
        """
        words = [w for w in normalise(text).split() if w not in _STOPWORDS]
        if skip_names:
            words = [w for w in words if w not in self.index.name_words]
        if not words:
            return None
        found = self.resolve_article(" ".join(words))
        return found.slug if found else None


class Part:
    """One kind of answer: the store and the shared lookup, and the reads they all need."""

    lookup: Lookup

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup

    @property
    def store(self) -> Store:
        return self.lookup.store

    @property
    def _index(self) -> _Index:
        return self.lookup.index

    async def _statement(self, quote: Quote) -> tuple[Quote, ...]:
        """Every part of the statement ``quote`` belongs to, in order."""
        if quote.source is None:
            return (quote,)
        parts = await self.store.statement(quote.source.slug, quote.statement)
        return tuple(parts) or (quote,)
