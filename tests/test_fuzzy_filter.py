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
