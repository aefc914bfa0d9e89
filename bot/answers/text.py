"""Text helpers every kind of answer shares: cleaning input, normalising for matching."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from rapidfuzz.utils import default_process

from bot.ingest.text import unaccent
from bot.models import Quote, ReportedStatement

__all__ = [
    "MAX_QUESTION",
    "capitalised_runs",
    "clean",
    "normalise",
    "published",
    "shorten",
    "strip_quotes",
    "unaccent",
]

#: Longest user text the engine looks at; anything past it is noise and only costs time.
MAX_QUESTION = 1000

_APOSTROPHE_MARKS = ("'", "’", "‘", "`", "´")
_SPACES = re.compile(r"\s+")
_QUOTE_CHARS = "\"'“”‘’«»„‟‹›`´"


def _invisible_pattern() -> re.Pattern[str]:
    """Format and control characters (bar newline and tab) as one character class.

    Built once at import; a regex drops them C-fast, where testing each character's category
    in Python made indexing 100k quotes take seconds.
    """
    astral = [*range(0x110BD, 0x110CE), *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4),
              *range(0x1D173, 0x1D17B), *range(0xE0001, 0xE0080)]  # fmt: skip
    points = [
        cp
        for cp in [*range(0x10000), *astral]
        if unicodedata.category(chr(cp)) in ("Cf", "Cc", "Cs") and chr(cp) not in "\n\t"
    ]
    ranges: list[list[int]] = []
    for cp in points:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    members = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{members}]+")


_INVISIBLE = _invisible_pattern()


def _strip_invisible(text: str) -> str:
    """Drop format characters (zero-width spaces, joiners, BOMs) and control characters."""
    return _INVISIBLE.sub("", text)


def clean(text: str, limit: int = MAX_QUESTION) -> str:
    """NFKC, no invisible characters, single spaces, at most ``limit`` characters."""
    text = unicodedata.normalize("NFKC", text[: limit * 4])
    return _SPACES.sub(" ", _strip_invisible(text)).strip()[:limit]


def normalise(text: str) -> str:
    """Casefolded words without accents: what matching compares, so neither punctuation nor
    accents matter.

    Apostrophes vanish ("there's" → "theres") so either spelling matches; rapidfuzz's C
    ``default_process`` turns the rest of the punctuation into spaces.
    """
    text = _strip_invisible(unicodedata.normalize("NFKC", text))
    for mark in _APOSTROPHE_MARKS:
        text = text.replace(mark, "")
    if not text.isascii():
        # Accents fold too: a fan types "hulkenberg" or "perez" for Hülkenberg and Pérez,
        # and one article writes "Kévin Estre" where the next writes "Kevin Estre".
        text = unaccent(text)
    return " ".join(default_process(text).casefold().split())


def shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def published(q: Quote | ReportedStatement) -> date:
    return q.source.published if q.source else date.min


def strip_quotes(text: str) -> str:
    return text.strip().strip(_QUOTE_CHARS + " ?!.,;:").strip()


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (long lists stay readable)."""
    return frozenset(text.split())


#: A run of capitalised words: where a sentence may name a person or a team ("Teo Vell's",
#: "Red Bull Racing").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def capitalised_runs(text: str) -> list[list[str]]:
    """Each run of capitalised words in a text, its words without a possessive "'s" ("Teo
    Vell's" -> ["Teo", "Vell"]): the spans a sentence may name someone or a team by, for
    checks that test them against the store's people or the teams."""
    return [
        [w[:-2] if w.endswith(("'s", "’s")) else w for w in m[0].split()]
        for m in _CAPITALISED_RUN.finditer(text)
    ]
