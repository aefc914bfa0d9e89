"""What a biography, a tribute or a ratings piece tells of someone: how they are (wellbeing),
their death (age, cause, place), a nickname's meaning, who runs a team now, a team's drivers,
their car and first team, their mark in a ratings piece. Split from ``_people.py``, which
keeps who is X, X's team and the relations; :class:`PeopleRouter` builds on this class.
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
    words_of,
)
from bot.answers.records import (
    Answer,
    NotFound,
    PassageAnswer,
)
from bot.answers.router._feelings import FEELING_CUES, asked_feeling, telling
from bot.answers.router._reading import (
    _BOSS_TITLES,
    _WEAK,
    the_register,
)
from bot.answers.router._stories import StoriesRouter
from bot.answers.text import normalise, strip_quotes, wordset
from bot.answers.understand import (
    Reading,
)
from bot.ingest.text import unaccent
from bot.models import Person

__all__ = ["BiographyRouter"]

#: The sentences of someone's other feelings shown when none tells the one asked.
NEAREST_FEELINGS = 2


class BiographyRouter(StoriesRouter):
    """What a biography, a tribute or a ratings piece tells of someone."""

    def _sharing(self, reading: Reading) -> list[str]:
        """The people sharing a name the question gives ("Martin": Jorge and Scott), when
        it names no one the lookup could single out: the health sentences choose."""
        ambiguous = self.lookup.index.ambiguous
        for word in reading.words:
            names = ambiguous.get(word)
            if names and len(names) <= 5:
                return list(names)
        return []

    async def _wellbeing(self, bare: str, reading: Reading) -> Answer | None:
        """Answer "is X ok", "was X hurt", "how is X feeling", and an obituary's "how old was
        X when he died", "what did X die of", "where did he die"; None when not asked."""
        low = bare.casefold()
        if _ASKS_DEATH.search(low) and not _NOT_DEATH.search(low):
            return await self._death(reading)
        health = _ASKS_HEALTH.search(low) is not None
        # "was Palou upset": the words of that feeling answer, a "no" too ("wasn't happy")
        felt = None if health else asked_feeling(low)
        feeling = not health and (felt is not None or _ASKS_FEELING.match(low) is not None)
        if not (health or feeling):
            return None
        people = list(reading.people) or self._sharing(reading)
        if not people:
            return None
        cues = _HEALTH_CUES if health else (*FEELING_CUES, *_HEALTH_CUES)
        best: tuple[float, list[Scored], str] | None = None
        nearest: list[Scored] = []
        for name in people[:1] if reading.people else people:
            # A feeling's many words would outrank the paragraphs naming the one asked
            # about: their own name words (no one else's) and the feeling asked ("upset":
            # "hurts") are searched as the question's words.
            own = [w for w in words_of(name) if len(self.lookup.index.ambiguous.get(w, ())) < 2]
            groups = [g for g in (tuple(felt or ()), tuple(own)) if g] if feeling else []
            query = Query(
                groups=groups, people=(name,), subject=name,
                cues=cues, cue_phrases=_HEALTH_PHRASES, need_cue=True, prefer=felt or (),
                prefer_quotes=feeling and not felt, min_cover=0.0,
            )  # fmt: skip
            found, _ = await self.passages.find(query)
            if felt and found:
                person = self.lookup.index.people.get(name) or Person(name)
                found, untold = telling(found, felt, name, forms_of(person)), found
                nearest = nearest or untold[:NEAREST_FEELINGS]
            if found and (best is None or found[0].score > best[0]):
                best = (found[0].score, found, name)
        if best is None and felt and nearest:
            # "was Albon angry": his feelings told, none of that one; no yes or no read in
            missing = f"The articles don't say whether {people[0]} was {felt[0]}."
            return PassageAnswer(tuple(self.passages_found(nearest)), "", missing)
        if best is None:
            if len(people) != 1 and not reading.people:
                return None
            what = "how" if feeling and not felt else "whether"
            state = f"was {felt[0]}" if felt else "feels" if feeling else "was hurt"
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
        if m := _ASKS_NICKNAME_OF.match(low):
            who = strip_quotes(next(g for g in m.groups() if g))
            name = (
                reading.people[0] if len(reading.people) == 1
                else self.lookup.resolve_person(re.sub(r"['’]?s$", "", who))
            )  # fmt: skip
            if name is not None and (found := await self._nickname_of(name)) is not None:
                return found  # "whats alonsos nickname", "whats sebastian montoyas nickname"
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
        # The newest story's season (the index holds its articles newest first).
        year = index.articles[0].published.year if index.articles else None
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

    async def _nickname_of(self, name: str) -> Answer | None:
        """Someone's nickname ("whats alonsos nickname"): the sentences of the newest stories
        that write a nickname the articles give them ("El Nano to a generation of Spanish
        fans"), beside their name or the naming verb, cited. An epithet ("the Spaniard") is
        one only where a naming verb gives it; a car number never. None when none is written."""
        person = self.lookup.index.people.get(name)
        if person is None:
            return None
        nicknames = [
            a for a in person.aliases
            if not a.casefold().startswith(("no.", "no ", "#", "car "))
            and a.casefold() not in {w.casefold() for w in person.name.split()}
        ]  # fmt: skip
        shown: list[Scored] = []
        for nickname in nicknames:
            found, _ = await self.passages.find(
                Query(phrases=(normalise(nickname),), min_cover=0.0)
            )
            giving = [
                f for f in found
                if nickname.casefold() in f.text.casefold()
                # "the Spaniard" is an epithet unless a sentence gives it as a name
                and (_GIVES_NAME.search(f.text) or (
                    not nickname.casefold().startswith("the ")
                    and _mentions(f.text, forms_of(person))
                ))
            ]  # fmt: skip
            giving.sort(
                key=lambda f: -f.passage.source.published.toordinal() if f.passage.source else 0
            )
            shown += [f for f in giving[:1] if f.text not in {s.text for s in shown}]
        if not shown:
            return None
        return PassageAnswer(tuple(self.passages_found(shown[:3])), "")

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
#: "whats alonsos nickname", "what is Max's nickname", "what do they call Bezzecchi",
#: "what is Alonso known as": the nickname asked of someone the question names.
_ASKS_NICKNAME_OF = re.compile(
    r"^(?:what(?:['’]?s|\s+is|\s+are)|whats)\s+(.+?)\s+nick\s?names?$"
    r"|^what\s+(?:do|did|does)\s+(?:they|people|fans|you|the\s+\w+)\s+call\s+(.+)$"
    r"|^what\s+(?:is|was)\s+(.+?)\s+(?:known\s+as|nicknamed)$"
)
#: A sentence giving someone a name, "known" and "as" apart too ("Known in the paddock as").
_GIVES_NAME = re.compile(
    r"\b(?:call(?:ed|s)?|nicknamed?|known\b[^.;]{0,40}?\bas|dubbed|christened|named)\b",
    re.IGNORECASE,
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
