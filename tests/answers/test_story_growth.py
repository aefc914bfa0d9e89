"""What a growing store must not cost a story, on invented stories: a word common over the
other stories is still searched for inside the story a question is narrowed to, and a story
whose opening names a place only as where someone races next is not that place's story."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

#: The story asked about: its winning sentence never names the place; the headline does.
ROAD_AMERICA = "\n\n".join(
    (
        "date 2026-06-21 Invented IndyCar: Hale takes Road America in a fuel-saving finish",
        "ELKHART LAKE, Wis. — Ben Hale won on Sunday from pole, finishing ahead of Tim Okoro "
        "and Rico Valdes after saving fuel over the last nine laps.",
        "The four-mile circuit at Road America suited the car all weekend.",
        '"We were quick everywhere," Hale said.',
    )
)  # fmt: skip

#: A newer injury update whose opening names Road America only as where a stand-in races.
INJURY = "\n\n".join(
    (
        "date 2026-07-02 Invented IndyCar: Brink out with a broken hand, Lund to stand in",
        "Jan Brink will miss two races after breaking his hand in a practice crash, and Sam "
        "Lund will drive his car at Road America on July 12.",
        "Brink had won twice this season and finished second in the race before.",
        "The team said the surgery had gone well.",
    )
)  # fmt: skip

#: Invented places for the filler stories: none of them is Road America.
_TOWNS = ("Avonford", "Bellmoor", "Corrin", "Dunmere", "Eskhaven", "Fallowby")


def _filler(n: int) -> tuple[str, str]:
    """A short older story in which "won" is in every paragraph, so that over the whole store
    the word is a common one."""
    town = _TOWNS[n % len(_TOWNS)]
    text = "\n\n".join(
        (
            f"date 2025-0{1 + n % 9}-1{n % 9} Invented kart report number {n} from {town}",
            f"Driver Number{n} won the invented kart final at {town}.",
            "He won the heat as well and won the pole the day before.",
            "His team-mate won the junior race, and the team won the cup.",
        )
    )
    return f"2025-0{1 + n % 9}-1{n % 9}-kart-{n}", text


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two IndyCar stories and thirty filler stories, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("story-growth"),
        (
            ("2026-06-21-road-america", ROAD_AMERICA),
            ("2026-07-02-brink-injury", INJURY),
            *(_filler(n) for n in range(30)),
        ),
    )


async def test_a_word_common_over_the_store_is_still_searched_inside_the_story_asked_about(
    engine: AnswerEngine,
) -> None:
    """Asked "who won at road america": "won" is in a hundred other paragraphs, but inside
    the Road America story it is the answer's word: Hale, not an honest negative."""
    shown = await ask(engine, "who won at road america")
    assert not shown.startswith("The articles don't say")
    assert "Ben Hale won on Sunday" in shown


async def test_a_story_naming_a_place_only_as_where_someone_races_next_is_not_its_race(
    engine: AnswerEngine,
) -> None:
    """Asked "who finished second at road america": the newer injury story opens with a
    stand-in who "will drive ... at Road America", and its "finished second" is another race;
    the race at Road America answers (Okoro)."""
    shown = await ask(engine, "who finished second at road america")
    assert "Okoro" in shown
    assert "Brink had won twice" not in shown
