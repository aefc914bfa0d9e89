"""A sentence led by a first name the article never gives in full leaves "he" unresolved."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people


def speakers(paragraphs: list[str]) -> list[str | None]:
    """The speaker of every quote, in order."""
    quotes = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2026, 7, 1))
    return [q.speaker for q in quotes]


def test_he_after_an_unknown_first_name_is_not_the_last_named_speaker() -> None:
    """'Oscar Piastri said ... Carlos had a strong race. "...," he said.': not Piastri."""
    got = speakers(
        [
            '"We lacked grip," Oscar Piastri said.',
            'Carlos had a strong race from ninth. "That one was for the team," he said.',
        ]
    )
    assert got == ["Oscar Piastri", None]


def test_he_after_a_first_name_the_article_gives_in_full_is_that_person() -> None:
    """The same first name, given in full earlier, still names its person."""
    got = speakers(
        [
            '"We lacked grip," Oscar Piastri said. Carlos Sainz finished eighth.',
            'Carlos had a strong race from ninth. "That one was for the team," he said.',
        ]
    )
    assert got == ["Oscar Piastri", "Carlos Sainz"]
