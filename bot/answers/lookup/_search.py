"""Searches over sorted keys and over words joined in one string, and the stop words:
what the people's and the articles' lookups share.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

_STOPWORD_TEXT = (
    "a an the and or but of on in at to for with about after did does do is was were be been "
    "has have had what who whom whose which how why when where say said tell me please it "
    "that this he she they his her their him them i you we apologise apologize apology "
    "apologised apologized sorry quote quotes lap facts recap happened anyone anybody someone "
    "somebody everyone ever any there here really actually"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
STOPWORDS = _STOPWORDS


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
