"""A profile's role sentence, read without ranking where the ranking changes nothing (issue 12).

- A surname and role held by a few paragraphs: those are every match, read unranked (bm25
  counts every paragraph holding "sporting" and "director" to weigh them).
- Two role sentences of one day and paragraph number: only the ranking orders them, so it is
  asked for, and the profile cites what the ranked search gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.answers import AnswerEngine
from bot.store import Store
from tests.answers.scoring import stories_store


def _story(day: str, headline: str, *paragraphs: str) -> str:
    return "\n\n".join((f"date {day} Invented: {headline}", *paragraphs))


STORIES = [
    (
        "2026-04-02-brisa-upgrade",
        _story(
            "2026-04-02",
            "Brisa bring a new wing",
            "Brisa sporting director Keld Arnow said the wing was built in a fortnight.",
            '"It is a step," Arnow said.',
        ),
    ),
    (
        "2026-04-20-brisa-tyres",
        _story(
            "2026-04-20",
            "Brisa struggle with tyres",
            "Keld Arnow, Brisa's sporting director, said the tyres faded after ten laps.",
            "The team will test again in May.",
        ),
    ),
    (
        "2026-04-20-brisa-garage",
        _story(
            "2026-04-20",
            "Brisa rebuild the garage",
            "Keld Arnow, the sporting director, said the garage was ready.",
            "The crew worked through the night.",
        ),
    ),
]


@pytest.fixture(scope="module")
def brisa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("brisa"), STORIES)


async def _who(path: Path, monkeypatch: pytest.MonkeyPatch, *, ranked_first: bool) -> Any:
    asked: list[str] = []
    async with await Store.open(path) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        for name in ("passages_holding", "passages_matching"):
            method = getattr(store, name)

            async def logged(*args: Any, _name: str = name, _method: Any = method, **kw: Any):
                asked.append(_name)
                return await _method(*args, **kw)

            monkeypatch.setattr(store, name, logged)
        if ranked_first:  # as where most searches find more than are read
            engine._people._role_overflows.extend([True] * 16)
        answer = await engine.who("Keld Arnow")
    return answer, asked


async def test_a_tie_of_role_sentences_is_ordered_by_the_ranking(
    brisa: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two stories of 20 April give his role in their first paragraph: the ranked search
    orders them, and the profile is the one the ranked search alone gives."""
    answer, asked = await _who(brisa, monkeypatch, ranked_first=False)
    ranked, _ = await _who(brisa, monkeypatch, ranked_first=True)
    assert asked == ["passages_holding", "passages_matching"]
    assert answer.role_told == ranked.role_told
    assert [f.source.slug for f in answer.role_told if f.source] != []
    assert {f.source.published.isoformat() for f in answer.role_told if f.source} == {"2026-04-20"}


@pytest.fixture(scope="module")
def two_days(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("two_days"), STORIES[:2])


async def test_a_few_matches_are_read_unranked(
    two_days: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One story a day: the matches are all of them, read unranked, and the newest two
    stories' sentences are cited."""
    answer, asked = await _who(two_days, monkeypatch, ranked_first=False)
    assert asked == ["passages_holding"]
    assert [f.source.slug for f in answer.role_told if f.source] == [
        "2026-04-20-brisa-tyres",
        "2026-04-02-brisa-upgrade",
    ]
    ranked, _ = await _who(two_days, monkeypatch, ranked_first=True)
    assert answer.role_told == ranked.role_told


def test_a_passage_without_a_source_sorts_with_dated_ones() -> None:
    """The role search sorts passages by day: one with no source compared 0 with a date
    (TypeError) before; it now sorts last."""
    from datetime import date

    from bot.answers.people import _day_and_paragraph
    from bot.models import Passage, Source

    dated = Passage("Ana Ruiz, the team principal, said so.", 2, Source("s", "H", date(2026, 5, 1)))
    bare = Passage("Ana Ruiz, the team principal.", 1)
    assert sorted([bare, dated], key=_day_and_paragraph, reverse=True) == [dated, bare]


async def test_more_matches_than_are_read_are_ranked(
    two_days: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More paragraphs hold the surname and role than the search reads (``ROLE_PASSAGES``):
    the unranked read overflows, the ranked search is asked, and the profile cites what the
    ranked search alone gives."""
    monkeypatch.setattr("bot.answers.people.ROLE_PASSAGES", 1)
    answer, asked = await _who(two_days, monkeypatch, ranked_first=False)
    assert asked == ["passages_holding", "passages_matching"]
    ranked, asked_ranked = await _who(two_days, monkeypatch, ranked_first=True)
    assert asked_ranked == ["passages_matching"]
    assert answer.role_told == ranked.role_told
    assert len([f for f in answer.role_told if f.source]) == 1
