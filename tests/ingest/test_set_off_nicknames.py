"""A nickname set off right after a name, in quotation marks ('Tomas Varga, "the Bull of
Brno", will retire') or as a Spanish or Italian article's name ('Lukas Ostrava, Il Professore
to the Italian press,'), or a headline's ("The last ride of El Toro: Tomas Varga retires"), is
the person's alias: never a person of its own, and a nickname in quotation marks is never a
quotation of anyone's words."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people

HEADLINE = "The last ride of El Toro: Tomas Varga retires after 20 seasons"
PARAGRAPHS = [
    'Tomas Varga, "the Bull of Brno", will retire at the end of the season, he said.',
    "His old rival Lukas Ostrava, Il Professore to the Italian press, paid tribute. "
    '"He was the hardest man I ever raced," Ostrava said.',
    'Karel Duda, known to everyone as "Big Karel", ran the team for a decade.',
]


def test_a_set_off_nickname_is_the_persons_alias() -> None:
    index = discover_people(PARAGRAPHS, headline=HEADLINE)
    aliases = {p.name: set(p.aliases) for p in index.people}
    assert set(aliases) == {"Tomas Varga", "Lukas Ostrava", "Karel Duda"}
    assert {"the Bull of Brno", "El Toro"} <= aliases["Tomas Varga"]
    assert aliases["Lukas Ostrava"] == {"Il Professore"}
    assert aliases["Karel Duda"] == {"Big Karel"}


def test_a_nickname_in_quotation_marks_is_nobodys_words() -> None:
    index = discover_people(PARAGRAPHS, headline=HEADLINE)
    quotes = extract_quotes(PARAGRAPHS, index, published=date(2026, 6, 1))
    said = {q.text.strip(" ,."): q.speaker for q in quotes}
    assert "the Bull of Brno" not in said
    assert "Big Karel" not in said
    assert said["He was the hardest man I ever raced"] == "Lukas Ostrava"


def test_words_in_quotation_marks_after_a_name_are_no_nickname() -> None:
    """A quotation of lower-case words set off after a name is what they said."""
    paragraphs = ['The final word went to Lukas Ostrava, "never again", after the race.']
    index = discover_people(paragraphs)
    assert [p.aliases for p in index.people] == [()]
