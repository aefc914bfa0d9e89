"""Thin discord.py extensions: read options, call the answer engine, send the rendered answer."""
