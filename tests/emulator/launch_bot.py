"""Run a bot entry point with discord.py pointed at the local Discord emulator.

Usage::

    python tests/emulator/launch_bot.py --api-base http://127.0.0.1:PORT/api/v10 \
        [--gateway-url ws://127.0.0.1:PORT/gateway] [--entry bot.cli:main] -- <cli args...>

Production code has no test hooks, so redirection happens here only: ``Route.BASE`` (every REST
call, webhooks and interaction callbacks included) and ``DiscordWebSocket.DEFAULT_GATEWAY``
(discord.py connects there without asking /gateway/bot unless it is auto-sharded). Anything that
is not loopback is refused, so a test can never reach the real Discord.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}
#: How long discord.py waits after the last GUILD_CREATE before it fires ``on_ready`` (its
#: default is 2 s, sized for real Discord streaming a bot's guilds in over the network). The
#: emulator sends every GUILD_CREATE straight after READY, back to back on loopback, so the
#: stream has ended within milliseconds; waiting 2 s after it made every start that needs
#: the recap or feed runner (both wait for ``on_ready``) 1.5 s slower for nothing. 1 s, not
#: less: the emulator runs in the busy test process on a 2-core machine, and a stall between
#: READY and the first GUILD_CREATE longer than this would fire ``on_ready`` without the guild.
GUILD_READY_TIMEOUT = 1.0


def _split_argv(argv: list[str]) -> tuple[list[str], list[str]]:
    """Split at the first ``--``: launcher options before, the bot's own argv after."""
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1 :]
    return argv, []


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--api-base", required=True, help="emulator REST base, e.g. http://127.0.0.1:1234/api/v10"
    )
    parser.add_argument(
        "--gateway-url", help="emulator websocket URL (default: derived from --api-base)"
    )
    parser.add_argument(
        "--entry", default="bot.cli:main", help="module:function taking argv, returning int"
    )
    return parser.parse_args(argv)


def _loopback_only(url: str) -> None:
    host = urlsplit(url).hostname
    if host not in LOOPBACK_HOSTS:
        raise SystemExit(f"launch_bot: refusing non-loopback URL {url!r}")


def derive_gateway_url(api_base: str) -> str:
    """Map ``http://host:port/api/v10`` to the emulator's ``ws://host:port/gateway``."""
    parts = urlsplit(api_base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return urlunsplit((scheme, parts.netloc, "/gateway", "", ""))


def redirect_discord(api_base: str, gateway_url: str) -> None:
    """Point discord.py's REST and gateway at the emulator (must run before the bot connects)."""
    import discord.gateway
    import discord.http
    import yarl

    discord.http.Route.BASE = api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    shorten_guild_ready_wait(GUILD_READY_TIMEOUT)


def shorten_guild_ready_wait(seconds: float) -> None:
    """Make discord.py's wait for the guild stream ``seconds`` unless the bot sets its own.

    ``guild_ready_timeout`` is an ordinary client option, read by the connection state (the
    sharded one inherits its ``__init__``); a bot that passes it keeps its value.
    """
    import discord.state

    state = discord.state.ConnectionState
    original = state.__init__

    def init(self: discord.state.ConnectionState, *args: Any, **options: Any) -> None:
        options.setdefault("guild_ready_timeout", seconds)
        original(self, *args, **options)

    state.__init__ = init  # type: ignore[method-assign]


def load_entry(spec: str) -> Callable[[list[str] | None], int]:
    """Import ``module:function``."""
    module_name, _, func_name = spec.partition(":")
    if not module_name or not func_name:
        raise SystemExit(f"launch_bot: --entry must look like module:function, got {spec!r}")
    module = importlib.import_module(module_name)
    return getattr(module, func_name)


def main(argv: list[str] | None = None) -> int:
    """Redirect discord.py, then hand over to the bot's entry point."""
    own, bot_args = _split_argv(list(sys.argv[1:] if argv is None else argv))
    args = _parse(own)
    gateway_url = args.gateway_url or derive_gateway_url(args.api_base)
    _loopback_only(args.api_base)
    _loopback_only(gateway_url)
    # Run as a script, sys.path[0] is this directory; the bot package lives at the repo root,
    # and this directory's modules must not shadow top-level names.
    here = str(Path(__file__).resolve().parent)
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(here)]
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    redirect_discord(args.api_base, gateway_url)
    entry = load_entry(args.entry)
    return entry(bot_args)


if __name__ == "__main__":
    raise SystemExit(main())
