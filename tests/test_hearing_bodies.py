"""The one list of hearing bodies' words, as ingest and answers both read it."""

from __future__ import annotations

from bot.answers.lookup._naming import is_body
from bot.hearing_bodies import BODY_NOUNS, LOWER_CASE_BODIES
from bot.ingest.people.lexicon import _STOP


def test_every_lower_case_body_ends_with_a_body_noun() -> None:
    """A body ingest finds in lower case is one answers tell from a person by its name."""
    assert {name.split()[-1] for name in LOWER_CASE_BODIES} <= BODY_NOUNS


def test_lower_case_body_words_are_never_part_of_a_name() -> None:
    """No one is named "Stewards Panel": its capitalised words are stop words."""
    assert {"Stewards", "Appeals", "Panel", "Tribunal"} <= _STOP


def test_a_stored_name_ending_in_a_body_noun_is_a_body() -> None:
    """A stored "World Motor Sport Council" is a body; "Council" alone names nothing."""
    assert is_body("World Motor Sport Council")
    assert not is_body("Council")
