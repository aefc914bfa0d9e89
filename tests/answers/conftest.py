"""The answer engine the rule tests ask: each module here defines ``database`` (its invented
stories, ingested through the real ingester by ``scoring.stories_store``, or the question
set's store) and gets an :class:`AnswerEngine` over it, indexes built, from this one fixture."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.store import Store


@pytest.fixture
async def engine(database: Path) -> AsyncIterator[AnswerEngine]:
    async with await Store.open(database) as store:
        built = AnswerEngine(store)
        await built.refresh()
        yield built
