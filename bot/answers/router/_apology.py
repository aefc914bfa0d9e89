"""Apologies and refusals: did X apologise (to Y), whoever made it ("did anyone apologise to
Bez", a team's), and a sentence telling X would not apologise."""

from __future__ import annotations

import re

from bot.answers.apologies import refusal_at
from bot.answers.passages import (
    Query,
    Scored,
    _mentions,
    forms_of,
    words_of,
)
from bot.answers.records import (
    Answer,
    ApologyAnswer,
    NotFound,
    PassageAnswer,
)
from bot.answers.router._reading import _OWNED, _SORRY
from bot.answers.router._shapes import _ADMIT, _APOLOGY_WORDS
from bot.answers.router._who_said import WhoSaidRouter
from bot.answers.text import wordset
from bot.answers.understand import (
    Reading,
    stop_words,
)

__all__ = ["ApologyRouter"]

#: Words of a yes/no question that name nobody ("did", "has", "ever").
_ASKING = wordset("did does do has have had will would ever is was he she they it")
#: Anyone at all as the one apologising: any apology to the receiver answers.
_ANYONE = wordset("anyone anybody someone somebody any one")

#: Where a sentence's clauses part: the one that tells a no is the last before it.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:but|and|while|whereas)\b")
#: A capitalised run that may name someone ("Ruston", "Mira Tolland").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")


class ApologyRouter(WhoSaidRouter):
    """Apologies and refusals: who made one, to whom, or would not."""

    async def _apology(self, bare: str, reading: Reading) -> Answer:
        person = reading.people[0] if reading.people else self.lookup.person_in(bare)
        if person is not None and (made := await self._apology_to(bare, person)) is not None:
            return made
        if person is None and _ADMIT.search(bare) and not _APOLOGY_WORDS.search(bare):
            # "did the team admit the mistake", "did evans admit taka was quicker" (a name
            # several share): what was admitted is in the passages, never the newest
            # apology of whoever made one.
            return await self._general(bare, reading)
        # Words left once names are set aside may name the story ("... in Hungary").
        story = self.lookup.article_named(_APOLOGY_WORDS.sub(" ", bare), skip_names=True)
        answer = await self.engine.apology(story, person=person)
        elsewhere = person is not None and await self._to_someone_else(answer, person, reading)
        if elsewhere:
            answer = NotFound("")
        if not isinstance(answer, NotFound):
            return answer
        if _ADMIT.search(bare) and not _APOLOGY_WORDS.search(bare) and person:
            return await self._general(bare, reading)
        if person is not None:
            # An apology told in reported speech ("he would apologise to Quartararo in
            # person") is no quote, but the article's own sentence says it.
            query = Query(
                people=tuple(reading.people) or (person,),
                subject=person,
                required=_SORRY,
                required_phrases=_OWNED,
                min_cover=0.0,
            )
            found, _ = await self.passages.find(query)
            if elsewhere:
                # Only a sentence near a naming of the one it is made to can tell that
                # apology: the one already set aside comes back here otherwise.
                found = [f for f in found if await self._made_to_found(f, reading.people[1])]
            if any(self._apologiser(f, person) for f in found):
                return PassageAnswer(tuple(self.passages_found(found)), "")
            if refused := [f for f in found if self._refuser(f, person)]:
                # "he would not apologise for it": the articles tell a no, not nothing
                return PassageAnswer(tuple(self.passages_found(refused)), "")
            to = [p for p in reading.people[1:]]
            towards = f" to {to[0]}" if to else ""
            return NotFound(f"The articles don't say {person} apologised{towards}.")
        return answer

    async def _to_someone_else(self, answer: Answer, person: str, reading: Reading) -> bool:
        """Whether ``answer`` is an apology of ``person``'s from a story that never names the
        one the question has it made to ("did Russell apologise to Lando": his apology to
        Bottas, years before, is not it)."""
        to = [p for p in reading.people[1:] if p != person]
        if not to or not isinstance(answer, ApologyAnswer):
            return False
        at = answer.apology_parts[0].paragraph if answer.apology_parts else 0
        return not await self._made_to(answer.article.slug, at, to[0])

    async def _made_to(self, slug: str, paragraph: int, person: str) -> bool:
        """Whether an apology in ``paragraph`` of a story can be made to ``person``: it, or
        the paragraph before it, names them. A story naming them elsewhere is not enough ("I
        hit Ossi and I apologise to him" is no apology to a third driver the story names
        later; "did X say sorry to Y" is then answered by Y's story, where X may have refused
        one)."""
        if person not in {p.name for p in await self.engine.store.article_people(slug)}:
            return False
        texts = await self.engine.store.paragraphs(slug)
        near = " ".join(texts[max(paragraph - 2, 0) : paragraph])
        known = self.lookup.index.people.get(person)
        return _mentions(near, forms_of(known) if known else {person.casefold()})

    async def _made_to_found(self, found: Scored, person: str) -> bool:
        """Whether a sentence found can tell an apology made to ``person`` (``_made_to``)."""
        source = found.passage.source
        return source is not None and await self._made_to(
            source.slug, found.passage.paragraph, person
        )

    async def _apology_to(self, bare: str, person: str) -> Answer | None:
        """ "did Aprilia apologise to Bez", "did kimi apologise to charles": the one named
        after "to" receives the apology; the one who makes it is before the verb, a team or
        a first name several people share, whom the name resolution could not give. Their
        sentence of apology that names (or speaks to) the receiver answers; None when the
        question is no such form."""
        said = _APOLOGY_WORDS.search(bare)
        if said is None or not re.match(r"\s*(?:to|with)\b", bare[said.end() :], re.I):
            return None
        before = bare[: said.start()]
        if self.lookup.person_in(before) is not None:
            return None  # the maker is named: the apology engine answers
        if self.lookup.person_in(bare[said.end() :]) != person:
            return None
        raw = [w for w in words_of(before) if w not in _ASKING]
        words = [w for w in raw if w not in stop_words()]
        if raw and all(w in _ANYONE for w in raw):
            # "did anyone apologise to Bez": whoever it was, their sentence of apology.
            query = Query(people=(person,), required=_SORRY, min_cover=0.0)
            answering, _ = await self.passages.find(query)
            found = [f for f in answering[:3] if f.speaker != person]
            if found:
                return PassageAnswer(tuple(self.passages_found(found)), "")
            return NotFound(f"The articles don't say anyone apologised to {person}.")
        if not words:
            return None
        makers: list[str] = []
        for word in words:
            makers += self.lookup.index.ambiguous.get(word, ())
        if not makers:
            # A team ("Aprilia"): the people the articles give it speak for it.
            makers = [
                p.name
                for p in self.lookup.index.people.values()
                if p.team and set(words) <= set(words_of(p.team)) and p.name != person
            ]
        queries = [
            Query(people=(maker, person), subject=maker, required=_SORRY, min_cover=0.0)
            for maker in dict.fromkeys(makers)
        ]
        if not makers:
            # A team or a body ("Aprilia", "the stewards"): its sentence of apology, in a
            # paragraph naming it, that names the receiver.
            groups = [(w,) for w in words]
            queries.append(Query(groups=groups, people=(person,), required=_SORRY, min_cover=1.0))
        found: list[Scored] = []
        for query in queries:
            answering, _ = await self.passages.find(query)
            found += [f for f in answering[:2] if f.speaker != person]
        if not found:
            who = " ".join(words).title()
            return NotFound(f"The articles don't say {who} apologised to {person}.")
        return PassageAnswer(tuple(self.passages_found(found[:3])), "")

    def _refuser(self, found: Scored, person: str) -> bool:
        """Whether a sentence tells ``person`` withholding an apology: they speak it, or the
        clause that holds the no names nobody else before it ("..., but he would not
        apologise" leans on who the paragraph is about; "Tolland called it optimistic, but
        Ruston would not apologise" is Ruston's no, never Tolland's)."""
        at = refusal_at(found.text)
        if at < 0 or found.speaker:
            return at >= 0 and found.speaker == person
        return not self._others_in_clause(found.text, at, person)

    def _others_in_clause(self, text: str, at: int, person: str) -> bool:
        """Whether the clause that runs up to ``at`` names someone and never ``person``: then
        what is told at ``at`` is that other person's ("..., but Ruston would not ...")."""
        clause = _CLAUSE_BREAK.split(text[:at])[-1]
        named = {self.lookup.resolve_person(run) for run in _NAME_RUN.findall(clause)}
        return person not in named and bool(named - {None})

    def _apologiser(self, found: Scored, person: str) -> bool:
        """Whether ``person`` makes the apology a sentence tells, rather than receives it:
        they speak it, or are named before its word and not as the one it is made to."""
        if found.speaker:
            return found.speaker == person

        low = found.text.casefold()
        at = min((i for w in (*_SORRY, *_OWNED) if (i := low.find(w)) >= 0), default=-1)
        if at < 0 or self._others_in_clause(found.text, at, person):
            return False
        known = self.lookup.index.people.get(person)
        forms = forms_of(known) if known else {person.casefold()}
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", low[: max(at, 0)]):
                if not re.search(r"\b(?:to|with|from)\s+$", low[: m.start()]):
                    return True
        return False
