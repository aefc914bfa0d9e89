"""Fan commands end to end: the real bot process against the local Discord emulator.

One emulator and one bot process serve the whole module (starting a process per test would
cost seconds each); every test still checks that no payload broke Discord's limits.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from tests.e2e.helpers import button, is_ephemeral, live_bot, text_of
from tests.emulator import DiscordEmulator
from tests.emulator.fixtures import BotProcess

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

FAN_COMMANDS = {"quote", "whosaid", "lap", "apology", "who", "facts", "recap", "ask"}


class Session:
    def __init__(self, emu: DiscordEmulator, bot: BotProcess) -> None:
        self.emu = emu
        self.bot = bot

    async def ask(self, name: str, options: Any = None, **kwargs: Any) -> dict[str, Any]:
        """Run a command and return the message the user finally sees."""
        record = await self.emu.send_command(name, options, **kwargs)
        first = await record.first_response(5)
        assert first.elapsed < 3.0, f"/{name} answered after {first.elapsed:.2f}s"
        return await record.wait_final(10)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Session]:
    async with live_bot(tmp_path_factory.mktemp("fan-e2e")) as (emu, bot):
        yield Session(emu, bot)


@pytest.fixture(autouse=True)
def no_violations(live: Session) -> Any:
    yield
    problems = live.emu.take_violations()
    assert problems == [], "\n".join(problems)


async def test_commands_are_synced_to_the_guild_only(live: Session) -> None:
    """With PITWALL_GUILD_ID set, start registers every command to that guild, never globally."""
    names = {c["name"] for c in live.emu.commands_for(live.emu.guild_id)}
    assert names >= FAN_COMMANDS
    assert live.emu.global_syncs == 0


async def test_lap_32_is_the_crash(live: Session) -> None:
    """/lap 32 tells of the Russell-Bottas crash and that both were out."""
    text = text_of(await live.ask("lap", {"number": 32}))
    assert "Russell" in text and "Bottas" in text
    assert "failed to finish" in text or "out of the race" in text


async def test_lap_without_event_lists_laps_that_have_one(live: Session) -> None:
    """A lap with no event says so, privately, and names lap 32 as one that has one."""
    message = await live.ask("lap", {"number": 7})
    assert is_ephemeral(message)
    assert re.search(r"\b32\b", text_of(message))


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        ("kill us both", "George Russell"),
        ("KILL us, both!!", "George Russell"),
        ("strength comes from vulnerabilty", "Lewis Hamilton"),
        ("completely his fault", "Valtteri Bottas"),
        ("wasn't my proudest day", "George Russell"),
    ],
)
async def test_whosaid_names_the_speaker(live: Session, phrase: str, speaker: str) -> None:
    """/whosaid finds the speaker despite case, punctuation and small typos."""
    assert speaker in text_of(await live.ask("whosaid", {"phrase": phrase}))


async def test_whosaid_never_guesses(live: Session) -> None:
    """Nothing close: a private answer that names nobody."""
    message = await live.ask("whosaid", {"phrase": "purple giraffes juggle quantum marmalade"})
    assert is_ephemeral(message)
    text = text_of(message)
    for name in ("Russell", "Bottas", "Hamilton", "Wolff"):
        assert name not in text


async def test_quote_by_alias(live: Session) -> None:
    """/quote speaker:'the Finn' shows Bottas's words, with setting and source."""
    text = text_of(await live.ask("quote", {"speaker": "the Finn"}))
    assert "completely his (Russell's) fault" in text
    assert "Valtteri Bottas" in text
    assert "2021-04-20" in text


async def test_quote_contains(live: Session) -> None:
    """/quote contains:DRS finds Russell's remarks after the race."""
    text = text_of(await live.ask("quote", {"contains": "DRS"}))
    assert "I had the DRS" in text and "George Russell" in text
    assert "remarks after the race" in text


async def test_quote_without_options_is_a_quote(live: Session) -> None:
    """/quote with no options shows one attributed quote."""
    message = await live.ask("quote")
    assert not is_ephemeral(message)
    assert "“" in text_of(message)


async def test_quote_unknown_speaker_is_private_and_invents_nothing(live: Session) -> None:
    """An unknown speaker gets a short private answer."""
    message = await live.ask("quote", {"speaker": "Zzyzx Qwerty"})
    assert is_ephemeral(message)
    text = text_of(message)
    assert "Zzyzx Qwerty" in text
    for name in ("Russell", "Bottas", "Hamilton", "Wolff"):
        assert name not in text


async def _all_pages(live: Session, message: dict[str, Any], user: Any) -> list[str]:
    pages = [text_of(message)]
    while True:
        nxt = button(message, "Next")
        if nxt is None or nxt.get("disabled"):
            return pages
        record = await live.emu.press_button(message, nxt["custom_id"], user=user)
        message = await record.wait_final(10)
        pages.append(text_of(message))


async def test_apology_is_complete_and_in_order(live: Session) -> None:
    """/apology shows every paragraph of Russell's post in order, then the reactions."""
    user = live.emu.member
    message = await live.ask("apology", user=user)
    text = "\n".join(await _all_pages(live, message, user))
    opening = text.index("Yesterday wasn't my proudest day")
    order = [
        "Yesterday wasn't my proudest day",
        "I have to take responsibility for that",
        "Emotions can run high",
        "I apologise to Valtteri",
        "I've learned some tough lessons",
        "They will all help me to grow.",
    ]
    positions = [text.index(part, opening) for part in order]
    assert positions == sorted(positions)
    assert "Strength comes from vulnerability" in text  # Hamilton's reaction
    wolff = text[text.index("Toto Wolff") :]
    assert "Russell was in the wrong" in wolff
    assert "“Russell was in the wrong" not in text  # reported, never quoted


async def test_who_by_surname(live: Session) -> None:
    """/who Bottas: full name, team and the article's aliases."""
    text = text_of(await live.ask("who", {"name": "Bottas"}))
    assert "Valtteri Bottas" in text
    assert "Mercedes" in text
    assert "the Finn" in text


async def test_facts_show_the_editors_note(live: Session) -> None:
    """/facts keeps the article's words and shows the editor's note beside them."""
    slug = "2021-04-20-russell-bottas"
    text = text_of(await live.ask("facts", {"article": slug}))
    assert "Italian" in text
    assert "Emilia Romagna" in text and "Imola" in text
    assert "32" in text


async def test_recap_on_demand(live: Session) -> None:
    """/recap for the seed article shows its headline and key quote."""
    text = text_of(await live.ask("recap", {"article": "2021-04-20-russell-bottas"}))
    assert "Russell" in text and "2021-04-20" in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what happened on lap 32?", "Bottas"),
        ("who said 'kill us both'?", "George Russell"),
        ("did Russell apologise?", "I apologise to Valtteri"),
        ("what did Hamilton say about it?", "Strength comes from vulnerability"),
    ],
)
async def test_ask_routes_plain_english(live: Session, question: str, expected: str) -> None:
    """/ask answers the issue's example questions."""
    user = live.emu.member
    message = await live.ask("ask", {"question": question}, user=user)
    assert expected in "\n".join(await _all_pages(live, message, user))


async def test_mention_gets_the_same_answer_as_a_reply(live: Session) -> None:
    """@Pitwall what happened on lap 32? is answered as a reply that pings nobody."""
    channel = live.emu.channel_id("general")
    sent = await live.emu.send_message(
        f"<@{live.emu.bot_user_id}> what happened on lap 32?", channel_id=channel
    )
    reply = await live.emu.wait_for_channel_message(
        channel, lambda m: (m.get("message_reference") or {}).get("message_id") == sent["id"], 10
    )
    assert "Bottas" in text_of(reply)


@pytest.mark.parametrize(
    ("current", "first"),
    [("Rus", "George Russell"), ("the fin", "Valtteri Bottas"), ("hamil", "Lewis Hamilton")],
)
async def test_speaker_autocomplete_ranks_sensibly(live: Session, current: str, first: str) -> None:
    """Autocomplete puts the obvious person first; at most 25 choices."""
    choices = await live.emu.send_autocomplete("quote", {"speaker": current}, focused="speaker")
    assert 0 < len(choices) <= 25
    assert choices[0]["value"] == first


async def test_article_autocomplete_lists_articles(live: Session) -> None:
    """The article option completes to slugs, the seed among them."""
    choices = await live.emu.send_autocomplete("facts", {"article": ""}, focused="article")
    assert "2021-04-20-russell-bottas" in {c["value"] for c in choices}
    assert all(1 <= len(c["name"]) <= 100 for c in choices)
