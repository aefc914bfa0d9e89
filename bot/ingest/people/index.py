"""The people of one article and where its text mentions them (:class:`PeopleIndex`).

The one object attribution, lap events and appositives ask "who is this?"; it remembers
the mentions of each text, since they all ask about the same paragraphs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.ingest.people.finder import _NameFinder
from bot.ingest.people.keys import _alias_key, _keys_of
from bot.ingest.people.lexicon import _LEADING_THE
from bot.ingest.people.mentions import (
    _decoration,
    _leftmost_longest,
    _unnamed_mentions,
    _without_overlaps,
)
from bot.ingest.people.records import Mention, MentionKind, PersonEntry

__all__ = ["PeopleIndex"]


@dataclass
class PeopleIndex:
    """The people of one article, and how to find them in its sentences."""

    people: tuple[PersonEntry, ...] = ()
    _tokens: dict[str, str | None] = field(default_factory=dict, repr=False)
    _aliases: dict[str, str] = field(default_factory=dict, repr=False)
    _finder: _NameFinder | None = field(default=None, repr=False, compare=False)
    _names: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    # mentions() of each text already asked for: the quotes walk, lap events and appositives
    # all ask about the same paragraphs, and the index never changes once built.
    _seen: dict[str, tuple[Mention, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        tokens: dict[str, str | None] = {}
        aliases: dict[str, str] = {}
        for person in self.people:
            for key in _keys_of(person.name):
                tokens[key] = None if key in tokens and tokens[key] != person.name else person.name
            for alias in person.aliases:
                key = _alias_key(alias)
                if key:
                    aliases[key] = person.name
        self._tokens = tokens
        self._aliases = aliases
        self._names = frozenset(p.name for p in self.people)
        # (the alternative's length in the regex, the literal, whether "the " may precede it):
        # the order _NameFinder tries them in is the one the regex alternation had.
        parts = [(_escaped_len(p.name), p.name, False) for p in self.people]
        parts += [(11 + _escaped_len(a), a, True) for a in self._alias_phrases()]
        parts += [(_escaped_len(t), t, False) for t in tokens]
        parts.sort(key=lambda part: part[0], reverse=True)
        if parts:
            self._finder = _NameFinder([(text, the) for _, text, the in parts])

    def _alias_phrases(self) -> list[str]:
        return [a for p in self.people for a in p.aliases if _alias_key(a)]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.people)

    def get(self, name: str) -> PersonEntry | None:
        """Return the entry for a full name, or None."""
        for person in self.people:
            if person.name.casefold() == name.casefold():
                return person
        return None

    def resolve(self, text: str) -> str | None:
        """Return the full name ``text`` refers to (name, alias, or unique surname), or None."""
        key = text.strip()
        if person := self.get(key):
            return person.name
        if (name := self._aliases.get(_alias_key(key))) is not None:
            return name
        return self._tokens.get(key)

    def mentions(self, masked: str) -> list[Mention]:
        """Find every reference to a person in masked text, leftmost-longest, in order."""
        known = self._seen.get(masked)
        if known is None:
            spans = self._finder.spans(masked) if self._finder is not None else []
            known = self._seen[masked] = tuple(self._find_mentions(masked, spans))
        return list(known)

    def prime(self, texts: Iterable[str]) -> None:
        """Find the mentions of many texts (an article's paragraphs) at once.

        Same answers as asking :meth:`mentions` of each, in one search of each name through
        all the texts instead of one per text.
        """
        todo = list(dict.fromkeys(t for t in texts if t not in self._seen))
        if todo:
            self._prime_with(todo, self._spans_of_each(todo))

    def _spans_of_each(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Where the index's names, aliases and name words are in each text."""
        if self._finder is None:
            return [[] for _ in texts]
        return self._finder.spans_of_each(texts)

    def _prime_with(self, texts: Sequence[str], found: Sequence[list[tuple[int, int]]]) -> None:
        """Remember each text's mentions, from its spans (:meth:`_spans_of_each`)."""
        for text, spans in zip(texts, found, strict=True):
            if text not in self._seen:
                self._seen[text] = tuple(self._find_mentions(text, spans))

    def _find_mentions(
        self, masked: str, spans: Iterable[tuple[int, int]], *, decorate: bool = True
    ) -> list[Mention]:
        """The mentions of ``spans`` and the text's unnamed ones, leftmost-longest, none
        overlapping. Undecorated (no possessive, governed, modifier), the same mentions are
        kept: decorating never changes a mention's place, person or kind."""
        found: list[Mention] = []
        for start, end in spans:
            who = self._whom(masked, start, end)
            if who is None:
                continue
            person, kind = who
            if decorate:
                # One Mention, not an undecorated one and its decorated copy: a frozen
                # dataclass is slow to build, and every name of every paragraph is one.
                found.append(
                    Mention(start, end, person, kind, None, *_decoration(masked, start, end, kind))
                )
            else:
                found.append(Mention(start, end, person, kind))
        unnamed, kept = _unnamed_mentions(masked)
        if not found:
            return list(kept)
        found += unnamed
        found.sort(key=_leftmost_longest)
        return _without_overlaps(found)

    def _classify(self, masked: str, start: int, end: int) -> Mention | None:
        mention = self._identify(masked, start, end)
        return None if mention is None else self._decorate(masked, mention)

    def _identify(self, masked: str, start: int, end: int) -> Mention | None:
        """Whom the span ``masked[start:end]`` names, and how; None for no one."""
        who = self._whom(masked, start, end)
        return None if who is None else Mention(start, end, who[0], who[1])

    def _whom(self, masked: str, start: int, end: int) -> tuple[str | None, MentionKind] | None:
        """:meth:`_identify`'s person and kind, without building the Mention."""
        text = masked[start:end]
        if text in self._names:
            return text, "name"
        key = _alias_key(_LEADING_THE.sub("", text))
        if key in self._aliases:
            return self._aliases[key], "alias"
        if text in self._tokens:  # tokens are case-sensitive: "Will" is not "will"
            person_name = self._tokens[text]
            return person_name, "name" if person_name else "unknown"
        return None

    @staticmethod
    def _decorate(masked: str, mention: Mention) -> Mention:
        return Mention(
            mention.start,
            mention.end,
            mention.person,
            mention.kind,
            mention.pronoun,
            *_decoration(masked, mention.start, mention.end, mention.kind),
        )


@functools.lru_cache(maxsize=8192)
def _escaped_len(text: str) -> int:
    """``len(re.escape(text))``: an alternative's length in the regex, which orders them.
    The same names come back in article after article, so each is escaped once."""
    return len(re.escape(text))
