"""The router for plain questions: what a fan typed -> the kind of answer that fits it.

The commands' own shapes come first, as they always did ("who said ...", "did X apologise",
"what happened on lap N", "who is X", "what did X say", "recap", "facts", "quote from X");
then the kinds fans ask in their own words (who is on which team, did X blame/defend/thank
Y, who was at fault, why, when, where, who won, who got a penalty, the standings), which the
passages answer with the articles' own sentences. A question the articles cannot answer gets
one line saying what they do not say and the nearest thing they do; the help text is only for
input with no question in it.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.answers.lookup import Lookup
from bot.answers.passages import (
    Passages,
    Query,
    Scored,
    _has,
    _mentions,
    as_found,
    forms_of,
    split_sentences,
    stem,
    stems,
    words_of,
)
from bot.answers.places import place_book
from bot.answers.quotes import Quotes, organisation_said
from bot.answers.records import (
    Answer,
    Found,
    HelpAnswer,
    LapAnswer,
    NotFound,
    PassageAnswer,
    QuotesAnswer,
    WhoSaidAnswer,
)
from bot.answers.text import clean, normalise, strip_quotes, wordset
from bot.answers.understand import (
    CUE_PHRASES,
    CUES,
    QUESTION_WORDS,
    SERIES,
    SERIES_TEXT,
    Reading,
    read,
)
from bot.models import Person

if TYPE_CHECKING:
    from bot.answers.engine import AnswerEngine

__all__ = ["Router"]

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
}  # fmt: skip
#: Unrouted text is tried as a /whosaid phrase only when it has at least this many words.
FALLBACK_WORDS = 3

_WHO_SAID = re.compile(
    r"^(?:so\s+)?who\s+(?:said|says|wrote|writes|tweeted|posted)\b\W*(.*)$", re.I
)
_WHO_SAID_ANY = re.compile(
    r"^(?:(?:gimme|give\s+me|show\s+me|find)?\s*(?:the\s+)?(?:quote|bit|line|part)\s+"
    r"(?:where|when|in\s+which)\s+(?:someone|somebody|anyone|he|she|they)\s+(?:says|said)|"
    r"who(?:['’]?s|\s+is|\s+was)?\s+(?:the\s+(?:one|guy|person|driver|rider)\s+)?"
    r"(?:that\s+|who\s+)?(?:said|says|called|told|wrote|goes|tweeted)|"
    r"(?:did|has)\s+(?:anyone|anybody|someone|somebody)\s+(?:say|said|call|write)|"
    r"which\s+\w+\s+said)\b\W*(.*)$",
    re.I,
)
_LAP_NUMBER = re.compile(r"\blap\s*(?:no\.?|number|#)?\s*(\d{1,6})\b", re.I)
_NTH_LAP = re.compile(r"\b(\d{1,6})\s*(?:st|nd|rd|th)?\s+lap\b", re.I)
_LAP_ONLY = re.compile(
    r"^(?:(?:what|wat|wot)\s*(?:happened|happend|hapened|happen|went\s+on)\s+(?:on|in|during)\s+"
    r"(?:the\s+)?|tell\s+me\s+about\s+(?:the\s+)?|about\s+(?:the\s+)?)?"
    r"(?:lap\s*(?:no\.?|number|#)?\s*\d{1,6}|\d{1,6}\s*(?:st|nd|rd|th)?\s+lap)\W*$",
    re.I,
)
_APOLOGY_WORDS = re.compile(r"\b(?:apolog\w*|sorry|regret\w*)\b", re.I)
_ADMIT = re.compile(
    r"\b(?:admit\w*|own\s+up|blame\s+(?:him|her|them)sel(?:f|ves)|take\s+responsibility)\b", re.I
)
_WHO_IS = re.compile(
    r"^(?:who\s+(?:is|was|are|s)|who['’]s|whos|tell\s+me\s+about|profile\s+(?:of\s+)?|about)\s+"
    r"(.+)$",
    re.I,
)
_WHAT_SAID = re.compile(
    r"^(?:what|how|wat)\s+(?:did|does|do|has|had|was|is)\s+(.+?)\s+"
    r"(?:say|said|think|thought|write|wrote|tweet|tweeted|post|posted|react|reacted|respond|"
    r"responded|reply|replied|feel|felt|saying|make\s+of)\b(.*)$",
    re.I,
)
_REACTION = re.compile(
    r"^(?:what\s+(?:was|is)\s+|whats\s+)?(.+?)(?:['’]s|s)?\s+(?:reaction|response|verdict|"
    r"take|view|thoughts|pov|side|version|opinion)\b(.*)$",
    re.I,
)
_TOPIC = re.compile(r"^\W*(?:about|on|regarding|to|after|of|over|when|re)\b\s*(.*)$", re.I)
_QUOTE_FROM = re.compile(
    r"^(?:(?:a|random)\s+)?quotes?(?:\s+(?:from|by|of))?\s*(.*)$|^(.+?)\s+quotes?$", re.I
)
_RECAP = re.compile(r"\b(?:recap|summary|summari[sz]e|catch\s+me\s+up|tl;?dr)\b", re.I)
_FACTS = re.compile(
    r"\b(?:facts?|what\s+happened|what\s+went\s+on|the\s+story|details|key\s+points)\b", re.I
)
_FACTS_ONLY = re.compile(
    r"^(?:the\s+)?(?:key\s+)?(?:facts?|what\s+happened|what\s+went\s+on|the\s+story|details|"
    r"key\s+points)$",
    re.I,
)
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,})[\"“”«»„]|(?<!\w)'([^']{2,})'(?!\w)")
_LEAD_IN = re.compile(
    r"^(?:hey|hi|please|pitwall|ok|okay|so|and|but|lol|lmao|yo|bro|mate|guys|ngl|wait|hmm+|can\s+you\s+tell\s+me|tell\s+me|"
    r"do\s+you\s+know|i\s+wonder|any\s+idea)\b[\s,!:]*",
    re.I,
)
_TRAILING = re.compile(r"[\s?!.,;:…]+$")
_HELP = re.compile(
    r"^(?:help|commands|\?+|what\s+can\s+you\s+do|how\s+do\s+(?:i|you)\s+use\s+(?:this|you))$",
    re.I,
)
_LATEST = re.compile(r"^(?:what(?:'|’)?s|what\s+is|whats)?\s*(?:the\s+)?(?:latest|news|new)$", re.I)
_REACTING = re.compile(r"\b(?:react\w*|respond\w*|think|thought|feel|felt|make\s+of)\b", re.I)
_TEAM_ROLE = re.compile(
    r"\b(?:team|teams|role|job|position|title|drives?\s+for|races?\s+for|rides?\s+for|"
    r"driving\s+for|racing\s+for|riding\s+for|bike|car|works?\s+for|do\s+for|does\s+\w+\s+do|"
    r"(?:a|an)\s+\w+\s+(?:driver|rider))\b",
    re.I,
)
_WHAT_HAPPENED = re.compile(
    r"\b(?:what|wat|wot)\s*(?:s\s+)?(?:happened|happend|hapened|happen|went\s+on|went\s+down|"
    r"was\s+the\s+story)\b|\bhow\s+did\s+.+\s+go\b",
    re.I,
)

#: The kinds a question can ask for, each with the words that say it (checked in order).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("born", re.compile(r"\bborn\b|\bbirthday\b")),
    ("age", re.compile(r"\bhow\s+old\b|\bage\b")),
    ("admit", re.compile(r"\badmit\w*|\bown\s+up\b|\bconfess\w*")),
    ("next", re.compile(r"\bnext\b|\brace\s+after\b|\bafter\s+(?:this|that)\b|\bheading\b|"
                        r"\b(?:go|goes|going|head|heads|off)\s+(?:to\s+)?after\b")),
    ("blame", re.compile(r"\bbeef\b|\bmad\s+at\b|\bblam\w*|\bfault\w*|\bresponsib\w*|"
                         r"\bculprit\b|\bcaused?\s+the\b")),
    ("criticise", re.compile(r"\bcriti\w*|\bslam\w*|\battack\w*|\bhit\s+out\b|\bgo\s+after\b")),
    ("defend", re.compile(r"\bdefen\w*|\bstick\w*\s+up|\bstand\w*\s+up|\bstood\s+up|\bback\w*\s+"
                          r"(?:him|her|them|up|\w+)\b|\bsupport\w*|\bside\s+with\b|\bforgiv\w*")),
    ("thank", re.compile(r"\bthank\w*|\bgrateful\b|\bcredit\w*")),
    ("accept", re.compile(r"\baccept\w*|\bagree\w*|\bdisagree\w*")),
    ("why", re.compile(r"^(?:why|how\s+come)\b|\bwhy\b|\breason\b|\bcause\b|\bwent\s+wrong\b|"
                       r"^how\s+did\s+.+\s+(?:get|end|go|lose|crash)\b")),
    ("won", re.compile(r"\bwon\b|\bwin\w*|\bvictor\w*|\bp1\b")),
    ("penalty", re.compile(r"\bpen\b|\bdrive\s*thr\w*|\bpenal\w*|\bpunish\w*|\bsanction\w*|"
                           r"\bstewards?\b")),
    ("retire", re.compile(r"\bretir\w*|\bdnf\w*|\bfinish\s+the\s+race\b|\bdrop\w*\s+out\b|"
                          r"\bout\s+of\s+the\s+race\b")),
    ("did_finish", re.compile(r"^(?:did|does)\s+.+\s+finish\b(?!\s+(?:on|in)\s+the\s+podium)")),
    ("points", re.compile(r"\bpoints?\b|\bstandings?\b|\bleads?\b|\bleader\b|\bahead\b|"
                          r"\bbehind\b|\bchampionship\b")),
    ("finish", re.compile(r"\bp[2-9]\b|\bp1\d\b|\bfinish\w*|\bcame\s+\w+|\bplace[ds]?\b|"
                          r"\b(?:end|ended|ending|wind|wound)\s+up\b|"
                          r"\bposition\b|\b(?:second|third|fourth|fifth|sixth|podium)\b")),
    ("lap", re.compile(r"\b(?:which|what)\s+lap\b|\bon\s+which\s+lap\b")),
    ("when", re.compile(r"^when\b|\bwhat\s+(?:date|day|time)\b")),
    ("where", re.compile(r"^where\b|\bwhat\s+(?:track|circuit|corner|turn)\b|\bwhich\s+"
                         r"(?:track|circuit|corner|turn|race)\b")),
    ("start", re.compile(r"\bstart(?:ed|ing)?\s+(?:from|on|in)\b|\bgrid\b|\bpole\b|"
                         r"\bqualif\w*")),
    ("count_laps", re.compile(r"\bhow\s+many\s+laps\b|\bhow\s+long\s+was\b")),
    ("count", re.compile(r"\bhow\s+(?:many|much|far)\b")),
    ("crash", re.compile(r"\b(?:took|take|taken)\s+out\b|\bbin(?:ned)?\b|\bdive\w*|\bknock\w*|"
                         r"\bcrash\w*|\bcollid\w*|\bclash\w*|"
                         r"\bhit\b|\btouch\w*|\bcontact\b|\bspin\w*|\bspun\b")),
    ("react", re.compile(r"\breact\w*|\bresponse\b|\brespond\w*")),
    ("nickname", re.compile(r"\bnickname\w*|\bknown\s+as\b|\bcalled\s*$|\bcalled\s+(?:by|in)\b")),
)  # fmt: skip
#: Kinds whose answer must hold one of their cue words.
_NEED_CUE = (
    "born",
    "age",
    "start",
    "next",
    "admit",
    "blame",
    "criticise",
    "defend",
    "thank",
    "accept",
    "won",
    "penalty",
    "retire",
    "points",
    "finish",
)  # fmt: skip, in priority order: the first a question asks is the one its answer must meet
#: Kinds whose other kinds only help: "when did Legge retire" needs a time, not "retired".
_OPEN = frozenset({"when", "where", "lap", "why"})
#: Kinds whose answer is best told by a cue word when some sentence has one.
_PREFER_ORDER = ("why", "where", "react", "nickname", "crash", "did_finish")
_PREFER_CUE = frozenset(_PREFER_ORDER)
#: Kinds about the story's own race: a race named for them must be that story's own.
_OWN_RACE = frozenset({"won", "penalty", "retire", "finish", "crash", "points", "why", "blame"})
#: Kinds a person answers by what they said: failing the cue, their own words answer.
_SPOKEN = frozenset({"blame", "criticise", "defend", "thank", "accept", "react", "admit"})
_DATE = re.compile(
    r"\b(?:lap \d+|opening lap|first lap|january|february|march|april|may \d+|june|july|august|"
    r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}\b|"
    r"sunday|yesterday|\d{4}-\d\d-\d\d)\b"
)
_LAP_IN_TEXT = re.compile(r"\blap \d+|\b(?:opening|first) lap\b|\blaps? later\b")
_AGE = re.compile(r"\b\d+-year-old\b|\baged \d+\b")
_BORN = re.compile(r"\bborn\b")
_LAP_COUNT = re.compile(r"\b\d+[- ]laps?\b(?! \d)")
#: "who defended X", "who blamed X": the one asked for is the subject, X the object.
_WHO_DID = re.compile(r"^who\s+(?!is\b|was\b|are\b|were\b|did\b|does\b|do\b|has\b|had\b|s\b)\w+")
_CAR_NUMBER = re.compile(
    r"\b(?:no\.?|#|number|car)\s*(\d{1,3})\b(?!\s*(?:laps?|points|th|st|nd|rd))"
)
_POSITION_TEXT = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"leads?|top)\b"
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|"
    r"thirty|forty|fifty|hundred|thousand|half|tenths?|first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth)\b"
)
_AUX = wordset("did does do was is were has had will would")
_SHE = re.compile(r"\b(?:she|her|woman|women|female|lady)\b")
_YES_NO = re.compile(r"^(?:did|does|do|is|was|were|has|have|had|will|can|could)\b\s*", re.I)
_WH = re.compile(r"^(?:who|what|when|where|why|which|how|whose|whom)\b", re.I)


class Router:
    """Reads a plain question and finds the answer that fits it."""

    def __init__(self, engine: AnswerEngine) -> None:
        self.engine = engine
        self.lookup: Lookup = engine.lookup
        self.passages = Passages(engine.lookup)
        self.quotes: Quotes = engine._quotes
        self._women_of: tuple[object, set[str]] | None = None
        self._series_of: tuple[object, dict[str, set[str]]] = (None, {})
        self._series_text_of: tuple[object, dict[str, set[str]]] = (None, {})
        self._people_series_of: tuple[object, dict[str, str | None]] = (None, {})

    def is_random(self, question: str) -> bool:
        """Whether the question asks for a random quote, which must not be kept."""
        bare = _TRAILING.sub("", _LEAD_IN.sub("", clean(question)).strip())
        m = _QUOTE_FROM.match(bare)
        return bool(m) and not strip_quotes(m[1] or m[2] or "")

    def help(self) -> HelpAnswer:
        """What the bot answers, with examples drawn from what is actually stored."""
        index = self.lookup.index
        examples: list[str] = []
        if index.laps:
            examples.append(f"what happened on lap {index.laps[0]}?")
        names = sorted(index.people)
        if names:
            surname = names[0].split()[-1]
            examples += [f"what did {surname} say?", f"who is {surname}?"]
        if index.quote_norm:
            words = index.quote_norm[0].split()[:4]
            if len(words) >= 2:
                examples.append(f"who said “{' '.join(words)}”?")
        examples += ["why did they crash?", "who won?", "did anyone apologise?", "key facts"]
        return HelpAnswer(
            "I answer from the stored articles: who said what, what happened and why, laps, "
            "apologies, people and their teams, results, key facts and recaps.",
            tuple(examples),
        )

    async def ask(self, question: str) -> Answer:
        """Route a plain question to the answer that fits it."""
        text = clean(question)
        while (stripped := _LEAD_IN.sub("", text).strip()) != text:
            text = stripped
        bare = _TRAILING.sub("", text)
        if not bare or _HELP.match(bare):
            return self.help()
        reading = read(bare, self.lookup)
        if reading.guessed and (words := await self._plain_words(reading.guessed)):
            # "who was speeding in the pit lane": "lane" is the articles' own word, no typo
            # of "Lance"; only a word they never use may be a misspelt name.
            reading = read(bare, self.lookup, frozenset(words))
        if not reading.tokens:
            return self.help()

        if m := (_WHO_SAID.match(bare) or _WHO_SAID_ANY.match(bare)):
            phrase = m[m.lastindex or 1] if m.lastindex else ""
            quoted = _QUOTED.search(phrase)
            phrase = (quoted[1] or quoted[2]) if quoted else phrase
            phrase = re.sub(r"^(?:it\s+was|that|it|its|it's)\s+", "", strip_quotes(phrase))
            return await self._who_said(phrase) if phrase.strip() else self.help()

        said = _WHAT_SAID.match(bare)
        if said and _REACTING.search(said[0]) and (found := await self._what_said(
            said[1], said[2], reading
        )):  # fmt: skip
            return found  # "how did Hamilton react to Russell's apology?"
        if (_APOLOGY_WORDS.search(bare) or _ADMIT.search(bare)) and not _QUOTED.search(bare):
            if _ACCEPTS.search(bare) and reading.people:
                # "did Chastain accept Wallace's apology": what Chastain made of it.
                return await self._general(bare, reading)
            return await self._apology(bare, reading)

        if _LAP_ONLY.match(bare):
            m = _LAP_NUMBER.search(bare) or _NTH_LAP.search(bare)
            assert m is not None
            return await self._lap(int(m[1]), reading)

        if (m := _WHO_IS.match(bare)) and not _kinds(reading) - {"nickname"}:
            found = await self._who_is(strip_quotes(m[1]), reading)
            if found is not None:
                return found

        team_asked = _TEAM_ROLE.search(bare)
        if (
            team_asked
            # "was it a failure on Pecco's bike": a yes/no about the bike, not whose it is
            and not (_YES_NO.match(bare) and team_asked[0].casefold() in ("bike", "car"))
            and len(reading.people) == 1
            and not _kinds(reading) - {"finish", "points", "where"}
        ):
            found = await self._team_of(reading.people[0], reading)
            return found or await self.engine.who(reading.people[0])

        if m := _WHAT_SAID.match(bare):
            found = await self._what_said(m[1], m[2], reading)
            if found is not None:
                return found
        if (m := _REACTION.match(bare)) and not _WH.match(bare):
            found = await self._what_said(m[1], m[2], reading)
            if found is not None:
                return found

        if _RECAP.search(bare):
            rest = _RECAP.sub(" ", bare)
            return await self.engine.recap(self.lookup.article_named(rest))

        if _LATEST.match(bare):
            return await self.engine.recap(None)
        if _FACTS_ONLY.match(bare):
            return await self.engine.facts(None)
        if _FACTS.search(bare) and not _WHAT_HAPPENED.search(bare):
            rest = _FACTS.sub(" ", bare)
            story = self.lookup.article_named(rest)
            if story is None and (slugs := await self._stories(reading, set())):
                story = slugs[0]
            for word in reading.words if story is None else ():
                if word in _FACT_WORDS:
                    continue
                slugs = sorted(await self._place_stories([word], own_race=True))
                if slugs:
                    ordered = [a.slug for a in self.lookup.index.articles if a.slug in slugs]
                    story = ordered[0]
                    break
            return await self.engine.facts(story)

        if m := _QUOTE_FROM.match(bare):
            target = strip_quotes(m[1] or m[2] or "")
            if not target:
                return await self.engine.quote()
            name = self.lookup.resolve_person(target)
            if name:
                return await self.engine.quote(speaker=name)
            if (several := self._several(target)) is not None:
                return several

        if self.lookup.resolve_person(bare):
            return await self.engine.who(bare)

        quoted = _QUOTED.search(bare)
        if quoted:
            return await self.engine.whosaid(quoted[1] or quoted[2])
        if (
            not reading.people
            and not _WH.match(bare)
            and not _YES_NO.match(bare)
            and len(normalise(bare).split()) >= FALLBACK_WORDS
        ):
            # No question word: perhaps a remembered phrase ("the best day of my life").
            found = await self.engine.whosaid(bare)
            if isinstance(found, WhoSaidAnswer):
                return found
        return await self._general(bare, reading)

    # -- the commands' shapes -------------------------------------------------------------

    async def _who_said(self, phrase: str) -> Answer:
        """Who said a phrase; failing a close quote, a quoted sentence that holds its words."""
        found = await self.engine.whosaid(phrase)
        if not isinstance(found, NotFound):
            return found
        from bot.answers.understand import SYNONYMS, stop_words

        reading = read(phrase, self.lookup)
        names = {w for p in reading.people for w in normalise(p).split()}
        groups = [
            (w, *SYNONYMS.get(w, ()))
            for w in words_of(phrase)
            if w not in _WEAK and w not in stop_words() and w not in names
        ]
        if len(groups) < 2:
            return found
        # A paraphrase ("the pit stop lost them the race"): a quoted sentence holding most of
        # its telling words, whoever it names.
        query = Query(groups=groups, need_speaker=True, min_cover=0.5)
        answering, _ = await self.passages.find(query)
        if answering and answering[0].speaker:
            return PassageAnswer(tuple(self.passages_found(answering[:1])), f"Who said “{phrase}”?")
        return found

    def passages_found(self, scored: list[Scored]) -> list[Found]:
        """The sentences picked, as an answer shows them."""
        return [as_found(s) for s in scored]

    async def _apology(self, bare: str, reading: Reading) -> Answer:
        person = reading.people[0] if reading.people else self.lookup.person_in(bare)
        # Words left once names are set aside may name the story ("... in Hungary").
        story = self.lookup.article_named(_APOLOGY_WORDS.sub(" ", bare), skip_names=True)
        answer = await self.engine.apology(story, person=person)
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
                min_cover=0.0,
            )
            found, _ = await self.passages.find(query)
            if any(self._apologiser(f, person) for f in found):
                return PassageAnswer(tuple(self.passages_found(found)), "")
            to = [p for p in reading.people[1:]]
            towards = f" to {to[0]}" if to else ""
            return NotFound(f"The articles don't say {person} apologised{towards}.")
        return answer

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
        newer = await self.engine.store.stories_after_team(person.name)
        if not newer:
            return None  # no story after the one their profile's team comes from
        names = "|".join(
            re.escape(f) for f in sorted(forms_of(person), key=len, reverse=True) if len(f) > 3
        )
        if not names:
            return None
        team = r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
        written = re.compile(
            rf"(?i:\b(?:{names}))(?:['’]s\s+{team}|,?\s+\w+\s+for\s+{team})"
            rf"|\b(?:for|with)\s+{team}\s*,?\s+(?i:{names})\b"
            rf"|\b{team}\s+(?:driver|rider)\s+(?i:{names})\b"
        )
        query = Query(
            people=(person.name,), subject=person.name, need_written=written, newest_first=True,
            min_cover=0.0, slugs=newer,
        )  # fmt: skip
        found, _ = await self.passages.find(query)
        held = normalise(person.team or "")
        own = set(normalise(" ".join(forms_of(person))).split())
        for f in found:
            for m in written.finditer(f.text):
                told = next((g for g in m.groups() if g), "")
                words = set(normalise(told).split())
                if not words or words & own or normalise(told) in held or held in normalise(told):
                    continue  # "for Nick Cassidy's ...": a name, not a team
                return PassageAnswer(tuple(self.passages_found([f])), "")
        return None

    def _apologiser(self, found: Scored, person: str) -> bool:
        """Whether ``person`` makes the apology a sentence tells, rather than receives it:
        they speak it, or are named before its word and not as the one it is made to."""
        if found.speaker:
            return found.speaker == person

        low = found.text.casefold()
        at = min((i for w in _SORRY if (i := low.find(w)) >= 0), default=-1)
        if at < 0:
            return False
        known = self.lookup.index.people.get(person)
        forms = forms_of(known) if known else {person.casefold()}
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", low[: max(at, 0)]):
                if not re.search(r"\b(?:to|with|from)\s+$", low[: m.start()]):
                    return True
        return False

    async def _lap(self, number: int, reading: Reading) -> Answer:
        answer = await self.engine.lap(number)
        if isinstance(answer, LapAnswer) and answer.events:
            return answer
        query = Query(phrases=_lap_phrases(number), min_cover=0.0)
        found, _ = await self.passages.find(query)
        if found:
            return PassageAnswer(tuple(self.passages_found(found)), f"Lap {number}")
        laps = ", ".join(str(n) for n in self.lookup.index.laps)
        more = f" Laps with events: {laps}." if laps else ""
        return NotFound(f"The articles don't say what happened on lap {number}.{more}")

    async def _who_is(self, target: str, reading: Reading) -> Answer | None:
        name = self.lookup.resolve_person(target) or self.lookup.person_in(target)
        if name is None and reading.people:
            name = reading.people[0]
        if name:
            if len(reading.people) == 1 and (found := await self._team_of(name, reading)):
                return found  # "who is Blaney's crew chief", "who are Hartley's team-mates"
            return await self.engine.who(name)
        if (several := self._several(target)) is not None:
            return several
        words = [w for w in words_of(target) if w not in _WEAK and w != "the"]
        if re.match(r"the\s+\w", target, re.I) and len(words) >= 1:
            # "who is the Yamaha rider": an epithet no one was given; the sentence using it
            # and the one before, which names whom it means, tell the fan.
            query = Query(phrases=(normalise(target),), min_cover=0.0)
            found, _ = await self.passages.find(query)
            using = next((f for f in found if normalise(target) in normalise(f.text)), None)
            if using is not None:
                # Its paragraph up to it: whom "the Queenslander" means is named before.
                text = using.passage.text
                spans = split_sentences(text)[: using.position + 1][-3:]
                shown = [
                    Scored(using.score, text[a:b].strip(), using.passage, using.order, i)
                    for i, (a, b) in enumerate(spans)
                ]
                return PassageAnswer(tuple(self.passages_found(shown)), "")
        if await self._all_known(words) and words:
            return None  # "who is the team principal of williams": the passages may know
        if self.lookup.article_named(target) is not None:
            return None
        answer = await self.engine.who(target)
        if isinstance(answer, NotFound):
            shown = strip_quotes(target)
            return NotFound(f"The articles don't name anyone called “{shown}”.", answer.suggestions)
        return answer

    def _several(self, text: str) -> NotFound | None:
        """A name several people share ("Russell" when two are called it): ask which."""
        names = self.lookup.index.ambiguous.get(normalise(text))
        if not names:
            return None
        return NotFound(f"Several people in the articles are called “{text}”.", names[:5])

    async def _what_said(self, who: str, rest: str, reading: Reading) -> Answer | None:
        """What X said, or said about Y: X's own words, the most relevant first."""
        who = strip_quotes(who)
        topic = m[1] if (m := _TOPIC.match(rest)) else rest
        name: str | None = None
        if bosses := self.lookup.people_by_role(who):
            # "the Yamaha boss": a role, before any name it holds ("Porsche Penske").
            name = await self._boss(bosses, topic.strip())
            if name is None:
                return NotFound(f"Several people in the articles are “{who}”.", bosses[:5])
        name = name or self.lookup.resolve_person(who) or self.lookup.person_in(who)
        shared = self.lookup.index.ambiguous.get(normalise(who), ())
        if name is None and 1 < len(shared) <= CONTEXT_PEOPLE:
            # "what did alex say about his brother": the Alex whose story has a brother.
            context = [w for w in reading.words if w != normalise(who)]
            context += [normalise(p).split()[-1] for p in reading.people if p not in shared]
            name = await self._by_context(shared, context)
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
        topic = rest
        if m := _TOPIC.match(rest):
            topic = m[1]
        topic = topic.strip()
        # "about the weather" when no article mentions the weather: say so, rather than
        # show quotes about something else. A topic the articles know ranks the quotes.
        strict = bool(m and re.match(r"^\W*(?:about|on|regarding|re)\b", rest, re.I))
        if strict:
            from bot.answers.understand import stop_words

            # "the crash" or "the incident" is the story itself, whatever the article calls it.
            words = [w for w in words_of(topic) if w not in stop_words() and w not in _EVENT]
            strict = (
                bool(words)
                and not await self._any_known(words)
                and not any(self._in_headlines(w) for w in words)
            )
        answer = await self.quotes.said_about(name, topic, strict=strict)
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
            return NotFound(f"The articles have no quote from {name}{about}.")
        return answer

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
        if not found:
            return None
        return PassageAnswer(tuple(self.passages_found(found)), f"What {name} said")

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

    # -- the passages ---------------------------------------------------------------------

    async def _general(self, bare: str, reading: Reading) -> Answer:
        """Answer from the articles' sentences, or say what they do not say."""
        kinds = _kinds(reading)
        missing = f"The articles don't say {_indirect(bare)}."
        groups = _groups(reading, kinds)
        known = await self._known_words([w for g in groups for w in g])
        if (
            not reading.people
            and not reading.places
            and not reading.lap
            and not reading.turn
            and not reading.year
            and not known
            and not kinds
        ):
            return self.help()
        slugs = await self._stories(reading, kinds)
        if slugs == []:
            return NotFound(missing)
        if groups and not reading.people and not set(known) & {w for g in groups for w in g}:
            # "how did newgarden get on at portland": what it asks about is in no article
            # at all, so no sentence can answer it, however near its other words come.
            return NotFound(missing)
        if not reading.people and _SHE.search(reading.low):
            reading.team_people = sorted(set(reading.team_people) | await self._women())
        if (
            _WHAT_HAPPENED.search(bare)
            and not groups
            and not reading.people
            and not reading.lap
            and not reading.turn
        ):
            if slugs is None and not reading.newest:
                return await self.engine.facts(None)
            chosen = slugs[0] if slugs else self.lookup.index.articles[0].slug
            lede = await self.passages.lede(chosen)
            if lede is not None:
                return lede
        query = self._query(reading, kinds, groups, slugs)
        if _PODIUM_ASKED.search(reading.low) and not reading.people:
            # "who was on the podium": the story's winner, second and third, wherever its
            # sentences tell them.
            answering, nearest = await self.passages.find(query)
            best = (answering or nearest)[:1]
            source = best[0].passage.source if best else None
            if source is not None and (podium := await self.passages.podium(source.slug)):
                return podium
        answer = await self.passages.answer(query, "", missing)
        if answer.missing and reading.people and kinds & _SPOKEN:
            # "did Zarco blame Bastianini?": failing the words, what the person said answers.
            spoken = Query(
                groups=groups, people=tuple(reading.people), subject=reading.people[0],
                speaker_only=reading.people[0], slugs=slugs, min_cover=0.0,
            )  # fmt: skip
            found, _ = await self.passages.find(spoken)
            if found:
                return PassageAnswer(tuple(self.passages_found(found)), "")
        if answer.missing and not answer.passages and not groups and not reading.people:
            return NotFound(missing)
        return answer

    def _query(
        self, reading: Reading, kinds: set[str], groups: list[tuple[str, ...]],
        slugs: list[str] | None,
    ) -> Query:  # fmt: skip
        cues: list[str] = []
        phrases: list[str] = []
        for kind in kinds:
            cues += CUES.get(kind, ())
            phrases += CUE_PHRASES.get(kind, ())
        primary = next((k for k in _NEED_CUE if k in kinds), None)
        # "where is X in the championship": a place in the standings, which must be told.
        standing = primary == "points" and kinds & _OPEN == {"where"}
        if kinds & _OPEN and primary not in ("next", "born", "age") and not standing:
            primary = None
        need: re.Pattern[str] | None = None
        if "lap" in kinds or ("when" in kinds and "next" not in kinds):
            need = _LAP_IN_TEXT if "lap" in kinds else _DATE
        if "age" in kinds:
            need = _AGE
        if "born" in kinds:
            need = _BORN
        if {"where", "points"} <= kinds and need is None:
            need = _POSITION_TEXT  # "where is Hamlin in the points": a place in the table
        if "count" in kinds and need is None:
            need = _NUMBER  # "how many fans were there": an answer gives a number
        if "count_laps" in kinds:
            need = _LAP_COUNT
        subject = None
        yes_no = _YES_NO.match(reading.low) is not None
        # The one asked about stands right after the verb: "did X ...", "who did X blame",
        # "how did X react"; or after "according to".
        aux = next((i for i, t in enumerate(reading.tokens) if t in _AUX), None)
        if aux is not None:
            subject = next((p for p in reading.people if _named_at(reading, p, aux + 1)), None)
        if "according" in reading.tokens:
            at = reading.tokens.index("according")
            later = [p for p in reading.people if _named_at(reading, p, at + 2)]
            subject = later[0] if later else subject
        must: list[str] = []
        hints: list[str] = []
        if reading.turn is not None:
            (must if not kinds & {"why", "blame"} else hints).append(f"turn {reading.turn}")
        if reading.lap is not None:
            laps = _lap_phrases(reading.lap)
            if len(laps) == 1 and not kinds & {"why", "blame"}:
                must.append(laps[0])
            else:
                hints += laps
        if m := _CAR_NUMBER.search(reading.low):
            must.append(rf"re:(?:no\.?|#|number|car) ?{m[1]}(?!\w)")  # "the no 8 toyota"
        if kinds & {"when", "where", "next"}:
            # "when is the French GP": the race is what the sentence must be about.
            for place in reading.places:
                words = [w for w in words_of(place) if w not in ("grand", "prix")]
                forms = _place_forms(place)
                if place.endswith("grand prix") and words:
                    must.append(_any_of(forms) if len(forms) > 1 else " ".join(words))
                else:
                    hints += [_any_of(forms)] if len(forms) > 1 else words
        elif not kinds & _OWN_RACE:
            for place in reading.places:
                # One hint for a place, whichever of its names a sentence uses.
                forms = _place_forms(place)
                hints += [_any_of(forms)] if len(forms) > 1 else forms[0]
        object_people = bool(_WHO_DID.match(reading.low)) and bool(kinds & _SPOKEN)
        # "what happened between Norris and Piastri": what passed between them, a touch.
        between = "between" in reading.tokens and len(reading.people) >= 2
        # A place a sentence must name by any of its names is searched for by them all.
        # Elsewhere its own words are searched for, as a hint's are.
        every = bool(kinds & {"when", "where", "next"})
        search_more = [
            w
            for p in reading.places
            for f in (_place_forms(p) if every else _place_forms(p)[:1])
            for w in f
            if w not in _PLACE_FILLER and not w.isdigit()
        ]
        return Query(
            search_more=tuple(dict.fromkeys(search_more)),
            groups=groups,
            people=tuple(reading.people),
            subject=None if object_people else subject,
            object_people=object_people,
            # "next" is every story's own next race: the newest tells it, not the wording.
            asked=tuple(stem(w) for w in reading.words if w not in CUES["next"]),
            cues=tuple(dict.fromkeys(cues)),
            cue_phrases=tuple(dict.fromkeys(phrases)),
            required=CUES.get(primary, ()) if primary else (),
            required_phrases=CUE_PHRASES.get(primary, ()) if primary else (),
            prefer_cue=bool(kinds & _PREFER_CUE),
            prefer=CUES["crash"]
            if between and not kinds
            else CUES.get(next((k for k in _PREFER_ORDER if k in kinds), ""), ())
            if not standing and "next" not in kinds
            else (),
            required_carries=primary == "points",
            prefer_quotes="react" in kinds,
            # What the standings are and where the series goes next change with every race:
            # the newest story that answers tells it, unless the question dates it.
            newest_first=(
                (
                    ("next" in kinds or ("points" in kinds and not kinds & _OPEN) or standing)
                    and not reading.places
                )
                # "who finished second in australia": several races there, the latest
                # that answers, as for a race asked without a place.
                or (len(slugs or ()) > 1 and bool(kinds & _OWN_RACE) and not reading.people)
            )
            and reading.year is None,
            event=_event_stems(reading, kinds, groups, slugs),
            loose=bool(kinds & {"why", "react"}),
            yes_no=yes_no,
            all_people=(yes_no or between) and len(reading.people) >= 2,
            team_people=tuple(reading.team_people),
            need_team=bool(reading.team_people)
            and subject is None
            and bool(kinds & (_SPOKEN | {"retire", "why", "finish"})),
            need_rarest=not kinds and len(groups) >= 2,
            need=need,
            phrases=tuple(must),
            hints=tuple(hints),
            slugs=slugs,
        )

    async def _stories(self, reading: Reading, kinds: set[str]) -> list[str] | None:
        """The stories a question points at by place, race, year or "last race"; None: any."""
        index = self.lookup.index
        allowed: set[str] | None = None
        if reading.year is not None:
            allowed = {a.slug for a in index.articles if a.published.year == reading.year}
        if reading.newest and index.articles:
            allowed = {index.articles[0].slug} if allowed is None else allowed
        for place in reading.places:
            words = [w for w in words_of(place) if w not in ("grand", "prix")] or words_of(place)
            race = place.endswith("grand prix") and not kinds & {"when", "where", "next"}
            own = bool(kinds & _OWN_RACE) or race
            slugs = await self._place_stories(words, own_race=own)
            # "in italy" for a story that says "the Italian Grand Prix" or "Mugello".
            slugs |= await self._other_names_stories(_place_forms(place)[1:], own_race=own)
            if not slugs:
                return []
            allowed = slugs if allowed is None else allowed & slugs
        phrases = [f"turn {reading.turn}"] if reading.turn is not None else []
        if reading.lap is not None:
            phrases += _lap_phrases(reading.lap)
        if phrases:
            # Only some stories have a "turn 9" or a "lap 17": the question is about those.
            having = await self._stories_with(phrases)
            if having:
                allowed = having if allowed is None else (allowed & having) or allowed
        for series in _series_named(reading.tokens):
            having = await self._series_stories(series)
            if not having:
                return []  # "who won the supercars race" with no such story: say so
            allowed = having if allowed is None else (allowed & having) or allowed
        if allowed is None:
            return None
        return [a.slug for a in index.articles if a.slug in allowed]

    async def _stories_with(self, phrases: list[str], *, lede: bool = False) -> set[str]:
        """Stories whose text (with ``lede``, its first two paragraphs) holds any of
        ``phrases`` (case aside; "re:" marks a pattern)."""
        words = list(
            dict.fromkeys(
                w
                for p in phrases
                for w in words_of(re.sub(r"\(.*?\)|\W\?", " ", p.removeprefix("re:")))
                if w not in _WEAK
            )
        )
        # A word most paragraphs hold ("one", "grand") cannot tell the stories apart and
        # would rank the whole store: only the rarer words are searched for.
        total, counts = await self.engine.store.passage_counts([stem(w) for w in words])
        words = [w for w in words if 0 < counts.get(stem(w), 0) <= max(0.05 * total, 400)]
        if not words:
            return set()
        found: set[str] = set()
        for p in await self.engine.store.passages_matching(words, limit=400):
            low = p.text.casefold()
            if lede and p.paragraph > 2:
                continue
            if p.source and any(_has(low, x) for x in phrases):
                found.add(p.source.slug)
        return found

    async def _series_stories(self, series: str) -> set[str]:
        """Stories of a series: those naming it, or using its words when they name none.

        Worked out once per index (a refresh replaces it): the same few series are asked
        about again and again, and each costs a search over the store's paragraphs.
        """
        index = self.lookup.index
        if self._series_of[0] is not index:
            self._series_of = (index, {})
        kept = self._series_of[1].get(series)
        if kept is not None:
            return kept
        found = set(await self._series_text(series))
        # Stories another series' own words name ("IMSA", "WeatherTech") stay theirs,
        # whoever the register says their drivers usually race against; and one whose
        # opening names another series ("won the Rolex 24") is that series' story, even
        # when an epithet later names this one ("the six-time IndyCar champion").
        theirs: set[str] = set()
        own_lede = await self._series_text(series, lede=True)
        for other in SERIES_TEXT:
            if other != series:
                theirs |= await self._series_text(other) - found
                found -= await self._series_text(other, lede=True) - own_lede
        # Wire copy and features often never name the series, and "Grand Prix of Portland"
        # is no F1 race: the people a story names (as the register knows them) tell it.
        newest = [a.slug for a in index.articles[:PEOPLE_SCAN]]
        checked = [a.slug for a in index.articles if a.slug in found][:PEOPLE_SCAN]
        for slug in dict.fromkeys([*checked, *newest]):
            told = await self._people_series(slug)
            if told is None:
                continue
            if told == series:
                if slug not in theirs:
                    found.add(slug)
            else:
                found.discard(slug)
        self._series_of[1][series] = found
        return found

    async def _series_text(self, series: str, *, lede: bool = False) -> set[str]:
        """Stories whose own words (with ``lede``, their opening paragraphs') name a series,
        its races or circuits; kept per index."""
        index = self.lookup.index
        if self._series_text_of[0] is not index:
            self._series_text_of = (index, {})
        key = f"{series}:lede" if lede else series
        kept = self._series_text_of[1].get(key)
        if kept is not None:
            return kept
        phrases, apart = SERIES_TEXT[series]
        # Its races and circuits, when the story never names the series ("Bathurst 1000").
        named = sorted(place_book().series_names(series))
        found = await self._stories_with([*phrases, *named], lede=lede)
        for other in apart:
            found -= await self._stories_with(list(SERIES_TEXT[other][0]), lede=lede)
        self._series_text_of[1][key] = found
        return found

    async def _people_series(self, slug: str) -> str | None:
        """The series most of a story's people race in, as the register knows them; None
        when the register knows too few of them or they race in different series."""
        index = self.lookup.index
        if self._people_series_of[0] is not index:
            self._people_series_of = (index, {})
        known = self._people_series_of[1]
        if slug in known:
            return known[slug]
        from bot.ingest.resolve import default_register

        register = default_register()
        votes: dict[str, float] = {}
        for person in await self.engine.store.article_people(slug):
            found = register.find(person.name)
            if len(found) != 1:
                continue
            ours = {
                _REGISTER_SERIES[s]
                for s in getattr(found[0], "series", ())
                if s in _REGISTER_SERIES
            }
            for one in ours:
                votes[one] = votes.get(one, 0.0) + 1 / len(ours)
        told = None
        if votes:
            best, count = max(votes.items(), key=lambda kv: kv[1])
            if count >= 2 and count >= 0.6 * sum(votes.values()):
                told = best
        known[slug] = told
        return told

    async def _place_stories(self, words: list[str], *, own_race: bool) -> set[str]:
        """Stories that hold every word of a place; with ``own_race``, in headline or lede."""
        index = self.lookup.index
        wanted = {stem(w) for w in words}
        found: set[str] = set()
        # Headlines, through the lookup's word postings rather than a pass over every one.
        having: set[int] | None = None
        for w in words:
            hits = set(index.article_words.get(w, ()))
            having = hits if having is None else having & hits
        found.update(index.articles[i].slug for i in having or ())
        passages = await self.engine.store.passages_matching(words, limit=400)
        for p in passages:
            if p.source and wanted <= stems(p.text) and (not own_race or p.paragraph <= 2):
                found.add(p.source.slug)
        for word in words:
            if len(word) >= 4:
                found.update(await self.engine.store.notes_mentioning(word))
        return found

    async def _other_names_stories(self, forms: list[list[str]], *, own_race: bool) -> set[str]:
        """Stories naming a place by any of its other names (each a list of words).

        One search for all of them: each name is looked for by its rarest word, and a name
        no paragraph holds costs nothing more.
        """
        if not forms:
            return set()
        index = self.lookup.index
        found: set[str] = set()
        all_stems = list(dict.fromkeys(stem(w) for f in forms for w in f))
        counts: dict[str, int] = {}
        for at in range(0, len(all_stems), 64):
            counts.update((await self.engine.store.passage_counts(all_stems[at : at + 64]))[1])
        search: list[str] = []
        kept: list[list[str]] = []
        for form in forms:
            if not all(counts.get(stem(w)) for w in form):
                continue  # some word of it is in no paragraph: no story names it so
            kept.append(form)
            search.append(min(form, key=lambda w: counts[stem(w)]))
            having: set[int] | None = None
            for w in form:
                hits = set(index.article_words.get(w, ()))
                having = hits if having is None else having & hits
            found.update(index.articles[i].slug for i in having or ())
        if not kept:
            return found
        wanted = [frozenset(stem(w) for w in f) for f in kept]
        for p in await self.engine.store.passages_matching(search, limit=400):
            if p.source and (not own_race or p.paragraph <= 2):
                have = stems(p.text)
                if any(w <= have for w in wanted):
                    found.add(p.source.slug)
        return found

    async def _women(self) -> set[str]:
        """People the articles call "she" or "her": the first person named before it."""
        index = self.lookup.index
        if self._women_of is not None and self._women_of[0] is index:
            return self._women_of[1]

        found: set[str] = set()
        forms = [(p.name, forms_of(p)) for p in index.people.values()]
        for p in await self.engine.store.passages_matching(["she", "her"], limit=500):
            low = p.text.casefold()
            m = re.search(r"\b(?:she|her)\b", low)
            if m is None:
                continue
            before = low[: m.start()]
            spots = [
                (before.rfind(f), name)
                for name, fs in forms
                for f in fs
                if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", before)
            ]
            if spots:
                found.add(max(spots)[1])
        self._women_of = (index, found)
        return found

    def _in_headlines(self, word: str) -> bool:
        """Whether some headline holds ``word`` in any form ("blocking" for "Blocked"): the
        story's own subject, which its paragraphs need not repeat."""
        vocab = self.lookup.index.article_vocab
        root = stem(word)
        at = bisect.bisect_left(vocab, root[:4])
        while at < len(vocab) and vocab[at].startswith(root[:4]):
            if stem(vocab[at]) == root:
                return True
            at += 1
        return False

    async def _plain_words(self, guessed: list[tuple[str, str]]) -> list[str]:
        """The words taken for a misspelt name that the articles use as words of their
        own; one sharing the name's stem ("russel" for Russell) is the name after all."""
        own = [
            word for word, name in guessed if stem(word) not in {stem(w) for w in words_of(name)}
        ]
        return await self._known_words(own)

    async def _known_words(self, words: list[str]) -> list[str]:
        if not words:
            return []
        _, counts = await self.engine.store.passage_counts([stem(w) for w in words])
        return [w for w in words if counts.get(stem(w))]

    async def _all_known(self, words: list[str]) -> bool:
        return len(await self._known_words(words)) == len(words)

    async def _any_known(self, words: list[str]) -> bool:
        return bool(await self._known_words(words))


#: "who was on the podium", "top 3": the whole podium asked for, not one place.
_PODIUM_ASKED = re.compile(
    r"\b(?:podium|top\s+(?:3|three)|rostrum)\b(?!\s+(?:finish|finisher)s?\b)"
)
_ACCEPTS = re.compile(r"\b(?:accept\w*|forgiv\w*|forgave|buy|bought|believe\w*)\b", re.I)
_SORRY = ("sorry", "apologise", "apologised", "apologize", "apologized", "apology", "apologies",
          "apologising", "apologizing")  # fmt: skip

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
    from bot.ingest.resolve import default_register

    register = default_register()
    found = register.find(name)
    if len(found) != 1:
        return []
    # The register's team names (teams.toml) are its own data; no accessor exists yet.
    names: dict[str, tuple[str, ...]] = getattr(register, "_teams", {})
    stints = getattr(found[0], "teams", ())
    teams = dict.fromkeys(s.team for s in reversed(stints))
    return [tuple(dict.fromkeys((t, *names.get(t, ())))) for t in teams]


def _series_named(tokens: list[str]) -> list[str]:
    """The series a question names, a two-word name ("f1 academy") before its halves."""
    found: list[str] = []
    skip: set[int] = set()
    for i, pair in enumerate(a + b for a, b in itertools.pairwise(tokens)):
        if pair in _SERIES:
            found.append(_SERIES[pair])
            skip.update((i, i + 1))
    found += [_SERIES[t] for i, t in enumerate(tokens) if i not in skip and t in _SERIES]
    return list(dict.fromkeys(found))


def _kinds(reading: Reading) -> set[str]:
    kinds = {kind for kind, pattern in _KINDS if pattern.search(reading.low)}
    if "finish" in kinds:
        kinds.discard("where")  # "where did Checo finish": a position, not a place
    if "did_finish" in kinds and "retire" not in kinds:
        kinds.discard("finish")  # "did Bagnaia finish": retired or crashed out answers it too
    if "count_laps" in kinds:
        kinds.discard("points")  # "how many laps did Larson lead": laps, not the standings
    if "next" in kinds:
        kinds.discard("criticise")  # "where do they go after vegas": no one goes after anyone
    return kinds


#: Kinds that name an event a "why" question can ask the cause of.
_EVENTS = ("crash", "retire", "penalty", "did_finish")
#: The words that say the event happened, where its cues are wider ("ending his race" is
#: no retirement of the one who ended it).
_EVENT_WORDS = {"retire": ("retired", "retire", "retirement", "retires", "dnf")}


def _event_stems(
    reading: Reading, kinds: set[str], groups: list[tuple[str, ...]], slugs: list[str] | None
) -> tuple[str, ...]:
    """Stems telling the event of "why did X crash" / "why wasn't X racing", when the
    question names someone and no race or date: its kind's cues and its own words."""
    if "why" not in kinds or not reading.people or slugs is not None or reading.newest:
        return ()
    words = [w for k in _EVENTS if k in kinds for w in _EVENT_WORDS.get(k, CUES[k])]
    words += [w for g in groups for w in g]
    return tuple(dict.fromkeys(stem(w) for w in words))


def _groups(reading: Reading, kinds: set[str]) -> list[tuple[str, ...]]:
    """The question's content words, each with what articles call it."""
    from bot.answers.understand import SYNONYMS

    kind_words = {w for k in kinds for w in CUES.get(k, ())}
    patterns = [p for k, p in _KINDS if k in kinds]
    groups = []
    team_question = bool(_TEAM_ROLE.search(reading.low) or _CAR_NUMBER.search(reading.low))
    for word in reading.words:
        if word in QUESTION_WORDS or word in _GROUP_SKIP:
            continue
        if team_question and word in _DRIVE_WORDS:
            continue
        if "finish" in kinds and re.search(rf"\b{re.escape(word)}\s+up\b", reading.low):
            continue  # "where did X end up": the finish asked for, not the word "end"
        group = (word, *SYNONYMS.get(word, ()))
        if word in _POSITIONS and "points" not in kinds:
            groups.append(group)  # "who was third": the position asked is what must show
            continue
        if word in kind_words and kinds & set(_NEED_CUE):
            continue  # the kind's cue already asks for it
        if any(p.search(word) for p in patterns):
            continue  # "divebombed" only says the kind (a crash), which its cue asks for
        groups.append(group)
    return groups


#: Positions: the one a question asks is the answer's content, not only its kind.
_POSITIONS = wordset("second third fourth fifth sixth seventh eighth ninth tenth podium")

#: Words that only say which kind of answer is wanted, never what it is about.
_GROUP_SKIP = wordset(
    "according blame blamed fault faults whose culprit why reason cause react reaction "
    "reacted respond response did anyone defend defended stick stuck stand stood support "
    "supported criticise criticize criticised criticized thank thanked thanks accept "
    "accepted admit admitted finish finished come came place placed position win won "
    "winner first lap turn next when where much many far old age went wrong track circuit "
    "corner position times"
)
#: Words that only say "whose team" in a question about a team ("who drives for 23XI").
_DRIVE_WORDS = wordset("drive drives driving drove ride rides riding rode")


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
    if _WH.match(text):
        return text
    if m := _YES_NO.match(text):
        return "whether " + text[m.end() :]
    return "anything about “" + text + "”"
