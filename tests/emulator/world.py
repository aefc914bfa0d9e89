"""The emulated Discord world: users, guilds, roles, channels, members and permission maths.

The emulator needs one source of truth that both the gateway (READY, GUILD_CREATE) and REST
(GET /guilds/..., permission checks on POST /channels/.../messages) read from, so that what the
bot caches and what the server enforces can never disagree.
"""

from __future__ import annotations

import datetime
import itertools
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

__all__ = [
    "ALL_PERMISSIONS",
    "DISCORD_EPOCH_MS",
    "Channel",
    "Guild",
    "Member",
    "Overwrite",
    "Perm",
    "Role",
    "SnowflakeGenerator",
    "User",
    "World",
    "iso_now",
    "shard_for_guild",
]

DISCORD_EPOCH_MS = 1420070400000


class Perm:
    """Permission bits used by the emulator (values from Discord's documentation)."""

    CREATE_INSTANT_INVITE = 1 << 0
    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    SEND_TTS_MESSAGES = 1 << 12
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CHANGE_NICKNAME = 1 << 26
    MANAGE_ROLES = 1 << 28
    USE_APPLICATION_COMMANDS = 1 << 31
    SEND_MESSAGES_IN_THREADS = 1 << 38


ALL_PERMISSIONS = (1 << 51) - 1

EVERYONE_DEFAULT = (
    Perm.CREATE_INSTANT_INVITE
    | Perm.ADD_REACTIONS
    | Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.USE_EXTERNAL_EMOJIS
    | Perm.CHANGE_NICKNAME
    | Perm.USE_APPLICATION_COMMANDS
    | Perm.SEND_MESSAGES_IN_THREADS
)
MODERATOR_DEFAULT = Perm.MANAGE_GUILD | Perm.MANAGE_MESSAGES | Perm.KICK_MEMBERS
BOT_ROLE_DEFAULT = (
    Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.ADD_REACTIONS
    | Perm.USE_EXTERNAL_EMOJIS
    | Perm.SEND_MESSAGES_IN_THREADS
)


def iso_now() -> str:
    """Return the current UTC time in the ISO format Discord uses for timestamps."""
    return datetime.datetime.now(datetime.UTC).isoformat()


def shard_for_guild(guild_id: int, shard_count: int) -> int:
    """Return the shard a guild belongs to, by Discord's formula."""
    return (guild_id >> 22) % shard_count


class SnowflakeGenerator:
    """Make real-looking snowflakes (current timestamp inside).

    discord.py derives ``Interaction.created_at``/``expires_at`` and message-delete sub-rate-limits
    from the timestamp bits, so ids must carry the real current time, not small counters.
    """

    def __init__(self, worker: int = 1) -> None:
        self._worker = worker & 0x1F
        self._process = os.getpid() & 0x1F
        self._counter = itertools.count()
        self._lock = threading.Lock()
        self._last = 0

    def next(self) -> int:
        """Return a new snowflake, strictly greater than the previous one."""
        with self._lock:
            ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
            increment = next(self._counter) & 0xFFF
            value = (ms << 22) | (self._worker << 17) | (self._process << 12) | increment
            if value <= self._last:
                value = self._last + 1
            self._last = value
            return value

    def for_shard(self, shard_id: int, shard_count: int) -> int:
        """Return a new snowflake whose guild shard is ``shard_id`` (for sharding tests)."""
        value = self.next()
        while shard_for_guild(value, shard_count) != shard_id:
            value += 1 << 22
        with self._lock:
            self._last = max(self._last, value)
        return value


@dataclass
class User:
    """A Discord user (human or bot)."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    @property
    def mention(self) -> str:
        """Return the ``<@id>`` mention string."""
        return f"<@{self.id}>"

    def to_payload(self) -> dict[str, Any]:
        """Return the user object as Discord sends it."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
            "collectibles": None,
            "primary_guild": None,
        }
        if self.bot:
            data["bot"] = True
        return data


@dataclass
class Role:
    """A guild role; the @everyone role has the guild's id."""

    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    bot_id: int | None = None
    color: int = 0
    hoist: bool = False
    mentionable: bool = False

    def to_payload(self) -> dict[str, Any]:
        """Return the role object as Discord sends it."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "name": self.name,
            "color": self.color,
            "colors": {
                "primary_color": self.color,
                "secondary_color": None,
                "tertiary_color": None,
            },
            "hoist": self.hoist,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass
class Overwrite:
    """A channel permission overwrite; ``type`` 0 targets a role, 1 a member."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0

    def to_payload(self) -> dict[str, Any]:
        """Return the overwrite as Discord sends it."""
        return {
            "id": str(self.id),
            "type": self.type,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


@dataclass
class Channel:
    """A guild channel (text by default)."""

    id: int
    guild_id: int
    name: str
    type: int = 0
    position: int = 0
    overwrites: list[Overwrite] = field(default_factory=list)
    topic: str | None = None
    parent_id: int | None = None
    nsfw: bool = False
    last_message_id: int | None = None

    @property
    def mention(self) -> str:
        """Return the ``<#id>`` mention string."""
        return f"<#{self.id}>"

    def overwrite_for(self, target_id: int) -> Overwrite | None:
        """Return the overwrite for a role or member id, if any."""
        return next((o for o in self.overwrites if o.id == target_id), None)

    def to_payload(self) -> dict[str, Any]:
        """Return the channel object as Discord sends it."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [o.to_payload() for o in self.overwrites],
            "parent_id": str(self.parent_id) if self.parent_id else None,
            "nsfw": self.nsfw,
            "flags": 0,
        }
        if self.type in (0, 5):
            data.update(
                {
                    "topic": self.topic,
                    "last_message_id": str(self.last_message_id) if self.last_message_id else None,
                    "rate_limit_per_user": 0,
                    "default_auto_archive_duration": 1440,
                }
            )
        return data


@dataclass
class Member:
    """A user's membership in a guild."""

    user: User
    role_ids: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: str = field(default_factory=iso_now)

    def to_payload(self, *, include_user: bool = True) -> dict[str, Any]:
        """Return the guild member object as Discord sends it."""
        data: dict[str, Any] = {
            "roles": [str(r) for r in self.role_ids],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if include_user:
            data["user"] = self.user.to_payload()
        return data


@dataclass
class Guild:
    """A guild with its roles, channels and members."""

    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    system_channel_id: int | None = None
    locale: str = "en-US"
    features: list[str] = field(default_factory=list)

    @property
    def everyone(self) -> Role:
        """Return the @everyone role (its id equals the guild id)."""
        return self.roles[self.id]

    def channel_by_name(self, name: str) -> Channel:
        """Return the channel called ``name`` (leading ``#`` ignored)."""
        wanted = name.lstrip("#")
        for channel in self.channels.values():
            if channel.name == wanted:
                return channel
        raise KeyError(f"no channel named {name!r} in guild {self.name!r}")

    def role_by_name(self, name: str) -> Role:
        """Return the role called ``name``."""
        for role in self.roles.values():
            if role.name == name:
                return role
        raise KeyError(f"no role named {name!r} in guild {self.name!r}")

    def base_permissions(self, user_id: int) -> int:
        """Compute guild-level permissions for a member (Discord's documented algorithm)."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(user_id)
        if member is None:
            return 0
        perms = self.everyone.permissions
        for role_id in member.role_ids:
            role = self.roles.get(role_id)
            if role is not None:
                perms |= role.permissions
        if perms & Perm.ADMINISTRATOR:
            return ALL_PERMISSIONS
        return perms

    def channel_permissions(self, user_id: int, channel_id: int) -> int:
        """Compute a member's permissions in a channel, overwrites and implicit denials included."""
        base = self.base_permissions(user_id)
        if base == ALL_PERMISSIONS:
            return ALL_PERMISSIONS
        channel = self.channels.get(channel_id)
        if channel is None:
            return 0
        perms = base
        everyone_ow = channel.overwrite_for(self.id)
        if everyone_ow is not None:
            perms = (perms & ~everyone_ow.deny) | everyone_ow.allow
        member = self.members.get(user_id)
        role_ids = member.role_ids if member is not None else []
        allow = deny = 0
        for ow in channel.overwrites:
            if ow.type == 0 and ow.id in role_ids:
                allow |= ow.allow
                deny |= ow.deny
        perms = (perms & ~deny) | allow
        member_ow = next((o for o in channel.overwrites if o.type == 1 and o.id == user_id), None)
        if member_ow is not None:
            perms = (perms & ~member_ow.deny) | member_ow.allow
        # Implicit permissions: without VIEW_CHANNEL nothing works; without SEND_MESSAGES the
        # message-related extras are meaningless.
        if not perms & Perm.VIEW_CHANNEL:
            return 0
        if not perms & Perm.SEND_MESSAGES:
            perms &= ~(
                Perm.SEND_TTS_MESSAGES
                | Perm.MENTION_EVERYONE
                | Perm.EMBED_LINKS
                | Perm.ATTACH_FILES
            )
        return perms

    def to_gateway_payload(self, *, include_all_members: bool, bot_user_id: int) -> dict[str, Any]:
        """Return the GUILD_CREATE payload.

        Without the GUILD_MEMBERS intent Discord only includes the bot's own member, which is
        what makes discord.py's ``guild.me`` work; ``member_count`` is always the real total.
        """
        members = [
            m.to_payload()
            for m in self.members.values()
            if include_all_members or m.user.id == bot_user_id
        ]
        data = self.to_rest_payload()
        data.update(
            {
                "unavailable": False,
                "large": False,
                "member_count": len(self.members),
                "joined_at": self.members[bot_user_id].joined_at
                if bot_user_id in self.members
                else iso_now(),
                "channels": [c.to_payload() for c in self.channels.values()],
                "threads": [],
                "members": members,
                "presences": [],
                "voice_states": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "soundboard_sounds": [],
                "lazy": True,
            }
        )
        return data

    def to_rest_payload(self, *, with_counts: bool = False) -> dict[str, Any]:
        """Return the guild object as GET /guilds/{id} returns it."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "owner_id": str(self.owner_id),
            "region": "deprecated",
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 1,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": [r.to_payload() for r in self.roles.values()],
            "emojis": [],
            "stickers": [],
            "features": list(self.features),
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(self.system_channel_id) if self.system_channel_id else None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "max_members": 500000,
            "vanity_url_code": None,
            "description": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": self.locale,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "incidents_data": None,
        }
        if with_counts:
            data["approximate_member_count"] = len(self.members)
            data["approximate_presence_count"] = 0
        return data


@dataclass
class World:
    """Everything the emulated Discord knows about: users and guilds, plus the bot identity."""

    snowflakes: SnowflakeGenerator
    bot_user: User
    owner: User
    moderator: User
    member: User
    users: dict[int, User] = field(default_factory=dict)
    guilds: dict[int, Guild] = field(default_factory=dict)
    default_guild_id: int = 0

    @classmethod
    def default(cls, snowflakes: SnowflakeGenerator, *, bot_name: str = "Pitwall") -> World:
        """Build the standard test world.

        One guild with ``#general`` (bot may post), ``#read-only`` (member overwrite denies the
        bot SEND_MESSAGES) and ``#no-embeds`` (bot role overwrite denies EMBED_LINKS); roles
        @everyone, Moderator (MANAGE_GUILD) and the bot's managed role; members owner, moderator,
        a plain member and the bot.
        """
        bot_user = User(snowflakes.next(), bot_name, None, bot=True)
        owner = User(snowflakes.next(), "owner", "Guild Owner")
        moderator = User(snowflakes.next(), "moderator", "Race Director")
        member = User(snowflakes.next(), "fan", "Tifosi Fan")
        world = cls(snowflakes, bot_user, owner, moderator, member)
        for user in (bot_user, owner, moderator, member):
            world.users[user.id] = user
        guild = world.add_guild("Pitwall Paddock", owner=owner)
        moderator_role = world.add_role(guild.id, "Moderator", MODERATOR_DEFAULT)
        world.add_member(guild.id, moderator, roles=[moderator_role.id])
        world.add_member(guild.id, member)
        bot_role = guild.role_by_name(bot_name)
        world.add_channel(
            guild.id, "read-only", overwrites=[Overwrite(bot_user.id, 1, deny=Perm.SEND_MESSAGES)]
        )
        world.add_channel(
            guild.id, "no-embeds", overwrites=[Overwrite(bot_role.id, 0, deny=Perm.EMBED_LINKS)]
        )
        world.default_guild_id = guild.id
        return world

    @property
    def default_guild(self) -> Guild:
        """Return the guild created by :meth:`default`."""
        return self.guilds[self.default_guild_id]

    def add_user(self, username: str, *, global_name: str | None = None, bot: bool = False) -> User:
        """Create a user that exists on "Discord" but is in no guild yet."""
        user = User(self.snowflakes.next(), username, global_name, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(
        self,
        name: str,
        *,
        owner: User | None = None,
        guild_id: int | None = None,
        channels: tuple[str, ...] = ("general",),
        bot_permissions: int = BOT_ROLE_DEFAULT,
    ) -> Guild:
        """Create a guild the bot is in, with @everyone, the bot's role and text channels."""
        gid = guild_id if guild_id is not None else self.snowflakes.next()
        owner = owner or self.owner
        guild = Guild(gid, name, owner.id)
        guild.roles[gid] = Role(gid, "@everyone", EVERYONE_DEFAULT, position=0)
        bot_role = Role(
            self.snowflakes.next(),
            self.bot_user.username,
            bot_permissions,
            position=1,
            managed=True,
            bot_id=self.bot_user.id,
        )
        guild.roles[bot_role.id] = bot_role
        self.guilds[gid] = guild
        guild.members[owner.id] = Member(owner)
        guild.members[self.bot_user.id] = Member(self.bot_user, [bot_role.id])
        for channel_name in channels:
            channel = self.add_channel(gid, channel_name)
            if guild.system_channel_id is None:
                guild.system_channel_id = channel.id
        return guild

    def add_role(self, guild_id: int, name: str, permissions: int) -> Role:
        """Add a role above the existing ones."""
        guild = self.guilds[guild_id]
        position = max((r.position for r in guild.roles.values()), default=0) + 1
        role = Role(self.snowflakes.next(), name, permissions, position=position)
        guild.roles[role.id] = role
        return role

    def add_member(self, guild_id: int, user: User, *, roles: list[int] | None = None) -> Member:
        """Add (or replace) a user's membership in a guild."""
        self.users[user.id] = user
        member = Member(user, list(roles or []))
        self.guilds[guild_id].members[user.id] = member
        return member

    def add_channel(
        self,
        guild_id: int,
        name: str,
        *,
        type: int = 0,
        overwrites: list[Overwrite] | None = None,
        topic: str | None = None,
    ) -> Channel:
        """Add a channel at the bottom of the guild's channel list."""
        guild = self.guilds[guild_id]
        position = len(guild.channels)
        channel = Channel(
            self.snowflakes.next(), guild_id, name, type, position, list(overwrites or []), topic
        )
        guild.channels[channel.id] = channel
        return channel

    def find_channel(self, channel_id: int) -> Channel | None:
        """Return a live channel by id from any guild."""
        for guild in self.guilds.values():
            channel = guild.channels.get(channel_id)
            if channel is not None:
                return channel
        return None

    def guild_of_channel(self, channel_id: int) -> Guild | None:
        """Return the guild that owns a live channel."""
        channel = self.find_channel(channel_id)
        return self.guilds.get(channel.guild_id) if channel is not None else None
