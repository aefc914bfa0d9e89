"""Nicknames: the register's ("Danny Ric") and those an article gives ("known as GP").

A nickname written like a name must not become a person of its own: it is given to
the person it stands for, so "who is GP?" finds them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bot.ingest.people.index import PeopleIndex
from bot.ingest.people.lexicon import _COMMON, _POSSESSIVE, _STOP
from bot.ingest.people.records import PersonEntry
from bot.ingest.people.runs import _masked

if TYPE_CHECKING:  # resolve imports this package
    from bot.ingest.resolve import RegisterLike

__all__ = ["unique"]


def _nickname_owner(name: str) -> tuple[str, frozenset[str]] | None:
    """Whom a nickname written like a name stands for ("Danny Ric", "El Diablo", "Top
    Gun"): the register's full name and the folded forms of it; None for no nickname."""
    from bot.ingest.resolve import default_register  # the register needs this module

    return _nickname_owner_in(default_register(), name)


@functools.lru_cache(maxsize=8192)
def _nickname_owner_in(register: RegisterLike, name: str) -> tuple[str, frozenset[str]] | None:
    """:func:`_nickname_owner` in one register, remembered: every name an article finds is
    asked about, and the same names come back in article after article."""
    from bot.ingest.resolve import fold  # the register needs this module

    person = register.by_nickname(name)
    if person is None:
        return None
    full = str(getattr(person, "name", ""))
    forms = frozenset({fold(full), *(fold(s) for s in getattr(person, "short", ()))})
    return (full, forms) if full and fold(name) not in forms else None


def _with_nicknames(
    people: list[PersonEntry], nicknames: dict[str, tuple[str, frozenset[str]]]
) -> list[PersonEntry]:
    """Give each nickname to the article's entry for its owner, or add the owner.

    The article then reads "Danny Ric said" as Daniel Ricciardo, under the name it gives
    him (or the register's), and never stores a person called "Danny Ric".
    """
    from bot.ingest.resolve import fold

    out = list(people)
    for nickname, (owner, forms) in nicknames.items():
        at = next((i for i, p in enumerate(out) if fold(p.name) in forms), None)
        if at is None:
            out.append(PersonEntry(owner, aliases=(nickname,)))
        else:
            p = out[at]
            out[at] = PersonEntry(p.name, p.role, p.team, (*p.aliases, nickname), p.pronoun)
    return out


#: Words one of which a sentence giving a nickname holds ("known as", "calls", "dubbed").
_NICKNAME_CUES = ("known", "call", "nicknamed", "dubbed")
#: A nickname the text gives right after a name: "Lambiase, known in the paddock simply as
#: GP", "Lambiase is known as GP", "Bonnington, the engineer the team calls Bono", "Petrucci,
#: whom everyone calls 'Petrux'", "Schareina, nicknamed Tosha", "Iannone, dubbed 'The
#: Maniac'". ``who`` is the name's words right before; the nickname is one to three
#: capitalised words, or what quotation marks hold.
_NICKNAME = re.compile(
    r"(?P<who>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)"
    r"(?:,\s+|\s+(?:is|was|has\s+been)\s+)"
    r"(?:(?:(?:better|widely|universally|affectionately|also)\s+)?known"
    r"(?:\s+(?:to|in|throughout|around|across|among|by|on)\s+[^,.;:\"“”]{1,40}?)?"
    r"\s+(?:simply\s+|just\s+|only\s+)?as"
    r"|(?:(?:affectionately|universally|widely|also)\s+)?(?:nicknamed|dubbed)"
    r"|(?:(?:the|a|an)\s+[^,.;:\"“”]{1,40}?\s+|(?:whom|who)\s+)?"
    r"(?:everyone|everybody|the\s+\w+|his\s+\w+|her\s+\w+|fans|friends|people|many)"
    r"(?:\s+(?:in|at|on)\s+the\s+\w+)?\s+(?:simply\s+|just\s+)?calls?)"
    r"\s+(?:[\"“'‘](?P<quoted>[^\"”'’]{2,30})[\"”'’]"
    r"|(?P<plain>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))"
)


_NICK_WORD = r"(?:[A-Z][\w'’-]*|the|of|de|del|della|di|da|la|el|le|from)"
#: A nickname set off right after a name: in quotation marks ('Tomas Varga, "the Bull of
#: Brno", will retire', 'Varga ("Il Toro")') or a Spanish or Italian article's name ('Lukas
#: Ostrava, Il Professore to the Italian press,', 'Alonso, El Nano,'). Not behind
#: ``_NICKNAME_CUES``: no cue word is written.
_NICKNAME_AFTER_NAME = re.compile(
    r"(?P<who>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)(?:,\s+|\s+\()"
    rf"(?:[\"“‘](?P<quoted>{_NICK_WORD}(?:\s+{_NICK_WORD}){{0,4}})[\"”’]\s*[,)]"
    r"|(?P<plain>(?:El|Il|Lo|La|Le)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
    r"(?:\s+to\s+[^,.;:()\"“”]{2,40}?\s*[,)]|(?<=[A-Z][\w'’-])\s*[,)]))"
)
#: What every ``_NICKNAME_AFTER_NAME`` match holds: the regex runs only where it is.
_SET_OFF = re.compile(r"(?:,\s+|\()(?:[\"“‘][A-Za-z]|(?:El|Il|Lo|La|Le)\s)")


def _nickname_matches(paragraph: str) -> list[re.Match[str]]:
    """The places a paragraph gives someone a nickname: after a cue word ("known as") or set
    off right after the name (:data:`_NICKNAME_AFTER_NAME`)."""
    low = paragraph.lower()
    found = list(_NICKNAME.finditer(paragraph)) if any(c in low for c in _NICKNAME_CUES) else []
    if _SET_OFF.search(paragraph):
        for m in _NICKNAME_AFTER_NAME.finditer(paragraph):
            quoted = m["quoted"]
            # A quotation of words is someone's words: a nickname has a capitalised word.
            if quoted is None or any(w[:1].isupper() for w in quoted.split()):
                found.append(m)
    return found


def _with_text_nicknames(index: PeopleIndex, paragraphs: Sequence[str]) -> PeopleIndex:
    """Give a person the nickname the article says they go by ("known in the paddock
    simply as GP", "whom everyone calls Bono"): a fan asks "who is GP?".

    Only the person the name right before the phrase resolves to gets it, and a nickname
    that is already someone else's name or alias in the article is left alone.
    """
    learned: dict[str, list[str]] = {}
    # A nickname the name search took for a person ("Il Professore", a quoted "Big Karel").
    taken: set[str] = set()
    for paragraph in paragraphs:
        for m in _nickname_matches(paragraph):
            nickname = (m["quoted"] or m["plain"]).strip()
            words = m["who"].split()
            owner = None
            for start in range(len(words)):  # "Verstappen's race engineer Gianpiero Lambiase"
                owner = index.resolve(_POSSESSIVE.sub("", " ".join(words[start:])))
                if owner is not None:
                    break
            if owner is None or nickname in _COMMON or nickname in _STOP:
                continue
            other = index.resolve(nickname)
            if other is not None and other == nickname and other != owner:
                taken.add(other)
            elif other not in (None, owner):
                continue
            learned.setdefault(owner, []).append(nickname)
    if not learned:
        return index
    return PeopleIndex(
        tuple(
            PersonEntry(
                p.name, p.role, p.team, unique((*p.aliases, *learned.get(p.name, ()))), p.pronoun
            )
            for p in index.people
            if p.name not in taken
        )
    )


#: A Spanish or Italian article's name in a headline: "The last ride of El Toro: ...".
_ARTICLE_NAME = re.compile(r"\b(?:El|Il)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\b")


def _with_headline_nickname(index: PeopleIndex, headline: str) -> PeopleIndex:
    """Give the one person a headline names the Spanish or Italian name it calls them by
    ("The last ride of El Toro: Tomas Varga retires"): a fan asks "who is El Toro"."""
    m = _ARTICLE_NAME.search(headline)
    if m is None:
        return index
    nickname = m[0]
    # The name search may have taken the nickname for a person of its own ("'El Profe' goes
    # to Formula 1: Sebastián Montoya ..."): it is the other one's alias, and no person.
    taken = index.resolve(nickname)
    if taken is not None and taken != nickname:
        return index
    named = {x.person for x in index.mentions(_masked(headline)) if x.person is not None}
    named.discard(nickname)
    if len(named) != 1:
        return index
    (owner,) = named
    return PeopleIndex(
        tuple(
            PersonEntry(p.name, p.role, p.team, unique((*p.aliases, nickname)), p.pronoun)
            if p.name == owner
            else p
            for p in index.people
            if p.name != nickname
        )
    )


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Keep the first occurrence of each item, in order."""
    return tuple(dict.fromkeys(items))
