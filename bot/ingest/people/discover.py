"""Who an article names: :func:`discover_people` builds its :class:`PeopleIndex`.

The entry point of people finding: the names runs give, those only quotations give, less
those that are teams', places' or things', then the aliases and nicknames it learns.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Container, Sequence

from bot.ingest.people.aliases import _with_learned_aliases
from bot.ingest.people.headings import (
    FIRST_PERSON,
    HEADING_LONGEST,
    Heading,
    as_written_name,
    opens_in_first_person,
    speaker_heading,
)
from bot.ingest.people.index import PeopleIndex
from bot.ingest.people.keys import _plain
from bot.ingest.people.nicknames import (
    _nickname_owner,
    _with_headline_nickname,
    _with_nicknames,
    _with_text_nicknames,
)
from bot.ingest.people.not_people import (
    _without_place_names,
    _without_series_names,
    _without_team_names,
    _without_things,
)
from bot.ingest.people.records import PersonEntry
from bot.ingest.people.runs import _masked, _names_in, _stop_first_names
from bot.ingest.text import find_segments
from bot.ingest.words import LowerWords

__all__ = ["discover_people"]

log = logging.getLogger(__name__)


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
    headings = _speaker_headings(paragraphs, masked)
    # A speaker heading's role is no name ("Crew Chief, Fabio Di Giannantonio"): only its
    # name and whose role it is are read for names.
    read = [
        *texts[: len(texts) - len(masked)],
        *(
            " \n".join(filter(None, (h.name, h.owner))) if (h := headings.get(n)) else text
            for n, text in enumerate(masked, start=1)
        ),
    ]
    found = [name for text in read for name, _s, _e in _names_in(text, lowercase_words, stop_first)]
    # A name in capitals only a heading gives ("ALESSIO SALUCCI – Team Director"): capitals
    # are no run of names, but the heading says a person speaks below it.
    found += [
        as_written_name(h.name)
        for h in headings.values()
        if h.name.isupper() and " " in h.name and _a_capitals_name(h.name, lowercase_words)
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
    people = _without_series_names(people, len(known))
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


#: Marks a quotation opens with.
_OPENING_MARKS = frozenset("\"“‘'«")


def _speaker_headings(paragraphs: Sequence[str], masked: Sequence[str]) -> dict[int, Heading]:
    """The paragraphs that are speaker headings (``headings``), with the speaker's words right
    after (first person outside quotation marks, or a quotation): a heading marked as one (a
    colon, bold, a dash before a role or result), or a name line alone whose name the register
    knows as a person ("JACK MILLER") over words opening as "I" that never name him. A bare
    line of capitals ("LAP 32", "SPRINT RACE") or a sub-heading over narration is none."""
    found: dict[int, Heading] = {}
    for number, paragraph in enumerate(paragraphs[:-1], start=1):
        if len(paragraph) > HEADING_LONGEST + 8:
            continue
        heading = speaker_heading(paragraph)
        if heading is None:
            continue
        words = masked[number]
        # First person outside quotation marks, or a quotation opening the paragraph.
        if not (FIRST_PERSON.search(words) or words.lstrip()[:1] in _OPENING_MARKS):
            continue
        if heading.marked or (
            _a_registered_person(heading.name)
            and opens_in_first_person(words)
            and not _names_surname(words, heading.name)
        ):
            found[number] = heading
    return found


def _names_surname(words: str, name: str) -> bool:
    """Whether text names the heading's person by surname: then it is about him, not his."""
    surname = as_written_name(name).rsplit(" ", 1)[-1]
    return re.search(rf"\b{re.escape(surname)}\b", words) is not None


def _a_capitals_name(name: str, lowercase_words: Container[str]) -> bool:
    """Whether a heading's name in capitals is a person's ("ALESSIO SALUCCI"): one the
    register knows, or none of whose words the article writes in lower case ("SPRINT RACE:",
    "MAIN RACE:" over a rider's words are its sessions, "sprint" and "race" in its prose)."""
    if _a_registered_person(name):
        return True
    return not any(word.casefold() in lowercase_words for word in name.split())


def _a_registered_person(name: str) -> bool:
    from bot.ingest.resolve import default_register  # the register needs this package

    return bool(default_register().find(as_written_name(name)))
