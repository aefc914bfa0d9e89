"""Which stories a question points at and whom they name: a person's forms inside one
story, the story of the newest event asked, a question heading that asks the fan's question.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence

from bot.answers._interviews import (
    QUESTION_COVER,
    signed_question,
)
from bot.answers.passages._records import Query, Scored, _date
from bot.answers.passages._words import _WORD, _mentions, forms_of, stem, stems, words_of
from bot.models import Person

#: The share of a question heading's own words a fan's question must hold to ask it.
HEADING_COVER = 0.66


def _restates(heading: frozenset[str], question: set[str]) -> bool:
    """Whether a fan's question (its stems) asks what a question heading (its own stems)
    asks: it holds (nearly) all of the heading's words ("did the williams fix work" asks
    "Did it work?"; the story's headline names what "it" is)."""
    return bool(heading) and len(heading & question) >= HEADING_COVER * len(heading)


def _restates_titled(
    heading: frozenset[str], headline: frozenset[str], question: set[str],
    groups: Sequence[Collection[str]],
) -> bool:  # fmt: skip
    """Whether a fan's "why" asks what a cause's title asks ("Why Red Bull backed down" in
    the story "Red Bull drops Hadjar appeal"): it holds a word of the title, and the title
    and the story's headline, which tells the event the section gives the reasons for, hold
    (nearly) all of its words ("why did red bull withdraw hadjars appeal")."""
    told = heading | headline
    held = sum(1 for g in groups if told & set(g))
    return bool(heading & question) and bool(groups) and held >= HEADING_COVER * len(groups)


def _same_ask(heading: str, query: Query) -> bool:
    """Whether a question heading asks the way the fan does: a cause ("Why was Williams
    worse?") only when the fan asks why, and the fan's why only by such a heading."""
    words = heading.split(maxsplit=1)
    return (bool(words) and words[0].casefold() == "why") == ("why" in query.kinds)


def _under_asked(query: Query, s: Scored) -> bool:
    """Whether a sentence answers by standing under a heading that asks the fan's question
    (its story holding the rest of the question's words), naming whom it asks about or in
    a story that does."""
    return s.headed and (not query.people or s.named or s.story_named)


def _story_forms(
    people: Sequence[Person],
    name_forms: list[set[str]],
    headline: str,
    ambiguous: dict[str, tuple[str, ...]],
    everyone: dict[str, Person],
) -> list[set[str]]:
    """The forms naming each asked person inside one story: a surname several people share
    ("Montoya", father and son) names, in a story whose headline is about one of them by a
    name of his own ("Sebastián Montoya, the son who ..."), that one, unless the headline
    names another who shares it."""
    out = []
    for person, forms in zip(people, name_forms, strict=True):
        every = forms_of(person)
        shared = every - forms
        if not shared or not _mentions(headline, forms):
            out.append(forms)
            continue
        others = {n for f in shared for n in ambiguous.get(f, ()) if n != person.name}
        rivals = [everyone.get(n) or Person(n) for n in others]
        if any(
            _mentions(headline, {f for f in forms_of(r) if len(ambiguous.get(f, ())) < 2})
            for r in rivals
        ):
            out.append(forms)
            continue
        out.append(every)
    return out


def forms_in_story(
    person: Person,
    headline: str,
    ambiguous: dict[str, tuple[str, ...]],
    everyone: dict[str, Person],
) -> set[str]:
    """The forms that name ``person`` in the story under ``headline``, as the search reads
    them: a form several people share only where the headline makes it theirs
    (``_story_forms``). A check on a sentence the search found must read names the same way,
    or the father is given the son's birthplace."""
    forms = {f for f in forms_of(person) if len(ambiguous.get(f, ())) < 2} or forms_of(person)
    return _story_forms([person], [forms], headline, ambiguous, everyone)[0]


#: A paragraph opening with its subject as a pronoun ("He was born in Osasco", "She laughs"),
#: perhaps after a phrase or two ("A year earlier, in 2023, he had won"), or his own thing
#: ("His second stop took 4.8 seconds"); never "his"/"her" before a name: "His team-mate
#: Odo Brandt crashed" tells another person.
_SUBJECT_PRONOUN = re.compile(
    r"^(?:[^,.]{2,60},\s+){0,2}(?:he\b|she\b|(?:his|her)\b(?-i:(?!(?:\s+[a-z][\w-]*){1,2}\s+[A-Z])))",
    re.I,
)


def headline_subject(
    first: str, headline: str, people: Sequence[str], forms: list[set[str]]
) -> str:
    """Whom a paragraph's opening "he" stands for when the paragraph before told no one:
    the one person asked that the story's headline names (a profile, an interview, a
    feature headed by one driver: "The patient one: X, a lost point in Qatar"), whose story
    goes on in "he" across paragraphs and section breaks. "" when the paragraph opens
    otherwise, or the headline names none or several of them."""
    if not _SUBJECT_PRONOUN.match(first):
        return ""
    headed = [n for n, f in zip(people, forms, strict=True) if _mentions(headline, f)]
    return headed[0] if len(headed) == 1 else ""


def _asked_forms(query: Query, name_forms: list[set[str]]) -> frozenset[str]:
    """The written forms of whom the question is about: its subject, else its one person."""
    if query.subject in query.people:
        return frozenset(name_forms[query.people.index(query.subject)])
    return frozenset(name_forms[0]) if len(name_forms) == 1 else frozenset()


def _newest_event(
    query: Query,
    answering: list[Scored],
    name_forms: Sequence[set[str]] = (),
    names: Sequence[tuple[str, int]] = (),
    telling: Collection[str] = (),
) -> list[Scored]:
    """The answering sentences of the newest story where the one asked about had the event
    the question asks the cause of: a sentence names them (or is theirs) and the event. Of
    those stories, the ``telling`` ones (a sentence about them gives a cause) come first,
    then those whose sentence tells more of the question's own words (``_told``)."""
    event = set(query.event)
    had = [
        s
        for s in answering
        if (s.subject if query.subject is not None else s.named)
        and event & stems(s.text)
        and _had(s, event, name_forms, names)
    ]
    if not had:
        return answering
    had = [s for s in had if s.passage.source and s.passage.source.slug in telling] or had
    had = _told(query, had)
    latest = max(_date(s.passage) for s in had)
    return [s for s in answering if _date(s.passage) == latest]


def _told(query: Query, had: list[Scored]) -> list[Scored]:
    """Those of ``had`` telling the most of the question's word groups: "why did Vantor 3
    stop Harlow" is the story of the three stops, not a newer one where Harlow blamed
    Vantor, though both name the team the event's words hold."""
    wanted = [frozenset(stem(w) for w in g) for g in query.groups]
    if len(wanted) < 2:
        return had
    told = [sum(bool(g & stems(s.text)) for g in wanted) for s in had]
    return [s for s, n in zip(had, told, strict=True) if n == max(told)]


def _had(
    s: Scored, event: set[str], name_forms: Sequence[set[str]], names: Sequence[tuple[str, int]]
) -> bool:
    """Whether the one named had the event: no other person's name (a capitalised word of
    a person's name, ``names`` as the lookup sorts them) stands between their name and the
    event's word ("Bagnaia beat Bezzecchi, but Acosta crashed" is Acosta's crash; "Perez
    had the Cadillac running when he pulled off at Degner" is his)."""
    if s.speaker or not name_forms:
        return True
    words = _WORD.findall(s.text)
    at = next((i for i, w in enumerate(words) if stem(w.casefold()) in event), None)
    if at is None:
        return True
    own = {w for forms in name_forms for f in forms for w in words_of(f)}
    bare = [re.split(r"['’]", w)[0].casefold() for w in words[:at]]
    last = max((i for i, w in enumerate(bare) if w in own), default=None)
    if last is None:
        return True  # named after the event's word ("the crash that ended Bagnaia's race")
    between = [re.split(r"['’]", w)[0] for w in words[last + 1 : at]]

    def person(word: str) -> bool:
        at = bisect.bisect_left(names, (word,))
        return at < len(names) and names[at][0] == word

    return not any(
        w[:1].isupper() and w.casefold() not in own and person(w.casefold()) for w in between
    )


def _asks_it(query: Query, s: Scored, asks: dict[str, frozenset[int]]) -> bool:
    """Whether the sentence is an interviewer's question that is the fan's own question:
    it holds nearly all their words and names whom they ask about. Its answer, the next
    paragraph, is then the answer whatever kind of words it uses ("When we deserve to")."""
    slug = s.passage.source.slug if s.passage.source else ""
    if s.passage.paragraph not in asks.get(slug, frozenset()) and not signed_question(
        s.passage.text
    ):
        return False
    return s.cover >= QUESTION_COVER and (not query.people or s.named)
