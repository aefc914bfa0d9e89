"""A capitalised phrase that names a thing is no person: a careful reader takes "the second
Bridge Gate chicane", "his podcast, Pit Talk, Reeves said" and "On SS4, Quiet Forest, Tanak set
the pace" as a corner's, a show's and a stage's names; a person named once in full beside a
role ("His co-driver, Aldo Verhoeven, read the notes") stays. Invented text."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.load import build_article
from tests.ingest.helpers import write_article

STORY = "\n\n".join(
    (
        "date 2026-03-15 Invented: Tanak leads the rally after day one",
        "On SS4, Quiet Forest, Ott Tanak set the pace in the cool morning air.",
        "His co-driver, Aldo Verhoeven, read the notes perfectly, Tanak said.",
        "Kalle Reeves lost time at the exit of the second Bridge Gate chicane.",
        "On his podcast, Pit Talk, Reeves said the car had been fine.",
    )
)


def test_a_things_name_is_no_person_and_a_person_beside_a_role_stays(tmp_path: Path) -> None:
    article = build_article(write_article(tmp_path, STORY, slug="2026-03-15-rally"))
    names = {p.name for p in article.people}
    assert not names & {"Quiet Forest", "Bridge Gate", "Pit Talk"}, names
    assert {"Ott Tanak", "Aldo Verhoeven", "Kalle Reeves"} <= names
