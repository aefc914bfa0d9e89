"""The fuzzy filter skips only keys that cannot reach the cutoff: the same suggestions."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from bot.answers._fuzzy_filter import CharFilter, WordPool

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
