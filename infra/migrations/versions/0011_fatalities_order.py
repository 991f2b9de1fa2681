"""`GET /events?sort=fatalities`: an index in that order (deadliest first, unknown tolls last),
so a keyset page reads its rows instead of sorting every match.

Revision ID: 0011
Revises: 0010
"""

from infra.migrations.sql import execute_script

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        "CREATE INDEX rm_conflict_events_killed_idx ON rm_conflict_events (killed DESC NULLS LAST, event_id DESC);"
    )


def downgrade() -> None:
    execute_script("DROP INDEX rm_conflict_events_killed_idx;")
