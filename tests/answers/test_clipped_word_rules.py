"""A fan's clipped word that no article holds meets the article's whole word it begins: "min"
is "minimum" ("whats the new min weight": "The minimum weight drops ..."), as a short word no
article holds may be a name's initials. A word some article holds is never clipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages._scoring import _clipped
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-11-05 Explained: the new Tarvos cars for 2028, lighter and narrower",
    "The Tarvos series will race new cars from 2028, and the teams saw the rules on Monday.",
    "The minimum weight drops from 790kg to 768kg. Each team will have four engines a year "
    "instead of five.",
    "The new cars are also ten centimetres narrower, which the drivers asked for.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented rules story, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("clipped"), [("2026-11-05-invented-rules", "\n\n".join(STORY))]
    )


async def test_a_clipped_word_meets_the_whole_word(engine: AnswerEngine) -> None:
    """Without the rule "min" covered nothing, and the sentence fell short of an answer."""
    shown = await ask(engine, "whats the new min weight")
    assert "768kg" in shown
    assert "don't say" not in shown


def test_only_a_word_it_begins() -> None:
    forms = frozenset({"min"})
    assert _clipped("the minimum weight drops", forms)
    assert not _clipped("an admin error", forms)
    assert not _clipped("the min weight", forms)  # the word itself is no clipped form
    assert not _clipped("the mini was third", forms)  # one letter more is another word
