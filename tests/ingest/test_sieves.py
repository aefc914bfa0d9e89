"""Each attribution sieve on a small text: the speaker, and the cue it records (issue 8)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from bot.ingest.attribute import extract_quotes
from bot.ingest.load import build_article
from bot.ingest.people import discover_people
from bot.ingest.text import article_style, find_segments
from bot.models import Quote
from bot.store import Store
from tests.ingest.helpers import write_article

INTRO = "Marco Ricci and Tomas Novak raced. Lewis Hamilton and Lando Norris watched."


def quotes(paragraphs: Sequence[str]) -> list[Quote]:
    texts = [INTRO, *paragraphs]
    return extract_quotes(texts, discover_people(texts), published=date(2024, 6, 1))


def speakers(paragraphs: Sequence[str]) -> list[str | None]:
    return [q.speaker for q in quotes(paragraphs)]


CASES = [
    pytest.param(
        ['"One," said Ricci.', '"Two."', '"Three."'],
        ["Marco Ricci"] * 3,
        id="follow-on-paragraphs",
    ),
    pytest.param(
        ['"One," said Ricci.', "Ricci also took aim at the stewards.", '"Two."'],
        ["Marco Ricci", "Marco Ricci"],
        id="follow-on-same-subject",
    ),
    pytest.param(
        ['"One," said Ricci.', "Novak finished fourth.", '"Two."'],
        ["Marco Ricci", None],
        id="follow-on-broken-by-new-person",
    ),
    pytest.param(
        ['"One," said Ricci.', '"Two," came the cry from the grandstand.'],
        ["Marco Ricci", None],
        id="no-follow-on-with-narration",
    ),
    pytest.param(
        ['Ricci: "Box now?"', 'Race engineer: "Not yet."', 'Team: "Good job."'],
        ["Marco Ricci", None, None],
        id="transcript-labels",
    ),
    pytest.param(
        ['Ricci insisted he was "only defending" and that Novak had "come from nowhere".'],
        ["Marco Ricci", "Marco Ricci"],
        id="partial-quotes-belong-to-the-reporting-subject",
    ),
    pytest.param(
        ['"I was ahead," said Ricci. "He moved," Novak replied.'],
        ["Marco Ricci", "Tomas Novak"],
        id="speaker-change-in-a-paragraph",
    ),
    pytest.param(
        ['Novak, he added, had been "reckless".'],
        [None],
        id="parenthetical-pronoun-without-referent",
    ),
    pytest.param(
        ['"It was Novak\'s fault," Ricci said.', '"Novak knows it," he added.'],
        ["Marco Ricci", "Marco Ricci"],
        id="names-inside-quotes-are-never-candidates",
    ),
    pytest.param(
        ["The Ricci incident was reviewed, but Novak was adamant.", '"It was fine," he said.'],
        ["Tomas Novak"],
        id="name-as-modifier-is-never-a-candidate",
    ),
    pytest.param(
        ["Ricci and Novak collided.", '"It was fine," he said.'],
        [None],
        id="coordinated-subject-blocks-the-pronoun",
    ),
    pytest.param(
        ['Crash was a "misjudgement" – Ricci'],
        ["Marco Ricci"],
        id="dash-credit",
    ),
    pytest.param(
        ['As Ricci lifted the trophy, the crowd chanted "Marco! Marco!" for minutes.'],
        [None],
        id="subordinate-clause-subject-is-not-the-speaker",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), CASES)
def test_sieve(paragraphs: list[str], expected: list[str | None]) -> None:
    """Each form attributes as a careful reader would, or leaves the quote unattributed."""
    assert speakers(paragraphs) == expected


def test_every_decision_names_its_cue_and_paragraph() -> None:
    """A follow-on quote says which paragraph's quote it continues; a tag names its words."""
    found = quotes(['"One," said Ricci.', '"Two."'])
    assert (found[0].cue, found[0].cue_paragraph) == ('tag "said Ricci"', 2)
    assert found[1].cue == "follow-on paragraph: continues the quote of paragraph 2"
    assert found[1].cue_paragraph == 2


def test_transcript_role_label_is_kept_without_a_person() -> None:
    """ "Race engineer:" is the speaker's label; the person stays empty."""
    found = quotes(['Ricci: "Box now?"', 'Race engineer: "Not yet."'])
    assert [(q.speaker, q.label) for q in found] == [("Marco Ricci", None), (None, "Race engineer")]


def test_question_and_answer_lines_without_marks() -> None:
    """Q lines are the interviewer's; A lines the one person the introduction names."""
    texts = ["We spoke to Marco Ricci after the race.", "Q: How was it?", "A: Tough, honestly."]
    found = extract_quotes(texts, discover_people(texts))
    assert [(q.text, q.speaker, q.label) for q in found] == [
        ("How was it?", None, "Interviewer"),
        ("Tough, honestly.", "Marco Ricci", None),
    ]


@pytest.mark.parametrize(
    ("paragraph", "texts"),
    [
        pytest.param(
            "''It was tough,'' Busch said.", ["It was tough,"], id="ap-double-apostrophes"
        ),
        pytest.param("``It was tough,'' Busch said.", ["It was tough,"], id="tex-backticks"),
        pytest.param(
            "“He said “box” and I boxed,” Norris said.",
            ["He said “box” and I boxed,"],
            id="nested-curly",
        ),
    ],
)
def test_quotation_styles(paragraph: str, texts: list[str]) -> None:
    """Wire-copy marks and nested quotes give one quotation, verbatim."""
    assert [paragraph[s.start : s.end] for s in find_segments(paragraph)] == texts


def test_british_single_marks_with_nested_double_marks() -> None:
    """An article quoting in single marks: double marks inside them stay nested."""
    paragraphs = [
        "‘We were quick,’ said Ricci.",
        "‘He told me “box” and I boxed,’ Novak said. He described it as ‘a bit lazy’ but fine.",
    ]
    assert article_style(paragraphs) == "single"
    found = [paragraphs[1][s.start : s.end] for s in find_segments(paragraphs[1], "single")]
    assert found == ["He told me “box” and I boxed,", "a bit lazy"]


async def test_cue_survives_the_store(tmp_path: Path) -> None:
    """The cue, its paragraph and the label are stored and read back with the quote."""
    path = write_article(
        tmp_path,
        'date 2024-06-01 Test\n\nMarco Ricci raced.\n\n"One," said Ricci.\n\n"Two."\n',
    )
    article = build_article(path)
    async with await Store.open(tmp_path / "t.db") as store:
        await store.replace_article(article)
        stored = await store.quotes(limit=10)
    assert {(q.text, q.cue, q.cue_paragraph) for q in stored} == {
        (q.text, q.cue, q.cue_paragraph) for q in article.quotes
    }
    assert any(q.cue and q.cue.startswith("follow-on") for q in stored)
