"""The articles' part of the lookup: the article a slug, a date or headline words name, and
article autocomplete (date or slug prefix, headline words, then fuzzy over the pools of
``_pools``).
"""

from __future__ import annotations

import heapq
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz, process

from bot.answers.lookup._pools import ARTICLE_CUTOFF, Pools
from bot.answers.lookup._search import _STOPWORDS, _first_below, starting_with
from bot.answers.records import Choice, NotFound
from bot.answers.text import clean, normalise, shorten
from bot.models import ArticleSummary

#: Candidates tested at once by _articles_with_words at first (the slice doubles after).
_SCAN_SLICE = 512
_LAST = "\U0010ffff"
#: A second word's postings are met with the first's only when they are at most this many
#: times as many (past that, testing the first's keys for the word costs less).
_PAIR = 4


class Articles(Pools):
    """The articles' part of :class:`Lookup`: articles resolved and completed."""

    def complete_articles(self, current: str, limit: int = 25) -> list[Choice]:
        """Autocomplete articles, newest first: date or slug prefix, headline words, fuzzy."""
        index = self.index
        text = clean(current, 100).casefold()
        key = normalise(text)
        picked: list[ArticleSummary] = []
        if not key:
            picked = index.articles[:limit]
        else:
            matching = self._articles_matching(text, key, limit)
            picked = [index.articles[i] for i in matching]
            if len(picked) < limit and len(key) >= 4 and not key.replace(" ", "").isdigit():
                pool = self._digit_pool(key, self._fuzzy_pool(key))
                keys = index.article_keys if pool is None else [index.article_keys[i] for i in pool]
                extra = process.extract(key, keys, scorer=fuzz.partial_ratio,
                                        limit=limit, score_cutoff=ARTICLE_CUTOFF)  # fmt: skip
                # Told apart by position (each article is at one): "article not in picked"
                # compared summaries field by field, about 450 times a keystroke.
                taken = set(matching)
                for _, _, i in extra:
                    at = i if pool is None else pool[i]
                    if at not in taken:
                        taken.add(at)
                        picked.append(index.articles[at])
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
        # Read backwards: slugs that start with their date sort oldest first, so the run's
        # positions (newest first) fall, and nsmallest forward replaced its heap's top at
        # every one (2 ms for a year's 4,000 at 100,000 articles, 33 ms for all of them);
        # backwards each is one comparison. The same positions either way (each is unique).
        run: Iterator[int] = reversed(index.slug_order[a:b])
        if not index.slugs_folded:
            run = (i for i in run if index.articles[i].slug.startswith(text))
        found.update(heapq.nsmallest(limit, run))
        found.update(self._articles_with_words(key.split(), limit))
        return sorted(found)[:limit]

    def _articles_with_words(self, words: list[str], limit: int) -> list[int]:
        """The first ``limit`` articles whose key holds every word (as a substring).

        A word is in a key when it is inside one of the key's words (keys are words joined
        by single spaces), so the articles holding it are the postings of the headline
        words holding it. The candidates are the articles in the postings of the two words
        with the fewest (or every article, when each typed word is in most headlines), read
        a slice of indexes at a time, smallest first; each slice is tested for the other
        words key by key. A date prefix such as "2015-05-08-s" tests the year's 4,000 keys
        for "05" and "08" (1.3 ms at 100,000 articles; their words are too many to read
        postings from), so the test is the cheapest Python has (see below)."""
        index = self.index
        postings = index.article_words
        listed: list[tuple[int, str, list[int]]] = []  # (articles in all, word, its words)
        for word in dict.fromkeys(words):
            vocab = self._vocab_holding(word)
            if vocab is not None:
                listed.append((postings.total(vocab), word, vocab))
        listed.sort(key=lambda held: held[0])
        if len(listed) > 1 and listed[1][0] > _PAIR * listed[0][0]:
            listed = listed[:1]  # the second word's postings cost more than testing its keys
        drivers = [[postings.at(v) for v in vocab] for _, _, vocab in listed[:2]]
        led = {word for _, word, _ in listed[:2]}
        # Longest first: a longer word is held by fewer keys, so fewer are tested for the rest.
        others = sorted((w for w in dict.fromkeys(words) if w not in led), key=len, reverse=True)
        keys = index.article_keys
        total = len(index.articles)
        hits: list[int] = []
        lo, step = 0, _SCAN_SLICE
        while lo < total and len(hits) < limit:
            hi = min(total, lo + step)
            chunk: Sequence[int]
            if not drivers:  # every word is in most articles: the next ones in order hold them
                chunk = range(lo, hi)
            else:
                met: set[int] | None = None
                for lists in drivers:
                    found: set[int] = set()
                    for p in lists:
                        found.update(p[bisect_left(p, lo) : bisect_left(p, hi)])
                    met = found if met is None else met & found
                chunk = sorted(met or ())
            for at in range(0, len(chunk), _SCAN_SLICE):  # a year's 4,000 hold 25 early
                part = chunk[at : at + _SCAN_SLICE]
                for w in others:
                    if not part:
                        break
                    # A comprehension's ``in`` costs about 0.14 µs a key, map and compress
                    # over ``str.__contains__`` 0.22 (its method wrapper is called each time).
                    part = [i for i in part if w in keys[i]]
                hits.extend(part)
                if len(hits) >= limit:
                    break
            lo, step = hi, step * 2
        return hits[:limit]

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
