"""A team's boss asked in fans' words: "whos the team boss at cadillac these days".

Fans ask for "the team boss at X", "the boss of X", "the principal at X"; a report names the
boss by title alone ("team principal Graeme Lowdon said"), often without the team beside him
in that story. Who runs the team that season is the register's (data/people: roles and
teams by season); the answer is the newest sentence giving that person a boss's title beside
their name, cited. Only someone the articles name is answered: the register never speaks for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answers.lookup import Lookup
from bot.answers.passages import Scored, split_sentences, words_of
from bot.answers.router._reading import _BOSS_TITLES
from bot.answers.text import normalise
from bot.answers.understand import the_register
from bot.ingest.text import unaccent
from bot.store import Store

__all__ = ["asked_team_boss", "team_boss", "titled", "titled_sentences"]

#: "the team boss at X", "the boss of X", "team principal for X", then a time word or none.
_BOSS_AT = re.compile(
    r"^(?:the\s+)?(?:team\s+)?(?P<role>boss|principal|chief|owner|head)\s+(?:at|of|for)\s+"
    r"(?:the\s+)?(?P<team>.+?)(?:\s+(?:now|today|these\s+days|currently|nowadays|atm))?$"
)
#: Paragraphs naming the boss read for the sentence giving their title.
BOSS_PASSAGES = 60


def asked_team_boss(target: str) -> str | None:
    """The team a "who is" target asks the boss of ("the team boss at cadillac these
    days" -> "cadillac"), or None when it asks no team's boss."""
    m = _BOSS_AT.match(normalise(target))
    return m["team"] if m else None


def _runs_team(roles: tuple[str, ...]) -> bool:
    """Whether a register role runs a team (a principal, an owner), not a driver's own."""
    return any(set(r.casefold().split()) & _BOSS_TITLES for r in roles)


async def team_boss(team: str, lookup: Lookup, store: Store) -> list[Scored] | None:
    """The sentences naming the boss of ``team`` (as the register gives it for the newest
    story's season) with a boss's title, newest first; None when the register knows no such
    boss the articles name, or no sentence gives them a title."""
    register = the_register()
    index = lookup.index
    if register is None or not index.articles:
        return None
    teams = register.organisations(team)
    if not teams:
        return None
    year = index.articles[0].published.year
    # Every word asked is in the name of the team they ran: "arrow mclaren" (the IndyCar
    # team) is never McLaren's F1 principal, though the register files both as one.
    asked = set(words_of(team)) - {"team"}
    bosses = [
        rp
        for rp in register
        if rp.name in index.people
        and _runs_team(rp.roles)
        and any(asked <= set(words_of(t)) for t in set(rp.team_in(year)) & teams)
    ]
    if len(bosses) != 1:
        return None  # nobody, or several (an owner and a principal): the passages say who
    boss = bosses[0]
    surname = normalise(boss.name).split()[-1]
    found = await titled_sentences(
        store, [surname], lambda text: titled(text, boss.name), BOSS_PASSAGES
    )
    return found[:1] or None


async def titled_sentences(
    store: Store, words: list[str], keep: Callable[[str], bool], limit: int
) -> list[Scored]:
    """The sentences ``keep`` takes of the paragraphs holding any of ``words``, the newest
    story's first: who runs a team, and a team's boss by name, read the same way."""
    found: list[Scored] = []
    for p in await store.passages_matching(words, limit=limit):
        for i, (a, b) in enumerate(split_sentences(p.text)):
            text = p.text[a:b].strip()
            if keep(text):
                found.append(Scored(0.0, text, p, p.paragraph, i))
    found.sort(key=lambda f: -f.passage.source.published.toordinal() if f.passage.source else 0)
    return found


#: A boss's title written before a name: "team principal", "team boss and CEO".
_TITLE = "|".join(sorted(_BOSS_TITLES))
_TITLE_BEFORE = re.compile(
    rf"\b(?:{_TITLE})(?:\s+and\s+(?:ceo|co-owner|chief\s+executive))?\s*$", re.I
)
#: A title written after a name: "Toto Wolff, the Mercedes team principal", "Wolff, who took
#: over as team principal in 2013" (a capitalised word is the team's, any case the title's).
_TITLE_AFTER = re.compile(
    r"^,\s+(?:who\s+(?:is|was|became|has\s+been|took\s+over\s+as)\s+)?"
    r"(?:(?:the|his|her|their|its|team|managing|executive|sporting|(?-i:[A-Z])[\w'’&.-]*)\s+)"
    rf"{{0,4}}(?:{_TITLE})\b",
    re.I,
)
#: The word just before a name.
_WORD_BEFORE = re.compile(r"([\w'’.-]+)\s*$")


def titled(sentence: str, name: str) -> bool:
    """Whether ``sentence`` gives ``name`` a boss's title beside the name ("Mercedes team
    principal Toto Wolff said", "Wolff, the team principal, said"): a title anywhere else in
    it is someone else's or no title ("Russell said Wolff told him to head for the pits"),
    and another first name before the surname is another person ("managing director Susie
    Wolff")."""
    plain = unaccent(sentence)
    *given, surname = unaccent(name).split()
    firsts = {g.casefold() for g in given}
    for m in re.finditer(rf"\b{re.escape(surname)}\b", plain, re.I):
        before = plain[: m.start()]
        while (w := _WORD_BEFORE.search(before)) and w[1].casefold() in firsts:
            before = before[: w.start()]
        w = _WORD_BEFORE.search(before)
        if w and w[1][:1].isupper() and w[1].casefold() not in _BOSS_TITLES:
            continue  # "Susie Wolff": another first name, another person
        if _TITLE_BEFORE.search(before) or _TITLE_AFTER.match(plain[m.end() :]):
            return True
    return False
