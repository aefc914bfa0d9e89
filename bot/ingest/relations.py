"""Relations between people a story states: team-mates, a replacement, a co-driver, a parent.

Articles say who partners whom in passing ("holding off McLaren team-mate Oscar Piastri",
"Solberg and co-driver Elliott Edmondson", "He replaces Hulkenberg"), and fans ask exactly
that ("who is Solberg's co-driver", "who replaces Hulkenberg"). Each relation becomes a
:class:`~bot.models.Fact` citing the paragraph that says it, so the answers read it back
without searching the text again.

How it works: in each sentence the people of the article are found by their full names,
surnames and capitalised aliases and replaced by markers; a small set of patterns over the
marked sentence (most precise first) then names the pair. A relation whose first person is
not named ("He replaces Hulkenberg", "Team-mate Isack Hadjar came home eighth") belongs to the
person the story last named as a sentence's subject, as a reader takes it. Precision first:
a sentence the patterns do not fit gives nothing.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.ingest.text import Caseless, sentence_spans
from bot.models import Fact, Person

__all__ = [
    "CO_DRIVER",
    "FATHER",
    "MOTHER",
    "PARENT",
    "RELATION_KEYS",
    "REPLACEMENT",
    "TEAM_MATES",
    "Relation",
    "find_relations",
    "read_relation",
]

#: The fact keys relations are stored under.
TEAM_MATES = "team-mates"
REPLACEMENT = "replacement"
CO_DRIVER = "co-driver"
#: ``first`` is ``second``'s father, mother, or a parent the text does not say which of ("the
#: son of X": X may be either).
FATHER = "father"
MOTHER = "mother"
PARENT = "parent"
RELATION_KEYS = (TEAM_MATES, REPLACEMENT, CO_DRIVER, FATHER, MOTHER, PARENT)

#: How each relation's value is written (readable in /facts, and read back by the answers).
_JOINS = {
    TEAM_MATES: " and ",
    REPLACEMENT: " replaces ",
    CO_DRIVER: " with co-driver ",
    FATHER: " is the father of ",
    MOTHER: " is the mother of ",
    PARENT: " is a parent of ",
}


@dataclass(frozen=True, slots=True)
class Relation:
    """``first`` and ``second`` are full names: team-mates (either way round), ``first``
    replaces ``second``, ``second`` is ``first``'s co-driver, ``first`` is ``second``'s
    father, mother or parent."""

    key: str
    first: str
    second: str
    paragraph: int

    def fact(self) -> Fact:
        return Fact(self.key, f"{self.first}{_JOINS[self.key]}{self.second}", self.paragraph)


def read_relation(fact: Fact) -> tuple[str, str] | None:
    """The two names of a relation fact, as :meth:`Relation.fact` wrote them."""
    join = _JOINS.get(fact.key)
    if join is None or join not in fact.value:
        return None
    first, _, second = fact.value.partition(join)
    return (first.strip(), second.strip()) if first.strip() and second.strip() else None


# A marker stands for a person in the marked sentence: "\x01" index "\x02".
_P = r"\x01(\d+)\x02"
#: The capitalised words of a team or a nationality before the relation word ("McLaren",
#: "Team Penske", "Joe Gibbs", "Toyota").
_TEAMS = r"(?:(?:[A-Z][\w.&'’-]*|of|\x01\d+\x02)\s+){0,4}"
_ADJ = r"(?:(?:new|old|former|future|current|fellow|long-?time|regular|experienced)\s+)?"
_MATE = r"(?:[Tt]eam-?mates?|[Tt]eam\s+mates?)"
_CO = r"(?:[Cc]o-?drivers?|[Nn]avigators?|[Cc]o-?pilots?)"
_POSS = r"['’]s?"
_HIS = r"(?:his|her|their)"


def _relation_patterns(word: str) -> list[tuple[re.Pattern[str], str]]:
    """Patterns for one relation word ("team-mate", "co-driver"); each names its groups:
    ``a`` the one whose relation it is, ``b`` the other; ``a`` missing: the subject."""
    return [
        # "team-mates Norris and Piastri"
        (re.compile(rf"{word}\s+{_P}\s*,?\s+and\s+{_P}"), "pair"),
        # "Bearman's new team-mate, Gabriel Bortoleto", "Hamlin's Joe Gibbs teammate Briscoe"
        (re.compile(rf"{_P}{_POSS}\s+{_ADJ}{_TEAMS}{_ADJ}{word},?\s+{_P}"), "ab"),
        # "Chase Briscoe, Hamlin's Joe Gibbs teammate"
        (re.compile(rf"{_P}\s*,\s+{_P}{_POSS}\s+{_ADJ}{_TEAMS}{_ADJ}{word}\b"), "ba"),
        # "Brown, his Triple Eight team-mate": his is the subject's
        (re.compile(rf"{_P}\s*,\s+{_HIS}\s+{_ADJ}{_TEAMS}{_ADJ}{word}\b"), "b-"),
        # "holding off McLaren team-mate Oscar Piastri", "Solberg and co-driver Edmondson"
        (re.compile(rf"(?<![\w'’]){_ADJ}{_TEAMS}{_ADJ}{word},?\s+{_P}"), "-b"),
    ]


#: "with Felipe Massa and then Raikkonen as team-mates": each the subject's team-mate.
_AS_MATES = (
    re.compile(
        rf"\bwith\s+{_P}(?:\s*,\s*{_P})?(?:\s*,?\s+and\s+(?:then\s+|later\s+)?{_P})?\s+as\s+"
        rf"(?:{_HIS}\s+)?{_ADJ}{_MATE}\b"
    ),
    "-many",
)
#: "will partner Gabriel Bortoleto", "partners Zhou": the subject's team-mate.
_PARTNER = (re.compile(rf"\b(?:will\s+|to\s+)?partner(?:s|ed|ing)?\s+{_P}"), "-b")


_MATES = [*_relation_patterns(_MATE), _PARTNER, _AS_MATES]
_COS = _relation_patterns(_CO)

#: The words of a parent and of a child, and which key a parent word gives.
_PARENT_WORD = r"(?P<kin>father|dad|mother|mum|mom)"
_CHILD_WORD = r"(?:son|daughter)"
_KIN_KEY = {"father": FATHER, "dad": FATHER, "mother": MOTHER, "mum": MOTHER, "mom": MOTHER}


def _family_patterns() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, order) of the forms a story says who is whose parent in; the pair is
    (parent, child). ``o-``: the one named is the subject's parent ("his father, Y")."""
    before = rf"{_P}\s*,\s+"
    return [
        # "Verstappen's father Jos", "Verstappen's father, Jos Verstappen,"
        (re.compile(rf"{_P}{_POSS}\s+{_PARENT_WORD},?\s+{_P}"), "ba"),
        # "Jos Verstappen, Max Verstappen's father"
        (re.compile(rf"{before}{_P}{_POSS}\s+{_PARENT_WORD}\b"), "ab"),
        # "Jos Verstappen, the father of Max"
        (re.compile(rf"{before}(?:the\s+)?{_PARENT_WORD}\s+of\s+{_P}"), "ab"),
        # "Norris beat Verstappen, whose father Jos ..."
        (re.compile(rf"{before}whose\s+{_PARENT_WORD},?\s+{_P}"), "ba"),
        # "his father, Jos Verstappen,": the subject's
        (re.compile(rf"\b{_HIS}\s+{_PARENT_WORD},?\s+{_P}", re.I), "o-"),
        # "Jos Verstappen's son Max", "Jos Verstappen's son, Max Verstappen"
        (re.compile(rf"{_P}{_POSS}\s+{_CHILD_WORD},?\s+{_P}"), "ab"),
        # "Max Verstappen, Jos Verstappen's son"; "Max Verstappen, (the) son of Jos"
        (re.compile(rf"{before}{_P}{_POSS}\s+{_CHILD_WORD}\b"), "ba"),
        (re.compile(rf"{before}(?:the\s+)?{_CHILD_WORD}\s+of\s+(?:[\w-]+\s+){{0,4}}?{_P}"),
         "ba"),
        # "his son, Max,": the subject's child
        (re.compile(rf"\b{_HIS}\s+{_CHILD_WORD},?\s+{_P}", re.I), "-b"),
        # "He is the son of Jos": the subject's parent
        (re.compile(rf"\b{_CHILD_WORD}\s+of\s+(?:[\w-]+\s+){{0,4}}?{_P}"), "o-"),
    ]  # fmt: skip


_FAMILY = _family_patterns()
#: "his father" naming no one after it: whose is read from a shared surname.
_HIS_PARENT = re.compile(rf"\b{_HIS}\s+{_PARENT_WORD}\b(?!['’]s)(?!,?\s+\x01)", re.I)
#: How a report says a replacement is coming: "will", "is set to", and as the market tells
#: it, "the favourite to", "tipped to", "in line to" (the sentence, shown verbatim, keeps
#: the hedge: "Crawford, the reserve, the favourite to replace him").
_WILL = (
    r"(?:(?:will|would|is\s+(?:set|due|expected)\s+to|is\s+to|is\s+going\s+to|"
    r"(?:(?:is|was|are|now|as)\s+)*(?:the\s+)?(?:clear\s+|early\s+|firm\s+)?"
    r"(?:favourite|favorite|front-?runner|likeliest|tipped|poised|in\s+line)\s+to)\s+)?"
)
#: (pattern, order): "ab" a replaces b, "ba" b is replaced by a, "-b" the subject replaces b.
_REPLACES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_P}\s+{_WILL}(?:replaces?|replaced|replacing)\s+{_P}"), "ab"),
    (re.compile(rf"{_P}\s+(?:\w+\s+){{0,2}}(?:be|been|is|was|being)\s+replaced\s+by\s+{_P}"),
     "ba"),
    (re.compile(rf"{_P}\s+{_WILL}(?:takes?|took|taking)\s+over\s+from\s+{_P}"), "ab"),
    (re.compile(rf"{_P}{_POSS}\s+(?:seat|place|drive|ride|car)\s+(?:\w+\s+){{0,2}}"
                rf"(?:goes|went|go|going|given)\s+to\s+{_P}"), "ba"),
    (re.compile(rf"{_P}\s+{_WILL}(?:takes?|took|taking|inherits?)\s+{_P}{_POSS}\s+"
                rf"(?:seat|place|drive|ride|car)\b"), "ab"),
    (re.compile(rf"{_P}\s+{_WILL}(?:steps?|stepping|stepped|stands?|standing|stood|fills?|"
                rf"filling|filled|deputi[sz]es?)\s+in\s+for\s+(?:the\s+(?:[a-z-]+\s+)?)?"
                rf"{_P}"), "ab"),
    (re.compile(rf"{_P}{_POSS}\s+(?:replacement|successor|stand-in)\s*,?\s+(?:\w+\s+){{0,2}}"
                rf"{_P}"), "ba"),
    (re.compile(rf"{_P}\s+(?:\w+\s+){{0,3}}as\s+{_P}{_POSS}\s+(?:replacement|successor|"
                rf"stand-in)\b"), "ab"),
    (re.compile(rf"{_P}\s+(?:\w+\s+){{0,6}}in\s+place\s+of\s+{_P}"), "ab"),
    # "Jak Crawford, the team's reserve driver, will replace him": whom the story is about.
    (re.compile(rf"{_P}\s*(?:,[^,\x01]{{1,80}},\s*)?{_WILL}(?:replaces?|replacing|replaced|"
                rf"succeeds?|succeeding)\s+(?:him|her)\b"), "a-"),
    (re.compile(rf"{_P}\s*,[^,\x01]{{1,80}},\s*{_WILL}(?:replaces?|replacing)\s+{_P}"), "ab"),
    # "He replaces Hulkenberg", "..., replacing Hulkenberg": the subject replaces.
    (re.compile(rf"(?:^|\b(?:he|she|who)\s+|,\s+){_WILL}(?:replaces?|replacing)\s+{_P}",
                re.IGNORECASE), "-b"),
]  # fmt: skip


def _forms(people: Sequence[Person]) -> list[tuple[str, int]]:
    """(written form, person index), longest first: full names, surnames no one else
    shares, capitalised aliases ("Pecco", "Hulk")."""
    count: dict[str, int] = {}
    candidates: list[tuple[str, int]] = []
    for i, person in enumerate(people):
        words = person.name.split()
        forms = {person.name}
        if len(words) >= 2 and len(words[-1]) >= 3:
            forms.add(words[-1])
        forms.update(a for a in person.aliases if _a_name(a))
        for f in forms:
            count[f] = count.get(f, 0) + 1
            candidates.append((f, i))
    kept = [(f, i) for f, i in candidates if count[f] == 1 or f == people[i].name]
    return sorted(kept, key=lambda fi: -len(fi[0]))


_PARTICLES = frozenset({"de", "da", "di", "del", "van", "von", "der", "le", "la"})


def _a_name(alias: str) -> bool:
    """Whether an alias is a name ("Pecco", "Mad Max"), not a description ("McLaren
    team-mate", "No. 45", "the Australian")."""
    words = alias.split()
    return (
        bool(words)
        and not alias.startswith("No")
        and all(w[:1].isupper() or w in _PARTICLES for w in words)
        and not any(c.isdigit() for c in alias)
    )


@functools.lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern[str]:
    """A name form standing as words of its own, compiled once per process (a compile per
    sentence was a third of an article's ingest)."""
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")


def _form_spans(sentence: str, form: str) -> list[tuple[int, int]]:
    """Where ``_form_pattern(form).finditer(sentence)`` matches, found with ``str.find``:
    compiling each new name form's pattern was a tenth of an article's build, since a
    corpus keeps bringing new names. ``\\w`` is ``str.isalnum()`` or "_", as in ``re``."""
    if not form:
        return [m.span() for m in _form_pattern(form).finditer(sentence)]
    spans: list[tuple[int, int]] = []
    width = len(form)
    at = sentence.find(form)
    while at != -1:
        end = at + width
        before = sentence[at - 1] if at else ""
        after = sentence[end] if end < len(sentence) else ""
        if (before == "" or not (before.isalnum() or before in "_-")) and (
            after == "" or not (after.isalnum() or after in "_-")
        ):
            spans.append((at, end))
            at = sentence.find(form, end)
        else:
            at = sentence.find(form, at + 1)
    return spans


def _mark(sentence: str, forms: list[tuple[str, int]]) -> tuple[str, list[int]]:
    """The sentence with each person named replaced by a marker, and the order they came."""
    taken: list[tuple[int, int, int]] = []
    for form, i in forms:
        if form not in sentence:
            continue  # the pattern needs the form as written: most sentences lack most names
        for start, end in _form_spans(sentence, form):
            if any(a < end and start < b for a, b, _ in taken):
                continue
            taken.append((start, end, i))
    taken.sort()
    out: list[str] = []
    at = 0
    for a, b, i in taken:
        out.append(sentence[at:a])
        out.append(f"\x01{i}\x02")
        at = b
    out.append(sentence[at:])
    return "".join(out), [i for _, _, i in taken]


#: A sentence opening with a pronoun or an epithet ("He replaces X", "The 21-year-old ...")
#: is about the person the story last named.
_BACK = re.compile(r"^[\"“‘']?(?:he|she|they|his|her|their|the\s+(?!\x01))", re.I)
#: A sentence whose first person comes after more words than this ("The 21-year-old, who
#: ... will partner X") is not about that person: the story's subject stays.
_SUBJECT_WORDS = 3


#: Words (case-folded) a paragraph that states a relation holds at least one of.
_WANTED = ("mate", "partner", "co-", "codriver", "navigator", "replac", "over from", "seat",
           "place of", "in for", "successor", "stand-in", "ride", "drive", "father", "mother",
           " dad", " mum", " mom", " son", "daughter")  # fmt: skip
#: What every relation pattern's match holds (in any case): the words each one is written
#: with, and the blanks or word ends around them the pattern asks for. A paragraph holding
#: none states no relation, though it holds a ``_WANTED`` word: "drive" and "ride" are in
#: "driver" and "rider", in most paragraphs, but a pattern wants them only as "Russell's
#: drive" (ingest reads the paragraphs it rules out only to move the subject on). A new
#: pattern must hold one of these.
_NEEDED = Caseless(
    r"mate|partner|co-|codriver|copilot|navigator|replac|succe|stand-in"
    r"|over\s+from|in\s+for|in\s+place\s+of"
    r"|['’]s?\s+(?:seat|place|drive|ride|car)\b"
    r"|\b(?:father|dad|mother|mum|mom|son|daughter)\b"
)


def _holds_wanted(low: str) -> bool:
    """Whether case-folded text holds a ``_WANTED`` word. A plain loop: ``any()`` over a
    generator cost a third more, and one regex of the words ran slower still than the
    substring tests (9 paragraphs in 10 hold none, so every word is tried)."""
    for word in _WANTED:  # noqa: SIM110 (faster than any() over a generator)
        if word in low:
            return True
    return False


def find_relations(paragraphs: Sequence[str], people: Sequence[Person]) -> list[Relation]:
    """Every team-mate, replacement and co-driver relation the paragraphs state."""
    if len(people) < 2:
        return []
    # A paragraph without one of these words states no relation; the ones after the last
    # paragraph with one only move the subject on, which no later paragraph reads: stop there.
    wanted_at = [
        _holds_wanted(low) and _NEEDED.search(text) is not None
        for text, low in zip(paragraphs, map(str.casefold, paragraphs), strict=True)
    ]
    if True not in wanted_at:
        return []
    last = len(wanted_at) - wanted_at[::-1].index(True)
    forms = _forms(people)
    found: dict[tuple[str, str, str], Relation] = {}
    subject: int | None = None  # the person the story last named first in a sentence
    for number, text in enumerate(paragraphs[:last], start=1):
        wanted = wanted_at[number - 1]
        # A form no paragraph holds is in none of its sentences: _mark tries only the
        # paragraph's own (in the same order), not every form of the article per sentence.
        present = [(form, i) for form, i in forms if form in text]
        if not wanted:
            subject = _last_subject(text, present, subject)
            continue
        for a, b in sentence_spans(text):
            sentence = text[a:b].strip()
            marked, order = _mark(sentence, present)
            prior = subject
            subject = _subject_of(marked, order)
            if subject is None:
                subject = prior
            # (every pattern names someone: a sentence with no marker gives nothing)
            if "\x01" in marked:
                for key, x, y in [
                    *_read(marked, subject, prior),
                    *_family(marked, subject, prior, people),
                ]:
                    if x == y:
                        continue
                    first, second = people[x].name, people[y].name
                    if key == TEAM_MATES:
                        first, second = sorted((first, second))
                    found.setdefault((key, first, second), Relation(key, first, second, number))
    return list(found.values())


def _subject_of(marked: str, order: list[int]) -> int | None:
    """The person a marked sentence is about: the first it names, within its first few
    words, unless it opens with a pronoun or an epithet ("He ...", "The 21-year-old ...")."""
    at = marked.find("\x01")
    if order and not _BACK.match(marked) and len(marked[:at].split()) <= _SUBJECT_WORDS:
        return order[0]  # "Oliver Bearman will race ...", not "..., beating X"
    return None


def _last_subject(text: str, present: list[tuple[str, int]], subject: int | None) -> int | None:
    """The story's subject after a paragraph that states no relation: the one its last
    sentence with a subject gives, else still ``subject``. Read from the last sentence back,
    so most such paragraphs (all but the ones that state a relation) mark one sentence."""
    for a, b in reversed(sentence_spans(text)):
        found = _subject_of(*_mark(text[a:b].strip(), present))
        if found is not None:
            return found
    return subject


def _read(marked: str, subject: int | None, prior: int | None) -> list[tuple[str, int, int]]:
    """(key, first, second) of each relation a marked sentence states; ``subject`` is whom
    the sentence is about, ``prior`` whom the story was about before it ("Team-mate Isack
    Hadjar came home eighth": the one before's team-mate)."""
    out: list[tuple[str, int, int]] = []
    for key, patterns in ((TEAM_MATES, _MATES), (CO_DRIVER, _COS)):
        for pattern, order in patterns:
            for m in pattern.finditer(marked):
                out += [(key, a, b) for a, b in _pairs(m, order, subject, prior)]
            if out and out[-1][0] == key:
                break  # the most precise pattern that fits decides
    for pattern, order in _REPLACES:
        m = pattern.search(marked)
        if m and (pairs := _pairs(m, order, subject, prior)):
            out += [(REPLACEMENT, a, b) for a, b in pairs]
            break
    return out


def _family(
    marked: str, subject: int | None, prior: int | None, people: Sequence[Person]
) -> list[tuple[str, int, int]]:
    """(key, parent, child) of the parent a marked sentence names, by the first family
    pattern that fits; else "his father" unnamed ("When Tomas Ortega was nine, his father
    took him karting"): the one other person of the story who shares the subject's surname,
    when there is exactly one. Never a guess between two."""
    for pattern, order in _FAMILY:
        m = pattern.search(marked)
        if m is None:
            continue
        kin = m.groupdict().get("kin")
        key = _KIN_KEY[kin.casefold()] if kin else PARENT
        if order == "o-":
            named = [int(g) for g in re.findall(_P, m.group(0))][-1]
            child = subject if subject != named else prior
            return [(key, named, child)] if child is not None else []
        return [(key, a, b) for a, b in _pairs_of(m, order, subject, prior)]
    m = _HIS_PARENT.search(marked)
    if m is None or subject is None:
        return []
    surname = people[subject].name.split()[-1]
    kin = [i for i, p in enumerate(people) if i != subject and p.name.split()[-1] == surname]
    return [(_KIN_KEY[m.group("kin").casefold()], kin[0], subject)] if len(kin) == 1 else []


def _pairs_of(
    m: re.Match[str], order: str, subject: int | None, prior: int | None
) -> list[tuple[int, int]]:
    """:func:`_pairs` of a match that may hold a named ``kin`` group, which is no person."""
    markers = [int(g) for g in re.findall(_P, m.group(0))]
    if order in ("ab", "ba") and len(markers) >= 2:
        a, b = markers[0], markers[-1]
        return [(a, b)] if order == "ab" else [(b, a)]
    if order == "-b" and markers:
        first = subject if subject != markers[-1] else prior
        return [(first, markers[-1])] if first is not None else []
    return []


def _pairs(
    m: re.Match[str], order: str, subject: int | None, prior: int | None
) -> list[tuple[int, int]]:
    """The (first, second) pairs a match names, by the pattern's ``order``: "ab" and "pair"
    as written, "ba" the other way, "-b"/"b-" the subject's, "a-" the subject as second,
    "-many" the subject with each."""
    groups = [int(g) for g in m.groups() if g is not None]
    if order in ("pair", "ab") and len(groups) >= 2:
        return [(groups[0], groups[1])]
    if order == "ba" and len(groups) >= 2:
        return [(groups[1], groups[0])]
    if not groups:
        return []
    if order == "a-":
        other = subject if subject != groups[0] else prior
        return [(groups[0], other)] if other is not None else []
    if order == "-many":
        return [(subject, g) for g in groups if subject is not None]
    other = groups[-1] if order == "-b" else groups[0]
    first = subject if subject != other else prior
    return [(first, other)] if first is not None else []


def relation_facts(paragraphs: Sequence[str], people: Sequence[Person]) -> list[Fact]:
    """The relations as facts, in the order the story states them."""
    return [r.fact() for r in find_relations(paragraphs, people)]
