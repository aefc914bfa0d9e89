"""Run Pitwall's own CLI with ``/noop`` added: the latency benchmark's bot process.

``tests/emulator/launch_bot.py`` points discord.py at the local Discord and then calls this
module's ``main`` (``--entry bench._launch:main``), which appends the no-op extension to the
bot's extension list before handing over to ``bot.cli.main``: the same process, start-up
and command tree as production, plus the floor command.
"""

from __future__ import annotations

from collections.abc import Sequence

NOOP_EXTENSION = "bench._noop_cog"


def main(argv: Sequence[str] | None = None) -> int:
    """Add the no-op extension, then run ``python -m bot`` with ``argv``."""
    import bot.client
    from bot.cli import main as cli_main

    if NOOP_EXTENSION not in bot.client.EXTENSIONS:
        bot.client.EXTENSIONS = (*bot.client.EXTENSIONS, NOOP_EXTENSION)
    return cli_main(argv)
