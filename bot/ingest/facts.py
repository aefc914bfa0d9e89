"""Key facts of a story: from the header, the annotation, or read off the text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.annotations import Annotations
from bot.ingest.evidence import evidence_paragraph, locate
from bot.ingest.parse import ParsedText
from bot.models import Fact, LapEvent

__all__ = ["derive_facts", "find_race"]

_RACE = re.compile(r"\b(?:[A-Z][\w'’-]*\s+){1,3}(?:Grand\s+Prix|GP)\b")
_NOT_RACE_WORDS = frozenset(
    {"The", "A", "After", "Before", "At", "In", "During", "Following", "Since", "Until", "Of"}
)


def find_race(paragraphs: Sequence[str], headline: str = "") -> Fact | None:
    """Find the first "<Name> Grand Prix" or "<Name> GP", in the article's own words."""
    texts: list[tuple[int | None, str]] = list(enumerate(paragraphs, start=1))
    texts.append((None, headline))
    for number, text in texts:
        for m in _RACE.finditer(text):
            words = m.group(0).split()
            while words and (words[0] in _NOT_RACE_WORDS or words[0].endswith(("'s", "’s"))):
                words = words[1:]
            if len(words) >= 2:
                return Fact("race", " ".join(words), number)
    return None


def derive_facts(
    parsed: ParsedText, events: Sequence[LapEvent], notes: Annotations | None
) -> list[Fact]:
    """Headline and date always; the annotation's facts; the text's for keys it leaves out."""
    facts = [
        Fact("headline", parsed.headline, None),
        Fact("date", parsed.published.isoformat(), None),
    ]
    given: set[str] = set()
    for note in notes.facts if notes else ():
        if note.evidence:
            paragraph: int | None = evidence_paragraph(
                parsed.paragraphs,
                note.evidence,
                notes.path,  # pyright: ignore[reportOptionalMemberAccess]  # set: we loop over it
                note.line,
            )
        else:
            paragraph = locate(parsed.paragraphs, note.value)
        facts.append(Fact(note.key, note.value, paragraph))
        given.add(note.key)
    if "race" not in given and (race := find_race(parsed.paragraphs, parsed.headline)):
        facts.append(race)
    if "lap" not in given:
        facts.extend(Fact("lap", str(e.lap), e.paragraph) for e in events)
    if "who" not in given:
        facts.extend(Fact("who", ", ".join(e.who), e.paragraph) for e in events if e.who)
    return facts
