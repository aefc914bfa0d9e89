"""Quote marks, masking and sentences: the text mechanics every extractor shares."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = [
    "CASE_TRAPS",
    "Caseless",
    "Needled",
    "Segment",
    "article_style",
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
_DOUBLE_MARK = re.compile("``|''|[\"“”„‟«»]")
#: Wire copy writes double quotes as two apostrophes (AP) or TeX-style ``...''.
_PAIRED_MARKS = ("''", "``")
_NOT_SPACE = re.compile(r"\S")  # exactly what str.isspace() is not
# Single marks open a quotation only in paragraphs without double marks (British style).
_SINGLE_OPEN = frozenset("'‘")
_SINGLE_CLOSE = frozenset("'’")
_BEFORE_SINGLE_OPEN = frozenset(" \t(:—–-[")
_BEFORE_SINGLE_CLOSE = frozenset(",.!?…—-")

_NORMALISE = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                            "‘": "'", "’": "'"})  # fmt: skip


#: Characters whose case-insensitive match in ``re`` is not plain equality of ``str.lower()``
#: (İ lower-cases to two characters; the others share a case with another letter, as ı and ſ
#: do with i and s): text holding one is left to the regex. Derived from ``re._casefix``.
CASE_TRAPS = frozenset(
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1"
    "\u03a3\u03a6\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6"
    "\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a"
    "\u0432\u0434\u043e\u0441\u0442\u044a\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"
    "\u1c86\u1c87\u1c88\u1e60\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb05\ufb06"
)


class Needled:
    """A regex tried only on text that holds one of the strings every match of it holds.

    Most sentences hold none of "radio", "statement" or "instagram": a substring test in the
    lower-cased text rules them out faster than the case-insensitive regex can. The test is
    skipped (the regex decides) for text with a character ``re`` folds unlike ``str.lower``.
    """

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], needles: tuple[str, ...]) -> None:
        """``needles``: lower-case strings, one of which every match of ``pattern`` holds."""
        self.pattern = pattern
        self.needles = needles

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """``pattern.search(text)``; ``lowered`` is ``text.lower()``."""
        # (ASCII text holds no trap: asking costs nothing, unlike a walk through the set)
        if text.isascii() or CASE_TRAPS.isdisjoint(text):
            for needle in self.needles:
                if needle in lowered:
                    break
            else:
                return None
        return self.pattern.search(text)


class Caseless:
    """A case-insensitive regex, run as its lower-case twin over the lower-cased text.

    ``re`` tries a case-insensitive alternation of words at every place of the text, about
    twice to fifteen times slower than the same alternation in lower case over lower-cased
    text. The two find the same spans in text holding no character ``re`` folds unlike
    ``str.lower`` (lower-casing keeps every offset, and every character's kind: word, digit,
    blank); text with one is left to the case-insensitive regex. The matched text is then
    lower-cased: for callers that use where a match is, or its words case-folded.
    """

    __slots__ = ("_lower", "pattern")

    def __init__(self, source: str) -> None:
        """``source``: the regex; its letters are lower-cased (so no \\S, \\W, \\D or \\B)."""
        if re.search(r"\\[A-Z]", source):
            raise ValueError(f"an upper-case escape would change meaning: {source!r}")
        self.pattern = re.compile(source, re.IGNORECASE)
        self._lower = re.compile(source.lower())

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        # (ASCII text holds no trap: asking costs nothing, unlike a walk through the set)
        if text.isascii() or CASE_TRAPS.isdisjoint(text):
            return self._lower, text.lower()
        return self.pattern, text

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``, but over the lower-cased text where that is the same."""
        pattern, searched = self._pick(text)
        return pattern.search(searched)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, but over the lower-cased text where that is the same."""
        pattern, searched = self._pick(text)
        return pattern.finditer(searched)


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
    #: Width of the closing mark: 2 for AP-style ``''`` (two apostrophes).
    close_width: int = 1

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def span_end(self) -> int:
        """Index just past the quotation, closing mark included."""
        return self.close_mark + self.close_width if self.close_mark is not None else self.end


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
    width = 1
    marks = list(_DOUBLE_MARK.finditer(text))
    k = 0
    while k < len(marks):
        mark = marks[k]
        i, ch = mark.start(), mark.group()
        k += 1
        if open_at is None:
            open_at, width = i, len(ch)
            continue
        if ch in _DOUBLE_OPENERS and (i == 0 or text[i - 1].isspace()):
            # A curly quote nested in a curly quote (“… “box” …”) has two closers after it
            # before any other opener; otherwise the earlier quote was never closed.
            after = [m.group() for m in marks[k : k + 2]]
            if ch == "“" and after == ["”", "”"]:
                k += 1
                continue
            end = open_at + width + len(text[open_at + width : i].rstrip())
            segments.append(Segment(open_at, None, open_at + width, end))
            open_at, width = i, len(ch)
            continue
        if ch == "``":  # only ever opens
            continue
        segments.append(Segment(open_at, i, open_at + width, i, len(ch)))
        open_at = None
    if open_at is not None:
        end = open_at + width + len(text[open_at + width :].rstrip())
        segments.append(Segment(open_at, None, open_at + width, end))
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
            else:
                if _opens_running_quote(text, i):
                    end = i + 1 + len(text[i + 1 :].rstrip())
                    segments.append(Segment(i, None, i + 1, end))
                    break
        i += 1
    return segments


def _opens_running_quote(text: str, i: int) -> bool:
    """Whether an unclosed single mark at ``i`` opens a quote that runs into the next paragraph.

    British style introduces a long quote after a colon ("Wolff was blunt: 'We ...") and
    closes it only at the end of its last paragraph; a middle paragraph opens with the mark
    and has no closing one. An apostrophe never follows a colon or opens a paragraph and
    then runs to a sentence's end, so only those shapes count.
    """
    before = text[:i].rstrip()
    return (not before or before[-1] == ":") and text.rstrip()[-1:] in _RUNNING_END


#: How a paragraph ends when a quote runs on from it into the next one.
_RUNNING_END = frozenset(".!?…,;")


#: Words that may follow a closing single mark written after an s ("the corners’ but he"),
#: where the mark could otherwise be a plural possessive ("the drivers’ meeting").
_AFTER_CLOSE_WORDS = frozenset(
    str.split(
        "and but as or he she they it to in on at for with when while after before said says "
        "added adds told insisted admitted explained was is were are had has the his her"
    )
)


def _british_segments(text: str) -> list[Segment]:
    """Single marks as the main quotation marks; double marks inside them are nested."""
    segments: list[Segment] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if not (
            ch in _SINGLE_OPEN
            and (i == 0 or text[i - 1] in _BEFORE_SINGLE_OPEN)
            and i + 1 < n
            and (text[i + 1].isalnum() or text[i + 1] in '…[."“')
        ):
            i += 1
            continue
        close = None
        for j in range(i + 2, n):
            if text[j] not in _SINGLE_CLOSE:
                continue
            after = text[j + 1] if j + 1 < n else " "
            if after.isalnum():
                continue  # an apostrophe inside a word: don’t, Russell’s
            before = text[j - 1]
            if before in _BEFORE_SINGLE_CLOSE:
                close = j
                break
            if before.isspace():
                continue
            if before in "sS" and after.isspace():
                m = re.match(r"\s+([a-z]+)", text[j + 1 :])
                if m is not None and m.group(1) not in _AFTER_CLOSE_WORDS:
                    continue  # the drivers’ meeting
            close = j
            break
        if close is None:
            if i == 0 or not text[:i].strip() or _opens_running_quote(text, i):
                # A quote running on into the next paragraph, unclosed.
                end = i + 1 + len(text[i + 1 :].rstrip())
                segments.append(Segment(i, None, i + 1, end))
            break
        segments.append(Segment(i, close, i + 1, close))
        i = close + 1
    return segments


_FIRST_MARK = re.compile("[‘\"“”„‟«»`]|''")


def article_style(paragraphs: Sequence[str]) -> str:
    """Tell an article quoting in single marks (British style) from one quoting in double.

    "single" when more paragraphs open a quotation with a single mark and hold no double
    mark than paragraphs hold double marks; the single-marked quotes then are the quotes and
    double marks inside them are nested. Otherwise "auto": each paragraph decides.
    """
    single = double = 0
    for paragraph in paragraphs:
        if not _DOUBLE.isdisjoint(paragraph) or "''" in paragraph or "``" in paragraph:
            # A paragraph whose first mark is a curly single opener quotes in single marks,
            # whatever double marks it nests inside.
            first = _FIRST_MARK.search(paragraph)
            if first is not None and first.group() == "‘":
                single += 1
            else:
                double += 1
        elif ("‘" in paragraph or " '" in paragraph or paragraph[:1] == "'") and (
            _single_segments(paragraph)
        ):
            single += 1
    return "single" if single > double else "auto"


def find_segments(paragraph: str, style: str = "auto") -> list[Segment]:
    """Find the quotations in a paragraph, in order; nested quotes stay inside.

    ``style`` is :func:`article_style`'s answer for the whole article.
    """
    if style == "single":
        return list(_british(paragraph))
    return list(_segments(paragraph))


@functools.lru_cache(maxsize=4096)
def _british(paragraph: str) -> tuple[Segment, ...]:
    segments = _british_segments(paragraph)
    return tuple(s for s in segments if _has_words(paragraph[s.start : s.end]))


# Every extractor (people, quotes, laps) asks about the same paragraphs again and again; the
# answers depend on the text alone, so each paragraph is worked out once.
@functools.lru_cache(maxsize=4096)
def _segments(paragraph: str) -> tuple[Segment, ...]:
    if not _DOUBLE.isdisjoint(paragraph) or "''" in paragraph or "``" in paragraph:
        segments = _double_segments(paragraph)
    else:
        segments = _single_segments(paragraph)
    return tuple(s for s in segments if _has_words(paragraph[s.start : s.end]))


@functools.lru_cache(maxsize=4096)
def masked(paragraph: str, style: str = "auto") -> str:
    """``mask_quotes(paragraph, find_segments(paragraph, style))``, once per paragraph."""
    return mask_quotes(paragraph, find_segments(paragraph, style))


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
            hidden = _hidden(text[seg.start : keep_from])
            text = text[: seg.start] + hidden + text[keep_from:]
        if seg.close_mark is None:
            text = text[: seg.end] + " " * (len(text) - seg.end)
    return text


#: Every character below U+3000 that is not blank, to "x" (blanks are left out, so kept).
_HIDE = {code: "x" for code in range(0x3000) if not chr(code).isspace()}
_HIDE_ASCII = bytes(ord(_HIDE.get(code, chr(code))) for code in range(128)) + bytes(range(128, 256))
#: What is left of quoted words once hidden with ``_HIDE``: a character beyond its range.
_NOT_HIDDEN = re.compile(r"[^x\s]")


def _hidden(words: str) -> str:
    """``_NOT_SPACE.sub("x", words)``: each character but blanks becomes "x".

    One ``str.translate`` instead of a regex replacement per character (masking was a
    fifth of people discovery); text with a character beyond the table goes to the regex.
    """
    if words.isascii():
        return words.encode("ascii").translate(_HIDE_ASCII).decode("ascii")
    hidden = words.translate(_HIDE)
    if _NOT_HIDDEN.search(hidden) is None:
        return hidden
    return _NOT_SPACE.sub("x", words)


_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "jr", "sr", "st", "vs", "no", "mt", "sen"})
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\"“‘'])")


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """Split masked text into sentence spans (start, end), leaving abbreviations whole."""
    return list(_sentence_spans(masked))


# People, quotes and laps each split the same paragraphs: once each is enough.
@functools.lru_cache(maxsize=4096)
def _sentence_spans(masked: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(masked):
        token = _last_word(masked, start, m.start() + 1)
        if token is not None and (
            token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper())
        ):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(masked):
        spans.append((start, len(masked)))
    return tuple((a, b) for a, b in spans if masked[a:b].strip())


def _last_word(text: str, start: int, end: int) -> str | None:
    r"""What ``re.search(r"(\w+)\W*$", text[start:end]).group(1)`` is, read from the end."""
    stop = end
    while stop > start and not (text[stop - 1].isalnum() or text[stop - 1] == "_"):
        stop -= 1
    begin = stop
    while begin > start and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1
    return text[begin:stop] if begin < stop else None


def unaccent(text: str) -> str:
    """Accents dropped, case kept ("Pérez" -> "Perez"), as the quotes' FTS index does
    (``remove_diacritics``): one person however the copy or the fan accents the name."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
