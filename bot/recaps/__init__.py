"""Scheduled recaps: the runner that posts each channel's recap exactly once per slot.

The design (one dispatch task, exactly once across crashes, restarts and processes, failures
never silent) is told in ``runner``'s docstring. The package:

- ``runner``: ``RecapRunner``, the dispatch loop and one post's steps
- ``readback``: the slot marker on a scheduled recap, finding Pitwall's own post after a restart
- ``channels``: permissions a recap channel needs, retryable errors, why a channel is paused
- ``status``: a schedule's slot rule and what ``/recaps status`` shows
"""

from bot.recaps.channels import (
    RETRY_FIRST,
    ChannelPaused,
    missing_permissions,
    pause_reason,
    sendable_channel,
    transient_send_error,
)
from bot.recaps.readback import find_own_post, is_recap_of, left_pending, mark_slot
from bot.recaps.runner import MAX_STORIES, PostOutcome, RecapRunner
from bot.recaps.status import format_slot, rule_of, status_lines

__all__ = [
    "MAX_STORIES",
    "RETRY_FIRST",
    "ChannelPaused",
    "PostOutcome",
    "RecapRunner",
    "find_own_post",
    "format_slot",
    "is_recap_of",
    "left_pending",
    "mark_slot",
    "missing_permissions",
    "pause_reason",
    "rule_of",
    "sendable_channel",
    "status_lines",
    "transient_send_error",
]
