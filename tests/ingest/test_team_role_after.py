"""A team's role set off after the name ("Marco Bellandi, Verdant's team principal, said"):
the person's role and team. A possessor who is a person of the article ("Hamilton's race
engineer") or a role with no role noun ("Monaco's favourite son") gives neither. Invented text."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.load import build_article
from tests.ingest.helpers import write_article

STORY = "\n\n".join(
    (
        "date 2026-11-30 Invented: Verdant sets out its plan for the finale",
        "Marco Bellandi, Verdant's team principal, said there would be no team orders.",
        "The car was ready, said Gaetan Rivaud, Norda's head of performance engineering.",
        "Lewis Hamilton and Pete Corbin, Hamilton's race engineer, spoke before the start.",
        "Luca Ferrandi, Monaco's favourite son, watched from the pit wall.",
        "Ben Rowley, Albon's race engineer, said that the car was hard to brake late.",
        "Dan Keyes, Norris's performance engineer, said little.",
        "Luca Moretti, the Norda team principal, said the car was ready.",
        "The pace was there, said Sam Vale, the race engineer.",
    )
)


def _people(tmp_path: Path) -> dict[str, tuple[str | None, str | None]]:
    article = build_article(write_article(tmp_path, STORY, slug="2026-11-30-verdant"))
    return {p.name: (p.role, p.team) for p in article.people}


def test_a_teams_role_after_the_name_is_the_persons_role_and_team(tmp_path: Path) -> None:
    people = _people(tmp_path)
    assert people["Marco Bellandi"] == ("team principal", "Verdant")
    assert people["Gaetan Rivaud"] == ("head of performance engineering", "Norda")


def test_a_person_or_a_role_without_a_role_noun_gives_neither(tmp_path: Path) -> None:
    people = _people(tmp_path)
    assert people.get("Pete Corbin", (None, None))[1] != "Hamilton"
    assert people.get("Luca Ferrandi", (None, None)) == (None, None)


def test_a_driver_the_article_names_only_by_surname_is_no_team(tmp_path: Path) -> None:
    """ "Ben Rowley, Albon's race engineer": the register knows Albon for a driver and for no
    team, so he is Rowley's relation, not his team; the role stands."""
    people = _people(tmp_path)
    assert people["Ben Rowley"] == ("race engineer", None)
    assert people["Dan Keyes"] == ("performance engineer", None)


def test_a_role_set_off_with_an_article_keeps_its_two_words_and_team(tmp_path: Path) -> None:
    """ "Luca Moretti, the Norda team principal": the team principal of Norda, not a
    "principal"; "Sam Vale, the race engineer": a race engineer, no team."""
    people = _people(tmp_path)
    assert people["Luca Moretti"] == ("team principal", "Norda")
    assert people["Sam Vale"] == ("race engineer", None)
