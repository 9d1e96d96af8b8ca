"""Who may use the web desk: argon2 password hashes, a throttle on failed logins, CSRF tokens.

Sessions are Starlette's signed cookies (itsdangerous); what they hold is the account's name,
its role at login and the CSRF token of the session. Every form and every htmx call carries the
token; a POST without the session's token is refused before anything happens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import accounts

__all__ = [
    "LoginThrottle",
    "check_csrf",
    "csrf_token",
    "hash_password",
    "secret_key",
    "verify_password",
]

_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters
MIN_PASSWORD = 10


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"the password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


# A hash of a password nobody has: a login for an unknown name costs the same time as one for
# a known name with a wrong password, so timing does not tell which names exist.
_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True, slots=True)
class LoginThrottle:
    """At most `attempts` failed logins per `window` seconds, per name and per address: a
    guesser is slowed to a few tries an hour, and the person who mistyped waits minutes. The
    count lives in the store (`login_failures`), so every worker process sees the same one."""

    attempts: int = 5
    window: float = 300.0
    # The desk's secret key: the stored keys are HMACs under it, so a name (or a password typed
    # into the name field) and an address cannot be recovered by hashing guesses.
    secret: bytes = b""

    def _digests(self, keys: tuple[str, ...]) -> list[str]:
        return [hmac.new(self.secret, k.encode("utf-8"), hashlib.sha256).hexdigest() for k in keys]

    async def wait(
        self, session: AsyncSession, *keys: str, now: dt.datetime | None = None
    ) -> float:
        """Seconds before another try is allowed (0: go ahead)."""
        now = now or dt.datetime.now(dt.UTC)
        since = now - dt.timedelta(seconds=self.window)
        counts = await accounts.login_failures_since(
            session=session, keys=self._digests(keys), since=since
        )
        waits = [
            (oldest - since).total_seconds()
            for count, oldest in counts.values()
            if count >= self.attempts
        ]
        return max(waits, default=0.0)

    async def failed(
        self, session: AsyncSession, *keys: str, now: dt.datetime | None = None
    ) -> None:
        now = now or dt.datetime.now(dt.UTC)
        await accounts.record_login_failure(
            session=session,
            keys=self._digests(keys),
            at=now,
            forget_before=now - dt.timedelta(seconds=self.window),
        )

    async def succeeded(self, session: AsyncSession, *keys: str) -> None:
        await accounts.clear_login_failures(session=session, keys=self._digests(keys))


def csrf_token(session: dict) -> str:
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf(session: dict, given: str | None) -> bool:
    expected = session.get("csrf")
    return bool(expected and given) and hmac.compare_digest(str(expected), str(given))


def secret_key(configured: str | None, data_dir: Path) -> str:
    """The configured key, else one kept (0600) in the user data dir, made on first start, so
    sessions survive a restart and every process on this machine signs alike."""
    if configured:
        return configured
    path = data_dir / "web-secret-key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.touch(mode=0o600)
    path.write_text(key, encoding="utf-8")
    return key
