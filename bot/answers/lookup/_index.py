"""The answer index's record, :class:`_Index`: everything ``Lookup.refresh`` builds, the
three groups its fields fall in (articles, people, caches), and the bounds of its caches.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.answers.lookup._compact import AliasEntries
from bot.answers.lookup._fuzzy_filter import CharFilter, WordPool
from bot.answers.lookup._postings import _BySlug, _no_postings, _Postings
from bot.models import ArticleSummary, Person

#: Word and prefix counts kept per index at most (a bound for a bot that never restarts).
_COUNTS_KEPT = 50_000
_NORMS_KEPT = 20_000


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
    #: The fuzzy pools of article autocomplete by the typed words they were drawn for (see
    #: :func:`_fuzzy_pool`), since this index was built.
    fuzzy_pools: dict[tuple[str, ...], Sequence[int]] = field(default_factory=dict)
    #: Each article's digit zone and edges (see ``digit_parts``; None: not worked out yet):
    #: the newest _ZONES_WARM with the index, others the first time a fuzzy pool holds them
    #: (up to _ZONES_KEPT in all, ``digit_kept``, besides those of ``digit_pinned``).
    digit_zones: list[str | None] = field(default_factory=list)
    digit_edges: list[str | None] = field(default_factory=list)
    digit_kept: int = 0
    #: Articles past the newest _ZONES_WARM whose zones are worked out with the index and
    #: kept: the fuzzy pools of the years of the articles' dates (see :func:`_date_pools`).
    digit_pinned: list[int] = field(default_factory=list)


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
    "word_counts", "prefix_counts", "quote_norms", "suggested", "vocab_hits", "fuzzy_pools",
    "digit_zones",
    "digit_edges", "digit_kept", "digit_pinned",
)  # fmt: skip
