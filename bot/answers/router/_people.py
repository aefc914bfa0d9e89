"""Who is X: the card and what the articles say of them, an epithet or a role no one was
given, someone's boss, which of several people sharing a name; relations and teams are in
``_relations`` and ``_team_of``, below this layer."""

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
from bot.answers.router._ratings import _MARK_LINE
from bot.answers.router._reading import (
    _BOSS_TITLES,
    _TEAM_WORDS,
    _WEAK,
    CONTEXT_PASSAGES,
    the_register,
)
from bot.answers.router._team_boss import asked_team_boss, team_boss
from bot.answers.router._team_of import TeamOfRouter
from bot.answers.text import normalise, strip_quotes, wordset
from bot.answers.understand import (
    Reading,
    read,
    stop_words,
)
from bot.models import Person

__all__ = ["PeopleRouter"]

#: "who was fastest in practice", "who is the quickest on the straights": a who-question
#: over a performance, whom the passages find ("Haldor was quickest in practice"), never a
#: person called "fastest in practice" (the superlatives by name: "Ernest" is none).
_SUPERLATIVE_ASKED = re.compile(
    r"^(?:the\s+)?(?:(?:fast|quick|slow|strong|great|high|low|late|near|close)est|best|worst)\b"
)


#: An alias an article teaches for a relation: "Okafor's crew chief".
_RELATION_ALIAS = re.compile(r"(?P<owner>[^'’]+)(?:['’]s|(?<=s)['’])\s+(?P<role>[^'’]+)")


class PeopleRouter(TeamOfRouter):
    """People and roles: who is X, which of several people sharing a name, a team's boss."""

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
            if one and (held := self._relation_held(name, target, reading)) is not None:
                # "whos the crew chief on the 98": the one the articles call "Majeski's
                # crew chief", as "who is Majeski's crew chief" finds him
                return await self._who_is(held, read(held, self.lookup))
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
        if (team := asked_team_boss(target)) and (
            boss := await team_boss(team, self.lookup, self.engine.store)
        ):
            return PassageAnswer(tuple(self.passages_found(boss)), "")  # "the team boss at X"
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
        if _SUPERLATIVE_ASKED.match(target.casefold()):
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

    def _relation_held(self, name: str, target: str, reading: Reading) -> str | None:
        """Who holds the relation to ``name`` a "who is" asks in other words than the alias
        ("the crew chief on Majeski", "the spotter for the 98"): the one person whose alias
        an article wrote as "<name's surname>'s <relation>" with every word of the relation
        in the question. None when the target names that person itself, or no one holds it."""
        if self.lookup.resolve_person(target) is not None:
            return None
        surname = normalise(name).split()[-1]
        asked = set(reading.words)
        held = {
            p.name
            for p in reading.index_people.values()
            for alias in p.aliases
            if (m := _RELATION_ALIAS.fullmatch(alias))
            and normalise(m["owner"]).split()[-1:] == [surname]
            and set(normalise(m["role"]).split()) <= asked
        } - {name}
        return held.pop() if len(held) == 1 else None

    async def _unnamed_relation_said(self, who: str) -> Answer | None:
        """What "Hemric's crew chief" said when no one is that ("what did hemrics crew chief
        say about the win"): the articles don't say, never the owner's own words. None
        when ``who`` is someone's name or alias, asks no relation, or a sentence writes that
        relation as the owner's ("his crew chief said", unnamed: the passages tell it)."""
        if self.lookup.resolve_person(who) is not None or (owned := self._owner(who)) is None:
            return None
        name, role = owned
        role = " ".join(normalise(role).split())
        surname = normalise(name).split()[-1]
        # "Hemric's crew chief", "his crew chief", or a heading's "Crew Chief, Daniel Hemric"
        written = re.compile(
            rf"\b(?:{re.escape(surname)}s?|his|her|their)\s+{re.escape(role)}\b"
            rf"|\b{re.escape(role)}\s+(?:\w+\s+){{0,3}}{re.escape(surname)}\b"
        )
        found = await self.engine.store.passages_holding([surname, *role.split()], limit=50)
        if any(written.search(normalise(p.text)) for p in found):
            return None
        return NotFound(f"The articles don't say what {name}'s {role} said.")

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


#: The words of someone's own people a "who is X's ..." asks.
_OWN_ROLES = wordset(
    "manager agent engineer race crew chief father mother brother sister wife husband son "
    "daughter coach mentor boss principal teammate team-mate spotter mechanic"
)
