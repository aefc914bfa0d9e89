"""A name after a reporting verb, with a speech or belief verb of its own: inside what the
verb's subject reported ("His engineer said Kessling felt "..."": the engineer's words), unless
a clause boundary stands between ("..., which the team has said it will name in August, Brill
said it was "..."": Brill's words)."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people

PARAGRAPHS = [
    "Rolf Kessling finished fifth at Ostmark, one place ahead of Tomas Brill.",
    'His race engineer said Rolf Kessling felt "badly let down" by the pit call.',
    "Asked about the seat for 2032, which Vantor has said it will fill in August, Brill said "
    'it was "a question for another day".',
]


def _speakers() -> dict[str, str | None]:
    quotes = extract_quotes(PARAGRAPHS, discover_people(PARAGRAPHS), published=date(2031, 6, 1))
    return {q.text: q.speaker for q in quotes}


def test_a_name_right_after_the_reporting_verb_is_reported_not_the_speaker() -> None:
    assert _speakers()["badly let down"] != "Rolf Kessling"


def test_a_name_after_another_clauses_said_speaks_his_own_words() -> None:
    assert _speakers()["a question for another day"] == "Tomas Brill"
