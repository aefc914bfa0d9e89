"""People as the articles describe them, read as a careful reader would. Invented stories.

- A role is said in a sentence a fan reads ("Marco Bellandi is Verdant's team principal.") and
  the article's sentence giving it is cited, verbatim, under the card.
- "Ben Rowley, Albon's race engineer": a person's engineer, never a team called Albon.
- Words quoted after a passive verb of naming ('called "..." by his own engineer') or after an
  active one with a described subject ('A rival engineer called Kerr "..."') are the agent's,
  never the one they describe; an agent only described is shown as the article words it.
- Someone's words told inside another's quote ('"Alex told us it felt like ...," said Rowley')
  are found for "what did albon say", as reported by the teller, never as his own quote.
- "whos mateos dad" (a first name two people share) finds the father the story gives;
  "whos mateo ruiz" shows the card and, under it, what the newest story says of him.
- "whats kerrs nickname": the sentence giving the nickname the article learned for him.
- A role sentence is one naming the person, never one naming another holder of their alias
  ("Verdant team principal Otto Kranz" under Marco Bellandi's card).
- A team's role the articles write but never name ("whos aston martins head of aerodynamics"):
  that they don't name them, and the sentence writing it.
- "what team is oliver bearman going to in 2028", a year no story was written in: the sentence
  writing that year beside him and a team, not the team he drives for now.
- A team's name in a question ("whos aston martins head of aerodynamics") is the team's, never
  a person's surname ("Carl Martins") by one of its words.
- A profile reads, for its role sentence, only paragraphs holding the surname and every word of
  the role: any of them ("team") is most of a big store, ranked whole on every /who (issue 12).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.answers import AnswerEngine
from bot.models import Passage
from bot.render import render_text
from tests.answers.scoring import stories_store

FEATURE = "\n\n".join(
    (
        "date 2026-07-05 Invented F2 feature race: Vance wins as Martins spins",
        "Leo Vance won the invented feature race ahead of Carl Martins, who spun on the last lap.",
        '"I lost the rear and that was it," said Martins.',
        '"The tyres were gone by the end," said Alex Albon, who finished fifth.',
    )
)  # fmt: skip

BRAKES = "\n\n".join(
    (
        "date 2026-11-18 Invented: how Verdant fixed its braking problem",
        "Verdant's brakes faded in the first three races of the season.",
        "Marco Bellandi, Verdant's team principal, said the factory had found the cause quickly.",
        '"We changed the cooling and the problem went away," Bellandi said.',
        "Verdant team principal Marco Bellandi also thanked the mechanics.",
        "Ben Rowley, Albon's race engineer, said that Albon had to learn the pedal again.",
        '"The pedal felt long to him at first," Rowley said.',
        '"In Austin Alex told us it felt like stepping on a wet sponge," said Rowley.',
        "Aston Martin's head of aerodynamics said last month that every team had caught up.",
    )
)  # fmt: skip


FINALE = "\n\n".join(
    (
        "date 2026-12-01 Invented: Vance and Kerr go to the finale",
        "Leo Vance and Tom Kerr go to the last race two points apart.",
        'Vance has been called "the calmest man in the garage" by his own engineer this week.',
        'A rival engineer called Kerr "the bravest driver on the grid" after the last race.',
        'Kerr, known in the paddock as "the Lighthouse", is the tallest driver on the grid.',
    )
)  # fmt: skip


PROFILE = "\n\n".join(
    (
        "date 2026-11-24 Invented: Mateo Ruiz, the quiet rookie, gets his chance",
        "When Mateo Ruiz was eight, his father, Diego Ruiz, built him a kart in the garage.",
        "Norda confirmed on Monday that Ruiz, 20, will race for the team in 2027.",
        '"He never asked for anything," Diego Ruiz said.',
        '"I just wanted to drive," said Mateo Ruiz.',
    )
)  # fmt: skip

HISTORY = "\n\n".join(
    (
        "date 2026-11-30 Invented: Verdant remembers its founder",
        "Verdant team principal Otto Kranz built the first car in a barn in 1998.",
    )
)  # fmt: skip

MOVE = "\n\n".join(
    (
        "date 2026-11-20 Invented: Bearman to change teams",
        "Oliver Bearman finished seventh for Haas on Sunday.",
        "Verdant confirmed on Monday that Bearman will race for the team in 2028.",
    )
)  # fmt: skip

ROUNDUP = "\n\n".join(
    (
        "date 2026-10-02 Invented: Mateo Lund takes pole in the junior series",
        "Mateo Lund took pole position by a tenth of a second.",
        '"The car was perfect," Lund said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = (
        ("2026-07-05-feature", FEATURE),
        ("2026-11-18-brakes", BRAKES),
        ("2026-12-01-finale", FINALE),
        ("2026-11-24-profile", PROFILE),
        ("2026-10-02-roundup", ROUNDUP),
        ("2026-11-30-history", HISTORY),
        ("2026-11-20-move", MOVE),
    )
    return stories_store(tmp_path_factory.mktemp("people_reading"), stories)


async def test_a_role_is_said_in_a_sentence_and_cited_from_the_article(
    engine: AnswerEngine,
) -> None:
    """ "whats bellandis job": his role in a sentence, the article's sentence giving it under
    the card, verbatim and cited."""
    shown = render_text(await engine.ask("whats bellandis job"))
    assert "Marco Bellandi is Verdant's team principal." in shown
    assert "Marco Bellandi, Verdant's team principal, said the factory" in shown
    assert "Role: team principal" in shown  # the card's lines stay


async def test_a_persons_race_engineer_is_no_team(engine: AnswerEngine) -> None:
    """ "who is ben rowley": Albon's race engineer, as the article says; never "Team: Albon"."""
    shown = render_text(await engine.ask("who is ben rowley"))
    assert "Team: Albon" not in shown
    assert "Ben Rowley is Albon's race engineer." in shown
    assert "The pedal felt long to him at first" in shown  # the card, with his words


async def test_a_teams_name_is_no_persons_surname(engine: AnswerEngine) -> None:
    """ "whos aston martins head of aerodynamics": the team's role, never Carl Martins."""
    shown = render_text(await engine.ask("whos aston martins head of aerodynamics"))
    assert "Carl Martins" not in shown
    assert "lost the rear" not in shown
    assert "The articles don't name Aston Martin's head of aerodynamics." in shown
    assert "Aston Martin's head of aerodynamics said last month" in shown


async def test_words_called_by_a_described_agent_are_not_the_described_ones(
    engine: AnswerEngine,
) -> None:
    """ "who called vance the calmest man in the garage": his own engineer, as the article
    says; never Vance himself."""
    shown = render_text(await engine.ask("who called vance the calmest man in the garage"))
    assert "Leo Vance said it" not in shown
    assert "his own engineer" in shown


async def test_words_of_a_described_subject_are_not_the_objects(engine: AnswerEngine) -> None:
    """ "who called kerr the bravest driver on the grid": a rival engineer, never Kerr."""
    shown = render_text(await engine.ask("who called kerr the bravest driver on the grid"))
    assert "Tom Kerr said it" not in shown
    assert "A rival engineer" in shown


async def test_words_told_inside_anothers_quote_are_reported_not_quoted(
    engine: AnswerEngine,
) -> None:
    """ "what did albon say the pedal felt like": Rowley's telling, marked as reported (the
    article names only "Albon" and "Alex": the register joins them), never Albon's quote."""
    shown = render_text(await engine.ask("what did albon say the brake pedal felt like"))
    assert "Alex Albon (reported, not quoted)" in shown
    assert "stepping on a wet sponge (as Ben Rowley told it)" in shown
    assert "— Alex Albon" not in shown


async def test_a_shared_first_names_father_is_the_one_a_story_gives(engine: AnswerEngine) -> None:
    """ "whos mateos dad": of the two Mateos, the one a story gives a father."""
    shown = render_text(await engine.ask("whos mateos dad"))
    assert "Diego Ruiz" in shown


async def test_who_is_shows_the_card_and_what_the_newest_story_says(engine: AnswerEngine) -> None:
    """ "whos mateo ruiz": his card (his words) and the newest story's sentences naming him."""
    shown = render_text(await engine.ask("whos mateo ruiz"))
    assert "I just wanted to drive" in shown
    assert "When Mateo Ruiz was eight" in shown


async def test_a_nickname_asked_is_the_sentence_giving_it(engine: AnswerEngine) -> None:
    """ "whats tom kerrs nickname": the sentence that gives the nickname, cited."""
    for asked in ("whats tom kerrs nickname", "what do they call kerr"):
        shown = render_text(await engine.ask(asked))
        assert 'Kerr, known in the paddock as "the Lighthouse", is the tallest' in shown, asked


async def test_a_role_sentence_names_the_person_not_an_alias_holder(
    engine: AnswerEngine,
) -> None:
    """ "who is marco bellandi": his own role sentences, never Otto Kranz's, though both are
    written "Verdant team principal"."""
    shown = render_text(await engine.ask("who is marco bellandi"))
    assert "Marco Bellandi, Verdant's team principal" in shown
    assert "Otto Kranz" not in shown


async def test_a_team_in_a_year_no_story_was_written_in(engine: AnswerEngine) -> None:
    """ "what team is oliver bearman going to in 2028": the sentence telling it, cited, not
    the one naming him beside the team he drives for now."""
    shown = render_text(await engine.ask("what team is oliver bearman going to in 2028"))
    assert "Verdant confirmed on Monday that Bearman will race for the team in 2028." in shown
    assert "seventh for Haas" not in shown


async def test_a_role_sentence_is_looked_for_where_name_and_role_both_are(
    engine: AnswerEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "who is marco bellandi": the paragraphs read for his role sentence all hold "Bellandi"
    and "team principal"; none only "team" or only his name (those are read for nothing)."""
    store = engine.store
    read: list[str] = []
    for name in ("passages_holding", "passages_matching"):  # unranked, or ranked
        method = getattr(store, name)

        async def counted(*args: Any, _method: Any = method, **kwargs: Any) -> list[Passage]:
            found = await _method(*args, **kwargs)
            read.extend(p.text for p in found)
            return found

        monkeypatch.setattr(store, name, counted)
    shown = render_text(await engine.who("Marco Bellandi"))
    assert "Marco Bellandi, Verdant's team principal, said the factory" in shown
    assert read
    for text in read:
        folded = " ".join(text.casefold().split())
        assert "bellandi" in folded and "team principal" in folded, text
