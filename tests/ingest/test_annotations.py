"""Annotation files: the seed's loads, and schema or syntax errors point at the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import IngestError
from bot.ingest.annotations import load_annotations, parse_annotations
from bot.ingest.load import build_article
from tests.ingest.helpers import SEED, write_article

PEOPLE = '[[people]]\nname = "George Russell"\naliases = ["the Briton"]\n\n'
ARTICLE = (
    "date 2024-01-01 Test\n\n"
    'George Russell crashed on lap 5. "It was my fault," he said.\n\n'
    "Lewis Hamilton won.\n"
)


def test_missing_annotation_is_none(tmp_path: Path) -> None:
    """No .toml beside the article means no annotations, not an error."""
    assert load_annotations(tmp_path / "2024-01-01-none.toml") is None
    assert load_annotations(tmp_path / "2024-01-01-none.txt") is None


def test_seed_annotation_loads() -> None:
    """The seed's annotation names four people and the lap-32 crash."""
    notes = load_annotations(SEED)
    assert notes is not None
    assert [p.name for p in notes.people] == [
        "George Russell",
        "Valtteri Bottas",
        "Toto Wolff",
        "Lewis Hamilton",
    ]
    assert notes.spoken_setting == "remarks after the race"
    assert [e.lap for e in notes.events] == [32]
    assert notes.quotes == ()


def test_toml_syntax_error_reports_its_line(tmp_path: Path) -> None:
    """A TOML syntax error becomes an IngestError at the line tomllib reports."""
    path = tmp_path / "a.toml"
    path.write_text('[defaults]\nspoken_setting = "ok"\n\n[[people]]\nname = "Unclosed\n')
    with pytest.raises(IngestError) as caught:
        load_annotations(path)
    assert caught.value.line == 5
    assert "invalid TOML" in caught.value.message


SCHEMA_ERRORS = [
    pytest.param("colour = 1\n", "'colour'", 1, id="unknown-top-level-key"),
    pytest.param('[[people]]\nname = "A B"\nnickname = "x"\n', "'nickname'", 3, id="unknown-key"),
    pytest.param('[[people]]\nname = "A B"\naliases = "x"\n', "aliases", 3, id="aliases-not-list"),
    pytest.param("[[people]]\nname = 7\n", "name", 2, id="name-not-string"),
    pytest.param('[[people]]\nname = "A B"\npronoun = "it"\n', "pronoun", 3, id="bad-pronoun"),
    pytest.param(PEOPLE + '[[events]]\nlap = 0\nwhat = "x"\n', "lap", 6, id="lap-zero"),
    pytest.param(PEOPLE + '[[events]]\nlap = 201\nwhat = "x"\n', "lap", 6, id="lap-too-big"),
    pytest.param(PEOPLE + '[[events]]\nlap = "5"\nwhat = "x"\n', "lap", 6, id="lap-string"),
    pytest.param(
        PEOPLE + '[[events]]\nlap = 5\nwhat = "x"\nwho = ["Max"]\n', "who", 8, id="who-unlisted"
    ),
    pytest.param(
        PEOPLE + '[[quotes]]\nstarts = "It was"\nspeaker = "Max Verstappen"\n',
        "not listed",
        7,
        id="override-speaker-unlisted",
    ),
    pytest.param(
        PEOPLE + '[[quotes]]\nstarts = "It was"\n', "needs speaker", 5, id="empty-override"
    ),
    pytest.param("[facts]\nrace = [1, 2]\n", "facts.race", 2, id="fact-wrong-type"),
    pytest.param("[defaults]\nspoken = 1\n", "'spoken'", 2, id="unknown-default"),
    pytest.param("defaults = 3\n", "[defaults]", 1, id="defaults-not-table"),
]


@pytest.mark.parametrize(("toml", "fragment", "line"), SCHEMA_ERRORS)
def test_schema_error_names_key_and_line(
    tmp_path: Path, toml: str, fragment: str, line: int
) -> None:
    """Each schema error raises IngestError naming the key, at the key's line."""
    path = tmp_path / "a.toml"
    path.write_text(toml)
    with pytest.raises(IngestError) as caught:
        load_annotations(path)
    assert fragment in caught.value.message
    assert caught.value.line == line


def test_evidence_not_in_article_is_an_error(tmp_path: Path) -> None:
    """An evidence phrase the article does not contain fails the build at its line."""
    toml = PEOPLE + '[[events]]\nlap = 5\nwhat = "crash"\nevidence = "spun at the hairpin"\n'
    path = write_article(tmp_path, ARTICLE, toml=toml)
    with pytest.raises(IngestError) as caught:
        build_article(path)
    assert caught.value.path.suffix == ".toml"
    assert caught.value.line == 8
    assert "not in the article" in caught.value.message


def test_override_with_unknown_start_is_an_error(tmp_path: Path) -> None:
    """A quote override that matches no quote is refused rather than silently ignored."""
    toml = PEOPLE + '[[quotes]]\nstarts = "Nothing like this"\nspeaker = "George Russell"\n'
    with pytest.raises(IngestError, match="no quote"):
        build_article(write_article(tmp_path, ARTICLE, toml=toml))


def test_override_sets_speaker_and_setting_of_the_statement(tmp_path: Path) -> None:
    """A quote override changes the speaker and setting of the statement it names."""
    toml = (
        PEOPLE + '[[people]]\nname = "Lewis Hamilton"\n\n'
        '[[quotes]]\nstarts = "it was MY"\nspeaker = "Lewis Hamilton"\nsetting = "team radio"\n'
    )
    article = build_article(write_article(tmp_path, ARTICLE, toml=toml))
    assert [(q.speaker, q.setting) for q in article.quotes] == [("Lewis Hamilton", "team radio")]


def test_unattributed_override_clears_the_speaker(tmp_path: Path) -> None:
    """``unattributed = true`` removes a speaker the extractor found."""
    toml = PEOPLE + '[[quotes]]\nstarts = "It was my fault"\nunattributed = true\n'
    article = build_article(write_article(tmp_path, ARTICLE, toml=toml))
    assert [q.speaker for q in article.quotes] == [None]


def test_annotation_event_wins_over_text_event_for_its_lap(tmp_path: Path) -> None:
    """An annotated lap replaces the text's event for that lap, keeping the paragraph."""
    toml = PEOPLE + '[[events]]\nlap = 5\nwhat = "Russell crashed"\noutcome = "retired"\n'
    article = build_article(write_article(tmp_path, ARTICLE, toml=toml))
    assert [(e.lap, e.description, e.outcome, e.paragraph) for e in article.events] == [
        (5, "Russell crashed", "retired", 1)
    ]


def test_documented_example_is_valid() -> None:
    """The example in ANNOTATIONS.md passes the checks it documents."""
    doc = (Path(__file__).resolve().parents[2] / "bot" / "ingest" / "ANNOTATIONS.md").read_text()
    block = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    notes = parse_annotations(Path("example.toml"), block.encode())
    assert notes.events[0].who == ("George Russell", "Valtteri Bottas")
