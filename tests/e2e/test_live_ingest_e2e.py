"""A moderator ingests an article while the bot runs: fans can ask about it, no restart needed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.cli_support import run_cli, seed_data_dir
from tests.e2e.helpers import live_bot, text_of

pytestmark = pytest.mark.e2e

NEW_ARTICLE = """date 2023-03-05 Verstappen wins in Bahrain as Perez completes Red Bull one-two

Max Verstappen opened his title defence with a dominant win at the Bahrain Grand Prix.

Sergio Perez lost the lead. "I had a bit too much wheelspin," the Mexican told reporters.

Charles Leclerc retired on lap 41 with a power unit failure. "It's a shame," he said.
"""


async def test_article_ingested_while_running_is_answered(tmp_path: Path) -> None:
    """After `ingest` in another process, /whosaid, /lap and autocomplete know the new article."""
    articles = seed_data_dir(tmp_path)
    env = {"PITWALL_DATA_DIR": str(tmp_path / "data")}
    # The watcher's interval cut from 10 s to 0.5 s (tests/e2e/watch_launcher.py): same path.
    async with live_bot(tmp_path, env, entry="tests.e2e.watch_launcher:main") as (emu, _bot):
        new = articles / "2023-03-05-bahrain.txt"
        new.write_text(NEW_ARTICLE, encoding="utf-8")
        ingest = await asyncio.to_thread(
            run_cli, "ingest", str(new), cwd=tmp_path, database=tmp_path / "p.db"
        )
        assert ingest.returncode == 0, ingest.stderr

        async def knows_perez() -> bool:
            choices = await emu.send_autocomplete("who", {"name": "Pere"}, focused="name")
            return bool(choices) and choices[0]["value"] == "Sergio Perez"

        for _ in range(30):  # the bot looks for new articles every 0.5 s here
            if await knows_perez():
                break
            await asyncio.sleep(0.5)
        else:
            pytest.fail("the running bot never learned of the new article")
        record = await emu.send_command("whosaid", {"phrase": "too much wheelspin"})
        assert "Sergio Perez" in text_of(await record.wait_final(10))
        record = await emu.send_command("lap", {"number": 41})
        assert "Charles Leclerc" in text_of(await record.wait_final(10))
