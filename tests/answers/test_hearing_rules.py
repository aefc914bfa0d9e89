"""A hearing's report (an appeal, the stewards, a court), read as a careful reader reads it.
Invented stories.

- A body that sits in judgement ("the Championship Appeals Committee"), which attribution may
  store as a person ("Appeals Committee"), is never read as someone a question names: "when
  does the series have to decide on an appeal" asks about an appeal, not about a person
  called "Appeals", and is answered by the sentence giving the deadline.
- "where was the appeal heard": a case heard is told as its "hearing" ("after a hearing of
  three hours at the Federation's offices in Paris"); that sentence answers, no denial.
- "what did amsel tell the appeals committee": what she said, the body she told named in
  several words as "what did X tell him" names the one told in one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

HEARING = "\n\n".join(
    (
        "date 2026-10-14 Invented: tribunal trims Okafor's grid penalty but finds the floor "
        "was illegal",
        "GENEVA – The Championship Appeals Committee on Monday upheld the finding that Tomas "
        "Okafor's Verdant car raced with an illegal floor, but cut his grid penalty from ten "
        "places to five.",
        "Verdant was represented by Ruth Amsel, a lawyer from Zurich. She told the committee "
        "that the floor had been damaged on a kerb, not altered in the factory.",
        '"A broken floor is not an illegal floor," Amsel said.',
        "The ruling came after a hearing of three hours at the Federation's offices in Paris, "
        "and restores Okafor to the front row.",
        "The series said it was disappointed and has until Thursday to decide whether to "
        "appeal again.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = (("2026-10-14-hearing", HEARING),)
    return stories_store(tmp_path_factory.mktemp("hearing"), stories)


async def test_a_hearing_body_is_nobody_a_question_names(engine: AnswerEngine) -> None:
    """ "when does the series have to decide on an appeal": "appeal" is the act, not the
    "Appeals Committee" attribution stored as a person; the deadline's sentence answers."""
    shown = render_text(await engine.ask("when does the series have to decide on an appeal"))
    assert "has until Thursday to decide" in shown
    assert "don't say" not in shown


async def test_where_a_case_was_heard_is_where_its_hearing_was(engine: AnswerEngine) -> None:
    """ "where was okafors appeal heard": the sentence placing the hearing, not a denial over
    the story's other sentences (stems never join "heard" and "hearing")."""
    shown = render_text(await engine.ask("where was okafors appeal heard"))
    assert "at the Federation's offices in Paris" in shown
    assert "don't say" not in shown


async def test_what_someone_told_a_body_is_their_own_words(engine: AnswerEngine) -> None:
    """ "what did amsel tell the appeals committee": her quote, as for "tell him"; not the
    story's sentences about the committee."""
    shown = render_text(await engine.ask("what did amsel tell the appeals committee"))
    assert "A broken floor is not an illegal floor" in shown


async def test_a_deadline_is_never_when_a_case_was_heard(engine: AnswerEngine) -> None:
    """ "when was the appeal heard": "has until Thursday to decide" is a date still to come,
    which tells when nothing was done; it never answers a past "when"."""
    shown = render_text(await engine.ask("when was the appeal heard"))
    assert "until Thursday" not in shown
