"""The standings as the newest story tells them, on invented stories: a season of short race
reports, each with its standings line rich in the table's words, and the newest story, a
preview whose standings line sits in a long paragraph. "Who leads the championship" is the
preview's line: the table changes with every race, and a search of the whole store, ranked
by those words, would not even propose the preview's paragraph."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

#: More race reports than the passages propose as candidates (``CANDIDATES``).
ROUNDS = 45
START = date(2026, 3, 1)


def _round(number: int) -> tuple[str, str]:
    day = START + timedelta(days=4 * number)
    slug = f"{day.isoformat()}-invented-round-{number}"
    text = "\n\n".join(
        (
            f"date {day.isoformat()} Invented round {number}: Varga wins again",
            f"Ilja Varga won invented round {number} on Sunday from Teo Holm.",
            f"Varga leads the championship standings on {100 + number} points, {number} "
            "points ahead of Holm.",
        )
    )
    return slug, text


PREVIEW = "\n\n".join(
    (
        "date 2026-12-01 Jerez preview: Holm needs fourth, Varga needs a win and help",
        "Five days from now one of the two drivers will be champion, and the other will have "
        "to shake his hand in the same garage, in front of the same cameras, after a season "
        "that neither of them will forget. Teo Holm arrives at Jerez this weekend on 320 "
        "points, four ahead of Ilja Varga on 316, and the race on Sunday, December 6, is the "
        "only one left. There is no sprint this weekend, so 25 points is the most either of "
        "them can score, and nobody else can win the title.",
    )
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The season's reports and the preview, ingested through the real ingester."""
    stories = [_round(n) for n in range(1, ROUNDS + 1)]
    stories.append(("2026-12-01-invented-preview", PREVIEW))
    return stories_store(tmp_path_factory.mktemp("standings_newest"), stories)


async def test_who_leads_is_the_newest_storys_standings(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who leads the championship")
    assert "four ahead of Ilja Varga" in shown
