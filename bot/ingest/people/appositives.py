"""Descriptors attached to names ("Mercedes boss Toto Wolff", "Tom Ashby, Albon's race
engineer"): guesses of role, team and alias for a draft annotation and for learning aliases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.people.headings import HEADING_LONGEST, Heading, as_written_name, speaker_heading
from bot.ingest.people.index import PeopleIndex
from bot.ingest.people.lexicon import _COMMON, ROLE_NOUN, _words
from bot.ingest.people.records import Appositive
from bot.ingest.people.runs import _masked

__all__ = ["find_appositives"]


_DESCRIPTOR = re.compile(
    r"(?:^|(?<=[\s(,;—–]))"
    r"(?P<team>(?:[A-Z][\w'’.-]*\s+){0,3})"
    r"(?P<role>(?:[a-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*))\s+$"
)
_RACING_FOR = re.compile(
    r"^,\s+(?:a|an|the)\s+(?P<role>[^,]*?\b(?:driver|racer|boss|principal|engineer))"
    r"(?:\s+(?:racing|driving)\s+for\s+(?P<team>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))?"
)


#: A press release's title set off after the name, in capitals: "said Vincent Vosse, Team
#: Principal.", "Andreas Roos, Head of BMW M Motorsport, said". Kept as written.
_CAPITAL_TITLE = re.compile(
    r",\s+(?P<role>(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(?:Principal|Director|Manager|Officer|President|Chairman|Chairwoman|Engineer|Head|Chief|"
    r"Founder|Owner|CEO|Executive|Strategist|Coordinator|Spokesperson|Spokesman|Spokeswoman)"
    r"(?:\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?"
    r"[A-Z][\w&.'’-]*){0,5})?)"
    r"(?=\s*(?:[,;]|\.(?:\s|$)|$))"
)
_POSSESSIVE_TEAM = re.compile(r"((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*)['’]s\s+$")
#: A team's role set off after the name: "Andrea Stella, McLaren's team principal, said",
#: "said Gaetan Rousseau, Williams' head of performance engineering." The role is lower-case
#: words holding a role noun (or "head"), up to the clause's end.
_TEAM_ROLE_AFTER = re.compile(
    r",\s+(?P<team>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})(?:['’]s|(?<=s)['’])\s+"
    r"(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,5})(?=\s*(?:[,;]|\.(?:\s|$)|$))"
)


def _text_before(masked: str, start: int) -> str:
    """The text a descriptor of the name at ``start`` may take up."""
    before = masked[max(0, start - 80) : start]
    # A descriptor never reaches back past a sentence end ("...said Gasly. Team boss").
    cut = before.rfind(". ")
    if cut != -1:
        before = before[cut + 2 :]
    return before


#: Roles no role noun ends, written before a name: "clerk of the course Jana Kinvig", "race
#: director Niels Wittich" has its noun, these have none ("head of endurance racing", "chairman").
_ROLE_PHRASE = re.compile(
    r"(?:^|(?<=[\s(,;—–]))(?P<team>(?:[A-Z][\w'’.-]*\s+){0,3})"
    r"(?P<role>(?:(?:[Dd]eputy|[Aa]ssistant|[Cc]hief|[Ss]enior)\s+)?(?:[Cc]lerk\s+of\s+the\s+course"
    r"|(?:[Hh]ead|[Dd]irector)\s+of\s+[a-z]+(?:\s+[a-z]+)?"
    r"|(?:[a-z]+\s+)?(?:[Cc]hair(?:man|woman)|[Pp]resident)))"
    r"\s+$"
)
#: The words one of which ends every ``_ROLE_PHRASE`` text: the regex runs only after them.
_ROLE_PHRASE_ENDS = ("course", "chairman", "chairwoman", "president")


#: Words that open a role and are capitalised only where they open a sentence too:
#: "Managing director Ana Ruiz said" is a managing director of no team "Managing". (Never
#: "racing" or "race": "Vantor Racing driver X" is a team's driver.)
_ROLE_OPENERS = _words(
    """managing technical sporting executive general deputy assistant commercial operations
    operating marketing communications performance engineering chief senior"""
)


def _descriptor_in(before: str) -> tuple[str, str | None, str] | None:
    """The descriptor ending ``before`` ("Mercedes boss "): (descriptor, team, role), or None."""
    if not _ends_in_role_noun(before):
        return _role_phrase_in(before)
    m = _DESCRIPTOR.search(before)
    if m and ROLE_NOUN.match(m.group("role").split()[-1]) and _trim_role(m.group("role")):
        team = m.group("team").strip() or None
        role = _trim_role(m.group("role"))
        if team and role == m.group("role").strip() and team.lower() in _ROLE_OPENERS:
            # "Managing director", "Technical director" opening a sentence: the role's own
            # first word, capitalised by its place, and no team.
            role = f"{team.lower()} {role}"
            return role, None, role
        if team and (team.split()[0] in _COMMON or role != m.group("role").strip()):
            team = None
        return (f"{team} {role}" if team else role), team, role
    return None


def _role_phrase_in(before: str) -> tuple[str, str | None, str] | None:
    """A role written before a name that no role noun ends (:data:`_ROLE_PHRASE`): "said clerk
    of the course Jana Kinvig" makes her the clerk of the course, as "race director" does."""
    tail = before.rstrip()
    if not tail.endswith(_ROLE_PHRASE_ENDS) and " of " not in tail[-40:]:
        return None
    m = _ROLE_PHRASE.search(before)
    if m is None:
        return None
    role = " ".join(m["role"].split())
    role = role[:1].lower() + role[1:]  # "Clerk of the course Jana Kinvig" opening a sentence
    team = m["team"].strip() or None
    if team and team.split()[0] in _COMMON:
        team = None
    return (f"{team} {role}" if team else role), team, role


#: A role owned by the body the sentence before names, set off before a name: "The ACO did
#: not hold it against him. Its president, Pierre Fillon, called ...".
_ITS_ROLE = re.compile(
    r"(?:^|[.!?]\s+)(?:Its|Their)\s+(?P<role>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*),\s+$"
)
#: Roles a body's head holds that no role noun ends: "Its president".
_BODY_ROLES = frozenset({"president", "chairman", "chairwoman", "founder"})
#: Capitalised runs, which may name a body ("The ACO", "Automobile Club de l'Ouest").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:de|du|of|l['’])?\s*[A-Z][\w'’-]*)*")


def _its_role(masked: str, start: int) -> tuple[str, str] | None:
    """(team, role) for "Its president, Name," when the sentence before names one body
    the register knows ("The ACO did not ..."): the body's role; else None."""
    m = _ITS_ROLE.search(masked, max(0, start - 60), start)
    if m is None or masked[m.start()] not in ".!?":
        return None  # the sentence before is what names the body
    last = m["role"].split()[-1]
    if not (ROLE_NOUN.match(last) or last in _BODY_ROLES):
        return None
    sentence = masked[masked.rfind(". ", 0, m.start()) + 1 : m.start() + 1]
    from bot.ingest.resolve import default_register  # the register needs this module

    register = default_register()
    bodies = {b for run in _CAPITALISED_RUN.findall(sentence) for b in register.organisations(run)}
    if len(bodies) != 1:
        return None
    return bodies.pop(), m["role"]


def _ends_in_role_noun(before: str) -> bool:
    r"""Whether ``before`` ends in a role noun and blanks: a word (``[\w-]+``) that
    ``ROLE_NOUN`` matches, then at least one blank.

    Every descriptor :func:`_descriptor_in` accepts ends so (its last role word is such a
    word, right before the blanks ``_DESCRIPTOR`` ends in), and most text before a name
    does not: the check is exact and spares the regex, which backtracks over each start.
    """
    end = len(before)
    while end and before[end - 1].isspace():
        end -= 1
    if end == len(before):
        return False
    start = end
    while start and (before[start - 1].isalnum() or before[start - 1] in "_-"):
        start -= 1
    return ROLE_NOUN.match(before[start:end]) is not None


def find_appositives(paragraphs: Sequence[str], index: PeopleIndex) -> list[Appositive]:
    """Find descriptors attached to names: guesses of role, team and alias for the draft."""
    found: list[Appositive] = []
    texts = [_masked(p) for p in paragraphs]
    index.prime(texts)
    issuer: list[str | None] = []  # the sheet's team, read at its first role heading
    for number, masked in enumerate(texts, start=1):
        if len(masked) <= HEADING_LONGEST + 8 and (heading := speaker_heading(masked)):
            if heading.role and not issuer:
                issuer.append(_issuing_team(texts[:1]))
            found.extend(_heading_role(heading, number, index, issuer[0] if issuer else None))
        for mention in index.mentions(masked):
            if mention.kind != "name" or mention.person is None:
                continue
            before = _text_before(masked, mention.start)
            described = _descriptor_in(before)
            if described is not None:
                descriptor, team, role = described
                found.append(Appositive(mention.person, descriptor, team, role, number))
            if before.endswith(", ") and (its := _its_role(masked, mention.start)) is not None:
                found.append(Appositive(mention.person, f"{its[0]} {its[1]}", *its, number))
            # (the regex only where it can match: after "'s" and a blank)
            possessive_team = (
                _POSSESSIVE_TEAM.search(before)
                if before[-1:].isspace() and before.rstrip().endswith(("'s", "’s"))
                else None
            )
            if (
                possessive_team
                and possessive_team.group(1).split()[0] not in _COMMON
                and not _a_persons_name(possessive_team.group(1), index)
            ):
                team = possessive_team.group(1)
                found.append(
                    Appositive(mention.person, f"{team}'s", team, None, number, before_name=False)
                )
            after = masked[mention.end : mention.end + 120]
            titled = _CAPITAL_TITLE.match(after) if after[:2] == ", " else None
            if titled is not None:
                found.append(
                    Appositive(mention.person, titled["role"], None, titled["role"], number, False)
                )
            owned = _TEAM_ROLE_AFTER.match(after) if after[:2] == ", " else None
            if owned is not None and _team_role(owned["team"], owned["role"]):
                # "Tom Ashby, Albon's race engineer": a person's, a relation; the role
                # stands, the owner is no team.
                team = None if _a_persons_name(owned["team"], index) else owned["team"]
                found.append(
                    Appositive(mention.person, owned[0][2:], team, owned["role"], number, False)
                )
            r = _RACING_FOR.match(after)
            if r:
                role, team = _role_and_team(r.group("role"), index)
                found.append(
                    Appositive(
                        mention.person, r.group(0)[2:], r.group("team") or team, role, number, False
                    )
                )
    return found


def _heading_role(
    heading: Heading, number: int, index: PeopleIndex, issuer: str | None
) -> list[Appositive]:
    """The role a speaker heading gives its speaker, as a role in prose does: "JANE DOE –
    Team Director" a team director; "JOHN ROE – Crew Chief, Fabio Quartararo" the crew chief
    of that rider (a relation: the rider is no team, the sheet's is); "Andrea Stella, McLaren Team
    Principal:" McLaren's. A role the heading gives no team is the team's that issues the
    sheet (``issuer``, the team its opening line names). A results line gives no role."""
    who = index.resolve(as_written_name(heading.name))
    if who is None or heading.role is None:
        return []
    role, team = _role_and_team(heading.role, index)
    role = " ".join(w if w.isupper() else w.lower() for w in role.split())
    owner = heading.owner
    if owner is not None and _a_persons_name(as_written_name(owner), index):
        rider = index.resolve(as_written_name(owner)) or owner
        return [Appositive(who, f"{rider}'s {role}", issuer, role, number, before_name=False)]
    team = team or owner or issuer
    return [Appositive(who, heading.role, team, role, number, before_name=False)]


def _issuing_team(opening: Sequence[str]) -> str | None:
    """The team a sheet's opening line names first, as written ("Gresini Racing Team –
    Ostrava Grand Prix, Sunday"): the capitalised run opening it (after "The"), when the
    register knows its longest part naming a team as exactly one. A sheet opening otherwise
    (a story, a place, a date) names no issuer."""
    if not opening:
        return None
    run = _CAPITALISED_RUN.match(opening[0].strip().removeprefix("The "))
    if run is None:
        return None
    from bot.ingest.resolve import default_register  # the register needs this module

    register = default_register()
    words = run.group(0).split()
    teams: set[str] = set()
    for size in range(len(words), 0, -1):  # the longest part naming a team says which
        for start in range(len(words) - size + 1):
            teams.update(register.organisations(" ".join(words[start : start + size])))
        if teams:
            break
    return run.group(0) if len(teams) == 1 else None


#: Words that open a role of two words: "team principal", "race engineer".
_ROLE_FIRST_WORDS = _words(
    """
    team race performance technical sporting crew data strategy managing executive vehicle
    test development reserve chief
    """
)


def _role_and_team(words: str, index: PeopleIndex) -> tuple[str, str | None]:
    """The role and team of a description set off after a name ("the Aston Martin team
    principal" -> "team principal", "Aston Martin"; "the team principal" -> "team
    principal"): the role is its last word, with the one before when the two make one role
    ("race engineer"), the team the capitalised words right before it, when they name no
    person."""
    tokens = words.split()
    start = len(tokens) - 1
    if start > 0 and tokens[start - 1].casefold() in _ROLE_FIRST_WORDS:
        start -= 1  # "team principal", "race engineer"; not "champion driver"
    role = " ".join(tokens[start:])
    capitals = []
    at = start
    while at > 0 and tokens[at - 1][:1].isupper():
        at -= 1
        capitals.insert(0, tokens[at])
    team = " ".join(capitals) or None
    if team and (capitals[0] in _COMMON or _a_persons_name(team, index)):
        team = None
    return role, team


def _team_role(team: str, role: str) -> bool:
    """Whether "<owner>'s <role>" after a name gives that person's job: the role holds a role
    noun ("team principal", "head of performance engineering") and the owner is no common
    word. Whether the owner is a team or a person (a relation) is :func:`_a_persons_name`'s."""
    return team.split()[0] not in _COMMON and any(
        ROLE_NOUN.match(w) or w == "head" for w in role.split()
    )


def _a_persons_name(owner: str, index: PeopleIndex) -> bool:
    """Whether the owner of "<owner>'s race engineer" is a person, not a team: a person of
    the article (a name or a part of one), or a name the register knows for a person and for
    no organisation ("Albon's race engineer" in a story naming him only "Albon"; "Williams'"
    is the team's). A person's engineer works with them: the owner is never their team."""
    folded = owner.casefold()
    if any(
        folded in {p.name.casefold(), *(part.casefold() for part in p.name.split())}
        for p in index.people
    ):
        return True
    from bot.ingest.resolve import default_register  # the register needs this module

    register = default_register()
    return bool(register.find(owner)) and not register.organisations(owner)


_FUNCTION_WORDS = _words(
    """
    and but or while whereas the a an said says with as of by for to from at in on when after
    before was is were are had has have saw being been his her their its that who which
    """
)


def _trim_role(words: str) -> str:
    """Keep the descriptor words after the last function word: "but seven-time world champion"."""
    kept: list[str] = []
    for word in words.split():
        kept = [] if word.lower() in _FUNCTION_WORDS else [*kept, word]
    return " ".join(kept)
