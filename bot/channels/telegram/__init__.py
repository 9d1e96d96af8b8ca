"""madoguchi on Telegram: python-telegram-bot's Application, handlers and HTML rendering."""

from bot.channels.telegram.app import build_application

__all__ = ["build_application"]
