"""Epithets and nicknames name someone only when one person fits (issue 9, unseen3)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        pytest.param(
            'Fernando Alonso passed Carlos Sainz late on. "I saw a gap," the Spaniard said.',
            None,
            id="two-spaniards-one-passing-the-other",
        ),
        pytest.param(
            'Carlos Sainz and Fernando Alonso both struggled. "Undriveable," the Spaniard said.',
            None,
            id="two-spaniards-together",
        ),
        pytest.param(
            'Lando Norris finished ahead of Max Verstappen. "A good day," the Briton said.',
            "Lando Norris",
            id="the-subject-and-someone-it-does-not-fit",
        ),
        pytest.param(
            'Max Verstappen passed Lando Norris. "That was tight," the Briton said.',
            "Lando Norris",
            id="the-one-person-it-fits",
        ),
        pytest.param(
            'Rain fell at Turn 1. "He was brave," the Doctor said of Marc Marquez.',
            None,
            id="an-unknown-epithet-is-not-the-object-of-the-sentence",
        ),
        pytest.param(
            'Tibaldi himself sounded calm. "I have a plan," the Frenchman told reporters. '
            "His manager, Jean Dupont, later said the talks were going well.",
            None,
            id="the-one-person-named-only-after-the-epithet-is-not-it",
        ),
        pytest.param(
            'Jean Dupont arrived late. "I have a plan," the Frenchman told reporters.',
            "Jean Dupont",
            id="the-one-person-named-before-the-epithet",
        ),
        pytest.param(
            'Daniel Ricciardo watched. "Great racing," the Honey Badger said.',
            "Daniel Ricciardo",
            id="a-nickname-of-several-words",
        ),
        pytest.param(
            'Nobody expected it. "We go again," El Diablo said.',
            "Fabio Quartararo",
            id="a-nickname-written-like-a-name-is-no-new-person",
        ),
    ],
)
def test_an_epithet_names_someone_only_when_one_person_fits(
    paragraph: str, speaker: str | None
) -> None:
    """The current subject takes the epithet unless another person named there fits too."""
    texts = [paragraph]
    (quote,) = extract_quotes(texts, discover_people(texts), published=date(2024, 11, 4))
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        pytest.param(
            "Rhys Pellow admitted he had been beaten by Tomas Kovar. "
            '"He was better all weekend," the Welshman said.',
            "Rhys Pellow",
            id="the-speaking-subject-nothing-known-about-anyone",
        ),
        pytest.param(
            "Rhys Pellow finished behind Tomas Kovar. "
            '"He was better all weekend," the Welshman said.',
            None,
            id="a-subject-not-speaking-is-no-guess",
        ),
    ],
)
def test_an_unknown_epithet_after_a_speaking_subject_is_that_subject(
    paragraph: str, speaker: str | None
) -> None:
    """An epithet nothing can check, right after a sentence that has the subject speaking,
    is the subject; without that sentence it stays unattributed."""
    texts = [paragraph]
    (quote,) = extract_quotes(texts, discover_people(texts), published=date(2024, 11, 4))
    assert quote.speaker == speaker


def test_an_epithet_that_fits_someone_known_is_not_given_to_the_speaking_subject() -> None:
    """ "the Briton" fits Norris (the register knows him): not the unknown speaking subject."""
    texts = [
        "Rhys Pellow admitted he had been beaten by Lando Norris. "
        '"He was better all weekend," the Briton said.'
    ]
    (quote,) = extract_quotes(texts, discover_people(texts), published=date(2024, 11, 4))
    assert quote.speaker != "Rhys Pellow"


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        pytest.param(
            [
                "Pedro Acosta crashed at Turn 3.",
                'Acosta did not argue. "It was my fault," the KTM rider said.',
            ],
            "Pedro Acosta",
            id="a-rider-by-team",
        ),
        pytest.param(
            [
                "Jorge Martin and Enea Bastianini battled for third.",
                'Jorge Martin was not happy. "I wanted more," the championship leader said.',
            ],
            "Jorge Martin",
            id="the-championship-leader-one-person-named",
        ),
    ],
)
def test_a_rider_or_a_leader_is_an_epithet(paragraphs: list[str], speaker: str) -> None:
    """ "the KTM rider" and "the championship leader" resolve like "the Ferrari driver"."""
    quotes = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2024, 11, 4))
    assert [q.speaker for q in quotes] == [speaker]


def test_an_epithet_opening_a_sentence_is_the_one_person_named_before_it() -> None:
    """ "The Kiwi" after "Nick Cassidy" in the same paragraph is Cassidy, though another New
    Zealander is in the article and someone named after it is not one."""
    texts = [
        "Sam Bird was furious with the stewards after his clash with Mitch Evans.",
        "Spare a thought for Nick Cassidy, who drove beautifully. The Kiwi passed Pascal "
        'Wehrlein on lap 20 and won by two seconds. "I never looked back," he said.',
    ]
    (quote,) = extract_quotes(texts, discover_people(texts), published=date(2024, 11, 4))
    assert quote.speaker == "Nick Cassidy"
