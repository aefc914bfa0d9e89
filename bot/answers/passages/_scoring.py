"""Scoring one sentence against a question, and whether it answers rather than is near.

``Scoring`` holds the two steps as the methods ``Passages.find`` calls; the helpers below
are theirs alone (the words a cause or a date is told by, initials, a thing said to exist).
Whom an act is done to is ``_direction``'s, which the yes/no router reads too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from bot.answers._sections import opens_with_team_but
from bot.answers.lookup import Lookup
from bot.answers.passages._direction import act_of_another, done_to
from bot.answers.passages._hedged import act_only_hedged
from bot.answers.passages._our_team import our_team
from bot.answers.passages._records import Query, Scored, Searches, _speaker_of
from bot.answers.passages._shapes import (
    _BACK_REFERENCE,
    _DEFINITE,
    _LATE_SUBJECT,
    _MARKER,
    _PRONOUN,
    _SANCTION_FOR,
    _names_no_one,
    _opens_with,
)
from bot.answers.passages._words import _has, _mentions, stem, stems, words_of
from bot.answers.text import capitalised_runs, normalise
from bot.answers.understand import stop_words
from bot.models import Passage, Quote, ReportedStatement

#: What a "why" sentence gains by giving a sanction with its reason.
CAUSE_SHARE = 2.5


#: What a hint the sentence's headline holds (not the sentence) adds; the sentence's own: 2.
HEADLINE_HINT = 1.0


_EPITHET_SAID = re.compile(
    r"[,\"”’']\s+(?:the|his|her)\s+[\w-]+(?:\s+[\w-]+){0,2}\s+(?:said|added|told|admitted|"
    r"insisted|explained)\b"
)


_OBJECT_PRONOUN = re.compile(r"\b(?:him|her|them)\b")


#: "he", "his", "him" anywhere in a sentence: "A broken exhaust after his second stop cost
#: him four laps" goes on about the subject of the sentence before it.
_HELD_PRONOUN = re.compile(r"\b(?:he|she|his|him|her)\b", re.I)
#: A capitalised word before a number names a place in the race, no one: "Lap 90", "Turn 3".
_NUMBERED = re.compile(r"\b[A-Z][a-z]+\.?\s+\d")


def _told_on(sentence: str) -> bool:
    """Whether a narrative sentence names no one but says he, his or him, opening with a
    plain word ("A broken exhaust after his second stop on Lap 90 cost him four laps"): it
    tells more of whom the sentence before it opened with."""
    words = words_of(sentence)
    return (
        bool(words)
        and words[0] in stop_words()
        and _HELD_PRONOUN.search(sentence) is not None
        and _names_no_one(_NUMBERED.sub(" 0", sentence))
    )


#: The kinds whose act is done by speaking (blaming, criticising, thanking ...): a sentence
#: of the asked one's words tells their act, whoever it names.
_SAID_ACTS = frozenset({"blame", "criticise", "defend", "thank", "accept", "admit"})
#: The words inside quotation marks in a sentence told partly in narration.
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')

#: A sentence that meets the kind's cue must still hold this share of the question's words.
CUED_COVER = 0.34


@functools.lru_cache(maxsize=4096)
def _headline_has(headline: str, phrase: str) -> bool:
    """:func:`_has` for a story's headline (folded), asked once per story and hint."""
    return _has(headline, phrase)


#: "There is/are/will be (no) X": whether X exists, said; the words after it that name X.
_THERE_IS = re.compile(
    r"\bthere\s+(?:is|are|was|were|will\s+be|would\s+be|won['’]t\s+be|has\s+been|have\s+been|"
    r"is\s+not|are\s+not|isn['’]t|aren['’]t)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)",
    re.I,
)
#: What a sentence saying whether the thing a yes/no question asks about exists gains.
EXISTS_SHARE = 3.0


def _tells_there_is(sentence: str, group_stems: Sequence[tuple[str, ...]]) -> bool:
    """Whether a sentence says there is (or is no) something the question names, in the few
    words after "there is": "There is no sprint this weekend", "there will be no limit"."""
    asked = {x for g in group_stems for x in g}
    stop = stop_words()
    for m in _THERE_IS.finditer(sentence):
        words = words_of(m[1])
        while words and words[0] in _QUANTIFIERS:
            words = words[1:]
        # The thing said to exist runs to the first word that is no part of its name
        # ("no limit on stint length": the limit; "no sprint this weekend": the sprint).
        named = []
        for w in words:
            if w in stop:
                break
            named.append(w)
        if asked & {stem(w) for w in named}:
            return True
    return False


#: What may stand between "there is" and the thing said to exist.
_QUANTIFIERS = frozenset({"no", "not", "a", "an", "any", "some", "one", "only", "never"})


#: Runs of capitalised words: a team's or a body's name, whose initials fans type.
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:of|de|&)\s+)?){1,4}[A-Z][\w'’-]*")


def _initialled(sentence: str, forms: frozenset[str]) -> bool:
    """Whether the sentence names something whose initials are one of ``forms``."""
    for m in _CAPITALISED_RUN.finditer(sentence):
        words = [w for w in m[0].split() if w[:1].isupper()]
        if "".join(w[0] for w in words).casefold() in forms:
            return True
    return False


def _clipped(low: str, forms: frozenset[str]) -> bool:
    """Whether the sentence holds a word that one of ``forms`` begins: a fan's clipped word
    no article holds ("min" for "minimum", "quali" for "qualifying")."""
    clipped = [re.escape(f) for f in forms if len(f) >= 3]
    return (
        bool(clipped) and re.search(rf"(?<!\w)(?:{'|'.join(clipped)})[a-z]{{2,}}", low) is not None
    )


def _told_by_lead(need: Searches) -> bool:
    """Whether what ``need`` asks (a lap, a stage, a date) may be told by a sentence's lead:
    a place in the standings or a number, which a lead gives about someone else, may not."""
    return need.search("he was fifth, 40 points behind") is None


def _sentence_before(text: str, span: tuple[int, int]) -> str:
    """The sentence of a paragraph before the one at ``span`` (roughly: from the last
    sentence end before it), without splitting the whole paragraph again."""
    head = text[: span[0]].rstrip()
    cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("? ", 0, len(head) - 1),
              head.rfind("! ", 0, len(head) - 1))  # fmt: skip
    return head[cut + 2 :] if cut >= 0 else head


def _asks_a_date(need: Searches) -> bool:
    """Whether a query's required pattern is a date's ("on Sunday", "July 14")."""
    return need.search("it was on sunday") is not None


class Scoring:
    """The scoring steps of the passage search (``Passages.find``)."""

    lookup: Lookup

    def _names_another(self, sentence: str, name: str) -> bool:
        """Whether a sentence names a stored person other than ``name``: "Brandt beat Teo
        Vell to fourth. A slow stop had cost him the podium" leaves "him" either's, so the
        sentence after it tells of neither."""
        index = self.lookup.index
        for words in capitalised_runs(sentence):
            for key in {normalise(" ".join(words)), *map(normalise, words)}:
                if key in index.exact and index.exact[key] != name:
                    return True
                if name not in index.ambiguous.get(key, (name,)):
                    return True
        return False

    def _score(
        self,
        query: Query,
        span: tuple[int, int],
        passage: Passage,
        rank: int,
        position: int,
        group_stems: list[tuple[str, ...]],
        weights: list[float],
        cue_stems: set[str],
        name_forms: list[set[str]],
        quotes: Sequence[Quote],
        reported: Sequence[ReportedStatement],
        required: set[str],
        team_forms: list[set[str]],
        previous: set[str],
        story: frozenset[str] = frozenset(),
        rare: frozenset[str] = frozenset(),
        initialisms: dict[int, frozenset[str]] | None = None,
        teams: Mapping[str, str] | None = None,
    ) -> Scored | None:
        """Score one sentence; ``previous`` carries the names the sentence before it named,
        for a sentence that opens with a pronoun ("She pulled off at Turn 5"); ``teams`` the
        team the passage's story gives each speaker."""
        sentence = passage.text[span[0] : span[1]].strip()
        if not any(c.isalpha() for c in sentence):
            return None  # a numbered heading's "2." tells nothing
        have = stems(sentence)
        low = sentence.casefold()
        # A live blog's entry opens with its lap or time ("Lap 33 — DRAMA!"): every
        # sentence of the entry happened then, so its marker counts for each of them.
        marker = _MARKER.match(passage.text) if position else None
        dated = f"{marker[0].casefold()} {low}" if marker else low
        speaker, quoted, was_reported = _speaker_of(passage, span, quotes, reported)
        if query.speaker_only and speaker != query.speaker_only:
            return None
        if query.need_speaker and speaker is None:
            return None
        # A report's word for the fan's must be the sentence's own; so must a number (the
        # pattern ``need`` is checked on the sentence itself below), but the story's other
        # words hold for its dated sentence ("The announcement, made on July 14" of the
        # story headed "Bearman signs for Audi").
        if query.need is not None and not _asks_a_date(query.need):
            covered = have  # "how many poles": the thing counted is the sentence's own too
        else:
            covered = have | frozenset(w for w in story - query.own_only if not w[:1].isdigit())
        if speaker is not None and not was_reported:
            # "We will not protest", said by the team's principal: the team's own word.
            year = passage.source.published.year if passage.source else 0
            covered |= our_team(speaker, (teams or {}).get(speaker), sentence, year)
        matched = sum(w for g, w in zip(group_stems, weights, strict=True) if covered & set(g))
        own = frozenset(i for i, g in enumerate(group_stems) if have & set(g))
        for i, forms in (initialisms or {}).items():
            if _initialled(sentence, forms) or _clipped(low, forms):
                matched += weights[i]
                own |= {i}
        rarest = not rare or bool(have & rare)
        cover = matched / sum(weights) if weights else 0.0
        score = matched
        # The fan's own words over what articles also call them ("podium" over "won").
        score += 0.5 * len(have & set(query.asked))
        named = subject = False
        here: set[str] = set()
        # "She pulled off", "The Triple Eight driver blamed himself", '..., the Queenslander
        # said': a sentence naming no one continues with whom the one before named.
        pronoun = bool(
            _PRONOUN.match(sentence)
            or _DEFINITE.match(sentence)
            or _EPITHET_SAID.search(sentence)
            or _LATE_SUBJECT.search(sentence)
        )
        must = bool(required & have) or any(_has(low, c) for c in query.required_phrases)
        # "did the stewards penalise X": their decision on "the incident" is about whom the
        # sentences before it named; only a decision (the kind's cue) is, and only asked yes
        # or no ("what penalty did X get" is not told by "the incident will be investigated").
        pronoun = pronoun or bool(query.yes_no and must and _BACK_REFERENCE.search(sentence))
        # "The stewards gave him a five-second penalty": the decision (the kind's cue) done
        # to "him" is about whom the sentence before named (or who spoke it).
        pronoun = pronoun or bool(must and _OBJECT_PRONOUN.search(sentence))
        # "Bezzecchi had crossed the line third, ahead of Marquez. Forty minutes later the
        # stewards issued a 16-second penalty": a narrative sentence naming no one goes on
        # about the subject of the one before it (a quotation's speaker is told by
        # attribution instead).
        plain = bool(
            must
            and position
            and not pronoun
            and not quoted
            and _names_no_one(sentence)
            and not _BACK_REFERENCE.search(sentence)  # "the incident": see above
        )
        told_on = bool(position and not pronoun and not quoted and _told_on(sentence))
        before = _sentence_before(passage.text, span) if plain or told_on else ""
        for forms, name in zip(name_forms, query.people, strict=True):
            carried = pronoun or (
                (plain or (told_on and not self._names_another(before, name)))
                and _opens_with(before, forms)
            )
            if _mentions(sentence, forms) or speaker == name or (carried and name in previous):
                here.add(name)
        team = False
        for forms, name in zip(team_forms, query.team_people, strict=True):
            if _mentions(sentence, forms) or speaker == name or (pronoun and name in previous):
                here.add(name)
                team = True
                score += 2.0
        if team and query.team_words:
            # "who did Nissan blame": "Volpe took the blame for the team" holds the team's name
            # as its principal's (or spokesman's) word.
            extra = sum(
                w
                for g, w in zip(group_stems, weights, strict=True)
                if query.team_words & set(g) and not covered & set(g)
            )
            matched += extra
            score += extra
            cover = matched / sum(weights) if weights else 0.0
        if (
            query.all_people
            and len(here & set(query.people)) == len(query.people) - 1
            and _OBJECT_PRONOUN.search(sentence)
        ):
            # "Lewis called me. ... I thanked him for that": "him" is whom the sentence
            # before named.
            here.update(n for n in query.people if n in previous)
        previous.clear()
        previous.update(here)
        for name in here & set(query.people):
            score += 3.0
            named = True
            subject = subject or name == query.subject
        if (
            subject
            and len(query.people) >= 2
            and speaker != query.subject
            and done_to(
                sentence,
                {s for g in group_stems for s in g},
                name_forms[query.people.index(query.subject)],
                past=True,
            )
        ):
            # "did Bezzecchi pass Acosta": "Acosta passed Bezzecchi" tells it the other way.
            subject = False
            score -= 3.0
        # "did Larsen crash": "Odo Brandt crashed out ... and Jon Larsen finished fourth"
        # tells Brandt's crash; "did Williams complain": "though Haas complained", Haas'.
        # "will Harlow appeal": "We think we should appeal" only weighs it.
        # "does Bortoleto still blame Hadjar": 'Asked whether he still held Hadjar
        # responsible, the Brazilian said it had been "his mistake"' is his own blame, told
        # in his words: an act done by speaking is the speaker's, whoever it names. Unless
        # his words name another as its doer: '"Odo blamed the team, not me," said Larsen'.
        another = bool(query.act) and act_of_another(sentence, set(query.act), query.act_by)
        words = sentence if quoted else " ".join(m[1] or m[2] for m in _QUOTED.finditer(sentence))
        spoken = (
            speaker is not None
            and speaker == query.subject
            and bool(query.kinds & _SAID_ACTS)
            and not (another and act_of_another(words, set(query.act), query.act_by))
        )
        others = (
            bool(query.act)
            and not spoken
            and (another or (query.act_firm and act_only_hedged(sentence, set(query.act))))
        )
        if others and subject:
            subject = False
            score -= 3.0
        if spoken and subject:
            score += 1.5  # their own words over a sentence naming them in another's act
        asked = query.team_group
        if asked is not None and not team and not covered & set(group_stems[asked]):
            # "what did mclaren say about tyre wear": "Ferrari said the tyre wear was high".
            others = others or opens_with_team_but(sentence, set(query.groups[asked]))
        all_named = len(here & set(query.people)) == len(query.people)
        cue_hits = len(cue_stems & have) + sum(
            _has(low, c) for c in (*query.cue_phrases, *query.prefer_phrases)
        )
        cue = cue_hits > 0
        if cue:
            score += 2.0 + min(cue_hits, 3)
        if must:
            score += 3.0
        if query.prefer_quotes and speaker:
            score += 1.0
        if _tells_there_is(sentence, group_stems):
            # "is there a tyre limit", "are there limits on the tyres": "there will be no
            # limit on stint length" says whether the thing asked exists (as a cue of the
            # kind says an answer's shape); a sentence only naming a limit does not.
            score += EXISTS_SHARE
            cue = True
        if query.loose and not query.prefer_quotes and _SANCTION_FOR.search(sentence):
            # "why did X get a penalty": the sentence giving the sanction with its reason
            # ("a five-second penalty for leaving the track") tells why; the lede's "and a
            # five-second time penalty" only that it was given.
            score += CAUSE_SHARE
        told_before = False
        if query.need is not None:
            if query.need.search(dated):
                score += 2.0
            elif (
                position
                and named
                and _told_by_lead(query.need)
                and query.need.search(_sentence_before(passage.text, span))
            ):
                # "The race turned on lap 12. Petrucci ... ran into Bassani": the lap of
                # what the sentence tells is the one its lead gives; both are shown.
                score += 1.0
                told_before = True
            else:
                return None
        if query.need_written is not None and not query.need_written.search(sentence):
            return None
        for phrase in query.phrases:
            if not _has(dated, phrase):
                return None
            score += 4.0
        hinted = False
        headline = passage.source.headline.casefold() if passage.source else ""
        for phrase in query.hints:
            if _has(dated, phrase):
                score += 2.0
                hinted = True
            elif headline and _headline_has(headline, phrase):
                # "when is the mugello sprint": the preview headed by Mugello tells "with
                # the Sprint at 3pm" without repeating the place; it counts for less.
                score += HEADLINE_HINT
        # The lede tells the story; later paragraphs tell its details.
        score += 0.6 / passage.paragraph + 0.2 / (position + 1)
        return Scored(
            score, sentence, passage, rank * 100 + position, position, speaker, quoted,
            was_reported, cue, named, subject, cover, hinted, must, all_named, team, rarest,
            own=own, lead=told_before, people=frozenset(here & set(query.people)),
            others=others,
        )  # fmt: skip

    @staticmethod
    def _answers(query: Query, s: Scored) -> bool:
        """Whether a sentence answers the question, rather than being merely near it."""
        if (query.required or query.required_phrases) and not s.required:
            return False
        if s.others:
            return False
        if query.need_cue and not s.cue:
            return False
        if query.subject is not None and not s.subject:
            return False
        if query.people and not s.named and not (query.object_people and s.story_named):
            return False
        if query.all_people and not s.all_named:
            return False
        if query.need_team and not s.team:
            return False
        if query.need_rarest and not s.rarest:
            return False
        if query.groups and not query.loose:
            if s.cover < query.min_cover and not (s.required or s.cue):
                return False
            asked = query.yes_no and s.subject  # "did Perez thank the fans": his thanks
            if (
                (s.required or s.cue)
                and not asked
                and (s.cover < CUED_COVER or (len(query.groups) >= 2 and s.cover <= 0.5))
            ):
                return False  # "how many seconds did Evans win by": "won" alone is not it
        return bool(s.cover or s.cue or s.named or query.phrases or query.need or s.hinted)
