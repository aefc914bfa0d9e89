"""The emulated gateway websocket: HELLO, IDENTIFY/READY, heartbeats, RESUME with replay.

Sessions outlive connections on purpose: a dropped connection leaves its session in place, new
dispatches keep their sequence numbers and wait in the session history, and a RESUME replays
everything after the client's last ``seq`` - the behaviour discord.py relies on to not lose
interactions across a reconnect.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from .world import shard_for_guild

if TYPE_CHECKING:
    from .emulator import DiscordEmulator

log = logging.getLogger(__name__)

__all__ = ["Gateway", "GatewayConnection", "GatewaySession", "Intent"]


class Intent:
    """Gateway intent bits the emulator honours."""

    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1
    GUILD_PRESENCES = 1 << 8
    GUILD_MESSAGES = 1 << 9
    DIRECT_MESSAGES = 1 << 12
    MESSAGE_CONTENT = 1 << 15
    PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT


# Opcodes
DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE_STATE = 0, 1, 2, 3, 4
RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 6, 7, 8, 9, 10, 11

Transform = Callable[["GatewaySession", dict[str, Any]], "dict[str, Any] | None"]


class GatewayConnection:
    """One websocket connection, with its own zlib-stream compression context.

    discord.py keeps one ``zlib.decompressobj`` per connection and only decodes when a frame
    ends with the Z_SYNC_FLUSH suffix, so each message is compressed then sync-flushed.
    """

    def __init__(
        self, ws: web.WebSocketResponse, request: web.Request, compress: str | None
    ) -> None:
        self.ws = ws
        self.request = request
        self.compress = compress
        self._zlib = zlib.compressobj() if compress == "zlib-stream" else None
        self._lock = asyncio.Lock()
        self.session: GatewaySession | None = None
        self.aborted = False
        self.opened_at = time.monotonic()

    @property
    def closed(self) -> bool:
        """Return True once the socket is closed or was aborted."""
        return self.aborted or self.ws.closed

    async def send(self, payload: dict[str, Any]) -> None:
        """Send one gateway payload, compressed if the client asked for zlib-stream."""
        text = json.dumps(payload, separators=(",", ":"))
        async with self._lock:
            if self._zlib is not None:
                data = self._zlib.compress(text.encode("utf-8")) + self._zlib.flush(
                    zlib.Z_SYNC_FLUSH
                )
                await self.ws.send_bytes(data)
            else:
                await self.ws.send_str(text)

    def abort(self) -> None:
        """Cut the TCP connection without a close frame (what a network failure looks like)."""
        self.aborted = True
        transport = self.request.transport
        if transport is not None:
            transport.abort()


@dataclass
class GatewaySession:
    """A gateway session: survives its connection so it can be resumed."""

    session_id: str
    shard_id: int
    shard_count: int
    intents: int
    connection: GatewayConnection | None
    created_at: float = field(default_factory=time.monotonic)
    seq: int = 0
    history: list[dict[str, Any]] = field(default_factory=list)
    ready: bool = False
    presence: dict[str, Any] | None = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def owns_guild(self, guild_id: int) -> bool:
        """Return True if this session's shard receives events for ``guild_id``."""
        return shard_for_guild(guild_id, self.shard_count) == self.shard_id

    @property
    def connected(self) -> bool:
        """Return True while a live connection is attached."""
        return self.connection is not None and not self.connection.closed


class Gateway:
    """Accept gateway websockets and route dispatches to the right shard session."""

    def __init__(self, emulator: DiscordEmulator) -> None:
        self.emu = emulator
        self.sessions: dict[str, GatewaySession] = {}
        self.by_shard: dict[int, GatewaySession] = {}
        self.connections: set[GatewayConnection] = set()
        self.presence_updates: list[dict[str, Any]] = []
        self.undelivered: list[tuple[str, dict[str, Any]]] = []

    # -- websocket lifecycle ------------------------------------------------------------------

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Serve one websocket connection until it closes."""
        encoding = request.query.get("encoding", "json")
        if encoding != "json":
            return web.Response(
                status=400, text=f"encoding {encoding!r} not supported by the emulator"
            )
        compress = request.query.get("compress")
        if compress not in (None, "zlib-stream"):
            # Text frames are always decodable by discord.py, whatever it asked for.
            log.warning("gateway compression %r not supported; sending plain text frames", compress)
            compress = None
        ws = web.WebSocketResponse(autoping=True, heartbeat=None, max_msg_size=16 * 1024 * 1024)
        await ws.prepare(request)
        conn = GatewayConnection(ws, request, compress)
        self.connections.add(conn)
        log.debug("gateway connection opened (compress=%s)", compress)
        try:
            await conn.send(
                {
                    "op": HELLO,
                    "d": {
                        "heartbeat_interval": self.emu.heartbeat_interval_ms,
                        "_trace": ["emulator-gw"],
                    },
                    "s": None,
                    "t": None,
                }
            )
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_message(conn, msg.data)
                elif msg.type is WSMsgType.ERROR:
                    log.debug("gateway connection error: %s", ws.exception())
                    break
        except (ConnectionError, RuntimeError) as exc:
            log.debug("gateway connection ended: %r", exc)
        finally:
            self.connections.discard(conn)
            session = conn.session
            if session is not None and session.connection is conn:
                session.connection = None
            self.emu.notifier.notify()
            log.debug("gateway connection closed (code=%s)", ws.close_code)
        return ws

    async def _close(self, conn: GatewayConnection, code: int, reason: str) -> None:
        log.info("gateway closing connection with %s: %s", code, reason)
        self.emu.gateway_closes.append((code, reason))
        await conn.ws.close(code=code, message=reason.encode())

    async def _on_message(self, conn: GatewayConnection, raw: str) -> None:
        try:
            msg = json.loads(raw)
            op = msg["op"]
        except (ValueError, KeyError, TypeError):
            await self._close(conn, 4002, "Error while decoding payload.")
            return
        data = msg.get("d")
        if op == HEARTBEAT:
            await conn.send({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == IDENTIFY:
            await self._identify(conn, data or {})
        elif op == RESUME:
            await self._resume(conn, data or {})
        elif op == PRESENCE:
            self.presence_updates.append(data)
            if conn.session is not None:
                conn.session.presence = data
        elif op == REQUEST_MEMBERS:
            await self._request_members(conn, data or {})
        elif op == VOICE_STATE:
            log.debug("ignoring voice state update %s", data)
        else:
            await self._close(conn, 4001, f"Unknown opcode {op}.")

    async def _identify(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        emu = self.emu
        if conn.session is not None:
            await self._close(conn, 4005, "Already authenticated.")
            return
        if data.get("token") != emu.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        shard = data.get("shard") or [0, 1]
        if (
            not isinstance(shard, list)
            or len(shard) != 2
            or not all(isinstance(x, int) for x in shard)
            or not 0 <= shard[0] < shard[1]
        ):
            await self._close(conn, 4010, "Invalid shard.")
            return
        intents = data.get("intents")
        if not isinstance(intents, int) or intents < 0:
            await self._close(conn, 4013, "Invalid intent(s).")
            return
        if intents & Intent.PRIVILEGED & ~emu.allowed_privileged_intents:
            await self._close(conn, 4014, "Disallowed intent(s).")
            return
        shard_id, shard_count = shard
        session = GatewaySession(secrets.token_hex(16), shard_id, shard_count, intents, conn)
        session.presence = data.get("presence")
        self.sessions[session.session_id] = session
        self.by_shard[shard_id] = session
        conn.session = session
        emu.identifies[shard_id] = emu.identifies.get(shard_id, 0) + 1
        log.info("IDENTIFY shard %s/%s intents=%s", shard_id, shard_count, intents)
        guilds = [g for g in emu.world.guilds.values() if session.owns_guild(g.id)]
        ready: dict[str, Any] = {
            "v": 10,
            "user": emu.bot_user_payload(),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": emu.gateway_url,
            "application": {"id": str(emu.app_id), "flags": emu.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "auth": {},
            "_trace": ["emulator-gw"],
        }
        if data.get("shard") is not None:
            ready["shard"] = [shard_id, shard_count]
        await self.send_to(session, "READY", ready)
        include_members = bool(intents & Intent.GUILD_MEMBERS)
        for guild in guilds:
            await self.send_to(
                session,
                "GUILD_CREATE",
                guild.to_gateway_payload(
                    include_all_members=include_members, bot_user_id=emu.bot_user_id
                ),
            )
        session.ready = True
        emu.notifier.notify()

    async def _resume(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        emu = self.emu
        if data.get("token") != emu.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        session = self.sessions.get(data.get("session_id") or "")
        if session is None:
            log.info("RESUME for unknown session; invalidating")
            await conn.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        old = session.connection
        if old is not None and old is not conn and not old.closed:
            await old.ws.close(code=4000, message=b"Session resumed elsewhere.")
        session.connection = conn
        conn.session = session
        emu.resumes[session.shard_id] = emu.resumes.get(session.shard_id, 0) + 1
        after = data.get("seq") or 0
        async with session.lock:
            missed = [p for p in session.history if p["s"] > after]
            log.info(
                "RESUME shard %s from seq %s: replaying %d dispatches",
                session.shard_id,
                after,
                len(missed),
            )
            for payload in missed:
                await conn.send(payload)
        await self.send_to(session, "RESUMED", {"_trace": ["emulator-gw"]})
        emu.notifier.notify()

    async def _request_members(self, conn: GatewayConnection, data: dict[str, Any]) -> None:
        session = conn.session
        if session is None:
            await self._close(conn, 4003, "Not authenticated.")
            return
        guild = self.emu.world.guilds.get(int(data.get("guild_id") or 0))
        if guild is None:
            return
        members = list(guild.members.values())
        query = data.get("query")
        user_ids = data.get("user_ids")
        if user_ids:
            wanted = {int(u) for u in (user_ids if isinstance(user_ids, list) else [user_ids])}
            members = [m for m in members if m.user.id in wanted]
        elif query:
            members = [m for m in members if m.user.username.lower().startswith(query.lower())]
        limit = data.get("limit") or 0
        if limit:
            members = members[:limit]
        chunk: dict[str, Any] = {
            "guild_id": str(guild.id),
            "members": [m.to_payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await self.send_to(session, "GUILD_MEMBERS_CHUNK", chunk)

    # -- dispatching ----------------------------------------------------------------------------

    async def send_to(self, session: GatewaySession, event: str, data: dict[str, Any]) -> None:
        """Sequence a dispatch into a session; deliver now if connected, else keep it for RESUME."""
        async with session.lock:
            session.seq += 1
            payload = {"op": DISPATCH, "t": event, "s": session.seq, "d": data}
            session.history.append(payload)
            conn = session.connection
            if conn is not None and not conn.closed:
                try:
                    await conn.send(payload)
                except (ConnectionError, RuntimeError) as exc:
                    log.info("dispatch %s queued for resume: %r", event, exc)
                    if session.connection is conn:
                        session.connection = None
            else:
                log.debug(
                    "dispatch %s seq %s queued (shard %s offline)",
                    event,
                    session.seq,
                    session.shard_id,
                )

    def sessions_for(self, guild_id: int | None) -> list[GatewaySession]:
        """Return the current session of each shard that should receive a guild's events."""
        if guild_id is None:
            return [s for s in self.by_shard.values() if s.shard_id == 0]
        return [s for s in self.by_shard.values() if s.owns_guild(guild_id)]

    async def dispatch(
        self,
        event: str,
        data: dict[str, Any],
        *,
        guild_id: int | None = None,
        intent: int | None = None,
        transform: Transform | None = None,
    ) -> int:
        """Send an event to the owning shard(s); return how many sessions got (or queued) it."""
        delivered = 0
        for session in self.sessions_for(guild_id):
            if intent is not None and not session.intents & intent:
                continue
            payload = transform(session, data) if transform is not None else data
            if payload is None:
                continue
            await self.send_to(session, event, payload)
            delivered += 1
        if not delivered:
            self.undelivered.append((event, data))
        return delivered

    # -- faults and shutdown ------------------------------------------------------------------

    async def drop(self, shard_id: int, code: int | None) -> None:
        """Drop a shard's connection: abort the TCP stream, or close with ``code``."""
        session = self.by_shard.get(shard_id)
        if session is None or session.connection is None:
            raise RuntimeError(f"shard {shard_id} has no live gateway connection to drop")
        conn = session.connection
        session.connection = None
        if code is None:
            log.info("dropping shard %s connection abruptly", shard_id)
            conn.abort()
        else:
            log.info("closing shard %s connection with code %s", shard_id, code)
            await conn.ws.close(code=code, message=b"emulator drop")
        self.emu.notifier.notify()

    async def send_op(self, shard_id: int, op: int, data: Any) -> None:
        """Send a raw non-dispatch opcode (e.g. RECONNECT, INVALID_SESSION) to a shard."""
        session = self.by_shard.get(shard_id)
        if session is None or session.connection is None:
            raise RuntimeError(f"shard {shard_id} has no live gateway connection")
        await session.connection.send({"op": op, "d": data, "s": None, "t": None})

    async def close_all(self) -> None:
        """Close every socket with 1001 (going away) so the server can stop cleanly."""
        for conn in list(self.connections):
            if not conn.closed:
                try:
                    await conn.ws.close(code=1001, message=b"emulator stopping")
                except (ConnectionError, RuntimeError) as exc:
                    log.debug("error closing gateway socket: %r", exc)
