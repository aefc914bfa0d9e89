"""Sentences that name no one, each rule on invented stories: a paragraph's lead introducing
what its next sentence tells is about whom that sentence names; a sanction naming no one is
about the subject of the sentence before it; a paragraph going on about someone under an
epithet ("The Omani") is read beside the one naming him."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

#: Paragraphs thick with a standings question's words, about no one asked: over a store of
#: them, a paragraph holding "lead" once is not among the candidates the search ranks first.
_STANDINGS = [
    f"Standings {n}: the lead in the points standings, the championship lead, who leads and "
    f"who is ahead or behind on points in the championship standings."
    for n in range(60)
]

#: Paragraphs about nothing asked, so the words above stay rare enough to be searched.
_QUIET = [f"The paddock {n} hospitality unit served coffee all afternoon." for n in range(300)]

STORIES = {
    "2026-09-13-invented-aragon": (
        "date 2026-09-13 Invented Aragon report: Pell takes the title",
        "Tam Pell won the Aragon Grand Prix on Sunday and took the world title with it.",
        "Gio Brant and Ada Corr both crashed out at Turn 2 in the opening laps.",
        "The pass that decided the title came on lap 12 of 23. Ruben Dace ran wide at Turn 5 "
        "on the brakes, and Pell cut back underneath him on the exit.",
        "Dace finished second, ahead of Brant's teammate.",
    ),
    "2026-10-04-invented-sachsenring": (
        "date 2026-10-04 Invented Sachsenring report: Rask loses his podium",
        "Oskar Lind won the German Grand Prix at the Sachsenring on Sunday.",
        "Ivo Rask had crossed the line second, ahead of Juan Ostra. An hour after the flag the "
        "stewards handed down a 12-second time penalty for an unsafe pit release.",
        "Lind was delighted with his first win of the year.",
    ),
    "2026-01-14-invented-rally": (
        "date 2026-01-14 Invented desert rally, stage 9: Omar in front",
        "Kalid Omar moved into the overall lead of the Sahara Rally on Wednesday after a long "
        "ninth stage through the dunes.",
        "The Omani finished the stage third and turned a deficit of a minute into a lead of 4 "
        "minutes 12 seconds over Pieter Vos with two stages left.",
        "Vos said he had driven too carefully in the morning.",
    ),
    "2026-01-02-invented-standings": (
        "date 2026-01-02 Invented standings notebook",
        *_STANDINGS,
    ),
    "2026-01-01-invented-quiet": (
        "date 2026-01-01 Invented paddock diary: a quiet week",
        *_QUIET,
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("unnamed"), stories)


async def test_a_lead_naming_no_one_is_about_whom_the_next_sentence_names(
    engine: AnswerEngine,
) -> None:
    """ "The pass that decided the title came on lap 12" is the pass the next sentence tells,
    by Pell on Dace (not Brant and Corr, named before it); both are shown."""
    shown = await ask(engine, "when did pell pass dace")
    assert DENIAL not in shown
    assert "lap 12 of 23" in shown
    assert "Pell cut back underneath him" in shown


async def test_a_sanction_naming_no_one_is_about_the_subject_before_it(
    engine: AnswerEngine,
) -> None:
    """ "Ivo Rask had crossed the line second, ahead of Juan Ostra. ... the stewards handed
    down a 12-second time penalty": Rask's penalty, not Ostra's."""
    shown = await ask(engine, "what penalty did rask get")
    assert "12-second time penalty" in shown
    assert DENIAL not in shown
    assert DENIAL in await ask(engine, "what penalty did ostra get")


async def test_a_paragraph_under_an_epithet_is_read_beside_the_one_naming_him(
    engine: AnswerEngine,
) -> None:
    """ "The Omani ... a lead of 4 minutes 12 seconds" never names Omar; the paragraph
    before it does, and many others hold "lead" more often."""
    shown = await ask(engine, "how big is omars lead")
    assert "4 minutes 12 seconds" in shown
