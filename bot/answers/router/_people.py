"""People and roles: who is X, X's team (the newest story's), which of several people
sharing a name, a team's boss.
"""

from __future__ import annotations

import dataclasses
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
from bot.answers.router._biography import (
    _ASKS_TEAM_MATE,
    _MARK_LINE,
    _NOT_WHO,
    _OWN_ROLES,
    BiographyRouter,
    _any_of,
    _TeamWritten,
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
from bot.answers.text import normalise, strip_quotes
from bot.answers.understand import (
    Reading,
    read,
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

__all__ = ["PeopleRouter"]

#: The newest stories after the one a card's team comes from that are read for a newer team.
NEWER_STORIES = 3


class PeopleRouter(BiographyRouter):
    """People and roles: who is X, X's team (the newest story's), which of several people
    sharing a name, a team's boss.
    """

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

    async def _team_of(self, name: str, reading: Reading) -> Answer | None:
        """Someone's team, car, team-mates or crew as the article's sentences tell it, when
        the question asks more than the profile holds: words beyond "team" ("crew chief",
        "team-mates", "car"), or a team the articles never gave them."""
        extra = [w for w in reading.words if w not in _TEAM_WORDS]
        person = self.lookup.index.people.get(name)
        if not extra and reading.told_year and (found := await self._team_in(name, reading)):
            return found  # "what team is montoya going to in 2027"
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

    async def _team_in(self, name: str, reading: Reading) -> Answer | None:
        """Someone's team in a year no story was written in ("what team is Montoya going to
        in 2027"): the newest sentence naming them that writes that year and a team's words
        ("Haas confirmed on Monday that Montoya, 21, will race for the team in 2027"), cited.
        None when no sentence tells it."""
        year = reading.told_year or ""
        query = Query(
            people=(name,), subject=name, newest_first=True, min_cover=0.0,
            need_written=re.compile(rf"(?<!\d){re.escape(year)}(?!\d)"),
        )  # fmt: skip
        found, _ = await self.passages.find(query)
        person = self.lookup.index.people.get(name) or Person(name)
        forms = forms_of(person)
        told = [
            f for f in found
            if _mentions(f.text, forms) and (_TEAMISH.search(f.text) or "team" in f.text.casefold())
        ]  # fmt: skip
        if not told:
            return None
        return PassageAnswer(tuple(self.passages_found(told[:1])), "")

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
        stories = [self.lookup.resolve_article(slug) for slug in newer]  # by slug, no scan
        dates = {a.slug: a.published for a in stories if a is not None and a.slug in newer}
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
            one = len(reading.people) == 1
            asks_more = any(w not in _TEAM_WORDS for w in reading.words)
            if one and asks_more and (found := await self._team_of(name, reading)):
                return found  # "who is Blaney's crew chief", "who are Hartley's team-mates"
            card = await self.engine.who(name)
            if not isinstance(card, PersonAnswer) or card.role_told:
                return card  # the sentences giving their role are under the card
            if not (card.quotes or card.reported):
                # Never quoted: a card of a name tells a fan nothing; the story's sentences
                # giving their team, or naming them, do.
                found = await self._team_of(name, reading) if one else None
                return found or await self._described(card.person) or card
            # "who is Sebastian Montoya": the card, and under it what the articles say of
            # them: the newest story's sentences naming them, then the sentence giving their
            # team (a newer one than the card's, or one naming them beside a team the
            # register gives them).
            told = [
                found.passages
                for found in (
                    await self._described(card.person),
                    await self._team_of(name, reading) if one else None,
                )
                if isinstance(found, PassageAnswer)
            ]
            shown = tuple({f.text: f for part in told for f in part}.values())
            return dataclasses.replace(card, role_told=shown[:3]) if shown else card
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
        if (unnamed := await self._unnamed_role(target)) is not None:
            return unnamed  # "whos aston martins trackside engineering director"
        if await self._all_known(words) and words:
            return None  # "who is the team principal of williams": the passages may know
        if self.lookup.article_named(target) is not None:
            return None
        answer = await self.engine.who(target)
        if isinstance(answer, NotFound):
            shown = strip_quotes(target)
            return NotFound(f"The articles don't name anyone called “{shown}”.", answer.suggestions)
        return answer

    async def _unnamed_role(self, target: str) -> Answer | None:
        """A team's role the articles write but never name ("whos aston martins trackside
        engineering director": "Aston Martin's trackside engineering director said ..."):
        that they don't name them, and the sentence writing the role, cited. None when the
        target is no team's role, no sentence writes it, or one names someone beside it
        (then the passages tell who)."""
        tokens = normalise(target).split()
        team_at = sorted(self.lookup.team_name_words(tokens))
        if not team_at or team_at[0] != 0 or team_at[-1] + 1 >= len(tokens):
            return None
        role = tokens[team_at[-1] + 1 :]
        if not set(role) & (_OWN_ROLES | _BOSS_TITLES) or len(role) > 4:
            return None
        team = " ".join(tokens[: team_at[-1] + 1])
        team = team[:-1] if team.endswith("s") and not self.lookup.team_name_words([team]) else team
        found, _ = await self.passages.find(
            Query(phrases=(" ".join(role),), required_phrases=(team,), min_cover=0.0)
        )
        writing = [f for f in found if " ".join(role) in normalise(f.text)]
        if not writing:
            return None
        named = {n.casefold() for n in self.lookup.index.people}
        if any(n in f.text.casefold() for f in writing[:3] for n in named):
            return None  # someone is named beside it: the passages say who
        register = the_register()
        names = sorted(register.organisations(team)) if register is not None else []
        owner = names[0] if names else team.title()
        owner += "'" if owner.endswith("s") else "'s"
        said = f"The articles don't name {owner} {' '.join(role)}."
        return PassageAnswer(tuple(self.passages_found(writing[:1])), "", said)

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
    return _mentions(" ".join(text.split()[:3]), forms) or bool(
        re.match(r"(?:he|she)\b", text, re.I)
    )
