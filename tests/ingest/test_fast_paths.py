"""Fast paths of people discovery and sentence splitting: what the plain regexes find."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest import attribute, facts, people
from bot.ingest.people import (
    PeopleIndex,
    PersonEntry,
    aliases,
    discover,
    keys,
    lexicon,
    nicknames,
    runs,
)
from bot.ingest.people.finder import _NameFinder
from bot.ingest.text import CASE_TRAPS, Caseless, _last_word


def _regex_spans(alternatives: list[tuple[str, bool]], text: str) -> list[tuple[int, int]]:
    parts = [(r"(?:the\s+)?" if the else "") + re.escape(t) for t, the in alternatives]
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


CASES = [
    ([("Max Verstappen", False), ("Verstappen", False), ("Max", False)], "max Verstappen won."),
    ([("Max Verstappen", False), ("Verstappen", False)], "Verstappen's pole, Max Verstappen."),
    ([("Sauber driver", True), ("Bottas", False)], "The  Sauber driver Bottas and Sauber driver."),
    ([("Honey Badger", True), ("the Honey Badger", True)], "the the Honey Badger smiled"),
    ([("Pérez", False), ("Checo", True)], "PÉREZ and checo, the\tCheco-like x-Pérez o'Pérez"),
    ([("Ricci", False)], "Ricci-Novak, Ricci_2, Ricci2, Ricci. ’Ricci -Ricci"),
    ([("Leclerc", False)], "LECLERC leclerc LeClerc"),
    ([("Sİmon", False)], "Simon and sİmon"),  # İ: left to the regex
    ([("Kimi", False)], "KİMİ and kimi and Kımı"),
]


@pytest.mark.parametrize(("alternatives", "text"), CASES)
def test_finder_matches_the_regex(alternatives: list[tuple[str, bool]], text: str) -> None:
    """Each case gives exactly the spans the case-insensitive alternation gives."""
    assert _NameFinder(alternatives).spans(text) == _regex_spans(alternatives, text)


_ALPHABET = "aAbeEhHtTiIsSkK é É-'’_ .,\t\nıİſ1"


@settings(max_examples=300, deadline=None)
@given(
    alternatives=st.lists(
        st.tuples(st.text(_ALPHABET, min_size=1, max_size=6), st.booleans()),
        min_size=1,
        max_size=5,
    ),
    text=st.text(_ALPHABET + "Thethe ", max_size=40),
)
def test_finder_matches_the_regex_on_any_text(
    alternatives: list[tuple[str, bool]], text: str
) -> None:
    """Random names and text (overlaps, "the", case traps, blanks) agree with the regex."""
    assert _NameFinder(alternatives).spans(text) == _regex_spans(alternatives, text)


@pytest.mark.skipif(sys.version_info < (3, 11), reason="re._casefix is new in 3.11")
def test_case_traps_are_every_character_re_folds_otherwise() -> None:
    """The trap list is exactly what re's case folding treats unlike str.lower()."""
    from re import _casefix  # type: ignore[attr-defined]

    shared = {m for k, v in _casefix._EXTRA_CASES.items() for m in (k, *v)}
    expected = {
        chr(i)
        for i in range(0x110000)
        if len(chr(i).lower()) != 1
        or (ord(chr(i).lower()) in shared and not chr(i).lower().isascii())
    }
    assert frozenset(expected) == CASE_TRAPS


@settings(max_examples=200, deadline=None)
@given(
    alternatives=st.lists(
        st.tuples(st.text(_ALPHABET, min_size=1, max_size=6), st.booleans()),
        min_size=1,
        max_size=5,
    ),
    texts=st.lists(st.text(_ALPHABET + "Thethe ", max_size=30), max_size=5),
)
def test_searching_texts_together_finds_what_each_alone_does(
    alternatives: list[tuple[str, bool]], texts: list[str]
) -> None:
    """One search through several joined texts gives each text its own spans."""
    finder = _NameFinder(alternatives)
    assert finder.spans_of_each(texts) == [_regex_spans(alternatives, t) for t in texts]


def test_primed_mentions_are_the_mentions_asked_one_by_one() -> None:
    """An index primed with a whole article answers as one asked paragraph by paragraph."""
    paragraphs = [
        "Charles Leclerc beat Carlos Sainz; Leclerc said the Spaniard drove well.",
        "The Ferrari driver Sainz was unhappy, he told reporters. LECLERC smiled.",
        "",
        "Sainz's team-mate Leclerc and the Monegasque's engineer spoke to them.",
    ]
    people = (PersonEntry("Charles Leclerc", aliases=("the Ferrari driver",)),
              PersonEntry("Carlos Sainz"))  # fmt: skip
    one_by_one = PeopleIndex(people)
    expected = [one_by_one.mentions(p) for p in paragraphs]
    primed = PeopleIndex(people)
    primed.prime(paragraphs)
    assert [primed.mentions(p) for p in paragraphs] == expected
    assert any(m.kind == "alias" for m in expected[1])


_WORDS_ALPHABET = "aAdDeEvVnNrRsStlLÉéǅ2_ '’-.\n"


@settings(max_examples=300, deadline=None)
@given(st.text(_WORDS_ALPHABET, max_size=40))
def test_run_words_are_the_words_a_run_can_hold(text: str) -> None:
    """Reading only capitalised words and particles finds the same tokens, and runs."""
    everything = runs._tokens(text)
    wanted = [
        t
        for t in everything
        if t.text[:1].isupper() or t.text in lexicon._PARTICLES or t.text in lexicon._SUFFIXES
    ]
    assert runs._run_tokens(text) == wanted


def test_run_words_start_with_a_letter_the_engine_can_skip_to() -> None:
    """The run regex opens with its first letter's set, not a lookahead: the regex engine
    then skips in C to each letter that may start a run's word (half the time of trying a
    lookahead at every place); lower-case words no particle starts are never matched."""
    assert runs._RUN_WORD.pattern.startswith("[")
    assert [m.group(0) for m in runs._RUN_WORD.finditer("he said Van der Berg's da o")] == [
        "Van",
        "der",
        "Berg's",
        "da",
    ]


def test_run_words_skip_lower_case_words_no_particle_begins() -> None:
    """Lower-case words that start with a particle's initial but are no particle ("the",
    "to", "lap", "did", "value") are passed over by the regex itself, not handed to Python
    to drop: they are most of a text's words. A word that begins with a whole particle and
    goes on ("de-Silva", "van's") is still the regex's, for the caller to judge."""
    text = "the team told Lando that da Costa did a lap to delay van Rijn, de-Silva and ter"
    assert [m.group(0) for m in runs._RUN_WORD.finditer(text)] == [
        "Lando",
        "da",
        "Costa",
        "van",
        "Rijn",
        "de-Silva",
        "ter",
    ]


@settings(max_examples=300, deadline=None)
@given(st.text("ab1_ .,!?…\n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_last_word_is_what_the_regex_finds(text: str, start: int, end: int) -> None:
    """The last word before a sentence end, read backwards, is the regex's."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    found = re.search(r"(\w+)\W*$", text[start:end])
    assert _last_word(text, start, end) == (found.group(1) if found else None)


_SETTING_WORDS = st.sampled_from(
    ["Radio", "team", "over the", "radioed", "STATEMENT", "in a", "statement", "told", "the",
     "reporters", "speaking to", "media", "pen", "press", "conference", "on X", "Instagram",
     "social-media", "ınstagram", "ſtatement", "x", "account", ",", "."]
)  # fmt: skip


@pytest.mark.parametrize("name", ["_SOCIAL", "_REPORTERS", "_RADIO", "_STATEMENT"])
@settings(max_examples=150, deadline=None)
@given(words=st.lists(_SETTING_WORDS, max_size=8))
def test_needled_regex_finds_what_the_regex_finds(name: str, words: list[str]) -> None:
    """A setting's regex tried only where its words are finds what it finds everywhere."""
    needled = getattr(attribute, name)
    text = " ".join(words)
    found = needled.search(text, text.lower())
    expected = needled.pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())


_CASELESS_WORDS = st.sampled_from(
    ["Ferrari", "boss", "BOSS", "Driver", "team-mate", "TEAMMATE", "spokeswoman", "ceo", "CEO",
     "German", "ınsider", "İnsider", "ſtar", "ſteward", "\u212aing", "Ace", "x", " ", "\t",
     "\n", "", ",", "é", "The", "the", "a", "AN", "another", "21-year-old", "Dutchman",
     "DUTCHMAN", "leader", "This", "weekend", "heads", "into", "Ahead", "of", "SUNDAY",
     "start", "at", "3", "will", "be", "hoping", "ſtart", "thıs", "Σ", "ß", "'s", "win"]
)  # fmt: skip


@pytest.mark.parametrize(
    "caseless",
    [aliases._ROLE_THEN_BLANK, lexicon._UNKNOWN, facts._PREVIEW],
    ids=["role_then_blank", "unknown", "preview"],
)
@settings(max_examples=300, deadline=None)
@given(words=st.lists(_CASELESS_WORDS, max_size=10), joiner=st.sampled_from([" ", "", "  "]))
def test_caseless_regex_finds_what_the_case_insensitive_regex_finds(
    caseless: Caseless, words: list[str], joiner: str
) -> None:
    """Searched in lower-cased text, each pattern finds the spans (and, case-folded, the
    words) the case-insensitive regex finds, case traps included."""
    text = joiner.join(words)
    expected = [(m.span(), m.group(0).casefold()) for m in caseless.pattern.finditer(text)]
    assert [(m.span(), m.group(0).casefold()) for m in caseless.finditer(text)] == expected
    found, first = caseless.search(text), caseless.pattern.search(text)
    assert (found and found.span()) == (first and first.span())


def test_caseless_refuses_an_escape_lower_casing_would_change() -> None:
    """\\S lower-cased is \\s: such a pattern is refused, not silently changed."""
    with pytest.raises(ValueError, match="upper-case escape"):
        Caseless(r"\Sfoo")


_RELATION_WORDS = st.sampled_from(
    ["He", "she", "who", "replaces", "replaced", "by", "team-mate", "Teammate", "co-driver",
     "navigator", "partners", "will", "take", "over", "from", "seat", "goes", "to", "in",
     "place", "of", "stands", "for", "successor", "as", "with", "and", "McLaren", "his",
     "him", "Norris", "Piastri's", ",", "'s", "the", "stand-in"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_RELATION_WORDS, max_size=10), subject=st.sampled_from([None, 0, 1]))
def test_a_sentence_naming_no_one_states_no_relation(words: list[str], subject: int) -> None:
    """Every relation pattern needs a person's marker: find_relations skips sentences
    without one, which must be exactly those the patterns could not read."""
    from bot.ingest.relations import _read

    assert _read(" ".join(words), subject, 1 - subject if subject is not None else None) == []


_OUTLET_TEXT = st.sampled_from(
    ["told", "said", "said to", "to", "Sky", "Sports", "German", "magazine", "Auto", "Motor",
     "und", "Sport", "speaking", "spoke", "interview", "in an", "with", "the", "TV", "he",
     "telling", ",", "\n", "“"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_OUTLET_TEXT, max_size=10), joiner=st.sampled_from([" ", "  "]))
def test_outlet_words_let_through_every_outlet(words: list[str], joiner: str) -> None:
    """The outlet pattern runs only where its words are: every sentence it matches has one."""
    from bot.ingest.attribution.settings import _OUTLET, _OUTLET_WORDS

    text = joiner.join(words)
    if _OUTLET.search(text):
        assert _OUTLET_WORDS.search(text)


def test_a_bare_said_does_not_run_the_outlet_pattern() -> None:
    """Most quoted sentences hold "said": only "said to" can open an outlet."""
    from bot.ingest.attribution.settings import _OUTLET_WORDS

    assert _OUTLET_WORDS.search('"We won," he said, smiling.') is None
    assert _OUTLET_WORDS.search("he said to Sky Sports") is not None


_TWO_CAPITALS_TEXT = "AaBb zZ'’-_1é\u00c9 \n\t."


@settings(max_examples=400, deadline=None)
@given(st.text(_TWO_CAPITALS_TEXT, max_size=30))
def test_two_capitals_finds_what_the_word_boundary_regex_finds(text: str) -> None:
    """The capital-first regex (the engine skips to capitals) finds where ``\\b`` first did."""
    old = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z]")
    found, expected = discover._TWO_CAPITALS.search(text), old.search(text)
    assert (found and found.span()) == (expected and expected.span())
    assert discover._TWO_CAPITALS.pattern.startswith("[A-Z]")


def test_name_keys_and_nicknames_are_worked_out_once_per_name() -> None:
    """The same people come back in article after article: each name's keys, plain form
    and nickname owner are remembered, and answer as worked out anew."""
    name = "Jean-Loup Ferrière"
    assert keys._keys_of(name) == (
        *keys._name_keys(name),
        *keys._unaccented_forms(name),
    )
    assert keys._plain("pérez") == "perez"
    for cached in (keys._keys_of, keys._plain, nicknames._nickname_owner_in):
        hits = cached.cache_info().hits
        people.discover_people(["Jean-Loup Ferrière beat Sergio Pérez, and Danny Ric was third."])
        people.discover_people(["Jean-Loup Ferrière beat Sergio Pérez, and Danny Ric was third."])
        assert cached.cache_info().hits > hits


def test_a_text_is_split_into_sentences_only_for_a_word_that_may_open_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sentence starts matter only for a run's first word that the text also writes in
    lower case, or an adverb ("Afterwards"): a run of plain names is read without them."""
    split: list[str] = []
    real = runs._sentence_starts

    def spy(masked: str) -> set[int]:
        split.append(masked)
        return real(masked)

    monkeypatch.setattr(runs, "_sentence_starts", spy)
    text = "Reporters saw Lena Quist win. Delighted Omar Feld spoke."
    lower = {"delighted"}  # the text writes "delighted" in lower case elsewhere too
    assert runs._names_in(text, lower) == [("Lena Quist", 14, 24), ("Omar Feld", 40, 49)]
    assert split == [text]  # "Delighted" may open a sentence (it does): split once
    split.clear()
    assert runs._names_in("Reporters saw Lena Quist win.", lower) == [("Lena Quist", 14, 24)]
    assert split == []


def test_a_text_of_one_word_runs_is_not_read_for_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name takes two words: a text whose capitalised runs are all one word long ("He",
    "Ferrari", a sentence's first word) finds none, and is not even split into sentences."""
    split: list[str] = []
    real = runs._sentence_starts

    def spy(masked: str) -> set[int]:
        split.append(masked)
        return real(masked)

    monkeypatch.setattr(runs, "_sentence_starts", spy)
    assert runs._names_in("He said Ferrari won. Norris agreed, and Vasseur smiled.", set()) == []
    assert split == []
    text = "Gleefully Lena Quist said Ferrari won."  # an adverb first: it asks
    assert runs._names_in(text, set()) == [("Lena Quist", 10, 20)]
    assert split == [text]
