"""Answers about an organisation's statements: found by the team's name, shown as theirs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest

from bot.answers import AnswerEngine
from bot.answers.records import QuotesAnswer, WhoSaidAnswer
from bot.models import Person, Quote
from bot.render import render_text
from bot.store import Store
from tests.answers_support import load, make_article

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True

STORY = make_article(
    "2025-10-27-invented-sepang",
    date(2025, 10, 27),
    "Invented Sepang race: Ducati explains the brake failure",
    (
        "Anna Kessler won on Sunday while Luc Moreau retired with a brake failure.",
        'In a statement, the Ducati Lenovo Team said: "The rear brake lost pressure on lap '
        'nine. It will not happen again."',
        '"Luc was riding a strong race," Kessler said.',
        'Race engineer: "Box, box."',
    ),
    people=(Person("Anna Kessler"), Person("Luc Moreau")),
    quotes=(
        Quote(None, "The rear brake lost pressure on lap nine. It will not happen again.",
              "direct", "statement", 2, 1, label="the Ducati Lenovo Team"),
        Quote("Anna Kessler", "Luc was riding a strong race,", "direct", "remarks", 3, 2),
        Quote(None, "Box, box.", "direct", "team radio", 4, 3, label="Race engineer"),
    ),
)  # fmt: skip


@pytest.fixture
async def engine(store: Store) -> AsyncIterator[AnswerEngine]:
    await load(store, STORY)
    built = AnswerEngine(store)
    await built.refresh()
    yield built


@pytest.mark.parametrize(
    "question", ["what did ducati say", "What did the Ducati team say about the brake?"]
)
async def test_what_did_a_team_say_finds_its_statement(engine: AnswerEngine, question: str) -> None:
    """A team's name (or another name of it) finds the statement labelled with it."""
    answer = await engine.ask(question)
    assert isinstance(answer, QuotesAnswer)
    assert [q.text for q in answer.quotes] == [STORY.quotes[0].text]
    assert "a statement from the Ducati Lenovo Team" in render_text(answer)


async def test_who_said_shows_the_organisation_not_a_person(engine: AnswerEngine) -> None:
    """/whosaid on a team's words names the team's statement, and no person."""
    answer = await engine.whosaid("the rear brake lost pressure")
    assert isinstance(answer, WhoSaidAnswer)
    assert answer.quote.speaker is None
    shown = render_text(answer)
    assert "A statement from the Ducati Lenovo Team" in shown
    assert "Kessler said it" not in shown


async def test_a_transcript_role_label_is_no_statement(engine: AnswerEngine) -> None:
    """A radio transcript's role label still reads as an unnamed speaker."""
    answer = await engine.whosaid("box box")
    assert isinstance(answer, WhoSaidAnswer)
    assert "The article does not say who said it" in render_text(answer)
