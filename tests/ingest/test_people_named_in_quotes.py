"""A full name written only inside quotation marks (a reader's question, a post) is the person
the narration then calls by surname: the quotation after "he said" is theirs, not the last
person the narration named in full."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people

PARAGRAPHS = [
    '"Is Tomas Varga really leaving Ducati for Aprilia? Everyone says something else." '
    "— Lena Ostrowski, Brno",
    "Lena, the honest answer is that nobody knows. Ducati's sporting director Carlo Benedetti "
    'calls his contract "ironclad".',
    "Varga has been here before. When I spoke to him at Mugello in May, he said the only thing "
    'that would make him leave was a slow bike. "I do not stay for the food. I stay to win," '
    "he said.",
    '"What does Ducati Corse want?" — Pietro Sala, Bologna',
]


def test_a_name_given_only_in_a_quotation_is_a_person_when_the_narration_uses_it() -> None:
    people = discover_people(PARAGRAPHS)
    assert "Tomas Varga" in people.names
    assert people.resolve("Varga") == "Tomas Varga"
    # A name written in a quotation that the narration never uses is not added.
    assert not any("Ducati Corse" in name for name in people.names)


def test_the_quotation_after_he_said_is_the_surnamed_persons() -> None:
    quotes = extract_quotes(PARAGRAPHS, discover_people(PARAGRAPHS), published=date(2026, 6, 1))
    said = {q.text: q.speaker for q in quotes}
    assert said["I do not stay for the food. I stay to win,"] == "Tomas Varga"
