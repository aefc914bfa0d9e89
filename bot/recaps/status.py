"""What ``/recaps status`` shows: a stored schedule's slot rule, its slots in two zones, its posts.

Pure formatting over the store's records, shared by the runner and the ``/recaps`` cog.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.scheduling import Cadence, RecapRule
from bot.store import RecapPost, RecapSchedule


def rule_of(schedule: RecapSchedule) -> RecapRule:
    """The slot rule a stored schedule describes."""
    every: Cadence = "weekly" if schedule.every == "weekly" else "daily"
    return RecapRule(
        time(schedule.hour, schedule.minute),
        ZoneInfo(schedule.timezone),
        every,
        schedule.weekday if every == "weekly" else None,
    )


def format_slot(slot: datetime, zone: ZoneInfo) -> str:
    """A slot in the schedule's zone and in UTC: ``Mon 31 Mar 09:00 CEST (07:00 UTC)``."""
    local = slot.astimezone(zone)
    utc = slot.astimezone(ZoneInfo("UTC"))
    same_day = local.date() == utc.date()
    utc_text = f"{utc:%H:%M} UTC" if same_day else f"{utc:%a %d %b %H:%M} UTC"
    return f"{local:%a %d %b %Y %H:%M} {local.tzname()} ({utc_text})"


def _describe_post(post: RecapPost, zone: ZoneInfo) -> str:
    when = format_slot(post.slot, zone)
    kind = "posted on request" if post.kind == "manual" else "posted"
    if post.state == "done":
        stories = f"{len(post.slugs)} stor{'y' if len(post.slugs) == 1 else 'ies'}"
        archive = ", from the archive" if post.archive else ""
        return f"{when}: {kind} ({stories}{archive})"
    if post.state == "pending":
        return f"{when}: being posted"
    return f"{when}: {post.state}" + (f" — {post.detail}" if post.detail else "")


def status_lines(schedules: Sequence[RecapSchedule], last: dict[int, RecapPost]) -> list[str]:
    """What ``/recaps status`` shows for each schedule of a server, one block per channel."""
    lines = []
    for s in schedules:
        try:
            rule = rule_of(s)
        except Exception:  # a zone tzdata no longer knows: still show what is stored
            lines.append(
                f"• <#{s.channel_id}>: {s.hour:02}:{s.minute:02} {s.timezone} (unknown zone)"
            )
            continue
        zone = rule.zone
        head = f"• <#{s.channel_id}> — {rule.describe()}"
        if s.paused_reason:
            since = format_slot(s.paused_at, zone) if s.paused_at else "?"
            lines.append(f"{head}\n  ⏸ **Paused** since {since}: {s.paused_reason}")
            lines.append("  Resume with `/recaps schedule` in that channel.")
        else:
            lines.append(f"{head}\n  Next: {format_slot(s.next_slot, zone)}")
            if s.retry_at is not None:
                lines.append(
                    f"  Retrying after a failure (attempt {s.attempts + 1}) at "
                    f"{format_slot(s.retry_at, zone)}"
                )
        post = last.get(s.channel_id)
        lines.append(f"  Last: {_describe_post(post, zone)}" if post else "  Last: none yet")
    return lines
