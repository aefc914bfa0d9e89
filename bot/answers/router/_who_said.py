"""Who said a phrase (failing a close quote, a quoted sentence holding its words: a
paraphrase), who asked about X in a transcript, and "X would not comment"."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from datetime import date
from difflib import SequenceMatcher

from bot.answers.passages import (
    Query,
    Scored,
    stem,
    stems,
    words_of,
)
from bot.answers.records import (
    Answer,
    Found,
    NotFound,
    PassageAnswer,
    WhoSaidAnswer,
)
from bot.answers.router._general import GeneralRouter
from bot.answers.router._reading import _WEAK, _YES_NO
from bot.answers.text import normalise, shorten
from bot.answers.understand import (
    SYNONYMS,
    Reading,
    read,
    stop_words,
)
from bot.models import INTERVIEWER, Quote
from bot.store import fts_terms

__all__ = ["WhoSaidRouter"]

#: Quotes holding the topic's words read for an interviewer's question about it.
ASKED_CANDIDATES = 200
#: Interviewers' questions shown for "who asked about X", the best first.
ASKED_SHOWN = 3
#: The share of the topic's words an interviewer's question must hold to be about it.
ASKED_COVER = 0.6

#: A question's pronouns for a woman, and for a man: whom its paraphrase speaks of.
_HER = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_HIM = re.compile(r"\b(?:he|him|his|himself)\b", re.I)

#: A report that someone would not speak: "X declined to comment", "would not be drawn",
#: "did not respond to a request for comment", "refused to discuss it". It answers "did X
#: say anything about it" (no), and is the nearest thing to a quote from X that there is.
_DECLINED = re.compile(
    r"\b(?:declined|refused|would\s+not|wouldn't|did\s+not|didn't|was\s+not\s+willing|"
    r"were\s+not\s+willing|is\s+not\s+going|was\s+not\s+going|not\s+going)\s+to\s+"
    r"(?:comment|discuss|speak|talk|respond|reply|answer|be\s+drawn)\b"
    r"|\bwould\s+not\s+be\s+drawn\b|\bno\s+comment\b|\bdid\s+not\s+respond\b"
    r"|\bdid\s+not\s+reply\b|\bdeclined\s+(?:requests?\s+)?for\s+comment\b",
    re.I,
)
#: A yes/no question asking whether someone spoke: "did X say anything", "has X commented",
#: "did X respond to the rumours", "has X spoken about it".
_SAID_ANYTHING = re.compile(
    r"\b(?:say|said|says|comment|commented|respond|responded|react|reacted|speak|spoken|"
    r"spoke|talk|talked|address|addressed)\b"
)


#: Words a paraphrase keeps in their order, stop words and all ("made a lot of noise"), to
#: tell the quoted sentence it remembers.
KEPT_RUN = 4


def _run_kept(phrase: str, text: str) -> int:
    """The longest run of the phrase's words, in order, that the text holds."""
    asked, told = normalise(phrase).split(), normalise(text).split()
    matcher = SequenceMatcher(None, asked, told, autojunk=False)
    return matcher.find_longest_match(0, len(asked), 0, len(told)).size


def _telling(phrase: str, names: Collection[str] = ()) -> list[str]:
    """A phrase's telling words, in its order: no stop word, no weak word, none of ``names``
    (the words of the people it names, for a paraphrase read whoever it names). The one filter
    of who said's close quote and of its paraphrase."""
    stop = stop_words()
    return [w for w in words_of(phrase) if w not in _WEAK and w not in stop and w not in names]


class WhoSaidRouter(GeneralRouter):
    """Who said a phrase, who asked about X, and who would not comment."""

    async def _general(self, bare: str, reading: Reading) -> Answer:
        """The passages' answer; "did X say anything about Y" that they deny is answered
        by a sentence saying X would not comment, when the articles have one."""
        answer = await super()._general(bare, reading)
        if (
            (
                (isinstance(answer, PassageAnswer) and answer.missing)
                or (isinstance(answer, NotFound) and not answer.suggestions)
            )
            and reading.people
            and _YES_NO.match(reading.low)
            and _SAID_ANYTHING.search(reading.low)
        ):
            declined = await self._declined(reading.people[0])
            if declined:
                return PassageAnswer(tuple(self.passages_found(declined[:1])), "")
        return answer

    async def _declined(self, name: str) -> list[Scored]:
        """The sentences reporting that ``name`` would not comment, best first."""
        query = Query(
            people=(name,), subject=name, need_written=_DECLINED, min_cover=0.0,
            search_more=("comment", "declined", "respond", "drawn"),
        )  # fmt: skip
        found, _ = await self.passages.find(query)
        return [s for s in found if s.subject and not s.quoted]

    async def _who_said(self, phrase: str) -> Answer:
        """Who said a phrase; failing a close quote, a quoted sentence that holds its words.

        A quote matched closely in shape but lacking the phrase's telling words ("who said
        he was thinking about dinner on the last lap": a long quote "thinking about" other
        things) gives way to a quoted sentence that holds every word it lacks ("... said he
        had 'thought about dinner, mostly'")."""
        found = await self.engine.whosaid(phrase)
        if isinstance(found, WhoSaidAnswer):
            lacking = {stem(w) for w in _telling(phrase) if len(w) > 3} - stems(found.quote.text)
            told = await self._paraphrased(phrase) if lacking else None
            if told is not None and lacking <= stems(told.passages[0].text):
                return told
            return found
        if not isinstance(found, NotFound):
            return found
        return await self._paraphrased(phrase) or found

    async def _paraphrased(self, phrase: str) -> PassageAnswer | None:
        """A quoted sentence holding most of a phrase's telling words, whoever it names."""
        reading = read(phrase, self.lookup)
        names = {w for p in reading.people for w in normalise(p).split()}
        groups = [(w, *SYNONYMS.get(w, ())) for w in _telling(phrase, names)]
        if len(groups) < 2:
            return None
        # A paraphrase ("the pit stop lost them the race"): a quoted sentence holding most of
        # its telling words, whoever it names.
        # Its words kept in their order ("made a lot of noise") help find the one it recalls.
        words = normalise(phrase).split()
        runs = tuple(" ".join(words[i : i + KEPT_RUN]) for i in range(len(words) - KEPT_RUN + 1))
        query = Query(groups=groups, need_speaker=True, min_cover=0.5, hints=runs)
        found_all, _ = await self.passages.find(query)
        answering = [s for s in found_all if s.speaker and await self._agrees(phrase, s)]
        # The remembered words kept in their order ("made a lot of noise") tell which quoted
        # sentence the paraphrase is of, over one merely holding as many of its words.
        kept = [_run_kept(phrase, s.text) for s in answering]
        best = max(kept, default=0)
        if best >= KEPT_RUN:
            answering = [answering[kept.index(best)]]
        if answering and answering[0].speaker:
            return PassageAnswer(tuple(self.passages_found(answering[:1])), f"Who said “{phrase}”?")
        return None

    async def _agrees(self, phrase: str, found: Scored) -> bool:
        """Whether a paraphrase's pronoun can stand for someone its answer is about.

        "who said the restart cost her the race" asks a woman's words ("it cost me"), or
        words whose paragraph speaks of a woman; a man's words in a paragraph with no "she"
        in it answer something else. "him" the same way round. A question with both, or
        neither, asks nothing of the speaker.
        """
        her, him = bool(_HER.search(phrase)), bool(_HIM.search(phrase))
        if her == him:
            return True
        women = await self._women()
        if her:
            return found.speaker in women or bool(_HER.search(found.passage.text))
        return found.speaker not in women or bool(_HIM.search(found.passage.text))

    async def _who_asked(self, topic: str) -> Answer | None:
        """Who asked about ``topic`` in a transcript: the interviewer's questions holding it.

        A press conference prints each question with its asker ("Q: (Jane Roe - Daily
        Paper) The safety car was long. Was it too long?"); the ingest keeps a question as
        the interviewer's words, so a phrase search (who said) never names the asker. The
        question's own paragraph, verbatim, does. None when no interviewer's question is
        about it: the passages may tell who asked for something ("X asked for team orders").
        """
        words = [w for w in words_of(topic) if w not in _WEAK and w not in stop_words()]
        wanted = {stem(w) for w in words}
        terms = fts_terms(" ".join(words))
        if not wanted or not terms:
            return None
        rows = await self.engine.store.quote_texts_matching(terms, limit=ASKED_CANDIDATES)
        if not rows:  # "the safety cars": any of its words, the share held decides
            rows = await self.engine.store.quote_texts_matching(
                terms, any_term=True, limit=ASKED_CANDIDATES
            )
        ids = [i for i, _ in rows]
        statements = await self.engine.store.statements_of(ids) if ids else {}
        asked: dict[tuple[str, int], tuple[float, Quote]] = {}
        for quote_id in ids:
            q = next((p for p in statements.get(quote_id, ()) if p.id == quote_id), None)
            if q is None or q.speaker is not None or q.label != INTERVIEWER or q.source is None:
                continue
            cover = len(wanted & stems(q.text)) / len(wanted)
            if cover >= ASKED_COVER:
                asked[(q.source.slug, q.paragraph)] = (cover, q)
        if not asked:
            return None
        best = sorted(
            asked.values(),
            key=lambda cq: (cq[0], cq[1].source.published if cq[1].source else date.min),
            reverse=True,
        )[:ASKED_SHOWN]
        shown: list[Found] = []
        for _, q in best:
            assert q.source is not None
            paragraphs = await self.engine.store.article_passages(q.source.slug)
            for p in paragraphs:
                if p.paragraph == q.paragraph and p.source is not None:
                    shown.append(
                        Found(p.text, dataclasses.replace(p.source, paragraph=p.paragraph))
                    )
        return (
            PassageAnswer(tuple(shown), f"Who asked about “{shorten(topic)}”?") if shown else None
        )
