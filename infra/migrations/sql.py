"""Run a multi-statement raw SQL script inside the migration's transaction.

asyncpg prepares each statement and refuses several in one; the driver's simple
query protocol accepts a whole script, so migrations hand their SQL to it.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text
from sqlalchemy.util import await_only


def execute_script(sql: str) -> None:
    bind = op.get_bind()
    bind.execute(text("SELECT 1"))  # makes SQLAlchemy open the migration's transaction first
    driver = bind.connection.driver_connection
    assert driver is not None
    await_only(driver.execute(sql))
