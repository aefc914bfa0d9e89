"""Evidence phrases: find the paragraph an annotation's words stand on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz

from bot.errors import IngestError
from bot.ingest.text import normalise_quotes

__all__ = ["evidence_paragraph", "locate", "normal"]

# Fuzzy fallback: small slips (a dropped comma, a changed word) should not fail a whole file,
# but short phrases match too much by chance to be trusted fuzzily.
_MIN_FUZZY_SCORE = 92
_MIN_FUZZY_LENGTH = 12


def normal(text: str) -> str:
    """Fold quotes, spacing and case so a phrase matches however it was typed."""
    return re.sub(r"\s+", " ", normalise_quotes(text)).strip().casefold()


def locate(paragraphs: Sequence[str], phrase: str) -> int | None:
    """Return the paragraph (1-based) containing ``phrase``, or None."""
    wanted = normal(phrase)
    if not wanted:
        return None
    texts = [normal(p) for p in paragraphs]
    for number, text in enumerate(texts, start=1):
        if wanted in text:
            return number
    if len(wanted) < _MIN_FUZZY_LENGTH:
        return None
    best, best_score = None, 0.0
    for number, text in enumerate(texts, start=1):
        score = fuzz.partial_ratio(wanted, text)
        if score > best_score:
            best, best_score = number, score
    return best if best_score >= _MIN_FUZZY_SCORE else None


def evidence_paragraph(
    paragraphs: Sequence[str], phrase: str, annotation: Path, line: int | None
) -> int:
    """Locate an annotation's evidence phrase; a phrase not in the article is an error."""
    paragraph = locate(paragraphs, phrase)
    if paragraph is None:
        raise IngestError(annotation, line, f"evidence {phrase!r} is not in the article")
    return paragraph
