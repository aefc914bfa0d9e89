"""An interview's answers stay its interviewee's through the whole run of questions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people


def said(paragraphs: Sequence[str]) -> list[tuple[str | None, str]]:
    """(speaker, first three words) of every quote, in order."""
    found = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2026, 3, 1))
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in found]


def test_lead_in_naming_two_says_whom_it_sat_down_with() -> None:
    """A lead-in naming the boss and his driver: "we sat down with Komatsu" says whose the
    answers are."""
    got = said(
        [
            "Ayao Komatsu has run Haas since 2024, and Oliver Bearman has just signed on. "
            "We sat down with Komatsu at the factory.",
            "Q: Is the car quick?",
            "In the fast corners, yes. We are working on the rest.",
        ]
    )
    assert got == [(None, "Is the car"), ("Ayao Komatsu", "In the fast")]


def test_an_answer_about_someone_else_does_not_become_the_next_lead_in() -> None:
    """An answer naming a driver, with "asked" in it, stays the interviewee's, and so do the
    answers after the next question."""
    got = said(
        [
            "Ayao Komatsu has run Haas since 2024. We spoke to Komatsu in Bahrain.",
            "Q: Why sign Oliver so early?",
            "Because he asked the right questions. Oliver Bearman wanted a plan.",
            "Q: And next year?",
            "More of the same, I hope.",
        ]
    )
    assert got == [
        (None, "Why sign Oliver"),
        ("Ayao Komatsu", "Because he asked"),
        (None, "And next year?"),
        ("Ayao Komatsu", "More of the"),
    ]


def test_a_lead_in_naming_two_without_saying_who_was_interviewed_stays_unattributed() -> None:
    """Two people named and no "spoke to": the answers are nobody's, never guessed."""
    got = said(
        [
            "Ayao Komatsu has run Haas since 2024, and Oliver Bearman has just signed on.",
            "Q: Is the car quick?",
            "I think so, in the fast corners.",
        ]
    )
    assert got == [(None, "Is the car"), (None, "I think so,")]
