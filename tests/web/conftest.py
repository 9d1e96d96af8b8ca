"""The web desk's tests share one set-up: a store with three accounts and the desk over it."""

from __future__ import annotations

from bot.core.assistant import Assistant
from bot.core.factory import Engine, build_assistant
from bot.handoff.desk import Desk
from bot.settings import Settings
from bot.store import accounts
from bot.store.database import Database
from bot.store.migrate import upgrade
from bot.web.app import DeskWeb, desk_web
from bot.web.auth import hash_password

PASSWORD = "correct horse battery"
STAFF = (("sato", "counselor"), ("tanaka", "counselor"), ("boss", "supervisor"))


async def staffed_desk(engine: Engine, url: str) -> tuple[Database, Assistant, DeskWeb]:
    """A migrated store at `url`, the assistant on it, accounts sato and tanaka (counselors)
    and boss (supervisor), and the web desk."""
    db = Database(url)
    await upgrade(db)
    settings = Settings(business_hours="Mon-Sun 00:00-23:59 Asia/Tokyo", _env_file=None)
    assistant = build_assistant(settings, engine=engine, db=db)
    async with db.session() as session:
        for name, role in STAFF:
            await accounts.create_account(
                session=session, name=name, role=role, password_hash=hash_password(PASSWORD)
            )
    return (
        db,
        assistant,
        desk_web(Desk(assistant.handoff, assistant.answer_text), assistant.answer_text),
    )
