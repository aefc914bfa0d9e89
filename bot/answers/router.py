"""The router for plain questions: what a fan typed -> the kind of answer that fits it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answers.lookup import Lookup
from bot.answers.records import Answer, HelpAnswer, WhoSaidAnswer
from bot.answers.text import clean, normalise, strip_quotes

if TYPE_CHECKING:
    from bot.answers.engine import AnswerEngine

__all__ = ["Router"]

#: Unrouted text is tried as a /whosaid phrase only when it has at least this many words.
FALLBACK_WORDS = 3

_WHO_SAID = re.compile(
    r"^(?:so\s+)?who\s+(?:said|says|wrote|writes|tweeted|posted)\b\W*(.*)$", re.I
)
_LAP_NUMBER = re.compile(r"\blap\s*(?:no\.?|number|#)?\s*(\d{1,6})\b", re.I)
_NTH_LAP = re.compile(r"\b(\d{1,6})\s*(?:st|nd|rd|th)?\s+lap\b", re.I)
_APOLOGY_WORDS = re.compile(r"\b(?:apolog\w*|sorry|regret\w*)\b", re.I)
_WHO_IS = re.compile(
    r"^(?:who\s+(?:is|was|are|s)|who['’]s|whos|tell\s+me\s+about|profile\s+(?:of\s+)?|about)\s+"
    r"(.+)$",
    re.I,
)
_WHAT_SAID = re.compile(
    r"^(?:what|how)\s+(?:did|does|do|has|had|was|is)\s+(.+?)\s+"
    r"(?:say|said|think|thought|write|wrote|tweet|tweeted|post|posted|react|reacted|respond|"
    r"responded|reply|replied|feel|felt|saying)\b",
    re.I,
)
_QUOTE_FROM = re.compile(
    r"^(?:(?:a|random)\s+)?quotes?(?:\s+(?:from|by|of))?\s*(.*)$|^(.+?)\s+quotes?$", re.I
)
_RECAP = re.compile(r"\b(?:recap|summary|summari[sz]e|catch\s+me\s+up|tl;?dr)\b", re.I)
_FACTS = re.compile(
    r"\b(?:facts?|what\s+happened|what\s+went\s+on|the\s+story|details|key\s+points)\b", re.I
)
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,})[\"“”«»„]|(?<!\w)'([^']{2,})'(?!\w)")
_LEAD_IN = re.compile(
    r"^(?:hey|hi|please|pitwall|ok|okay|so|and|but|can\s+you\s+tell\s+me|tell\s+me|"
    r"do\s+you\s+know)\b[\s,!:]*",
    re.I,
)
_ABOUT_TAIL = re.compile(r"\s+(?:about|on|regarding|after|of)\b.*$", re.I)
_TRAILING = re.compile(r"[\s?!.,;:…]+$")


class Router:
    """Reads a plain question and asks the engine for the answer that fits it."""

    def __init__(self, engine: AnswerEngine) -> None:
        self.engine = engine
        self.lookup: Lookup = engine.lookup

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
        examples += ["did anyone apologise?", "key facts", "recap"]
        return HelpAnswer(
            "I answer from the stored articles: laps, who said what, apologies, people, "
            "key facts and recaps.",
            tuple(examples),
        )

    async def ask(self, question: str) -> Answer:
        """Route a plain-English question to the command that answers it."""
        text = clean(question)
        text = _LEAD_IN.sub("", text).strip()
        bare = _TRAILING.sub("", text)
        if not bare:
            return self.help()

        if m := _WHO_SAID.match(bare):
            phrase = m[1]
            quoted = _QUOTED.search(phrase)
            phrase = (quoted[1] or quoted[2]) if quoted else phrase
            return (
                await self.engine.whosaid(strip_quotes(phrase)) if phrase.strip() else self.help()
            )

        if _APOLOGY_WORDS.search(bare) and not _QUOTED.search(bare):
            person = self.lookup.person_in(bare)
            # Words left once names are set aside may name the story ("... in Hungary").
            story = self.lookup.article_named(_APOLOGY_WORDS.sub(" ", bare), skip_names=True)
            return await self.engine.apology(story, person=person)

        m = _LAP_NUMBER.search(bare) or _NTH_LAP.search(bare)
        if m:
            return await self.engine.lap(int(m[1]))

        if m := _WHO_IS.match(bare):
            target = strip_quotes(m[1])
            name = self.lookup.resolve_person(target) or self.lookup.person_in(target)
            if name:
                return await self.engine.who(name)
            if bare.casefold().startswith("who") and self.lookup.article_named(target) is None:
                return await self.engine.who(target)

        if m := _WHAT_SAID.match(bare):
            target = strip_quotes(m[1])
            name = self.lookup.resolve_person(target) or self.lookup.person_in(target)
            return await self.engine.quote(speaker=name or target)

        if _RECAP.search(bare):
            rest = _RECAP.sub(" ", bare)
            return await self.engine.recap(self.lookup.article_named(rest))

        if _FACTS.search(bare):
            rest = _FACTS.sub(" ", bare)
            return await self.engine.facts(self.lookup.article_named(rest))

        if m := _QUOTE_FROM.match(bare):
            target = strip_quotes(m[1] or m[2] or "")
            if not target:
                return await self.engine.quote()
            name = self.lookup.resolve_person(target)
            if name:
                return await self.engine.quote(speaker=name)

        if self.lookup.resolve_person(bare):
            return await self.engine.who(bare)

        # Last resort: the question may be a remembered phrase. Unquoted, it must be a few
        # words long, or any word a quote happens to contain would "match".
        quoted = _QUOTED.search(bare)
        if quoted:
            return await self.engine.whosaid(quoted[1] or quoted[2])
        if len(normalise(bare).split()) >= FALLBACK_WORDS:
            found = await self.engine.whosaid(bare)
            if isinstance(found, WhoSaidAnswer):
                return found
        return self.help()
