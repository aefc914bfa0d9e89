"""Speech verbs and the shapes of tags, subjects, epithets and credits the sieves read."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.text import Segment


def _words(text: str) -> frozenset[str]:
    """Read a whitespace-separated word list (long lists stay readable as prose)."""
    return frozenset(text.split())


DEFAULT_SETTING = "remarks"

_SPEECH = (
    r"said|says|say|added|adds|wrote|writes|told|tells|explained|explains|continued|insisted|"
    r"insists|admitted|admits|claimed|claims|stated|posted|tweeted|reflected|joked|jokes|"
    r"conceded|concedes|revealed|noted|remarked|replied|responded|answered|asked|warned|argued|"
    r"declared|acknowledged|confessed|commented|recalled|shouted|radioed|complained|vowed|"
    r"reckoned|reckons|suggested|laughed|concluded|enthused|fumed|quipped|lamented|stressed|"
    r"maintained|urged|mused|cautioned|predicted|agreed|observed|pointed out|went on|"
    r"insisted|explained|reiterated|admitted|confirmed|announced|messaged|texted|grinned|"
    r"smiled|sighed|beamed|groaned|barked|yelled|screamed|cried|shot back|hit back|fired back|"
    r"countered|retorted|snapped|interjected|chipped in|offered|teased|deadpanned"
)
_SPEECH_PRE = _SPEECH + r"|adding|saying|writing|explaining|insisting|telling|noting|posting"
_ADVERB = r"(?:(?:later|also|then|simply|just|had|has|have|would|once|again|\w+ly)\s+)"
_PUNCT = r"^[\s,.!?…—–-]*"
_SUBJ = r"(?P<subj>(?:[^,.;:!?\"“”]|(?<=\bSr|\bJr)\.){1,80}?)"
#: The subject starts at a word: a dash before "said X" is punctuation, not a subject.
_POST_SUBJECT_FIRST = re.compile(
    rf"{_PUNCT}(?=[^\W_]){_SUBJ}\s+{_ADVERB}{{0,2}}(?P<verb>{_SPEECH})\b"
)
#: '"...," Blaney, 31, said', '"...," Hamlin, who led 88 laps, said': a name, a description
#: set off by commas (an age, a who-clause, a noun phrase), then the speech verb.
_POST_APPOSED = re.compile(
    rf"{_PUNCT}(?P<subj>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}),\s+"
    r"(?:\d{1,2}|(?:who|the|a|an|his|her)\s+[^,;:!?\"“”]{1,60}?),\s+"
    rf"{_ADVERB}{{0,2}}(?P<verb>{_SPEECH})\b"
)
_POST_VERB_FIRST = re.compile(rf"{_PUNCT}(?P<verb>{_SPEECH})\s+(?P<subj>[^,.;:!?\"“”]{{1,80}})")
_ACCORDING = re.compile(r"^[\s,.!?…—–-]*according\s+to\s+(?P<subj>[^,.;:!?\"“”]{1,80})", re.I)
#: "“Hard but fair,” was the Brazilian's verdict": the quote is the named person's words.
_POST_VERDICT = re.compile(
    r"^[\s,.!?…—–-]*(?:was|came)\s+(?P<subj>(?:the\s+)?(?:\d{1,2}-year-old|[A-Z][\w-]*)"
    r"(?:\s+[A-Z][\w-]*){0,3})['’]s?\s+(?P<verb>verdict|view|assessment|take|response|reply|"
    r"answer|reaction|summary|explanation|message|defence|defense|warning|promise|excuse)\b"
)
_PRE_VERB = re.compile(rf"\b(?P<verb>{_SPEECH_PRE})\b")
#: A speech verb ending the narration before a quote ("..., adding").
_BARE_VERB = re.compile(rf"\b(?:{_SPEECH_PRE})\s*$")
_LONGEST_VERB = max(len(verb) for verb in _SPEECH_PRE.split("|"))
#: What may follow a tag before the quote it introduces: a colon, a comma, or a dash
#: ('"It was" – said Verstappen – "a good fight"').
_TAG_TAIL = re.compile(r"[^\"“”]{0,60}(?:[:,–—]|\s-)\s*")
_PRE_ACCORDING = re.compile(r"according\s+to\s+(?P<subj>[^,.;:!?\"“”]{1,80}),\s*$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+$", re.I)
_CLAUSE_WORDS = _words(
    "while whilst and but as when after before because although though whereas since who "
    "which that if where once until unless so"
)
_CLAUSE_BOUNDARY = re.compile(
    r"\s+while\s+|\s+whilst\s+|\s+whereas\s+|;\s+|,\s+but\s+|\s+but\s+|,?\s+although\s+"
)


#: A clause that starts with a verb shares the subject of the clause before it.
_SUBJECTLESS = re.compile(
    r"(?:and\s+|but\s+)?(?:also\s+|then\s+)?(?:[a-z]+(?:ed|s)\b(?<!\bhis)|"
    # irregular verbs of saying and thinking: "praised his drivers but said ..."
    r"(?:said|told|wrote|thought|felt|knew)\b)"
)
#: A leading subordinate clause, up to its comma.
_SUBORDINATE = re.compile(
    r"\s*(?:As|When|After|Before|While|Whilst|Although|Though|If|Because|Since|Once|Until|"
    r"With|Despite|Asked|Speaking|Having)\b[^,\"“”]*,\s*"
)
#: "Norris and Piastri ...": a coordinated subject.
_COORDINATED = re.compile(r"(?:['’]s?)?\s+(?:and|&)\s+[A-Z]")
#: A subject followed by a speech verb: the narration has them saying something.
_SPEAKS = re.compile(rf"\s+{_ADVERB}{{0,2}}(?:{_SPEECH}|believes|believed|feels|felt|thinks)\b")
#: Capitalised words that open a tag's subject but are never nicknames.
_NOT_NICKNAMES = _words(
    "He She They It We I The A An This That His Her Their Its One Another Somebody Someone "
    "Everybody Everyone Nobody"
)


def _only_quotes(paragraph: str, segments: Sequence[Segment]) -> bool:
    """Whether a paragraph is quotation and nothing else (no narration, no tag)."""
    last = 0
    for seg in segments:
        if _ALNUM.search(paragraph, last, seg.open_mark):
            return False
        last = seg.span_end
    return not _ALNUM.search(paragraph, last)


#: ``[^\W_]``: a character ``str.isalnum`` accepts.
_ALNUM = re.compile(r"[^\W_]")


#: A reporter's epithet for someone already named: "the Mexican", "the 23-year-old", "the
#: Ferrari driver". Resolved only when the paragraph names exactly one person, which is how
#: such a back-reference reads; otherwise the quote stays unattributed.
_EPITHET = re.compile(
    r"the\s+(?:[A-Z][a-z]+(?:man|woman)?|\d{1,2}-year-old"
    # "the two-time Daytona 500 winner", "the seven-time champion": a record's count too.
    r"|(?:[A-Z][\w-]*\s+|\d+\s+|[a-z]+-time\s+|(?:championship|points|series|title|world|race|"
    r"reigning|defending|former)\s+){0,3}"
    r"(?:driver|rider|leader|star|boss|rookie|champion|veteran|youngster|principal|winner))"
)

#: A nickname as a tag's subject: "Checo", "Danny Ric", "the Honey Badger", "El Diablo".
_NICKNAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|the)){0,3}")


#: Roles no register or article fact can confirm or contradict ("the veteran").
_ROLE_EPITHET = re.compile(
    r"[Tt]he\s+(?:veteran|youngster|rookie|teenager|racer|rider|driver|star)", re.I
)

#: The pronoun continues its sentence's subject: "a tyre that he said", "and he added", and
#: the subject of what its reporting verb reports, "that" left out as the press leaves it:
#: "Wheatley said he had told Hulkenberg first" is Wheatley's "he", whoever spoke before.
_PRONOUN_LEAD = re.compile(
    r"\b(?:that|which|and|but|said|says|added|insisted|admitted|conceded|explained|claimed|"
    r"confirmed|revealed|stressed|warned|argued|believes|believed|thinks|thought|felt|feels|"
    r"reckons|reckoned)\s+$"
)


#: A credit after a dash at the end of a standfirst or pull quote: `... "misjudgement" – Kowalski`.
_DASH_CREDIT = re.compile(
    r"\s[–—-]{1,2}\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\.?\s*$"
)
#: A live blog entry's time or lap stamp ("15:42", "2.15pm", "Lap 40/72 –"): words after it
#: open the entry as if they opened the paragraph.
_STAMP = (
    r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|BST|CET|CEST|UTC|ET|local))?"
    r"|(?:Lap|LAP)\s+\d{1,3}(?:/\d{1,3})?)"
)
_ENTRY_STAMP = re.compile(rf"\s*{_STAMP}\s*[:–—-]?\s*")
#: A verbless radio credit after a quote: '"He just sent it!" Hamilton on the team radio.'
_POST_RADIO = re.compile(
    r"[\s,.!?…—–-]*(?P<subj>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
    r"(?:on|over|via)\s+(?:the\s+|his\s+|her\s+)?(?:team\s+)?radio\b"
)

#: A tag set off inside the sentence: `Vettel, he added, had driven "a perfect race"`.
_PARENTHETICAL = re.compile(
    rf",\s+(?P<subj>[^,.;:!?\"“”]{{1,40}}?)\s+{_ADVERB}{{0,2}}(?P<verb>{_SPEECH}),"
)

#: A wh-word before the person in a set-off clause makes what they said an object ("told what
#: Newgarden had said"), not a tag of the quotation.
_NOUN_CLAUSE = re.compile(r"\b(?:what|how|why|whatever|whether)\b", re.IGNORECASE)

#: A reporting verb before a clause's first person: the person is inside what was reported.
_REPORTED_BY = re.compile(
    r"\b(?:said|says|told|tells|added|insisted|claimed|admitted|explained|reported|wrote|"
    r"suggested|believes|believed|thinks|thought|felt|feels)\b"
)
