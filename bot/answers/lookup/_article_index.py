"""The answer index's article part: its full build, and its update when articles arrive or go.

:func:`bot.answers.lookup._build_index` builds the article part of the answer index from
every article's row (at start). A running bot takes in a few articles at a time (a
moderator's add, a feed poll): :func:`update_articles` builds the same index from the one
it replaces and only the rows that changed, instead of every row again. At 100,000
articles the full build took about 3 s of a worker thread, and its sorts and joins over
the whole index, each one C call, held the GIL and so the event loop 40-150 ms at a time
(issue 12). Here every pass over the whole index is a slice copy or a chunked map, so the
loop gets the GIL back every few milliseconds; only the new articles are normalised and
sorted in.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Sequence
from datetime import date
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TypeVar

from bot.answers.lookup._compact import Words
from bot.answers.lookup._postings import _BySlug, _Postings
from bot.answers.text import normalise
from bot.models import ArticleSummary

if TYPE_CHECKING:
    from bot.answers.lookup._index import _Index

__all__ = ["build_articles", "position_of", "update_articles"]

T = TypeVar("T")

#: Items remapped per C call: small enough that one call holds the GIL about a millisecond.
_CHUNK = 1 << 15


#: A word no text holds, between texts normalised together (checked: see _normalise_all).
_SEPARATOR = "qxzjsepqxzj"


#: Texts normalised together: long enough to pay one call's overhead, short enough that the
#: words it splits into (a list of small strings) stay a few hundred kilobytes.
_NORMALISE_CHUNK = 500


def _normalise_all(texts: Sequence[str]) -> list[str]:
    """:func:`normalise` of each text: a chunk of texts joined in one call (its steps are C
    calls over a string, so one longer string costs a fraction of 500 short calls: 0.75 s
    at start with 100,000 headlines). A text that held the separator word would split in
    two: then the chunk's count is off, and each of its texts is normalised alone."""
    keys: list[str] = []
    for at in range(0, len(texts), _NORMALISE_CHUNK):
        chunk = texts[at : at + _NORMALISE_CHUNK]
        # normalise's words are joined by single spaces: splitting at the separator with
        # its spaces gives each key as it is, not a copy to strip (100,000 strings less).
        joined = normalise(f" {_SEPARATOR} ".join(chunk)).split(f" {_SEPARATOR} ")
        if len(joined) == len(chunk) and not any(_SEPARATOR in k for k in joined):
            keys.extend(joined)
        else:
            keys.extend(normalise(t) for t in chunk)
    return keys


# -- the full build ----------------------------------------------------------------------------


def build_articles(index: _Index, rows: Sequence[Any], previous: _Index | None) -> None:
    """Give ``index`` its article part from every article's row, newest first (see
    ``bot.answers.lookup._build_index``), keeping ``previous``'s summaries and keys of the
    articles it holds unchanged.

    Peak memory (issue 12): the rows are let go one by one as they are turned into summaries,
    and the headlines are normalised a chunk at a time, so the transient objects (a row, its
    date's string, the text to normalise) never all live at once beside the index: at
    100,000 articles they were 40 MB of the bot's peak, and the heap they left interleaved
    with the index's strings stayed in the process.
    """
    if not isinstance(rows, list):
        rows = list(rows)
    known = {a.id: i for i, a in enumerate(previous.articles)} if previous else {}
    days: dict[str, date] = {}  # one date object per day, shared by its articles
    one_day: dict[str, str] = {}  # one string per day, shared by its articles
    articles: list[ArticleSummary] = []
    article_keys: list[str] = []
    article_dates: list[str] = []
    for at in range(0, len(rows), _NORMALISE_CHUNK):
        fresh: list[int] = []  # this chunk's articles whose key is still to be worked out
        texts: list[str] = []
        for j in range(at, min(at + _NORMALISE_CHUNK, len(rows))):
            r = rows[j]
            rows[j] = None  # the row goes now (the caller keeps no use for it)
            article_id, slug, day, headline, url = r[0], r[1], r[2], r[3], r[4]
            del r
            i = known.get(article_id)
            if previous is not None and i is not None:
                was = previous.articles[i]
                if (was.slug, previous.article_dates[i], was.headline, was.url) == (
                    slug, day, headline, url,
                ):  # fmt: skip
                    articles.append(was)
                    article_keys.append(previous.article_keys[i])
                    article_dates.append(one_day.setdefault(day, previous.article_dates[i]))
                    days.setdefault(day, was.published)
                    continue
            published = days.get(day)
            if published is None:
                published = days[day] = date.fromisoformat(day)
            day = published.isoformat() if len(day) != 10 else day
            articles.append(ArticleSummary(slug, published, headline, article_id, url))
            fresh.append(len(article_keys))
            texts.append(f"{headline} {slug}")
            article_keys.append("")
            article_dates.append(one_day.setdefault(day, day))
        for i, key in zip(fresh, _normalise_all(texts), strict=True):
            article_keys[i] = key
    rows.clear()
    index.articles, index.article_keys, index.article_dates = (
        articles, article_keys, article_dates,
    )  # fmt: skip
    index.slug_keys = [a.slug if (k := a.slug.casefold()) == a.slug else k for a in articles]
    # Word -> articles in two passes, counting then placing, straight into one array: a
    # list per word (1.3 million entries at 100,000 articles) was 15 MB more at the peak.
    counts: dict[str, int] = {}
    lengths = array("i")
    for akey in article_keys:
        words = set(akey.split())
        lengths.append(sum(map(len, words)) + len(words) - 1 if words else 0)
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    vocab = sorted(counts)
    starts = array("i", accumulate((counts[w] for w in vocab), initial=0))
    for v, word in enumerate(vocab):
        counts[word] = starts[v]  # from here: where the word's next article goes
    ids = array("i", bytes(4 * starts[-1]))
    for i, akey in enumerate(article_keys):
        for word in set(akey.split()):
            at = counts[word]
            ids[at] = i
            counts[word] = at + 1
    del counts
    _set_vocab(index, vocab, starts, ids)
    del vocab
    by_length = sorted(range(len(lengths)), key=lengths.__getitem__)
    index.article_lengths = array("i", [lengths[i] for i in by_length])
    index.length_order = array("i", by_length)
    del lengths, by_length
    slug_order = sorted(range(len(index.slug_keys)), key=index.slug_keys.__getitem__)
    index.sorted_slug_keys = [index.slug_keys[i] for i in slug_order]
    index.slug_order = array("i", slug_order)
    del slug_order
    index.by_slug = _BySlug(index.sorted_slug_keys, index.slug_order, articles)
    index.slugs_folded = all(a.slug == k for a, k in zip(articles, index.slug_keys, strict=True))


def _set_vocab(index: _Index, vocab: list[str], starts: array[int], ids: array[int]) -> None:
    """Give ``index`` its headline words (sorted) and their postings: the words held once,
    in the blob the substring search reads (:class:`Words`), not a ``str`` each."""
    words = Words.of(vocab)
    index.article_vocab = words
    index.article_words = _Postings(words, starts, ids)
    index.vocab_blob, index.vocab_starts = words.blob, words.starts


# -- the update ------------------------------------------------------------------------------


def position_of(index: _Index, slug: str) -> int:
    """Where the article with exactly this slug stands in ``index`` (newest first); -1."""
    low = slug.casefold()
    keys = index.sorted_slug_keys
    for at in range(bisect_left(keys, low), len(keys)):
        if keys[at] != low:
            break
        i = index.slug_order[at]
        if index.articles[i].slug == slug:
            return i
    return -1


def key_length(key: str) -> int:
    """The length of an article key's distinct words joined by spaces (what a fuzzy
    resolve's upper bound compares, see ``Lookup.resolve_article``)."""
    words = set(key.split())
    return sum(map(len, words)) + len(words) - 1 if words else 0


def _remapped(values: Sequence[int], remap: Sequence[int]) -> array[int]:
    """``remap[v]`` for each value, a chunk per C call (see _CHUNK)."""
    out = array("i")
    get = remap.__getitem__
    for at in range(0, len(values), _CHUNK):
        out.extend(map(get, values[at : at + _CHUNK]))
    return out


def _shifted(values: Sequence[int], delta: int) -> Iterator[int]:
    for at in range(0, len(values), _CHUNK):
        yield from map(delta.__add__, values[at : at + _CHUNK])


def _spliced(old: Sequence[T], gone: Sequence[int], inserts: Sequence[tuple[int, T]]) -> list[T]:
    """``old`` without the items at the ``gone`` positions (ascending), with each insert's
    item placed before the old item at its position (inserts ascending, stable)."""
    out: list[T] = []
    at = 0
    events = sorted([(p, 1, i) for i, (p, _) in enumerate(inserts)] + [(p, 2, -1) for p in gone])
    for p, kind, i in events:
        out.extend(old[at:p])
        at = p
        if kind == 1:
            out.append(inserts[i][1])
        else:
            at = p + 1
    out.extend(old[at:])
    return out


def _insert_point(
    dates: Sequence[str], articles: Sequence[ArticleSummary], day: str, ident: int
) -> int:
    """The first position whose (date, id) is below ``(day, ident)``: the list runs newest
    first, by date then id, as the store's ``ORDER BY published DESC, id DESC``."""
    lo, hi = 0, len(articles)
    mine = (day, ident)
    while lo < hi:
        mid = (lo + hi) // 2
        if (dates[mid], articles[mid].id or 0) < mine:
            hi = mid
        else:
            lo = mid + 1
    return lo


def update_articles(
    index: _Index, previous: _Index, rows: Sequence[Any], gone_ids: Collection[int]
) -> None:
    """Give ``index`` the article part a full build would give it, from ``previous``'s and
    the rows that changed since (new or edited articles: (id, slug, published, headline,
    url)), without the articles whose id is in ``gone_ids`` (deleted from the store).

    ``previous`` is read, never changed: the loop answers from it meanwhile.
    """
    prev = previous
    n = len(prev.articles)
    gone: set[int] = set()
    fresh: list[tuple[str, int, str, str, str | None]] = []  # (day, id, slug, headline, url)
    for r in rows:
        article_id, slug, day, headline, url = r[0], r[1], r[2], r[3], r[4]
        at = position_of(prev, slug)
        if at >= 0:
            was = prev.articles[at]
            if (was.id, prev.article_dates[at], was.headline, was.url) == (
                article_id, day, headline, url,
            ):  # fmt: skip
                continue  # unchanged (a row read again: see Lookup.refresh)
            gone.add(at)
        fresh.append((day, article_id, slug, headline, url))
    if gone_ids:
        gone.update(i for i, a in enumerate(prev.articles) if a.id in gone_ids)
    # The new articles, newest first, each with the old position it goes before.
    fresh.sort(key=lambda f: (f[0], f[1]), reverse=True)
    days: dict[str, date] = {}
    added: list[ArticleSummary] = []
    added_dates: list[str] = []
    for day, article_id, slug, headline, url in fresh:
        published = days.get(day)
        if published is None:
            published = days[day] = date.fromisoformat(day)
        added.append(ArticleSummary(slug, published, headline, article_id, url))
        added_dates.append(published.isoformat() if len(day) != 10 else day)
    added_keys = _normalise_all([f"{a.headline} {a.slug}" for a in added])
    before = [_insert_point(prev.article_dates, prev.articles, d, f[1])
              for d, f in zip(added_dates, fresh, strict=True)]  # fmt: skip
    dropped = sorted(gone)
    # Old position -> new position (-1: gone), and each new article's new position.
    remap = array("i")
    events = sorted([(p, 1) for p in before] + [(p, 2) for p in dropped])
    shift, at = 0, 0
    for p, kind in events:
        remap.extend(range(at + shift, p + shift))
        at = p
        if kind == 1:
            shift += 1
        else:
            remap.append(-1)
            shift -= 1
            at = p + 1
    remap.extend(range(at + shift, n + shift))
    new_at = [b - bisect_left(dropped, b) + i for i, b in enumerate(before)]

    inserts_at = list(zip(before, range(len(added)), strict=True))
    index.articles = _spliced(prev.articles, dropped, [(b, added[i]) for b, i in inserts_at])
    index.article_keys = _spliced(prev.article_keys, dropped,
                                  [(b, added_keys[i]) for b, i in inserts_at])  # fmt: skip
    index.article_dates = _spliced(prev.article_dates, dropped,
                                   [(b, added_dates[i]) for b, i in inserts_at])  # fmt: skip
    added_slug_keys = [a.slug if (k := a.slug.casefold()) == a.slug else k for a in added]
    index.slug_keys = _spliced(prev.slug_keys, dropped,
                               [(b, added_slug_keys[i]) for b, i in inserts_at])  # fmt: skip

    _update_postings(index, prev, remap, dropped, added_keys, new_at)

    # Lengths, sorted, ties by position; then slugs, sorted, ties by position: the old
    # order stays sorted under the (increasing) remap; the gone leave, the new go in.
    lengths = array("i", prev.article_lengths)
    order = _remapped(prev.length_order, remap)
    slug_keys_sorted = list(prev.sorted_slug_keys)
    slug_order = _remapped(prev.slug_order, remap)
    if dropped:
        _drop_gone(order, lengths)
        _drop_gone(slug_order, slug_keys_sorted)
    for key, at in sorted(zip((key_length(k) for k in added_keys), new_at, strict=True)):
        lo, hi = bisect_left(lengths, key), bisect_right(lengths, key)
        spot = bisect_left(order, at, lo, hi)
        lengths.insert(spot, key)
        order.insert(spot, at)
    for key, at in sorted(zip(added_slug_keys, new_at, strict=True)):
        lo, hi = bisect_left(slug_keys_sorted, key), bisect_right(slug_keys_sorted, key)
        spot = bisect_left(slug_order, at, lo, hi)
        slug_keys_sorted.insert(spot, key)
        slug_order.insert(spot, at)
    index.article_lengths, index.length_order = lengths, order
    index.sorted_slug_keys, index.slug_order = slug_keys_sorted, slug_order
    index.by_slug = _BySlug(slug_keys_sorted, slug_order, index.articles)
    if prev.slugs_folded or not dropped:
        folded = prev.slugs_folded and all(
            a.slug == k for a, k in zip(added, added_slug_keys, strict=True)
        )
    else:
        folded = all(a.slug == k for a, k in zip(index.articles, index.slug_keys, strict=True))
    index.slugs_folded = folded


def _drop_gone(order: array[int], beside: list[Any] | array[int]) -> None:
    """Remove the -1 entries of ``order`` (articles gone) and the items beside them."""
    at = len(order)
    while True:
        try:
            at = order.index(-1)
        except ValueError:
            return
        del order[at]
        del beside[at]


def _update_postings(
    index: _Index,
    prev: _Index,
    remap: Sequence[int],
    dropped: Sequence[int],
    added_keys: Sequence[str],
    new_at: Sequence[int],
) -> None:
    """Word -> articles, from ``prev``'s: unchanged words' postings remapped a run at a
    time; the words of gone or new articles rebuilt one by one."""
    changed: dict[str, list[int]] = {}
    for p in dropped:
        for word in set(prev.article_keys[p].split()):
            changed.setdefault(word, [])
    for key, at in zip(added_keys, new_at, strict=True):
        for word in set(key.split()):
            changed.setdefault(word, []).append(at)
    old_words = prev.article_words.words
    old_starts, old_ids = prev.article_words.arrays()
    words: list[str] = []
    starts = array("i", [0])
    ids = array("i")
    v = 0  # the next old word not yet copied

    def copy_to(stop: int) -> None:
        nonlocal v
        if stop <= v:
            return
        words.extend(old_words[v:stop])
        delta = len(ids) - old_starts[v]
        ids.extend(_remapped(old_ids[old_starts[v] : old_starts[stop]], remap))
        starts.extend(_shifted(old_starts[v + 1 : stop + 1], delta))
        v = stop

    for word in sorted(changed):
        w = bisect_left(old_words, word, v)
        copy_to(w)
        posting = changed[word]
        if w < len(old_words) and old_words[w] == word:
            kept = [i for i in _remapped(prev.article_words.at(w), remap) if i >= 0]
            posting = sorted(kept + posting) if posting else kept
            v = w + 1
        else:
            posting.sort()
        if posting:
            words.append(word)
            ids.extend(posting)
            starts.append(len(ids))
    copy_to(len(old_words))
    _set_vocab(index, words, starts, ids)
