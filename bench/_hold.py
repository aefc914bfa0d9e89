"""Which call held the loop, and where its time went.

A helper module for ``bench.store``. The ticker (``bench._lag``) says how long the loop was
held, not by what. Here every callback the loop runs while a call is answered is timed: the
loop runs one callback at a time (a task's step from one await to the next, a timer, a
thread's result handed back), so the longest callback is the longest the loop was held,
measured to the microsecond rather than to the ticker's 5 ms, and by a call we can name.
The call that held it longest in a phase is then made again with each callback under a
cProfile of its own, and the longest one's profile names the functions that took the time.
"""

from __future__ import annotations

import asyncio
import cProfile
import gc
import pstats
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench._common import REPO_ROOT
from bench._lag import STALL

__all__ = ["Hold", "Holds", "Worst", "label", "profile_rows"]

#: Functions listed for the profiled callback, by time spent under them and in them.
PROFILE_ROWS = 12
#: Frames every callback runs in (the loop's, the profiler's): not where the time went.
_WRAPPERS = ("_lsprof.Profiler", "asyncio/events.py", "_contextvars.Context")


@dataclass
class Hold:
    """The call that held the loop longest in one callback."""

    call: str  # "/ask 'who is max?'": the command and its arguments as a fan gave them
    hold_ms: float  # the longest callback run while it was answered
    call_ms: float  # the whole call, awaits included
    callbacks: int  # the loop's callbacks while it was answered
    gc_ms: float  # of hold_ms, the garbage collector's (cProfile does not see it)

    def line(self) -> str:
        """The printed line: which call, how long."""
        return f"worst hold: {self.call} {self.hold_ms} ms"


class Holds:
    """``with Holds() as holds:`` times every callback the event loop runs meanwhile.

    Every task's steps count, the ones an answer gathers too. ``longest`` is the longest
    since ``start()``; ``start(profile=True)`` runs each callback under a cProfile of its
    own and keeps the longest one's. The garbage collector's share of the longest is
    counted apart (cProfile does not see it).
    """

    longest: float
    callbacks: int
    gc_in_longest: float
    profile: cProfile.Profile | None

    def __init__(self) -> None:
        self._profiling = False
        self._gc_seconds = 0.0
        self._gc_start = 0.0
        self._original: Any = None
        self.start()

    def start(self, *, profile: bool = False) -> None:
        """Forget what was timed; time from now on (with ``profile``: under cProfile)."""
        self._profiling = profile
        self.longest = 0.0
        self.callbacks = 0
        self.gc_in_longest = 0.0
        self.profile = None

    def __enter__(self) -> Holds:
        original = self._original = asyncio.events.Handle._run
        holds = self

        def _run(handle: asyncio.Handle) -> None:
            prof = cProfile.Profile() if holds._profiling else None
            gc_before = holds._gc_seconds
            start = time.perf_counter()
            if prof is not None:
                prof.enable()
            try:
                original(handle)
            finally:
                if prof is not None:
                    prof.disable()
                holds._ran(time.perf_counter() - start, holds._gc_seconds - gc_before, prof)

        asyncio.events.Handle._run = _run  # type: ignore[method-assign]
        gc.callbacks.append(self._gc)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.events.Handle._run = self._original  # type: ignore[method-assign]
        gc.callbacks.remove(self._gc)

    def _gc(self, phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self._gc_seconds += time.perf_counter() - self._gc_start

    def _ran(self, seconds: float, gc_seconds: float, prof: cProfile.Profile | None) -> None:
        self.callbacks += 1
        if seconds > self.longest:
            self.longest = seconds
            self.gc_in_longest = gc_seconds
            self.profile = prof


def label(command: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """How a fan would have typed the call: ``/ask 'who is max?'``, ``/quote speaker='X'``."""
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    name = command if command.startswith("autocomplete") else "/" + command.split()[0]
    return " ".join([name, *parts])


def profile_rows(prof: cProfile.Profile, rows: int = PROFILE_ROWS) -> dict[str, list[str]]:
    """The profiled callback's functions: the most time under them (``cumulative``) and in
    them (``own``), each "path:line function ms (calls)"; the bench's own frames left out."""
    stats: dict[Any, Any] = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    entries = []
    for (path, line, func), (_cc, calls, own, cumulative, _callers) in stats.items():
        where = _where(path)
        if where.startswith("bench/") or any(w in f"{where} {func}" for w in _WRAPPERS):
            continue
        entries.append((cumulative, own, f"{where}:{line} {func}", calls))
    by_cumulative = sorted(entries, key=lambda e: -e[0])[:rows]
    by_own = sorted(entries, key=lambda e: -e[1])[:rows]
    return {
        "cumulative": [f"{name} {cum * 1000:.2f} ms ({n})" for cum, _, name, n in by_cumulative],
        "own": [f"{name} {own * 1000:.2f} ms ({n})" for _, own, name, n in by_own],
    }


def _where(path: str) -> str:
    """A path shown from the repository, or from site-packages, or as it is (builtins)."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(REPO_ROOT))
    except (ValueError, OSError):
        parts = p.parts
        if "site-packages" in parts:
            return "/".join(parts[parts.index("site-packages") + 1 :])
        return "/".join(parts[-2:]) if len(parts) > 2 else path


@dataclass
class Worst:
    """The worst hold of a phase and each command's, with what it takes to make the worst
    call again."""

    hold: Hold | None = None
    command: str | None = None
    again: tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]] | None = None
    per_command: dict[str, Hold] = field(default_factory=dict)
    over: dict[str, int] = field(default_factory=dict)  # per command: calls holding > 20 ms

    def note(
        self, command: str, call: Callable[..., Any], args: tuple[Any, ...],
        kwargs: dict[str, Any], seconds: float, holds: Holds, *, first: bool = False,
    ) -> None:  # fmt: skip
        """One call made: ``holds`` timed the callbacks the loop ran while it was made.
        ``first``: the command's untimed first call (what is built on first use is in it),
        which counts for the phase's worst, not for the command's."""
        hold = Hold(
            call=label(command, args, kwargs) + (" (first call)" if first else ""),
            hold_ms=round(holds.longest * 1000, 2),
            call_ms=round(seconds * 1000, 2),
            callbacks=holds.callbacks,
            gc_ms=round(holds.gc_in_longest * 1000, 2),
        )
        mine = self.per_command.get(command)
        if holds.longest > STALL and not first:
            self.over[command] = self.over.get(command, 0) + 1
        if not first and (mine is None or hold.hold_ms > mine.hold_ms):
            self.per_command[command] = hold
        if self.hold is None or hold.hold_ms > self.hold.hold_ms:
            self.hold = hold
            self.command = command
            self.again = (call, args, kwargs)
