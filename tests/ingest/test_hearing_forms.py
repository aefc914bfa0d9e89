"""A hearing report: the one a "told" addresses is never the speaker, a passive agent ("was
represented by X") is whom the next "he" is, a body's written reasons ("the panel said it
was "..."") are the body's, and "Appeals Panel" is no person."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_speech
from bot.ingest.people import discover_people

HEARING = [
    "The Motorsport Appeals Panel on Monday upheld the exclusion of Elias Brandt from the "
    "Lisbon result but cut his fine.",
    "Pavel Orlov won in Lisbon ahead of Brandt.",
    "Brandt was waiting in the garage when Orlov arrived. He told Brandt that the move at the "
    'chicane had been "completely fair".',
    "The team was represented at the hearing by Rune Halvorsen, a lawyer from Oporto. He told "
    'the panel that the floor had been "damaged in the collision" and not before it.',
    "He also told the panel that the team had never run the part before that weekend.",
    'In its written ruling the panel said it was "not convinced by the team\'s account".',
    "The panel heard both sides for three hours and said the original fine was "
    '"far too severe for a first offence".',
]


def _speech() -> tuple[dict[str, tuple[str | None, str | None]], dict[int, str]]:
    people = discover_people(HEARING)
    speech = extract_speech(HEARING, people, published=date(2026, 6, 1))
    quotes = {q.text.strip(' ,."'): (q.speaker, q.label) for q in speech.quotes}
    reported = {r.paragraph: r.speaker for r in speech.reported}
    return quotes, reported


def test_a_panel_is_no_person() -> None:
    assert "Appeals Panel" not in discover_people(HEARING).names


def test_the_one_told_is_never_the_speaker() -> None:
    quotes, _reported = _speech()
    assert quotes["completely fair"][0] == "Pavel Orlov"


def test_the_passive_agent_is_whom_the_next_he_is() -> None:
    quotes, reported = _speech()
    assert quotes["damaged in the collision"][0] == "Rune Halvorsen"
    assert reported[5] == "Rune Halvorsen"


def test_a_bodys_written_reasons_are_the_bodys() -> None:
    quotes, _reported = _speech()
    assert quotes["not convinced by the team's account"] == (None, "the panel")
    assert quotes["far too severe for a first offence"] == (None, "the panel")
