"""Every MADOGUCHI_* setting, read once at startup (never at import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.languages import parse_language

__all__ = ["Settings", "default_database_url"]


def default_database_url() -> str:
    """A SQLite file in the user's data directory, so `madoguchi chat` needs no set-up."""
    return f"sqlite+aiosqlite:///{Path(user_data_dir('madoguchi')) / 'madoguchi.db'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MADOGUCHI_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    database_url: str = Field(default_factory=default_database_url)
    telegram_token: str | None = None
    telegram_base_url: str | None = None
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str | None = None
    # LINE (madoguchi serve --line): the Messaging API channel's secret (signs the webhook's
    # calls) and long-lived access token; the API host (a local stand-in in tests), for the
    # Messaging API and the data API alike; where the webhook listens (path /line/webhook).
    line_channel_secret: str | None = None
    line_channel_access_token: str | None = None
    line_api_base_url: str = "https://api.line.me"
    line_webhook_listen: str = "127.0.0.1"
    line_webhook_port: int = 8090
    # The web desk (madoguchi web): where it listens; the key that signs its session cookies
    # (empty: one kept in the user data dir, made on first start); cookies marked Secure and
    # X-Forwarded-* trusted from these proxies when it runs behind a TLS proxy.
    web_listen: str = "127.0.0.1"
    web_port: int = 8080
    web_secret_key: str | None = None
    web_secure_cookies: bool = False
    web_trusted_proxies: str = "127.0.0.1"
    sla_minutes: int = 15
    # Messages per minute one process sends to one group (the counselors' chat). Telegram
    # allows 20; raise it only where the API in front of you allows more (a local Bot API
    # server, a test). With several workers each keeps its own count: Telegram's 429s beyond
    # the limit are retried from the outbox.
    telegram_group_rate: int = Field(default=20, ge=1)
    counselor_chat_id: int | None = None
    counselor_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    # May take over, release or close any ticket (a counselor who went home strands no one).
    supervisor_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    # `serve` with no counselors' chat: is a terminal desk (`madoguchi desk`) reading the queue?
    terminal_desk: bool = False
    business_hours: str = "Mon-Fri 09:00-17:00 Asia/Tokyo"
    default_language: str = "en"
    log_level: str = "WARNING"
    # Where content lives; empty means the folders shipped with the package (or the checkout).
    content_dir: Path | None = None

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        code = parse_language(value)
        if code is None:
            raise ValueError(f"unknown language {value!r}")
        return code

    @field_validator("counselor_ids", "supervisor_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, int):
            return [value]
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        return value
