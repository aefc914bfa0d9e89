"""Laps and the events on them: /lap and "what happened on lap N?"."""

from __future__ import annotations

from bot.answers._kept import Kept
from bot.answers.lookup import Lookup, Part
from bot.answers.records import Answer, LapAnswer, NotFound

__all__ = ["MAX_LAP", "Laps"]

#: /lap's range, as registered with Discord; a client ignoring min/max is told it.
MAX_LAP = 100
#: Lap events kept in answers until the store changes (about 25 laps' at 10,000 articles,
#: two at 100,000: see bot/answers/_kept.py on why a bound).
KEPT_EVENTS = 5000


class Laps(Part):
    """What happened on a lap, across the articles."""

    #: Answers by lap until the store changes: a lap's events across every article are
    #: hundreds of records (thousands at 100,000 articles), and fans ask the same laps.
    _kept: Kept

    def __init__(self, lookup: Lookup) -> None:
        super().__init__(lookup)
        self._kept = Kept(self.store, KEPT_EVENTS)

    def forget(self) -> None:
        """Drop kept answers: the index (its list of laps) was rebuilt."""
        self._kept.forget()

    async def lap(self, number: int) -> Answer:
        """What happened on lap ``number`` in every article; none → the laps that have events."""
        return await self._kept.get(number, lambda: self._lap(number), _events)

    async def _lap(self, number: int) -> Answer:
        if not 1 <= number <= MAX_LAP:
            listed = ", ".join(map(str, await self.store.laps_with_events())) or "none yet"
            return NotFound(f"Lap numbers run from 1 to {MAX_LAP}. Laps with events: {listed}.")
        events = await self.store.lap_events(lap=number)
        if not events:
            return LapAnswer(number, (), tuple(await self.store.laps_with_events()))
        # The list of laps is only shown when this one has no event; otherwise it is the
        # index's (refreshed whenever the store changes), which saves the answer a read.
        laps = tuple(sorted({*self._index.laps, number}))
        return LapAnswer(number, tuple(events), laps)


def _events(answer: Answer) -> int:
    """An answer's weight in the kept answers: its events (and one for itself)."""
    return 1 + (len(answer.events) if isinstance(answer, LapAnswer) else 0)
