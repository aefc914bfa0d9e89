"""What a question's name words name, on invented stories: one driver the articles write two
ways ("Alex Sims", "Alexander Sims"), which the register of motorsport people holds as one,
is named by his surname alone; a body stored as a speaker ("Review Panel") is named by its
whole name and its head noun ("the panel"), never by the word before it, which a fan asks
with ("can the team get a review", "when is the review heard")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-05-02-invented-sims-signs": (
        "date 2026-05-02 Invented: Alex Sims signs a two-year deal with the Ostrava team",
        "Alex Sims has signed a two-year contract with the invented Ostrava electric team, "
        "which runs until the end of 2028.",
        '"I wanted somewhere I could stay and build," said Alex Sims.',
    ),
    "2026-06-14-invented-sims-race": (
        "date 2026-06-14 Invented: Alexander Sims third at the Harbour race",
        "Alexander Sims finished third in the invented Harbour race after starting ninth.",
        "Petra Lindqvist won from Joel Haraway.",
    ),
    "2026-07-20-invented-hearing": (
        "date 2026-07-20 Invented: Review Panel upholds Haraway penalty",
        "The Invented Series Review Panel on Monday upheld the ten-place grid penalty given "
        "to Joel Haraway for the crash at the Harbour race.",
        "The team can still ask for a review of the decision by the series' court within "
        "seven days, a route it has not taken before.",
        'In its written reasons the panel said the move was "reckless and avoidable".',
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("naming"), stories)


async def test_two_written_names_of_one_register_person_are_one(engine: AnswerEngine) -> None:
    """ "Alex Sims" and "Alexander Sims" are both stored; the register knows them for one."""
    assert engine.resolve_person("sims") in ("Alex Sims", "Alexander Sims")
    assert read("when is sims contract up", engine.lookup).people


async def test_the_surname_alone_answers_for_him(engine: AnswerEngine) -> None:
    shown = await ask(engine, "where did sims finish at the harbour race")
    assert "finished third" in shown
    assert "don't say" not in shown


async def test_a_bodys_first_word_is_the_questions_own_word(engine: AnswerEngine) -> None:
    """ "review" names no one: the question asks about a review, answered from the sentence
    that tells of one; "the panel" names the body, whose reasons answer what it said."""
    assert not read("when was the review", engine.lookup).people
    shown = await ask(engine, "can the team even get a review of the ruling")
    assert "can still ask for a review" in shown
    shown = await ask(engine, "what did the panel say")
    assert "reckless and avoidable" in shown
    assert "don't say" not in shown


async def test_a_body_word_asked_is_answered_from_the_sentence(engine: AnswerEngine) -> None:
    shown = await ask(engine, "can the team even get a review of the ruling")
    assert "can still ask for a review" in shown


async def test_what_the_articles_do_not_tell_stays_denied(engine: AnswerEngine) -> None:
    """Nothing tells of a review hearing's date: the negative stays honest."""
    shown = await ask(engine, "when will the review be heard")
    assert "don't say" in shown
