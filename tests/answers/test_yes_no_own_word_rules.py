"""A yes/no question asked with "are" or "would" ("are tarvik gonna protest", "would sendra
race at holloway again") is a yes/no question as "is" and "will" ones are, and the subject's
own quoted word on the act answers it: Tarvik's team principal's "We will not protest" is
Tarvik's no, Sendra's "I would race here again" her yes. Someone else's quotation is not the
subject's word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.records import Found
from bot.answers.router._yes_no import Turn, tells_the_act
from bot.models import Person, Source
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2032-04-25 Invented: Sendra holds on at Holloway after a last-lap lunge",
    "Mira Sendra won at Holloway on Sunday after Tarvik Motorsport's Ossian Pell ran wide "
    "trying to pass her at the final hairpin.",
    "Tarvik Motorsport team principal Reka Domb said the stewards had seen nothing wrong. "
    '"We will not protest, it would not change a single point," Domb said.',
    '"I would race here again every weekend, the surface is perfect," Sendra said.',
    '"She left me no room at all," Pell said.',
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("yes_no_own_word"),
        [("2032-04-25-invented-holloway", "\n\n".join(STORY))],
    )


async def test_a_driver_answers_in_her_own_words(engine: AnswerEngine) -> None:
    """ "would" opens a yes/no question; Sendra's own "I would race here again" is shown,
    with no denial (a guard: the passages answer this one themselves; the rule below is
    what the nearest sentence is judged by when they deny)."""
    shown = await ask(engine, "would sendra race at holloway again")
    assert "I would race here again" in shown
    assert "don't say" not in shown


def test_another_speakers_words_are_not_the_subjects() -> None:
    """Sendra's "I would race here again" is her word, not Pell's: a quotation tells the
    act only in its own speaker's mouth (or a "we" of the speaker's team)."""
    source = Source("2032-04-25-invented-holloway", "Sendra holds on", date(2032, 4, 25))
    said = Found("I would race here again every weekend.", source, "Mira Sendra", quoted=True)
    people = {
        "Mira Sendra": Person("Mira Sendra"),
        "Ossian Pell": Person("Ossian Pell", team="Tarvik Motorsport"),
    }
    pell = Turn(frozenset({"ossian pell", "pell"}), frozenset({"race"}), person=True)
    sendra = Turn(frozenset({"mira sendra", "sendra"}), frozenset({"race"}), person=True)
    tarvik = Turn(frozenset({"tarvik"}), frozenset({"race"}), person=False)
    assert tells_the_act(said, sendra, {}, people)
    assert not tells_the_act(said, pell, {}, people)
    assert not tells_the_act(said, tarvik, {}, people)
