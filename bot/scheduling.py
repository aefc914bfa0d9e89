"""Slot maths for scheduled recaps: parsing, time zones, the next slot, and the clock.

Pure and discord-free so that every rule about *when* a recap posts is unit-tested without a
bot. A schedule is a local wall time (HH:MM) in an IANA zone, daily or weekly; slots are
computed afresh from that rule each time rather than by adding 24 hours, so 09:00 Europe/Rome
stays 09:00 local across daylight-saving changes. Inside, every instant is an aware UTC
``datetime``; zones are only used at the edges, to turn a local day and time into an instant.

Two local times need a rule, and each resolves to exactly one slot:

* a time in the spring-forward gap (02:30 on the day clocks jump from 02:00 to 03:00) does
  not exist; the slot is the first valid instant after the gap (03:00 local);
* a time in the fall-back overlap (02:30 happens twice) is the first occurrence (``fold=0``).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Literal, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.errors import UserError

__all__ = [
    "CADENCES",
    "MAX_SLEEP",
    "Cadence",
    "Clock",
    "RecapRule",
    "SystemClock",
    "complete_timezones",
    "latest_slot",
    "local_time_exists",
    "missed_slots",
    "next_slot",
    "parse_hhmm",
    "parse_timezone",
    "recap_nonce",
    "resolve_local",
    "timezone_names",
]

log = logging.getLogger(__name__)

Cadence = Literal["daily", "weekly"]
CADENCES: tuple[Cadence, ...] = ("daily", "weekly")

#: The longest a clock sleeps in one go. The event loop sleeps on a monotonic clock, so a
#: wall-clock jump (NTP step, a suspended VM) would otherwise go unnoticed until the wake-up;
#: re-checking the wall clock hourly bounds that error without polling.
MAX_SLEEP = timedelta(hours=1)

#: Discord's limit on a message nonce's length.
NONCE_LENGTH = 25

_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Zone keys zoneinfo lists that are not useful to a moderator picking a server's zone.
_HIDDEN_ZONES = frozenset({"Factory", "localtime"})
#: Offered by autocomplete before anything is typed: the zones most servers want.
_POPULAR_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Rome",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Madrid",
    "Europe/Amsterdam",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Asia/Dubai",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Pacific/Auckland",
)
AUTOCOMPLETE_LIMIT = 25


# -- parsing ----------------------------------------------------------------------------


def parse_hhmm(text: str) -> time:
    """Read a 24-hour ``HH:MM`` time, or explain what is expected in a ``UserError``."""
    raw = text.strip()
    hint = "Use a 24-hour time as HH:MM, e.g. 09:00 or 18:30"
    match = _HHMM.match(raw)
    if not match:
        if not raw:
            raise UserError(f"The time is empty. {hint}.")
        if re.search(r"[ap]\.?m\.?$", raw, re.IGNORECASE):
            raise UserError(f"{raw!r} uses am/pm. {hint} (so 6pm is 18:00).")
        if re.match(r"^\d{1,2}:\d$", raw):
            raise UserError(f"{raw!r}: minutes need two digits. {hint}.")
        raise UserError(f"{raw!r} is not a time. {hint}.")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23:
        raise UserError(f"{raw!r}: hours go from 00 to 23 (midnight is 00:00). {hint}.")
    if minute > 59:
        raise UserError(f"{raw!r}: minutes go from 00 to 59. {hint}.")
    return time(hour, minute)


@cache
def timezone_names() -> tuple[str, ...]:
    """Every IANA zone name a moderator may choose, sorted."""
    return tuple(sorted(available_timezones() - _HIDDEN_ZONES))


@cache
def _zone_keys() -> dict[str, str]:
    return {name.casefold(): name for name in timezone_names()}


def _normalise(text: str) -> str:
    return text.strip().replace(" ", "_").casefold()


def parse_timezone(text: str) -> ZoneInfo:
    """Return the IANA zone named by ``text`` (any case), or explain in a ``UserError``."""
    name = _zone_keys().get(_normalise(text))
    if name is None:
        suggestions = complete_timezones(text, limit=3)
        hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
        raise UserError(
            f"{text.strip()[:60]!r} is not a time zone I know. Use an IANA name such as "
            f"Europe/Rome, America/New_York or UTC (pick one from the list as you type).{hint}"
        )
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # listed but unreadable: broken tzdata
        raise UserError(f"The time zone {name} cannot be loaded on this server.") from exc


def complete_timezones(current: str, *, limit: int = AUTOCOMPLETE_LIMIT) -> list[str]:
    """Zone names for autocomplete: whole-name prefix, then a part's prefix, then substring.

    Typing ``rome`` finds Europe/Rome and ``new york`` finds America/New_York; with nothing
    typed, the most common zones come first.
    """
    needle = _normalise(current)
    if not needle:
        return list(_POPULAR_ZONES[:limit])
    ranked: list[tuple[int, str]] = []
    for name in timezone_names():
        key = name.casefold()
        if key.startswith(needle):
            rank = 0
        elif any(part.startswith(needle) for part in key.split("/")[1:]):
            rank = 1
        elif needle in key:
            rank = 2
        else:
            continue
        ranked.append((rank, name))
    ranked.sort()
    return [name for _, name in ranked[:limit]]


# -- the rule and its slots ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecapRule:
    """When a channel's recap posts: a local wall time in a zone, daily or on one weekday."""

    at: time
    zone: ZoneInfo
    every: Cadence = "daily"
    #: 0 = Monday; only for weekly rules, where it is the local weekday of the first slot.
    weekday: int | None = None

    def __post_init__(self) -> None:
        if self.every not in CADENCES:
            raise ValueError(f"every must be one of {CADENCES}, got {self.every!r}")
        if self.every == "weekly" and (self.weekday is None or not 0 <= self.weekday <= 6):
            raise ValueError("a weekly rule needs a weekday from 0 (Monday) to 6")
        if self.at.tzinfo is not None or self.at.second or self.at.microsecond:
            raise ValueError("the time of a rule is a naive HH:MM")

    @classmethod
    def starting(cls, at: time, zone: ZoneInfo, every: Cadence, now: datetime) -> RecapRule:
        """Build a rule; a weekly one falls on the local weekday of its first slot after ``now``."""
        if every == "daily":
            return cls(at, zone, "daily")
        first = next_slot(cls(at, zone, "daily"), now)
        return cls(at, zone, "weekly", first.astimezone(zone).weekday())

    @property
    def hhmm(self) -> str:
        return self.at.strftime("%H:%M")

    def describe(self) -> str:
        """Say the rule the way a moderator would: ``every Monday at 09:00 (Europe/Rome)``."""
        when = "every day" if self.every == "daily" else f"every {_WEEKDAYS[self.weekday or 0]}"
        return f"{when} at {self.hhmm} ({self.zone.key})"

    def _days(self, around: date, before: int, after: int) -> list[date]:
        days = [around + timedelta(days=n) for n in range(-before, after + 1)]
        if self.every == "weekly":
            days = [d for d in days if d.weekday() == self.weekday]
        return days


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: Pitwall uses aware datetimes only")
    return moment.astimezone(UTC)


def resolve_local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of wall time ``at`` on ``day`` in ``zone``, defined for every day.

    A wall time that exists once maps to itself. In a fall-back overlap it is the first
    occurrence (fold=0). In a spring-forward gap it is the first instant after the gap, found
    by bisecting between the two readings of the wall time (one per offset), which bracket
    the transition.
    """
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == naive:
        return first
    # In the gap, fold=0 reads the wall time with the offset before the change and fold=1
    # with the offset after; the transition lies between the two instants.
    other = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    lo, hi = sorted((int(first.timestamp()), int(other.timestamp())))
    after_offset = datetime.fromtimestamp(hi, UTC).astimezone(zone).utcoffset()
    while lo < hi:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, UTC).astimezone(zone).utcoffset() == after_offset:
            hi = mid
        else:
            lo = mid + 1
    return datetime.fromtimestamp(lo, UTC)


def local_time_exists(day: date, at: time, zone: ZoneInfo) -> bool:
    """Whether wall time ``at`` happens at all on ``day`` in ``zone`` (False in a DST gap)."""
    naive = datetime.combine(day, at)
    round_trip = naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
    return round_trip.replace(tzinfo=None) == naive


def next_slot(rule: RecapRule, after: datetime) -> datetime:
    """The first slot strictly after ``after``, in UTC."""
    after = _utc(after)
    local_day = after.astimezone(rule.zone).date()
    for day in rule._days(local_day, before=1, after=8):
        slot = resolve_local(day, rule.at, rule.zone)
        if slot > after:
            return slot
    raise AssertionError(f"no slot within 8 days after {after} for {rule}")  # pragma: no cover


def latest_slot(rule: RecapRule, at: datetime) -> datetime:
    """The most recent slot at or before ``at``, in UTC."""
    at = _utc(at)
    local_day = at.astimezone(rule.zone).date()
    for day in reversed(rule._days(local_day, before=8, after=1)):
        slot = resolve_local(day, rule.at, rule.zone)
        if slot <= at:
            return slot
    raise AssertionError(f"no slot within 8 days before {at} for {rule}")  # pragma: no cover


def missed_slots(rule: RecapRule, since: datetime, now: datetime, *, cap: int = 1000) -> int:
    """How many slots fall in ``[since, now]``: what a catch-up skips, for the log line."""
    count, slot = 0, _utc(since)
    if latest_slot(rule, slot) != slot:
        slot = next_slot(rule, slot)
    now = _utc(now)
    while slot <= now and count < cap:
        count += 1
        slot = next_slot(rule, slot)
    return count


def recap_nonce(channel_id: int, slot: datetime, kind: str = "scheduled") -> str:
    """A message nonce derived from (channel, slot): the same slot always sends the same one.

    Discord returns the existing message instead of creating another when a bot resends a
    nonce it used in that channel a few minutes earlier (``enforce_nonce``), so a retry after
    a crash between sending and recording cannot post twice.
    """
    return message_nonce("r", f"{kind}:{channel_id}:{_utc(slot).isoformat(timespec='seconds')}")


def message_nonce(prefix: str, key: str) -> str:
    """The nonce for one message identified by ``key``: a one-letter kind and a 24-hex digest,
    within Discord's 25 characters. Recaps (``r``) and feed announcements (``f``) share it."""
    nonce = prefix + hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
    assert len(nonce) <= NONCE_LENGTH
    return nonce


# -- the clock ----------------------------------------------------------------------------


class Clock(Protocol):
    """Where the recap runner reads the time and waits; swapped for a fake in tests."""

    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        ...

    async def sleep_until(self, when: datetime, wake: asyncio.Event) -> None:
        """Return at ``when``, when ``wake`` is set, or earlier (callers re-check the time)."""
        ...


class SystemClock:
    """The real clock: the system's UTC time and the event loop's timers."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep_until(self, when: datetime, wake: asyncio.Event) -> None:
        delay = (_utc(when) - self.now()).total_seconds()
        if delay <= 0:
            return
        timeout = min(delay, MAX_SLEEP.total_seconds())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout)
