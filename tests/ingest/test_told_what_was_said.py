"""A set-off clause that reports what someone else said ("told what Delacroix had said") is
the object of "told": the quotation after it is the sentence subject's, never the named one's."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes, extract_speech
from bot.ingest.people import discover_people

PARAGRAPHS = [
    "Jonas Delacroix and Ryan Rourke collided at the hairpin on lap 12, and both were out.",
    '"He closed the door on a car that was already alongside," Delacroix said.',
    "Rourke, told what Delacroix had said, replied that the veteran "
    '"should look at the onboard footage before he complains".',
]


def test_the_quote_after_told_what_x_had_said_is_not_xs() -> None:
    quotes = extract_quotes(PARAGRAPHS, discover_people(PARAGRAPHS), published=date(2026, 6, 1))
    said = {q.text.rstrip(","): q.speaker for q in quotes}
    assert said["He closed the door on a car that was already alongside"] == "Jonas Delacroix"
    assert said["should look at the onboard footage before he complains"] == "Ryan Rourke"


TOLD = [
    "Rhys Talbot renewed with Corvane Racing on Monday, a year early.",
    'Team principal Ilse Marten was pleased. "Rhys told me about every offer he had, and I '
    'valued that," Marten said. "In June Rhys told us the car felt like a rocket."',
]


def test_told_about_is_what_they_talked_of_not_their_words() -> None:
    """ "Rhys told me about every offer he had, and I valued that" gives Talbot no words (the
    rest is the teller's own); "Rhys told us the car felt like a rocket" does."""
    speech = extract_speech(TOLD, discover_people(TOLD), published=date(2026, 6, 1))
    told = [(r.speaker, r.text) for r in speech.reported if r.speaker == "Rhys Talbot"]
    assert told == [("Rhys Talbot", "the car felt like a rocket (as Ilse Marten told it)")]
