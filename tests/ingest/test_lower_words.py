"""LowerWords: asking whether a text holds a lower-case word gives what the full list of
its lower-case words would, without making the list for an ordinary article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest import people
from bot.ingest.words import LOWER_WORD, LowerWords

_ALPHABET = "ab'-’ _\nAé1x."


@settings(max_examples=500, deadline=None)
@given(st.text(_ALPHABET, max_size=30), st.lists(st.text(_ALPHABET, min_size=1, max_size=5)))
def test_asking_a_word_is_asking_the_full_list(text: str, words: list[str]) -> None:
    listed = set(LOWER_WORD.findall(text))
    asked = LowerWords(text)
    for word in [*words, *sorted(listed)[:3], *words]:
        assert (word in asked) == (word in listed), (text, word)


@pytest.mark.parametrize(
    ("text", "word", "held"),
    [
        ("a brilliant drive", "brilliant", True),
        ("Brilliant drive", "brilliant", False),
        ("a lap-time", "lap", False),  # "lap-time" is the word
        ("a lap- time", "lap", True),  # the hyphen ends it
        ("rock'n roll", "n", False),  # inside "rock'n"
        ("the brilliants", "brilliant", False),
        ("x brilliant2", "brilliant", False),
    ],
)
def test_words_at_the_edges(text: str, word: str, held: bool) -> None:
    assert (word in LowerWords(text)) is held
    assert (word in set(LOWER_WORD.findall(text))) is held


def test_discovery_asks_word_by_word_without_listing(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article whose sentence-opening words stand clear of hyphens and apostrophes is
    answered by searching for each word: the full list of its words is never made."""
    listed: list[str] = []
    real = LowerWords._all

    def spy(self: LowerWords) -> frozenset[str]:
        listed.append("listed")
        return real(self)

    monkeypatch.setattr(LowerWords, "_all", spy)
    index = people.discover_people(
        [
            "Tomas Varga won the race. Brilliant Ines Kowal was second, ahead of Rafe Dunmore.",
            "Later Joel Sarkis said the brilliant car was fast.",
        ]
    )
    assert "Ines Kowal" in index.names and "Brilliant Ines Kowal" not in index.names
    assert "Joel Sarkis" in index.names
    assert listed == []
