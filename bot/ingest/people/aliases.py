"""Aliases an article teaches: "Ferrari boss Fred Vasseur", "His crew chief Cliff Daniels".

A fan asks for a person by the descriptor the article gives them; it becomes an alias
only when no one else in the article carries it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.people.appositives import _descriptor_in, _ends_in_role_noun, _text_before
from bot.ingest.people.index import PeopleIndex
from bot.ingest.people.lexicon import _ROLE_NOUNS, _SUFFIXES
from bot.ingest.people.records import PersonEntry
from bot.ingest.text import Caseless, sentence_spans

#: A role noun then a blank, anywhere: what every text :func:`_ends_in_role_noun` accepts
#: some prefix of holds (a cheap test that lets through more than it must, never fewer).
#: (Lower-case text searched with a lower-case pattern: the case-insensitive alternation
#: was a seventh of an article's build.)
_ROLE_THEN_BLANK = Caseless(rf"(?:{_ROLE_NOUNS})\s")


def _with_learned_aliases(index: PeopleIndex, texts: Sequence[str]) -> PeopleIndex:
    """Give each person the descriptors with a team written before their name ("Ferrari
    boss Fred Vasseur") that no one else in the article carries.

    What :func:`find_appositives` finds with a team, before a name, read from mentions left
    undecorated: nearly every article learns an alias, and the index it learns them into
    works out its mentions anew, so decorating these ones was wasted. ``texts``: the
    article's paragraphs masked, as :func:`discover_people` has them already.
    """
    # A text can describe a name only where a role noun and a blank stand before it (see
    # below): a text with no role noun then a blank anywhere (in a word or not, so no text
    # that could is left out) learns nothing, and its names are not searched for here.
    todo = [text for text in dict.fromkeys(texts) if _ROLE_THEN_BLANK.search(text)]
    spans = index._spans_of_each(todo)
    # Only a name right after a role noun and blanks can be described (see _descriptor_in),
    # and every name's mention starts where a span does: a text with no such span start
    # learns nothing, and most texts have none, so their mentions are not worked out here.
    plain = {
        text: index._find_mentions(text, found, decorate=False)
        if any(_ends_in_role_noun(_text_before(text, start)) for start, _ in found)
        else []
        for text, found in zip(todo, spans, strict=True)
    }
    owners: dict[str, set[str]] = {}
    for masked in texts:
        for mention in plain.get(masked, ()):
            if mention.kind != "name" or mention.person is None:
                continue
            described = _descriptor_in(_text_before(masked, mention.start))
            if described is not None and described[1]:
                owners.setdefault(described[0], set()).add(mention.person)
    for descriptor, person in [*_relations_of_his(index, texts), *_relations_set_off(index, texts)]:
        owners.setdefault(descriptor, set()).add(person)
    learned: dict[str, list[str]] = {}
    for descriptor, persons in owners.items():
        if len(persons) == 1:
            learned.setdefault(next(iter(persons)), []).append(descriptor)
    if not learned:
        # This index is the article's: its mentions, decorated, from the same spans.
        index._prime_with(todo, spans)
        return index
    return PeopleIndex(
        tuple(
            PersonEntry(p.name, p.role, p.team, (*p.aliases, *learned.get(p.name, ())), p.pronoun)
            for p in index.people
        )
    )


#: The relations one person has to another that a fan asks for by it ("whos Larson's crew
#: chief"): the people around a driver, not a team's posts.
_RELATIONS = (
    r"crew\s+chief|race\s+engineer|engineer|team-?mate|manager|father|mother|brother|sister"
    r"|son|daughter|wife|husband|spotter|coach|mentor"
)
#: "His crew chief " opening a sentence, right before a name: whose relation the named
#: person is, when "His" is the one person the sentence before names.
_HIS_RELATION = re.compile(rf"(?:^|(?<=\s))(?:His|Her)\s+(?P<role>{_RELATIONS})\s+$")
#: A person's relation set off beside a name by commas: "Okafor's crew chief, Lena Marsh,"
#: before it, "Lena Marsh, Okafor's crew chief," after it.
_OWNER = r"(?P<owner>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?:['’]s|(?<=s)['’])\s+"
_OWNED_BEFORE = re.compile(rf"(?:^|(?<=[\s(—–])){_OWNER}(?P<role>{_RELATIONS}),\s+$")
_OWNED_AFTER = re.compile(rf",\s+{_OWNER}(?P<role>{_RELATIONS})(?=\s*(?:[,;]|\.(?:\s|$)|$))")


def _relations_of_his(index: PeopleIndex, texts: Sequence[str]) -> list[tuple[str, str]]:
    """("Larson's crew chief", "Cliff Daniels") for "Larson ... replied with an emoji. His
    crew chief Cliff Daniels wrote ...": a fan asks "what did Larson's crew chief say".

    "His" is the one person the sentence before names (in the same paragraph); a sentence
    before naming no one or several, or a relation in the middle of a sentence, learns
    nothing. The alias is kept only when no one else in the article is given it.
    """
    found: list[tuple[str, str]] = []
    todo = [text for text in dict.fromkeys(texts) if "His " in text or "Her " in text]
    if not todo:
        return found
    for text, spans in zip(todo, index._spans_of_each(todo), strict=True):
        if not any(_HIS_RELATION.search(_text_before(text, start)) for start, _ in spans):
            continue
        mentions = [
            m
            for m in index._find_mentions(text, spans, decorate=False)
            if m.person is not None and m.kind in ("name", "alias")
        ]
        sentences = sentence_spans(text)
        for mention in mentions:
            person = mention.person
            if mention.kind != "name" or person is None:
                continue
            relation = _HIS_RELATION.search(_text_before(text, mention.start))
            if relation is None:
                continue
            at = next((i for i, (a, b) in enumerate(sentences) if a <= mention.start < b), 0)
            if at == 0:
                continue  # the paragraph's first sentence: "His" is told elsewhere
            a, b = sentences[at - 1]
            before = {m.person for m in mentions if a <= m.start < b and m.person}
            if len(before) != 1 or person in before:
                continue
            whose = before.pop()
            words = [w for w in whose.rstrip(".").split() if w.rstrip(".") not in _SUFFIXES]
            role = " ".join(relation["role"].split())
            found.append((f"{words[-1]}'s {role}", person))
    return found


def _relations_set_off(index: PeopleIndex, texts: Sequence[str]) -> list[tuple[str, str]]:
    """("Okafor's crew chief", "Lena Marsh") for "Okafor's crew chief, Lena Marsh, called him
    in" or "Lena Marsh, Okafor's crew chief, said": a fan asks "who is Lena Marsh" or "whos
    the crew chief for Okafor", and an unannotated article gives her no role but this.

    The owner must be one of the article's people (a team's "Ferrari's team principal" is a
    post, which the team's own questions find); the alias is written with their surname, as
    :func:`_relations_of_his` writes it, and kept only when no one else is given it.
    """
    found: list[tuple[str, str]] = []
    todo = [text for text in dict.fromkeys(texts) if _RELATION_WORD.search(text)]
    if not todo:
        return found
    for text, spans in zip(todo, index._spans_of_each(todo), strict=True):
        for mention in index._find_mentions(text, spans, decorate=False):
            if mention.kind != "name" or mention.person is None:
                continue
            before = _OWNED_BEFORE.search(_text_before(text, mention.start))
            after = _OWNED_AFTER.match(text, mention.end)
            for owned in (before, after):
                if owned is None:
                    continue
                whose = _owner(index, owned["owner"])
                if whose is None or whose == mention.person:
                    continue
                words = [w for w in whose.rstrip(".").split() if w.rstrip(".") not in _SUFFIXES]
                found.append((f"{words[-1]}'s {' '.join(owned['role'].split())}", mention.person))
    return found


#: A possessive then a relation: the cheap test a text passes before its names are searched.
_RELATION_WORD = re.compile(rf"['’]s?\s+(?:{_RELATIONS})\b")


def _owner(index: PeopleIndex, words: str) -> str | None:
    """The article's person the capitalised words before "'s" end with ("Then Okafor" ->
    Sam Okafor), or None."""
    tokens = words.split()
    found = (index.resolve(" ".join(tokens[i:])) for i in range(len(tokens)))
    return next(filter(None, found), None)
