"""People and roles: who is X, X's team (the newest story's), which of several people
sharing a name, a team's boss.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers.passages import (
    Query,
    Scored,
    _mentions,
    forms_of,
    split_sentences,
    stem,
    stems,
    words_of,
)
from bot.answers.records import (
    Answer,
    NotFound,
    PassageAnswer,
    PersonAnswer,
)
from bot.answers.router._reading import (
    _BOSS_TITLES,
    _TEAM_WORDS,
    _TEAMISH,
    _WEAK,
    CONTEXT_PASSAGES,
    _register_teams,
    the_register,
)
from bot.answers.router._stories import StoriesRouter
from bot.answers.text import normalise, strip_quotes, wordset
from bot.answers.understand import (
    Reading,
    read,
)
from bot.ingest.relations import CO_DRIVER, REPLACEMENT, TEAM_MATES, read_relation
from bot.ingest.text import unaccent
from bot.models import Fact, Person

__all__ = ["PeopleRouter"]

#: The newest stories after the one a card's team comes from that are read for a newer team.
NEWER_STORIES = 3


class PeopleRouter(StoriesRouter):
    """People and roles: who is X, X's team (the newest story's), which of several people
    sharing a name, a team's boss.
    """

    async def _wellbeing(self, bare: str, reading: Reading) -> Answer | None:
        """Answer "is X ok", "was X hurt", "how is X feeling", and an obituary's "how old was
        X when he died", "what did X die of", "where did he die"; None when not asked."""
        low = bare.casefold()
        if _ASKS_DEATH.search(low) and not _NOT_DEATH.search(low):
            return await self._death(reading)
        health = _ASKS_HEALTH.search(low) is not None
        feeling = not health and _ASKS_FEELING.match(low) is not None
        if not (health or feeling):
            return None
        people = list(reading.people) or self._sharing(reading)
        if not people:
            return None
        cues = _HEALTH_CUES if health else (*_FEELING_CUES, *_HEALTH_CUES)
        best: tuple[float, list[Scored], str] | None = None
        for name in people[:1] if reading.people else people:
            query = Query(
                people=(name,), subject=name, cues=cues, cue_phrases=_HEALTH_PHRASES,
                need_cue=True, prefer_quotes=feeling, min_cover=0.0,
            )  # fmt: skip
            found, _ = await self.passages.find(query)
            if found and (best is None or found[0].score > best[0]):
                best = (found[0].score, found, name)
        if best is None:
            if len(people) != 1 and not reading.people:
                return None
            what = "how" if feeling else "whether"
            state = "feels" if feeling else "was hurt"
            return NotFound(f"The articles don't say {what} {people[0]} {state}.")
        picked = best[1]
        race = await self.passages.race_of(picked)
        return PassageAnswer(tuple(self.passages_found(picked)), "", "", race)

    async def _death(self, reading: Reading) -> Answer | None:
        """Someone's death as the story tells it: an obituary says age, place and cause in
        the sentences saying "died" ("has died at the age of 79", "He died at his home in
        Arnage after a long illness"), and a fan asks any of them in passing. Every such
        sentence of the best story, in the article's order, answers all three; its subject
        named in the sentence or the story ("where did he die": the one story telling a
        death). None when no sentence tells one: the passages may still."""
        people = list(reading.people[:1])
        query = Query(
            people=tuple(people), subject=people[0] if people else None, cues=_DEATH_CUES,
            cue_phrases=_DEATH_PHRASES, need_cue=True, object_people=True, min_cover=0.0,
        )  # fmt: skip
        found, _ = await self.passages.find(query)
        found = [f for f in found if _TELLS_DEATH.search(f.text)]
        if not found:
            return None
        slug = found[0].passage.source.slug if found[0].passage.source else None
        told = [f for f in found if (f.passage.source.slug if f.passage.source else None) == slug]
        if people:
            # Someone else's death in a story naming them ("what did Alonso die of") is no
            # answer: the sentences must name them, or follow one that does ("He died ...").
            person = self.lookup.index.people.get(people[0]) or Person(people[0])
            if not any(_mentions(f.text, forms_of(person)) for f in told):
                return None
        told.sort(key=lambda f: (f.passage.paragraph, f.position))
        race = await self.passages.race_of(told[:3])
        return PassageAnswer(tuple(self.passages_found(told[:3])), "", "", race)

    async def _person_asked(self, bare: str, reading: Reading) -> Answer | None:
        """What a biography or a ratings piece tells of someone: a mark, what a nickname
        means, who runs a team now. None when not asked or not told."""
        low = bare.casefold()
        if (m := _ASKS_NICKNAME.match(low)) and (found := await self._nickname_meaning(m)):
            return found
        if (m := _ASKS_RUNS.match(low)) and (found := await self._runs(m[1])):
            return found
        if (m := _ASKS_TEAM_PEOPLE.match(low)) and (found := await self._drivers_of(m)):
            return found
        if _ASKS_CAR.match(low) and len(reading.people) == 1:
            # "what car does o'ward drive": the sentence giving their car as a report writes
            # it ("O'Ward's No. 5 Arrow McLaren Chevrolet", "in his Toyota Corolla").
            name = reading.people[0]
            query = Query(people=(name,), subject=name, need_written=_CAR_WRITTEN, min_cover=0.0)
            found, _ = await self.passages.find(query)
            if found:
                return PassageAnswer(tuple(self.passages_found(found[:2])), "")
        if _ASKS_FIRST_TEAM.match(low) and len(reading.people) == 1:
            # "what team did hulk start in f1 with": the sentence telling where a career
            # began ("a Formula 1 career that began with Williams in 2010"), naming them.
            name = reading.people[0]
            query = Query(
                people=(name,), subject=name, need_written=_TELLS_FIRST_TEAM, min_cover=0.0
            )
            found, _ = await self.passages.find(query)
            person = self.lookup.index.people.get(name) or Person(name)
            found = [f for f in found if _mentions(f.text, forms_of(person))]
            if found:
                return PassageAnswer(tuple(self.passages_found(found[:2])), "")
        return await self._marks(bare, reading)

    async def _drivers_of(self, m: re.Match[str]) -> Answer | None:
        """Who drives for a team ("who drives for cadillac", "who are ferraris drivers"):
        its drivers are the register's for the newest story's season, and the people the
        articles give the team whom the register does not place elsewhere then; each is
        shown by the newest sentence naming them beside one of the team's names ("Cadillac
        ... will carry Valtteri Bottas and Sergio Perez"), a sentence naming more of them
        first. A profile's team may be years old ("Perez, Red Bull"): the register says
        who moved. None when the phrase names no team or no sentence tells it."""
        phrase = strip_quotes(next(g for g in m.groups() if g)).strip()
        tried = dict.fromkeys((phrase, re.sub(r"['’]s?$", "", phrase), phrase.removesuffix("s")))
        register = the_register()
        index = self.lookup.index
        year = max((a.published.year for a in index.articles), default=None)
        teams: frozenset[str] = frozenset()
        names: set[str] = set()
        for asked in tried:
            teams = register.organisations(asked) if register is not None else frozenset()
            # "vantor" for "Vantor Racing": a team's first words name it.
            own = {
                normalise(p.team)
                for p in index.people.values()
                if p.team and f"{normalise(p.team)} ".startswith(f"{normalise(asked)} ")
            }
            if teams or own:
                names = {normalise(asked), *own, *map(normalise, teams)}
                if register is not None:
                    names.update(normalise(t) for team in teams for t in register.team_names(team))
                break
        if not names or year is None:
            return None
        people: dict[str, tuple[str, ...]] = {}
        for rp in register or ():
            if _drives(rp.roles) and set(rp.team_in(year)) & teams:
                people[rp.name] = (rp.name, *rp.short)
        # The people a sentence writes as the team's ("Vantor Racing's Oskar Brandt",
        # "Vantor Racing driver Mika Lund"), and those whose profile gives the team.
        written_as = await self._written_of_team(names)
        for name, person in index.people.items():
            if name in people or not (
                name in written_as or (person.team and normalise(person.team) in names)
            ):
                continue
            if not _drives((person.role or "driver",)):
                continue
            placed = register.find(name) if register is not None else ()
            if len(placed) == 1 and placed[0].teams and not set(placed[0].team_in(year)) & teams:
                continue  # the register has them elsewhere that season
            people[name] = (name,)
        if not people:
            return None
        team_written = re.compile(rf"(?<!\w){_any_of(names)}(?!\w)", re.IGNORECASE)
        forms = {
            name: {
                f.casefold() for w in written for f in (unaccent(w), w.split()[-1]) if len(f) >= 3
            }
            for name, written in people.items()
        }
        told: dict[tuple[str, int, int], tuple[Scored, set[str]]] = {}
        for written in forms.values():
            for p in await self.engine.store.passages_matching(
                [w for f in written for w in words_of(f)], limit=TEAM_PEOPLE_PASSAGES
            ):
                if p.source is None:
                    continue
                for i, (a, b) in enumerate(split_sentences(p.text)):
                    text = p.text[a:b].strip()
                    plain = unaccent(text)
                    if not team_written.search(plain) or not _mentions(plain, written):
                        continue
                    key = (p.source.slug, p.paragraph, i)
                    if key not in told:
                        named = {n for n, fs in forms.items() if _mentions(plain, fs)}
                        told[key] = (Scored(0.0, text, p, p.paragraph, i), named)
        ranked = sorted(
            told.values(),
            key=lambda t: (
                -t[0].passage.source.published.toordinal() if t[0].passage.source else 0,
                -len(t[1]),
                t[0].passage.paragraph,
                t[0].position,
            ),
        )
        shown: list[Scored] = []
        covered: set[str] = set()
        for scored, named in ranked:
            if named - covered:
                shown.append(scored)
                covered |= named
            if covered == set(people) or len(shown) == TEAM_PEOPLE_SHOWN:
                break
        if not shown:
            return None
        return PassageAnswer(tuple(self.passages_found(shown)), "")

    async def _written_of_team(self, names: set[str]) -> set[str]:
        """The people a sentence writes as a team's, by its names (folded): "Vantor
        Racing's Oskar Brandt", "Vantor Racing driver Mika Lund", "Mika Lund (Vantor
        Racing)", each name resolved to the person the articles know."""
        team = f"(?i:{_any_of(names)})"
        person = r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
        pattern = re.compile(
            rf"\b{team}(?:['’]s?|\s+(?:driver|rider))\s+{person}|{person}\s+\({team}\)"
        )
        words = [w for n in names for w in n.split() if w not in _WEAK]
        found: set[str] = set()
        for p in await self.engine.store.passages_matching(words, limit=TEAM_PEOPLE_PASSAGES):
            for m in pattern.finditer(unaccent(p.text)):
                if name := self.lookup.resolve_person(m[1] or m[2]):
                    found.add(name)
        return found

    async def _nickname_meaning(self, m: re.Match[str]) -> Answer | None:
        """Why someone is called what they are ("why did they call him le sorcier"): the
        sentence giving the name ("His mechanics called him 'le Sorcier', the Wizard, for
        fuel strategies ...") says why, as the writer tells it."""
        name = normalise(strip_quotes(next(g for g in m.groups() if g)))
        if not name:
            return None
        found, _ = await self.passages.find(
            Query(phrases=(name,), need_written=_NAMING, min_cover=0.0)
        )
        giving = [f for f in found if name in normalise(f.text) and _NAMING.search(f.text)]
        if not giving:
            return None
        return PassageAnswer(tuple(self.passages_found(giving[:2])), "")

    async def _runs(self, team: str) -> Answer | None:
        """Who runs a team now ("who runs equipe ferriere now"): the sentence naming someone
        with a boss's title beside the team's name ("His daughter Camille Ferrière, who
        took over as team principal in 2019"), a person's name written in it. The team's
        words are matched with accents dropped on both sides ("Équipe Ferrière"); the newest
        story's sentence first. None when no sentence tells it."""
        words = [w for w in words_of(team) if w not in _WEAK and w != "the"]
        if not words:
            return None
        found: list[Scored] = []
        for p in await self.engine.store.passages_matching(words, limit=RUNS_PASSAGES):
            for i, (a, b) in enumerate(split_sentences(p.text)):
                text = p.text[a:b].strip()
                folded = set(words_of(unaccent(text)))
                if (
                    folded & _BOSS_TITLES
                    and 2 * len(folded & set(words)) >= len(words)
                    and _FULL_NAME.search(text)
                ):
                    found.append(Scored(0.0, text, p, p.paragraph, i))
        if not found:
            return None
        found.sort(key=lambda f: -f.passage.source.published.toordinal() if f.passage.source else 0)
        return PassageAnswer(tuple(self.passages_found(found[:2])), "")

    async def _marks(self, bare: str, reading: Reading) -> Answer | None:
        """A ratings story's marks: "who got the worst mark", "best rating", "what rating did
        X get". A ratings piece heads each rider's paragraph with a line of its own, "Name
        (Team) - 7/10", and the paragraph under it is about them: the line giving the mark
        asked (the lowest, the highest, or the one naming X) and the first sentences under
        it answer, cited. The story is the one of the question's place or race, else the
        newest with marks. None when not asked or no line fits: the passages may know."""
        low = bare.casefold()
        if not _ASKS_MARK.search(low):
            return None
        lowest = _LOWEST.search(low) is not None
        highest = not lowest and _HIGHEST.search(low) is not None
        people = list(reading.people[:1])
        if not (lowest or highest or people):
            return None
        lines: dict[str, list[tuple[float, int]]] = {}
        for p in await self.engine.store.passages_matching(["10"], limit=MARK_PASSAGES):
            if p.source is not None and (m := _MARK_LINE.match(p.text.strip())):
                lines.setdefault(p.source.slug, []).append((float(m["mark"]), p.paragraph))
        told = {slug: marks for slug, marks in lines.items() if len(marks) >= MARKS_IN_RATINGS}
        if not told:
            return None
        asked = await self._stories(reading, set())
        order = [a.slug for a in self.lookup.index.articles if a.slug in told]
        order = [s for s in order if asked is None or s in asked] or order
        for slug in order:
            passages = await self.engine.store.article_passages(slug)
            by_number = {p.paragraph: p for p in passages}
            marks = sorted(told[slug])
            if people:
                person = self.lookup.index.people.get(people[0]) or Person(people[0])
                forms = forms_of(person)
                chosen = [n for _, n in marks if _mentions(by_number[n].text, forms)]
            else:
                best = marks[0][0] if lowest else marks[-1][0]
                chosen = sorted(n for mark, n in marks if mark == best)
            if not chosen:
                continue
            shown: list[Scored] = []
            for n in chosen[:3]:
                shown.append(Scored(0.0, by_number[n].text.strip(), by_number[n], n, 0))
                under = by_number.get(n + 1)
                if under is not None and not _MARK_LINE.match(under.text.strip()):
                    spans = split_sentences(under.text)[:2]
                    shown += [
                        Scored(0.0, under.text[a:b].strip(), under, n + 1, i)
                        for i, (a, b) in enumerate(spans)
                    ]
            return PassageAnswer(tuple(self.passages_found(shown)), "")
        return None

    def _sharing(self, reading: Reading) -> list[str]:
        """The people sharing a name the question gives ("Martin": Jorge and Scott), when
        it names no one the lookup could single out: the health sentences choose."""
        ambiguous = self.lookup.index.ambiguous
        for word in reading.words:
            names = ambiguous.get(word)
            if names and len(names) <= 5:
                return list(names)
        return []

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
        from bot.answers.understand import stop_words

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

    async def _relation_sentences(self, fact: Fact, name: str, other: str) -> list[Scored]:
        """The sentence of the fact's paragraph naming ``other`` (the answer), verbatim; else
        the one naming ``name`` ("He replaces Hulkenberg": the story named the other before)."""
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
        for who in (other, name):
            # Full name or surname: "Chase" alone may be another Chase.
            forms = {who.casefold(), who.split()[-1].casefold()}
            for i, (a, b) in enumerate(spans):
                text = passage.text[a:b].strip()
                if _mentions(text, forms):
                    return [Scored(0.0, text, passage, i, i)]
        return []

    async def _team_of(self, name: str, reading: Reading) -> Answer | None:
        """Someone's team, car, team-mates or crew as the article's sentences tell it, when
        the question asks more than the profile holds: words beyond "team" ("crew chief",
        "team-mates", "car"), or a team the articles never gave them."""
        extra = [w for w in reading.words if w not in _TEAM_WORDS]
        person = self.lookup.index.people.get(name)
        if not extra and person is not None and person.team:
            return await self._newer_team(person)
        if not extra and person is None:
            return None
        from bot.answers.understand import SYNONYMS

        for team in _register_teams(name) if not extra else ():
            # The article never says "X drives for Y", but names the team the register
            # gives them beside them ("the Penske's front wing ... and McLaughlin had to
            # pit", "thank you to Trackhouse"): that sentence tells it, cited. Their
            # newest team first; a sentence must name them itself, or be theirs.
            named = Query(
                people=(name,),
                subject=name,
                hints=tuple(t.casefold() for t in team),
                need_written=re.compile("|".join(rf"\b{re.escape(t)}\b" for t in team)),
                min_cover=0.0,
            )
            found, _ = await self.passages.find(named)
            forms = forms_of(person) if person else {name.casefold()}
            found = [f for f in found if f.speaker == name or _mentions(f.text, forms)]
            if found:
                return PassageAnswer(tuple(self.passages_found(found)), "")
        query = Query(
            groups=[(w, *SYNONYMS.get(w, ())) for w in extra],
            people=(name,),
            subject=name,
            need_written=None if extra else _TEAMISH,
            min_cover=1.0,
        )
        found, _ = await self.passages.find(query)
        if not found:
            return None
        return PassageAnswer(tuple(self.passages_found(found)), "")

    async def _newer_team(self, person: Person) -> Answer | None:
        """The newest sentence giving ``person`` a team other than the one their profile
        holds ("Carlos Sainz fifth for Williams" after a story had him at Ferrari): teams
        change, and the newest story tells the team now. None: the profile's team stands."""
        newer = await self.engine.store.stories_after_team(person.name, limit=NEWER_STORIES)
        if not newer:
            return None  # no story after the one their profile's team comes from
        written = _TeamWritten(forms_of(person))
        if not written.forms:
            return None
        query = Query(
            people=(person.name,), subject=person.name, need_written=written, newest_first=True,
            min_cover=0.0, slugs=newer, whole_stories=True,
        )  # fmt: skip
        found, _ = await self.passages.find(query)
        held = normalise(person.team or "")
        # Their name's words, not their aliases': "Halden Motorsport driver" holds a team's
        # word that a new team shares ("Corran Motorsport").
        own = set(normalise(person.name).split())
        for f in found:
            for told in written.teams(f.text):
                words = set(normalise(told).split())
                if not words or words & own or normalise(told) in held or held in normalise(told):
                    continue  # "for Nick Cassidy's ...": a name, not a team
                return PassageAnswer(tuple(self.passages_found([f])), "")
        return await self._register_newer(person, newer)

    async def _register_newer(self, person: Person, newer: list[str]) -> Answer | None:
        """The newer team as a newer story shows it in passing ("Isack Hadjar put the
        second Red Bull sixth"), when the register gives them, in that story's season, a team
        other than the one their profile's older story does: the newest sentence of those
        stories naming them beside that team's names, dated by its citation. None when the
        register agrees with the profile, does not know them, or no sentence shows it."""
        register = the_register()
        found = register.find(person.name) if register is not None else ()
        dates = {a.slug: a.published for a in self.lookup.index.articles if a.slug in newer}
        if register is None or len(found) != 1 or not dates:
            return None
        held = normalise(person.team or "")
        teams = {
            normalise(name)
            for team in found[0].team_in(max(dates.values()).year)
            for name in (team, *register.team_names(team))
        }
        if not teams or held in teams:
            return None
        query = Query(
            people=(person.name,), subject=person.name, min_cover=0.0, slugs=newer,
            whole_stories=True, newest_first=True,
            need_written=re.compile(rf"(?<!\w){_any_of(teams)}(?!\w)", re.IGNORECASE),
        )  # fmt: skip
        told, _ = await self.passages.find(query)
        forms = forms_of(person)
        told = [f for f in told if _mentions(f.text, forms)]
        if not told:
            return None
        # The older story's own words for the team the profile holds, dated too: a fan
        # asking of that story's race meant that team ("Racing Bulls driver Isack Hadjar").
        query = Query(
            people=(person.name,), subject=person.name, min_cover=0.0, newest_first=True,
            need_written=re.compile(rf"(?<!\w){_any_of({held})}(?!\w)", re.IGNORECASE),
        )  # fmt: skip
        older, _ = await self.passages.find(query)
        older = [
            f for f in older
            if f.passage.source and f.passage.source.slug not in dates and _mentions(f.text, forms)
        ]  # fmt: skip
        return PassageAnswer(tuple(self.passages_found([*told[:1], *older[:1]])), "")

    async def _who_is(self, target: str, reading: Reading, owned: bool = False) -> Answer | None:
        name = self.lookup.resolve_person(target) or self.lookup.person_in(target)
        if name is None and not reading.people and not owned and (found := self._owner(target)):
            # "who is el diablos manager": a nickname's possessive the reading did not take
            # for a name, asked as the name's ("Fabio Quartararo's manager").
            asked = f"{found[0]} {found[1]}"
            return await self._who_is(asked, read(asked, self.lookup), owned=True)
        if name is None and reading.people:
            name = reading.people[0]
        if len(reading.people) == 1 and (found := await self._boss_of(reading.people[0], reading)):
            # "whos Charles' team boss": his team's principal ("team principal" alone may be
            # someone's alias, so before resolving the target)
            return found
        if name:
            if len(reading.people) == 1 and (found := await self._team_of(name, reading)):
                return found  # "who is Blaney's crew chief", "who are Hartley's team-mates"
            card = await self.engine.who(name)
            if isinstance(card, PersonAnswer) and not (card.quotes or card.reported):
                return await self._described(card.person) or card
            return card
        if (several := self._several(target)) is not None:
            return several
        words = [w for w in words_of(target) if w not in _WEAK and w != "the"]
        if re.match(r"the\s+\w", target, re.I) and len(words) >= 1:
            # "who is the Yamaha rider": an epithet no one was given; the sentence using it
            # and the one before, which names whom it means, tell the fan.
            using: Scored | None = None
            # "who was the loser of the weekend": a verdict line writes it bare ("Loser of
            # the weekend: Marquez"), so the epithet without its article is tried too.
            for phrase in dict.fromkeys((normalise(target), normalise(target[4:]))):
                found, _ = await self.passages.find(Query(phrases=(phrase,), min_cover=0.0))
                using = next((f for f in found if phrase in normalise(f.text)), None)
                if using is not None:
                    break
            if using is not None:
                # Its paragraph up to it: whom "the Queenslander" means is named before.
                text = using.passage.text
                spans = split_sentences(text)[: using.position + 1]
                start = max(0, len(spans) - 3)
                shown = [
                    Scored(using.score, text[a:b].strip(), using.passage, using.order, i)
                    for i, (a, b) in enumerate(spans[start:], start=start)
                ]
                heading = await self._heading_over(using)
                return PassageAnswer(tuple(self.passages_found([*heading, *shown])), "")
        if await self._all_known(words) and words:
            return None  # "who is the team principal of williams": the passages may know
        if self.lookup.article_named(target) is not None:
            return None
        answer = await self.engine.who(target)
        if isinstance(answer, NotFound):
            shown = strip_quotes(target)
            return NotFound(f"The articles don't name anyone called “{shown}”.", answer.suggestions)
        return answer

    def _owner(self, target: str) -> tuple[str, str] | None:
        """Whose role a "who is" asks ("el diablos manager" -> Fabio Quartararo,
        "manager"): the words before the role words name the person, with or without their
        possessive. None when the target ends in no role word or its rest names no one."""
        words = target.split()
        for k in range(len(words) - 1, 0, -1):
            if not all(w.casefold() in _OWN_ROLES for w in words[k:]):
                break
            if name := self.lookup.resolve_person(" ".join(words[:k])):
                return name, " ".join(words[k:])
        return None

    async def _boss_of(self, name: str, reading: Reading) -> Answer | None:
        """Someone's team boss ("whos Charles' team boss", "who is Leclerc's team
        principal"): the boss of the team the profile gives them, as a story names them
        ("Ferrari team principal Fred Vasseur"). A "manager" alone may be their own, not the
        team's: only "team manager" asks the team's. None when not asked or not told."""
        extra = {w for w in reading.words if w not in _TEAM_WORDS}
        person = self.lookup.index.people.get(name)
        if not extra or not extra <= _BOSS_TITLES or person is None or not person.team:
            return None
        if extra == {"manager"} and "team" not in reading.words:
            return None
        return await self._runs(person.team)

    async def _described(self, person: Person) -> Answer | None:
        """Who someone is as the newest story naming them describes them, when the articles
        neither quote nor report them: the sentences naming them there, in the article's
        order ("Elfyn Evans and co-driver Scott Martin", "Didier Roux, his chief mechanic"),
        up to two. A profile of a name and nothing else tells a fan nothing."""
        forms = forms_of(person)
        query = Query(people=(person.name,), subject=person.name, min_cover=0.0)
        found, _ = await self.passages.find(query)
        naming = [f for f in found if f.passage.source and _mentions(f.text, forms)]
        if not naming:
            return None
        newest = max(f.passage.source.published for f in naming if f.passage.source)
        naming = [f for f in naming if f.passage.source and f.passage.source.published == newest]
        naming.sort(key=lambda f: (f.passage.paragraph, f.position))
        return PassageAnswer(tuple(self.passages_found(naming[:2])), "")

    async def _heading_over(self, found: Scored) -> list[Scored]:
        """The heading line right above the paragraph of ``found``, when it has one: a
        ratings piece's "Pedro Acosta (Red Bull KTM) - 10/10" or a profile's name line says
        whom the paragraph under it is about, which its sentences may never name again."""
        source = found.passage.source
        if source is None or found.passage.paragraph <= 1:
            return []
        above = next(
            (p for p in await self.engine.store.article_passages(source.slug)
             if p.paragraph == found.passage.paragraph - 1),
            None,
        )  # fmt: skip
        if above is None or not _MARK_LINE.match(above.text.strip()):
            return []
        return [Scored(found.score, above.text.strip(), above, found.order, 0)]

    async def _by_context(self, names: Sequence[str], words: list[str]) -> str | None:
        """Which of several people sharing a name the question means: the only one whose
        stories hold the question's other words."""
        from bot.answers.understand import stop_words

        context = {stem(w) for w in words if w not in stop_words() and w not in _WEAK}
        if not context:
            return None
        fitting = []
        parts = {n: set(normalise(n).split()) for n in names}
        for name in names:
            # Its own name parts: the ones the others do not share ("susie", not "wolff").
            own = parts[name] - set().union(*(parts[n] for n in names if n != name))
            found = await self.engine.store.passages_matching(
                [*own, *words], limit=CONTEXT_PASSAGES
            )
            for p in found:
                have = stems(p.text)
                if {stem(w) for w in own} & have and context <= have:
                    fitting.append(name)
                    break
        return fitting[0] if len(fitting) == 1 else None

    async def _role_said(self, who: str, topic: str) -> Answer | None:
        """What "the Ferrari boss" said when no person was given that role: the sentence
        naming the team and a boss's title ("Ferrari's head of endurance racing, Antonello
        Coletta, called it ...") and what follows it."""
        words = [w for w in words_of(who) if w not in _WEAK]
        team = [w for w in words if w not in _BOSS_TITLES and w not in ("team", "s")]
        if len(team) == len(words) or not team:
            return None  # no title, or only a title ("the boss")
        query = Query(
            groups=[(w,) for w in team],
            required=tuple(_BOSS_TITLES),
            need_written=re.compile(r"[A-Z][\w'-]+ [A-Z][\w'-]+"),
            min_cover=1.0,
        )
        found, _ = await self.passages.find(query)
        if not found:
            return None
        return PassageAnswer(tuple(self.passages_found(found)), "")

    async def _boss(self, bosses: tuple[str, ...], topic: str) -> str | None:
        """Which of the people a role names ("the Ducati boss") the question means: the only
        one, or the only one with words on the topic asked about ("... about Pecco")."""
        if len(bosses) == 1:
            return bosses[0]
        if not topic:
            return None
        speaking = [
            b
            for b in bosses
            if not isinstance(await self.quotes.said_about(b, topic, strict=True), NotFound)
        ]
        return speaking[0] if len(speaking) == 1 else None


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
#: The words a sentence telling each relation holds, when no relation was read from it.
_RELATION_TOLD = {
    REPLACEMENT: ("seat", "replace", "replaces", "replacing", "replacement", "successor",
                  "drive", "favourite", "favorite"),
    TEAM_MATES: ("team-mate", "teammate", "team-mates", "teammates", "partner", "alongside"),
    CO_DRIVER: ("co-driver", "codriver", "navigator", "co-pilot"),
}  # fmt: skip


def _opens_with_person(text: str, forms: set[str]) -> bool:
    return _mentions(" ".join(text.split()[:3]), forms) or bool(
        re.match(r"(?:he|she)\b", text, re.I)
    )


# --- Obituaries: "how old was X when he died", "what did X die of" -------------------------

#: A question about someone's death ("when did he die", "what did X die of", "cause of death").
_ASKS_DEATH = re.compile(
    r"\b(?:die|died|dies|dying|death|passed\s+away|pass\s+away|cause\s+of\s+death)\b"
)
#: Racing's other deaths: "dead heat", an engine or a battery dying, a hope or a race dying.
_NOT_DEATH = re.compile(
    r"\b(?:dead\s+(?:heat|last)|engine|battery|car|bike|hopes?|chances?|race\s+die|tyres?)\b"
)
#: The words an obituary tells a death with.
_DEATH_CUES = ("died", "dies", "death", "passed", "aged", "illness")
_DEATH_PHRASES = ("passed away", "has died", "died at", "died on", "died in", "dies aged")
#: A sentence telling a person's death, as written.
_TELLS_DEATH = re.compile(
    r"\b(?:died|dies\s+aged|passed\s+away|death\s+(?:of|at|in|on))\b", re.IGNORECASE
)


# --- Nicknames and bosses: "why did they call him le sorcier", "who runs X now" ----------

#: "why did they call him X", "why is he called X", "what does X mean", "where does the
#: nickname X come from": the group is the name.
_ASKS_NICKNAME = re.compile(
    r"^why\s+(?:do|did|does|is|was|are|were)\s+(?:\w+\s+){0,2}?"
    r"(?:call|calls|called|nickname|nicknamed|name|named|dub|dubbed)\s+(?:him|her|them|it)?\s*(.+)$"
    r"|^why\s+(?:is|was|are|were)\s+\S+(?:\s+\S+)?\s+(?:called|nicknamed|known\s+as|dubbed)\s+(.+)$"
    r"|^where\s+(?:does|did)\s+(?:the\s+|his\s+|her\s+)?(?:nick)?name\s+(.+?)\s+come\s+from$"
)
#: A sentence giving a name: "called him", "nicknamed", "known as", "dubbed".
_NAMING = re.compile(
    r"\b(?:call(?:ed|s)?|nicknamed?|known\s+as|dubbed|christened|named)\b", re.IGNORECASE
)
#: How many paragraphs naming a team are read for who runs it.
RUNS_PASSAGES = 40
#: A person's name as written: two capitalised words.
_FULL_NAME = re.compile(r"[A-Z][\w'’-]+ [A-Z][\w'’-]+")
#: "who runs X now", "who heads X", "who is in charge of X".
_ASKS_RUNS = re.compile(
    r"^who\s+(?:runs|heads|manages|owns|is\s+(?:running|in\s+charge\s+of)|took\s+over)\s+"
    # a team, not a race's order ("who runs second", "who took over the lead")
    r"(?!.*\b(?:lead|leads|championship|standings|race|points|laps?|first|second|third|fastest"
    r"|strongest|quickest|well|best)\b)"
    r"(.+?)(?:\s+(?:now|today|these\s+days|currently|nowadays))?$"
)


#: The words of someone's own people a "who is X's ..." asks.
_OWN_ROLES = wordset(
    "manager agent engineer race crew chief father mother brother sister wife husband son "
    "daughter coach mentor boss principal teammate team-mate spotter mechanic"
)
#: "what car does X drive", "what bike does X ride", "what number does X race".
_ASKS_CAR = re.compile(
    r"^(?:what|which)\s+(?:car|bike|number|machine)\s+(?:does|did|is)\s+.+?\s+"
    r"(?:drive|driving|drives|ride|riding|race|racing|run|running|use|have|in)$"
)
#: A car as a report writes it beside its driver: "No. 5 Arrow McLaren Chevrolet", "#24",
#: "in his Toyota Corolla", "O'Ward's Chevrolet".
_CAR_WRITTEN = re.compile(
    r"\bNo\.?\s*\d+\s+[A-Z]|#\d+\b|\b(?:his|her|their)\s+(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+"
    r"(?=\s+(?:and|to|for|from|in|on|at|,|\.))|\bcar\s+number\s+\d+"
)
#: "what team did X start (in f1) with", "which team did X debut for", "who did X start with".
_ASKS_FIRST_TEAM = re.compile(
    r"^(?:what|which|who)\s+(?:team\s+)?did\s+.+?\s+(?:start|begin|debut)\b.*\b(?:with|for|at)$"
)
#: A sentence telling where a career began: "began with Williams", "made his debut for
#: Sauber", "started out at Minardi".
_TELLS_FIRST_TEAM = re.compile(
    r"\b(?:began|begun|started|start|debut(?:ed)?)\b(?:\s+\w+){0,3}?\s+(?:with|for|at)\s+"
    r"(?:the\s+)?[A-Z]"
)
#: "who drives for X", "who races for X", "who are X's drivers", "who are the X riders".
_ASKS_TEAM_PEOPLE = re.compile(
    r"^who\s+(?:(?:drives|races|rides|competes)\s+for|(?:is|are)\s+(?:driving|racing|riding)"
    r"\s+for)\s+(?:the\s+)?(.+?)(?:\s+(?:now|this\s+(?:year|season)|these\s+days|currently))?$"
    r"|^who\s+(?:are|r|is)\s+(?:the\s+)?(.+?)\s+(?:drivers|riders|driver\s+line-?up|"
    r"line-?up)(?:\s+(?:now|this\s+(?:year|season)|currently))?$"
)
#: How many paragraphs naming each of a team's drivers are read for the team beside them.
TEAM_PEOPLE_PASSAGES = 60
#: At most this many sentences show a team's drivers.
TEAM_PEOPLE_SHOWN = 4


def _any_of(names: set[str]) -> str:
    """A pattern of any of a team's folded names, its words apart by anything not a word
    ("23xi racing" is "23XI Racing", "vantor racing" is in "Vantor Racing's")."""
    ordered = sorted(names, key=len, reverse=True)
    return "(?:" + "|".join(r"\W+".join(map(re.escape, n.split())) for n in ordered) + ")"


def _drives(roles: Sequence[str]) -> bool:
    """Whether roles make someone one of a team's drivers or riders (not its reserve)."""
    return any(
        r.split()[-1] in ("driver", "rider") and not {"reserve", "test", "former"} & set(r.split())
        for r in (role.casefold() for role in roles)
        if r.split()
    )


# --- Ratings: "who got the worst mark", "what rating did X get" ----------------------------

#: How many paragraphs that may be marks are read: a ratings piece's lines are short, so
#: they rank high among the paragraphs holding "10".
MARK_PASSAGES = 400
#: A story with this many mark lines is a ratings piece (one "7/10" line is a quote's).
MARKS_IN_RATINGS = 3
#: A question about a ratings piece's marks.
_ASKS_MARK = re.compile(
    r"\b(?:marks?|ratings?|rated|rate|score\s+out\s+of|out\s+of\s+(?:10|ten))\b"
)
_LOWEST = re.compile(r"\b(?:worst|lowest|low|bottom|poorest|least)\b")
_HIGHEST = re.compile(r"\b(?:best|highest|top|perfect|most)\b")
#: A ratings line: a name, perhaps its team in brackets, and a mark out of 10 ("Pedro
#: Acosta (Red Bull KTM) - 10/10", "Bezzecchi: 8.5/10", "Mir - 7 out of 10").
_MARK_LINE = re.compile(
    r"^(?P<who>[A-Z][^\n]{1,60}?)\s*(?:\([^)]{1,40}\)\s*)?[-–—:]\s*"
    r"(?P<mark>\d{1,2}(?:\.\d)?)\s*(?:/\s*10|out\s+of\s+(?:10|ten))\.?$"
)


#: Questions that ask something other than who: what was said, whether, why, when.
_NOT_WHO = re.compile(
    r"(?:what|how|why|when|where|did|does|do|is|was|were|has|had|will|would|can|could)\b"
    r"(?!\s+(?:is|was|are|were|s)\s+(?:the\s+)?(?:name|\w+['’]s\s+(?:co-?\s?driver|"
    r"team-?\s?mate|replacement|successor|navigator)))"
)
_ASKS_TEAM_MATE = re.compile(r"\bteam\s?-?\s?mates?\b|\bpartner\w*\b|\bpaired\b")

#: A team as a sentence writes it: one or two capitalised words ("Williams", "Red Bull").
_TEAM = r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
#: After a name: "Sainz's Williams", "Sainz, fifth for Williams".
_TEAM_AFTER = re.compile(rf"['’]s\s+{_TEAM}|,?\s+\w+\s+for\s+{_TEAM}")
#: Before a name: "for Williams, Sainz", "the Williams driver Sainz", "Williams's Carlos Sainz".
_TEAM_BEFORE = re.compile(
    rf"(?:\b(?:for|with)\s+{_TEAM}\s*,?\s+|\b{_TEAM}\s+(?:driver|rider)\s+|\b{_TEAM}['’]s?\s+)$"
)
_WORD_CHAR = re.compile(r"\w")


class _TeamWritten:
    """Where a sentence gives someone a team beside their name ("Sainz's Williams", "for
    Williams, Sainz", "Williams driver Sainz"): the team patterns are compiled once and
    the person's names found by plain search, as a pattern of their names cost ~10 ms to
    compile for every person asked about. Passed to a query as ``need_written``."""

    def __init__(self, forms: set[str]) -> None:
        self.forms = sorted((f for f in forms if len(f) > 3), key=len, reverse=True)

    def search(self, text: str, /) -> bool:
        """Whether the sentence gives the person a team anywhere."""
        return bool(self.teams(text))

    def teams(self, text: str) -> list[str]:
        """The teams written beside the person's names, in the sentence's order."""
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer: offsets differ
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        # One team phrase told beside two forms of the name ("Carlos Sainz", "Sainz") once.
        found: dict[tuple[int, int], tuple[int, str]] = {}
        for form in self.forms:
            at = low.find(form)
            while at >= 0:
                end = at + len(form)
                if at == 0 or not _WORD_CHAR.match(low[at - 1]):
                    if m := _TEAM_AFTER.match(text, end):
                        found[m.span()] = (at, next(g for g in m.groups() if g))
                    elif (end == len(low) or not _WORD_CHAR.match(low[end])) and (
                        m := _TEAM_BEFORE.search(text, 0, at)
                    ):
                        found[m.span()] = (m.start(), next(g for g in m.groups() if g))
                at = low.find(form, at + 1)
        return [team for _, team in sorted(found.values())]


# --- Wellbeing: "is X ok", "was X hurt", "how is X feeling" -------------------------------

#: A question about someone's health: a health word after "is/was X", or an injury word
#: anywhere ("where did Martin get hurt", "how bad is Simpson's injury"). "ok but why did
#: Checo crash" opens with "ok": the word must follow the verb and the name.
_ASKS_HEALTH = re.compile(
    r"^(?:is|was|are|were|has|iz)\s+\S.*?\b(?:ok|okay|alright|all\s+right|fine|hurt|injured|"
    r"unhurt|uninjured|fit|well|safe|in\s+(?:the\s+)?hospital|badly\s+hurt|recovered)\b"
    r"|\b(?:hurt|injur(?:y|ed|ies)|hospital(?:ised|ized)?|broke\s+\w+|fractur\w*|"
    r"concussion|surgery|operation)\b"
)
#: A question about someone's feelings: "how is X feeling", "how does X feel", "how is X
#: doing", "how X feeling".
_ASKS_FEELING = re.compile(
    r"^how(?:\s+(?:is|was|s|does|did|are))?\s+\S.*?\b(?:feel|feeling|feels|doing|coping|"
    r"holding\s+up)\b"
)
#: Words a report uses for someone's health: injuries, the medical centre, the body's parts.
_HEALTH_CUES = (
    "hurt", "hurts", "injury", "injuries", "injured", "unhurt", "uninjured", "hospital",
    "medical", "ambulance", "doctor", "doctors", "bruising", "bruised", "broke", "broken",
    "fracture", "fractured", "sore", "pain", "painful", "concussion", "surgery", "unfit",
    "recovery", "recovering", "recovered", "wrist", "ankle", "collarbone", "shoulder",
    "knee", "arm", "rib", "ribs", "neck", "foot", "finger", "hip", "bone", "scan", "scans",
    "x-ray", "stitches", "crutches",
)  # fmt: skip
#: Phrases of health whose words alone say other things ("fit new tyres", "1.2s back").
_HEALTH_PHRASES = (
    r"re:(?:i'm|i am|i’m|he's|he is|she's|she is|was|is|feel|feels|felt)\s+"
    r"(?:ok|okay|fine|alright|all right|good|well)\b",
    "climbed out", "walked away", "walked to", "got out", "released with",
    "released from", "cleared to", "passed fit", "nothing is broken",
    "checked and released", "was checked", "declared fit", "be fit",
)  # fmt: skip
#: Words a person uses for how they feel, beside the health ones.
_FEELING_CUES = (
    "feel", "feeling", "feels", "felt", "happy", "unhappy", "proud", "disappointed",
    "disappointing", "gutted", "frustrated", "frustrating", "emotional", "relieved",
    "delighted", "angry", "upset", "sad", "pleased", "devastated", "annoyed", "thrilled",
    "hurts", "painful", "tough", "hard", "difficult", "great", "amazing", "incredible",
    "confident", "satisfied", "heartbroken", "gutting", "sore", "tired", "exhausted",
)  # fmt: skip
