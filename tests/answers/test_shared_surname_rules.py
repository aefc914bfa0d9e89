"""A surname a father and son share: in a story whose headline is about one of them by a name
of his own, the bare surname in its sentences is that one; in a story about neither, it stays
no one's. On invented stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

#: An older story naming the father, so that "Ortega" is two people in the store.
FATHER = "\n\n".join(
    (
        "date 2026-03-02 Invented: Ramon Ortega to drive the legends race at Sebring",
        "Ramon Ortega, the 1998 champion, will drive the invented legends race at Sebring.",
        '"I still know the bumps," Ortega said.',
    )
)  # fmt: skip

#: The son's profile: his full name in the headline, then the surname alone.
PROFILE = "\n\n".join(
    (
        "date 2026-11-20 Invented: Tomas Ortega, the quiet son, signs for Norda",
        "Tomas Ortega, son of the 1998 champion Ramon Ortega, will race for Norda next season.",
        "Born in Valparaiso in 2004, Ortega grew up around his father's cars.",
        "He won his first karting title at twelve.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("shared-surname"),
        (("2026-03-02-ortega-legends", FATHER), ("2026-11-20-ortega-profile", PROFILE)),
    )


async def test_the_bare_surname_in_a_profile_is_the_profiles_person(
    engine: AnswerEngine,
) -> None:
    """ "where was tomas born": the profile's "Born in Valparaiso ..., Ortega grew up" is his,
    though "Ortega" alone is two people."""
    assert engine.resolve_person("ortega") is None
    shown = await ask(engine, "where was tomas born")
    assert "Born in Valparaiso" in shown
    assert not shown.startswith("The articles don't say")


async def test_the_other_one_is_not_given_the_profiles_sentence(engine: AnswerEngine) -> None:
    """ "where was ramon born": the son's birthplace is not the father's."""
    shown = await ask(engine, "where was ramon born")
    assert "Valparaiso" not in shown.split("The nearest the articles come")[0]
    assert shown.startswith("The articles don't say")
