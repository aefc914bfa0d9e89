"""Relations a story states between people: team-mates, replacements, co-drivers, each a
fact citing its paragraph. The sentences are invented for the tests (made-up people)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.load import build_article
from bot.ingest.relations import (
    CO_DRIVER,
    REPLACEMENT,
    TEAM_MATES,
    find_relations,
    read_relation,
)
from bot.models import Fact, Person
from tests.ingest.helpers import write_article

PEOPLE = (
    Person("Tomas Varga"),
    Person("Ines Kowal"),
    Person("Rafe Dunmore"),
    Person("Petra Lindqvist"),
    Person("Joel Sarkis", aliases=("Jojo",)),
)


def relations(*paragraphs: str) -> set[tuple[str, str, str, int]]:
    return {(r.key, r.first, r.second, r.paragraph) for r in find_relations(paragraphs, PEOPLE)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Tomas Varga won on Sunday, holding off Apex team-mate Ines Kowal by a second.",
        "Varga's team-mate, Ines Kowal, was second.",
        "Ines Kowal, Varga's Apex Racing teammate, was second.",
        "The team-mates Tomas Varga and Ines Kowal shared the front row.",
        "Varga will partner Ines Kowal next year.",
    ],
)
def test_team_mates_in_the_ways_reports_write_them(sentence: str) -> None:
    """A team-mate told before or after the name, with a team or none, or as "partner"."""
    assert relations(sentence) == {(TEAM_MATES, "Ines Kowal", "Tomas Varga", 1)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Rafe Dunmore will replace Petra Lindqvist at Apex next season.",
        "Lindqvist will be replaced by Rafe Dunmore.",
        "Dunmore takes over from Lindqvist for the last two rounds.",
        "Lindqvist's seat goes to Dunmore.",
        "Dunmore steps in for the injured Lindqvist. ",
        "Dunmore arrives as Lindqvist's replacement.",
    ],
)
def test_replacement_in_the_ways_reports_write_it(sentence: str) -> None:
    """X replaces Y, Y is replaced by X, X takes over from Y, Y's seat goes to X."""
    assert relations(sentence) == {(REPLACEMENT, "Rafe Dunmore", "Petra Lindqvist", 1)}


def test_a_pronoun_replaces_for_the_person_the_story_last_named() -> None:
    """ "He replaces Lindqvist" after a paragraph about Dunmore: Dunmore replaces her; a
    sentence that names someone late ("..., beating X") does not change whom "he" means."""
    found = relations(
        "Rafe Dunmore has signed for Apex.",
        "The 24-year-old was quicker than Tomas Varga in testing. He replaces Lindqvist.",
    )
    assert found == {(REPLACEMENT, "Rafe Dunmore", "Petra Lindqvist", 2)}


def test_an_appositive_replacement_of_him_replaces_the_story_subject() -> None:
    """ "X, the team's reserve, will replace him": him is whom the story is about."""
    found = relations(
        "Petra Lindqvist will retire at the end of the season.",
        "Apex confirmed that Rafe Dunmore, its 20-year-old reserve, will replace her next year.",
    )
    assert found == {(REPLACEMENT, "Rafe Dunmore", "Petra Lindqvist", 2)}


def test_several_team_mates_as_a_list() -> None:
    """ "with X and then Y as team-mates": each is the subject's team-mate."""
    found = relations(
        "Tomas Varga spent five seasons at Apex, with Ines Kowal and then Dunmore as team-mates."
    )
    assert found == {
        (TEAM_MATES, "Ines Kowal", "Tomas Varga", 1),
        (TEAM_MATES, "Rafe Dunmore", "Tomas Varga", 1),
    }


def test_co_driver_after_and_or_possessive() -> None:
    """ "X and co-driver Y", "X's co-driver Y": Y is X's co-driver."""
    assert relations("Varga and co-driver Joel Sarkis led after the first loop.") == {
        (CO_DRIVER, "Tomas Varga", "Joel Sarkis", 1)
    }
    assert relations("Varga and his Estonian co-driver Joel Sarkis won.") == {
        (CO_DRIVER, "Tomas Varga", "Joel Sarkis", 1)
    }
    assert relations("Kowal's co-driver, Jojo, read the notes perfectly.") == {
        (CO_DRIVER, "Ines Kowal", "Joel Sarkis", 1)
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Varga finished ahead of Kowal and Dunmore.",
        "Dunmore said the team would decide on the seat later.",
        "Kowal apologised to her former team-mate.",
    ],
)
def test_sentences_without_a_stated_relation_give_none(sentence: str) -> None:
    """No relation is guessed from names side by side or a team-mate left unnamed."""
    assert relations(sentence) == set()


def test_relation_facts_read_back_to_their_names() -> None:
    """The fact's value reads back to the two names it was written from."""
    assert read_relation(Fact(REPLACEMENT, "Rafe Dunmore replaces Petra Lindqvist", 2)) == (
        "Rafe Dunmore",
        "Petra Lindqvist",
    )
    assert read_relation(Fact("race", "Italian Grand Prix", 1)) is None


def test_an_article_stores_its_relations_as_facts_with_the_paragraph(tmp_path: Path) -> None:
    """Ingest keeps each relation as a fact citing the paragraph that states it."""
    path = write_article(
        tmp_path,
        "date 2026-03-01 Invented: Rafe Dunmore signs for Apex\n\n"
        "Rafe Dunmore will race for Apex next season, the team said on Tuesday.\n\n"
        "Dunmore replaces Petra Lindqvist, who moves to sportscars. He will partner Tomas "
        "Varga.\n",
        slug="2026-03-01-invented-seat",
    )
    facts = build_article(path).facts
    assert Fact(REPLACEMENT, "Rafe Dunmore replaces Petra Lindqvist", 2) in facts
    assert Fact(TEAM_MATES, "Rafe Dunmore and Tomas Varga", 2) in facts


def test_paragraphs_after_the_last_that_could_state_a_relation_are_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A relation needs one of its words in its paragraph, and the paragraphs after the last
    such one could only move the story's subject on: they are not split or marked at all,
    and the relations found are the same."""
    from bot.ingest import relations as module

    story = (
        "Tomas Varga won the race.",
        "His team-mate Ines Kowal was second.",
        "Rafe Dunmore was third. Petra Lindqvist crashed.",
        "Joel Sarkis said nothing.",
    )
    marked: list[str] = []
    real_mark = module._mark

    def spy(sentence: str, present: list[tuple[str, int]]) -> tuple[str, list[int]]:
        marked.append(sentence)
        return real_mark(sentence, present)

    monkeypatch.setattr(module, "_mark", spy)
    assert relations(*story) == {(TEAM_MATES, "Ines Kowal", "Tomas Varga", 2)}
    assert marked == ["Tomas Varga won the race.", "His team-mate Ines Kowal was second."]
    marked.clear()
    assert relations("Rafe Dunmore was third.", "Joel Sarkis said nothing.") == set()
    assert marked == []


def test_a_paragraph_stating_no_relation_is_read_from_its_last_subject_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A paragraph with no relation word only moves the story's subject on, to the one its
    last sentence with a subject names: it is marked from its last sentence back, up to that
    one, and the next paragraph's "His team-mate" is still that person's."""
    from bot.ingest import relations as module

    marked: list[str] = []
    real_mark = module._mark

    def spy(sentence: str, present: list[tuple[str, int]]) -> tuple[str, list[int]]:
        marked.append(sentence)
        return real_mark(sentence, present)

    monkeypatch.setattr(module, "_mark", spy)
    story = (
        "Tomas Varga led early. Rafe Dunmore took the lead. It rained.",
        "His team-mate Ines Kowal was second.",
    )
    assert relations(*story) == {(TEAM_MATES, "Ines Kowal", "Rafe Dunmore", 2)}
    assert marked == ["It rained.", "Rafe Dunmore took the lead.", story[1]]


def test_a_paragraph_with_only_driver_or_rider_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Drive and ride are relation words only as "Varga's drive" or "Varga's ride":
    "driver" and "rider", in most paragraphs, make no paragraph worth marking."""
    from bot.ingest import relations as module

    marked: list[str] = []
    real_mark = module._mark

    def spy(sentence: str, present: list[tuple[str, int]]) -> tuple[str, list[int]]:
        marked.append(sentence)
        return real_mark(sentence, present)

    monkeypatch.setattr(module, "_mark", spy)
    story = (
        "Apex driver Tomas Varga won the race from Ines Kowal.",
        "The rider Rafe Dunmore was third. Drivers and riders alike praised the track.",
    )
    assert relations(*story) == set()
    assert marked == []
    assert relations("The Apex driver Tomas Varga lost Varga's ride to Ines Kowal.") == set()
    assert marked == ["The Apex driver Tomas Varga lost Varga's ride to Ines Kowal."]


_VARGA_DUNMORE = (REPLACEMENT, "Rafe Dunmore", "Tomas Varga")


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # Words a paragraph with "driver" in it lets every pattern read: each pattern still
        # finds its relation there (the words that rule a paragraph out miss none of them).
        ("The driver Tomas Varga and copilot Ines Kowal won.", (CO_DRIVER, "Tomas Varga", "Ines Kowal")),  # noqa: E501
        ("Varga's car goes to Rafe Dunmore, the driver said.", _VARGA_DUNMORE),
        ("Dunmore takes Varga's drive, the team's driver coach said.", _VARGA_DUNMORE),
        ("Rafe Dunmore, the reserve driver, succeeds him.", _VARGA_DUNMORE),
    ],
)  # fmt: skip
def test_each_relation_pattern_is_read_beside_driver(
    sentence: str, wanted: tuple[str, str, str]
) -> None:
    story = ("Tomas Varga won.", sentence)
    assert wanted in {(r.key, r.first, r.second) for r in find_relations(story, PEOPLE)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Sources say Rafe Dunmore, the Apex reserve, is the favourite to replace her.",
        "Rafe Dunmore, the Apex reserve, is tipped to replace her in 2032.",
        "Apex will not renew it, with Rafe Dunmore, its reserve, the favourite to replace her.",
    ],
)
def test_a_replacement_told_as_the_market_tells_it(sentence: str) -> None:
    """ "X, the reserve, the favourite to replace her": a driver-market story's way of
    naming the replacement; her is whom the story is about (the sentence, shown verbatim,
    keeps the hedge)."""
    found = relations("Petra Lindqvist may not keep her Apex seat.", sentence)
    assert found == {(REPLACEMENT, "Rafe Dunmore", "Petra Lindqvist", 2)}


def test_the_favourite_to_replace_a_named_driver() -> None:
    """ "X is the favourite to replace Y": X replaces Y, as "X will replace Y" does."""
    assert relations("Rafe Dunmore is the favourite to replace Lindqvist at Apex.") == {
        (REPLACEMENT, "Rafe Dunmore", "Petra Lindqvist", 1)
    }
