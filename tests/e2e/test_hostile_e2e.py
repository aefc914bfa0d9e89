"""Hostile input end to end: every odd request gets a clear answer and the bot keeps going."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from tests.e2e.helpers import is_ephemeral, live_bot, text_of
from tests.emulator import DiscordEmulator
from tests.emulator.fixtures import BotProcess

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live(
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[tuple[DiscordEmulator, BotProcess]]:
    async with live_bot(tmp_path_factory.mktemp("hostile-e2e")) as running:
        yield running


async def answer(emu: DiscordEmulator, name: str, options: Any = None, **kw: Any) -> dict[str, Any]:
    record = await emu.send_command(name, options, **kw)
    first = await record.first_response(5)
    assert first.elapsed < 3.0
    return await record.wait_final(10)


async def still_works(emu: DiscordEmulator) -> None:
    """The next ordinary command is answered correctly."""
    assert "Bottas" in text_of(await answer(emu, "lap", {"number": 32}))
    problems = emu.take_violations()
    assert problems == [], "\n".join(problems)


HOSTILE_TEXT = [
    'NEAR(kill us) OR "both',
    "kill* AND NOT us",
    "'); DROP TABLE quotes; --",
    '" OR 1=1 --',
    "🏎️💥🏁 " * 20,
    f"ki{ZERO_WIDTH}ll us bo{ZERO_WIDTH}th",
    "@everyone @here <@&1234567890123456> <@1234567890123456>",
    "**__~~||`markdown`||~~__**",
    "\x00\x01\x02",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
@pytest.mark.parametrize(("command", "option"), [("whosaid", "phrase"), ("ask", "question")])
async def test_hostile_text_gets_an_answer(
    live: tuple[DiscordEmulator, BotProcess], command: str, option: str, text: str
) -> None:
    """FTS/SQL syntax, emoji, zero-width and mention text: an answer, never a ping or a crash."""
    emu, _ = live
    message = await answer(emu, command, {option: text[:200]})
    assert text_of(message)
    await still_works(emu)


@pytest.mark.parametrize(
    "command,option",
    [("whosaid", "phrase"), ("ask", "question"), ("quote", "contains"), ("who", "name")],
)
async def test_five_thousand_characters_get_a_short_answer(
    live: tuple[DiscordEmulator, BotProcess], command: str, option: str
) -> None:
    """A client ignoring max_length sends 5,000 characters: a clear answer within limits."""
    emu, _ = live
    message = await answer(emu, command, {option: "kill us both " * 385}, force=True)
    assert text_of(message)
    await still_works(emu)


@pytest.mark.parametrize("number", [0, -1, 101, 10**12])
async def test_out_of_range_lap_is_explained(
    live: tuple[DiscordEmulator, BotProcess], number: int
) -> None:
    """A lap number outside 1-100, sent by a client that ignores min/max, is explained privately."""
    emu, _ = live
    message = await answer(emu, "lap", {"number": number}, force=True)
    assert is_ephemeral(message)
    assert "1" in text_of(message) and "100" in text_of(message)
    await still_works(emu)


async def test_wrong_option_type_is_explained(live: tuple[DiscordEmulator, BotProcess]) -> None:
    """A string where an integer belongs gets a private explanation, not a crash."""
    emu, _ = live
    message = await answer(
        emu, "lap", raw_options=[{"name": "number", "type": 4, "value": "thirty-two"}]
    )
    assert is_ephemeral(message)
    await still_works(emu)


async def test_unknown_command_is_explained(live: tuple[DiscordEmulator, BotProcess]) -> None:
    """A command Pitwall does not have (stale client cache) gets a private explanation."""
    emu, _ = live
    data = {"id": "1234567890123456789", "name": "nosuchcommand", "type": 1, "options": []}
    payload, record = emu._interaction(  # no public helper: real clients never do this on purpose
        2, data, user=emu.member, guild_id=emu.guild_id, channel_id=None, locale="en-US",
        name="nosuchcommand",
    )  # fmt: skip
    await emu._dispatch_interaction(payload, record)
    message = await record.wait_final(10)
    assert is_ephemeral(message)
    assert "not available" in text_of(message)
    await still_works(emu)


async def test_mention_with_everyone_pings_nobody(live: tuple[DiscordEmulator, BotProcess]) -> None:
    """A mention carrying @everyone is answered; the reply pings nobody (the emulator checks)."""
    emu, _ = live
    channel = emu.channel_id("general")
    sent = await emu.send_message(
        f"<@{emu.bot_user_id}> @everyone who said kill us both?", channel_id=channel
    )
    reply = await emu.wait_for_channel_message(channel, reply_to=sent, timeout=10)
    assert "George Russell" in text_of(reply)
    assert reply["mention_everyone"] is False
    await still_works(emu)
