"""Relations between people as the stories state them: team-mate, co-driver, replacement
(or whom someone replaces), father, mother, child; the relation fact and its sentence, cited."""

from __future__ import annotations

import re

from bot.answers.passages import (
    Query,
    Scored,
    _mentions,
    _opens_with,
    forms_of,
    split_sentences,
    stem,
    stems,
    words_of,
)
from bot.answers.records import (
    Answer,
    PassageAnswer,
)
from bot.answers.router._biography import BiographyRouter
from bot.answers.text import normalise
from bot.answers.understand import (
    Reading,
    stop_words,
)
from bot.ingest.relations import (
    CO_DRIVER,
    FATHER,
    MOTHER,
    PARENT,
    REPLACEMENT,
    TEAM_MATES,
    read_relation,
)
from bot.models import Fact, Person

__all__ = ["RelationsRouter"]


class RelationsRouter(BiographyRouter):
    """Relations between people: team-mates, co-drivers, replacements, family."""

    async def _relation(self, bare: str, reading: Reading) -> Answer | None:
        """Someone's team-mate, co-driver, replacement (or whom they replace), as a story
        states it: the relation fact the ingester read, and the sentence saying it, cited.
        None when the question asks no relation or no story states one: the passages may
        still tell it."""
        low = bare.casefold()
        key = (
            CO_DRIVER if _ASKS_CO_DRIVER.search(low)
            else REPLACEMENT if _ASKS_REPLACEMENT.search(low)
            else TEAM_MATES if _ASKS_TEAM_MATE.search(low)
            else None
        )  # fmt: skip
        people = list(reading.people) or self._shortened(low)
        if key is None and len(people) == 1 and not _NOT_WHO.match(low):
            return await self._family(low, people[0])  # "who is Tomas's dad"
        if key is None and not people and not _NOT_WHO.match(low):
            # "whos sebastians dad": a first name several people share, and the one of
            # them a story gives that family relation.
            for name in self._first_named(low):
                if (family := await self._family(low, name)) is not None:
                    return family
        if key is None or len(people) != 1 or _NOT_WHO.match(low):
            return None  # "what did Katsuta say about his co-driver": what was said
        name = people[0]
        person = self.lookup.index.people.get(name) or Person(name)
        # "who is Bearman replacing": the one named replaces; "who replaces Hulkenberg",
        # "Hulkenberg's seat": the one named is replaced.
        replacer = False
        if key == REPLACEMENT:
            verb = _ASKS_REPLACEMENT.search(low)
            at = min((i for f in forms_of(person) if (i := low.find(f)) >= 0), default=-1)
            replacer = (
                verb is not None
                and 0 <= at < verb.start()
                and not re.search(r"['’]?s?\s+(?:seat|place|drive|ride|replacement|successor)",
                                  low[at : verb.end()])
            )  # fmt: skip
        picked: list[tuple[Fact, Scored]] = []
        for fact in await self.engine.store.facts_naming(name, (key,)):
            pair = read_relation(fact)
            if pair is None or name not in pair:
                continue
            first, second = pair
            if key == REPLACEMENT and (first == name) != replacer:
                continue
            other = second if first == name else first
            shown = await self._relation_sentences(fact, name, other)
            if shown and shown[0].text not in {s.text for _, s in picked}:
                picked.append((fact, shown[0]))
        # "who were Alonso's team-mates at Ferrari": the relations told beside the question's
        # other words first; then the newest story's, as many as it states (up to three).

        own = {w for f in forms_of(person) for w in words_of(f)}
        rest = [
            w for w in dict.fromkeys(words_of(bare))
            if w not in stop_words() and w not in own and not _RELATION_WORD.search(w)
        ]  # fmt: skip
        if not picked:
            return await self._relation_told(key, name, replacer, rest)
        fitting = [(f, s) for f, s in picked if {stem(w) for w in rest} & stems(s.text)]
        picked = fitting or picked
        slug = picked[0][1].passage.source.slug if picked[0][1].passage.source else ""
        picked = [(f, s) for f, s in picked if s.passage.source and s.passage.source.slug == slug]
        shown = [s for _, s in picked[:3]]
        return PassageAnswer(tuple(self.passages_found(shown)), "", "", picked[0][0])

    async def _family(self, low: str, name: str) -> Answer | None:
        """Someone's father, mother or child, as a story states it (the relation fact the
        ingester read: "his father, Ramon Ortega,", "Tomas Ortega, son of ..."), and the
        sentences saying it, cited. None when the question asks no family word or no story
        states one: a parent never guessed from a shared surname alone."""
        asks_parent = _ASKS_PARENT.search(low)
        asks_child = None if asks_parent else _ASKS_CHILD.search(low)
        if asks_parent is None and asks_child is None:
            return None
        word = (asks_parent or asks_child or [""])[0]
        keys = (
            (FATHER, MOTHER, PARENT) if asks_child or word.startswith("parent")
            else (MOTHER, PARENT) if word in _MOTHER_WORDS
            else (FATHER, PARENT)
        )  # fmt: skip
        shown: list[Scored] = []
        first_fact: Fact | None = None
        for fact in await self.engine.store.facts_naming(name, keys):
            pair = read_relation(fact)
            if pair is None or fact.key not in keys:
                continue
            parent, child = pair
            # The story's own spelling ("Sebastián") may differ from the store's person's.
            asked = child if asks_parent else parent
            if normalise(asked) != normalise(name):
                continue
            other = parent if asks_parent else child
            for s in await self._relation_sentences(fact, asked, other, both=True):
                if s.text not in {t.text for t in shown}:
                    shown.append(s)
            first_fact = first_fact or fact
        if first_fact is None or not shown:
            return None
        return PassageAnswer(tuple(self.passages_found(shown[:3])), "", "", first_fact)

    async def _relation_told(
        self, key: str, name: str, replacer: bool, rest: list[str]
    ) -> Answer | None:
        """No story states the relation outright: the sentence of a story naming ``name``
        that holds the relation's words and the question's others ("who is replacing
        Bearman at Haas": "Zhou, who is said to be the favourite for the Haas seat"), a
        report as the article words it. None when no sentence holds them all."""
        if replacer or not rest:
            return None  # whom someone replaces is stated as a relation, or not at all
        told = _RELATION_TOLD[key]
        query = Query(
            groups=[*((w,) for w in rest)],
            # The relation's own word in the sentence itself: a headline's "seat" holds for
            # every sentence of its story.
            need_written=re.compile(r"\b(?:" + "|".join(map(re.escape, told)) + r")\b", re.I),
            people=(name,),
            object_people=True,
            min_cover=1.0,
        )
        found, _ = await self.passages.find(query)
        person = self.lookup.index.people.get(name) or Person(name)
        # A sentence where the one named is the replacer answers the other question.
        found = [f for f in found if not _opens_with_person(f.text, forms_of(person))]
        if not found:
            return None
        return PassageAnswer(tuple(self.passages_found(found[:2])), "")

    def _first_named(self, low: str) -> list[str]:
        """The people whose first name a question's possessive before a family word is
        ("sebastians dad": every Sebastian), when it names no one the lookup knows alone."""
        m = re.search(
            rf"(\w{{3,}}?)(?:['’]s|s)?\s+(?:{_ASKS_PARENT.pattern}|{_ASKS_CHILD.pattern})", low
        )
        if m is None:
            return []
        first = normalise(m[1])
        return [n for n in self.lookup.index.people if normalise(n.split()[0]) == first]

    def _shortened(self, low: str) -> list[str]:
        """The one person whose first name a question shortens before a relation word
        ("taka's co-driver": Takamoto Katsuta), when it names no one the lookup knows."""
        m = re.search(r"(\w{4,})['’]?s?\s+(?:\w+\s+)?(?:co-?\s?driv|team\s?-?\s?mate|navigat)", low)
        if m is None:
            return []
        short = m[1]
        found = [
            n for n in self.lookup.index.people
            if (first := n.split()[0].casefold()).startswith(short) and first != short
        ]  # fmt: skip
        return found if len(found) == 1 else []

    async def _relation_sentences(
        self, fact: Fact, name: str, other: str, *, both: bool = False
    ) -> list[Scored]:
        """The sentence of the fact's paragraph naming ``other`` (the answer), verbatim; else
        the one naming ``name`` ("He replaces Hulkenberg": the story named the other before).
        ``both``, for two people sharing a surname ("When Tomas Ortega was nine, his father
        ... Ramon Ortega, ..."): the sentences naming either by full name, in order, so the
        one naming the answer is shown beside the one that makes him the relation."""
        if fact.source is None or fact.paragraph is None:
            return []
        passage = next(
            (p for p in await self.engine.store.article_passages(fact.source.slug)
             if p.paragraph == fact.paragraph),
            None,
        )  # fmt: skip
        if passage is None:
            return []
        spans = split_sentences(passage.text)
        if both and other.split()[-1] == name.split()[-1]:
            full = {other.casefold(), name.casefold()}
            found = [
                Scored(0.0, text, passage, i, i)
                for i, (a, b) in enumerate(spans)
                if _mentions(text := passage.text[a:b].strip(), full)
            ]
            if any(_mentions(s.text, {other.casefold()}) for s in found):
                return found[:2]
        for who in (other, name):
            # Full name or surname: "Chase" alone may be another Chase.
            forms = {who.casefold(), who.split()[-1].casefold()}
            for i, (a, b) in enumerate(spans):
                text = passage.text[a:b].strip()
                if _mentions(text, forms):
                    return [Scored(0.0, text, passage, i, i)]
        return []


#: Questions that ask something other than who: what was said, whether, why, when.
_NOT_WHO = re.compile(
    r"(?:what|how|why|when|where|did|does|do|is|was|were|has|had|will|would|can|could)\b"
    r"(?!\s+(?:is|was|are|were|s)\s+(?:the\s+)?(?:name|\w+['’]s\s+(?:co-?\s?driver|"
    r"team-?\s?mate|replacement|successor|navigator)))"
)
_ASKS_TEAM_MATE = re.compile(r"\bteam\s?-?\s?mates?\b|\bpartner\w*\b|\bpaired\b")

#: Questions asking a relation between people: "who is Solberg's co-driver", "who replaces
#: Hulkenberg", "Hulk's seat", "who is Bearman's team-mate", "who does X partner".
_ASKS_CO_DRIVER = re.compile(r"\bco-?\s?driv\w*|\bnavigator\b|\bco-?\s?pilot\b")
_ASKS_REPLACEMENT = re.compile(
    r"\breplac\w*|\bsuccee?d\w*|\bsuccessor\b|\btak\w*\s+over\b|\btook\s+over\b|"
    r"\b(?:seat|place)\s+(?:go|goes|went|going)\b|\bstand\w*\s+in\b|\bstep\w*\s+in\b|"
    r"\b(?:take|takes|taking|took|get|gets|getting|got|inherit\w*)\s+\w+['’]?s?\s+(?:seat|place)\b"
)
_RELATION_WORD = re.compile(
    r"mate|partner|co-?driv|navigat|pilot|replac|succe|seat|place|take|took|over|next|yr|year"
)
#: Questions asking someone's parent ("whos tomas's dad") or child ("who is Ramon's son").
_ASKS_PARENT = re.compile(r"\b(?:dad|daddy|father|papa|mother|mum|mom|mummy|parents?)\b")
_ASKS_CHILD = re.compile(r"\b(?:sons?|daughters?|kids?|child|children)\b")
_MOTHER_WORDS = frozenset({"mother", "mum", "mom", "mummy"})
#: The words a sentence telling each relation holds, when no relation was read from it.
_RELATION_TOLD = {
    REPLACEMENT: ("seat", "replace", "replaces", "replacing", "replacement", "successor",
                  "drive", "favourite", "favorite"),
    TEAM_MATES: ("team-mate", "teammate", "team-mates", "teammates", "partner", "alongside"),
    CO_DRIVER: ("co-driver", "codriver", "navigator", "co-pilot"),
}  # fmt: skip


def _opens_with_person(text: str, forms: set[str]) -> bool:
    """Whether a sentence is about the person of ``forms``: the passages' subject test
    (:func:`bot.answers.passages._shapes._opens_with`), or a "he"/"she" opening it, which the
    relation's search found beside them ("He will take the seat ..."). The pronoun is the one
    thing added: a sentence telling whom they replace is not the replacement asked."""
    return _opens_with(text, forms) or bool(re.match(r"(?:he|she)\b", text, re.I))
