"""Long answers end to end: pages within Discord's limits, turned only by the asker."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.cli_support import seed_data_dir
from tests.e2e.helpers import button, is_ephemeral, live_bot, text_of
from tests.emulator import DiscordEmulator
from tests.emulator.fixtures import BotProcess

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

PARAGRAPHS = 40


def long_article() -> str:
    """An article in which one person speaks at length: forty quoted paragraphs."""
    lines = [
        "date 2024-03-02 Marta Quill explains a long season in her own words",
        "Team principal Marta Quill spoke at length after the race in Bahrain.",
    ]
    for n in range(1, PARAGRAPHS + 1):
        sentence = (
            f"Point number {n} is that we kept learning about the car, lap after lap, "
            "and every run taught us something about the tyres, the wind and the balance "
            "that we could not have found in the simulator, however hard we tried"
        )
        lines.append(f'"{sentence}," Quill said.')
    return "\n\n".join(lines) + "\n"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live(
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[tuple[DiscordEmulator, BotProcess]]:
    tmp: Path = tmp_path_factory.mktemp("pages-e2e")
    articles = seed_data_dir(tmp)
    (articles / "2024-03-02-quill-long-season.txt").write_text(long_article(), encoding="utf-8")
    env = {"PITWALL_DATA_DIR": str(tmp / "data")}
    async with live_bot(tmp, env) as running:
        yield running


def _next_button(message: dict[str, Any]) -> dict[str, Any]:
    found = button(message, "Next")
    assert found is not None, "a long answer has a Next button"
    return found


async def test_long_answer_pages_show_every_quote(live: tuple[DiscordEmulator, BotProcess]) -> None:
    """Paging through /quote shows all forty quotes once, in order, each page within limits."""
    emu, _ = live
    asker = emu.member
    record = await emu.send_command("quote", {"speaker": "Marta Quill"}, user=asker)
    message = await record.wait_final(10)
    seen = [text_of(message)]
    while not _next_button(message).get("disabled"):
        turned = await emu.press_button(message, _next_button(message)["custom_id"], user=asker)
        message = await turned.wait_final(10)
        seen.append(text_of(message))
    text = "\n".join(seen)
    assert len(seen) > 1
    for n in range(1, PARAGRAPHS + 1):
        assert text.count(f"Point number {n} is") == 1, n
    assert emu.take_violations() == []


async def test_another_member_cannot_turn_the_pages(
    live: tuple[DiscordEmulator, BotProcess],
) -> None:
    """Someone else pressing Next gets a private refusal and the page stays as it was."""
    emu, _ = live
    record = await emu.send_command("quote", {"speaker": "Quill"}, user=emu.member)
    message = await record.wait_final(10)
    before = text_of(message)
    refused = await emu.press_button(
        message, _next_button(message)["custom_id"], user=emu.moderator
    )
    refusal = await refused.wait_final(10)
    assert is_ephemeral(refusal)
    assert "Only the person who asked" in text_of(refusal)
    assert text_of(record.original or {}) == before
