"""Whom a pronoun may stand for, beyond the history: the piece's subject, and who it is not.

A present-tense long-read profile ("he says", "he laughs", "he puts the fork down") keeps
its subject as "he" for paragraphs at a time, while others are named, quoted and dropped
in between. A reader takes each "he" for the man the piece is about unless the paragraph
itself has named another man doing something first; the most recent name, the history's
answer, is often someone mentioned only in passing. Some people a pronoun can never be:
one the quotation itself names in the third person ("Nico says that because ...," he says
is not Nico's), and the one a "told" addresses ("He told Wolff that ..."). And a passive
agent ("RFK was represented by Mark Hollis, ...") is whom the next "he" is, when the
sentence has no subject of its own who is a person.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass

from bot.ingest.people import Mention, PeopleIndex
from bot.ingest.resolve import RegisterLike, default_register

__all__ = [
    "Barred",
    "gesture_then_quote",
    "listeners",
    "not_the_speaker",
    "passive_agent",
    "profile_pronoun",
    "profile_subject",
]

#: A speech or beat tag in the present tense, outside quotation marks: "he says", "Wheatley
#: says", "she laughs". A profile written over a meal tells its scene in the present.
_PRESENT_TAG = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[A-Z][\w'’-]+)\s+(?:\w+ly\s+)?(?:says|adds|concedes|admits|insists|"
    r"explains|recalls|jokes|laughs|smiles|grins|shrugs|sighs|nods)\b"
)
#: The same tags in the past tense: a news report says "said".
_PAST_TAG = re.compile(r"\b(?:said|added|conceded|admitted|insisted|explained|recalled)\b")
#: At least this many present-tense tags, and more than past ones, make a profile's voice.
_PRESENT_TAGS = 3
#: The present-tense verbs alone: a cheap first look (string counts), so a news report
#: costs next to nothing.
_PRESENT_VERBS = (" says", " laughs", " adds", " concedes", " admits", " smiles", " grins")
_PRONOUNS = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|[Hh]ers)\b")
#: A news lede: "Max Verstappen says Red Bull are ready ...", or a dateline ("KESTON – ").
#: A news piece may be told in "says", but its "he" is whoever was named last, as in "said".
_NEWS_LEDE = re.compile(
    r"(?:[A-Z][\w'’-]+\s+){1,3}(?:says|admits|insists|believes|thinks|warns|expects)\b"
    r"|[A-Z][A-Z '’-]{2,}\s*[–—-]\s"
)


def _news_lede(masked: Sequence[str]) -> bool:
    """Whether the first paragraph past the byline opens as a news report does."""
    for text in masked:
        if text.startswith("By ") and len(text.split()) <= 5:
            continue
        return _NEWS_LEDE.match(text.strip()) is not None
    return False


def profile_subject(masked: Sequence[str], people: PeopleIndex) -> tuple[str, str] | None:
    """The man (or woman) a present-tense long-read is about, and the pronoun it uses.

    Only when the narration (``masked``: quotations blanked) tags in the present tense more
    than in the past (at least three times), one person is named in clearly more paragraphs
    than anyone else (half as many again as the next), and "he" or "she" clearly dominates the
    narration. News reports, told in "said" or opening on a news lede ("X says <claim>", a
    dateline), never qualify.
    """
    joined = "\n".join(masked)
    if sum(joined.count(verb) for verb in _PRESENT_VERBS) < _PRESENT_TAGS:
        return None
    if _news_lede(masked):
        return None
    present = len(_PRESENT_TAG.findall(joined))
    if present < _PRESENT_TAGS:
        return None
    if present <= len(_PAST_TAG.findall(joined)):
        return None
    named: Counter[str] = Counter()
    for text in masked:
        named.update(
            {x.person for x in people.mentions(text) if x.kind in ("name", "alias") and x.person}
        )
    ranked = named.most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) == 2 and ranked[0][1] * 2 < ranked[1][1] * 3:
        return None
    words = Counter(w.lower() for w in _PRONOUNS.findall(joined))
    he = words["he"] + words["him"] + words["his"]
    she = words["she"] + words["her"] + words["hers"]
    if he >= 3 * max(she, 1):
        return ranked[0][0], "he"
    if she >= 3 * max(he, 1):
        return ranked[0][0], "she"
    return None


def profile_pronoun(
    profile: tuple[str, str] | None,
    pronoun: Mention,
    mentions: Sequence[Mention],
    barred: Container[str],
) -> str | None:
    """A profile's subject for its pronoun, unless the paragraph has named another person
    as a clause's subject before it ("Jonathan Wheatley ... uses it twice. He says ...": then
    the history decides), or the subject is barred (the quotation names them)."""
    if profile is None:
        return None
    subject, word = profile
    if pronoun.pronoun != word or subject in barred:
        return None
    for x in mentions:
        if x.start >= pronoun.start:
            break
        if x.kind in ("name", "alias") and x.person not in (None, subject) and x.subject_like:
            return None
    return subject


#: A beat of the subject's alone in its sentence, right before a quotation with no tag: "He
#: laughs." "Verstappen shrugged." The quotation is the one who laughed.
_GESTURE = re.compile(
    r"\s*\S+(?:\s+[A-Z][\w'’-]+)?\s+(?:\w+ly\s+)?(?:laughs|laughed|smiles|smiled|grins|grinned|"
    r"shrugs|shrugged|sighs|sighed|nods|nodded|chuckles|chuckled|winces|winced)"
    r"(?:\s+(?:again|at\s+that|at\s+this|wryly|ruefully))?[.!]?\s*"
)


def gesture_then_quote(sentence: str) -> bool:
    """Whether the sentence is only its subject and a beat ("He laughs.", "Alonso grinned.")."""
    return _GESTURE.fullmatch(sentence) is not None


#: "told" right before a mention: whom the telling is addressed to.
_TOLD = re.compile(r"\b(?:told|tells|telling)\s+(?:the\s+)?$")


def listeners(masked: str, mentions: Sequence[Mention], start: int, end: int) -> set[str]:
    """The people a "told" addresses in ``masked[start:end]`` ("He told Wolff that ..."):
    the listener, never the speaker of what is told."""
    return {
        x.person
        for x in mentions
        if start <= x.start < end
        and x.person is not None
        and x.kind != "pronoun"
        and _TOLD.search(masked, max(start, x.start - 20), x.start)
    }


#: Where a sentence ends, after a pronoun: a "told" past it addresses someone else.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def not_the_speaker(
    pronoun: Mention,
    masked: str,
    mentions: Sequence[Mention],
    quote: str | None,
    people: PeopleIndex,
) -> Container[str]:
    """Whom a pronoun cannot stand for: anyone the quotation being attributed names ("Nico
    says that because ...," he says), and whom a "told" later in its sentence addresses."""
    told: set[str] = set()
    if "tell" in masked or "told" in masked:
        end = _SENTENCE_END.search(masked, pronoun.end)
        told = listeners(masked, mentions, pronoun.end, end.start() if end else len(masked))
    if quote is None and not told:
        return _NOBODY
    return Barred(frozenset(told), quote, people)


#: A team the register lacks, by its name's last word: a capitalised run ending in a team
#: word ("Quill Racing"). The register's own names (:func:`_team_names`) come first.
_TEAM_ENDING = (
    r"\b(?:[A-Z][\w&'’-]*\s+){1,3}(?:Racing|Motorsports?|Motor\s+Sports|Team|Global|"
    r"Autosport|Engineering|Competition)\b"
)


@functools.lru_cache(maxsize=4)
def _team_names(register: RegisterLike) -> re.Pattern[str]:
    """A team's name in a quotation, whose surname names the team, not the person
    ("Hendrick Motorsports", "Joe Gibbs Racing"): the names the register writes the teams
    by, longest first, else a capitalised run ending in a team word (:data:`_TEAM_ENDING`).

    Only names of two words or more that name no person: a one-word team name ("Penske",
    "Andretti") is its owner's surname too, and one the register also knows as a person's
    ("Chip Ganassi") is his name first; a quotation saying either may mean the man.
    """
    found = (n for n in register.all_team_names() if len(n.split()) > 1 and not register.find(n))
    names = sorted(found, key=lambda n: (-len(n), n))
    written = [r"\s+".join(map(re.escape, name.split())) for name in names]
    return re.compile(rf"\b(?:{'|'.join(written)})\b|{_TEAM_ENDING}" if written else _TEAM_ENDING)


#: No one barred: most pronouns outside a quotation's tag.
_NOBODY: frozenset[str] = frozenset()


@dataclass
class Barred:
    """Whom a pronoun cannot stand for (:func:`not_the_speaker`), as a container: the
    quotation is read for names only when a candidate's name or alias occurs in it; a team
    bearing a surname ("Hendrick Motorsports has won here") names no person."""

    told: frozenset[str]
    quote: str | None
    people: PeopleIndex
    _named: frozenset[str] | None = None

    def __contains__(self, name: object) -> bool:
        if name in self.told:
            return True
        if self.quote is None or not isinstance(name, str):
            return False
        entry = self.people.get(name)
        words = [*name.split(), *(entry.aliases if entry is not None else ())]
        if not any(word in self.quote for word in words):
            return False
        if self._named is None:
            teams = _team_names(default_register())
            quote = teams.sub(lambda m: " " * len(m.group()), self.quote)
            self._named = frozenset(
                x.person
                for x in self.people.mentions(quote)
                if x.kind in ("name", "alias") and x.person
            )
        return name in self._named


#: A passive verb right before its agent: "was represented by", "is coached at Audi by".
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?\w+ed\s+"
    r"(?:(?:at|in|on|for|before)\s+(?:the\s+)?[\w'’-]+\s+)?by\s+$"
)


def passive_agent(masked: str, mentions: Sequence[Mention], a: int, b: int) -> str | None:
    """The one person a sentence with no person as subject names as its passive verb's agent
    ("RFK was represented by Mark Hollis, a Charlotte attorney"): whom the next "he" is."""
    if masked.find(" by ", a, b) < 0:
        return None
    inside = [x for x in mentions if a <= x.start < b]
    if any(x.subject_like for x in inside):
        return None
    agents = {
        x.person
        for x in inside
        if x.person is not None
        and x.kind in ("name", "alias")
        and _PASSIVE_BY.search(masked, max(a, x.start - 40), x.start)
    }
    people = {x.person for x in inside if x.kind in ("name", "alias")}
    if len(agents) != 1 or people != agents:
        return None
    return agents.pop()
