"""Self-test of the local Discord: a real discord.py bot process against the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import pytest_asyncio

from tests.emulator import DiscordEmulator, Perm
from tests.emulator.fixtures import BotProcess, Launcher
from tests.emulator.validation import (
    validate_autocomplete,
    validate_callback,
    validate_commands,
    validate_message,
)

ECHO_ENTRY = "tests.emulator.echo_bot:main"
CALLBACK_ROUTE = r"^/interactions/\d+/[^/]+/callback$"
NO_PINGS = {"parse": []}


@pytest_asyncio.fixture
async def echo_bot(emulator: DiscordEmulator, bot_launcher: Launcher) -> AsyncIterator[BotProcess]:
    """Start the echo bot and wait until it is connected with its guild commands."""
    proc = await bot_launcher(entry=ECHO_ENTRY)
    await proc.wait_ready(timeout=20)
    yield proc


def _message(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"content": "ok", "allowed_mentions": dict(NO_PINGS)}
    payload.update(overrides)
    return payload


def _codes(problems: list[Any]) -> list[str]:
    return [f"{p.path}|{p.code}" for p in problems]


# -- end to end, through the real subprocess -----------------------------------------------------


@pytest.mark.asyncio
async def test_bot_registers_commands_on_the_guild_only(
    emulator: DiscordEmulator, echo_bot: BotProcess
) -> None:
    """Starting the bot syncs its guild once and never the global scope."""
    assert {c["name"] for c in emulator.commands_for(emulator.guild_id)} == {"ping", "slow"}
    assert emulator.global_syncs == 0
    assert emulator.guild_syncs() == 1
    assert emulator.identifies == {0: 1}


@pytest.mark.asyncio
async def test_ping_answers_within_deadline_with_content_and_button(
    emulator: DiscordEmulator, echo_bot: BotProcess
) -> None:
    """/ping gets a type-4 callback carrying the typed options and the Again button."""
    rec = await emulator.send_command("ping", {"count": 3, "word": "spa"}, user=emulator.moderator)
    first = await rec.first_response(timeout=5)
    assert first.type == 4
    assert first.elapsed < emulator.ack_deadline
    assert first.data is not None and first.data["allowed_mentions"] == NO_PINGS
    message = await rec.wait_final()
    assert message["content"] == "pong x3 spa"
    assert not message["flags"] & (1 << 6)
    assert message["components"][0]["components"][0]["custom_id"] == "echo:again"


@pytest.mark.asyncio
async def test_autocomplete_returns_matching_choices(
    emulator: DiscordEmulator, echo_bot: BotProcess
) -> None:
    """The focused option's partial text reaches the bot and its choices come back."""
    choices = await emulator.send_autocomplete("ping", {"count": 1, "word": "mo"}, focused="word")
    assert choices == [{"name": "Monza", "value": "monza"}, {"name": "Monaco", "value": "monaco"}]


@pytest.mark.asyncio
async def test_button_press_edits_the_message(
    emulator: DiscordEmulator, echo_bot: BotProcess
) -> None:
    """Pressing Again answers with type 7 and the emulator applies the edit to that message."""
    rec = await emulator.send_command("ping", {"count": 1})
    message = await rec.wait_final()
    press = await emulator.press_button(message, "echo:again", user=emulator.member)
    assert (await press.first_response()).type == 7
    edited = await press.wait_final()
    assert edited["id"] == message["id"]
    assert edited["content"] == "pong again"
    assert edited["components"] == []
    assert edited["edited_timestamp"] is not None


@pytest.mark.asyncio
async def test_deferred_command_follow_up_keeps_ephemeral(
    emulator: DiscordEmulator, echo_bot: BotProcess
) -> None:
    """A type-5 deferral followed by a follow-up shows one ephemeral answer."""
    rec = await emulator.send_command("slow")
    assert (await rec.first_response()).type == 5
    final = await rec.wait_final()
    assert final["content"] == "done slowly"
    assert final["flags"] & (1 << 6)
    assert [m["id"] for m in rec.messages] == [final["id"]]


@pytest.mark.asyncio
async def test_mention_gets_a_reply_without_pings(
    emulator: DiscordEmulator, echo_bot: BotProcess
) -> None:
    """A message mentioning the bot gets a reply referencing it."""
    general = emulator.channel_id("general")
    sent = await emulator.send_message("hello there", author=emulator.member, channel_id=general)
    reply = await emulator.wait_for_channel_message(general, reply_to=sent)
    assert reply["content"] == "echo: hello there"
    assert reply["mentions"] == []


@pytest.mark.parametrize("close_code", [None, 4000], ids=["abrupt", "code-4000"])
@pytest.mark.asyncio
async def test_gateway_drop_resumes_and_replays_queued_interaction(
    emulator: DiscordEmulator, echo_bot: BotProcess, close_code: int | None
) -> None:
    """After a drop the bot RESUMEs (no new IDENTIFY) and answers the interaction sent meanwhile."""
    await emulator.drop_gateway(shard_id=0, code=close_code)
    rec = await emulator.send_command("ping", {"count": 2})
    await emulator.wait_for_resume(shard_id=0, timeout=10)
    message = await rec.wait_final(timeout=10)
    assert message["content"] == "pong x2 monza"
    assert emulator.identifies == {0: 1}
    assert emulator.resumes == {0: 1}


@pytest.mark.asyncio
async def test_rate_limited_callback_is_retried(
    emulator: DiscordEmulator, echo_bot: BotProcess
) -> None:
    """discord.py honours a 429 on the callback route, retries, and the retry succeeds."""
    fault = emulator.inject(CALLBACK_ROUTE, 429, 1, retry_after=0.3)
    rec = await emulator.send_command("ping", {"count": 4})
    first = await rec.first_response(timeout=5)
    assert first.type == 4
    assert first.elapsed >= 0.3
    assert fault.hits == 1
    assert [r.status for r in emulator.requests_to(CALLBACK_ROUTE)] == [429, 200]


@pytest.mark.asyncio
async def test_sigterm_stops_the_bot(echo_bot: BotProcess) -> None:
    """SIGTERM makes the bot close and exit 0."""
    assert await echo_bot.terminate(timeout=10) == 0


# -- the emulator's REST behaviour, spoken to directly ------------------------------------------


@pytest_asyncio.fixture
async def rest(emulator: DiscordEmulator) -> AsyncIterator[aiohttp.ClientSession]:
    """An HTTP client authenticated as the bot, for poking the emulator without a bot process."""
    headers = {"Authorization": f"Bot {emulator.token}"}
    async with aiohttp.ClientSession(base_url=emulator.api_base + "/", headers=headers) as session:
        yield session


@pytest.mark.asyncio
async def test_over_limit_post_gets_invalid_form_body_and_a_violation(
    emulator: DiscordEmulator, rest: aiohttp.ClientSession
) -> None:
    """Content over 2000 characters is answered 400/50035 and recorded as a violation."""
    channel = emulator.channel_id("general")
    async with rest.post(f"channels/{channel}/messages", json=_message(content="x" * 2001)) as resp:
        body = await resp.json()
    assert resp.status == 400
    assert body["code"] == 50035
    assert "content" in body["errors"]
    violations = emulator.take_violations()
    assert len(violations) == 1 and "content" in violations[0]
    assert emulator.sent_messages == []


@pytest.mark.parametrize(
    ("channel_name", "action", "status", "code"),
    [
        ("read-only", None, 403, 50013),
        ("general", "revoke", 403, 50013),
        ("general", "delete", 404, 10003),
    ],
)
@pytest.mark.asyncio
async def test_post_is_refused_where_discord_would_refuse(
    emulator: DiscordEmulator,
    rest: aiohttp.ClientSession,
    channel_name: str,
    action: str | None,
    status: int,
    code: int,
) -> None:
    """Missing SEND_MESSAGES gives 50013 and a deleted channel gives 10003."""
    channel = emulator.channel_id(channel_name)
    if action == "revoke":
        await emulator.revoke_permissions(channel, Perm.SEND_MESSAGES)
    elif action == "delete":
        await emulator.delete_channel(channel)
    async with rest.post(f"channels/{channel}/messages", json=_message()) as resp:
        body = await resp.json()
    assert (resp.status, body["code"]) == (status, code)


@pytest.mark.asyncio
async def test_enforced_nonce_returns_the_existing_message(
    emulator: DiscordEmulator, rest: aiohttp.ClientSession
) -> None:
    """A repeated nonce with enforce_nonce creates no second message."""
    channel = emulator.channel_id("general")
    payload = _message(nonce="recap-2024-05-12", enforce_nonce=True)
    ids = []
    for _ in range(2):
        async with rest.post(f"channels/{channel}/messages", json=payload) as resp:
            ids.append((await resp.json())["id"])
    assert ids[0] == ids[1]
    assert len(emulator.sent_messages) == 1


@pytest.mark.asyncio
async def test_forgotten_nonce_makes_a_second_message(
    emulator: DiscordEmulator, rest: aiohttp.ClientSession
) -> None:
    """After forget_nonces (a long downtime) a resent nonce creates a new message, as on Discord."""
    channel = emulator.channel_id("general")
    payload = _message(nonce="recap-2024-05-12", enforce_nonce=True)
    ids = []
    for _ in range(2):
        async with rest.post(f"channels/{channel}/messages", json=payload) as resp:
            ids.append((await resp.json())["id"])
        emulator.forget_nonces()
    assert ids[0] != ids[1]
    assert len(emulator.sent_messages) == 2


@pytest.mark.asyncio
async def test_message_history_is_newest_first_and_carries_no_nonce(
    emulator: DiscordEmulator, rest: aiohttp.ClientSession
) -> None:
    """GET messages: the newest ``limit`` first; the nonce is only in the POST's answer."""
    channel = emulator.channel_id("general")
    sent = []
    for i in range(3):
        payload = _message(content=f"m{i}", nonce=f"n{i}", enforce_nonce=True)
        async with rest.post(f"channels/{channel}/messages", json=payload) as resp:
            created = await resp.json()
        assert created["nonce"] == f"n{i}"
        sent.append(created["id"])
    async with rest.get(f"channels/{channel}/messages", params={"limit": "2"}) as resp:
        listed = await resp.json()
    assert [m["id"] for m in listed] == [sent[2], sent[1]]
    assert all("nonce" not in m for m in listed)
    async with rest.get(f"channels/{channel}/messages", params={"after": sent[0]}) as resp:
        assert [m["id"] for m in await resp.json()] == [sent[2], sent[1]]


@pytest.mark.parametrize("limit", ["0", "101", "many"])
@pytest.mark.asyncio
async def test_message_history_limit_outside_1_to_100_is_refused(
    emulator: DiscordEmulator, rest: aiohttp.ClientSession, limit: str
) -> None:
    """A history ``limit`` outside Discord's 1-100 gets Invalid Form Body naming ``limit``."""
    channel = emulator.channel_id("general")
    async with rest.get(f"channels/{channel}/messages", params={"limit": limit}) as resp:
        body = await resp.json()
    assert (resp.status, body["code"]) == (400, 50035)
    assert "limit" in body["errors"]


@pytest.mark.asyncio
async def test_message_history_needs_read_message_history(
    emulator: DiscordEmulator, rest: aiohttp.ClientSession
) -> None:
    """Without Read Message History, reading a channel back is refused with 50013."""
    channel = emulator.channel_id("general")
    await emulator.revoke_permissions(channel, Perm.READ_MESSAGE_HISTORY)
    async with rest.get(f"channels/{channel}/messages") as resp:
        body = await resp.json()
    assert (resp.status, body["code"]) == (403, 50013)


@pytest.mark.asyncio
async def test_unknown_route_is_404_and_recorded(
    emulator: DiscordEmulator, rest: aiohttp.ClientSession
) -> None:
    """Routes the emulator does not speak answer Discord's 404 and are listed for the test."""
    async with rest.get("stickers/123") as resp:
        body = await resp.json()
    assert (resp.status, body) == (404, {"code": 0, "message": "404: Not Found"})
    assert emulator.unhandled == ["GET /stickers/123"]


# -- the validators, called directly -------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (_message(content="x" * 2001), "content|BASE_TYPE_MAX_LENGTH"),
        (_message(embeds=[{"title": "t"}] * 11), "embeds|BASE_TYPE_MAX_LENGTH"),
        (_message(embeds=[{"title": "x" * 257}]), "embeds.0.title|BASE_TYPE_MAX_LENGTH"),
        (
            _message(embeds=[{"description": "x" * 4097}]),
            "embeds.0.description|BASE_TYPE_MAX_LENGTH",
        ),
        (
            _message(embeds=[{"fields": [{"name": "n", "value": "v"}] * 26}]),
            "embeds.0.fields|BASE_TYPE_MAX_LENGTH",
        ),
        (
            _message(embeds=[{"fields": [{"name": "n", "value": "v" * 1025}]}]),
            "embeds.0.fields.0.value|BASE_TYPE_MAX_LENGTH",
        ),
        (
            _message(embeds=[{"footer": {"text": "x" * 2049}}]),
            "embeds.0.footer.text|BASE_TYPE_MAX_LENGTH",
        ),
        (
            _message(embeds=[{"description": "x" * 4000}, {"description": "x" * 2001}]),
            "embeds|MAX_EMBED_SIZE_EXCEEDED",
        ),
        (
            _message(
                components=[
                    {
                        "type": 1,
                        "components": [{"type": 2, "style": 1, "custom_id": f"b{i}", "label": "b"}],
                    }
                    for i in range(6)
                ]
            ),
            "components|BASE_TYPE_MAX_LENGTH",
        ),
        (
            _message(
                components=[
                    {
                        "type": 1,
                        "components": [
                            {"type": 2, "style": 1, "custom_id": f"b{i}"} for i in range(6)
                        ],
                    }
                ]
            ),
            "components.0.components|BASE_TYPE_MAX_LENGTH",
        ),
        (
            _message(
                components=[
                    {"type": 1, "components": [{"type": 2, "style": 1, "custom_id": "x" * 101}]}
                ]
            ),
            "components.0.components.0.custom_id|BASE_TYPE_MAX_LENGTH",
        ),
        (
            _message(
                components=[
                    {
                        "type": 1,
                        "components": [
                            {"type": 2, "style": 1, "custom_id": "a", "label": "x" * 81}
                        ],
                    }
                ]
            ),
            "components.0.components.0.label|BASE_TYPE_MAX_LENGTH",
        ),
        ({"content": "", "allowed_mentions": NO_PINGS}, "|EMPTY_MESSAGE"),
        ({"content": "hi"}, "allowed_mentions|PITWALL_RULE"),
        (_message(allowed_mentions={"parse": ["users"]}), "allowed_mentions.parse|PITWALL_RULE"),
        (
            _message(allowed_mentions={"parse": [], "roles": ["1"]}),
            "allowed_mentions.roles|PITWALL_RULE",
        ),
        (
            _message(allowed_mentions={"parse": [], "replied_user": True}),
            "allowed_mentions.replied_user|PITWALL_RULE",
        ),
    ],
)
def test_message_validator_flags_each_limit(payload: dict[str, Any], expected: str) -> None:
    """Every Discord limit and Pitwall's no-ping rule is caught by the message validator."""
    assert expected in _codes(validate_message(payload))


def test_message_validator_accepts_a_full_legal_message() -> None:
    """A message at every limit exactly passes."""
    embed = {
        "title": "t" * 256,
        "description": "d" * 1000,
        "fields": [{"name": "n" * 10, "value": "v" * 100} for _ in range(25)],
        "footer": {"text": "f" * 100},
        "author": {"name": "a" * 100},
    }
    row = {
        "type": 1,
        "components": [
            {"type": 2, "style": 1, "custom_id": f"c{i}", "label": "l" * 80} for i in range(5)
        ],
    }
    rows = [
        {
            **row,
            "components": [{**b, "custom_id": f"{r}-{b['custom_id']}"} for b in row["components"]],
        }
        for r in range(5)
    ]
    assert validate_message(_message(content="x" * 2000, embeds=[embed], components=rows)) == []


def test_edit_without_content_needs_no_allowed_mentions() -> None:
    """discord.py only sends allowed_mentions on edits that change content; that is fine."""
    assert validate_message({"components": []}, editing=True) == []
    assert _codes(validate_message({"content": "x"}, editing=True)) == [
        "allowed_mentions|PITWALL_RULE"
    ]


def test_autocomplete_validator_limits_choices() -> None:
    """More than 25 choices, empty names and long string values are rejected."""
    too_many = {"choices": [{"name": f"c{i}", "value": f"c{i}"} for i in range(26)]}
    bad = {"choices": [{"name": "", "value": "v"}, {"name": "ok", "value": "x" * 101}]}
    assert _codes(validate_autocomplete(too_many)) == ["data.choices|BASE_TYPE_MAX_LENGTH"]
    assert _codes(validate_autocomplete(bad)) == [
        "data.choices.0.name|BASE_TYPE_MIN_LENGTH",
        "data.choices.1.value|BASE_TYPE_MAX_LENGTH",
    ]


def test_callback_validator_rejects_wrong_type_for_interaction() -> None:
    """An autocomplete result to a slash command is not a valid callback."""
    problems = validate_callback({"type": 8, "data": {"choices": []}}, interaction_type=2)
    assert _codes(problems) == ["type|INTERACTION_RESPONSE_TYPE_INVALID"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ({"name": "Ping", "description": "d"}, "0.name|APPLICATION_COMMAND_INVALID_NAME"),
        ({"name": "ping", "description": "d" * 101}, "0.description|BASE_TYPE_INVALID"),
        (
            {
                "name": "ping",
                "description": "d",
                "options": [{"type": 3, "name": f"o{i}", "description": "d"} for i in range(26)],
            },
            "0.options|BASE_TYPE_MAX_LENGTH",
        ),
        (
            {"name": "ping", "description": "d", "default_member_permissions": "MANAGE_GUILD"},
            "0.default_member_permissions|BASE_TYPE_INVALID",
        ),
        (
            {
                "name": "ping",
                "description": "d",
                "options": [
                    {"type": 3, "name": "a", "description": "d"},
                    {"type": 3, "name": "b", "description": "d", "required": True},
                ],
            },
            "0.options.1|APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        ),
        (
            {
                "name": "ping",
                "description": "d",
                "options": [
                    {"type": 4, "name": "n", "description": "d", "min_value": 5, "max_value": 1}
                ],
            },
            "0.options.0|BASE_TYPE_INVALID",
        ),
        (
            {
                "name": "recaps",
                "description": "d",
                "options": [
                    {
                        "type": 2,
                        "name": "g",
                        "description": "d",
                        "options": [{"type": 2, "name": "inner", "description": "d"}],
                    }
                ],
            },
            "0.options.0.options|BASE_TYPE_INVALID",
        ),
        (
            {
                "name": "ping",
                "description": "d",
                "options": [
                    {
                        "type": 3,
                        "name": "w",
                        "description": "d",
                        "choices": [{"name": f"c{i}", "value": f"c{i}"} for i in range(26)],
                    }
                ],
            },
            "0.options.0.choices|BASE_TYPE_MAX_LENGTH",
        ),
    ],
)
def test_command_validator_flags_registration_mistakes(
    command: dict[str, Any], expected: str
) -> None:
    """Names, descriptions, option counts/order/bounds, nesting and choices are checked."""
    assert expected in _codes(validate_commands([command]))


def test_command_validator_accepts_nested_subcommands() -> None:
    """A group containing subcommands with bounded options is valid."""
    command = {
        "name": "recaps",
        "description": "Race recaps",
        "default_member_permissions": 32,  # discord.py sends an int; the spec allows it
        "options": [
            {
                "type": 2,
                "name": "schedule",
                "description": "Scheduling",
                "options": [
                    {
                        "type": 1,
                        "name": "set",
                        "description": "Set the slot",
                        "options": [
                            {
                                "type": 7,
                                "name": "channel",
                                "description": "Where",
                                "required": True,
                                "channel_types": [0],
                            },
                            {
                                "type": 4,
                                "name": "hour",
                                "description": "UTC hour",
                                "min_value": 0,
                                "max_value": 23,
                            },
                        ],
                    },
                ],
            },
        ],
    }
    assert validate_commands([command]) == []
