"""One article writes a name with its accents and without: one person, found both ways."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people

PARAGRAPHS = [
    "Renée Castaño, who founded the Castaño Sport team in 1979, has died at the age of 81.",
    "Marco Bellini, who raced for her in the nineties, said she was the bravest boss he knew.",
    "Castano rarely looked back. In an interview in 2019 she called the team's first win "
    '"the day I stopped being afraid".',
]


def test_the_unaccented_spelling_is_the_same_person() -> None:
    people = discover_people(PARAGRAPHS)
    assert people.names == ("Renée Castaño", "Marco Bellini")
    assert people.resolve("Castano") == "Renée Castaño"
    assert people.resolve("Renee Castano") == "Renée Castaño"
    assert [m.person for m in people.mentions(PARAGRAPHS[2]) if m.kind == "name"] == [
        "Renée Castaño"
    ]


def test_a_quote_after_the_unaccented_name_is_not_the_last_accented_speakers() -> None:
    quotes = extract_quotes(PARAGRAPHS, discover_people(PARAGRAPHS), published=date(2025, 1, 1))
    said = {q.text: q.speaker for q in quotes}
    assert said["the day I stopped being afraid"] in ("Renée Castaño", None)
