"""People discovery: a show's title is no person, an owner named like his team is one, and
"His crew chief Name" after a sentence about one person is that person's crew chief."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.ingest.attribute import extract_speech
from bot.ingest.load import build_article
from bot.ingest.people import discover_people


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param(
            'Tom Harland said on his Coffee Break podcast that the move was "a bit much".',
            id="his-podcast",
        ),
        pytest.param(
            "Tom Harland's Coffee Break podcast called the move a bit much.", id="possessive"
        ),
        pytest.param("Tom Harland told the Coffee Break show it was a bit much.", id="the-show"),
    ],
)
def test_a_show_title_is_no_person(paragraph: str) -> None:
    """A capitalised title before "podcast" or "show", owned or with "the", is a title."""
    assert discover_people([paragraph]).names == ("Tom Harland",)


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param(
            'Sam Weller spoke for the team in a statement. "Ross gave us everything," the team'
            " owner said. Sam Weller Racing fields three cars.",
            id="spoke-for-the-team",
        ),
        pytest.param(
            "Sam Weller Racing fields three cars, and team owner Sam Weller wants a fourth.",
            id="role-before",
        ),
        pytest.param(
            "Sam Weller Racing fields three cars. Sam Weller, who founded it in 1992, wants more.",
            id="who",
        ),
    ],
)
def test_an_owner_named_like_his_team_is_a_person(paragraph: str) -> None:
    """ "Sam Weller Racing" is the team, but "team owner Sam Weller" is a person."""
    assert "Sam Weller" in discover_people([paragraph]).names


def test_a_team_written_without_its_last_word_is_still_no_person() -> None:
    """ "Sam Weller said" is as often the team as its owner: the name stays the team's."""
    paragraph = "Sam Weller Racing fields three cars. Sam Weller said a fourth would follow."
    assert "Sam Weller" not in discover_people([paragraph]).names


@pytest.mark.parametrize(
    ("relation", "alias"),
    [
        ("His crew chief", "Morrow's crew chief"),
        ("His race engineer", "Morrow's race engineer"),
        ("His teammate", "Morrow's teammate"),
        ("His father", "Morrow's father"),
        ("His manager", "Morrow's manager"),
    ],
)
def test_his_relation_is_the_one_person_of_the_sentence_before(relation: str, alias: str) -> None:
    """ "His crew chief Pete Dunmore" after a sentence naming Jake Morrow alone."""
    paragraphs = [
        "Ross Kellner won the title at Phoenix, passing Jake Morrow late on.",
        f"Morrow replied with a single emoji. {relation} Pete Dunmore was less brief.",
    ]
    index = discover_people(paragraphs)
    entry = index.get("Pete Dunmore")
    assert entry is not None
    assert alias in entry.aliases
    assert index.resolve(alias) == "Pete Dunmore"


def test_his_relation_after_two_people_learns_nothing() -> None:
    """ "His" after a sentence naming two people is either's: no alias is guessed."""
    paragraphs = ["Kellner passed Jake Morrow late on. His crew chief Pete Dunmore was angry."]
    paragraphs.insert(0, "Ross Kellner won the title at Phoenix.")
    entry = discover_people(paragraphs).get("Pete Dunmore")
    assert entry is not None
    assert entry.aliases == ()


ACCOUNT = [
    "Varo Lind won the invented Harbour 200 for Trackhouse Racing, the team Dace Ferrow owns.",
    "Ferrow rarely posts. This time he did: the Trackhouse Racing account shared a photograph "
    'of the pair with the caption "Ten years of trying. Worth it."',
]


def test_a_teams_account_posts_the_teams_words_not_its_owners() -> None:
    """ "the Trackhouse Racing account shared ... the caption": the team's, not Ferrow's."""
    found = extract_speech(ACCOUNT, discover_people(ACCOUNT), published=date(2026, 11, 9))
    (quote,) = [q for q in found.quotes if q.paragraph == 2]
    assert quote.speaker is None
    assert quote.label == "Trackhouse Racing"


def test_the_team_owner_is_a_role_not_an_alias(tmp_path: Path) -> None:
    """ "..., the team owner said" names Joe Gibbs here, but "the team owner" is a role any
    story's person may have: it becomes his role, never his alias (an alias would make a
    fan's "what did the team owner say" this one person's across the store)."""
    path = tmp_path / "2026-11-09-gibbs.txt"
    path.write_text(
        "date 2026-11-09 Kellner takes the title\n\n"
        "Ross Kellner won the title at Phoenix for Joe Gibbs Racing.\n\n"
        'Joe Gibbs spoke for the team in a statement. "Ross gave us everything," the team'
        " owner said.\n",
        encoding="utf-8",
    )
    article = build_article(path)
    (gibbs,) = [p for p in article.people if p.name == "Joe Gibbs"]
    assert gibbs.role == "team owner"
    assert "the team owner" not in gibbs.aliases
    assert [q.speaker for q in article.quotes] == ["Joe Gibbs"]
