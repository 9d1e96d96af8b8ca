"""The store: SQLModel tables, async engines, Alembic migrations, the conversation's memory."""
