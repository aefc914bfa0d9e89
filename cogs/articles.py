"""Moderator commands for the stories Pitwall knows: ``/articles add | list | remove``.

Thin: it reads options, hands the work to the bot's ``Intake`` (fetching, extracting, writing
the source file under data/ and ingesting) and renders the result. Every reply is private.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.render import article_added, article_list, send_rendered, story_link
from cogs._moderator import (
    defer_private,
    reply_private,
    require_manage_guild,
    require_web_link,
    running,
)

if TYPE_CHECKING:
    from bot.client import Pitwall

log = logging.getLogger(__name__)

Interaction = discord.Interaction["Pitwall"]

#: The largest attachment taken; the intake refuses anything bigger too.
MAX_UPLOAD = 5 * 1024 * 1024
#: ``/articles list`` shows at most this many (the newest).
LIST_LIMIT = 500


async def _articles(interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
    return [
        app_commands.Choice(name=c.name, value=c.value)
        for c in interaction.client.answers.complete_articles(current)
    ]


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Articles(
    commands.GroupCog,
    group_name="articles",
    group_description="The stories Pitwall knows, for moderators",
):
    """Add a story from a link or a file, list the stories, remove one."""

    bot: Pitwall

    def __init__(self, bot: Pitwall) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        """Check Manage Server at run time too: admins can change who sees the commands."""
        return require_manage_guild(interaction)

    @app_commands.command()
    @app_commands.describe(
        url="A link to the article (https://...)",
        file="Or a saved article: .html, .md or .txt, at most 5 MB",
    )
    async def add(
        self,
        interaction: Interaction,
        url: app_commands.Range[str, 1, 2000] | None = None,
        file: discord.Attachment | None = None,
    ) -> None:
        """Add a story from a link or a file: Pitwall extracts it and can answer about it."""
        with running(self.bot):
            if (url is None) == (file is None):
                raise UserError("Give either a link with `url:` or a file with `file:` (one).")
            link = require_web_link(url) if url is not None else None
            if file is not None and file.size > MAX_UPLOAD:
                raise UserError(f"That file is {file.size / 1_048_576:.1f} MB; at most 5 MB.")
            await defer_private(interaction)
            intake = self.bot.intake
            if link is not None:
                result = await intake.add(link)
            else:
                assert file is not None
                result = await intake.add_upload(file.filename, await file.read())
            if not result.unchanged:
                await self.bot.articles_changed()
            log.info(
                "/articles add by %s in guild %s: %s (%s)",
                interaction.user.id, interaction.guild_id, result.article.slug,
                "unchanged" if result.unchanged else "replaced" if result.replaced else "new",
            )  # fmt: skip
            await reply_private(
                interaction,
                article_added(
                    result.article,
                    quotes=result.quotes,
                    replaced=result.replaced,
                    unchanged=result.unchanged,
                ),
            )

    @app_commands.command(name="list")
    async def list_(self, interaction: Interaction) -> None:
        """List the stories Pitwall knows, newest first."""
        with running(self.bot):
            await defer_private(interaction)
            articles = await self.bot.intake.articles(limit=LIST_LIMIT)
            total = await self.bot.intake.article_count()
            await send_rendered(interaction, article_list(articles, total))

    @app_commands.command()
    @app_commands.describe(article="Which story to remove (pick one from the list)")
    @app_commands.autocomplete(article=_articles)
    async def remove(
        self, interaction: Interaction, article: app_commands.Range[str, 1, 100]
    ) -> None:
        """Remove a story: Pitwall stops answering from it (its file is kept aside in data/)."""
        with running(self.bot):
            await defer_private(interaction)
            removed = await self.bot.intake.remove(article.strip())
            await self.bot.articles_changed()
            log.info("/articles remove by %s: %s", interaction.user.id, removed.slug)
            await reply_private(
                interaction,
                f"Removed: {story_link(removed)} ({removed.published:%d %B %Y}).",
            )


async def setup(bot: Pitwall) -> None:
    """Add the /articles commands."""
    await bot.add_cog(Articles(bot))
