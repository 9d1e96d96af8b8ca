"""Who may use the web desk: argon2 password hashes, a throttle on failed logins, CSRF tokens.

Sessions are Starlette's signed cookies (itsdangerous); what they hold is the account's name,
its role at login and the CSRF token of the session. Every form and every htmx call carries the
token; a POST without the session's token is refused before anything happens.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

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


@dataclass
class LoginThrottle:
    """At most `attempts` failed logins per `window` seconds, per name and per address: a
    guesser is slowed to a few tries an hour, and the person who mistyped waits minutes."""

    attempts: int = 5
    window: float = 300.0
    _failures: dict[str, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def wait(self, *keys: str, now: float | None = None) -> float:
        """Seconds before another try is allowed (0: go ahead)."""
        now = time.monotonic() if now is None else now
        waits = []
        for key in keys:
            failures = self._recent(key, now)
            if len(failures) >= self.attempts:
                waits.append(failures[0] + self.window - now)
        return max(waits, default=0.0)

    def failed(self, *keys: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        for key in keys:
            self._recent(key, now).append(now)

    def succeeded(self, *keys: str) -> None:
        for key in keys:
            self._failures.pop(key, None)


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
