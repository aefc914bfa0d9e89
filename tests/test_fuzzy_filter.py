"""The fuzzy filter skips only keys that cannot reach the cutoff: the same suggestions."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from bot.answers._fuzzy_filter import CharFilter

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
