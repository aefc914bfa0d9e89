"""The local Discord: one aiohttp server on 127.0.0.1 serving REST and the gateway, plus the
test-side API that plays the users (slash commands, buttons, mentions) and injects faults.

Tests run in the same event loop as this server and drive a real discord.py bot running in a
separate process (see ``launch_bot.py``), so everything the bot does crosses a real socket.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import re
import secrets
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from aiohttp import web

from .gateway import INVALID_SESSION, RECONNECT, Gateway, GatewaySession, Intent
from .records import (
    ChangeNotifier,
    CommandSync,
    Fault,
    InteractionRecord,
    RequestRecord,
    StoredMessage,
)
from .rest import API_PREFIX, ApiError, RestApi, UploadedFile
from .validation import Problem, is_empty_message
from .world import Channel, Guild, Overwrite, Role, SnowflakeGenerator, User, World, iso_now

log = logging.getLogger(__name__)

__all__ = ["DiscordEmulator"]

T = TypeVar("T")

FLAG_SUPPRESS_EMBEDS = 1 << 2
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7
FLAG_COMPONENTS_V2 = 1 << 15
USER_MENTION_RE = re.compile(r"<@!?(\d+)>")
ROLE_MENTION_RE = re.compile(r"<@&(\d+)>")
OPTION_TYPES = {
    "string": 3,
    "integer": 4,
    "boolean": 5,
    "user": 6,
    "channel": 7,
    "role": 8,
    "mentionable": 9,
    "number": 10,
    "attachment": 11,
}

UserLike = User | int
Options = dict[str, Any] | Sequence[tuple[str, Any]] | Sequence[dict[str, Any]] | None


def _make_token(bot_id: int) -> str:
    """Build a token shaped like a real one (id.timestamp.hmac) for realistic redaction."""
    first = base64.urlsafe_b64encode(str(bot_id).encode()).decode().rstrip("=")
    return f"{first}.{secrets.token_urlsafe(5)[:6]}.{secrets.token_urlsafe(30)[:38]}"


class DiscordEmulator:
    """A fake Discord for end-to-end tests.

    Parameters
    ----------
    heartbeat_interval_ms:
        Sent in HELLO; real Discord uses 41250.
    ack_deadline:
        Seconds an interaction may wait for its first callback (Discord: 3).
    token_ttl:
        Seconds an interaction token stays valid for follow-ups (Discord: 15 minutes).
    strict_interactions:
        Record late or duplicate callbacks as violations, not only answer them with errors.
    recommended_shards:
        ``shards`` returned by GET /gateway/bot (AutoShardedClient uses it).
    reaction_time:
        Minimum age of a message before a simulated user clicks it. discord.py registers a
        view only after the callback's HTTP response returns, so an instant click would race
        that; no human is that fast.
    """

    def __init__(
        self,
        *,
        heartbeat_interval_ms: int = 41250,
        ack_deadline: float = 3.0,
        token_ttl: float = 900.0,
        strict_interactions: bool = True,
        recommended_shards: int = 1,
        allowed_privileged_intents: int = Intent.PRIVILEGED,
        bot_name: str = "Pitwall",
        host: str = "127.0.0.1",
        reaction_time: float = 0.3,
    ) -> None:
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.ack_deadline = ack_deadline
        self.token_ttl = token_ttl
        self.strict_interactions = strict_interactions
        self.recommended_shards = recommended_shards
        self.allowed_privileged_intents = allowed_privileged_intents
        self.application_flags = (1 << 15) | (1 << 19) | (1 << 23)
        self.host = host
        self.reaction_time = reaction_time
        self.snowflakes = SnowflakeGenerator()
        self.world = World.default(self.snowflakes, bot_name=bot_name)
        self.token = _make_token(self.world.bot_user.id)
        self.notifier = ChangeNotifier()
        self.gateway = Gateway(self)
        self.rest = RestApi(self)
        # Records tests assert on.
        self.requests: list[RequestRecord] = []
        self.unhandled: list[str] = []
        self.violations: list[str] = []
        self.notices: list[str] = []
        self.faults: list[Fault] = []
        self.identifies: dict[int, int] = {}
        self.resumes: dict[int, int] = {}
        self.gateway_closes: list[tuple[int, str]] = []
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.command_syncs: list[CommandSync] = []
        self.interactions: dict[int, InteractionRecord] = {}
        self.interactions_by_token: dict[str, InteractionRecord] = {}
        self.messages: dict[int, StoredMessage] = {}
        self.deleted_channels: dict[int, Channel] = {}
        # Messages created before this monotonic instant have no nonce memory any more.
        self._nonces_forgotten_at = float("-inf")
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> DiscordEmulator:
        """Start serving on a random free loopback port."""
        app = web.Application()
        app.router.add_route("GET", "/gateway", self.gateway.handle)
        app.router.add_route("GET", "/gateway/", self.gateway.handle)
        app.router.add_route("*", "/{tail:.*}", self.rest.handle)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=2.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        log.info("Discord emulator listening on %s", self.api_base)
        return self

    async def stop(self) -> None:
        """Close gateway sockets and the HTTP server."""
        if self._runner is None:
            return
        await self.gateway.close_all()
        await self._runner.cleanup()
        self._runner = None
        log.info("Discord emulator stopped")

    async def __aenter__(self) -> DiscordEmulator:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- identity -------------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        """Return the value for ``discord.http.Route.BASE``."""
        return f"http://{self.host}:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """Return the websocket URL handed out by /gateway/bot and READY."""
        return f"ws://{self.host}:{self.port}/gateway"

    @property
    def bot_user(self) -> User:
        """Return the bot's user."""
        return self.world.bot_user

    @property
    def bot_user_id(self) -> int:
        """Return the bot's user id."""
        return self.world.bot_user.id

    @property
    def app_id(self) -> int:
        """Return the application id (same as the bot user id, as for real bots)."""
        return self.world.bot_user.id

    @property
    def guild(self) -> Guild:
        """Return the default guild."""
        return self.world.default_guild

    @property
    def guild_id(self) -> int:
        """Return the default guild id."""
        return self.world.default_guild_id

    @property
    def owner(self) -> User:
        """Return the guild (and application) owner."""
        return self.world.owner

    @property
    def moderator(self) -> User:
        """Return the member holding the Moderator role (MANAGE_GUILD)."""
        return self.world.moderator

    @property
    def member(self) -> User:
        """Return a plain member with only @everyone permissions."""
        return self.world.member

    def channel(self, name: str, guild_id: int | None = None) -> Channel:
        """Return a channel by name (``general``, ``read-only``, ``no-embeds`` by default)."""
        return self.world.guilds[guild_id or self.guild_id].channel_by_name(name)

    def channel_id(self, name: str, guild_id: int | None = None) -> int:
        """Return a channel id by name."""
        return self.channel(name, guild_id).id

    def role(self, name: str, guild_id: int | None = None) -> Role:
        """Return a role by name (``@everyone``, ``Moderator``, or the bot's name)."""
        return self.world.guilds[guild_id or self.guild_id].role_by_name(name)

    def bot_user_payload(self) -> dict[str, Any]:
        """Return GET /users/@me (also READY's ``user``)."""
        data = self.bot_user.to_payload()
        data.update(
            {"verified": True, "mfa_enabled": False, "locale": "en-US", "email": None, "bot": True}
        )
        return data

    def application_payload(self) -> dict[str, Any]:
        """Return GET /oauth2/applications/@me."""
        return {
            "id": str(self.app_id),
            "name": self.bot_user.username,
            "icon": None,
            "description": "Pitwall (emulated)",
            "summary": "",
            "type": None,
            "hook": True,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": self.application_flags,
            "owner": self.owner.to_payload(),
            "team": None,
            "bot": self.bot_user.to_payload(),
            "rpc_origins": [],
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "tags": [],
            "approximate_guild_count": len(self.world.guilds),
            "approximate_user_install_count": 0,
            "integration_types_config": {"0": {}},
            "is_monetized": False,
        }

    # -- records --------------------------------------------------------------------------------

    def add_violations(self, route: str, problems: Sequence[Problem]) -> None:
        """Record payload problems as human-readable violations."""
        for problem in problems:
            line = f"{route}: {problem}"
            log.warning("violation: %s", line)
            self.violations.append(line)

    def take_violations(self) -> list[str]:
        """Return and clear the violations (for tests that provoke them on purpose)."""
        taken, self.violations = self.violations, []
        return taken

    def requests_to(self, pattern: str, method: str | None = None) -> list[RequestRecord]:
        """Return recorded requests whose path matches ``pattern`` (regex search)."""
        rx = re.compile(pattern)
        return [
            r for r in self.requests if rx.search(r.path) and (method is None or r.method == method)
        ]

    @property
    def sent_messages(self) -> list[dict[str, Any]]:
        """Return every message the bot created (channel posts and interaction messages)."""
        return [m.data for m in self.messages.values() if m.by_bot and not m.deleted]

    @property
    def global_syncs(self) -> int:
        """Return how many global bulk overwrites happened."""
        return sum(1 for s in self.command_syncs if s.guild_id is None)

    def guild_syncs(self, guild_id: int | None = None) -> int:
        """Return how many bulk overwrites targeted a guild (default guild if omitted)."""
        gid = guild_id or self.guild_id
        return sum(1 for s in self.command_syncs if s.guild_id == gid)

    def commands_for(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        """Return the registered commands for a guild, or global ones when ``guild_id`` is None."""
        return list(self.commands.get(guild_id, []))

    def channel_history(self, channel_id: int) -> list[StoredMessage]:
        """Return visible messages in a channel, oldest first (no ephemeral or deleted ones)."""
        return [
            m
            for m in self.messages.values()
            if m.channel_id == channel_id and not m.deleted and not m.ephemeral
        ]

    def find_nonce(
        self, channel_id: int, nonce: str, window: float = 300.0
    ) -> StoredMessage | None:
        """Return a recent message created with this nonce in this channel (enforce_nonce)."""
        cutoff = max(time.monotonic() - window, self._nonces_forgotten_at)
        for stored in self.messages.values():
            if (
                stored.channel_id == channel_id
                and stored.nonce == nonce
                and stored.created_at >= cutoff
            ):
                return stored
        return None

    def forget_nonces(self) -> None:
        """Forget every nonce sent so far, as Discord does after a few minutes.

        Stands for the bot having been down longer than Discord's nonce memory: a message
        resent with an old nonce and ``enforce_nonce`` now creates a second message.
        """
        self._nonces_forgotten_at = time.monotonic()

    # -- message building -----------------------------------------------------------------------

    def _user(self, user: UserLike | None, default: User | None = None) -> User:
        if user is None:
            if default is None:
                raise ValueError("a user is required")
            return default
        if isinstance(user, User):
            return user
        found = self.world.users.get(int(user))
        if found is None:
            raise KeyError(f"unknown user id {user}")
        return found

    def _resolve_mentions(
        self, content: str, allowed: dict[str, Any] | None, guild: Guild | None
    ) -> tuple[list[dict[str, Any]], list[str], bool]:
        """Work out who a message really pings, honouring allowed_mentions like Discord."""
        parse = (
            set(allowed.get("parse") or [])
            if allowed is not None
            else {"users", "roles", "everyone"}
        )
        allowed_users = {int(u) for u in (allowed or {}).get("users") or []}
        allowed_roles = {int(r) for r in (allowed or {}).get("roles") or []}
        mentions: list[dict[str, Any]] = []
        for raw in dict.fromkeys(USER_MENTION_RE.findall(content)):
            uid = int(raw)
            user = self.world.users.get(uid)
            if user is None or not ("users" in parse or uid in allowed_users):
                continue
            entry = user.to_payload()
            if guild is not None and uid in guild.members:
                entry["member"] = guild.members[uid].to_payload(include_user=False)
            mentions.append(entry)
        roles = [
            r
            for r in dict.fromkeys(ROLE_MENTION_RE.findall(content))
            if "roles" in parse or int(r) in allowed_roles
        ]
        everyone = "everyone" in parse and ("@everyone" in content or "@here" in content)
        return mentions, roles, everyone

    def _attachments(
        self, files: Sequence[UploadedFile], payload: dict[str, Any]
    ) -> list[dict[str, Any]]:
        out = []
        for f in files:
            aid = self.snowflakes.next()
            url = f"http://{self.host}:{self.port}/attachments/{aid}/{f.filename}"
            out.append(
                {
                    "id": str(aid),
                    "filename": f.filename,
                    "size": f.size,
                    "url": url,
                    "proxy_url": url,
                    "content_type": f.content_type,
                }
            )
        return out

    def _build_message(
        self,
        *,
        channel_id: int,
        author: User,
        payload: dict[str, Any],
        files: Sequence[UploadedFile],
        msg_type: int,
        flags: int,
    ) -> dict[str, Any]:
        guild = self.world.guild_of_channel(channel_id)
        content = payload.get("content") or ""
        mentions, roles, everyone = self._resolve_mentions(
            content, payload.get("allowed_mentions"), guild
        )
        data: dict[str, Any] = {
            "id": str(self.snowflakes.next()),
            "type": msg_type,
            "channel_id": str(channel_id),
            "author": author.to_payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(payload.get("tts")),
            "mention_everyone": everyone,
            "mentions": mentions,
            "mention_roles": roles,
            "mention_channels": [],
            "attachments": self._attachments(files, payload),
            "embeds": [{"type": "rich", **e} for e in payload.get("embeds") or []],
            "pinned": False,
            "flags": flags,
            "components": list(payload.get("components") or []),
        }
        if payload.get("nonce") is not None:
            data["nonce"] = payload["nonce"]
        return data

    def _store(self, stored: StoredMessage) -> StoredMessage:
        stored.updated_at = time.monotonic()
        self.messages[stored.id] = stored
        channel = self.world.find_channel(stored.channel_id)
        if channel is not None and not stored.ephemeral:
            channel.last_message_id = stored.id
        return stored

    def _gateway_message(
        self, stored: StoredMessage
    ) -> tuple[dict[str, Any], Callable[..., Any], int | None]:
        """Return (MESSAGE_* payload, content-intent transform, guild id) for a stored message."""
        guild = self.world.guild_of_channel(stored.channel_id)
        data = dict(stored.data)
        author_id = int(data["author"]["id"])
        if guild is not None:
            data["guild_id"] = str(guild.id)
            member = guild.members.get(author_id)
            if member is not None and "webhook_id" not in data:
                data["member"] = member.to_payload(include_user=False)
        bot_id = self.bot_user_id
        mentioned = any(int(m["id"]) == bot_id for m in data.get("mentions", []))

        def transform(session: GatewaySession, d: dict[str, Any]) -> dict[str, Any]:
            # Without MESSAGE_CONTENT Discord blanks content unless the bot wrote it or is pinged.
            if session.intents & Intent.MESSAGE_CONTENT or author_id == bot_id or mentioned:
                return d
            return {**d, "content": "", "embeds": [], "attachments": [], "components": []}

        return data, transform, guild.id if guild is not None else None

    async def _dispatch_message(self, event: str, stored: StoredMessage) -> None:
        if stored.ephemeral:
            return
        data, transform, guild_id = self._gateway_message(stored)
        await self.gateway.dispatch(
            event, data, guild_id=guild_id, intent=Intent.GUILD_MESSAGES, transform=transform
        )

    async def create_channel_message(
        self,
        channel_id: int,
        author: User,
        payload: dict[str, Any],
        files: Sequence[UploadedFile] = (),
        *,
        by_bot: bool,
    ) -> StoredMessage:
        """Create a normal channel message (bot post or simulated user message) and dispatch it."""
        reference = payload.get("message_reference")
        data = self._build_message(
            channel_id=channel_id,
            author=author,
            payload=payload,
            files=files,
            msg_type=19 if reference else 0,
            flags=(payload.get("flags") or 0)
            & (FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2 | (1 << 12)),
        )
        if reference:
            ref = self.messages.get(int(reference["message_id"]))
            guild = self.world.guild_of_channel(channel_id)
            data["message_reference"] = {
                "type": 0,
                "message_id": str(reference["message_id"]),
                "channel_id": str(channel_id),
                "guild_id": str(guild.id) if guild else None,
            }
            data["referenced_message"] = dict(ref.data) if ref is not None else None
        nonce = payload.get("nonce")
        stored = self._store(
            StoredMessage(
                data,
                channel_id,
                by_bot=by_bot,
                nonce=str(nonce) if nonce is not None else None,
                created_at=time.monotonic(),
            )
        )
        await self._dispatch_message("MESSAGE_CREATE", stored)
        self.notifier.notify()
        return stored

    async def create_interaction_message(
        self,
        rec: InteractionRecord,
        payload: dict[str, Any],
        files: Sequence[UploadedFile],
        *,
        original: bool,
        loading: bool = False,
    ) -> StoredMessage:
        """Create an interaction response or follow-up message (a webhook message by the app)."""
        flags = (payload.get("flags") or 0) & (
            FLAG_EPHEMERAL | FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2 | (1 << 12)
        )
        if loading:
            flags |= FLAG_LOADING
        channel_id = rec.channel_id or 0
        data = self._build_message(
            channel_id=channel_id,
            author=self.bot_user,
            payload=payload,
            files=files,
            msg_type=20 if rec.type == 2 and original else 0,
            flags=flags,
        )
        user = self.world.users.get(rec.user_id or 0)
        user_payload = user.to_payload() if user else None
        data["webhook_id"] = str(self.app_id)
        data["application_id"] = str(self.app_id)
        metadata: dict[str, Any] = {
            "id": str(rec.id),
            "type": rec.type,
            "user": user_payload,
            "authorizing_integration_owners": {"0": str(rec.guild_id)}
            if rec.guild_id
            else {"1": str(rec.user_id)},
        }
        if rec.type == 2:
            metadata["name"] = rec.name
            metadata["command_type"] = 1
            data["interaction"] = {
                "id": str(rec.id),
                "type": 2,
                "name": rec.name,
                "user": user_payload,
            }
        if rec.component_message_id:
            metadata["interacted_message_id"] = str(rec.component_message_id)
        if not original and rec.original_id:
            metadata["original_response_message_id"] = str(rec.original_id)
        data["interaction_metadata"] = metadata
        stored = self._store(
            StoredMessage(
                data,
                channel_id,
                ephemeral=bool(flags & FLAG_EPHEMERAL),
                by_bot=True,
                interaction_id=rec.id,
                created_at=time.monotonic(),
            )
        )
        if original:
            rec.original_id = stored.id
        else:
            rec.followup_ids.append(stored.id)
        await self._dispatch_message("MESSAGE_CREATE", stored)
        self.notifier.notify()
        return stored

    async def edit_stored_message(
        self,
        stored: StoredMessage,
        payload: dict[str, Any],
        files: Sequence[UploadedFile] = (),
        *,
        route: str = "",
    ) -> StoredMessage:
        """Apply an edit like Discord: only the given fields change; loading state ends."""
        old = stored.data
        new = dict(old)
        if "content" in payload:
            new["content"] = payload["content"] or ""
            guild = self.world.guild_of_channel(stored.channel_id)
            mentions, roles, everyone = self._resolve_mentions(
                new["content"], payload.get("allowed_mentions"), guild
            )
            new.update(mentions=mentions, mention_roles=roles, mention_everyone=everyone)
        if "embeds" in payload:
            new["embeds"] = [{"type": "rich", **e} for e in payload["embeds"] or []]
        if "components" in payload:
            new["components"] = list(payload["components"] or [])
        flags = old.get("flags", 0) & ~FLAG_LOADING
        if payload.get("flags") is not None:
            keep = FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2
            flags = (flags & ~keep) | (payload["flags"] & keep)
        new["flags"] = flags
        if "attachments" in payload:
            keep_ids = {str(a.get("id")) for a in payload["attachments"] or []}
            new["attachments"] = [a for a in old.get("attachments", []) if a["id"] in keep_ids]
        if files:
            new["attachments"] = list(new.get("attachments", [])) + self._attachments(
                files, payload
            )
        if is_empty_message(new):
            raise ApiError(400, 50006, "Cannot send an empty message")
        if not stored.loading:
            new["edited_timestamp"] = iso_now()
        old.clear()
        old.update(new)
        stored.edits.append(payload)
        stored.updated_at = time.monotonic()
        log.debug("message %s edited via %s", stored.id, route)
        await self._dispatch_message("MESSAGE_UPDATE", stored)
        self.notifier.notify()
        return stored

    async def delete_stored_message(self, stored: StoredMessage) -> None:
        """Mark a message deleted and dispatch MESSAGE_DELETE."""
        stored.deleted = True
        if not stored.ephemeral:
            guild = self.world.guild_of_channel(stored.channel_id)
            data: dict[str, Any] = {"id": str(stored.id), "channel_id": str(stored.channel_id)}
            if guild is not None:
                data["guild_id"] = str(guild.id)
            await self.gateway.dispatch(
                "MESSAGE_DELETE",
                data,
                guild_id=guild.id if guild else None,
                intent=Intent.GUILD_MESSAGES,
            )
        self.notifier.notify()

    # -- world changes (dispatching the matching events) ----------------------------------------

    async def add_guild(
        self,
        name: str,
        *,
        channels: tuple[str, ...] = ("general",),
        guild_id: int | None = None,
        shard: tuple[int, int] | None = None,
    ) -> Guild:
        """Add a guild the bot is in; dispatch GUILD_CREATE to its shard if connected.

        ``shard=(shard_id, shard_count)`` picks an id that lands on that shard.
        """
        if guild_id is None and shard is not None:
            guild_id = self.snowflakes.for_shard(*shard)
        guild = self.world.add_guild(name, guild_id=guild_id, channels=channels)

        def transform(session: GatewaySession, _: dict[str, Any]) -> dict[str, Any]:
            return guild.to_gateway_payload(
                include_all_members=bool(session.intents & Intent.GUILD_MEMBERS),
                bot_user_id=self.bot_user_id,
            )

        await self.gateway.dispatch("GUILD_CREATE", {}, guild_id=guild.id, transform=transform)
        self.notifier.notify()
        return guild

    async def add_channel(
        self,
        name: str,
        *,
        guild_id: int | None = None,
        overwrites: list[Overwrite] | None = None,
        topic: str | None = None,
    ) -> Channel:
        """Add a text channel and dispatch CHANNEL_CREATE."""
        gid = guild_id or self.guild_id
        channel = self.world.add_channel(gid, name, overwrites=overwrites, topic=topic)
        await self.gateway.dispatch(
            "CHANNEL_CREATE", channel.to_payload(), guild_id=gid, intent=Intent.GUILDS
        )
        return channel

    async def delete_channel(self, channel_id: int) -> None:
        """Delete a channel: later posts get 404 Unknown Channel (10003)."""
        guild = self.world.guild_of_channel(channel_id)
        if guild is None:
            raise KeyError(f"unknown channel {channel_id}")
        channel = guild.channels.pop(channel_id)
        self.deleted_channels[channel_id] = channel
        await self.gateway.dispatch(
            "CHANNEL_DELETE", channel.to_payload(), guild_id=guild.id, intent=Intent.GUILDS
        )

    async def set_overwrite(
        self, channel_id: int, target_id: int, *, allow: int = 0, deny: int = 0
    ) -> None:
        """Replace a channel overwrite for a role or member and dispatch CHANNEL_UPDATE."""
        guild = self.world.guild_of_channel(channel_id)
        if guild is None:
            raise KeyError(f"unknown channel {channel_id}")
        channel = guild.channels[channel_id]
        kind = 0 if target_id in guild.roles else 1
        channel.overwrites = [o for o in channel.overwrites if o.id != target_id]
        if allow or deny:
            channel.overwrites.append(Overwrite(target_id, kind, allow, deny))
        await self.gateway.dispatch(
            "CHANNEL_UPDATE", channel.to_payload(), guild_id=guild.id, intent=Intent.GUILDS
        )

    async def revoke_permissions(
        self, channel_id: int, permissions: int, *, target_id: int | None = None
    ) -> None:
        """Deny permissions in a channel (default target: the bot member); posts then get 50013."""
        guild = self.world.guild_of_channel(channel_id)
        if guild is None:
            raise KeyError(f"unknown channel {channel_id}")
        target = target_id or self.bot_user_id
        current = guild.channels[channel_id].overwrite_for(target)
        allow = (current.allow if current else 0) & ~permissions
        deny = (current.deny if current else 0) | permissions
        await self.set_overwrite(channel_id, target, allow=allow, deny=deny)

    async def set_role_permissions(
        self, role_id: int, permissions: int, *, guild_id: int | None = None
    ) -> None:
        """Change a role's permissions and dispatch GUILD_ROLE_UPDATE."""
        gid = guild_id or self.guild_id
        role = self.world.guilds[gid].roles[role_id]
        role.permissions = permissions
        await self.gateway.dispatch(
            "GUILD_ROLE_UPDATE",
            {"guild_id": str(gid), "role": role.to_payload()},
            guild_id=gid,
            intent=Intent.GUILDS,
        )

    async def add_member(
        self, username: str, *, roles: Sequence[int] = (), guild_id: int | None = None
    ) -> User:
        """Create a user, add them to a guild and dispatch GUILD_MEMBER_ADD."""
        gid = guild_id or self.guild_id
        user = self.world.add_user(username)
        member = self.world.add_member(gid, user, roles=list(roles))
        await self.gateway.dispatch(
            "GUILD_MEMBER_ADD",
            {**member.to_payload(), "guild_id": str(gid)},
            guild_id=gid,
            intent=Intent.GUILD_MEMBERS,
        )
        return user

    # -- waiting --------------------------------------------------------------------------------

    async def wait_for(
        self,
        predicate: Callable[[], T | None],
        timeout: float,  # noqa: ASYNC109 - timeouts are part of the test API
        what: str = "condition",
    ) -> T:
        """Wait until ``predicate()`` returns non-None, re-checking on every emulator change."""
        return await self.notifier.wait_for(predicate, timeout, what)

    async def wait_until_ready(
        self,
        shard_id: int = 0,
        timeout: float = 10.0,  # noqa: ASYNC109 - timeouts are part of the test API
        *,
        since: float | None = None,
    ) -> GatewaySession:
        """Wait until a shard identified and got READY plus its GUILD_CREATEs."""

        def ready() -> GatewaySession | None:
            session = self.gateway.by_shard.get(shard_id)
            if session is None or not session.ready:
                return None
            if since is not None and session.created_at < since:
                return None
            return session

        return await self.wait_for(ready, timeout, f"shard {shard_id} READY")

    async def wait_for_commands(
        self,
        guild_id: int | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109 - timeouts are part of the test API
        *,
        since: float | None = None,
    ) -> list[dict[str, Any]]:
        """Wait for a bulk overwrite of a guild's (or, with None, the global) commands."""

        def synced() -> list[dict[str, Any]] | None:
            for sync in self.command_syncs:
                if sync.guild_id == guild_id and (since is None or sync.time >= since):
                    return self.commands_for(guild_id)
            return None

        return await self.wait_for(synced, timeout, f"command sync for {guild_id or 'global'}")

    async def wait_for_resume(
        self,
        shard_id: int = 0,
        count: int = 1,
        timeout: float = 10.0,  # noqa: ASYNC109 - timeouts are part of the test API
    ) -> None:
        """Wait until a shard has RESUMEd at least ``count`` times in total."""
        await self.wait_for(
            lambda: True if self.resumes.get(shard_id, 0) >= count else None,
            timeout,
            f"shard {shard_id} RESUME",
        )

    async def wait_for_channel_message(
        self,
        channel_id: int,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - timeouts are part of the test API
        *,
        reply_to: dict[str, Any] | int | None = None,
        after: dict[str, Any] | int | None = None,
    ) -> dict[str, Any]:
        """Return the first visible bot message in a channel matching the filters.

        ``reply_to`` keeps replies to that message (checks ``message_reference``); ``after`` keeps
        messages newer than that message or id.
        """
        ref_id = _message_id(reply_to) if reply_to is not None else None
        after_id = _message_id(after) if after is not None else 0

        def find() -> dict[str, Any] | None:
            for stored in self.channel_history(channel_id):
                data = stored.data
                if not stored.by_bot or stored.id <= after_id:
                    continue
                if ref_id is not None and (data.get("message_reference") or {}).get(
                    "message_id"
                ) != str(ref_id):
                    continue
                if predicate is not None and not predicate(data):
                    continue
                return data
            return None

        return await self.wait_for(find, timeout, f"a bot message in channel {channel_id}")

    # -- simulated users ------------------------------------------------------------------------

    def _find_command(self, name: str, guild_id: int) -> dict[str, Any]:
        for scope in (guild_id, None):
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name and cmd.get("type", 1) == 1:
                    return cmd
        registered = {str(k or "global"): [c["name"] for c in v] for k, v in self.commands.items()}
        raise LookupError(
            f"/{name} is not registered for guild {guild_id} or globally: {registered}"
        )

    def _typed_option(
        self,
        defn: dict[str, Any],
        value: Any,
        *,
        guild: Guild,
        channel_id: int,
        user_id: int,
        force: bool,
        resolved: dict[str, dict[str, Any]],
    ) -> dict[str, Any]:
        """Convert a test value to the option payload Discord would send for this definition."""
        otype = defn["type"]
        name = defn["name"]
        out: dict[str, Any] = {"name": name, "type": otype}
        try:
            if otype == 3:
                out["value"] = value if force and not isinstance(value, str) else str(value)
            elif otype == 4:
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError(f"{value!r} is not an integer")
                out["value"] = int(value)
            elif otype == 5:
                if not isinstance(value, bool):
                    raise ValueError(f"{value!r} is not a boolean")
                out["value"] = value
            elif otype == 10:
                out["value"] = float(value)
            elif otype == 7:
                channel = self._resolve_channel(value, guild)
                out["value"] = str(channel.id)
                perms = guild.channel_permissions(user_id, channel.id)
                resolved.setdefault("channels", {})[str(channel.id)] = {
                    **channel.to_payload(),
                    "permissions": str(perms),
                }
                types = defn.get("channel_types")
                if types and channel.type not in types and not force:
                    raise ValueError(f"channel type {channel.type} not in {types}")
            elif otype in (6, 9) and not (otype == 9 and _is_role(value, guild)):
                user = self._user(value)
                out["value"] = str(user.id)
                resolved.setdefault("users", {})[str(user.id)] = user.to_payload()
                member = guild.members.get(user.id)
                if member is not None:
                    resolved.setdefault("members", {})[str(user.id)] = {
                        **member.to_payload(include_user=False),
                        "permissions": str(guild.channel_permissions(user.id, channel_id)),
                    }
            elif otype in (8, 9):
                role = (
                    value
                    if isinstance(value, Role)
                    else (
                        guild.role_by_name(value)
                        if isinstance(value, str)
                        else guild.roles[int(value)]
                    )
                )
                out["value"] = str(role.id)
                resolved.setdefault("roles", {})[str(role.id)] = role.to_payload()
            elif otype == 11:
                if not isinstance(value, dict):
                    raise ValueError("attachment options need an attachment dict")
                out["value"] = str(value["id"])
                resolved.setdefault("attachments", {})[str(value["id"])] = value
            else:
                raise ValueError(f"unsupported option type {otype}")
        except (ValueError, TypeError, KeyError) as exc:
            if not force:
                raise ValueError(f"option {name!r}: {exc}") from exc
            out["value"] = value
            return out
        if not force:
            _check_constraints(defn, out["value"])
        return out

    def _resolve_channel(self, value: Any, guild: Guild) -> Channel:
        if isinstance(value, Channel):
            return value
        if isinstance(value, str) and not value.isdigit():
            return guild.channel_by_name(value)
        channel = self.world.find_channel(int(value)) or self.deleted_channels.get(int(value))
        if channel is None:
            raise KeyError(f"unknown channel {value}")
        return channel

    def _build_options(
        self,
        defs: list[dict[str, Any]],
        options: Options,
        *,
        guild: Guild,
        channel_id: int,
        user_id: int,
        force: bool,
        resolved: dict[str, dict[str, Any]],
        focused: str | None = None,
    ) -> list[dict[str, Any]]:
        pairs: list[tuple[str, Any]]
        if options is None:
            pairs = []
        elif isinstance(options, dict):
            pairs = list(options.items())
        else:
            pairs = [
                (o["name"], o["value"]) if isinstance(o, dict) else (o[0], o[1]) for o in options
            ]
        by_name = {d["name"]: d for d in defs}
        out = []
        for name, value in pairs:
            defn = by_name.get(name)
            if defn is None:
                if not force:
                    raise ValueError(f"option {name!r} is not registered; known: {sorted(by_name)}")
                defn = {"name": name, "type": 3}
            if name == focused:
                # Autocomplete sends whatever the user has typed so far, unvalidated.
                out.append({"name": name, "type": defn["type"], "value": value, "focused": True})
                continue
            if focused is not None and defn["type"] in (6, 7, 8, 9, 11):
                # Discord sends no resolved data with autocomplete.
                out.append(
                    {"name": name, "type": defn["type"], "value": str(getattr(value, "id", value))}
                )
                continue
            out.append(
                self._typed_option(
                    defn,
                    value,
                    guild=guild,
                    channel_id=channel_id,
                    user_id=user_id,
                    force=force,
                    resolved=resolved,
                )
            )
        if not force and focused is None:
            given = {name for name, _ in pairs}
            missing = [d["name"] for d in defs if d.get("required") and d["name"] not in given]
            if missing:
                raise ValueError(f"required options missing: {missing}")
        return out

    def _interaction(
        self,
        itype: int,
        data: dict[str, Any],
        *,
        user: User,
        guild_id: int | None,
        channel_id: int | None,
        locale: str,
        message: StoredMessage | None = None,
        name: str | None = None,
    ) -> tuple[dict[str, Any], InteractionRecord]:
        guild = self.world.guilds[guild_id or self.guild_id]
        channel = guild.channels.get(channel_id) if channel_id else _default_channel(guild)
        if channel is None:
            raise KeyError(f"channel {channel_id} is not in guild {guild.id}")
        member = guild.members.get(user.id)
        if member is None:
            raise KeyError(f"user {user.username} is not a member of guild {guild.name}")
        iid = self.snowflakes.next()
        token = base64.urlsafe_b64encode(
            f"interaction:{iid}:{secrets.token_urlsafe(48)}".encode()
        ).decode()
        token = token.rstrip("=")
        perms = guild.channel_permissions(user.id, channel.id)
        payload: dict[str, Any] = {
            "id": str(iid),
            "application_id": str(self.app_id),
            "type": itype,
            "data": data,
            "guild_id": str(guild.id),
            "guild": {
                "id": str(guild.id),
                "locale": guild.locale,
                "features": list(guild.features),
            },
            "channel_id": str(channel.id),
            "channel": {**channel.to_payload(), "permissions": str(perms)},
            "member": {**member.to_payload(), "permissions": str(perms)},
            "token": token,
            "version": 1,
            "app_permissions": str(guild.channel_permissions(self.bot_user_id, channel.id)),
            "locale": locale,
            "guild_locale": guild.locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message.data
        rec = InteractionRecord(
            self,
            interaction_id=iid,
            token=token,
            type=itype,
            payload=payload,
            created_at=time.monotonic(),
            guild_id=guild.id,
            channel_id=channel.id,
            component_message_id=message.id if message is not None else None,
            user_id=user.id,
            name=name,
        )
        return payload, rec

    async def _dispatch_interaction(
        self, payload: dict[str, Any], rec: InteractionRecord
    ) -> InteractionRecord:
        self.interactions[rec.id] = rec
        self.interactions_by_token[rec.token] = rec
        delivered = await self.gateway.dispatch(
            "INTERACTION_CREATE", payload, guild_id=rec.guild_id
        )
        if not delivered:
            raise RuntimeError(
                f"no gateway session receives guild {rec.guild_id}'s interactions; is the bot up?"
            )
        self.notifier.notify()
        return rec

    def _command_data(
        self,
        name: str,
        options: Options,
        *,
        guild: Guild,
        channel_id: int,
        user_id: int,
        subcommand: str | None,
        raw_options: list[dict[str, Any]] | None,
        force: bool,
        focused: str | None = None,
    ) -> tuple[dict[str, Any], str]:
        path = name.split() + (subcommand.split() if subcommand else [])
        cmd = self._find_command(path[0], guild.id)
        data: dict[str, Any] = {"id": cmd["id"], "name": cmd["name"], "type": cmd.get("type", 1)}
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        if raw_options is not None:
            data["options"] = raw_options
            return data, cmd["name"]
        defs = cmd.get("options") or []
        chain: list[dict[str, Any]] = []
        for sub in path[1:]:
            found = next((d for d in defs if d["name"] == sub and d["type"] in (1, 2)), None)
            if found is None:
                raise LookupError(f"/{' '.join(path)}: no subcommand {sub!r}")
            chain.append(found)
            defs = found.get("options") or []
        if defs and any(d["type"] in (1, 2) for d in defs):
            raise LookupError(f"/{' '.join(path)} needs a subcommand: {[d['name'] for d in defs]}")
        resolved: dict[str, dict[str, Any]] = {}
        leaf = self._build_options(
            defs,
            options,
            guild=guild,
            channel_id=channel_id,
            user_id=user_id,
            force=force,
            resolved=resolved,
            focused=focused,
        )
        for group in reversed(chain):
            leaf = [{"name": group["name"], "type": group["type"], "options": leaf}]
        data["options"] = leaf
        if resolved:
            data["resolved"] = resolved
        return data, cmd["name"]

    async def send_command(
        self,
        name: str,
        options: Options = None,
        *,
        user: UserLike | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
        subcommand: str | None = None,
        raw_options: list[dict[str, Any]] | None = None,
        force: bool = False,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """Invoke a registered slash command as ``user`` and return its InteractionRecord.

        ``name`` may include the subcommand path ("recaps schedule"). Option values are typed
        from the registered definitions (channels by id or name, users as User or id, roles by
        name or id) and checked against min/max, lengths and choices; ``force=True`` sends them
        unchecked (a client ignoring the limits), ``raw_options`` sends exactly what is given.
        """
        who = self._user(user, self.member)
        guild = self.world.guilds[guild_id or self.guild_id]
        cid = channel_id or _default_channel(guild).id
        data, cmd_name = self._command_data(
            name,
            options,
            guild=guild,
            channel_id=cid,
            user_id=who.id,
            subcommand=subcommand,
            raw_options=raw_options,
            force=force,
        )
        payload, rec = self._interaction(
            2, data, user=who, guild_id=guild.id, channel_id=cid, locale=locale, name=cmd_name
        )
        log.info(
            "dispatching /%s%s as %s", name, f" {subcommand}" if subcommand else "", who.username
        )
        return await self._dispatch_interaction(payload, rec)

    async def send_autocomplete(
        self,
        name: str,
        options: Options = None,
        *,
        focused: str,
        user: UserLike | None = None,
        guild_id: int | None = None,
        channel_id: int | None = None,
        subcommand: str | None = None,
        locale: str = "en-US",
        timeout: float = 5.0,  # noqa: ASYNC109 - timeouts are part of the test API
    ) -> list[dict[str, Any]]:
        """Send an AUTOCOMPLETE interaction for ``focused`` and return the bot's choices."""
        who = self._user(user, self.member)
        guild = self.world.guilds[guild_id or self.guild_id]
        cid = channel_id or _default_channel(guild).id
        opts: dict[str, Any] = (
            dict(options)
            if isinstance(options, dict)
            else dict(
                (o["name"], o["value"]) if isinstance(o, dict) else (o[0], o[1])
                for o in options or []
            )
        )
        opts.setdefault(focused, "")
        data, cmd_name = self._command_data(
            name,
            opts,
            guild=guild,
            channel_id=cid,
            user_id=who.id,
            subcommand=subcommand,
            raw_options=None,
            force=False,
            focused=focused,
        )
        payload, rec = self._interaction(
            4, data, user=who, guild_id=guild.id, channel_id=cid, locale=locale, name=cmd_name
        )
        await self._dispatch_interaction(payload, rec)
        first = await rec.first_response(timeout)
        if first.type != 8:
            raise AssertionError(
                f"autocomplete answered with callback type {first.type}, expected 8"
            )
        return list((first.data or {}).get("choices", []))

    def _stored(self, message: dict[str, Any] | int | StoredMessage) -> StoredMessage:
        if isinstance(message, StoredMessage):
            return message
        stored = self.messages.get(_message_id(message))
        if stored is None or stored.deleted:
            raise KeyError(f"message {_message_id(message)} does not exist")
        return stored

    async def _component(
        self,
        message: dict[str, Any] | int | StoredMessage,
        custom_id: str,
        extra: dict[str, Any],
        user: UserLike | None,
        locale: str,
    ) -> InteractionRecord:
        stored = self._stored(message)
        wait = stored.updated_at + self.reaction_time - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        comp = _find_component(stored.data.get("components") or [], custom_id)
        if comp is None:
            raise LookupError(f"message {stored.id} has no component with custom_id {custom_id!r}")
        if comp.get("disabled"):
            raise AssertionError(f"component {custom_id!r} is disabled; a user cannot use it")
        who = self._user(user, self.member)
        guild = self.world.guild_of_channel(stored.channel_id)
        data = {"custom_id": custom_id, "component_type": comp["type"], **extra}
        payload, rec = self._interaction(
            3,
            data,
            user=who,
            guild_id=guild.id if guild else None,
            channel_id=stored.channel_id,
            locale=locale,
            message=stored,
        )
        return await self._dispatch_interaction(payload, rec)

    async def press_button(
        self,
        message: dict[str, Any] | int | StoredMessage,
        custom_id: str,
        *,
        user: UserLike | None = None,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """Click a button on a message the bot sent (MESSAGE_COMPONENT, component_type 2)."""
        return await self._component(message, custom_id, {}, user, locale)

    async def select_menu(
        self,
        message: dict[str, Any] | int | StoredMessage,
        custom_id: str,
        values: list[str],
        *,
        user: UserLike | None = None,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """Choose values in a select menu on a bot message."""
        return await self._component(message, custom_id, {"values": values}, user, locale)

    async def submit_modal(
        self,
        rec: InteractionRecord,
        values: dict[str, str],
        *,
        user: UserLike | None = None,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """Submit the modal the bot opened in answer to ``rec`` (callback type 9)."""
        first = next((c for c in rec.callbacks if c.type == 9), None)
        if first is None or not first.data:
            raise AssertionError(f"interaction {rec.id} did not open a modal")
        rows = []
        for comp in first.data.get("components", []):
            if comp.get("type") == 1:
                inner = [
                    {
                        "type": c["type"],
                        "custom_id": c["custom_id"],
                        "value": values.get(c["custom_id"], ""),
                    }
                    for c in comp.get("components", [])
                ]
                rows.append({"type": 1, "components": inner})
            elif comp.get("type") == 18 and isinstance(comp.get("component"), dict):
                c = comp["component"]
                rows.append(
                    {
                        "type": 18,
                        "component": {
                            "type": c["type"],
                            "custom_id": c["custom_id"],
                            "value": values.get(c["custom_id"], ""),
                        },
                    }
                )
        data = {"custom_id": first.data["custom_id"], "components": rows}
        who = self._user(user, self.world.users.get(rec.user_id or 0))
        message = self.messages.get(rec.component_message_id or 0)
        payload, new = self._interaction(
            5,
            data,
            user=who,
            guild_id=rec.guild_id,
            channel_id=rec.channel_id,
            locale=locale,
            message=message,
        )
        return await self._dispatch_interaction(payload, new)

    async def send_message(
        self,
        content: str,
        *,
        author: UserLike | None = None,
        channel_id: int | None = None,
        mention_bot: bool = True,
        reply_to: dict[str, Any] | int | None = None,
    ) -> dict[str, Any]:
        """Post a user message (MESSAGE_CREATE); ``mention_bot`` prefixes the bot's mention."""
        who = self._user(author, self.member)
        cid = channel_id or self.channel_id("general")
        if (
            mention_bot
            and self.bot_user.mention not in content
            and f"<@!{self.bot_user_id}>" not in content
        ):
            content = f"{self.bot_user.mention} {content}"
        payload: dict[str, Any] = {"content": content}
        if reply_to is not None:
            payload["message_reference"] = {
                "message_id": str(_message_id(reply_to)),
                "channel_id": str(cid),
            }
        stored = await self.create_channel_message(cid, who, payload, by_bot=False)
        return stored.data

    # -- faults ---------------------------------------------------------------------------------

    async def drop_gateway(self, shard_id: int = 0, code: int | None = None) -> None:
        """Drop a shard's socket (abruptly, or with a close code) so the bot RESUMEs.

        Dispatches while it is gone are queued and replayed on RESUME.
        """
        await self.gateway.drop(shard_id, code)

    async def request_reconnect(self, shard_id: int = 0) -> None:
        """Send op 7 RECONNECT (discord.py closes and RESUMEs)."""
        await self.gateway.send_op(shard_id, RECONNECT, None)

    async def invalidate_session(self, shard_id: int = 0, *, resumable: bool = False) -> None:
        """Send op 9 INVALID_SESSION (non-resumable forces a new IDENTIFY)."""
        await self.gateway.send_op(shard_id, INVALID_SESSION, resumable)

    def inject(
        self,
        route_regex: str,
        status: int = 429,
        count: int = 1,
        *,
        retry_after: float | None = None,
        global_: bool = False,
        delay: float | None = None,
        method: str | None = None,
        body: dict[str, Any] | None = None,
    ) -> Fault:
        """Make the next ``count`` requests matching ``route_regex`` (searched in the path after
        /api/v10) fail with ``status``; 429s carry Discord's body and headers. ``status=0`` with
        ``delay`` gives a slow but successful response.
        """
        fault = Fault(
            re.compile(route_regex), status, count, retry_after, global_, delay, method, body
        )
        self.faults.append(fault)
        return fault


def _default_channel(guild: Guild) -> Channel:
    """Return where simulated users type by default: the system channel, else the first one."""
    if guild.system_channel_id in guild.channels:
        return guild.channels[guild.system_channel_id]  # type: ignore[index]
    if not guild.channels:
        raise LookupError(f"guild {guild.name!r} has no channels")
    return next(iter(guild.channels.values()))


def _message_id(message: dict[str, Any] | int | StoredMessage) -> int:
    if isinstance(message, StoredMessage):
        return message.id
    if isinstance(message, dict):
        return int(message["id"])
    return int(message)


def _is_role(value: Any, guild: Guild) -> bool:
    if isinstance(value, Role):
        return True
    if isinstance(value, str) and not value.isdigit():
        return any(r.name == value for r in guild.roles.values())
    try:
        return int(value) in guild.roles
    except (TypeError, ValueError):
        return False


def _find_component(components: list[dict[str, Any]], custom_id: str) -> dict[str, Any] | None:
    for comp in components:
        if comp.get("custom_id") == custom_id:
            return comp
        for key in ("components", "accessory"):
            child = comp.get(key)
            children = (
                child if isinstance(child, list) else [child] if isinstance(child, dict) else []
            )
            found = _find_component(children, custom_id)
            if found is not None:
                return found
    return None


def _check_constraints(defn: dict[str, Any], value: Any) -> None:
    """Refuse values a real client would not let a user send (min/max, lengths, choices)."""
    name = defn["name"]
    choices = defn.get("choices")
    if choices and value not in [c["value"] for c in choices]:
        raise ValueError(f"option {name!r}: {value!r} is not one of the choices")
    if defn["type"] in (4, 10):
        lo, hi = defn.get("min_value"), defn.get("max_value")
        if lo is not None and value < lo:
            raise ValueError(
                f"option {name!r}: {value} < min_value {lo} (use force=True to send anyway)"
            )
        if hi is not None and value > hi:
            raise ValueError(
                f"option {name!r}: {value} > max_value {hi} (use force=True to send anyway)"
            )
    if defn["type"] == 3:
        lo, hi = defn.get("min_length"), defn.get("max_length")
        if lo is not None and len(value) < lo:
            raise ValueError(f"option {name!r}: length {len(value)} < min_length {lo}")
        if hi is not None and len(value) > hi:
            raise ValueError(f"option {name!r}: length {len(value)} > max_length {hi}")
