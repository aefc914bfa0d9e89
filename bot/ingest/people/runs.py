"""Reading full names out of runs of capitalised words ("Afterwards Lena Quist said").

The first step of discovery: which runs are people's names, not places, teams, shows or
a sentence's first word.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Container, Sequence
from typing import NamedTuple

from bot.ingest.people.lexicon import (
    _COMMON,
    _LETTER,
    _ORGANISATION_END,
    _PARTICLES,
    _PLACE_AFTER,
    _STOP,
    _SUFFIXES,
    _THING_END,
    _TITLE_AFTER,
    _TITLE_BEFORE,
    _WORD,
)
from bot.ingest.text import masked as masked_text
from bot.ingest.text import sentence_spans


class _Token(NamedTuple):
    # A tuple, not a frozen dataclass: every word of every paragraph becomes one, and a
    # frozen dataclass is several times slower to build.
    start: int
    end: int
    text: str
    possessive: bool


def _token(start: int, raw: str) -> _Token | None:
    """The token of a ``_WORD`` match: its text without a possessive ending ("Russell's")."""
    last = raw[-1]
    if last in "'’":
        cut = 1
    elif last == "s" and len(raw) > 1 and raw[-2] in "'’":
        cut = 2
    else:
        cut = 0
    # "O'Ward's" is as possessive as "Ward's": the run ends there ("O'Ward's No. 5 car" made
    # a person "O'Ward's No" when an apostrophe inside the word kept the ending).
    if cut:
        text, possessive = raw[:-cut], True
    else:
        text, possessive = raw, False
    return _Token(start, start + len(text), text, possessive) if text else None


def _tokens(masked: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _WORD.finditer(masked):
        token = _token(m.start(), m.group(0))
        if token is not None:
            out.append(token)
    return out


def _is_cap(word: str) -> bool:
    return (
        word[:1].isupper()
        and not word.isupper()
        and (word[1:2].islower() or any(c.islower() for c in word))
    )


def _sentence_starts(masked: str) -> set[int]:
    starts = set()
    for a, _b in sentence_spans(masked):
        m = _LETTER.search(masked, a)
        if m:
            starts.add(m.start())
    return starts


#: Lower-case words that can stand in a name's run (particles), as ``_WORD`` finds them.
_PARTICLE_FORMS = frozenset(p + end for p in _PARTICLES for end in ("", "'", "'s", "’", "’s"))


#: The initials of the particles: the only lower-case letters a run's word may start with.
_PARTICLE_INITIALS = frozenset(p[0] for p in _PARTICLES)


def _particle_rest() -> str:
    """After a run word's first letter: a lower-case one only where a particle starts, that
    is, the letter then the rest of a particle and no further letter ("d" of "de", "der"; not
    of "did" or "during"). Upper-case and other letters go on as before."""
    rests = [
        rf"(?<={initial})(?=(?:{'|'.join(sorted(p[1:] for p in _PARTICLES if p[0] == initial))})"
        r"(?![^\W\d_]))"
        for initial in sorted(_PARTICLE_INITIALS)
    ]
    return rf"(?:(?<![a-z])|{'|'.join(rests)})"


#: ``_WORD``'s words, from where ``_WORD.finditer`` starts one (a letter after no letter, nor
#: after a letter and a joining mark), that begin with anything but a lower-case a-z letter no
#: particle starts with, and of the lower-case words a particle's initial starts, only those
#: that begin with a whole particle (:func:`_particle_rest`): "the", "to", "that", "lap",
#: "did", the commonest words of a text, start with a particle's initial, and each one the
#: regex returned cost a trip through Python for :func:`_run_tokens` to drop it (a fifth of
#: its time). :func:`_run_tokens` still drops the rest ("del" of "delay"). The first
#: letter is matched first and the lookarounds look past it, so the regex engine skips to
#: each candidate letter in C (twice as fast as a lookahead first, tried at every place). No
#: match starts inside another (``_WORD``'s every letter follows a letter, or a letter and a
#: joining mark), so the words found are those ``_WORD.finditer`` finds.
_RUN_WORD = re.compile(
    rf"[^\W\d_{''.join(sorted(set(string.ascii_lowercase) - _PARTICLE_INITIALS))}]"
    r"(?<![^\W\d_].)(?<![^\W\d_]['’\-].)"
    + _particle_rest()
    + r"[^\W\d_]*(?:['’\-][^\W\d_]+)*(?:['’]s?)?"  # the rest of the _WORD
)


def _run_tokens(masked: str) -> list[_Token]:
    """The tokens a run of a name can hold: capitalised words, particles and suffixes.

    Every other word only ever ends a run, and so does any gap other than one space, which
    a word left out always makes: runs read from these tokens alone are the runs of all.
    """
    out: list[_Token] = []
    for m in _RUN_WORD.finditer(masked):
        raw = m.group(0)
        if not raw[0].isupper() and raw not in _PARTICLE_FORMS:
            continue
        token = _token(m.start(), raw)
        if token is not None:
            out.append(token)
    return out


def _particles_then_name(tokens: Sequence[_Token], i: int, masked: str) -> bool:
    """Whether the particle at ``i`` and any particles after it lead, one space apart, to a
    capitalised word: "de Vries", and "van der Linde", whose first particle is followed by a
    second, not by the surname."""
    for tok, nxt in zip(tokens[i:], tokens[i + 1 :], strict=False):
        if masked[tok.end : nxt.start] != " ":
            return False
        if _is_cap(nxt.text):
            return True
        if nxt.text not in _PARTICLES:
            return False
    return False


def _candidate_runs(masked: str) -> list[list[_Token]]:
    """Runs of capitalised words joined by single spaces (particles allowed inside)."""
    tokens = _run_tokens(masked)
    runs: list[list[_Token]] = []
    run: list[_Token] = []
    for i, tok in enumerate(tokens):
        joined = bool(run) and masked[run[-1].end : tok.start] == " " and not run[-1].possessive
        cap = _is_cap(tok.text)
        if cap or tok.text in _SUFFIXES:
            fits = True
        elif tok.text in _PARTICLES and run:
            fits = _particles_then_name(tokens, i, masked)
        else:
            fits = False
        if fits and (joined or not run):
            run.append(tok)
            continue
        if run:
            runs.append(run)
        run = [tok] if cap else []
    if run:
        runs.append(run)
    return runs


#: The word after a run ("Grand" in "Miami Grand Prix").
_AFTER_RUN = re.compile(r"\s*([\w.]+)")
#: A run right after these is a place or a thing: "the Silver Arrows", "at Paul Ricard".
_PLACE_BEFORE = ("the", "at", "in", "near")
#: "south of Al Ula", "on the outskirts of San Luis": a run after "of" after one of these.
_PLACE_OF = ("north", "south", "east", "west", "outskirts", "northeast", "northwest",
             "southeast", "southwest", "outside")  # fmt: skip
#: How an adverb opening a sentence ends ("Afterwards Norris said", "Eventually Sainz
#: pitted"): read off the run, the name starts after it. A stem before "ly" of four or more
#: letters keeps short names ("Kelly", "Holly") out.
_ADVERB_ENDS = ("wards", "ally", "ously", "edly", "ingly", "ately", "ively", "ently", "antly",
                "fully", "lessly", "ably", "ibly")  # fmt: skip


def _adverb_like(word: str) -> bool:
    return len(word) >= 7 and word.lower().endswith(_ADVERB_ENDS)


def _after_place_word(masked: str, start: int) -> bool:
    r"""``re.search(r"(?:^|\s)(?:the|at|in)$", masked[:start].rstrip().lower())``, from the end."""
    end = start
    while end > 0 and masked[end - 1].isspace():
        end -= 1
    for word in _PLACE_BEFORE:
        at = end - len(word)
        if at >= 0 and masked[at:end].lower() == word and (at == 0 or masked[at - 1].isspace()):
            return True
    if end >= 3 and masked[end - 2 : end] == "of" and masked[end - 3].isspace():
        before = masked[max(0, end - 16) : end - 3].rstrip().lower()
        return before.endswith(_PLACE_OF)
    return False


def _owned(masked: str, start: int) -> bool:
    """Whether the word before ``start`` is a possessive or an article ("his", "Harvick's",
    "the"): what stands before a show's title."""
    end = start
    while end > 0 and masked[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    begin = end
    while begin > 0 and not masked[begin - 1].isspace():
        begin -= 1
    word = masked[begin:end]
    return word.lower() in _TITLE_BEFORE or word.endswith(("'s", "’s"))


def _names_in(
    masked: str,
    lowercase_words: Container[str],
    stop_first: dict[str, frozenset[str]] | None = None,
) -> list[tuple[str, int, int]]:
    """``stop_first``: :func:`_stop_first_names`, asked for once per article by the caller."""
    names: list[tuple[str, int, int]] = []
    # A name takes two words or more (``core`` below; a register name starting with a stop
    # word too): a run of one word, most of them ("He", "Ferrari", a sentence's first word),
    # names no one, so it is not read, nor is a text's sentence split for runs like these.
    runs = [run for run in _candidate_runs(masked) if len(run) > 1]
    if not runs:
        return names
    # Where the text's sentences start, split only once a piece's first word could be a
    # sentence's opening word rather than a name's (written in lower case elsewhere, or an
    # adverb): for most runs no word is (the split was a third of this function's time).
    starts: set[int] | None = None
    for run in runs:
        after = _AFTER_RUN.match(masked, run[-1].end)
        if after and after.group(1) in _PLACE_AFTER:
            continue
        if after and after.group(1).lower() in _TITLE_AFTER and _owned(masked, run[0].start):
            continue  # "Harvick's Happy Hour podcast": a show's title
        if any(t.text in _PLACE_AFTER for t in run):
            continue
        # "the Silver Arrows", "at Paul Ricard", "in Monte Carlo": places and things.
        if _after_place_word(masked, run[0].start):
            continue
        if stop_first is None:
            stop_first = _stop_first_names()
        if stop_first:
            names += _register_names_in(run, stop_first)
        pieces: list[list[_Token]] = [[]]
        for tok in run:
            if tok.text in _STOP:
                if tok.text in _ORGANISATION_END and pieces[-1]:
                    pieces[-1] = []  # "Meyer Shank Racing", "Andretti Autosport": a team
                pieces.append([])
            else:
                pieces[-1].append(tok)
        for piece in pieces:
            if piece and piece[-1].text in _THING_END:
                continue  # "IU Health Methodist Hospital", "Attack Mode", "Casino Square"
            while piece and (
                piece[0].text in _COMMON
                or piece[0].text in _PARTICLES
                or (
                    (piece[0].text.lower() in lowercase_words or _adverb_like(piece[0].text))
                    and piece[0].start
                    in (starts := _sentence_starts(masked) if starts is None else starts)
                )
            ):
                piece = piece[1:]
            while piece and piece[-1].text in _PARTICLES:
                piece = piece[:-1]
            core = [t for t in piece if t.text not in _SUFFIXES and t.text not in _PARTICLES]
            if len(core) >= 2 and len(piece) <= 5:
                names.append((" ".join(t.text for t in piece), piece[0].start, piece[-1].end))
    return names


def _stop_first_names() -> dict[str, frozenset[str]]:
    """Register people whose first name is also a place or team word ("Austin Cindric"):
    that word -> their full names, so the run is read as the name, not split at the word."""
    from bot.ingest.resolve import default_register  # the register needs this module

    return _stop_first_names_of(default_register())


@functools.lru_cache(maxsize=4)
def _stop_first_names_of(register: object) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for person in getattr(register, "people", ()):
        words = str(getattr(person, "name", "")).split()
        if len(words) >= 2 and words[0] in _STOP:
            found.setdefault(words[0], set()).add(" ".join(words))
    return {word: frozenset(names) for word, names in found.items()}


def _register_names_in(
    run: Sequence[_Token], stop_first: dict[str, frozenset[str]]
) -> list[tuple[str, int, int]]:
    """The register's full names a run holds that start with a stop word ("Austin Cindric")."""
    found: list[tuple[str, int, int]] = []
    for i, tok in enumerate(run[:-1]):
        full = stop_first.get(tok.text)
        if full is None:
            continue
        for j in (i + 2, i + 3):
            if j <= len(run) and not run[j - 2].possessive:
                text = " ".join(t.text for t in run[i:j])
                if text in full:
                    found.append((text, tok.start, run[j - 1].end))
                    break
    return found


def _masked(paragraph: str) -> str:
    return masked_text(paragraph)
