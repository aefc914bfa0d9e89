"""Wire-style tags, outlets and people as news agencies write them, and car numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from bot.ingest.attribute import extract_quotes
from bot.ingest.cars import car_numbers, with_car_numbers
from bot.ingest.people import discover_people
from bot.ingest.register import Register
from bot.ingest.resolve import default_register
from bot.models import Person, Quote

INTRO = "Ryan Blaney won ahead of Denny Hamlin, Chase Elliott and William Byron."


def quotes(paragraphs: Sequence[str], intro: str = INTRO) -> list[Quote]:
    texts = [intro, *paragraphs]
    return extract_quotes(texts, discover_people(texts), published=date(2025, 6, 9))


def speakers(paragraphs: Sequence[str], intro: str = INTRO) -> list[str | None]:
    return [q.speaker for q in quotes(paragraphs, intro)]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        pytest.param('"Push of my life," said Blaney, who had not led a lap.', "Ryan Blaney",
                     id="said-name-who"),
        pytest.param('"Longest laps of my life," Blaney, 31, said.', "Ryan Blaney", id="age"),
        pytest.param('"Missed it by a lap," Hamlin, who led 88 laps, said.', "Denny Hamlin",
                     id="who-clause-before-verb"),
        pytest.param('Hamlin told Fox Sports: "We just didn\'t have the fuel."', "Denny Hamlin",
                     id="told-outlet-colon"),
        pytest.param('As Elliott put it: "Second feels like a loss."', "Chase Elliott",
                     id="as-x-put-it"),
        pytest.param('Byron said: "Happy with the balance."', "William Byron", id="said-colon"),
    ],
)  # fmt: skip
def test_wire_tag_names_the_speaker(paragraph: str, speaker: str) -> None:
    """Each wire form names its speaker."""
    assert speakers([paragraph]) == [speaker]


def test_appositive_tag_needs_the_person_as_its_subject() -> None:
    """ "Blaney's engineer, 45, said": the engineer spoke, not Blaney, and is not named."""
    assert speakers(['"Quiet day," Blaney\'s engineer, 45, said.']) == [None]


def test_pronoun_after_two_people_stays_unattributed() -> None:
    """ "Elliott and Byron swapped the lead. '...,' he said": either of them, so nobody."""
    got = speakers(['Elliott and Byron swapped the lead twice. "All over each other," he said.'])
    assert got == [None]


def test_british_quote_after_a_sentence_starts_its_own_sentence() -> None:
    """A single-quoted quote after a full stop is read after that sentence, not inside it."""
    intro = "Tom Ingram beat Ash Sutton and Jake Hill."
    got = speakers(
        [
            "'I was ahead at the apex,' Hill said.",
            "Sutton and Ingram shared the front row. 'It goes to the last round,' he said.",
            "'Nothing to add,' said Ingram.",
        ],
        intro,
    )
    assert got == ["Jake Hill", None, "Tom Ingram"]


def test_words_reported_by_someone_unnamed_are_not_the_subject_of_the_clause() -> None:
    """ "His management said he was "looking at options"": not his own words."""
    intro = "Nico Hulkenberg has no seat for 2027."
    got = speakers(['His management said he was "looking at several options".'], intro)
    assert got == [None]


def test_a_register_name_with_a_place_word_is_one_person() -> None:
    """ "Austin Cindric" is a person, though "Austin" is a place: "said Cindric" finds him."""
    texts = [
        "TALLADEGA, Ala. — Austin Cindric won on Sunday.",
        '"Push of my life," said Cindric.',
    ]
    people = discover_people(texts)
    assert "Austin Cindric" in people.names
    found = extract_quotes(texts, people, published=date(2025, 10, 19))
    assert [q.speaker for q in found] == ["Austin Cindric"]


@pytest.mark.parametrize(
    ("tag", "setting"),
    [
        (
            "Hamlin told German magazine Auto Motor und Sport.",
            "interview with Auto Motor und Sport",
        ),
        ("Hamlin told Finnish broadcaster Yle.", "interview with Yle"),
        ("Hamlin told Italian television.", "interview with Italian television"),
        ("Hamlin told Sky Sports F1.", "interview with Sky Sports F1"),
    ],
)
def test_outlet_named_after_its_kind(tag: str, setting: str) -> None:
    """The setting names the outlet, not the adjective before what kind of outlet it is."""
    (quote,) = quotes([f'"Fine," {tag}'])
    assert quote.setting == setting


# -- car numbers ------------------------------------------------------------------------


def numbers(paragraphs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    return car_numbers(paragraphs, discover_people(paragraphs))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tyler Reddick's No. 45 Toyota blew an engine.", {"Tyler Reddick": ("No. 45",)}),
        ("Chase Elliott finished second in the No. 9 Chevrolet.", {"Chase Elliott": ("No. 9",)}),
        ("#10 Acura driver Ricky Taylor was second.", {"Ricky Taylor": ("No. 10",)}),
        ("Denny Hamlin, driving the No 11 Toyota, led.", {"Denny Hamlin": ("No. 11",)}),
        (
            "The No. 31 Cadillac of Jack Aitken, Frederik Vesti and Earl Bamber led.",
            {n: ("No. 31",) for n in ("Jack Aitken", "Frederik Vesti", "Earl Bamber")},
        ),
        (
            "Brendon Hartley, who shares the No 8 Toyota with Sebastien Buemi and Ryo Hirakawa, "
            "was penalised.",
            {n: ("No. 8",) for n in ("Brendon Hartley", "Sebastien Buemi", "Ryo Hirakawa")},
        ),
    ],
)
def test_car_number_tied_to_its_driver(text: str, expected: dict[str, tuple[str, ...]]) -> None:
    """The number becomes "No. N" for the driver or crew the sentence ties it to."""
    assert numbers([text]) == expected


def test_car_number_given_to_two_drivers_is_given_to_nobody() -> None:
    """Two drivers' "No. 5" (a slip, or two series) cannot both be right: neither gets it."""
    got = numbers(
        ["Tyler Reddick's No. 5 Toyota won.", "Kyle Larson's No. 5 Chevrolet was second."]
    )
    assert got == {}


def test_number_one_status_is_no_car() -> None:
    """ "Max Verstappen's No. 1 status" speaks of rank, not a car."""
    assert numbers(["Max Verstappen's No. 1 status at the team is safe."]) == {}


def test_car_numbers_join_the_aliases() -> None:
    """A person's car number is added to their aliases once."""
    people = (Person("Tyler Reddick", aliases=("No. 45",)), Person("Kyle Larson"))
    got = with_car_numbers(people, {"Tyler Reddick": ("No. 45",), "Kyle Larson": ("No. 5",)})
    assert got == (
        Person("Tyler Reddick", aliases=("No. 45",)),
        Person("Kyle Larson", aliases=("No. 5",)),
    )


# -- the register: what fans type -----------------------------------------------------


@pytest.mark.parametrize(
    ("nickname", "name"),
    [
        ("ham", "Lewis Hamilton"),
        ("Mr Saturday", "George Russell"),
        ("Baby Shark", "Pedro Acosta"),
        ("Rowdy", "Kyle Busch"),
        ("checo", "Sergio Pérez"),
        ("danny ric", "Daniel Ricciardo"),
        ("kmag", "Kevin Magnussen"),
        ("hulk", "Nico Hülkenberg"),
        ("the honey badger", "Daniel Ricciardo"),
        ("iceman", "Kimi Räikkönen"),
        ("smooth operator", "Carlos Sainz"),
    ],
)
def test_register_knows_the_nicknames_fans_type(nickname: str, name: str) -> None:
    """Each nickname names exactly one register person."""
    register = default_register()
    assert isinstance(register, Register)
    person = register.by_nickname(nickname)
    assert person is not None and person.name == name


@pytest.mark.parametrize(
    ("short", "team"),
    [("Merc", "Mercedes"), ("Macca", "McLaren"), ("Penske", "Penske"), ("RB", "RB")],
)
def test_register_knows_the_team_names_fans_type(short: str, team: str) -> None:
    """A team's short name fans type finds the team."""
    assert team in default_register().organisations(short)
