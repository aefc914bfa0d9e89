"""Quote marks, masking and sentences: the text mechanics every extractor shares."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "Segment",
    "find_segments",
    "mask_quotes",
    "masked",
    "normalise_quotes",
    "opens_with_quote",
    "sentence_spans",
]

# Double marks: straight quotes are ambiguous, the typographic ones say which side they are.
_DOUBLE = frozenset('"“”„‟«»')
_DOUBLE_OPENERS = frozenset("“„‟«")
_DOUBLE_MARK = re.compile('["“”„‟«»]')
_NOT_SPACE = re.compile(r"\S")  # exactly what str.isspace() is not
# Single marks open a quotation only in paragraphs without double marks (British style).
_SINGLE_OPEN = frozenset("'‘")
_SINGLE_CLOSE = frozenset("'’")
_BEFORE_SINGLE_OPEN = frozenset(" \t(:—–-[")
_BEFORE_SINGLE_CLOSE = frozenset(",.!?…—-")

_NORMALISE = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                            "‘": "'", "’": "'"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Segment:
    """One quotation in a paragraph: ``text`` is paragraph[start:end], without the marks.

    ``open_mark`` is the index of the opening mark; ``close_mark`` is None when the quote
    runs to the end of the paragraph unclosed (a quote continuing in the next paragraph).
    """

    open_mark: int
    close_mark: int | None
    start: int
    end: int

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def span_end(self) -> int:
        """Index just past the quotation, closing mark included."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


def normalise_quotes(text: str) -> str:
    """Map typographic quote marks to straight ones, keeping every offset unchanged."""
    return text.translate(_NORMALISE)


def opens_with_quote(paragraph: str) -> bool:
    """Tell whether a paragraph starts with a quote mark (the sign of a continued quote)."""
    stripped = paragraph.lstrip()
    return bool(stripped) and stripped[0] in _DOUBLE


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _double_segments(text: str) -> list[Segment]:
    segments: list[Segment] = []
    open_at: int | None = None
    for mark in _DOUBLE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            open_at = i
            continue
        if ch in _DOUBLE_OPENERS and (i == 0 or text[i - 1].isspace()):
            # A fresh opening mark while a quote is open: the earlier one was never closed.
            end = open_at + 1 + len(text[open_at + 1 : i].rstrip())
            segments.append(Segment(open_at, None, open_at + 1, end))
            open_at = i
            continue
        segments.append(Segment(open_at, i, open_at + 1, i))
        open_at = None
    if open_at is not None:
        end = open_at + 1 + len(text[open_at + 1 :].rstrip())
        segments.append(Segment(open_at, None, open_at + 1, end))
    return segments


def _single_segments(text: str) -> list[Segment]:
    # Only clear pairs count: an opener after a space followed by a letter, a closer right
    # after sentence punctuation. Apostrophes (don't, Russell's, drivers') never qualify.
    segments: list[Segment] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if (
            ch in _SINGLE_OPEN
            and (i == 0 or text[i - 1] in _BEFORE_SINGLE_OPEN)
            and i + 1 < n
            and text[i + 1].isalpha()
        ):
            for j in range(i + 2, n):
                if text[j] in _SINGLE_CLOSE and text[j - 1] in _BEFORE_SINGLE_CLOSE:
                    after = text[j + 1] if j + 1 < n else " "
                    if after.isspace() or after in ",.;:!?)—–-":
                        segments.append(Segment(i, j, i + 1, j))
                        i = j
                        break
        i += 1
    return segments


def find_segments(paragraph: str) -> list[Segment]:
    """Find the quotations in a paragraph, in order; nested single quotes stay inside."""
    return list(_segments(paragraph))


# Every extractor (people, quotes, laps) asks about the same paragraphs again and again; the
# answers depend on the text alone, so each paragraph is worked out once.
@functools.lru_cache(maxsize=4096)
def _segments(paragraph: str) -> tuple[Segment, ...]:
    if not _DOUBLE.isdisjoint(paragraph):
        segments = _double_segments(paragraph)
    else:
        segments = _single_segments(paragraph)
    return tuple(s for s in segments if _has_words(paragraph[s.start : s.end]))


@functools.lru_cache(maxsize=4096)
def masked(paragraph: str) -> str:
    """``mask_quotes(paragraph, find_segments(paragraph))``, worked out once per paragraph."""
    return mask_quotes(paragraph, _segments(paragraph))


def mask_quotes(paragraph: str, segments: Sequence[Segment]) -> str:
    """Blank out quoted words so names inside quotes are never read as narration.

    Offsets are kept, and so is sentence punctuation at the very end of each quotation, so
    sentences can still be split after a closing mark.
    """
    text = paragraph
    for seg in segments:
        inner = paragraph[seg.start : seg.end]
        keep_from = seg.start + len(inner.rstrip(".!?…"))
        if keep_from > seg.start:
            hidden = _NOT_SPACE.sub("x", text[seg.start : keep_from])
            text = text[: seg.start] + hidden + text[keep_from:]
        if seg.close_mark is None:
            text = text[: seg.end] + " " * (len(text) - seg.end)
    return text


_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "no", "mt", "sen"})
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\"“])")


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """Split masked text into sentence spans (start, end), leaving abbreviations whole."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(masked):
        word = re.search(r"(\w+)\W*$", masked[start : m.start() + 1])
        if word is not None:
            token = word.group(1)
            if token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
                continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(masked):
        spans.append((start, len(masked)))
    return [(a, b) for a, b in spans if masked[a:b].strip()]
