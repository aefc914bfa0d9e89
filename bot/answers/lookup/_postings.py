"""The article index's read-only mappings, held compact: word -> articles, slug -> article.

Read through sorted keys and flat arrays rather than dicts: at 100,000 articles a dict of
lists per word cost about 30 MB and a dict of slugs 4 MB (issue 12). Built by
:mod:`bot.answers.lookup._article_index`; the answers read them through ``_Index``.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Sequence
from typing import overload

from bot.answers.lookup._compact import Words
from bot.models import ArticleSummary

__all__ = ["_BySlug", "_Postings", "_no_postings"]


class _Postings:
    """Word -> the articles holding it (their indexes, ascending), as two flat arrays.

    A dict of lists cost about 30 MB at 100,000 articles (1.3 million entries, a list per
    word); the same postings one after another in an array of 4-byte ints cost 5 MB. Reads
    as a read-only mapping (``get``, ``[]``, ``in``) for the answers that look words up.
    """

    __slots__ = ("_ids", "_starts", "words")

    def __init__(self, words: Sequence[str], starts: array[int], ids: array[int]) -> None:
        self.words = words  # sorted (a Words view in an index: see bot/answers/lookup/_compact.py)
        self._starts = starts  # len(words) + 1 offsets into ids
        self._ids = ids

    def arrays(self) -> tuple[array[int], array[int]]:
        """The offsets and the ids themselves, for the update that copies unchanged words'
        postings a run at a time (``_article_index._update_postings``)."""
        return self._starts, self._ids

    def at(self, v: int) -> Sequence[int]:
        """The postings of the ``v``-th word (sorted order)."""
        return self._ids[self._starts[v] : self._starts[v + 1]]

    def total(self, vs: Collection[int]) -> int:
        """How many postings the words ``vs`` have in all (an article counted once a word)."""
        starts = self._starts
        return sum(starts[v + 1] - starts[v] for v in vs)

    def smallest(self, vs: Collection[int], n: int) -> list[int]:
        """The ``n`` smallest article indexes in the postings of the words ``vs``, ascending:
        ``sorted(set().union(*(self.at(v)[:n] for v in vs)))[:n]``, without copying every
        word's first ``n``.

        A word holding ``n`` articles bounds the answer: its ``n``-th is at least the
        answer's last, so only postings up to it are read. At 100,000 articles a date's
        year ("2015") starts about 1,100 words, each of the year words with thousands of
        postings, almost none below the newest year's: copying the first 3,000 of each
        into a set and sorting it took 1.5 ms a keystroke.
        """
        starts, ids = self._starts, self._ids
        bound: int | None = None
        for v in vs:
            if starts[v + 1] - starts[v] >= n > 0:
                last = ids[starts[v] + n - 1]
                bound = last if bound is None or last < bound else bound
        found: set[int] = set()
        for v in vs:
            a = starts[v]
            b = min(starts[v + 1], a + n)
            if bound is not None:
                if a == b or ids[a] > bound:
                    continue
                b = bisect_right(ids, bound, a, b)
            found.update(ids[a:b])
        return sorted(found)[:n]

    def _find(self, word: str) -> int:
        v = bisect_left(self.words, word)
        return v if v < len(self.words) and self.words[v] == word else -1

    @overload
    def get(self, word: str) -> Sequence[int] | None: ...
    @overload
    def get(self, word: str, default: Sequence[int]) -> Sequence[int]: ...
    def get(self, word: str, default: Sequence[int] | None = None) -> Sequence[int] | None:
        v = self._find(word)
        return default if v < 0 else self.at(v)

    def __getitem__(self, word: str) -> Sequence[int]:
        v = self._find(word)
        if v < 0:
            raise KeyError(word)
        return self.at(v)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word) >= 0

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)


class _BySlug:
    """Slug -> its article, read through the slug order (a dict cost 4 MB at 100,000)."""

    __slots__ = ("_articles", "_keys", "_order")

    def __init__(
        self, keys: list[str], order: Sequence[int], articles: Sequence[ArticleSummary]
    ) -> None:
        self._keys = keys  # casefolded slugs, sorted
        self._order = order  # the article of each
        self._articles = articles

    def get(self, slug: str, default: ArticleSummary | None = None) -> ArticleSummary | None:
        low = slug.casefold()
        for at in range(bisect_left(self._keys, low), len(self._keys)):
            if self._keys[at] != low:
                break
            article = self._articles[self._order[at]]
            if article.slug == slug:
                return article
        return default


def _no_postings() -> _Postings:
    return _Postings(Words.of([]), array("i", [0]), array("i"))
