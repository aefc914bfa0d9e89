"""Sequences the answer index holds flat instead of as one Python object per item.

At 100,000 articles the bot's peak memory is close to issue 12's 200 MB, and two parts of
the answer index were mostly per-item object overhead (measured on the generated store):

- the article vocabulary, about 100,000 sorted words (a slug's serial number is a word of
  its own), each a ``str`` of 50-60 bytes in a list: 6 MB, while the same words already
  sat in ``vocab_blob``, joined for the substring search. :class:`Words` reads them out of
  that string instead.
- the people's aliases, 82,000 (key, alias, name) tuples, 6 MB, though they hold about a
  hundred distinct (key, alias) pairs: the role aliases hundreds of people share ("the
  ferrari driver"). :class:`AliasEntries` keeps each pair once and a 4-byte index a row.

Each reads as the list it replaces (indexing, slices, iteration, ``==``), so the code that
reads them, and bisects over them, is unchanged; an item is made when it is read.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import overload

__all__ = ["AliasEntries", "Words"]

#: Words cut from the blob per step when iterating (one split of a slice, not a call each).
_ITER_STEP = 4096


class Words(Sequence[str]):
    """Words without newlines, as a read-only sequence over one string that joins them by
    newlines (``blob``) and where each starts in it (``starts``, 4 bytes a word).

    ``blob`` and ``starts`` are what :func:`bot.answers.lookup._containing` searches, so
    the index holds the words once, for both uses.
    """

    __slots__ = ("blob", "starts")

    def __init__(self, blob: str, starts: array[int]) -> None:
        self.blob = blob
        self.starts = starts

    @classmethod
    def of(cls, words: Sequence[str]) -> Words:
        """The words given (none may hold a newline), in their order."""
        return cls(
            "\n".join(words), array("i", accumulate((len(w) + 1 for w in words[:-1]), initial=0))
        )

    def __len__(self) -> int:
        return len(self.starts) if self.blob else 0

    def _end(self, i: int) -> int:
        """Where the ``i``-th word ends (its newline, or the blob's end for the last)."""
        try:
            return self.starts[i + 1] - 1
        except IndexError:
            return len(self.blob)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            lo, hi, step = i.indices(len(self))
            if step != 1:
                return [self[k] for k in range(lo, hi, step)]
            if lo >= hi:
                return []
            return self.blob[self.starts[lo] : self._end(hi - 1)].split("\n")
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("word index out of range")
        return self.blob[self.starts[i] : self._end(i)]

    def __iter__(self) -> Iterator[str]:
        n = len(self)
        for at in range(0, n, _ITER_STEP):
            yield from self[at : at + _ITER_STEP]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words):
            return self.blob == other.blob and len(self) == len(other)
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Words({len(self)} words)"


class AliasEntries(Sequence[tuple[str, str, str]]):
    """(alias key, alias, full name) rows, appended in order, read as a list of tuples.

    A (key, alias) pair is stored once and each row holds its number and the name (a
    string shared with the people's index): about 12 bytes a row instead of a 64-byte
    tuple and its list slot.
    """

    __slots__ = ("_names", "_pair_at", "_pairs", "_rows")

    def __init__(self) -> None:
        self._pairs: list[tuple[str, str]] = []
        self._pair_at: dict[tuple[str, str], int] = {}
        self._rows = array("i")
        self._names: list[str] = []

    def append(self, key: str, alias: str, name: str) -> None:
        pair = (key, alias)
        at = self._pair_at.get(pair)
        if at is None:
            at = self._pair_at[pair] = len(self._pairs)
            self._pairs.append(pair)
        self._rows.append(at)
        self._names.append(name)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> tuple[str, str, str]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[str, str, str]]: ...
    def __getitem__(self, i: int | slice) -> tuple[str, str, str] | list[tuple[str, str, str]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        key, alias = self._pairs[self._rows[i]]
        return key, alias, self._names[i]

    def __iter__(self) -> Iterator[tuple[str, str, str]]:
        pairs = self._pairs
        for at, name in zip(self._rows, self._names, strict=True):
            key, alias = pairs[at]
            yield key, alias, name

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"AliasEntries({len(self)} rows, {len(self._pairs)} distinct aliases)"
