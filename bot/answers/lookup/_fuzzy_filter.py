"""Which name keys could reach a WRatio cutoff: a bound computed on bit sets, not by scoring.

People autocomplete scores what was typed against every name key with rapidfuzz's WRatio
(about 2 µs a key: 3-4 ms a keystroke for 1,500 keys, issue 12's target is 2 ms). Every
part of WRatio is an Indel similarity of the two texts, of windows of them, or of their
sorted or deduplicated words, scaled by at most 1; the one exception is a word the two
share, which can score 100 at once. The Indel similarity of two texts is at most
2·I / (s + I), where I is how many characters they have in common (as multisets) and s is
the shorter length, so a key 1.5 times longer than the query that shares no word with it
and fewer than ``r · s`` characters cannot reach the cutoff (r below). Those keys are
skipped; the others are scored exactly as before, in the same order, so the suggestions
are the same.

Characters in common are counted for every key at once: for each character and count,
the keys holding at least that many are one big integer used as a bit set, and the query's
characters are added up over them with a bit-sliced counter.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations

__all__ = ["DIGIT_SPAN", "CharFilter", "WordPool", "digit_needs", "digit_parts"]

#: WRatio's scales for its parts (rapidfuzz: token parts x0.95, partial ones x0.9 or 0.6).
_TOKEN_SCALE = 0.95
_PARTIAL_SCALE = 0.9


def _effective_length(text: str) -> int:
    """The shortest form WRatio compares of ``text``: as it is, or its distinct words."""
    words = set(text.split())
    return min(len(text), sum(map(len, words)) + max(len(words) - 1, 0))


def _least_share(cutoff: float) -> float:
    """r: no key at least 1.5 times the query's length with fewer than r * s characters in
    common reaches ``cutoff`` (0-100) without a shared word. For such a key WRatio takes
    the plain ratio (at most 2I / (m + n) <= I / 1.25s), and partial similarities scaled
    by 0.9 or less; 2I / (s + I) >= x needs I >= s * x / (2 - x)."""
    c = cutoff / 100

    def share(x: float) -> float:
        return x / (2 - x) if x < 1 else 1.0

    return min(1.25 * c, share(c / _PARTIAL_SCALE), share(c / _PARTIAL_SCALE / _TOKEN_SCALE))


class CharFilter:
    """Bit sets over a fixed list of keys, to find those a query could score well against."""

    __slots__ = ("_effective", "_levels", "_raw", "_shorter", "_size", "_words")

    def __init__(self, keys: Sequence[str]) -> None:
        levels: dict[tuple[str, int], int] = {}
        words: dict[str, int] = {}
        by_length: dict[tuple[int, int], int] = {}
        for i, key in enumerate(keys):
            bit = 1 << i
            for char, count in Counter(key).items():
                for level in range(1, count + 1):
                    levels[char, level] = levels.get((char, level), 0) | bit
            for word in set(key.split()):
                words[word] = words.get(word, 0) | bit
            by_length[len(key), 0] = by_length.get((len(key), 0), 0) | bit
            length = _effective_length(key)
            by_length[length, 1] = by_length.get((length, 1), 0) | bit
        most = max((n for n, _ in by_length), default=0)
        # shorter[f][n]: the keys whose length (f 0) or effective length (f 1) is below n.
        shorter: tuple[list[int], list[int]] = ([0], [0])
        for n in range(most + 1):
            for form in (0, 1):
                shorter[form].append(shorter[form][-1] | by_length.get((n, form), 0))
        self._levels = levels
        self._words = words
        self._shorter = shorter
        self._size = len(keys)
        # The keys of each length, and of each effective length, for the bound on keys
        # about as long as the query (see candidates).
        self._raw = {n: bits for (n, form), bits in by_length.items() if form == 0}
        self._effective = {n: bits for (n, form), bits in by_length.items() if form == 1}

    def candidates(self, query: str, cutoff: float) -> list[int] | None:
        """Indexes (ascending) of the keys that could reach ``cutoff`` against ``query``;
        None when the bound would keep (nearly) all of them."""
        length = _effective_length(query)
        need = math.ceil(_least_share(cutoff) * length - 1e-9)
        if need <= 1 or not self._size:
            return None
        # Kept unscored: keys with a shorter effective length than the query's, and those
        # far shorter (the bound below is for keys at least as long); keys within 1.5 times
        # its length (WRatio compares those whole, with other scales) have a bound of their own.
        effective = self._shorter[1]
        kept = effective[min(length, len(effective) - 1)]
        near = 0  # keys WRatio compares whole (lengths within 1.5 times): bounded below
        for n, bits in self._raw.items():
            if _whole(n, len(query)):
                near |= bits
            elif n < len(query):  # much shorter: kept, as before
                kept |= bits
        kept &= ~near
        shared = 0
        for word in set(query.split()):
            shared |= self._words.get(word, 0)
        kept |= shared
        planes: list[int] = []  # bit-sliced count of characters in common, per key
        for char, count in Counter(query).items():
            for level in range(1, count + 1):
                carry = self._levels.get((char, level), 0)
                j = 0
                while carry:
                    if j == len(planes):
                        planes.append(carry)
                        break
                    planes[j], carry = planes[j] ^ carry, planes[j] & carry
                    j += 1
        everyone = (1 << self._size) - 1
        far = everyone & ~near
        kept |= _at_least(planes, need, everyone) & far
        # A key about as long as the query, sharing no word with it, scores at most
        # 2I / (q + k) in every part WRatio takes (ratio, token sort, token set), where q and
        # k are the two effective lengths: kept only with I at least cutoff * (q + k) / 2.
        if near:
            for k, bits in self._effective.items():
                group = bits & near
                if group:
                    least = math.ceil(cutoff / 100 * (length + k) / 2 - 1e-6)
                    kept |= group if least <= 0 else _at_least(planes, least, group)
        return _bits(kept)


def _whole(key_length: int, query_length: int) -> bool:
    """Whether WRatio compares the two whole (no partial parts): lengths within 1.5 times,
    by its own test."""
    if not key_length or not query_length:
        return False
    longer, shorter = max(key_length, query_length), min(key_length, query_length)
    return longer / shorter < 1.5


def _at_least(planes: list[int], need: int, everyone: int) -> int:
    """The keys whose bit-sliced count is at least ``need``."""
    if need.bit_length() > len(planes):
        return 0
    above = 0
    equal = everyone
    for j in range(len(planes) - 1, -1, -1):
        if need >> j & 1:
            equal &= planes[j]
        else:
            above |= equal & planes[j]
            equal &= ~planes[j]
    return above | equal


def _bits(value: int) -> list[int]:
    """The positions of the set bits, ascending."""
    text = bin(value)[:1:-1]
    found: list[int] = []
    at = text.find("1")
    while at != -1:
        found.append(at)
        at = text.find("1", at + 1)
    return found


# -- one short typed word: a tighter pool, exact for one cutoff -------------------------------
# CharFilter keeps 500-800 of 1,500 name keys for a first name's first letters ("Dani",
# "Geor"): each shares three of four letters with most names. For one word of m letters
# (no space) WRatio's parts are narrower than a character count says (rapidfuzz 3.x,
# fuzz_py.py's WRatio, partial_ratio, partial_token_ratio), for a key n >= 1.5 m long:
# - ratio 2L / (m + n) <= 2m / (m + n): only keys up to ``2m / c - m`` long can reach c;
# - partial_ratio (scaled by 0.9 at most): a window of m letters scores L / m, so past the
#   cutoff only when L = m (the word is in the key) if no smaller L reaches it; a window at
#   the key's start or end, w < m letters long, scores 2L / (m + w): with L = w (all its
#   letters, in order, in the word) only, for the widths where that reaches the cutoff;
# - partial_token_ratio (scaled by 0.855 at most): 100 for a word in common (the word is in
#   the key), else partial_ratio against the key's words sorted, joined (all, and distinct):
#   the same two cases on those forms (the word has no space, so inside one of its words).
# Keys shorter than 1.5 m, or whose word forms are no longer than m, are all kept. Where a
# cutoff would let in a window with a letter missing, the plan for that length is None and
# the caller falls back on CharFilter. tests/test_fuzzy_filter.py checks the pool against
# WRatio for every key.

#: Typed words up to this long get a plan (longer ones are rare keystrokes, and CharFilter
#: prunes them well: they share fewer letters with most keys).
_MOST_LETTERS = 6
#: Larger than any key index, to bisect past every (length, index) pair of a length.
_ANY = 1 << 62


@dataclass(frozen=True, slots=True)
class _Plan:
    """What a key must have to reach the cutoff against one word of a given length."""

    longest_kept: int  # keys up to this long are kept whole
    widths: tuple[int, ...]  # start/end windows (of the key or its word forms) to look up


def _plan(m: int, cutoff: float) -> _Plan | None:
    """The plan for a word of ``m`` letters at ``cutoff`` (0-100); None when a window with a
    letter missing could reach it (the lookups below find whole windows only)."""
    c = cutoff / 100
    if c <= 0:
        return None
    widths: set[int] = set()
    for need in (c / _PARTIAL_SCALE, c / _PARTIAL_SCALE / _TOKEN_SCALE):
        if need > 1 + 1e-9:
            continue  # no window reaches it
        if any(share / m >= need - 1e-9 for share in range(m)):
            return None  # a full window with a letter missing
        for w in range(1, m):
            for share in range(1, w + 1):
                if 2 * share / (m + w) >= need - 1e-9:
                    if share < w:
                        return None
                    widths.add(w)
    longest = max(math.floor(2 * m / c - m + 1e-9), math.ceil(1.5 * m))
    return _Plan(longest, tuple(sorted(widths)))


def _word_forms(key: str) -> tuple[str, str]:
    """The key's words sorted and joined, all and distinct (partial_token_ratio's forms)."""
    words = key.split()
    return " ".join(sorted(words)), " ".join(sorted(set(words)))


class WordPool:
    """The keys one short typed word could reach a WRatio cutoff against, for one cutoff:
    those holding the word, the short ones, and those whose start or end lies in it."""

    __slots__ = ("_after", "_blob", "_by_form", "_by_length", "_cutoff", "_ends", "_plans")

    def __init__(self, keys: Sequence[str], cutoff: float) -> None:
        self._cutoff = cutoff
        self._plans = {m: _plan(m, cutoff) for m in range(1, _MOST_LETTERS + 1)}
        wanted = {w for plan in self._plans.values() if plan for w in plan.widths}
        self._blob = "\n".join(keys)
        self._after = list(accumulate(len(k) + 1 for k in keys))
        self._by_length = sorted((len(k), i) for i, k in enumerate(keys))
        by_form: list[tuple[int, int]] = []
        ends: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            forms = {key, *_word_forms(key)}
            by_form.append((min(map(len, forms)), i))
            texts: set[str] = set()
            for form in forms:
                for w in wanted:
                    if len(form) > w:
                        texts.add(f"^{form[:w]}")
                        texts.add(f"{form[-w:]}$")
            for text in texts:
                ends.setdefault(text, []).append(i)
        by_form.sort()
        self._by_form = by_form
        self._ends = ends

    def candidates(self, word: str, cutoff: float) -> list[int] | None:
        """Indexes (ascending) of the keys ``word`` could reach ``cutoff`` against; None when
        this pool does not apply (another cutoff, a space, a length without a plan)."""
        plan = self._plans.get(len(word)) if cutoff == self._cutoff else None
        if plan is None or not word or " " in word or "\n" in word:
            return None
        m = len(word)
        found: set[int] = set()
        kept = bisect_right(self._by_length, (plan.longest_kept, _ANY))
        found.update(i for _, i in self._by_length[:kept])
        kept = bisect_right(self._by_form, (m, _ANY))
        found.update(i for _, i in self._by_form[:kept])
        at = self._blob.find(word)
        while at != -1:  # the keys holding the word (key i ends before self._after[i])
            i = bisect_right(self._after, at)
            found.add(i)
            at = self._blob.find(word, self._after[i])
        for w in plan.widths:
            for letters in set(combinations(word, w)):
                part = "".join(letters)
                found.update(self._ends.get(f"^{part}", ()))
                found.update(self._ends.get(f"{part}$", ()))
        return sorted(found)


# -- a typed text of digits: the windows that hold one -------------------------------------
# Article autocomplete scores what was typed against every key of its pool (3,000 headlines
# and slugs) with partial_ratio: the best Indel similarity of the text (m characters) and a
# window of the key, m long, or shorter at the key's start or end (2L / (m + w) for a window
# of w with L characters in common, in order: an LCS). A date prefix ("2015-12-29-f", the
# keystrokes of a slug) matched fewer than 25 keys and paid 1.3-2 ms of it, whatever the
# scorer: rapidfuzz's partial_ratio costs about 0.4 µs a key. When the text's non-digits
# alone cannot reach the cutoff in any window, only windows holding a digit can, and every
# such window lies inside the key's digit zone (its first to last digit, with m - 1
# characters either side) or is an edge window inside its first or last m - 1 characters.
# The LCS of the text and a string is at least its LCS with any window inside that string,
# so a key whose zone and edges fall short cannot reach the cutoff: LCSseq over those short
# strings costs 0.03-0.06 µs a key, and only the few keys that pass are scored. The zone is
# cut for texts up to DIGIT_SPAN long (a longer text is scored against every key, as before).
# tests/test_fuzzy_filter.py checks the bound against partial_ratio on every key.

#: Longest typed text the digit bound serves: keys' zones keep DIGIT_SPAN - 1 characters
#: around their digits, and their edges the first and last DIGIT_SPAN - 1.
DIGIT_SPAN = 16
_DIGIT = re.compile(r"[0-9]")
_LAST_DIGIT = re.compile(r".*[0-9]", re.DOTALL)


def digit_needs(query: str, cutoff: float) -> tuple[int, int] | None:
    """The least LCS a key's digit zone, and its edges, must share with ``query`` for
    partial_ratio to reach ``cutoff`` (0-100); None when the bound does not apply: the
    query is longer than DIGIT_SPAN, or its non-digits alone could reach the cutoff."""
    m = len(query)
    if not 0 < m <= DIGIT_SPAN:
        return None
    c = cutoff / 100
    others = len(_DIGIT.sub("", query))
    # A window without a digit shares at most ``others`` characters with the query: best
    # as an edge window of exactly that width, 2n / (m + n), at least n / m (a full one).
    if 2 * others / (m + others) >= c - 1e-9:
        return None
    full = math.ceil(c * m - 1e-6)  # a window of m: L / m >= c
    edge = math.ceil(c * m / (2 - c) - 1e-6)  # w < m: 2L / (m + w) >= c needs L >= cm / (2 - c)
    return max(full, 0), max(edge, 0)


def digit_parts(key: str) -> tuple[str, str] | None:
    """A key's digit zone and its edges that hold a digit (both "" without a digit); None
    for a key of DIGIT_SPAN characters or fewer (partial_ratio then compares the query's
    windows with the key instead: such keys are always scored)."""
    if len(key) <= DIGIT_SPAN:
        return None
    first = _DIGIT.search(key)
    if first is None:
        return "", ""
    lo = first.start()
    last = _LAST_DIGIT.match(key)
    hi = last.end() if last is not None else lo + 1  # one past the last digit
    reach = DIGIT_SPAN - 1
    zone = key[max(0, lo - reach) : hi + reach]
    head = key[:reach] if lo < reach else ""
    tail = key[-reach:] if hi > len(key) - reach else ""
    return zone, head + tail
