"""A quotation is the nearest sentence's answer when it gives the figure asked in a shape of
its own (a sum of money, a time of day), on an invented Q&A interview: "how much does the
entry cost" is met by the team owner's "The entry is €90,000 a season", his words. A bare
number in someone's words is no such figure: "how much is the sponsor paying Castell" keeps
the denial though he says "Two seasons is a long time, but you pay for it"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-09-03-invented-castell-interview": (
        "date 2026-09-03 Invented interview: Ruben Castell on the cost of the smallest team in "
        "the Vantor Cup",
        "Ruben Castell has run the invented Castell team in the Vantor Cup since 2019. We met "
        "him in his workshop to talk about money and his driver.",
        "Q: Is it hard to stay in the series?",
        "Small is not cheap. The entry is €90,000 a season and it has doubled since we "
        "started.",
        "Q: Your driver signed for two more years. Why so long?",
        "He asked for two. Two seasons is a long time, but you pay for it if you want to stay.",
        "Q: What does a Monday look like?",
        "It never changes. The trucks go at 6am, whatever happened on Sunday.",
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented interview, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("nearest_quoted"), stories)


async def test_a_quoted_sum_answers_how_much(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how much does the entry cost")
    assert "The entry is €90,000 a season" in shown
    assert "don't say" not in shown


async def test_a_quoted_time_of_day_answers_what_time(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what time do the castell trucks go")
    assert "The trucks go at 6am" in shown
    assert "don't say" not in shown


async def test_a_bare_number_in_a_quotation_keeps_the_denial(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how much is the sponsor paying castell")
    assert "don't say" in shown
