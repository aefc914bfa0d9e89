"""Reported speech: a named subject, a reporting verb and a that-clause."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.attribution.mentions import _Mentions
from bot.ingest.attribution.patterns import _ADVERB
from bot.ingest.people import Mention, PeopleIndex
from bot.ingest.resolve import RegisterLike
from bot.ingest.text import Segment
from bot.models import Quote, ReportedStatement

_DOUBLE_MARKS = frozenset('"“”„«»')
#: A subject right after these is inside a question put to someone, not a statement of theirs.
_QUESTIONED = re.compile(r"\b(?:whether|if)\s+$|\basked\s+(?:\w+\s+)?$", re.IGNORECASE)
_REPORT_VERB = re.compile(
    r"\b(?:said|says|insisted|insists|claimed|claims|argued|argues|believes|believed|admitted|"
    r"admits|added|explained|stressed|maintained|conceded|suggested|suggests|felt|feels|thinks|"
    r"thought|warned|revealed|acknowledged|confirmed|reckons|reckoned|noted|predicted|agreed|"
    r"accepted|hinted|indicated|told)\b"
)
_AUX = (
    r"was|is|were|are|had|has|have|would|could|should|will|can|might|must|did|does|do|may|"
    r"wasn't|isn't|weren't|hadn't|hasn't|wouldn't|couldn't|shouldn't|won't|can't|didn't|"
    r"doesn't|don't|needed|needs|deserved|deserves|made|felt|feels|lacked|lacks|went|got|"
    # what a subject wanted, expected or knew: "Verstappen said he expected Red Bull to ..."
    r"expected|expects|wanted|wants|hoped|hopes|planned|plans|intended|intends|knew|knows|"
    r"believed|believes|regretted|regrets|accepted|accepts|understood|understands"
)
#: What may stand between a subject and its reporting verb: adverbs, an outlet's credit or
#: the occasion set off by commas ("Hamilton, according to the Italian newspaper, had told
#: friends that ...", "Bearman, speaking to the media, said that ..."),
#: and the rumour's hedge ("is understood to have told", "is said to have told").
_SUBJECT_TO_VERB = re.compile(
    r"(?:\s*,\s+(?:according\s+to|speaking\s+(?:to|at|on|after)|talking\s+to)\s+"
    rf"[^,.;:!?]{{1,60}},)?\s+{_ADVERB}*"
    r"(?:(?:is|was|are|were)\s+(?:understood|said|believed|thought|reported|reputed)\s+"
    r"to\s+have\s+)?"
)
_BARE_CLAUSE = re.compile(
    r"(?:he|she|they|it|there|we|I|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"|(?:his|her|their|the|a|an|its)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    rf"\s+(?:{_AUX})\b"
)
_REPORT_CUT = re.compile(
    r",\s+but\s+|\s+but\s+|\s+while\s+|\s+whilst\s+|\s+whereas\s+|;\s+|,?\s+although\s+"
)


def _clause_after(paragraph: str, start: int, end: int, *, told: bool) -> str | None:
    """The that-clause after a reporting verb, cut at the next clause boundary."""
    tail = paragraph[start:end]
    if told:
        # "told reporters in Montreal on Thursday that ...": whom and where, then the clause.
        m = re.match(r"\s+(?:[\w'’.-]+\s+){1,6}?that\s+", tail)
        if m is None:
            return None
        body = tail[m.end() :]
    else:
        m = re.match(r"\s+that\s+", tail)
        body = tail[m.end() :] if m else tail.lstrip()
        if m is None and not _BARE_CLAUSE.match(body):
            return None
    cut = _REPORT_CUT.search(body)
    if cut:
        body = body[: cut.start()]
    body = body.strip().rstrip(".!?,;: ").strip()
    return body if len(body.split()) >= 3 else None


#: The subject's own predicate before the reporting verb joins it: "Weug was content with
#: second but admitted the restart had cost her".
_COORDINATED_PREDICATE = re.compile(rf"\s+[^,;:!?\"“”()]{{1,60}}?\s+(?:but|and|yet)\s+{_ADVERB}*")


def _coordinated_subject(masked: str, before: list[Mention], a: int, verb: int) -> Mention | None:
    """The sentence's subject when a predicate of its own comes before the reporting verb
    ("Weug was content with second but admitted ..."). Only the one person the sentence
    names before the verb, opening it: in "Hamilton beat Verstappen easily and said" the
    last name is the object, and who said it is left to the other sieves."""
    if len(before) != 1:
        return None
    subject = before[0]
    opening = masked[a : subject.start].strip()
    if opening and not opening.endswith(","):
        return None
    return subject if _COORDINATED_PREDICATE.fullmatch(masked, subject.end, verb) else None


def _subject_of(masked: str, before: list[Mention], verb: int) -> Mention | None:
    """The last mention before a reporting verb that the verb can belong to, or None.

    A mention inside an outlet's credit set off between them ("Hamilton, according to the
    Italian newspaper, had told") is passed over; without a comma only the last can be it.
    """
    if not before:
        return None
    if "," not in masked[before[0].end : verb]:
        last = before[-1]
        return last if _SUBJECT_TO_VERB.fullmatch(masked, last.end, verb) else None
    return next(
        (x for x in reversed(before) if _SUBJECT_TO_VERB.fullmatch(masked, x.end, verb)), None
    )


class _Reported(_Mentions):
    """Paraphrase kept as reported statements, never as quotes."""

    # -- reported speech ------------------------------------------------------------------

    def _reported(
        self,
        number: int,
        paragraph: str,
        masked: str,
        mentions: list[Mention],
        a: int,
        b: int,
    ) -> None:
        if not _DOUBLE_MARKS.isdisjoint(paragraph[a:b]):
            return
        for verb in _REPORT_VERB.finditer(masked, a, b):
            before = [x for x in mentions if a <= x.start and x.end <= verb.start()]
            subject = _subject_of(masked, before, verb.start()) or _coordinated_subject(
                masked, before, a, verb.start()
            )
            if subject is None or not subject.subject_like:
                continue
            if _QUESTIONED.search(masked, a, subject.start):
                # "was asked whether he thought X": the question, not anything he said.
                continue
            found = self._speaker_of(subject, masked, mentions)
            if found.status != "person" or found.speaker is None:
                continue
            clause = _clause_after(paragraph, verb.end(), b, told=verb.group(0) == "told")
            if clause is not None:
                self.reported.append(ReportedStatement(found.speaker, clause, number))
                return

    def _reported_around(
        self,
        number: int,
        paragraph: str,
        masked: str,
        mentions: list[Mention],
        a: int,
        b: int,
        quoted: Sequence[Segment],
    ) -> None:
        """Reported speech in the narration around a sentence's quotations: 'He would not
        blame race control, which had done "exactly what the rulebook says", but he said the
        procedure had decided a world championship'; 'Sheldon said he was happy "as long as
        ...", and René said I could have the night stints'. Each stretch between the
        quotation marks is read as a sentence of its own; the quotations stay quotes."""
        start = a
        for seg in [*quoted, None]:
            end = b if seg is None else seg.open_mark
            # A clause running on into the quotation ('said the car was "awful"') is the
            # quotation's; one closed by a comma before it, or by the sentence, is whole.
            whole = seg is None or paragraph[start:end].rstrip().endswith(",")
            if whole and end - start > 1:
                self._reported(number, paragraph, masked, mentions, start, end)
            if seg is not None:
                start = seg.span_end


#: Someone's words told inside another's quotation: '"In Melbourne Alex told us it felt like
#: somebody had opened a parachute," said Rousseau'. The teller's, quoted; the words told are
#: the one named's, reported (never their own quotation). "Told me about every call he had"
#: tells what they talked of, not what they said: no words of theirs follow.
_TOLD_INSIDE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
    r"(?:(?:told|tells)\s+(?:us|me|them|him|her|the\s+team|the\s+engineers|everyone)"
    r"|(?:said|says)\s+to\s+(?:us|me|them|him|her))"
    r"\s+(?!(?:about|of|off|everything|nothing|anything)\b)"
    r"(?:that\s+)?(?P<clause>[^.!?;]+)"
)
#: The verbs every ``_TOLD_INSIDE`` match holds, as written: a quotation with none tells no
#: one's words, and is not searched (most are not: the search was a hundredth of a build).
_TOLD_VERBS = ("told", "tells", "said", "says")


def reported_inside_quotes(
    quotes: Sequence[Quote],
    people: PeopleIndex,
    paragraphs: Sequence[str],
    register: RegisterLike,
) -> list[ReportedStatement]:
    """What a quoted speaker tells that someone else said or felt ("Alex told us it felt
    like ..."), as that someone's reported statement, marked as told by the speaker. The one
    named must be a person of the article, or a first name the register knows with a surname
    the article writes ("Alex" and "Albon": Alex Albon); never the speaker."""
    found: list[ReportedStatement] = []
    for quote in quotes:
        if quote.speaker is None or quote.kind != "direct":
            continue
        if not any(verb in quote.text for verb in _TOLD_VERBS):
            continue
        for m in _TOLD_INSIDE.finditer(quote.text):
            # "In Melbourne Alex told us": the name is the words before the verb, or the last
            name = _person_named(m["name"], people, paragraphs, register) or (
                _person_named(m["name"].split()[-1], people, paragraphs, register)
                if " " in m["name"]
                else None
            )
            clause = m["clause"].strip().rstrip(",")
            if name is None or name == quote.speaker or len(clause.split()) < 3:
                continue
            text = f"{clause} (as {quote.speaker} told it)"
            found.append(ReportedStatement(name, text, quote.paragraph))
    return found


def _person_named(
    name: str, people: PeopleIndex, paragraphs: Sequence[str], register: RegisterLike
) -> str | None:
    """The person ``name`` stands for in this article: one of its people, or the one person
    the register knows by ``name`` and a surname the article writes."""
    if (known := people.resolve(name)) is not None:
        return known
    if " " in name:
        return None
    surnames = {
        re.sub(r"['’]s?$", "", w)  # "Albon's" is Albon
        for p in paragraphs
        for w in re.findall(r"\b[A-Z][\w'’-]{2,}", p)
        if w != name
    }
    matches = {f"{name} {w}" for w in surnames if len(register.find(f"{name} {w}")) == 1}
    return matches.pop() if len(matches) == 1 else None
