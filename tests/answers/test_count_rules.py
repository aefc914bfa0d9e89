"""A figure asked in words ("how many X"), on invented stories: the sentence with the thing
counted right after its number ("three times", "two penalty points") answers, wherever the
story says it, when the sentence the search found counts nothing asked; a number whose own
unit comes first ("a 5-second time penalty") or a word further on ("four Vallis wins") is
not that count."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import split_sentences, stems
from bot.answers.reading import StoryReader
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-09-02-invented-tribute": (
        "date 2031-09-02 Orsolo Bray, founder of Scuderia Bray, dies aged 81",
        "Orsolo Bray, who founded Scuderia Bray in 1979 and ran it for four decades, has died "
        "aged 81, the team said on Monday.",
        "Scuderia Bray went on to take its class at the Vallis 12 Hours three times, in 1991, "
        "2003 and 2016, and gave a first drive to a generation of young racers.",
        "Pello Marn, who drove for the team in 2008 before moving on to a works seat and four "
        "Vallis wins, said Bray had given him a chance when nobody else would.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("count"), stories)


async def test_how_many_times_is_told_by_n_times(engine: AnswerEngine) -> None:
    shown = await ask(engine, "how many times did his team win")
    assert "three times, in 1991, 2003 and 2016" in shown


def _reader(asked: tuple[str, ...]) -> StoryReader:
    return StoryReader(
        [], [], {"count"}, asked,
        mentions=lambda text, forms: False, sentences=split_sentences, stems_of=stems,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "asked", "shape"),
    [
        ("The stewards gave him two penalty points on his licence.", ("penalti", "point"), 2),
        ("The stewards gave him a 5-second time penalty.", ("penalti", "point"), 0),
        ("He won his class there three times.", ("time", "team", "win"), 1),
        ("He moved on to a works seat and four Vallis wins.", ("time", "team", "win"), 0),
    ],
)
def test_the_thing_counted_follows_its_number(
    sentence: str, asked: tuple[str, ...], shape: int
) -> None:
    assert _reader(asked)._shape(sentence) == shape
