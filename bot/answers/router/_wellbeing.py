"""Someone's wellbeing and death: "is X ok", "was X hurt", "how is X feeling", and an obituary's
"how old was X when he died", "what did X die of", "where did he die"."""

from __future__ import annotations

import re

from bot.answers.passages import (
    Query,
    Scored,
    _mentions,
    forms_of,
    words_of,
)
from bot.answers.records import (
    Answer,
    NotFound,
    PassageAnswer,
)
from bot.answers.router._feelings import _ASKS_FEELING, FEELING_CUES, asked_feeling, telling
from bot.answers.router._stories import StoriesRouter
from bot.answers.understand import (
    Reading,
)
from bot.models import Person

__all__ = ["WellbeingRouter"]

#: The sentences of someone's other feelings shown when none tells the one asked.
NEAREST_FEELINGS = 2


class WellbeingRouter(StoriesRouter):
    """Someone's wellbeing and death, as the stories tell them."""

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

#: A question about someone's health: a health word after "is/was X", or an injury word
#: anywhere ("where did Martin get hurt", "how bad is Simpson's injury"). "ok but why did
#: Checo crash" opens with "ok": the word must follow the verb and the name.
_ASKS_HEALTH = re.compile(
    r"^(?:is|was|are|were|has|iz)\s+\S.*?\b(?:ok|okay|alright|all\s+right|fine|hurt|injured|"
    r"unhurt|uninjured|fit|well|safe|in\s+(?:the\s+)?hospital|badly\s+hurt|recovered)\b"
    r"|\b(?:hurt|injur(?:y|ed|ies)|hospital(?:ised|ized)?|broke\s+\w+|fractur\w*|"
    r"concussion|surgery|operation)\b"
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
