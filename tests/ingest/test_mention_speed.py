"""Speed paths of mention finding and the walk (ingest, issue 12): each test checks that the
work is skipped or done once, and that what comes out is the same."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest.attribution.records import Defaults, _Paragraph
from bot.ingest.attribution.walk import _Walk
from bot.ingest.people import Mention, PeopleIndex, PersonEntry, finder, keys, mentions
from bot.ingest.text import CASE_TRAPS


def test_each_unnamed_mention_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pronoun or an unnamed reference is one Mention, built decorated (a frozen dataclass
    is slow to build), with what decorating a plain one gave."""
    built: list[tuple[Any, ...]] = []
    real = mentions.Mention

    def counting(*args: Any) -> Mention:
        built.append(args)
        return real(*args)

    text = "He said she would pass the Dutchman, and they did it to him."
    mentions._unnamed_mentions.cache_clear()
    monkeypatch.setattr(mentions, "Mention", counting)
    found, _kept = mentions._unnamed_mentions(text)
    monkeypatch.undo()
    mentions._unnamed_mentions.cache_clear()
    assert len(built) == len(found) == 4
    plain = [real(m.start, m.end, None, m.kind, m.pronoun) for m in found]
    assert list(found) == [PeopleIndex._decorate(text, m) for m in plain]


def test_alias_keys_are_remembered() -> None:
    """Every name span asks for its alias key: the same few strings, each worked out once."""
    keys._alias_key.cache_clear()
    assert keys._alias_key("the Ferrari driver") == "ferrari driver"
    assert keys._alias_key("the Ferrari driver") == "ferrari driver"
    assert keys._alias_key.cache_info().hits == 1


class _Looked(list[Mention]):
    """A paragraph's mentions that remember which of them were looked at."""

    def __init__(self, items: list[Mention]) -> None:
        super().__init__(items)
        self.looked: list[int] = []

    def __iter__(self) -> Any:
        for mention in super().__iter__():
            self.looked.append(mention.start)
            yield mention

    def __getitem__(self, k: Any) -> Any:
        item = super().__getitem__(k)
        if isinstance(item, Mention):
            self.looked.append(item.start)
        return item


def test_a_sentence_subject_is_looked_for_from_the_sentence_on() -> None:
    """The subject of a paragraph's last sentence is found without going through the
    mentions of every sentence before it (a long paragraph made that quadratic): a binary
    search finds the sentence's first."""
    index = PeopleIndex((PersonEntry("Tomas Varga"), PersonEntry("Ines Kowal")))
    text = "Tomas Varga beat Ines Kowal and Varga led. " * 30 + "Kowal said he was quick."
    walk = _Walk([text], index, Defaults(), None, None)
    mentions = _Looked(index.mentions(text))
    assert len(mentions) == 92
    a = text.index("Kowal said")
    assert walk._note_subject(mentions, text, a, len(text), _Paragraph()) == "Ines Kowal"
    assert len([start for start in mentions.looked if start < a]) <= 8


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(sorted(CASE_TRAPS) + list("aKé’“ \n")), max_size=12))
def test_trap_free_is_the_set_test(text: str) -> None:
    """The names search's test for characters ``re`` folds unlike ``str.lower``: the set's
    answer, from a regex scan (or none for ASCII text)."""
    assert finder._trap_free(text) == CASE_TRAPS.isdisjoint(text)
