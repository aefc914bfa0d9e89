"""Lap events: the sentences that say what happened on a numbered lap."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.people import PeopleIndex
from bot.ingest.text import masked as masked_text
from bot.ingest.text import sentence_spans
from bot.models import LapEvent

__all__ = ["MAX_LAP", "extract_lap_events", "laps_in"]

# No race runs more laps than this (Indianapolis runs 200); a bigger number is not a lap.
MAX_LAP = 200

_ORDINAL_WORDS = {
    "opening": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_LAP = re.compile(
    r"\blap\s+(?P<n>\d{1,3})\b(?!\s*(?:%|per\b))"
    r"|\bthe\s+(?P<ord>\d{1,3})(?:st|nd|rd|th)\s+lap\b"
    rf"|\bthe\s+(?P<word>{'|'.join(_ORDINAL_WORDS)})\s+lap\b",
    re.IGNORECASE,
)


def laps_in(text: str) -> list[int]:
    """Return the lap numbers a piece of text names, in order, once each."""
    laps: list[int] = []
    if "lap" not in text.lower():
        # Every alternative of _LAP holds "lap" (case aside): most sentences name no lap,
        # and the regex, tried at each position, was most of this function's time.
        return laps
    for m in _LAP.finditer(text):
        raw = m.group("n") or m.group("ord")
        lap = int(raw) if raw else _ORDINAL_WORDS[m.group("word").lower()]
        if 1 <= lap <= MAX_LAP and lap not in laps:
            laps.append(lap)
    return laps


def extract_lap_events(paragraphs: Sequence[str], people: PeopleIndex) -> list[LapEvent]:
    """One event per lap a narrative sentence names; laps quoted from a speaker don't count."""
    events: list[LapEvent] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        masked = masked_text(paragraph)
        for a, b in sentence_spans(masked):
            laps = laps_in(masked[a:b])
            if not laps:
                continue
            who = tuple(
                dict.fromkeys(
                    m.person
                    for m in people.mentions(masked)
                    if a <= m.start < b and m.person is not None
                )
            )
            description = paragraph[a:b].strip()
            events.extend(LapEvent(lap, description, who, None, number) for lap in laps)
    return events
