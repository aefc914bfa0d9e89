"""Picking the sentences shown: the best one, up to two more nearly as good from its
story, and the sentence before or after that the best one leans on or introduces.
"""

from __future__ import annotations

import re
from datetime import date

from bot.answers.passages._records import Scored, _date
from bot.answers.passages._shapes import _DEFINITE, _LATE_SUBJECT, _MARKER, _PRONOUN, _opens_with
from bot.answers.passages._words import _mentions, split_sentences

#: Sentences an answer shows at most, and how close to the best a second one must score.
MAX_SENTENCES = 3
SECOND_SHARE = 0.55
#: Most words of a sentence after the best one that tells how it came out ("It did not
#: work.", "They left him out."): shown with it, since it is the answer the best one sets up.
OUTCOME_WORDS = 5


#: Words that say where on a track something happened.
_PLACE_WORDS = re.compile(
    r"\b(?:turn|corner|hairpin|chicane|bend|straight|esses|kink|curve|bridge|sweeper)s?\b",
    re.I,
)


#: A sentence leaning on the one before for what it tells: a demonstrative its subject
#: ("That is why ...", "This meant ..."), or naming what the one before described
#: ("Engineers call that clipping."). Shown, it brings that one.
_LEANS = re.compile(
    r"^[\"“‘']?(?:that|this|these|those)\s+(?:is|was|are|were|has|had|have|meant|means|made|"
    r"makes|left|leaves|gave|gives|cost|costs|explains|explained|helped|helps|would|will|"
    r"could|can|did|does)\b|"
    r"\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed)\s+(?:that|this|it|these|those)\b",
    re.I,
)


TIE = 1.0
#: How near the best a sentence must score for its story's date alone to settle the tie:
#: a story that is no more about what is asked than the best one's wins on being newer only
#: when it answers nearly as well (a full ``TIE`` behind, the older story answers better).
DATE_TIE = 0.5

#: A best sentence this short ("Dunne's afternoon was the opposite.", "He kept it short.")
#: only announces what the next one tells: that one is shown after it.
SHORT_LEAD = 6


#: A sentence telling someone spoke, or was asked ("was asked on Monday what advice he
#: had"): the quotation after it is what they said, or their answer.
_SAID = re.compile(
    r"\b(?:said|says|told|added|admitted|wrote|explained|blamed|rejected|disagreed|agreed|"
    r"insisted|conceded|countered|replied|warned|joked|was blunter|buying it|was asked)\b",
    re.I,
)
_OPENS_QUOTE = re.compile(r"^[\"“‘']")


def _left_open(sentence: str) -> bool:
    """Whether a sentence opens a quotation (double marks, straight or curly) it does not
    close: the quotation goes on in the next sentence."""
    if "“" in sentence or "”" in sentence:
        return sentence.count("“") > sentence.count("”")
    at = sentence.rfind('"')
    # The last mark opens ('... said: "Don't', '"The rear'), not closes ('laps," he said').
    return sentence.count('"') % 2 == 1 and (at == 0 or sentence[at - 1].isspace())


#: How far into a sentence its subject may be named: "Mercedes team principal Toto Wolff".
SUBJECT_WORDS = 6


def _introduces(sentence: Scored, following: Scored | None) -> bool:
    """Whether a narrative sentence introduces the quote after it: its subject, in its first
    words, is the one who speaks that quote ("Leclerc saw it differently.", "Mercedes team
    principal Toto Wolff defended his driver."), so the quote tells what it only announces."""
    if following is None or following.speaker is None or sentence.quoted:
        return False
    names = {following.speaker.casefold()}
    names |= {part.casefold() for part in following.speaker.split() if len(part) >= 3}
    return _mentions(" ".join(sentence.text.split()[:SUBJECT_WORDS]), names)


class Picking:
    """The last step of the passage search (``Passages.find``): what is shown."""

    @staticmethod
    def _pick(
        scored: list[Scored],
        every: dict[tuple[int, int], Scored],
        place_asked: bool = False,
        asked: frozenset[str] = frozenset(),
        central: dict[str, tuple[int, int]] | None = None,
    ) -> list[Scored]:
        """The best sentence, and up to two more nearly as good from the same story.

        Stories whose best sentences score within a point of each other are a tie: the story
        the question is about wins it (``central``: about more of whom, then of what, is
        asked), and of those equally about it, the newest. A sentence that opens with a
        pronoun brings the one before it, which names whom it is about; asked where, one
        naming no place brings the one before it when that one does ("... into the chicane.
        X went down and could not rejoin").
        """
        if not scored:
            return []
        top = scored[0].score
        tied = [s for s in scored if s.score >= top - TIE]
        central = central or {}
        best = max(
            tied,
            key=lambda s: (
                central.get(s.passage.source.slug, (0, 0)) if s.passage.source else (0, 0),
                _date(s.passage) if _dated(s, top) else date.min,
                s.score,
            ),
        )
        slug = best.passage.source.slug if best.passage.source else ""
        picked = [best]
        for s in scored:
            if len(picked) >= MAX_SENTENCES:
                break
            if s is best or (s.passage.source and s.passage.source.slug != slug):
                continue
            if s.score >= SECOND_SHARE * best.score and s.text not in {p.text for p in picked}:
                picked.append(s)
        spans = split_sentences(best.passage.text)
        shown = {p.text for p in picked}
        definite = _DEFINITE.match(best.text) is not None
        placeless = (
            place_asked
            and best.position > 0
            and not _PLACE_WORDS.search(best.text)
            and bool(_PLACE_WORDS.search(best.passage.text[: spans[best.position][0]]))
        )
        if best.position > 0 and (
            _PRONOUN.match(best.text)
            or _LEANS.search(best.text)
            or _LATE_SUBJECT.search(best.text)
            or best.quoted
            or definite
            or placeless
            or best.lead
        ):
            # "She pulled off..." needs whom it is about; a quote, its opening sentence.
            a, b = spans[best.position - 1]
            text = best.passage.text[a:b].strip()
            if text not in shown:
                picked.insert(picked.index(best), _beside(best, text, every, -1))
                shown.add(text)
            else:
                # Picked already, but after it: the sentence it continues comes first.
                at = next(i for i, p in enumerate(picked) if p.text == text)
                if at > picked.index(best):
                    picked.insert(picked.index(best), picked.pop(at))
        headings = [p for p in picked if _MARKER.match(p.text) and len(p.text.split()) <= 9]
        for heading in headings[:1]:
            # "Lap 19 — HAMILTON IS OUT!": an entry's heading; what happened follows it.
            at = picked.index(heading) + 1
            own = split_sentences(heading.passage.text)
            for i in range(heading.position + 1, min(heading.position + 3, len(own))):
                a, b = own[i]
                text = heading.passage.text[a:b].strip()
                if text in shown:
                    at = max(at, 1 + next(j for j, p in enumerate(picked) if p.text == text))
                    continue
                picked.insert(at, Scored(heading.score, text, heading.passage,
                                         heading.order + 1, i))  # fmt: skip
                shown.add(text)
                at += 1
            return picked[: MAX_SENTENCES + 2]
        if (
            asked
            and best.position + 1 < len(spans)
            and not best.quoted
            and not _opens_with(best.text, asked)
        ):
            # "The Power Stage ... went to Evans, 0.4 seconds quicker than Solberg. Solberg
            # took four, ...": the next sentence is about the one asked, and tells it.
            a, b = spans[best.position + 1]
            text = best.passage.text[a:b].strip()
            if text not in shown and _opens_with(text, asked) and not _OPENS_QUOTE.match(text):
                picked.insert(picked.index(best) + 1, _beside(best, text, every, 1))
                return picked[: MAX_SENTENCES + 1]
        if best.position + 1 < len(spans) and not best.quoted:
            a, b = spans[best.position + 1]
            text = best.passage.text[a:b].strip()
            # "... Piastri had come in a lap earlier to try the undercut. It did not work.":
            # a short sentence after it, by pronoun, tells how what it told came out.
            outcome = (
                len(text.split()) <= OUTCOME_WORDS
                and _PRONOUN.match(text) is not None
                and not _OPENS_QUOTE.match(text)
            )
            # "Dale Earnhardt Jr. kept it short." is a lead-in: what he wrote follows.
            lead_in = len(best.text.split()) <= SHORT_LEAD
            if text not in shown and (outcome or lead_in):
                picked.insert(picked.index(best) + 1, _beside(best, text, every, 1))
                shown.add(text)
        # Each sentence shown from the best story, the best first, brings the words it
        # announces: "Okafor admitted the pit stop had cost her." shown second is followed
        # by her words on it, as the best one would be.
        for one in [best, *(p for p in picked if p is not best)]:
            said = _said_after(one, every)
            if said is not None and said.text not in {p.text for p in picked}:
                picked.insert(picked.index(one) + 1, said)
        return picked[: MAX_SENTENCES + 1]


def _dated(s: Scored, top: float) -> bool:
    """Whether a tied sentence's date may settle the tie: it scores within ``DATE_TIE`` of
    the best, or a section heading lent it words (its score already paid for them)."""
    return s.score >= top - DATE_TIE or s.heading_lent


def _said_after(one: Scored, every: dict[tuple[int, int], Scored]) -> Scored | None:
    """The sentence after ``one`` in its paragraph when ``one`` announces it: what a speaker
    went on to say, the rest of a quotation ``one`` opens, or the words its subject speaks."""
    spans = split_sentences(one.passage.text)
    if one.position + 1 >= len(spans):
        return None
    following = every.get((id(one.passage), one.position + 1))
    # '"The rear tyres went off on the opening stint.' is a quotation's first half: the
    # rest of it ('After that I was a passenger," Dunmore said.') is shown after it.
    half = _left_open(one.text)
    if not (
        one.speaker
        or _SAID.search(one.text)
        or _introduces(one, following)
        or one.from_next
        or half
    ):
        return None
    # "..., Evans said the win felt bittersweet." is followed by what he said; so is
    # "Martins was in no doubt about who was responsible." by his words on it.
    a, b = spans[one.position + 1]
    text = one.passage.text[a:b].strip()
    if _OPENS_QUOTE.match(text) or one.from_next or half:
        return _beside(one, text, every, 1)
    return None


def _beside(best: Scored, text: str, every: dict[tuple[int, int], Scored], step: int) -> Scored:
    """The sentence ``step`` away from ``best`` in its paragraph (``text``, its words), as the
    search scored it when it did, else scored as ``best``: the one way a sentence before or
    after the best is shown beside it."""
    return every.get((id(best.passage), best.position + step)) or Scored(
        best.score, text, best.passage, best.order + step, best.position + step
    )
