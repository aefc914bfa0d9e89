"""The shared lookup: in-memory indexes of people, articles and quotes, and name resolving.

Every kind of answer reads names and articles through one :class:`Lookup`, rebuilt whole by
:meth:`Lookup.refresh` (at start and after every ingest) so autocomplete and fuzzy matching
never wait on SQL.

Where things are: this module holds the facade ``Lookup`` (with what the store said of
quotes, kept until it changes), ``Part`` (what every kind of answer is built on) and the
names other modules import. ``Lookup`` gathers ``_refresh`` (the index built from the
store's rows and swapped in), ``_people`` (the people's index; names resolved, suggested and
completed), ``_articles`` (an article named; article autocomplete) and ``_pools`` (the
articles a fuzzy autocomplete scores, digit zones). The index itself is ``_index``'s
``_Index``; its article part is built by ``_article_index`` (and updated there when a few
articles arrive), in the flat sequences of ``_compact``; ``_fuzzy_filter`` bounds which keys
a fuzzy match can reach; ``_search`` holds the sorted-key searches and stop words all share.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers.lookup._article_index import _SEPARATOR as _SEPARATOR
from bot.answers.lookup._article_index import _normalise_all as _normalise_all
from bot.answers.lookup._articles import Articles
from bot.answers.lookup._index import _ARTICLE_FIELDS as _ARTICLE_FIELDS
from bot.answers.lookup._index import _CACHE_FIELDS as _CACHE_FIELDS
from bot.answers.lookup._index import _COUNTS_KEPT, _NORMS_KEPT, _Index
from bot.answers.lookup._index import _PEOPLE_FIELDS as _PEOPLE_FIELDS
from bot.answers.lookup._people import People
from bot.answers.lookup._pools import _MANY_WORDS as _MANY_WORDS
from bot.answers.lookup._pools import ARTICLE_CUTOFF as ARTICLE_CUTOFF
from bot.answers.lookup._pools import _fuzzy_pool as _fuzzy_pool
from bot.answers.lookup._refresh import SCAN_ALL, Refreshing
from bot.answers.lookup._refresh import _build_index as _build_index
from bot.answers.lookup._search import STOPWORDS, starting_with
from bot.answers.lookup._search import _containing as _containing
from bot.answers.text import normalise
from bot.models import Quote
from bot.store import Store

__all__ = ["SCAN_ALL", "STOPWORDS", "Lookup", "Part", "starting_with"]


class Lookup(People, Articles, Refreshing):
    """The store and the indexes every kind of answer resolves names and articles through."""

    store: Store
    index: _Index

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
