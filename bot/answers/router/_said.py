"""What X said, or said about Y: their own words, the most relevant first; a role's people, a
setting ("on insta"), a place; the sentences where they speak when no quote is theirs. Who
said a phrase is in ``_who_said``, apologies in ``_apology``, below this layer."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from bot.answers.passages import (
    Query,
    _mentions,
    forms_of,
    stem,
    stems,
    words_of,
)
from bot.answers.quotes import organisation_said
from bot.answers.records import (
    Answer,
    Found,
    NotFound,
    PassageAnswer,
    QuotesAnswer,
)
from bot.answers.router._apology import ApologyRouter
from bot.answers.router._groups import _groups
from bot.answers.router._reading import _EVENT, _SPEECH, _WEAK, CONTEXT_PEOPLE
from bot.answers.router._said_on import not_said_on, said_on, topic_stems
from bot.answers.router._shapes import _TOPIC
from bot.answers.text import clean, normalise, shorten, strip_quotes
from bot.answers.understand import (
    SYNONYMS,
    Reading,
    is_team,
    read,
    stop_words,
)
from bot.ingest.relations import (
    CO_DRIVER,
    TEAM_MATES,
    read_relation,
)
from bot.models import Quote

__all__ = ["SaidRouter"]

#: A role this many people share ("the team owner") is answered with each one's words.
SHARED_ROLE = 3
#: Quotes of each person sharing a name read to tell which one a question means.
QUOTE_CONTEXT = 20

#: "his co-driver", "her team-mate": someone named by their relation to the speaker.
_RELATED = re.compile(
    r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:(?P<co>co-?\s?driver|navigator)|team-?\s?mate)\b",
    re.I,
)

#: A third person a quote speaks of without naming them.
_THIRD_PERSON = re.compile(r"\b(?:he|him|his|she|her)\b", re.I)

#: Where words were said, as a fan names it ("on insta", "on his podcast"): which of the
#: settings the attribution gives quotes it means. "On the radio" stays a topic: a radio
#: transcript's words are ranked by the setting's word, whatever the attribution calls it.
_SOCIAL_SETTINGS = frozenset({"social media post", "Instagram comment", "social media comment"})
_ASKED_SETTING = re.compile(
    r"\s*\b(?:on|in|via|over)\s+(?:(?:his|her|their|the|an?)\s+)?(?:(?P<social>insta(?:gram)?|"
    r"ig|x|twitter|social(?:\s+media)?|socials|tiktok|facebook|threads)|(?P<podcast>"
    r"podcast))\b",
    re.I,
)
#: A verb of writing asks for a post: "what did Blaney post", "what did he tweet".
_POSTED = re.compile(r"\b(?:post|posted|tweet|tweeted)\b", re.I)


def _asked_setting(rest: str, question: str) -> tuple[str, frozenset[str]]:
    """The question's words after the speaker less the setting they name, and the quote
    settings that setting means (none when it names none). A setting is no topic: a post on
    Instagram never says "insta"."""
    m = _ASKED_SETTING.search(rest)
    if m is None:
        return rest, _SOCIAL_SETTINGS if _POSTED.search(question) else frozenset()
    rest = (rest[: m.start()] + " " + rest[m.end() :]).strip()
    if m["podcast"]:
        return rest, frozenset({"podcast"})
    return rest, _SOCIAL_SETTINGS


def _in_settings(answer: Answer, settings: frozenset[str]) -> Answer:
    """``answer``'s statements said in one of ``settings``, when any are; else ``answer``."""
    if not settings or not isinstance(answer, QuotesAnswer):
        return answer
    kept = tuple(q for parts in answer.statements if parts[0].setting in settings for q in parts)
    return dataclasses.replace(answer, quotes=kept) if kept else answer


class SaidRouter(ApologyRouter):
    """What people said: what X said (about Y), on the layers of who said a phrase and of
    apologies."""

    async def _what_said(self, who: str, rest: str, reading: Reading) -> Answer | None:
        """What X said, or said about Y: X's own words, the most relevant first."""
        who = strip_quotes(who)
        topic = m[1] if (m := _TOPIC.match(rest)) else rest
        name: str | None = None
        if bosses := self.lookup.people_by_role(who):
            # "the Yamaha boss": a role, before any name it holds ("Porsche Penske").
            name = await self._boss(bosses, topic.strip())
            if name is None and len(bosses) <= SHARED_ROLE:
                # "what did the team owner say": two team owners spoke; each one's words
                # most about the topic, rather than a list of names to choose from.
                each = await self._each_said(who, bosses, topic.strip(), reading)
                if each is not None:
                    return each
            if name is None:
                return NotFound(f"Several people in the articles are “{who}”.", bosses[:5])
        if name is None and (unnamed := await self._unnamed_relation_said(who)) is not None:
            return unnamed  # "what did hemrics crew chief say": never Hemric's own words
        name = name or self.lookup.resolve_person(who) or self.lookup.person_in(who)
        if name is None and len(named := read(who, self.lookup).people) == 1:
            # "what did svg reply": a register nickname the articles never use, which the
            # question's reading knows (the register never adds anyone the articles lack).
            name = named[0]
        shared = self.lookup.index.ambiguous.get(normalise(who), ())
        if name is None and 1 < len(shared) <= CONTEXT_PEOPLE:
            # "what did alex say about his brother": the Alex whose story has a brother.
            context = [w for w in reading.words if w != normalise(who)]
            context += [normalise(p).split()[-1] for p in reading.people if p not in shared]
            name = await self._by_context(shared, context)
            if name is None:
                name = await self._quoted_among(shared, context)
        if name is None:
            if (several := self._several(who)) is not None:
                return several
            if said := await organisation_said(self.quotes, who, topic):  # a team's statement
                return said
            words = [w for w in words_of(who) if w not in _WEAK]
            if (found := await self._role_said(who, topic)) is not None:
                return found
            if not words or await self._any_known(words):
                return None  # "what did the stewards say": not a person; the passages may know
            return NotFound(f"The articles don't name anyone called “{who}”.")
        rest, settings = _asked_setting(rest, reading.low)
        topic = rest
        if m := _TOPIC.match(rest):
            topic = m[1]
        topic = topic.strip()
        # "about the weather" when no article mentions the weather: say so, rather than
        # show quotes about something else. A topic the articles know ranks the quotes.
        asked_about = bool(m and re.match(r"^\W*(?:about|on|regarding|re)\b", rest, re.I))
        strict = asked_about
        if strict:
            # "the crash" or "the incident" is the story itself, whatever the article calls it.
            words = [w for w in words_of(topic) if w not in stop_words() and w not in _EVENT]
            strict = (
                bool(words)
                and not await self._any_known(words)
                and not any(self._in_headlines(w) for w in words)
            )
        ranked_by = await self._related_topic(name, topic)
        answer = await self.quotes.said_about(name, ranked_by, strict=strict)
        if ranked_by != topic and isinstance(answer, QuotesAnswer):
            # The name was added to rank the quotes; the title shows what the fan asked.
            answer = dataclasses.replace(
                answer, title=answer.title.replace(shorten(clean(ranked_by, 200)), topic)
            )
        elif ranked_by != topic:
            answer = await self.quotes.said_about(name, topic, strict=strict)
        if (
            asked_about
            and isinstance(answer, QuotesAnswer)
            and not await self._about(answer, name, ranked_by)
        ):
            return NotFound(f"The articles have no quote from {name} about “{topic}”.")
        if (
            asked_about
            and isinstance(answer, QuotesAnswer)
            and ranked_by == topic
            and self.lookup.person_in(topic) is None
            and not await self._said_on(answer, topic)
        ):
            return not_said_on(answer, name, topic)
        answer = _in_settings(answer, settings)
        if reading.places and not isinstance(answer, NotFound):
            # "what did Dixon say at Portland": only what he said in that story counts.
            answer = await self._at_places(answer, name, reading)
            if isinstance(answer, NotFound):
                return answer
        if isinstance(answer, NotFound):
            # Words the attribution could not give them ("..., he said." two sentences on)
            # are still the article's: its sentences that have them speak, as written.
            found = await self._speaking(name, topic, reading)
            if found is not None:
                return found
            about = f" about “{topic}”" if topic else ""
            missing = f"The articles have no quote from {name}{about}."
            if declined := await self._declined(name):
                # "Marini declined to comment": no quote, and the reason there is none.
                return PassageAnswer(tuple(self.passages_found(declined[:1])), "", missing)
            return NotFound(missing)
        return answer

    async def _said_on(self, answer: QuotesAnswer, topic: str) -> bool:
        """Whether a statement in ``answer`` has a telling word of ``topic`` near it, or every
        one in its story (``_said_on.said_on``). Only the weakest words are set aside, not
        every stop word: "the slow stop" is met by "the 4.8-second stop" in the question a
        reply answers."""
        wanted = topic_stems(topic, (*_EVENT, *_WEAK), SYNONYMS)
        # "about red bull not bringing upgrades": a team's name stands near every word its
        # drivers say; with more of the topic than the name, that more must be met.
        beyond = topic_stems(topic, (*_EVENT, *_WEAK, *_team_words(topic)), SYNONYMS)
        wanted = beyond or wanted
        slugs = {q.source.slug for q in answer.quotes if q.source is not None}
        paragraphs = {slug: await self.engine.store.paragraphs(slug) for slug in slugs}
        return said_on(answer, wanted, paragraphs)

    async def _about(self, answer: QuotesAnswer, name: str, topic: str) -> bool:
        """Whether any of ``name``'s statements in ``answer`` is about the person ``topic``
        names (True when it names nobody: the quotes' ranking reads the topic's words).

        The person is met only near the statement: in its words, its setting, its own
        paragraph or the one before (what a reply answers, "Joey came down on me" then
        Logano's answer), or as the "he" of the feature the headline gives them. A story
        that names them elsewhere is not enough: a team boss's words on another driver's
        retirement are nothing he said about the driver the live blog's headline names.
        Words are left to the ranking: a fan's "crash" may be the story's "tangled".
        """
        about = self.lookup.person_in(topic)
        person = self.lookup.index.people.get(about) if about and about != name else None
        if person is None:
            return True
        forms = forms_of(person)

        def meets(text: str) -> bool:
            low = text.casefold()
            return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low) for f in forms)

        if any(meets(r.text) for r in answer.reported):
            return True
        # "what did Lawson say about hadjars move": the thing of theirs asked (the move), its
        # word near the statement in a story headed by them ("the move, he said, was ...").
        names = {stem(w) for f in forms for w in words_of(f)}
        owned = {stem(w) for w in words_of(topic) if w not in stop_words()} - names
        for parts in answer.statements:
            first = parts[0]
            text = " ".join((*(q.text for q in parts), first.setting))
            if first.source is not None:
                paragraphs = await self.engine.store.paragraphs(first.source.slug)
                near = {q.paragraph for q in parts} | {first.paragraph - 1}
                text += " " + " ".join(
                    paragraphs[i - 1] for i in sorted(near) if 0 < i <= len(paragraphs)
                )
            if meets(text) or await self._of_the_subject(parts, name, about):
                return True
            if owned & stems(text) and self._headed_by(first, person.name):
                return True
        return False

    def _headed_by(self, quote: Quote, about: str) -> bool:
        """Whether the quote's story has ``about`` in its headline, by any name: the story
        of their move, their crash, their penalty ("Orrin penalised after ... clash")."""
        return quote.source is not None and about in read(quote.source.headline, self.lookup).people

    async def _of_the_subject(self, parts: Sequence[Quote], name: str, about: str | None) -> bool:
        """Whether a statement's "he" is the person its story is about: the quote says he,
        him or his, its paragraph names nobody but the speaker, and the headline names
        ``about`` first ("He was 19 and already talked like a champion," his manager said,
        in the feature on a driver's retirement).

        Who the paragraph names is read as an article is, not as a fan's question: only the
        story's own people, each by a form it writes. A fan's typo tolerance would take
        "from the start" for a Stuart of another story, and the "he" for someone else's."""
        first = parts[0]
        if first.source is None or about is None:
            return False
        if self.lookup.person_in(first.source.headline) != about:
            return False
        if not _THIRD_PERSON.search(" ".join(q.text for q in parts)):
            return False
        paragraphs = await self.engine.store.paragraphs(first.source.slug)
        if not 0 < first.paragraph <= len(paragraphs):
            return False
        text = paragraphs[first.paragraph - 1]
        index = self.lookup.index.people
        return all(
            p.name == name
            for p in await self.engine.store.article_people(first.source.slug)
            if (known := index.get(p.name)) is not None and _mentions(text, forms_of(known))
        )

    async def _quoted_among(self, names: Sequence[str], context: list[str]) -> str | None:
        """Which of several people sharing a name a "what did X say" means, when no story
        holds all the question's other words: the only one of them quoted, else the one
        whose words and stories hold most of those words ("what did Oliver say about his
        codriver": the rally driver's story has a "co-driver")."""
        quoted = [n for n in names if await self.engine.store.quotes(speaker=n, limit=1)]
        if len(quoted) <= 1:
            return quoted[0] if quoted else None
        wanted = {stem(w.replace("-", "")) for w in context if w not in stop_words()}
        if not wanted:
            return None
        held: dict[str, tuple[int, int]] = {}
        for name in quoted:
            said = await self.engine.store.quotes(speaker=name, limit=QUOTE_CONTEXT)
            text = " ".join(q.text for q in said)
            headlines = ""
            for slug in dict.fromkeys(q.source.slug for q in said if q.source):
                text += " " + " ".join(await self.engine.store.paragraphs(slug))
            for source in {q.source.slug: q.source for q in said if q.source}.values():
                headlines += " " + source.headline
            # Tied on the words their stories hold, the one quoted in a story headed by
            # them ("what did fabio say about the new rules": the rules FAQ's Fabio).
            held[name] = (
                len(wanted & stems(text.replace("-", ""))),
                len(wanted & stems(headlines.replace("-", ""))),
            )
        best = max(held.values())
        fitting = [n for n, k in held.items() if k == best]
        return fitting[0] if best[0] and len(fitting) == 1 else None

    async def _each_said(
        self, who: str, names: tuple[str, ...], topic: str, reading: Reading
    ) -> PassageAnswer | None:
        """What each person a role names said: their statement most about ``topic`` (their
        newest without one), or failing a quote the article's sentence where they speak.
        None when none of them speaks."""
        found: list[Found] = []
        for name in names:
            answer = await self.quotes.said_about(name, topic) if topic else None
            if not isinstance(answer, QuotesAnswer):
                answer = await self.engine.quote(speaker=name)
            if isinstance(answer, QuotesAnswer) and answer.statements:
                found += [
                    Found(q.text, dataclasses.replace(q.source, paragraph=q.paragraph),
                          q.speaker, True)
                    for q in answer.statements[0] if q.source is not None
                ]  # fmt: skip
            elif isinstance(spoken := await self._speaking(name, topic, reading), PassageAnswer):
                found += spoken.passages[:2]
        return PassageAnswer(tuple(found), f"What {who.strip()} said") if found else None

    async def _related_topic(self, name: str, topic: str) -> str:
        """A topic naming someone by their relation to the speaker ("his co-driver", "her
        team-mate") with that person's name added, as the stories state the relation: a
        quote says "Aaron", never "my co-driver"."""
        m = _RELATED.search(topic)
        if m is None:
            return topic
        key = CO_DRIVER if m["co"] else TEAM_MATES
        for fact in await self.engine.store.facts_naming(name, (key,), limit=5):
            pair = read_relation(fact)
            if pair is None or name not in pair:
                continue
            other = pair[1] if pair[0] == name else pair[0]
            if key == CO_DRIVER and pair[0] != name:
                continue  # whose co-driver they are, not theirs
            return f"{topic} {other}"
        return topic

    async def _at_places(self, answer: Answer, name: str, reading: Reading) -> Answer:
        """``answer`` kept to the stories at the places the question names, or a negative
        naming the place when none of its quotes was said there."""
        slugs = await self._stories(reading, set())
        if slugs is None or not isinstance(answer, QuotesAnswer):
            return answer
        allowed = set(slugs)
        quotes = tuple(q for q in answer.quotes if q.source and q.source.slug in allowed)
        told = tuple(r for r in answer.reported if r.source and r.source.slug in allowed)
        if quotes or told:
            return dataclasses.replace(answer, quotes=quotes, reported=told)
        where = " and ".join(p.title() for p in reading.places)
        return NotFound(f"The articles have no quote from {name} at {where}.")

    async def _speaking(self, name: str, topic: str, reading: Reading) -> Answer | None:
        """The article's sentences where ``name`` speaks or is said to, on ``topic``."""
        topic_reading = read(topic, self.lookup) if topic else None
        groups = _groups(topic_reading, set()) if topic_reading else []
        query = Query(
            groups=groups,
            people=(name, *(topic_reading.people if topic_reading else ())),
            subject=name,
            required=_SPEECH,
            min_cover=0.5 if groups else 0.0,
        )
        found, _ = await self.passages.find(query)
        found = [s for s in found if not _own_speech(s.text)]
        if not found:
            return None
        return PassageAnswer(tuple(self.passages_found(found)), f"What {name} said")


def _team_words(topic: str) -> set[str]:
    """The words of ``topic`` that name a team ("red", "bull" of "red bull not bringing
    upgrades"), as the register knows teams: a run of up to three words."""
    words = words_of(topic)
    out: set[str] = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            if is_team(" ".join(words[i : i + size])):
                out.update(words[i : i + size])
    return out


#: A speech word, and one told in the first person ("I told the guys", "we said"): there the
#: speaker is whoever says "I", never the person the sentence names.
_SPEECH_WORD = re.compile(rf"\b(?:{'|'.join(_SPEECH)})\b", re.I)
_OWN_SPEECH = re.compile(rf"\b(?:I|we)\s+(?:\w+ly\s+)?(?:{'|'.join(_SPEECH)})\b", re.I)


def _own_speech(text: str) -> bool:
    """Whether every speech word of a sentence is its first-person speaker's own."""
    return len(_OWN_SPEECH.findall(text)) >= len(_SPEECH_WORD.findall(text))
