""" "What did X say about T" on invented stories, T a thing rather than a person: a statement
is about T when T's words stand near it (its words, its setting, its paragraph or the one
before, its headline). Another story that mentions T does not make X's other words an answer:
the articles don't say what X said about T, and X's nearest words follow, marked as such."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, engine_over, stories_store

COAST = "\n\n".join(
    (
        "date 2026-06-14 Invented Coast Trophy: Orla Vane wins as Pell fades",
        "Orla Vane won the invented Coast Trophy on Sunday by four seconds from Teo Pell.",
        '"The tyres were gone with ten laps left, so I just nursed them home," Vane said.',
        "Pell finished second after losing time behind a backmarker.",
        "Asked about the new surface at the hairpin, Vane was brief.",
        '"It is smoother, and the grip comes in quicker than last year," she said.',
        "The cars collided at the chicane on lap 3 when Rin Osk braked late on Dal Morrow.",
        '"I braked too late and he had nowhere to go," Osk said.',
    )
)  # fmt: skip


OFFICE = "\n\n".join(
    (
        "date 2026-06-20 Invented: Kestrel extends Teo Pell's contract to 2028",
        "The invented Kestrel team has extended Teo Pell's contract to the end of 2028.",
        '"He has earned it," team principal Ruud Amsel said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("said_on"),
        (("2026-06-14-coast", COAST), ("2026-06-20-office", OFFICE)),
    )


@pytest.fixture
async def engine(database: Path) -> AsyncIterator[AnswerEngine]:
    async with engine_over(database) as engine:
        yield engine


async def test_a_topic_only_another_story_tells_is_not_what_the_speaker_said(
    engine: AnswerEngine,
) -> None:
    """Another story tells of a contract, Pell's; none of Vane's words is about one: the
    articles don't say what Vane said about it, and her nearest words come after that line."""
    shown = await ask(engine, "what did vane say about her contract")
    assert "don't say what Orla Vane said about" in shown
    after = shown[shown.index("don't say") :]
    assert "nursed them home" in after or "It is smoother" in after
    assert "Orla Vane on" not in shown


async def test_the_topic_in_the_statement_is_answered(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did vane say about the tyres")
    assert "nursed them home" in shown
    assert "don't say" not in shown


async def test_the_topic_in_the_paragraph_a_reply_answers_is_answered(
    engine: AnswerEngine,
) -> None:
    """ "It is smoother" never says "surface"; the paragraph it answers does."""
    shown = await ask(engine, "what did vane say about the surface")
    assert "It is smoother" in shown
    assert "don't say" not in shown


async def test_the_incident_asked_by_its_own_word_is_left_to_the_ranking(
    engine: AnswerEngine,
) -> None:
    """ "The crash" is the story's incident whatever the article calls it ("collided")."""
    shown = await ask(engine, "what did osk say about the crash")
    assert "braked too late" in shown
    assert "don't say" not in shown
