"""An organisation's statement is nobody's words: no speaker, the organisation as label."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from bot.ingest.attribute import extract_quotes, extract_speech
from bot.ingest.people import discover_people
from bot.ingest.register import Register
from bot.ingest.resolve import register_folder
from bot.models import Quote

INTRO = "Lewis Hamilton and Marco Bezzecchi raced on Sunday."


def quotes(paragraphs: Sequence[str]) -> list[Quote]:
    texts = [INTRO, *paragraphs]
    return extract_quotes(texts, discover_people(texts), published=date(2025, 10, 20))


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        pytest.param(
            'In a statement, the Ducati Lenovo Team said: "There was no failure."',
            "the Ducati Lenovo Team",
            id="team-said-in-a-statement-colon",
        ),
        pytest.param(
            '"We are disappointed," Red Bull said in a statement.', "Red Bull", id="tag-after"
        ),
        pytest.param(
            '"We accept the penalty," said Ferrari in a statement.', "Ferrari", id="verb-first"
        ),
        pytest.param(
            'A Mercedes spokesperson said: "We respect the decision."',
            "Mercedes",
            id="spokesperson",
        ),
        pytest.param(
            'McLaren\'s statement read: "Both drivers are free to race."',
            "McLaren",
            id="statement-read",
        ),
        pytest.param(
            '"Both cars were within the limits," read a statement from the FIA.',
            "the FIA",
            id="read-a-statement-from",
        ),
        pytest.param('"Five seconds," the stewards ruled.', "the stewards", id="stewards-ruled"),
        pytest.param('"A drive-through," the stewards wrote.', "the stewards", id="stewards-wrote"),
        pytest.param(
            '"We will review it," NASCAR said in a statement.', "NASCAR", id="series-statement"
        ),
        pytest.param(
            'Red Bull called the penalty "harsh" in a short statement.',
            "Red Bull",
            id="partial-quote-of-a-team",
        ),
        pytest.param(
            'The stewards described the move as "optimistic but legal".',
            "the stewards",
            id="partial-quote-of-the-stewards",
        ),
        pytest.param(
            'Hamilton starts tenth after the stewards in Monza found him "wholly to blame".',
            "the stewards",
            id="verdict-clause-before-the-words-is-not-the-subjects",
        ),
        pytest.param(
            '"We will appeal," Andretti Global said in a statement.',
            "Andretti Global",
            id="team-named-for-a-family",
        ),
    ],
)
def test_an_organisations_words_get_its_label_and_no_speaker(paragraph: str, label: str) -> None:
    """The statement's words carry the organisation as label, never a person."""
    (quote,) = quotes([paragraph])
    assert (quote.speaker, quote.label) == (None, label)
    assert quote.setting in ("statement", "written statement")


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        pytest.param(
            '"Ferrari were quick today," Hamilton said.', "Lewis Hamilton", id="about-a-team"
        ),
        pytest.param(
            '"We were slow," the Ferrari driver said.', "Lewis Hamilton", id="a-teams-driver"
        ),
        pytest.param('"We go again," Andretti said.', None, id="a-family-name-no-statement"),
        pytest.param(
            '"We respect the decision," the statement read.', None, id="whose-statement-unsaid"
        ),
        pytest.param(
            'Hamilton called the Ferrari floor "a big step".',
            "Lewis Hamilton",
            id="partial-quote-about-a-team",
        ),
    ],
)
def test_words_about_a_team_are_never_the_teams(paragraph: str, speaker: str | None) -> None:
    """A person's words about a team, a team's driver, or an unnamed statement get no label."""
    (quote,) = quotes([paragraph])
    assert (quote.speaker, quote.label) == (speaker, None)


def test_the_next_quote_paragraph_continues_the_statement() -> None:
    """A quote-only paragraph right after a team's statement is still the team's."""
    found = quotes(
        [
            'Red Bull said in a statement: "We are disappointed."',
            '"We will not appeal."',
            "Hamilton was calmer.",
            '"It is what it is."',
        ]
    )
    assert [(q.speaker, q.label) for q in found] == [
        (None, "Red Bull"),
        (None, "Red Bull"),
        (None, None),
    ]


def test_register_names_teams_and_bodies_not_roles() -> None:
    """A team's other names and a body's name are organisations; "the X driver" is not."""
    register = Register.load(register_folder())
    assert register.organisations("the Ducati Lenovo Team") == {"Ducati"}
    assert register.organisations("the Haas team") == {"Haas"}
    assert register.organisations("the FIM MotoGP Stewards Panel") == {"Stewards"}
    assert register.organisations("the Ferrari driver") == frozenset()
    assert register.organisations("Lewis Hamilton") == frozenset()


def test_bodies_table_is_read_and_checked(tmp_path: Path) -> None:
    """teams.toml may hold [bodies."Name"] tables beside [teams."Name"] ones."""
    (tmp_path / "nationalities.toml").write_text("", encoding="utf-8")
    (tmp_path / "teams.toml").write_text(
        '[teams."Haas"]\naliases = ["Haas F1"]\n\n[bodies."FIA"]\naliases = ["the FIA"]\n',
        encoding="utf-8",
    )
    register = Register.load(tmp_path)
    assert register.organisations("FIA") == {"FIA"}
    assert register.organisations("Haas F1") == {"Haas"}


def test_register_nicknames_become_aliases_but_initialisms_do_not() -> None:
    """Fans' names for the article's people ("Bez") join their aliases; "JB" would match
    ordinary words of a question and is left out."""
    texts = ["Marco Bezzecchi beat Jenson Button and Sergio Pérez in the invented race."]
    speech = extract_speech(texts, discover_people(texts), published=date(2025, 10, 20))
    assert speech.epithets["Bez"] == "Marco Bezzecchi"
    assert speech.epithets["Checo"] == "Sergio Pérez"
    assert "JB" not in speech.epithets


@pytest.mark.parametrize(
    ("paragraphs", "label"),
    [
        pytest.param(
            ["Haas released a statement on Sunday night.", 'The statement read: "He is fit."'],
            "Haas",
            id="the-one-team-that-issued-it",
        ),
        pytest.param(
            ['Arrow McLaren issued a statement. "We will appeal," the statement said.'],
            "Arrow McLaren",
            id="same-paragraph",
        ),
        pytest.param(
            ['Lewis Hamilton issued a statement about Ferrari. "Not worried," the statement read.'],
            None,
            id="a-persons-statement-naming-a-team",
        ),
        pytest.param(
            ['Aston Martin and Alpine issued statements. "We will review," the statement said.'],
            None,
            id="two-teams",
        ),
    ],
)
def test_the_statement_is_the_one_organisation_said_to_issue_it(
    paragraphs: list[str], label: str | None
) -> None:
    """ "The statement read" takes the organisation the text says issued it, if only one."""
    found = quotes(paragraphs)
    assert (found[-1].speaker, found[-1].label) == (None, label)


@pytest.mark.parametrize(
    ("paragraphs", "label"),
    [
        pytest.param(
            [
                "The stewards' verdict came late on Saturday. "
                '"Car 4 moved under braking and forced Car 7 wide," the document read.'
            ],
            "the stewards",
            id="the-document-read",
        ),
        pytest.param(
            [
                "The FIA published its decision an hour after the race.",
                'The ruling said the move was "clearly avoidable".',
            ],
            "the FIA",
            id="the-ruling-said-partial-owner-in-paragraph-before",
        ),
        pytest.param(
            [
                "The race stewards issued their decision after midnight.",
                "They handed Hamilton a grid drop. "
                'The document noted that he had "ignored the yellow flags".',
            ],
            "the race stewards",
            id="the-document-noted-partial",
        ),
        pytest.param(
            [
                "Hamilton read the decision twice. "
                '"A five-second penalty is applied," the document read.'
            ],
            None,
            id="a-person-reading-the-decision-owns-nothing",
        ),
    ],
)
def test_a_documents_words_are_its_issuers(paragraphs: list[str], label: str | None) -> None:
    """ "The document read" and "the ruling said" take the one body said to issue it, no
    person; when a person is the one the text has with the document, nobody."""
    found = quotes(paragraphs)
    assert (found[-1].speaker, found[-1].label) == (None, label)
