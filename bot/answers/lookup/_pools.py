"""The articles an article autocomplete scores fuzzily, so a keystroke never scores 100,000
headlines: every article of a small store; in a big one, those holding a word that starts
like a typed word (:func:`_fuzzy_pool`); and of those, for a typed date or slug prefix, only
the ones whose digits could match (their digit zones, worked out with the index or the first
time a pool holds them).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import chain

from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from bot.answers.lookup._fuzzy_filter import digit_needs, digit_parts
from bot.answers.lookup._index import _Index
from bot.answers.lookup._search import _containing, _first_below, starting_with

ARTICLE_CUTOFF = 80.0
#: Up to this many articles, a fuzzy autocomplete scores them all; past it, at most
#: ARTICLE_POOL that share a word start with what was typed.
ARTICLE_SCAN_ALL = 2000
ARTICLE_POOL = 3000
#: A typed word inside more distinct headline words than this is in most articles.
_MANY_WORDS = 200
#: Typed words whose vocabulary search is kept per index at most (each up to _MANY_WORDS
#: indexes: a few MB at worst).
_VOCAB_KEPT = 2_000
#: Fuzzy pools kept per index at most (an array of up to ARTICLE_POOL ints each: 12 KB).
_POOLS_KEPT = 64
#: Newest articles whose digit zones are worked out with the index (a first date typed after
#: a refresh would otherwise cut 3,000 of them: 1.2 µs each), and how many are kept at most
#: (about 250 bytes each); past that, a pool's missing zones are cut and not kept.
_ZONES_WARM = 10_000
_ZONES_KEPT = 20_000
#: Marks, among the gathered zones, an article whose key is too short for the digit bound.
_SHORT = "\x00"


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


def _fuzzy_pool(index: _Index, key: str) -> Sequence[int] | None:
    """The articles a fuzzy autocomplete scores: all of a small store's; in a big one,
    those holding a word that starts like a word of ``key`` (or contains it), so a
    keystroke never scores 100,000 headlines. None means every article.

    Kept per index by the typed words it depends on: a date or slug prefix draws its
    year's pool (0.25-0.35 ms to gather at 100,000 articles) at every keystroke, and
    ``_date_pools`` gathers each year's once with the index."""
    if len(index.articles) <= ARTICLE_SCAN_ALL:
        return None
    words = tuple(sorted({w for w in key.split() if len(w) >= 3}))
    kept = index.fuzzy_pools.get(words)
    if kept is not None:
        return kept
    vocab: set[int] = set()
    for word in words:
        vocab.update(starting_with(index.article_vocab, word[:3]))
        vocab.update(_vocab_holding(index, word, every=True) or ())
    # Postings ascend: the pool's first ARTICLE_POOL are among each one's first.
    pool = array("i", index.article_words.smallest(vocab, ARTICLE_POOL))
    if len(index.fuzzy_pools) >= _POOLS_KEPT:
        index.fuzzy_pools.clear()
    index.fuzzy_pools[words] = pool
    return pool


class Pools:
    """The pools :class:`Lookup`'s article autocomplete scores a typed text against."""

    index: _Index

    def _vocab_holding(self, word: str, *, every: bool = False) -> list[int] | None:
        """See :func:`_vocab_holding`."""
        return _vocab_holding(self.index, word, every=every)

    def _fuzzy_pool(self, key: str) -> Sequence[int] | None:
        """See :func:`_fuzzy_pool`."""
        return _fuzzy_pool(self.index, key)

    def _digit_pool(self, key: str, pool: Sequence[int] | None) -> Sequence[int] | None:
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
