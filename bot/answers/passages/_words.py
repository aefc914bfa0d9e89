"""Words, stems and sentences, and the written forms that name a person.

What every part of the passage search reads text with: a word's stem (the full-text index
stems the same way), a text's sentences (never split inside a quotation or after "Mr."),
the forms that name a person (full name, name parts, initials, aliases, "#60" for "No. 60")
and whether a text names them (by an epithet too), and the verb forms stems never join
("blew" for "blow").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import snowballstemmer

from bot.answers.text import unaccent
from bot.models import Person

_PORTER = snowballstemmer.stemmer("porter")
_STEMS: dict[str, str] = {}
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A sentence ends at . ! ? (and any closing quote after it) before a space and a capital,
# digit or opening quote; "St. Devote" or "5.2 seconds" do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’']?)\s+(?=[\"“‘'(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\w+)\.$")
_ABBREVIATIONS = frozenset(
    {"St", "Mr", "Mrs", "Ms", "Dr", "No", "vs", "Jr", "Sr", "Mt", "Ste", "Jan", "Feb", "Mar",
     "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
)  # fmt: skip


def stem(word: str) -> str:
    """The Porter stem of a folded word, as the passages index stores it (cached)."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        found = _STEMS[word] = _PORTER.stemWord(word)
    return found


def words_of(text: str) -> list[str]:
    """Folded words of ``text``, apostrophes dropped ("Russell's" -> "russells")."""
    return [w.replace("'", "").replace("’", "") for w in _WORD.findall(text.casefold())]


def stems(text: str) -> frozenset[str]:
    """The stems of ``text``'s words, possessives and plain forms both (cached by text)."""
    found = _TEXT_STEMS.get(text)
    if found is not None:
        return found
    out: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        if "'" in word or "’" in word:
            out.update(stem(part) for part in re.split(r"['’]", word) if part)
            word = word.replace("'", "").replace("’", "")
        out.add(stem(word))
    if len(_TEXT_STEMS) > 50_000:
        _TEXT_STEMS.clear()
    found = _TEXT_STEMS[text] = frozenset(out)
    return found


_TEXT_STEMS: dict[str, frozenset[str]] = {}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a paragraph starts and ends, its closing quote mark included."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = _LAST_WORD.search(text, 0, m.start())
        if (
            before
            and (before[1] in _ABBREVIATIONS or (len(before[1]) == 1 and before[1].isalpha()))
            and not m[1]
        ):
            continue  # "St. Devote", "J. Smith": not the end of a sentence ("Turn 1." is)
        if not m[1] and _inside_quotation(text, start, m.start()):
            continue  # 'the elder Montoya said: "Don't be me. Be better."': one sentence
        end = m.start() + len(m[1])
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


#: Longest a sentence grows by running on to the end of a quotation it opened.
QUOTED_RUN = 300


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """Whether the sentence from ``start`` has, by ``at``, opened a quotation after its
    first words and not closed it: narration introducing words spoken ("... said it was
    short: "Don't be me.") runs on to the quotation's end, or the words are shown cut. A
    sentence opening with the quotation is the speaker's words, split as usual."""
    if at - start > QUOTED_RUN:
        return False
    before = text[:at]
    if "“" in before:
        opened = before.rfind("“")
        return opened > start and before.count("“") > before.count("”")
    opened = before.rfind('"')
    return opened > start and before.count('"') % 2 == 1


def forms_of(person: Person) -> set[str]:
    """Every folded way the articles name ``person``: full name, name parts, aliases."""
    forms = {person.name.casefold()}
    forms.update(p.casefold() for p in person.name.split() if len(p) >= 3)
    if len(initials := initials_of(person.name)) >= 3:
        forms.add(initials)  # "AFC": Antonio Felix da Costa
    for alias in person.aliases:
        a = alias.casefold()
        forms.add(a)
        if m := _CAR_ALIAS.match(a):
            # "No. 60" is written "#60", "No 60" and "car 60" too.
            forms.update((f"#{m[1]}", f"no {m[1]}", f"no.{m[1]}", f"car {m[1]}"))
        if a.startswith("the ") and " " in a[4:]:
            # "the Italian" is Bastianini, but "Italian" alone is any Italian thing.
            forms.add(a[4:])
    return {f for f in forms if f}


#: A car number given to a person as an alias ("No. 60").
_CAR_ALIAS = re.compile(r"^no\.?\s?(\d{1,3})$")


def initials_of(name: str) -> str:
    """The folded initials of a name's capitalised words ("Antonio Felix da Costa" ->
    "afc"), the way fans and columnists shorten a long name."""
    return "".join(w[0] for w in name.split() if w[:1].isupper()).casefold()


def _mentions(text: str, forms: Iterable[str]) -> bool:
    """Whether ``text`` names someone by one of ``forms`` (folded).

    An epithet used as an adjective does not name anyone: "the Italian Grand Prix" is no
    mention of "the Italian", so an epithet followed by a capitalised word is passed over.
    Accents fold on both sides: a press release writes "Hülkenberg" where the people index
    (and the fan) has "Hulkenberg".
    """
    if not text.isascii():
        text = unaccent(text)
    low = text.casefold()
    for f in forms:
        if not f.isascii():
            f = unaccent(f)
        if f not in low:
            continue  # a substring test first: most sentences name few of the people asked
        for m in re.finditer(rf"(?<!\w){re.escape(f)}(?!\w)", low):
            if f.startswith("the ") and " " not in f[4:]:
                rest = text[m.end() : m.end() + 2]
                if len(rest) == 2 and rest[0] == " " and rest[1].isupper():
                    continue
                if _EPITHET_ADJECTIVE.match(low, m.end()):
                    continue  # "the Thai promoter" is no mention of "the Thai"
            return True
    return False


#: What follows an epithet used as a person ("the Thai driver", "the Thai finished", "the
#: Thai, who"): a racer's noun, a verb (past in -ed or irregular, present in -s, a helper)
#: or an adverb. Any other lower-case word after it makes the epithet an adjective of that
#: word ("the Thai promoter", "the Dutch crowd"): no one is named.
_EPITHET_PERSON_NOUNS = (
    "driver|rider|racer|pilot|man|woman|youngster|veteran|rookie|star|champion|team-mate"
    "|teammate|ace|teenager"
)
_EPITHET_VERBS = (
    "is|was|has|had|have|will|would|could|can|should|might|must|may|did|does|do|got|made|"
    "came|went|put|set|hit|cut|let|saw|said|found|left|felt|became|then|also|still|now|"
    "again|just|never|only|even|later|first|"
)


def _epithet_adjective() -> re.Pattern[str]:
    """The pattern of a lower-case word after an epithet that makes it an adjective."""
    past = "|".join(sorted(_PAST | {f for forms in _IRREGULAR for f in forms.split()}))
    person = rf"(?:{_EPITHET_PERSON_NOUNS}|{_EPITHET_VERBS}{past})(?:'s|’s)?(?![\w-])"
    return re.compile(rf" (?!{person})(?![a-z-]*(?:ed|s|ly)(?![\w-]))[a-z][a-z-]*(?![\w'’])")


def _holds(text: str, words: Sequence[str], stemmed: frozenset[str]) -> bool:
    """Whether a paragraph holds one of the searched words, as written or by its stem, each
    as a plain substring ("sprint" of "sprints" is in "a sprint race"): stemming every
    paragraph of the stories read costs more than the answer is worth."""
    low = text.casefold()
    return any(w in low for w in words) or any(s in low for s in stemmed)


#: Irregular verbs race reports use, each form -> all its forms: a stem joins "crashes"
#: and "crashed" but never "blow" and "blew". Forms that are other words too ("left",
#: "saw", "found") are left out.
_IRREGULAR = (
    "blow blew blown", "break broke broken", "run ran", "throw threw thrown", "fall fell fallen",
    "lose lost", "win won", "drive drove driven", "ride rode ridden", "catch caught",
    "spin spun", "lead led", "begin began begun", "give gave given", "hold held", "keep kept",
    "meet met", "pay paid", "send sent", "stand stood", "strike struck", "sweep swept",
    "tell told", "think thought", "wear wore worn", "write wrote written",
    "withdraw withdrew withdrawn", "fly flew flown", "stick stuck", "slide slid",
    "shake shook shaken", "fight fought", "bring brought", "choose chose chosen",
    "rise rose risen", "speak spoke spoken", "overtake overtook overtaken", "beat beaten",
    "bend bent", "sell sold", "take took taken", "eat ate eaten", "freeze froze frozen",
    "hide hid hidden", "sink sank sunk", "swing swung", "tear tore torn", "undercut",
)  # fmt: skip
_VERB_FORMS: dict[str, tuple[str, ...]] = {
    form: tuple(forms.split()) for forms in _IRREGULAR for form in forms.split()
}
#: Their past forms ("overtook", "blew"): a report's verb as it tells what was done.
_PAST = frozenset(forms.split()[1] for forms in _IRREGULAR if len(forms.split()) > 1)
_EPITHET_ADJECTIVE = _epithet_adjective()


#: Words a report uses for what fans call otherwise, beside the router's synonyms: the
#: "last lap" is the "final lap", a pass is made "past" someone, an upgrade is an "update".
_SAME: dict[str, tuple[str, ...]] = {
    "last": ("final",), "final": ("last",), "pass": ("past", "passed", "overtook"),
    "passed": ("past", "pass", "overtook"), "overtake": ("past", "passed", "overtook"),
    "upgrade": ("update", "upgrades", "updates"), "upgrades": ("update", "updates"),
    "pitstop": ("stop",), "pitstops": ("stop", "stops"), "yellow": ("caution",),
    "appeal": ("review", "protest"), "protest": ("appeal", "review"),
    "contract": ("deal",), "deal": ("contract",), "decide": ("decision",),
    "upset": ("hurts", "disappointed", "gutted", "frustrated", "frustrating"),
    "angry": ("unhappy", "frustrated"), "target": ("aim", "goal"),
    "push": ("forcing", "forced"), "pushed": ("forcing", "forced"),
    # A car's colours are its livery.
    "colour": ("livery",), "colours": ("livery",), "color": ("livery",),
    # A rule is broken in a fan's words, "breached" in the stewards'.
    "break": ("breach", "breached"), "broke": ("breach", "breached"),
    "broken": ("breach", "breached"),
    # A parent asked about is told by the other word for them, or as the child's: "his dad"
    # is "Papá", "the father", "advice he had given his son".
    "dad": ("father", "papa", "papá", "son"), "father": ("dad", "papa", "papá", "son"),
    "papa": ("dad", "father"), "mum": ("mother", "mom", "son", "daughter"),
    "mom": ("mother", "mum", "son", "daughter"), "mother": ("mum", "mom", "son", "daughter"),
}  # fmt: skip


def _with_forms(group: tuple[str, ...]) -> tuple[str, ...]:
    """A question's group with every form of its irregular verbs ("blow": "blew", "blown")
    and the words reports use for it ("last": "final")."""
    out = list(group)
    for word in group:
        out += [f for f in (*_VERB_FORMS.get(word, ()), *_SAME.get(word, ())) if f not in out]
    return tuple(out)


def _has(low: str, phrase: str) -> bool:
    """Whether a sentence holds a phrase as whole words; "re:" marks a pattern instead."""
    if phrase.startswith("re:"):
        return re.search(rf"(?<!\w){phrase[3:]}", low) is not None
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low) is not None


def _holds_group(text: str, group: frozenset[str]) -> bool:
    """Whether ``text`` holds a word of a question's group (by its stem)."""
    return bool(stems(text) & group)
