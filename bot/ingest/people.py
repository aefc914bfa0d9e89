"""Who an article names: discovery of people in the text, and finding mentions of them."""

from __future__ import annotations

import functools
import logging
import re
import string
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

from bot.ingest.text import CASE_TRAPS as _CASE_TRAPS
from bot.ingest.text import Caseless, find_segments, sentence_spans, unaccent
from bot.ingest.text import masked as masked_text
from bot.ingest.words import LowerWords

if TYPE_CHECKING:  # resolve imports this module
    from bot.ingest.resolve import RegisterLike

__all__ = [
    "NATIONALITY_NOUNS",
    "Appositive",
    "Mention",
    "PeopleIndex",
    "PersonEntry",
    "discover_people",
    "find_appositives",
]

log = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    """Read a whitespace-separated word list (long lists stay readable as prose)."""
    return frozenset(text.split())


MentionKind = Literal["name", "alias", "pronoun", "unknown"]

# Capitalised words that are never part of a person's name: teams, places, racing terms,
# platforms, calendar words. Surnames that double as team names (Williams, Jordan) are left
# out on purpose: "Claire Williams" is a person.
_STOP = _words(
    """
    Grand Prix Formula One Team Racing Motorsport Motorsports Mercedes Ferrari McLaren Alpine
    Global Autosport Corse Gazoo Lenovo Petronas Aramco Oracle Repsol Pramac MoneyGram
    Renault Haas Sauber Alfa Romeo AlphaTauri Toro Rosso Aston Bull Red Honda Audi Cadillac
    Arrows Silver Safety Car Virtual Race Control Championship Championships World Constructors
    Drivers Sky Sports Instagram Twitter Facebook TikTok YouTube Netflix Drive Survive Circuit
    Ring Park Street Speedway Raceway International Autodromo Autódromo Turn Lap Pit Lane
    Stewards Paddock Sprint Qualifying Practice Free Academy Cup Series Le Mans Daytona
    Indianapolis Indy IndyCar MotoGP Dakar Rally Press Association News Times Telegraph
    Guardian Mail Herald Post Express Sun Reuters Motorsport.com Autosport Radio Television
    January February March April June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Weekend
    Italian British Finnish Dutch German French Spanish Mexican Australian Monegasque Canadian
    Japanese Chinese Thai Danish American Brazilian Belgian Austrian Hungarian Portuguese
    Russian Swiss Swedish Polish Argentine Argentinian English Scottish Welsh Irish Zealander
    Finn Dutchman Briton Brit Spaniard Frenchman Englishman Scot Dane Swede Kiwi Aussie
    Italy Britain Great England Portugal Spain Monaco Belgium Hungary Austria Netherlands
    Holland Germany France Mexico Canada Japan China Bahrain Saudi Arabia Qatar Abu Dhabi
    Singapore Australia Azerbaijan Baku Miami Vegas Las Brazil Interlagos Sao São Paulo Imola
    Monza Silverstone Spa Francorchamps Zandvoort Suzuka Melbourne Jeddah Emilia Romagna
    Portimao Portimão Barcelona Catalunya Montreal Montréal Hungaroring Budapest Sochi
    Istanbul Turkey Styria Styrian Yas Marina Losail Lusail Austin Texas America Americas
    United States Kingdom Europe European Eifel Tuscan Mugello Nurburgring Nürburgring Sakhir
    Shanghai Albert Gilles Villeneuve Marina Bay Red Sea Valencia Hockenheim Sepang Korea
    Korean Indian India Vietnam Russia Malaysia Malaysian Paris London Rome Milan Madrid
    City FIA FOM Liberty Media Pirelli Monte Carlo Ricard Castellet Rivage Beau Massenet
    Gazzetta Corriere Tuttosport Autosprint Marca Bild Blick Zeitung Speedweek Telegraaf
    Algemeen Dagblad Sanomat Viaplay Movistar DAZN ESPN Equipe Équipe L'Equipe L'Équipe Sport
    Auto Motor Mundo Deportivo Canal Ziggo ServusTV
    Porsche Toyota Hyundai Chevrolet Peugeot Lamborghini BMW Lexus Corvette Acura Nissan Mazda
    Maserati Ducati Yamaha Aprilia KTM Kawasaki Subaru Skoda Citroen Citroën Bentley Dallara
    Ligier Oreca Stage Stages Shakedown Triple
    Ford Hours Carolina Dakota Virginia Tennessee Florida Ohio Michigan Indiana Wisconsin
    California Arizona Nevada Alabama Kentucky Pennsylvania Iowa Kansas Oklahoma Louisiana
    """
)
# (The last lines: makers, whose names make team names of people's ("Porsche Penske",
# "Manthey Porsche", "Penske Ford"), rally and race words that open or close a thing's name
# ("Power Stage", "Triple Eight", "the Twelve Hours of Sebring") and the states a place
# name ends with ("Charlotte, North Carolina"); none is anyone's name.)
# Capitalised words that start sentences or are titles; dropped from the front of a name.
_COMMON = _words(
    """
    The A An And But Or So After Before When While Whereas Although Though As At In On Of For
    From To With Without By It He She They We I You His Her Their Its Our My Your This That
    These Those There Here Both Meanwhile However Speaking Asked Yesterday Today Tomorrow Last
    Next Now Then Later Earlier Despite Following During Since Until If Yet Still Even Only
    Also Just Not No Yes Instead Indeed Sir Dame Mr Mrs Ms Dr Lord Lady Overall Elsewhere
    Behind Ahead Up Down Out Over Under Into Onto Upon Within Where What Who Why How Which
    Whose Whom Some Any Every Each Many Much More Most Few Several All Another Other Such
    Having Being Thanks Perhaps Maybe Although Once Twice Again Back Away Along Across Around
    Through Throughout Against Among Between Beyond Unlike Like Except Besides Regardless
    Former Current Reigning Fellow Rival Rookie Veteran Young Old New Team-mate Teammate Team
    Champion Defending
    Afterwards Afterward Eventually Ultimately Initially Finally Subsequently Soon
    Shortly Immediately Lately Recently Previously Originally Naturally Clearly
    Unsurprisingly Surprisingly Predictably Inevitably Fortunately Unfortunately Luckily
    Sadly Thankfully Similarly Likewise Nevertheless Nonetheless Moreover Furthermore
    Additionally Otherwise Therefore Thus Hence Apparently Reportedly Allegedly Notably
    Crucially Ironically Frankly Briefly Typically Understandably
    North South East West Northern Southern Eastern Western
    """
)
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "du", "ter"}
)
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV", "Junior"})
#: Words that end a team's name ("Meyer Shank Racing"): the names before them are its own.
_ORGANISATION_END = frozenset({"Racing", "Motorsport", "Motorsports", "Autosport", "Corse"})
#: Words that end the name of a place or a thing, never a person's ("Methodist Hospital",
#: "Casino Square", "Attack Mode").
_THING_END = _words(
    """
    Hospital Clinic Centre Center University College Stadium Arena Square Hotel Mode Foundation
    Academy Avenue Tunnel Hairpin Chicane Esses
    Motors Logistics Energy Group Holdings Industries Airlines Airways Bank Technologies
    Systems Insurance Wire
    """
)
_PLACE_AFTER = frozenset({"GP", "Grand", "Prix", "Circuit", "Raceway", "Speedway", "Ring"})
#: Words after a capitalised phrase that make it the title of a show or a post ("on his
#: Happy Hour podcast", "in her Pit Lane Diary column"), when a possessive or an article
#: stands before it: a title, never a person.
_TITLE_AFTER = _words(
    """
    podcast podcasts show column columns programme program newsletter documentary channel
    blog vlog episode episodes
    """
)
#: Words before such a title: whose show it is, or "the".
_TITLE_BEFORE = frozenset({"his", "her", "their", "its", "our", "my", "your", "the", "a", "an"})
_PREPOSITIONS = _words(
    """
    about to with of for against on at from towards toward over behind ahead after before than
    by into onto past beside alongside under beneath between among around near like unlike
    despite without ahead of including
    """
)

_LETTER = re.compile(r"[^\W\d_]")
_POSSESSIVE_AFTER = re.compile(r"['’](?:s\b|\s|$)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s?)?")
_POSSESSIVE = re.compile(r"['’]s?$")
#: (The lookahead, a match's first letter, lets the scan pass over every other position
#: before the word-boundary test: a third faster, the same matches.)
_PRONOUN = re.compile(r"(?=[hst])\b(he|she|they)\b", re.IGNORECASE)
NATIONALITY_NOUNS = (
    "Finn|Dutchman|Briton|Brit|Spaniard|Frenchman|German|Mexican|Australian|Monegasque|"
    "Canadian|Thai|Dane|Japanese|Chinese|Italian|Brazilian|Belgian|Austrian|American|"
    "Englishman|Scot|Swede|Swiss|Pole|Kiwi|New Zealander|Argentine|Argentinian|Russian|"
    "Portuguese|Aussie|Welshman|Irishman|Hungarian|Pole"
)
_ROLE_NOUNS = (
    "driver|rider|star|boss|racer|champion|rookie|veteran|youngster|team-?mate|principal|chief|ace|"
    "pilot|spokes(?:man|woman|person)|engineer|mechanic|insider|source|official|steward|fan|"
    "observer|pundit|commentator|executive|director|manager|owner|CEO|gun|man|woman"
)
_FILLER = r"(?:(?!(?:and|or|but|of|to|with|for|in|on|at|by)\b)[\w'’.-]+\s+)"
# References to someone the text does not name here: they block guessing, never name anyone.
# ("the championship leader" is one, but "leader" is no role a descriptor gives: "Championship
# leader Broc Feeney" has no team "Championship".)
#: (The lookahead is the first letter of every alternative, "the", "a", "an", "one",
#: "another": the scan tests it first, a third faster; an alternative starting with
#: another letter must add that letter to it. Caseless: lower-case text, a third faster.)
_UNKNOWN = Caseless(
    rf"(?=[tao])\b(?:the\s+\d{{1,2}}-year-old|the\s+(?:{NATIONALITY_NOUNS})\b"
    rf"|(?:the|a|an|one|another)\s+{_FILLER}{{0,3}}?(?:{_ROLE_NOUNS}|leader)\b)"
)
ROLE_NOUN = re.compile(rf"^(?:{_ROLE_NOUNS})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person known to an article: from its annotation file or found in its text."""

    name: str
    role: str | None = None
    team: str | None = None
    aliases: tuple[str, ...] = ()
    pronoun: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a person in (masked) text.

    ``person`` is None for a pronoun (resolved later), for someone the text leaves unnamed
    ("the Dutchman", "a spokesperson") and for a surname two people share: such mentions
    block attribution rather than guess.
    """

    start: int
    end: int
    person: str | None
    kind: MentionKind
    pronoun: str | None = None
    possessive: bool = False
    governed: bool = False
    #: A name used as a modifier ("the turn-four Ricci incident"): never a subject.
    modifier: bool = False

    @property
    def subject_like(self) -> bool:
        """Whether the mention can be a clause's subject (not "Bottas's", not "to Bottas")."""
        return not self.possessive and not self.governed and not self.modifier


@dataclass(frozen=True, slots=True)
class Appositive:
    """A descriptor written right before a name ("Mercedes boss Toto Wolff")."""

    person: str
    descriptor: str
    team: str | None
    role: str | None
    paragraph: int
    before_name: bool = True


class _NameFinder:
    r"""Find names in text exactly as one case-insensitive regex alternation would, uncompiled.

    What ``re.compile(r"(?<![\w'’-])(?:A|(?:the\s+)?B|...)(?![\w-])", re.IGNORECASE)``'s
    ``finditer`` yields, for literal alternatives in that order. Compiling that regex for each
    article's names cost more than everything else people discovery does; finding each literal
    with ``str.find`` in the lower-cased text and keeping, at each start, the first alternative
    the regex would try gives the same spans. The regex is still compiled, once, for text
    (or names) with a character whose case folding ``str.lower`` does not mirror.
    """

    __slots__ = ("_alternatives", "_exact", "_regex")

    def __init__(self, alternatives: Sequence[tuple[str, bool]]) -> None:
        """``alternatives``: each literal, and whether "the " may precede it, in regex order."""
        self._alternatives = [(text, text.lower(), the) for text, the in alternatives]
        self._exact = all(
            text[:1].strip() and len(low) == len(text) and _trap_free(text)
            for text, low, _ in self._alternatives
        )
        self._regex: re.Pattern[str] | None = None

    def _compiled(self) -> re.Pattern[str]:
        if self._regex is None:
            parts = [
                (r"(?:the\s+)?" if the else "") + re.escape(t) for t, _, the in self._alternatives
            ]
            self._regex = re.compile(
                r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE
            )
        return self._regex

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return the (start, end) of each match, leftmost first, never overlapping."""
        low = text.lower()
        if not self._exact or len(low) != len(text) or not _trap_free(text):
            return [m.span() for m in self._compiled().finditer(text)]
        return self._spans(text, low)

    def spans_of_each(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        """Return :meth:`spans` of each text, searching them all in one go.

        The texts are joined with a character no name holds and no lookaround lets a match
        run across, so each match falls within one text and reads as it would alone.
        """
        joined = _JOIN.join(texts)
        low = joined.lower()
        if (
            not self._exact
            or len(low) != len(joined)
            or not _trap_free(joined)
            or any(_JOIN in text for text, _, _ in self._alternatives)
        ):
            return [self.spans(text) for text in texts]
        out: list[list[tuple[int, int]]] = [[] for _ in texts]
        ends: list[int] = []
        offset = 0
        for text in texts:
            offset += len(text)
            ends.append(offset)
            offset += len(_JOIN)
        k = 0
        for start, end in self._spans(joined, low):
            while start >= ends[k]:
                k += 1
            base = ends[k] - len(texts[k])
            out[k].append((start - base, end - base))
        return out

    def _spans(self, text: str, low: str) -> list[tuple[int, int]]:
        size = len(text)
        # start -> (the alternative's place in the alternation, end of its match)
        best: dict[int, tuple[int, int]] = {}
        for order, (_, literal, the) in enumerate(self._alternatives):
            width = len(literal)
            at = low.find(literal)
            while at != -1:
                end = at + width
                if end == size or not _blocks_after(text[end]):
                    starts = [at]
                    if the:
                        # (?:the\s+)? is greedy: "the" and all the blanks before the literal.
                        blank = at
                        while blank > 0 and text[blank - 1].isspace():
                            blank -= 1
                        if blank < at and blank >= 3 and low[blank - 3 : blank] == "the":
                            starts.append(blank - 3)
                    for start in starts:
                        if start and _blocks_before(text[start - 1]):
                            continue
                        seen = best.get(start)
                        # A later alternative loses; the same one matches with "the" first.
                        if seen is None or order < seen[0] or (order == seen[0] and end > seen[1]):
                            best[start] = (order, end)
                at = low.find(literal, at + 1)
        spans: list[tuple[int, int]] = []
        done = 0
        for start in sorted(best):
            if start >= done:
                done = best[start][1]
                spans.append((start, done))
        return spans


#: Joins texts searched together: not a word character, a blank, an apostrophe or a hyphen.
_JOIN = "\x00"


#: Any :data:`CASE_TRAPS` character.
_TRAP = re.compile("[" + re.escape("".join(sorted(_CASE_TRAPS))) + "]")


def _trap_free(text: str) -> bool:
    """Whether ``text`` holds no :data:`CASE_TRAPS` character: ASCII text holds none (asking
    costs nothing), and a regex scan is twice as fast as the set's walk through the text
    (16 µs an article's text; the names are searched in it three times an article)."""
    return text.isascii() or _TRAP.search(text) is None


def _blocks_before(char: str) -> bool:
    r"""``[\w'’-]``: a character a name may not follow."""
    return char.isalnum() or char in "_'’-"


def _blocks_after(char: str) -> bool:
    r"""``[\w-]``: a character a name may not run into."""
    return char.isalnum() or char in "_-"


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


def _decoration(masked: str, start: int, end: int, kind: MentionKind) -> tuple[bool, bool, bool]:
    """A mention's (possessive, governed, modifier), from the text around it."""
    after = masked[end : end + 2]
    possessive = bool(_POSSESSIVE_AFTER.match(after))
    before = _word_before(masked, start)
    governed = bool(before and before.lower() in _PREPOSITIONS)
    if before and before.lower() == "to":
        # "according to X" names a source, which the caller handles on purpose.
        governed = not masked[:start].rstrip().lower().endswith("according to")
    elif before in ("and", "or"):
        governed = _coordinated_object(masked, start, end)
    modifier = (
        kind in ("name", "alias")
        and not possessive
        and (after_word := _MODIFIED_NOUN.match(masked, end)) is not None
        and after_word.group(1) not in _NOT_NOUNS
        and not after_word.group(1).endswith(("ed", "ly"))
        and _MODIFIER_BEFORE.search(masked, max(0, start - 40), start) is not None
    )
    return possessive, governed, modifier


#: A preposition, a short noun phrase and "and" right before a name: "with Honda power and ".
_PREPOSITION_AND = re.compile(r"\b([a-z]+)\s+(?:[\w'’.-]+\s+){1,3}?(?:and|or)\s+$")
#: What may follow a name that is the object of a preposition, not a new clause's subject.
_OBJECT_AFTER = re.compile(r"\s*(?:[,.;:)]|$|([a-z]+)\b)")
_AFTER_OBJECT = _PREPOSITIONS | {"across", "in", "through", "throughout", "inside", "within"}


def _coordinated_object(masked: str, start: int, end: int) -> bool:
    """Whether a name after "and" shares the preposition before it: "with Honda power and
    Jenson Button across the garage" names no subject, though "and Button said" does."""
    m = _PREPOSITION_AND.search(masked, max(0, start - 50), start)
    if m is None or m[1] not in _PREPOSITIONS:
        return False
    after = _OBJECT_AFTER.match(masked, end)
    return after is not None and (after[1] is None or after[1] in _AFTER_OBJECT)


@functools.lru_cache(maxsize=8192)
def _escaped_len(text: str) -> int:
    """``len(re.escape(text))``: an alternative's length in the regex, which orders them.
    The same names come back in article after article, so each is escaped once."""
    return len(re.escape(text))


def _leftmost_longest(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.start - mention.end


def _without_overlaps(ordered: Iterable[Mention]) -> list[Mention]:
    """Keep each mention (in leftmost-longest order) that starts after the last one kept."""
    result: list[Mention] = []
    last_end = -1
    for mention in ordered:
        if mention.start >= last_end:
            result.append(mention)
            last_end = mention.end
    return result


@functools.lru_cache(maxsize=4096)
def _unnamed_mentions(masked: str) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """Pronouns and unnamed references ("the Dutchman"): the same whoever the article names.

    All of them in leftmost-longest order (names are merged in by each index), and those
    kept when no name overlaps them.
    """
    found: list[Mention] = []
    # (Each Mention built once, decorated: a frozen dataclass is slow to build.)
    for m in _UNKNOWN.finditer(masked):
        start, end = m.span()
        found.append(
            Mention(start, end, None, "unknown", None, *_decoration(masked, start, end, "unknown"))
        )
    for m in _PRONOUN.finditer(masked):
        start, end = m.span()
        word = m.group(1).lower()
        found.append(
            Mention(start, end, None, "pronoun", word, *_decoration(masked, start, end, "pronoun"))
        )
    found.sort(key=_leftmost_longest)
    return tuple(found), tuple(_without_overlaps(found))


#: "the ", "a turn-four ": a determiner (and lower-case words) right before a name...
_MODIFIER_BEFORE = re.compile(r"\b(?:[Tt]he|an?|this|that)\s+(?:[a-z][\w-]*\s+){0,2}$")
#: ...and a lower-case word right after it: the name modifies a noun ("the Sainz crash").
_MODIFIED_NOUN = re.compile(r"\s+([a-z][a-z-]+)\b")
_NOT_NOUNS = _words(
    """
    said says added told insisted admitted explained was is were are had has have would could
    will can did does and or but who which that as when while after before of to in on at
    for with from by later also then still never just again took made went got
    """
)


def _word_before(text: str, end: int) -> str | None:
    r"""The word ending ``text[:end]``, trailing spaces aside; None if it ends otherwise.

    What ``re.search(r"(\w+)\s*$", text[:end])`` finds, read from the end rather than tried
    at every position from the start (once per mention of a person, so it added up).
    """
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return text[start:stop] if start < stop else None


@functools.lru_cache(maxsize=8192)
def _alias_key(alias: str) -> str:
    """An alias as it is looked up (remembered: asked of every name span and alias)."""
    return _LEADING_THE.sub("", alias.strip()).casefold()


@functools.lru_cache(maxsize=8192)
def _keys_of(name: str) -> tuple[str, ...]:
    """The single-word keys of a full name and its forms without accents, once per name: the
    same people come back in article after article, and each article's index (two or three
    of them) asks again."""
    return (*_name_keys(name), *_unaccented_forms(name))


@functools.lru_cache(maxsize=8192)
def _plain(folded: str) -> str:
    """``unaccent``, remembered: discovery asks it of every name found, and names recur."""
    return unaccent(folded)


def _unaccented_forms(name: str) -> list[str]:
    """The name and its single-word keys without their accents ("Ferriere", "Hulkenberg" for
    Jean-Loup Ferrière, Nico Hülkenberg): copy writes one name both ways in one article."""
    if name.isascii():
        return []
    plain = unaccent(name)
    if plain == name:
        return []
    keys = set(_name_keys(name))
    return [plain, *(key for key in _name_keys(plain) if key not in keys)]


def _name_keys(name: str) -> list[str]:
    """Single words that may stand for a full name: its surname and first name."""
    tokens = [t for t in name.split() if t.rstrip(".") not in _SUFFIXES]
    if len(tokens) < 2:
        return []
    keys: list[str] = []
    surname_at = len(tokens) - 1
    while surname_at > 1 and tokens[surname_at - 1].lower() in _PARTICLES:
        surname_at -= 1
    surname = " ".join(tokens[surname_at:])
    keys.append(surname)
    if surname_at < len(tokens) - 1:
        keys.append(surname[0].upper() + surname[1:])
    first = tokens[0]
    if first not in _COMMON and first not in _STOP:
        keys.append(first)
    return keys


# -- discovery ----------------------------------------------------------------------------


class _Token(NamedTuple):
    # A tuple, not a frozen dataclass: every word of every paragraph becomes one, and a
    # frozen dataclass is several times slower to build.
    start: int
    end: int
    text: str
    possessive: bool


def _token(start: int, raw: str) -> _Token | None:
    """The token of a ``_WORD`` match: its text without a possessive ending ("Russell's")."""
    last = raw[-1]
    if last in "'’":
        cut = 1
    elif last == "s" and len(raw) > 1 and raw[-2] in "'’":
        cut = 2
    else:
        cut = 0
    # "O'Ward's" is as possessive as "Ward's": the run ends there ("O'Ward's No. 5 car" made
    # a person "O'Ward's No" when an apostrophe inside the word kept the ending).
    if cut:
        text, possessive = raw[:-cut], True
    else:
        text, possessive = raw, False
    return _Token(start, start + len(text), text, possessive) if text else None


def _tokens(masked: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _WORD.finditer(masked):
        token = _token(m.start(), m.group(0))
        if token is not None:
            out.append(token)
    return out


def _is_cap(word: str) -> bool:
    return (
        word[:1].isupper()
        and not word.isupper()
        and (word[1:2].islower() or any(c.islower() for c in word))
    )


def _sentence_starts(masked: str) -> set[int]:
    starts = set()
    for a, _b in sentence_spans(masked):
        m = _LETTER.search(masked, a)
        if m:
            starts.add(m.start())
    return starts


#: Lower-case words that can stand in a name's run (particles), as ``_WORD`` finds them.
_PARTICLE_FORMS = frozenset(p + end for p in _PARTICLES for end in ("", "'", "'s", "’", "’s"))


#: The initials of the particles: the only lower-case letters a run's word may start with.
_PARTICLE_INITIALS = frozenset(p[0] for p in _PARTICLES)
#: ``_WORD``'s words, from where ``_WORD.finditer`` starts one (a letter after no letter, nor
#: after a letter and a joining mark), that begin with anything but a lower-case a-z letter no
#: particle starts with: the regex passes over most of the lower-case words no run can hold,
#: and :func:`_run_tokens` drops the rest. The first letter is matched first and the
#: lookbehinds look past it, so the regex engine skips to each candidate letter in C (twice
#: as fast as a lookahead first, tried at every place). No match starts inside another
#: (``_WORD``'s every letter follows a letter, or a letter and a joining mark), so the words
#: found are those ``_WORD.finditer`` finds.
_RUN_WORD = re.compile(
    rf"[^\W\d_{''.join(sorted(set(string.ascii_lowercase) - _PARTICLE_INITIALS))}]"
    r"(?<![^\W\d_].)(?<![^\W\d_]['’\-].)"
    r"[^\W\d_]*(?:['’\-][^\W\d_]+)*(?:['’]s?)?"  # the rest of the _WORD
)


def _run_tokens(masked: str) -> list[_Token]:
    """The tokens a run of a name can hold: capitalised words, particles and suffixes.

    Every other word only ever ends a run, and so does any gap other than one space, which
    a word left out always makes: runs read from these tokens alone are the runs of all.
    """
    out: list[_Token] = []
    for m in _RUN_WORD.finditer(masked):
        raw = m.group(0)
        if not raw[0].isupper() and raw not in _PARTICLE_FORMS:
            continue
        token = _token(m.start(), raw)
        if token is not None:
            out.append(token)
    return out


def _candidate_runs(masked: str) -> list[list[_Token]]:
    """Runs of capitalised words joined by single spaces (particles allowed inside)."""
    tokens = _run_tokens(masked)
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    for i, tok in enumerate(tokens):
        joined = bool(run) and masked[run[-1].end : tok.start] == " " and not run[-1].possessive
        cap = _is_cap(tok.text)
        if cap or tok.text in _SUFFIXES:
            fits = True
        elif tok.text in _PARTICLES and run:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            fits = nxt is not None and _is_cap(nxt.text) and masked[tok.end : nxt.start] == " "
        else:
            fits = False
        if fits and (joined or not run):
            run.append(tok)
            continue
        if run:
            runs.append(run)
        run = [tok] if cap else []
    if run:
        runs.append(run)
    return runs


#: The word after a run ("Grand" in "Miami Grand Prix").
_AFTER_RUN = re.compile(r"\s*([\w.]+)")
#: A run right after these is a place or a thing: "the Silver Arrows", "at Paul Ricard".
_PLACE_BEFORE = ("the", "at", "in", "near")
#: "south of Al Ula", "on the outskirts of San Luis": a run after "of" after one of these.
_PLACE_OF = ("north", "south", "east", "west", "outskirts", "northeast", "northwest",
             "southeast", "southwest", "outside")  # fmt: skip
#: How an adverb opening a sentence ends ("Afterwards Norris said", "Eventually Sainz
#: pitted"): read off the run, the name starts after it. A stem before "ly" of four or more
#: letters keeps short names ("Kelly", "Holly") out.
_ADVERB_ENDS = ("wards", "ally", "ously", "edly", "ingly", "ately", "ively", "ently", "antly",
                "fully", "lessly", "ably", "ibly")  # fmt: skip


def _adverb_like(word: str) -> bool:
    return len(word) >= 7 and word.lower().endswith(_ADVERB_ENDS)


def _after_place_word(masked: str, start: int) -> bool:
    r"""``re.search(r"(?:^|\s)(?:the|at|in)$", masked[:start].rstrip().lower())``, from the end."""
    end = start
    while end > 0 and masked[end - 1].isspace():
        end -= 1
    for word in _PLACE_BEFORE:
        at = end - len(word)
        if at >= 0 and masked[at:end].lower() == word and (at == 0 or masked[at - 1].isspace()):
            return True
    if end >= 3 and masked[end - 2 : end] == "of" and masked[end - 3].isspace():
        before = masked[max(0, end - 16) : end - 3].rstrip().lower()
        return before.endswith(_PLACE_OF)
    return False


def _owned(masked: str, start: int) -> bool:
    """Whether the word before ``start`` is a possessive or an article ("his", "Harvick's",
    "the"): what stands before a show's title."""
    end = start
    while end > 0 and masked[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    begin = end
    while begin > 0 and not masked[begin - 1].isspace():
        begin -= 1
    word = masked[begin:end]
    return word.lower() in _TITLE_BEFORE or word.endswith(("'s", "’s"))


def _names_in(
    masked: str,
    lowercase_words: Container[str],
    stop_first: dict[str, frozenset[str]] | None = None,
) -> list[tuple[str, int, int]]:
    """``stop_first``: :func:`_stop_first_names`, asked for once per article by the caller."""
    names: list[tuple[str, int, int]] = []
    # A name takes two words or more (``core`` below; a register name starting with a stop
    # word too): a run of one word, most of them ("He", "Ferrari", a sentence's first word),
    # names no one, so it is not read, nor is a text's sentence split for runs like these.
    runs = [run for run in _candidate_runs(masked) if len(run) > 1]
    if not runs:
        return names
    starts = _sentence_starts(masked)
    for run in runs:
        after = _AFTER_RUN.match(masked, run[-1].end)
        if after and after.group(1) in _PLACE_AFTER:
            continue
        if after and after.group(1).lower() in _TITLE_AFTER and _owned(masked, run[0].start):
            continue  # "Harvick's Happy Hour podcast": a show's title
        if any(t.text in _PLACE_AFTER for t in run):
            continue
        # "the Silver Arrows", "at Paul Ricard", "in Monte Carlo": places and things.
        if _after_place_word(masked, run[0].start):
            continue
        if stop_first is None:
            stop_first = _stop_first_names()
        if stop_first:
            names += _register_names_in(run, stop_first)
        pieces: list[list[_Token]] = [[]]
        for tok in run:
            if tok.text in _STOP:
                if tok.text in _ORGANISATION_END and pieces[-1]:
                    pieces[-1] = []  # "Meyer Shank Racing", "Andretti Autosport": a team
                pieces.append([])
            else:
                pieces[-1].append(tok)
        for piece in pieces:
            if piece and piece[-1].text in _THING_END:
                continue  # "IU Health Methodist Hospital", "Attack Mode", "Casino Square"
            while piece and (
                piece[0].text in _COMMON
                or piece[0].text in _PARTICLES
                or (
                    piece[0].start in starts
                    and (piece[0].text.lower() in lowercase_words or _adverb_like(piece[0].text))
                )
            ):
                piece = piece[1:]
            while piece and piece[-1].text in _PARTICLES:
                piece = piece[:-1]
            core = [t for t in piece if t.text not in _SUFFIXES and t.text not in _PARTICLES]
            if len(core) >= 2 and len(piece) <= 5:
                names.append((" ".join(t.text for t in piece), piece[0].start, piece[-1].end))
    return names


def _stop_first_names() -> dict[str, frozenset[str]]:
    """Register people whose first name is also a place or team word ("Austin Cindric"):
    that word -> their full names, so the run is read as the name, not split at the word."""
    from bot.ingest.resolve import default_register  # the register needs this module

    return _stop_first_names_of(default_register())


@functools.lru_cache(maxsize=4)
def _stop_first_names_of(register: object) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for person in getattr(register, "people", ()):
        words = str(getattr(person, "name", "")).split()
        if len(words) >= 2 and words[0] in _STOP:
            found.setdefault(words[0], set()).add(" ".join(words))
    return {word: frozenset(names) for word, names in found.items()}


def _register_names_in(
    run: Sequence[_Token], stop_first: dict[str, frozenset[str]]
) -> list[tuple[str, int, int]]:
    """The register's full names a run holds that start with a stop word ("Austin Cindric")."""
    found: list[tuple[str, int, int]] = []
    for i, tok in enumerate(run[:-1]):
        full = stop_first.get(tok.text)
        if full is None:
            continue
        for j in (i + 2, i + 3):
            if j <= len(run) and not run[j - 2].possessive:
                text = " ".join(t.text for t in run[i:j])
                if text in full:
                    found.append((text, tok.start, run[j - 1].end))
                    break
    return found


def _masked(paragraph: str) -> str:
    return masked_text(paragraph)


def discover_people(
    paragraphs: Sequence[str],
    known: Sequence[PersonEntry] = (),
    *,
    headline: str = "",
    learn_aliases: bool = True,
) -> PeopleIndex:
    """Build the article's people: ``known`` ones first, then full names the text adds.

    Names are read outside quotation marks, and inside them only as a full name whose surname
    the narration also uses (:func:`_quoted_names`). Without an annotation, descriptors written
    right before a name ("Silver Arrows star Bottas") are learned as aliases when exactly
    one person carries them.
    """
    masked = [_masked(p) for p in paragraphs]
    texts = [_masked(headline), *masked] if headline else list(masked)
    # All the texts as one: a line break ends a word as a text's end does. (Asked word by
    # word: see LowerWords.)
    narration = "\n".join(texts)
    lowercase_words = LowerWords(narration)
    people: list[PersonEntry] = list(known)
    seen = {p.name.casefold() for p in people}
    # One person however the article accents the name: "Ferriere" after "Ferrière".
    seen_plain = {_plain(name) for name in seen}
    base = PeopleIndex(tuple(people))
    # A nickname written as a name ("Danny Ric") -> whose it is.
    nicknames: dict[str, tuple[str, frozenset[str]]] = {}
    stop_first = _stop_first_names()  # once an article: the register's lookup adds up
    found = [
        name for text in texts for name, _s, _e in _names_in(text, lowercase_words, stop_first)
    ]
    found += _quoted_names(paragraphs, narration, lowercase_words, stop_first)
    for name in found:
        if name.casefold() in seen or base.resolve(name) is not None:
            continue
        if _plain(name.casefold()) in seen_plain:
            continue
        # "Carlos Sainz" after "Carlos Sainz Jr" is the same person.
        if any(name.startswith(p.name + " ") or p.name.startswith(name + " ") for p in people):
            continue
        seen.add(name.casefold())
        seen_plain.add(_plain(name.casefold()))
        if (owner := _nickname_owner(name)) is not None:
            nicknames.setdefault(name, owner)
            continue
        people.append(PersonEntry(name))
    people = _without_surname_runs(people, len(known))
    people = _without_team_names(people, len(known), texts)
    people = _without_place_names(people, len(known), texts)
    people = _without_things(people, len(known), texts)
    if nicknames:
        people = _with_nicknames(people, nicknames)
    index = PeopleIndex(tuple(people))
    if learn_aliases and not known:
        index = _with_learned_aliases(index, masked)
        index = _with_text_nicknames(index, paragraphs)
        if headline:
            index = _with_headline_nickname(index, headline)
    log.debug("people found: %s", ", ".join(index.names))
    return index


#: Two capitalised words in a row: a quotation that may hold a full name.
#: (The first capital is matched first and the lookbehind, for ``\b``, looks past it: the
#: regex engine skips to each capital in C, twice as fast as ``\b`` tried at every place.)
_TWO_CAPITALS = re.compile(r"[A-Z](?<!\w.)[\w'’-]+\s+[A-Z]")


def _quoted_names(
    paragraphs: Sequence[str],
    narration: str,
    lowercase_words: Container[str],
    stop_first: dict[str, frozenset[str]],
) -> list[str]:
    """Full names written only inside quotation marks whose surname the narration then uses.

    A reader's question in a mailbag ("Is Fabio Quartararo really leaving?"), a headline quote
    or a post is often the only place an article gives the full name; when the writer goes on
    to say "Quartararo has been here before ... he said", that is the same person, and the
    quotation after it is his, never the last person the narration named in full.
    """
    names: list[str] = []
    for paragraph in paragraphs:
        if not _TWO_CAPITALS.search(paragraph):
            continue
        for seg in find_segments(paragraph, "auto"):
            inner = paragraph[seg.start : seg.end]
            if not _TWO_CAPITALS.search(inner):
                continue
            for name, _s, _e in _names_in(inner, lowercase_words, stop_first):
                surname = name.rsplit(" ", 1)[-1]
                if " " in name and re.search(rf"\b{re.escape(surname)}\b", narration):
                    names.append(name)
    return names


def _without_team_names(
    people: list[PersonEntry], kept: int, texts: Sequence[str]
) -> list[PersonEntry]:
    """Drop a found name the article also writes as a team's ("Meyer Shank Racing"): "the
    Meyer Shank garage" is the team's too. The first ``kept`` (known) people stay."""
    if len(people) <= kept:
        return people
    # One search of all the texts, joined by a character no name or team word holds, so no
    # match runs across two texts: the same answer as searching each text.
    joined = _JOIN.join(texts)
    return [
        person
        for i, person in enumerate(people)
        if i < kept
        or not any(f"{person.name} {end}" in joined for end in _ORGANISATION_END)
        or _as_person(person.name, joined)
    ]


#: What a team is never written with, right after a name: "Joe Gibbs spoke for the team",
#: "Joe Gibbs, who founded it", "Joe Gibbs himself", "Joe Gibbs, the team owner,". ("Meyer
#: Shank said" is as often the team as its owner: a speaking verb alone tells nothing.)
_PERSON_AFTER = re.compile(
    rf"(?:\s+(?:spoke|speaks|speaking)\s+(?:for|on\s+behalf\s+of)\b"
    rf"|\s+(?:himself|herself)\b|,\s+who\b"
    rf"|,\s+(?:the|its|his|her)\s+{_FILLER}{{0,2}}?(?:{_ROLE_NOUNS}|founder|chairman)\b)"
)


def _as_person(name: str, joined: str) -> bool:
    """Whether the text uses a name that is also its team's ("Joe Gibbs Racing") as a
    person's: a role noun before it ("team owner Joe Gibbs"), or what only a person is
    written with after it (:data:`_PERSON_AFTER`). The owner named like his team is still
    a person."""
    at = joined.find(name)
    while at >= 0:
        end = at + len(name)
        if _PERSON_AFTER.match(joined, end) or _ends_in_role_noun(joined[max(0, at - 40) : at]):
            return True
        at = joined.find(name, end)
    return False


def _without_place_names(
    people: list[PersonEntry], kept: int, texts: Sequence[str]
) -> list[PersonEntry]:
    """Drop a found name the article also writes where a place goes ("to hospital in Al
    Ula", "south of Al Ula") and never shortens to its last word: "from Al Ula to Ha'il"
    read it as a person, but a person is written "in Lando Norris" rarely, and then is
    "Norris" somewhere too. The first ``kept`` (known) people stay."""
    out = []
    for i, person in enumerate(people):
        if i >= kept and " " in person.name:
            last = person.name.rsplit(" ", 1)[1]
            placed = shortened = False
            for text in texts:
                at = text.find(person.name)
                while at >= 0 and not placed:
                    placed = _after_place_word(text, at)
                    at = text.find(person.name, at + 1)
                shortened = shortened or text.count(last) > text.count(person.name)
            if placed and not shortened:
                continue
        out.append(person)
    return out


#: Lower-case nouns naming a thing, not a person: a capitalised phrase used as their modifier
#: ("the second Swimming Pool chicane") or set off after them ("his podcast, Actions
#: Detrimental,", "On SS3, Sleeping Warrior,") is the thing's name.
_THING_NOUNS = _TITLE_AFTER | _words(
    """
    chicane corner hairpin bend kink curve straight section complex esses stage stages
    special test book film song boat horse
    """
)
#: The thing's noun (or a stage's code, "SS3") and a comma right before a name set off.
_THING_SET_OFF = re.compile(r"(?:\b(?P<noun>[a-z][\w-]*)|\b[A-Z]{1,3}\d{1,3}),\s+$")
_THING_AFTER_NAME = re.compile(r"\s+(?P<noun>[a-z][\w-]*)")


def _without_things(
    people: list[PersonEntry], kept: int, texts: Sequence[str]
) -> list[PersonEntry]:
    """Drop a found name that reads as a thing's, as a careful reader takes it: its first word
    is no first name the register knows, the article never shortens it to its last word, and
    every time it is written it names a thing: the modifier of a thing's noun ("the second
    Swimming Pool chicane") or set off after one ("his podcast, Actions Detrimental, Hamlin
    said", "On SS3, Sleeping Warrior, Evans set the pace"). A person the article names once,
    in full, beside a role ("his co-driver, Martijn Wydaeghe,") stays. The first ``kept``
    (known) people stay."""
    out = []
    for i, person in enumerate(people):
        words = person.name.split()
        if i >= kept and len(words) == 2 and words[0] not in _register_first_names():
            uses = [
                (text, at)
                for text in texts
                for at in (m.start() for m in re.finditer(re.escape(person.name), text))
            ]
            shortened = any(
                len(re.findall(rf"\b{re.escape(words[1])}\b", t)) > t.count(person.name)
                for t in texts
            )
            if uses and not shortened and all(_a_things_name(t, at, person.name) for t, at in uses):
                continue
        out.append(person)
    return out


def _a_things_name(text: str, at: int, name: str) -> bool:
    """Whether ``name`` at ``at`` names a thing: a thing's noun follows it, or it is set off
    by commas right after one."""
    after = _THING_AFTER_NAME.match(text, at + len(name))
    if after is not None and after["noun"] in _THING_NOUNS:
        return True
    before = _THING_SET_OFF.search(text[max(0, at - 40) : at])
    return (
        before is not None
        and (before["noun"] is None or before["noun"] in _THING_NOUNS)
        and text[at + len(name) : at + len(name) + 1] == ","
    )


@functools.lru_cache(maxsize=1)
def _register_first_names() -> frozenset[str]:
    """The first names of the register's people, as written ("Alex", "Lando")."""
    from bot.ingest.resolve import default_register  # the register needs this module

    people = getattr(default_register(), "people", ())
    return frozenset(
        words[0]
        for person in people
        for name in (str(getattr(person, "name", "")), *getattr(person, "short", ()))
        if len(words := name.split()) >= 2
    )


def _without_surname_runs(people: list[PersonEntry], kept: int) -> list[PersonEntry]:
    """Drop a found name that is the end of another found name: "Pier Guidi" or "De
    Pasquale" (a surname of two words, written alone) is "Alessandro Pier Guidi" or "Anton
    De Pasquale" again, not a second person. The first ``kept`` (known) people stay."""
    folded = [p.name.casefold() for p in people]
    return [
        person
        for i, person in enumerate(people)
        if i < kept or not any(other.endswith(" " + folded[i]) for other in folded)
    ]


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
    for descriptor, person in _relations_of_his(index, texts):
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


#: "His crew chief " opening a sentence, right before a name: whose relation the named
#: person is, when "His" is the one person the sentence before names.
_HIS_RELATION = re.compile(
    r"(?:^|(?<=\s))(?:His|Her)\s+(?P<role>crew\s+chief|race\s+engineer|engineer|team-?mate"
    r"|manager|father|mother|brother|sister|son|daughter|wife|husband|spotter|coach|mentor)"
    r"\s+$"
)


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


def _descriptor_in(before: str) -> tuple[str, str | None, str] | None:
    """The descriptor ending ``before`` ("Mercedes boss "): (descriptor, team, role), or None."""
    if not _ends_in_role_noun(before):
        return _role_phrase_in(before)
    m = _DESCRIPTOR.search(before)
    if m and ROLE_NOUN.match(m.group("role").split()[-1]) and _trim_role(m.group("role")):
        team = m.group("team").strip() or None
        role = _trim_role(m.group("role"))
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
    for number, masked in enumerate(texts, start=1):
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


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Keep the first occurrence of each item, in order."""
    return tuple(dict.fromkeys(items))
