"""Hostile input, generated: every command and option, end to end through the local Discord.

Hypothesis draws interactions (slash commands with random, huge, hostile or wrongly typed
options; autocomplete; @mentions) and sends each to one real bot process. Whatever arrives,
the user gets exactly one answer within Discord's 3 seconds, no payload breaks Discord's
limits (the emulator checks every one), nothing pings anyone, and no exception reaches the
bot's log as a traceback.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.helpers import live_bot, text_of
from tests.emulator import DiscordEmulator
from tests.emulator.fixtures import BotProcess

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

#: Discord's acknowledgement deadline.
DEADLINE = 3.0
#: How long to wait for anything: past the deadline an answer is lost anyway, and a short wait
#: keeps Hypothesis's shrinking of a failure quick.
WAIT = 4.0


@dataclass
class Live:
    """The module's emulator and bot, and how much of the bot's output was already checked."""

    emu: DiscordEmulator
    bot: BotProcess
    checked: int = 0

    def new_output(self) -> str:
        out = self.bot.output()
        fresh, self.checked = out[self.checked :], len(out)
        return fresh


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Live]:
    async with live_bot(tmp_path_factory.mktemp("property-e2e")) as (emu, bot):
        yield Live(emu, bot)
    assert "Traceback" not in bot.output(), bot.output()


# -- what a hostile (or broken) client may type ---------------------------------------------

FRAGMENTS = [
    # FTS5 and SQL syntax
    "NEAR(kill us, 2)", '"', "*", "^", "kill*", "quote:", "text:kill", "AND", "OR", "NOT", "-",
    "(", ")", "{text}:", "'); DROP TABLE quotes; --", "' OR 1=1 --", "/*", "%", "_", ";",
    # markdown and mention syntax
    "**", "__", "~~", "||", "`", "```", "> ", "# ", "-# ", "[link](https://example.com)",
    "\\", "@everyone", "@here", "<@1234567890123456>", "<@!1234567890123456>",
    "<@&1234567890123456>", "<#1234567890123456>", "</quote:1234567890123456>", "<t:0:R>",
    # unicode that breaks naive code
    "\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u0301", "👩‍👩‍👧‍👦", "🏎️", "ﷺ", "ß",
    "İ", "\x00", "\x1b[31m", "\r\n", "\t", "\U0010ffff", "𝕂𝕀𝕃𝕃",
    # what the store holds, so some inputs match something
    "Russell", "Bottas", "the Finn", "Hamilton", "kill us both", "lap 32", "apologise",
    "2021-04-20", "2021-04-20-russell-bottas", "who said", "what happened on lap", "sorry",
]  # fmt: skip

pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=20),
    st.text(st.characters(codec="utf-8"), max_size=8),
)
#: Past every option's max_length, up to Discord's whole-message size and beyond.
huge_text = st.builds(
    lambda unit, size: (unit * size)[:size],
    st.sampled_from([f for f in FRAGMENTS if f]),
    st.sampled_from([201, 301, 1001, 2001, 4097, 6001]),
)
hostile_text = st.one_of(
    st.lists(pieces, max_size=12).map(" ".join),
    st.lists(pieces, max_size=12).map("".join),
    huge_text,
    st.text(min_size=100, max_size=2000),
)
#: Values of the wrong JSON type for any option (a client Discord would never let through).
wrong_type = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-(2**70), 2**70),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
numbers = st.one_of(st.integers(1, 100), st.integers(-(2**63), 2**63), st.sampled_from([0, 101]))

channels = st.sampled_from(["general", "read-only", "no-embeds"])

#: Every command and its options: (name, {option: strategy for a well-typed value}).
COMMANDS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "quote": {"speaker": hostile_text, "contains": hostile_text},
    "whosaid": {"phrase": hostile_text},
    "lap": {"number": numbers},
    "apology": {},
    "who": {"name": hostile_text},
    "facts": {"article": hostile_text},
    "recap": {"article": hostile_text},
    "ask": {"question": hostile_text},
    "recaps schedule": {
        "channel": channels,
        "time": st.one_of(hostile_text, st.sampled_from(["09:00", "23:59", "24:00", "9pm"])),
        "timezone": st.one_of(
            hostile_text, st.sampled_from(["UTC", "europe/rome", "Mars/Olympus"])
        ),
        "every": st.sampled_from(["daily", "weekly", "hourly"]),
    },
    "recaps status": {},
    "recaps off": {"channel": channels},
    "recaps post": {"channel": channels},
}
#: Options a command cannot run without (a case leaves the others out at random).
REQUIRED = {"phrase", "number", "name", "question", "channel", "time"}
AUTOCOMPLETE = [
    ("quote", "speaker"),
    ("who", "name"),
    ("facts", "article"),
    ("recap", "article"),
    ("recaps schedule", "timezone"),
]


@dataclass(frozen=True)
class Command:
    name: str
    options: dict[str, Any]
    raw: list[dict[str, Any]] | None = None


@dataclass(frozen=True)
class Autocomplete:
    name: str
    focused: str
    value: Any


@dataclass(frozen=True)
class Mention:
    text: str


Case = Command | Autocomplete | Mention


@st.composite
def commands(draw: st.DrawFn) -> Command:
    """A command with some of its options, all well typed or (one time in four) one not."""
    name = draw(st.sampled_from(sorted(COMMANDS)))
    given = [o for o in COMMANDS[name] if o in REQUIRED or draw(st.booleans())]
    mistyped = draw(st.sampled_from(given)) if given and draw(st.integers(0, 3)) == 0 else None
    options = {o: draw(wrong_type if o == mistyped else COMMANDS[name][o]) for o in given}
    return Command(name, options)


@st.composite
def raw_commands(draw: st.DrawFn) -> Command:
    """A command whose option list is garbled: missing, unknown, duplicated or mistyped."""
    name = draw(st.sampled_from(sorted(COMMANDS)))
    known = sorted(COMMANDS[name]) or ["x"]
    option = st.fixed_dictionaries(
        {
            "name": st.one_of(st.sampled_from(known), st.text(max_size=10)),
            "type": st.sampled_from([3, 4, 5, 10, 99]),
            "value": st.one_of(hostile_text, wrong_type),
        }
    )
    raw = draw(st.lists(option, max_size=3))
    group, _, sub = name.partition(" ")
    if sub:  # a subcommand's options travel inside it
        return Command(group, {}, [{"name": sub, "type": 1, "options": raw}])
    return Command(name, {}, raw)


cases: st.SearchStrategy[Case] = st.one_of(
    commands(),
    commands(),
    commands(),
    raw_commands(),
    st.builds(
        lambda pair, value: Autocomplete(pair[0], pair[1], value),
        st.sampled_from(AUTOCOMPLETE),
        st.one_of(hostile_text.map(lambda t: t[:100]), hostile_text, wrong_type),
    ),
    st.builds(Mention, hostile_text.map(lambda t: t[:1900])),
)


# -- what must hold for every one of them ---------------------------------------------------


def pings_nobody(message: dict[str, Any]) -> bool:
    return (
        not message.get("mentions")
        and not message.get("mention_roles")
        and not message.get("mention_everyone")
    )


async def run_case(live: Live, case: Case) -> None:
    emu = live.emu
    emu.take_violations()  # an earlier failing case's leftovers are that case's
    live.new_output()
    if isinstance(case, Autocomplete):
        choices = await emu.send_autocomplete(
            case.name,
            {case.focused: case.value},
            focused=case.focused,
            user=emu.moderator,
            timeout=WAIT,
        )
        assert len(choices) <= 25
        assert all(1 <= len(c["name"]) <= 100 and len(str(c["value"])) <= 100 for c in choices)
    elif isinstance(case, Mention):
        channel = emu.channel_id("general")
        sent = await emu.send_message(case.text, channel_id=channel)
        reply = await emu.wait_for_channel_message(channel, reply_to=sent, timeout=WAIT)
        assert text_of(reply).strip()
        assert pings_nobody(reply)
    else:
        moderator = case.name.startswith("recaps")
        record = await emu.send_command(
            case.name,
            case.options or None,
            raw_options=case.raw,
            force=True,
            user=emu.moderator if moderator else emu.member,
        )
        first = await record.first_response(WAIT)
        assert first.elapsed < DEADLINE, f"first response after {first.elapsed:.2f}s"
        final = await record.wait_final(WAIT)
        assert text_of(final).strip()
        assert len(record.callbacks) == 1 and not record.rejected, record
        assert len(record.messages) == 1, record.messages
        assert all(pings_nobody(m) for m in record.messages)
    problems = emu.take_violations()
    assert problems == [], "\n".join(problems)
    fresh = live.new_output()
    assert "Traceback" not in fresh, fresh


PROPERTY = settings(
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@settings(PROPERTY, max_examples=100)
@given(case=cases)
async def test_every_interaction_gets_one_answer_within_limits(live: Live, case: Case) -> None:
    """About 100 hostile interactions: one answer each, in time, within limits, no pings."""
    await run_case(live, case)


@pytest.mark.slow
@settings(PROPERTY, max_examples=2000)
@given(case=cases)
async def test_two_thousand_hostile_interactions(live: Live, case: Case) -> None:
    """The same property over 2,000 interactions."""
    await run_case(live, case)
