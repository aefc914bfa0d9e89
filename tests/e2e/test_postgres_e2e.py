"""The real bot process on PostgreSQL: `run` seeds the store, answers fans, stops cleanly."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import live_bot, text_of
from tests.pg_server import DatabaseUrl

pytestmark = [pytest.mark.e2e]


async def test_run_on_postgresql_answers_lap_32_and_hides_the_password(
    pg_database_url: DatabaseUrl, tmp_path: Path
) -> None:
    """With PITWALL_DATABASE a PostgreSQL URL, /lap 32 and /ask answer from the seed article,
    and nothing the bot logs shows the URL's password."""
    async with live_bot(tmp_path, env={"PITWALL_DATABASE": pg_database_url}) as (emu, bot):
        lap = await emu.send_command("lap", {"number": 32})
        text = text_of(await lap.wait_final(10))
        assert "Russell" in text and "Bottas" in text
        asked = await emu.send_command("ask", {"question": "what happened on lap 32?"})
        assert "Russell and Bottas crashed" in text_of(await asked.wait_final(10))
    password = urlsplit(pg_database_url).password
    assert password and password not in bot.output()
