"""Draft annotations: valid TOML that load_annotations accepts and build_article can use."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.ingest.annotations import load_annotations
from bot.ingest.draft import draft_annotation, toml_string
from bot.ingest.load import build_article
from tests.ingest.helpers import ARTICLES, SEED, write_article

ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))


@pytest.mark.parametrize("article", ARTICLE_FILES, ids=lambda p: p.stem)
def test_draft_round_trips_through_load_annotations(tmp_path: Path, article: Path) -> None:
    """A draft saved as the article's annotation loads and builds without error."""
    copy = tmp_path / article.name
    copy.write_bytes(article.read_bytes())
    draft = draft_annotation(copy)
    copy.with_suffix(".toml").write_text(draft, encoding="utf-8")
    notes = load_annotations(copy)
    assert notes is not None
    assert notes.people
    build_article(copy)


def test_draft_of_seed_guesses_roles_teams_and_aliases() -> None:
    """Appositives become role/team guesses; unnamed descriptors are listed as candidates."""
    draft = draft_annotation(SEED)
    doc = tomllib.loads(draft)
    people = {p["name"]: p for p in doc["people"]}
    assert people["Toto Wolff"]["role"] == "boss"
    assert people["Toto Wolff"]["team"] == "Mercedes"
    assert people["George Russell"]["team"] == "Williams"
    assert people["Valtteri Bottas"]["aliases"] == ["Silver Arrows star"]
    for candidate in ('"the Finn"', '"the 23-year-old"', '"the Mercedes star"'):
        assert candidate in draft
    assert doc["events"][0]["lap"] == 32


def test_draft_lists_every_quote_statement_commented_out() -> None:
    """Each statement appears as a commented [[quotes]] entry with its guessed speaker."""
    draft = draft_annotation(SEED)
    assert draft.count("# [[quotes]]") == 6
    assert "quotes" not in tomllib.loads(draft)
    assert "NO SPEAKER FOUND" in draft


def test_draft_of_hostile_text_is_valid_toml(tmp_path: Path) -> None:
    """Quote marks, backslashes and control characters in the text are escaped in the draft."""
    body = (
        "date 2024-01-01 Odd\n\n"
        'Lando Norris said: "a \\ back\tslash \u200b and \x7f DEL" on lap 3.\n\n'
        '"Another \\"one\\"," said Lando Norris.\n'
    )
    path = write_article(tmp_path, body)
    path.with_suffix(".toml").write_text(draft_annotation(path), encoding="utf-8")
    assert load_annotations(path) is not None


@pytest.mark.parametrize(
    "value", ["plain", 'quo"te', "back\\slash", "tab\there", "nul\x00", "é ‘’ “”"]
)
def test_toml_string_round_trips(value: str) -> None:
    """Any string written by toml_string reads back unchanged."""
    assert tomllib.loads(f"v = {toml_string(value)}")["v"] == value
