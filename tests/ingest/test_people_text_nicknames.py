"""Nicknames the text gives, adverbs opening a sentence and places after "south of": read
as the article means them (invented text)."""

from __future__ import annotations

import pytest

from bot.ingest.people import discover_people


@pytest.mark.parametrize(
    ("paragraph", "owner", "nickname"),
    [
        pytest.param(
            "Her race engineer Tomas Wendt is known in the garage simply as TW; he called it.",
            "Tomas Wendt",
            "TW",
            id="is-known-simply-as",
        ),
        pytest.param(
            "Ria Kalder, known throughout the paddock as Kal, won the race.",
            "Ria Kalder",
            "Kal",
            id="comma-known-as",
        ),
        pytest.param(
            "At the front, Owen Brack, the mechanic the crew calls Bracky, fixed the wing.",
            "Owen Brack",
            "Bracky",
            id="the-crew-calls",
        ),
        pytest.param(
            'Luca Fenzi, the rider everyone calls "The Fox", took third.',
            "Luca Fenzi",
            "The Fox",
            id="everyone-calls-quoted",
        ),
        pytest.param(
            "Mara Lind, nicknamed Lindy by her crew, was second.",
            "Mara Lind",
            "Lindy",
            id="nicknamed",
        ),
        pytest.param(
            "Pavel Orsk, better known as 'Pasha', crashed out.",
            "Pavel Orsk",
            "Pasha",
            id="better-known-quoted",
        ),
    ],
)
def test_a_nickname_the_text_gives_is_learned_as_the_persons_alias(
    paragraph: str, owner: str, nickname: str
) -> None:
    """The person named right before the phrase gets the nickname; a fan may ask for it."""
    index = discover_people([paragraph])
    assert nickname in index.get(owner).aliases  # type: ignore[union-attr]
    assert index.resolve(nickname) == owner


def test_known_for_something_is_no_nickname() -> None:
    """ "known for", "known as a", lower-case words: nothing is learned."""
    index = discover_people(
        ["Ria Kalder, known for her late braking, won. Owen Brack is known as a fixer."]
    )
    assert all(not p.aliases for p in index.people)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ria Kalder crashed. Afterwards Kalder played it down.",
        "Ria Kalder pitted twice. Eventually Kalder recovered to fifth.",
        "Ria Kalder led. Unsurprisingly Kalder won.",
    ],
)
def test_an_adverb_opening_a_sentence_is_not_a_first_name(paragraph: str) -> None:
    """ "Afterwards Kalder" is Kalder, not a person called "Afterwards Kalder"."""
    assert discover_people([paragraph]).names == ("Ria Kalder",)


def test_a_name_ending_like_an_adverb_stays_a_name() -> None:
    """Short names that end in -ly are names: "Kelly Rossi", "Holly Jones"."""
    names = discover_people(["Kelly Rossi won. Holly Jones was second."]).names
    assert names == ("Kelly Rossi", "Holly Jones")


@pytest.mark.parametrize("where", ["south of", "north of", "on the outskirts of", "near"])
def test_a_town_after_a_direction_is_no_person(where: str) -> None:
    """ "the dunes south of Bir Tamra": a place, whatever its words look like."""
    text = f"The stage ran through the dunes {where} Bir Tamra. Ria Kalder won."
    assert discover_people([text]).names == ("Ria Kalder",)


def test_a_name_written_where_a_place_goes_is_a_place() -> None:
    """ "from Bir Tamra to Qasr" is read as a name, but "in Bir Tamra" says it is a place."""
    paragraphs = [
        "Tomorrow's stage runs from Bir Tamra to Qasr. Ria Kalder leads.",
        "Her rival was taken to hospital in Bir Tamra.",
    ]
    assert discover_people(paragraphs).names == ("Ria Kalder",)


def test_a_person_written_after_in_but_also_by_surname_stays() -> None:
    """ "an ally in Ria Kalder", and Kalder elsewhere: still a person."""
    paragraphs = ["Ria Kalder won.", "The team found an ally in Ria Kalder.", "Kalder was happy."]
    assert discover_people(paragraphs).names == ("Ria Kalder",)
