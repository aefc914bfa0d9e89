"""A team-mate head-to-head told by score lines, on an invented story: "Qualifying: 15-7 to
Rask" heading its section is the answer to "whats the quali head to head", the races' line
to "race h2h", every line when no topic is asked; a heading with no score is no count. The
year asked picks its story's lines, and a pair the story is not about gets none of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers._head_to_head import asks_head_to_head, score_lines, topic_words, wanted_lines
from bot.models import Passage
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-11-20-invented-team-mates": (
        "date 2031-11-20 Rask v Lund: how Halden's drivers compare after 22 rounds",
        "Halden has two drivers under contract for next year and no answer yet to which of "
        "them is quicker.",
        "Qualifying: 15-7 to Rask",
        "Jonas Rask has started ahead of his team-mate 15 times to seven this year, and by an "
        "average of a tenth of a second. Back at Vesta his partner Ole Berg beat him on "
        "Saturdays 13 times to nine.",
        "Races: 11-6 to Lund",
        "Sundays are another matter.",
        "Pia Lund has finished ahead in 11 of the 17 races both have finished, Rask six.",
        "The verdict",
        "Both stay for another season, and the count starts again in March.",
    ),
    "2030-11-25-invented-first-season": (
        "date 2030-11-25 Rask v Lund: Halden's new pairing after one year",
        "Halden promised its two new drivers equal cars, and kept its word.",
        "Qualifying: 12-10 to Lund",
        "Pia Lund out-qualified Jonas Rask 12 times to ten in their first year together.",
        "Races: 9-8 to Rask",
        "Rask came home in front nine times in the 17 races both saw the flag.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("head-to-head"), stories)


async def test_a_clipped_session_asks_its_score_line(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whats the quali head to head at halden")
    assert "Qualifying: 15-7 to Rask" in shown
    assert "15 times to seven" in shown
    assert "11-6" not in shown


async def test_the_races_line_past_a_lead_in(engine: AnswerEngine) -> None:
    shown = await ask(engine, "race h2h lund vs rask")
    assert "Races: 11-6 to Lund" in shown
    assert "11 of the 17 races" in shown
    assert "15-7" not in shown


async def test_no_topic_asked_shows_every_line(engine: AnswerEngine) -> None:
    shown = await ask(engine, "rask lund head to head")
    assert "15-7 to Rask" in shown
    assert "11-6 to Lund" in shown


async def test_the_year_asked_picks_its_story(engine: AnswerEngine) -> None:
    """ "in 2030": that year's review tells the count, never the newer one's."""
    shown = await ask(engine, "what was the quali head to head between rask and lund in 2030")
    assert "Qualifying: 12-10 to Lund" in shown
    assert "15-7" not in shown


async def test_another_pair_is_not_the_storys_count(engine: AnswerEngine) -> None:
    """A review of Rask v Lund naming Rask's old team-mate Berg once tells no score line of
    Rask v Berg: the passages answer, Berg's own count first."""
    shown = await ask(engine, "whats the quali head to head between rask and berg")
    assert "13 times to nine" in shown
    berg = shown.index("13 times to nine")
    assert all(line not in shown[:berg] for line in ("15-7", "12-10", "11-6", "9-8"))


def _line(paragraph: int, text: str) -> Passage:
    return Passage(text=text, paragraph=paragraph)


def test_only_headings_with_a_score_are_count_lines() -> None:
    story = [
        _line(1, "An opening paragraph of prose, long enough to be one."),
        _line(2, "Fastest laps: 1:32.4 for both"),
        _line(3, "Prose under it, which tells of the laps."),
        _line(4, "Points: 40-38 to Lund"),
        _line(5, "Prose under it, which tells of the points."),
    ]
    assert [p.paragraph for p in score_lines(story)] == [4]


@pytest.mark.parametrize(
    ("asked", "topic", "wanted"),
    [
        ("whats the quali head to head", ["quali"], "Qualifying: 15-7 to Rask"),
        ("head-to-head in races", ["races"], "Races: 11-6 to Lund"),
        ("head 2 head in the sprints", ["sprints"], None),
    ],
)
def test_the_topic_asked_picks_the_line(asked: str, topic: list[str], wanted: str | None) -> None:
    assert asks_head_to_head(asked)
    tokens = asked.replace("-", " ").split()
    assert topic_words(tokens, set()) == topic
    lines = [_line(2, "Qualifying: 15-7 to Rask"), _line(5, "Races: 11-6 to Lund")]
    picked = wanted_lines(lines, topic)
    assert [p.text for p in picked] == ([wanted] if wanted else [])
