"""Finding an article's names and aliases in text as one regex would, without compiling it.

Compiling a regex per article cost more than the rest of discovery; this is the fast
path that gives the same spans (see :class:`_NameFinder`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.text import CASE_TRAPS as _CASE_TRAPS


class _NameFinder:
    r"""Find names in text exactly as one case-insensitive regex alternation would, uncompiled.

    What ``re.compile(r"(?<![\w'’-])(?:A|(?:the\s+)?B|...)(?![\w-])", re.IGNORECASE)``'s
    ``finditer`` yields, for literal alternatives in that order. Compiling that regex for each
    article's names cost more than everything else people discovery does; finding each literal
    with ``str.find`` in the lower-cased text and keeping, at each start, the first alternative
    the regex would try gives the same spans. The regex is still compiled, once, for text
    (or names) with a character whose case folding ``str.lower`` does not mirror.
    """

    __slots__ = ("_alternatives", "_exact", "_regex")

    def __init__(self, alternatives: Sequence[tuple[str, bool]]) -> None:
        """``alternatives``: each literal, and whether "the " may precede it, in regex order."""
        self._alternatives = [(text, text.lower(), the) for text, the in alternatives]
        self._exact = all(
            text[:1].strip() and len(low) == len(text) and _trap_free(text)
            for text, low, _ in self._alternatives
        )
        self._regex: re.Pattern[str] | None = None

    def _compiled(self) -> re.Pattern[str]:
        if self._regex is None:
            parts = [
                (r"(?:the\s+)?" if the else "") + re.escape(t) for t, _, the in self._alternatives
            ]
            self._regex = re.compile(
                r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE
            )
        return self._regex

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) of each match, leftmost first, never overlapping."""
        low = text.lower()
        if not self._exact or len(low) != len(text) or not _trap_free(text):
            return [m.span() for m in self._compiled().finditer(text)]
        return self._spans(text, low)

    def spans_of_each(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Return :meth:`spans` of each text, searching them all in one go.

        The texts are joined with a character no name holds and no lookaround lets a match
        run across, so each match falls within one text and reads as it would alone.
        """
        joined = _JOIN.join(texts)
        low = joined.lower()
        if (
            not self._exact
            or len(low) != len(joined)
            or not _trap_free(joined)
            or any(_JOIN in text for text, _, _ in self._alternatives)
        ):
            return [self.spans(text) for text in texts]
        out: list[list[tuple[int, int]]] = [[] for _ in texts]
        ends: list[int] = []
        offset = 0
        for text in texts:
            offset += len(text)
            ends.append(offset)
            offset += len(_JOIN)
        k = 0
        for start, end in self._spans(joined, low):
            while start >= ends[k]:
                k += 1
            base = ends[k] - len(texts[k])
            out[k].append((start - base, end - base))
        return out

    def _spans(self, text: str, low: str) -> list[tuple[int, int]]:
        size = len(text)
        # start -> (the alternative's place in the alternation, end of its match)
        best: dict[int, tuple[int, int]] = {}
        for order, (_, literal, the) in enumerate(self._alternatives):
            width = len(literal)
            at = low.find(literal)
            while at != -1:
                end = at + width
                if end == size or not _blocks_after(text[end]):
                    starts = [at]
                    if the:
                        # (?:the\s+)? is greedy: "the" and all the blanks before the literal.
                        blank = at
                        while blank > 0 and text[blank - 1].isspace():
                            blank -= 1
                        if blank < at and blank >= 3 and low[blank - 3 : blank] == "the":
                            starts.append(blank - 3)
                    for start in starts:
                        if start and _blocks_before(text[start - 1]):
                            continue
                        seen = best.get(start)
                        # A later alternative loses; the same one matches with "the" first.
                        if seen is None or order < seen[0] or (order == seen[0] and end > seen[1]):
                            best[start] = (order, end)
                at = low.find(literal, at + 1)
        spans: list[tuple[int, int]] = []
        done = 0
        for start in sorted(best):
            if start >= done:
                done = best[start][1]
                spans.append((start, done))
        return spans


#: Joins texts searched together: not a word character, a blank, an apostrophe or a hyphen.
_JOIN = "\x00"


#: Any :data:`CASE_TRAPS` character.
_TRAP = re.compile("[" + re.escape("".join(sorted(_CASE_TRAPS))) + "]")


def _trap_free(text: str) -> bool:
    """Whether ``text`` holds no :data:`CASE_TRAPS` character: ASCII text holds none (asking
    costs nothing), and a regex scan is twice as fast as the set's walk through the text
    (16 µs an article's text; the names are searched in it three times an article)."""
    return text.isascii() or _TRAP.search(text) is None


def _blocks_before(char: str) -> bool:
    r"""``[\w'’-]``: a character a name may not follow."""
    return char.isalnum() or char in "_'’-"


def _blocks_after(char: str) -> bool:
    r"""``[\w-]``: a character a name may not run into."""
    return char.isalnum() or char in "_-"
