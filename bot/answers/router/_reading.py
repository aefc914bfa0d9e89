"""The words of a question: who and what it names (the register's people and teams, the
series, places and laps), the shapes of its wording, and how a missing answer restates it.

Its kinds are read in ``_kinds``, the words it asks about in ``_groups``."""

from __future__ import annotations

import itertools
import re

from bot.answers.passages import (
    forms_of,
    words_of,
)
from bot.answers.places import place_book
from bot.answers.text import normalise, wordset
from bot.answers.understand import (
    SERIES,
    Reading,
    names_series,
    the_register,
)

#: Paragraphs read to tell which of several people sharing a name a question means.
CONTEXT_PASSAGES = 40
#: Told apart by context only when this few share the name; more are asked which.
CONTEXT_PEOPLE = 4
#: The newest stories whose people are read for their series ("the next f1 race").
PEOPLE_SCAN = 30
#: The register's series -> the router's.
_REGISTER_SERIES = {
    "F1": "f1", "MotoGP": "motogp", "IndyCar": "indycar", "NASCAR": "nascar", "WEC": "wec",
    "Formula E": "fe", "Supercars": "supercars", "F1 Academy": "f1academy", "IMSA": "imsa",
    "WorldSBK": "worldsbk", "WRC": "wrc",
}  # fmt: skip
#: Unrouted text is tried as a /whosaid phrase only when it has at least this many words.
FALLBACK_WORDS = 3

_AUX = wordset("did does do was is were has had will would")
_SHE = re.compile(r"\b(?:she|her|woman|women|female|lady)\b")
_YES_NO = re.compile(
    r"^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b\s*", re.I
)
#: A yes/no question whether a thing exists, its verb before "there" ("is there", "will there
#: be"): the verb goes after "there" when the question is told as "whether ...".
_THERE_ASKED = re.compile(r"^(is|are|was|were|will|can|could|would)\s+there\b\s*", re.I)
_WH = re.compile(r"^(?:who|what|when|where|why|which|how|whose|whom)\b", re.I)
#: A question word as fans type it without the apostrophe too ("whos in the Championship 4",
#: "wheres the next round"): a question, never a remembered phrase to look up.
_WH_TYPED = re.compile(r"^(?:who|what|when|where|why|which|how)s?\b|^whose\b|^whom\b", re.I)


#: "who was on the podium", "top 3": the whole podium asked for, not one place.
_PODIUM_ASKED = re.compile(
    r"\b(?:podium|top\s+(?:3|three)|rostrum)\b(?!\s+(?:finish|finisher)s?\b)"
)
_ACCEPTS = re.compile(r"\b(?:accept\w*|forgiv\w*|forgave|buy|bought|believe\w*)\b", re.I)
_SORRY = ("sorry", "apologise", "apologised", "apologize", "apologized", "apology", "apologies",
          "apologising", "apologizing")  # fmt: skip
#: How reports tell an apology or blame taken without the word: "Gragson owned it", "the
#: Argentine held his hands up", "That's on me", "my fault".
_OWNED = ("owned it", "owned up", "owning it", "hands up", "on me", "my fault", "our fault",
          "took responsibility", "took the blame", "take the blame", "hate it for")  # fmt: skip

#: Titles of the one in charge of a team, as fans and articles write them.
_BOSS_TITLES = wordset("boss principal chief director manager owner head")

#: Words that ask for someone's team or role, and nothing more.
_TEAM_WORDS = wordset(
    "team teams role job position title drive drives driving drove ride rides riding rode "
    "race races racing raced work works do does for who what which is are now currently "
    "these days"
)
#: How a sentence gives someone's team or car: "for Tech3", "Chastain's Trackhouse Racing
#: Chevrolet", "the No 83 Ferrari", "on the Gresini Ducati".
_TEAMISH = re.compile(
    r"^The\s+(?:[A-Z0-9][\w-]*\s+)+(?:driver|rider|racer|man|woman)\b|"
    r"\b(?:for|with|driving|riding|on|in)\s+(?:the\s+|his\s+|her\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:No\.?\s*\d+\s+)?[A-Z0-9][\w-]*[A-Z0-9]?|\b[A-Z]\w*['’]s\s+(?:No\.?\s*\d+\s+)?"
    r"[A-Z][\w-]+\s+[A-Z]|\bNo\.?\s*\d+\b"
)

#: Words that say someone spoke, as reports write it.
_SPEECH = (
    "said", "says", "told", "added", "admitted", "insisted", "called", "praised", "wrote",
    "explained", "conceded", "warned", "described", "claimed", "argued", "accepted", "blamed",
)  # fmt: skip

#: Words that name a story's incident whatever the article calls it.
_EVENT = wordset("crash crashes collision incident accident clash contact race it that")

#: Words of a facts request that never name a story.
_FACT_WORDS = wordset("key facts fact details story points summary main important")

_SERIES = SERIES

#: Words too common to tell which quote or sentence was meant.
_WEAK = wordset(
    "a an the and or but of on in at to for with it its is was be i you he she we they my "
    "me his her our their that this there not no so as by"
)


def _register_teams(name: str) -> list[tuple[str, ...]]:
    """The teams the register gives a person, newest first, each with the other names
    articles use for it; none when the register does not know them as one person."""
    register = the_register()
    found = register.find(name) if register is not None else ()
    if register is None or len(found) != 1:
        return []
    teams = dict.fromkeys(s.team for s in reversed(found[0].teams))
    return [tuple(dict.fromkeys((t, *register.team_names(t)))) for t in teams]


def _series_named(tokens: list[str]) -> list[str]:
    """The series a question names, a two-word name ("f1 academy") before its halves."""
    found: list[str] = []
    skip: set[int] = set()
    for i, pair in enumerate(a + b for a, b in itertools.pairwise(tokens)):
        if pair in _SERIES:
            found.append(_SERIES[pair])
            skip.update((i, i + 1))
    found += [_SERIES[t] for i, t in enumerate(tokens) if i not in skip and names_series(tokens, i)]
    return list(dict.fromkeys(found))


def _after_place(reading: Reading, place: str) -> bool:
    """Whether the question asks what comes after a place ("the next race after baku",
    "where do they go after mugello"): that place's own story tells its next round."""
    first = place.split()[0] if place.split() else ""
    return (
        bool(first)
        and re.search(rf"\bafter\s+(?:the\s+)?{re.escape(first)}\b", reading.low) is not None
    )


def _before_place(reading: Reading, place: str) -> bool:
    """Whether the question asks how things stood before a place's race ("the gap before
    valencia", "going into Valencia"): a story written ahead of it tells that, never the
    race's own report."""
    first = place.split()[0] if place.split() else ""
    return (
        bool(first)
        and re.search(
            rf"\b(?:before|going\s+into|heading\s+into|ahead\s+of)\s+(?:the\s+)?"
            rf"{re.escape(first)}\b",
            reading.low,
        )
        is not None
    )


def _named_at(reading: Reading, name: str, at: int) -> bool:
    """Whether the question names ``name`` starting at word ``at`` (a typo aside)."""

    tokens = reading.tokens[at:]
    if tokens[:1] == ["the"]:
        tokens = tokens[1:]
    if not tokens:
        return False
    person = reading.index_people.get(name)
    forms = forms_of(person) if person else {name.casefold()}
    for form in forms:
        words = normalise(form).split()
        if words and words[0] == "the":
            words = words[1:]
        if words and tokens[: len(words)] == words:
            return True
    first = tokens[0].removesuffix("s")
    singles = {normalise(f) for f in forms if " " not in normalise(f)}
    return len(first) >= 4 and any(w.startswith(first[:4]) for w in singles)


#: Words of place names that say nothing of which place ("grand prix", "circuit").
_PLACE_FILLER = wordset(
    "grand prix e of the de la di del circuit international street raceway speedway motor "
    "park hours race"
)


def _place_forms(place: str) -> list[list[str]]:
    """A place's words, then the words of every other name the places file gives it."""
    words = [w for w in words_of(place) if w not in ("grand", "prix")] or words_of(place)
    book = place_book()
    forms = book.forms(" ".join(words)) | book.forms(normalise(place))
    found = [words]
    for form in sorted(forms):
        other = words_of(form)
        if other and other != words and other != words_of(place):
            found.append(other)
    return found


def _any_of(forms: list[list[str]]) -> str:
    """A phrase pattern (for ``_has``) matching any of several names, as whole words."""
    names = sorted({r"\W+".join(map(re.escape, f)) for f in forms if f}, key=len, reverse=True)
    return "re:(?:" + "|".join(names) + r")(?!\w)"


def _lap_phrases(number: int) -> tuple[str, ...]:
    if number == 1:
        return ("lap 1", "opening lap", "first lap")
    return (f"lap {number}",)


def _indirect(bare: str) -> str:
    """A question as the object of "don't say": "who won at Imola" / "whether X ...".

    The fan's own words are kept, so the line names exactly what is missing.
    """
    text = re.sub(r"\s+", " ", bare).strip().rstrip("?")
    if _WH_TYPED.match(text):
        return text
    if m := _THERE_ASKED.match(text):
        # "is there a sprint at yas" -> "whether there is a sprint at yas", "will there be
        # a shootout" -> "whether there will be a shootout": "there" is the subject.
        return f"whether there {m[1]} {text[m.end() :]}".rstrip()
    if m := _YES_NO.match(text):
        return "whether " + text[m.end() :]
    return "anything about “" + text + "”"
