"""Fan commands: quotes, who said it, laps, the apology, people, facts, recaps and /ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from cogs._respond import respond

if TYPE_CHECKING:
    from bot.client import Pitwall

Interaction = discord.Interaction["Pitwall"]


def _choices(items: list) -> list[app_commands.Choice[str]]:  # type: ignore[type-arg]
    return [app_commands.Choice(name=c.name, value=c.value) for c in items]


async def _people(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    return _choices(interaction.client.answers.complete_people(current))


async def _articles(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    return _choices(interaction.client.answers.complete_articles(current))


class FanCommands(commands.Cog):
    """The slash commands any member can use."""

    def __init__(self, bot: Pitwall) -> None:
        self.bot = bot

    @app_commands.command()
    @app_commands.describe(
        speaker="Who said it: a name, surname or nickname", contains="Words the quote contains"
    )
    @app_commands.autocomplete(speaker=_people)
    async def quote(
        self,
        interaction: Interaction,
        speaker: app_commands.Range[str, 1, 100] | None = None,
        contains: app_commands.Range[str, 1, 200] | None = None,
    ) -> None:
        """Show quotes from the articles; with no options, a random one."""
        await respond(interaction, self.bot.answers.quote(speaker=speaker, contains=contains))

    @app_commands.command()
    @app_commands.describe(phrase="A few words of the quote; small typos are fine")
    async def whosaid(
        self, interaction: Interaction, phrase: app_commands.Range[str, 1, 200]
    ) -> None:
        """Find who said a quote."""
        await respond(interaction, self.bot.answers.whosaid(phrase))

    @app_commands.command()
    @app_commands.describe(number="The lap number, 1 to 100")
    async def lap(self, interaction: Interaction, number: app_commands.Range[int, 1, 100]) -> None:
        """Say what happened on a lap."""
        await respond(interaction, self.bot.answers.lap(number))

    @app_commands.command()
    async def apology(self, interaction: Interaction) -> None:
        """Show the apology in full, with the reactions to it."""
        await respond(interaction, self.bot.answers.apology())

    @app_commands.command()
    @app_commands.describe(name="A name, surname or nickname")
    @app_commands.autocomplete(name=_people)
    async def who(self, interaction: Interaction, name: app_commands.Range[str, 1, 100]) -> None:
        """Show who someone is and what they said."""
        await respond(interaction, self.bot.answers.who(name))

    @app_commands.command()
    @app_commands.describe(article="Which story (default: the newest)")
    @app_commands.autocomplete(article=_articles)
    async def facts(
        self, interaction: Interaction, article: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        """Show a story's key facts."""
        await respond(interaction, self.bot.answers.facts(article))

    @app_commands.command()
    @app_commands.describe(article="Which story (default: the newest)")
    @app_commands.autocomplete(article=_articles)
    async def recap(
        self, interaction: Interaction, article: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        """Show a story's recap, as the scheduled recap posts it."""
        await respond(interaction, self.bot.answers.recap(article))

    @app_commands.command()
    @app_commands.describe(question='e.g. "what happened on lap 32?" or "who said kill us both?"')
    async def ask(
        self, interaction: Interaction, question: app_commands.Range[str, 1, 300]
    ) -> None:
        """Ask a question in plain English."""
        await respond(interaction, self.bot.answers.ask(question))


async def setup(bot: Pitwall) -> None:
    """Add the fan commands."""
    await bot.add_cog(FanCommands(bot))
