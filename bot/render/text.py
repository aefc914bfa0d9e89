"""Discord's limits, sizes and text safety: what every message Pitwall sends must respect.

Sizes are measured in UTF-16 code units, which is never less than the character count
Discord checks, so a page that fits here fits there whatever it counts. Text from articles
and users is neutralised (no mention pings) and cut or split only at a safe boundary.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import discord

#: Nothing Pitwall sends may ping: article and user text can contain any mention syntax.
ALLOWED_MENTIONS: discord.AllowedMentions = discord.AllowedMentions.none()


@dataclass(frozen=True, slots=True)
class _Limits:
    content: int = 2000
    embeds: int = 10
    title: int = 256
    description: int = 4096
    fields: int = 25
    field_name: int = 256
    field_value: int = 1024
    footer: int = 2048
    author: int = 256
    total: int = 6000


LIMITS = _Limits()
# What rendering aims for, below the limits: room for "(continued)" and markers.
_DESCRIPTION = 3900
_TITLE = 200
_FOOTER = 400
#: Longest article URL an embed links to; a longer one is left out rather than cut.
_MAX_URL = 2000
_CONTENT = 1900
_ZWSP = "\u200b"


def size(text: str | None) -> int:
    """Length in UTF-16 code units: at least what Discord counts, whichever way it counts."""
    return len(text.encode("utf-16-le")) // 2 if text else 0


# -- text safety -----------------------------------------------------------------------------

_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_ID_MENTION = re.compile(r"<(@[!&]?|#|/)")


def neutralise(text: str) -> str:
    """Break mention syntax with a zero-width space so it neither pings nor looks like a ping.

    ``AllowedMentions.none()`` is the real guarantee; this keeps "@everyone" from even
    rendering as one, and "<@123>" from turning into a user pill inside an embed.
    """
    if "@" not in text and "<" not in text:  # most text: neither pattern can match
        return text
    return _ID_MENTION.sub(
        lambda m: "<" + _ZWSP + m[1], _MASS_MENTION.sub("@" + _ZWSP + r"\1", text)
    )


@functools.lru_cache(maxsize=4096)
def _escape(text: str) -> str:
    # Kept per text: names, teams and headlines recur in every answer (a lap lists 200
    # events), and escaping was a fifth of a command's time on the loop in a burst.
    # Discord hides the backslashes escape_markdown adds, so a quote still reads verbatim.
    return discord.utils.escape_markdown(neutralise(text))


def _cut(text: str, limit: int) -> str:
    """Shorten a label (title, footer, headline) to ``limit`` units, marking the cut with …."""
    if size(text) <= limit:
        return text
    out = text[: max(limit - 1, 0)]
    while size(out) > limit - 1:
        out = out[:-1]
    if out.endswith("\\"):
        out = out[:-1]
    return out.rstrip() + "…"


def clip(text: str, limit: int = _CONTENT) -> str:
    """Shorten text to fit one message's content (or ``limit`` units), marking the cut with …."""
    return _cut(text, limit)


def _prefix_within(text: str, limit: int) -> int:
    """The longest prefix of ``text`` (in code points) that is at most ``limit`` units."""
    if size(text) <= limit:
        return len(text)
    total = 0
    for i, ch in enumerate(text):
        total += 2 if ord(ch) > 0xFFFF else 1
        if total > limit:
            return i
    return len(text)


_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"(?<=[.!?…])[”’\"')\]]*\s+")
_WORD = re.compile(r"\s+")


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into chunks of at most ``limit`` units at the best boundary available.

    Prefers a paragraph break, then a line, a sentence end, a space; only a single word
    longer than ``limit`` is cut mid-word (never between a backslash and what it escapes).
    Only the whitespace at a boundary is dropped, so the chunks rejoined read as the text.
    """
    chunks: list[str] = []
    rest = text.strip()
    while size(rest) > limit:
        end = _prefix_within(rest, limit)
        window = rest[:end]
        cut = None
        for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _WORD):
            found = [m for m in pattern.finditer(window) if m.start() >= end // 4]
            if found:
                cut = (found[-1].start(), found[-1].end())
                break
        if cut is None:
            position = end
            while position > 1 and rest[position - 1] == "\\":
                position -= 1
            # Keep a combining mark or joiner with the character before it.
            while position > 1 and _joins(rest[position]):
                position -= 1
            cut = (position, position)
        head = rest[: cut[0]].rstrip()
        if head:
            chunks.append(head)
        rest = rest[cut[1] :].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def _joins(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc") or ch in "\u200d\ufe0f"
