"""Test entry point: run ``bot.cli.main`` with the article watcher looking twice a second.

The running bot looks for articles another process ingested every
``bot.client.ARTICLE_CHECK_SECONDS`` (10 s). A test of that path waited out most of one
interval; this sets the module constant the watcher reads at each turn, so the same path is
taken (the watcher, not a restart, finds the article) in about a second.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CHECK_SECONDS", "main"]

#: The watcher's interval under test.
CHECK_SECONDS = 0.5


def main(argv: Sequence[str] | None = None) -> int:
    """Shorten the watcher's interval, then run the real CLI."""
    import bot.client
    from bot.cli import main as cli_main

    # Loudly, if the constant moved: set on the wrong module it would only make the test slow.
    if not hasattr(bot.client, "ARTICLE_CHECK_SECONDS"):
        raise SystemExit("watch_launcher: bot.client.ARTICLE_CHECK_SECONDS is gone; update me")
    bot.client.ARTICLE_CHECK_SECONDS = CHECK_SECONDS
    return cli_main(list(argv) if argv is not None else None)
