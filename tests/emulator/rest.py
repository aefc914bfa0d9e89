"""The emulated REST API under ``/api/v10``.

One catch-all aiohttp handler with its own small router, so that every request - known route or
not - is recorded, can be hit by an injected fault, and gets rate-limit headers. Unknown routes
answer like Discord (404 ``{"code": 0, "message": "404: Not Found"}``) and are listed in
``emulator.unhandled`` so a test can see what the bot tried.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .records import CallbackRecord, CommandSync, Fault, RequestRecord, StoredMessage
from .validation import (
    Problem,
    form_body_error,
    is_empty_message,
    validate_callback,
    validate_commands,
    validate_message,
)
from .world import Perm

if TYPE_CHECKING:
    from .emulator import DiscordEmulator

log = logging.getLogger(__name__)

__all__ = ["API_PREFIX", "ApiError", "RestApi", "UploadedFile"]

API_PREFIX = "/api/v10"
RATE_LIMIT = 50
FLAG_EPHEMERAL = 1 << 6
FLAG_SUPPRESS_EMBEDS = 1 << 2
FLAG_LOADING = 1 << 7


class ApiError(Exception):
    """An error answer in Discord's JSON shape."""

    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        *,
        errors: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.body: dict[str, Any] = {"code": code, "message": message}
        if errors:
            self.body["errors"] = errors


def not_found(code: int, what: str) -> ApiError:
    """Return Discord's 404 for an unknown object (10003 channel, 10008 message, ...)."""
    return ApiError(404, code, f"Unknown {what}")


@dataclass
class UploadedFile:
    """A file part of a multipart request."""

    field: str
    filename: str
    size: int
    content_type: str | None


@dataclass
class Call:
    """Everything a route handler needs about one request."""

    request: web.Request
    params: dict[str, str]
    body: Any
    files: list[UploadedFile]
    record: RequestRecord
    route: str


Handler = Callable[[Call], Awaitable[Any]]


@dataclass
class Route:
    """A route template like ``/channels/{channel_id}/messages`` compiled to a regex."""

    method: str
    template: str
    handler: Handler
    auth: bool
    regex: re.Pattern[str]

    @property
    def key(self) -> str:
        """Return ``METHOD template`` (used for records and bucket hashes)."""
        return f"{self.method} {self.template}"


class RestApi:
    """Route table and handlers for the REST API."""

    def __init__(self, emulator: DiscordEmulator) -> None:
        self.emu = emulator
        self.routes: list[Route] = []
        r = self._add
        r("GET", "/users/@me", self.get_me)
        r("GET", "/users/{user_id}", self.get_user)
        r("GET", "/oauth2/applications/@me", self.get_application)
        r("GET", "/applications/@me", self.get_application)
        r("GET", "/gateway", self.get_gateway, auth=False)
        r("GET", "/gateway/bot", self.get_gateway_bot)
        for scope in ("/applications/{app_id}", "/applications/{app_id}/guilds/{guild_id}"):
            r("GET", scope + "/commands", self.list_commands)
            r("PUT", scope + "/commands", self.bulk_overwrite_commands)
            r("POST", scope + "/commands", self.upsert_command)
            r("GET", scope + "/commands/{command_id}", self.get_command)
            r("PATCH", scope + "/commands/{command_id}", self.edit_command)
            r("DELETE", scope + "/commands/{command_id}", self.delete_command)
        r(
            "GET",
            "/applications/{app_id}/guilds/{guild_id}/commands/permissions",
            self.command_permissions,
        )
        r(
            "POST",
            "/interactions/{interaction_id}/{token}/callback",
            self.interaction_callback,
            auth=False,
        )
        r("POST", "/webhooks/{app_id}/{token}", self.webhook_execute, auth=False)
        r(
            "GET",
            "/webhooks/{app_id}/{token}/messages/{message_id}",
            self.webhook_get_message,
            auth=False,
        )
        r(
            "PATCH",
            "/webhooks/{app_id}/{token}/messages/{message_id}",
            self.webhook_edit_message,
            auth=False,
        )
        r(
            "DELETE",
            "/webhooks/{app_id}/{token}/messages/{message_id}",
            self.webhook_delete_message,
            auth=False,
        )
        r("GET", "/channels/{channel_id}", self.get_channel)
        r("GET", "/channels/{channel_id}/messages", self.list_messages)
        r("POST", "/channels/{channel_id}/messages", self.create_message)
        r("GET", "/channels/{channel_id}/messages/{message_id}", self.get_message)
        r("PATCH", "/channels/{channel_id}/messages/{message_id}", self.edit_message)
        r("DELETE", "/channels/{channel_id}/messages/{message_id}", self.delete_message)
        r("POST", "/channels/{channel_id}/typing", self.typing)
        r(
            "PUT",
            "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
            self.reaction,
        )
        r(
            "DELETE",
            "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
            self.reaction,
        )
        r("GET", "/guilds/{guild_id}", self.get_guild)
        r("GET", "/guilds/{guild_id}/channels", self.get_guild_channels)
        r("GET", "/guilds/{guild_id}/roles", self.get_guild_roles)
        r("GET", "/guilds/{guild_id}/members", self.list_members)
        r("GET", "/guilds/{guild_id}/members/{user_id}", self.get_member)

    def _add(self, method: str, template: str, handler: Handler, *, auth: bool = True) -> None:
        pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
        self.routes.append(Route(method, template, handler, auth, re.compile(pattern)))

    # -- plumbing -------------------------------------------------------------------------------

    def _headers(self, route_key: str, major: str) -> dict[str, str]:
        bucket = hashlib.sha1(f"{route_key}:{major}".encode()).hexdigest()[:16]
        reset_after = 1.0
        return {
            "X-RateLimit-Limit": str(RATE_LIMIT),
            "X-RateLimit-Remaining": str(RATE_LIMIT - 1),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": bucket,
            # discord.py treats a 429 without Via as a Cloudflare ban; real responses carry it.
            "Via": "1.1 google",
        }

    def _json(self, status: int, body: Any, headers: dict[str, str]) -> web.Response:
        # Exactly "application/json": discord.py compares the header verbatim, so no charset.
        hdrs = dict(headers)
        hdrs["Content-Type"] = "application/json"
        return web.Response(status=status, body=json.dumps(body).encode("utf-8"), headers=hdrs)

    async def _read_body(self, request: web.Request) -> tuple[Any, list[UploadedFile]]:
        if request.content_type == "multipart/form-data":
            reader = await request.multipart()
            payload: Any = None
            files: list[UploadedFile] = []
            while True:
                part = await reader.next()
                if part is None:
                    break
                if part.name == "payload_json":
                    payload = json.loads(await part.text())  # type: ignore[union-attr]
                else:
                    data = await part.read()  # type: ignore[union-attr]
                    files.append(
                        UploadedFile(
                            part.name or "",
                            part.filename or part.name or "file",  # type: ignore[union-attr]
                            len(data),
                            part.headers.get("Content-Type"),
                        )
                    )
            return payload, files
        if not request.can_read_body:
            return None, []
        text = await request.text()
        if not text:
            return None, []
        return json.loads(text), []

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Record, fault-inject, authenticate, route and answer one REST request."""
        emu = self.emu
        method = request.method
        full_path = request.path
        path = full_path[len(API_PREFIX) :] if full_path.startswith(API_PREFIX) else full_path
        record = RequestRecord(
            method=method,
            path=path,
            query=dict(request.query),
            json=None,
            files=[],
            time=time.monotonic(),
            authorized=request.headers.get("Authorization") == f"Bot {emu.token}",
        )
        emu.requests.append(record)
        route, params = (
            self._match(method, path) if full_path.startswith(API_PREFIX) else (None, {})
        )
        route_key = route.key if route else f"{method} {path}"
        record.route = route.key if route else None
        major = params.get("channel_id") or params.get("guild_id") or params.get("token") or ""
        headers = self._headers(route_key, major)
        try:
            try:
                body, files = await self._read_body(request)
            except ValueError:
                raise ApiError(400, 50109, "The request body contains invalid JSON.") from None
            record.json = body
            record.files = [f.filename for f in files]
            fault = self._take_fault(method, path)
            if fault is not None:
                response = await self._apply_fault(fault, headers)
                if response is not None:
                    record.status = response.status
                    emu.notifier.notify()
                    return response
            if route is None:
                emu.unhandled.append(f"{method} {path}")
                log.warning("unhandled route %s %s", method, path)
                raise ApiError(404, 0, "404: Not Found")
            if route.auth and not record.authorized:
                raise ApiError(401, 0, "401: Unauthorized")
            result = await route.handler(Call(request, params, body, files, record, route.key))
            if result is None:
                response = web.Response(status=204, headers=headers)
            elif isinstance(result, tuple):
                status, payload = result
                response = self._json(status, payload, headers)
            else:
                response = self._json(200, result, headers)
        except ApiError as err:
            response = self._json(err.status, err.body, headers)
        record.status = response.status
        emu.notifier.notify()
        return response

    def _match(self, method: str, path: str) -> tuple[Route | None, dict[str, str]]:
        for route in self.routes:
            if route.method != method:
                continue
            m = route.regex.fullmatch(path)
            if m:
                return route, m.groupdict()
        return None, {}

    def _take_fault(self, method: str, path: str) -> Fault | None:
        for fault in self.emu.faults:
            if fault.matches(method, path):
                fault.hits += 1
                return fault
        return None

    async def _apply_fault(self, fault: Fault, headers: dict[str, str]) -> web.Response | None:
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if not fault.status:
            return None
        status = fault.status
        if status == 429:
            retry_after = fault.retry_after if fault.retry_after is not None else 0.5
            hdrs = dict(headers)
            hdrs.update(
                {
                    "Retry-After": str(max(1, math.ceil(retry_after))),
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                    "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
                    "X-RateLimit-Scope": "global" if fault.global_ else "user",
                }
            )
            if fault.global_:
                hdrs["X-RateLimit-Global"] = "true"
            body = fault.body or {
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": fault.global_,
                "code": 0,
            }
            return self._json(429, body, hdrs)
        default_bodies = {
            403: {"code": 50013, "message": "Missing Permissions"},
            404: {"code": 0, "message": "404: Not Found"},
        }
        body = (
            fault.body
            or default_bodies.get(status)
            or {"code": 0, "message": f"{status}: Emulated failure"}
        )
        return self._json(status, body, headers)

    def _reject(self, call: Call, problems: list[Problem]) -> None:
        """Record problems as violations; raise Discord's 400 if any would be rejected."""
        if not problems:
            return
        path = call.record.path
        token = call.params.get("token")
        if token:
            # Interaction tokens are long and noisy; the route shape says enough.
            path = path.replace(token, "<token>")
        self.emu.add_violations(f"{call.request.method} {path}", problems)
        rejected = [p for p in problems if p.rejected]
        if not rejected:
            return
        if all(p.code == "EMPTY_MESSAGE" for p in rejected):
            raise ApiError(400, 50006, "Cannot send an empty message")
        err = form_body_error(rejected)
        raise ApiError(400, err["code"], err["message"], errors=err["errors"])

    # -- users, application, gateway -----------------------------------------------------------

    async def get_me(self, call: Call) -> Any:
        return self.emu.bot_user_payload()

    async def get_user(self, call: Call) -> Any:
        user = self.emu.world.users.get(_int(call.params["user_id"]))
        if user is None:
            raise not_found(10013, "User")
        return user.to_payload()

    async def get_application(self, call: Call) -> Any:
        return self.emu.application_payload()

    async def get_gateway(self, call: Call) -> Any:
        return {"url": self.emu.gateway_url}

    async def get_gateway_bot(self, call: Call) -> Any:
        return {
            "url": self.emu.gateway_url,
            "shards": self.emu.recommended_shards,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14_400_000,
                "max_concurrency": 1,
            },
        }

    # -- application commands ------------------------------------------------------------------

    def _scope(self, call: Call) -> int | None:
        if _int(call.params["app_id"]) != self.emu.app_id:
            raise ApiError(403, 50001, "Missing Access")
        gid = call.params.get("guild_id")
        if gid is None:
            return None
        guild_id = _int(gid)
        guild = self.emu.world.guilds.get(guild_id)
        if guild is None or self.emu.bot_user_id not in guild.members:
            raise ApiError(403, 50001, "Missing Access")
        return guild_id

    def _materialize(
        self, cmd: dict[str, Any], scope: int | None, existing: list[dict[str, Any]]
    ) -> dict[str, Any]:
        """Turn a registration payload into the stored command object Discord returns."""
        emu = self.emu
        ctype = cmd.get("type", 1)
        dmp = cmd.get("default_member_permissions")
        prior = next((c for c in existing if c["name"] == cmd["name"] and c["type"] == ctype), None)
        stored: dict[str, Any] = {
            "id": prior["id"] if prior else str(emu.snowflakes.next()),
            "application_id": str(emu.app_id),
            "version": str(emu.snowflakes.next()),
            "type": ctype,
            "name": cmd["name"],
            "name_localizations": cmd.get("name_localizations"),
            "description": cmd.get("description", ""),
            "description_localizations": cmd.get("description_localizations"),
            # Requests may send an int (discord.py does); responses always carry a string.
            "default_member_permissions": None if dmp is None else str(dmp),
            "nsfw": cmd.get("nsfw", False),
            "contexts": cmd.get("contexts"),
            "integration_types": cmd.get("integration_types") or [0],
        }
        if cmd.get("options"):
            stored["options"] = cmd["options"]
        if scope is not None:
            stored["guild_id"] = str(scope)
        else:
            stored["dm_permission"] = cmd.get("dm_permission", True)
        return stored

    async def list_commands(self, call: Call) -> Any:
        return list(self.emu.commands.get(self._scope(call), []))

    async def bulk_overwrite_commands(self, call: Call) -> Any:
        scope = self._scope(call)
        self._reject(call, validate_commands(call.body))
        existing = self.emu.commands.get(scope, [])
        stored = [self._materialize(cmd, scope, existing) for cmd in call.body]
        self.emu.commands[scope] = stored
        self.emu.command_syncs.append(
            CommandSync(scope, [c["name"] for c in stored], time.monotonic())
        )
        log.info("commands overwritten for %s: %s", scope or "global", [c["name"] for c in stored])
        return stored

    async def upsert_command(self, call: Call) -> Any:
        scope = self._scope(call)
        self._reject(call, validate_commands([call.body]))
        existing = self.emu.commands.setdefault(scope, [])
        stored = self._materialize(call.body, scope, existing)
        for i, cmd in enumerate(existing):
            if cmd["id"] == stored["id"]:
                existing[i] = stored
                return stored
        existing.append(stored)
        return 201, stored

    def _find_command(self, call: Call) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        existing = self.emu.commands.get(self._scope(call), [])
        for cmd in existing:
            if cmd["id"] == call.params["command_id"]:
                return existing, cmd
        raise not_found(10063, "application command")

    async def get_command(self, call: Call) -> Any:
        return self._find_command(call)[1]

    async def edit_command(self, call: Call) -> Any:
        _, cmd = self._find_command(call)
        merged = {**cmd, **(call.body or {})}
        self._reject(call, validate_commands([merged]))
        cmd.update(call.body or {})
        cmd["version"] = str(self.emu.snowflakes.next())
        return cmd

    async def delete_command(self, call: Call) -> Any:
        existing, cmd = self._find_command(call)
        existing.remove(cmd)
        return None

    async def command_permissions(self, call: Call) -> Any:
        self._scope(call)
        return []

    # -- interactions ---------------------------------------------------------------------------

    async def interaction_callback(self, call: Call) -> Any:
        emu = self.emu
        rec = emu.interactions.get(_int(call.params["interaction_id"]))
        if rec is None or rec.token != call.params["token"]:
            raise ApiError(404, 10062, "Unknown interaction")
        body = call.body if isinstance(call.body, dict) else {}
        ctype = body.get("type")
        elapsed = time.monotonic() - rec.created_at
        route = f"POST /interactions/{rec.id}/<token>/callback"
        attempt = CallbackRecord(
            ctype if isinstance(ctype, int) else -1, body.get("data"), elapsed, 0
        )
        if rec.callbacks:
            attempt.status, attempt.error_code = 400, 40060
            rec.rejected.append(attempt)
            if emu.strict_interactions:
                emu.violations.append(f"{route}: interaction acknowledged twice (type {ctype})")
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        if elapsed > emu.ack_deadline:
            attempt.status, attempt.error_code = 404, 10062
            rec.rejected.append(attempt)
            if emu.strict_interactions:
                emu.violations.append(
                    f"{route}: callback after {elapsed:.2f}s (limit {emu.ack_deadline:.1f}s)"
                )
            raise ApiError(404, 10062, "Unknown interaction")
        problems = validate_callback(body, rec.type, file_count=len(call.files))
        try:
            self._reject(call, problems)
        except ApiError as err:
            attempt.status, attempt.error_code = err.status, err.body["code"]
            rec.rejected.append(attempt)
            raise
        data = body.get("data") or {}
        response_message: StoredMessage | None = None
        loading = ephemeral = False
        if ctype == 4:
            response_message = await emu.create_interaction_message(
                rec, data, call.files, original=True
            )
        elif ctype == 5:
            response_message = await emu.create_interaction_message(
                rec,
                {"content": "", "flags": (data.get("flags") or 0) & FLAG_EPHEMERAL},
                [],
                original=True,
                loading=True,
            )
            loading = True
        elif ctype in (6, 7):
            target = emu.messages.get(rec.component_message_id or 0)
            if target is None:
                raise ApiError(400, 50035, "Invalid Form Body")
            rec.original_id = target.id
            rec.edits_at_ack = len(target.edits)
            if ctype == 7:
                await emu.edit_stored_message(target, data, call.files, route=route)
            response_message = target
        if response_message is not None:
            ephemeral = response_message.ephemeral
        accepted = CallbackRecord(ctype, body.get("data"), elapsed, 200)
        rec.callbacks.append(accepted)
        log.info(
            "interaction %s answered with callback type %s after %.3fs", rec.id, ctype, elapsed
        )
        if call.request.query.get("with_response") not in ("1", "true", "True"):
            return None
        interaction: dict[str, Any] = {"id": str(rec.id), "type": rec.type}
        if rec.channel_id:
            interaction["channel_id"] = str(rec.channel_id)
        if rec.guild_id:
            interaction["guild_id"] = str(rec.guild_id)
        result: dict[str, Any] = {"interaction": interaction}
        if response_message is not None:
            interaction.update(
                {
                    "response_message_id": str(response_message.id),
                    "response_message_loading": loading,
                    "response_message_ephemeral": ephemeral,
                }
            )
            if ctype in (4, 7):
                result["resource"] = {"type": ctype, "message": response_message.data}
        return result

    def _webhook_interaction(self, call: Call) -> Any:
        emu = self.emu
        if _int(call.params["app_id"]) != emu.app_id:
            raise not_found(10015, "Webhook")
        rec = emu.interactions_by_token.get(call.params["token"])
        if rec is None or time.monotonic() - rec.created_at > emu.token_ttl:
            raise ApiError(401, 50027, "Invalid Webhook Token")
        return rec

    async def webhook_execute(self, call: Call) -> Any:
        emu = self.emu
        rec = self._webhook_interaction(call)
        if not rec.callbacks:
            raise not_found(10015, "Webhook")
        payload = call.body if isinstance(call.body, dict) else {}
        self._reject(call, validate_message(payload, file_count=len(call.files)))
        original = emu.messages.get(rec.original_id or 0)
        if original is not None and original.loading and rec.callbacks[0].type == 5:
            # Documented back-compat: the first follow-up after a deferral edits the loading
            # message, keeping the ephemeral flag chosen when deferring.
            edit = {k: v for k, v in payload.items() if k != "flags"}
            stored = await emu.edit_stored_message(original, edit, call.files, route=call.route)
        else:
            stored = await emu.create_interaction_message(rec, payload, call.files, original=False)
        if call.request.query.get("wait") in ("1", "true", "True"):
            return stored.data
        return None

    def _webhook_message(self, call: Call) -> StoredMessage:
        rec = self._webhook_interaction(call)
        mid = call.params["message_id"]
        if mid == "@original":
            stored = self.emu.messages.get(rec.original_id or 0)
        else:
            target = _int(mid)
            stored = (
                self.emu.messages.get(target)
                if target in rec.followup_ids or target == rec.original_id
                else None
            )
        if stored is None or stored.deleted:
            raise not_found(10008, "Message")
        return stored

    async def webhook_get_message(self, call: Call) -> Any:
        return self._webhook_message(call).data

    async def webhook_edit_message(self, call: Call) -> Any:
        stored = self._webhook_message(call)
        payload = call.body if isinstance(call.body, dict) else {}
        self._reject(call, validate_message(payload, editing=True, file_count=len(call.files)))
        await self.emu.edit_stored_message(stored, payload, call.files, route=call.route)
        return stored.data

    async def webhook_delete_message(self, call: Call) -> Any:
        await self.emu.delete_stored_message(self._webhook_message(call))
        return None

    # -- channels and messages -----------------------------------------------------------------

    def _channel(self, call: Call, *, need: int = Perm.VIEW_CHANNEL) -> int:
        emu = self.emu
        channel_id = _int(call.params["channel_id"])
        guild = emu.world.guild_of_channel(channel_id)
        if guild is None:
            raise not_found(10003, "Channel")
        perms = guild.channel_permissions(emu.bot_user_id, channel_id)
        if not perms & Perm.VIEW_CHANNEL:
            raise ApiError(403, 50001, "Missing Access")
        if perms & need != need:
            raise ApiError(403, 50013, "Missing Permissions")
        return channel_id

    async def get_channel(self, call: Call) -> Any:
        channel_id = self._channel(call)
        channel = self.emu.world.find_channel(channel_id)
        assert channel is not None
        return channel.to_payload()

    async def list_messages(self, call: Call) -> Any:
        """GET /channels/{id}/messages: newest first, ``limit`` 1-100 (default 50).

        Like Discord, fetched messages carry no ``nonce``: it is only in the answer to the
        POST and in MESSAGE_CREATE, so a bot cannot recognise an old post by its nonce.
        """
        channel_id = self._channel(call, need=Perm.VIEW_CHANNEL | Perm.READ_MESSAGE_HISTORY)
        query = call.request.query
        limit = _query_limit(query.get("limit", "50"))
        visible = [m for m in self.emu.channel_history(channel_id)]
        if "before" in query:
            visible = [m for m in visible if m.id < int(query["before"])]
        if "after" in query:
            visible = [m for m in visible if m.id > int(query["after"])]
            visible = visible[:limit]
        if "around" in query:
            around = int(query["around"])
            older = [m for m in visible if m.id <= around][-(limit // 2 + 1) :]
            newer = [m for m in visible if m.id > around][: limit - len(older)]
            visible = older + newer
        visible = visible[-limit:]
        return [_fetched(m) for m in reversed(visible)]

    async def create_message(self, call: Call) -> Any:
        emu = self.emu
        channel_id = self._channel(call, need=Perm.VIEW_CHANNEL | Perm.SEND_MESSAGES)
        payload = call.body if isinstance(call.body, dict) else {}
        self._reject(call, validate_message(payload, file_count=len(call.files)))
        nonce = payload.get("nonce")
        if nonce is not None and payload.get("enforce_nonce"):
            existing = emu.find_nonce(channel_id, str(nonce))
            if existing is not None:
                log.info(
                    "nonce %s reused in channel %s: returning message %s",
                    nonce,
                    channel_id,
                    existing.id,
                )
                return existing.data
        guild = emu.world.guild_of_channel(channel_id)
        assert guild is not None
        perms = guild.channel_permissions(emu.bot_user_id, channel_id)
        if payload.get("embeds") and not perms & Perm.EMBED_LINKS:
            # Real Discord accepts the message but shows no embeds without EMBED_LINKS.
            emu.notices.append(
                f"POST /channels/{channel_id}/messages: embeds dropped (no EMBED_LINKS)"
            )
            payload = {**payload, "embeds": []}
            if is_empty_message(payload, file_count=len(call.files)):
                raise ApiError(400, 50006, "Cannot send an empty message")
        if call.files and not perms & Perm.ATTACH_FILES:
            raise ApiError(403, 50013, "Missing Permissions")
        reference = payload.get("message_reference")
        if reference:
            ref_id = _int(str(reference.get("message_id", "0")))
            ref = emu.messages.get(ref_id)
            if (
                ref is None
                or ref.deleted
                or ref.channel_id != _int(str(reference.get("channel_id", channel_id)))
            ):
                if reference.get("fail_if_not_exists", True):
                    raise ApiError(
                        400,
                        50035,
                        "Invalid Form Body",
                        errors={
                            "message_reference": {
                                "_errors": [
                                    {
                                        "code": "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
                                        "message": "Unknown message",
                                    }
                                ]
                            }
                        },
                    )
                payload = {k: v for k, v in payload.items() if k != "message_reference"}
        stored = await emu.create_channel_message(
            channel_id, emu.bot_user, payload, call.files, by_bot=True
        )
        return stored.data

    def _channel_message(self, call: Call, channel_id: int) -> StoredMessage:
        stored = self.emu.messages.get(_int(call.params["message_id"]))
        if stored is None or stored.deleted or stored.ephemeral or stored.channel_id != channel_id:
            raise not_found(10008, "Message")
        return stored

    async def get_message(self, call: Call) -> Any:
        channel_id = self._channel(call, need=Perm.VIEW_CHANNEL | Perm.READ_MESSAGE_HISTORY)
        return _fetched(self._channel_message(call, channel_id))

    async def edit_message(self, call: Call) -> Any:
        channel_id = self._channel(call)
        stored = self._channel_message(call, channel_id)
        if int(stored.data["author"]["id"]) != self.emu.bot_user_id:
            raise ApiError(403, 50005, "Cannot edit a message authored by another user")
        payload = call.body if isinstance(call.body, dict) else {}
        self._reject(call, validate_message(payload, editing=True, file_count=len(call.files)))
        await self.emu.edit_stored_message(stored, payload, call.files, route=call.route)
        return stored.data

    async def delete_message(self, call: Call) -> Any:
        channel_id = self._channel(call)
        stored = self._channel_message(call, channel_id)
        if int(stored.data["author"]["id"]) != self.emu.bot_user_id:
            self._channel(call, need=Perm.VIEW_CHANNEL | Perm.MANAGE_MESSAGES)
        await self.emu.delete_stored_message(stored)
        return None

    async def typing(self, call: Call) -> Any:
        self._channel(call, need=Perm.VIEW_CHANNEL | Perm.SEND_MESSAGES)
        return None

    async def reaction(self, call: Call) -> Any:
        channel_id = self._channel(call, need=Perm.VIEW_CHANNEL | Perm.ADD_REACTIONS)
        self._channel_message(call, channel_id)
        return None

    # -- guilds ---------------------------------------------------------------------------------

    def _guild(self, call: Call) -> Any:
        guild = self.emu.world.guilds.get(_int(call.params["guild_id"]))
        if guild is None or self.emu.bot_user_id not in guild.members:
            raise not_found(10004, "Guild")
        return guild

    async def get_guild(self, call: Call) -> Any:
        with_counts = call.request.query.get("with_counts") in ("1", "true", "True")
        return self._guild(call).to_rest_payload(with_counts=with_counts)

    async def get_guild_channels(self, call: Call) -> Any:
        return [c.to_payload() for c in self._guild(call).channels.values()]

    async def get_guild_roles(self, call: Call) -> Any:
        return [r.to_payload() for r in self._guild(call).roles.values()]

    async def list_members(self, call: Call) -> Any:
        guild = self._guild(call)
        limit = max(1, min(1000, int(call.request.query.get("limit", "1"))))
        after = int(call.request.query.get("after", "0"))
        members = sorted(
            (m for m in guild.members.values() if m.user.id > after), key=lambda m: m.user.id
        )
        return [m.to_payload() for m in members[:limit]]

    async def get_member(self, call: Call) -> Any:
        member = self._guild(call).members.get(_int(call.params["user_id"]))
        if member is None:
            raise not_found(10007, "Member")
        return member.to_payload()


def _fetched(stored: StoredMessage) -> dict[str, Any]:
    """A stored message as a GET returns it: without the nonce it was created with."""
    return {k: v for k, v in stored.data.items() if k != "nonce"}


def _query_limit(value: str) -> int:
    """A list's ``limit`` query parameter, refused as Discord refuses it outside 1-100."""
    try:
        limit = int(value)
    except ValueError:
        code, text = "NUMBER_TYPE_COERCE", f'Value "{value}" is not int.'
    else:
        if 1 <= limit <= 100:
            return limit
        code, text = (
            ("NUMBER_TYPE_MIN", "int value should be greater than or equal to 1.")
            if limit < 1
            else ("NUMBER_TYPE_MAX", "int value should be less than or equal to 100.")
        )
    raise ApiError(
        400, 50035, "Invalid Form Body",
        errors={"limit": {"_errors": [{"code": code, "message": text}]}},
    )  # fmt: skip


def _int(value: str) -> int:
    """Parse a snowflake from a path; non-numeric ids are simply unknown objects."""
    try:
        return int(value)
    except ValueError:
        return -1
