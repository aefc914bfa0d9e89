"""The fuzzy filter skips only keys that cannot reach the cutoff: the same suggestions."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from bot.answers.lookup._fuzzy_filter import (
    DIGIT_SPAN,
    CharFilter,
    WordPool,
    digit_needs,
    digit_parts,
)

_PARTS = ["lewis", "hamilton", "max", "verstappen", "the", "finn", "kimi", "raikkonen", "sainz",
          "carlos", "andrea", "ab", "x", "mattia", "binotto", "aa", "bianca"]  # fmt: skip


def _text(rnd: random.Random) -> str:
    words = [rnd.choice(_PARTS) for _ in range(rnd.randrange(1, 4))]
    text = " ".join(words)
    if rnd.random() < 0.5:  # a typo: a letter dropped, doubled or changed
        at = rnd.randrange(len(text))
        text = text[:at] + rnd.choice(["", text[at] * 2, "e", "q"]) + text[at + 1 :]
    return " ".join(text.split()) or "a"


@pytest.mark.parametrize("cutoff", [60.0, 75.0, 84.0])
def test_every_key_skipped_scores_below_the_cutoff(cutoff: float) -> None:
    rnd = random.Random(int(cutoff))
    keys = list(dict.fromkeys(_text(rnd) for _ in range(600)))
    char_filter = CharFilter(keys)
    skipped_some = False
    for _ in range(400):
        query = _text(rnd)[: rnd.randrange(3, 20)].strip() or "ab"
        pool = char_filter.candidates(query, cutoff)
        if pool is None:
            continue
        kept = set(pool)
        skipped_some |= len(kept) < len(keys)
        for i, key in enumerate(keys):
            if i not in kept:
                assert fuzz.WRatio(query, key) < cutoff, (query, key)
        full = process.extract(query, keys, scorer=fuzz.WRatio, limit=15, score_cutoff=cutoff)
        some = process.extract(query, [keys[i] for i in pool], scorer=fuzz.WRatio, limit=15,
                               score_cutoff=cutoff)  # fmt: skip
        assert [(k, s) for k, s, _ in full] == [(k, s) for k, s, _ in some]
    assert skipped_some


_FIRST = ["lewis", "max", "valtteri", "christian", "george", "timo", "niki", "fernando",
          "jack", "enzo", "alexander", "susie", "kevin", "romain", "helmut", "bianca"]  # fmt: skip
_LAST = ["hamilton", "verstappen", "bottas", "horner", "russell", "glock", "lauda", "alonso",
         "villeneuve", "ferrari", "wolff", "grosjean", "trulli", "marko", "kubica"]  # fmt: skip


@pytest.mark.parametrize("cutoff", [60.0, 75.0, 84.0])
def test_names_of_about_the_querys_length_are_bounded_not_all_kept(cutoff: float) -> None:
    """Keys about as long as the query (WRatio compares them whole) are kept only when they
    could reach the cutoff; what a fan types into autocomplete is scored the same."""
    rnd = random.Random(7 + int(cutoff))
    keys = sorted({f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}" for _ in range(400)})
    char_filter = CharFilter(keys)
    queries = [f"{f} {s[:n]}" for f in _FIRST[:6] for s in _LAST[:6] for n in (1, 2, 3)]
    queries += [s + "x" for s in _LAST] + [f[:4] for f in _FIRST] + [s[:3] for s in _LAST]
    pruned = 0
    for query in queries:
        pool = char_filter.candidates(query, cutoff)
        if pool is None:
            continue
        pruned += len(keys) - len(pool)
        kept = set(pool)
        for i, key in enumerate(keys):
            if i not in kept:
                assert fuzz.WRatio(query, key) < cutoff, (query, key)
        full = process.extract(query, keys, scorer=fuzz.WRatio, limit=75, score_cutoff=cutoff)
        some = process.extract(query, [keys[i] for i in pool], scorer=fuzz.WRatio, limit=75,
                               score_cutoff=cutoff)  # fmt: skip
        assert [(k, s) for k, s, _ in full] == [(k, s) for k, s, _ in some]
    assert pruned > len(queries) * len(keys) // 2


def _word_keys(rnd: random.Random) -> list[str]:
    """Names, surnames, first names, aliases with a repeated word, and short oddities."""
    keys = {f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}" for _ in range(300)}
    keys.update(_FIRST + _LAST + ["max max verstappen", "ab", "abc", "geo", "g russell"])
    keys.update(f"{rnd.choice(_FIRST)} {rnd.choice(_PARTS)} {rnd.choice(_LAST)}" for _ in range(50))
    return sorted(keys)


@pytest.mark.parametrize("cutoff", [60.0, 75.0, 84.0])
def test_word_pool_skips_only_keys_below_the_cutoff(cutoff: float) -> None:
    """One short typed word (autocomplete's "geor"): every key the pool leaves out scores
    below the cutoff, and the pool leaves out most keys where it applies."""
    rnd = random.Random(11 + int(cutoff))
    keys = _word_keys(rnd)
    pool = WordPool(keys, cutoff)
    words = {w[:n] for w in _FIRST + _LAST + _PARTS for n in range(1, 7)}
    words |= {w[-n:] for w in _FIRST + _LAST for n in range(3, 6)}
    words |= {
        "".join(rnd.choice("aeilmnorstu") for _ in range(rnd.randrange(3, 7))) for _ in range(200)
    }
    planned = pruned = 0
    for word in sorted(words):
        found = pool.candidates(word, cutoff)
        if found is None:
            continue
        planned += 1
        pruned += len(keys) - len(found)
        kept = set(found)
        for i, key in enumerate(keys):
            if i not in kept:
                assert fuzz.WRatio(word, key) < cutoff, (word, key)
    assert pool.candidates("lewis", cutoff + 1) is None  # another cutoff: not this pool's
    assert pool.candidates("max v", cutoff) is None  # two words: CharFilter's
    if cutoff == 75.0:  # autocomplete's: every word of 1-5 letters has a plan
        assert planned > len(words) // 2
        assert pruned > planned * len(keys) * 3 // 4


# -- digits typed: the digit zone bound ------------------------------------------------------
_WORDS = ["ferrari", "alpine", "clash", "at", "the", "monaco", "grand", "prix", "tester",
          "rider", "of", "wins", "lap", "race", "oz", "to"]  # fmt: skip


def _dated_key(rnd: random.Random) -> str:
    """An invented article key: headline words (a number among them at times), then a slug
    with a date, names and a counter, as ``normalise(headline + " " + slug)`` gives."""
    words = [rnd.choice(_WORDS) for _ in range(rnd.randrange(0, 9))]
    if rnd.random() < 0.2:
        words.insert(rnd.randrange(len(words) + 1), str(rnd.randrange(1, 400)))
    date = f"{rnd.randrange(2000, 2026)} {rnd.randrange(1, 13):02d} {rnd.randrange(1, 29):02d}"
    slug = [date, *(rnd.choice(_WORDS) for _ in range(rnd.randrange(0, 4)))]
    if rnd.random() < 0.7:
        slug.append(f"{rnd.randrange(100000):05d}")
    if rnd.random() < 0.1:
        slug = [rnd.choice(_WORDS)]  # no digit at all
    return " ".join([*words, *slug])


def _typed_date(rnd: random.Random, keys: list[str]) -> str:
    """What a fan types for a slug: its first characters, at times with a typo."""
    key = rnd.choice(keys)
    digits = key[next((i for i, c in enumerate(key) if c.isdigit()), 0) :]
    text = digits[: rnd.randrange(4, 17)]
    if rnd.random() < 0.5 and text:
        at = rnd.randrange(len(text))
        text = text[:at] + rnd.choice(["", "1", "0", "9", "x", " "]) + text[at + 1 :]
    return " ".join(text.split()) or "2019"


@pytest.mark.parametrize(("cutoff", "share"), [(80.0, 0.5), (90.0, 0.75), (60.0, 0.1)])
def test_a_key_failing_the_digit_bound_scores_below_the_cutoff(cutoff: float, share: float) -> None:
    """Every key partial_ratio scores at the cutoff or above against a typed date passes
    the bound (its zone, or its edges, shares enough with the text); at autocomplete's
    cutoff (80) most others fail it (``share``: at least this many of the keys scored)."""
    rnd = random.Random(int(cutoff) + 3)
    keys = list(dict.fromkeys(_dated_key(rnd) for _ in range(500)))
    keys += ["2019 05 03", "ab 2019 05 03 c", "x" * 20 + "2019"]  # short keys, an end digit
    parts = [digit_parts(k) for k in keys]
    bounded = skipped = 0
    for _ in range(300):
        query = _typed_date(rnd, keys)
        needs = digit_needs(query, cutoff)
        if needs is None:
            continue
        bounded += 1
        full, edge = needs
        for key, part in zip(keys, parts, strict=True):
            if part is None:
                continue  # always scored
            zone, edges = part
            passes = LCSseq.similarity(query, zone) >= full or (
                LCSseq.similarity(query, edges) >= edge
            )
            if not passes:
                skipped += 1
                assert fuzz.partial_ratio(query, key) < cutoff, (query, key)
    assert bounded > 100
    assert skipped > share * bounded * len(keys)


@pytest.mark.parametrize(
    ("query", "applies"),
    [("2015 12 29 f", True), ("2015", True), ("verstappen 2019", False), ("monaco 19", False),
     ("2015 12 29 ferrari x", False), ("", False)],
)  # fmt: skip
def test_the_digit_bound_applies_only_where_no_digit_free_window_reaches(
    query: str, applies: bool
) -> None:
    """Letters alone could reach the cutoff in a window ("monaco 19"), or the text is
    longer than the zones are cut for: no bound, every key is scored."""
    assert (digit_needs(query, 80.0) is not None) is applies


def test_digit_parts_hold_every_window_with_a_digit() -> None:
    key = "the longest headline of them all 2019 05 03 rider tester 00042"
    zone, edges = digit_parts(key) or ("", "")
    first = key.index("2019")
    assert zone == key[first - (DIGIT_SPAN - 1) :]
    assert edges == key[-(DIGIT_SPAN - 1) :]  # the counter is at the key's end
    assert digit_parts("no digits in this headline at all") == ("", "")
    assert digit_parts("2019 05 03") is None
