"""Whether an apology was accepted, on two invented stories in which the same two drivers
apologise to each other in turn: "did Oduya accept Brisco's apology" is Brisco's apology
with what Oduya said after it in that story, never the other story, where Oduya apologised
and Brisco answered. Brisco's newest apology is to someone else, in a story Oduya is not in:
never the one asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

SPRING = "\n\n".join(
    (
        "date 2026-04-12 Invented Dunmore 250: Tolland wins as Brisco and Oduya tangle",
        "Mira Tolland won the invented Dunmore 250 on Sunday. Ken Oduya crashed out on lap 88 "
        "after contact with Lee Brisco at the third turn.",
        '"I\'m sorry for Ken, I never saw him on my inside," Brisco said.',
        'Oduya was having none of it. "He saw me all right. You don\'t drift up like that by '
        'accident," Oduya said.',
    )
)  # fmt: skip

AUTUMN = "\n\n".join(
    (
        "date 2026-10-04 Invented Harlow 400: Oduya and Brisco tangle again",
        "Sol Imre won the invented Harlow 400. On lap 150 Ken Oduya turned Lee Brisco into the "
        "wall at the first turn.",
        '"That one is on me, I apologise to Lee and his crew," Oduya said.',
        '"Accidents happen, we move on," Brisco said.',
    )
)  # fmt: skip


WINTER = "\n\n".join(
    (
        "date 2026-12-06 Invented Carrow 500: Brisco spins Vail at the last turn",
        "Lee Brisco spun Tia Vail at the last turn on lap 12, and her race ended in the gravel.",
        '"I am sorry for Tia, that was my mistake and nobody else\'s," Brisco said.',
        '"These things happen in a big field," Vail said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("accepted"),
        (
            ("2026-04-12-dunmore", SPRING),
            ("2026-10-04-harlow", AUTUMN),
            ("2026-12-06-carrow", WINTER),
        ),
    )


async def test_the_reaction_is_to_that_persons_apology(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("did oduya accept briscos apology"))
    assert "I never saw him on my inside" in shown
    assert "He saw me all right" in shown
    assert "we move on" not in shown
    assert "my mistake" not in shown  # his newest apology, to Vail, in a story without Oduya


async def test_the_other_way_round_is_the_other_story(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("did brisco accept oduyas apology"))
    assert "I apologise to Lee" in shown
    assert "we move on" in shown


async def test_the_older_apology_is_found_as_apology_finds_it(
    engine: AnswerEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The story of an older apology is found by /apology's own paged search of apology words,
    not by a second reading of every quote the apologiser has (``quotes(speaker=...)``)."""
    quotes = engine.store.quotes
    speakers: list[object] = []

    async def counted(*args: object, **kw: object) -> object:
        speakers.append(kw.get("speaker"))
        return await quotes(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(engine.store, "quotes", counted)
    engine._apologies.forget()
    shown = render_text(await engine.ask("did oduya accept briscos apology"))
    assert "I never saw him on my inside" in shown
    assert [s for s in speakers if s is not None] == []
